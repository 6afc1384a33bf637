"""Waiting for a screen to settle in Pilot tests. A form's refusal is fitted and scrolled
into view over a few refreshes (tui/widgets/form.py), and a slow machine (CI) may take
more than one pause to get there; these helpers wait a bounded while for what the test
then asserts, so a widget that never comes into view still fails within a second."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot
from textual.screen import Screen


def whole(screen: Screen[Any], selector: str, within: str = "#form") -> bool:
    """Whether the widget shows whole inside the container that clips it."""
    region = screen.query_one(selector).region
    return region.height > 0 and screen.query_one(within).region.contains_region(region)


async def settled(pilot: Pilot[Any], holds: Callable[[], bool], *, tries: int = 20) -> bool:
    """Whether `holds` comes true within `tries` short pauses."""
    for _ in range(tries):
        if holds():
            return True
        await pilot.pause(0.05)
    return holds()
