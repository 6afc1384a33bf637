"""Attendance over a period, per member, and the six-month rule (docs/attendance.md,
"Over a period" and "The six-month rule").

From a committee's meetings in a period (each one's attendance rows and the arrivals of
its timeline) and its seats, each person's meetings in the categories UK councils
publish: expected, present, present virtually, present as substitute, in attendance,
apologies and absent; the NHS "possible / actual" is expected / present in any mode.
And, for the members of a council, how long each councillor has gone without attending
a meeting (Local Government Act 1972 s85: six consecutive months, and they cease to be
a member of the authority).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from minutebook.domain.bodies import BodyType
from minutebook.domain.committee import Committee, Person, Seat
from minutebook.domain.dates import short_date
from minutebook.domain.meeting import (
    Attendance,
    AttendanceStatus,
    Capacity,
    Meeting,
    MeetingRecord,
    Mode,
)


class Category(StrEnum):
    """What one person's attendance at one meeting counts as."""

    PRESENT = "present"  # a member, in the room at some point
    PRESENT_VIRTUALLY = "present_virtually"  # a member, by video or telephone
    PRESENT_AS_SUBSTITUTE = "present_as_substitute"  # a deputy for another's seat
    IN_ATTENDANCE = "in_attendance"  # an officer, observer or minute taker
    APOLOGIES = "apologies"
    ABSENT = "absent"  # expected, no apologies, never in the meeting


EXPECTED = frozenset(
    {Category.PRESENT, Category.PRESENT_VIRTUALLY, Category.APOLOGIES, Category.ABSENT}
)
"""The categories of someone expected at the meeting (a member in post)."""

MARKS: dict[Category, str] = {
    Category.PRESENT: "\u2713",
    Category.PRESENT_VIRTUALLY: "V",
    Category.PRESENT_AS_SUBSTITUTE: "S",
    Category.IN_ATTENDANCE: "IA",
    Category.APOLOGIES: "A",
    Category.ABSENT: "X",
}
"""The mark each category has in a table of meetings, with its key (`MARK_KEY`)."""

MARK_KEY = (
    "\u2713 present · V present virtually · S present as substitute · IA in attendance · "
    "A apologies · A/D apologies, a deputy attended · X absent · blank: not expected"
)

COLUMN_KEY = (
    "Exp expected · Pres present · Virt present virtually · Sub present as substitute · "
    "InAtt in attendance · Apol apologies · Abs absent · Dep a deputy attended for them · "
    "Poss/Act possible / actual"
)
"""The key to the short column headings of the terminal's table and the screen's."""

MEMBERS = frozenset({Capacity.MEMBER, Capacity.PARTICIPANT})
NOT_HELD = "not held yet"
NOTHING_RECORDED = "no attendance recorded"


@dataclass(frozen=True)
class MemberAttendance:
    """One person's attendance over the period: a count per category, and the mark at
    each counted meeting (None where they were not expected nor there)."""

    person: str
    marks: tuple[Category | None, ...]
    substituted: tuple[bool, ...]
    """At each meeting: apologies or absent, and a deputy attended for their seat."""

    def count(self, category: Category) -> int:
        return sum(1 for mark in self.marks if mark is category)

    @property
    def expected(self) -> int:
        return sum(1 for mark in self.marks if mark in EXPECTED)

    @property
    def actual(self) -> int:
        """Present in any mode at a meeting they were expected at: the NHS "actual"."""
        return self.count(Category.PRESENT) + self.count(Category.PRESENT_VIRTUALLY)

    @property
    def substitutes_sent(self) -> int:
        return sum(self.substituted)

    def mark(self, index: int) -> str:
        """The mark at the index-th counted meeting: "A/D" where a deputy attended."""
        category = self.marks[index]
        if category is None:
            return ""
        return MARKS[category] + ("/D" if self.substituted[index] else "")


@dataclass(frozen=True)
class AttendanceRecord:
    """A committee's attendance over a period."""

    committee: str
    start: date | None
    end: date | None
    meetings: tuple[Meeting, ...]
    """The meetings counted, oldest first."""
    not_counted: tuple[tuple[Meeting, str], ...]
    """The meetings in the period that were not counted, each with why."""
    members: tuple[MemberAttendance, ...]
    """Those expected first (in the order of their seats), then substitutes, then
    those in attendance."""


def categorise(record: MeetingRecord, row: Attendance) -> Category | None:
    """What this row counts as at a meeting that was held (docs/attendance.md). A member
    in the meeting for part of it is present; one who said they would come and never
    arrived is absent; a deputy or officer who did not come is not counted at all."""
    attended = record.attended(row)
    if row.capacity in MEMBERS:
        if attended:
            return Category.PRESENT if row.mode is Mode.IN_PERSON else Category.PRESENT_VIRTUALLY
        return Category.APOLOGIES if row.status is AttendanceStatus.APOLOGIES else Category.ABSENT
    if not attended:
        return None
    if row.capacity is Capacity.DEPUTY:
        return Category.PRESENT_AS_SUBSTITUTE
    return Category.IN_ATTENDANCE


def why_not_counted(record: MeetingRecord, today: date) -> str | None:
    """Why a meeting does not count, or None: a meeting not held yet (dated after
    today), or one at which nobody is recorded as in the meeting (a meeting planned and
    not minuted, or cancelled: the record has nothing to count)."""
    if record.meeting.date > today:
        return NOT_HELD
    if not any(record.attended(row) for row in record.attendance):
        return NOTHING_RECORDED
    return None


def meeting_marks(record: MeetingRecord, seats: Sequence[Seat]) -> dict[str, tuple[Category, bool]]:
    """Each person's category at a held meeting, with whether a deputy attended for
    their seat. The rows say who held which seat then; a holder of one of the
    committee's seats in post on the date (`Seat.in_post_on`) with no row was summoned
    and not recorded, so is absent."""
    marks: dict[str, tuple[Category, bool]] = {}
    covered = {
        seat
        for row in record.attendance
        if row.capacity is Capacity.DEPUTY and record.attended(row)
        for seat in row.deputy_for
    }
    held: dict[str, set[str]] = {}
    for seat in seats:
        if seat.holder is not None and seat.in_post_on(record.meeting.date):
            held.setdefault(seat.holder, set()).add(seat.id)
    for row in record.attendance:
        category = categorise(record, row)
        if category is not None:
            own = set(row.seats) or held.get(row.person, set())
            away = category in (Category.APOLOGIES, Category.ABSENT)
            marks[row.person] = (category, away and bool(own & covered))
    for person, own in held.items():
        if person not in marks:
            marks[person] = (Category.ABSENT, bool(own & covered))
    return marks


def attendance_over(
    code: str,
    records: Iterable[MeetingRecord],
    seats: Sequence[Seat],
    today: date,
    start: date | None = None,
    end: date | None = None,
) -> AttendanceRecord:
    """The committee's attendance from `start` to `end` (both included; None: open),
    counting only the meetings held by `today` (`why_not_counted`)."""
    counted: list[tuple[Meeting, dict[str, tuple[Category, bool]]]] = []
    skipped: list[tuple[Meeting, str]] = []
    for record in sorted(records, key=lambda r: (r.meeting.date, r.meeting.time or "")):
        day = record.meeting.date
        if (start is not None and day < start) or (end is not None and day > end):
            continue
        reason = why_not_counted(record, today)
        if reason is None:
            counted.append((record.meeting, meeting_marks(record, seats)))
        else:
            skipped.append((record.meeting, reason))
    people = dict.fromkeys(person for _, marks in counted for person in marks)
    members = [
        MemberAttendance(
            person,
            tuple(marks[person][0] if person in marks else None for _, marks in counted),
            tuple(marks[person][1] if person in marks else False for _, marks in counted),
        )
        for person in people
    ]
    seat_order = {seat.holder: n for n, seat in reversed(list(enumerate(seats))) if seat.holder}
    first_seen = {person: n for n, person in enumerate(people)}

    def order(member: MemberAttendance) -> tuple[int, int, int]:
        group = 0 if member.expected else 1 if member.count(Category.PRESENT_AS_SUBSTITUTE) else 2
        return group, seat_order.get(member.person, len(seats)), first_seen[member.person]

    return AttendanceRecord(
        code,
        start,
        end,
        tuple(meeting for meeting, _ in counted),
        tuple(skipped),
        tuple(sorted(members, key=order)),
    )


# -- the six-month rule (Local Government Act 1972 s85) -------------------------------

COUNCIL_BODIES = frozenset({BodyType.PRINCIPAL_COUNCIL, BodyType.PARISH_COUNCIL})
WARNING_DAYS = 28
"""How long before the six months end a councillor is warned: four weeks, time for the
secretary to tell them, or for the council to approve a reason for their absence."""


class SixMonthState(StrEnum):
    FINE = "fine"
    APPROACHING = "approaching"
    PASSED = "passed"


def months_after(day: date, months: int) -> date:
    """The same day `months` later; the month's last day where it is shorter (31 August
    plus six months is 28 or 29 February)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class SixMonths:
    """Where one councillor stands: the date the six months run from, when they end."""

    person: str
    last_attended: date | None
    since: date
    """The last attendance; with none, the day they took their seat, or the first
    meeting in the file (`known` False: they may have attended before it)."""
    known: bool
    ends: date
    state: SixMonthState

    def words(self, name: str) -> str:
        """ "Councillor Peter Marland last attended on 12/03/2026; six months end
        12/09/2026", `name` as the attendance table gives it."""
        verb = "ended" if self.state is SixMonthState.PASSED else "end"
        if self.last_attended is not None:
            start = f"last attended on {short_date(self.last_attended)}"
        elif self.known:
            start = f"has not attended since taking their seat on {short_date(self.since)}"
        else:
            start = (
                "has no attendance recorded since the first meeting in the file, "
                f"{short_date(self.since)}"
            )
        return f"{name} {start}; six months {verb} {short_date(self.ends)}"


PASSED_WORDS = (
    " (passed: the seat falls vacant unless the council approved a reason for the "
    "absence before the six months ended)"
)
"""What a passed six months means (s85(1)): said, so the warning is not read as a
formality; whether a reason was approved is not in the record."""


def councillors(
    committees: Iterable[tuple[Committee, Sequence[Seat]]], today: date
) -> dict[str, date | None]:
    """The councillors the rule applies to: holders today of a seat tagged `councillor`
    on a committee of a council (`COUNCIL_BODIES`), each with the day they took their
    seat where the term says (the earliest of their seats), else None."""
    starts: dict[str, list[date | None]] = {}
    for committee, seats in committees:
        if committee.body_type not in COUNCIL_BODIES:
            continue
        for seat in seats:
            if seat.holder is not None and "councillor" in seat.tags and seat.in_post_on(today):
                starts.setdefault(seat.holder, []).append(seat.term_from)
    found: dict[str, date | None] = {}
    for person, days in starts.items():
        # A seat with no start recorded may have been held for years: no start known.
        found[person] = None if None in days else min(d for d in days if d is not None)
    return found


KEEPS_SEAT_CAPACITIES = frozenset({*MEMBERS, Capacity.DEPUTY})
"""The capacities in which attending keeps a councillor's seat: as a member, or as a
substitute member (`attended_as_member`; the store's grouped read asks the same)."""
KEEPS_SEAT_MODE = Mode.IN_PERSON
"""Remote attendance is not attendance at a meeting of an English council (Hertfordshire
CC v SSHCLG [2021] EWHC 1093 (Admin))."""


def attended_as_member(record: MeetingRecord, row: Attendance) -> bool:
    """Attendance that keeps a councillor's seat: in the room, as a member or as a
    substitute member (`KEEPS_SEAT_CAPACITIES`, `KEEPS_SEAT_MODE`); an observer attends
    no meeting as a member."""
    return (
        row.capacity in KEEPS_SEAT_CAPACITIES
        and row.mode is KEEPS_SEAT_MODE
        and record.attended(row)
    )


def last_attendances(
    people: Iterable[str], records: Iterable[MeetingRecord], today: date
) -> dict[str, date]:
    """Each person's last meeting on or before `today` at which they attended as a
    member (`attended_as_member`); those who never did are left out. The store reads the
    same in one grouped query (`Store.last_attended_as_member`) over the whole file."""
    wanted = set(people)
    last: dict[str, date] = {}
    for record in records:
        day = record.meeting.date
        if day > today:
            continue
        for row in record.attendance:
            if row.person in wanted and attended_as_member(record, row):
                last[row.person] = max(day, last.get(row.person, day))
    return last


def six_month_day(end: date | None, today: date) -> date:
    """The day the six-month rule is judged as at for a report of a period ending on
    `end`: a period already over is judged as at its end (a saved 2023/24 report says
    what stood then, not today); a current or open period, as at today."""
    return end if end is not None and end < today else today


def six_month_rule(
    people: Mapping[str, date | None],
    last: Mapping[str, date],
    today: date,
    first_day: date | None,
    warning_days: int = WARNING_DAYS,
) -> list[SixMonths]:
    """Where each councillor in `people` (from `councillors`) stands under s85 on
    `today`, from their last attendance as a member (`last`, however long ago:
    `last_attendances`), or, with none, the day they took their seat; failing both,
    `first_day`, the first meeting of the council's committees in the file (they may
    have attended before the file begins). The most urgent first. Passed: the six
    months ended before today; approaching: they end within `warning_days`."""
    standing = []
    for person, joined in people.items():
        attended = last.get(person)
        if attended is not None and attended <= today:
            since, known = attended, True
        elif joined is not None and (first_day is None or joined >= first_day):
            since, known, attended = joined, True, None
        else:
            since, known, attended = first_day or today, False, None
        ends = months_after(since, 6)
        if ends < today:
            state = SixMonthState.PASSED
        elif ends - timedelta(days=warning_days) <= today:
            state = SixMonthState.APPROACHING
        else:
            state = SixMonthState.FINE
        standing.append(SixMonths(person, attended, since, known, ends, state))
    return sorted(standing, key=lambda s: (s.ends, s.person))


# -- the record as printed --------------------------------------------------------------


def roles(records: Iterable[MeetingRecord], seats: Sequence[Seat]) -> dict[str, str]:
    """What each person was at the committee, from their latest row: the titles of the
    seats they held, "Deputy for" the seat they stood in for, or the role given to an
    officer; else the title of the seat they hold now."""
    titles = {seat.id: seat.title for seat in seats}
    found = {seat.holder: seat.title for seat in reversed(seats) if seat.holder}
    for record in sorted(records, key=lambda r: r.meeting.date):
        for row in record.attendance:
            held = [titles.get(seat, seat) for seat in row.seats]
            if row.capacity is Capacity.DEPUTY:
                words = "Deputy for " + "; ".join(titles.get(s, s) for s in row.deputy_for)
            else:
                words = "; ".join(held) or row.role or found.get(row.person, "")
            if words:
                found[row.person] = words
    return found


@dataclass(frozen=True)
class AttendanceReport:
    """The record over a period with what a table prints beside it: each person's name
    and role, and where the committee's councillors stand under the six-month rule
    (none for a committee that is not a council's)."""

    committee: Committee
    record: AttendanceRecord
    people: Mapping[str, Person]
    roles: Mapping[str, str]
    six_months: tuple[SixMonths, ...] = ()
    today: date | None = None
    six_months_on: date | None = None
    """The day the six-month rule is judged as at (`six_month_day`): the period's end
    where it is over, else today."""

    @property
    def six_month_heading(self) -> str:
        """ "Six-month rule (Local Government Act 1972 s85), as at 31/03/2024": the screen,
        the command line and the Word table say the day the rule is judged on."""
        heading = "Six-month rule (Local Government Act 1972 s85)"
        if self.six_months_on is not None:
            heading += f", as at {short_date(self.six_months_on)}"
        return heading

    def name(self, person: str) -> str:
        known = self.people.get(person)
        return known.display_name if known is not None else person

    @property
    def warnings(self) -> list[str]:
        """The councillors approaching or past the six months, in words."""
        return [
            standing.words(self.name(standing.person))
            + (PASSED_WORDS if standing.state is SixMonthState.PASSED else " (approaching)")
            for standing in self.six_months
            if standing.state is not SixMonthState.FINE
        ]
