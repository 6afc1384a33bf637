"""A meeting's agenda as a Word document, in the committee's house style.

- NHS style (seed 003, Board of the ICB, 29 July 2022): "Date / Time / Venue / Meeting"
  lines, then a table "No. | Agenda Item | Lead | Purpose | Timings", the timings worked
  out from the start time and each item's planned minutes; an item's wording under its
  title in the same cell ("Resident's Story / To discuss and agree an approach ...").
- council style (seed 001, Health and Care Partnership, 20 September 2023): "When:" and
  "Where:" lines, then a numbered list, each item a heading, its wording beneath ("To
  approve, and the Chair to sign as a correct record, the Minutes of the meeting ..."),
  then its papers ("Pages 13 - 64"), lead and purpose.

Confidential items follow the resolution to exclude the press and public
(docs/confidentiality.md, with the Act the house style uses) and are marked "(Confidential)".
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path

from minutebook.domain.committee import Committee, HouseStyle
from minutebook.domain.dates import long_date
from minutebook.domain.meeting import AgendaItem, Meeting, Purpose
from minutebook.exporters.common import PRIVATE_SESSION_NHS, Build, new_document, set_properties
from minutebook.exporters.tables import TableWriter, ensure_table_styles

PURPOSES: dict[Purpose, str] = {
    Purpose.DECISION: "Decision or Approval",
    Purpose.DISCUSSION: "Discussion",
    Purpose.INFORMATION: "Information",
}
"""The purposes as seed 003 prints them."""

COUNCIL_PURPOSES: dict[Purpose, str] = {
    Purpose.DECISION: "For decision",
    Purpose.DISCUSSION: "For discussion",
    Purpose.INFORMATION: "For information",
}

NHS_EXCLUSION = PRIVATE_SESSION_NHS.replace("{resolves}", "resolves")
"""Seed 003's resolution, word for word but for the body's name."""

COUNCIL_EXCLUSION = (
    "To resolve that, under Section 100A(4) of the Local Government Act 1972, the press "
    "and public be excluded from the meeting for the following item(s) of business on the "
    "grounds that it involves the likely disclosure of exempt information as defined in "
    "the relevant paragraph(s) of Part 1 of Schedule 12A to the Act."
)
CONFIDENTIAL = "(Confidential)"
AGENDA_COLUMNS = ("No.", "Agenda Item", "Lead", "Purpose", "Timings")
AGENDA_WEIGHTS = (1.2, 8, 4, 3, 3.2)


def timings(meeting: Meeting, agenda: Sequence[AgendaItem]) -> dict[int, tuple[str, str]]:
    """Each item's start and end ("10:00", "10:03") from the meeting's start time and
    the items' planned minutes; items after one without a plan get no timing."""
    if meeting.time is None:
        return {}
    clock = datetime.combine(meeting.date, datetime.strptime(meeting.time, "%H:%M").time())
    result: dict[int, tuple[str, str]] = {}
    for item in agenda:
        if item.planned_minutes is None:
            break
        end = clock + timedelta(minutes=item.planned_minutes)
        result[item.number] = (f"{clock:%H:%M}", f"{end:%H:%M}")
        clock = end
    return result


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
    if style is HouseStyle.NHS:
        _nhs(build, committee, meeting, items, public, private)
    else:
        _council(build, committee, meeting, public, private)
    return build


def _nhs(
    build: Build,
    committee: Committee,
    meeting: Meeting,
    items: list[AgendaItem],
    public: list[AgendaItem],
    private: list[AgendaItem],
) -> None:
    times = timings(meeting, items)
    build.heading(committee.name, 1)
    when = f"Date: {long_date(meeting.date)}"
    if meeting.time:
        finish = times[items[-1].number][1] if items and items[-1].number in times else None
        when += f"    Time: {meeting.time}" + (f" to {finish}" if finish else "")
    build.paragraph(when)
    if meeting.venue:
        build.paragraph(f"Venue: {meeting.venue}")
    session = "in Public" if meeting.session.value == "public" else "in Private"
    build.paragraph(f"Meeting: {committee.name} {session}")
    build.heading("Agenda", 2)
    _nhs_table(build, public, times, "Agenda")
    if private:
        build.heading("Resolution to exclude members of the press and public", 2)
        build.paragraph(NHS_EXCLUSION.format(name=committee.name))
        _nhs_table(build, private, times, "Agenda: confidential items")


def _nhs_table(
    build: Build,
    items: list[AgendaItem],
    times: dict[int, tuple[str, str]],
    caption: str,
) -> None:
    if not items:
        return
    writer = TableWriter(build, AGENDA_COLUMNS, AGENDA_WEIGHTS, caption)
    for item in items:
        title = item.title
        if item.paper:
            title += f" ({item.paper})"
        if item.confidential:
            title += f" {CONFIDENTIAL}"
        if item.description:
            title += f"\n{item.description}"
        start_end = times.get(item.number)
        writer.add_row(
            (
                f"{item.number}.",
                title,
                item.lead or "",
                PURPOSES[item.purpose],
                f"{start_end[0]} – {start_end[1]}" if start_end else "",
            )
        )


def _council(
    build: Build,
    committee: Committee,
    meeting: Meeting,
    public: list[AgendaItem],
    private: list[AgendaItem],
) -> None:
    build.heading(committee.name.upper(), 1)
    when = f"When: {meeting.date:%A} {long_date(meeting.date)}"
    if meeting.time:
        when += f" at {meeting.time}"
    build.paragraph(when)
    if meeting.venue:
        build.paragraph(f"Where: {meeting.venue}")
    build.heading("Agenda", 2)
    for item in public:
        _council_item(build, item)
    if private:
        build.heading("Exclusion of the Press and Public", 2)
        build.paragraph(COUNCIL_EXCLUSION)
        for item in private:
            _council_item(build, item)


def _council_item(build: Build, item: AgendaItem) -> None:
    heading = f"{item.number}. {item.title}"
    if item.confidential:
        heading += f" {CONFIDENTIAL}"
    build.heading(heading, 3)
    if item.description:
        build.paragraph(item.description)
    details = COUNCIL_PURPOSES[item.purpose]
    if item.lead:
        details += f". Lead: {item.lead}"
    if item.paper:
        details += f". ({item.paper})"
    build.paragraph(details)
