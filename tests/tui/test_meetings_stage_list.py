"""The committee's Meetings tab shows where each meeting's minutes stand, with the date
of that step ("draft", "circulated 02/10/2023", "signed 22/09/2023"), the same answer
as `minutebook meetings list` (MinutesLifecycle.overview), within 80 columns; and it
follows a step taken on the meeting's screen. Pilot, on the demo, asserted on the rows
and the store."""

from __future__ import annotations

from datetime import date, datetime

from textual.widgets import DataTable

from minutebook.domain import Attendance
from minutebook.domain.meeting import MinutesStatus
from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.meeting import MeetingScreen
from tests.cli.test_meetings_cli import circulated_and_signed
from tests.tui.test_meeting_details import SIZE, meetings_tab, select_meeting


def _rows(table: DataTable[object]) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(n)] for n in range(table.row_count)]


async def test_each_meeting_shows_its_minutes_stage_and_date(demo_store: Store) -> None:
    circulated_and_signed(demo_store)
    app = MinutebookApp(demo_store, clock=lambda: datetime(2023, 10, 3, 9, 0))
    async with app.run_test(size=SIZE) as pilot:
        screen = await meetings_tab(pilot, "HCP")
        table = screen.query_one("#meetings-table", DataTable)
        rows = _rows(table)
        assert [row[0] for row in rows] == ["13/06/2023", "20/09/2023"]
        assert [row[4] for row in rows] == ["signed 22/09/2023", "circulated 02/10/2023"]
        assert [str(c.label) for c in table.columns.values()][4] == "Minutes"
        assert table.virtual_size.width <= SIZE[0]  # no column beyond the screen


async def test_the_row_follows_circulation_on_the_meetings_screen(demo_store: Store) -> None:
    july = demo_store.meeting_on("ICB", date(2022, 7, 29)).id or 0
    demo_store.add_attendance(july, Attendance(person="makarem"))
    app = MinutebookApp(demo_store, clock=lambda: datetime(2022, 8, 3, 9, 0))
    async with app.run_test(size=SIZE) as pilot:
        screen = await meetings_tab(pilot, "ICB")
        table = screen.query_one("#meetings-table", DataTable)
        assert [row[4] for row in _rows(table)] == ["circulated", "draft"]
        await select_meeting(pilot, screen, july)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        await pilot.press("c")  # mark the minutes circulated: the form offers today
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert [row[4] for row in _rows(table)] == ["circulated", "circulated 03/08/2022"]
    marked = demo_store.meeting(july)
    assert (marked.status, marked.circulated_on) == (MinutesStatus.CIRCULATED, date(2022, 8, 3))
