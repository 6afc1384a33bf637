"""The dialogs of live capture: attendance, the quorum's reasons, recovering deletions.

Decisions, actions and declarations use the shared form dialog; these are the ones that
need a table of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from minutebook.application.capture import RecordLine, RoomRow
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


class AttendanceDialog(ModalScreen[None]):
    """The whole room, with one key per change: present, remote, apologies, absent,
    left, back, undo. Every key is saved at once and the quorum follows."""

    DEFAULT_CSS = MODAL_CSS.format(name="AttendanceDialog")

    BINDINGS = [
        Binding("p", "mark('present')", "Present", id="attendance.present"),
        Binding("r", "mark('remote')", "Remote", id="attendance.remote"),
        Binding("a", "mark('apologies')", "Apologies", id="attendance.apologies"),
        Binding("x", "mark('absent')", "Absent", id="attendance.absent"),
        Binding("l", "mark('left')", "Left", id="attendance.left"),
        Binding("b", "mark('back')", "Back in", id="attendance.back"),
        Binding("u", "mark('undo')", "Undo mark", id="attendance.undo"),
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
        everyone_present: Callable[[], str],
    ) -> None:
        super().__init__()
        self._rows = rows
        self._mark = mark
        self._add_other = add_other
        self._summary = summary
        self._everyone_present = everyone_present

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Attendance", classes="dialog-title")
            yield Static(
                "p present · r remote · a apologies · x absent · l left (during this "
                "item) · b back in · u undo their last mark · P everyone not yet marked "
                "present · o add officer, observer or deputy · Esc close",
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
        said = self._everyone_present()
        self.refresh_rows()
        self.notify(said)

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


class RecordsDialog(ModalScreen[None]):
    """The meeting's decisions, actions, declarations and rulings: Enter or e corrects
    one, Delete deletes it (it can be brought back), Enter or u on a deleted one brings
    it back; each says what it did ("Corrected: the decision at item 2."). Every
    correction is kept in the meeting's timeline."""

    DEFAULT_CSS = MODAL_CSS.format(name="RecordsDialog")
    BINDINGS = [
        Binding("e", "correct", "Correct", id="records.correct"),
        Binding("delete,d", "change(False)", "Delete", id="recover.delete"),
        Binding("u", "change(True)", "Restore", id="recover.restore"),
        Binding("escape,f9", "close", "Close", id="recover.close"),
    ]

    def __init__(
        self,
        items: Callable[[], list[RecordLine]],
        toggle: Callable[[RecordLine], str | None],
        correct: Callable[[RecordLine, Callable[[], None]], None],
    ) -> None:
        """`correct` opens a record's correction form and calls its second argument
        once the correction is saved."""
        super().__init__()
        self._items = items
        self._toggle = toggle
        self._correct = correct
        self._shown: list[RecordLine] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("The record of this meeting", classes="dialog-title")
            yield Static(
                "Enter or e corrects the selected one · Delete or d deletes it · Enter or u "
                "brings a deleted one back · Esc closes",
                classes="dialog-keys",
            )
            yield ListTable(id="deleted", cursor_type="row")

    def on_mount(self) -> None:
        table = self.query_one("#deleted", DataTable)
        table.add_columns("Kind", "Item", "State", "What")
        self.refresh_rows()
        table.focus()

    def on_screen_resume(self) -> None:
        self.refresh_rows()

    def refresh_rows(self) -> None:
        table = self.query_one("#deleted", DataTable)
        keep = table.cursor_row
        table.clear()
        self._shown = self._items()
        for index, item in enumerate(self._shown):
            state = Text("deleted", style="red") if item.deleted else Text("kept")
            where = str(item.item) if item.item is not None else ""
            table.add_row(item.kind, where, state, item.text[:120], key=str(index))
        if not self._shown:
            table.add_row("", "", "", "Nothing recorded yet.")
        elif table.row_count:
            table.move_cursor(row=min(keep, table.row_count - 1))

    def _selected(self) -> RecordLine | None:
        if not self._shown:
            return None
        return self._shown[self.query_one("#deleted", DataTable).cursor_row]

    @on(DataTable.RowSelected, "#deleted")
    def _enter(self) -> None:
        # The table takes Enter for itself: on a deleted row it brings it back, on a
        # kept one it opens it to be corrected.
        item = self._selected()
        if item is not None and item.deleted:
            self.action_change(True)
        elif item is not None:
            self.action_correct()

    def action_correct(self) -> None:
        item = self._selected()
        if item is None:
            return
        if item.deleted:
            self.notify("Bring it back first (u), then correct it.")
            return
        where = f" at item {item.item}" if item.item is not None else ""
        # Said once the correction is saved, as deleting and bringing back are.
        self._correct(item, lambda: self.notify(f"Corrected: the {item.kind}{where}."))

    def action_change(self, restore: bool) -> None:
        item = self._selected()
        if item is None:
            return
        if item.deleted != restore:
            self.notify("Already " + ("kept." if not item.deleted else "deleted."))
            return
        problem = self._toggle(item)  # why it could not be done (a full disk), if so
        if problem:
            self.notify(problem, severity="error", timeout=10)
            return
        self.notify(("Restored" if restore else "Deleted") + f" the {item.kind}.")
        self.refresh_rows()

    def action_close(self) -> None:
        self.dismiss(None)
