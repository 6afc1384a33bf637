"""Typing straight into live capture's dialogs, as a secretary does, key by key."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from minutebook.domain import DecisionVerb
from minutebook.seeds import build_demo_database
from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.live import LiveMeetingScreen

NOW = datetime(2023, 9, 20, 14, 5)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    path = tmp_path / "demo.db"
    build_demo_database(path)
    opened = Store.open(path)
    try:
        yield opened
    finally:
        opened.close()


async def test_a_decision_is_typed_at_once_and_its_verb_can_lead_the_text(store: Store) -> None:
    meeting_id = store.meeting_on("HCP", date(2023, 9, 20)).id or 0
    app = MinutebookApp(store, clock=lambda: NOW, open_meeting=meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LiveMeetingScreen)
        # Inquorate (nobody marked yet), so the dialog also asks how to record it; the
        # text field still has the focus first.
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press(*"NOTED: The verbal update.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LiveMeetingScreen)
    minute = store.minute_for(meeting_id, 1)
    assert minute is not None and minute.number == "HCP8"
    (decision,) = minute.decisions
    assert (decision.verb, decision.text) == (DecisionVerb.NOTED, "The verbal update.")


async def test_the_chairs_ruling_on_the_quorum_is_recorded_with_its_reason(
    store: Store,
) -> None:
    """DOMAIN.md 2.3: the Chair may rule on an ambiguity; the ruling and its reason are
    recorded, shown, and decisions then follow it."""
    from minutebook.tui.screens.live_dialogs import QuorumDialog

    meeting_id = store.meeting_on("HCP", date(2023, 9, 20)).id or 0
    app = MinutebookApp(store, clock=lambda: NOW, open_meeting=meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, QuorumDialog)
        await pilot.press("c")
        await pilot.pause()
        await pilot.press(*"Two members present by video; the ToR is silent on remote")
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LiveMeetingScreen)
        status = str(screen.query_one("#live-status").render())
        assert "QUORATE by the Chair's ruling" in status
        # With the ruling, a decision is recorded without the inquorate question.
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press(*"That the report be received.")
        await pilot.press("ctrl+s")
        await pilot.pause()
    (ruling,) = store.quorum_rulings(meeting_id)
    assert ruling.item == 1 and ruling.quorate is True
    assert ruling.reason.startswith("Two members present by video")
    assert ruling.recorded_at == "14:05"
    minute = store.minute_for(meeting_id, 1)
    assert minute is not None
    (decision,) = minute.decisions
    assert (decision.verb, decision.flag) == (DecisionVerb.RESOLVED, None)
    assert store.meeting_record(meeting_id).quorum_rulings == (ruling,)
