"""Bringing a tracker kept in Word, Excel or a .csv into the committee's tracker from the
tracker screen (`i`; docs/actions.md#bringing-a-tracker-in).

A form asks for the file; the preview screen then shows everything the import would
store (the actions, as numbered), the owners not known (offered as new people: "Add them
as new people", yes or no), every row that cannot be read with its place and reason, and
what the reading chose. Enter or Ctrl+S stores the whole file, Escape leaves with nothing
stored. The two steps are the command line's (`application.tracker_import.preview`,
then `accept`): what blocks the import, and the words saying so, are decided there.

Both steps run on the app's thread: the preview reads the store (people, numbers,
meetings), and the store's connection belongs to that thread. The form and the preview's
frame are shared with the register's import (`import_preview.py`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import DataTable, Static

from minutebook.application.tracker_import import (
    Imported,
    TrackerPreview,
    accept,
    number_runs,
    preview,
)
from minutebook.domain.dates import long_date, short_date
from minutebook.interchange.tracker_file import TrackerAction
from minutebook.tui.screens.import_preview import NEW, BringFileIn, ImportPreviewScreen
from minutebook.tui.widgets.cells import clipped, cursor_line, short_day

WIDE = 22
"""The action's width in the preview's list, so that the whole row fits 80 columns (the
line below the list gives the highlighted one in full)."""


def stored_words(done: Imported, code: str) -> str:
    """The notice once an import is stored: how many actions, their numbers, and the
    people added."""
    numbers = [a.number for a in done.actions if a.number is not None]
    span = f" (numbers {number_runs(numbers)})" if numbers else ""
    count = len(done.actions)
    words = f"Stored {count} action{'' if count == 1 else 's'} in {code}'s tracker{span}."
    if done.people:
        who = "new person" if len(done.people) == 1 else "new people"
        words += f"\nAdded {len(done.people)} {who}: " + ", ".join(p.name for p in done.people)
    return words


class BringTrackerIn(BringFileIn[TrackerPreview, Imported]):
    """The form asking for the tracker's file, then the preview."""

    WHAT = "tracker"
    TITLE = "Bring a tracker into {code}'s action tracker"

    def read(self, path: Path) -> TrackerPreview:
        return preview(self.app.store, self.code, path, today=self.app.clock().date())

    def preview_screen(self, seen: TrackerPreview, names: dict[str, str]) -> TrackerImportScreen:
        return TrackerImportScreen(self.code, seen, names)


class TrackerImportScreen(ImportPreviewScreen[Imported]):
    """What a tracker file would add to a committee's tracker, and what stops it; the
    whole file is stored with Enter or Ctrl+S, or nothing with Escape."""

    DEFAULT_CSS = """
    TrackerImportScreen #import-row { height: 4; border-top: solid $primary; }
    """

    BINDINGS = [
        Binding("ctrl+s", "accept", "Store them", priority=True, id="tracker_import.accept"),
        Binding("enter", "accept", "Store them", show=False, id="tracker_import.enter"),
        Binding("escape", "leave", "Leave, nothing stored", id="tracker_import.leave"),
    ]

    TABLE_ID = "import-actions"

    def __init__(self, code: str, seen: TrackerPreview, names: dict[str, str]) -> None:
        super().__init__()
        self.code = code
        self.seen = seen
        self.people_names = names

    def below_table(self) -> Iterator[Widget]:
        yield Static("", id="import-row")

    def asks_people(self) -> bool:
        return bool(self.seen.unknown_owners)

    def nothing_read(self) -> str | None:
        if not self.seen.actions and not self.seen.problems:
            return f"Nothing to store: {Path(self.seen.source).name} holds no actions"
        return None

    def store(self, add_people: bool) -> Imported:
        return accept(self.app.store, self.code, self.seen, add_people)

    def on_mount(self) -> None:
        table = self.query_one("#import-actions", DataTable)
        table.add_column("No.", width=3)
        table.add_column("Agreed", width=8)
        table.add_column("Action", width=WIDE)
        table.add_column("Owner", width=12)
        table.add_column("Due", width=8)
        table.add_column("Status", width=11)
        for row in self.seen.actions:
            action = row.action
            owner = NEW + row.new_owner.name if row.new_owner else self._owner_name(action.owner)
            table.add_row(
                str(action.number or ""),
                short_day(action.meeting_date),
                clipped(action.description, WIDE),
                clipped(owner, 12),
                short_day(action.due),
                action.status.label.split(" – ")[0],  # "Complete", of "Complete – propose …"
            )
        self._show_row()
        self.focus_list()

    def _owner_name(self, owner: str) -> str:
        return self.people_names.get(owner, owner)

    def title_text(self) -> str:
        seen = self.seen
        count = len(seen.actions)
        actions = f"{count} action{'' if count == 1 else 's'}"
        if seen.problems:
            return (
                f"{Path(seen.source).name}: {actions} read, {len(seen.problems)} row(s) "
                "cannot be read"
            )
        return f"{Path(seen.source).name}: {actions} to store in {self.code}'s tracker"

    def report(self) -> Text:
        seen = self.seen
        where = f"{self.code}'s tracker"
        return self.report_text(seen.problems, seen.unknown_owners, seen.notes, where)

    def _current(self) -> TrackerAction | None:
        return cursor_line(self.query_one("#import-actions", DataTable), self.seen.actions)

    @on(DataTable.RowHighlighted)
    def _show_row(self) -> None:
        """The highlighted action in full: its place in the file, where it was agreed,
        and its text."""
        row = self._current()
        shown = self.query_one("#import-row", Static)
        if row is None:
            shown.update(f"No action read from {Path(self.seen.source).name}.")
            return
        action = row.action
        text = Text()
        minute = f", minute {action.minute}" if action.minute else ""
        item = f" · {action.item_title}" if action.item_title else ""
        owner = row.new_owner.display_name + " (new)" if row.new_owner else None
        text.append(f"{row.place}", style="bold")
        text.append(f" · agreed {long_date(action.meeting_date)}{minute}{item}\n")
        due = f"due {short_date(action.due)}" if action.due else "no deadline"
        text.append(f"{owner or self._owner_name(action.owner)}, {due}: {action.description}")
        shown.update(text)
