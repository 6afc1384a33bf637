"""The ``minutebook`` command: opens the app, builds the demo, reports problems plainly.

Errors a secretary can meet (a file that is not a Minutebook database, one already open,
one from a newer version) print one line and exit non-zero; they never show a traceback.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from minutebook import __version__
from minutebook.store import (
    DatabaseFile,
    NotFound,
    StoreError,
    default_database,
    demo_database,
)
from minutebook.store.opening import read_committee_codes, read_setting
from minutebook.store.paths import ENV_VAR
from minutebook.tui.cli_dates import DAY

if TYPE_CHECKING:
    from minutebook.domain import Committee
    from minutebook.domain.snapshot import MinutesSnapshot
    from minutebook.store import Store

EXIT_PROBLEM = 2


def meeting_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--committee CODE --date YYYY-MM-DD: which meeting a command is about."""
    command = click.option(
        "--date",
        "day",
        required=True,
        type=DAY,
        help="The meeting's date, dd/mm/yyyy or YYYY-MM-DD.",
    )(command)
    return click.option(
        "--committee", "code", required=True, help="The committee's code, e.g. HCP."
    )(command)


def _fail(message: str) -> None:
    click.echo(f"minutebook: {message}", err=True)
    sys.exit(EXIT_PROBLEM)


def _remember_database(ctx: click.Context, _param: click.Parameter, path: Path | None) -> None:
    """--db, before or after the command's name: check its folder, keep it for the command."""
    if path is None:
        return
    if not _database_name(path).expanduser().parent.is_dir():
        # A mistyped folder would otherwise give a new, empty database that looks
        # like lost minutes.
        _fail(f"the folder {path.expanduser().parent} does not exist")
    ctx.find_root().ensure_object(dict)["db"] = path


def database_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """--db PATH after a command's name, as well as before it."""
    return click.option(
        "--db",
        type=click.Path(dir_okay=False, path_type=Path),
        expose_value=False,
        callback=_remember_database,
        help="The database file (the same as `minutebook --db PATH` before the command).",
    )(command)


def _database(ctx: click.Context, *, must_exist: bool = True) -> Path:
    """The database the command is about: --db, else the default. A command that only
    reads it (or needs a committee from it) must not create an empty one by mistake."""
    path = _database_name(ctx.find_root().obj.get("db") or default_database())
    if must_exist and not path.expanduser().exists():
        code = ctx.params.get("code")
        hint = _demo_hint(code) if code else ""
        _fail(
            f"there is no Minutebook database at {path} yet; run `minutebook` to set one up"
            + (hint or ", or `minutebook demo` to try the demo")
        )
    return path


def _database_name(path: Path) -> Path:
    """`path`, if it can name a file here at all (not empty, not too long); else one
    line, exit 2, before anything else is done with it."""
    from minutebook.exporters.output import name_problem

    problem = name_problem(path)
    if problem:
        _fail(f"cannot use {path} as the database: {problem}")
    return path


def _demo_hint(code: str) -> str:
    """Where to find `code` when it is one of the demo's committees and the database in
    use is not the demo's: a pointer to the same command on the demo database."""
    ctx = click.get_current_context()
    demo = demo_database()
    in_use = _database(ctx, must_exist=False).expanduser()
    if in_use.resolve() == demo.resolve() or code not in read_committee_codes(demo):
        return ""
    shown = f'"{demo}"' if " " in str(demo) else str(demo)
    command = " ".join(["minutebook", "--db", shown, *ctx.command_path.split()[1:], "..."])
    return f" (the demo committees are in the demo database: {command})"


def _committee(store: Store, code: str) -> Committee:
    """The committee, or NotFound that points to the demo database if it is there."""
    try:
        return store.committee(code)
    except NotFound as error:
        raise NotFound(f"{error}{_demo_hint(code)}") from None


def run_app(path: Path, meeting: tuple[str, datetime] | None = None) -> None:
    """Open the database at `path` and run the app on it until the secretary quits;
    with `meeting` (committee code, date), straight into that meeting's live capture."""
    try:
        database = DatabaseFile.open(path)
    except StoreError as error:
        _fail(str(error))
        return
    meeting_id = None
    if meeting is not None:
        try:
            store = database.store()
            _committee(store, meeting[0])
            meeting_id = store.meeting_on(meeting[0], meeting[1].date()).id
        except StoreError as error:
            database.close()
            _fail(str(error))
            return
    # Textual is imported here, not at the top, so that `--help`, `--version` and
    # `demo --no-open` answer at once.
    from minutebook.tui.app import MinutebookApp

    app = MinutebookApp(database, open_meeting=meeting_id)
    try:
        app.run()
    finally:
        changed = app.backups.changed_since_last()
        database.close()
    if changed:  # the closing backup, once the file is closed and its log folded in
        from minutebook.store.backups import make_backup

        try:
            make_backup(database.path or path, reason="close")
        except StoreError as error:
            click.echo(f"minutebook: warning: the closing backup failed: {error}", err=True)


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    expose_value=False,
    callback=_remember_database,
    help=f"The database file to open (default: ${ENV_VAR}, else {default_database()}).",
)
@click.version_option(__version__, prog_name="minutebook")
@click.pass_context
def main(ctx: click.Context) -> None:
    """Minutebook: formal committee minutes, attendance, quorum and actions, offline.

    Run without a command to open your committees. Try `minutebook demo` first to
    explore three demo committees drawn from published NHS and council papers.
    """
    ctx.ensure_object(dict)
    if ctx.invoked_subcommand is None:
        path = _database(ctx, must_exist=False)
        if not path.expanduser().exists():
            click.echo(f"Starting a new, empty database at {path}", err=True)
        run_app(path)


@main.command()
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help=f"The demo database file (default: {demo_database()}).",
)
@click.option(
    "--fresh", is_flag=True, help="Build it again from the papers, dropping what you recorded."
)
@click.option(
    "--no-open", is_flag=True, help="Get the demo database ready but do not open the app."
)
@click.option(
    "--force",
    is_flag=True,
    help="Build it (as --fresh) even over a file that is not a demo database.",
)
@click.pass_context
def demo(ctx: click.Context, db_path: Path | None, fresh: bool, no_open: bool, force: bool) -> None:
    """Open the demo database (three committees from real papers), building it the first
    time. It keeps what you record in it until you start again with --fresh.

    Without --db the demo has its own file, apart from your real minutes.
    """
    path = _database_name(db_path or ctx.obj.get("db") or demo_database()).expanduser()
    kept = not (fresh or force) and read_setting(path, "demo") == "yes"
    if not kept:
        from minutebook.seeds import SeedError, build_demo_database

        try:
            build_demo_database(path, force=force)
        except (StoreError, SeedError) as error:
            _fail(str(error))
            return
    if no_open:
        # Only without the app: its screen would hide these lines until it closed.
        click.echo(f"Demo database ready at {path}")
        codes = ", ".join(read_committee_codes(path))
        click.echo(
            f"Committees {codes}, as you left them (--fresh starts again)."
            if kept
            else f"Committees {codes}, fresh from the papers."
        )
    else:
        run_app(path)


@main.command()
@meeting_options
@database_option
@click.pass_context
def live(ctx: click.Context, code: str, day: datetime) -> None:
    """Open a meeting straight into live capture."""
    path = _database(ctx)
    if path.expanduser().is_file() and path.expanduser().stat().st_size == 0:
        # Opening would write a whole new schema into the file only to refuse it.
        _fail(f"{path} is empty: there is no meeting in it to capture")
    run_app(path, (code, day))


@main.group()
def quorum() -> None:
    """Check a meeting's quorum against terms of reference, or forecast one."""


@quorum.command("check")
@click.argument("tor_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("meeting_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the verdicts as JSON.")
def quorum_check(tor_file: Path, meeting_file: Path, as_json: bool) -> None:
    """Evaluate MEETING_FILE against TOR_FILE: the opening and every agenda item.

    Exits 0 when it evaluated, whatever the verdict; 2 on a bad file.
    """
    from minutebook.domain.meeting_quorum import MeetingQuorum
    from minutebook.interchange.meeting_file import read_meeting
    from minutebook.interchange.quorum_report import meeting_json, meeting_table
    from minutebook.interchange.tor_file import FileError, read_terms

    try:
        terms = read_terms(_read_text(tor_file), str(tor_file))
        meeting = read_meeting(_read_text(meeting_file), terms, str(meeting_file))
        version = terms.in_force_on(meeting.date)
    except FileError as error:
        click.echo(error.report(), err=True)
        sys.exit(EXIT_PROBLEM)
    membership = terms.membership
    day = meeting.date or version.adopted
    record = meeting.record(membership.committee.code, day)
    quorum = MeetingQuorum(record, version, membership.seats, membership.organisations)
    opening = quorum.opening().verdict
    verdicts = {
        item.number: verdict
        for item in record.agenda
        if (verdict := quorum.at_item(item.number).verdict) is not None
    }
    if opening is None:
        raise AssertionError("a terms of reference version is in force")
    if as_json:
        click.echo(json.dumps(meeting_json(opening, verdicts, meeting.names), indent=2))
    else:
        click.echo(f"{membership.committee.name}: terms of reference version {version.version}")
        click.echo(meeting_table(opening, verdicts, meeting.names, meeting.titles))


@quorum.command("forecast")
@meeting_options
@database_option
@click.pass_context
def quorum_forecast(ctx: click.Context, code: str, day: datetime) -> None:
    """Will the meeting be quorate, given the apologies so far? If not, whom to chase."""
    from minutebook.domain.forecast import forecast
    from minutebook.domain.quorum_engine import QuorumEngine
    from minutebook.interchange.quorum_report import forecast_text

    with _open_store(ctx) as store:
        try:
            _committee(store, code)
            meeting = store.meeting_on(code, day.date())
            terms = store.terms_in_force(code, meeting.date)
            if terms is None:
                _fail(f"{code} has no terms of reference in force on {meeting.date}")
                return
            membership = store.membership(code)
            recorded = store.attendance(meeting.id or 0)
            names = {p.id: p.display_name for p in store.people()}
        except StoreError as error:
            _fail(str(error))
            return
    engine = QuorumEngine(terms.quorum, membership.seats, membership.organisations, meeting.date)
    click.echo(f"{membership.committee.name}, {meeting.date:%d %B %Y}")
    click.echo(forecast_text(forecast(engine, recorded), names))


@main.group()
def tor() -> None:
    """Export or import a committee's terms of reference (YAML)."""


@tor.command("export")
@click.option("--committee", "code", required=True, help="The committee's code, e.g. PB.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of the screen.",
)
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@database_option
@click.pass_context
def tor_export(ctx: click.Context, code: str, output: Path | None, force: bool) -> None:
    """Write the committee's organisations, seats, every ToR version and its standing
    items as YAML."""
    from minutebook.interchange.tor_file import write_terms

    with _open_store(ctx) as store:
        try:
            _committee(store, code)
            text = write_terms(
                store.membership(code),
                store.terms_of_reference(code),
                {p.id: p.name for p in store.people()},
                store.standing_items(code),
            )
        except StoreError as error:
            _fail(str(error))
            return
    if output is None:
        click.echo(text, nl=False)
        return
    from minutebook.exporters.output import write_text

    with _output_refusals():
        written = write_text(output, text, overwrite=force, database=_database_in_use())
    click.echo(f"Wrote {written}")


@tor.command("import")
@click.argument("tor_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@database_option
@click.pass_context
def tor_import(ctx: click.Context, tor_file: Path) -> None:
    """Bring a ToR file into the database: the committee, its organisations and seats,
    each version of the rule and its standing items if the file gives them. Nothing
    changes unless the whole file is valid."""
    from minutebook.interchange.tor_file import FileError, read_terms

    try:
        terms = read_terms(_read_text(tor_file), str(tor_file))
    except FileError as error:
        click.echo(error.report(), err=True)
        sys.exit(EXIT_PROBLEM)
    with _open_store(ctx, to_write=True) as store:
        try:
            added = store.import_terms(
                terms.membership, terms.versions, terms.standing, terms.settings
            )
        except StoreError as error:
            _fail(str(error))
            return
    code = terms.membership.committee.code
    click.echo(
        f"Imported {code}: {len(terms.membership.seats)} seats, "
        f"{len(terms.membership.organisations)} organisations, "
        f"{added} new terms of reference version(s)."
    )


@main.group("export")
def export() -> None:
    """Export minutes, the action tracker, an agenda or the register of interests as a Word
    document (.docx), and with --pdf as a tagged PDF beside it."""


def export_options(default: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """-o/--output, --force, --template, --pdf and --db: shared by every export command;
    `default` says what the file is called when -o is not given."""

    def add(command: Callable[..., Any]) -> Callable[..., Any]:
        command = database_option(command)
        command = click.option(
            "--pdf",
            is_flag=True,
            help="Also write a tagged PDF beside it (the same name, .pdf), with LibreOffice.",
        )(command)
        command = click.option(
            "--template",
            type=click.Path(dir_okay=False, path_type=Path),
            help="A .docx whose styles, header and footer to use (default: the bundled one).",
        )(command)
        command = click.option(
            "--force", is_flag=True, help="Overwrite the output file if it exists."
        )(command)
        return click.option(
            "-o",
            "--output",
            type=click.Path(dir_okay=False, path_type=Path),
            help=f"The file to write (default: {default}).",
        )(command)

    return add


@export.command("minutes")
@meeting_options
@click.option(
    "--style",
    type=click.Choice(["council", "nhs"]),
    help="The house style (default: the committee's own).",
)
@click.option(
    "--public/--confidential",
    "public",
    default=True,
    help="The public minutes (default) or the separate confidential minutes.",
)
@click.option(
    "--circulate",
    is_flag=True,
    help="Then mark the draft minutes circulated, today.",
)
@export_options("a name like 'HCP minutes 2023-09-20 (draft).docx' here")
@click.pass_context
def export_minutes(
    ctx: click.Context,
    code: str,
    day: datetime,
    style: str | None,
    public: bool,
    circulate: bool,
    output: Path | None,
    force: bool,
    template: Path | None,
    pdf: bool,
) -> None:
    """Write a meeting's formal minutes in the committee's house style; with
    --circulate, the draft is then marked circulated on today's date."""
    from minutebook.application.exports import Document, build_document, file_name

    snapshot = _meeting_snapshot(ctx, code, day)
    committee, meeting = snapshot.membership.committee, snapshot.record.meeting
    if circulate:
        # Refused before anything is written: minutes already circulated or approved.
        _circulate(ctx, meeting.id or 0, check_only=True)
    what = Document.MINUTES if public else Document.CONFIDENTIAL_MINUTES
    default = Path(file_name(what, committee, meeting, date.today()))
    _export(
        lambda chosen: build_document(what, snapshot, chosen, date.today(), style),
        output or default,
        force,
        committee,
        template,
        pdf,
    )
    if circulate:
        _circulate(ctx, meeting.id or 0)


def _circulate(ctx: click.Context, meeting_id: int, *, check_only: bool = False) -> None:
    """Mark the meeting's draft minutes circulated today (docs/lifecycle.md), or say in
    one line why they cannot be; `check_only` asks without marking them."""
    from minutebook.application.lifecycle import MinutesLifecycle
    from minutebook.domain.base import Refused
    from minutebook.domain.dates import long_date

    today = date.today()
    with _open_store(ctx, to_write=not check_only) as store:
        lifecycle = MinutesLifecycle(store)
        outcome = "nothing was exported" if check_only else "they were not marked circulated"
        problem = lifecycle.circulation_problem(meeting_id, today)
        if problem:
            _fail(f"{problem}: {outcome}")
        if check_only:
            return
        try:
            sent = lifecycle.circulate(meeting_id, today)
        except Refused as refused:
            _fail(f"{refused}: {outcome}")
            return
    click.echo(f"Marked the minutes of {long_date(sent.date)} circulated on {long_date(today)}")


def _meeting_snapshot(ctx: click.Context, code: str, day: datetime) -> MinutesSnapshot:
    """Everything about one meeting, or a one-line error naming what is missing."""
    with _open_store(ctx) as store:
        try:
            _committee(store, code)
            meeting = store.meeting_on(code, day.date())
            return store.minutes_snapshot(meeting.id or 0)
        except StoreError as error:
            _fail(str(error))
            raise


@export.command("tracker")
@click.option("--committee", "code", required=True, help="The committee's code, e.g. HCP.")
@click.option(
    "--for-meeting",
    "day",
    type=DAY,
    help="The meeting the tracker is presented to (dd/mm/yyyy or YYYY-MM-DD): its year, "
    "its date and every position are as at that meeting. Default: the committee's next "
    "meeting (the first dated today or later, else its latest).",
)
@click.option(
    "--confidential",
    is_flag=True,
    help="Include the actions agreed under confidential items (marked CONFIDENTIAL).",
)
@export_options("a name like 'HCP decision tracker YYYY-MM-DD.docx' here, with the meeting's date")
@click.pass_context
def export_tracker(
    ctx: click.Context,
    code: str,
    day: datetime | None,
    confidential: bool,
    output: Path | None,
    force: bool,
    template: Path | None,
    pdf: bool,
) -> None:
    """Write the committee's action tracker as presented to a meeting (landscape, its
    key above): the actions agreed before that meeting, as they stood before its
    reviews. The tracker is public: actions agreed under confidential items are left out
    unless --confidential."""
    from minutebook.application.exports import (
        Document,
        build_document,
        file_name,
        presented_tracker,
    )
    from minutebook.domain.base import Refused

    today = date.today()
    with _open_store(ctx) as store:
        try:
            _committee(store, code)
            tracker = presented_tracker(store, code, day.date() if day else None, today)
        except (StoreError, Refused) as error:
            _fail(str(error))
            return
    what = Document.CONFIDENTIAL_TRACKER if confidential else Document.TRACKER
    default = Path(file_name(what, tracker.committee, tracker.meeting, today))
    _export(
        lambda chosen: build_document(what, tracker, chosen, today),
        output or default,
        force,
        tracker.committee,
        template,
        pdf,
    )


@export.command("agenda")
@meeting_options
@export_options("a name like 'HCP agenda 2023-09-20.docx' here")
@click.pass_context
def export_agenda(
    ctx: click.Context,
    code: str,
    day: datetime,
    output: Path | None,
    force: bool,
    template: Path | None,
    pdf: bool,
) -> None:
    """Write a meeting's agenda: a table (NHS style) or a numbered list (council)."""
    from minutebook.application.exports import Document, build_document, file_name

    snapshot = _meeting_snapshot(ctx, code, day)
    committee, meeting = snapshot.membership.committee, snapshot.record.meeting
    default = Path(file_name(Document.AGENDA, committee, meeting, date.today()))
    _export(
        lambda chosen: build_document(Document.AGENDA, snapshot, chosen, date.today()),
        output or default,
        force,
        committee,
        template,
        pdf,
    )


def _export(
    render: Callable[[Path | None], Any],
    output: Path,
    force: bool,
    committee: Committee,
    template: Path | None,
    pdf: bool = False,
) -> None:
    """Check the target first (exporters.output: never over a database, a device or an
    existing file without --force), and the PDF's beside it with --pdf; build with
    --template or else the committee's own template, print the template's warnings to
    stderr, save, say where; then, with --pdf, make the PDF (exporters.pdf) or say in one
    line why there is none, the .docx kept."""
    from minutebook.exporters.common import committee_template, save_document
    from minutebook.exporters.output import ExportError, check_target

    database = _database_in_use()
    with _output_refusals():
        target = check_target(output, overwrite=force, database=database)
        if pdf:
            from minutebook.exporters.pdf import pdf_beside

            if pdf_beside(target) == target:
                raise ExportError(f"{target} would be both the .docx and the PDF; name it .docx")
            check_target(pdf_beside(target), overwrite=force, database=database)
        build = render(committee_template(committee, template))
        for warning in build.warnings:
            click.echo(f"minutebook: warning: {warning}", err=True)
        save_document(build, target, overwrite=force, database=database)
    click.echo(f"Wrote {target}")
    if pdf:
        from minutebook.exporters.pdf import convert_to_pdf

        with _output_refusals():
            converted = convert_to_pdf([target], overwrite=force, database=database)
        for warning in converted.warnings:
            click.echo(f"minutebook: warning: {warning}", err=True)
        click.echo(f"Wrote {converted.written[0]}")


def _database_in_use() -> Path:
    """The database the current command uses, which no output may replace."""
    return _database(click.get_current_context(), must_exist=False).expanduser()


@contextmanager
def store_refusals() -> Iterator[None]:
    """What the store refuses (an unknown committee, a file it cannot open): one line,
    exit 2."""
    try:
        yield
    except StoreError as error:
        _fail(str(error))


@contextmanager
def _output_refusals() -> Iterator[None]:
    """An output that may not or cannot be written: one line, naming --force where it
    would help, exit 2."""
    from minutebook.exporters.output import ExportError, TargetExists

    try:
        yield
    except TargetExists as error:
        _fail(f"{error.path} exists; use --force to overwrite it")
    except ExportError as error:
        _fail(str(error))


def _read_text(path: Path) -> str:
    """A ToR or meeting file's text, or one line saying why it cannot be read."""
    from minutebook.interchange.reading import FileError, read_file

    try:
        return read_file(path)
    except FileError as error:
        _fail(f"{path} {error.problems[0]}")
    return ""


def _open_store(ctx: click.Context, *, to_write: bool = False) -> Store:
    """The store for a command. Commands that only read (exports, forecasts, ToR export)
    open the file read-only, so they work while the app has it open; a command that
    writes may start a new database and takes the lock like the app."""
    path = _database(ctx, must_exist=not to_write)
    from minutebook.store import Store  # the full store: not needed to open the app

    try:
        return Store.open(path) if to_write else DatabaseFile.open_to_read(path).store()
    except StoreError as error:
        _fail(str(error))
        raise


# A committee's actions (`actions import`, `actions list`) live in a module of their own.
import minutebook.tui.cli_actions  # noqa: E402,F401

# The database file's own commands (backup, restore, check), a committee's meetings
# (`meetings list`), its register of interests (`register list`, `export register`) and
# its attendance over a period (`attendance`), its compliance with its terms of reference
# (`compliance`, `export annual-report`) live in modules of their own.
from minutebook.tui import (  # noqa: E402,F401
    cli_attendance,
    cli_compliance,
    cli_files,
    cli_meetings,
    cli_register,
    cli_register_export,
    cli_search,
)

if __name__ == "__main__":
    main()
