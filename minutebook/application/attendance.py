"""A committee's attendance over a period as the command line, the export and the
screen ask for it (docs/attendance.md, "Over a period" and "The six-month rule").

The rules are the domain's (`domain.attendance_record`); the store reads the meetings
of the period in one query per list (`Store.attendance_records`)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from minutebook.domain.attendance_record import (
    COUNCIL_BODIES,
    AttendanceReport,
    SixMonths,
    attendance_over,
    councillors,
    roles,
    six_month_day,
    six_month_rule,
)

if TYPE_CHECKING:
    from minutebook.store import Store


def attendance_report(
    store: Store,
    code: str,
    today: date,
    start: date | None = None,
    end: date | None = None,
) -> AttendanceReport:
    """The committee's attendance from `start` to `end` (None: open), with its
    councillors' standing under the six-month rule where it is a council's committee, as
    at the period's end where it is over, else as at `today` (`six_month_day`)."""
    committee = store.committee(code)
    seats = store.seats(committee.code)
    records = store.attendance_records([committee.code], start, end)
    record = attendance_over(committee.code, records, seats, today, start, end)
    standing: tuple[SixMonths, ...] = ()
    judged_on = six_month_day(end, today)
    if committee.body_type in COUNCIL_BODIES:
        standing = tuple(six_month_standing(store, judged_on, only=committee.code))
    people = store.people_among([m.person for m in record.members] + [s.person for s in standing])
    return AttendanceReport(
        committee, record, people, roles(records, seats), standing, today, judged_on
    )


def six_month_standing(store: Store, today: date, only: str | None = None) -> list[SixMonths]:
    """Where the councillors stand under the six-month rule on `today`, from their last
    attendance as a member at any council committee in the file, however long ago (one
    grouped query, `Store.last_attended_as_member`); with `only`, the councillors of
    that committee."""
    council = [c for c in store.committees() if c.body_type in COUNCIL_BODIES]
    seated = [(c, store.seats(c.code)) for c in council]
    people = councillors(seated, today)
    if only is not None:
        mine = councillors([(c, s) for c, s in seated if c.code == only], today)
        people = {p: joined for p, joined in people.items() if p in mine}
    last, first_day = store.last_attended_as_member([c.code for c in council], today)
    return six_month_rule(people, last, today, first_day)
