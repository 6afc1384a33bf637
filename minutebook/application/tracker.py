"""The action tracker between meetings, as the tracker screen asks for it: the actions a
filter shows with their history of reviews, an action corrected, and one owner's list of
what to do before the next meeting, as text for an email and as a Word document
(docs/actions.md). Rules are the domain's (`domain.tracker`, `domain.rag`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from minutebook.domain.action_views import ActionFilter, owner_actions, owner_list_text
from minutebook.domain.actions import Action
from minutebook.domain.base import Refused, sentence
from minutebook.domain.rag import RagScheme, ShownRag, scheme_for, shown_rag_on
from minutebook.domain.reviews import ActionReview
from minutebook.domain.tracker import coming_meeting
from minutebook.store.errors import StoreError

if TYPE_CHECKING:
    from minutebook.exporters.common import Build
    from minutebook.store import Store


@dataclass(frozen=True)
class TrackerLine:
    """One action of the tracker with its owner's name and every review of it."""

    action: Action
    owner: str
    reviews: tuple[ActionReview, ...]
    rag: ShownRag

    @property
    def label(self) -> str:
        return f"Action {self.action.number or self.action.id}"


class ActionTracker:
    """A committee's actions across its meetings."""

    def __init__(self, store: Store, code: str) -> None:
        self.store = store
        self.committee = store.committee(code)
        self.scheme: RagScheme = scheme_for(self.committee.rag_palette)

    def names(self) -> dict[str, str]:
        return {p.id: p.name for p in self.store.people()}

    def lines(self, chosen: ActionFilter, today: date) -> list[TrackerLine]:
        """The actions the filter shows, in the order agreed (three queries in all)."""
        code, open_only = self.committee.code, chosen.open_only
        reviews = self.store.reviews_of(code, open_only=open_only)
        shown = [
            a for a in self.store.actions(code, open_only=open_only) if chosen.matches(a, today)
        ]
        # The owners of the actions shown, by id, not every person in the file.
        names = {p.id: p.name for p in self.store.people({a.owner for a in shown})}
        lines = []
        for action in shown:
            label = f"Action {action.number or action.id}"
            lines.append(
                TrackerLine(
                    action,
                    names.get(action.owner, action.owner),
                    tuple(reviews.get(action.id or 0, ())),
                    shown_rag_on(self.scheme, action.status, action.due, action.rag, today, label),
                )
            )
        return lines

    def owners(self) -> list[tuple[str, str]]:
        """(name, id) of everyone who owns an action, by name."""
        names = self.names()
        owners = {a.owner for a in self.store.actions(self.committee.code)}
        return sorted(((names.get(o, o), o) for o in owners), key=lambda pair: pair[0])

    def meeting_dates(self) -> list[date]:
        return sorted({a.meeting_date for a in self.store.actions(self.committee.code)})

    def edit(
        self,
        action: Action,
        description: str,
        owner: str,
        due: date | None,
        mark: str | None = None,
    ) -> Action:
        """Correct an action's wording, owner, deadline or the mark the minutes' Action
        column names its owner by (blank: the owner's own); what it said before is kept in
        its meeting's timeline. Refused on an action of signed minutes: its wording is
        the signed record, and a new owner or deadline is agreed at a later meeting
        under matters arising."""
        meeting = self.store.meeting(action.meeting_id) if action.meeting_id else None
        if meeting is not None and meeting.is_locked:
            raise Refused(
                f"Action {action.number} was agreed at the meeting of "
                f"{meeting.date:%d/%m/%Y}, whose minutes are signed: its wording is their "
                "record. A new owner or deadline is agreed at a later meeting, under "
                "matters arising (F11 in live capture)."
            )
        try:
            return self.store.edit_action(
                action.model_copy(
                    update={"description": description, "owner": owner, "due": due, "mark": mark}
                )
            )
        except (StoreError, ValueError) as error:
            raise Refused(sentence(str(error))) from None

    def next_meeting(self, today: date) -> date | None:
        """The committee's next meeting from today, if one is arranged."""
        coming = coming_meeting(self.store.meetings(self.committee.code), today)
        return coming.date if coming is not None else None

    def owner_list(self, owner: str, today: date) -> str:
        """What one owner must do before the next meeting, as plain text."""
        return owner_list_text(
            owner_actions(self.store.actions(self.committee.code), owner),
            self.names().get(owner, owner),
            self.committee.name,
            self.next_meeting(today),
            today,
        )

    def owner_document(self, owner: str, today: date, template: Path | None = None) -> Build:
        """The same list as a Word document."""
        from minutebook.exporters.owner_list import render_owner_list

        return render_owner_list(
            owner_actions(self.store.actions(self.committee.code), owner),
            self.names().get(owner, owner),
            self.committee,
            self.next_meeting(today),
            today,
            template,
        )
