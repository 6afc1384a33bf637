"""The app's own backups: one on opening, one every 30 minutes while changes are made,
and one on closing (made by the command after the app has closed the file).

Each runs in a thread with a connection of its own (store.backups), so a backup never
holds up a keystroke; the app's header says when the last one was made, or that one
failed and why (the backups folder full or missing, say), without interrupting work.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from minutebook.store.errors import StoreError

if TYPE_CHECKING:
    from textual.app import App

    from minutebook.store.database_file import DatabaseFile

EVERY = 30 * 60.0
"""Seconds between backups while changes are being made."""
LOOK_EVERY = 60.0
"""How often the app looks whether a backup is due."""
OPENING_DELAY = 5.0
"""Seconds after the first screen before the opening backup: a copy made at once
competed with the first keys typed (on two busy cores, 20-30 ms)."""


class BackupKeeper:
    """Backs up the database `file` that `app` has open; `on_change` shows the status."""

    def __init__(self, app: App[Any], file: DatabaseFile, on_change: Callable[[], None]) -> None:
        self.app = app
        self.file = file
        self.on_change = on_change
        self.last: datetime | None = None
        self.failure: str | None = None
        self._changes_backed_up = -1
        self._due = time.monotonic() + EVERY
        self._running = False

    @property
    def path(self) -> Path | None:
        return None if self.file.read_only else self.file.path

    def start(self) -> None:
        """The opening backup (a few seconds in, off the first keys' way), then a look
        every minute."""
        if self.path is None:
            return
        if OPENING_DELAY:
            self.app.set_timer(OPENING_DELAY, lambda: self.back_up("open"))
        else:
            self.back_up("open")
        self.app.set_interval(LOOK_EVERY, self.look)

    def look(self) -> None:
        """Back up if 30 minutes have passed and something changed since the last one."""
        if time.monotonic() >= self._due and self.changed_since_last():
            self.back_up("half-hourly")

    def changed_since_last(self) -> bool:
        """Whether anything was changed since the last backup began (or ever, if none)."""
        return self.path is not None and self.file.conn.total_changes != self._changes_backed_up

    def back_up(self, reason: str) -> None:
        if self.path is None or self._running:
            return
        self._running = True
        self._changes_backed_up = self.file.conn.total_changes
        self._due = time.monotonic() + EVERY
        path, now = self.path, self.app.clock()  # type: ignore[attr-defined]
        self.app.run_worker(
            lambda: self._make(path, reason, now), name="backup", thread=True, exit_on_error=False
        )

    def _make(self, path: Path, reason: str, now: datetime) -> None:
        from minutebook.store.backups import make_backup

        try:
            made = make_backup(path, reason=reason, now=now)
        except StoreError as error:
            self.app.call_from_thread(self._done, None, str(error))
        else:
            self.app.call_from_thread(self._done, made.made, None)

    def _done(self, made: datetime | None, failure: str | None) -> None:
        self._running = False
        self.failure = failure
        if made is not None:
            self.last = made
        self.on_change()

    def status(self) -> str:
        """For the header: when the last backup was made, or that it failed."""
        if self.failure is not None:
            return "backup FAILED (minutebook backup says why)"
        if self.last is None:
            return "backing up…" if self._running else ""
        return f"backed up {self.last:%H:%M}"
