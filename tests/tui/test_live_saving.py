"""Saving while the secretary types, when the disk cannot be written (docs/saving.md).

The app runs against a real copy of the demo database. A full disk is simulated with
SQLite's limit on the file's size (`PRAGMA max_page_count`), lowered once the data is
written: the next change that needs a new page fails as it would on a full disk. Item 1
of the HCP meeting of 20 September 2023 holds a long minute already, so that every
keystroke's save needs new pages.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Static

from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens import live as live_module
from minutebook.tui.screens import live_saving
from minutebook.tui.screens.live import LiveMeetingScreen
from minutebook.tui.widgets.confirm import ConfirmScreen
from minutebook.tui.widgets.form import FormScreen

NOW = datetime(2023, 9, 20, 14, 5)
LONG = "The Partnership received the report on the winter plan and its risks. " * 90


def fill_the_disk(store: Store) -> None:
    conn = store.db.conn
    # Pages the file has freed (the search index rewrites its rows as a minute is
    # saved) would take the next writes without growing the file: none is left.
    conn.execute("VACUUM")
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")


def make_room(store: Store) -> None:
    store.db.conn.execute("PRAGMA max_page_count = 1073741823")


async def until(pilot: Pilot[None], happened: Callable[[], bool], seconds: float = 10) -> None:
    """Let the app run until `happened` (no assertion on how long it took)."""
    for _ in range(int(seconds / 0.05)):
        if happened():
            return
        await pilot.pause(0.05)
    raise AssertionError("it did not happen")


@pytest.fixture
def meeting_id(demo_store: Store) -> int:
    meeting_id = demo_store.meeting_on("HCP", date(2023, 9, 20)).id or 0
    demo_store.write_narrative(meeting_id, 1, LONG)
    return meeting_id


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(live_saving, "RETRY_EVERY", 0.2)


def status(app: MinutebookApp) -> str:
    return str(app.screen.query_one("#live-status", Static).render())


def narrative(store: Store, meeting_id: int) -> str:
    minute = store.minute_for(meeting_id, 1)
    return minute.narrative if minute else ""


async def test_a_full_disk_keeps_the_typing_says_not_saved_and_saves_it_once_there_is_room(
    demo_store: Store, meeting_id: int
) -> None:
    app = MinutebookApp(demo_store, clock=lambda: NOW, open_meeting=meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LiveMeetingScreen)
        fill_the_disk(demo_store)
        await pilot.press(*" Agreed.")
        await until(pilot, lambda: "NOT SAVED" in status(app))
        assert "NOT SAVED: the disk is full — keep typing, retrying" in status(app)
        assert screen.editor.text == LONG + " Agreed."
        assert narrative(demo_store, meeting_id) == LONG  # nothing half written
        # Typing goes on; the app keeps trying, and nothing is lost meanwhile.
        await pilot.press(*" Noted.")
        await pilot.pause(0.5)
        assert screen.editor.text == LONG + " Agreed. Noted."
        assert "NOT SAVED" in status(app)

        make_room(demo_store)
        await until(pilot, lambda: narrative(demo_store, meeting_id) == LONG + " Agreed. Noted.")
        await until(pilot, lambda: "✓ saved" in status(app))
        said = [n.message for n in app._notifications]
        assert "Saved: the minute is written to the database again." in said


async def test_leaving_an_unsaved_minute_is_refused_and_quitting_asks_first(
    demo_store: Store, meeting_id: int
) -> None:
    app = MinutebookApp(demo_store, clock=lambda: NOW, open_meeting=meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LiveMeetingScreen)
        fill_the_disk(demo_store)
        await pilot.press(*" Agreed.")
        await until(pilot, lambda: "NOT SAVED" in status(app))
        for key in ("f8", "f10"):  # the next item; leaving live capture
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is screen and screen.current == 1
        said = [n.message for n in app._notifications]
        assert any(m.startswith("Not moved: this item's minute is not saved") for m in said)
        assert any(m.startswith("Live capture stays open: this item's") for m in said)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)  # quitting would lose the minute
        await pilot.press("n")
        await pilot.pause()
        make_room(demo_store)
        await until(pilot, lambda: narrative(demo_store, meeting_id) == LONG + " Agreed.")
        await pilot.press("f8")
        await pilot.pause()
        assert screen.current == 2


async def test_a_decision_refused_by_a_full_disk_keeps_what_was_typed_in_its_form(
    demo_store: Store, meeting_id: int
) -> None:
    app = MinutebookApp(demo_store, clock=lambda: NOW, open_meeting=meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        fill_the_disk(demo_store)
        await pilot.press("f3")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-text", Input).value = LONG
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        errors = str(form.query_one("#form-errors", Static).render())
        assert errors.startswith("Not saved: the disk is full. What you typed is kept")
        assert form.query_one("#field-text", Input).value == LONG
        make_room(demo_store)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LiveMeetingScreen)
    minute = demo_store.minute_for(meeting_id, 1)
    assert minute is not None and [d.text for d in minute.decisions] == [LONG.strip()]


async def test_a_paste_is_saved_at_once_not_after_the_keystroke_delay(
    demo_store: Store, meeting_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A paste is written as part of the edit, before the pasted text is drawn: a kill
    just after a paste lost the whole paste when it waited for the keystroke delay."""
    monkeypatch.setattr(live_module, "SAVE_DELAY", 60.0)  # a key now waits a minute
    app = MinutebookApp(demo_store, clock=lambda: NOW, open_meeting=meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LiveMeetingScreen)
        await pilot.press("x")
        await pilot.pause()
        assert narrative(demo_store, meeting_id) == LONG  # the key waits for its delay
        pasted = " RESOLVED: that the winter plan be approved.\nAgreed by all."
        app.post_message(events.Paste(pasted))  # as the terminal driver sends it
        await pilot.pause()
        assert narrative(demo_store, meeting_id) == LONG + "x" + pasted


async def test_retiring_a_member_on_a_read_only_drive_says_so_and_changes_nothing(
    app: MinutebookApp, app_store: Store
) -> None:
    """The committee screen's confirmed changes (retire, reinstate) are refused in words
    when the file cannot be written, as its forms are; the same key tries again."""
    from minutebook.tui.screens.committee import CommitteeScreen

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CommitteeScreen)
        app_store.db.conn.execute("PRAGMA query_only = ON")  # as a write-protected drive
        await pilot.press("down", "r")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, CommitteeScreen)
        said = [n.message for n in app._notifications]
        assert any(m.startswith("Not saved: the database file has become read-only") for m in said)
        assert app_store.seats("PAR")[1].retired_on is None
        app_store.db.conn.execute("PRAGMA query_only = OFF")
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    assert app_store.seats("PAR")[1].retired_on is not None
