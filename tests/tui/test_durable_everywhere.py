"""Every change, whichever screen makes it, is on the disk within seconds: the app
checkpoints the database's log when anything was committed (docs/saving.md).

Before, only live capture checkpointed: members, terms of reference, agendas and
apologies stayed in the write-ahead log, unsynced, until the app quit, so a power cut
could lose a whole session's setup work. Here the database file is read on its own,
without its log, as it would be found after such a power cut.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from minutebook.store import Store
from minutebook.tui import app as app_module
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.committee import CommitteeScreen


def retired_in_the_file_alone(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)
    try:
        rows = conn.execute("SELECT id FROM seats WHERE retired_on IS NOT NULL ORDER BY id")
        return [row[0] for row in rows]
    finally:
        conn.close()


async def until(pilot: Pilot[None], happened: Callable[[], bool], seconds: float = 10) -> None:
    """Let the app run until `happened` (no assertion on how long it took)."""
    for _ in range(int(seconds / 0.05)):
        if happened():
            return
        await pilot.pause(0.05)
    raise AssertionError("it did not happen")


async def test_a_member_retired_on_the_committee_screen_reaches_the_file_by_itself(
    app: MinutebookApp, app_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app_module, "CHECKPOINT_EVERY", 0.1)
    path = app_store.path
    assert path is not None
    app_store.checkpoint()  # the committee as set up, in the file
    assert retired_in_the_file_alone(path) == []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CommitteeScreen)
        await pilot.press("down", "r")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app_store.seats("PAR")[1].retired_on is not None  # committed
        # Still in the app, with nothing more pressed: the change reaches the file.
        await until(pilot, lambda: retired_in_the_file_alone(path) == ["S2"])
        assert isinstance(app.screen, CommitteeScreen)
