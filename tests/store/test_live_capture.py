"""The store functions live capture calls on every change, against a real file."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from minutebook.domain import (
    Action,
    AgendaItem,
    Attendance,
    Decision,
    DecisionVerb,
    Declaration,
    Meeting,
    MinutesStatus,
    Mode,
    Person,
    Ruling,
)
from minutebook.domain.room import Mark, Room, plan_mark
from minutebook.domain.timeline import EventKind
from minutebook.store import Conflict, Store, StoreError
from minutebook.store.minutes import IssuedNumber


def _agenda(store: Store, meeting: Meeting, count: int = 3) -> None:
    for n in range(count):
        store.add_agenda_item(meeting.id or 0, AgendaItem(number=1, title=f"Item {n + 1}"))


def test_narrative_is_saved_as_typed_and_control_characters_removed(
    committee_store: Store, meeting: Meeting
) -> None:
    _agenda(committee_store, meeting)
    committee_store.write_narrative(meeting.id or 0, 1, "The Chair\x00 welcomed 🎉 members.")
    committee_store.write_narrative(meeting.id or 0, 1, "The Chair welcomed all members.")
    minute = committee_store.minute_for(meeting.id or 0, 1)
    assert minute is not None and minute.narrative == "The Chair welcomed all members."
    committee_store.write_narrative(meeting.id or 0, 2, "emoji 🎉 and \x07bell")
    assert committee_store.minute_for(meeting.id or 0, 2).narrative == "emoji 🎉 and bell"  # type: ignore[union-attr]


def test_an_empty_editor_makes_no_minute(committee_store: Store, meeting: Meeting) -> None:
    _agenda(committee_store, meeting)
    committee_store.write_narrative(meeting.id or 0, 3, "")
    assert committee_store.minutes(meeting.id or 0) == []


def test_minute_numbers_follow_the_scheme_and_never_change(
    committee_store: Store, meeting: Meeting
) -> None:
    """docs/minutes.md: HCP numbers run on through the municipal year and restart in May."""
    _agenda(committee_store, meeting)
    meeting_id = meeting.id or 0
    assert committee_store.issue_minute_number(meeting_id, 2) == IssuedNumber("HCP1")
    assert committee_store.issue_minute_number(meeting_id, 1) == IssuedNumber("HCP2")
    assert committee_store.issue_minute_number(meeting_id, 2) == IssuedNumber("HCP1")  # stable
    september = committee_store.add_meeting(Meeting(committee="HCP", date=date(2023, 9, 20)))
    _agenda(committee_store, september)
    # Minuted in date order: nothing later to follow on from.
    assert committee_store.issue_minute_number(september.id or 0, 1) == IssuedNumber("HCP3")
    next_year = committee_store.add_meeting(Meeting(committee="HCP", date=date(2024, 6, 4)))
    _agenda(committee_store, next_year)
    assert committee_store.issue_minute_number(next_year.id or 0, 1) == IssuedNumber("HCP1")


def test_decisions_are_numbered_deleted_and_recovered(
    committee_store: Store, meeting: Meeting
) -> None:
    _agenda(committee_store, meeting)
    meeting_id = meeting.id or 0
    first = committee_store.add_decision(
        meeting_id, 1, Decision(text="That the report be noted."), "14:05", "2023-06-13T14:05:00"
    )
    second = committee_store.add_decision(
        meeting_id,
        1,
        Decision(verb=DecisionVerb.NOTED, text="The update.", chairs_action=True),
    )
    minute = committee_store.minute_for(meeting_id, 1)
    assert minute is not None
    assert [(d.verb, d.text, d.chairs_action) for d in minute.decisions] == [
        (DecisionVerb.RESOLVED, "That the report be noted.", False),
        (DecisionVerb.NOTED, "The update.", True),
    ]
    # Each decision is placed in the timeline, at its item; whether it was taken while
    # inquorate follows from there and is never stored.
    decided = [e for e in committee_store.timeline(meeting_id) if e.kind is EventKind.DECIDED]
    assert [(e.item, e.ref, e.at) for e in decided] == [
        (1, first.id, "14:05"),
        (1, second.id, None),
    ]
    flags = committee_store.db.conn.execute("SELECT flag FROM decisions ORDER BY id").fetchall()
    assert flags == [(None,), ("chairs_action",)]

    committee_store.delete_decision(first.id or 0, "2023-06-13T14:20:00")
    assert len(committee_store.minute_for(meeting_id, 1).decisions) == 1  # type: ignore[union-attr]
    ((item, deleted),) = committee_store.deleted_decisions(meeting_id)
    assert item == 1 and deleted.text == "That the report be noted."
    committee_store.restore_decision(first.id or 0)
    assert committee_store.deleted_decisions(meeting_id) == []
    texts = [d.text for d in committee_store.minute_for(meeting_id, 1).decisions]  # type: ignore[union-attr]
    assert texts == ["That the report be noted.", "The update."]
    # The deletion and the recovery are kept, pointing at the decision's event.
    corrections = [
        (e.kind, e.ref, e.at)
        for e in committee_store.timeline(meeting_id)
        if e.kind in (EventKind.DELETED, EventKind.RESTORED)
    ]
    assert corrections == [
        (EventKind.DELETED, decided[0].id, "14:20"),
        (EventKind.RESTORED, decided[0].id, None),
    ]


def test_actions_are_deleted_and_recovered(committee_store: Store, meeting: Meeting) -> None:
    committee_store.save_person(Person(id="carr", name="Michael Carr"))
    action = committee_store.add_action(
        Action(
            committee="HCP",
            meeting_date=meeting.date,
            minute="HCP1",
            description="Circulate the report",
            owner="carr",
            due=date(2023, 7, 1),
        )
    )
    assert [a.description for a in committee_store.meeting_actions(meeting)] == [
        "Circulate the report"
    ]
    committee_store.delete_action(action.id or 0, "2023-06-13T15:00:00")
    assert committee_store.meeting_actions(meeting) == []
    assert committee_store.actions("HCP") == []
    assert len(committee_store.meeting_actions(meeting, deleted=True)) == 1
    committee_store.restore_action(action.id or 0)
    assert len(committee_store.actions("HCP")) == 1


def _mark(store: Store, meeting_id: int, person: str, mark: Mark, item: int, clock: str) -> None:
    """One key of the attendance view at `item`, as live capture presses it."""
    record = store.meeting_record(meeting_id)
    room = Room(record.timeline, record.attendance, clock=clock, live_item=item)
    store.apply_room_change(meeting_id, plan_mark(room, person, mark, item))


def test_attendance_updates_and_item_start_times(committee_store: Store, meeting: Meeting) -> None:
    _agenda(committee_store, meeting)
    meeting_id = meeting.id or 0
    committee_store.save_person(Person(id="ann", name="Ann Lee"))
    row = committee_store.add_attendance(meeting_id, Attendance(person="ann"))
    committee_store.update_attendance(
        row.model_copy(update={"mode": Mode.REMOTE, "note": "Joined by video"})
    )
    (stored,) = committee_store.attendance(meeting_id)
    assert (stored.mode, stored.note) == (Mode.REMOTE, "Joined by video")
    # When she was in the room is the timeline's: there at the roll, left at item 2 at 15:10.
    _mark(committee_store, meeting_id, "ann", Mark.REMOTE, 1, "14:00")
    _mark(committee_store, meeting_id, "ann", Mark.LEFT, 2, "15:10")
    record = committee_store.meeting_record(meeting_id)
    assert record.attendance == (stored,)  # one row, however often she comes and goes
    assert record.presence_notes("ann") == ["left during item 2"]
    (left,) = [e for e in record.events if e.kind is EventKind.LEFT]
    assert (left.person, left.item, left.at) == ("ann", 2, "15:10")
    first = committee_store.agenda(meeting_id)[0]
    committee_store.start_item(first.id or 0, "14:02:00")
    committee_store.start_item(first.id or 0, "14:30:00")  # the first start stands
    assert committee_store.item_start_times(meeting_id) == {1: "14:02:00"}


def test_signed_minutes_refuse_live_changes(committee_store: Store, meeting: Meeting) -> None:
    _agenda(committee_store, meeting)
    meeting_id = meeting.id or 0
    committee_store.write_narrative(meeting_id, 1, "Before signing.")
    committee_store.update_meeting(
        meeting.model_copy(
            update={"status": MinutesStatus.SIGNED, "approved_on": date(2023, 9, 20)}
        )
    )
    with pytest.raises(Conflict):
        committee_store.write_narrative(meeting_id, 1, "After signing.")
    with pytest.raises(Conflict):
        committee_store.add_decision(meeting_id, 1, Decision(text="Late."))
    assert committee_store.minute_for(meeting_id, 1).narrative == "Before signing."  # type: ignore[union-attr]


def test_checkpoint_moves_the_log_into_the_database(
    committee_store: Store, meeting: Meeting, db_path: Path
) -> None:
    _agenda(committee_store, meeting)
    committee_store.write_narrative(meeting.id or 0, 1, "x" * 10_000)
    committee_store.checkpoint()
    # A second, read-only look at the file sees the text without the first connection.
    conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        (text,) = conn.execute("SELECT narrative FROM minutes WHERE item = 1").fetchone()
        assert text == "x" * 10_000
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def test_a_declarations_times_are_its_items(committee_store: Store, meeting: Meeting) -> None:
    """A member ruled to leave is out for the whole item declared on: they left when it
    was taken up and came back when the next one was (docs/declarations.md)."""
    _agenda(committee_store, meeting)
    meeting_id = meeting.id or 0
    committee_store.save_person(Person(id="ann", name="Ann Lee"))
    declaration = committee_store.add_declaration(
        meeting_id, Declaration(person="ann", item=2, nature="Director", ruling=Ruling.LEAVE)
    )
    second, third = committee_store.agenda(meeting_id)[1:]
    committee_store.start_item(second.id or 0, "14:40:09")
    committee_store.start_item(third.id or 0, "15:05:30")
    record = committee_store.meeting_record(meeting_id)
    assert record.declarations == (declaration,)
    assert record.out_for_item(declaration) == ("14:40", "15:05")


def test_the_meeting_end_time_is_stored_as_a_clock_time(committee_store: Store) -> None:
    code = committee_store.committees()[0].code
    meeting = committee_store.add_meeting(Meeting(committee=code, date=date(2023, 9, 20)))
    meeting_id = meeting.id or 0
    assert committee_store.end_meeting(meeting_id, "4.05pm").ended_at == "16:05"
    assert committee_store.meeting(meeting_id).ended_at == "16:05"
    with pytest.raises(StoreError, match="not a time of day"):
        committee_store.end_meeting(meeting_id, "teatime")
    assert committee_store.meeting(meeting_id).ended_at == "16:05"  # untouched
    committee_store.end_meeting(meeting_id, None)
    assert committee_store.meeting(meeting_id).ended_at is None
