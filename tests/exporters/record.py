"""A seeded meeting's record changed the way the secretary would have recorded it: the
room as a timeline of events (docs/timeline.md), for the exporter tests.

- `span` rewrites someone's presence as a meeting file writes it ("from item 3", "left
  after item 6"): an arrival at the start of one item, a departure at the end of another.
- `mark` presses one key of the live attendance view at an item (present, left, back
  ...), through the domain's own rules (`plan_mark`): a departure marked at item 4 is
  "left during item 4".
- `decide` records a decision at an item, now: its DECIDED event goes after everything
  recorded so far, as live capture places it.

Every change builds a new record and snapshot (`change`), so the timeline and the quorum
are derived again from what changed; `model_copy` would carry the old ones over (they
are cached on the instance).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from minutebook.domain.meeting import Decision, Declaration, MeetingRecord, Minute, QuorumRuling
from minutebook.domain.room import Mark, Room, RoomChange, plan_mark
from minutebook.domain.snapshot import MinutesSnapshot
from minutebook.domain.timeline import PRESENCE, Event, EventKind, span_events


def change(snapshot: MinutesSnapshot, **record: Any) -> MinutesSnapshot:
    """The snapshot with parts of its record replaced. Nothing is validated again, so
    text the domain would have cleaned reaches the exporter as given."""
    fields = {name: getattr(snapshot.record, name) for name in MeetingRecord.model_fields}
    return with_fields(snapshot, record=MeetingRecord.model_construct(**(fields | record)))


def with_fields(snapshot: MinutesSnapshot, **changes: Any) -> MinutesSnapshot:
    """The snapshot with some of its own fields replaced (actions, people ...)."""
    fields = {name: getattr(snapshot, name) for name in MinutesSnapshot.model_fields}
    return MinutesSnapshot.model_construct(**(fields | changes))


def add_events(snapshot: MinutesSnapshot, events: Iterable[Event]) -> MinutesSnapshot:
    """Events recorded now, in the order given: each takes the next id."""
    record = snapshot.record
    next_id = max((e.id or 0 for e in record.events), default=0) + 1
    added = [e.model_copy(update={"id": next_id + n}) for n, e in enumerate(events)]
    return change(snapshot, events=(*record.events, *added))


def presence_of(snapshot: MinutesSnapshot, person: str) -> list[Event]:
    return [e for e in snapshot.record.events if e.kind in PRESENCE and e.person == person]


def without(snapshot: MinutesSnapshot, people: Iterable[str]) -> MinutesSnapshot:
    """The meeting as if these people had never been recorded at it."""
    gone = set(people)
    record = snapshot.record
    return change(
        snapshot,
        attendance=tuple(r for r in record.attendance if r.person not in gone),
        events=tuple(e for e in record.events if not (e.kind in PRESENCE and e.person in gone)),
    )


def span(
    snapshot: MinutesSnapshot,
    person: str,
    from_item: int | None,
    to_item: int | None,
    arrived_at: str | None = None,
    left_at: str | None = None,
) -> MinutesSnapshot:
    """Someone's presence as a meeting file writes it: from the start of `from_item`
    (None: the start) to the end of `to_item` (None: the close)."""
    stale = {id(e) for e in presence_of(snapshot, person)}
    kept = tuple(e for e in snapshot.record.events if id(e) not in stale)
    return add_events(
        change(snapshot, events=kept), span_events(person, from_item, to_item, arrived_at, left_at)
    )


def mark(
    snapshot: MinutesSnapshot, person: str, key: Mark, item: int, clock: str | None = None
) -> MinutesSnapshot:
    """One key of the attendance view pressed for `person` at `item`, the meeting being
    at that item at `clock` (so the mark is timed)."""
    record = snapshot.record
    seats = snapshot.membership.seats
    room = Room(
        record.timeline,
        record.attendance,
        seats_held=lambda p: tuple(s.id for s in seats if s.holder == p),
        clock=clock,
        live_item=item,
    )
    change_: RoomChange = plan_mark(room, person, key, item, confirmed=True)
    changed = add_events(snapshot, change_.add)
    if change_.withdraw:
        changed = add_events(
            changed, [Event(kind=EventKind.WITHDRAWN, ref=ref) for ref in change_.withdraw]
        )
    if change_.row is not None or change_.remove_row:
        rows = [r for r in changed.record.attendance if r.person != person]
        rows += [change_.row] if change_.row is not None else []
        changed = change(changed, attendance=tuple(rows))
    return changed


def decide(
    snapshot: MinutesSnapshot, item: int, decision: Decision, at: str | None = None
) -> MinutesSnapshot:
    """`decision` recorded now at `item` (after everything recorded so far), added to
    the item's minute with a new id and its DECIDED event."""
    record = snapshot.record
    used = [d.id or 0 for m in record.minutes for d in m.decisions]
    decision = decision.model_copy(update={"id": max(used, default=0) + 1})
    minutes = list(record.minutes)
    index = next((n for n, m in enumerate(minutes) if m.item == item), None)
    if index is None:
        minutes.append(Minute(item=item, decisions=(decision,)))
    else:
        found = minutes[index]
        minutes[index] = found.model_copy(update={"decisions": (*found.decisions, decision)})
    changed = change(snapshot, minutes=tuple(minutes))
    return add_events(changed, [Event(kind=EventKind.DECIDED, item=item, ref=decision.id, at=at)])


def replace_decisions(
    snapshot: MinutesSnapshot, item: int, decisions: Iterable[Decision]
) -> MinutesSnapshot:
    """The decisions of `item` replaced by these, recorded now (each with its event)."""
    record = snapshot.record
    gone = {d.id for m in record.minutes if m.item == item for d in m.decisions}
    minutes = tuple(
        m.model_copy(update={"decisions": ()}) if m.item == item else m for m in record.minutes
    )
    events = tuple(e for e in record.events if not (e.kind is EventKind.DECIDED and e.ref in gone))
    changed = change(snapshot, minutes=minutes, events=events)
    for decision in decisions:
        changed = decide(changed, item, decision)
    return changed


def edit_decisions(snapshot: MinutesSnapshot, item: int, **update: Any) -> MinutesSnapshot:
    """Every decision at `item` corrected in place (its verb, or Chair's action): each
    keeps its id and so its place in the timeline."""
    minutes = tuple(
        m.model_copy(update={"decisions": tuple(d.model_copy(update=update) for d in m.decisions)})
        if m.item == item
        else m
        for m in snapshot.record.minutes
    )
    return change(snapshot, minutes=minutes)


def started(snapshot: MinutesSnapshot, times: dict[int, str]) -> MinutesSnapshot:
    """The agenda with the clock times at which items were taken up (live capture)."""
    agenda = tuple(
        item.model_copy(update={"started_at": f"{times[item.number]}:00"})
        if item.number in times
        else item
        for item in snapshot.record.agenda
    )
    return change(snapshot, agenda=agenda)


def decided_now(snapshot: MinutesSnapshot, *items: int) -> MinutesSnapshot:
    """The decisions of these items recorded now, after everything so far: their
    DECIDED events move to the end of the record (so a ruling or a departure recorded
    at the item comes before them)."""
    moved = [e for e in snapshot.record.events if e.kind is EventKind.DECIDED and e.item in items]
    kept = tuple(e for e in snapshot.record.events if e not in moved)
    return add_events(
        change(snapshot, events=kept), [e.model_copy(update={"id": None}) for e in moved]
    )


def rule(
    snapshot: MinutesSnapshot, item: int | None, quorate: bool, reason: str, at: str | None
) -> MinutesSnapshot:
    """The Chair's ruling on the quorum recorded now at `item` (None: the opening)."""
    record = snapshot.record
    ruling = QuorumRuling(
        id=max((r.id or 0 for r in record.quorum_rulings), default=0) + 1,
        item=item,
        quorate=quorate,
        reason=reason,
        recorded_at=at,
    )
    changed = change(snapshot, quorum_rulings=(*record.quorum_rulings, ruling))
    return add_events(changed, [Event(kind=EventKind.RULED, item=item, ref=ruling.id, at=at)])


def declare(
    snapshot: MinutesSnapshot, declaration: Declaration, at_item: int | None = None
) -> MinutesSnapshot:
    """A declaration of interest recorded now, made at `at_item` (default: the item it
    is on), as the store records one."""
    record = snapshot.record
    declaration = declaration.model_copy(
        update={"id": max((d.id or 0 for d in record.declarations), default=0) + 1}
    )
    changed = change(snapshot, declarations=(*record.declarations, declaration))
    where = declaration.item if at_item is None else at_item
    event = Event(
        kind=EventKind.DECLARED, item=where, person=declaration.person, ref=declaration.id
    )
    return add_events(changed, [event])


def ends_section(style: str, text: str) -> bool:
    """Where the paragraphs under a minute's heading end: at the next heading, or at the
    sign-off that closes the minutes (it is not part of the last minute)."""
    return style.startswith("Heading") or text.startswith(("Signed:", "Approved and signed"))
