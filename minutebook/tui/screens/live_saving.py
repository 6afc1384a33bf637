"""Live capture when the minute cannot be written (a full disk, a removed drive, a
read-only file): what was typed stays in the editor, the top line says it is NOT SAVED
and why, the save is tried again every `RETRY_EVERY` seconds (and after every key)
until it is written, and the secretary cannot move away or quit without being told
that the minute would be lost (docs/saving.md). `LiveMeetingScreen` builds on it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

from minutebook.store import StoreError
from minutebook.tui.widgets.discard import DiscardGuard

if TYPE_CHECKING:
    from textual.timer import Timer

RETRY_EVERY = 2.0
"""Seconds between attempts to write a minute that could not be written (a full disk):
meanwhile it stays in the editor and the top line says it is not saved."""


class UnsavedMinute(DiscardGuard):
    """Ctrl+Q asks before quitting while the minute typed cannot be written: it is only
    in the editor, and quitting would lose it. While it saves, nothing is asked."""

    def __init__(self, screen: MinuteSaving) -> None:
        super().__init__(screen)
        self.live = screen

    @property
    def changed(self) -> bool:
        return self.live.not_saved is not None


class MinuteSaving(Screen[None]):
    """The not-saved state of live capture's minute, and what it refuses meanwhile."""

    def __init__(self) -> None:
        super().__init__()
        self.not_saved: StoreError | None = None  # why the typed text could not be written
        self._retry: Timer | None = None
        self._pending = False  # typed text not yet written
        self._closing = False  # being taken down: save, but draw nothing
        self.discard_guard = UnsavedMinute(self)

    def save_now(self) -> bool:
        """Write what is typed; whether all of it is written (the screen's own)."""
        raise NotImplementedError

    def refresh_status(self) -> None:
        """Draw the top line again (the screen's own)."""
        raise NotImplementedError

    def _not_written(self, error: StoreError) -> None:
        """The typed text could not be written: keep it, say so, and try again."""
        first = self.not_saved is None
        self.not_saved = error
        self._pending = True
        if self._closing:
            return
        if self._retry is None:
            self._retry = self.set_interval(RETRY_EVERY, self.save_now)
        if first:
            self.notify(str(error), severity="error", timeout=10)
        self.refresh_status()

    def _written(self) -> None:
        """Everything typed is written: after a failure, stop retrying and say so."""
        if self.not_saved is None:
            return
        self.not_saved = None
        if self._retry is not None:
            self._retry.stop()
            self._retry = None
        if not self._closing:
            self.notify("Saved: the minute is written to the database again.")
            self.refresh_status()

    def _minute_kept(self, refusal: str) -> bool:
        """Save the minute before leaving it; if it cannot be written, say why the
        secretary stays on it (leaving would lose it) and answer False."""
        if self.save_now():
            return True
        self.notify(
            f"{refusal}: this item's minute is not saved yet and would be lost. It is "
            "tried again every few seconds; the top line says when it is saved.",
            severity="error",
            timeout=10,
        )
        return False
