"""A vote recorded with a decision through the capture service, on the demo HCP meeting
of 20 September 2023: what the form typed is read, checked against those who may vote
at the item, kept with the decision, and kept when the decision's words are corrected."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from minutebook.application.capture import MeetingCapture
from minutebook.application.voting import form_values, voter_choices
from minutebook.domain.base import Refused
from minutebook.domain.room import Mark
from minutebook.domain.votes import Choice, Vote
from minutebook.store import Store

FIVE = ["marland", "hopkins", "bradburn", "darlington", "bracey"]


@pytest.fixture
def capture(demo_store: Store) -> MeetingCapture:
    meeting = demo_store.meeting_on("HCP", date(2023, 9, 20))
    capture = MeetingCapture(demo_store, meeting.id or 0, lambda: datetime(2023, 9, 20, 14, 0))
    capture.take_up(1)
    for person in FIVE:
        capture.mark(person, Mark.PRESENT, 1)
    return capture


def test_the_form_s_vote_is_read_checked_and_kept_through_a_correction(
    capture: MeetingCapture,
) -> None:
    with pytest.raises(Refused, match="Votes for: a number of votes, such as 7"):
        capture.decide(1, "That it be agreed.", vote={"in_favour": "seven"})
    with pytest.raises(Refused, match="4 for, 2 against and 0 abstentions is 6 votes; only 5"):
        capture.decide(1, "That it be agreed.", vote={"in_favour": "4", "against": "2"})
    with pytest.raises(Refused, match="casting vote only when the votes are equal"):
        capture.decide(1, "That it be agreed.", vote={"in_favour": "3", "casting": "for"})
    assert capture.minute(1) is None  # nothing stored
    decided = capture.decide(
        1,
        "That it be agreed.",
        vote={"in_favour": "2", "against": "2", "abstentions": "", "casting": "for"},
    )
    kept = Vote(in_favour=2, against=2, casting=Choice.FOR)
    assert decided.vote == kept
    capture.edit_decision(decided.id or 0, "That it be agreed as amended.", None)
    (decision,) = capture.minute(1).decisions  # type: ignore[union-attr]
    assert decision.text == "That it be agreed as amended." and decision.vote == kept
    plain = capture.decide(1, "That the report be noted.", vote={"proposer": None})
    assert plain.vote is None


def test_a_named_vote_is_typed_as_the_minutes_print_it(capture: MeetingCapture) -> None:
    capture.mark("collins", Mark.PRESENT, 1)  # quorate still, with Bracey out for item 1
    capture.declare("bracey", 1, None, "Director of a bidder", "leave", at_item=1)
    with pytest.raises(Refused, match="no one who may vote at item 1 is called 'Bracey'"):
        capture.decide(1, "That it be agreed.", vote={"named": "For: Marland; Against: Bracey"})
    with pytest.raises(Refused, match="should start For:, Against: or Abstained:"):
        capture.decide(1, "That it be agreed.", vote={"named": "Yes: Marland"})
    decided = capture.decide(
        1,
        "That it be agreed.",
        vote={"named": "For: Marland, Bradburn; Against: Hopkins; Abstained: Darlington"},
    )
    assert decided.vote is not None and decided.vote.totals == (2, 1, 1)
    assert [(v.person, v.choice) for v in decided.vote.named] == [
        ("marland", Choice.FOR),
        ("bradburn", Choice.FOR),
        ("hopkins", Choice.AGAINST),
        ("darlington", Choice.ABSTAIN),
    ]


def test_a_named_vote_copied_from_the_minutes_with_its_full_stop_is_read(
    capture: MeetingCapture,
) -> None:
    decided = capture.decide(
        1, "That it be agreed.", vote={"named": "For: Marland, Bradburn; Against: Hopkins."}
    )
    assert decided.vote is not None and decided.vote.totals == (2, 1, 0)


def test_a_correction_changes_the_vote_with_the_checks_of_f3_where_the_decision_stands(
    capture: MeetingCapture,
) -> None:
    capture.take_up(2)
    decided = capture.decide(2, "That it be agreed.", vote={"in_favour": "3", "against": "2"})
    # Two more come in after the decision: they did not vote on it.
    capture.mark("collins", Mark.PRESENT, 2)
    capture.mark("heath", Mark.PRESENT, 2)
    with pytest.raises(Refused, match="4 for, 3 against and 0 abstentions is 7 votes; only 5"):
        capture.edit_decision(
            decided.id or 0, "That it be agreed.", None, {"in_favour": "4", "against": "3"}
        )
    with pytest.raises(Refused, match="Heath may not second the motion at item 2: not present"):
        capture.edit_decision(decided.id or 0, "That it be agreed.", None, {"seconder": "heath"})
    (kept,) = capture.minute(2).decisions  # type: ignore[union-attr]
    assert kept.vote == Vote(in_favour=3, against=2)  # a refusal changes nothing
    capture.edit_decision(
        decided.id or 0,
        "That it be agreed.",
        None,
        {"in_favour": "3", "against": "1", "abstentions": "1", "proposer": "hopkins"},
    )
    (changed,) = capture.minute(2).decisions  # type: ignore[union-attr]
    assert changed.vote == Vote(in_favour=3, against=1, abstentions=1, proposer="hopkins")
    capture.edit_decision(decided.id or 0, "That it be agreed.", None, {"in_favour": ""})
    (cleared,) = capture.minute(2).decisions  # type: ignore[union-attr]
    assert cleared.vote is None  # every field blank: the vote is taken off


def test_a_casting_vote_needs_the_chair_or_vice_chair_able_to_vote_at_the_item(
    capture: MeetingCapture,
) -> None:
    for person in ("collins", "heath", "head"):
        capture.mark(person, Mark.PRESENT, 1)
    capture.declare("marland", 1, None, "Owns land on the site", "leave", at_item=1)
    equal = {"in_favour": "2", "against": "2", "casting": "against"}
    # The Chair out for the item: the Vice-Chair presides and has the casting vote.
    assert capture.decide(1, "That the motion fell.", "NOTED", vote=equal).vote is not None
    capture.declare("hopkins", 1, None, "A tenant on the site", "no_vote", at_item=1)
    with pytest.raises(Refused) as refused:
        capture.decide(
            1, "That the site be sold.", vote={**equal, "in_favour": "1", "against": "1"}
        )
    assert str(refused.value).startswith(
        "Casting vote: only the Chair has one, and no Chair or Vice-Chair may vote at item 1 ("
    )
    assert len(capture.minute(1).decisions) == 1  # type: ignore[union-attr]


def test_a_stored_named_vote_fills_the_correction_and_reads_back_the_same(
    capture: MeetingCapture,
) -> None:
    typed = {"named": "For: Marland, Bradburn; Against: Hopkins", "proposer": "bradburn"}
    decided = capture.decide(1, "That it be agreed.", vote=typed)
    shown = form_values(capture, decided.vote)
    assert shown["named"].startswith("For: ") and "; Against: " in shown["named"]
    assert shown["proposer"] == "bradburn" and "in_favour" not in shown  # numbers not typed
    again = capture.edit_decision(decided.id or 0, "That it be agreed.", None, shown)
    assert again.vote == decided.vote


def test_a_lost_vote_is_refused_with_a_resolving_verb_in_f3_and_in_f9(
    capture: MeetingCapture,
) -> None:
    lost = {"in_favour": "2", "against": "2", "casting": "against"}
    with pytest.raises(Refused, match="a lost motion resolves nothing"):
        capture.decide(1, "To note the update.", "RESOLVED", vote=lost)
    with pytest.raises(Refused, match="cannot be minuted as AGREED"):
        capture.decide(1, "AGREED: To note the update.", vote=lost)
    assert capture.minute(1) is None  # nothing stored
    noted = capture.decide(1, "That the motion to approve the plan fell.", "NOTED", vote=lost)
    assert noted.vote is not None and not noted.vote.carried
    # F9: correcting the verb to RESOLVED, or the vote to a lost one, is refused too.
    with pytest.raises(Refused, match="cannot be minuted as RESOLVED"):
        capture.edit_decision(noted.id or 0, "The plan.", "RESOLVED")
    carried = capture.decide(1, "That the plan be approved.", vote={"in_favour": "4"})
    with pytest.raises(Refused, match="a lost motion resolves nothing"):
        capture.edit_decision(carried.id or 0, "That the plan be approved.", None, lost)
    verbs = [(d.verb.value, d.text) for d in capture.minute(1).decisions]  # type: ignore[union-attr]
    assert verbs == [
        ("NOTED", "That the motion to approve the plan fell."),
        ("RESOLVED", "That the plan be approved."),
    ]
    # A NOTED with a carried vote stands.
    assert capture.decide(1, "The update.", "NOTED", vote={"in_favour": "3"}).vote is not None


def test_proposers_are_offered_by_surname_not_by_title(demo_store: Store) -> None:
    meeting = demo_store.meeting_on("ICB", date(2022, 7, 1))
    capture = MeetingCapture(demo_store, meeting.id or 0, lambda: datetime(2022, 7, 1, 9, 0))
    capture.take_up(1)
    capture.everyone_present(1)
    offered = [key for _, key in voter_choices(capture, 1)]
    # "Dr Omotayo Kufeji" under K, between Harrison and Makarem (another Dr, under M).
    assert offered.index("harrison") < offered.index("kufeji") < offered.index("makarem")
    assert offered.index("graves") < offered.index("harrison")


def test_a_named_vote_reads_a_surname_before_letters_after_the_name(demo_store: Store) -> None:
    """"For: Bradburn" finds "Robin Bradburn OBE", whose last word is no surname, as the
    form's example (`decision_wording.named_vote_example`) offers it."""
    from minutebook.domain.decision_wording import named_vote_example

    bradburn = demo_store.person("bradburn")
    demo_store.save_person(bradburn.model_copy(update={"name": "Robin Bradburn OBE"}))
    meeting = demo_store.meeting_on("HCP", date(2023, 9, 20))
    capture = MeetingCapture(demo_store, meeting.id or 0, lambda: datetime(2023, 9, 20, 14, 0))
    capture.take_up(1)
    for person in FIVE:
        capture.mark(person, Mark.PRESENT, 1)
    assert "Bradburn" in named_vote_example([demo_store.person(p) for p in FIVE])
    assert "OBE" not in named_vote_example([demo_store.person(p) for p in FIVE])
    decided = capture.decide(1, "That it be agreed.", vote={"named": "For: Bradburn, Marland"})
    assert decided.vote is not None
    assert [v.person for v in decided.vote.named] == ["bradburn", "marland"]
