"""What the lists of actions (matters arising, the tracker, a tracker brought in) put in
their cells at 80 columns, and which line of a list the cursor is on."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TypeVar

from textual.widgets import DataTable

T = TypeVar("T")


def short_day(day: date | None) -> str:
    """13/06/23: a date in a narrow column (the detail below a list has it in full)."""
    return f"{day:%d/%m/%y}" if day else ""


def clipped(text: str, width: int) -> str:
    """The text on one line, cut to `width` with an ellipsis where it is longer."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def cursor_line(table: DataTable[object], lines: Sequence[T]) -> T | None:
    """The line of `lines` (one per row, in order) the table's cursor is on."""
    if not table.row_count or not 0 <= table.cursor_row < len(lines):
        return None
    return lines[table.cursor_row]
