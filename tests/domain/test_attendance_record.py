"""Attendance over a period (domain/attendance_record.py, docs/attendance.md): the
categories on the demo meetings, the edges of a period, and the six-month rule."""

from __future__ import annotations

from datetime import date

from minutebook.domain.attendance_record import (
    NOT_HELD,
    NOTHING_RECORDED,
    Category,
    SixMonthState,
    attendance_over,
    councillors,
    last_attendances,
    months_after,
    six_month_day,
    six_month_rule,
)
from minutebook.domain.bodies import BodyType
from minutebook.domain.committee import Committee, Seat
from minutebook.domain.meeting import (
    Attendance,
    AttendanceStatus,
    Capacity,
    Meeting,
    MeetingRecord,
    Mode,
)
from minutebook.domain.timeline import Event, EventKind, Phase
from minutebook.store import Store

TODAY = date(2026, 12, 1)


def demo_record(store: Store, code: str) -> dict[str, tuple[int, int, list[str]]]:
    meetings = store.meetings(code)
    record = attendance_over(
        code, [store.meeting_record(m.id) for m in meetings if m.id], store.seats(code), TODAY
    )
    return {
        m.person: (m.expected, m.actual, [m.mark(i) for i in range(len(record.meetings))])
        for m in record.members
    }


def test_the_council_demo_meeting_in_each_category(demo_reader: Store) -> None:
    # 13 June 2023 (seed 001): Councillor Marland chaired in person; Dr Makarem sent
    # apologies; Dr Alam's apologies had Dr T Nguyen deputising; M Carr was an officer,
    # Councillor Long an observer.
    rows = demo_record(demo_reader, "HCP")
    assert rows["marland"] == (1, 1, ["\u2713"])
    assert rows["makarem"] == (1, 0, ["A"])
    assert rows["alam"] == (1, 0, ["A/D"])
    assert rows["harrison"] == (1, 0, ["A/D"])
    assert rows["nguyen"] == (0, 0, ["S"])
    assert rows["blakesley"] == (0, 0, ["S"])
    assert rows["carr"] == (0, 0, ["IA"])
    assert rows["long"] == (0, 0, ["IA"])
    assert sum(e for e, _, _ in rows.values()) == 19  # the 19 seats
    assert sum(a for _, a, _ in rows.values()) == 14


def test_the_nhs_demo_meeting_was_attended_virtually(demo_reader: Store) -> None:
    # 1 July 2022 (seed 003) was held on Teams: everyone present virtually; Paul
    # Calaminus deputised for David Carter; Kim Atkin took the minutes.
    rows = demo_record(demo_reader, "ICB")
    assert rows["makarem"] == (1, 1, ["V"])
    assert rows["carter"] == (1, 0, ["A/D"])
    assert rows["calaminus"] == (0, 0, ["S"])
    assert rows["atkin"] == (0, 0, ["IA"])
    assert rows["stock"] == (1, 0, ["A"])  # a participant sends apologies too


def test_demo_meetings_with_nothing_recorded_are_not_counted(demo_reader: Store) -> None:
    meetings = demo_reader.meetings("HCP")
    record = attendance_over(
        "HCP", [demo_reader.meeting_record(m.id) for m in meetings if m.id], [], TODAY
    )
    assert [m.date for m in record.meetings] == [date(2023, 6, 13)]
    assert [(m.date, why) for m, why in record.not_counted] == [
        (date(2023, 9, 20), NOTHING_RECORDED)
    ]


# -- a committee of three built here ---------------------------------------------------

SEATS = [
    Seat(id="S1", title="Chair", holder="ann", tags=("chair", "councillor")),
    Seat(id="S2", title="Member", holder="bob", tags=("councillor",)),
    Seat(id="S3", title="Member", holder="cat", tags=("councillor",), term_from=date(2026, 3, 1)),
]


def held(
    day: date, rows: list[Attendance], arrived: list[str], left: tuple[str, ...] = ()
) -> MeetingRecord:
    events = [
        Event(id=n, kind=EventKind.ARRIVED, person=p, phase=Phase.START)
        for n, p in enumerate(arrived, 1)
    ]
    events += [Event(id=100 + n, kind=EventKind.LEFT, person=p, item=2) for n, p in enumerate(left)]
    return MeetingRecord(
        meeting=Meeting(id=day.toordinal(), committee="C", date=day),
        attendance=tuple(rows),
        events=tuple(events),
    )


def member(person: str, seat: str, **kw: object) -> Attendance:
    return Attendance.model_validate({"person": person, "seats": (seat,), **kw})


def test_a_member_who_joined_mid_year_is_expected_only_from_their_start() -> None:
    january = held(date(2026, 1, 15), [member("ann", "S1"), member("bob", "S2")], ["ann", "bob"])
    april = held(date(2026, 4, 15), [member("ann", "S1")], ["ann"])
    record = attendance_over("C", [april, january], SEATS, TODAY)
    by = {m.person: m for m in record.members}
    assert [m.date for m in record.meetings] == [date(2026, 1, 15), date(2026, 4, 15)]
    assert by["cat"].marks == (None, Category.ABSENT)  # in post from 1 March, not recorded
    assert by["cat"].expected == 1
    assert by["bob"].marks == (Category.PRESENT, Category.ABSENT)


def test_present_for_part_of_the_meeting_counts_and_an_expected_no_show_is_absent() -> None:
    rows = [
        member("ann", "S1"),
        member("bob", "S2", mode=Mode.REMOTE),  # said they would join, never did
        member("cat", "S3", mode=Mode.TELEPHONE),
    ]
    record = attendance_over(
        "C", [held(date(2026, 5, 1), rows, ["ann", "cat"], left=("ann",))], SEATS, TODAY
    )
    by = {m.person: m.marks[0] for m in record.members}
    assert by == {
        "ann": Category.PRESENT,
        "bob": Category.ABSENT,
        "cat": Category.PRESENT_VIRTUALLY,
    }


def test_the_period_includes_its_ends_and_leaves_out_meetings_not_held() -> None:
    days = [date(2026, 3, 31), date(2026, 4, 1), date(2027, 3, 31), date(2027, 4, 1)]
    records = [held(d, [member("ann", "S1")], ["ann"]) for d in days]
    record = attendance_over(
        "C", records, SEATS[:1], TODAY, start=date(2026, 4, 1), end=date(2027, 3, 31)
    )
    assert [m.date for m in record.meetings] == [date(2026, 4, 1)]
    assert [(m.date, why) for m, why in record.not_counted] == [(date(2027, 3, 31), NOT_HELD)]
    assert record.members[0].expected == 1


def test_a_withdrawn_arrival_is_no_attendance() -> None:
    record = held(date(2026, 5, 1), [member("ann", "S1"), member("bob", "S2")], ["ann", "bob"])
    mistaken = Event(id=50, kind=EventKind.WITHDRAWN, ref=2, note="wrong person")
    record = record.model_copy(update={"events": (*record.events, mistaken)})
    marks = {m.person: m.marks[0] for m in attendance_over("C", [record], SEATS[:2], TODAY).members}
    assert marks["bob"] is Category.ABSENT


def test_apologies_with_a_deputy_are_marked_as_such() -> None:
    rows = [
        member("ann", "S1", status=AttendanceStatus.APOLOGIES),
        member("bob", "S2", status=AttendanceStatus.APOLOGIES),
        Attendance(person="dan", capacity=Capacity.DEPUTY, deputy_for=("S1",)),
        Attendance(person="eve", capacity=Capacity.OFFICER),
        Attendance(person="fay", capacity=Capacity.OBSERVER, status=AttendanceStatus.APOLOGIES),
    ]
    record = attendance_over("C", [held(date(2026, 5, 1), rows, ["dan", "eve"])], SEATS[:2], TODAY)
    by = {m.person: m for m in record.members}
    assert by["ann"].mark(0) == "A/D" and by["ann"].substitutes_sent == 1
    assert by["bob"].mark(0) == "A"
    assert by["dan"].count(Category.PRESENT_AS_SUBSTITUTE) == 1 and by["dan"].expected == 0
    assert by["eve"].mark(0) == "IA"
    assert "fay" not in by  # an observer who did not come is not counted at all
    assert [m.person for m in record.members] == ["ann", "bob", "dan", "eve"]


# -- the six-month rule ------------------------------------------------------------------


def test_six_months_after_a_day_keeps_the_day_or_takes_the_months_end() -> None:
    assert months_after(date(2026, 3, 12), 6) == date(2026, 9, 12)
    assert months_after(date(2025, 8, 31), 6) == date(2026, 2, 28)
    assert months_after(date(2026, 10, 5), 6) == date(2027, 4, 5)


def test_the_six_month_warning_passed_approaching_and_fine() -> None:
    people = {"ann": None, "bob": None, "cat": date(2026, 3, 1), "dan": None}
    records = [
        held(date(2026, 3, 12), [member("ann", "S1")], ["ann"]),
        held(date(2026, 5, 20), [member("bob", "S2")], ["bob"]),
        # Remote attendance does not keep a seat (Hertfordshire, 2021).
        held(date(2026, 10, 1), [member("bob", "S2", mode=Mode.REMOTE)], ["bob"]),
    ]
    last = last_attendances(people, records, date(2026, 11, 1))
    standing = {
        s.person: s for s in six_month_rule(people, last, date(2026, 11, 1), date(2025, 11, 1))
    }
    ann = standing["ann"]
    assert ann.state is SixMonthState.PASSED
    assert ann.words("Marland") == (
        "Marland last attended on 12/03/2026; six months ended 12/09/2026"
    )
    bob = standing["bob"]
    assert (bob.last_attended, bob.ends, bob.state) == (
        date(2026, 5, 20),
        date(2026, 11, 20),
        SixMonthState.APPROACHING,
    )
    cat = standing["cat"]  # never attended since taking the seat on 1 March
    assert cat.words("Cox") == (
        "Cox has not attended since taking their seat on 01/03/2026; six months ended 01/09/2026"
    )
    dan = standing["dan"]  # nothing in the file, which begins on 1 November 2025
    assert dan.state is SixMonthState.PASSED and not dan.known
    assert dan.words("Dee") == (
        "Dee has no attendance recorded since the first meeting in the file, 01/11/2025; "
        "six months ended 01/05/2026"
    )
    earlier = last_attendances(people, records, date(2026, 4, 1))
    assert [
        s.person
        for s in six_month_rule(people, earlier, date(2026, 4, 1), date(2025, 4, 1))
        if s.state is SixMonthState.FINE
    ] == ["cat", "ann"]  # the soonest end first


def test_a_last_attendance_years_ago_is_worded_from_its_own_date() -> None:
    # Bradburn last attended in June 2023: three years later the warning says so, not
    # some day a year back from today.
    people = {"bradburn": None}
    records = [held(date(2023, 6, 13), [member("bradburn", "S1")], ["bradburn"])]
    last = last_attendances(people, records, TODAY)
    (standing,) = six_month_rule(people, last, TODAY, date(2023, 6, 13))
    assert standing.words("Bradburn") == (
        "Bradburn last attended on 13/06/2023; six months ended 13/12/2023"
    )


def test_the_rule_is_judged_at_a_past_periods_end_or_today() -> None:
    assert six_month_day(date(2024, 3, 31), TODAY) == date(2024, 3, 31)
    assert six_month_day(date(2027, 3, 31), TODAY) == TODAY
    assert six_month_day(None, TODAY) == TODAY


def test_the_rule_is_for_councillors_of_a_council_only() -> None:
    council = Committee(code="C", name="Council committee")
    nhs = Committee(code="N", name="Board", body_type=BodyType.NHS_BODY)
    assert councillors([(council, SEATS)], TODAY) == {
        "ann": None,
        "bob": None,
        "cat": date(2026, 3, 1),
    }
    assert councillors([(nhs, SEATS)], TODAY) == {}
    # Before her term began, Cat was not yet a councillor on the committee.
    assert "cat" not in councillors([(council, SEATS)], date(2026, 2, 1))


def test_the_demo_council_members_and_their_last_attendance(demo_reader: Store) -> None:
    committees = [(c, demo_reader.seats(c.code)) for c in demo_reader.committees()]
    people = councillors(committees, TODAY)
    assert sorted(people) == ["bradburn", "darlington", "hopkins", "marland"]
    records = [demo_reader.meeting_record(m.id) for m in demo_reader.meetings("HCP") if m.id]
    last = last_attendances(people, records, date(2023, 7, 1))
    standing = six_month_rule(people, last, date(2023, 7, 1), date(2022, 7, 1))
    # The store's one grouped query finds the same last attendances as the domain's rule.
    found, first_day = demo_reader.last_attended_as_member(["HCP"], date(2023, 7, 1))
    assert {p: d for p, d in found.items() if p in people} == last
    assert first_day == date(2023, 6, 13)
    assert {s.person: (s.last_attended, s.state) for s in standing}["marland"] == (
        date(2023, 6, 13),
        SixMonthState.FINE,
    )
    assert all(s.ends == date(2023, 12, 13) for s in standing)
