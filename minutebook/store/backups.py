"""Verified rolling backups of the database, and putting one back.

A backup is made with SQLite's backup API through a connection of its own that only
reads, so it is a consistent copy even while a window is typing into the file, and it
can run off the screen's thread. Each copy is written under a temporary name, given a
stamp of its own (so that it can never be mistaken for the live file beside that
file's log, see `opening.check_log`), checked with ``quick_check``, flushed to the disk
and only then renamed into place; older copies are pruned after that, never before.

Backups live in a ``backups`` folder beside the database (the data folder's, for the
secretary's own database), named ``<database>-<date>-<time>-<why>.db``. What is kept:
the latest `KEEP_LATEST`, and the newest of each day for `KEEP_DAYS` days.
"""

from __future__ import annotations

import os
import re
import secrets
import sqlite3
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from minutebook.store.errors import StoreError
from minutebook.store.opening import (
    KNOWN_STEPS,
    MIGRATION_SET,
    acquire_lock,
    check_existing,
    check_log,
    database_path,
    log_path,
    try_lock,
)

KEEP_LATEST = 20
KEEP_DAYS = 30
FOLDER = "backups"

_NAME = re.compile(r"^(?P<stem>.+)-(?P<when>\d{4}-\d{2}-\d{2}-\d{6})-(?P<why>[a-z-]+)(-\d+)?\.db$")
_WHEN = "%Y-%m-%d-%H%M%S"


@dataclass(frozen=True)
class Backup:
    """One verified copy of a database."""

    path: Path
    made: datetime
    reason: str


def backup_folder(database: Path) -> Path:
    """Where `database`'s rolling backups are kept."""
    return Path(database).expanduser().resolve().parent / FOLDER


def backups_of(database: Path, folder: Path | None = None) -> list[Backup]:
    """`database`'s backups in `folder` (its own by default), newest first."""
    stem = Path(database).stem
    folder = folder or backup_folder(database)
    found: list[Backup] = []
    if not folder.is_dir():
        return found
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match and match["stem"] == stem and entry.is_file():
            made = datetime.strptime(match["when"], _WHEN)
            found.append(Backup(entry, made, match["why"]))
    return sorted(found, key=lambda b: (b.made, b.path.name), reverse=True)


def make_backup(
    database: Path,
    folder: Path | None = None,
    *,
    reason: str = "manual",
    now: datetime | None = None,
    prune: bool = True,
) -> Backup:
    """Copy `database` into `folder` (its backups folder by default), verified and on
    the disk before it is renamed into place; then prune that folder's older copies
    (only in the backups folder: a folder given with --to is never pruned)."""
    database = database_path(Path(database))
    if not database.is_file() or database.stat().st_size == 0:
        raise StoreError(f"there is no Minutebook database at {database} to back up")
    check_existing(database)
    lock = try_lock(database)
    if lock is not None:  # no window has it open: a log beside it is a leftover
        try:
            check_log(database)
        finally:
            lock.release()
    own_folder = folder is None
    folder = Path(folder).expanduser() if folder is not None else backup_folder(database)
    now = now or datetime.now()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"cannot create the folder {folder}: {error.strerror}") from error
    name = f"{database.stem}-{now.strftime(_WHEN)}-{reason}.db"
    final = _free_name(folder / name)
    partial = folder / f".{final.name}.partial"
    try:
        _copy_verified(database, partial)
        _flush(partial)
        os.replace(partial, final)
        _flush_folder(folder)
    except sqlite3.Error as error:
        raise StoreError(f"cannot back up {database}: {error}") from error
    except OSError as error:
        raise StoreError(f"cannot write a backup in {folder}: {error.strerror or error}") from error
    finally:
        for leftover in (partial, Path(f"{partial}-journal")):
            leftover.unlink(missing_ok=True)
    backup = Backup(final, now.replace(microsecond=0), reason)
    if prune and own_folder:
        prune_backups(database, now=now)
    return backup


def prune_backups(database: Path, *, now: datetime | None = None) -> list[Path]:
    """Delete the copies the retention does not keep; returns what was deleted."""
    now = now or datetime.now()
    backups = backups_of(database)
    keep = {b.path for b in backups[:KEEP_LATEST]}
    days: set[str] = set()
    for backup in backups:  # newest first: the first seen on a day is that day's newest
        day = backup.made.date().isoformat()
        if backup.made >= now - timedelta(days=KEEP_DAYS) and day not in days:
            days.add(day)
            keep.add(backup.path)
    removed = [b.path for b in backups if b.path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def restore_backup(database: Path, backup: Path, *, now: datetime | None = None) -> Backup | None:
    """Put `backup` in place of `database`, keeping the current file as a backup first.
    Refuses a backup that is damaged, not Minutebook's or from a newer Minutebook, and
    a database open in a window. Returns the backup made of the file it replaced (None
    when there was none)."""
    database = database_path(Path(database))
    backup = database_path(Path(backup))
    if not backup.is_file():
        raise StoreError(f"there is no backup at {backup}")
    if backup == database:
        raise StoreError(f"{backup} is the database itself, not a backup of it")
    check_existing(backup)
    if backup.stat().st_size == 0:
        raise StoreError(f"{backup} is empty, not a Minutebook backup")
    if log_path(backup).exists() and log_path(backup).stat().st_size > 0:
        raise StoreError(
            f"{backup} has a log beside it ({log_path(backup).name}): it is a database in "
            "use, not a backup; make a backup of it with `minutebook backup` instead"
        )
    lock = acquire_lock(database)
    try:
        kept: Backup | None = None
        if database.is_file() and database.stat().st_size > 0:
            check_existing(database)
            try:
                check_log(database)
            except StoreError:
                # Another copy's log beside the file: the file is being replaced anyway,
                # so set the log aside (kept in the backups folder, never deleted) and
                # back up the file as it is without it.
                _set_aside_log(database, now or datetime.now())
            kept = make_backup(database, reason="before-restore", now=now, prune=False)
        partial = database.with_name(f".{database.name}.restoring")
        try:
            _copy_verified(backup, partial)
            _flush(partial)
            os.replace(partial, database)
        except sqlite3.Error as error:
            raise StoreError(f"{backup} cannot be restored: {error}") from error
        except OSError as error:
            raise StoreError(f"cannot restore {backup}: {error.strerror or error}") from error
        finally:
            partial.unlink(missing_ok=True)
        # The old file's log and index belong to the file just replaced (now backed up).
        for leftover in (log_path(database), Path(f"{database}-shm")):
            leftover.unlink(missing_ok=True)
        _flush_folder(database.parent)
    finally:
        lock.release()
    return kept


def _set_aside_log(database: Path, now: datetime) -> None:
    folder = backup_folder(database)
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"{database.stem}-{now.strftime(_WHEN)}-set-aside"
    for suffix in ("-wal", "-shm"):
        leftover = Path(f"{database}{suffix}")
        if leftover.exists():
            os.replace(leftover, _free_name(folder / f"{stem}.db{suffix}"))


# -- the copy itself ---------------------------------------------------------------------


def _copy_verified(source: Path, target: Path) -> None:
    """A consistent copy of `source` at `target` with a stamp of its own, in rollback
    mode (a copy is not a live file), checked whole and Minutebook's."""
    target.unlink(missing_ok=True)
    reader = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
    try:
        reader.execute("PRAGMA busy_timeout = 2000")
        copy = sqlite3.connect(target)
        try:
            reader.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
            copy.execute("PRAGMA synchronous = FULL")
            copy.execute(f"PRAGMA user_version = {secrets.randbelow(2**31 - 2) + 1}")
            verdict = copy.execute("PRAGMA quick_check").fetchone()[0]
            if verdict != "ok":
                raise StoreError(f"{source} is damaged ({verdict}); it was not copied")
            _check_ours(copy, source)
        finally:
            copy.close()
    finally:
        reader.close()


def _check_ours(conn: sqlite3.Connection, source: Path) -> None:
    try:
        steps = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
                [MIGRATION_SET],
            )
        ]
    except sqlite3.OperationalError:
        raise StoreError(f"{source} is not a Minutebook database") from None
    unknown = [step for step in steps if step not in KNOWN_STEPS]
    if not steps:
        raise StoreError(f"{source} is not a Minutebook database")
    if unknown:
        raise StoreError(f"{source} was made by a newer version of Minutebook ({unknown[0]})")


def _free_name(path: Path) -> Path:
    """`path`, or with -2, -3 … after it when copies are made within one second."""
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def _flush(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _flush_folder(folder: Path) -> None:
    """Make a rename durable. Windows has no directory handles to flush; its renames are
    journalled by NTFS."""
    if sys.platform == "win32":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
