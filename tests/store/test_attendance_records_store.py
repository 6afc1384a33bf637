"""The attendance over a period reads its meetings, rows and comings and goings in one
query per list, whatever the number of meetings (store/attendance_record.py)."""

from __future__ import annotations

from datetime import date

from minutebook.domain.attendance_record import attendance_over, last_attendances
from minutebook.domain.meeting import Attendance, Capacity, Meeting, Mode
from minutebook.domain.timeline import Event, EventKind
from minutebook.store import Store

TODAY = date(2026, 12, 1)


def test_the_demo_reads_as_each_meeting_read_alone(demo_reader: Store) -> None:
    for code in ("HCP", "ICB"):
        seats = demo_reader.seats(code)
        alone = [demo_reader.meeting_record(m.id) for m in demo_reader.meetings(code) if m.id]
        together = demo_reader.attendance_records([code])
        assert [r.meeting for r in together] == [r.meeting for r in alone]
        assert [r.attendance for r in together] == [r.attendance for r in alone]
        assert attendance_over(code, together, seats, TODAY) == attendance_over(
            code, alone, seats, TODAY
        )


def test_only_the_committees_and_dates_asked_for(demo_reader: Store) -> None:
    both = demo_reader.attendance_records(["HCP", "ICB"])
    assert [(r.meeting.committee, r.meeting.date) for r in both] == [
        ("ICB", date(2022, 7, 1)),
        ("ICB", date(2022, 7, 29)),
        ("HCP", date(2023, 6, 13)),
        ("HCP", date(2023, 9, 20)),
    ]
    june = demo_reader.attendance_records(["HCP"], date(2023, 6, 13), date(2023, 6, 13))
    assert [r.meeting.date for r in june] == [date(2023, 6, 13)]
    assert demo_reader.attendance_records(["HCP"], end=date(2023, 6, 12)) == []
    assert demo_reader.attendance_records([]) == []


def test_one_query_per_list_however_many_meetings(demo_store: Store) -> None:
    for n in range(1, 13):
        meeting = demo_store.add_meeting(Meeting(committee="HCP", date=date(2024, n, 1)))
        assert meeting.id is not None
        demo_store.add_attendance(meeting.id, Attendance(person="marland", seats=("S1",)))
    statements: list[str] = []
    demo_store.db.conn.set_trace_callback(statements.append)
    try:
        records = demo_store.attendance_records(["HCP"], date(2024, 1, 1))
    finally:
        demo_store.db.conn.set_trace_callback(None)
    assert len(records) == 12 and all(len(r.attendance) == 1 for r in records)
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 3


def test_the_last_attendance_as_member_is_read_however_long_ago(demo_store: Store) -> None:
    # Later meetings: Marland remote (does not keep a seat), Bradburn an arrival withdrawn
    # as a mistake, Hopkins an observer; Darlington in person two years on.
    plans = [
        (date(2024, 1, 10), "marland", Capacity.MEMBER, Mode.REMOTE, False),
        (date(2024, 2, 10), "bradburn", Capacity.MEMBER, Mode.IN_PERSON, True),
        (date(2024, 3, 10), "hopkins", Capacity.OBSERVER, Mode.IN_PERSON, False),
        (date(2025, 6, 1), "darlington", Capacity.DEPUTY, Mode.IN_PERSON, False),
    ]
    for day, person, capacity, mode, withdrawn in plans:
        meeting = demo_store.add_meeting(Meeting(committee="HCP", date=day))
        assert meeting.id is not None
        deputising = ("S2",) if capacity is Capacity.DEPUTY else ()
        row = Attendance(
            person=person, capacity=capacity, mode=mode, seats=(), deputy_for=deputising
        )
        demo_store.add_attendance(meeting.id, row)
        with demo_store.transaction():
            (arrived,) = demo_store._add_events(
                meeting.id, [Event(kind=EventKind.ARRIVED, person=person, item=1)]
            )
            if withdrawn:
                demo_store._add_events(
                    meeting.id, [Event(kind=EventKind.WITHDRAWN, ref=arrived.id)]
                )
    statements: list[str] = []
    demo_store.db.conn.set_trace_callback(statements.append)
    try:
        last, first = demo_store.last_attended_as_member(["HCP", "ICB"], TODAY)
    finally:
        demo_store.db.conn.set_trace_callback(None)
    assert {p: last[p] for p in ("marland", "bradburn", "hopkins", "darlington")} == {
        "marland": date(2023, 6, 13),
        "bradburn": date(2023, 6, 13),
        "hopkins": date(2023, 6, 13),
        "darlington": date(2025, 6, 1),
    }
    assert first == date(2022, 7, 1)
    # One grouped query, and one for the day the file begins, however many meetings.
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 2
    # The domain's rule, read from every record, agrees.
    records = demo_store.attendance_records(["HCP", "ICB"])
    assert last_attendances(last, records, TODAY) == last
    assert demo_store.last_attended_as_member([], TODAY) == ({}, None)
