"""The action tracker as a landscape Word document (docs/actions.md).

Two layouts, chosen by the committee's RAG palette:

- council (seed 001, "DECISION TRACKER 2022/23 - HEALTH AND CARE PARTNERSHIP"): the
  colour code R / A / G / B printed above "OUTSTANDING ACTION POINTS";
- NHS (seed 003, "Meeting of the Board ... - Action Tracker"): a key of Escalated,
  Outstanding, In progress, Not yet due, Complete and Closed, then the open actions, with
  closed ones in their own table below ("Items to be moved to closed actions").

Both carry every column of the seed trackers: action no., meeting date, minute ref,
item, action, responsible person (full name), past deadlines, current deadline, current
position (the latest update), RAG / status and date closed. The RAG cell is shaded in the
palette's colour and also says its letter or word, so no meaning is carried by colour
alone. Where an action has no RAG recorded, the colour follows its status.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from minutebook.domain.actions import COUNCIL_RAG, NHS_RAG, Action, ActionStatus
from minutebook.domain.committee import Committee, Person, RagPalette
from minutebook.domain.confidentiality import ConfidentialItems, public_actions
from minutebook.domain.snapshot import MinutesSnapshot
from minutebook.exporters.common import Build, mark_pages, new_document, set_properties
from minutebook.exporters.tables import (
    TableWriter,
    ensure_table_styles,
    landscape,
    shade,
    white_text,
)


@dataclass(frozen=True)
class RagKey:
    """One entry of a tracker's key: what the cell says, its colour and meaning."""

    code: str
    label: str  # printed in the cell and the key, e.g. "(R) RED" or "AMBER"
    fill: str | None  # hex shade, None for unshaded
    meaning: str

    @property
    def dark(self) -> bool:
        return self.fill == "000000"


COUNCIL_KEY: dict[str, RagKey] = {
    "R": RagKey("R", "(R) RED", "FF0000", COUNCIL_RAG["R"]),
    "A": RagKey("A", "(A) AMBER", "FFC000", COUNCIL_RAG["A"]),
    "G": RagKey("G", "(G) GREEN", "00B050", COUNCIL_RAG["G"]),
    "B": RagKey("B", "(B) BLACK", "000000", COUNCIL_RAG["B"]),
}
"""Seed 001's colour code."""

NHS_KEY: dict[str, RagKey] = {
    "black": RagKey("black", "ESCALATED", "000000", NHS_RAG["black"]),
    "red": RagKey("red", "RED", "FF0000", NHS_RAG["red"]),
    "amber": RagKey("amber", "AMBER", "FFC000", NHS_RAG["amber"]),
    "blue": RagKey("blue", "BLUE", "00B0F0", NHS_RAG["blue"]),
    "green": RagKey("green", "GREEN", "00B050", NHS_RAG["green"]),
    "closed": RagKey("closed", "CLOSED", "D9D9D9", "Closed by the committee (dd/mm/yyyy)"),
}
"""Seed 003's key, with the status word beside the colour in each cell."""

_COUNCIL_BY_STATUS: dict[ActionStatus, str | None] = {
    ActionStatus.NOT_YET_DUE: None,
    ActionStatus.IN_PROGRESS: "A",
    ActionStatus.OUTSTANDING: "R",
    ActionStatus.COMPLETE_PROPOSE_CLOSURE: "G",
    ActionStatus.CLOSED: "B",
}
_NHS_BY_STATUS: dict[ActionStatus, str] = {
    ActionStatus.NOT_YET_DUE: "blue",
    ActionStatus.IN_PROGRESS: "amber",
    ActionStatus.OUTSTANDING: "red",
    ActionStatus.COMPLETE_PROPOSE_CLOSURE: "green",
    ActionStatus.CLOSED: "closed",
}
_NHS_TO_COUNCIL = {"red": "R", "amber": "A", "green": "G"}
_COUNCIL_TO_NHS = {"R": "red", "A": "amber", "G": "green"}

COUNCIL_COLUMNS: tuple[str, ...] = (
    "No.",
    "Date of Meeting",
    "Minute",
    "Subject",
    "Decision / Action",
    "Lead Officer",
    "Past Deadlines",
    "Current Deadline",
    "Action Since Last Review",
    "Current Indicator",
    "Date Closed",
)
NHS_COLUMNS: tuple[str, ...] = (
    "Action No.",
    "Meeting Date",
    "Minute Ref.",
    "Item Title",
    "Action",
    "Responsible Manager (full name)",
    "Past Deadlines (Since Revised)",
    "Current Deadline",
    "Current Position",
    "RAG",
    "Date Closed",
)
WEIGHTS: tuple[float, ...] = (5.5, 8.5, 6, 11, 19, 10.5, 9, 8.5, 19, 10, 8.5)
RAG_COLUMN = 9


def _uk(day: date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def _municipal_year(day: date) -> str:
    start = day.year if day.month >= 5 else day.year - 1
    return f"{start}/{(start + 1) % 100:02d}"


def rag_for(
    action: Action, palette: RagPalette, warnings: list[str] | None = None
) -> RagKey | None:
    """The key entry for an action's RAG cell: its recorded RAG in this palette, else
    the colour its status implies (None for a council action not yet due)."""
    recorded = action.rag
    label = f"action {action.number or action.id or '?'}"
    if palette is RagPalette.COUNCIL:
        if recorded is not None:
            code = recorded if recorded in COUNCIL_KEY else _NHS_TO_COUNCIL.get(recorded)
            if code is not None:
                return COUNCIL_KEY[code]
            if warnings is not None:
                warnings.append(
                    f"{label}: RAG {recorded!r} is not in the council key; shown by its status"
                )
        by_status = _COUNCIL_BY_STATUS[action.status]
        return COUNCIL_KEY[by_status] if by_status else None
    if action.status is ActionStatus.CLOSED:
        return NHS_KEY["closed"]
    if recorded is not None:
        name = recorded if recorded in NHS_KEY else _COUNCIL_TO_NHS.get(recorded)
        if name is not None:
            return NHS_KEY[name]
        if warnings is not None:
            warnings.append(f"{label}: RAG {recorded!r} is not in the NHS key; shown by its status")
    return NHS_KEY[_NHS_BY_STATUS[action.status]]


def _rag_text(action: Action, key: RagKey | None, palette: RagPalette) -> str:
    if palette is RagPalette.COUNCIL:
        if key is None:
            return action.status.label
        return key.label
    if action.status is ActionStatus.CLOSED:
        return f"CLOSED ({_uk(action.closed_on)})"
    if key is not None and key.code == "black":
        return "ESCALATED"
    word = key.label if key is not None else ""
    return f"{word}: {action.status.label}" if word else action.status.label


def _row(action: Action, names: dict[str, str], palette: RagPalette, rag: str) -> list[str]:
    latest = action.updates[-1] if action.updates else None
    position = f"{latest.date:%d/%m/%Y}: {latest.text}" if latest else ""
    return [
        str(action.number or ""),
        _uk(action.meeting_date),
        action.minute or "",
        action.item_title or "",
        action.description,
        names.get(action.owner, action.owner),
        ", ".join(_uk(day) for day in action.past_deadlines),
        _uk(action.due),
        position,
        rag,
        _uk(action.closed_on),
    ]


def render_tracker(
    actions: Sequence[Action] | MinutesSnapshot,
    committee: Committee | None = None,
    people: Iterable[Person] = (),
    template: Path | None = None,
    *,
    as_of: date | None = None,
    confidential: ConfidentialItems | None = None,
    public: bool = True,
) -> Build:
    """The committee's tracker, landscape, in the layout of its RAG palette.

    Pass the actions with the committee and everyone they name, or a meeting's
    snapshot (its ``open_actions``, committee and people; dated at the meeting).
    `as_of` is the date the tracker is presented (default today). The public tracker
    leaves out every action agreed under a confidential item (`confidential`: the
    committee's confidential items); ``public=False`` keeps them and says CONFIDENTIAL
    at the top of every page. A public tracker from a list of actions must be told
    which items are confidential: left out, every action would be shown.
    """
    if isinstance(actions, MinutesSnapshot):
        snapshot = actions
        committee = committee or snapshot.membership.committee
        people = [*snapshot.people, *snapshot.membership.people]
        as_of = as_of or snapshot.record.meeting.date
        confidential = snapshot.confidential if confidential is None else confidential
        actions = snapshot.open_actions
    if public:
        if confidential is None:
            raise TypeError("a public tracker needs the committee's confidential items")
        actions = public_actions(actions, confidential)
    if committee is None:
        raise TypeError("render_tracker needs the committee when given a list of actions")
    as_of = as_of or date.today()
    names = {p.id: p.name for p in people}
    palette = committee.rag_palette
    council = palette is RagPalette.COUNCIL

    build = new_document(template)
    if not public:
        mark_pages(build, public=False, approved=True)
    landscape(build, margin_cm=1.27)
    ensure_table_styles(build)
    kind = "Decision Tracker" if council else "Action Tracker"
    set_properties(build, f"{kind} – {committee.name}", f"{committee.code} {kind.lower()}")

    if council:
        build.heading(f"DECISION TRACKER {_municipal_year(as_of)} - {committee.name.upper()}", 1)
        build.paragraph(f"Presented to {committee.name}: {as_of:%d/%m/%Y}")
        build.paragraph("COLOUR CODE:", bold=True)
        keys = list(COUNCIL_KEY.values())
    else:
        build.heading(f"Meeting of the {committee.name} - Action Tracker", 1)
        build.paragraph(f"Information accurate to {as_of.day} {as_of:%B %Y}")
        build.paragraph("Key", bold=True)
        keys = list(NHS_KEY.values())
    key_table = TableWriter(build, ("Colour", "Meaning"), (1, 5), f"{kind} key")
    for entry in keys:
        cells = key_table.add_row((entry.label, entry.meaning))
        if entry.fill:
            shade(cells[0], entry.fill)
            if entry.dark:
                white_text(cells[0])
    key_table.table.autofit = False

    ordered = sorted(actions, key=lambda a: (a.meeting_date, a.number or 0, a.id or 0))
    open_rows = [a for a in ordered if a.status is not ActionStatus.CLOSED]
    closed_rows = [a for a in ordered if a.status is ActionStatus.CLOSED]
    columns = COUNCIL_COLUMNS if council else NHS_COLUMNS
    sections = (
        ("OUTSTANDING ACTION POINTS" if council else "Open actions", open_rows),
        ("CLOSED ACTIONS" if council else "Closed actions", closed_rows),
    )
    for title, rows in sections:
        if not rows and title.lower().startswith("closed"):
            continue
        build.heading(title, 2)
        if not council and rows is open_rows:
            build.paragraph('Items to be moved to "closed actions" once closed')
        if not rows:
            build.paragraph("There are no open actions.")
            continue
        writer = TableWriter(build, columns, WEIGHTS, f"{kind}: {title.lower()}")
        for action in rows:
            key = rag_for(action, palette, build.warnings)
            cells = writer.add_row(_row(action, names, palette, _rag_text(action, key, palette)))
            if key is not None and key.fill:
                cell = cells[RAG_COLUMN]
                shade(cell, key.fill)
                if key.dark:
                    white_text(cell)
    missing = sorted({a.owner for a in actions if a.owner not in names})
    if missing:
        build.warnings.append(
            f"no full name for {', '.join(missing)}; the tracker shows the person's id"
        )
    return build
