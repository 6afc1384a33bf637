"""`minutebook actions import` and `actions list`: a committee's action tracker on the
command line (docs/actions.md).

`import` brings in a tracker kept in Word, Excel or a .csv: it prints what it read (the
actions, the owners not known, every row that cannot be read and why) and stores the
whole file or nothing (`application/tracker_import.py`). `list` prints the committee's
actions, open or overdue by the domain's rules (`is_open`, `is_overdue`), as a table or
as JSON. Like the other commands, a refusal is one line on stderr, exit 2, no traceback.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from minutebook.tui.cli import (
    _committee,
    _database,
    _fail,
    _open_store,
    database_option,
    main,
    store_refusals,
)
from minutebook.tui.cli_importing import import_options, read_preview, stop_unless_storable

if TYPE_CHECKING:
    from minutebook.domain.actions import Action
    from minutebook.interchange.tracker_file import TrackerPreview

SHOWN = 20
"""Rows of the preview's table; the rest are counted."""


@main.group("actions")
def actions() -> None:
    """A committee's actions: list them, or bring in a tracker kept in Word or Excel."""


@actions.command("import")
@import_options("tracker_file", "owners")
def actions_import(
    ctx: click.Context, tracker_file: Path, code: str, dry_run: bool, add_people: bool
) -> None:
    """Bring TRACKER_FILE (a .docx table, an .xlsx sheet or a .csv) into the committee's
    action tracker. Its columns are found by their headings (Date of Meeting, Minute,
    Action, Lead Officer / Responsible Manager, Current Deadline, Current Position,
    RAG, …). Nothing is stored unless every row can be read and every owner is known
    (or --add-people)."""
    from minutebook.application.tracker_import import accept, number_runs, preview
    from minutebook.domain.base import Refused

    _database(ctx)  # an import needs the committee: never a new, empty database
    with _open_store(ctx, to_write=not dry_run) as store:
        seen = read_preview(store, code, lambda: preview(store, code, tracker_file))
        names = {p.id: p.name for p in store.people()}
        _show(seen, names)
        stop_unless_storable(len(seen.problems), seen.unknown_owners, add_people)
        if dry_run:
            new = f" and {len(seen.unknown_owners)} new people" if seen.unknown_owners else ""
            click.echo(
                f"Dry run: nothing stored. Without --dry-run, {len(seen.actions)} action(s)"
                f"{new} would be stored."
            )
            return
        try:
            done = accept(store, code, seen, add_people)
        except Refused as error:
            _fail(str(error))
            return
    numbers = [a.number for a in done.actions if a.number is not None]
    span = f" (numbers {number_runs(numbers)})" if numbers else ""
    click.echo(f"Stored {len(done.actions)} action(s) in {code}'s tracker{span}.")
    if done.people:
        click.echo(
            f"Added {len(done.people)} new people: " + ", ".join(p.name for p in done.people)
        )


def _show(seen: TrackerPreview, names: dict[str, str]) -> None:
    """The preview: the actions as a short table, the unknown owners, the rows that
    cannot be read, and what the reading chose."""
    click.echo(f"{seen.source}: {len(seen.actions)} action(s) read for {seen.committee}")
    if seen.actions:
        _heading("  ")
        for row in seen.actions[:SHOWN]:
            owner = f"{row.new_owner.name} (new)" if row.new_owner else None
            _echo(row.action, names, "  ", owner)
        if len(seen.actions) > SHOWN:
            click.echo(f"  … and {len(seen.actions) - SHOWN} more")
    if seen.unknown_owners:
        click.echo("Owners not known to Minutebook: " + ", ".join(seen.unknown_owners))
    if seen.problems:
        click.echo(f"Rows that cannot be read ({len(seen.problems)}):")
        for problem in seen.problems:
            click.echo(f"  {problem}")
    if seen.notes:
        click.echo("Notes:")
        for note in seen.notes:
            click.echo(f"  {note}")


WIDTHS = (4, 10, 20, 10, 11)
"""No., Agreed, Owner, Due, Status: with the action's text on a line below, within 80
columns."""


def _heading(indent: str) -> None:
    click.echo(indent + _line(("No.", "Agreed", "Owner", "Due", "Status")))
    click.echo(indent + " " * (WIDTHS[0] + 2) + "Action")


def _echo(action: Action, names: dict[str, str], indent: str, owner: str | None = None) -> None:
    """An action in the tables `import` and `list` print: its number, date agreed, owner,
    deadline and status, then what is to be done."""
    from minutebook.domain.dates import short_date

    cells = (
        str(action.number or ""),
        short_date(action.meeting_date),
        owner or names.get(action.owner, action.owner),
        short_date(action.due),
        action.status.label.split(" – ")[0],  # "Complete", of "Complete – propose closure …"
    )
    click.echo(indent + _line(cells))
    room = 79 - len(indent) - WIDTHS[0] - 2
    click.echo(indent + " " * (WIDTHS[0] + 2) + _cut(action.description, room))


def _line(cells: Sequence[str]) -> str:
    shown = [_cut(text, width).ljust(width) for text, width in zip(cells, WIDTHS, strict=True)]
    shown[0] = shown[0].strip().rjust(WIDTHS[0])
    return "  ".join(shown).rstrip()


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


@actions.command("list")
@click.option("--committee", "code", required=True, help="The committee's code, e.g. ICB.")
@click.option("--open", "only_open", is_flag=True, help="Only the actions not yet closed.")
@click.option(
    "--overdue",
    is_flag=True,
    help="Only the open actions past their current deadline and not complete.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the actions as JSON.")
@database_option
@click.pass_context
def actions_list(
    ctx: click.Context, code: str, only_open: bool, overdue: bool, as_json: bool
) -> None:
    """List the committee's actions, oldest meeting first."""
    from minutebook.domain.action_views import ActionFilter

    today = date.today()
    wanted = ActionFilter(open_only=only_open, overdue=overdue)
    with _open_store(ctx) as store, store_refusals():
        _committee(store, code)
        every = store.actions(code)
        names = {p.id: p.name for p in store.people()}
    chosen = [a for a in every if wanted.matches(a, today)]
    if as_json:
        rows = [_as_json(a, names, today) for a in chosen]
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    which = " overdue" if overdue else " open" if only_open else ""
    if not chosen:
        click.echo(f"{code} has no{which} actions.")
        return
    _heading("")
    for action in chosen:
        _echo(action, names, "")
    click.echo(f"{len(chosen)}{which} action(s) of {code}")


def _as_json(action: Action, names: dict[str, str], today: date) -> dict[str, Any]:
    from minutebook.domain.actions import is_open, is_overdue

    latest = action.updates[-1] if action.updates else None
    return {
        "number": action.number,
        "meeting_date": action.meeting_date.isoformat(),
        "minute": action.minute,
        "item_title": action.item_title,
        "action": action.description,
        "owner": action.owner,
        "owner_name": names.get(action.owner, action.owner),
        "due": action.due.isoformat() if action.due else None,
        "past_deadlines": [day.isoformat() for day in action.past_deadlines],
        "status": action.status.value,
        "status_label": action.status.label,
        "rag": action.rag,
        "closed_on": action.closed_on.isoformat() if action.closed_on else None,
        "position": latest.text if latest else None,
        "position_date": latest.date.isoformat() if latest else None,
        "open": is_open(action),
        "overdue": is_overdue(action, today),
    }
