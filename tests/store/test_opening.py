"""Opening the database file: refusals that leave the file untouched, locking, WAL."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from minutebook.domain import Committee
from minutebook.store import Store, StoreError, opening


def _siblings(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir()}


def test_new_file_is_created_in_wal_mode_and_passes_integrity_check(db_path: Path) -> None:
    with Store.open(db_path) as store:
        conn = store.db.conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.is_empty()
    assert db_path.read_bytes().startswith(b"SQLite format 3\x00")


def test_missing_parent_folders_are_created(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "minutes.db"
    with Store.open(path) as store:
        assert store.committees() == []
    assert path.exists()


def test_text_file_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Agenda for Tuesday\n1. Welcome\n", encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a Minutebook database") as caught:
        Store.open(path)
    assert "\n" not in str(caught.value)
    assert path.read_bytes() == before
    assert _siblings(path) == {"notes.txt"}


def test_foreign_sqlite_database_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO recipes (name) VALUES ('scones')")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="SQLite database that Minutebook did not make"):
        Store.open(path)
    assert path.read_bytes() == before
    assert not Path(f"{path}-wal").exists()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("SELECT name FROM recipes").fetchall() == [("scones",)]
    conn.close()


def test_database_from_a_newer_version_is_refused_and_left_unchanged(db_path: Path) -> None:
    Store.open(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('minutebook', '0099_from_the_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="newer version of Minutebook") as caught:
        Store.open(db_path)
    assert "0099_from_the_future" in str(caught.value)
    assert db_path.read_bytes() == before


def test_read_only_file_is_refused(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Store.open(db_path).close()
    os.chmod(db_path, 0o444)
    if os.geteuid() == 0:
        # Root may write to any file whatever its mode, and os.access() says so, so a
        # chmod alone cannot make the file read-only here. Make the store's own check
        # see what an ordinary user would.
        real_access = os.access

        def access(path: object, mode: int, *args: object, **kwargs: object) -> bool:
            if Path(str(path)) == db_path and mode & os.W_OK:
                return False
            return real_access(path, mode, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(opening.os, "access", access)
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="read-only"):
        Store.open(db_path)
    assert db_path.read_bytes() == before


def test_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "minutes"
    folder.mkdir()
    with pytest.raises(StoreError, match="is a folder"):
        Store.open(folder)


def test_second_open_on_the_same_file_is_refused(db_path: Path) -> None:
    first = Store.open(db_path)
    try:
        with pytest.raises(StoreError, match="already open"):
            Store.open(db_path)
        # The refusal did not disturb the first one.
        first.add_committee(Committee(code="PB", name="People Board"))
        assert [c.code for c in first.committees()] == ["PB"]
    finally:
        first.close()


def test_reopening_after_close_keeps_the_data(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.add_committee(Committee(code="PB", name="People Board"))
    with Store.open(db_path) as store:
        assert [c.name for c in store.committees()] == ["People Board"]
    # close checkpoints the log into the main file
    assert not Path(f"{db_path}-wal").exists() or Path(f"{db_path}-wal").stat().st_size == 0


def test_empty_file_is_treated_as_a_new_database(db_path: Path) -> None:
    db_path.write_bytes(b"")
    with Store.open(db_path) as store:
        assert store.is_empty()
        assert store.db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_settings_round_trip(store: Store) -> None:
    assert store.setting("demo") is None
    assert not store.is_demo
    store.set_setting("demo", "yes")
    store.set_setting("demo", "yes")
    assert store.setting("demo") == "yes"
    assert store.is_demo


def test_damaged_sqlite_file_is_refused_with_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "damaged.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="damaged or not a database"):
        Store.open(path)
    assert path.read_bytes() == before


def test_in_memory_store_has_the_schema() -> None:
    store = Store.in_memory()
    try:
        store.add_committee(Committee(code="PB", name="People Board"))
        assert store.committee("PB").name == "People Board"
    finally:
        store.close()
