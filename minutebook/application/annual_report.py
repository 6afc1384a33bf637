"""A committee's annual report, read for the command line and the app (docs/exports.md,
"The annual report"): the year's compliance (`application.compliance`), its attendance
(`application.attendance`, the same record the attendance export prints) and the
register's returns (`domain.annual_report.register_returns`)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from minutebook.application.attendance import attendance_report
from minutebook.application.compliance import committee_year, compliance_report
from minutebook.domain.annual_report import AnnualReport, register_returns
from minutebook.domain.register import members_during

if TYPE_CHECKING:
    from minutebook.store import Store


def annual_report(store: Store, code: str, year: int, today: date) -> AnnualReport:
    """The committee's report for its year starting in `year`, as at `today`."""
    committee = store.committee(code)
    start, end, label = committee_year(committee, year)
    compliance = compliance_report(store, committee.code, start, end, today)
    attendance = attendance_report(store, committee.code, today, start, end)
    # The members asked for a return: those holding a seat at some point in the year
    # (not the holder of a seat retired before it began).
    members = members_during(store.seats(committee.code), start, end)
    returns = register_returns(
        members,
        store.interests(committee.code),
        store.nil_returns(committee.code),
        start,
        end,
    )
    # The overdue actions are named with their owners, and kept to their numbers where
    # agreed under a confidential item (the report is public).
    overdue = compliance.overdue
    held = {a.meeting_id for a in overdue if a.meeting_id}
    named = [*members, *dict.fromkeys(a.owner for a in overdue)]
    return AnnualReport(
        label,
        compliance,
        attendance,
        returns,
        store.people_among(named),
        prepared_on=today,
        confidential_items=store.confidential_items(committee.code, held) if held else frozenset(),
    )
