"""A committee's compliance over a period, and its year, as the command line, the annual
report and the app ask for them (docs/compliance.md).

The rules are the domain's (`domain.compliance`); the store reads the period's meetings
with their whole record in one query per list (`Store.meeting_records`), and only the
actions that can bear on the period (`Store.actions_standing`)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from minutebook.domain.compliance import Compliance, compliance_over
from minutebook.domain.tracker import tracker_year, year_label

if TYPE_CHECKING:
    from minutebook.domain.committee import Committee
    from minutebook.store import Store


def compliance_report(store: Store, code: str, start: date, end: date, today: date) -> Compliance:
    """The committee's compliance from `start` to `end` (both included), as at `today`."""
    committee = store.committee(code)
    records = store.meeting_records(committee.code, start, end)
    actions, reviews = store.actions_standing(committee.code, start, end)
    return compliance_over(
        committee,
        store.terms_of_reference(committee.code),
        store.seats(committee.code),
        store.organisations(committee.code),
        records,
        actions,
        reviews,
        start,
        end,
        today,
    )


def committee_year(committee: Committee, year: int) -> tuple[date, date, str]:
    """The first and last day of the committee's year that starts in `year`, and its
    label ("2023/24"): a council's municipal year from May, an NHS body's financial year
    from April, or the committee's own numbering year where that runs from April or May
    (`domain.tracker.tracker_year`, the year its tracker's title gives)."""
    start = tracker_year(committee, date(year, 6, 1))  # June: inside a year from April or May
    end = start.replace(year=start.year + 1) - timedelta(days=1)
    return start, end, year_label(start)


def compliance_period(
    store: Store, committee: Committee, today: date, start: date | None, end: date | None
) -> tuple[date, date]:
    """The period compliance is judged over, as asked (either end may be left open): to
    `end`, else today; from `start`, else the start of the committee's year holding the
    end. Asked for no period at all, the year is the one of the committee's last meeting
    up to today: its year so far, or, before the first meeting of a new year (or for a
    committee that has not met for a while), the last year it met in, whole, so that a
    first look shows meetings rather than an empty year. The app's compliance screen
    and `minutebook compliance` both ask here."""
    if start is not None:
        return start, end or today
    if end is not None:
        return current_year_start(committee, end), end
    year_start, year_end, _ = committee_year(committee, _last_met_in(store, committee, today))
    return year_start, min(year_end, today)


def report_year_to_offer(store: Store, committee: Committee, today: date) -> int:
    """The year the app's annual report form offers: the committee's last whole year,
    or, for a committee that has not met since an earlier year (the demo's), the last
    year it met in, rather than a year with nothing to report."""
    last_whole = current_year_start(committee, today).year - 1
    return min(last_whole, _last_met_in(store, committee, today))


def _last_met_in(store: Store, committee: Committee, today: date) -> int:
    """The year (as the year it starts in) of the committee's last meeting up to today;
    the current year where it has none."""
    held = [m.date for m in store.meetings(committee.code) if m.date <= today]
    return current_year_start(committee, max(held, default=today)).year


def current_year_start(committee: Committee, today: date) -> date:
    """The first day of the committee's year that `today` falls in."""
    return tracker_year(committee, today)
