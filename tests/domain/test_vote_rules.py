"""Votes on a decision: the outcome and the minutes' words, who may vote at an item (the
ToR's deputies and conflicts), and the refusal of more votes than those entitled."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from minutebook.domain.audit import AuditEntry, AuditNames, audit_record
from minutebook.domain.base import Refused
from minutebook.domain.meeting import Attendance, Capacity
from minutebook.domain.quorum import Ruling
from minutebook.domain.timeline import Event, EventKind, Phase
from minutebook.domain.voters import Voters, check_vote, voters_at
from minutebook.domain.votes import Choice, MemberVote, Vote, minute_sentences, vote_runs
from tests.domain.builder import Builder, terms


def name(person: str) -> str:
    return person.upper()


def voters(meeting: Builder, item: int) -> Voters:
    quorum = meeting.quorum()
    present = quorum.present_at(quorum.timeline.now_at(item))
    return voters_at(meeting.record, meeting.terms, meeting.seats, [], item, present)


def test_the_minutes_word_a_vote_as_uk_minutes_do() -> None:
    vote = Vote(in_favour=7, against=2, abstentions=1, proposer="p1", seconder="p2")
    assert minute_sentences(vote, name) == [
        "Proposed by P1, seconded by P2.",
        "On being put to the vote the motion was carried, 7 for, 2 against, 1 abstention.",
    ]
    lost = Vote(in_favour=3, against=5, abstentions=2)
    assert minute_sentences(lost, name) == [
        "On being put to the vote the motion was lost, 3 for, 5 against, 2 abstentions."
    ]
    assert minute_sentences(Vote(proposer="p4"), name) == ["Proposed by P4."]


def test_an_equality_of_votes_goes_the_way_of_the_chairs_casting_vote() -> None:
    carried = Vote(in_favour=4, against=4, casting=Choice.FOR)
    assert carried.carried and carried.outcome == "carried on the Chair's casting vote"
    lost = Vote(in_favour=4, against=4, casting=Choice.AGAINST)
    assert not lost.carried and lost.outcome == "lost on the Chair's casting vote"
    assert Vote(in_favour=4, against=4).outcome == "lost"  # no casting vote: it falls
    with pytest.raises(ValidationError, match="only when the votes are equal"):
        Vote(in_favour=5, against=4, casting=Choice.FOR)


def test_a_named_vote_gives_the_numbers_and_lists_each_member() -> None:
    vote = Vote(
        named=(
            MemberVote(person="a", choice=Choice.FOR),
            MemberVote(person="b", choice=Choice.FOR),
            MemberVote(person="c", choice=Choice.AGAINST),
            MemberVote(person="d", choice=Choice.ABSTAIN),
        )
    )
    assert vote.totals == (2, 1, 1) and vote.carried
    assert minute_sentences(vote, name)[-1] == "For: A, B; Against: C; Abstained: D."
    with pytest.raises(ValidationError, match="do not match the named vote"):
        Vote(in_favour=3, named=vote.named)
    with pytest.raises(ValidationError, match="once"):
        Vote(named=(vote.named[0], vote.named[0]))
    with pytest.raises(ValidationError, match="seconder cannot be the proposer"):
        Vote(proposer="a", seconder="a")


def test_those_who_left_or_took_no_part_for_an_interest_may_not_vote() -> None:
    meeting = Builder(members=6).roll("p1", "p2", "p3", "p4", "p5")
    meeting.at(2).declare("p3", 4, Ruling.LEAVE)
    meeting.declare("p4", 4, Ruling.NO_VOTE)
    meeting.declare("p5", 4, Ruling.REMAIN)
    at_four = voters(meeting, 4)
    assert at_four.entitled == ("p1", "p2", "p5")
    assert "conflicted on item 4" in at_four.reason("p3")
    assert at_four.reason("p6") == "not present at item 4"  # never came
    assert voters(meeting, 5).entitled == ("p1", "p2", "p3", "p4", "p5")


def test_a_member_deemed_present_for_the_quorum_still_may_not_vote() -> None:
    tor = terms({"count": {"min": 3}}, conflicts={"effect": "deemed_present"})
    meeting = Builder(tor=tor).roll("p1", "p2", "p3")
    meeting.at(2).declare("p3", 4, Ruling.LEAVE)
    assert "p3" in meeting.quorum().at_item(4).verdict.counted  # type: ignore[union-attr]
    assert voters(meeting, 4).entitled == ("p1", "p2")


def deputy_meeting(**deputies: object) -> Builder:
    meeting = Builder(tor=terms({"count": {"min": 2}}, deputies=deputies)).roll("p1", "p2")
    meeting.attendance.append(Attendance(person="d5", capacity=Capacity.DEPUTY, deputy_for=("S5",)))
    meeting.events.append(
        Event(id=99, kind=EventKind.ARRIVED, person="d5", item=1, phase=Phase.START)
    )
    return meeting


def test_a_deputy_votes_only_where_the_terms_of_reference_let_deputies_vote() -> None:
    assert voters(deputy_meeting(allowed="any"), 3).entitled == ("d5", "p1", "p2")
    assert voters(deputy_meeting(allowed="any", may_vote=False), 3).entitled == ("p1", "p2")
    assert voters(deputy_meeting(), 3).entitled == ("p1", "p2")  # deputies not allowed


def test_more_votes_than_members_entitled_are_refused_naming_the_item_and_numbers() -> None:
    meeting = Builder(members=6).roll("p1", "p2", "p3", "p4", "p5")
    meeting.at(2).declare("p5", 6, Ruling.LEAVE)
    at_six = voters(meeting, 6)
    with pytest.raises(Refused) as refused:
        check_vote(Vote(in_favour=3, against=1, abstentions=1), at_six, "item 6", name)
    assert str(refused.value) == (
        "3 for, 1 against and 1 abstention is 5 votes; only 4 members present at item 6 may vote"
    )
    check_vote(Vote(in_favour=3, against=1), at_six, "item 6", name)  # four: accepted
    named = Vote(named=(MemberVote(person="p5", choice=Choice.FOR),))
    with pytest.raises(Refused, match="P5 may not vote at item 6: conflicted on item 6"):
        check_vote(named, at_six, "item 6", name)
    with pytest.raises(Refused, match="P6 may not second the motion at item 6: not present"):
        check_vote(Vote(proposer="p1", seconder="p6"), at_six, "item 6", name)


def test_the_audit_words_a_changed_vote_as_the_minutes_do() -> None:
    entry = AuditEntry(
        meeting_id=1,
        table="decisions",
        row=3,
        change="update",
        before=json.dumps({"vote": None, "minute_id": 1}),
        after=json.dumps(
            {"vote": Vote(in_favour=7, against=2, proposer="p1").model_dump_json(), "minute_id": 1}
        ),
        at="2023-11-16T13:30:00",
    )
    (note,) = audit_record([entry], AuditNames(people={"p1": "Councillor Ann Lee"}))
    assert note.lines == (
        "Vote: (none) → Proposed by Councillor Ann Lee. On being put to the vote the motion "
        "was carried, 7 for, 2 against.",
    )


def chaired(members: int = 5) -> Builder:
    """A meeting whose S1 is the Chair's seat (p1) and S2 the Vice-Chair's (p2)."""
    meeting = Builder(members=members)
    meeting.seats[0] = meeting.seats[0].model_copy(update={"tags": ("chair",)})
    meeting.seats[1] = meeting.seats[1].model_copy(update={"tags": ("vice_chair",)})
    return meeting


EQUAL = Vote(in_favour=1, against=1, casting=Choice.FOR)


def test_only_the_chair_presiding_has_a_casting_vote() -> None:
    # The Chair present: theirs. The Chair out for an interest: the Vice-Chair presides.
    meeting = chaired().roll("p1", "p2", "p3", "p4", "p5")
    assert voters(meeting, 3).presiding == "p1"
    check_vote(EQUAL, voters(meeting, 3), "item 3", name)
    meeting.at(2).declare("p1", 4, Ruling.LEAVE)
    assert voters(meeting, 4).presiding == "p2"
    check_vote(EQUAL, voters(meeting, 4), "item 4", name)
    # Both out of the room for item 5: no one may give a casting vote there.
    meeting.declare("p2", 5, Ruling.NO_VOTE)
    meeting.declare("p1", 5, Ruling.LEAVE)
    with pytest.raises(Refused) as refused:
        check_vote(EQUAL, voters(meeting, 5), "item 5", name)
    assert str(refused.value) == (
        "Casting vote: only the Chair has one, and no Chair or Vice-Chair may vote at item 5 "
        "(P1: conflicted on item 5: left the meeting; P2: conflicted on item 5: took no part)"
    )
    check_vote(Vote(in_favour=2, against=1), voters(meeting, 5), "item 5", name)  # no casting


def test_a_chair_who_never_came_gives_no_casting_vote_and_an_untagged_committee_is_told() -> None:
    meeting = chaired().roll("p3", "p4", "p5")
    with pytest.raises(Refused, match=r"\(P1: not present at item 3; P2: not present at item 3\)"):
        check_vote(EQUAL, voters(meeting, 3), "item 3", name)
    untagged = Builder(members=5).roll("p1", "p2", "p3", "p4", "p5")
    with pytest.raises(Refused, match="no seat of the committee is tagged chair"):
        check_vote(EQUAL, voters(untagged, 3), "item 3", name)


def test_the_chair_votes_once_as_a_member_and_the_casting_vote_is_not_counted() -> None:
    meeting = chaired().roll("p1", "p2", "p3", "p4")
    chosen = {"p1": Choice.FOR, "p2": Choice.FOR, "p3": Choice.AGAINST, "p4": Choice.AGAINST}
    named = tuple(MemberVote(person=p, choice=c) for p, c in chosen.items())
    vote = Vote(named=named, casting=Choice.FOR)  # the Chair's own vote among the four
    check_vote(vote, voters(meeting, 3), "item 3", name)
    assert vote.totals == (2, 2, 0) and vote.outcome == "carried on the Chair's casting vote"
    # A casting vote added to the numbers is no equality: refused.
    with pytest.raises(ValidationError, match="only when the votes are equal"):
        Vote(in_favour=3, against=2, casting=Choice.FOR)


def test_a_vote_prints_before_the_heading_of_what_it_decided_alone() -> None:
    vote = Vote(in_favour=3, against=1)
    points = [("a", None), ("b", vote), ("c", None), ("d", None), ("e", vote), ("f", vote)]
    runs = vote_runs(points, lambda point: point[1])
    assert [[p for p, _ in run] for run in runs] == [["a"], ["b"], ["c", "d"], ["e"], ["f"]]
    assert vote_runs([("a", None), ("b", None)], lambda point: point[1]) == [
        [("a", None), ("b", None)]
    ]


def test_the_vice_chair_presides_once_the_chair_has_left_the_meeting() -> None:
    meeting = chaired().roll("p1", "p2", "p3", "p4", "p5")
    meeting.at(3).mark("p1", "left")
    assert voters(meeting, 2).presiding == "p1"
    assert voters(meeting, 4).presiding == "p2"
