"""Meetings, agendas, attendance, declarations, minutes and actions in the store.

Moving or deleting an agenda item renumbers it together with everything that refers to
items by number; a signed meeting refuses every edit.
"""

from __future__ import annotations

from datetime import date

import pytest

from minutebook.domain import (
    Action,
    ActionStatus,
    ActionUpdate,
    AgendaItem,
    Attendance,
    Capacity,
    Decision,
    DecisionVerb,
    Declaration,
    Meeting,
    MeetingRecord,
    Minute,
    MinutesStatus,
    Mode,
    Person,
    Purpose,
    QuorumRuling,
    Seat,
)
from minutebook.domain.quorum import Ruling
from minutebook.domain.room import Mark, Room, RoomChange, plan_mark
from minutebook.domain.timeline import Event, EventKind, Phase, span_events
from minutebook.store import Conflict, NotFound, Store, StoreError

TITLES = ("Welcome and apologies", "Minutes of the last meeting", "Better Care Fund", "AOB")


@pytest.fixture
def people(committee_store: Store) -> Store:
    for pid, name in (("pete", "Pete Marland"), ("ian", "Ian Darby"), ("kim", "Kim Atkin")):
        committee_store.save_person(Person(id=pid, name=name))
    committee_store.add_member("HCP", Seat(id="S1", title="Chair", holder="pete", tags=("chair",)))
    return committee_store


@pytest.fixture
def agenda(people: Store, meeting: Meeting) -> list[AgendaItem]:
    assert meeting.id is not None
    return [people.add_agenda_item(meeting.id, AgendaItem(number=1, title=t)) for t in TITLES]


def _titles(store: Store, meeting_id: int) -> list[tuple[int, str]]:
    return [(i.number, i.title) for i in store.agenda(meeting_id)]


def _snapshot(store: Store) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the tables a meeting owns, to compare before and after."""
    tables = (
        "meetings",
        "agenda_items",
        "attendance",
        "declarations",
        "minutes",
        "decisions",
        "quorum_rulings",
        "actions",
        "timeline",
    )
    return {t: store.db.conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in tables}


# -- meetings ------------------------------------------------------------------------


def test_meeting_round_trip(committee_store: Store, meeting: Meeting) -> None:
    assert meeting.id is not None
    assert committee_store.meeting(meeting.id) == meeting
    assert committee_store.meeting_on("HCP", date(2023, 6, 13)) == meeting
    later = committee_store.add_meeting(Meeting(committee="HCP", date=date(2023, 9, 12)))
    earlier = committee_store.add_meeting(Meeting(committee="HCP", date=date(2023, 3, 14)))
    assert committee_store.meetings("HCP") == [earlier, meeting, later]
    with pytest.raises(NotFound):
        committee_store.meeting_on("HCP", date(2023, 1, 1))
    with pytest.raises(NotFound):
        committee_store.meeting(9999)


def test_meeting_for_unknown_committee_is_not_found(store: Store) -> None:
    with pytest.raises(NotFound):
        store.add_meeting(Meeting(committee="NOPE", date=date(2023, 6, 13)))


def test_update_meeting(committee_store: Store, meeting: Meeting) -> None:
    changed = meeting.model_copy(
        update={
            "venue": "Council Chamber",
            "status": MinutesStatus.APPROVED,
            "approved_on": date(2023, 9, 12),
        }
    )
    committee_store.update_meeting(changed)
    assert committee_store.meeting(changed.id or 0) == changed
    with pytest.raises(StoreError, match="not been saved"):
        committee_store.update_meeting(Meeting(committee="HCP", date=date(2023, 6, 13)))


# -- agenda --------------------------------------------------------------------------


def test_agenda_items_take_the_next_number(
    people: Store, meeting: Meeting, agenda: list[AgendaItem]
) -> None:
    mid = meeting.id or 0
    assert _titles(people, mid) == list(enumerate(TITLES, start=1))
    assert [i.meeting_id for i in agenda] == [mid] * 4
    assert people.agenda(mid) == agenda


def test_update_agenda_item_keeps_its_number(
    people: Store, meeting: Meeting, agenda: list[AgendaItem]
) -> None:
    changed = agenda[2].model_copy(
        update={
            "title": "Better Care Fund 2023-25",
            "lead": "Ian Darby",
            "purpose": Purpose.DECISION,
            "planned_minutes": 20,
            "confidential": True,
            "paper": "Paper C",
            "number": 1,  # ignored: numbers change only by moving
        }
    )
    saved = people.update_agenda_item(changed)
    assert saved.number == 3
    stored = people.agenda(meeting.id or 0)[2]
    assert stored == saved
    assert stored.confidential and stored.purpose is Purpose.DECISION


def _span(
    store: Store,
    mid: int,
    person: str,
    first: int | None,
    last: int | None,
    capacity: Capacity = Capacity.MEMBER,
) -> None:
    """Someone in the room from the start of item `first` to the end of item `last`
    (None: from the opening, to the close), as a meeting file or the papers say it."""
    row = Attendance(person=person, capacity=capacity)
    change = RoomChange(person=person, row=row, add=tuple(span_events(person, first, last)))
    store.apply_room_change(mid, change)


def _refer_to_items(store: Store, mid: int) -> None:
    """Minutes on items 1 and 3 with a decision on 3, a declaration on item 3, someone
    arriving at 3 and leaving after 4, someone leaving after 2."""
    store.save_minute(mid, Minute(item=1, number="HCP1", heading="Welcome"))
    store.save_minute(mid, Minute(item=3, number="HCP3", heading="BCF"))
    store.add_decision(mid, 3, Decision(text="That the plan be approved."))
    store.add_declaration(mid, Declaration(person="ian", item=3, nature="Employed by a provider"))
    _span(store, mid, "ian", 3, 4)
    _span(store, mid, "kim", None, 2, Capacity.MINUTE_TAKER)


def test_moving_an_item_moves_its_references(
    people: Store, meeting: Meeting, agenda: list[AgendaItem]
) -> None:
    mid = meeting.id or 0
    _refer_to_items(people, mid)
    result = people.move_agenda_item(agenda[2].id or 0, -1)  # BCF: 3 -> 2

    assert [(i.number, i.title) for i in result] == [
        (1, "Welcome and apologies"),
        (2, "Better Care Fund"),
        (3, "Minutes of the last meeting"),
        (4, "AOB"),
    ]
    assert {m.heading: m.item for m in people.minutes(mid)} == {"Welcome": 1, "BCF": 2}
    assert [d.item for d in people.declarations(mid)] == [2]
    record = people.meeting_record(mid)
    assert record.presence_notes("ian") == ["from item 2", "left after item 4"]
    # Left after old item 2, which is now item 3.
    assert record.presence_notes("kim") == ["left after item 3"]
    placed = {e.kind: e.item for e in record.events if e.person is None or e.ref is not None}
    assert placed == {EventKind.DECIDED: 2, EventKind.DECLARED: 2}
    assert record.timeline.problems() == []


def test_moving_down_and_past_the_ends(
    people: Store, meeting: Meeting, agenda: list[AgendaItem]
) -> None:
    mid = meeting.id or 0
    people.move_agenda_item(agenda[0].id or 0, +1)
    assert [t for _, t in _titles(people, mid)][:2] == [TITLES[1], TITLES[0]]
    before = _titles(people, mid)
    people.move_agenda_item(agenda[3].id or 0, +1)  # already last
    people.move_agenda_item(agenda[1].id or 0, -1)  # now first
    people.move_agenda_item(agenda[2].id or 0, 0)
    assert _titles(people, mid) == before


def test_deleting_an_item_renumbers_later_items_and_their_references(
    people: Store, meeting: Meeting, agenda: list[AgendaItem]
) -> None:
    mid = meeting.id or 0
    people.save_minute(mid, Minute(item=4, number="HCP4", heading="AOB"))
    people.delete_agenda_item(agenda[1].id or 0)
    assert _titles(people, mid) == [(1, TITLES[0]), (2, TITLES[2]), (3, TITLES[3])]
    assert [m.item for m in people.minutes(mid)] == [3]
    with pytest.raises(NotFound):
        people.delete_agenda_item(agenda[1].id or 0)


@pytest.mark.parametrize(
    "referrer", ["minute", "decision", "declaration", "arrival", "departure", "ruling", "action"]
)
def test_deleting_a_referenced_item_is_refused_and_changes_nothing(
    people: Store, meeting: Meeting, agenda: list[AgendaItem], referrer: str
) -> None:
    mid = meeting.id or 0
    if referrer == "minute":
        people.save_minute(mid, Minute(item=2, narrative="Approved as a correct record."))
    elif referrer == "decision":
        people.add_decision(mid, 2, Decision(text="That the minutes be approved."))
    elif referrer == "declaration":
        people.add_declaration(mid, Declaration(person="ian", item=2, nature="Spouse employed"))
    elif referrer == "arrival":
        _span(people, mid, "ian", 2, None)
    elif referrer == "departure":
        _span(people, mid, "ian", None, 2)
    elif referrer == "ruling":
        people.add_quorum_ruling(
            mid, QuorumRuling(item=2, quorate=True, reason="The deputy counts")
        )
    else:
        people.add_action(
            Action(
                committee="HCP",
                meeting_date=meeting.date,
                meeting_id=mid,
                item=2,
                description="Circulate the minutes",
                owner="kim",
            )
        )
    before = _snapshot(people)
    with pytest.raises(Conflict, match="item 2 already has"):
        people.delete_agenda_item(agenda[1].id or 0)
    assert _snapshot(people) == before


# -- attendance, declarations, minutes -----------------------------------------------


def test_attendance_round_trip(people: Store, meeting: Meeting, agenda: list[AgendaItem]) -> None:
    mid = meeting.id or 0
    row = Attendance(
        person="ian",
        capacity=Capacity.DEPUTY,
        mode=Mode.REMOTE,
        deputy_for=("S1",),
        role="Deputy for the Chair",
        note="Joined by video",
    )
    arrival = Event(kind=EventKind.ARRIVED, person="ian", item=2, at="1410")
    saved = people.add_to_room(mid, row, arrival, "2023-06-13T14:10:00")
    assert saved.id is not None and saved.meeting_id == mid
    assert people.attendance(mid) == [saved]
    # When they came is the timeline's, its clock time stored as one.
    (stored,) = people.timeline(mid)
    assert (stored.kind, stored.person, stored.item, stored.at) == (
        EventKind.ARRIVED,
        "ian",
        2,
        "14:10",
    )
    assert people.meeting_record(mid).presence_notes("ian") == ["from item 2"]
    # One row a person: a second is refused, and so is a second arrival through add_to_room.
    with pytest.raises(Conflict, match="already recorded"):
        people.add_attendance(mid, Attendance(person="ian"))
    with pytest.raises(Conflict, match="already recorded"):
        people.add_to_room(mid, Attendance(person="ian"), arrival)
    assert people.attendance(mid) == [saved] and len(people.timeline(mid)) == 1


def test_declaration_round_trip(people: Store, meeting: Meeting, agenda: list[AgendaItem]) -> None:
    mid = meeting.id or 0
    saved = people.add_declaration(
        mid,
        Declaration(
            person="ian",
            item=3,
            nature="Director of a care provider",
            ruling=Ruling.LEAVE,
        ),
        declared_at=1,
        at="14:02",
        recorded="2023-06-13T14:02:30",
    )
    assert people.declarations(mid) == [saved]
    # Declared at item 1 (the agenda's item for declarations), on item 3.
    (event,) = people.timeline(mid)
    assert (event.kind, event.item, event.person, event.ref, event.at) == (
        EventKind.DECLARED,
        1,
        "ian",
        saved.id,
        "14:02",
    )


def test_minute_with_decisions_round_trip_and_replacement(people: Store, meeting: Meeting) -> None:
    mid = meeting.id or 0
    minute = Minute(
        item=3,
        number="HCP3",
        heading="Better Care Fund",
        narrative="The Partnership considered the plan.\n\nMembers asked about discharge.",
        decisions=(
            Decision(text="That the plan be approved."),
            Decision(verb=DecisionVerb.NOTED, text="The update on discharge."),
        ),
    )
    saved = people.save_minute(mid, minute)
    (stored,) = people.minutes(mid)
    assert stored.id == saved.id
    assert stored.narrative == minute.narrative
    assert [(d.verb, d.text) for d in stored.decisions] == [
        (DecisionVerb.RESOLVED, "That the plan be approved."),
        (DecisionVerb.NOTED, "The update on discharge."),
    ]
    # Saving again with the id replaces the text and the decisions.
    people.save_minute(
        mid,
        stored.model_copy(
            update={"decisions": (Decision(verb=DecisionVerb.DEFERRED, text="To July."),)}
        ),
    )
    (again,) = people.minutes(mid)
    assert [(d.verb, d.text) for d in again.decisions] == [(DecisionVerb.DEFERRED, "To July.")]
    assert people.db.conn.execute("SELECT COUNT(*) FROM decisions").fetchone()[0] == 1


def test_meeting_record_round_trip(
    people: Store, meeting: Meeting, agenda: list[AgendaItem]
) -> None:
    mid = meeting.id or 0
    _refer_to_items(people, mid)
    record = people.meeting_record(mid)
    assert record.meeting == meeting
    assert record.agenda == tuple(agenda)
    assert len(record.attendance) == 2 and len(record.declarations) == 1
    assert [m.number for m in record.minutes] == ["HCP1", "HCP3"]
    assert record.problems_with(people.membership("HCP")) == [
        "attendance: 'ian' is not a known person",
        "attendance: 'kim' is not a known person",
        "declaration: 'ian' is not a known person",
    ]  # membership only names seat holders and deputies

    # A copy in the next municipal year: in this one, HCP1 and HCP3 are already issued.
    copy = people.add_meeting_record(
        MeetingRecord.model_validate(
            {
                **record.model_dump(),
                "meeting": {**record.meeting.model_dump(), "date": date(2024, 7, 9)},
            }
        )
    )
    assert copy.id != mid
    again = people.meeting_record(copy.id or 0)
    assert [(i.number, i.title) for i in again.agenda] == [(i.number, i.title) for i in agenda]
    assert [m.decisions for m in again.minutes][1][0].text == "That the plan be approved."
    assert [(a.person, a.capacity) for a in again.attendance] == [
        ("ian", Capacity.MEMBER),
        ("kim", Capacity.MINUTE_TAKER),
    ]
    assert again.presence_notes("ian") == ["from item 3", "left after item 4"]
    assert again.presence_notes("kim") == ["left after item 2"]
    (declaration,) = again.declarations
    (decision,) = again.minutes[1].decisions
    placed = {(e.kind, e.item, e.ref) for e in again.events if e.ref is not None}
    assert placed == {
        (EventKind.DECLARED, 3, declaration.id),
        (EventKind.DECIDED, 3, decision.id),
    }
    assert again.timeline.problems() == []


def test_a_stored_record_keeps_the_chairs_rulings(
    people: Store, meeting: Meeting, agenda: list[AgendaItem]
) -> None:
    """Finding 6: a meeting stored whole (the demo, an import) kept no quorum rulings."""
    record = MeetingRecord(
        meeting=Meeting(committee="HCP", date=date(2023, 9, 20)),
        agenda=tuple(agenda),
        quorum_rulings=(
            QuorumRuling(item=None, quorate=True, reason="Quorate as the Chair reads 4.2"),
            QuorumRuling(
                item=3, quorate=False, reason="The deputy does not count", recorded_at="1526"
            ),
        ),
    )
    saved = people.add_meeting_record(record)
    mid = saved.id or 0
    rulings = people.quorum_rulings(mid)
    assert [(r.item, r.quorate, r.reason, r.recorded_at) for r in rulings] == [
        (None, True, "Quorate as the Chair reads 4.2", None),
        (3, False, "The deputy does not count", "15:26"),
    ]
    ruled = [e for e in people.timeline(mid) if e.kind is EventKind.RULED]
    assert [(e.item, e.phase, e.ref, e.at) for e in ruled] == [
        (None, Phase.DURING, rulings[0].id, None),
        (3, Phase.DURING, rulings[1].id, "15:26"),
    ]
    assert people.meeting_record(mid).quorum_rulings == tuple(rulings)


def test_a_stored_record_leaves_out_withdrawn_marks(
    people: Store, meeting: Meeting, agenda: list[AgendaItem]
) -> None:
    """A departure marked by mistake and withdrawn (undo) is not brought back when the
    record is stored again: copied without its withdrawal it would count."""
    mid = meeting.id or 0

    def mark(person: str, key: Mark, item: int) -> None:
        record = people.meeting_record(mid)
        room = Room(record.timeline, record.attendance, live_item=item)
        people.apply_room_change(mid, plan_mark(room, person, key, item))

    mark("ian", Mark.PRESENT, 1)
    mark("ian", Mark.LEFT, 2)
    mark("ian", Mark.UNDO, 2)
    record = people.meeting_record(mid)
    assert record.presence_notes("ian") == []
    copy = people.add_meeting_record(
        record.model_copy(update={"meeting": record.meeting.model_copy(update={"id": None})})
    )
    again = people.meeting_record(copy.id or 0)
    assert again.presence_notes("ian") == []
    assert [(e.kind, e.item) for e in again.events] == [(EventKind.ARRIVED, 1)]


# -- locking -------------------------------------------------------------------------


def test_signed_meeting_refuses_every_edit(
    people: Store, meeting: Meeting, agenda: list[AgendaItem]
) -> None:
    mid = meeting.id or 0
    people.save_minute(mid, Minute(item=1, number="HCP1"))
    people.update_meeting(
        meeting.model_copy(
            update={"status": MinutesStatus.SIGNED, "approved_on": date(2023, 9, 12)}
        )
    )
    before = _snapshot(people)
    attempts = [
        lambda: people.update_meeting(meeting.model_copy(update={"venue": "Elsewhere"})),
        lambda: people.add_agenda_item(mid, AgendaItem(number=1, title="Late item")),
        lambda: people.update_agenda_item(agenda[0].model_copy(update={"title": "Changed"})),
        lambda: people.move_agenda_item(agenda[3].id or 0, -1),
        lambda: people.delete_agenda_item(agenda[3].id or 0),
        lambda: people.add_attendance(mid, Attendance(person="ian")),
        lambda: people.add_declaration(mid, Declaration(person="ian", item=1, nature="x")),
        lambda: people.save_minute(mid, Minute(item=2, number="HCP2")),
    ]
    for attempt in attempts:
        with pytest.raises(Conflict, match="signed and locked"):
            attempt()
    assert _snapshot(people) == before


# -- actions -------------------------------------------------------------------------


def test_actions_round_trip_and_numbering(people: Store) -> None:
    first = people.add_action(
        Action(
            committee="HCP",
            meeting_date=date(2023, 6, 13),
            minute="HCP3",
            item_title="Better Care Fund",
            description="Circulate the final plan",
            owner="ian",
            due=date(2023, 7, 31),
            past_deadlines=(date(2023, 6, 30),),
            status=ActionStatus.IN_PROGRESS,
            rag="A",
            updates=(ActionUpdate(date=date(2023, 7, 1), text="Draft shared"),),
        )
    )
    second = people.add_action(
        Action(
            committee="HCP",
            meeting_date=date(2023, 6, 13),
            description="Report back on discharge",
            owner="pete",
            status=ActionStatus.CLOSED,
            closed_on=date(2023, 9, 12),
        )
    )
    assert (first.number, second.number) == (1, 2)
    assert first.id is not None and second.id is not None
    assert people.actions("HCP") == [first, second]


def test_action_for_unknown_owner_or_committee_is_not_found(people: Store) -> None:
    action = Action(committee="HCP", meeting_date=date(2023, 6, 13), description="x", owner="ghost")
    with pytest.raises(NotFound):
        people.add_action(action)
    with pytest.raises(NotFound):
        people.add_action(action.model_copy(update={"committee": "NOPE", "owner": "ian"}))
    assert people.actions("HCP") == []



def test_items_already_minuted_trade_places(
    people: Store, meeting: Meeting, agenda: list[AgendaItem]
) -> None:
    """Two minuted items swap numbers, there and back: the minutes follow, none lost or
    refused half way by the one minute per item rule."""
    mid = meeting.id or 0
    for item, text in ((2, "Minutes agreed."), (3, "The fund was discussed.")):
        people.save_minute(mid, Minute(item=item, narrative=text))
    people.move_agenda_item(agenda[2].id or 0, -1)
    assert {m.item: m.narrative for m in people.minutes(mid)} == {
        2: "The fund was discussed.",
        3: "Minutes agreed.",
    }
    people.move_agenda_item(agenda[2].id or 0, +1)
    assert {m.item: m.narrative for m in people.minutes(mid)} == {
        2: "Minutes agreed.",
        3: "The fund was discussed.",
    }
