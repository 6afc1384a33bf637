"""Live capture on signed minutes: the record is read only (the database refuses every
change, docs/lifecycle.md), and whatever would change it says why rather than nothing.

The keys that record something (F3 decision, F4 action, F5 declaration, F11 matters
arising, F12 approval) are greyed in the footer; pressed, like a character typed where
the minute would be, they show the database's own words ("The minutes of 20 September
2023 are signed and locked: record a correction at a later meeting"), once while the
notice is on screen (the app does not stack a refusal already shown).
`LiveMeetingScreen` builds on it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events

from minutebook.tui.screens.live_saving import MinuteSaving

if TYPE_CHECKING:
    from minutebook.application.capture import MeetingCapture

RECORDING = frozenset({"decision", "action", "declaration", "arising", "approve"})
"""The live screen's actions that record something at this meeting."""


class SignedMinutes(MinuteSaving):
    """What live capture refuses while the minutes are signed, and how it says so."""

    capture: MeetingCapture  # the screen's, from its mounting on

    @property
    def locked(self) -> bool:
        return self.capture.locked

    def unlocked(self) -> bool:
        """Whether the record may be changed; if not, say why."""
        if self.locked:
            self.notify(self.capture.locked_words, severity="warning")
        return not self.locked

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Greyed in the footer: what the key would record cannot be recorded. The key
        # itself still arrives at `on_key`, which says why.
        if action in RECORDING and self.is_mounted and self.locked:
            return None
        return True

    def on_key(self, event: events.Key) -> None:
        if not self.is_mounted or not self.locked:
            return
        bound = self.active_bindings.get(event.key)
        if event.is_printable or (bound is not None and bound.binding.action in RECORDING):
            self.unlocked()
