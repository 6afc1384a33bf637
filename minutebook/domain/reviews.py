"""A meeting's review of an open action under matters arising (docs/actions.md).

At each meeting the secretary records, for every open action from earlier meetings, the
position reported, the status, a revised deadline if one is agreed (the old deadline
kept among the past deadlines, seed 003's "Past deadlines (Since Revised)") and the RAG
the meeting agrees (proposed by `rag.propose_rag` when none is given). Only the
committee closes an action, at a meeting after the one that agreed it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from pydantic import Field, field_validator

from minutebook.domain.actions import Action, ActionStatus, ActionUpdate
from minutebook.domain.base import DomainModel, Refused, blank_to_none
from minutebook.domain.rag import STORED_CODES, RagScheme, propose_rag


class ActionReview(DomainModel):
    """What one meeting recorded about one action."""

    id: int | None = None
    action_id: int | None = None
    meeting_id: int | None = None
    meeting_date: date
    """The date of the meeting reviewing the action."""
    update: str | None = Field(default=None, max_length=5000)
    """The position reported ("Current Position")."""
    status: ActionStatus
    revised_due: date | None = None
    """A new deadline agreed at this review; the one it replaces becomes a past deadline."""
    rag: str | None = None
    """The RAG the meeting agreed; None until `apply_review` fills in the proposal."""

    _blank = field_validator("update", "rag", mode="before")(blank_to_none)


def review_problems(action: Action, review: ActionReview) -> list[str]:
    """Why this review cannot be recorded, each in a sentence naming the action."""
    label = f"Action {action.number or action.id or ''}".strip()
    agreed = f"{action.meeting_date:%d/%m/%Y}"
    problems: list[str] = []
    if review.meeting_date <= action.meeting_date:
        problems.append(
            f"{label} was agreed on {agreed}: it can only be reviewed at a later meeting"
        )
    if action.status is ActionStatus.CLOSED:
        problems.append(f"{label} was closed on {action.closed_on:%d/%m/%Y}; it is not reviewed")
    if review.revised_due is not None and review.revised_due < action.meeting_date:
        problems.append(
            f"{label}: the revised deadline {review.revised_due:%d/%m/%Y} is before the "
            f"meeting that agreed the action ({agreed})"
        )
    if review.status is ActionStatus.CLOSED and review.revised_due is not None:
        problems.append(f"{label}: a closed action needs no revised deadline")
    return problems


def apply_review(
    action: Action,
    review: ActionReview,
    scheme: RagScheme,
    earlier: Sequence[str | None] = (),
) -> tuple[Action, ActionReview]:
    """The action after this review, and the review with its RAG (the one agreed, else
    the proposal from the status and the deadline as at the meeting, escalated after
    red at successive reviews: `earlier` are the RAGs of the earlier reviews, oldest
    first). Refused with every problem when the review cannot be recorded."""
    problems = review_problems(action, review)
    if review.rag is not None and not scheme.knows(review.rag):
        problems.append(f"RAG {review.rag!r} is not in the {scheme.name} key")
    if problems:
        raise Refused("; ".join(problems))
    due = review.revised_due or action.due
    past = action.past_deadlines
    revised = review.revised_due
    if revised is not None and action.due is not None and revised != action.due:
        past = (*past, action.due)
    rag = review.rag
    if rag is None:
        proposed = propose_rag(scheme, review.status, due, review.meeting_date, earlier)
        rag = proposed.code if proposed is not None else None
    updates = action.updates
    if review.update:
        updates = (*updates, ActionUpdate(date=review.meeting_date, text=review.update))
    closed = review.status is ActionStatus.CLOSED
    changed = action.model_copy(
        update={
            "due": due,
            "past_deadlines": past,
            "status": review.status,
            "rag": rag if rag in STORED_CODES else None,
            "updates": updates,
            "closed_on": review.meeting_date if closed else None,
        }
    )
    return changed, review.model_copy(update={"rag": rag})


def rags_so_far(reviews: Sequence[ActionReview]) -> list[str | None]:
    """The RAGs agreed at an action's reviews, oldest first (what escalation reads)."""
    return [review.rag for review in sorted(reviews, key=lambda r: (r.meeting_date, r.id or 0))]
