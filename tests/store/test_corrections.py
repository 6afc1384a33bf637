"""Correcting the record after it is written: declarations (finding 9), decisions and
actions, the meeting itself (finding 10). A correction keeps what the record said in the
meeting's timeline; a correction that would make the record wrong changes nothing."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any, TypeVar

import pytest
from pydantic import BaseModel, ValidationError

from minutebook.domain import (
    Action,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Capacity,
    Decision,
    DecisionVerb,
    Declaration,
    InterestCategory,
    Meeting,
    MinutesStatus,
    Person,
    QuorumRuling,
    Ruling,
    Seat,
)
from minutebook.domain.base import Refused
from minutebook.domain.room import Mark, Room, RoomChange, plan_mark
from minutebook.domain.timeline import Event, EventKind, Phase
from minutebook.store import Conflict, NotFound, Store, StoreError

M = TypeVar("M", bound=BaseModel)

TABLES = (
    "meetings",
    "agenda_items",
    "attendance",
    "declarations",
    "quorum_rulings",
    "minutes",
    "decisions",
    "actions",
    "timeline",
)


def _unchecked(model: M, update: dict[str, Any]) -> M:
    """`model` changed without validation, as a damaged file or a careless caller might
    hand it to the store (a model's own changes are always validated)."""
    return type(model).model_construct(**(dict(model) | update))


def _snapshot(store: Store) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the tables a meeting owns, to compare before and after."""
    conn = store.db.conn
    return {t: conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in TABLES}


@pytest.fixture
def people(committee_store: Store) -> Store:
    for pid, name in (("pete", "Pete Marland"), ("ian", "Ian Darby"), ("kim", "Kim Atkin")):
        committee_store.save_person(Person(id=pid, name=name))
    committee_store.add_member("HCP", Seat(id="S1", title="Chair", holder="pete", tags=("chair",)))
    return committee_store


@pytest.fixture
def mid(people: Store, meeting: Meeting) -> int:
    """The 13 June 2023 meeting with four agenda items."""
    for title in ("Welcome", "Declarations", "Better Care Fund", "AOB"):
        people.add_agenda_item(meeting.id or 0, AgendaItem(number=1, title=title))
    return meeting.id or 0


def _events(store: Store, meeting_id: int) -> list[tuple[EventKind, int | None]]:
    return [(e.kind, e.ref) for e in store.timeline(meeting_id)]


# -- declarations (finding 9) ----------------------------------------------------------


def _declare(store: Store, meeting_id: int, nature: str = "Employed by a provider") -> Declaration:
    return store.add_declaration(
        meeting_id,
        Declaration(person="ian", item=3, nature=nature),
        declared_at=2,
        at="14:05",
        recorded="2023-06-13T14:05:10",
    )


def test_a_declaration_is_corrected_and_the_timeline_keeps_what_it_said(
    people: Store, mid: int
) -> None:
    declaration = _declare(people, mid)
    corrected = people.update_declaration(
        declaration.model_copy(
            update={
                "nature": "Spouse employed by a provider",
                "category": InterestCategory.INDIRECT,
                "ruling": Ruling.LEAVE,
            }
        ),
        "2023-06-13T14:31:00",
    )
    assert people.declarations(mid) == [corrected]
    assert people.meeting_record(mid).declarations == (corrected,)
    declared, edited = people.timeline(mid)
    assert (declared.kind, declared.ref, declared.item) == (EventKind.DECLARED, corrected.id, 2)
    assert (edited.kind, edited.ref, edited.item, edited.at) == (
        EventKind.EDITED,
        declared.id,
        2,
        "14:31",
    )
    assert edited.note == "was: ian, item 3, financial, Employed by a provider, ruling remain"


def test_a_declaration_is_deleted_and_brought_back(people: Store, mid: int) -> None:
    declaration = _declare(people, mid)
    people.delete_declaration(declaration.id or 0, "2023-06-13T14:40:00")
    assert people.meeting_record(mid).declarations == ()
    assert people.declarations(mid) == []
    assert people.declarations(mid, deleted=True) == [declaration]
    with pytest.raises(NotFound, match="deleted"):
        people.update_declaration(declaration.model_copy(update={"nature": "Other"}))

    people.restore_declaration(declaration.id or 0, "2023-06-13T14:45:00")
    assert people.meeting_record(mid).declarations == (declaration,)
    assert people.declarations(mid, deleted=True) == []
    declared, deleted, restored = people.timeline(mid)
    assert [(e.kind, e.ref, e.at) for e in (deleted, restored)] == [
        (EventKind.DELETED, declared.id, "14:40"),
        (EventKind.RESTORED, declared.id, "14:45"),
    ]


def test_the_same_interest_declared_twice_is_refused_and_nothing_is_stored(
    people: Store, mid: int
) -> None:
    declaration = _declare(people, mid)
    before = _snapshot(people)
    # The same person, item and interest, whatever the case or a final full stop.
    with pytest.raises(Conflict, match="already declared on item 3"):
        _declare(people, mid, "employed by a provider.")
    assert _snapshot(people) == before
    # Corrected into a repeat of another declaration: refused too.
    other = _declare(people, mid, "Governor of a school")
    before = _snapshot(people)
    with pytest.raises(Conflict, match="already declared on item 3"):
        people.update_declaration(other.model_copy(update={"nature": declaration.nature}))
    assert _snapshot(people) == before
    # Another person, another item or another interest is another declaration.
    people.add_declaration(mid, Declaration(person="kim", item=3, nature=declaration.nature))
    people.add_declaration(mid, Declaration(person="ian", item=4, nature=declaration.nature))
    assert len(people.declarations(mid)) == 4


def test_a_deleted_declaration_made_again_is_not_brought_back_twice(
    people: Store, mid: int
) -> None:
    """Deleted, then declared again: bringing the first back would minute it twice."""
    first = _declare(people, mid)
    people.delete_declaration(first.id or 0, "2023-06-13T14:40:00")
    again = _declare(people, mid)
    before = _snapshot(people)
    with pytest.raises(Conflict, match="already declared on item 3"):
        people.restore_declaration(first.id or 0, "2023-06-13T14:50:00")
    assert _snapshot(people) == before
    assert people.declarations(mid) == [again]


# -- decisions and actions -------------------------------------------------------------


def test_a_decision_is_edited_in_its_place_and_what_it_said_is_kept(
    people: Store, mid: int
) -> None:
    number = people.issue_minute_number(mid, 3).number
    first = people.add_decision(mid, 3, Decision(text="That the plan be approved."), "14:20")
    second = people.add_decision(mid, 3, Decision(verb=DecisionVerb.NOTED, text="The update."))
    edited = people.edit_decision(
        first.model_copy(
            update={
                "verb": DecisionVerb.APPROVED,
                "text": "The plan, as amended.",
                "chairs_action": True,
            }
        ),
        "2023-06-13T15:02:00",
    )
    minute = people.minute_for(mid, 3)
    assert minute is not None and minute.number == number == "HCP1"
    assert minute.decisions == (edited, second)  # still point 1 of item 3
    assert edited.id == first.id
    decided = [e for e in people.timeline(mid) if e.kind is EventKind.DECIDED]
    assert [(e.ref, e.item) for e in decided] == [(first.id, 3), (second.id, 3)]
    (change,) = [e for e in people.timeline(mid) if e.kind is EventKind.EDITED]
    assert (change.ref, change.item, change.at) == (decided[0].id, 3, "15:02")
    assert change.note == "was: RESOLVED: That the plan be approved."
    # Edited again: the note says what it said just before.
    people.edit_decision(edited.model_copy(update={"chairs_action": False}))
    last = [e for e in people.timeline(mid) if e.kind is EventKind.EDITED][-1]
    assert last.note == "was: APPROVED: The plan, as amended. (Chair's action)"


def test_a_decision_edited_to_nothing_is_refused_and_changes_nothing(
    people: Store, mid: int
) -> None:
    decision = people.add_decision(mid, 3, Decision(text="That the plan be approved."))
    before = _snapshot(people)
    with pytest.raises(StoreError, match="text"):
        # A model can no longer be changed into this one; built without validation,
        # the store still refuses it.
        people.edit_decision(_unchecked(decision, {"text": ""}))
    with pytest.raises(NotFound):
        people.edit_decision(decision.model_copy(update={"id": 9999}))
    assert _snapshot(people) == before


def _action(store: Store, meeting: Meeting, description: str, owner: str = "ian") -> Action:
    return store.add_action(
        Action(
            committee="HCP",
            meeting_date=meeting.date,
            meeting_id=meeting.id,
            item=3,
            minute="HCP1",
            description=description,
            owner=owner,
            due=date(2023, 7, 1),
        ),
        at="14:25",
        recorded="2023-06-13T14:25:00",
    )


def test_an_action_is_edited_in_its_place_and_what_it_said_is_kept(
    people: Store, meeting: Meeting, mid: int
) -> None:
    first = _action(people, meeting, "Circulate the plan")
    second = _action(people, meeting, "Report back on discharge", "kim")
    edited = people.edit_action(
        first.model_copy(
            update={
                "description": "Circulate the amended plan",
                "owner": "kim",
                "due": date(2023, 7, 14),
            }
        ),
        "2023-06-13T15:05:00",
    )
    assert (edited.number, edited.meeting_id, edited.item) == (1, mid, 3)
    assert people.meeting_actions(meeting) == [edited, second]
    assert people.actions("HCP")[0].description == "Circulate the amended plan"
    recorded = [e for e in people.timeline(mid) if e.kind is EventKind.ACTION]
    assert [(e.ref, e.item, e.at) for e in recorded] == [
        (first.id, 3, "14:25"),
        (second.id, 3, "14:25"),
    ]
    (change,) = [e for e in people.timeline(mid) if e.kind is EventKind.EDITED]
    assert (change.ref, change.item, change.at) == (recorded[0].id, 3, "15:05")
    assert change.note == "was: Circulate the plan (ian, due 01/07/2023)"


def test_an_edit_never_moves_an_action_from_where_it_was_agreed(
    people: Store, meeting: Meeting, mid: int
) -> None:
    action = _action(people, meeting, "Circulate the plan")
    other = people.add_meeting(Meeting(committee="HCP", date=date(2023, 9, 20)))
    moved = _unchecked(
        action,
        {
            "description": "Circulate the amended plan",
            "meeting_id": other.id,
            "meeting_date": other.date,
            "item": 1,
            "number": 7,
        },
    )
    edited = people.edit_action(moved)
    assert (edited.number, edited.meeting_id, edited.item, edited.meeting_date) == (
        1,
        mid,
        3,
        meeting.date,
    )
    assert people.meeting_actions(meeting) == [edited]
    assert people.meeting_actions(other) == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"description": ""}, "description"),
        ({"due": date(2023, 6, 1)}, "before the meeting"),
        ({"owner": "nobody"}, "nobody"),
    ],
)
def test_a_bad_edit_of_an_action_is_refused_and_changes_nothing(
    people: Store, meeting: Meeting, mid: int, change: dict[str, object], message: str
) -> None:
    action = _action(people, meeting, "Circulate the plan")
    before = _snapshot(people)
    with pytest.raises(StoreError, match=message):
        people.edit_action(_unchecked(action, change))
    assert _snapshot(people) == before


# -- the meeting itself (finding 10) ---------------------------------------------------


def test_a_meetings_date_time_venue_and_end_can_be_edited(
    people: Store, meeting: Meeting, mid: int
) -> None:
    changed = meeting.model_copy(
        update={
            "date": date(2023, 6, 14),
            "time": "6.30pm",
            "venue": "Council Chamber",
            "ended_at": "2015",
        }
    )
    saved = people.update_meeting(changed)
    assert (saved.date, saved.time, saved.venue, saved.ended_at) == (
        date(2023, 6, 14),
        "18:30",
        "Council Chamber",
        "20:15",
    )
    assert people.meeting(mid) == saved
    assert len(people.agenda(mid)) == 4
    with pytest.raises(StoreError, match="not a time of day"):
        people.update_meeting(_unchecked(saved, {"time": "teatime"}))
    assert people.meeting(mid) == saved


def test_a_date_that_moves_issued_numbers_to_another_period_is_refused(
    people: Store, meeting: Meeting, mid: int
) -> None:
    people.issue_minute_number(mid, 1)
    people.issue_minute_number(mid, 3)
    before = _snapshot(people)
    with pytest.raises(Conflict) as caught:
        people.update_meeting(meeting.model_copy(update={"date": date(2023, 4, 25)}))
    message = str(caught.value)
    assert "already numbered HCP1–HCP2" in message
    assert "13 June 2023" in message and "25 April 2023" in message
    assert "another period" in message
    assert _snapshot(people) == before
    # Within the same municipal year the numbers stay what they are.
    moved = people.update_meeting(meeting.model_copy(update={"date": date(2024, 4, 30)}))
    assert people.meeting(mid) == moved
    assert [m.number for m in people.minutes(mid)] == ["HCP1", "HCP2"]


def test_the_actions_of_a_meeting_follow_its_new_date(
    people: Store, meeting: Meeting, mid: int
) -> None:
    """An action carries the date of the meeting that agreed it (the tracker prints it):
    moved with the meeting, and refused if it would then be due before it was agreed."""
    action = _action(people, meeting, "Circulate the plan")  # due 1 July 2023
    people.update_meeting(meeting.model_copy(update={"date": date(2023, 6, 20)}))
    (stored,) = people.actions("HCP")
    assert stored.meeting_date == date(2023, 6, 20)
    before = _snapshot(people)
    with pytest.raises(Conflict, match=r"action 1 .* due on 1 July 2023, before 5 July 2023"):
        people.update_meeting(meeting.model_copy(update={"date": date(2023, 7, 5)}))
    assert _snapshot(people) == before
    assert people.actions("HCP")[0].meeting_date == date(2023, 6, 20)
    assert people.meeting_actions(meeting)[0].id == action.id


def test_a_meeting_holding_only_its_agenda_is_deleted(people: Store, mid: int) -> None:
    other = people.add_meeting(Meeting(committee="HCP", date=date(2023, 9, 20)))
    people.add_agenda_item(other.id or 0, AgendaItem(number=1, title="Welcome"))
    people.delete_meeting(mid)
    with pytest.raises(NotFound):
        people.meeting(mid)
    conn = people.db.conn
    assert conn.execute(
        "SELECT COUNT(*) FROM agenda_items WHERE meeting_id = ?", [mid]
    ).fetchone() == (0,)
    assert people.meetings("HCP") == [other]
    assert len(people.agenda(other.id or 0)) == 1
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


@pytest.mark.parametrize(
    ("holding", "words"),
    [
        ("minutes", "holds minutes"),
        ("attendance", "holds attendance or apologies"),
        ("declaration", "holds declarations of interest"),
        ("ruling", "holds rulings on the quorum"),
        ("action", "holds actions"),
        ("timeline", "holds a record of what happened at it"),
    ],
)
def test_a_meeting_that_holds_anything_but_its_agenda_is_not_deleted(
    people: Store, meeting: Meeting, mid: int, holding: str, words: str
) -> None:
    if holding == "minutes":
        people.write_narrative(mid, 1, "The Chair welcomed members.")
    elif holding == "attendance":
        people.add_attendance(mid, Attendance(person="ian", status=AttendanceStatus.APOLOGIES))
    elif holding == "declaration":
        _declare(people, mid)
    elif holding == "ruling":
        people.add_quorum_ruling(mid, QuorumRuling(item=1, quorate=True, reason="Counted"))
    elif holding == "action":
        _action(people, meeting, "Circulate the plan")
    else:
        # Only an event: a mark whose row was removed, say.
        arrival = Event(kind=EventKind.ARRIVED, person="ian", item=1, phase=Phase.START)
        people.apply_room_change(mid, RoomChange(person="ian", add=(arrival,)))
    before = _snapshot(people)
    with pytest.raises(Conflict, match=f"13 June 2023 {words}; .*nothing but its agenda"):
        people.delete_meeting(mid)
    assert _snapshot(people) == before


def test_a_signed_meeting_is_neither_edited_nor_deleted(
    people: Store, meeting: Meeting, mid: int
) -> None:
    signed = people.update_meeting(
        meeting.model_copy(
            update={"status": MinutesStatus.SIGNED, "approved_on": date(2023, 9, 20)}
        )
    )
    before = _snapshot(people)
    with pytest.raises(Conflict, match="signed and locked"):
        people.update_meeting(signed.model_copy(update={"venue": "Elsewhere"}))
    with pytest.raises(Conflict, match="signed and locked"):
        people.delete_meeting(mid)
    assert _snapshot(people) == before


# -- bad input changes nothing ---------------------------------------------------------


def _room(store: Store, meeting_id: int, item: int) -> Room:
    record = store.meeting_record(meeting_id)
    return Room(record.timeline, record.attendance, live_item=item)


def test_a_mark_that_would_make_an_impossible_record_never_reaches_the_store(
    people: Store, mid: int
) -> None:
    before = _snapshot(people)
    with pytest.raises(Refused, match="not recorded in the meeting"):
        plan_mark(_room(people, mid, 2), "ian", Mark.LEFT, 2)
    with pytest.raises(Refused, match="has not left"):
        plan_mark(_room(people, mid, 2), "ian", Mark.BACK, 2)
    assert _snapshot(people) == before
    people.apply_room_change(mid, plan_mark(_room(people, mid, 1), "ian", Mark.PRESENT, 1))
    people.apply_room_change(mid, plan_mark(_room(people, mid, 2), "ian", Mark.LEFT, 2))
    before = _snapshot(people)
    with pytest.raises(Refused, match="already left"):
        plan_mark(_room(people, mid, 3), "ian", Mark.LEFT, 3)
    assert _snapshot(people) == before


def test_a_mark_waiting_for_its_answer_is_not_stored(people: Store, mid: int) -> None:
    people.apply_room_change(mid, plan_mark(_room(people, mid, 1), "ian", Mark.PRESENT, 1))
    asking = plan_mark(_room(people, mid, 3), "ian", Mark.APOLOGIES, 3)
    assert asking.needs_answer
    before = _snapshot(people)
    with pytest.raises(StoreError, match="question"):
        people.apply_room_change(mid, asking)
    assert _snapshot(people) == before


def test_a_room_change_whose_row_is_not_valid_leaves_the_store_untouched(
    people: Store, mid: int
) -> None:
    arrival = Event(kind=EventKind.ARRIVED, person="ian", item=1, phase=Phase.START)
    # A deputy for no seat, built without validation: the store validates it again.
    bad = _unchecked(Attendance(person="ian"), {"capacity": Capacity.DEPUTY})
    before = _snapshot(people)
    with pytest.raises(StoreError, match="deputy"):
        people.apply_room_change(mid, RoomChange(person="ian", row=bad, add=(arrival,)))
    assert _snapshot(people) == before
    # Someone who is not a known person: the database refuses the row.
    ghost = Attendance(person="ghost")
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        people.apply_room_change(mid, RoomChange(person="ghost", row=ghost, add=(arrival,)))
    assert _snapshot(people) == before


def test_a_room_change_that_fails_half_way_is_rolled_back(people: Store, mid: int) -> None:
    """The row and the arrival are written before the withdrawal fails: all or nothing."""
    arrival = Event(kind=EventKind.ARRIVED, person="ian", item=1, phase=Phase.START)
    change = RoomChange(
        person="ian",
        row=Attendance(person="ian"),
        add=(arrival,),
        withdraw=("not a mark",),  # type: ignore[arg-type]
    )
    before = _snapshot(people)
    with pytest.raises(ValidationError):
        people.apply_room_change(mid, change)
    assert _snapshot(people) == before
    assert people.db.conn.in_transaction is False
    # The store is usable straight after.
    people.apply_room_change(
        mid, RoomChange(person="ian", row=Attendance(person="ian"), add=(arrival,))
    )
    assert _events(people, mid) == [(EventKind.ARRIVED, None)]
