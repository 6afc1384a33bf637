"""`minutebook compliance`: a committee's compliance with its terms of reference over a
period (docs/compliance.md): meetings held against the number a year they require, the
quorate rate, decisions taken while inquorate or by Chair's action, actions overdue and
escalated, minutes later than the turnaround rule. `minutebook export annual-report`:
the committee's year as the report it makes to its parent body (docs/exports.md).

It answers like the other commands in `cli`: one line for a refusal, exit 2, never a
traceback; it only reads, so it works while the app has the file open.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from minutebook.domain.dates import REPORT_YEARS, period_problem
from minutebook.tui.cli import (
    _committee,
    _export,
    _fail,
    _open_store,
    database_option,
    export,
    export_options,
    main,
    store_refusals,
)
from minutebook.tui.cli_attendance import _day

if TYPE_CHECKING:
    from minutebook.domain.compliance import Compliance


@main.command("compliance")
@click.option("--committee", "code", required=True, help="The committee's code, e.g. ICB.")
@click.option(
    "--from",
    "from_",
    callback=_day,
    help="The first day of the period (default: the start of the committee's year).",
)
@click.option(
    "--to",
    callback=_day,
    help="The last day of the period (default: today; with no --from either, the end of "
    "the last year the committee met in if it has not met yet this year).",
)
@click.option("--as-of", "as_of", callback=_day, help="Judge the record as on this day.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@database_option
@click.pass_context
def compliance(
    ctx: click.Context,
    code: str,
    from_: date | None,
    to: date | None,
    as_of: date | None,
    as_json: bool,
) -> None:
    """The committee against its terms of reference over the period: meetings held
    against the number a year they require, meetings quorate throughout, decisions
    taken while inquorate or by Chair's action, actions overdue and escalated, and
    minutes circulated or approved later than its turnaround rule."""
    from minutebook.application.compliance import compliance_period, compliance_report

    today = as_of or date.today()
    with _open_store(ctx) as store, store_refusals():
        committee = _committee(store, code)
        start, end = compliance_period(store, committee, today, from_, to)
        if problem := period_problem(start, end):
            _fail(f"--to: {problem}")
        report = compliance_report(store, committee.code, start, end, today)
    if as_json:
        click.echo(json.dumps(_as_data(report), indent=2))
        return
    for line in compliance_lines(report):
        click.echo(line)


def compliance_lines(report: Compliance) -> list[str]:
    """The figures as the terminal shows them: a line each, then what each one counts."""
    from minutebook.domain.compliance import figures
    from minutebook.domain.dates import short_date

    committee = report.committee
    lines = [
        f"{committee.name} ({committee.code}): compliance from {short_date(report.start)} "
        f"to {short_date(report.end)}"
    ]
    lines += [f"{heading}: {words}" for heading, words in figures(report)]
    lines += [f"  held {short_date(h.meeting.date)}: {h.quorum_words}" for h in report.held]
    lines += [f"  not counted {short_date(m.date)}: {why}" for m, why in report.not_held]
    for heading, taken in (
        ("taken while inquorate", report.inquorate),
        ("by Chair's action", report.chairs_action),
    ):
        lines += [
            f"  {heading}, {d.place}{' (confidential)' if d.confidential else ''}: {_cut(d.words)}"
            for d in taken
        ]
    lines += [
        f"  overdue: action {a.number or '-'} due {short_date(a.due)}: {_cut(a.description)}"
        for a in report.overdue
    ]
    lines += [
        f"  escalated: action {a.number or '-'}: {_cut(a.description)}" for a in report.escalated
    ]
    lines += [f"  minutes of {short_date(m.date)}: {words}" for m, words in report.late_minutes]
    return lines


def _cut(text: str, most: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= most else text[: most - 1] + "\u2026"


def _as_data(report: Compliance) -> dict[str, Any]:
    """The figures for --json, with what each counts."""

    def decision(d: Any) -> dict[str, Any]:
        return {
            "date": d.meeting.date.isoformat(),
            "item": d.item,
            "minute": d.minute,
            "verb": d.decision.verb.value,
            "text": d.decision.text,
        }

    def action(a: Any) -> dict[str, Any]:
        due = a.due.isoformat() if a.due else None
        return {"number": a.number, "due": due, "owner": a.owner, "description": a.description}

    return {
        "committee": report.committee.code,
        "from": report.start.isoformat(),
        "to": report.end.isoformat(),
        "meetings_per_year": report.per_year,
        "meetings_due": report.due,
        "held": [
            {
                "date": h.meeting.date.isoformat(),
                "quorate_at_opening": h.quorate_at_opening,
                "quorate_throughout": h.quorate_throughout,
                "late_minutes": list(h.late_minutes),
            }
            for h in report.held
        ],
        "not_held": [{"date": m.date.isoformat(), "why": why} for m, why in report.not_held],
        "quorate_throughout": report.quorate_throughout,
        "quorum_known": report.quorum_known,
        "decisions_made": sum(1 for d in report.decisions if d.decides),
        "taken_while_inquorate": [decision(d) for d in report.inquorate],
        "chairs_action": [decision(d) for d in report.chairs_action],
        "turnaround": {
            "circulated_within_working_days": report.turnaround.circulate_within,
            "approved_at_next_meeting": report.turnaround.approve_at_next,
        },
        "actions_agreed": report.actions_agreed,
        "overdue": [action(a) for a in report.overdue],
        "escalated": [action(a) for a in report.escalated],
    }


@export.command("annual-report")
@click.option("--committee", "code", required=True, help="The committee's code, e.g. ICB.")
@click.option(
    "--year",
    type=click.IntRange(min(REPORT_YEARS), max(REPORT_YEARS)),
    required=True,
    help="The year it starts in: 2023 is 2023/24 (a council's from May, an NHS body's from April).",
)
@click.option("--as-of", "as_of", callback=_day, help="Judge the record as on this day.")
@export_options("a name like 'ICB annual report 2023-24.docx' here")
@click.pass_context
def export_annual_report(
    ctx: click.Context,
    code: str,
    year: int,
    as_of: date | None,
    output: Path | None,
    force: bool,
    template: Path | None,
    pdf: bool,
) -> None:
    """Write the committee's annual report for the year: meetings held, attendance,
    decisions and recommendations, the register's returns, and its compliance with its
    terms of reference, in its house style."""
    from minutebook.application.annual_report import annual_report
    from minutebook.exporters.annual_report import render_annual_report, report_file_name

    with _open_store(ctx) as store, store_refusals():
        committee = _committee(store, code)
        report = annual_report(store, committee.code, year, as_of or date.today())
    target = output or Path(report_file_name(report))
    _export(
        lambda chosen: render_annual_report(report, chosen), target, force, committee, template, pdf
    )
