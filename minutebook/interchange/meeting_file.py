"""Meeting files: who was present when, in which capacity, and the declarations.

Used to check a meeting's quorum against a terms-of-reference file without a database
(``minutebook quorum check TOR.yaml MEETING.yaml``)::

    date: 2022-07-01                 # optional: picks the ToR version in force
    agenda:
      - {item: 1, title: Welcome and apologies, decision: false}
    attendance:                      # capacity: member|deputy|participant|officer|observer
      - {person: Ruth Adebayo, capacity: member, seats: [S1], mode: in_person,
         from_item: 1, to_item: null}   # presence is inclusive; null = until the close
      - {person: Sam Reed, capacity: deputy, deputy_for: [S4], mode: remote,
         from_item: 3, to_item: 5}
    declarations:                    # ruling: remain|no_vote|leave
      - {person: Gareth Lloyd, item: 4, nature: Director of a bidding company,
         category: financial, ruling: leave}

People are matched by name to the seat holders of the ToR file; a person may appear in
more than one row (they left and came back) and is still one person. Each row's span
becomes an arrival at the start of `from_item` and a departure at the end of `to_item`
in the meeting's timeline (docs/timeline.md); rows of one person that overlap are an
impossible record and are refused.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pydantic import Field, ValidationError

from minutebook.domain import Attendance, Declaration
from minutebook.domain.base import Code, DomainModel, Name, OptionalName, error_lines
from minutebook.domain.meeting import (
    AgendaItem,
    AttendanceStatus,
    Capacity,
    InterestCategory,
    Meeting,
    MeetingRecord,
    Mode,
)
from minutebook.domain.quorum import Ruling
from minutebook.domain.timeline import Event, Timeline, span_events
from minutebook.interchange.reading import FileError, load_data
from minutebook.interchange.tor_file import PersonIds, TermsFile


class AgendaEntry(DomainModel):
    item: int = Field(ge=1)
    title: OptionalName = None
    decision: bool = False


class AttendanceEntry(DomainModel):
    person: Name
    capacity: Capacity = Capacity.MEMBER
    status: AttendanceStatus = AttendanceStatus.PRESENT
    seats: tuple[Code, ...] = ()
    deputy_for: tuple[Code, ...] = ()
    mode: Mode = Mode.IN_PERSON
    from_item: int | None = Field(default=None, ge=1)
    to_item: int | None = Field(default=None, ge=1)


class DeclarationEntry(DomainModel):
    person: Name
    item: int = Field(ge=1)
    nature: Name = "interest declared"
    category: InterestCategory = InterestCategory.FINANCIAL
    ruling: Ruling = Ruling.REMAIN


class MeetingFileModel(DomainModel):
    date: dt.date | None = None
    agenda: tuple[AgendaEntry, ...] = ()
    attendance: tuple[AttendanceEntry, ...] = ()
    declarations: tuple[DeclarationEntry, ...] = ()


@dataclass(frozen=True)
class MeetingFile:
    """A meeting description read into domain models, people as ids of the ToR file."""

    date: dt.date | None
    items: tuple[int, ...]
    titles: dict[int, str]
    attendance: tuple[Attendance, ...]
    declarations: tuple[Declaration, ...]
    names: dict[str, str]
    events: tuple[Event, ...] = ()

    def record(self, committee: str, day: dt.date) -> MeetingRecord:
        """The meeting as a record, to ask its quorum at every item. Without an agenda,
        the items the file names (declarations, arrivals, departures) stand in for it, in
        number order, so that the timeline places each stay where it was."""
        named = {d.item for d in self.declarations} | {
            e.item for e in self.events if e.item is not None
        }
        items = self.items or tuple(sorted(named))
        return MeetingRecord(
            meeting=Meeting(committee=committee, date=day),
            agenda=tuple(
                AgendaItem(number=n, title=self.titles.get(n, f"Item {n}")) for n in items
            ),
            attendance=self.attendance,
            declarations=self.declarations,
            events=self.events,
        )


def read_meeting(text: str, terms: TermsFile, source: str = "meeting") -> MeetingFile:
    """Read a meeting file against its ToR; raise FileError listing every problem."""
    data = load_data(text, source)
    if not isinstance(data, dict):
        raise FileError(source, ["expected a mapping with agenda:, attendance: and declarations:"])
    try:
        parsed = MeetingFileModel.model_validate(data)
    except ValidationError as error:
        raise FileError(source, error_lines(error)) from None
    ids = PersonIds(terms.membership.people)
    problems: list[str] = []
    numbers = [a.item for a in parsed.agenda]
    seat_ids = {s.id for s in terms.membership.seats}
    attendance: dict[str, Attendance] = {}
    events: list[Event] = []
    rows_sound = True  # every row's own span is possible (its items exist, in order)
    for i, row in enumerate(parsed.attendance):
        for seat in (*row.seats, *row.deputy_for):
            if seat not in seat_ids:
                problems.append(f"attendance[{i}]: seat {seat!r} is not in the terms of reference")
        for key in ("from_item", "to_item"):
            value = getattr(row, key)
            if value is not None and numbers and value not in numbers:
                problems.append(f"attendance[{i}].{key}: there is no agenda item {value}")
                rows_sound = False
        if row.from_item and row.to_item and row.to_item < row.from_item:
            rows_sound = False
            problems.append(
                f"attendance[{i}]: leaves at item {row.to_item} before arriving at {row.from_item}"
            )
        person = ids.id_for(row.person)
        try:
            place = Attendance(
                person=person,
                capacity=row.capacity,
                status=row.status,
                mode=row.mode,
                seats=row.seats,
                deputy_for=row.deputy_for,
            )
        except ValidationError as error:
            problems += error_lines(error, f"attendance[{i}]")
            continue
        # One person in several rows (left and came back) is one person: the first
        # row says in which capacity, every row when they were there.
        attendance.setdefault(person, place)
        if row.status is AttendanceStatus.PRESENT:
            events += span_events(person, row.from_item, row.to_item)
    events = [e.model_copy(update={"id": n}) for n, e in enumerate(events, start=1)]
    if rows_sound:
        # Each row is possible on its own (a row that is not is reported above, with its
        # place, once); what is left is between the rows of one person: stays that
        # overlap. Without an agenda, the items the rows name give the order.
        order = numbers or sorted({e.item for e in events if e.item is not None})
        problems += Timeline(order, events).problems(lambda key: ids.names.get(key, key))
    declarations: list[Declaration] = []
    for i, entry in enumerate(parsed.declarations):
        if numbers and entry.item not in numbers:
            problems.append(f"declarations[{i}].item: there is no agenda item {entry.item}")
        declarations.append(
            Declaration(
                person=ids.id_for(entry.person),
                item=entry.item,
                nature=entry.nature,
                category=entry.category,
                ruling=entry.ruling,
            )
        )
    if problems:
        raise FileError(source, problems)
    return MeetingFile(
        date=parsed.date,
        items=tuple(numbers),
        titles={a.item: a.title for a in parsed.agenda if a.title},
        attendance=tuple(attendance.values()),
        declarations=tuple(declarations),
        names=ids.names,
        events=tuple(events),
    )
