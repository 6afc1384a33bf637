"""The committee's action tracker between meetings (docs/actions.md): every action, with
filters (open, overdue, owner, status, meeting), each action's history of reviews, a
correction of its wording, owner or deadline, one owner's list of what to do before
the next meeting, as text for an email and as a Word document, and a tracker kept in
Word, Excel or a .csv brought in (`tracker_import.py`).

Everything asks `application.tracker.ActionTracker`; a refusal is a notice or the
form's message, and nothing is stored. No rule is decided here."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Footer, Static

from minutebook.application.tracker import ActionTracker, TrackerLine
from minutebook.domain.action_views import ActionFilter
from minutebook.domain.actions import ActionStatus
from minutebook.domain.base import Refused
from minutebook.domain.dates import parse_date, short_date
from minutebook.tui.commands import PaletteCommand
from minutebook.tui.screens.tracker_import import BringTrackerIn, stored_words
from minutebook.tui.sentences import MARK_HINT
from minutebook.tui.widgets.cells import clipped, cursor_line, short_day
from minutebook.tui.widgets.form import FormField, FormScreen
from minutebook.tui.widgets.save_files import SaveFiles
from minutebook.tui.widgets.tables import ListTable

if TYPE_CHECKING:
    from minutebook.application.tracker_import import Imported
    from minutebook.tui.app import MinutebookApp

ANY = "any"
WIDE = 24
"""The action's width in the list, so that the whole row fits 80 columns."""


class TrackerScreen(Screen[None]):
    """Every action of one committee, filtered, with each one's history."""

    HELP_TEXT = """## Action tracker

Every action the committee has agreed, oldest first. `o` shows only open actions, `d`
only overdue ones (open, not complete, past the current deadline), `f` filters by owner,
status or the meeting that agreed them, `a` shows all again. The lines below the list
give the highlighted action in full: its deadlines (past ones kept), and every review at
later meetings with the position reported and the RAG agreed.

`e` corrects an action's wording, owner or deadline (what it said before is kept in its
meeting's timeline); actions agreed at signed minutes are locked, and a new deadline is
agreed at a later meeting under matters arising (F11 in live capture). `l` gives the
highlighted action's owner the list of what they must do before the next meeting: as
text to copy into an email, and saved as a text file and a Word document.

`i` brings in a tracker kept elsewhere: a table in a Word document (.docx), a sheet of
an Excel workbook (.xlsx) or a .csv, its columns found by their headings (Date of
Meeting, Minute, Action, Lead Officer or Responsible Manager, Current Deadline, Current
Position, RAG, …). Type the file's path (`~` is your home folder). Before anything is
stored you see every action it would store, with the number each takes, the owners
Minutebook does not know (marked `*`: choose Yes at "Add them as new people" to add
them), every row that cannot be read with its place and the reason, and notes of what
the reading chose. `Enter` or `Ctrl+S` stores the whole file in one go, and only when
every row is read and every owner is known or added; `Escape` leaves with nothing
stored. A row that cannot be read is corrected in the file, which is then read again."""

    DEFAULT_CSS = """
    TrackerScreen #tracker-title { text-style: bold; height: 1; }
    TrackerScreen DataTable { height: 1fr; }
    TrackerScreen #tracker-detail { height: 8; border-top: solid $primary; }
    """

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="tracker.back"),
        Binding("o", "only('open')", "Open", id="tracker.open"),
        Binding("d", "only('overdue')", "Overdue", id="tracker.overdue"),
        Binding("f", "filter", "Filter", id="tracker.filter"),
        Binding("a", "only('all')", "All", id="tracker.all"),
        Binding("e", "edit", "Edit", id="tracker.edit"),
        Binding("l", "owner_list", "Owner's list", id="tracker.owner_list"),
        # Off the footer, which is full at 80 columns: a tracker is brought in once, and
        # the palette, the help and the empty tracker's line offer it.
        Binding("i", "bring_in", "Bring in", show=False, id="tracker.bring_in"),
    ]

    app: MinutebookApp

    def __init__(self, code: str, action_id: int | None = None) -> None:
        super().__init__()
        self.code = code
        # Opened at one action (an overdue one the compliance screen lists): every
        # action shown, so that one closed since is there too.
        self.opened_at = action_id
        self.chosen = ActionFilter(open_only=action_id is None)
        self.lines: list[TrackerLine] = []
        self.bringing_in = BringTrackerIn(self, code, self._brought_in)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("", id="tracker-title")
            yield ListTable(id="tracker", cursor_type="row", zebra_stripes=True)
            yield Static("", id="tracker-detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.tracker = ActionTracker(self.app.store, self.code)
        table = self.query_one("#tracker", DataTable)
        table.add_column("No.", width=3)
        table.add_column("Agreed", width=8)
        table.add_column("Action", width=WIDE)
        table.add_column("Owner", width=12)
        table.add_column("Due", width=8)
        table.add_column("RAG", width=10)
        self.refresh_rows()
        at = [i for i, line in enumerate(self.lines) if line.action.id == self.opened_at]
        if at:
            table.move_cursor(row=at[0])
        table.focus()

    def refresh_rows(self) -> None:
        table = self.query_one("#tracker", DataTable)
        keep = table.cursor_row
        table.clear()
        today = self.app.clock().date()
        self.lines = self.tracker.lines(self.chosen, today)
        for line in self.lines:
            action = line.action
            rag = line.rag.level.label if line.rag.level else action.status.label
            table.add_row(
                str(action.number or ""),
                short_day(action.meeting_date),
                clipped(action.description, WIDE),
                clipped(line.owner, 12),
                short_day(action.due),
                clipped(rag, 10),
                key=str(action.id),
            )
        if table.row_count:
            table.move_cursor(row=min(keep, table.row_count - 1))
        words = self.chosen.words(self.tracker.names())
        self.query_one("#tracker-title", Static).update(
            Text(f"{self.tracker.committee.code} action tracker · {words} · {len(self.lines)}")
        )
        self._show_detail()

    def _current(self) -> TrackerLine | None:
        return cursor_line(self.query_one("#tracker", DataTable), self.lines)

    @on(DataTable.RowHighlighted)
    def _show_detail(self) -> None:
        line = self._current()
        detail = self.query_one("#tracker-detail", Static)
        if line is None:
            detail.update(
                "No actions to show: a shows every action; i brings in a tracker kept in "
                "Word, Excel or a .csv."
            )
            return
        detail.update(history_text(line, self.tracker))

    def action_only(self, which: str) -> None:
        self.chosen = {
            "open": ActionFilter(open_only=True),
            "overdue": ActionFilter(open_only=True, overdue=True),
        }.get(which, ActionFilter())
        self.refresh_rows()

    def action_filter(self) -> None:
        fields = [
            FormField(
                "owner",
                "Owner",
                "select",
                options=[("anyone", ANY), *self.tracker.owners()],
            ),
            FormField(
                "status",
                "Status",
                "select",
                options=[("any", ANY)] + [(s.label, s.value) for s in ActionStatus],
            ),
            FormField(
                "meeting",
                "Agreed at",
                "select",
                options=[("any meeting", ANY)]
                + [(short_date(d), d.isoformat()) for d in self.tracker.meeting_dates()],
            ),
            FormField("open_only", "Open only", "check"),
            FormField("overdue", "Overdue only", "check"),
        ]
        chosen = self.chosen
        values: dict[str, Any] = {
            "owner": chosen.owner or ANY,
            "status": chosen.status.value if chosen.status else ANY,
            "meeting": chosen.meeting.isoformat() if chosen.meeting else ANY,
            "open_only": chosen.open_only,
            "overdue": chosen.overdue,
        }

        def apply(values: dict[str, Any]) -> str | None:
            def given(key: str) -> str | None:
                value = values.get(key)
                return None if value in (None, ANY) else str(value)

            status, meeting = given("status"), given("meeting")
            self.chosen = ActionFilter(
                open_only=bool(values.get("open_only")),
                overdue=bool(values.get("overdue")),
                owner=given("owner"),
                status=ActionStatus(status) if status else None,
                meeting=date.fromisoformat(meeting) if meeting else None,
            )
            self.refresh_rows()
            return None

        self.app.push_screen(
            FormScreen("Show the actions", fields, values, apply, save_label="Show")
        )

    def action_edit(self) -> None:
        line = self._current()
        if line is None:
            return
        action = line.action
        fields = [
            FormField("description", "Action"),
            FormField("owner", "Owner", "select", options=self._people()),
            FormField("due", "Deadline", placeholder="dd/mm/yyyy"),
            FormField("mark", "Action column", placeholder=MARK_HINT),
        ]
        values = {
            "description": action.description,
            "owner": action.owner,
            "due": short_date(action.due),
            "mark": action.mark or "",
        }

        def save(values: dict[str, Any]) -> str | None:
            try:
                due = parse_date(values.get("due") or "")
            except ValueError as error:
                return str(error)
            if not values.get("owner"):
                return "Choose who owns the action."
            try:
                self.tracker.edit(
                    action,
                    str(values.get("description") or ""),
                    str(values["owner"]),
                    due,
                    values.get("mark") or None,
                )
            except Refused as refused:
                return str(refused)
            self.refresh_rows()
            return None

        self.app.push_screen(FormScreen(f"Correct {line.label}", fields, values, save))

    def _people(self) -> list[tuple[str, str]]:
        return sorted(((p.name, p.id) for p in self.app.store.people()), key=lambda p: p[0])

    def action_owner_list(self) -> None:
        line = self._current()
        if line is None:
            return
        today = self.app.clock().date()
        owner = line.action.owner
        self.app.push_screen(
            OwnerListScreen(self.tracker, owner, line.owner, self.tracker.owner_list(owner, today))
        )

    def action_bring_in(self) -> None:
        self.bringing_in.open()

    def _brought_in(self, done: Imported) -> None:
        """Every action shown (what was brought in may be closed), the first new one
        highlighted, and a notice of what was stored."""
        self.chosen = ActionFilter()
        self.refresh_rows()
        table = self.query_one("#tracker", DataTable)
        new = {str(a.id) for a in done.actions}
        first = next((n for n, line in enumerate(self.lines) if str(line.action.id) in new), None)
        if first is not None:
            table.move_cursor(row=first)
        self.notify(stored_words(done, self.code))

    def palette_commands(self) -> list[PaletteCommand]:
        return [
            ("Open actions (o)", "Actions not yet closed", lambda: self.action_only("open")),
            (
                "Overdue actions (d)",
                "Open and past their deadline",
                lambda: self.action_only("overdue"),
            ),
            ("Filter the tracker (f)", "By owner, status or meeting", self.action_filter),
            ("Every action (a)", "Open and closed", lambda: self.action_only("all")),
            ("Correct an action (e)", "Its wording, owner or deadline", self.action_edit),
            (
                "Owner's list of actions (l)",
                "What they must do before the next meeting: email text and Word",
                self.action_owner_list,
            ),
            (
                "Bring a tracker in (i)",
                "From Word, Excel or .csv: see what it holds, then store it whole",
                self.action_bring_in,
            ),
        ]


def history_text(line: TrackerLine, tracker: ActionTracker) -> Text:
    """The action in full: where it was agreed, its deadlines, and each review."""
    action = line.action
    text = Text()
    minute = f", minute {action.minute}" if action.minute else ""
    text.append(f"{line.label} ", style="bold")
    text.append(f"(agreed {short_date(action.meeting_date)}{minute}) — {line.owner}\n")
    text.append(action.description + "\n")
    past = ", ".join(short_date(d) for d in action.past_deadlines)
    text.append(f"Due {short_date(action.due) or 'no date'}")
    text.append((f" (past deadlines {past})" if past else "") + f" · {action.status.label}")
    if action.closed_on:
        text.append(f" {short_date(action.closed_on)}")
    text.append("\n")
    if line.rag.warning:
        text.append(line.rag.warning + "\n", style="yellow")
    for review in reversed(line.reviews):
        level = tracker.scheme.level(review.rag)
        rag = f" {level.label}" if level else ""
        position = f": {review.update}" if review.update else ""
        text.append(f"{short_date(review.meeting_date)} {review.status.label}{rag}{position}\n")
    if not line.reviews and action.updates:
        text.append(f"Last position: {action.updates[-1].text}", style="italic")
    return text


class OwnerListScreen(ModalScreen[None]):
    """One owner's open actions as text to copy into an email; c copies it, s saves it
    as a text file and a Word document."""

    DEFAULT_CSS = """
    OwnerListScreen { align: center middle; }
    OwnerListScreen > Vertical {
        width: 96%; height: 90%; border: thick $primary; background: $surface; padding: 0 1;
    }
    OwnerListScreen .dialog-keys { color: $text-muted; height: auto; }
    """
    BINDINGS = [
        Binding("c", "copy", "Copy", id="owner_list.copy"),
        Binding("s", "save", "Save", id="owner_list.save"),
        Binding("escape", "dismiss", "Close", id="owner_list.close"),
    ]

    app: MinutebookApp

    def __init__(self, tracker: ActionTracker, owner: str, name: str, text: str) -> None:
        super().__init__()
        self.tracker = tracker
        self.owner = owner
        self.owner_name = name
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                "c copy to the clipboard · s save as a text file and a Word document · Esc close",
                classes="dialog-keys",
            )
            with VerticalScroll():
                yield Static(self.text, id="owner-list-text", markup=False)

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.text)
        self.notify("Copied: paste it into an email.")

    def action_save(self) -> None:
        today = self.app.clock().date()
        stem = f"{self.tracker.committee.code} actions for {self.owner_name} {today.isoformat()}"

        def prepare(targets: list[Path]) -> Callable[[], None]:
            from minutebook.exporters.common import committee_template, save_document
            from minutebook.exporters.output import write_text

            text, document = targets
            database = self.app.database.path
            # Read and built here, on the app's thread (the store's connection is its
            # own); the worker only writes the files.
            template = committee_template(self.tracker.committee)
            build = self.tracker.owner_document(self.owner, today, template)

            def write() -> None:
                write_text(text, self.text, database=database)
                save_document(build, document, overwrite=False, database=database)

            return write

        SaveFiles(self, stem, [".txt", ".docx"], prepare).ask(f"Save {self.owner_name}'s actions")
