"""The action tracker presented to a meeting, as a landscape Word document
(docs/actions.md, "The tracker presented to a meeting").

Two layouts, chosen by the committee's RAG palette, each the seed's own:

- council, seed 001's Decision Tracker: "DECISION TRACKER 2023/24 - …", "OUTSTANDING
  ACTION POINTS", the colour code "(R) RED: NO OR LIMITED PROGRESS" …, "Presented to …:
  20/09/2023", then six columns: Date of Meeting | Minute | Subject and Decision | Lead
  Officer | Action Since Last Review | Current Indicator. Each subject takes a row of its
  own, its decisions numbered under it ("2. Agreed, …"); the date and minute span the
  subject's rows, and so do the lead officer and the indicator where every decision
  shares them (as the seed prints "Michael Bracey, Chief Executive" and "GREEN" once).
- NHS, seed 003's Action Tracker: "Meeting of the … - Action Tracker", its key
  (Escalated, Outstanding, In Progress, Not Yet Due, COMPLETE: Propose closure at next
  meeting, CLOSED (dd/mm/yyyy)) in the seed's words, 'Items to be moved to "closed
  actions" once closed', then its nine columns: Action No. | Meeting Date | Item Title |
  Action | Responsible Manager (Enter full name) | Past deadlines (Since Revised) |
  Current Deadline | Current Position | RAG (Add date action is agreed closed).

Closed actions (closed in the tracker's year) follow in a table of their own. A RAG cell
is shaded in its colour and says its word, so no meaning is carried by colour alone, in
a colour that reads on the fill (white on red and black). What each cell says was
decided before: the actions as presented, their numbers, the lead officers and the RAG
shown are the domain's (domain/tracker.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from minutebook.domain.actions import Action, is_open
from minutebook.domain.confidentiality import public_actions
from minutebook.domain.dates import long_date, short_date
from minutebook.domain.rag import COUNCIL, RagLevel, RagScheme
from minutebook.domain.tracker import Tracker, subjects, tracker_rag
from minutebook.exporters.common import Build, mark_pages, new_document, set_properties
from minutebook.exporters.contrast import WHITE, contrast_ratio
from minutebook.exporters.tables import (
    TableWriter,
    bold_text,
    ensure_table_styles,
    landscape,
    merge_down,
    shade,
)

FILLS: dict[str, str] = {
    "red": "C00000",
    "amber": "FFC000",
    "green": "00B050",
    "blue": "00B0F0",
    "black": "000000",
    "grey": "D9D9D9",
}
"""The shade of each colour of a key (domain/rag.py). Red is Word's dark red, on which
white words read clearly; black words on a bright red were hard to read."""

COUNCIL_COLUMNS: tuple[str, ...] = (
    "Date of Meeting",
    "Minute",
    "Subject and Decision",
    "Lead Officer",
    "Action Since Last Review",
    "Current Indicator",
)
COUNCIL_WEIGHTS: tuple[float, ...] = (8.5, 7, 37, 13, 24, 10.5)
NHS_COLUMNS: tuple[str, ...] = (
    "Action No.",
    "Meeting Date",
    "Item Title",
    "Action",
    "Responsible Manager (Enter full name)",
    "Past deadlines (Since Revised)",
    "Current Deadline",
    "Current Position",
    "RAG (Add date action is agreed closed)",
)
NHS_WEIGHTS: tuple[float, ...] = (5.5, 8.5, 10, 19, 9.5, 7.5, 7, 23.5, 9.5)

NHS_KEY: dict[str, tuple[str, str]] = {
    "black": ("Escalated", "Escalated - items flagged RED for 3 subsequent meetings - BLACK"),
    "red": (
        "Outstanding",
        "Outstanding - no actions made to progress OR actions made but not on track to "
        "deliver - RED",
    ),
    "amber": (
        "In Progress",
        "In Progress - actions made to progress & on track to deliver due date - AMBER",
    ),
    "blue": ("Not Yet Due", "Not Yet Due - BLUE"),
    "green": ("COMPLETE: Propose closure at next meeting", "COMPLETE - GREEN"),
    "closed": ("CLOSED (dd/mm/yyyy)", "CLOSED"),
}
"""Seed 003's key, level by level: what the key and a RAG cell say, and what it means.
The seed's Escalated and COMPLETE rows name their colour; the others name theirs here
too (the extracted seed lost them), so that the key reads without its colours."""

BLACK = "000000"

CLOSED_NOTE = 'Items to be moved to "closed actions" once closed'


def _position(action: Action) -> str:
    """The latest position reported before the meeting (as presented)."""
    return action.updates[-1].text if action.updates else ""


def _ink(fill: str) -> str:
    """The words' colour on a fill: white or black, whichever contrasts more with it
    (white on red and black, black on the others)."""
    return WHITE if contrast_ratio(WHITE, fill) > contrast_ratio(BLACK, fill) else BLACK


def _shade_cell(cell: Any, level: RagLevel) -> None:
    """Shade a RAG cell and write its words bold in a colour that reads on it
    (`_ink`), whatever colour a template's table style gives them."""
    fill = FILLS.get(level.colour)
    if not fill:
        return
    shade(cell, fill)
    bold_text(cell, _ink(fill))


def _shaded_run(paragraph: Any, text: str, level: RagLevel) -> None:
    """A run shaded in the level's colour, its words legible on it."""
    run = paragraph.add_run(text)
    run.bold = True
    fill = FILLS.get(level.colour)
    if not fill:
        return
    run.font.color.rgb = RGBColor.from_string(_ink(fill))
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    run._r.get_or_add_rPr().append(shd)  # after w:b and w:color, as the schema orders them


class _Words:
    """What a RAG cell says, in the layout's words, and the warnings met on the way."""

    def __init__(self, scheme: RagScheme, build: Build) -> None:
        self.scheme = scheme
        self.council = scheme is COUNCIL
        self.build = build

    def rag(self, action: Action) -> tuple[str, RagLevel | None]:
        label = f"action {action.number or action.id or '?'}"
        shown = tracker_rag(self.scheme, action, label)
        if shown is None:
            return "", None
        if shown.warning and shown.warning not in self.build.warnings:
            self.build.warnings.append(shown.warning)
        level = shown.level
        closed = not is_open(action)
        if self.council:
            if level is None:
                return action.status.label, None
            words = level.colour.upper() or level.label
            return (f"{words}\nClosed {short_date(action.closed_on)}" if closed else words), level
        if closed:
            return f"CLOSED ({short_date(action.closed_on)})", level
        if level is None:
            return action.status.label, None
        return NHS_KEY.get(level.code, (level.label, ""))[0], level


def render_tracker(tracker: Tracker, template: Path | None = None, *, public: bool = True) -> Build:
    """The committee's tracker as presented to `tracker.meeting`, landscape, in the
    layout of its RAG palette. The public tracker leaves out every action agreed under a
    confidential item; ``public=False`` keeps them and says CONFIDENTIAL at the top of
    every page."""
    committee = tracker.committee
    actions = list(tracker.actions)
    if public:
        actions = public_actions(actions, tracker.confidential)
    scheme = tracker.scheme
    council = scheme is COUNCIL

    build = new_document(template, committee)
    if not public:
        mark_pages(build, public=False, approved=True)
    landscape(build, margin_cm=1.27)
    ensure_table_styles(build)
    kind = tracker.name
    set_properties(build, f"{kind} – {committee.name}", f"{committee.code} {kind.lower()}")
    words = _Words(scheme, build)
    layout = COUNCIL_LAYOUT if council else NHS_LAYOUT
    layout.head(build, tracker, actions, words)
    open_rows = [a for a in actions if is_open(a)]
    closed_rows = [a for a in actions if not is_open(a)]
    if open_rows:
        layout.table(build, tracker, open_rows, words, layout.open_title)
    else:
        build.paragraph(layout.none_open)
    if closed_rows:
        build.heading(layout.closed_title, 2)
        layout.table(build, tracker, closed_rows, words, layout.closed_title.lower())
    missing = sorted({a.owner for a in actions if a.owner not in tracker.leads})
    if missing:
        build.warnings.append(
            f"no full name for {', '.join(missing)}; the tracker shows the person's id"
        )
    return build


# -- council: seed 001's Decision Tracker ------------------------------------------------


def _council_head(build: Build, tracker: Tracker, actions: Sequence[Action], words: _Words) -> None:
    committee = tracker.committee
    build.heading(f"DECISION TRACKER {tracker.year} - {committee.name.upper()}", 1)
    build.heading("OUTSTANDING ACTION POINTS", 2)
    build.paragraph("COLOUR CODE:", bold=True)
    for level in words.scheme.levels:
        paragraph = build.paragraph("")
        paragraph.paragraph_format.space_after = Pt(2)
        _shaded_run(paragraph, level.label, level)
        paragraph.add_run(f": {level.meaning.upper()}")
    build.paragraph(f"Presented to {committee.name}: {short_date(tracker.meeting.date)}")


def _council_table(
    build: Build, tracker: Tracker, actions: Sequence[Action], words: _Words, title: str
) -> None:
    writer = TableWriter(build, COUNCIL_COLUMNS, COUNCIL_WEIGHTS, f"Decision Tracker: {title}")
    for group in subjects(actions):
        first = group[0]
        leads = []
        for action in group:
            lead = tracker.lead(action.owner)
            leads.append("\n".join(part for part in (lead.name, lead.post) if part))
        rags = [words.rag(action) for action in group]
        one_lead = len(set(leads)) == 1
        one_rag = len(set(rags)) == 1
        rows: list[list[Any]] = []
        if first.item_title:
            cells = writer.add_row(
                (
                    short_date(first.meeting_date),
                    first.minute or "",
                    first.item_title,
                    leads[0] if one_lead else "",
                    "",
                    rags[0][0] if one_rag else "",
                )
            )
            bold_text(cells[2])
            rows.append(cells)
        for index, action in enumerate(group):
            number = tracker.numbers.get(action.id or 0)
            decision = f"{number}. {action.description}" if number else action.description
            top = not rows
            rows.append(
                writer.add_row(
                    (
                        short_date(action.meeting_date) if top else "",
                        (action.minute or "") if top else "",
                        decision,
                        leads[index] if top or not one_lead else "",
                        _position(action),
                        rags[index][0] if top or not one_rag else "",
                    )
                )
            )
            level = rags[index][1]
            if not one_rag and level is not None:
                _shade_cell(rows[-1][5], level)
        merge_down([row[0] for row in rows])
        merge_down([row[1] for row in rows])
        if one_lead:
            merge_down([row[3] for row in rows])
        if one_rag:
            merged = merge_down([row[5] for row in rows])
            if rags[0][1] is not None:
                _shade_cell(merged, rags[0][1])


# -- NHS: seed 003's Action Tracker ---------------------------------------------------------


def _nhs_head(build: Build, tracker: Tracker, actions: Sequence[Action], words: _Words) -> None:
    build.heading(f"Meeting of the {tracker.committee.name} - Action Tracker", 1)
    build.paragraph(f"Date of Meeting: {long_date(tracker.meeting.date)}")
    reported = [u.date for a in actions for u in a.updates]
    if reported:
        build.paragraph(
            "Date to which the information this report is based on was accurate: "
            f"{long_date(max(reported))}"
        )
    build.paragraph("Key", bold=True)
    key = TableWriter(build, ("RAG", "What it means"), (2, 5), "Action Tracker key")
    for level in words.scheme.levels:
        label, meaning = NHS_KEY.get(level.code, (level.label, level.meaning))
        _shade_cell(key.add_row((label, meaning))[0], level)
    build.paragraph(CLOSED_NOTE).paragraph_format.space_before = Pt(6)


def _nhs_table(
    build: Build, tracker: Tracker, actions: Sequence[Action], words: _Words, title: str
) -> None:
    writer = TableWriter(build, NHS_COLUMNS, NHS_WEIGHTS, f"Action Tracker: {title}")
    for action in actions:
        text, level = words.rag(action)
        cells = writer.add_row(
            (
                str(action.number or ""),
                short_date(action.meeting_date),
                action.item_title or "",
                action.description,
                tracker.lead(action.owner).name,
                ", ".join(short_date(day) for day in action.past_deadlines),
                short_date(action.due),
                _position(action),
                text,
            )
        )
        if level is not None:
            _shade_cell(cells[8], level)


@dataclass(frozen=True)
class _Layout:
    """A tracker's layout: what goes above its tables, how a table is written, and the
    words of its sections."""

    head: Callable[[Build, Tracker, Sequence[Action], _Words], None]
    table: Callable[[Build, Tracker, Sequence[Action], _Words, str], None]
    open_title: str
    closed_title: str
    none_open: str


COUNCIL_LAYOUT = _Layout(
    _council_head,
    _council_table,
    "outstanding action points",
    "CLOSED ACTION POINTS",
    "There are no outstanding action points.",
)
NHS_LAYOUT = _Layout(
    _nhs_head, _nhs_table, "open actions", "Closed actions", "There are no open actions."
)
