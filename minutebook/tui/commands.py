"""Shared pieces for the command palette: each screen lists what it can do."""

from __future__ import annotations

from collections.abc import Callable

PaletteCommand = tuple[str, str, Callable[[], object]]
"""(title, help, callback) as a screen's `palette_commands()` returns them."""


def on_tab(
    switch: Callable[[str], None], tab: str, then: Callable[[], object]
) -> Callable[[], None]:
    """A command that first shows `tab` (so the result is in view), then runs `then`."""

    def run() -> None:
        switch(tab)
        then()

    return run
