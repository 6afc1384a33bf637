"""The dialogs of live capture: attendance, the quorum's reasons, recovering deletions.

Decisions, actions and declarations use the shared form dialog; these are the ones that
need a table of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from minutebook.domain import QuorumRuling
from minutebook.domain.quorum_engine import Verdict
from minutebook.tui.widgets.tables import ListTable

if TYPE_CHECKING:
    from minutebook.tui.app import MinutebookApp


MODAL_CSS = """
    {name} {{ align: center middle; }}
    {name} > Vertical {{
        width: 96%; height: 90%; border: thick $primary; background: $surface; padding: 0 1;
    }}
    {name} .dialog-title {{ text-style: bold; height: 1; }}
    {name} .dialog-keys {{ color: $text-muted; height: auto; }}
    {name} DataTable {{ height: 1fr; }}
"""


NOT_MARKED = "—"
"""The status of a member whose attendance is not yet recorded."""


@dataclass(frozen=True)
class RoomRow:
    """One line of the attendance view: a person and how they are recorded."""

    key: str  # person id
    name: str
    capacity: str
    status: str
    detail: str


class AttendanceDialog(ModalScreen[None]):
    """The whole room, with one key per change: present, remote, apologies, absent,
    left, back. Every key is saved at once and the quorum follows."""

    DEFAULT_CSS = MODAL_CSS.format(name="AttendanceDialog")

    BINDINGS = [
        Binding("p", "mark('present')", "Present", id="attendance.present"),
        Binding("r", "mark('remote')", "Remote", id="attendance.remote"),
        Binding("a", "mark('apologies')", "Apologies", id="attendance.apologies"),
        Binding("x", "mark('absent')", "Absent", id="attendance.absent"),
        Binding("l", "mark('left')", "Left", id="attendance.left"),
        Binding("b", "mark('back')", "Back in", id="attendance.back"),
        Binding("P", "everyone_present", "All present", id="attendance.all_present"),
        Binding("o", "add_other", "Add someone", id="attendance.add"),
        Binding("escape,f2", "close", "Close", id="attendance.close"),
    ]

    app: MinutebookApp

    def __init__(
        self,
        rows: Callable[[], list[RoomRow]],
        mark: Callable[[str, str], str | None],
        add_other: Callable[[], None],
        summary: Callable[[], str],
    ) -> None:
        super().__init__()
        self._rows = rows
        self._mark = mark
        self._add_other = add_other
        self._summary = summary

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Attendance", classes="dialog-title")
            yield Static(
                "p present · r remote · a apologies · x absent · l left (gone for this "
                "item) · b back in · P everyone not yet marked present · o add officer, "
                "observer or deputy · Esc close",
                classes="dialog-keys",
            )
            yield Static("", id="attendance-summary")
            yield ListTable(id="room", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one("#room", DataTable)
        table.add_column("Name", width=24)
        table.add_columns("Capacity", "Status", "Notes")
        self.refresh_rows()
        table.focus()

    def refresh_rows(self) -> None:
        table = self.query_one("#room", DataTable)
        keep = table.cursor_row
        table.clear()
        for row in self._rows():
            table.add_row(row.name, row.capacity, row.status, row.detail, key=row.key)
        if table.row_count:
            table.move_cursor(row=min(keep, table.row_count - 1))
        self.query_one("#attendance-summary", Static).update(Text(self._summary()))

    def action_mark(self, status: str) -> None:
        table = self.query_one("#room", DataTable)
        if table.row_count == 0:
            return
        key = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        problem = self._mark(key, status)
        if problem:
            self.notify(problem, severity="warning")
        self.refresh_rows()
        if not problem:
            # On to the next person: taking the roll is one key each.
            table.move_cursor(row=min(table.cursor_row + 1, table.row_count - 1))

    def action_everyone_present(self) -> None:
        """Everyone not yet marked is present: the roll at the start, then the exceptions."""
        waiting = [row.key for row in self._rows() if row.status == NOT_MARKED]
        problems = [p for p in (self._mark(key, "present") for key in waiting) if p]
        self.refresh_rows()
        self.notify(problems[0] if problems else f"{len(waiting)} marked present.")

    def action_add_other(self) -> None:
        self._add_other()

    def on_screen_resume(self) -> None:
        self.refresh_rows()

    def action_close(self) -> None:
        self.dismiss(None)


class QuorumDialog(ModalScreen[None]):
    """The engine's reasons: what failed, who was counted, who was not and why."""

    DEFAULT_CSS = MODAL_CSS.format(name="QuorumDialog")
    BINDINGS = [
        Binding("c", "rule", "Chair's ruling", id="quorum.chairs_ruling"),
        Binding("escape,f6", "close", "Close", id="quorum.close"),
    ]

    def __init__(
        self,
        title: str,
        verdict: Verdict | None,
        names: dict[str, str],
        ruling: QuorumRuling | None = None,
        rule: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.verdict = verdict
        self.names = names
        self.ruling = ruling
        self._rule = rule

    def action_rule(self) -> None:
        if self._rule is not None:
            self._rule()

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.title_text, classes="dialog-title")
            yield Static(
                "c records the Chair's ruling where the ToR is ambiguous · Esc closes",
                classes="dialog-keys",
            )
            with VerticalScroll():
                yield Static(self._text(), id="quorum-text")

    def _text(self) -> Text:
        """The reasons as plain styled text (Markdown would cost start-up time)."""
        verdict = self.verdict
        if verdict is None:
            return Text("No terms of reference are in force for this meeting's date.")

        def name(key: str) -> str:
            return self.names.get(key, key)

        text = Text()
        if self.ruling is not None:
            words = "quorate" if self.ruling.quorate else "inquorate"
            text.append(f"The Chair has ruled the meeting {words}", style="bold yellow")
            text.append(f" ({self.ruling.recorded_at or ''}): {self.ruling.reason}\n\n")
            text.append("The count under the terms of reference:\n", style="dim")
        text.append("Quorate\n\n" if verdict.quorate else "INQUORATE\n\n", style="bold")
        if verdict.failed:
            text.append("Not met:\n", style="bold")
            for failure in verdict.failed:
                text.append(f"  • {failure.text}\n")
            text.append("\n")
        text.append(f"Counted ({len(verdict.counted)}): ", style="bold")
        text.append((", ".join(name(p) for p in verdict.counted) or "nobody") + "\n\n")
        if verdict.excluded:
            text.append("Not counted:\n", style="bold")
            for exclusion in verdict.excluded:
                text.append(f"  • {name(exclusion.person)}: {exclusion.reason}\n")
            text.append("\n")
        if verdict.notes:
            text.append("Notes:\n", style="bold")
            for note in verdict.notes:
                text.append(f"  • {name(note.person)} {note.text}\n")
        return text

    def action_close(self) -> None:
        self.dismiss(None)


@dataclass(frozen=True)
class Recoverable:
    """A decision or action of the meeting, live or deleted."""

    kind: str  # "decision" or "action"
    row_id: int
    text: str
    deleted: bool


class RecoverDialog(ModalScreen[None]):
    """The meeting's decisions and actions: Delete removes one (it can be brought back),
    Enter on a deleted one restores it."""

    DEFAULT_CSS = MODAL_CSS.format(name="RecoverDialog")
    BINDINGS = [
        Binding("delete,d", "change(False)", "Delete", id="recover.delete"),
        Binding("enter,u", "change(True)", "Restore", id="recover.restore"),
        Binding("escape,f9", "close", "Close", id="recover.close"),
    ]

    def __init__(
        self, items: Callable[[], list[Recoverable]], toggle: Callable[[Recoverable], None]
    ) -> None:
        super().__init__()
        self._items = items
        self._toggle = toggle
        self._shown: list[Recoverable] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Decisions and actions of this meeting", classes="dialog-title")
            yield Static(
                "Delete or d deletes the selected one · Enter or u brings a deleted one back · "
                "Esc closes",
                classes="dialog-keys",
            )
            yield ListTable(id="deleted", cursor_type="row")

    def on_mount(self) -> None:
        table = self.query_one("#deleted", DataTable)
        table.add_columns("Kind", "State", "What")
        self.refresh_rows()
        table.focus()

    def refresh_rows(self) -> None:
        table = self.query_one("#deleted", DataTable)
        keep = table.cursor_row
        table.clear()
        self._shown = self._items()
        for index, item in enumerate(self._shown):
            state = Text("deleted", style="red") if item.deleted else Text("kept")
            table.add_row(item.kind, state, item.text[:120], key=str(index))
        if not self._shown:
            table.add_row("", "", "No decisions or actions recorded yet.")
        elif table.row_count:
            table.move_cursor(row=min(keep, table.row_count - 1))

    @on(DataTable.RowSelected, "#deleted")
    def _enter_restores(self) -> None:
        # The table takes Enter for itself; on a deleted row it means "bring it back".
        if self._shown and self._shown[self.query_one("#deleted", DataTable).cursor_row].deleted:
            self.action_change(True)
        elif self._shown:
            self.notify("That one is kept; Delete removes it.")

    def action_change(self, restore: bool) -> None:
        table = self.query_one("#deleted", DataTable)
        if not self._shown:
            return
        item = self._shown[table.cursor_row]
        if item.deleted != restore:
            self.notify("Already " + ("kept." if not item.deleted else "deleted."))
            return
        self._toggle(item)
        self.notify(("Restored" if restore else "Deleted") + f" the {item.kind}.")
        self.refresh_rows()

    def action_close(self) -> None:
        self.dismiss(None)
