"""The attendance keys of live capture, pressed as a secretary presses them, never store
an impossible row: what the room's rules refuse is said, and the meeting still opens.

From the reliability campaign (issue 10, finding 6): F8, F2, p, Esc, F7, F2, l once
stored a row that every later reading refused, so the app crashed then and on every
reopen, and exports and the forecast refused the meeting for ever.
"""

from __future__ import annotations

from datetime import date, datetime

from minutebook.domain import AttendanceStatus
from minutebook.domain.timeline import EventKind, Phase
from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.live import LiveMeetingScreen
from minutebook.tui.screens.live_dialogs import AttendanceDialog

NOW = datetime(2023, 9, 20, 14, 5)


async def test_leaving_at_an_item_before_the_arrival_is_refused_and_nothing_impossible_is_kept(
    demo_store: Store,
) -> None:
    meeting_id = demo_store.meeting_on("HCP", date(2023, 9, 20)).id or 0
    app = MinutebookApp(demo_store, clock=lambda: NOW, open_meeting=meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        # Item 2; the room; the Chair (first in the list) present; back to item 1; the
        # room again; the Chair "left" at item 1, before they arrived.
        for key in ("f8", "f2", "p", "escape", "f7", "f2", "l"):
            await pilot.press(key)
            await pilot.pause()
        assert isinstance(app.screen, AttendanceDialog)
        said = [n.message for n in app._notifications]
        assert any("is not recorded in the meeting at this item" in m for m in said), said
    # Read back through the models, as every screen and export reads it.
    record = demo_store.meeting_record(meeting_id)
    assert [(r.person, r.status, r.deputy_for) for r in record.attendance] == [
        ("marland", AttendanceStatus.PRESENT, ())
    ]
    assert [(e.kind, e.item, e.phase, e.person) for e in record.events] == [
        (EventKind.ARRIVED, 2, Phase.DURING, "marland")
    ]
    assert record.timeline.problems() == []
    assert record.presence_notes("marland") == ["from item 2"]

    again = MinutebookApp(demo_store, clock=lambda: NOW, open_meeting=meeting_id)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, LiveMeetingScreen)
