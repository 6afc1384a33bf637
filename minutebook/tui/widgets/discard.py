"""Asking before typed input is thrown away.

A screen that holds what the secretary types (the form dialog, the terms-of-reference
editor) keeps a ``DiscardGuard`` as ``discard_guard``. Once the screen is mounted the
guard remembers what every field opened with; ``leave(close)`` then closes at once if
nothing differs, and otherwise asks with the shared ``ConfirmScreen`` and closes only on
Y. The app asks the same before Ctrl+Q quits over such a screen (``typed_input_in``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from textual.screen import Screen
from textual.widget import Widget

from minutebook.tui.widgets.confirm import ConfirmScreen

DISCARD_QUESTION = "Discard what you typed?"
DISCARD_KEYS = "Y / Enter: discard it    N / Esc: keep editing"
QUIT_QUESTION = "Quit and discard what you typed in this form?"
QUIT_KEYS = "Y / Enter / Ctrl+Q: quit    N / Esc: keep editing"

FieldValues = list[tuple[str | None, object]]


def field_values(root: Widget) -> FieldValues:
    """What every field under ``root`` holds now, in the order they are laid out."""
    # Imported here: TextArea and the toggles cost start-up time the first screen does
    # not need, and the app imports this module to guard Ctrl+Q.
    from textual.widgets import Checkbox, Input, RadioButton, Select, Switch, TextArea

    values: FieldValues = []
    for widget in root.query("*"):
        value: object
        if isinstance(widget, Input):
            value = widget.value
        elif isinstance(widget, TextArea):
            value = widget.text
        elif isinstance(widget, Select | Switch | Checkbox | RadioButton):
            value = widget.value
        else:
            continue
        values.append((widget.id, value))
    return values


class DiscardGuard:
    """Remembers what a screen's fields opened with, and asks before losing changes."""

    def __init__(self, screen: Screen[Any]) -> None:
        self.screen = screen
        self.opened_with: FieldValues | None = None

    def remember(self) -> None:
        """Take the fields as they stand as the starting point (call once mounted)."""
        self.opened_with = field_values(self.screen)

    @property
    def changed(self) -> bool:
        """Whether any field differs from what it opened with."""
        return self.opened_with is not None and field_values(self.screen) != self.opened_with

    def leave(self, close: Callable[[], object]) -> None:
        """Close at once if nothing was changed; otherwise ask, and close only on Y.
        N or Escape leaves the screen as it was, focus included."""
        if not self.changed:
            close()
            return

        def answered(discard: bool | None) -> None:
            if discard:
                close()

        self.screen.app.push_screen(ConfirmScreen(DISCARD_QUESTION, DISCARD_KEYS), answered)


def typed_input_in(screens: Iterable[Screen[Any]]) -> DiscardGuard | None:
    """The guard of the uppermost screen holding changed input, if any does. The whole
    stack is looked at, so that help or the command palette opened over a form does not
    let Ctrl+Q lose what the form holds."""
    for screen in reversed(list(screens)):
        guard = getattr(screen, "discard_guard", None)
        if isinstance(guard, DiscardGuard) and guard.changed:
            return guard
    return None
