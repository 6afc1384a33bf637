"""`minutebook register list`: a committee's register of interests as it stood on a day
(today unless `--on` says otherwise), person by person, and who has made no return this
year (docs/register.md; `application.register.Register.on`). `minutebook register import`
brings in a register kept in Word, Excel or a .csv: it prints what it read, person by
person, the people not known, the rows that cannot be read and why, and stores the whole
file or nothing (`application/register_import.py`).

It answers like the other commands in `cli`: one line for a refusal, exit 2, never a
traceback; `list` only reads, so it works while the app has the file open.
"""

from __future__ import annotations

import json
from datetime import date, datetime
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
from minutebook.tui.cli_dates import DAY
from minutebook.tui.cli_importing import import_options, read_preview, stop_unless_storable

if TYPE_CHECKING:
    from minutebook.application.register import RegisterView
    from minutebook.application.register_import import RegisterPreview
    from minutebook.domain.register import Interest


@main.group()
def register() -> None:
    """A committee's register of interests."""


on_day = click.option(
    "--on",
    "day",
    type=DAY,
    help="The register as it stood on this day, dd/mm/yyyy or YYYY-MM-DD (a meeting's "
    "date). Default: today.",
)
"""--on, for `register list` and `export register`."""


@register.command("list")
@click.option("--committee", "code", required=True, help="The committee's code, e.g. HCP.")
@click.option("--json", "as_json", is_flag=True, help="Print the register as JSON.")
@on_day
@database_option
@click.pass_context
def register_list(ctx: click.Context, code: str, as_json: bool, day: datetime | None) -> None:
    """List the register of interests, by surname: each person's interests (category,
    description, from, to, mitigation, date declared) or their nil return, then the
    members who have made no return this year."""
    from minutebook.application.register import Register

    on = day.date() if day else date.today()
    with _open_store(ctx) as store, store_refusals():
        committee = _committee(store, code)
        view = Register(store).on(committee.code, on)
    if as_json:
        click.echo(json.dumps(_as_data(view), indent=2, ensure_ascii=False))
        return
    for line in _as_lines(view):
        click.echo(line)


def _when(day: date | None, none: str = "") -> str:
    return f"{day:%d/%m/%Y}" if day else none


def interest_line(interest: Interest) -> str:
    """ "financial: Director, Wogan Consulting Ltd (from 01/01/2019, ongoing) declared
    01/07/2022" — one interest in a line, as the list and the screen show it."""
    from minutebook.domain.interests import INTEREST_LABELS

    span = f"from {interest.date_from_given or 'a date not given'}, "
    span += f"to {interest.date_to_given}" if interest.date_to else "ongoing"
    return (
        f"{INTEREST_LABELS[interest.category]}: {interest.description} ({span}) "
        f"declared {_when(interest.declared_on)}"
    )


def _as_lines(view: RegisterView) -> list[str]:
    committee = view.committee
    lines = [
        f"Register of interests of the {committee.name} ({committee.code}) on {_when(view.day)}"
    ]
    for entry in view.entries:
        head = entry.filed_name
        if entry.position:
            head += f" ({entry.position})"
        lines.append(head)
        for interest in entry.interests:
            lines.append(f"  {interest_line(interest)}")
            if interest.mitigation:
                lines.append(f"    mitigation: {interest.mitigation}")
        if entry.nil_return is not None:
            lines.append(f"  no interests, declared {_when(entry.nil_return.declared_on)}")
        elif not entry.interests:
            lines.append("  no return")
    missing = ", ".join(p.name for p in view.without_return) or "none"
    lines.append(
        f"No return for {view.year} (from {_when(view.year_start)} to {_when(view.day)}): "
        + missing
    )
    return lines


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _as_data(view: RegisterView) -> dict[str, Any]:
    return {
        "committee": view.committee.code,
        "on": view.day.isoformat(),
        "people": [
            {
                "person": entry.person.id,
                "name": entry.person.name,
                "position": entry.position,
                "interests": [
                    {
                        "id": i.id,
                        "category": i.category.value,
                        "description": i.description,
                        "organisation": i.organisation,
                        "date_from": _iso(i.date_from),
                        "from_precision": i.from_precision.value,
                        "date_to": _iso(i.date_to),
                        "to_precision": i.to_precision.value,
                        "mitigation": i.mitigation,
                        "declared_on": i.declared_on.isoformat(),
                    }
                    for i in entry.interests
                ],
                "nil_return": _iso(entry.nil_return.declared_on) if entry.nil_return else None,
            }
            for entry in view.entries
        ],
        "year": view.year,
        "year_start": view.year_start.isoformat(),
        "without_return": [p.id for p in view.without_return],
    }


@register.command("import")
@import_options("register_file", "people")
def register_import(
    ctx: click.Context, register_file: Path, code: str, dry_run: bool, add_people: bool
) -> None:
    """Bring REGISTER_FILE (a .docx table, an .xlsx sheet or a .csv) into the committee's
    register of interests (docs/register.md#bringing-a-register-in). Its columns are
    found by their headings (Surname, Forename, Interests to Declare, the type ticked,
    Description of Interest, Date From, Date To, mitigation, Date Declared). Nothing is
    stored unless every row can be read and every person is known (or --add-people).
    Rows the register already holds as they are are passed over. --dry-run only reads,
    so it works beside the open app; storing needs the file closed in the app."""
    from minutebook.application.register_import import accept, preview
    from minutebook.domain.base import Refused

    _database(ctx)  # an import needs the committee: never a new, empty database
    with _open_store(ctx, to_write=not dry_run) as store:
        seen = read_preview(store, code, lambda: preview(store, code, register_file))
        names = {p.id: p.name for p in store.people()}
        _show_preview(seen, names)
        outside = f"not on {code}: {', '.join(seen.not_members)}" if seen.not_members else ""
        if seen.already and not (seen.interests or seen.nil_returns or seen.problems):
            click.echo(
                f"Nothing to store: every row of {register_file.name} is already in "
                f"{code}'s register."
            )
            return
        stop_unless_storable(len(seen.problems), seen.unknown_people, add_people, outside)
        if dry_run:
            click.echo(
                f"Dry run: nothing stored. Without --dry-run, {len(seen.interests)} interest(s), "
                f"{len(seen.nil_returns)} nil return(s) and {len(seen.unknown_people)} new "
                "people would be stored."
            )
            return
        try:
            done = accept(store, code, seen, add_people)
        except Refused as error:
            _fail(str(error))
            return
    added = f", and added {', '.join(p.name for p in done.people)}" if done.people else ""
    held = (
        f" {len(seen.already)} row(s) already in the register were not stored again."
        if seen.already
        else ""
    )
    click.echo(
        f"Stored {len(done.interests)} interest(s) and {len(done.nil_returns)} nil return(s) "
        f"in {code}'s register{added}.{held}"
    )


def _show_preview(seen: RegisterPreview, names: dict[str, str]) -> None:
    """The preview, person by person, then the people not known, the rows that cannot
    be read and what the reading chose."""
    click.echo(
        f"{seen.source}: {len(seen.interests)} interest(s) and {len(seen.nil_returns)} nil "
        f"return(s) read for {seen.committee}"
    )
    for row in seen.interests:
        person = (
            row.new_person.name + " (new)" if row.new_person else names.get(row.interest.person)
        )
        click.echo(f"  {person}, {row.place}: {interest_line(row.interest)}")
    for nil in seen.nil_returns:
        person = (
            nil.new_person.name + " (new)" if nil.new_person else names.get(nil.nil_return.person)
        )
        click.echo(
            f"  {person}, {nil.place}: no interests, declared {_when(nil.nil_return.declared_on)}"
        )
    if seen.unknown_people:
        click.echo("People not known to Minutebook: " + ", ".join(seen.unknown_people))
    if seen.not_members:
        click.echo(f"Not on {seen.committee}: " + ", ".join(seen.not_members))
    for title, lines in (("Rows that cannot be read", seen.problems), ("Notes", seen.notes)):
        if lines:
            click.echo(f"{title} ({len(lines)}):")
            for line in lines:
                click.echo(f"  {line}")
