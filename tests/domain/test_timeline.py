"""The meeting as a timeline: marks made key by key, presence and its words derived
from them, corrections kept as corrections, impossible records refused."""

from __future__ import annotations

import pytest

from minutebook.domain.meeting import AttendanceStatus
from minutebook.domain.room import Ahead, Mark, Refused, plan_ahead, plan_mark, room_status
from minutebook.domain.timeline import EventKind, Phase, Timeline, presence_notes, span_events
from tests.domain.builder import Builder


def test_a_departure_and_a_return_are_both_kept() -> None:
    """Finding 1: `b` at item 5 after `l` at item 4 used to erase the departure."""
    meeting = Builder().roll("p1", "p2", "p3")
    meeting.at(4).mark("p3", Mark.LEFT)
    meeting.at(5).mark("p3", Mark.BACK)
    timeline = meeting.record.timeline
    assert [(m.kind, m.item) for m in timeline.marks("p3")] == [
        (EventKind.ARRIVED, 1),
        (EventKind.LEFT, 4),
        (EventKind.ARRIVED, 5),
    ]
    assert timeline.is_present("p3", timeline.now_at(3))
    assert not timeline.is_present("p3", timeline.now_at(4))
    assert timeline.is_present("p3", timeline.now_at(5))
    assert meeting.record.presence_notes("p3") == ["left during item 4 and returned during item 5"]


def test_leaving_part_way_through_an_item_is_minuted_during_it() -> None:
    """Finding 2: a member who heard half of item 4 was minuted as gone before it."""
    meeting = Builder().roll("p1", "p2", "p3", "p4")
    meeting.at(4)
    before = meeting.decide("That the first report be approved.")
    meeting.mark("p4", Mark.LEFT)
    after = meeting.decide("That the second report be approved.")
    quorum = meeting.quorum()
    assert "p4" in quorum.present_at(quorum.decision_position(before, 4))
    assert "p4" not in quorum.present_at(quorum.decision_position(after, 4))
    assert meeting.record.presence_notes("p4") == ["left during item 4"]


def test_the_roll_needs_no_note_and_a_late_arrival_names_its_item() -> None:
    meeting = Builder().roll("p1", "p2")
    meeting.at(3).mark("p3", Mark.PRESENT)
    assert meeting.record.presence_notes("p1") == []
    assert meeting.record.presence_notes("p3") == ["from item 3"]
    first = meeting.record.timeline.marks("p1")[0]
    assert first.phase is Phase.START and meeting.record.timeline.is_roll(first)


def test_marking_present_at_an_earlier_item_corrects_the_arrival() -> None:
    meeting = Builder().roll("p1", "p2")
    meeting.at(4).mark("p3", Mark.PRESENT)
    change = meeting.at(2).mark("p3", Mark.PRESENT)
    assert "moved to item 2" in change.said
    timeline = meeting.record.timeline
    assert [(m.kind, m.item) for m in timeline.marks("p3")] == [(EventKind.ARRIVED, 2)]
    # The wrong mark is still in the timeline, withdrawn: nothing is silently rewritten.
    withdrawn = [e for e in timeline.events if e.kind is EventKind.WITHDRAWN]
    assert len(withdrawn) == 1
    assert next(e for e in timeline.events if e.id == withdrawn[0].ref).item == 4


def test_impossible_marks_are_refused_with_what_to_do_instead() -> None:
    meeting = Builder().roll("p1", "p2")
    with pytest.raises(Refused, match="mark them present first"):
        meeting.mark("p3", Mark.LEFT)
    with pytest.raises(Refused, match="have not left"):
        meeting.mark("p1", Mark.BACK)
    with pytest.raises(Refused, match="already recorded present"):
        meeting.mark("p1", Mark.PRESENT)
    meeting.at(3).mark("p2", Mark.LEFT)
    with pytest.raises(Refused, match="already left"):
        meeting.at(4).mark("p2", Mark.LEFT)
    with pytest.raises(Refused, match="has not left the meeting"):
        meeting.mark("p4", Mark.BACK)


def test_remote_changes_the_mode_of_someone_in_the_room() -> None:
    meeting = Builder().roll("p1")
    meeting.mark("p1", Mark.REMOTE)
    row = meeting.record.row_of("p1")
    assert row is not None and row.mode.value == "remote"
    assert len(meeting.record.timeline.marks("p1")) == 1


def test_apologies_for_someone_in_the_meeting_is_asked_twice_past_the_roll() -> None:
    meeting = Builder().roll("p1", "p2")
    # At the first item it corrects the roll at once.
    meeting.mark("p2", Mark.APOLOGIES)
    assert meeting.record.row_of("p2").status is AttendanceStatus.APOLOGIES  # type: ignore[union-attr]
    assert meeting.record.timeline.marks("p2") == []
    meeting.at(3)
    change = meeting.mark("p1", Mark.ABSENT)
    assert change.needs_answer and "press l" in change.question
    assert meeting.record.row_of("p1").status is AttendanceStatus.PRESENT  # type: ignore[union-attr]
    meeting.mark("p1", Mark.ABSENT, confirmed=True)
    assert meeting.record.row_of("p1").status is AttendanceStatus.ABSENT  # type: ignore[union-attr]
    assert not meeting.record.attended(meeting.record.row_of("p1"))  # type: ignore[arg-type]


def test_undo_withdraws_the_last_mark_and_keeps_it() -> None:
    meeting = Builder().roll("p1", "p2", "p3")
    meeting.at(4).mark("p3", Mark.LEFT)
    meeting.mark("p3", Mark.UNDO)
    timeline = meeting.record.timeline
    assert [m.kind for m in timeline.marks("p3")] == [EventKind.ARRIVED]
    assert any(e.kind is EventKind.LEFT for e in timeline.events)  # kept, withdrawn
    # An arrival undone leaves a member unmarked, as before the key.
    meeting.mark("p4", Mark.PRESENT)
    meeting.mark("p4", Mark.UNDO)
    assert meeting.record.row_of("p4") is None
    with pytest.raises(Refused, match="no mark"):
        meeting.mark("p5", Mark.UNDO)


def test_a_late_record_at_an_earlier_item_keeps_no_clock_time() -> None:
    meeting = Builder().roll("p1", "p2", "p3")
    meeting.at(5, "15:30")
    # The secretary goes back to item 3 to record that p3 left during it.
    change = meeting.apply(plan_mark(meeting.room(live_item=5), "p3", Mark.LEFT, 3))
    assert change.add[0].at is None
    meeting.mark("p2", Mark.LEFT)
    assert meeting.record.timeline.marks("p2")[-1].at == "15:30"


def test_status_words_at_an_item() -> None:
    meeting = Builder().roll("p1", "p2")
    meeting.at(3).mark("p2", Mark.LEFT)
    meeting.mark("p4", Mark.APOLOGIES)
    record = meeting.record
    timeline = record.timeline
    assert room_status(timeline, record.row_of("p1"), 3, out=False) == "present"
    assert room_status(timeline, record.row_of("p1"), 3, out=True) == "out"
    assert room_status(timeline, record.row_of("p2"), 3, out=False) == "left"
    assert room_status(timeline, record.row_of("p2"), 2, out=False) == "present"
    assert room_status(timeline, record.row_of("p4"), 3, out=False) == "apologies"


def test_spans_from_a_meeting_file_are_minuted_as_written() -> None:
    timeline = Timeline(
        [1, 2, 3, 4, 5, 6, 7],
        [
            e.model_copy(update={"id": n})
            for n, e in enumerate([*span_events("a", 3, 6), *span_events("b", None, None)], start=1)
        ],
    )
    assert presence_notes(timeline, "a") == ["from item 3", "left after item 6"]
    assert presence_notes(timeline, "b") == []
    assert timeline.is_present("a", timeline.now_at(6))
    assert not timeline.is_present("a", timeline.now_at(7))
    assert not timeline.is_present("a", timeline.now_at(2))


def test_the_timeline_finds_impossible_records() -> None:
    timeline = Timeline(
        [1, 2, 3],
        [
            e.model_copy(update={"id": n})
            for n, e in enumerate([*span_events("a", 2, 3), *span_events("a", 3, None)], start=1)
        ],
    )
    assert any("cannot arrive again" in p for p in timeline.problems())


def test_before_the_meeting_apologies_and_remote_attendance_replace_each_other() -> None:
    meeting = Builder().roll()
    meeting.apply(plan_ahead(meeting.room(), "p1", Ahead.REMOTE, "joining by video"))
    row = meeting.record.row_of("p1")
    assert row is not None and row.mode.value == "remote" and row.note == "joining by video"
    assert not meeting.record.attended(row)  # expected, not yet in the room
    change = meeting.apply(plan_ahead(meeting.room(), "p1", Ahead.APOLOGIES))
    assert "instead of joining remotely" in change.said
    assert meeting.record.row_of("p1").status is AttendanceStatus.APOLOGIES  # type: ignore[union-attr]
    change = meeting.apply(plan_ahead(meeting.room(), "p1", Ahead.REMOTE))
    assert "instead of their apologies" in change.said
    meeting.apply(plan_ahead(meeting.room(), "p1", Ahead.REMOTE))  # again: withdrawn
    assert meeting.record.row_of("p1") is None
    meeting.apply(plan_ahead(meeting.room(), "p2", Ahead.APOLOGIES))
    meeting.apply(plan_ahead(meeting.room(), "p2", Ahead.APOLOGIES))  # again: withdrawn
    assert meeting.record.row_of("p2") is None


def test_once_the_meeting_has_begun_live_capture_marks_how_people_attend() -> None:
    meeting = Builder()
    meeting.apply(plan_ahead(meeting.room(), "p3", Ahead.REMOTE, "joining by video"))
    meeting.roll("p1", "p2")
    with pytest.raises(Refused, match="recorded in the meeting"):
        plan_ahead(meeting.room(), "p1", Ahead.APOLOGIES)
    with pytest.raises(Refused, match="has begun"):
        plan_ahead(meeting.room(), "p4", Ahead.REMOTE)
    meeting.apply(plan_ahead(meeting.room(), "p4", Ahead.APOLOGIES))  # still recorded
    # The one expected remotely comes in person after all: the plan's note goes.
    meeting.mark("p3", Mark.PRESENT)
    row = meeting.record.row_of("p3")
    assert row is not None and row.mode.value == "in_person" and row.note is None
