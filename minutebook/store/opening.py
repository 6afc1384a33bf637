"""Opening the database safely: check before touching, lock, then migrate.

A file that is not SQLite, an SQLite file that Minutebook did not make, a database from
a newer Minutebook, or a read-only file is refused with a one-line reason before
anything is written to it (even switching on WAL writes to the file's header, so the
checks read through a read-only connection first). A second Minutebook on the same file
is refused by a lock file, which the operating system releases if the owner dies.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from filelock import FileLock, Timeout

from minutebook.store.errors import StoreError

MIGRATION_SET = "minutebook"

KNOWN_STEPS: tuple[str, ...] = (
    "0001_initial",
    "0002_lookup_indexes",
    "0003_policies_confirmed",
    "0004_live_capture",
    "0005_decision_flags",
    "0006_quorum_rulings",
    "0007_printed_names",
    "0008_meeting_ended",
    "0009_word_templates",
    "0010_timeline",
)
"""Every schema step this version knows, oldest first. They are named here, apart from
the steps themselves in `migrations`, so that a file can be checked without importing
sqlite-utils; `migrations` refuses to load if the two lists differ."""

SQLITE_HEADER = b"SQLite format 3\x00"


def check_existing(path: Path) -> None:
    """Raise StoreError if `path` exists but is not a Minutebook database we may open."""
    if not path.exists():
        return
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a Minutebook database")
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header == b"":
        return  # an empty file is an empty database: SQLite treats it the same way
    if header != SQLITE_HEADER:
        raise StoreError(f"{path} is not a Minutebook database (it is not an SQLite file)")
    if not os.access(path, os.W_OK):
        raise StoreError(f"{path} is read-only; Minutebook needs to write to its database")
    applied = _applied_steps(path)
    if applied is None:
        raise StoreError(f"{path} is an SQLite database that Minutebook did not make")
    unknown = [step for step in applied if step not in KNOWN_STEPS]
    if unknown:
        raise StoreError(
            f"{path} was made by a newer version of Minutebook (it has {unknown[0]}); "
            "install the newer version to open it"
        )


def _applied_steps(path: Path) -> list[str] | None:
    """The migration steps recorded in the file, or None if it is not ours.

    An SQLite file with no tables at all counts as ours and new.
    """
    uri = _read_only_uri(path)
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as error:
        raise StoreError(f"{path} cannot be read: {error}") from error
    try:
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        if not tables:
            return []
        if "_sqlite_migrations" not in tables:
            return None
        rows = conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
            [MIGRATION_SET],
        ).fetchall()
        return [row[0] for row in rows] if rows else None
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path} is damaged or not a database: {error}") from error
    finally:
        conn.close()


def acquire_lock(path: Path) -> FileLock:
    """Take the database's lock file, or refuse at once if another Minutebook holds it."""
    lock = FileLock(str(path) + ".lock", timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise StoreError(
            f"{path} is already open in another Minutebook window; close that one first"
        ) from None
    except OSError as error:
        raise StoreError(f"cannot lock {path}: {error.strerror or error}") from error
    return lock


def read_setting(path: Path, key: str) -> str | None:
    """Read one setting from a Minutebook database without opening it for writing."""
    rows = _read_only_rows(path, "SELECT value FROM settings WHERE key = ?", [key])
    return str(rows[0][0]) if rows else None


def read_committee_codes(path: Path) -> list[str]:
    """The committees' codes in a Minutebook database, read without opening it for
    writing; none if the file is missing or unreadable."""
    return [
        str(row[0])
        for row in _read_only_rows(path, "SELECT code FROM committees ORDER BY code", [])
    ]


def _read_only_rows(path: Path, sql: str, parameters: list[str]) -> list[tuple[object, ...]]:
    if not path.is_file():
        return []
    uri = _read_only_uri(path)
    try:
        conn = sqlite3.connect(uri, uri=True)
        try:
            return conn.execute(sql, parameters).fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return []


def _read_only_uri(path: Path) -> str:
    # immutable=1: read without creating -wal/-shm files or taking locks, so that
    # looking at a file we then refuse leaves nothing behind beside it.
    return f"{path.resolve().as_uri()}?mode=ro&immutable=1"
