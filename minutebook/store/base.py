"""What every part of the store shares: the open connection, transactions, the row
reader, settings, checkpoints, and adding events to a meeting's timeline inside the
change they record. The repositories (committees, meetings, minutes, actions, the
timeline) build on `StoreBase`, and `Store` joins them."""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import Any

from sqlite_utils import Database

from minutebook.domain.timeline import Event, EventKind
from minutebook.store.database_file import DatabaseFile
from minutebook.store.errors import locked_conflict, write_failure
from minutebook.store.rows import to_row

IN_BATCH = 500
"""Values a query takes at once in `StoreBase._rows_in`."""


class StoreBase:
    """The connection to one open database file."""

    def __init__(self, db: Database, file: DatabaseFile):
        self.db = db
        self.file = file
        self.path = file.path
        self._checkpointed = -1  # the connection's total_changes at the last checkpoint

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """One logical change: all of it is committed, or none of it.

        The outer transaction begins IMMEDIATE so that a read followed by a write never
        fails half way under WAL; nested calls become savepoints. When the disk or the
        file fails (full, removed, read-only), wherever in the change and at the commit
        too, the change is rolled back and `WriteFailed` says why in the secretary's
        words: the store is as it was, and the same change can be made again.
        """
        conn = self.db.conn
        if conn.in_transaction:
            with self.db.atomic():
                yield self.db
            return
        try:
            # A reader's transaction is a plain one: it must never hold the write lock
            # that a Minutebook window with the same file open needs for its next key.
            conn.execute("BEGIN" if self.file.read_only else "BEGIN IMMEDIATE")
            if self.file.stamp is not None and not self.file.read_only:
                conn.execute(self.file.stamp)  # this session's number, in what it logs
        except (sqlite3.Error, OSError) as error:
            self._failed(error)
            raise
        try:
            yield self.db
        except BaseException as error:
            self._failed(error)
            raise
        try:
            conn.execute("COMMIT")
        except (sqlite3.Error, OSError) as error:
            self._failed(error)
            raise

    def _failed(self, error: BaseException) -> None:
        """Roll back what a failed change had done; raise a failure of the disk or the
        file as `WriteFailed` (any other error is the caller's to raise as it is)."""
        conn = self.db.conn
        if conn.in_transaction:
            # SQLite may have rolled back already (a full disk, an I/O error); if even
            # the rollback fails, the journal still undoes the change when next read.
            with suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        code = getattr(error, "sqlite_errorcode", 0) or 0
        if self.file.read_only and code & 0xFF == sqlite3.SQLITE_READONLY:
            return  # a reader asked to write: a fault in Minutebook, not the disk's
        failure = write_failure(error)
        if failure is not None:
            raise failure from error
        locked = locked_conflict(error)
        if locked is not None:  # the database refused to change signed minutes
            raise locked from error

    def _rows(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[dict[str, Any]]:
        cursor = self.db.execute(sql, params)
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

    def _rows_in(
        self, sql: str, values: Collection[Any], params: Sequence[Any] = ()
    ) -> list[dict[str, Any]]:
        """The rows of `sql` for these `values` (ids), its ``{marks}`` the placeholders
        of a batch of them after `params`: in sorted batches of `IN_BATCH`, as older
        SQLite builds take at most 999 parameters; none at all for no values."""
        ordered = sorted(set(values))
        rows: list[dict[str, Any]] = []
        for start in range(0, len(ordered), IN_BATCH):
            batch = ordered[start : start + IN_BATCH]
            marks = ", ".join("?" * len(batch))
            rows += self._rows(sql.format(marks=marks), [*params, *batch])
        return rows

    # -- the timeline, written within each change it records (docs/timeline.md) ---------

    def _add_events(
        self, meeting_id: int, events: Sequence[Event], recorded: str | None = None
    ) -> list[Event]:
        """Write events (inside the caller's transaction); returns them with their ids."""
        saved: list[Event] = []
        for event in events:
            row = to_row(event, exclude={"id"})
            row["phase"] = int(event.phase)
            cursor = self.db.execute(
                "INSERT INTO timeline (meeting_id, kind, item, phase, person, at, ref, note, "
                "recorded) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    meeting_id,
                    row["kind"],
                    row["item"],
                    row["phase"],
                    row["person"],
                    row["at"],
                    row["ref"],
                    row["note"],
                    recorded,
                ],
            )
            saved.append(event.model_copy(update={"id": cursor.lastrowid}))
        return saved

    def _correct(
        self,
        meeting_id: int,
        kind: EventKind,
        record: EventKind,
        ref: int,
        recorded: str | None,
        note: str | None = None,
    ) -> None:
        """Add a correction (edited, deleted, restored) of the record `ref` of the kind
        `record` to the timeline, pointing at the event that recorded it."""
        found = self._rows(
            "SELECT id, item FROM timeline WHERE meeting_id = ? AND kind = ? AND ref = ? "
            "ORDER BY id LIMIT 1",
            [meeting_id, record.value, ref],
        )
        item = found[0]["item"] if found else None
        target = int(found[0]["id"]) if found else None
        at = recorded[11:16] if recorded and len(recorded) >= 16 else None
        self._add_events(
            meeting_id,
            [Event(kind=kind, item=item, ref=target, note=note, at=at)],
            recorded,
        )

    def checkpoint(self) -> bool:
        """Make everything committed so far safe on disk against a power cut; whether it
        now is (docs/saving.md).

        Commits are written to the write-ahead log without waiting for the disk
        (synchronous=NORMAL): they survive the app being killed, not a power cut. A
        checkpoint syncs the log to the disk, copies it into the file and syncs that.
        It is made only when something was committed since the last complete one (the
        connection's count of changed rows), so calling it often costs nothing while
        nothing changes. It answers False when it could not copy the whole log (another
        connection, a backup or an export, was still reading an older state): try again
        in a moment. A failure of the disk is raised as `WriteFailed`.
        """
        if self.path is None or self.file.read_only:
            return True
        changes = self.db.conn.total_changes
        if changes == self._checkpointed:
            return True
        try:
            busy, log, copied = self.db.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        except (sqlite3.Error, OSError) as error:
            failure = write_failure(error)
            if failure is None:
                raise
            raise failure from error
        complete = not busy and copied == log
        if complete:
            self._checkpointed = changes
        return bool(complete)

    # -- settings --------------------------------------------------------------------

    def setting(self, key: str) -> str | None:
        return self.file.setting(key)

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction() as db:
            db.table("settings").upsert({"key": key, "value": value}, pk="key")

    @property
    def is_demo(self) -> bool:
        return self.file.is_demo

    def is_empty(self) -> bool:
        return not self._rows("SELECT 1 FROM committees LIMIT 1")
