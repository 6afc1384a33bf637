"""A committee's standing items and the agenda a new meeting starts with, as the screens
ask for them (docs/agenda.md).

The standing items screen changes the committee's list one item at a time; each change
keeps the whole list at once (`Store.save_standing_items`). Creating a meeting is two
steps: `plan` checks the form and finds the items deferred at the committee's last
meeting, to be offered; `create` stores the meeting with its agenda (the standing
opening items, the items carried forward, the closing items) in one transaction. The
rules are the domain's (`domain.standing_items`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from minutebook.application.committee import CommitteeSetup
from minutebook.domain.base import Refused, error_lines, sentence
from minutebook.domain.lifecycle import previous_meeting
from minutebook.domain.meeting import AgendaItem, Meeting, MeetingRecord
from minutebook.domain.standing_items import (
    StandingItem,
    default_standing_items,
    deferred_items,
    next_agenda,
)
from minutebook.store.errors import StoreError

if TYPE_CHECKING:
    from minutebook.store import Store

LABELS = {
    "title": "Title",
    "description": "Wording",
    "kind": "Kind",
    "place": "Place",
    "purpose": "Purpose",
    "lead": "Lead",
}
"""The form's words for a standing item's fields, so that a refusal names them."""


@dataclass(frozen=True)
class MeetingPlan:
    """A new meeting as its form describes it, checked but not stored, with the last
    meeting before it and the items deferred there (offered to carry forward)."""

    meeting: Meeting
    previous: Meeting | None
    deferred: tuple[AgendaItem, ...]


class StandingAgenda:
    """One committee's standing items, and the agendas of its new meetings."""

    def __init__(self, store: Store, code: str, clock: Callable[[], dt.datetime]) -> None:
        self.store = store
        self.code = code
        self.clock = clock

    # -- the committee's list -----------------------------------------------------------

    def items(self) -> list[StandingItem]:
        return self.store.standing_items(self.code)

    @staticmethod
    def values(item: StandingItem | None) -> dict[str, Any]:
        """What the item's form opens with (a new item: an opening item for information)."""
        if item is None:
            return {"kind": "other", "place": "opening", "purpose": "information"}
        return {
            "title": item.title,
            "description": item.description or "",
            "kind": item.kind.value,
            "place": item.place.value,
            "purpose": item.purpose.value,
            "lead": item.lead or "",
        }

    def save_item(
        self, index: int | None, values: dict[str, Any]
    ) -> tuple[list[StandingItem], int]:
        """Replace the item at `index` by the form's values (None: add a new item, last
        of its place); Refused with the form's words, nothing changed. Returns the list
        and where the item now is."""
        try:
            item = StandingItem.model_validate(
                {key: values.get(key) for key in LABELS if values.get(key) is not None}
            )
        except ValidationError as error:
            raise Refused("\n".join(error_lines(error, labels=LABELS))) from None
        items = self.items()
        if index is None:
            items.append(item)
        else:
            items[index] = item
        kept = self._keep(items)
        # Where it went: a new item, or one moved to the other place, is no longer at
        # `index` (closing items follow the opening ones).
        near = len(kept) if index is None else index
        places = [i for i, one in enumerate(kept) if one == item]
        return kept, min(places, key=lambda i: abs(i - near))

    def remove(self, index: int) -> list[StandingItem]:
        items = self.items()
        del items[index]
        return self._keep(items)

    def move(self, index: int, offset: int) -> tuple[list[StandingItem], int]:
        """Move an item up (-1) or down (+1) among the items of its place (opening or
        closing); returns the list and where the item now is."""
        items = self.items()
        target = index + offset
        if not 0 <= target < len(items) or items[target].place is not items[index].place:
            return items, index
        items[index], items[target] = items[target], items[index]
        return self._keep(items), target

    def restore_defaults(self) -> list[StandingItem]:
        """The house style's list in place of the committee's own."""
        style = self.store.committee(self.code).house_style
        return self._keep(list(default_standing_items(style)))

    def _keep(self, items: list[StandingItem]) -> list[StandingItem]:
        try:
            return self.store.save_standing_items(self.code, items)
        except StoreError as error:
            raise Refused(sentence(str(error))) from None

    # -- a new meeting ----------------------------------------------------------------------

    def plan(self, values: dict[str, Any]) -> MeetingPlan:
        """The new meeting the form describes, checked (Refused with every problem at
        once), with the committee's last meeting before it and the items deferred there."""
        meeting = CommitteeSetup(self.store, self.code, self.clock).new_meeting(**values)
        previous = previous_meeting(self.store.meetings(self.code), meeting)
        deferred: list[AgendaItem] = []
        if previous is not None and previous.id is not None:
            record = self.store.meeting_record(previous.id)
            deferred = deferred_items(record, self.items())
        return MeetingPlan(meeting, previous, tuple(deferred))

    def create(self, plan: MeetingPlan, carried: Collection[int] = ()) -> Meeting:
        """Store the planned meeting with its agenda: the standing items, and the items
        deferred at the last meeting whose numbers there are in `carried`."""
        chosen = [item for item in plan.deferred if item.number in carried]
        agenda = next_agenda(self.items(), chosen, plan.previous)
        try:
            return self.store.add_meeting_record(MeetingRecord(meeting=plan.meeting, agenda=agenda))
        except StoreError as error:
            raise Refused(sentence(str(error))) from None
