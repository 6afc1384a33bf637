"""The ``minutebook`` command: opens the app, builds the demo, reports problems plainly.

Errors a secretary can meet (a file that is not a Minutebook database, one already open,
one from a newer version) print one line and exit non-zero; they never show a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from minutebook import __version__
from minutebook.store import Store, StoreError, default_database, demo_database
from minutebook.store.paths import ENV_VAR

EXIT_PROBLEM = 2


def _fail(message: str) -> None:
    click.echo(f"minutebook: {message}", err=True)
    sys.exit(EXIT_PROBLEM)


def run_app(path: Path) -> None:
    """Open the database at `path` and run the app on it until the secretary quits."""
    try:
        store = Store.open(path)
    except StoreError as error:
        _fail(str(error))
        return
    # Textual is imported here, not at the top, so that `--help`, `--version` and
    # `demo --no-open` answer at once.
    from minutebook.tui.app import MinutebookApp

    try:
        MinutebookApp(store).run()
    finally:
        store.close()


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help=f"The database file to open (default: ${ENV_VAR}, else {default_database()}).",
)
@click.version_option(__version__, prog_name="minutebook")
@click.pass_context
def main(ctx: click.Context, db_path: Path | None) -> None:
    """Minutebook: formal committee minutes, attendance, quorum and actions, offline.

    Run without a command to open your committees. Try `minutebook demo` first to
    explore three demo committees drawn from published NHS and council papers.
    """
    ctx.ensure_object(dict)
    ctx.obj["db"] = db_path
    if ctx.invoked_subcommand is None:
        run_app(db_path or default_database())


@main.command()
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help=f"Where to build the demo database (default: {demo_database()}).",
)
@click.option("--no-open", is_flag=True, help="Build the demo database but do not open the app.")
@click.option("--force", is_flag=True, help="Replace the file even if it is not a demo database.")
@click.pass_context
def demo(ctx: click.Context, db_path: Path | None, no_open: bool, force: bool) -> None:
    """Build a fresh demo database (three committees from real papers) and open it.

    Without --db the demo has its own file, apart from your real minutes.
    """
    from minutebook.seeds import SeedError, build_demo_database

    path = db_path or ctx.obj.get("db") or demo_database()
    try:
        codes = build_demo_database(path, force=force)
    except (StoreError, SeedError) as error:
        _fail(str(error))
        return
    click.echo(f"Demo database ready at {path} with committees {', '.join(codes)}.")
    if not no_open:
        run_app(path)


if __name__ == "__main__":
    main()
