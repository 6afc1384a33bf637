"""Reviewing an open action at a later meeting: position, status, revised deadline (the
old one kept as a past deadline, seed 003's "Past deadlines (Since Revised)"), the RAG
agreed or proposed, closure by the committee, and the refusals."""

from __future__ import annotations

from datetime import date

import pytest

from minutebook.domain.actions import Action, ActionStatus
from minutebook.domain.base import Refused
from minutebook.domain.rag import COUNCIL, NHS
from minutebook.domain.reviews import ActionReview, apply_review, rags_so_far

AGREED = date(2022, 7, 1)
NEXT = date(2022, 7, 29)
LATER = date(2022, 9, 30)


def action(**changes: object) -> Action:
    base = {
        "id": 2,
        "committee": "ICB",
        "number": 2,
        "meeting_date": AGREED,
        "description": "To engage with Partner Board Members to agree partner membership",
        "owner": "maria-wogan",
        "due": date(2022, 7, 29),
    }
    return Action.model_validate({**base, **changes})


def test_a_review_records_position_status_and_the_proposed_rag() -> None:
    done, review = apply_review(
        action(),
        ActionReview(
            meeting_date=NEXT,
            update="This is covered in the agenda item on Committee membership",
            status=ActionStatus.COMPLETE_PROPOSE_CLOSURE,
        ),
        NHS,
    )
    assert done.status is ActionStatus.COMPLETE_PROPOSE_CLOSURE
    assert done.rag == review.rag == "green"
    assert done.updates[-1].date == NEXT
    assert done.updates[-1].text.startswith("This is covered")


def test_a_revised_deadline_keeps_the_old_one_among_the_past_deadlines() -> None:
    revised, _ = apply_review(
        action(),
        ActionReview(meeting_date=NEXT, status=ActionStatus.IN_PROGRESS, revised_due=LATER),
        NHS,
    )
    assert revised.due == LATER
    assert revised.past_deadlines == (date(2022, 7, 29),)
    assert revised.rag == "amber"  # in hand and now not yet past its deadline
    again, _ = apply_review(
        revised,
        ActionReview(
            meeting_date=date(2022, 9, 1), status=ActionStatus.IN_PROGRESS, revised_due=LATER
        ),
        NHS,
    )
    assert again.past_deadlines == (date(2022, 7, 29),)  # the same deadline is not a revision


def test_the_meeting_may_agree_another_rag_than_proposed() -> None:
    reviewed, review = apply_review(
        action(), ActionReview(meeting_date=NEXT, status=ActionStatus.IN_PROGRESS, rag="A"), COUNCIL
    )
    assert reviewed.rag == review.rag == "A"


def test_red_at_three_successive_reviews_escalates() -> None:
    late = action(due=date(2022, 7, 15))
    reviews: list[ActionReview] = []
    for day in (date(2022, 7, 29), date(2022, 9, 1), date(2022, 10, 6)):
        late, review = apply_review(
            late,
            ActionReview(meeting_date=day, status=ActionStatus.IN_PROGRESS),
            NHS,
            rags_so_far(reviews),
        )
        reviews.append(review)
    assert [r.rag for r in reviews] == ["red", "red", "black"]
    assert late.status is ActionStatus.IN_PROGRESS


def test_only_a_later_meeting_closes_it_and_it_is_closed_on_that_day() -> None:
    closed, _ = apply_review(action(), ActionReview(meeting_date=NEXT, status="closed"), NHS)
    assert closed.status is ActionStatus.CLOSED and closed.closed_on == NEXT
    with pytest.raises(Refused, match="can only be reviewed at a later meeting"):
        apply_review(action(), ActionReview(meeting_date=AGREED, status="closed"), NHS)
    with pytest.raises(Refused, match="was closed on 29/07/2022"):
        apply_review(closed, ActionReview(meeting_date=LATER, status="in_progress"), NHS)


def test_a_revised_deadline_before_the_meeting_that_agreed_it_is_refused() -> None:
    with pytest.raises(Refused, match=r"revised deadline 30/06/2022 is before the meeting"):
        apply_review(
            action(),
            ActionReview(meeting_date=NEXT, status="in_progress", revised_due=date(2022, 6, 30)),
            NHS,
        )


def test_a_rag_outside_the_key_is_refused() -> None:
    with pytest.raises(Refused, match="'blue' is not in the council key"):
        apply_review(
            action(), ActionReview(meeting_date=NEXT, status="in_progress", rag="blue"), COUNCIL
        )
