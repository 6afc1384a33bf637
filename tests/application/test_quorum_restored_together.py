"""Who restored the quorum, when several were marked present in one change (the roll
taken late, "everyone present" at an item): all of them are named, as many as three;
beyond three, "members joined the meeting". On the demo HCP meeting of 20 September
2023 (one quarter of 19 seats: 5 members), captured live with the clock fixed."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from minutebook.application.capture import MeetingCapture
from minutebook.domain.room import Mark
from minutebook.exporters.inquorate import restored_text
from minutebook.store import Store


@pytest.fixture
def capture(demo_store: Store) -> MeetingCapture:
    meeting = demo_store.meeting_on("HCP", date(2023, 9, 20))
    capture = MeetingCapture(demo_store, meeting.id or 0, lambda: datetime(2023, 9, 20, 14, 0))
    capture.take_up(1)
    for person in ("marland", "hopkins", "bradburn"):
        capture.mark(person, Mark.PRESENT, 1)
    assert capture.quorum_at(1).inquorate
    capture.take_up(2)
    return capture


def _restored(capture: MeetingCapture) -> str:
    (period,) = capture.quorum.periods()
    return restored_text(period, capture.name)


def test_two_marked_present_together_are_both_named(capture: MeetingCapture) -> None:
    capture.mark("darlington", Mark.PRESENT, 2)  # 4 members: still inquorate
    capture.mark("bracey", Mark.PRESENT, 2)  # 5: quorate, in the same minute at item 2
    (period,) = capture.quorum.periods()
    assert period.arrived == ("darlington", "bracey")
    both = f"{capture.name('darlington')} and {capture.name('bracey')}"
    assert _restored(capture) == f"Quorum was restored at 14:00 when {both} joined the meeting."


def test_more_than_three_together_are_members(capture: MeetingCapture) -> None:
    count, problems = capture.everyone_present(2)
    assert count > 3 and not problems
    assert _restored(capture) == "Quorum was restored at 14:00 when members joined the meeting."
