"""The register's prompts as the screens ask for them (docs/register.md#prompts): for a
meeting, the members whose interests in the register as it stood on the meeting's date
may touch each agenda item; in live capture, those still to answer at the item taken up,
a prompt turned into a declaration's starting words, a prompt dismissed (kept in the
meeting's timeline, so it stays dismissed after a restart), and a declaration that is
not in the register offered to it.

The rule is the domain's (`domain.prompts`); declarations are recorded by
`MeetingCapture.declare`, as any other."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from minutebook.domain.interests import interest_categories
from minutebook.domain.meeting import Declaration, InterestCategory
from minutebook.domain.prompts import (
    Prompt,
    PromptIndex,
    declaration_words,
    in_register,
    still_open,
)
from minutebook.domain.register import Interest, register_on
from minutebook.domain.timeline import Event, EventKind

if TYPE_CHECKING:
    from minutebook.application.capture import MeetingCapture
    from minutebook.domain.meeting import Meeting
    from minutebook.store import Store


def register_shown(store: Store, meeting: Meeting) -> list[Interest]:
    """The interests the committee's register showed on the meeting's date."""
    code = meeting.committee
    return register_on(store.interests(code), store.nil_returns(code), meeting.date)[0]


def prompt_index(
    store: Store, meeting: Meeting, shown: list[Interest] | None = None
) -> PromptIndex:
    """The committee's register as on the meeting's date, with its seats, read once."""
    code = meeting.committee
    register = register_shown(store, meeting) if shown is None else shown
    name = store.committee(code).name
    return PromptIndex(register, store.seats(code), store.organisations(code), name)


def agenda_prompts(store: Store, meeting_id: int) -> dict[int, list[Prompt]]:
    """Each agenda item's prompts (by number), for the agenda before the meeting."""
    record = store.meeting_record(meeting_id)
    index = prompt_index(store, record.meeting)
    return {item.number: index.for_item(item) for item in record.agenda}


@dataclass(frozen=True)
class ItemInterests:
    """What became of an agenda item's prompts: those still open (of anyone, in the
    room or not), the people who declared on the item (prompted or not), and the
    prompts dismissed."""

    open: list[Prompt]
    declared: list[str]
    dismissed: list[Prompt]

    @property
    def column(self) -> str:
        """The agenda's "Int.": the members still prompted, then how many declared (D)
        and how many prompts were dismissed (X): "4", "1 1D 2X", "1D"; blank for none."""
        parts = [str(len({p.person for p in self.open}))] if self.open else []
        if self.declared:
            parts.append(f"{len(self.declared)}D")
        if self.dismissed:
            parts.append(f"{len({p.person for p in self.dismissed})}X")
        return " ".join(parts)


def standing_dismissals(events: Sequence[Event]) -> dict[tuple[int, str, int | None], int]:
    """Each prompt dismissal not taken back (item, person, interest id), with its event's
    id: restoring the prompt withdraws it."""
    withdrawn = {e.ref for e in events if e.kind is EventKind.WITHDRAWN}
    return {
        (e.item, e.person, e.ref): e.id
        for e in events
        if e.kind is EventKind.DISMISSED
        and e.item is not None
        and e.person is not None
        and e.id is not None
        and e.id not in withdrawn
    }


def agenda_interests(store: Store, meeting_id: int) -> dict[int, ItemInterests]:
    """For each agenda item (by number), its prompts open, its declarations and its
    prompts dismissed, for the agenda's column and `I`."""
    record = store.meeting_record(meeting_id)
    index = prompt_index(store, record.meeting)
    dismissals = standing_dismissals(store.timeline(meeting_id))
    done = [(d.person, d.item) for d in record.declarations]
    found: dict[int, ItemInterests] = {}
    for item in record.agenda:
        prompts = index.for_item(item)
        declared = [d.person for d in record.declarations if d.item == item.number]
        found[item.number] = ItemInterests(
            still_open(prompts, item.number, done, dismissals),
            list(dict.fromkeys(declared)),
            [p for p in prompts if _key(item.number, p) in dismissals and p.person not in declared],
        )
    return found


IN_THE_ROOM = ("present", "remote")
"""Where someone stands at an item (`domain.room.room_status`) for a prompt to name them:
not yet arrived, gone, out for an interest, apologies or absent, they cannot declare."""


class MeetingPrompts:
    """Live capture's prompts: the register read once when the screen opens."""

    def __init__(self, capture: MeetingCapture) -> None:
        self.capture = capture
        self.register = register_shown(capture.store, capture.meeting)
        code = capture.meeting.committee
        # A committee that keeps no register here is not asked to start one each time.
        self.kept = bool(capture.store.interests(code) or capture.store.nil_returns(code))
        self.index = prompt_index(capture.store, capture.meeting, self.register)
        # Each dismissal standing, with its event's id: restoring the prompt withdraws it.
        self.dismissals = standing_dismissals(capture.store.timeline(capture.meeting_id))

    @property
    def dismissed(self) -> set[tuple[int, str, int | None]]:
        """The prompts dismissed and not restored: (item, person, interest id)."""
        return set(self.dismissals)

    def open_at(self, number: int | None) -> list[Prompt]:
        """The prompts for item `number` not yet dismissed or declared, of the people in
        the room at the item (a declaration is only recorded of someone there)."""
        item = self.capture.item(number)
        if item is None:
            return []
        record = self.capture.record
        declared = [(d.person, d.item) for d in record.declarations]
        here = [r.key for r in self.capture.room(item.number) if r.status in IN_THE_ROOM]
        found = self.index.for_item(item)
        return still_open(found, item.number, declared, self.dismissed, here)

    def dismiss(self, number: int, prompt: Prompt) -> None:
        """Dismiss a prompt at item `number`, for good (a line in the timeline)."""
        ref = _key(number, prompt)[2]
        event = self.capture.store.dismiss_prompt(
            self.capture.meeting_id, number, prompt.person, ref, self.capture.stamp()
        )
        assert event.id is not None
        self.dismissals[(number, prompt.person, ref)] = event.id

    def dismissed_at(self, number: int | None) -> list[Prompt]:
        """The prompts for item `number` dismissed (and not restored), to restore."""
        item = self.capture.item(number)
        if item is None:
            return []
        return [p for p in self.index.for_item(item) if _key(item.number, p) in self.dismissals]

    def restore(self, number: int, prompt: Prompt) -> None:
        """Take a dismissal back: the prompt is open again (the dismissal withdrawn in
        the timeline, both kept)."""
        key = _key(number, prompt)
        self.capture.store.restore_prompt(
            self.capture.meeting_id, self.dismissals[key], self.capture.stamp()
        )
        del self.dismissals[key]

    def declaration_values(self, number: int, prompt: Prompt) -> dict[str, str]:
        """The declaration form's values for a prompt: who, the item, and the category
        and nature the register gives."""
        categories: tuple[InterestCategory, ...] = interest_categories(
            self.capture.committee.body_type
        )
        category, nature = declaration_words(prompt, categories)
        return {
            "person": prompt.person,
            "item": str(number),
            "category": category.value,
            "nature": nature,
        }

    def not_in_register(self, declaration: Declaration) -> Interest | None:
        """The interest to offer the register for a declaration that is not in it (as
        declared at this meeting, on its date); None when it is, or when the committee
        keeps no register in Minutebook (no interest or nil return recorded)."""
        if not self.kept or in_register(declaration.person, declaration.nature, self.register):
            return None
        return Interest(
            committee=self.capture.meeting.committee,
            person=declaration.person,
            category=declaration.category,
            description=declaration.nature,
            declared_on=self.capture.meeting.date,
        )

    def add_to_register(self, interest: Interest) -> Interest:
        """Add a declaration's interest to the register; it prompts from now on."""
        saved = self.capture.store.add_interest(interest)
        self.register.append(saved)
        self.index = prompt_index(self.capture.store, self.capture.meeting, self.register)
        return saved


def _key(number: int, prompt: Prompt) -> tuple[int, str, int | None]:
    """A prompt's dismissal, as the timeline keeps it: item, person, interest id."""
    return number, prompt.person, prompt.interest.id if prompt.interest else None
