"""Reading a register of interests kept elsewhere: a Word table (.docx), an Excel sheet
(.xlsx) or a .csv file, into the interests and nil returns it would add to a committee's
register (docs/register.md#bringing-a-register-in).

Pure reading: nothing is stored here. `read_register` gives a `RegisterPreview`: the
interests and nil returns read (domain `Interest`s and `NilReturn`s, validated), the
people not yet known, every row that cannot be read with its place ("row 12" of a
sheet, "table 2, row 3" of a document) and the reason, and notes of what the reading
chose. A file with no heading row naming the columns is a `FileError`.

- **Columns** are found by their headings as seed 003's register words them (Surname,
  Forename, Position within, or relationship with the ICB, Interests to Declare,
  Financial Interest, Non-Financial Professional, Non-Financial Personal, Indirect,
  Description of Interest, Date From, Date To, Actions to be taken to mitigate risk,
  Date Declared), a council's (Disclosable Pecuniary, Other Registrable,
  Non-Registrable), a single Name column, a Type column in words, and the usual
  variants (`HEADINGS`). Title rows above the heading row (seed 003's garbled "Type of
  Interest" line) are passed over; a register is often a table a page, each with the
  heading row again.
- **Rows**: "Interests to Declare" No, with no tick, is a nil return dated by Date
  Declared (a No row that still describes something is a nil return, and a note says
  what was not stored). Yes, or blank with a tick, is an interest: its category is the
  ticked column (one only, and one the committee's kind of body declares), the
  organisation the Organisation column's, else the one the description clearly names
  (`domain.register_reading.organisation_in`). A row with no name, answer, tick,
  description or date, only text under mitigation (or description), continues the
  interest above. The same interest twice is a problem.
- **Cells**: ticks and dates are read by `domain.register_reading`; an Excel date cell
  is a date. A person is matched by name as a tracker's owner is
  (`domain.tracker_reading.owner_read`), the committee's own preferred; someone known
  but not on the committee is named in `not_members`.

The file is read as tables by `interchange/tables.py` (shared with the tracker's
reader), at most `MAX_REGISTER_BYTES`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path

from pydantic import ValidationError

from minutebook.domain.base import error_lines
from minutebook.domain.committee import Committee, Person, name_key
from minutebook.domain.interests import INTEREST_LABELS, category_problem
from minutebook.domain.meeting import InterestCategory
from minutebook.domain.register import Interest, NilReturn, date_as_given, declared_problem
from minutebook.domain.register_reading import (
    RegisterDate,
    answered_yes,
    no_return,
    organisation_in,
    register_date,
    ticked,
)
from minutebook.domain.tracker_reading import owner_read
from minutebook.interchange.reading import FileError
from minutebook.interchange.tables import (
    HEADING_SEARCH,
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

__all__ = ["NEW_PERSON", "RegisterInterest", "RegisterNil", "RegisterPreview", "read_register"]

MAX_REGISTER_BYTES = 20 * 1024 * 1024
"""A register file may be up to 20 MB (a Word register with a logo is a few hundred KB)."""


class Column(StrEnum):
    """What a register's column holds."""

    SURNAME = "surname"
    FORENAME = "forename"
    NAME = "name"
    POSITION = "position"
    ANSWER = "interests to declare"
    TYPE = "type of interest"
    DESCRIPTION = "description"
    ORGANISATION = "organisation"
    FROM = "date from"
    TO = "date to"
    MITIGATION = "mitigation"
    DECLARED = "date declared"


TICK_HEADINGS: dict[InterestCategory, tuple[str, ...]] = {
    InterestCategory.FINANCIAL: ("Financial Interest", "Financial Interests", "Financial"),
    InterestCategory.NON_FINANCIAL_PROFESSIONAL: (
        "Non-Financial Professional", "Non-Financial Professional Interest",
        "Non-Financial Professional Interests", "Non Financial Professional",
    ),
    InterestCategory.NON_FINANCIAL_PERSONAL: (
        "Non-Financial Personal", "Non-Financial Personal Interest",
        "Non-Financial Personal Interests", "Non Financial Personal",
    ),
    InterestCategory.INDIRECT: ("Indirect", "Indirect Interest", "Indirect Interests"),
    InterestCategory.DISCLOSABLE_PECUNIARY: (
        "Disclosable Pecuniary", "Disclosable Pecuniary Interest", "DPI",
    ),
    InterestCategory.OTHER_REGISTRABLE: (
        "Other Registrable", "Other Registerable", "Other Registrable Interest",
        "Other Registerable Interest",
    ),
    InterestCategory.NON_REGISTRABLE: (
        "Non-Registrable", "Non-Registerable", "Non-Registrable Interest",
        "Non-Registerable Interest",
    ),
}  # fmt: skip
"""The tick columns, one per category."""

HEADINGS: dict[Column, tuple[str, ...]] = {
    Column.SURNAME: ("Surname", "Last Name", "Family Name"),
    Column.FORENAME: ("Forename", "Forenames", "First Name", "Given Name"),
    Column.NAME: ("Name", "Member", "Full Name", "Member Name", "Name of Member"),
    Column.POSITION: (
        "Position within, or relationship with the ICB", "Position", "Role", "Job Title",
        "Position within or relationship with the ICB", "Relationship",
    ),
    Column.ANSWER: ("Interests to Declare", "Interest to Declare", "Any Interests", "Declared"),
    Column.TYPE: ("Type of Interest", "Type", "Category", "Interest Type"),
    Column.DESCRIPTION: (
        "Description of Interest", "Description", "Details", "Nature of Interest", "Interest",
    ),
    Column.ORGANISATION: ("Organisation", "Organization", "Company", "Body"),
    Column.FROM: ("Date From", "From", "Start Date", "Date Started"),
    Column.TO: ("Date To", "To", "End Date", "Date Ended"),
    Column.MITIGATION: (
        "Actions to be taken to mitigate risk", "Action taken to mitigate risk",
        "Actions to mitigate risk", "Mitigation", "Mitigating Action", "Action Taken",
    ),
    Column.DECLARED: ("Date Declared", "Declared On", "Date of Declaration", "Date"),
}  # fmt: skip
"""The headings each column is known by (compared as `tables.heading_key` does)."""

_BY_HEADING: dict[str, Column | InterestCategory] = {
    heading_key(words): column for column, known in HEADINGS.items() for words in known
} | {heading_key(words): category for category, known in TICK_HEADINGS.items() for words in known}

_WRITTEN_CATEGORY = {heading_key(label): c for c, label in INTEREST_LABELS.items()} | {
    heading_key(words): c for c, known in TICK_HEADINGS.items() for words in known
}


# -- what a preview holds ------------------------------------------------------------------


@dataclass(frozen=True)
class RegisterInterest:
    """An interest read from one row (or a row and the rows continuing it)."""

    place: str
    interest: Interest
    new_person: Person | None = None
    replaces: Interest | None = None
    """The entry of the register it declares again, changed or later (stored as its
    correction from the row's date declared), if any."""


@dataclass(frozen=True)
class RegisterNil:
    """A nil return read from one row."""

    place: str
    nil_return: NilReturn
    new_person: Person | None = None


@dataclass(frozen=True)
class RegisterPreview:
    """What bringing a register file in would add to a committee's register."""

    source: str
    committee: str
    interests: tuple[RegisterInterest, ...]
    nil_returns: tuple[RegisterNil, ...]
    problems: tuple[RowProblem, ...] = ()
    notes: tuple[str, ...] = ()
    not_members: tuple[str, ...] = ()
    """People known to Minutebook but not on the committee, once each (a register's
    participants may not be members: stored only when the secretary says so)."""
    already: tuple[str, ...] = ()
    """The places of the rows the register already holds as they are: passed over."""

    @property
    def unknown_people(self) -> tuple[str, ...]:
        """The people not known to Minutebook, once each, in the order met."""
        rows: list[RegisterInterest | RegisterNil] = [*self.interests, *self.nil_returns]
        return new_names(row.new_person for row in rows)

    @property
    def readable(self) -> bool:
        """Every row was read: nothing stops the import but people not known."""
        return not self.problems


# -- headings ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Heading:
    columns: dict[int, Column | InterestCategory]
    names: dict[Column | InterestCategory, str]


def _heading_of(cells: Sequence[Value]) -> _Heading | None:
    """The columns a row names, if it is a register's heading row: a name (Surname or
    Name), a description and either a type (ticks or words) or Interests to Declare."""
    columns: dict[int, Column | InterestCategory] = {}
    names: dict[Column | InterestCategory, str] = {}
    for index, cell in enumerate(cells):
        if not isinstance(cell, str):
            continue
        column = _BY_HEADING.get(heading_key(cell))
        if column is None or column in names:
            continue
        columns[index] = column
        names[column] = " ".join(cell.split())
    has_name = Column.SURNAME in names or Column.NAME in names
    has_type = (
        Column.TYPE in names or Column.ANSWER in names or any(c in names for c in TICK_HEADINGS)
    )
    if not (has_name and Column.DESCRIPTION in names and has_type):
        return None
    return _Heading(columns, names)


def _find_heading(table: Table) -> tuple[int, _Heading] | None:
    """The heading row and its position; where a second row of headings stands under
    it (a published register's "Type of Interest" over its tick columns, each other
    heading merged down both rows), the two read as one, from the lower row's place."""
    found = find_heading(table, _heading_of)
    if found is None or found[0] + 1 >= len(table.rows):
        return found
    position, heading = found
    below = _heading_below(table.rows[position + 1][1], heading)
    return (position + 1, below) if below is not None else found


def _heading_below(cells: Sequence[Value], above: _Heading) -> _Heading | None:
    """`above` with the columns a second heading row names, if every cell filled in it
    is a heading (a merged cell reads as blank or as the heading again); its columns
    replace those above, so "Type of Interest" gives way to the ticks under it."""
    named: dict[int, Column | InterestCategory] = {}
    for index, cell in enumerate(cells):
        if not text_of(cell):
            continue
        column = _BY_HEADING.get(heading_key(cell)) if isinstance(cell, str) else None
        if column is None:
            return None
        named[index] = column
    if not any(isinstance(c, InterestCategory) for c in named.values()):
        return None
    columns: dict[int, Column | InterestCategory] = {}
    names: dict[Column | InterestCategory, str] = {}
    for index in sorted(above.columns.keys() | named.keys()):
        column = named.get(index, above.columns.get(index))
        if column is None or column in names:
            continue
        text = cells[index] if index in named else None
        columns[index] = column
        names[column] = " ".join(text.split()) if isinstance(text, str) else above.names[column]
    if any(isinstance(c, InterestCategory) for c in names):
        # The group heading over the ticks is not a column of its own.
        columns = {i: c for i, c in columns.items() if c is not Column.TYPE}
        names.pop(Column.TYPE, None)
    return _Heading(columns, names)


# -- rows ----------------------------------------------------------------------------------


class _Row(Row[Column | InterestCategory]):
    @property
    def blank(self) -> bool:
        return not any(self.text(c) for c in self.cells)

    @property
    def continues(self) -> bool:
        """Only mitigation (or description) text: the row above goes on here."""
        own = [c for c in self.cells if self.text(c)]
        return bool(own) and set(own) <= {Column.MITIGATION, Column.DESCRIPTION}


def _rows_of(table: Table, start: int, heading: _Heading) -> Iterator[_Row]:
    rows = table.rows[start + 1 :]
    headings = [_heading_of(cells) is not None for _, cells in rows]
    for index, (number, cells) in enumerate(rows):
        if (
            headings[index]
            or (index + 1 < len(rows) and headings[index + 1])
            or (index > 0 and headings[index - 1] and _heading_below(cells, heading))
        ):
            # The heading row again, on the next page, and the title line above it
            # (seed 003's garbled "Ту pe of Inter est").
            continue
        values = {
            column: cells[index] if index < len(cells) else None
            for index, column in heading.columns.items()
        }
        yield _Row(f"{table.label}row {number}", values, table.serial_dates)


def _a_date(value: Value, serial_dates: bool, today: date, ending: bool) -> RegisterDate:
    """A date cell (a day), or the date its text gives with its precision (`ending`: a
    Date To, which may be after today)."""
    day = cell_date(value, serial_dates)
    if day is not None:
        return RegisterDate(day)
    return register_date(text_of(value), today, ending=ending)


@dataclass
class _Reader:
    committee: Committee
    people: Sequence[Person]
    ours: Collection[str]
    today: date
    interests: list[RegisterInterest] = field(default_factory=list)
    nils: list[RegisterNil] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seen: dict[tuple[str, object, str, date | None], str] = field(default_factory=dict)
    outside: dict[str, str] = field(default_factory=dict)

    def read(self, rows: list[_Row], heading: _Heading) -> None:
        last: _Row | None = None
        for row in rows:
            if row.blank:
                continue
            if row.continues:
                self._continue(row, last, heading)
                continue
            last = row
            try:
                self._read_row(row, heading)
            except ValueError as error:
                self.problems.append(RowProblem(row.place, str(error)))

    def _continue(self, row: _Row, last: _Row | None, heading: _Heading) -> None:
        """Text under mitigation (or description) alone joins the interest above."""
        entry = self.interests[-1] if self.interests else None
        if last is None or entry is None or entry.place != last.place:
            self.problems.append(
                RowProblem(row.place, "only text under mitigation, and no interest above it")
            )
            return
        interest = entry.interest
        update = {}
        for column, attribute in (
            (Column.MITIGATION, "mitigation"),
            (Column.DESCRIPTION, "description"),
        ):
            text = row.text(column)
            if text:
                before = getattr(interest, attribute) or ""
                update[attribute] = f"{before}\n{text}".strip()
        self.interests[-1] = RegisterInterest(
            entry.place, interest.model_copy(update=update), entry.new_person
        )
        self.notes.append(f"{row.place}: continues the interest of {entry.place}")

    def _person(self, row: _Row, problems: list[str]) -> tuple[str, Person | None, str]:
        """The person's id, the new person it is if not known, and the name as written."""
        name = " ".join(
            part for part in (row.text(Column.FORENAME), row.text(Column.SURNAME)) if part
        ) or row.text(Column.NAME)
        name = " ".join(name.split())
        if not name:
            problems.append("no name: the Surname and Forename cells are blank")
            return NEW_PERSON, None, name
        read = owner_read(name, self.people, self.ours)
        forenames = row.text(Column.FORENAME).split()
        if read.person is None and not read.problem and len(forenames) > 1:
            # Someone known by a middle name ("Stuart Ross" Graves is Ross Graves).
            for forename in forenames[1:]:
                known = owner_read(f"{forename} {row.text(Column.SURNAME)}", self.people, self.ours)
                if known.person is not None and known.person.id in self.ours:
                    self.notes.append(f"{row.place}: {name} is taken to be {known.person.name}")
                    return known.person.id, None, name
        if read.problem:
            problems.append(read.problem)
            return NEW_PERSON, None, name
        if read.person is not None:
            if read.person.id not in self.ours:
                self.outside.setdefault(read.person.id, read.person.name)
            return read.person.id, None, name
        try:
            new = Person(id=NEW_PERSON, name=read.new_name or name, honorific=read.honorific)
        except ValidationError as error:
            problems.append("; ".join(error_lines(error)))
            return NEW_PERSON, None, name
        return NEW_PERSON, new, name

    def _category(
        self, row: _Row, heading: _Heading, problems: list[str]
    ) -> InterestCategory | None:
        found: list[InterestCategory] = []
        for category in TICK_HEADINGS:
            if category not in heading.names:
                continue
            try:
                if ticked(row.text(category)):
                    found.append(category)
            except ValueError as error:
                problems.append(f"{heading.names[category]}: {error}")
        written = row.text(Column.TYPE)
        if written:
            named = _WRITTEN_CATEGORY.get(heading_key(written.removesuffix(" interest")))
            if named is None:
                problems.append(
                    f"{heading.names[Column.TYPE]}: {written!r} is not a type of interest"
                )
            elif named not in found:
                found.append(named)
        if len(found) > 1:
            ticks = ", ".join(heading.names.get(c, INTEREST_LABELS[c]) for c in found)
            problems.append(f"more than one type is ticked ({ticks}): one row, one interest")
            return None
        return found[0] if found else None

    def _read_row(self, row: _Row, heading: _Heading) -> None:
        if no_return(row.text(Column.ANSWER)):
            # A published register's line for a member who has made no return.
            who = " ".join(f"{row.text(Column.FORENAME)} {row.text(Column.SURNAME)}".split())
            self.notes.append(f"{row.place}: {who or row.text(Column.NAME)} made no return")
            return
        problems: list[str] = []
        person, new_person, name = self._person(row, problems)
        try:
            answer = answered_yes(row.text(Column.ANSWER))
        except ValueError as error:
            problems.append(f"{heading.names[Column.ANSWER]}: {error}")
            answer = None
        category = self._category(row, heading, problems)
        declared = self._date(row, Column.DECLARED, heading, problems).day
        description = " ".join(row.text(Column.DESCRIPTION).split())
        if declared is None and not problems:
            said = heading.names.get(Column.DECLARED, "Date Declared")
            problems.append(f"no date declared: the {said} cell is blank")
        elif declared is not None and (late := declared_problem(declared, self.today)):
            problems.append(late)  # as the register screen refuses it
        if answer is False and category is None:
            if problems:
                raise ValueError("; ".join(problems))
            if description:
                shown = description if len(description) <= 60 else f"{description[:60]}…"
                self.notes.append(
                    f"{row.place}: {name} answers No: a nil return; the description "
                    f"({shown}) is not stored as an interest"
                )
            assert declared is not None
            nil = NilReturn(committee=self.committee.code, person=person, declared_on=declared)
            self.nils.append(RegisterNil(row.place, nil, new_person))
            return
        if answer is False:
            problems.append(f"{heading.names[Column.ANSWER]} is No, yet a type is ticked")
        if category is None and not any(p.startswith("more than one") for p in problems):
            problems.append("no type of interest is ticked")
        if category is not None:
            wrong = category_problem(category, self.committee.body_type)
            if wrong:
                problems.append(wrong.removeprefix("Interest: "))
        if not description:
            problems.append(
                f"no description: the {heading.names[Column.DESCRIPTION]} cell is blank"
            )
        date_from = self._date(row, Column.FROM, heading, problems)
        date_to = self._date(row, Column.TO, heading, problems)
        if problems or category is None or declared is None:
            raise ValueError("; ".join(problems))
        key = (
            person if new_person is None else name_key(name),
            category,
            description.casefold(),
            date_from.day,
        )
        if key in self.seen:
            raise ValueError(f"the same interest as {self.seen[key]}")
        organisation = row.text(Column.ORGANISATION) or organisation_in(description)
        try:
            interest = Interest(
                committee=self.committee.code,
                person=person,
                category=category,
                description=description,
                organisation=organisation,
                date_from=date_from.day,
                from_precision=date_from.precision,
                date_to=date_to.day,
                to_precision=date_to.precision,
                mitigation=row.text(Column.MITIGATION),
                declared_on=declared,
            )
        except ValidationError as error:
            raise ValueError("; ".join(error_lines(error))) from None
        self.seen[key] = row.place
        self.interests.append(RegisterInterest(row.place, interest, new_person))

    def _date(
        self, row: _Row, column: Column, heading: _Heading, problems: list[str]
    ) -> RegisterDate:
        """The date in a row's cell; words after it noted; a problem if it is none."""
        try:
            ending = column is Column.TO
            read = _a_date(row.cells.get(column), row.serial_dates, self.today, ending)
        except ValueError as error:
            problems.append(f"{heading.names.get(column, column.value)}: {error}")
            return RegisterDate(None)
        if read.words:
            self.notes.append(
                f"{row.place}: {heading.names[column]} {row.text(column)!r} is read as "
                f"{date_as_given(read.day, read.precision)}"
                if read.day
                else f"{row.place}: {row.text(column)!r}"
            )
        return read


# -- reading a file ------------------------------------------------------------------------


def read_register(
    path: Path,
    committee: Committee,
    people: Sequence[Person],
    ours: Collection[str] = (),
    *,
    today: date,
    source: str | None = None,
) -> RegisterPreview:
    """Read a register file for `committee`: what it would add, and what stops it.

    `people` are those known to Minutebook, `ours` the ids of the committee's own
    (preferred where a name fits several). `today` settles a two-digit year. Raises
    FileError naming the file (`source`, else the path) when it cannot be read as a
    register at all."""
    source = source or str(path)
    tables = read_tables(
        path,
        source,
        max_bytes=MAX_REGISTER_BYTES,
        what="a register",
        has_heading=lambda table: _find_heading(table) is not None,
    )
    reader = _Reader(committee, people, ours, today)
    rows: list[_Row] = []
    current: _Heading | None = None
    for table in tables:
        heading = _find_heading(table)
        if heading is None:
            if current is not None and table.group == 0:
                rows.extend(_rows_of(table, -1, current))  # a page without its heading
            elif note := unheaded_note(table):
                reader.notes.append(note)
            continue
        if current is not None and heading[1].columns != current.columns:
            reader.read(rows, current)
            rows = []
        current = heading[1]
        rows.extend(_rows_of(table, heading[0], current))
    if current is None:
        raise FileError(
            source,
            [
                "has no heading row: a register needs a row of headings naming at least "
                "Surname (or Name), Description of Interest, and Interests to Declare or "
                f"the type ticked (Financial Interest, Indirect …), within its first "
                f"{HEADING_SEARCH} rows"
            ],
        )
    reader.read(rows, current)
    return RegisterPreview(
        source,
        committee.code,
        tuple(reader.interests),
        tuple(reader.nils),
        tuple(reader.problems),
        tuple(reader.notes),
        tuple(reader.outside.values()),
    )
