"""One owner's open actions as a Word document (docs/actions.md): the same list as the
plain text for an email (`domain.action_views.owner_list_text`), as a table to attach."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from minutebook.domain.actions import Action, ActionStatus, is_overdue
from minutebook.domain.committee import Committee
from minutebook.domain.dates import long_date, short_date
from minutebook.exporters.common import Build, new_document, set_properties
from minutebook.exporters.tables import TableWriter, ensure_table_styles

COLUMNS = ("No.", "Agreed", "Action", "Due", "Last position")
WEIGHTS = (6, 12, 40, 12, 30)


def render_owner_list(
    actions: Sequence[Action],
    owner_name: str,
    committee: Committee,
    next_meeting: date | None,
    today: date,
    template: Path | None = None,
) -> Build:
    """The owner's open actions, earliest deadline first, with their last position."""
    build = new_document(template, committee)
    ensure_table_styles(build)
    before = f" before the meeting on {long_date(next_meeting)}" if next_meeting else ""
    title = f"{committee.name}: actions for {owner_name}"
    set_properties(build, title, f"Open actions{before}")
    build.heading(title, 1)
    build.paragraph(f"Open actions{before}, as at {long_date(today)}.")
    if not actions:
        build.paragraph("No open actions.")
        return build
    table = TableWriter(build, COLUMNS, WEIGHTS, f"Open actions for {owner_name}")
    for action in actions:
        due = short_date(action.due) or "none set"
        if is_overdue(action, today):
            due += " (overdue)"
        elif action.status is ActionStatus.COMPLETE_PROPOSE_CLOSURE:
            due += " (complete, for closure)"
        minute = f" ({action.minute})" if action.minute else ""
        table.add_row(
            [
                str(action.number or ""),
                f"{short_date(action.meeting_date)}{minute}",
                action.description,
                due,
                action.updates[-1].text if action.updates else "",
            ]
        )
    return build
