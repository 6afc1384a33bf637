"""The committee screen reads its committee once when it opens, and again when the
secretary comes back to it (issue 14: it read everything twice on every opening)."""

from __future__ import annotations

from datetime import datetime

import pytest
from textual.screen import Screen
from textual.widgets import DataTable

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
        meetings = app.screen.query_one("#meetings-table", DataTable)
        assert meetings.row_count == len(demo_store.meetings("HCP"))
        app.push_screen(Screen())  # a form or a meeting over it, then back
        await pilot.pause(0.1)
        app.pop_screen()
        await pilot.pause(0.2)
        assert reads == ["HCP", "HCP"]
