"""A change the secretary confirmed, made through the store; if the store cannot make
it (a full disk, a read-only drive: `WriteFailed`), the screen says why and nothing
was changed, so the same key tries again (docs/saving.md)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.screen import Screen

from minutebook.store import StoreError


def stored(screen: Screen[Any], change: Callable[[], object]) -> bool:
    """Make `change`; whether it was made (if not, `screen` has said why)."""
    try:
        change()
    except StoreError as error:
        screen.notify(str(error), severity="error", timeout=10)
        return False
    return True
