"""Matters arising as the screens ask for it: the open actions a meeting reviews, each
with its history, the review recorded here and the RAG proposed, and the recording of a
review (docs/actions.md).

The rules are the domain's (`domain.reviews`, `domain.rag`); the store keeps each review
in one change, refuses it on signed minutes, and keeps what it replaced."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from pydantic import ValidationError

from minutebook.domain.actions import Action, ActionStatus
from minutebook.domain.base import Refused, error_lines, sentence
from minutebook.domain.meeting import AgendaItem, Meeting
from minutebook.domain.rag import RagLevel, RagScheme, ShownRag, propose_rag, scheme_for, shown_rag
from minutebook.domain.reviews import ActionReview, matters_item, rags_so_far
from minutebook.domain.snapshot import arising_words
from minutebook.store.errors import StoreError

if TYPE_CHECKING:
    from minutebook.store import Store


@dataclass(frozen=True)
class ArisingAction:
    """One line of matters arising: the action as it stands, who owns it, its reviews
    at earlier meetings, and the review recorded at this meeting if there is one."""

    action: Action
    owner: str
    earlier: tuple[ActionReview, ...]
    review: ActionReview | None

    @property
    def label(self) -> str:
        return f"Action {self.action.number or self.action.id}"

    @property
    def due_before(self) -> date | None:
        """The deadline as it stood before this meeting's review (what a revised deadline
        replaces)."""
        before = self.review.before if self.review else None
        return before.due if before is not None else self.action.due

    @property
    def revised_due(self) -> date | None:
        """The deadline this meeting revised it to, if it did."""
        revised = self.review.revised_due if self.review else None
        return revised if revised != self.due_before else None

    @property
    def position(self) -> str:
        """The latest position reported (before this meeting's, if it has one)."""
        day = self.review.meeting_date if self.review else None
        updates = [u for u in self.action.updates if day is None or u.date < day]
        return updates[-1].text if updates else ""


class MattersArising:
    """The review of a committee's open actions at one meeting."""

    def __init__(self, store: Store, meeting_id: int) -> None:
        self.store = store
        self.meeting_id = meeting_id
        self.meeting: Meeting = store.meeting(meeting_id)
        self.palette = store.committee(self.meeting.committee).rag_palette
        self.scheme: RagScheme = scheme_for(self.palette)

    @property
    def item(self) -> AgendaItem | None:
        """The agenda item the reviews are minuted under, by default."""
        return matters_item(self.store.agenda(self.meeting_id))

    def actions(self) -> list[ArisingAction]:
        """Every action the meeting reviews, oldest first (four queries, however many)."""
        actions = self.store.matters_arising(self.meeting_id)
        reviews = self.store.arising_reviews(self.meeting_id)
        # The owners of these actions, by id, not every person in the file.
        names = {p.id: p.name for p in self.store.people({a.owner for a in actions})}
        listed = []
        for action in actions:
            history = reviews.get(action.id or 0, [])
            here = next((r for r in history if r.meeting_id == self.meeting_id), None)
            earlier = tuple(r for r in history if r.meeting_date < self.meeting.date)
            listed.append(
                ArisingAction(action, names.get(action.owner, action.owner), earlier, here)
            )
        return listed

    def proposed(
        self, line: ArisingAction, status: ActionStatus, due: date | None
    ) -> RagLevel | None:
        """The RAG proposed for the action at this meeting with this status and deadline,
        counting the RAGs of its earlier reviews (escalation)."""
        return propose_rag(self.scheme, status, due, self.meeting.date, rags_so_far(line.earlier))

    def people(self) -> list[tuple[str, str]]:
        """(name, id) of everyone an action may be reassigned to, by name."""
        return sorted(((p.name, p.id) for p in self.store.people()), key=lambda pair: pair[0])

    def shown(self, line: ArisingAction) -> ShownRag:
        return shown_rag(self.scheme, line.action.status, line.action.rag, line.label)

    def record(
        self,
        action_id: int,
        status: ActionStatus,
        *,
        update: str | None = None,
        revised_due: date | None = None,
        rag: str | None = None,
        item: int | None = None,
        owner: str | None = None,
    ) -> Action:
        """Record this meeting's review of the action (replacing one recorded here
        before), reassigning it to `owner` if given. Refused, with nothing stored, says
        why in a sentence."""
        if item is None:
            found = self.item
            item = found.number if found else None
        try:
            review = ActionReview(
                action_id=action_id,
                meeting_id=self.meeting_id,
                meeting_date=self.meeting.date,
                item=item,
                update=update,
                status=status,
                revised_due=revised_due,
                rag=rag,
                owner=owner,
            )
            changed, _ = self.store.review_action(review)
        except ValidationError as error:
            raise Refused(f"The review cannot be saved: {error_lines(error)[0]}") from None
        except StoreError as error:
            raise Refused(sentence(str(error))) from None
        return changed

    def undo(self, action_id: int) -> Action:
        """Take back this meeting's review of the action."""
        try:
            return self.store.undo_review(action_id, self.meeting_id)
        except StoreError as error:
            raise Refused(sentence(str(error))) from None

    def minutes_words(self, item: int | None = None) -> str:
        """What this meeting's minutes say of its review of the actions: under `item`, as
        the Word minutes word it (`snapshot.arising_words`), else of every review."""
        return arising_words(self.store.reviewed_at(self.meeting_id), self.palette, item)
