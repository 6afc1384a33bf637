"""Live capture as a service: the secretary's intents against a real copy of the demo
database (the HCP meeting of 20 September 2023: items 1-9, nobody marked yet; the
quorum is 5 voting members in the room, remote attendance does not count).

These are the rules the live screen used to decide for itself; here each is checked in
milliseconds, and against what the store keeps."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest

from minutebook.application.capture import NOT_MARKED, MeetingCapture
from minutebook.domain.base import Refused
from minutebook.domain.meeting import (
    AgendaItem,
    AttendanceStatus,
    DecisionFlag,
    DecisionVerb,
    Declaration,
    InterestCategory,
    Meeting,
)
from minutebook.domain.quorum import Ruling
from minutebook.domain.room import Mark
from minutebook.domain.timeline import EventKind
from minutebook.store import Store

DAY = date(2023, 9, 20)
FIVE = ["marland", "hopkins", "bradburn", "darlington", "bracey"]


class Clock:
    """A meeting clock the test moves on."""

    def __init__(self) -> None:
        self.now = datetime(2023, 9, 20, 14, 0)

    def __call__(self) -> datetime:
        return self.now

    def at(self, hhmm: str) -> None:
        hours, minutes = (int(p) for p in hhmm.split(":"))
        self.now = self.now.replace(hour=hours, minute=minutes)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def capture(demo_store: Store, clock: Clock) -> Iterator[MeetingCapture]:
    meeting = demo_store.meeting_on("HCP", DAY)
    yield MeetingCapture(demo_store, meeting.id or 0, clock)


def roll(capture: MeetingCapture, *people: str) -> None:
    capture.take_up(1)
    for person in people:
        capture.mark(person, Mark.PRESENT, 1)


def go(capture: MeetingCapture, clock: Clock, item: int, hhmm: str) -> None:
    clock.at(hhmm)
    capture.take_up(item)


def test_a_departure_and_return_are_stored_and_the_minutes_period_follows(
    capture: MeetingCapture, clock: Clock, demo_store: Store
) -> None:
    """Finding 1, against the store: `b` used to erase the departure."""
    roll(capture, *FIVE)
    go(capture, clock, 4, "15:05")
    capture.mark("darlington", Mark.LEFT, 4)
    assert capture.quorum_at(4).inquorate
    go(capture, clock, 5, "15:20")
    capture.mark("darlington", Mark.BACK, 5)
    assert capture.quorum_at(5).quorate
    assert capture.quorum_at(4).inquorate  # item 4 stays as it was
    late = capture.decide(4, "That the report be approved.", handling="anyway")
    stored = demo_store.meeting_record(capture.meeting_id)
    marks = [(e.kind, e.item, e.at) for e in stored.timeline.marks("darlington")]
    assert marks == [
        (EventKind.ARRIVED, 1, "14:00"),
        (EventKind.LEFT, 4, "15:05"),
        (EventKind.ARRIVED, 5, "15:20"),
    ]
    assert capture.flag(late, 4) is DecisionFlag.INQUORATE
    (period,) = capture.quorum.periods()
    assert period.began_at == "15:05" and period.restored_at == "15:20"
    assert stored.presence_notes("darlington") == ["left during item 4 and returned during item 5"]


def test_the_guard_cannot_be_bypassed_while_inquorate(capture: MeetingCapture) -> None:
    """Finding 4: "(none)" under "Because inquorate" stored a plain RESOLVED."""
    roll(capture, *FIVE[:3])
    capture.take_up(2)
    with pytest.raises(Refused, match="Because inquorate"):
        capture.decide(2, "That the contract be awarded.", handling=None)
    assert capture.minute(2) is None or not capture.minute(2).decisions  # type: ignore[union-attr]
    noted = capture.decide(2, "That the contract be awarded.", handling="noted")
    assert noted.verb is DecisionVerb.NOTED
    chair = capture.decide(2, "That the fee be paid.", handling="chairs_action")
    assert capture.flag(chair, 2) is DecisionFlag.CHAIRS_ACTION
    anyway = capture.decide(2, "That the plan be adopted.", handling="anyway")
    assert capture.flag(anyway, 2) is DecisionFlag.INQUORATE


def test_a_ruling_carries_on_while_the_room_is_the_same(capture: MeetingCapture) -> None:
    """Finding 3: the live screen and the minutes now read the same answer."""
    roll(capture, *FIVE)
    capture.take_up(4)
    capture.rule_on_quorum(4, quorate=False, reason="Councillor Darlington is disqualified")
    capture.take_up(5)
    assert capture.quorum_at(5).inquorate and capture.quorum_at(5).ruling is not None
    decided = capture.decide(5, "That the budget be agreed.", handling="anyway")
    assert capture.flag(decided, 5) is DecisionFlag.INQUORATE
    capture.mark("collins", Mark.PRESENT, 5)
    assert capture.quorum_at(5).quorate and capture.quorum_at(5).ruling is None


def test_the_room_view_says_where_each_stands(capture: MeetingCapture) -> None:
    roll(capture, *FIVE)
    capture.mark("wilkinson", Mark.REMOTE, 1)
    capture.mark("cox", Mark.APOLOGIES, 1)
    capture.take_up(2)
    capture.declare(
        "bracey", 4, "disclosable_pecuniary", "Director of a bidder", Ruling.LEAVE.value, 2
    )
    capture.take_up(4)
    rows = {row.key: row for row in capture.room(4)}
    assert rows["marland"].status == "present"
    assert rows["wilkinson"].status == "remote"
    assert rows["cox"].status == "apologies"
    assert rows["bracey"].status == "out" and "declared an interest" in rows["bracey"].detail
    assert rows["alam"].status == NOT_MARKED
    assert "INQUORATE" in capture.summary(4)  # four in the room: Bracey is out


def test_apologies_past_the_roll_is_asked_and_withdraws_the_marks(
    capture: MeetingCapture, demo_store: Store
) -> None:
    roll(capture, *FIVE)
    capture.take_up(3)
    asked = capture.mark("bracey", Mark.APOLOGIES, 3)
    assert "press l" in asked.question
    assert capture.record.row_of("bracey").status is AttendanceStatus.PRESENT  # type: ignore[union-attr]
    capture.mark("bracey", Mark.APOLOGIES, 3, confirmed=True)
    stored = demo_store.meeting_record(capture.meeting_id)
    assert stored.row_of("bracey").status is AttendanceStatus.APOLOGIES  # type: ignore[union-attr]
    assert stored.timeline.marks("bracey") == []  # withdrawn, still in the timeline
    assert any(e.kind is EventKind.WITHDRAWN for e in stored.events)


def test_a_late_record_at_an_earlier_item_has_no_clock_time(
    capture: MeetingCapture, clock: Clock, demo_store: Store
) -> None:
    roll(capture, *FIVE)
    go(capture, clock, 5, "15:30")
    capture.mark("bradburn", Mark.LEFT, 3)  # the secretary catches up on item 3
    capture.mark("hopkins", Mark.LEFT, 5)
    stored = demo_store.meeting_record(capture.meeting_id)
    assert stored.timeline.marks("bradburn")[-1].at is None
    assert stored.timeline.marks("hopkins")[-1].at == "15:30"


def test_a_council_committee_declares_under_its_code_of_conduct(
    capture: MeetingCapture, demo_store: Store
) -> None:
    """HCP is a principal council's board: F5 offers the code of conduct's categories,
    the first by default, and refuses the NHS register's; a declaration recorded in one
    before the committee's kind of body changed keeps it when corrected."""
    assert [value for _, value in capture.interest_choices()] == [
        "disclosable_pecuniary",
        "other_registrable",
        "non_registrable",
    ]
    assert capture.interest_choices()[0][0] == "Disclosable pecuniary"
    roll(capture, *FIVE)
    with pytest.raises(Refused, match="disclosable pecuniary, other registrable or non-reg"):
        capture.declare("bracey", 5, "financial", "A shareholding", "leave", 3)
    declared = capture.declare("bracey", 5, None, "A shareholding", "leave", 3)
    assert declared.category is InterestCategory.DISCLOSABLE_PECUNIARY
    earlier = Declaration(
        person="bracey", item=6, category=InterestCategory.INDIRECT, nature="Spouse employed"
    )
    demo_store.add_declaration(capture.meeting_id, earlier, declared_at=3)
    capture.refresh()
    kept = next(d for d in capture.record.declarations if d.item == 6)
    assert ("Indirect", "indirect") in capture.interest_choices(kept.category.value)
    capture.edit_declaration(
        kept.id or 0, "bracey", 6, "indirect", "Spouse employed there", "remain"
    )
    assert any(
        d.nature == "Spouse employed there" for d in demo_store.declarations(capture.meeting_id)
    )


def test_declarations_are_refused_twice_corrected_and_deleted(
    capture: MeetingCapture, demo_store: Store
) -> None:
    """Finding 9."""
    roll(capture, *FIVE)
    capture.take_up(3)
    capture.declare("bracey", 5, "disclosable_pecuniary", "Director of a provider", "leave", 3)
    with pytest.raises(Refused, match="already declared"):
        capture.declare("bracey", 5, "disclosable_pecuniary", "director of a provider.", "leave", 3)
    with pytest.raises(Refused, match="not recorded at this meeting"):
        capture.declare("alam", 5, "disclosable_pecuniary", "A shareholding", "remain", 3)
    (declaration,) = capture.record.declarations
    capture.edit_declaration(
        declaration.id or 0, "bracey", 5, "other_registrable", "Spouse is a director", "no_vote"
    )
    (corrected,) = demo_store.declarations(capture.meeting_id)
    assert corrected.nature == "Spouse is a director" and corrected.ruling is Ruling.NO_VOTE
    edits = [e for e in demo_store.timeline(capture.meeting_id) if e.kind is EventKind.EDITED]
    assert edits and "Director of a provider" in (edits[0].note or "")
    (line,) = [line for line in capture.records() if line.kind == "declaration"]
    capture.delete(line)
    assert demo_store.declarations(capture.meeting_id) == []
    (gone,) = [line for line in capture.records() if line.kind == "declaration"]
    assert gone.deleted
    capture.restore(gone)
    assert len(demo_store.declarations(capture.meeting_id)) == 1


def test_decisions_and_actions_are_corrected_in_place(
    capture: MeetingCapture, demo_store: Store
) -> None:
    roll(capture, *FIVE)
    capture.take_up(2)
    decision = capture.decide(2, "That the minutes be aproved.")
    capture.edit_decision(decision.id or 0, "That the minutes be approved.", "RESOLVED")
    minute = demo_store.minute_for(capture.meeting_id, 2)
    assert minute is not None and [d.text for d in minute.decisions] == [
        "That the minutes be approved."
    ]
    action = capture.agree_action(2, "Circulate the minutes", "bracey", "01/10/2023")
    with pytest.raises(Refused, match="before the meeting"):
        capture.edit_action(action.id or 0, "Circulate the minutes", "bracey", "01/01/2023")
    capture.edit_action(action.id or 0, "Circulate the approved minutes", "hopkins", "")
    (stored,) = demo_store.meeting_actions(capture.meeting)
    assert (stored.description, stored.owner, stored.due, stored.item) == (
        "Circulate the approved minutes",
        "hopkins",
        None,
        2,
    )
    notes = [e.note for e in demo_store.timeline(capture.meeting_id) if e.kind is EventKind.EDITED]
    assert any("aproved" in (n or "") for n in notes)
    assert any("Circulate the minutes" in (n or "") for n in notes)


def test_a_deputy_for_a_member_in_the_room_is_refused_and_one_not_counted_is_said(
    capture: MeetingCapture,
) -> None:
    roll(capture, *FIVE)
    seat = next(s for s in capture.seats if s.holder == "bradburn")
    with pytest.raises(Refused, match="is present"):
        capture.add_to_room("A Substitute", "deputy", 1, deputy_for=seat.id)
    harrison = next(s for s in capture.seats if s.holder == "harrison")
    warnings = capture.add_to_room("Someone Else", "deputy", 1, deputy_for=harrison.id)
    assert warnings and "Not counted" in warnings[0]
    officer = capture.add_to_room("M Carr", "officer", 3, role="Public Health")
    assert officer == []
    assert capture.record.presence_notes("carr") == ["from item 3"]


def test_the_first_words_issue_the_minute_number(capture: MeetingCapture) -> None:
    capture.take_up(1)
    assert capture.write_narrative(1, "") is None
    issued = capture.write_narrative(1, "The Chair welcomed everyone.")
    assert issued is not None and issued.number == "HCP8" and not issued.after_later_meeting
    assert capture.write_narrative(1, "The Chair welcomed everyone present.") is None


def test_an_earlier_meeting_minuted_later_follows_on_and_says_so(
    capture: MeetingCapture, demo_store: Store, clock: Clock
) -> None:
    """Finding 5 from the live screen's side: a July meeting minuted after September's."""
    capture.take_up(1)
    capture.write_narrative(1, "September, item 1.")
    capture.write_narrative(2, "September, item 2.")
    july = demo_store.add_meeting(Meeting(committee="HCP", date=date(2023, 7, 12)))
    demo_store.add_agenda_item(july.id or 0, AgendaItem(number=1, title="Welcome"))
    other = MeetingCapture(demo_store, july.id or 0, clock)
    issued = other.write_narrative(1, "July, item 1.")
    assert issued is not None and issued.number == "HCP10"
    assert issued.after_later_meeting == "20 September 2023"


def test_business_is_recorded_only_at_an_item_taken_up(capture: MeetingCapture) -> None:
    """Bad input: a decision on an item not taken, or not on the agenda, changes nothing."""
    roll(capture, *FIVE)
    with pytest.raises(Refused, match="not been taken up"):
        capture.decide(6, "That the report be approved.")
    with pytest.raises(Refused, match="no agenda item 42"):
        capture.agree_action(42, "Write to the ICB", "bracey", "")
    assert capture.minute(6) is None and capture.actions == []
