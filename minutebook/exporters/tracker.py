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
alone. Which RAG an action shows is the domain's answer (domain/rag.py): what the
committee agreed, else the level its status takes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from minutebook.domain.actions import Action, ActionStatus
from minutebook.domain.committee import Committee, Person
from minutebook.domain.confidentiality import ConfidentialItems, public_actions
from minutebook.domain.rag import COUNCIL, RagLevel, RagScheme, scheme_for, shown_rag
from minutebook.domain.snapshot import MinutesSnapshot
from minutebook.exporters.common import Build, mark_pages, new_document, set_properties
from minutebook.exporters.tables import (
    TableWriter,
    ensure_table_styles,
    landscape,
    shade,
    white_text,
)

FILLS: dict[str, str] = {
    "red": "FF0000",
    "amber": "FFC000",
    "green": "00B050",
    "blue": "00B0F0",
    "black": "000000",
    "grey": "D9D9D9",
}
"""The shade of each colour of a key (domain/rag.py) in the RAG cell."""


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


def _rag_text(action: Action, level: RagLevel | None, scheme: RagScheme) -> str:
    """The RAG cell's words: the level's label (and, NHS, the status's words beside it),
    so that no meaning is carried by colour alone."""
    if scheme is COUNCIL:
        return level.label if level is not None else action.status.label
    if action.status is ActionStatus.CLOSED:
        return f"CLOSED ({_uk(action.closed_on)})"
    if level is not None and level.code == scheme.escalated:
        return level.label
    word = level.label if level is not None else ""
    return f"{word}: {action.status.label}" if word else action.status.label


def _shade(cell: Any, level: RagLevel) -> None:
    fill = FILLS.get(level.colour)
    if fill:
        shade(cell, fill)
        if level.colour == "black":
            white_text(cell)


def _row(action: Action, names: dict[str, str], rag: str) -> list[str]:
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
    scheme = scheme_for(committee.rag_palette)
    council = scheme is COUNCIL

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
        keys = scheme.levels
    else:
        build.heading(f"Meeting of the {committee.name} - Action Tracker", 1)
        build.paragraph(f"Information accurate to {as_of.day} {as_of:%B %Y}")
        build.paragraph("Key", bold=True)
        keys = scheme.levels
    key_table = TableWriter(build, ("Colour", "Meaning"), (1, 5), f"{kind} key")
    for entry in keys:
        _shade(key_table.add_row((entry.label, entry.meaning))[0], entry)
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
            label = f"action {action.number or action.id or '?'}"
            shown = shown_rag(scheme, action.status, action.rag, label)
            if shown.warning:
                build.warnings.append(shown.warning)
            cells = writer.add_row(_row(action, names, _rag_text(action, shown.level, scheme)))
            if shown.level is not None:
                _shade(cells[RAG_COLUMN], shown.level)
    missing = sorted({a.owner for a in actions if a.owner not in names})
    if missing:
        build.warnings.append(
            f"no full name for {', '.join(missing)}; the tracker shows the person's id"
        )
    return build
