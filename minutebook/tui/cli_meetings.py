"""`minutebook meetings list`: a committee's meetings and where each one's minutes stand
(draft, circulated, approved, signed) with the date of each step, as the committee's
meetings list in the app shows them (`application.lifecycle.MinutesLifecycle.overview`,
docs/lifecycle.md).

It answers like the other commands in `cli`: one line for a refusal, exit 2, never a
traceback; it only reads, so it works while the app has the file open.
"""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Any

import click

from minutebook.tui.cli import _committee, _open_store, database_option, main, store_refusals

if TYPE_CHECKING:
    from minutebook.application.lifecycle import MeetingStage
    from minutebook.domain import Committee


@main.group()
def meetings() -> None:
    """A committee's meetings and where their minutes stand."""


@meetings.command("list")
@click.option("--committee", "code", required=True, help="The committee's code, e.g. HCP.")
@click.option("--json", "as_json", is_flag=True, help="Print the meetings as JSON.")
@database_option
@click.pass_context
def meetings_list(ctx: click.Context, code: str, as_json: bool) -> None:
    """List the committee's meetings, oldest first: date, time, venue and where the
    minutes stand, with the date of each step ("signed 20/09/2023 (circulated
    26/06/2023, approved 20/09/2023)") and who signed them."""
    from minutebook.application.lifecycle import MinutesLifecycle

    with _open_store(ctx) as store, store_refusals():
        committee = _committee(store, code)
        stages = MinutesLifecycle(store).overview(committee.code)
    if as_json:
        rows = [_as_data(stage, committee) for stage in stages]
        click.echo(json.dumps({"committee": committee.code, "meetings": rows}, indent=2))
        return
    click.echo(f"{committee.name} ({committee.code}): {_count(len(stages))}")
    for stage in stages:
        click.echo(_as_line(stage))


def _count(number: int) -> str:
    return f"{number} meeting" + ("" if number == 1 else "s")


def _as_line(stage: MeetingStage) -> str:
    """ "13/06/2023  14:00  minutes signed 20/09/2023 (circulated 26/06/2023, approved
    20/09/2023), signed by Peter Marland" (--json gives the venue and the rest)."""
    meeting = stage.meeting
    line = f"{meeting.date:%d/%m/%Y}  {meeting.time or '     '}  minutes {stage.words}"
    if stage.approval is not None:
        line += f", signed by {stage.approval.chair}"
    return line


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _as_data(stage: MeetingStage, committee: Committee) -> dict[str, Any]:
    """One meeting for --json: its date and time, title, and each step of its minutes
    with its date (null for a step not reached or not dated); `approved_at` is the later
    meeting that approved them and the item it did so under."""
    from minutebook.domain.dates import long_date

    meeting = stage.meeting
    approval, approved_at = stage.approval, stage.approved_at
    return {
        "date": meeting.date.isoformat(),
        "time": meeting.time,
        "title": f"Meeting of the {committee.name}, {long_date(meeting.date)}",
        "venue": meeting.venue,
        "session": meeting.session.value,
        "status": meeting.status.value,
        "stage": stage.words,
        "circulated_on": _iso(meeting.circulated_on),
        "approved_on": _iso(meeting.approved_on),
        "approved_at": None
        if approved_at is None
        else {
            "date": approved_at.date.isoformat(),
            "time": approved_at.time,
            "item": approval.item if approval else None,
        },
        "amendment": approval.amendment if approval else None,
        "signed_on": _iso(meeting.signed_on),
        "signed_by": approval.chair if approval else None,
    }
