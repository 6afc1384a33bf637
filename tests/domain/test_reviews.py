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


def test_the_minutes_say_what_the_review_did() -> None:
    from minutebook.domain.reviews import ReviewedState, matters_arising_words

    def pair(number: int, status: ActionStatus, **fields: object) -> tuple[Action, ActionReview]:
        before = ReviewedState(status=ActionStatus.IN_PROGRESS, due=date(2022, 7, 29))
        review = ActionReview.model_validate(
            {"meeting_date": NEXT, "status": status, "before": before, **fields}
        )
        return action(id=number, number=number), review

    words = matters_arising_words(
        [
            pair(3, ActionStatus.CLOSED),
            pair(5, ActionStatus.COMPLETE_PROPOSE_CLOSURE),
            pair(6, ActionStatus.CLOSED),
            pair(7, ActionStatus.IN_PROGRESS, revised_due=LATER),
            pair(8, ActionStatus.OUTSTANDING, rag="black"),
        ],
        NHS,
        "Action Tracker",
    )
    assert words == (
        "The actions arising from previous meetings were reviewed and their positions "
        "noted on the Action Tracker. Actions 3 and 6 were closed; action 5 was reported "
        "complete and proposed for closure. The deadline for action 7 was revised to "
        "30/09/2022. Action 8 was escalated, red at 3 successive reviews."
    )
    assert matters_arising_words([], NHS, "Action Tracker") == ""


def test_an_action_comes_up_at_later_meetings_until_closed() -> None:
    from minutebook.domain.reviews import is_reviewable_at

    assert not is_reviewable_at(action(), AGREED)
    assert is_reviewable_at(action(), NEXT)
    closed = action(status=ActionStatus.CLOSED, closed_on=NEXT)
    assert is_reviewable_at(closed, NEXT)  # it shows what that meeting did
    assert not is_reviewable_at(closed, LATER)
