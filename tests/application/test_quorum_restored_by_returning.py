"""Who restored the quorum when members came back after leaving (docs/quorum.md): on
the demo ICB Board's meeting of 29 July 2022, everyone marked present at once, Dr Rima
Makarem and Alison Borrett leave at item 10 and are marked back in at item 11, one
after the other in the same minute. The minutes name them: "returned to the meeting",
as the timeline says, not "joined"."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from minutebook.application.capture import MeetingCapture
from minutebook.domain.room import Mark
from minutebook.exporters.inquorate import restored_text
from minutebook.store import Store


@pytest.fixture
def capture(demo_store: Store) -> MeetingCapture:
    meeting = demo_store.meeting_on("ICB", date(2022, 7, 29))
    capture = MeetingCapture(demo_store, meeting.id or 0, lambda: datetime(2022, 7, 29, 11, 5))
    capture.take_up(1)
    count, problems = capture.everyone_present(1)
    assert count and not problems
    return capture


def _leave_and_return(capture: MeetingCapture, people: list[str]) -> str:
    capture.take_up(10)
    for person in people:
        capture.mark(person, Mark.LEFT, 10)
    assert capture.quorum_at(10).inquorate
    capture.take_up(11)
    for person in people:
        capture.mark(person, Mark.BACK, 11)
    (period,) = capture.quorum.periods()
    assert period.returned
    return restored_text(period, capture.name)


def test_two_marked_back_in_together_are_named_as_returning(capture: MeetingCapture) -> None:
    assert _leave_and_return(capture, ["makarem", "borrett"]) == (
        "Quorum was restored at 11:05 when Dr Rima Makarem and Alison Borrett returned to "
        "the meeting."
    )


def test_more_than_three_back_in_together_are_members_returning(
    capture: MeetingCapture,
) -> None:
    four = ["makarem", "borrett", "pointer", "cox"]
    assert _leave_and_return(capture, four) == (
        "Quorum was restored at 11:05 when members returned to the meeting."
    )


def test_on_another_day_than_the_meetings_the_sentence_has_no_time(
    demo_store: Store,
) -> None:
    """Minuted after the day (no clock times): still who, without when."""
    meeting = demo_store.meeting_on("ICB", date(2022, 7, 29))
    later = MeetingCapture(demo_store, meeting.id or 0, lambda: datetime(2026, 12, 1, 11, 5))
    later.take_up(1)
    later.everyone_present(1)
    assert _leave_and_return(later, ["makarem", "borrett"]) == (
        "Quorum was restored when Dr Rima Makarem and Alison Borrett returned to the meeting."
    )
