"""When the disk cannot be written, every change is refused whole, in the secretary's
words, and can be made again once the cause is gone (docs/saving.md).

A full disk is simulated on a real file with SQLite's own limit on the file's size
(`PRAGMA max_page_count`, lowered once the data is written: a change that needs a new
page then fails exactly as on a full disk, SQLITE_FULL); a file that has become
read-only, with `PRAGMA query_only` (SQLITE_READONLY, as a write-protected drive gives).
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Callable
from datetime import date

import pytest

from minutebook.domain import AgendaItem, Decision, Meeting, Person, Seat
from minutebook.domain.room import Mark, Room, plan_mark
from minutebook.store import Store, StoreError
from minutebook.store.errors import WriteFailed, write_failure

LONG = "The Partnership received the report on the winter plan and its risks. " * 90
"""Long enough (6,300 characters) to need new pages in the file."""

SEPTEMBER = date(2023, 9, 20)


def fill_the_disk(store: Store) -> None:
    conn = store.db.conn
    # No free pages left inside the file either (the search index frees some as it
    # replaces a minute's words), so a change that needs room needs a new page.
    conn.execute("VACUUM")
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")


def make_room(store: Store) -> None:
    store.db.conn.execute("PRAGMA max_page_count = 1073741823")


def everything(store: Store) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, to compare before and after."""
    conn = store.db.conn
    tables = [
        row[0]
        for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1")
    ]
    return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}


def _meeting(store: Store) -> int:
    return store.meeting_on("HCP", SEPTEMBER).id or 0


def _narrative(store: Store) -> None:
    store.write_narrative(_meeting(store), 1, LONG)


def _decision(store: Store) -> None:
    store.add_decision(_meeting(store), 2, Decision(text=LONG))


def _minute_over_a_long_one(store: Store) -> None:
    # The secretary types on in a minute that is already long: the whole row is
    # written again, and its overflow pages with it.
    store.write_narrative(_meeting(store), 3, LONG + " Agreed.")


FULL_DISK_CHANGES: dict[str, Callable[[Store], None]] = {
    "typing a minute": _narrative,
    "typing on in a long minute": _minute_over_a_long_one,
    "a decision": _decision,
}


@pytest.mark.parametrize("change", FULL_DISK_CHANGES.values(), ids=FULL_DISK_CHANGES.keys())
def test_a_change_on_a_full_disk_is_refused_whole_and_made_once_there_is_room(
    demo_store: Store, change: Callable[[Store], None]
) -> None:
    demo_store.write_narrative(_meeting(demo_store), 3, LONG)
    before = everything(demo_store)
    fill_the_disk(demo_store)
    with pytest.raises(WriteFailed) as caught:
        change(demo_store)
    assert caught.value.reason == "the disk is full"
    assert str(caught.value) == (
        "Not saved: the disk is full. What you typed is kept: free some space on it, "
        "then save again."
    )
    assert isinstance(caught.value, StoreError)  # every screen already shows these
    assert not demo_store.db.conn.in_transaction
    assert everything(demo_store) == before
    assert demo_store.db.conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)

    make_room(demo_store)
    change(demo_store)
    assert everything(demo_store) != before


def _mark(store: Store) -> None:
    record = store.meeting_record(_meeting(store))
    change = plan_mark(Room(record.timeline, record.attendance), "marland", Mark.PRESENT, 1)
    store.apply_room_change(_meeting(store), change)


READ_ONLY_CHANGES: dict[str, Callable[[Store], None]] = {
    "typing a minute": _narrative,
    "a decision": _decision,
    "an agenda item": lambda s: s.add_agenda_item(
        _meeting(s), AgendaItem(number=10, title="Any other business")
    ),
    "a member": lambda s: s.add_member(
        "HCP", Seat(id="S99", title="Member"), Person(id="new-member", name="A New Member")
    ),
    "a meeting": lambda s: s.add_meeting(Meeting(committee="HCP", date=date(2024, 1, 10))),
    "the room": _mark,
    "a setting": lambda s: s.set_setting("demo", "no"),
    "the end of the meeting": lambda s: s.end_meeting(_meeting(s), "16:05"),
}


@pytest.mark.parametrize("change", READ_ONLY_CHANGES.values(), ids=READ_ONLY_CHANGES.keys())
def test_a_change_to_a_file_that_became_read_only_is_refused_whole(
    demo_store: Store, change: Callable[[Store], None]
) -> None:
    before = everything(demo_store)
    demo_store.db.conn.execute("PRAGMA query_only = ON")
    with pytest.raises(WriteFailed) as caught:
        change(demo_store)
    assert caught.value.reason == "the database file has become read-only"
    assert str(caught.value).startswith("Not saved: the database file has become read-only.")
    assert not demo_store.db.conn.in_transaction
    demo_store.db.conn.execute("PRAGMA query_only = OFF")
    assert everything(demo_store) == before
    change(demo_store)


def test_a_fault_in_minutebook_is_not_dressed_up_as_a_disk_problem(demo_store: Store) -> None:
    """An SQL mistake is a bug to be seen, not a full disk: it is raised as it is, and the
    change is still rolled back."""
    with pytest.raises(sqlite3.OperationalError, match="no such table"):  # noqa: SIM117
        with demo_store.transaction() as db:
            db.execute("UPDATE settings SET value = 'x' WHERE key = 'demo'")
            db.execute("INSERT INTO no_such_table VALUES (1)")
    assert not demo_store.db.conn.in_transaction
    assert demo_store.setting("demo") == "yes"


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (errno.ENOSPC, "the disk is full"),
        (errno.EROFS, "the drive is read-only"),
        (errno.EACCES, "Minutebook may not write to the database file"),
        (errno.EIO, "the disk could not be written (Input/output error)"),
    ],
)
def test_an_operating_system_failure_is_said_in_the_secretarys_words(
    code: int, reason: str
) -> None:
    failure = write_failure(OSError(code, "Input/output error"))
    assert failure is not None and failure.reason == reason
