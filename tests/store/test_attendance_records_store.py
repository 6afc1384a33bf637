"""The attendance over a period reads its meetings, rows and comings and goings in one
query per list, whatever the number of meetings (store/attendance_record.py)."""

from __future__ import annotations

from datetime import date

from minutebook.domain.attendance_record import attendance_over
from minutebook.domain.meeting import Attendance, Meeting
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
