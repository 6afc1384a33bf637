"""Schema migrations: an older database is brought up to date without losing its rows."""

from __future__ import annotations

import hashlib
import shutil
import signal
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from minutebook.domain import AgendaItem, Meeting
from minutebook.domain.timeline import EventKind
from minutebook.store import Conflict, Store
from minutebook.store.migrations import migrations
from minutebook.store.opening import KNOWN_STEPS, MIGRATION_SET


def _applied(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
            [MIGRATION_SET],
        ).fetchall()
    finally:
        conn.close()
    return [row[0] for row in rows]


def test_known_steps_are_in_order() -> None:
    assert KNOWN_STEPS[:2] == ("0001_initial", "0002_lookup_indexes")


def test_database_with_only_the_first_step_is_migrated_and_keeps_its_data(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    db = Database(path)
    migrations.apply(db, stop_before="0002_lookup_indexes")
    db.execute(
        "INSERT INTO committees (code, name, parent_body, house_style, numbering_template, "
        "numbering_prefix, numbering_reset, rag_palette, default_venue) VALUES "
        "('HCP', 'Health and Care Partnership', NULL, 'council', '{prefix}{seq}', 'HCP', "
        "'municipal_year', 'council', 'Civic Offices')"
    )
    db.execute(
        "INSERT INTO terms_of_reference (committee, version, adopted, illustrative, note, "
        "meetings_per_year, quorum) VALUES ('HCP', 1, '2023-05-17', 1, NULL, 4, "
        """'{"text": "One quarter", "requirement": {"fraction": {"num": 1, "den": 4}}}')"""
    )
    db.conn.commit()
    db.close()
    assert _applied(path) == ["0001_initial"]

    with Store.open(path) as store:
        committee = store.committee("HCP")
        assert committee.name == "Health and Care Partnership"
        assert committee.numbering.prefix == "HCP"
        assert committee.numbering.reset == "municipal_year"
        assert committee.default_venue == "Civic Offices"
        indexes = {
            row[0]
            for row in store.db.conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'idx_%'"
            )
        }
        assert "idx_meetings_committee" in indexes
        assert store.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # A version stored before policies could be confirmed reads as unconfirmed.
        (tor,) = store.terms_of_reference("HCP")
        assert tor.meetings_per_year == 4
        assert tor.policies_confirmed is False
    assert _applied(path) == list(KNOWN_STEPS)


def test_opening_twice_applies_nothing_more(db_path: Path) -> None:
    Store.open(db_path).close()
    Store.open(db_path).close()
    assert _applied(db_path) == list(KNOWN_STEPS)


# -- 0010_timeline: a database made before the timeline ----------------------------------

BEFORE_TIMELINE = Path(__file__).parent / "data" / "before-timeline.db"


def _rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@pytest.fixture
def old_copy(tmp_path: Path) -> Iterator[Path]:
    """A copy of the database made by the schema before the timeline (migration 0009);
    the committed file itself is never opened, so it is never changed."""
    committed = hashlib.sha256(BEFORE_TIMELINE.read_bytes()).hexdigest()
    path = tmp_path / "before-timeline.db"
    shutil.copyfile(BEFORE_TIMELINE, path)
    yield path
    assert hashlib.sha256(BEFORE_TIMELINE.read_bytes()).hexdigest() == committed
    assert not BEFORE_TIMELINE.with_name(BEFORE_TIMELINE.name + "-wal").exists()


def test_a_database_made_before_the_timeline_loses_nothing(old_copy: Path) -> None:
    assert _applied(old_copy)[-1] == "0009_word_templates"
    # What the old schema holds, read before the migration.
    committees = _rows(old_copy, "SELECT code, name, numbering_template FROM committees")
    people = _rows(old_copy, "SELECT id, name, printed_name FROM people ORDER BY id")
    seats = _rows(old_copy, "SELECT committee, id, title, holder FROM seats")
    meetings = _rows(
        old_copy, "SELECT id, committee, date, time, venue, status, ended_at FROM meetings"
    )
    agenda = _rows(old_copy, "SELECT meeting_id, number, title, started_at FROM agenda_items")
    minutes = _rows(old_copy, "SELECT meeting_id, item, number, narrative FROM minutes")
    decisions = _rows(
        old_copy,
        "SELECT d.id, m.meeting_id, m.item, d.position, d.verb, d.text, d.flag, d.deleted_at "
        "FROM decisions d JOIN minutes m ON m.id = d.minute_id ORDER BY d.id",
    )
    actions = _rows(
        old_copy,
        "SELECT id, committee, number, meeting_date, minute, description, owner, due, status, "
        "rag, deleted_at FROM actions ORDER BY id",
    )
    updates = _rows(old_copy, "SELECT action_id, date, text FROM action_updates ORDER BY id")
    declarations = _rows(
        old_copy,
        "SELECT id, meeting_id, person, item, category, nature, ruling FROM declarations",
    )
    rulings = _rows(
        old_copy, "SELECT id, meeting_id, item, quorate, reason, recorded_at FROM quorum_rulings"
    )
    attendance = _rows(
        old_copy,
        "SELECT DISTINCT meeting_id, person, capacity, status FROM attendance "
        "ORDER BY meeting_id, person",
    )
    assert len(attendance) < _rows(old_copy, "SELECT COUNT(*) FROM attendance")[0][0]
    assert any(d[-1] for d in decisions) and any(a[-1] for a in actions)  # deleted ones
    assert {d[6] for d in decisions} == {None, "inquorate", "chairs_action"}

    with Store.open(old_copy) as store:
        assert _applied(old_copy) == list(KNOWN_STEPS)
        conn = store.db.conn
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []

        assert {(c.code, c.name, c.numbering.template) for c in store.committees()} == set(
            committees
        )
        assert sorted((p.id, p.name, p.printed_name) for p in store.people()) == people
        assert {
            (code, s.id, s.title, s.holder) for code, *_ in committees for s in store.seats(code)
        } == set(seats)
        stored_meetings = [m for code, *_ in committees for m in store.meetings(code)]
        assert {
            (
                m.id,
                m.committee,
                m.date.isoformat(),
                m.time,
                m.venue,
                m.status.value,
                m.ended_at,
            )
            for m in stored_meetings
        } == set(meetings)
        records = {m.id or 0: store.meeting_record(m.id or 0) for m in stored_meetings}
        assert {
            (mid, i.number, i.title, i.started_at) for mid, r in records.items() for i in r.agenda
        } == set(agenda)
        assert {
            (mid, m.item, m.number, m.narrative) for mid, r in records.items() for m in r.minutes
        } == set(minutes)

        # Decisions: verbs, text and Chair's action kept; "inquorate" no longer stored
        # (it follows from the timeline); the deleted one still deleted.
        live = {
            d.id: (mid, m.item, d.verb.value, d.text, d.chairs_action)
            for mid, r in records.items()
            for m in r.minutes
            for d in m.decisions
        }
        deleted = {
            d.id: (mid, item, d.verb.value, d.text, d.chairs_action)
            for mid in records
            for item, d in store.deleted_decisions(mid)
        }
        assert live | deleted == {
            d[0]: (d[1], d[2], d[4], d[5], d[6] == "chairs_action") for d in decisions
        }
        assert set(deleted) == {d[0] for d in decisions if d[7]}
        for mid, r in records.items():
            placed = [e.ref or 0 for e in r.events if e.kind is EventKind.DECIDED]
            assert sorted(placed) == sorted(
                d[0] for d in decisions if d[1] == mid
            )  # every decision, deleted or not, has its place

        # Actions, the deleted one included, now tied to their meeting and item.
        by_id = {a.id: a for code, *_ in committees for a in store.actions(code)}
        for meeting in stored_meetings:
            by_id |= {a.id: a for a in store.meeting_actions(meeting, deleted=True)}
        assert {
            (
                a.id,
                a.committee,
                a.number,
                a.meeting_date.isoformat(),
                a.minute,
                a.description,
                a.owner,
                a.due.isoformat() if a.due else None,
                a.status.value,
                a.rag,
            )
            for a in by_id.values()
        } == {a[:-1] for a in actions}
        assert all(a.meeting_id is not None for a in by_id.values())
        september = store.meeting_on("HCP", date(2023, 9, 20))
        assert [(a.id, a.item) for a in store.meeting_actions(september)] == [(6, 6)]
        assert [(a.id, a.item) for a in store.meeting_actions(september, deleted=True)] == [(7, 6)]
        icb = store.meeting_on("ICB", date(2022, 7, 1))
        assert [(a.minute, a.item) for a in store.meeting_actions(icb)] == [
            ("4", 4),
            ("6", 6),
            ("8", 8),
        ]
        assert [
            (u.date.isoformat(), u.text)
            for code, *_ in committees
            for a in store.actions(code)
            for u in a.updates
        ] == [u[1:] for u in updates]

        # Declarations and rulings, each placed in the timeline.
        assert {
            (d.id, mid, d.person, d.item, d.category.value, d.nature, d.ruling.value)
            for mid, r in records.items()
            for d in r.declarations
        } == set(declarations)
        assert {
            (q.id, mid, q.item, int(q.quorate), q.reason, q.recorded_at)
            for mid, r in records.items()
            for q in r.quorum_rulings
        } == set(rulings)
        record = records[september.id or 0]
        declared = [
            (e.ref, e.person, e.item) for e in record.events if e.kind is EventKind.DECLARED
        ]
        assert declared == [(1, "hopkins", 5), (2, "bradburn", 6)]
        assert [(e.ref, e.item) for e in record.events if e.kind is EventKind.RULED] == [(1, 5)]
        # The times Hopkins was out for her interest are item 5's start and item 6's, as
        # the declaration used to keep them (14:25, returning 14:30).
        hopkins = next(d for d in record.declarations if d.person == "hopkins")
        assert record.out_for_item(hopkins) == ("14:25", "14:30")

        # Attendance: one row a person, with every stretch of presence.
        assert {
            (mid, a.person, a.capacity.value, a.status.value)
            for mid, r in records.items()
            for a in r.attendance
        } == set(attendance)
        assert [a.person for a in record.attendance].count("heath") == 1
        assert record.presence_notes("heath") == ["left after item 4 and returned for item 6"]
        assert record.presence_notes("bracey") == ["from item 3"]
        assert record.presence_notes("darlington") == ["left after item 4"]
        assert [(e.kind, e.item, e.at) for e in record.timeline.marks("heath")] == [
            (EventKind.ARRIVED, None, None),
            (EventKind.LEFT, 4, "15:06"),
            (EventKind.ARRIVED, 6, "15:40"),
        ]
        present = {a.person for a in record.attendance if a.status.value == "present"}
        assert {a.person for a in record.attendance if record.attended(a)} == present
        for r in records.values():
            assert r.timeline.problems() == []

        # Minute numbers: their committee, numbering period and place in it.
        numbered = conn.execute(
            "SELECT committee, period, seq, number FROM minutes ORDER BY id"
        ).fetchall()
        assert all(row[0] and row[1] for row in numbered)
        hcp = [(period, seq, number) for code, period, seq, number in numbered if code == "HCP"]
        assert hcp == [("2023-05-01", n, f"HCP{n}") for n in range(1, 14)]
        icb_periods = {period for code, period, seq, _ in numbered if code == "ICB"}
        assert icb_periods == {f"meeting {icb.id}"}


def _old_database(path: Path, template: str, reset: str) -> Database:
    """An empty database made by the schema before the timeline, with one committee
    numbering its minutes by `template` and `reset`."""
    db = Database(path)
    migrations.apply(db, stop_before="0010_timeline")
    db.execute(
        "INSERT INTO committees (code, name, house_style, numbering_template, numbering_prefix, "
        "numbering_reset, rag_palette) VALUES ('HCP', 'Health and Care', 'council', ?, 'HCP', ?, "
        "'council')",
        [template, reset],
    )
    db.execute("INSERT INTO people (id, name) VALUES ('ann', 'Ann Lee')")
    return db


def _old_meeting(db: Database, meeting_id: int, day: str, numbers: list[str]) -> None:
    """A meeting whose items 1, 2 ... were given `numbers` by an earlier version."""
    db.execute(
        "INSERT INTO meetings (id, committee, date, session, status) "
        "VALUES (?, 'HCP', ?, 'public', 'draft')",
        [meeting_id, day],
    )
    for item, number in enumerate(numbers, start=1):
        db.execute(
            "INSERT INTO agenda_items (meeting_id, number, title, purpose, confidential) "
            "VALUES (?, ?, ?, 'decision', 0)",
            [meeting_id, item, f"Item {item}"],
        )
        db.execute(
            "INSERT INTO minutes (meeting_id, item, number, narrative) VALUES (?, ?, ?, '')",
            [meeting_id, item, number],
        )


def _old_action(db: Database, day: str, minute: str, description: str) -> None:
    db.execute(
        "INSERT INTO actions (committee, number, meeting_date, minute, description, owner, "
        "past_deadlines, status) VALUES ('HCP', (SELECT COUNT(*) + 1 FROM actions), ?, ?, ?, "
        "'ann', '[]', 'not_yet_due')",
        [day, minute, description],
    )


@contextmanager
def _within(seconds: int) -> Iterator[None]:
    """Fail, rather than hang, if the block takes longer than `seconds`."""

    def stop(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} seconds")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_a_number_issued_twice_before_stays_with_the_first_and_its_actions_follow(
    tmp_path: Path,
) -> None:
    """September was minuted first (HCP8, HCP9); an earlier version then gave the July
    meeting the same numbers. September keeps them; July's take the next free numbers,
    and the action that cited July's HCP9 cites its new number."""
    path = tmp_path / "old.db"
    db = _old_database(path, "{prefix}{seq}", "municipal_year")
    _old_meeting(db, 1, "2023-09-20", ["HCP8", "HCP9"])
    _old_meeting(db, 2, "2023-07-11", ["HCP8", "HCP9"])
    _old_action(db, "2023-09-20", "HCP9", "Circulate September's plan")
    _old_action(db, "2023-07-11", "HCP9", "Circulate July's plan")
    db.conn.commit()
    db.close()

    with Store.open(path) as store:
        assert [m.number for m in store.minutes(1)] == ["HCP8", "HCP9"]
        assert [m.number for m in store.minutes(2)] == ["HCP10", "HCP11"]
        september, july = store.actions("HCP")[1], store.actions("HCP")[0]
        assert (july.description, july.meeting_id, july.item, july.minute) == (
            "Circulate July's plan",
            2,
            2,
            "HCP11",
        )
        assert (september.meeting_id, september.item, september.minute) == (1, 2, "HCP9")
        # Numbering goes on from there, without a repeat.
        store.add_agenda_item(2, AgendaItem(number=3, title="Item 3"))
        assert store.issue_minute_number(2, 3).number == "HCP12"


def test_numbers_by_item_issued_again_in_a_yearly_period_are_kept_as_printed(
    tmp_path: Path,
) -> None:
    """An "{item}" template with no reset (the default rule): earlier versions gave every
    meeting a minute 1. The template has no next number to give, so the migration keeps
    them as printed (it used to loop for ever looking for one)."""
    path = tmp_path / "old.db"
    db = _old_database(path, "{item}", "never")
    _old_meeting(db, 1, "2023-06-13", ["1", "2"])
    _old_meeting(db, 2, "2023-09-20", ["1", "2"])
    db.conn.commit()
    db.close()

    with _within(20), Store.open(path) as store:
        assert [m.number for m in store.minutes(1)] == ["1", "2"]
        assert [m.number for m in store.minutes(2)] == ["1", "2"]
        assert store.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # A new meeting is not given a repeated number: the secretary is told to number
        # per meeting.
        meeting = store.add_meeting(Meeting(committee="HCP", date=date(2023, 11, 1)))
        store.add_agenda_item(meeting.id or 0, AgendaItem(number=1, title="Welcome"))
        with pytest.raises(Conflict, match="number per meeting"):
            store.issue_minute_number(meeting.id or 0, 1)
