"""A committee's attendance over a period, as a .csv and as a Word table, the
"Cumulative record of attendance (possible / actual)" NHS boards print in their annual
reports (docs/attendance.md). Both word the domain's answer (`AttendanceReport`); they
never read the database."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from minutebook.domain.attendance_record import (
    MARK_KEY,
    AttendanceReport,
    Category,
    MemberAttendance,
)
from minutebook.domain.dates import long_date, short_date
from minutebook.exporters.common import Build, new_document, set_properties
from minutebook.exporters.tables import TableWriter, ensure_table_styles, landscape

TITLE = "Cumulative record of attendance (possible / actual)"
MOST_DATES = 14
"""The most meetings a table gives a column each (A4 landscape at 10 pt); beyond, the
table gives each person's counts in the categories instead."""

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


def period_title(report: AttendanceReport) -> str:
    """ "Milton Keynes Health and Care Partnership, 1 April 2023 to 31 March 2024"."""
    record = report.record
    if record.start and record.end:
        words = f"{long_date(record.start)} to {long_date(record.end)}"
    elif record.start:
        words = f"from {long_date(record.start)}"
    elif record.end:
        words = f"meetings to {long_date(record.end)}"
    else:
        words = "all meetings"
    return f"{report.committee.name}, {words}"


def render_attendance(report: AttendanceReport, template: Path | None = None) -> Build:
    """The record as NHS boards print it in their annual report: a row per person with
    their role, a mark for each meeting (or, over many meetings, a count per category)
    and possible / actual; the key, the meetings not counted, and for a council's
    committee the councillors approaching or past six months without attending."""
    build = new_document(template, report.committee)
    landscape(build, margin_cm=1.5)
    ensure_table_styles(build)
    set_properties(build, f"{TITLE}: {period_title(report)}", "Attendance")
    build.heading(TITLE, 1)
    build.paragraph(period_title(report))
    record = report.record
    if not record.members:
        build.paragraph("No meeting in the period has attendance recorded.")
    else:
        attendance_table(build, report)
        attendance_key(build, report)
    if record.not_counted:
        skipped = "; ".join(f"{long_date(m.date)} ({why})" for m, why in record.not_counted)
        build.paragraph(f"Not counted: {skipped}.")
    if report.six_months:
        build.heading(report.six_month_heading, 2)
        for words in report.warnings or ["Every councillor has attended within six months."]:
            build.paragraph(words if words.endswith(".") else f"{words}.")
    return build


def attendance_key(build: Build, report: AttendanceReport) -> None:
    """What the table's columns and marks mean, under it."""
    build.paragraph("")  # the key apart from the table
    build.paragraph(
        "Possible: meetings the person was expected at, as a member. Actual: "
        "those they attended, in person or virtually."
    )
    if len(report.record.meetings) <= MOST_DATES:
        build.paragraph(f"Key: {MARK_KEY}.")


def attendance_table(build: Build, report: AttendanceReport) -> None:
    """The table itself, on a landscape page: the attendance export's and the annual
    report's, made here only."""
    record = report.record
    dated = len(record.meetings) <= MOST_DATES
    if dated:
        middle = [f"{m.date:%d/%m/%y}" for m in record.meetings]
        widths = [1.6] * len(middle)
    else:
        middle = HEADINGS
        widths = [2.0] * len(middle)
    headers = ["Name", "Role", *middle, "Possible / actual"]
    rest = max(27.0 - sum(widths) - 2.4, 8.0)
    table = TableWriter(build, headers, [rest * 0.42, rest * 0.58, *widths, 2.4], TITLE)
    for member in record.members:
        if dated:
            cells = [member.mark(i) for i in range(len(record.meetings))]
        else:
            cells = [str(n) for n in counts(member)]
        possible = f"{member.expected} / {member.actual}" if member.expected else "\u2013"
        table.add_row(
            [report.name(member.person), report.roles.get(member.person, ""), *cells, possible]
        )
