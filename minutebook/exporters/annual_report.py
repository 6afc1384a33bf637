"""A committee's annual report to its parent body (docs/exports.md, "The annual report"),
in its house style: the meetings held and whether each was quorate, the decisions and
recommendations made in public business, the register's returns, the compliance with
the terms of reference, and the cumulative record of attendance as an appendix on a
landscape page (the attendance export's own table, `attendance.attendance_table`).

- **NHS** (seed 003's board papers): numbered sections, and tables where the board
  papers use them: the meetings (Date | Quorate | Minutes), the decisions (Date | No. |
  Item | Decision) and the compliance (Measure | Position).
- **Council** (seed 001): numbered paragraphs (1.1, 1.2 …) in prose; each decision under
  its minute number and item title, "RESOLVED – That …", as council minutes print them.

Everything printed is decided by the domain (`AnnualReport`); this module words it and
never reads the database.
"""

from __future__ import annotations

from pathlib import Path

from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.shared import Cm

from minutebook.domain.annual_report import AnnualReport
from minutebook.domain.committee import HouseStyle
from minutebook.domain.compliance import DecisionTaken, HeldMeeting, figures
from minutebook.domain.dates import long_date, short_date
from minutebook.domain.lifecycle import lifecycle_stage
from minutebook.exporters.attendance import TITLE as ATTENDANCE_TITLE
from minutebook.exporters.attendance import attendance_key, attendance_table
from minutebook.exporters.common import Build, join, new_document, set_properties
from minutebook.exporters.tables import TableWriter, ensure_table_styles

SECTIONS = (
    "Introduction",
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


def quorate_words(held: HeldMeeting) -> str:
    return {True: "Quorate throughout", False: "Inquorate at some point", None: "Not known"}[
        held.quorate_throughout
    ]


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

    def bullets(self, lines: list[str]) -> None:
        for line in lines:
            self.build.paragraph(line, "List Bullet")

    # -- the sections ---------------------------------------------------------------------

    def introduction(self) -> None:
        report = self.report
        committee = report.committee
        self.heading(SECTIONS[0])
        to = f" to {committee.parent_body}" if committee.parent_body else ""
        self.say(
            f"This report sets out the work of the {committee.name}{to} in the "
            f"{report.year_words}, from {long_date(report.start)} to {long_date(report.end)}: "
            "the meetings it held and who attended them, the decisions and recommendations "
            "it made, the returns to its register of interests, and how it met its terms "
            "of reference."
        )

    def meetings(self) -> None:
        held = self.report.compliance.held
        self.heading(SECTIONS[1])
        self.say(
            self.report.compliance.frequency_words[:1].upper()
            + self.report.compliance.frequency_words[1:]
            + "."
        )
        if self.nhs and held:
            table = TableWriter(
                self.build, ["Date", "Quorate", "Minutes"], [3, 4, 4], "Meetings held"
            )
            for meeting in held:
                table.add_row(
                    [
                        long_date(meeting.meeting.date),
                        quorate_words(meeting),
                        _capital(lifecycle_stage(meeting.meeting)),
                    ]
                )
            self.build.paragraph("")
        elif held:
            self.bullets(
                [
                    f"{long_date(m.meeting.date)}: {quorate_words(m).lower()}; minutes "
                    f"{lifecycle_stage(m.meeting)}"
                    for m in held
                ]
            )
        not_held = self.report.compliance.not_held
        if not_held:
            self.say(
                "Not counted as held: "
                + "; ".join(f"{long_date(m.date)} ({why})" for m, why in not_held)
                + "."
            )
        self.say(
            f"The {ATTENDANCE_TITLE[0].lower()}{ATTENDANCE_TITLE[1:]} of each member is in "
            "the appendix."
        )

    def decisions(self) -> None:
        report = self.report
        decisions = report.public_decisions
        self.heading(SECTIONS[2])
        recommended = len(report.recommendations)
        parent = report.committee.parent_body or "its parent body"
        self.say(
            f"In the year it made {len(decisions)} decision{'s' if len(decisions) != 1 else ''} "
            f"in public business"
            + (f", {recommended} of them recommendations to {parent}" if recommended else "")
            + "."
            + (
                f" {report.private_decisions} made in confidential business "
                + ("is" if report.private_decisions == 1 else "are")
                + " not listed."
                if report.private_decisions
                else ""
            )
        )
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
                    table.add_row(
                        [*where, first.item_title, d.words] if n == 0 else ["", "", "", d.words]
                    )
            self.build.paragraph("")
            return
        for key, group in _by_minute(decisions):
            first = group[0]
            self.build.paragraph(
                f"{key} {first.item_title} ({long_date(first.meeting.date)})", bold=True
            )
            for d in group:
                verb, _, text = d.words.partition(": ")
                self.build.paragraph(f"{verb} – {text}")

    def compliance(self) -> None:
        report = self.report
        compliance = report.compliance
        self.heading(SECTIONS[3])
        rows = figures(compliance)
        if self.nhs:
            table = TableWriter(self.build, ["Measure", "Position"], [4, 12], "Compliance")
            for measure, position in rows:
                table.add_row([measure, _capital(position)])
            self.build.paragraph("")
        else:
            for measure, position in rows:
                self.say(f"{measure}: {position}.")
        details = [
            *(f"Taken while inquorate: {_shown(d)}" for d in compliance.inquorate),
            *(f"By Chair's action: {_shown(d)}" for d in compliance.chairs_action),
            *(
                f"The minutes of {long_date(m.date)}: {words}"
                for m, words in compliance.late_minutes
            ),
        ]
        for label, actions in (
            (f"Overdue on {long_date(compliance.as_at)}", compliance.overdue),
            ("Escalated", compliance.escalated),
        ):
            if actions:
                numbers = join([str(a.number or "-") for a in actions])
                details.append(f"{label}: action{'s' if len(actions) > 1 else ''} {numbers}")
        self.bullets(details)

    def register(self) -> None:
        report = self.report
        returns = report.returns
        self.heading(SECTIONS[4])
        if not returns.kept:
            self.say(f"The {report.committee.name} keeps no register of interests in this record.")
            return

        def names(ids: tuple[str, ...]) -> str:
            return join([report.name(p) for p in ids]) if ids else "none"

        made = len(returns.interests) + len(returns.nil)
        total = made + len(returns.missing)
        self.say(f"{made} of {total} members made a return to the register in the year.")
        self.bullets(
            [
                f"Interests declared: {names(returns.interests)}",
                f"Nil returns: {names(returns.nil)}",
                f"No return made: {names(returns.missing)}",
            ]
        )

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


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _by_minute(decisions: tuple[DecisionTaken, ...]) -> list[tuple[str, list[DecisionTaken]]]:
    """The decisions grouped by their minute (its number, else "Item n of <date>")."""
    groups: dict[tuple[object, int], list[DecisionTaken]] = {}
    for d in decisions:
        groups.setdefault((d.meeting.id or d.meeting.date, d.item), []).append(d)
    return [(g[0].minute or f"Item {g[0].item}", g) for g in groups.values()]


def _shown(decision: DecisionTaken) -> str:
    """A flagged decision as a public report may show it: under a confidential item,
    its place only."""
    if decision.confidential:
        return f"{decision.place} (confidential business)"
    return f"{decision.place}, {decision.words}"


def _landscape_section(build: Build) -> None:
    """A new section on a new page, the same paper turned landscape, 1.5 cm margins."""
    previous = build.document.sections[-1]
    width, height = previous.page_width, previous.page_height
    section = build.document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    if width is not None and height is not None and width < height:
        section.page_width, section.page_height = height, width
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))


def render_annual_report(report: AnnualReport, template: Path | None = None) -> Build:
    """The committee's annual report for its year, in its house style."""
    build = new_document(template, report.committee)
    ensure_table_styles(build)
    set_properties(build, report_title(report), "Annual report")
    build.heading(report_title(report), 1)
    build.paragraph(
        f"{_capital(report.year_words)}: {long_date(report.start)} to {long_date(report.end)}"
    )
    writer = _Writer(build, report)
    writer.introduction()
    writer.meetings()
    writer.decisions()
    writer.compliance()
    writer.register()
    writer.appendix()
    return build
