"""`minutebook export register`: a committee's register of interests for publication,
as it stood on a day (today by default), as a landscape Word document in seed 003's
layout or, given a name ending .xlsx, as an Excel sheet (docs/register.md,
`exporters/register.py`).

It answers like the other exports in `cli`: the target checked before anything is
written, one line for a refusal, exit 2; it only reads the database.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import click

from minutebook.tui.cli import (
    _committee,
    _database_in_use,
    _export,
    _fail,
    _open_store,
    _output_refusals,
    export,
    export_options,
    store_refusals,
)
from minutebook.tui.cli_register import on_day


@export.command("register")
@click.option("--committee", "code", required=True, help="The committee's code, e.g. ICB.")
@on_day
@export_options("a name like 'ICB register of interests YYYY-MM-DD.docx' here")
@click.pass_context
def export_register(
    ctx: click.Context,
    code: str,
    day: datetime | None,
    output: Path | None,
    force: bool,
    template: Path | None,
    pdf: bool,
) -> None:
    """Write the committee's register of interests (landscape, seed 003's columns, the
    type of each interest ticked, the heading row on every page). With -o NAME.xlsx, an
    Excel sheet with the same columns instead."""
    from minutebook.application.register import Register, for_export
    from minutebook.exporters.register import render_register, write_register_sheet

    on = day.date() if day else date.today()
    with _open_store(ctx) as store, store_refusals():
        committee = _committee(store, code)
        people = for_export(Register(store).on(committee.code, on))
    target = output or Path(f"{committee.code} register of interests {on.isoformat()}.docx")
    if target.suffix.lower() != ".xlsx":
        _export(
            lambda chosen: render_register(committee, on, people, chosen),
            target,
            force,
            committee,
            template,
            pdf,
        )
        return
    if pdf or template:
        _fail("--pdf and --template are for the Word document; name it .docx")
    from minutebook.exporters.output import write_output

    with _output_refusals():
        written = write_output(
            target,
            lambda handle: write_register_sheet(committee, on, people, handle),
            overwrite=force,
            database=_database_in_use(),
        )
    click.echo(f"Wrote {written}")
