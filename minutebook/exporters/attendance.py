"""A committee's attendance over a period, as a .csv and as a Word table, the
"Cumulative record of attendance (possible / actual)" NHS boards print in their annual
reports (docs/attendance.md). Both word the domain's answer (`AttendanceReport`); they
never read the database."""

from __future__ import annotations

import csv
import io

from minutebook.domain.attendance_record import AttendanceReport, Category, MemberAttendance
from minutebook.domain.dates import short_date

COUNTS: tuple[tuple[str, Category | None], ...] = (
    ("Present", Category.PRESENT),
    ("Present virtually", Category.PRESENT_VIRTUALLY),
    ("Present as substitute", Category.PRESENT_AS_SUBSTITUTE),
    ("In attendance", Category.IN_ATTENDANCE),
    ("Apologies", Category.APOLOGIES),
    ("Absent", Category.ABSENT),
)
"""The columns counted after Expected, in the order councils publish them."""


def counts(member: MemberAttendance) -> list[int]:
    """Expected, then each of `COUNTS`, then the apologies and absences at which a
    deputy attended for them."""
    return [
        member.expected,
        *(member.count(category) for _, category in COUNTS if category is not None),
        member.substitutes_sent,
    ]


HEADINGS = ["Expected", *(label for label, _ in COUNTS), "Deputy attended"]


def period_words(report: AttendanceReport) -> str:
    """ "from 01/04/2023 to 31/03/2024", "to 31/03/2024", or "all meetings"."""
    record = report.record
    if record.start and record.end:
        return f"from {short_date(record.start)} to {short_date(record.end)}"
    if record.start:
        return f"from {short_date(record.start)}"
    if record.end:
        return f"to {short_date(record.end)}"
    return "all meetings"


def attendance_csv(report: AttendanceReport) -> str:
    """One line per person: name, role, the counts, possible / actual, and the mark at
    each meeting counted (a column per meeting date)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    dates = [short_date(m.date) for m in report.record.meetings]
    writer.writerow(["Name", "Role", *HEADINGS, "Possible / actual", *dates])
    for member in report.record.members:
        writer.writerow(
            [
                report.name(member.person),
                report.roles.get(member.person, ""),
                *counts(member),
                f"{member.expected} / {member.actual}",
                *(member.mark(i) for i in range(len(dates))),
            ]
        )
    return out.getvalue()
