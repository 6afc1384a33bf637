"""The committee's kind of body in the app (docs/confidentiality.md, docs/declarations.md):
its details form shows the body type, the exclusion wording and its legal basis; the
agenda item form takes a confidential item's Schedule 12A paragraphs; live capture's
declaration form (F5) offers the body's categories of interest. Asserted on the store."""

from __future__ import annotations

from datetime import date, datetime

from textual.widgets import DataTable, Input, Select, Static

from minutebook.domain.bodies import PRESETS, BodyType
from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.committee import CommitteeScreen
from minutebook.tui.screens.meeting import MeetingScreen
from minutebook.tui.widgets.form import FormScreen

SIZE = (80, 24)


def form_errors(app: MinutebookApp) -> str:
    assert isinstance(app.screen, FormScreen), "the form should still be open"
    return str(app.screen.query_one("#form-errors", Static).render())


async def test_the_details_form_shows_the_body_and_the_law_and_saves_a_new_body(
    app: MinutebookApp, app_store: Store
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(CommitteeScreen("PAR"))
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FormScreen)
        assert screen.query_one("#field-body_type", Select).value == "principal_council"
        wording = screen.query_one("#field-exclusion_wording", Input)
        assert wording.value == PRESETS[BodyType.PRINCIPAL_COUNCIL].wording
        hint = str(screen.query_one("#form-hint", Static).render())
        assert "Local Government Act 1972, section 100A(4)" in hint
        wording.value = "That the public leave for {item}."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "{item} is not known" in form_errors(app)
        wording.value = PRESETS[BodyType.PRINCIPAL_COUNCIL].wording  # as it was shown
        screen.query_one("#field-body_type", Select).value = "parish_council"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormScreen)
    committee = app_store.committee("PAR")
    assert committee.body_type is BodyType.PARISH_COUNCIL
    assert committee.exclusion_wording is None  # the parish council's preset from now on


async def test_a_confidential_item_takes_its_schedule_12a_paragraphs(
    app: MinutebookApp, app_store: Store
) -> None:
    (meeting,) = app_store.meetings("PAR")
    meeting_id = meeting.id or 0
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(MeetingScreen(meeting_id))
        await pilot.pause()
        table = app.screen.query_one("#agenda-table", DataTable)
        table.move_cursor(row=2)
        await pilot.press("e")
        await pilot.pause()
        paragraphs = app.screen.query_one("#field-exempt_paragraphs", Input)
        paragraphs.value = "3"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "nly a confidential item has a Schedule 12A paragraph" in form_errors(app)
        app.screen.query_one("#field-confidential").value = True  # type: ignore[attr-defined]
        paragraphs.value = "9"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "'9' is not a paragraph of Part 1 of Schedule 12A" in form_errors(app)
        paragraphs.value = "3 and 1"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormScreen)
        row = app.screen.query_one("#agenda-table", DataTable).get_row_at(2)
        assert "Part II (1, 3)" in row
    item = app_store.agenda(meeting_id)[2]
    assert item.confidential and item.exempt_paragraphs == (1, 3)


async def test_the_declaration_form_offers_the_councils_categories(demo_store: Store) -> None:
    meeting_id = demo_store.meeting_on("HCP", date(2023, 9, 20)).id or 0
    app = MinutebookApp(
        demo_store, clock=lambda: datetime(2023, 9, 20, 14, 5), open_meeting=meeting_id
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        category = app.screen.query_one("#field-category", Select)
        assert category.value == "disclosable_pecuniary"
        offered = [value for _, value in category._options if isinstance(value, str)]
        assert offered == ["disclosable_pecuniary", "other_registrable", "non_registrable"]
