"""The committee screen reads its committee once when it opens, and again when the
secretary comes back to it (issue 14: it read everything twice on every opening); its
meetings when their tab is shown (a committee ten years old has a hundred)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from textual.screen import Screen
from textual.widgets import DataTable

from minutebook.domain import Meeting
from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.committee import CommitteeScreen


async def test_opened_once_read_once_and_again_on_coming_back(
    demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[str] = []
    refresh_all = CommitteeScreen.refresh_all

    def counted(self: CommitteeScreen) -> None:
        reads.append(self.code)
        refresh_all(self)

    monkeypatch.setattr(CommitteeScreen, "refresh_all", counted)
    app = MinutebookApp(demo_store, clock=lambda: datetime(2023, 9, 1, 10, 0))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(CommitteeScreen("HCP"))
        await pilot.pause(0.2)
        assert reads == ["HCP"]
        # The meetings are read when their tab shows, not behind the Members tab.
        meetings = app.screen.query_one("#meetings-table", DataTable)
        assert meetings.row_count == 0
        await pilot.press("4")
        assert meetings.row_count == len(demo_store.meetings("HCP")) == 2
        app.push_screen(Screen())  # a form or a meeting over it, then back
        await pilot.pause(0.1)
        app.pop_screen()
        await pilot.pause(0.2)
        assert reads == ["HCP", "HCP"]
        assert meetings.row_count == 2  # read again on the tab in view
        await pilot.press("1")
        demo_store.add_meeting(Meeting(committee="HCP", date=date(2023, 11, 15)))
        app.push_screen(Screen())
        await pilot.pause(0.1)
        app.pop_screen()
        await pilot.pause(0.2)
        assert meetings.row_count == 2  # not read behind the Members tab
        await pilot.click("#tabs Tab#--content-tab-meetings")  # the tab chosen by mouse
        await pilot.pause()
        assert meetings.row_count == 3
