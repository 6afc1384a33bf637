"""The quorum through a meeting: one answer for the live screen, the decision flag and
the minutes' inquorate periods (docs/quorum.md)."""

from __future__ import annotations

from minutebook.domain.meeting import DecisionFlag, DecisionVerb
from minutebook.domain.meeting_quorum import NO_ATTENDANCE, NO_TERMS, MeetingQuorum, Outcome
from minutebook.domain.quorum import Ruling
from minutebook.domain.room import Mark
from tests.domain.builder import Builder, terms


def test_a_departure_and_return_make_one_inquorate_period_and_flag_the_decision_in_it() -> None:
    """Finding 1 end to end: leave at item 4, back at item 5, then a decision recorded
    at item 4 afterwards (the secretary catching up) is still taken while inquorate."""
    meeting = Builder().roll("p1", "p2", "p3")
    meeting.at(4, "15:05").mark("p3", Mark.LEFT)
    meeting.at(5, "15:20").mark("p3", Mark.BACK)
    meeting.at(4)
    late = meeting.decide("That the plan be approved.")
    quorum = meeting.quorum()
    assert quorum.at_item(4).inquorate and not quorum.at_item(5).inquorate
    assert quorum.flag(late, 4) is DecisionFlag.INQUORATE
    (period,) = quorum.periods()
    assert period.left == ("p3",) and period.began_at == "15:05"
    assert period.returned == ("p3",) and period.restored_at == "15:20"
    assert period.items == (4,) and period.outcomes == ((4, Outcome.DECIDED),)


def test_a_chairs_ruling_reaches_as_far_as_the_room_stays_the_same() -> None:
    """Finding 3: the live screen applied a ruling to its own item only, the minutes
    carried it on. Now both read `at_item`/`for_decision`, which carry it while the
    room is unchanged and drop it when someone comes or goes."""
    meeting = Builder().roll("p1", "p2", "p3")
    meeting.at(4).rule(quorate=False, reason="a member is disqualified")
    meeting.at(5)
    at_five = meeting.decide("That the budget be agreed.")
    quorum = meeting.quorum()
    assert quorum.at_item(3).quorate is True
    assert quorum.at_item(4).inquorate and quorum.at_item(4).ruling is not None
    assert quorum.at_item(5).inquorate  # the same room: the ruling still stands
    assert quorum.flag(at_five, 5) is DecisionFlag.INQUORATE
    meeting.at(6).mark("p4", Mark.PRESENT)
    quorum = meeting.quorum()
    assert quorum.at_item(6).quorate is True and quorum.at_item(6).ruling is None
    (period,) = quorum.periods()
    assert period.ruled and period.items == (4, 5)


def test_a_quorate_ruling_stands_for_the_decision_and_not_after_a_departure() -> None:
    meeting = Builder().roll("p1", "p2")
    meeting.at(2).rule(quorate=True, reason="the deputy counts as the Chair reads 4.2")
    ruled = meeting.decide()
    meeting.at(3).mark("p2", Mark.LEFT)
    after = meeting.decide("That the second report be approved.")
    quorum = meeting.quorum()
    assert quorum.flag(ruled, 2) is None
    assert quorum.flag(after, 3) is DecisionFlag.INQUORATE
    start, lost = quorum.periods()
    # Two of three from the start, until the Chair's ruling at item 2 ...
    assert start.from_start and start.items == (1,) and start.restored_item == 2
    # ... and from p2's departure at item 3 to the close.
    assert lost.left == ("p2",) and lost.restored_item is None
    assert lost.outcomes[0] == (3, Outcome.DECIDED)


def test_whatever_the_form_chose_a_decision_while_inquorate_is_flagged() -> None:
    """Finding 4: choosing "(none)" under "Because inquorate" stored a plain RESOLVED.
    The flag is not a choice: it follows from where the decision stands."""
    meeting = Builder().roll("p1", "p2")
    meeting.at(2)
    decision = meeting.decide("That the contract be awarded.")
    noted = meeting.decide("The update.", verb=DecisionVerb.NOTED)
    chair = meeting.decide("That the fee be paid.", chairs_action=True)
    quorum = meeting.quorum()
    assert quorum.flag(decision, 2) is DecisionFlag.INQUORATE
    assert quorum.flag(noted, 2) is None
    assert quorum.flag(chair, 2) is DecisionFlag.CHAIRS_ACTION


def test_a_member_ruled_out_for_an_item_is_out_for_all_of_it_and_back_for_the_next() -> None:
    meeting = Builder().roll("p1", "p2", "p3")
    meeting.at(2).declare("p3", 4, Ruling.LEAVE)
    quorum = meeting.quorum()
    assert quorum.at_item(3).quorate and quorum.at_item(5).quorate
    assert quorum.at_item(4).inquorate
    (period,) = quorum.periods()
    assert period.withdrew == ("p3",) and period.began_at == "14:04"
    assert period.returned == ("p3",) and period.restored_at == "14:05"
    assert period.restored_item == 5


def test_someone_who_took_no_part_counts_again_without_having_returned() -> None:
    """A member who stayed in the room for an item, taking no part for an interest,
    counts again at the next item: the quorum is back because they can take part, not
    because they returned (they never left; the minutes said "returned to the meeting").
    One ruled to leave for the item did return."""
    meeting = Builder().roll("p1", "p2", "p3")
    meeting.at(2).declare("p3", 4, Ruling.NO_VOTE)
    (period,) = meeting.quorum().periods()
    assert period.no_part == ("p3",) and period.began_at == "14:04"
    assert period.took_part == ("p3",) and period.returned == ()
    assert period.restored_item == 5 and period.restored_at == "14:05"
    left = Builder().roll("p1", "p2", "p3")
    left.at(2).declare("p3", 4, Ruling.LEAVE)
    (period,) = left.quorum().periods()
    assert period.returned == ("p3",) and period.took_part == ()


def test_a_period_ended_by_the_chairs_ruling_is_known_as_such() -> None:
    """The minutes give a ruling in its own words where it was made; a period it ends
    (like one it begins, `ruled`) needs no second line "Quorum was restored"."""
    meeting = Builder().roll("p1", "p2", "p3")
    meeting.at(4, "15:05").mark("p3", Mark.LEFT)
    meeting.at(5, "15:06").rule(quorate=True, reason="p3's deputy is on the call")
    (period,) = meeting.quorum().periods()
    assert period.ruled_back and not period.ruled
    assert period.restored_item == 5 and period.restored_at == "15:06"
    meeting.at(6, "15:20").mark("p4", Mark.PRESENT)
    (period,) = meeting.quorum().periods()  # the ruling still ends it: nothing new
    assert period.ruled_back
    arrival = Builder().roll("p1", "p2", "p3")
    arrival.at(4, "15:05").mark("p3", Mark.LEFT)
    arrival.at(5, "15:20").mark("p4", Mark.PRESENT)
    (period,) = arrival.quorum().periods()
    assert not period.ruled_back and period.arrived == ("p4",)


def test_no_vote_takes_no_part_and_remain_changes_nothing() -> None:
    meeting = Builder().roll("p1", "p2", "p3", "p4")
    meeting.at(2).declare("p3", 3, Ruling.NO_VOTE)
    meeting.declare("p4", 3, Ruling.REMAIN)
    quorum = meeting.quorum()
    assert quorum.at_item(3).quorate  # three of four still count
    meeting.declare("p2", 3, Ruling.NO_VOTE)
    (period,) = meeting.quorum().periods()
    assert set(period.no_part) == {"p2", "p3"} and period.withdrew == ()


def test_an_inquorate_start_and_a_meeting_that_never_recovers() -> None:
    meeting = Builder(
        tor=terms(
            {"count": {"min": 3}}, on_inquorate={"mid_meeting": "adjourn", "at_start": "adjourn"}
        )
    )
    meeting.roll("p1", "p2")
    (period,) = meeting.quorum().periods()
    assert period.from_start and period.end is None
    assert period.adjourned  # nothing was taken
    meeting.at(3).note("The Chair explained the position.")
    (period,) = meeting.quorum().periods()
    assert not period.adjourned and (3, Outcome.INFORMATION) in period.outcomes


def test_the_roll_is_the_opening_not_an_inquorate_period() -> None:
    """People arrive one by one at the first item: that is the roll, and the meeting
    opens once it is taken."""
    meeting = Builder().roll("p1", "p2", "p3")
    quorum = meeting.quorum()
    assert quorum.opening().quorate and quorum.periods() == ()


def test_unminuted_without_terms_or_without_anyone_present() -> None:
    meeting = Builder()
    meeting.at(2)
    decision = meeting.decide()
    quorum = meeting.quorum()
    assert quorum.unminuted == NO_ATTENDANCE
    assert quorum.at_item(2).quorate is None and quorum.flag(decision, 2) is None
    assert quorum.periods() == ()
    no_terms = MeetingQuorum(meeting.record, None, meeting.seats, [])
    assert no_terms.unminuted == NO_TERMS and no_terms.at_item(1).quorate is None


def test_a_record_without_its_timeline_places_the_decision_at_the_end_of_its_item() -> None:
    meeting = Builder().roll("p1", "p2", "p3")
    meeting.at(4)
    decision = meeting.decide()
    meeting.events = [e for e in meeting.events if e.ref != decision.id]
    meeting.mark("p3", Mark.LEFT)
    quorum = meeting.quorum()
    assert quorum.flag(decision, 4) is DecisionFlag.INQUORATE  # at the end, after p3 left


def test_a_meeting_that_ended_at_an_item_does_not_recover_at_the_items_after() -> None:
    """From a new user's trial: a member out for an interest on item 6, the last item
    taken before the close, was minuted as returning at item 7, which was never taken."""
    meeting = Builder(items=9).roll("p1", "p2", "p3")
    meeting.agenda = [
        i.model_copy(update={"started_at": i.started_at if i.number <= 6 else None})
        for i in meeting.agenda
    ]
    meeting.at(2).declare("p3", 6, Ruling.LEAVE)
    meeting.at(6).note("The item was discussed.")
    (period,) = meeting.quorum().periods()
    assert period.withdrew == ("p3",) and period.restored_item is None and period.end is None
    # It lasted to the close: item 6 was taken for information, the rest never were.
    assert period.outcomes == (
        (6, Outcome.INFORMATION),
        (7, Outcome.NOT_TAKEN),
        (8, Outcome.NOT_TAKEN),
        (9, Outcome.NOT_TAKEN),
    )
    # A record of the whole agenda (no item timed: a meeting file, the demo papers) is
    # read to its end: the member is back for item 7.
    meeting.agenda = [i.model_copy(update={"started_at": None}) for i in meeting.agenda]
    (period,) = meeting.quorum().periods()
    assert period.restored_item == 7 and period.returned == ("p3",)
