"""A meeting's review of an open action under matters arising (docs/actions.md).

At each meeting the secretary records, for every open action from earlier meetings, the
position reported, the status, a revised deadline if one is agreed (the old deadline
kept among the past deadlines, seed 003's "Past deadlines (Since Revised)") and the RAG
the meeting agrees (proposed by `rag.propose_rag` when none is given). Only the
committee closes an action, at a meeting after the one that agreed it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from pydantic import Field, field_validator

from minutebook.domain.actions import Action, ActionStatus, ActionUpdate, is_open
from minutebook.domain.base import Code, DomainModel, Refused, blank_to_none
from minutebook.domain.committee import RagPalette
from minutebook.domain.lifecycle import minutes_item
from minutebook.domain.meeting import AgendaItem, ItemKind
from minutebook.domain.rag import STORED_CODES, RagScheme, propose_rag


class ReviewedState(DomainModel):
    """What a review changes of an action: kept as it was before each review, so that
    the tracker as presented to any meeting can be shown again."""

    due: date | None = None
    past_deadlines: tuple[date, ...] = ()
    status: ActionStatus
    rag: str | None = None
    closed_on: date | None = None
    owner: Code | None = None
    """Who owned it (None in reviews recorded before owners could be reassigned)."""

    @classmethod
    def of(cls, action: Action) -> ReviewedState:
        return cls.model_validate(action.model_dump(include=set(cls.model_fields)))

    def changes(self) -> dict[str, object]:
        """The fields to set on an action to put it back to this state."""
        return self.model_dump(exclude={"owner"} if self.owner is None else set())


class ActionReview(DomainModel):
    """What one meeting recorded about one action."""

    id: int | None = None
    action_id: int | None = None
    meeting_id: int | None = None
    meeting_date: date
    """The date of the meeting reviewing the action."""
    item: int | None = Field(default=None, ge=1)
    """The agenda item of the reviewing meeting it was taken under (matters arising)."""
    update: str | None = Field(default=None, max_length=5000)
    """The position reported ("Current Position")."""
    status: ActionStatus
    revised_due: date | None = None
    """A new deadline agreed at this review; the one it replaces becomes a past deadline."""
    rag: str | None = None
    """The RAG the meeting agreed; None until `apply_review` fills in the proposal."""
    owner: Code | None = None
    """Who the meeting reassigned the action to, if it did (the owner having left, or
    the work having moved); None: the owner stays."""
    before: ReviewedState | None = None
    """The action as it stood before this review (filled in when it is stored)."""

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
    if not is_open(action):
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
            "owner": review.owner or action.owner,
        }
    )
    return changed, review.model_copy(update={"rag": rag, "before": ReviewedState.of(action)})


def rags_so_far(reviews: Sequence[ActionReview]) -> list[str | None]:
    """The RAGs agreed at an action's reviews, oldest first (what escalation reads)."""
    return [review.rag for review in sorted(reviews, key=lambda r: (r.meeting_date, r.id or 0))]


def later_review(
    action: Action, review: ActionReview, reviews: Sequence[ActionReview]
) -> str | None:
    """Why a review cannot be recorded when a later meeting has reviewed the action
    already (its position, deadline and RAG there build on the earlier ones)."""
    later = [r for r in reviews if r.meeting_date > review.meeting_date]
    if not later:
        return None
    return (
        f"Action {action.number or action.id} was reviewed at a later meeting "
        f"({later[0].meeting_date:%d/%m/%Y}); a review at the meeting of "
        f"{review.meeting_date:%d/%m/%Y} can no longer be recorded"
    )


def as_presented(action: Action, reviews: Sequence[ActionReview], day: date) -> Action:
    """The action as a tracker presented to a meeting on `day` shows it: as it stood
    before the first review at that meeting or later, with the positions reported
    before that day."""
    after = sorted(
        (r for r in reviews if r.meeting_date >= day and r.before is not None),
        key=lambda r: (r.meeting_date, r.id or 0),
    )
    updates = tuple(u for u in action.updates if u.date < day)
    if not after:
        return (
            action if updates == action.updates else action.model_copy(update={"updates": updates})
        )
    assert after[0].before is not None
    return action.model_copy(update={**after[0].before.changes(), "updates": updates})


def as_agreed(action: Action, reviews: Sequence[ActionReview]) -> Action:
    """The action as the meeting that agreed it recorded it, for its minutes: its owner,
    deadline and status before any later review (the tracker moves on; the minutes do
    not), without the positions reported since."""
    return as_presented(action, reviews, action.meeting_date + timedelta(days=1))


def is_reviewable_at(action: Action, day: date) -> bool:
    """Whether an action comes up under matters arising at a meeting on `day`: agreed at
    an earlier meeting, and not closed before that day (one closed at that meeting stays
    in its list, to show what the meeting did)."""
    if action.meeting_date >= day:
        return False
    return action.closed_on is None or action.closed_on >= day


def _numbers(actions: Sequence[Action]) -> str:
    names = [str(a.number or a.id) for a in actions]
    if len(names) == 1:
        return f"action {names[0]}"
    return f"actions {', '.join(names[:-1])} and {names[-1]}"


def tracker_name(palette: RagPalette) -> str:
    """What the committee calls its tracker: seed 001's Decision Tracker for a council,
    seed 003's Action Tracker otherwise."""
    return "Decision Tracker" if palette is RagPalette.COUNCIL else "Action Tracker"


def matters_arising_words(
    reviewed: Sequence[tuple[Action, ActionReview]], scheme: RagScheme, tracker: str
) -> str:
    """What the minutes of the reviewing meeting say of its review of the actions:
    "The actions arising from previous meetings were reviewed and their positions noted
    on the Decision Tracker. Action 3 was closed; action 5 was proposed for closure." The
    actions are the tracker's after this meeting's reviews."""
    if not reviewed:
        return ""
    ordered = sorted(reviewed, key=lambda pair: (pair[0].meeting_date, pair[0].number or 0))
    sentences = [
        "The actions arising from previous meetings were reviewed and their positions "
        f"noted on the {tracker}."
    ]
    closed = [a for a, r in ordered if r.status is ActionStatus.CLOSED]
    proposed = [a for a, r in ordered if r.status is ActionStatus.COMPLETE_PROPOSE_CLOSURE]
    parts = []
    if closed:
        parts.append(f"{_numbers(closed)} {'was' if len(closed) == 1 else 'were'} closed")
    if proposed:
        verb = "was" if len(proposed) == 1 else "were"
        parts.append(f"{_numbers(proposed)} {verb} reported complete and proposed for closure")
    if parts:
        text = "; ".join(parts)
        sentences.append(text[0].upper() + text[1:] + ".")
    for action, review in ordered:
        before = review.before.due if review.before is not None else None
        if review.revised_due is not None and review.revised_due != before:
            sentences.append(
                f"The deadline for action {action.number or action.id} was revised to "
                f"{review.revised_due:%d/%m/%Y}."
            )
    escalated = [
        a for a, r in ordered if scheme.escalated is not None and r.rag == scheme.escalated
    ]
    if escalated:
        verb = "was" if len(escalated) == 1 else "were"
        text = (
            f"{_numbers(escalated)} {verb} escalated, red at "
            f"{scheme.escalate_after} successive reviews."
        )
        sentences.append(text[0].upper() + text[1:])
    return " ".join(sentences)


MATTERS_WORDS = (("tracker", "action log"), ("arising", "actions"))
"""Words of an agenda title that name the item where open actions are reviewed, the
tracker before matters arising (seed 003 has "Approval of Minutes and Matters Arising"
and then "Review of Action Tracker", where its actions are reviewed)."""


def matters_item(agenda: Sequence[AgendaItem]) -> AgendaItem | None:
    """The standing "matters arising / action tracker" item, where the open actions are
    reviewed: the one the committee's standing items mark so (docs/agenda.md); on an
    agenda made without them, the first whose title speaks of matters arising or the
    tracker; else the minutes of the previous meeting (seed 001 reviews its actions
    under "Minutes", seed 003 under "Review of Action Tracker")."""
    marked = next((i for i in agenda if i.kind is ItemKind.MATTERS_ARISING), None)
    if marked is not None:
        return marked
    for words in MATTERS_WORDS:
        # Whole words: "Related Party Transactions" is not about actions.
        said = re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)
        for item in agenda:
            if said.search(item.title):
                return item
    return minutes_item(agenda)
