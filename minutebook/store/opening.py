"""Opening the database safely: check before touching, lock, then migrate.

A file that is not SQLite, an SQLite file that Minutebook did not make, a database from
a newer Minutebook, or a read-only file is refused with a one-line reason before
anything is written to it (even switching on WAL writes to the file's header, so the
checks read through a read-only connection first). So is what is not a regular file (a
device, a pipe: opening one would hang or replace it) and a file with a second name (a
hard link: SQLite's log and Minutebook's lock follow the name, so two windows could
write it at once). A symbolic link is followed: the lock is taken on the file it names.
A second Minutebook on the same file is refused by a lock file, which the operating
system releases if the owner dies.

A write-ahead log (``-wal``) left beside the file is what SQLite will read next, so it
is checked as well, on a scratch copy, before anything is written: a log left by another
copy of the database (a backup put back beside a crash's log) is refused rather than
replayed into the file. Each session stamps its own number in the file's header at
opening and in every change it logs (docs/database-file.md explains the stamp).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import tempfile
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
    "0011_minutes_approval",
    "0012_audit_bursts",
    "0013_action_reviews",
    "0014_standing_items",
    "0015_approval_item_follows",
    "0016_agreed_actions_locked",
    "0017_paper_size",
    "0018_body_type",
    "0019_agenda_sections",
    "0020_decision_labels",
    "0021_action_marks",
    "0022_register_of_interests",
    "0023_decision_votes",
    "0024_prompt_dismissals",
    "0025_search",
    "0026_compliance_settings",
    "0028_register_date_precision",
    "0029_search_dates",
)
"""Every schema step this version knows, oldest first. They are named here, apart from
the steps themselves in `migrations`, so that a file can be checked without importing
sqlite-utils; `migrations` refuses to load if the two lists differ."""

SQLITE_HEADER = b"SQLite format 3\x00"


def database_path(path: Path) -> Path:
    """The file a database path names, symbolic links followed; StoreError for what is
    not a regular file or has a second name. Nothing is opened."""
    path = Path(path).expanduser()
    try:
        status = os.stat(path)
    except FileNotFoundError:
        if path.is_symlink():
            raise StoreError(f"{path} is a link to a file that does not exist") from None
        return path.resolve()
    except OSError as error:
        raise StoreError(f"cannot use {path}: {error.strerror or error}") from error
    if stat.S_ISDIR(status.st_mode):
        raise StoreError(f"{path} is a folder, not a Minutebook database")
    if not stat.S_ISREG(status.st_mode):
        raise StoreError(
            f"{path} is not a regular file (a device, pipe or socket); a Minutebook "
            "database is an ordinary file"
        )
    if status.st_nlink > 1:
        raise StoreError(
            f"{path} has another name (a hard link), so two windows could write it at "
            "once; copy it to a file of its own and open the copy"
        )
    return path.resolve()


def check_existing(path: Path) -> None:
    """Raise StoreError if `path` exists but is not a Minutebook database we may open."""
    if not path.exists():
        return
    database_path(path)
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
    """Take the database's lock file, or refuse at once if another Minutebook holds it.
    The lock sits beside the file itself, whatever link it was reached through."""
    path = database_path(path)
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


def try_lock(path: Path) -> FileLock | None:
    """The lock if nobody holds it, else None: for readers that only want to know."""
    try:
        return acquire_lock(path)
    except StoreError:
        return None


# -- the write-ahead log left beside the file ------------------------------------------

STAMP_OFFSET = 60
"""Where SQLite keeps `PRAGMA user_version` in the file's header: Minutebook's session
stamp (docs/database-file.md)."""


def log_path(path: Path) -> Path:
    return Path(f"{path}-wal")


def file_stamp(path: Path) -> int:
    """The session stamp in the database file itself (its log not read)."""
    with Path(path).open("rb") as handle:
        handle.seek(STAMP_OFFSET)
        return int.from_bytes(handle.read(4), "big", signed=True)


def check_log(path: Path) -> None:
    """Refuse a write-ahead log beside `path` that SQLite would replay into it but that
    was not written on top of this file. Call with the file's lock held: the check reads
    a scratch copy of both, so nothing beside the file is touched."""
    wal = log_path(path)
    try:
        if wal.stat().st_size == 0:
            return
    except FileNotFoundError:
        return
    except OSError as error:
        raise StoreError(f"cannot read {wal}: {error.strerror or error}") from error
    shm = Path(f"{path}-shm")
    move = f"{wal.name} and {shm.name}" if shm.exists() else wal.name
    foreign = StoreError(
        f"{wal} holds changes made to another copy of this database (a backup put back "
        f"beside the log of a crash, or a copy), not to {path.name}; nothing was opened or "
        f"changed. To open {path.name} as it is, move {move} to another folder"
    )
    if not path.exists() or path.stat().st_size == 0:
        raise foreign
    replayed_stamp, ok = _replayed(path, wal)
    if not ok or replayed_stamp != file_stamp(path):
        raise foreign


def _replayed(path: Path, wal: Path) -> tuple[int | None, bool]:
    """The stamp SQLite reads from the file with its log, and whether that database is
    whole and ours: read on a scratch copy, so the real log is not replayed."""
    with tempfile.TemporaryDirectory(prefix="minutebook-check-") as folder:
        copy = Path(folder) / "check.db"
        try:
            shutil.copyfile(path, copy)
            shutil.copyfile(wal, log_path(copy))
        except OSError as error:
            raise StoreError(
                f"cannot check {wal} beside {path.name}: {error.strerror or error}"
            ) from error
        conn = sqlite3.connect(copy)
        try:
            stamp = int(conn.execute("PRAGMA user_version").fetchone()[0])
            whole = conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            tables = {
                row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            ours = not tables or "_sqlite_migrations" in tables
            return stamp, whole and ours
        except sqlite3.DatabaseError:
            return None, False
        finally:
            conn.close()


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
