"""Reading an action tracker kept elsewhere: a Word table (.docx), an Excel sheet
(.xlsx) or a .csv file, into the actions it would add to a committee's tracker
(docs/actions.md#bringing-a-tracker-in).

Pure reading: nothing is stored here. `read_tracker` gives a `TrackerPreview`: the
actions read (domain `Action`s, validated), the owners not yet known, every row that
cannot be read with its place as the secretary sees it ("row 12" of a sheet, "table 2,
row 3" of a document) and the reason, and notes of what the reading chose. A file with
no heading row that names the columns is a `FileError` that says which headings were
looked for.

- **Columns** are found by their headings as trackers word them: seed 001's Decision
  Tracker (Date of Meeting, Minute, Subject and Decision, Lead Officer, Action Since
  Last Review, Current Indicator), seed 003's Action Tracker (Action No., Meeting Date,
  Item Title, Action, Responsible Manager (Enter full name), Past deadlines (Since
  Revised), Current Deadline, Current Position, RAG), the columns Minutebook's own
  export adds, and the usual variants (`HEADINGS`). The heading row may have title rows
  above it; a tracker may be several tables (one a page), each with the heading row
  again or continuing the one before.
- **Rows**: blank rows, and rows with nothing but a number, are passed over. A row
  that leaves the meeting date blank takes the one above (a date written once for a
  meeting's actions, or a merged cell); one that leaves date and minute blank
  continues the row above and takes its minute and item too. Where the action's text
  and its subject share one column (seed 001's "Subject and Decision"), an unnumbered
  row with no status, deadline or position that such rows continue is their subject
  ("THE MK DEAL" above "2. Agreed, …"): it is the item title of each, its lead officer
  theirs where their own cell names no one known, and it is no action itself.
- **Cells**: dates, statuses and owners are read by the domain's rules
  (`domain.dates.written_date`, `domain.tracker_reading`); an Excel date cell is a
  date. The position reported becomes the action's update, dated by a date written at
  its start ("18/07/2022: …", as Minutebook's export writes it), else `positions_on`.

The file is read as tables by `interchange/tables.py` (shared with the register's
reader): a regular file, at most `MAX_TRACKER_BYTES`, a .docx or .xlsx refused if its
parts would unpack to more than `MAX_UNPACKED_BYTES`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from pathlib import Path

from pydantic import ValidationError

from minutebook.domain.actions import Action, ActionUpdate
from minutebook.domain.base import error_lines
from minutebook.domain.committee import Committee, Person
from minutebook.domain.dates import meeting_date_problem, written_date, written_dates
from minutebook.domain.rag import scheme_for
from minutebook.domain.tracker_reading import OwnerRead, owner_read, status_read
from minutebook.interchange.reading import FileError
from minutebook.interchange.tables import (
    HEADING_SEARCH,
    MAX_UNPACKED_BYTES,
    NEW_PERSON,
    Row,
    RowProblem,
    Table,
    Value,
    cell_date,
    find_heading,
    heading_key,
    new_names,
    read_tables,
    text_of,
    unheaded_note,
)

__all__ = [
    "MAX_UNPACKED_BYTES",
    "NEW_PERSON",
    "RowProblem",
    "TrackerAction",
    "TrackerPreview",
    "heading_key",
    "read_tracker",
]

MAX_TRACKER_BYTES = 20 * 1024 * 1024
"""A tracker file may be up to 20 MB: a Word tracker with a logo, or a workbook of
years of actions, is a few hundred kilobytes to a few megabytes."""


class Column(StrEnum):
    """What a tracker's column holds."""

    NUMBER = "action number"
    MEETING_DATE = "meeting date"
    MINUTE = "minute"
    ITEM_TITLE = "item title"
    ACTION = "action"
    OWNER = "owner"
    PAST_DEADLINES = "past deadlines"
    DUE = "current deadline"
    POSITION = "current position"
    STATUS = "RAG / status"
    CLOSED = "date closed"


HEADINGS: dict[Column, tuple[str, ...]] = {
    Column.NUMBER: (
        "Action No.", "Action Number", "Action Ref", "No.", "No", "Number", "Ref", "Ref.",
        "Reference", "#", "ID", "Action ID",
    ),
    Column.MEETING_DATE: (
        "Date of Meeting", "Meeting Date", "Date", "Date Agreed", "Date Raised",
        "Meeting", "Date of Decision", "Date Added",
    ),
    Column.MINUTE: (
        "Minute", "Minute Ref", "Minute Ref.", "Minute No.", "Minute Number",
        "Minute Reference", "Min Ref", "Agenda Item No.", "Item No.",
    ),
    Column.ITEM_TITLE: ("Item Title", "Item", "Subject", "Agenda Item", "Topic", "Title"),
    Column.ACTION: (
        "Action", "Actions", "Subject and Decision", "Subject / Decision", "Decision",
        "Decision / Action",
        "Action Required", "Action Agreed", "Description", "Action Description",
    ),
    Column.OWNER: (
        "Responsible Manager (Enter full name)", "Responsible Manager (full name)",
        "Responsible Manager", "Lead Officer", "Lead", "Owner", "Action Owner",
        "Responsible", "Responsible Officer", "Responsible Person", "Assigned To", "Who",
        "By Whom", "Officer",
    ),
    Column.PAST_DEADLINES: (
        "Past Deadlines (Since Revised)", "Past Deadlines", "Previous Deadlines",
        "Revised Deadlines", "Original Deadline",
    ),
    Column.DUE: (
        "Current Deadline", "Deadline", "Due", "Due Date", "Date Due", "By When",
        "Target Date", "Completion Date", "Timescale",
    ),
    Column.POSITION: (
        "Current Position", "Action Since Last Review", "Update", "Updates", "Progress",
        "Progress Update", "Latest Update", "Position", "Comments", "Notes",
    ),
    Column.STATUS: (
        "RAG (Add date action is agreed closed)", "RAG", "RAG Status", "RAG Rating",
        "Current Indicator", "Indicator", "Status",
    ),
    Column.CLOSED: ("Date Closed", "Closed", "Closed On", "Date Completed"),
}  # fmt: skip
"""The headings each column is known by (compared without case, punctuation or words
in brackets: "RESPONSIBLE MANAGER (Enter full name)" is "Responsible Manager")."""

REQUIRED = (Column.ACTION, Column.MEETING_DATE, Column.OWNER)


_BY_HEADING: dict[str, Column] = {
    heading_key(words): column for column, known in HEADINGS.items() for words in known
}
_COMBINED = {heading_key("Subject and Decision"), heading_key("Subject / Decision")}
"""Headings of one column holding the subjects and the decisions under them (seed 001)."""

_NUMBERED = re.compile(r"^\s*(?:\(?\d{1,3}[.)]|\(?[a-z][.)]|\([ivx]+\))\s+", re.IGNORECASE)
_UPDATE_DATE = re.compile(
    r"^\s*(?P<day>[0-9][0-9./\-]{5,9}|\d{1,2}(?:st|nd|rd|th)? [A-Za-z]{3,9} \d{4})\s*[:\-–—]\s+"
)
"""A date at the start of a position's line: "18/07/2022: …", "18 July 2022 - …"."""


# -- what a preview holds ------------------------------------------------------------------


@dataclass(frozen=True)
class TrackerAction:
    """An action read from one row, as it would be added.

    `action.owner` is the person the owner cell names; where that is someone new,
    `new_owner` holds them (name and honorific as written, id `NEW_PERSON`) and the
    action is stored only once they are added. `number_from_file` says whether the
    action's number was written in the file (kept) or is the one it would take."""

    place: str
    action: Action
    new_owner: Person | None = None
    number_from_file: bool = False


@dataclass(frozen=True)
class TrackerPreview:
    """What bringing a tracker file in would add to a committee's tracker."""

    source: str
    committee: str
    actions: tuple[TrackerAction, ...]
    problems: tuple[RowProblem, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def unknown_owners(self) -> tuple[str, ...]:
        """The owners not known to Minutebook, once each, in the order met."""
        return new_names(row.new_owner for row in self.actions)

    @property
    def readable(self) -> bool:
        """Every row was read: nothing stops the import but unknown owners."""
        return not self.problems


# -- headings ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Heading:
    columns: dict[int, Column]
    names: dict[Column, str]
    """The heading each column has in this file, for messages."""
    combined: bool
    """The subject and the decisions under it share the action column (seed 001)."""


def _heading_of(cells: Sequence[Value]) -> _Heading | None:
    """The columns a row names, if it is a heading row: it names the action's column
    and at least two others."""
    columns: dict[int, Column] = {}
    names: dict[Column, str] = {}
    combined = False
    for index, cell in enumerate(cells):
        if not isinstance(cell, str):
            continue
        key = heading_key(cell)
        column = _BY_HEADING.get(key)
        if column is None:
            continue
        # A second RAG or position column is read with the first ("Status" and "RAG");
        # any other column named twice counts once, the first.
        if column in names and column not in (Column.STATUS, Column.POSITION):
            continue
        columns[index] = column
        names.setdefault(column, " ".join(cell.split()))
        combined = combined or (column is Column.ACTION and key in _COMBINED)
    if Column.ACTION not in names or len(names) < 3:
        return None
    return _Heading(columns, names, combined)


def _find_heading(table: Table) -> tuple[int, _Heading] | None:
    return find_heading(table, _heading_of)


def _looked_for() -> str:
    shown = ", ".join(f"{column.value} ({' / '.join(HEADINGS[column][:3])})" for column in REQUIRED)
    return (
        "has no heading row: a tracker needs a row of headings naming at least the "
        f"columns {shown}, within its first {HEADING_SEARCH} rows"
    )


# -- rows ----------------------------------------------------------------------------------


class _Row(Row[Column]):
    @property
    def blank(self) -> bool:
        """Nothing in it, or nothing but a number (a template's numbered empty rows)."""
        return not any(self.text(c) for c in self.cells if c is not Column.NUMBER)


def _rows_of(table: Table, start: int, heading: _Heading) -> Iterator[_Row]:
    for number, cells in table.rows[start + 1 :]:
        if _heading_of(cells) is not None:
            continue  # the heading row again (a page break, a table that repeats it)
        values: dict[Column, Value] = {}
        for index, column in heading.columns.items():
            value = cells[index] if index < len(cells) else None
            if column in values and text_of(value):  # a second RAG or position column
                joined = "\n".join(t for t in (text_of(values[column]), text_of(value)) if t)
                values[column] = joined
            elif column not in values:
                values[column] = value
        yield _Row(f"{table.label}row {number}", values, table.serial_dates)


def _a_date(value: Value, serial_dates: bool, *, month_end: bool) -> date | None:
    """A date cell: an Excel date, an Excel day number, or a date as typed."""
    return cell_date(value, serial_dates) or written_date(text_of(value), month_end=month_end)


def _number(row: _Row) -> int | None:
    value = row.cells.get(Column.NUMBER)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        text = re.sub(r"^(?:action\s*)?(?:no\.?|#)\s*", "", text_of(value), flags=re.I).rstrip(".")
        if not text:
            return None
        if not text.isdecimal():
            raise ValueError(f"the action number {text_of(value)!r} is not a whole number")
        number = int(text)
    if number < 1:
        raise ValueError(f"the action number {number} is not 1 or more")
    return number


def _updates(text: str, positions_on: date) -> tuple[ActionUpdate, ...]:
    """The position reported, as updates: each line that starts with a date ("18/07/2022:
    …") is an update of that date; text before any is one update of `positions_on`."""
    updates: list[tuple[date, list[str]]] = []
    for line in text.splitlines():
        match = _UPDATE_DATE.match(line)
        day = None
        if match:
            try:
                day = written_date(match["day"])
            except ValueError:
                day = None
        if day is not None and match is not None:
            updates.append((day, [line[match.end() :]]))
        elif updates:
            updates[-1][1].append(line)
        else:
            updates.append((positions_on, [line]))
    return tuple(
        ActionUpdate(date=day, text="\n".join(lines).strip())
        for day, lines in updates
        if "\n".join(lines).strip()
    )


@dataclass
class _Carried:
    """What a row takes from those above it (module docstring)."""

    meeting_date: Value = None
    minute: str = ""
    item: str = ""
    subject: _Row | None = None


@dataclass
class _Reader:
    source: str
    committee: Committee
    people: Sequence[Person]
    ours: Collection[str]
    today: date
    positions_on: date
    actions: list[TrackerAction] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    numbers: dict[int, str] = field(default_factory=dict)
    owners: dict[str, OwnerRead] = field(default_factory=dict)
    """Each owner cell read once: a tracker names the same few people on every row."""

    def owner(self, cell: str) -> OwnerRead:
        if cell not in self.owners:
            self.owners[cell] = owner_read(cell, self.people, self.ours)
        return self.owners[cell]

    def read(self, rows: list[_Row], heading: _Heading) -> None:
        carried = _Carried()
        rows = [row for row in rows if not row.blank]
        for index, row in enumerate(rows):
            following = rows[index + 1] if index + 1 < len(rows) else None
            continues = not row.text(Column.MEETING_DATE) and not row.text(Column.MINUTE)
            if not continues:
                if self._is_subject(row, following, heading):
                    carried = _Carried(
                        row.cells.get(Column.MEETING_DATE),
                        row.text(Column.MINUTE),
                        row.text(Column.ITEM_TITLE) or row.text(Column.ACTION),
                        row,
                    )
                    continue
                carried = _Carried(
                    row.cells.get(Column.MEETING_DATE) or carried.meeting_date,
                    row.text(Column.MINUTE),
                    row.text(Column.ITEM_TITLE),
                )
            try:
                self._read_row(row, carried, heading)
            except ValueError as error:
                self.problems.append(RowProblem(row.place, str(error)))

    @staticmethod
    def _is_subject(row: _Row, following: _Row | None, heading: _Heading) -> bool:
        """A row the next continues, that names a subject and does nothing itself."""
        if following is None or following.text(Column.MEETING_DATE):
            return False
        if following.text(Column.MINUTE):
            return False
        done = (Column.STATUS, Column.DUE, Column.POSITION, Column.PAST_DEADLINES, Column.NUMBER)
        if any(row.text(c) for c in done):
            return False
        if not row.text(Column.ACTION):
            return bool(row.text(Column.ITEM_TITLE))
        return heading.combined and not _NUMBERED.match(row.text(Column.ACTION))

    def _read_row(self, row: _Row, carried: _Carried, heading: _Heading) -> None:
        problems: list[str] = []
        text = row.text(Column.ACTION)
        if carried.subject is not None and heading.combined:
            text = _NUMBERED.sub("", text, count=1)
        if not text:
            problems.append(f"no action: the {heading.names[Column.ACTION]} cell is blank")
        own = row.text(Column.MEETING_DATE)
        value = row.cells.get(Column.MEETING_DATE) if own else carried.meeting_date
        meeting = self._cell(row, Column.MEETING_DATE, heading, problems, value=value)
        if meeting is None and not text_of(value):
            name = heading.names[Column.MEETING_DATE]
            problems.append(f"no meeting date: the {name} cell is blank")
        if meeting is not None:
            wrong = meeting_date_problem(meeting, self.today)
            if wrong:
                problems.append(f"the meeting date {wrong}")
        due = self._cell(row, Column.DUE, heading, problems, month_end=True)
        closed = self._cell(row, Column.CLOSED, heading, problems)
        past: tuple[date, ...] = ()
        try:
            past = written_dates(row.text(Column.PAST_DEADLINES))
        except ValueError as error:
            problems.append(f"{heading.names[Column.PAST_DEADLINES]}: {error}")
        position = row.text(Column.POSITION)
        scheme = scheme_for(self.committee.rag_palette)
        try:
            status = status_read(row.text(Column.STATUS), scheme, closed, bool(position))
        except ValueError as error:
            problems.append(f"{heading.names.get(Column.STATUS, 'status')}: {error}")
            status = None
        number = None
        try:
            number = _number(row)
        except ValueError as error:
            problems.append(str(error))
        if number is not None and number in self.numbers:
            problems.append(f"the action number {number} is also {self.numbers[number]}'s")
        owner, new_owner, others = self._owner(row, carried, heading, problems)
        if problems or meeting is None or status is None:
            raise ValueError("; ".join(problems))
        if status.note:
            self.notes.append(f"{row.place}: {status.note}")
        if others:
            text = f"{text} (with {', '.join(others)})"
        try:
            action = Action(
                committee=self.committee.code,
                number=number,
                meeting_date=meeting,
                minute=row.text(Column.MINUTE) or carried.minute,
                item_title=row.text(Column.ITEM_TITLE) or carried.item,
                description=text,
                owner=owner,
                due=due,
                past_deadlines=past,
                status=status.status,
                rag=status.rag,
                updates=_updates(position, self.positions_on),
                closed_on=status.closed_on,
            )
        except ValidationError as error:
            raise ValueError("; ".join(error_lines(error))) from None
        if number is not None:
            self.numbers[number] = row.place
        self.actions.append(TrackerAction(row.place, action, new_owner, number is not None))

    @staticmethod
    def _cell(
        row: _Row,
        column: Column,
        heading: _Heading,
        problems: list[str],
        *,
        month_end: bool = False,
        value: Value = None,
    ) -> date | None:
        """The date in a row's cell (or `value`, taken from a row above); a problem
        naming the column and the cell's text if it is not one."""
        value = value if value is not None else row.cells.get(column)
        try:
            return _a_date(value, row.serial_dates, month_end=month_end)
        except ValueError as error:
            problems.append(f"{heading.names.get(column, column.value)}: {error}")
            return None

    def _owner(
        self, row: _Row, carried: _Carried, heading: _Heading, problems: list[str]
    ) -> tuple[str, Person | None, tuple[str, ...]]:
        """The owner's id, the new person it is if not known, the cell's other names."""
        cell = row.text(Column.OWNER)
        read = self.owner(cell)
        subject = carried.subject
        if read.person is None and read.problem is None and subject is not None:
            lead = self.owner(subject.text(Column.OWNER))
            if lead.person is not None:
                if cell:
                    self.notes.append(
                        f"{row.place}: {cell!r} names no one known; the lead officer of "
                        f"{subject.text(Column.ACTION) or subject.text(Column.ITEM_TITLE)} "
                        f"({subject.place}), {lead.person.name}, is taken as the owner"
                    )
                return lead.person.id, None, ()
        if read.problem:
            problems.append(f"{heading.names[Column.OWNER]}: {read.problem}")
            return NEW_PERSON, None, ()
        if read.person is not None:
            return read.person.id, None, read.others
        if read.new_name is None:
            problems.append(f"no owner: the {heading.names[Column.OWNER]} cell is blank")
            return NEW_PERSON, None, ()
        try:
            new = Person(id=NEW_PERSON, name=read.new_name, honorific=read.honorific)
        except ValidationError as error:
            problems.append(f"{heading.names[Column.OWNER]}: {'; '.join(error_lines(error))}")
            return NEW_PERSON, None, ()
        return NEW_PERSON, new, read.others


# -- reading a file ------------------------------------------------------------------------


def read_tracker(
    path: Path,
    committee: Committee,
    people: Sequence[Person],
    ours: Collection[str] = (),
    *,
    today: date,
    positions_on: date | None = None,
    source: str | None = None,
) -> TrackerPreview:
    """Read a tracker file for `committee`: what it would add, and what stops it.

    `people` are those known to Minutebook, `ours` the ids of the committee's own
    (preferred where a name fits several; the only ones found by initials). `today`
    bounds a meeting date (no more than five years ahead); `positions_on` dates a
    position written without a date (default `today`). Raises FileError naming the
    file (`source`, else the path) when it cannot be read as a tracker at all."""
    source = source or str(path)
    tables = read_tables(
        path,
        source,
        max_bytes=MAX_TRACKER_BYTES,
        what="a tracker",
        has_heading=lambda table: _find_heading(table) is not None,
        max_unpacked=MAX_UNPACKED_BYTES,
    )
    reader = _Reader(source, committee, people, ours, today, positions_on or today)
    found = False
    group_rows: list[_Row] = []
    current: _Heading | None = None
    width = 0
    group: int | None = None
    for table in tables:
        if table.group != group:
            if current is not None:
                reader.read(group_rows, current)
            group_rows, current, group = [], None, table.group
        heading = _find_heading(table)
        if heading is None:
            if current is not None and table.width == width:
                # A table that carries on the one above without its heading row.
                group_rows.extend(_rows_of(table, -1, current))
            elif note := unheaded_note(table):
                reader.notes.append(note)
            continue
        if current is not None and heading[1].columns != current.columns:
            reader.read(group_rows, current)
            group_rows = []
        found = True
        current, width = heading[1], table.width
        missing = [c for c in REQUIRED if c not in current.names]
        if missing:
            place = f"{table.label}row {table.rows[heading[0]][0]}"
            wanted = " and no ".join(
                f"{c.value} column ({' / '.join(HEADINGS[c][:4])})" for c in missing
            )
            raise FileError(source, [f"has no {wanted}: see the headings in {place}"])
        group_rows.extend(_rows_of(table, heading[0], current))
    if current is not None:
        reader.read(group_rows, current)
    if not found:
        raise FileError(source, [_looked_for()])
    return TrackerPreview(
        source,
        committee.code,
        tuple(reader.actions),
        tuple(reader.problems),
        tuple(reader.notes),
    )


def numbered(preview: TrackerPreview, numbers: Sequence[int]) -> TrackerPreview:
    """The preview with the actions the file leaves unnumbered given `numbers`, in order."""
    free = iter(numbers)
    rows = tuple(
        row
        if row.number_from_file
        else replace(row, action=row.action.model_copy(update={"number": next(free)}))
        for row in preview.actions
    )
    return replace(preview, actions=rows)
