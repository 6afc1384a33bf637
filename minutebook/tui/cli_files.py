"""`minutebook backup`, `restore` and `check`: the database file's own commands.

They sit beside the other commands in `cli` and answer the same way: one line for a
refusal, exit 2, never a traceback. `backup` and `check` only read, so they work while a
window has the file open; `restore` waits for the window to be closed.
"""

from __future__ import annotations

from pathlib import Path

import click

from minutebook.store import DatabaseFile
from minutebook.tui.cli import _database, _fail, database_option, main, store_refusals


@main.command()
@click.option(
    "--to",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    help="Put the copy in this folder (e.g. a synced one) instead of the backups folder.",
)
@click.option("--list", "listing", is_flag=True, help="List the backups kept, newest first.")
@database_option
@click.pass_context
def backup(ctx: click.Context, folder: Path | None, listing: bool) -> None:
    """Make a verified copy of the database (safe while the app has it open).

    Minutebook also backs up by itself, when the app opens and closes the file and
    every 30 minutes while changes are made, into the `backups` folder beside it.
    """
    from minutebook.store.backups import backup_folder, backups_of, make_backup

    path = _database(ctx)
    if listing:
        kept = backups_of(path)
        if not kept:
            click.echo(f"No backups of {path} yet (they go in {backup_folder(path)})")
        for copy in kept:
            click.echo(f"{copy.made:%Y-%m-%d %H:%M:%S}  {copy.reason:<15} {copy.path}")
        return
    if folder is not None and not folder.expanduser().is_dir():
        _fail(f"the folder {folder} does not exist")
    with store_refusals():
        made = make_backup(path, folder)
    click.echo(f"Backed up {path} to {made.path} (checked whole)")


@main.command()
@click.argument("backup_file", type=click.Path(dir_okay=False, path_type=Path))
@database_option
@click.pass_context
def restore(ctx: click.Context, backup_file: Path) -> None:
    """Put BACKUP_FILE back in place of the database. The file it replaces is kept as a
    backup first, so a restore can itself be undone (`minutebook backup --list`)."""
    from minutebook.store.backups import restore_backup

    path = _database(ctx, must_exist=False)
    with store_refusals():
        kept = restore_backup(path, backup_file)
    click.echo(f"Restored {backup_file} as {path}")
    if kept is not None:
        click.echo(f"The file it replaced is kept as {kept.path}")


@main.command()
@database_option
@click.pass_context
def check(ctx: click.Context) -> None:
    """Check the database: integrity, schema version, orphan rows and minute numbers.
    Exits 0 when all is well, 1 when it found a problem."""
    path = _database(ctx)
    with store_refusals():
        database = DatabaseFile.open_to_read(path)
    try:
        health = database.health()
    finally:
        database.close()
    for fact in health.facts:
        click.echo(f"ok: {fact}")
    for problem in health.problems:
        click.echo(f"PROBLEM: {problem}")
    if not health.ok:
        click.echo(f"{path}: {len(health.problems)} problem(s) found", err=True)
        raise SystemExit(1)
    click.echo(f"{path}: no problems found")
