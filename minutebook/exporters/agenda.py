"""A meeting's agenda as a Word document, in the committee's house style.

- NHS style (seed 003, Board of the ICB, 29 July 2022): "Date / Time / Venue / Meeting"
  lines, then a table "No. | Agenda Item | Lead | Purpose", each section a row of its
  own ("Opening Actions – 10.00 – 10.25"); an item's wording under its title in the
  same cell ("Resident's Story / To discuss and agree an approach ..."). A Timings
  column only when the secretary planned an item's minutes (`domain.agenda`).
- council style (seed 001, Health and Care Partnership, 20 September 2023): the name,
  the committee's subtitle ("FORMERLY THE HEALTH AND WELLBEING BOARD"), "When:" and
  "Where:" lines, "Enquiries" with the contact, then a numbered list, each item a
  heading with its papers ("4. Integrated Care Board (ICB) Report (Pages 13 - 64)"),
  its wording beneath ("To approve, and the Chair to sign as a correct record, ...").
  The wording says what the committee is asked to do; an item without wording says its
  purpose ("For decision"). Seed 001 prints no leads, so neither does this style.

Confidential items follow the resolution to exclude the press and public
(docs/confidentiality.md: the committee's wording for its kind of body, naming the
items and their Schedule 12A paragraphs, `domain.bodies`) and are marked
"(Confidential)"; a committee that meets in private after its public business ends
every agenda with the resolution, as seed 003 does (`Committee.exclusion_on_agenda`).
A wording's lines that start "- " are printed as bullets.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from minutebook.domain.agenda import (
    AgendaSection,
    PlannedTiming,
    agenda_sections,
    planned_finish,
    planned_timings,
)
from minutebook.domain.bodies import exclusion_wording, framed, resolution
from minutebook.domain.committee import Committee, HouseStyle
from minutebook.domain.dates import long_date
from minutebook.domain.meeting import AgendaItem, Meeting, Purpose
from minutebook.exporters.common import Build, new_document, set_properties
from minutebook.exporters.tables import TableWriter, bold_text, ensure_table_styles

PURPOSES: dict[Purpose, str] = {
    Purpose.DECISION: "Decision or Approval",
    Purpose.DISCUSSION: "Discussion",
    Purpose.INFORMATION: "Information",
    Purpose.PROCEDURAL: "-",
}
"""The purposes as seed 003 prints them."""

COUNCIL_PURPOSES: dict[Purpose, str] = {
    Purpose.DECISION: "For decision",
    Purpose.DISCUSSION: "For discussion",
    Purpose.INFORMATION: "For information",
    Purpose.PROCEDURAL: "",
}

CONFIDENTIAL = "(Confidential)"
AGENDA_COLUMNS = ("No.", "Agenda Item", "Lead", "Purpose")
AGENDA_WEIGHTS = (1.2, 9, 4.5, 3.5)
TIMINGS_COLUMN, TIMINGS_WEIGHT = "Timings", 3.2
BULLET = "List Bullet"
ENQUIRIES = "Enquiries"


def render_agenda(
    committee: Committee,
    meeting: Meeting,
    agenda: Sequence[AgendaItem],
    template: Path | None = None,
    *,
    style: HouseStyle | None = None,
) -> Build:
    """The agenda of `meeting` in `style` (default: the committee's house style)."""
    style = style or committee.house_style
    build = new_document(template, committee)
    ensure_table_styles(build, size=10)
    set_properties(
        build,
        f"{committee.name}: agenda, {long_date(meeting.date)}",
        f"{committee.code} agenda {meeting.date.isoformat()}",
    )
    items = sorted(agenda, key=lambda i: i.number)
    public = [i for i in items if not i.confidential]
    private = [i for i in items if i.confidential]
    if not items:
        build.warnings.append("the meeting has no agenda items")
    times = planned_timings(meeting, items)
    if style is HouseStyle.NHS:
        _nhs(build, committee, meeting, items, times)
    else:
        _council(build, committee, meeting, public, times)
    if private or committee.exclusion_on_agenda:
        _exclusion(build, committee, style, private)
        if style is HouseStyle.NHS:
            _nhs_table(build, private, times, "Agenda: confidential items")
        else:
            _council_items(build, private, times)
    return build


def _exclusion(
    build: Build, committee: Committee, style: HouseStyle, private: list[AgendaItem]
) -> None:
    """The resolution excluding the press and public, in the committee's wording for its
    kind of body (`domain.bodies`), naming the confidential items that follow."""
    wording = exclusion_wording(committee.body_type, committee.exclusion_wording)
    passed = resolution(wording, private)
    if (warning := passed.warning()) is not None:
        build.warnings.append(warning)
    if style is HouseStyle.NHS:
        build.heading("Resolution to exclude members of the press and public", 2)
        build.paragraph(framed(f"The {committee.name} resolves", passed.text))
    else:
        build.heading("Exclusion of the Press and Public", 2)
        build.paragraph(framed("To resolve", passed.text))


def _enquiries(build: Build, committee: Committee) -> None:
    if committee.enquiries:
        build.heading(ENQUIRIES, 2)
        build.paragraph(committee.enquiries)


def _nhs(
    build: Build,
    committee: Committee,
    meeting: Meeting,
    items: list[AgendaItem],
    times: dict[int, PlannedTiming],
) -> None:
    build.heading(committee.name, 1)
    if committee.agenda_subtitle:
        build.paragraph(committee.agenda_subtitle, bold=True)
    when = f"Date: {long_date(meeting.date)}"
    if meeting.time:
        finish = meeting.planned_end or planned_finish(meeting, items)
        when += f"    Time: {meeting.time}" + (f" to {finish}" if finish else "")
    build.paragraph(when)
    if meeting.venue:
        build.paragraph(f"Venue: {meeting.venue}")
    session = "in Public" if meeting.session.value == "public" else "in Private"
    build.paragraph(f"Meeting: {committee.name} {session}")
    _enquiries(build, committee)
    build.heading("Agenda", 2)
    _nhs_table(build, [i for i in items if not i.confidential], times, "Agenda")


def _nhs_table(
    build: Build,
    items: list[AgendaItem],
    times: dict[int, PlannedTiming],
    caption: str,
) -> None:
    if not items:
        return
    timed = any(item.number in times for item in items)
    columns = AGENDA_COLUMNS + ((TIMINGS_COLUMN,) if timed else ())
    weights = AGENDA_WEIGHTS + ((TIMINGS_WEIGHT,) if timed else ())
    writer = TableWriter(build, columns, weights, caption)
    for section in agenda_sections(items):
        heading = section_heading(section)
        if heading:
            cells = writer.add_row((heading,) + ("",) * (len(columns) - 1))
            bold_text(cells[0].merge(cells[-1]))
        for item in section.items:
            title = item.title
            if item.paper:
                title += f" ({item.paper})"
            if item.confidential:
                title += f" {CONFIDENTIAL}"
            row = [f"{item.number}.", title, item.lead or "", PURPOSES[item.purpose]]
            if timed:
                row.append(timing_words(times.get(item.number)))
            cells = writer.add_row(row)
            _wording(build, item.description, cells[1])


def section_heading(section: AgendaSection) -> str | None:
    """The line that opens a section, as seed 003 prints it ("Opening Actions – 10.00 –
    10.25"); None for the items before the first section."""
    if section.title is None:
        return None
    band = " – ".join(_dotted(t) for t in (section.starts, section.ends) if t)
    return f"{section.title} – {band}" if band else section.title


def timing_words(timing: PlannedTiming | None) -> str:
    """An item's planned timing: "10:00 – 10:15", or its length alone ("15 minutes")
    when its start is not known; nothing for an item the secretary did not plan."""
    if timing is None:
        return ""
    if timing.starts and timing.ends:
        return f"{timing.starts} – {timing.ends}"
    return f"{timing.minutes} minute{'s' if timing.minutes != 1 else ''}"


def _dotted(time: str) -> str:
    """A section's time as the seed prints it ("10.25")."""
    return time.replace(":", ".")


def _wording(build: Build, description: str | None, cell: Any) -> None:
    """The item's wording under its title in the cell: a paragraph a line, a line that
    starts "- " a bullet."""
    text_style = cell.paragraphs[0].style
    for line in _lines(description):
        bullet = line.startswith("- ")
        paragraph = cell.add_paragraph(
            line[2:].strip() if bullet else line,
            build.style(BULLET) if bullet else text_style,
        )
        paragraph.paragraph_format.space_after = 0
        if bullet:  # the list style's size is the body's: keep the table's
            for run in paragraph.runs:
                run.font.size = text_style.font.size


def _lines(description: str | None) -> list[str]:
    return [line.strip() for line in (description or "").splitlines() if line.strip()]


def _council(
    build: Build,
    committee: Committee,
    meeting: Meeting,
    public: list[AgendaItem],
    times: dict[int, PlannedTiming],
) -> None:
    build.heading(committee.name.upper(), 1)
    if committee.agenda_subtitle:
        build.paragraph(committee.agenda_subtitle.upper(), bold=True)
    when = f"When: {meeting.date:%A} {long_date(meeting.date)}"
    if meeting.time:
        when += f" at {meeting.time}"
    build.paragraph(when)
    if meeting.venue:
        build.paragraph(f"Where: {meeting.venue}")
    _enquiries(build, committee)
    build.heading("Agenda", 2)
    _council_items(build, public, times)


def _council_items(build: Build, items: list[AgendaItem], times: dict[int, PlannedTiming]) -> None:
    sections = agenda_sections(items)
    level = 4 if any(section.title for section in sections) else 3
    for section in sections:
        heading = section_heading(section)
        if heading:
            build.heading(heading, 3)
        for item in section.items:
            _council_item(build, item, times.get(item.number), level)


def _council_item(build: Build, item: AgendaItem, timing: PlannedTiming | None, level: int) -> None:
    heading = f"{item.number}. {item.title}"
    if item.paper:
        heading += f" ({item.paper})"
    if item.confidential:
        heading += f" {CONFIDENTIAL}"
    build.heading(heading, level)
    lines = _lines(item.description)
    for number, line in enumerate(lines, start=1):
        bullet = line.startswith("- ")
        paragraph = build.paragraph(
            line[2:].strip() if bullet else line, BULLET if bullet else "Normal"
        )
        if number < len(lines):  # the lines of one wording stay together
            paragraph.paragraph_format.space_after = 0
    # Seed 001 prints no purpose beside a wording (it says what is asked) and no lead.
    details = [] if item.description else [COUNCIL_PURPOSES[item.purpose]]
    if timing is not None:
        details.append(timing_words(timing))
    details = [d for d in details if d]
    if details:
        build.paragraph(". ".join(details))
