"""Checkpoints: what is committed is put safe on the disk, and only when something was
committed since the last time (docs/saving.md)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from minutebook.domain import Committee
from minutebook.store import Store


def in_the_file_alone(path: Path) -> list[str]:
    """The committees the database file itself holds, without its write-ahead log (as
    the file would be found after a power cut that lost the log's unsynced part)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)
    try:
        return [row[0] for row in conn.execute("SELECT code FROM committees ORDER BY code")]
    finally:
        conn.close()


def test_a_checkpoint_puts_the_change_in_the_file_and_is_skipped_when_nothing_changed(
    store: Store, db_path: Path
) -> None:
    assert store.checkpoint() is True  # the new file's schema
    store.add_committee(Committee(code="HCP", name="Health and Care Partnership"))
    assert in_the_file_alone(db_path) == []  # committed, in the log only
    assert store.checkpoint() is True
    assert in_the_file_alone(db_path) == ["HCP"]
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    try:
        store.committees()  # reading changes nothing
        assert store.checkpoint() is True
    finally:
        store.db.conn.set_trace_callback(None)
    assert not [s for s in statements if "checkpoint" in s]  # nothing to do, nothing done


def test_a_checkpoint_held_back_by_a_reader_says_so_and_completes_later(
    store: Store, db_path: Path
) -> None:
    assert store.checkpoint() is True  # the new file's schema
    store.add_committee(Committee(code="HCP", name="Health and Care Partnership"))
    assert store.checkpoint() is True
    reader = sqlite3.connect(str(db_path))  # an export, reading while the app works
    try:
        reader.execute("BEGIN")
        assert reader.execute("SELECT count(*) FROM committees").fetchone() == (1,)
        store.add_committee(Committee(code="PB", name="People Board"))
        assert store.checkpoint() is False  # the reader still needs the older state
        assert in_the_file_alone(db_path) == ["HCP"]
        reader.execute("COMMIT")
    finally:
        reader.close()
    assert store.checkpoint() is True
    assert in_the_file_alone(db_path) == ["HCP", "PB"]
