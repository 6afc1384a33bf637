"""The RAG proposed at a review and its escalation, as the seed trackers' keys say.

Seed 003 (Board of the BLMK ICB, Action Tracker, 29 July 2022), its key:
  Escalated - items flagged RED for 3 subsequent meetings - BLACK
  Outstanding - no actions made to progress OR actions made but not on track to deliver
  In Progress - actions made to progress & on track to deliver due date
  Not Yet Due
  COMPLETE - GREEN: Propose closure at next meeting
  CLOSED (dd/mm/yyyy)
Seed 001 (MK Health and Care Partnership, Decision Tracker 2022/23), its colour code:
  (R) RED: NO OR LIMITED PROGRESS; (A) AMBER: PROGRESS PENDING FURTHER ACTION;
  (G) GREEN: SIGNIFICANT PROGRESS MADE; (B) BLACK: NO FURTHER ACTION
"""

from __future__ import annotations

from datetime import date

import pytest

from minutebook.domain.actions import ActionStatus
from minutebook.domain.committee import RagPalette
from minutebook.domain.rag import COUNCIL, NHS, propose_rag, scheme_for, shown_rag, status_at

REVIEW = date(2022, 7, 29)
DUE_LATER = date(2022, 9, 30)
DUE_BEFORE = date(2022, 7, 1)


def code(level: object) -> str | None:
    return getattr(level, "code", None)


@pytest.mark.parametrize(
    ("status", "due", "expected"),
    [
        (ActionStatus.NOT_YET_DUE, DUE_LATER, "blue"),  # Not Yet Due
        (ActionStatus.NOT_YET_DUE, None, "blue"),
        (ActionStatus.IN_PROGRESS, DUE_LATER, "amber"),  # on track to deliver the due date
        (ActionStatus.IN_PROGRESS, DUE_BEFORE, "red"),  # not on track: past its deadline
        (ActionStatus.NOT_YET_DUE, DUE_BEFORE, "red"),  # no actions made, and now due
        (ActionStatus.OUTSTANDING, DUE_LATER, "red"),
        (ActionStatus.COMPLETE_PROPOSE_CLOSURE, DUE_BEFORE, "green"),  # COMPLETE - GREEN
        (ActionStatus.CLOSED, DUE_BEFORE, "closed"),
    ],
)
def test_the_nhs_proposal_follows_seed_003s_key(
    status: ActionStatus, due: date | None, expected: str
) -> None:
    assert code(propose_rag(NHS, status, due, REVIEW)) == expected


def test_red_at_three_successive_reviews_is_escalated_black() -> None:
    past = ActionStatus.IN_PROGRESS
    assert code(propose_rag(NHS, past, DUE_BEFORE, REVIEW, [])) == "red"
    assert code(propose_rag(NHS, past, DUE_BEFORE, REVIEW, ["red"])) == "red"
    assert code(propose_rag(NHS, past, DUE_BEFORE, REVIEW, ["red", "red"])) == "black"
    # Once escalated, it stays escalated while it is red.
    assert code(propose_rag(NHS, past, DUE_BEFORE, REVIEW, ["red", "red", "black"])) == "black"
    # Successive: an amber between breaks the run.
    assert code(propose_rag(NHS, past, DUE_BEFORE, REVIEW, ["red", "amber", "red"])) == "red"
    # What the meeting agreed is what counts, in either key's words.
    assert code(propose_rag(NHS, past, DUE_BEFORE, REVIEW, ["R", "R"])) == "black"
    # Not red now: no escalation, whatever came before.
    done = ActionStatus.COMPLETE_PROPOSE_CLOSURE
    assert code(propose_rag(NHS, done, DUE_BEFORE, REVIEW, ["red", "red"])) == "green"


@pytest.mark.parametrize(
    ("status", "due", "expected"),
    [
        (ActionStatus.IN_PROGRESS, DUE_LATER, "A"),  # progress pending further action
        (ActionStatus.OUTSTANDING, DUE_LATER, "R"),  # no or limited progress
        (ActionStatus.IN_PROGRESS, DUE_BEFORE, "R"),
        (ActionStatus.COMPLETE_PROPOSE_CLOSURE, DUE_LATER, "G"),  # significant progress made
        (ActionStatus.CLOSED, DUE_LATER, "B"),  # no further action
        (ActionStatus.NOT_YET_DUE, DUE_LATER, None),  # no colour yet: its words alone
    ],
)
def test_the_council_proposal_follows_seed_001s_colour_code(
    status: ActionStatus, due: date | None, expected: str | None
) -> None:
    assert code(propose_rag(COUNCIL, status, due, REVIEW)) == expected


def test_the_council_key_never_escalates_its_black_means_no_further_action() -> None:
    past = ActionStatus.OUTSTANDING
    assert code(propose_rag(COUNCIL, past, DUE_BEFORE, REVIEW, ["R", "R", "R"])) == "R"
    assert COUNCIL.level("B") is not None
    assert COUNCIL.level("B").meaning == "No further action"  # type: ignore[union-attr]


def test_an_action_past_its_deadline_is_outstanding_unless_complete() -> None:
    assert status_at(ActionStatus.IN_PROGRESS, DUE_BEFORE, REVIEW) is ActionStatus.OUTSTANDING
    assert status_at(ActionStatus.IN_PROGRESS, REVIEW, REVIEW) is ActionStatus.IN_PROGRESS
    done = ActionStatus.COMPLETE_PROPOSE_CLOSURE
    assert status_at(done, DUE_BEFORE, REVIEW) is done


def test_the_rag_shown_is_what_the_committee_agreed_read_in_its_own_key() -> None:
    nhs = scheme_for(RagPalette.NHS)
    assert code(shown_rag(nhs, ActionStatus.IN_PROGRESS, None, "action 1").level) == "amber"
    assert code(shown_rag(nhs, ActionStatus.IN_PROGRESS, "R", "action 1").level) == "red"
    assert code(shown_rag(COUNCIL, ActionStatus.IN_PROGRESS, "green", "action 1").level) == "G"
    closed = shown_rag(nhs, ActionStatus.CLOSED, "red", "action 1")
    assert code(closed.level) == "closed"
    unknown = shown_rag(COUNCIL, ActionStatus.OUTSTANDING, "blue", "action 7")
    assert code(unknown.level) == "R"
    assert unknown.warning == "action 7: RAG 'blue' is not in the council key; shown by its status"


def test_between_meetings_an_action_past_its_deadline_shows_outstanding() -> None:
    """The tracker screen, on a day after the deadline, with no RAG agreed yet: seed
    003's key calls it outstanding (red), not "not yet due" (found by a new user)."""
    from datetime import date

    from minutebook.domain.actions import ActionStatus
    from minutebook.domain.rag import NHS, shown_rag_on

    def shown(status: ActionStatus, recorded: str | None, day: date) -> str | None:
        level = shown_rag_on(NHS, status, date(2023, 10, 31), recorded, day, "Action 3").level
        return level.code if level else None

    assert shown(ActionStatus.NOT_YET_DUE, None, date(2023, 11, 1)) == "red"
    assert shown(ActionStatus.NOT_YET_DUE, None, date(2023, 10, 1)) == "blue"
    assert shown(ActionStatus.NOT_YET_DUE, "amber", date(2023, 11, 1)) == "amber"  # as agreed
    assert shown(ActionStatus.COMPLETE_PROPOSE_CLOSURE, None, date(2023, 11, 1)) == "green"
