"""A committee's attendance over a period (docs/attendance.md): each person's meetings
in the categories councils publish, with possible / actual, the meetings not counted,
and, for a council's committee, the councillors approaching or past six months without
attending. Reached with `n` on the committee screen, or "Attendance" in the palette.

It only reads: the record is `application.attendance.attendance_report`'s, worded by
the same functions as `minutebook attendance`; no rule is decided here."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from minutebook.application.attendance import attendance_report
from minutebook.domain.attendance_record import COLUMN_KEY, AttendanceReport
from minutebook.domain.dates import short_date
from minutebook.exporters.attendance import counts, period_words
from minutebook.tui.commands import PaletteCommand
from minutebook.tui.widgets.period_form import period_form
from minutebook.tui.widgets.save_files import SaveFiles
from minutebook.tui.widgets.tables import ListTable

if TYPE_CHECKING:
    from minutebook.tui.app import MinutebookApp

# Each figure column as wide as its heading, so that the table with its padding and
# scroll bar fits 80 columns, Poss/Act included (longer names are cut with "…").
COLUMNS = (
    ("Name", 21),
    *(
        (label, len(label))
        for label in ("Exp", "Pres", "Virt", "Sub", "InAtt", "Apol", "Abs", "Dep")
    ),
    ("Poss/Act", 8),
)


class AttendanceScreen(Screen[None]):
    """The attendance of one committee over a period (all its meetings at first)."""

    HELP_TEXT = """## Attendance

Each person's meetings over the period: **Exp**ected (a member in post), **Pres**ent,
present **Virt**ually, present as **Sub**stitute (a deputy for another's seat), **In
Att**endance (officers, observers), **Apol**ogies, **Abs**ent, how many of their
apologies or absences had a **Dep**uty attend for them, and possible / actual as NHS
boards print it (the key is under the table). The line under it shows the highlighted
person's role and mark at each meeting. Only meetings held with attendance recorded
count; the others are named. For a council's committee, the last lines warn of
councillors approaching or past six months without attending (Local Government Act 1972
s85), as at the period's end where it is over, else today; Tab to them to scroll when
more than fit. `p` chooses the period (blank: open). `s` saves the record shown as the
Word table NHS boards print ("Cumulative record of attendance (possible / actual)") and
as a .csv, into a folder you choose. The same record is `minutebook attendance` and
`minutebook export attendance`."""

    DEFAULT_CSS = """
    AttendanceScreen #attendance-table { height: 1fr; }
    AttendanceScreen #attendance-table { min-height: 4; }
    AttendanceScreen #attendance-key { height: auto; color: $text-muted; }
    AttendanceScreen #attendance-detail { height: 3; border-top: solid $primary; }
    AttendanceScreen #attendance-meetings { height: 1; }
    AttendanceScreen #attendance-rule { height: auto; max-height: 5; }
    AttendanceScreen #attendance-six-months { height: auto; color: $warning; }
    """

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="attendance.back"),
        Binding("p", "period", "Period", id="attendance.period"),
        Binding("s", "save", "Save", id="attendance.save"),
    ]

    app: MinutebookApp

    def __init__(self, code: str) -> None:
        super().__init__()
        self.code = code
        self.start: date | None = None
        self.end: date | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="attendance-title", classes="screen-title")
        yield Static("", id="attendance-meetings")
        yield ListTable(id="attendance-table", cursor_type="row", zebra_stripes=True)
        # The short headings' key, as the command line prints under its table.
        yield Static(COLUMN_KEY, id="attendance-key")
        yield Static("", id="attendance-detail")
        # A warning a line, wrapped; more than fit scroll (a council has many councillors).
        with VerticalScroll(id="attendance-rule"):
            yield Static("", id="attendance-six-months")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one("#attendance-table", DataTable)
        for label, width in COLUMNS:
            table.add_column(label, width=width)
        self.show()
        table.focus()

    def show(self) -> None:
        today = self.app.clock().date()
        report = attendance_report(self.app.store, self.code, today, self.start, self.end)
        self.report = report
        record = report.record
        self.query_one("#attendance-title", Static).update(
            f"Attendance of the {report.committee.code}, {period_words(report)}"
        )
        counted = ", ".join(short_date(m.date) for m in record.meetings) or "none"
        line = f"Meetings counted: {counted}"
        if record.not_counted:
            line += "; not counted: " + ", ".join(
                f"{short_date(m.date)} ({why})" for m, why in record.not_counted
            )
        self.query_one("#attendance-meetings", Static).update(
            Text(line, no_wrap=True, overflow="ellipsis")
        )
        table = self.query_one("#attendance-table", DataTable)
        table.clear()
        for member in record.members:
            name = Text(report.name(member.person), no_wrap=True, overflow="ellipsis")
            cells = [*map(str, counts(member)), f"{member.expected}/{member.actual}"]
            table.add_row(name, *cells, key=member.person)
        if not record.members:
            self.query_one("#attendance-detail", Static).update(
                "No meeting in the period has attendance recorded."
            )
        self.query_one("#attendance-six-months", Static).update(six_month_lines(report))

    @on(DataTable.RowHighlighted, "#attendance-table")
    def _detail(self, event: DataTable.RowHighlighted) -> None:
        """The highlighted person's role and their mark at each meeting counted."""
        person = str(event.row_key.value)
        report = self.report
        member = next((m for m in report.record.members if m.person == person), None)
        if member is None:
            return
        marks = " · ".join(
            f"{short_date(meeting.date)} {member.mark(i) or '-'}"
            for i, meeting in enumerate(report.record.meetings)
        )
        role = report.roles.get(person) or "no role recorded"
        self.query_one("#attendance-detail", Static).update(
            f"{report.name(person)}: {role}.\n{marks}"
        )

    def action_period(self) -> None:
        def chosen(start: date | None, end: date | None) -> None:
            self.start, self.end = start, end

        form = period_form("Attendance over a period", self.start, self.end, chosen)
        self.app.push_screen(form, lambda shown: self.show() if shown else None)

    def action_save(self) -> None:
        """The record shown, as a Word table and a .csv, with the same builders as
        `minutebook export attendance` and `attendance --csv`."""
        report = self.report
        last = report.record.end or report.today or self.app.clock().date()
        stem = f"{report.committee.code} attendance {last.isoformat()}"  # as the CLI names it
        SaveFiles(self, stem, [".docx", ".csv"], self._prepare).ask(
            "Save the attendance as Word and .csv"
        )

    def _prepare(self, targets: list[Path]) -> Callable[[], None]:
        from minutebook.exporters.attendance import attendance_csv, render_attendance
        from minutebook.exporters.common import committee_template, save_document
        from minutebook.exporters.output import write_text

        report, database = self.report, self.app.database.path
        document, table = targets
        build = render_attendance(report, committee_template(report.committee))
        text = attendance_csv(report)

        def write() -> None:
            save_document(build, document, overwrite=False, database=database)
            write_text(table, text, database=database)

        return write

    def palette_commands(self) -> list[PaletteCommand]:
        return [
            (
                "Attendance period (p)",
                "Show the attendance from one date to another",
                self.action_period,
            ),
            ("Save attendance (s)", "As a Word table and a .csv", self.action_save),
        ]


def six_month_lines(report: AttendanceReport) -> str:
    """The six-month rule's heading (with the day it is judged as at) and a line per
    warning, for a council's committee; nothing for another body."""
    if not report.six_months:
        return ""
    warnings = report.warnings or ["every councillor has attended within six months"]
    heading = report.six_month_heading
    if len(warnings) > 2:  # more than the panel shows at 80x24: say so, and how to read them
        heading += f", {len(warnings)} councillors (Tab, then \u2193, to read each)"
    return "\n".join([f"{heading}:", *warnings])
