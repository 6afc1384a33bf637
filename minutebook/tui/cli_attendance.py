"""`minutebook attendance`: a committee's attendance over a period, per member, in the
categories councils publish, and where its councillors stand under the six-month rule
(docs/attendance.md); with --csv, the same as a .csv file. `minutebook export
attendance`: the same as the Word table NHS boards print, "Cumulative record of
attendance (possible / actual)".

It answers like the other commands in `cli`: one line for a refusal, exit 2, never a
traceback; it only reads, so it works while the app has the file open.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from minutebook.domain.dates import period_problem
from minutebook.tui.cli import (
    _committee,
    _database_in_use,
    _export,
    _fail,
    _open_store,
    _output_refusals,
    database_option,
    export,
    export_options,
    main,
    store_refusals,
)

if TYPE_CHECKING:
    from minutebook.domain.attendance_record import AttendanceReport


def _day(_ctx: click.Context, param: click.Parameter, text: str | None) -> date | None:
    """A date as secretaries type it (13/06/2023 or 2023-06-13) as a `date`: the one date
    type of every command (`cli_dates.DAY`), which refuses in one line, exit 2."""
    from minutebook.tui.cli_dates import DAY

    return None if text is None else DAY.convert(text, param, _ctx).date()


def period_options(command: Any) -> Any:
    """--from and --to: the period (both days included); --as-of: the day the meetings
    held and the six-month rule are judged on (default today)."""
    for name, kept, words in (
        ("as-of", "as_of", "Judge the meetings held and the six-month rule as on this day."),
        ("to", "to", "The last day of the period (dd/mm/yyyy or YYYY-MM-DD)."),
        ("from", "from_", "The first day of the period (dd/mm/yyyy or YYYY-MM-DD)."),
    ):
        command = click.option(f"--{name}", kept, callback=_day, help=words)(command)
    return command


@main.command("attendance")
@click.option("--committee", "code", required=True, help="The committee's code, e.g. HCP.")
@period_options
@click.option(
    "--csv",
    "csv_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the table to this .csv file.",
)
@click.option("--force", is_flag=True, help="Overwrite the .csv file if it exists.")
@click.option("--json", "as_json", is_flag=True, help="Print the record as JSON.")
@database_option
@click.pass_context
def attendance(
    ctx: click.Context,
    code: str,
    from_: date | None,
    to: date | None,
    as_of: date | None,
    csv_file: Path | None,
    force: bool,
    as_json: bool,
) -> None:
    """Each member's attendance over the period: expected, present, present virtually,
    present as substitute, in attendance, apologies and absent, with possible / actual;
    the meetings not counted (not held yet, nothing recorded); and, for a council's
    committee, the councillors near or past six months without attending."""
    from minutebook.application.attendance import attendance_report
    from minutebook.exporters.attendance import attendance_csv

    if problem := period_problem(from_, to):
        _fail(f"--to: {problem}")
    with _open_store(ctx) as store, store_refusals():
        committee = _committee(store, code)
        report = attendance_report(store, committee.code, as_of or date.today(), from_, to)
    if csv_file is not None:
        from minutebook.exporters.output import write_text

        with _output_refusals():
            written = write_text(
                csv_file, attendance_csv(report), overwrite=force, database=_database_in_use()
            )
        click.echo(f"Wrote {written}", err=as_json)
    if as_json:
        click.echo(json.dumps(_as_data(report), indent=2))
        return
    for line in table_lines(report):
        click.echo(line)


@export.command("attendance")
@click.option("--committee", "code", required=True, help="The committee's code, e.g. ICB.")
@period_options
@export_options("a name like 'ICB attendance YYYY-MM-DD.docx' here")
@click.pass_context
def export_attendance(
    ctx: click.Context,
    code: str,
    from_: date | None,
    to: date | None,
    as_of: date | None,
    output: Path | None,
    force: bool,
    template: Path | None,
    pdf: bool,
) -> None:
    """Write the committee's "Cumulative record of attendance (possible / actual)" over
    the period as a landscape Word table: a row per person, their role, a mark at each
    meeting and possible / actual."""
    from minutebook.application.attendance import attendance_report
    from minutebook.exporters.attendance import render_attendance

    if problem := period_problem(from_, to):
        _fail(f"--to: {problem}")
    today = as_of or date.today()
    with _open_store(ctx) as store, store_refusals():
        committee = _committee(store, code)
        report = attendance_report(store, committee.code, today, from_, to)
    target = output or Path(f"{committee.code} attendance {(to or today).isoformat()}.docx")
    _export(
        lambda chosen: render_attendance(report, chosen), target, force, committee, template, pdf
    )


def table_lines(report: AttendanceReport) -> list[str]:
    """The record as the terminal shows it: a heading, the meetings counted and not,
    a row per person, then the six-month warnings."""
    from minutebook.domain.attendance_record import COLUMN_KEY
    from minutebook.domain.dates import short_date
    from minutebook.exporters.attendance import counts, period_words

    record, committee = report.record, report.committee
    lines = [f"{committee.name} ({committee.code}): attendance, {period_words(report)}"]
    counted = ", ".join(short_date(m.date) for m in record.meetings) or "none"
    lines.append(f"Meetings counted: {counted}")
    if record.not_counted:
        skipped = ", ".join(f"{short_date(m.date)} ({why})" for m, why in record.not_counted)
        lines.append(f"Not counted: {skipped}")
    width = max([len(report.name(m.person)) for m in record.members] + [4])
    short = ["Exp", "Pres", "Virt", "Sub", "InAtt", "Apol", "Abs", "Dep", "Poss/Act"]
    lines.append("")
    lines.append("Name".ljust(width) + "".join(f"{h:>9}" for h in short))
    for member in record.members:
        cells = [*map(str, counts(member)), f"{member.expected}/{member.actual}"]
        lines.append(report.name(member.person).ljust(width) + "".join(f"{c:>9}" for c in cells))
    lines.append("")
    lines.append(COLUMN_KEY)
    if report.six_months:
        lines.append(f"{report.six_month_heading}:")
        lines += [f"  {words}" for words in report.warnings] or [
            "  every councillor has attended within six months"
        ]
    return lines


def _as_data(report: AttendanceReport) -> dict[str, Any]:
    """The record for --json: the period, the meetings, each person's counts and marks,
    and every councillor's standing under the six-month rule."""
    from minutebook.domain.attendance_record import Category

    record = report.record

    def iso(day: date | None) -> str | None:
        return day.isoformat() if day else None

    return {
        "committee": report.committee.code,
        "from": iso(record.start),
        "to": iso(record.end),
        "meetings": [m.date.isoformat() for m in record.meetings],
        "not_counted": [{"date": m.date.isoformat(), "why": why} for m, why in record.not_counted],
        "members": [
            {
                "person": m.person,
                "name": report.name(m.person),
                "role": report.roles.get(m.person, ""),
                "expected": m.expected,
                **{category.value: m.count(category) for category in Category},
                "deputy_attended": m.substitutes_sent,
                "possible": m.expected,
                "actual": m.actual,
                "marks": [mark.value if mark else None for mark in m.marks],
            }
            for m in record.members
        ],
        "six_month_rule_as_at": iso(report.six_months_on) if report.six_months else None,
        "six_month_rule": [
            {
                "person": s.person,
                "name": report.name(s.person),
                "last_attended": iso(s.last_attended),
                "since": s.since.isoformat(),
                "ends": s.ends.isoformat(),
                "state": s.state.value,
                "words": s.words(report.name(s.person)),
            }
            for s in report.six_months
        ],
    }
