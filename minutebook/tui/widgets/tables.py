"""Tables of rows (members, meetings, the room): Home and End go to the first and last
row, as a secretary expects of a list, instead of scrolling sideways."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import DataTable


class ListTable(DataTable[object]):
    """A DataTable whose Home / End move the cursor to the first / last row."""

    BINDINGS = [
        Binding("home", "first_row", "First", show=False),
        Binding("end", "last_row", "Last", show=False),
    ]

    def action_first_row(self) -> None:
        if self.row_count:
            self.move_cursor(row=0)

    def action_last_row(self) -> None:
        if self.row_count:
            self.move_cursor(row=self.row_count - 1)
