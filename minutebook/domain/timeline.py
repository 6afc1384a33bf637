"""The meeting as a timeline: what happened in the room, in the order it happened.

Every fact with a place in the meeting is an `Event`: someone arrived, left or came
back; a declaration of interest was made; the Chair ruled on the quorum; a decision was
taken; an action was agreed; and afterwards, a record was edited, deleted or brought
back, or a mark made by mistake was withdrawn. Nothing is ever rewritten: a correction
is one more event, and the event it corrects stays in the timeline (docs/timeline.md).

Presence at any point, the late arrivals and departures the minutes print ("from item
3", "left during item 4 and returned during item 5") and, in `meeting_quorum`, the
quorum at any point are all derived from the events by the functions here.

Where an event stands (its `Position`) is decided by three things, in order:

1. the agenda item it belongs to, in the agenda's order (the running order: when the
   Chair takes an item out of turn, the secretary moves it on the agenda and
   everything recorded at it moves too); events before the first item come first;
2. its phase within the item: at its start (the roll, "from item 3" in a meeting file),
   as it happened, or at its end ("left after item 6" in a meeting file);
3. the order in which it was recorded.

So a decision recorded late at item 3, while the meeting is already at item 5, still
stands at the end of item 3: the room it was taken in is the room of item 3.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import IntEnum, StrEnum

from pydantic import field_validator

from minutebook.domain.base import Code, DomainModel
from minutebook.domain.dates import clock_time


class EventKind(StrEnum):
    """What happened."""

    ARRIVED = "arrived"  # joined the meeting: at the roll, late, or back after leaving
    LEFT = "left"  # left the meeting
    DECLARED = "declared"  # a declaration of interest (ref: the declaration)
    RULED = "ruled"  # the Chair's ruling on the quorum (ref: the ruling)
    DECIDED = "decided"  # a decision (ref: the decision)
    ACTION = "action"  # an action agreed (ref: the action)
    EDITED = "edited"  # the record of event `ref` was changed (note: what it was)
    DELETED = "deleted"  # the record of event `ref` was deleted (it can come back)
    RESTORED = "restored"  # the record of event `ref` was brought back
    WITHDRAWN = "withdrawn"  # the mark `ref` was made by mistake (note: why)
    AMENDED = "amended"  # the minutes were amended on approval (note: the amendment)
    DISMISSED = "dismissed"  # a prompt of the register dismissed (item, person; ref: interest)


PRESENCE = frozenset({EventKind.ARRIVED, EventKind.LEFT})
RECORDS = frozenset({EventKind.DECLARED, EventKind.RULED, EventKind.DECIDED, EventKind.ACTION})
CORRECTIONS = frozenset(
    {
        EventKind.EDITED,
        EventKind.DELETED,
        EventKind.RESTORED,
        EventKind.WITHDRAWN,
        EventKind.AMENDED,
    }
)


class Phase(IntEnum):
    """Where in its item an event stands."""

    START = 0  # at the start of the item, before anything in it
    DURING = 1  # as it happened, in the order recorded
    END = 2  # at the end of the item, after everything in it


class Event(DomainModel):
    """One thing that happened at a meeting, or one correction of the record."""

    id: int | None = None
    kind: EventKind
    item: int | None = None
    """The agenda item (by number) it belongs to; None: before the first item."""
    phase: Phase = Phase.DURING
    person: Code | None = None
    at: str | None = None
    """The clock time it happened ("HH:MM"), where known."""
    ref: int | None = None
    """For a record: the row it records (declaration, ruling, decision, action). For a
    correction: the id of the event whose record it corrects."""
    note: str | None = None
    """For an edit: what the record said before. For a withdrawal: why."""

    _time = field_validator("at", mode="before")(clock_time)


Position = tuple[int, int, int]
"""(place of the item in the running order, phase, order recorded): compare to sort."""

LATEST = 1 << 62
"""An order of recording after every event: "now", at the end of a phase."""


@dataclass(frozen=True)
class Stay:
    """One continuous stretch of someone's presence."""

    arrived: Event
    left: Event | None  # None: to the close


class Timeline:
    """A meeting's events, ordered, with presence derived from them.

    Built from the agenda's item numbers (the running order) and every event, the
    withdrawn ones included; the withdrawn marks and the withdrawals themselves are kept
    in `events` (the audit trail) but take no part in anything derived.
    """

    def __init__(self, items: Sequence[int], events: Iterable[Event]) -> None:
        self.items: tuple[int, ...] = tuple(items)
        self._place = {number: index for index, number in enumerate(self.items)}
        self.events: tuple[Event, ...] = tuple(events)
        self.withdrawn: frozenset[int] = frozenset(
            e.ref for e in self.events if e.kind is EventKind.WITHDRAWN and e.ref is not None
        )
        self.active: tuple[Event, ...] = tuple(
            sorted(
                (
                    e
                    for e in self.events
                    if e.kind not in CORRECTIONS and (e.id is None or e.id not in self.withdrawn)
                ),
                key=self.position,
            )
        )
        self._by_person: dict[str, list[Event]] = {}
        for event in self.active:
            if event.kind in PRESENCE and event.person is not None:
                self._by_person.setdefault(event.person, []).append(event)

    # -- where things stand -----------------------------------------------------------

    def place(self, item: int | None) -> int:
        """The item's place in the running order; -1 before the first item. An item no
        longer on the agenda goes after the last (its events are kept, not lost)."""
        if item is None:
            return -1
        return self._place.get(item, len(self.items) + item)

    def position(self, event: Event) -> Position:
        return (
            self.place(event.item),
            int(event.phase),
            event.id if event.id is not None else LATEST,
        )

    def now_at(self, item: int | None) -> Position:
        """Where something recorded now at `item` stands: after everything recorded at
        the item so far, before what is minuted as at its end."""
        return (self.place(item), int(Phase.DURING), LATEST)

    def start_of(self, item: int | None) -> Position:
        """The start of an item, once its roll (start-phase arrivals) is taken."""
        return (self.place(item), int(Phase.START), LATEST)

    @property
    def first_item(self) -> int | None:
        return self.items[0] if self.items else None

    def opening(self) -> Position:
        """The opening of the meeting: the start of the first item, after the roll."""
        return self.start_of(self.first_item)

    # -- presence ---------------------------------------------------------------------

    def marks(self, person: str) -> list[Event]:
        """A person's arrivals and departures, in timeline order (withdrawn ones left out)."""
        return list(self._by_person.get(person, ()))

    def people(self) -> list[str]:
        """Everyone who was in the meeting at some point."""
        return [
            p
            for p, marks in self._by_person.items()
            if any(m.kind is EventKind.ARRIVED for m in marks)
        ]

    def stays(self, person: str) -> list[Stay]:
        """A person's stretches of presence. The marks are expected to alternate
        (`problems` says where they do not); a stray mark is passed over here."""
        stays: list[Stay] = []
        arrived: Event | None = None
        for mark in self.marks(person):
            if mark.kind is EventKind.ARRIVED and arrived is None:
                arrived = mark
            elif mark.kind is EventKind.LEFT and arrived is not None:
                stays.append(Stay(arrived, mark))
                arrived = None
        if arrived is not None:
            stays.append(Stay(arrived, None))
        return stays

    def is_present(self, person: str, at: Position) -> bool:
        """Whether `person` is in the meeting at position `at`."""
        present = False
        for mark in self.marks(person):
            if self.position(mark) > at:
                break
            present = mark.kind is EventKind.ARRIVED
        return present

    def present_at(self, at: Position) -> set[str]:
        return {person for person in self._by_person if self.is_present(person, at)}

    def last_mark_before(self, person: str, at: Position) -> Event | None:
        before = [m for m in self.marks(person) if self.position(m) <= at]
        return before[-1] if before else None

    def next_mark_after(self, person: str, at: Position) -> Event | None:
        return next((m for m in self.marks(person) if self.position(m) > at), None)

    def is_roll(self, event: Event) -> bool:
        """An arrival before the first item or at its start: present from the start."""
        return event.kind is EventKind.ARRIVED and (
            event.item is None or (event.item == self.first_item and event.phase is Phase.START)
        )

    # -- checks -----------------------------------------------------------------------

    def problems(self, name: Callable[[str], str] = str) -> list[str]:
        """Every place where the marks make an impossible record: leaving before
        arriving, arriving twice without leaving, marks at an item not on the agenda."""
        found: list[str] = []
        for person, marks in self._by_person.items():
            here = False
            for mark in marks:
                where = item_words(mark.item)
                if mark.item is not None and mark.item not in self._place:
                    found.append(f"{name(person)}: there is no agenda item {mark.item}")
                if mark.kind is EventKind.ARRIVED and here:
                    found.append(
                        f"{name(person)} is already in the meeting {where}: they cannot "
                        "arrive again without having left"
                    )
                elif mark.kind is EventKind.LEFT and not here:
                    found.append(
                        f"{name(person)} is not in the meeting {where}: they cannot leave "
                        "before arriving"
                    )
                here = mark.kind is EventKind.ARRIVED
        for event in self.active:
            if event.kind in RECORDS and event.item is not None and event.item not in self._place:
                found.append(f"a record at item {event.item}, which is not on the agenda")
        return found

    def record_event(self, kind: EventKind, ref: int) -> Event | None:
        """The event that records row `ref` of the given kind (a decision, an action ...)."""
        return next((e for e in self.active if e.kind is kind and e.ref == ref), None)

    def with_changes(self, add: Sequence[Event] = (), withdraw: Sequence[int] = ()) -> Timeline:
        """This timeline with events added and marks withdrawn (to check a change before
        it is stored). New events take ids after every stored one, in order."""
        next_id = max((e.id for e in self.events if e.id is not None), default=0) + 1
        added = [e.model_copy(update={"id": next_id + n}) for n, e in enumerate(add)]
        withdrawals = [
            Event(kind=EventKind.WITHDRAWN, ref=ref, id=next_id + len(added) + n)
            for n, ref in enumerate(withdraw)
        ]
        return Timeline(self.items, [*self.events, *added, *withdrawals])


def item_words(item: int | None) -> str:
    return "before the first item" if item is None else f"at item {item}"


# -- the words the minutes and the screens use for someone's comings and goings ----------


def presence_notes(timeline: Timeline, person: str) -> list[str]:
    """ "from item 3", "left during item 4 and returned during item 5", "left after item
    6": someone's late arrival, departures and returns, by agenda item. Arriving at the
    roll (before the first item or at its start) needs no note. Formal minutes print no
    clock times here (seeds 001 and 003); the times stay in the record for the quorum's
    lines ("became inquorate at 15:05 when ... left")."""
    notes: list[str] = []
    stays = timeline.stays(person)
    for index, stay in enumerate(stays):
        if index == 0 and not timeline.is_roll(stay.arrived):
            notes.append(f"from item {stay.arrived.item}" if stay.arrived.item else "")
        if stay.left is None:
            continue
        left = _when(stay.left, "left")
        following = stays[index + 1] if index + 1 < len(stays) else None
        if following is not None:
            notes.append(f"{left} and {_when(following.arrived, 'returned')}")
        else:
            notes.append(left)
    return [note for note in notes if note]


def _when(event: Event, verb: str) -> str:
    if event.item is None:
        return f"{verb} before the first item"
    if event.phase is Phase.END:
        return f"{verb} after item {event.item}"
    if event.phase is Phase.START:
        return (
            f"{verb} for item {event.item}"
            if verb == "returned"
            else f"{verb} before item {event.item}"
        )
    return f"{verb} during item {event.item}"


# -- from a record kept as spans (meeting files, the demo papers, older databases) -------


def span_events(
    person: str,
    from_item: int | None,
    to_item: int | None,
    arrived_at: str | None = None,
    left_at: str | None = None,
) -> list[Event]:
    """The events of one stretch of presence written as "from item 3 to item 6"
    (inclusive; None: from the start / to the close): an arrival at the start of
    `from_item` and a departure at the end of `to_item`."""
    events = [
        Event(
            kind=EventKind.ARRIVED, person=person, item=from_item, phase=Phase.START, at=arrived_at
        )
    ]
    if to_item is not None:
        events.append(
            Event(kind=EventKind.LEFT, person=person, item=to_item, phase=Phase.END, at=left_at)
        )
    return events
