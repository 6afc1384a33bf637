"""Pilot tests of the compliance screen (docs/compliance.md), reached with `c` on the
committee screen or "Compliance" in the palette: the figures `minutebook compliance`
prints, a row for each thing they count, a period chosen (and refused), and Enter
taking the secretary to the meeting at the item or the tracker at the action."""

from __future__ import annotations

from datetime import date, datetime

from textual.widgets import DataTable, Static

from minutebook.application.compliance import compliance_report
from minutebook.domain.compliance import figures
from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.committee import CommitteeScreen
from minutebook.tui.screens.compliance import ComplianceScreen
from minutebook.tui.screens.meeting import MeetingScreen
from minutebook.tui.screens.tracker import TrackerScreen
from minutebook.tui.widgets.form import FormScreen
from tests.tui.settling import settled
from tests.tui.test_live_story import form_errors, set_value

SIZE = (80, 24)
NOW = datetime(2024, 4, 30, 10, 0)


def _text(screen: ComplianceScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def _rows(screen: ComplianceScreen) -> list[list[str]]:
    table = screen.query_one("#compliance-table", DataTable)
    return [[str(cell) for cell in table.get_row_at(r)] for r in range(table.row_count)]


def _inquorate_hcp(store: Store) -> None:
    """A ToR adopted before 13 June 2023 asking for 18 members (14 came)."""
    first = store.terms_of_reference("HCP")[0]
    strict = first.quorum.model_copy(update={"requirement": {"count": {"min": 18}}})
    store.add_terms_of_reference(
        "HCP",
        first.model_copy(update={"version": 2, "adopted": date(2023, 6, 1), "quorum": strict}),
    )


async def _compliance(pilot, code: str) -> ComplianceScreen:  # type: ignore[no-untyped-def]
    await pilot.pause()
    pilot.app.push_screen(CommitteeScreen(code))
    await pilot.pause()
    await pilot.press("c")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ComplianceScreen)
    return screen


async def test_the_figures_and_what_they_count(demo_store: Store) -> None:
    _inquorate_hcp(demo_store)
    app = MinutebookApp(demo_store, clock=lambda: NOW)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _compliance(pilot, "HCP")
        # The council's municipal year from May, to today, as `minutebook compliance`.
        assert (
            _text(screen, "#compliance-title") == "Compliance of the HCP, 01/05/2023 to 30/04/2024"
        )
        expected = compliance_report(demo_store, "HCP", date(2023, 5, 1), NOW.date(), NOW.date())
        shown = " ".join(_text(screen, "#compliance-figures").split())
        for heading, words in figures(expected):
            assert f"{heading}: {words}" in shown
        assert "4 taken while inquorate" in shown
        rows = _rows(screen)
        kinds = [row[0] for row in rows]
        assert kinds[0] == "Held" and rows[0][1:3] == ["13/06/2023", "inquorate at some point"]
        assert kinds.count("Inquorate") == 4
        assert "Overdue" in kinds
        inquorate = kinds.index("Inquorate")
        assert rows[inquorate][2].startswith("Minute HCP2: RESOLVED: That the")

        # Enter on a decision taken while inquorate: its meeting, at its minute.
        table = screen.query_one("#compliance-table", DataTable)
        table.move_cursor(row=inquorate)
        await pilot.pause()
        assert _text(screen, "#compliance-detail").startswith("Inquorate, 13/06/2023: Minute HCP2")
        await pilot.press("enter")
        await pilot.pause()
        meeting = app.screen
        assert isinstance(meeting, MeetingScreen)
        decision = expected.inquorate[0]
        assert meeting.meeting_id == decision.meeting.id
        assert meeting.agenda_table.cursor_row == decision.item - 1
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen

        # Enter on an overdue action: the tracker, every action shown, at that one.
        overdue = expected.overdue[0]
        table.move_cursor(row=kinds.index("Overdue"))
        await pilot.pause()
        owner = demo_store.people_among([overdue.owner or ""])[overdue.owner or ""]
        due = f"Overdue, due {overdue.due:%d/%m/%Y}: Action {overdue.number}, {owner.display_name}:"
        assert _text(screen, "#compliance-detail").startswith(due)
        await pilot.press("enter")
        await pilot.pause()
        tracker = app.screen
        assert isinstance(tracker, TrackerScreen)
        at = tracker.query_one("#tracker", DataTable).cursor_row
        assert tracker.lines[at].action.id == overdue.id


async def test_a_period_chosen_and_a_bad_one_refused(demo_store: Store) -> None:
    app = MinutebookApp(demo_store, clock=lambda: NOW)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _compliance(pilot, "ICB")
        # The ICB has not met in its year from April 2024: the first look is the last
        # year it met in, 2022/23, whole (`compliance_period`), not an empty year.
        title = "Compliance of the ICB, 01/04/2022 to 31/03/2023"
        assert _text(screen, "#compliance-title") == title
        rows = _rows(screen)
        assert rows[0][:2] == ["Held", "01/07/2022"]
        assert ["Not counted", "29/07/2022", "no attendance recorded"] in rows
        assert "10 decisions made" in _text(screen, "#compliance-figures")
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        await set_value(pilot, "start", "31/03/2023")
        await set_value(pilot, "end", "01/04/2022")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert form_errors(app).startswith("To: the period would end on")
        await set_value(pilot, "start", "1/4/2024")
        await set_value(pilot, "end", "")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        title = "Compliance of the ICB, 01/04/2024 to 30/04/2024"
        assert _text(screen, "#compliance-title") == title
        assert "Quorum: no meeting held to judge" in _text(screen, "#compliance-figures")
        assert _rows(screen) == []


async def test_a_meeting_not_counted_opens_at_its_attendance(demo_store: Store) -> None:
    app = MinutebookApp(demo_store, clock=lambda: NOW)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _compliance(pilot, "ICB")
        kinds = [row[0] for row in _rows(screen)]
        screen.query_one("#compliance-table", DataTable).move_cursor(row=kinds.index("Not counted"))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        meeting = app.screen
        assert isinstance(meeting, MeetingScreen)
        assert meeting.meeting_id == demo_store.meeting_on("ICB", date(2022, 7, 29)).id
        # The tab shown, and the keys that go with it (the screen's own first focus, on
        # its agenda, does not take it back).
        assert await settled(
            pilot, lambda: meeting.tabs.active == meeting.active_tab == "attendance"
        )
