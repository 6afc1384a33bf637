"""The rules of marking the room during a meeting (docs/timeline.md).

The secretary presses one key for one person at the item being taken: present, remote,
apologies, absent, left, back, or undo. `plan_mark` turns that intent into a change of
the record (the attendance row, events to add, marks to withdraw as corrections) or
refuses it with a message that says what to do instead. Nothing here touches the
store: the capture service (`minutebook.application.capture`) stores the change.

The rules:
- Present or remote for someone not yet in the meeting records their arrival at this
  item; at the first item it is the roll (present from the start). For someone who has
  left it is their return. For someone recorded as arriving at a later item (the
  secretary has gone back), it corrects the arrival to this item.
- Left records their departure during this item: they take no part in its decisions
  from here on. For someone recorded as leaving at a later item, it corrects the
  departure to this item.
- Back records a return during this item; only someone who has left can come back.
- Apologies or absent for someone recorded in the meeting would take them out of every
  item minuted so far, so past the first item it is asked twice; the arrivals and
  departures recorded for them are then withdrawn (kept, as corrections).
- Undo withdraws the person's last mark, kept in the timeline as a correction.
- Every change is checked against the whole timeline before it is stored; an
  impossible record (leaving before arriving, returning without having left) is
  refused and nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from pydantic import ValidationError

from minutebook.domain.base import Refused, error_lines
from minutebook.domain.meeting import Attendance, AttendanceStatus, Capacity, Mode
from minutebook.domain.timeline import Event, EventKind, Phase, Timeline


class Mark(StrEnum):
    """One key of the attendance view."""

    PRESENT = "present"
    REMOTE = "remote"
    APOLOGIES = "apologies"
    ABSENT = "absent"
    LEFT = "left"
    BACK = "back"
    UNDO = "undo"


@dataclass(frozen=True)
class RoomChange:
    """What a mark changes: the person's attendance row (added, changed, or removed
    when `remove_row`), events added and marks withdrawn. `question` set means nothing
    is changed yet: ask it, and the same mark again confirms."""

    person: str = ""
    row: Attendance | None = None
    remove_row: bool = False
    add: tuple[Event, ...] = ()
    withdraw: tuple[int, ...] = ()
    question: str = ""
    said: str = ""
    """What was done, where it is worth saying (a correction)."""

    @property
    def needs_answer(self) -> bool:
        return bool(self.question)


@dataclass(frozen=True)
class Room:
    """What `plan_mark` needs to know of the meeting as it stands."""

    timeline: Timeline
    attendance: Sequence[Attendance]
    seats_held: Callable[[str], tuple[str, ...]] = lambda person: ()
    name: Callable[[str], str] = str
    clock: str | None = None  # the time now, "HH:MM": marks made live are timed
    live_item: int | None = None
    """The item the meeting has reached; a mark at an earlier one is a late record,
    so its clock time is not the time it happened and is not kept."""

    def row(self, person: str) -> Attendance | None:
        return next((r for r in self.attendance if r.person == person), None)


def plan_mark(
    room: Room, person: str, mark: Mark, item: int | None, *, confirmed: bool = False
) -> RoomChange:
    """The change that one key for one person at `item` makes, or `Refused`."""
    return replace(_plan(room, person, mark, item, confirmed), person=person)


def _plan(room: Room, person: str, mark: Mark, item: int | None, confirmed: bool) -> RoomChange:
    timeline = room.timeline
    row = room.row(person)
    now = timeline.now_at(item)
    here = row is not None and row.is_attending and timeline.is_present(person, now)
    who = room.name(person)
    at = room.clock if item == room.live_item or room.live_item is None else None

    def arrival(returning: bool = False) -> Event:
        roll = not returning and not timeline.marks(person) and item in (None, timeline.first_item)
        return Event(
            kind=EventKind.ARRIVED,
            person=person,
            item=item,
            phase=Phase.START if roll else Phase.DURING,
            at=at,
        )

    if mark in (Mark.PRESENT, Mark.REMOTE):
        mode = Mode.REMOTE if mark is Mark.REMOTE else Mode.IN_PERSON
        if row is None:
            seats = room.seats_held(person)
            new = Attendance(person=person, capacity=Capacity.MEMBER, seats=seats, mode=mode)
            return _checked(room, RoomChange(row=new, add=(arrival(),)))
        update: dict[str, object] = {"status": AttendanceStatus.PRESENT, "mode": mode}
        if not timeline.marks(person) and row.mode is not mode:
            # Expected to join one way, arrived the other: the plan's note is out of date.
            update["note"] = None
        changed = _changed(row, who, update)
        if here:
            if row.mode is mode:
                raise Refused(f"{who} is already recorded {_mode_words(mode)} at this item.")
            return RoomChange(row=changed)
        later = timeline.next_mark_after(person, now)
        before = timeline.last_mark_before(person, now)
        if later is not None and later.kind is EventKind.ARRIVED and later.id is not None:
            # Recorded as arriving later, but here now: the arrival was at this item.
            returning = before is not None and before.kind is EventKind.LEFT
            return _checked(
                room,
                RoomChange(
                    row=changed,
                    add=(arrival(returning),),
                    withdraw=(later.id,),
                    said=f"{who}'s arrival is moved to item {item}.",
                ),
            )
        returning = before is not None and before.kind is EventKind.LEFT
        return _checked(room, RoomChange(row=changed, add=(arrival(returning),)))

    if mark is Mark.LEFT:
        if row is None or not row.is_attending or not here:
            before = timeline.last_mark_before(person, now) if row else None
            if before is not None and before.kind is EventKind.LEFT:
                raise Refused(f"{who} has already left (recorded at item {before.item}).")
            raise Refused(
                f"{who} is not recorded in the meeting at this item: mark them present first."
            )
        later = timeline.next_mark_after(person, now)
        left = Event(kind=EventKind.LEFT, person=person, item=item, at=at)
        if later is not None and later.kind is EventKind.LEFT and later.id is not None:
            return _checked(
                room,
                RoomChange(
                    add=(left,),
                    withdraw=(later.id,),
                    said=f"{who}'s departure is moved to item {item}.",
                ),
            )
        return _checked(room, RoomChange(add=(left,)))

    if mark is Mark.BACK:
        if here:
            raise Refused(f"{who} is in the meeting: they have not left.")
        before = timeline.last_mark_before(person, now)
        if row is None or before is None or before.kind is not EventKind.LEFT:
            raise Refused(f"{who} has not left the meeting; to record an arrival, press p.")
        return _checked(room, RoomChange(add=(arrival(returning=True),)))

    if mark in (Mark.APOLOGIES, Mark.ABSENT):
        status = AttendanceStatus(mark.value)
        if row is None:
            seats = room.seats_held(person)
            return RoomChange(row=Attendance(person=person, seats=seats, status=status))
        marks = [m for m in timeline.marks(person) if m.id is not None]
        past_the_roll = item not in (None, timeline.first_item) or any(
            not timeline.is_roll(m) for m in marks
        )
        if marks and past_the_roll and not confirmed:
            key = "a" if mark is Mark.APOLOGIES else "x"
            return RoomChange(
                question=(
                    f"{who} is recorded in the meeting. If they have left, press l. Press "
                    f"{key} again to record {status.value} for the whole meeting."
                )
            )
        changed = _changed(row, who, {"status": status})
        return _checked(
            room, RoomChange(row=changed, withdraw=tuple(m.id for m in marks if m.id is not None))
        )

    if mark is Mark.UNDO:
        marks = [m for m in timeline.marks(person) if m.id is not None]
        if not marks:
            raise Refused(f"There is no mark of {who} to undo.")
        last = max(marks, key=lambda m: m.id or 0)
        remaining = [m for m in marks if m is not last]
        remove = (
            row is not None
            and not remaining
            and row.capacity is Capacity.MEMBER
            and row.role is None
            and row.note is None
        )
        return _checked(
            room,
            RoomChange(
                withdraw=(last.id or 0,),
                remove_row=remove,
                said=f"{who}: the last mark ({_mark_words(last)}) is withdrawn.",
            ),
        )
    raise Refused(f"unknown mark {mark!r}")


def _changed(row: Attendance, who: str, update: dict[str, object]) -> Attendance:
    """The person's row with the mark's change, validated like any row: a row the change
    would make impossible is refused with the model's words, and nothing is stored."""
    try:
        return row.model_copy(update=update)
    except ValidationError as error:
        problem = error_lines(error)[0]
        raise Refused(f"{who}'s attendance cannot be changed so: {problem}.") from None


def _checked(room: Room, change: RoomChange) -> RoomChange:
    """Refuse a change after which the timeline would be impossible."""
    after = room.timeline.with_changes(change.add, change.withdraw)
    problems = after.problems(room.name)
    before = set(room.timeline.problems(room.name))
    new = [p for p in problems if p not in before]
    if new:
        raise Refused(new[0][:1].upper() + new[0][1:] + ".")
    return change


def _mode_words(mode: Mode) -> str:
    return {Mode.IN_PERSON: "present", Mode.REMOTE: "remote", Mode.TELEPHONE: "by telephone"}[mode]


def _mark_words(event: Event) -> str:
    verb = "arrived" if event.kind is EventKind.ARRIVED else "left"
    return f"{verb} at item {event.item}" if event.item is not None else verb


def room_status(timeline: Timeline, row: Attendance | None, item: int | None, out: bool) -> str:
    """One word for where someone stands at `item`, as the attendance view shows it:
    present, remote, out (for a declared interest), left, not yet, apologies, absent."""
    if row is None:
        return ""
    if not row.is_attending:
        return row.status.value
    now = timeline.now_at(item)
    if timeline.is_present(row.person, now):
        if out:
            return "out"
        return "present" if row.mode is Mode.IN_PERSON else "remote"
    before = timeline.last_mark_before(row.person, now)
    return "left" if before is not None and before.kind is EventKind.LEFT else "not yet"


def deputy_problem(
    timeline: Timeline, attendance: Sequence[Attendance], principal: str | None, item: int | None
) -> str | None:
    """Why a deputy may not be added for a seat now: its holder is in the meeting."""
    if principal is None:
        return None
    row = next((r for r in attendance if r.person == principal), None)
    if (
        row is not None
        and row.is_attending
        and timeline.is_present(principal, timeline.now_at(item))
    ):
        return "is present; a deputy stands in only for an absent member"
    return None


class Ahead(StrEnum):
    """What the secretary records of a member before the meeting."""

    APOLOGIES = "apologies"
    REMOTE = "remote"  # will join remotely (with a note, e.g. "joining by video")


def plan_ahead(room: Room, person: str, ahead: Ahead, note: str | None = None) -> RoomChange:
    """Apologies or a planned remote attendance, recorded before the meeting (the
    meeting screen's Attendance tab); the same again withdraws it.

    - Apologies from a member expected to join remotely replace that plan; a remote
      attendance planned for someone who sent apologies replaces the apologies.
    - Someone recorded in the meeting (an arrival marked) is live capture's to change.
    - A remote attendance is planned before the meeting: once it has begun, how someone
      attends is marked as they join (F2). Apologies received during or after the
      meeting can still be recorded for someone not marked."""
    row = room.row(person)
    who = room.name(person)
    marked = bool(room.timeline.marks(person))
    if row is not None and row.is_attending and marked:
        raise Refused(f"{who} is recorded in the meeting; live capture (F2) changes that.")
    if ahead is Ahead.REMOTE and room.timeline.people():
        raise Refused(
            "The meeting has begun: how someone attends is marked as they join, in live "
            "capture (F2)."
        )
    seats = room.seats_held(person)
    if ahead is Ahead.APOLOGIES:
        if row is None:
            new = Attendance(person=person, seats=seats, status=AttendanceStatus.APOLOGIES)
            return RoomChange(person=person, row=new, said=f"Apologies from {who} recorded.")
        if not row.is_attending:
            return RoomChange(
                person=person, remove_row=True, said=f"Apologies from {who} withdrawn."
            )
        changed = _changed(
            row, who, {"status": AttendanceStatus.APOLOGIES, "mode": Mode.IN_PERSON, "note": None}
        )
        return RoomChange(
            person=person,
            row=changed,
            said=f"Apologies from {who} recorded, instead of joining remotely.",
        )
    if row is not None and row.is_attending and row.mode is not Mode.IN_PERSON:
        return RoomChange(
            person=person, remove_row=True, said=f"{who}'s planned remote attendance withdrawn."
        )
    if row is None:
        new = Attendance(person=person, seats=seats, mode=Mode.REMOTE, note=note)
        return RoomChange(person=person, row=new, said=f"{who} will join remotely.")
    changed = _changed(
        row, who, {"status": AttendanceStatus.PRESENT, "mode": Mode.REMOTE, "note": note}
    )
    instead = "" if row.is_attending else ", instead of their apologies"
    return RoomChange(person=person, row=changed, said=f"{who} will join remotely{instead}.")
