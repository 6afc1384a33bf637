"""Actions agreed at meetings and their tracker (docs/actions.md).

Both the original and every revised deadline are kept; only the committee closes an
action. The RAG palette differs between bodies, so it is chosen per committee.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from pydantic import Field, field_validator, model_validator

from minutebook.domain.base import Code, DomainModel, Name, OptionalName, blank_to_none

if TYPE_CHECKING:
    from minutebook.domain.committee import Person


class ActionStatus(StrEnum):
    """Statuses of the seed 003 action tracker."""

    NOT_YET_DUE = "not_yet_due"
    IN_PROGRESS = "in_progress"
    OUTSTANDING = "outstanding"
    COMPLETE_PROPOSE_CLOSURE = "complete_propose_closure"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS: dict[ActionStatus, str] = {
    ActionStatus.NOT_YET_DUE: "Not yet due",
    ActionStatus.IN_PROGRESS: "In progress",
    ActionStatus.OUTSTANDING: "Outstanding",
    ActionStatus.COMPLETE_PROPOSE_CLOSURE: "Complete – propose closure at next meeting",
    ActionStatus.CLOSED: "Closed",
}


class ActionUpdate(DomainModel):
    """A current-position entry, added at each review."""

    date: date
    text: str = Field(min_length=1)


class Action(DomainModel):
    """An action agreed at a meeting, with its owner and deadline."""

    id: int | None = None
    committee: Code
    number: int | None = Field(default=None, ge=1)
    meeting_date: date
    meeting_id: int | None = None
    """The meeting that agreed it, where it was recorded at one (not an imported tracker)."""
    item: int | None = Field(default=None, ge=1)
    """The agenda item it was agreed under: it is confidential if that item is."""
    minute: OptionalName = None
    item_title: OptionalName = None
    description: Name = Field(max_length=5000)
    owner: Code
    due: date | None = None
    past_deadlines: tuple[date, ...] = ()
    status: ActionStatus = ActionStatus.NOT_YET_DUE
    rag: str | None = None
    updates: tuple[ActionUpdate, ...] = ()
    closed_on: date | None = None
    mark: OptionalName = None
    """How the minutes' Action column names its owner for this action alone ("Ross
    Graves / COSACS"), over the person's own mark (`action_mark`)."""

    _blank = field_validator("minute", "item_title", "rag", "mark", mode="before")(blank_to_none)

    @model_validator(mode="after")
    def _dates_make_sense(self) -> Action:
        if self.due is not None and self.due < self.meeting_date:
            raise ValueError(
                f"the action is due ({self.due:%d/%m/%Y}) before the meeting that agreed it "
                f"({self.meeting_date:%d/%m/%Y})"
            )
        if self.closed_on is not None and self.status is not ActionStatus.CLOSED:
            raise ValueError("only a closed action has a date closed")
        if self.status is ActionStatus.CLOSED and self.closed_on is None:
            raise ValueError("a closed action needs the date the committee closed it")
        from minutebook.domain.rag import STORED_CODES  # the keys are built on this module

        if self.rag is not None and self.rag not in STORED_CODES:
            raise ValueError(f"RAG {self.rag!r} is not one of {', '.join(STORED_CODES)}")
        return self


def action_mark(action: Action, owner: Person | None, usual: str) -> str:
    """How the minutes' Action column names who is to act (docs/actions.md): the
    action's own mark ("Ross Graves / COSACS"), else the owner's ("COSACS"), else
    `usual`, the house style's form of the owner's name (the NHS minutes' initials,
    keyed in the attendance tables, or the full name)."""
    if action.mark:
        return action.mark
    if owner is not None and owner.action_mark:
        return owner.action_mark
    return usual


def past_due(status: ActionStatus, due: date | None, day: date) -> bool:
    """Past its deadline on `day` and neither complete nor closed: what seed 003's key
    calls outstanding (red), whatever status was recorded."""
    settled = (ActionStatus.COMPLETE_PROPOSE_CLOSURE, ActionStatus.CLOSED)
    return due is not None and due < day and status not in settled


def is_open(action: Action) -> bool:
    """Still on the tracker's open list: not closed by the committee (an action
    complete and proposed for closure is open until a meeting closes it)."""
    return action.status is not ActionStatus.CLOSED


def is_overdue(action: Action, day: date) -> bool:
    """Open, not complete, and its current deadline is before `day` (`past_due`)."""
    return is_open(action) and past_due(action.status, action.due, day)


def cited_item(reference: str | None, numbers: dict[str, int], agenda: list[int]) -> int | None:
    """The agenda item an action's minute reference names, for an action recorded
    without its item (an imported tracker): the item whose minute has that number ("HCP6",
    in any case), else the item with that agenda number ("4", "4."), else none. An action
    is then minuted under that item, and is confidential if the item is
    (docs/actions.md)."""
    text = (reference or "").strip().rstrip(".").casefold()
    if not text:
        return None
    found = {number.casefold(): item for number, item in numbers.items()}.get(text)
    if found is not None:
        return found
    return int(text) if text.isdecimal() and int(text) in agenda else None


def agreed_under(action: Action, item: int, numbers: dict[str, int], agenda: list[int]) -> bool:
    """Whether `action` was agreed under agenda item `item` of its meeting, whose minute
    numbers are `numbers` and agenda `agenda`: tied to the item, or (an action with no
    item, imported) citing it (`cited_item`). Both house styles' minutes place an action
    by this, so it stands under the same minute whichever style prints it."""
    if action.item is not None:
        return action.item == item
    return cited_item(action.minute, numbers, agenda) == item
