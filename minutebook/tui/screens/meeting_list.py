"""The committee's meetings tab as a table: each meeting's date, time, venue, session,
where its minutes stand with the date of that step ("draft", "circulated 01/07/2023",
"signed 20/09/2023") and how many agenda items it has.

Where the minutes stand is `MinutesLifecycle.overview`'s answer, the same one
`minutebook meetings list` prints (docs/lifecycle.md). The columns fit 80 columns: the
venue is cut (the meeting's own screen shows it whole)."""

from __future__ import annotations

from textual.widgets import DataTable

from minutebook.application.lifecycle import MinutesLifecycle
from minutebook.domain.dates import short_date
from minutebook.store import Store

VENUE_WIDTH = 18
MINUTES_WIDTH = 21
"""Wide enough for the longest stage, "circulated 01/07/2023"."""


def add_meeting_columns(table: DataTable[object]) -> None:
    table.add_columns("Date", "Time")
    table.add_column("Venue", width=VENUE_WIDTH)
    table.add_column("Session")
    table.add_column("Minutes", width=MINUTES_WIDTH)
    table.add_column("Items")


def fill_meetings(
    table: DataTable[object], store: Store, code: str, select: int | None = None
) -> None:
    """Fill the table again, keeping the cursor where it was or on meeting `select`
    (a meeting whose date changed moves in the list)."""
    keep = table.cursor_row
    table.clear()
    items = store.agenda_counts(code)  # one grouped query, not every agenda read
    for stage in MinutesLifecycle(store).overview(code):
        meeting = stage.meeting
        if meeting.id == select:
            keep = table.row_count
        table.add_row(
            short_date(meeting.date),
            meeting.time or "",
            meeting.venue or "",
            meeting.session.value,
            stage.stage,
            str(items.get(meeting.id or 0, 0)),
            key=str(meeting.id),
        )
    if table.row_count:
        table.move_cursor(row=min(keep, table.row_count - 1))
