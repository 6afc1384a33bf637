"""Finding 5: two minutes could get the same number. Numbers never repeat within a
committee's numbering period (docs/minutes.md): a meeting minuted after a later one
follows on from the later meeting's numbers, and the schema refuses a repeat."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from minutebook.domain import AgendaItem, Meeting, Minute
from minutebook.store import Conflict, Store
from minutebook.store.minutes import IssuedNumber

JULY = date(2023, 7, 11)


def _meeting(store: Store, code: str, day: date, items: int = 3) -> int:
    meeting = store.add_meeting(Meeting(committee=code, date=day))
    for n in range(1, items + 1):
        store.add_agenda_item(meeting.id or 0, AgendaItem(number=n, title=f"Item {n}"))
    return meeting.id or 0


def _numbers(store: Store, code: str) -> list[str]:
    rows = store.db.conn.execute(
        "SELECT minutes.number FROM minutes JOIN meetings ON meetings.id = minutes.meeting_id "
        "WHERE meetings.committee = ? AND minutes.number IS NOT NULL",
        [code],
    ).fetchall()
    return [row[0] for row in rows]


def test_a_meeting_minuted_after_a_later_one_takes_the_next_free_numbers(
    demo_store: Store,
) -> None:
    """The 13 June 2023 HCP minutes are HCP1-HCP7; September is minuted (HCP8, HCP9),
    then a July meeting of the same municipal year: July must not repeat HCP8."""
    september = demo_store.meeting_on("HCP", date(2023, 9, 20)).id or 0
    assert demo_store.issue_minute_number(september, 1) == IssuedNumber("HCP8")
    assert demo_store.issue_minute_number(september, 2) == IssuedNumber("HCP9")

    july = _meeting(demo_store, "HCP", JULY)
    first = demo_store.issue_minute_number(july, 1)
    assert first == IssuedNumber("HCP10", after_later_meeting="20 September 2023")
    # Only the meeting's first number says so; the rest simply follow on.
    assert demo_store.issue_minute_number(july, 2) == IssuedNumber("HCP11")
    assert demo_store.issue_minute_number(september, 3) == IssuedNumber("HCP12")
    assert demo_store.issue_minute_number(july, 1) == IssuedNumber("HCP10")  # stable, told once

    numbers = _numbers(demo_store, "HCP")
    assert len(numbers) == len(set(numbers)) == 12
    assert demo_store.minute_for(july, 1).number == "HCP10"  # type: ignore[union-attr]


def test_the_schema_refuses_a_repeated_number(demo_store: Store) -> None:
    september = demo_store.meeting_on("HCP", date(2023, 9, 20)).id or 0
    demo_store.issue_minute_number(september, 1)  # HCP8
    july = _meeting(demo_store, "HCP", JULY)
    demo_store.issue_minute_number(july, 1)  # HCP9
    conn = demo_store.db.conn
    before = conn.execute("SELECT * FROM minutes ORDER BY id").fetchall()
    insert = (
        "INSERT INTO minutes (meeting_id, item, narrative, number, committee, period, seq) "
        "VALUES (?, 2, '', 'HCP8', 'HCP', ?, 99)"
    )
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"), demo_store.transaction() as db:
        db.execute(insert, [july, "2023-05-01"])
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"), demo_store.transaction() as db:
        db.execute("UPDATE minutes SET number = 'HCP8' WHERE meeting_id = ? AND item = 1", [july])
    assert conn.execute("SELECT * FROM minutes ORDER BY id").fetchall() == before
    # The same number in another numbering period is another number.
    with demo_store.transaction() as db:
        db.execute(insert, [july, "2024-05-01"])
    assert _numbers(demo_store, "HCP").count("HCP8") == 2


def test_numbering_restarts_in_the_next_municipal_year(demo_store: Store) -> None:
    september = demo_store.meeting_on("HCP", date(2023, 9, 20)).id or 0
    assert demo_store.issue_minute_number(september, 1) == IssuedNumber("HCP8")
    june_2024 = _meeting(demo_store, "HCP", date(2024, 6, 4))
    assert demo_store.issue_minute_number(june_2024, 1) == IssuedNumber("HCP1")
    assert demo_store.issue_minute_number(june_2024, 2) == IssuedNumber("HCP2")
    # April 2024 is still the 2023/24 year: it follows on from September, and says so.
    april_2024 = _meeting(demo_store, "HCP", date(2024, 4, 16))
    assert demo_store.issue_minute_number(april_2024, 1) == IssuedNumber("HCP9")
    assert _numbers(demo_store, "HCP").count("HCP1") == 2  # one a year


def test_per_meeting_numbering_never_clashes_between_meetings(demo_store: Store) -> None:
    """The ICB numbers its minutes by item ("{item}", reset every meeting): every
    meeting has a minute 1, and a meeting minuted after a later one is not told so."""
    first = demo_store.meeting_on("ICB", date(2022, 7, 1)).id or 0
    assert demo_store.minute_for(first, 1).number == "1"  # type: ignore[union-attr]
    later = demo_store.meeting_on("ICB", date(2022, 7, 29)).id or 0
    earlier = _meeting(demo_store, "ICB", date(2022, 6, 10))
    for meeting_id in (later, earlier):
        assert demo_store.issue_minute_number(meeting_id, 2) == IssuedNumber("2")
        assert demo_store.issue_minute_number(meeting_id, 1) == IssuedNumber("1")
    assert _numbers(demo_store, "ICB").count("1") == 3


def test_a_record_carrying_a_number_already_used_is_refused_with_a_message(
    demo_store: Store,
) -> None:
    """An import (or the demo papers) cannot bring in a number the period already has."""
    july = _meeting(demo_store, "HCP", JULY)
    before = _numbers(demo_store, "HCP")
    with pytest.raises(Conflict, match="HCP3 is already used by the meeting of 13 June 2023"):
        demo_store.save_minute(july, Minute(item=1, number="HCP3", narrative="Copied."))
    assert _numbers(demo_store, "HCP") == before
    assert demo_store.minute_for(july, 1) is None
