"""What bringing a file in would store, before anything is: the screen shared by the
tracker's import (`tracker_import.py`) and the register's (`register_import.py`).

A title, the list of what was read, what blocks the import and the notes, "Add them as
new people" (yes or no) when people are not known, and a line for a refusal. Enter or
Ctrl+S stores the whole file through the subclass's `store` (the application's
`accept`, which decides what blocks it and words the refusal); Escape leaves with
nothing stored. Each subclass keeps its own key bindings, whose ids a keymap names."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Footer, Label, Select, Static

from minutebook.domain.base import Refused
from minutebook.interchange.reading import FileError
from minutebook.store.errors import StoreError
from minutebook.tui.sentences import sentence
from minutebook.tui.widgets.form import FormField, FormScreen
from minutebook.tui.widgets.tables import ListTable

if TYPE_CHECKING:
    from minutebook.tui.app import MinutebookApp

NEW = "*"
"""Marks a person not known to Minutebook in the list."""

Stored = TypeVar("Stored")
Seen = TypeVar("Seen")


def typed_file(typed: str, what: str = "tracker") -> Path:
    """The file a secretary typed or pasted: surrounding spaces and quotes (as a file
    manager's "copy as path" or a drag into the terminal gives them) left off, `~`
    expanded. Refused, in the form's words, if it is blank, a folder, or `~nobody`."""
    text = typed.strip()
    if len(text) > 1 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1].strip()
    if not text:
        raise Refused(f"Give the {what}'s file: a .docx, .xlsx or .csv")
    path = Path(text)
    try:
        path = path.expanduser()
        folder = path.is_dir()
    except RuntimeError:  # "~nobody": no such home folder
        raise Refused(f"There is no home folder for {path.parts[0]}") from None
    except OSError as error:  # a path longer than the system takes
        raise Refused(f"{text} cannot be read: {error.strerror or error}") from None
    if folder:
        raise Refused(f"{path} is a folder: give the {what}'s file in it (.docx, .xlsx or .csv)")
    return path


class BringFileIn(Generic[Seen, Stored]):
    """The form asking for the file, then the preview; `stored` is called with what an
    accepted import stored. The file last typed is offered again (a file corrected after
    a refusal is read again with one key). Both steps run on the app's thread: the
    preview reads the store, whose connection belongs to that thread."""

    WHAT = "file"
    TITLE = "Bring a file into {code}"

    def __init__(self, screen: Screen[Any], code: str, stored: Callable[[Stored], None]) -> None:
        self.screen = screen
        self.code = code
        self.stored = stored
        self.typed = ""
        self.seen: Seen | None = None

    @property
    def app(self) -> MinutebookApp:
        app: MinutebookApp = self.screen.app  # type: ignore[assignment]
        return app

    def read(self, path: Path) -> Seen:
        """The application's preview of the file; raises FileError, Refused or StoreError."""
        raise NotImplementedError

    def preview_screen(self, seen: Seen, names: dict[str, str]) -> Screen[Stored | None]:
        raise NotImplementedError

    def open(self) -> None:
        self.seen = None
        what = self.WHAT.capitalize()
        fields = [FormField("file", f"{what} file", placeholder=f"~/Documents/{self.WHAT}.xlsx")]
        hint = (
            "A Word table (.docx), an Excel sheet (.xlsx) or a .csv. You see what it holds "
            "before anything is stored."
        )
        self.app.push_screen(
            FormScreen(
                self.TITLE.format(code=self.code),
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
            self.seen = self.read(typed_file(self.typed, self.WHAT))
        except FileError as error:
            return f"{error.source} {error.problems[0]}"
        except (Refused, StoreError) as error:
            return str(error)
        return None

    def _read_done(self, read: bool | None) -> None:
        if not read or self.seen is None:
            return
        names = {p.id: p.name for p in self.app.store.people()}
        self.app.push_screen(self.preview_screen(self.seen, names), self._accepted)

    def _accepted(self, done: Stored | None) -> None:
        if done is not None:
            self.stored(done)


class ImportPreviewScreen(Screen[Stored | None]):
    """The preview of a file brought in; subclasses give the list, the words, and the
    storing."""

    DEFAULT_CSS = """
    ImportPreviewScreen #import-title { text-style: bold; height: 1; }
    ImportPreviewScreen DataTable { height: 1fr; min-height: 4; }
    ImportPreviewScreen #import-report { height: auto; max-height: 50%; }
    ImportPreviewScreen #import-people { height: 1; }
    ImportPreviewScreen #import-people Label { width: 24; color: $text-muted; }
    ImportPreviewScreen #import-people Select { width: 12; }
    ImportPreviewScreen #import-message { color: $error; height: auto; }
    """

    TABLE_ID = "import-rows"

    app: MinutebookApp

    def title_text(self) -> str:
        raise NotImplementedError

    def report(self) -> Text:
        raise NotImplementedError

    def asks_people(self) -> bool:
        """Whether some people are not known (or not members): "Add them" is offered."""
        raise NotImplementedError

    def nothing_read(self) -> str | None:
        """The refusal when the file holds nothing to store, else None."""
        raise NotImplementedError

    def store(self, add_people: bool) -> Stored:
        """Store the whole file (the application's `accept`); raises Refused."""
        raise NotImplementedError

    def report_text(
        self,
        problems: Sequence[object],
        unknown: Sequence[str],
        notes: Sequence[str],
        where: str,
        more: Sequence[str] = (),
    ) -> Text:
        """What blocks the import first (rows not read, people not known, and `more`),
        then the notes, then what Enter does; `where` is "ICB's register", say."""
        text = Text()
        if problems:
            text.append(
                f"Nothing can be stored: {len(problems)} row(s) cannot be read. "
                "Correct them in the file, then bring it in again (i).\n",
                style="bold red",
            )
            for problem in problems:
                text.append(f"  {problem}\n")
        if unknown:
            text.append(
                f"Not known to Minutebook ({NEW} in the list): "
                + ", ".join(unknown)
                + ". Choose Yes below to add them as new people, or correct the names in "
                "the file.\n",
                style="yellow",
            )
        for line in more:
            text.append(line + "\n", style="yellow")
        for note in notes:
            text.append(f"Note: {note}\n", style="italic")
        if not problems:
            text.append(
                f"Enter or Ctrl+S stores the whole file in {where}; Escape leaves with "
                "nothing stored."
            )
        text.rstrip()
        return text

    def below_table(self) -> Iterator[Widget]:
        """Widgets between the list and the report (none unless a subclass has some)."""
        return iter(())

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self.title_text()), id="import-title")
            yield ListTable(id=self.TABLE_ID, cursor_type="row", zebra_stripes=True)
            yield from self.below_table()
            with VerticalScroll(id="import-report"):
                yield Static(self.report(), id="import-report-text")
            if self.asks_people():
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

    def focus_list(self) -> None:
        """The list if anything was read, else the report (the problems)."""
        if self.query_one(f"#{self.TABLE_ID}", DataTable).row_count:
            self.query_one(f"#{self.TABLE_ID}", DataTable).focus()
        else:
            self.query_one("#import-report").focus()

    @on(Select.Changed, "#import-add-people")
    def _chosen(self) -> None:
        self.query_one("#import-message", Static).update("")

    @on(DataTable.RowSelected)
    def _enter_on_a_row(self) -> None:
        self.action_accept()

    def _add_people(self) -> bool:
        found = self.query("#import-add-people")
        return bool(found) and found.only_one(Select).value is True

    def action_accept(self) -> None:
        empty = self.nothing_read()
        if empty:
            self._refused(empty)
            return
        try:
            done = self.store(self._add_people())
        except Refused as refused:
            self._refused(str(refused))
            return
        self.dismiss(done)

    def _refused(self, message: str) -> None:
        self.query_one("#import-message", Static).update(Text(sentence(message)))
        self.app.bell()

    def action_leave(self) -> None:
        self.dismiss(None)
