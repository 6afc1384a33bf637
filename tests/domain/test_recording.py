"""The rules of recording business as it is typed: decisions (and the inquorate choice
that cannot be skipped), declarations, actions, and where they may be recorded."""

from __future__ import annotations

from datetime import date

import pytest

from minutebook.domain.base import Refused
from minutebook.domain.meeting import (
    Attendance,
    AttendanceStatus,
    Decision,
    DecisionVerb,
    Declaration,
    Meeting,
)
from minutebook.domain.recording import (
    action_problems,
    decision_from,
    declaration_problems,
    item_problem,
    lost_vote_problem,
)
from minutebook.domain.votes import Choice, Vote


def test_the_verb_can_lead_the_text() -> None:
    decision = decision_from("noted: the verbal update", "RESOLVED", None, inquorate=False)
    assert (decision.verb, decision.text) == (DecisionVerb.NOTED, "the verbal update")
    plain = decision_from("That it be approved: subject to funding", None, None, inquorate=False)
    assert plain.verb is DecisionVerb.RESOLVED
    assert plain.text == "That it be approved: subject to funding"
    with pytest.raises(Refused, match="say what was decided"):
        decision_from("NOTED:", None, None, inquorate=False)


def test_while_inquorate_the_choice_cannot_be_left_empty() -> None:
    with pytest.raises(Refused, match="Because inquorate"):
        decision_from("That it be approved.", None, None, inquorate=True)
    assert decision_from("That it be approved.", None, "noted", True).verb is DecisionVerb.NOTED
    assert decision_from("That it be approved.", None, "deferred", True).verb is (
        DecisionVerb.DEFERRED
    )
    chair = decision_from("That it be approved.", None, "chairs_action", True)
    assert chair.chairs_action and chair.verb is DecisionVerb.RESOLVED
    anyway = decision_from("That it be approved.", None, "anyway", True)
    assert not anyway.chairs_action and anyway.verb is DecisionVerb.RESOLVED


def test_a_declaration_is_made_by_someone_at_the_meeting_once() -> None:
    attendance = [
        Attendance(person="ann"),
        Attendance(person="bob", status=AttendanceStatus.APOLOGIES),
    ]
    made = Declaration(id=1, person="ann", item=4, nature="Director of a bidder")
    assert declaration_problems(made, attendance, [1, 2, 3, 4], [], "Ann") == []
    again = Declaration(person="ann", item=4, nature="director of a bidder.")
    (problem,) = declaration_problems(again, attendance, [1, 2, 3, 4], [made], "Ann")
    assert "already declared" in problem
    other = Declaration(person="ann", item=4, nature="Spouse employed by the ICB")
    assert declaration_problems(other, attendance, [1, 2, 3, 4], [made], "Ann") == []
    away = Declaration(person="bob", item=9, nature="A shareholding")
    problems = declaration_problems(away, attendance, [1, 2, 3, 4], [], "Bob")
    assert any("not recorded at this meeting" in p for p in problems)
    assert any("no agenda item 9" in p for p in problems)


def test_an_action_needs_what_who_and_a_due_date_after_the_meeting() -> None:
    day = date(2023, 9, 20)
    problems, due = action_problems("", None, "19/09/2023", day)
    assert due == date(2023, 9, 19)
    assert problems == [
        "Action: say what is to be done",
        "Owner: every action needs an owner",
        "Due: 19/09/2023 is before the meeting (20/09/2023)",
    ]
    problems, due = action_problems("Write", "ann", "31/02/2024", day)
    assert due is None and "not a real date" in problems[0]
    assert action_problems("Write", "ann", "", day) == ([], None)


def test_business_is_recorded_at_an_item_taken_up() -> None:
    assert item_problem(3, [1, 2, 3], [1, 2, 3]) is None
    assert "not been taken up" in (item_problem(3, [1, 2, 3], [1, 2]) or "")
    assert "no agenda item 7" in (item_problem(7, [1, 2, 3], [1, 2, 3]) or "")


def test_only_the_meetings_own_day_is_timed() -> None:
    meeting = Meeting(committee="HCP", date=date(2023, 9, 20))
    assert meeting.timed_on(date(2023, 9, 20))
    assert not meeting.timed_on(date(2023, 9, 21))


def test_a_lost_motion_resolves_nothing_it_is_minuted_as_noted() -> None:
    lost = Vote(in_favour=5, against=5, casting=Choice.AGAINST)
    resolved = Decision(text="To note the update.", vote=lost)  # RESOLVED unless chosen
    problem = lost_vote_problem(resolved)
    assert problem is not None
    assert "lost on the Chair's casting vote (5 for, 5 against)" in problem
    assert "cannot be minuted as RESOLVED: record it as NOTED" in problem
    for verb in (DecisionVerb.AGREED, DecisionVerb.APPROVED, DecisionVerb.DEFERRED):
        assert lost_vote_problem(Decision(verb=verb, text="x", vote=Vote(against=3))) is not None
    assert lost_vote_problem(resolved.model_copy(update={"verb": DecisionVerb.NOTED})) is None
    carried = Vote(in_favour=6, against=4)
    assert lost_vote_problem(Decision(verb=DecisionVerb.NOTED, text="x", vote=carried)) is None
    assert lost_vote_problem(Decision(text="x", vote=carried)) is None
    # No numbers (only the proposer): the motion was not put, nothing was lost.
    assert lost_vote_problem(Decision(text="x", vote=Vote(proposer="marland"))) is None
