"""Errors the store reports in words a secretary can act on."""

from __future__ import annotations

import errno
import sqlite3


class StoreError(Exception):
    """The database cannot be used as asked; the message says why in one line."""


class NotFound(StoreError):
    """A committee, meeting or row that was asked for is not in the database."""


class Conflict(StoreError):
    """The change would contradict what is stored (a duplicate id, a locked meeting)."""


LOCK_MESSAGE = "signed and locked: these minutes cannot be changed"
"""What the database's lock triggers say when a change touches signed minutes
(migration 0011_minutes_approval); the store turns it into a `Conflict`. Never reword
it: it is written into the triggers of every database file made since, and the store
recognises a refusal by it."""

LOCKED = "these minutes are signed and locked: record a correction at a later meeting"


def locked_conflict(error: BaseException) -> Conflict | None:
    """The Conflict a refusal by the database's lock triggers means; None for any other
    error."""
    if isinstance(error, sqlite3.IntegrityError) and LOCK_MESSAGE in str(error):
        return Conflict(LOCKED)
    return None


class WriteFailed(StoreError):
    """The database file could not be written: the disk is full, the drive has gone, the
    file has become read-only. Nothing of the change was kept and the store is as it was
    before it; the same change can be made again once the cause is gone.

    `reason` says why in a few words (for a status line: "the disk is full"); the
    message says what to do, for a form that keeps what was typed."""

    def __init__(self, reason: str, advice: str) -> None:
        super().__init__(f"Not saved: {reason}. What you typed is kept: {advice}.")
        self.reason = reason


_CHECK_THE_DRIVE = "check the drive (was it removed?), then save again"

_SQLITE_REASONS: dict[int, tuple[str, str]] = {
    sqlite3.SQLITE_FULL: ("the disk is full", "free some space on it, then save again"),
    sqlite3.SQLITE_IOERR: ("the disk could not be written", _CHECK_THE_DRIVE),
    sqlite3.SQLITE_CANTOPEN: ("the database file cannot be reached", _CHECK_THE_DRIVE),
    sqlite3.SQLITE_READONLY: (
        "the database file has become read-only",
        "check the drive and the file's permissions, then save again",
    ),
    sqlite3.SQLITE_PERM: (
        "Minutebook may not write to the database file",
        "check the file's permissions, then save again",
    ),
    sqlite3.SQLITE_BUSY: (
        "another program is holding the database file",
        "close it, then save again",
    ),
    sqlite3.SQLITE_LOCKED: (
        "another program is holding the database file",
        "close it, then save again",
    ),
    sqlite3.SQLITE_CORRUPT: (
        "the database file is damaged",
        "run 'minutebook check', and restore a backup if it says so",
    ),
    sqlite3.SQLITE_NOTADB: (
        "the database file is damaged",
        "run 'minutebook check', and restore a backup if it says so",
    ),
}
"""What the storage failures SQLite reports (by primary result code) mean for the
secretary. Any other error (an SQL mistake, a broken constraint) is a fault in
Minutebook, not in the disk, and is not dressed up as one."""

_OS_REASONS: dict[int, tuple[str, str]] = {
    errno.ENOSPC: _SQLITE_REASONS[sqlite3.SQLITE_FULL],
    errno.EROFS: ("the drive is read-only", _CHECK_THE_DRIVE),
    errno.EACCES: _SQLITE_REASONS[sqlite3.SQLITE_PERM],
    errno.EPERM: _SQLITE_REASONS[sqlite3.SQLITE_PERM],
}


def write_failure(error: BaseException) -> WriteFailed | None:
    """The failure to write that `error` reports, in the secretary's words; None if it is
    not a failure of the disk or the file (then it is a fault, and is raised as it is)."""
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        if code is None:
            return None
        found = _SQLITE_REASONS.get(code & 0xFF)  # extended codes carry the primary one
        return WriteFailed(*found) if found else None
    if isinstance(error, OSError):
        reason, advice = _OS_REASONS.get(
            error.errno or 0,
            (f"the disk could not be written ({error.strerror or error})", _CHECK_THE_DRIVE),
        )
        return WriteFailed(reason, advice)
    return None
