"""The open database file, before the full store is loaded.

Opening Minutebook must show the committees within a blink, but the full store needs the
domain models (pydantic) and sqlite-utils, which take longer to import than Textual takes
to draw a screen. So the file is opened, checked, locked and read for the first screen
with the standard library alone; the full `Store` is built on the same connection the
first time something needs it (usually while the secretary is still reading the list).

Nothing here writes except the connection settings, and a file whose schema is not up
to date is migrated through the full store straight away.
"""

from __future__ import annotations

import secrets
import sqlite3
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from minutebook.domain.summaries import CommitteeSummary
from minutebook.store.errors import StoreError
from minutebook.store.opening import (
    KNOWN_STEPS,
    MIGRATION_SET,
    acquire_lock,
    check_existing,
    check_log,
    database_path,
    try_lock,
)

if TYPE_CHECKING:
    from filelock import FileLock

    from minutebook.store.health import Health
    from minutebook.store.store import Store

BUSY_TIMEOUT_MS = 250
"""A short wait on a locked file: better a clear message than a frozen screen."""

_COMMITTEE_SUMMARIES = """
SELECT c.code, c.name, c.house_style,
    (SELECT count(*) FROM seats s
        WHERE s.committee = c.code AND s.retired_on IS NULL AND s.holder IS NOT NULL),
    (SELECT min(m.date) FROM meetings m WHERE m.committee = c.code AND m.date >= ?)
FROM committees c
ORDER BY c.name
"""


class DatabaseFile:
    """One Minutebook database, open and locked; `store()` gives the full store on it."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path | None = None,
        lock: FileLock | None = None,
        *,
        read_only: bool = False,
    ) -> None:
        self.conn = conn
        self.path = path
        self._lock = lock
        self.read_only = read_only
        self._store: Store | None = None
        self.stamp: str | None = None
        """Run in every write transaction: this session's number in the logged header."""

    @classmethod
    def open(cls, path: Path | str) -> DatabaseFile:
        """Open (creating if needed) the database at `path`, refusing unsafe files."""
        path = database_path(Path(path))
        check_existing(path)
        if not path.parent.exists():
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StoreError(
                    f"cannot create the folder {path.parent}: {error.strerror}"
                ) from error
        had_lock_file = Path(f"{path}.lock").exists()
        lock = acquire_lock(path)
        conn: sqlite3.Connection | None = None
        try:
            check_log(path)  # what SQLite would replay, checked before it can
            conn = sqlite3.connect(str(path))
            database = cls(conn, path, lock)
            database._configure()
            database._new_session()
            if not database._up_to_date():
                database.store()  # a new or older file: migrate it before anything reads it
        except BaseException as error:
            if conn is not None:
                conn.close()
            lock.release()
            if not had_lock_file and conn is None:
                Path(f"{path}.lock").unlink(missing_ok=True)  # refused before opening
            if isinstance(error, sqlite3.Error):
                raise StoreError(f"cannot open {path}: {sqlite_reason(error)}") from error
            raise
        return database

    @classmethod
    def open_to_read(cls, path: Path | str) -> DatabaseFile:
        """Open an existing database only to read it (an export, a forecast), even while
        a Minutebook window has it open: no lock is kept and nothing can be written.
        Under WAL the reader sees every change committed before it began, and the
        window's own writes never wait for it. With no window open, a log left beside
        the file is checked first, as on opening it for writing."""
        path = Path(path).expanduser()
        if not path.exists():
            raise StoreError(f"there is no Minutebook database at {path}")
        path = database_path(path)
        check_existing(path)
        lock = try_lock(path)
        if lock is not None:  # no window has it: a log beside it is left over, not live
            try:
                check_log(path)
            finally:
                lock.release()
        try:
            conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        except sqlite3.Error as error:
            raise StoreError(f"cannot read {path}: {sqlite_reason(error)}") from error
        database = cls(conn, path, read_only=True)
        if not database._up_to_date():
            conn.close()
            raise StoreError(
                f"{path} was made by an earlier Minutebook: open it in Minutebook once to "
                "bring it up to date"
            )
        return database

    @classmethod
    def in_memory(cls) -> DatabaseFile:
        """A private database in memory, for tests and previews."""
        database = cls(sqlite3.connect(":memory:"))
        database._configure()
        return database

    def _configure(self) -> None:
        conn = self.conn
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if self.path is not None:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise StoreError(f"{self.path}: the folder does not allow SQLite's WAL mode")
        conn.execute("PRAGMA synchronous = NORMAL")
        if sys.platform == "darwin":
            # macOS's fsync does not reach the platter; checkpoints must use F_FULLFSYNC.
            conn.execute("PRAGMA fullfsync = ON")
            conn.execute("PRAGMA checkpoint_fullfsync = ON")
        conn.execute("PRAGMA foreign_keys = ON")

    def _new_session(self) -> None:
        """Stamp a new session number in the file's header, written straight into the
        file (not the log) so that it is there before this session logs anything; every
        change this session logs carries it (`stamp`), and `check_log` compares the two.
        If another program is reading the file the old number is kept: only the check is
        weaker, never the data."""
        conn = self.conn
        try:
            conn.execute("PRAGMA journal_mode = DELETE")  # folds the log into the file
            if str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "delete":
                conn.execute("PRAGMA synchronous = FULL")
                conn.execute(f"PRAGMA user_version = {secrets.randbelow(2**31 - 2) + 1}")
        except sqlite3.OperationalError:
            pass  # a reader holds the file; keep the stamp it has
        finally:
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA journal_mode = WAL")
        number = int(conn.execute("PRAGMA user_version").fetchone()[0])
        self.stamp = f"PRAGMA user_version = {number}"

    def _up_to_date(self) -> bool:
        try:
            rows = self.conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
                [MIGRATION_SET],
            ).fetchall()
        except sqlite3.OperationalError as error:
            if "no such table" in str(error):
                return False  # no migrations table yet: a new file
            raise StoreError(f"cannot read {self.path}: {sqlite_reason(error)}") from error
        return tuple(row[0] for row in rows) == KNOWN_STEPS

    def store(self) -> Store:
        """The full store on this file, built (and the schema migrated) on first use."""
        if self._store is None:
            from minutebook.store.store import Store

            self._store = Store.on(self)
        return self._store

    # -- what the first screen needs ---------------------------------------------------

    def setting(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return None if row is None else str(row[0])

    @property
    def is_demo(self) -> bool:
        return self.setting("demo") == "yes"

    def committee_summaries(self, today: date) -> list[CommitteeSummary]:
        """Every committee by name, with its members in post and its next meeting."""
        rows = self.conn.execute(_COMMITTEE_SUMMARIES, [today.isoformat()]).fetchall()
        return [
            CommitteeSummary(
                code=code,
                name=name,
                house_style=style,
                members=members,
                next_meeting=date.fromisoformat(coming) if coming else None,
            )
            for code, name, style, members, coming in rows
        ]

    def health(self) -> Health:
        """What `minutebook check` reports (store.health)."""
        from minutebook.store.health import Health, check_health

        try:
            return check_health(self.conn)
        except sqlite3.DatabaseError as error:
            return Health(problems=[f"the file cannot be read through: {error}"])

    # -- closing -----------------------------------------------------------------------

    def close(self) -> None:
        """Checkpoint the log into the main file and release the lock."""
        try:
            if self.path is not None and not self.read_only:
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.conn.close()
        finally:
            if self._lock is not None:
                self._lock.release()


def sqlite_reason(error: sqlite3.Error) -> str:
    """An SQLite error in a secretary's words where it has some."""
    code = getattr(error, "sqlite_errorcode", None)
    if code == sqlite3.SQLITE_FULL:
        return "the disk is full; free some space and try again"
    if code == sqlite3.SQLITE_READONLY:
        return "the file or its folder is read-only"
    if code is not None and code & 0xFF == sqlite3.SQLITE_IOERR:
        return f"the disk could not be written or read ({error})"
    return str(error)
