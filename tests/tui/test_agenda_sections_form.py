"""Pilot tests of what the secretary gives for a true agenda (docs/agenda.md): an agenda
item's section and its times and a wording of several lines (the meeting screen's item
form), when the meeting is planned to end (the meeting form), and the committee's agenda
front page (its details form). Asserted on the store."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Select, Static, TextArea

from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.committee import CommitteeScreen
from minutebook.tui.screens.meeting import MeetingScreen
from minutebook.tui.widgets.form import FormScreen

SIZE = (80, 24)


async def fill(pilot, field: str, text: str) -> None:  # type: ignore[no-untyped-def]
    pilot.app.screen.query_one(f"#field-{field}", Input).value = text
    await pilot.pause()


def form_errors(app: MinutebookApp) -> str:
    assert isinstance(app.screen, FormScreen), "the form should still be open"
    return str(app.screen.query_one("#form-errors", Static).render())


async def test_an_item_opens_a_section_and_its_wording_has_lines(
    app: MinutebookApp, app_store: Store
) -> None:
    (meeting,) = app_store.meetings("PAR")
    meeting_id = meeting.id or 0
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(MeetingScreen(meeting_id))
        await pilot.pause()
        table = app.screen.query_one("#agenda-table", DataTable)
        table.move_cursor(row=2)  # Planning
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        # Times without the section's title, or ending before they start, are refused.
        await fill(pilot, "section_starts", "7.30pm")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "need the section's title" in form_errors(app)
        await fill(pilot, "section", "Strategy")
        await fill(pilot, "section_ends", "19:00")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "ends after it starts" in form_errors(app)
        assert app_store.agenda(meeting_id)[2].section is None  # nothing stored meanwhile
        await fill(pilot, "section_ends", "20:15")
        wording = app.screen.query_one("#field-description", TextArea)
        wording.focus()
        await pilot.press("enter")  # a new line in the wording, not saving the form
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        wording.text = "To consider:\n- the Local Plan\n- the Neighbourhood Plan"
        app.screen.query_one("#field-purpose", Select).value = "procedural"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
    planning = app_store.agenda(meeting_id)[2]
    assert (planning.section, planning.section_starts, planning.section_ends) == (
        "Strategy",
        "19:30",
        "20:15",
    )
    assert planning.description == "To consider:\n- the Local Plan\n- the Neighbourhood Plan"
    assert planning.purpose.value == "procedural"


async def test_the_form_opens_with_the_section_and_blank_clears_it(
    app: MinutebookApp, app_store: Store
) -> None:
    (meeting,) = app_store.meetings("PAR")
    meeting_id = meeting.id or 0
    first = app_store.agenda(meeting_id)[0]
    app_store.update_agenda_item(
        first.model_copy(update={"section": "Opening", "section_starts": "19:00"})
    )
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(MeetingScreen(meeting_id))
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#field-section", Input).value == "Opening"
        assert app.screen.query_one("#field-section_starts", Input).value == "19:00"
        await fill(pilot, "section", "")
        await fill(pilot, "section_starts", "")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
    cleared = app_store.agenda(meeting_id)[0]
    assert (cleared.section, cleared.section_starts) == (None, None)


async def test_the_meeting_form_takes_the_planned_end(app: MinutebookApp, app_store: Store) -> None:
    (meeting,) = app_store.meetings("PAR")
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(CommitteeScreen("PAR"))
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        await fill(pilot, "planned_end", "6pm")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "planned to end after it starts" in form_errors(app)
        await fill(pilot, "planned_end", "9pm")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CommitteeScreen)
    assert app_store.meeting(meeting.id or 0).planned_end == "21:00"


async def test_the_details_form_sets_the_agenda_front_page(
    app: MinutebookApp, app_store: Store
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(CommitteeScreen("PAR"))
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert app.screen.query_one("#field-exclusion_on_agenda", Select).value is False
        await fill(pilot, "agenda_subtitle", "Serving Little Snoring since 1894")
        await fill(pilot, "enquiries", "Please contact the Clerk on 01234 567890")
        app.screen.query_one("#field-exclusion_on_agenda", Select).value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CommitteeScreen)
    committee = app_store.committee("PAR")
    assert committee.agenda_subtitle == "Serving Little Snoring since 1894"
    assert committee.enquiries == "Please contact the Clerk on 01234 567890"
    assert committee.exclusion_on_agenda is True
