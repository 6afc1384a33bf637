"""What every part of the store shares: the open connection, transactions, the row
reader, settings and checkpoints. The repositories (committees, meetings, minutes,
actions) build on `StoreBase`, and `Store` joins them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlite_utils import Database

from minutebook.store.database_file import DatabaseFile


class StoreBase:
    """The connection to one open database file."""

    def __init__(self, db: Database, file: DatabaseFile):
        self.db = db
        self.file = file
        self.path = file.path

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """One logical change: all of it is committed, or none of it.

        The outer transaction begins IMMEDIATE so that a read followed by a write never
        fails half way under WAL; nested calls become savepoints.
        """
        conn = self.db.conn
        if conn.in_transaction:
            with self.db.atomic():
                yield self.db
            return
        # A reader's transaction is a plain one: it must never hold the write lock that
        # a Minutebook window with the same file open needs for its next keystroke.
        conn.execute("BEGIN" if self.file.read_only else "BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        else:
            conn.execute("COMMIT")

    def _rows(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[dict[str, Any]]:
        cursor = self.db.execute(sql, params)
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

    def checkpoint(self) -> None:
        """Make everything committed so far safe on disk against a power cut.

        Commits are written to the WAL without waiting for the disk (synchronous=NORMAL),
        which survives the app being killed; a checkpoint flushes the log. Called every
        few seconds and at each item change during a meeting, off the keystroke path.
        """
        if self.path is not None:
            self.db.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")

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
