"""Light read-only views for lists, such as the committees on the first screen.

They are plain dataclasses rather than validated models: they are read straight from the
store (which validated everything on the way in) and must not cost the start-up the
import of the full domain.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

STYLE_LABELS = {"council": "Council", "nhs": "NHS"}


@dataclass(frozen=True, slots=True)
class CommitteeSummary:
    """A committee as the committees list shows it."""

    code: str
    name: str
    house_style: str
    members: int
    """Seats in post (not retired, with a holder)."""
    next_meeting: date | None
    """The first meeting on or after today, if any is arranged."""

    @property
    def style_label(self) -> str:
        return STYLE_LABELS.get(self.house_style, self.house_style)
