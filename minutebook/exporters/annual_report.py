"""A committee's annual report to its parent body (docs/exports.md, "The annual report"),
in its house style: a summary, the meetings held and whether each was quorate, the
decisions and recommendations made in public business, the compliance with the terms of
reference (the overdue actions named in a table), the register's returns, and the
cumulative record of attendance as an appendix on a landscape page (the attendance
export's own table, `attendance.attendance_table`); marked DRAFT while the report is one
(`AnnualReport.is_draft`).

- **NHS** (seed 003's board papers): numbered sections, and tables where the board
  papers use them: the meetings (Date | Quorate | Minutes), the decisions (Date | No. |
  Item | Decision) and the compliance (Measure | Position).
- **Council** (seed 001): numbered paragraphs (1.1, 1.2 …) throughout; each decision a
  paragraph under its minute number and item title, "RESOLVED – That …", as council
  minutes print them.

Every sentence printed is worded by the domain (`AnnualReport`); this module lays it out
and never reads the database.
"""

from __future__ import annotations

from pathlib import Path

from docx.enum.section import WD_SECTION
from docx.shared import Cm

from minutebook.domain.annual_report import AnnualReport, as_reported
from minutebook.domain.committee import HouseStyle
from minutebook.domain.compliance import DecisionTaken
from minutebook.domain.dates import long_date, short_date
from minutebook.exporters.attendance import TITLE as ATTENDANCE_TITLE
from minutebook.exporters.attendance import attendance_key, attendance_table
from minutebook.exporters.common import Build, mark_pages, new_document, set_properties
from minutebook.exporters.tables import TableWriter, ensure_table_styles, turn_landscape

SECTIONS = (
    "Summary",
    "Meetings held",
    "Decisions and recommendations",
    "Compliance with the terms of reference",
    "Register of interests",
)


def report_title(report: AnnualReport) -> str:
    """ "Milton Keynes Health and Care Partnership: Annual Report 2023/24"."""
    return f"{report.committee.name}: Annual Report {report.label}"


def report_file_name(report: AnnualReport) -> str:
    """ "ICB annual report 2022-23.docx": the default name, without a slash."""
    return f"{report.committee.code} annual report {report.label.replace('/', '-')}.docx"


class _Writer:
    """One report being written: its numbered sections and paragraphs."""

    def __init__(self, build: Build, report: AnnualReport) -> None:
        self.build = build
        self.report = report
        self.nhs = report.committee.house_style is HouseStyle.NHS
        self.section = 0
        self.point = 0

    def heading(self, text: str) -> None:
        self.section += 1
        self.point = 0
        self.build.heading(f"{self.section}. {text}", 2)

    def say(self, text: str) -> None:
        """A paragraph: numbered 1.1, 1.2 in the council style (seed 001's reports)."""
        if self.nhs:
            self.build.paragraph(text)
            return
        self.point += 1
        paragraph = self.build.paragraph(f"{self.section}.{self.point}\t{text}")
        # The number hangs in the margin, the text aligned after it.
        layout = paragraph.paragraph_format
        layout.left_indent, layout.first_line_indent = Cm(1.0), Cm(-1.0)
        layout.tab_stops.add_tab_stop(Cm(1.0))

    # -- the sections ---------------------------------------------------------------------

    def summary(self) -> None:
        self.heading(SECTIONS[0])
        self.say(self.report.summary)
        self.say(self.report.introduction)

    def meetings(self) -> None:
        report = self.report
        held = report.compliance.held
        self.heading(SECTIONS[1])
        for sentence in report.meetings_words:
            self.say(sentence)
        if self.nhs and held:
            table = TableWriter(
                self.build, ["Date", "Quorate", "Minutes"], [3, 4, 4], "Meetings held"
            )
            for meeting in held:
                table.add_row(
                    [
                        long_date(meeting.meeting.date),
                        report.quorum_state(meeting),
                        report.minutes_state(meeting),
                    ]
                )
            self.build.paragraph("")
        if held:
            self.say(
                f"The {ATTENDANCE_TITLE[0].lower()}{ATTENDANCE_TITLE[1:]} of each member is "
                "in the appendix."
            )

    def decisions(self) -> None:
        report = self.report
        decisions = report.public_decisions
        self.heading(SECTIONS[2])
        self.say(report.decisions_words)
        if not decisions:
            return
        if self.nhs:
            table = TableWriter(
                self.build, ["Date", "No.", "Item", "Decision"], [2.2, 1.2, 4.5, 8], "Decisions"
            )
            # The date, number and item once per item, blank below (as seed 003's minutes
            # leave the No. cell blank below an item's first row).
            for _key, group in _by_minute(decisions):
                first = group[0]
                where = [short_date(first.meeting.date), first.minute or str(first.item)]
                for n, d in enumerate(group):
                    words = f"{d.decision.verb.value}: {as_reported(d.decision.text)}"
                    table.add_row(
                        [*where, first.item_title, words] if n == 0 else ["", "", "", words]
                    )
            self.build.paragraph("")
            return
        # Council style: each decision a numbered paragraph under its minute number and
        # item, "RESOLVED – That …" as the council's minutes print it.
        for key, group in _by_minute(decisions):
            first = group[0]
            minute = f"Minute {key}, {first.item_title} ({long_date(first.meeting.date)})"
            for d in group:
                self.say(f"{minute}: {d.decision.verb.value} – {as_reported(d.decision.text)}")

    def compliance(self) -> None:
        report = self.report
        self.heading(SECTIONS[3])
        rows = report.compliance_words
        if self.nhs:
            table = TableWriter(self.build, ["Measure", "Position"], [4, 12], "Compliance")
            for measure, position in rows:
                table.add_row([measure, position])
            self.build.paragraph("")
        else:
            for _measure, position in rows:
                self.say(position)
        overdue = report.overdue
        if overdue:
            table = TableWriter(
                self.build,
                ["No.", "Action", "Owner", "Deadline"],
                [1.2, 9, 3.5, 2.5],
                "Overdue actions",
            )
            for action in overdue:
                table.add_row(
                    [
                        action.number,
                        action.words or "Agreed in confidential business",
                        action.owner,
                        short_date(action.due) if action.due else "–",
                    ]
                )
            self.build.paragraph("")

    def register(self) -> None:
        said = self.report.register_words
        if said is None:  # no register kept here: the section is left out
            return
        self.heading(SECTIONS[4])
        for sentence in said:
            self.say(sentence)

    def appendix(self) -> None:
        """The attendance table on a landscape page of its own (its dated columns need
        the width), then the key."""
        _landscape_section(self.build)
        self.build.heading(f"Appendix: {ATTENDANCE_TITLE}", 2)
        attendance = self.report.attendance
        if not attendance.record.members:
            self.build.paragraph("No meeting in the year has attendance recorded.")
            return
        attendance_table(self.build, attendance)
        attendance_key(self.build, attendance)


def _by_minute(decisions: tuple[DecisionTaken, ...]) -> list[tuple[str, list[DecisionTaken]]]:
    """The decisions grouped by their minute (its number, else "Item n of <date>")."""
    groups: dict[tuple[object, int], list[DecisionTaken]] = {}
    for d in decisions:
        groups.setdefault((d.meeting.id or d.meeting.date, d.item), []).append(d)
    return [(g[0].minute or f"Item {g[0].item}", g) for g in groups.values()]


def _landscape_section(build: Build) -> None:
    """A new section on a new page, the same paper turned landscape, 1.5 cm margins."""
    turn_landscape(build.document.add_section(WD_SECTION.NEW_PAGE), margin_cm=1.5)


def render_annual_report(report: AnnualReport, template: Path | None = None) -> Build:
    """The committee's annual report for its year, in its house style."""
    build = new_document(template, report.committee)
    ensure_table_styles(build)
    set_properties(build, report_title(report), "Annual report")
    build.heading(report_title(report), 1)
    build.paragraph(report.title_line)
    build.paragraph(report.author, italic=True)
    if report.contact:
        build.paragraph(report.contact, italic=True)
    if report.is_draft:
        mark_pages(build, public=True, approved=False)
    writer = _Writer(build, report)
    writer.summary()
    writer.meetings()
    writer.decisions()
    writer.compliance()
    writer.register()
    writer.appendix()
    return build
