"""Bringing a tracker kept in Word, Excel or a .csv into the committee's tracker from the
tracker screen (`i`; docs/actions.md#bringing-a-tracker-in).

A form asks for the file; the preview screen then shows everything the import would
store (the actions, as numbered), the owners not known (offered as new people: "Add them
as new people", yes or no), every row that cannot be read with its place and reason, and
what the reading chose. Enter or Ctrl+S stores the whole file, Escape leaves with nothing
stored. The two steps are the command line's (`application.tracker_import.preview`,
then `accept`): what blocks the import, and the words saying so, are decided there.

Both steps run on the app's thread: the preview reads the store (people, numbers,
meetings), and the store's connection belongs to that thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label, Select, Static

from minutebook.application.tracker_import import (
    Imported,
    TrackerPreview,
    accept,
    number_runs,
    preview,
)
from minutebook.domain.base import Refused
from minutebook.domain.dates import long_date, short_date
from minutebook.interchange.reading import FileError
from minutebook.interchange.tracker_file import TrackerAction
from minutebook.store.errors import StoreError
from minutebook.tui.sentences import sentence
from minutebook.tui.widgets.cells import clipped, cursor_line, short_day
from minutebook.tui.widgets.form import FormField, FormScreen
from minutebook.tui.widgets.tables import ListTable

if TYPE_CHECKING:
    from minutebook.tui.app import MinutebookApp

WIDE = 22
"""The action's width in the preview's list, so that the whole row fits 80 columns (the
line below the list gives the highlighted one in full)."""

NEW = "*"
"""Marks an owner not known to Minutebook in the list."""


def typed_file(typed: str) -> Path:
    """The file a secretary typed or pasted: surrounding spaces and quotes (as a file
    manager's "copy as path" or a drag into the terminal gives them) left off, `~`
    expanded. Refused, in the form's words, if it is blank, a folder, or `~nobody`."""
    text = typed.strip()
    if len(text) > 1 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1].strip()
    if not text:
        raise Refused("Give the tracker's file: a .docx, .xlsx or .csv")
    path = Path(text)
    try:
        path = path.expanduser()
        folder = path.is_dir()
    except RuntimeError:  # "~nobody": no such home folder
        raise Refused(f"There is no home folder for {path.parts[0]}") from None
    except OSError as error:  # a path longer than the system takes
        raise Refused(f"{text} cannot be read: {error.strerror or error}") from None
    if folder:
        raise Refused(f"{path} is a folder: give the tracker's file in it (.docx, .xlsx or .csv)")
    return path


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


class BringTrackerIn:
    """The form asking for the file, then the preview; `stored` is called with what an
    accepted import stored. The file last typed is offered again (a file corrected after
    a refusal is read again with one key)."""

    def __init__(self, screen: Screen[Any], code: str, stored: Callable[[Imported], None]) -> None:
        self.screen = screen
        self.code = code
        self.stored = stored
        self.typed = ""
        self.seen: TrackerPreview | None = None

    @property
    def app(self) -> MinutebookApp:
        app: MinutebookApp = self.screen.app  # type: ignore[assignment]
        return app

    def open(self) -> None:
        self.seen = None
        fields = [FormField("file", "Tracker file", placeholder="~/Documents/tracker.xlsx")]
        hint = (
            "A Word table (.docx), an Excel sheet (.xlsx) or a .csv. You see what it holds "
            "before anything is stored."
        )
        self.app.push_screen(
            FormScreen(
                f"Bring a tracker into {self.code}'s action tracker",
                fields,
                {"file": self.typed},
                self._read,
                hint=hint,
                save_label="Read it",
            ),
            self._read_done,
        )

    def _read(self, values: dict[str, Any]) -> str | None:
        self.typed = str(values.get("file") or "")
        try:
            path = typed_file(self.typed)
            self.seen = preview(self.app.store, self.code, path, today=self.app.clock().date())
        except FileError as error:
            return f"{error.source} {error.problems[0]}"
        except (Refused, StoreError) as error:
            return str(error)
        return None

    def _read_done(self, read: bool | None) -> None:
        if not read or self.seen is None:
            return
        store = self.app.store
        names = {p.id: p.name for p in store.people()}
        self.app.push_screen(TrackerImportScreen(self.code, self.seen, names), self._accepted)

    def _accepted(self, done: Imported | None) -> None:
        if done is not None:
            self.stored(done)


class TrackerImportScreen(Screen[Imported | None]):
    """What a tracker file would add to a committee's tracker, and what stops it; the
    whole file is stored with Enter or Ctrl+S, or nothing with Escape."""

    DEFAULT_CSS = """
    TrackerImportScreen #import-title { text-style: bold; height: 1; }
    TrackerImportScreen DataTable { height: 1fr; min-height: 4; }
    TrackerImportScreen #import-row { height: 4; border-top: solid $primary; }
    TrackerImportScreen #import-report { height: auto; max-height: 50%; }
    TrackerImportScreen #import-people { height: 1; }
    TrackerImportScreen #import-people Label { width: 24; color: $text-muted; }
    TrackerImportScreen #import-people Select { width: 12; }
    TrackerImportScreen #import-message { color: $error; height: auto; }
    """

    BINDINGS = [
        Binding("ctrl+s", "accept", "Store them", priority=True, id="tracker_import.accept"),
        Binding("enter", "accept", "Store them", show=False, id="tracker_import.enter"),
        Binding("escape", "leave", "Leave, nothing stored", id="tracker_import.leave"),
    ]

    app: MinutebookApp

    def __init__(self, code: str, seen: TrackerPreview, names: dict[str, str]) -> None:
        super().__init__()
        self.code = code
        self.seen = seen
        self.people_names = names

    def compose(self) -> ComposeResult:
        seen = self.seen
        with Vertical():
            yield Static(Text(self._title()), id="import-title")
            yield ListTable(id="import-actions", cursor_type="row", zebra_stripes=True)
            yield Static("", id="import-row")
            with VerticalScroll(id="import-report"):
                yield Static(self._report(), id="import-report-text")
            if seen.unknown_owners:
                with Horizontal(id="import-people"):
                    yield Label("Add them as new people")
                    yield Select(
                        [("Yes", True), ("No", False)],
                        value=False,
                        id="import-add-people",
                        compact=True,
                        allow_blank=False,
                    )
            yield Static("", id="import-message")
        yield Footer(compact=True)

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
        if table.row_count:
            table.focus()
        else:
            self.query_one("#import-report").focus()

    def _owner_name(self, owner: str) -> str:
        return self.people_names.get(owner, owner)

    def _title(self) -> str:
        seen = self.seen
        count = len(seen.actions)
        actions = f"{count} action{'' if count == 1 else 's'}"
        if seen.problems:
            return (
                f"{Path(seen.source).name}: {actions} read, {len(seen.problems)} row(s) "
                "cannot be read"
            )
        return f"{Path(seen.source).name}: {actions} to store in {self.code}'s tracker"

    def _report(self) -> Text:
        """What blocks the import first (rows not read, owners not known), then the
        notes, then what Enter does."""
        seen = self.seen
        text = Text()
        if seen.problems:
            text.append(
                f"Nothing can be stored: {len(seen.problems)} row(s) cannot be read. "
                "Correct them in the file, then bring it in again (i).\n",
                style="bold red",
            )
            for problem in seen.problems:
                text.append(f"  {problem}\n")
        if seen.unknown_owners:
            text.append(
                f"Not known to Minutebook ({NEW} in the list): "
                + ", ".join(seen.unknown_owners)
                + ". Choose Yes below to add them as new people, or correct the names in "
                "the file.\n",
                style="yellow",
            )
        for note in seen.notes:
            text.append(f"Note: {note}\n", style="italic")
        if not seen.problems:
            text.append(
                "Enter or Ctrl+S stores the whole file in "
                f"{self.code}'s tracker; Escape leaves with nothing stored."
            )
        text.rstrip()
        return text

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

    @on(Select.Changed, "#import-add-people")
    def _chosen(self) -> None:
        self.query_one("#import-message", Static).update("")

    @on(DataTable.RowSelected)
    def _enter_on_a_row(self) -> None:
        self.action_accept()

    def _add_people(self) -> bool:
        found = self.query("#import-add-people")
        if not found:
            return False
        return bool(found.only_one(Select).value is True)

    def action_accept(self) -> None:
        if not self.seen.actions and not self.seen.problems:
            self._refused(f"Nothing to store: {Path(self.seen.source).name} holds no actions")
            return
        try:
            done = accept(self.app.store, self.code, self.seen, self._add_people())
        except Refused as refused:
            self._refused(str(refused))
            return
        self.dismiss(done)

    def _refused(self, message: str) -> None:
        self.query_one("#import-message", Static).update(Text(sentence(message)))
        self.app.bell()

    def action_leave(self) -> None:
        self.dismiss(None)
