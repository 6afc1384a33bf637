"""Typing straight into live capture's dialogs, as a secretary does, key by key."""

from __future__ import annotations

from datetime import date, datetime

from minutebook.application.capture import MeetingCapture
from minutebook.domain import DecisionVerb
from minutebook.domain.room import Mark
from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.live import LiveMeetingScreen

NOW = datetime(2023, 9, 20, 14, 5)


async def test_a_decision_is_typed_at_once_and_its_verb_can_lead_the_text(
    demo_store: Store,
) -> None:
    meeting_id = demo_store.meeting_on("HCP", date(2023, 9, 20)).id or 0
    app = MinutebookApp(demo_store, clock=lambda: NOW, open_meeting=meeting_id)
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
    minute = demo_store.minute_for(meeting_id, 1)
    assert minute is not None and minute.number == "HCP8"
    (decision,) = minute.decisions
    assert (decision.verb, decision.text) == (DecisionVerb.NOTED, "The verbal update.")


async def test_the_chairs_ruling_on_the_quorum_is_recorded_with_its_reason(
    demo_store: Store,
) -> None:
    """docs/quorum.md: the Chair may rule on an ambiguity; the ruling and its reason are
    recorded, shown, and decisions then follow it."""
    from minutebook.tui.screens.live_dialogs import QuorumDialog

    meeting_id = demo_store.meeting_on("HCP", date(2023, 9, 20)).id or 0
    capture = MeetingCapture(demo_store, meeting_id, lambda: NOW)
    for person in ("marland", "hopkins"):
        capture.mark(person, Mark.PRESENT, 1)
    for person in ("bracey", "head"):
        capture.mark(person, Mark.REMOTE, 1)  # remote members do not count at the HCP
    app = MinutebookApp(demo_store, clock=lambda: NOW, open_meeting=meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "INQUORATE" in str(app.screen.query_one("#live-status").render())
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, QuorumDialog)
        await pilot.press("c")
        await pilot.pause()
        await pilot.press(*"Two by video")
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LiveMeetingScreen)
        status = str(screen.query_one("#live-status").render())
        assert "QUORATE by the Chair's ruling" in status
        # With the ruling, a decision is recorded without the inquorate question.
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press(*"Received.")
        await pilot.press("ctrl+s")
        await pilot.pause()
    (ruling,) = demo_store.quorum_rulings(meeting_id)
    assert ruling.item == 1 and ruling.quorate is True
    assert ruling.reason == "Two by video"
    assert ruling.recorded_at == "14:05"
    minute = demo_store.minute_for(meeting_id, 1)
    assert minute is not None
    (decision,) = minute.decisions
    capture.refresh()
    assert (decision.verb, capture.flag(decision, 1)) == (DecisionVerb.RESOLVED, None)
    assert demo_store.meeting_record(meeting_id).quorum_rulings == (ruling,)
