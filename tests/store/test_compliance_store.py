"""What compliance reads (store/compliance.py): the whole record of a period's meetings and
of the next ones, in one query per list, the same as `meeting_record` reads each; the
actions that bear on the period; and the ToR's turnaround rule kept by migration
0026_compliance_settings."""

from __future__ import annotations

from datetime import date

from minutebook.domain.actions import ActionStatus
from minutebook.store import Store


def test_the_records_are_those_read_one_meeting_at_a_time(demo_reader: Store) -> None:
    for code in ("HCP", "ICB"):
        meetings = demo_reader.meetings(code)
        read = demo_reader.meeting_records(code, date(2000, 1, 1), date(2030, 1, 1))
        assert read == [demo_reader.meeting_record(m.id) for m in meetings if m.id]


def test_the_period_and_the_meetings_after_it(demo_reader: Store) -> None:
    # 13 June 2023 in the period; 20 September 2023 after it, read for the approval of
    # June's minutes at the next meeting.
    read = demo_reader.meeting_records("HCP", date(2023, 5, 1), date(2023, 6, 30))
    assert [r.meeting.date for r in read] == [date(2023, 6, 13), date(2023, 9, 20)]
    assert (
        demo_reader.meeting_records("HCP", date(2023, 5, 1), date(2023, 6, 30), 0)[-1] == (read[0])
    )
    assert demo_reader.meeting_records("HCP", date(2024, 5, 1), date(2025, 4, 30)) == []


def test_one_query_per_list(demo_store: Store) -> None:
    statements: list[str] = []
    demo_store.db.conn.set_trace_callback(statements.append)
    try:
        demo_store.meeting_records("ICB", date(2022, 4, 1), date(2023, 3, 31))
    finally:
        demo_store.db.conn.set_trace_callback(None)
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    # meetings, agenda, attendance, declarations, rulings, minutes, decisions, timeline
    assert len(selects) == 8


def test_the_actions_standing_leave_out_earlier_closed_ones(demo_store: Store) -> None:
    actions = demo_store.actions("ICB")
    closed = [a for a in actions if a.status is ActionStatus.CLOSED]
    # Agreed 1 July 2022: all three stand for that year; for the next year only those
    # still open (none is closed in the demo: two complete, one not yet due).
    standing, _ = demo_store.actions_standing("ICB", date(2022, 4, 1), date(2023, 3, 31))
    assert len(standing) == 3
    later, _ = demo_store.actions_standing("ICB", date(2023, 4, 1), date(2024, 3, 31))
    assert len(later) == 3 - len(closed)
    assert demo_store.actions_standing("ICB", date(2021, 4, 1), date(2022, 3, 31)) == ([], {})


def test_the_turnaround_rule_is_kept_with_the_version(demo_store: Store) -> None:
    current = demo_store.terms_of_reference("HCP")[0]
    assert (current.minutes_circulated_within, current.minutes_approved_at_next) == (None, None)
    second = current.model_copy(
        update={
            "version": 2,
            "adopted": date(2024, 5, 1),
            "meetings_per_year": 5,
            "minutes_circulated_within": 7,
            "minutes_approved_at_next": False,
        }
    )
    demo_store.add_terms_of_reference("HCP", second)
    assert demo_store.terms_of_reference("HCP")[1] == second
