"""Matters arising on screen: every open action from earlier meetings, oldest first, and
this meeting's review of each in a key or two (docs/actions.md).

A key records the status at once with the RAG the key proposes (p in progress, o
outstanding, c complete – propose closure, x closed by the committee, y not yet due);
Enter opens the whole review (the position reported, a revised deadline, the RAG agreed).
Everything asks `application.matters.MattersArising`; a refusal is a notice or the form's
message, and nothing is stored. No rule is decided here."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Select, Static

from minutebook.application.matters import ArisingAction, MattersArising
from minutebook.domain.actions import ActionStatus
from minutebook.domain.base import Refused
from minutebook.domain.dates import parse_date, short_date
from minutebook.domain.lifecycle import minutes_item
from minutebook.domain.meeting import AgendaItem
from minutebook.domain.reviews import matters_item
from minutebook.tui.screens.live_dialogs import MODAL_CSS
from minutebook.tui.widgets.cells import clipped, cursor_line, short_day
from minutebook.tui.widgets.form import FormField, FormScreen
from minutebook.tui.widgets.tables import ListTable

if TYPE_CHECKING:
    from minutebook.tui.app import MinutebookApp

AS_PROPOSED = "proposed"
KEEP_OWNER = "keep"

QUICK_KEYS = {
    "p": ActionStatus.IN_PROGRESS,
    "o": ActionStatus.OUTSTANDING,
    "c": ActionStatus.COMPLETE_PROPOSE_CLOSURE,
    "x": ActionStatus.CLOSED,
    "y": ActionStatus.NOT_YET_DUE,
}


WIDE = 16
"""The action's width in the list, so that the whole row fits 80 columns (the detail
below has it in full)."""

REVIEWED = 17
"""The width of this meeting's review in the list: its RAG and its status in a word."""

STATUS_WORDS = {
    ActionStatus.NOT_YET_DUE: "not yet due",
    ActionStatus.IN_PROGRESS: "in progress",
    ActionStatus.OUTSTANDING: "outstanding",
    ActionStatus.COMPLETE_PROPOSE_CLOSURE: "complete",
    ActionStatus.CLOSED: "closed",
}
"""Each status in a word or two, for the list (the detail and the form say it in full)."""


class MattersArisingScreen(ModalScreen[None]):
    """The open actions a meeting reviews, and the review it records of each."""

    DEFAULT_CSS = (
        MODAL_CSS.format(name="MattersArisingScreen")
        + """
    MattersArisingScreen #arising-detail { height: 9; border-top: solid $primary; }
    """
    )

    BINDINGS = [
        Binding("r", "review", "Review", id="arising.review"),
        Binding("p", "quick('p')", "In progress", id="arising.in_progress"),
        Binding("o", "quick('o')", "Outstanding", id="arising.outstanding"),
        Binding("c", "quick('c')", "Complete", id="arising.complete"),
        Binding("x", "quick('x')", "Closed", id="arising.closed"),
        Binding("y", "quick('y')", "Not yet due", id="arising.not_yet_due"),
        Binding("u", "undo", "Undo", id="arising.undo"),
        Binding("escape,f11", "close", "Close", id="arising.close"),
    ]

    app: MinutebookApp

    def __init__(self, matters: MattersArising, changed: Callable[[], None]) -> None:
        super().__init__()
        self.matters = matters
        self.changed = changed
        self.lines: list[ArisingAction] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("", id="arising-title", classes="dialog-title")
            yield Static(
                "Enter review · p in progress · o outstanding · c complete (propose "
                "closure) · x closed · y not yet due · u undo · Esc close",
                classes="dialog-keys",
            )
            yield ListTable(id="arising", cursor_type="row", zebra_stripes=True)
            yield Static("", id="arising-detail")

    def on_mount(self) -> None:
        table = self.query_one("#arising", DataTable)
        # 80 columns: dates as 13/06/23, the review as its RAG and a word of its status;
        # the detail below has all.
        table.add_column("No.", width=3)
        table.add_column("Agreed", width=8)
        table.add_column("Action", width=WIDE)
        table.add_column("Owner", width=8)
        table.add_column("Due", width=8)
        table.add_column("Reviewed", width=REVIEWED)
        self.refresh_rows()
        table.focus()

    def refresh_rows(self) -> None:
        table = self.query_one("#arising", DataTable)
        keep = table.cursor_row
        table.clear()
        self.lines = self.matters.actions()
        for line in self.lines:
            action = line.action
            table.add_row(
                str(action.number or ""),
                short_day(action.meeting_date),
                clipped(action.description, WIDE),
                clipped(line.owner, 8),
                short_day(action.due),
                self._here(line),
                key=str(action.id),
            )
        if table.row_count:
            table.move_cursor(row=min(keep, table.row_count - 1))
        reviewed = sum(1 for line in self.lines if line.review is not None)
        item = self.matters.item
        under = f" · minuted at item {item.number}" if item else ""
        self.query_one("#arising-title", Static).update(
            Text(f"Matters arising · {len(self.lines)} open · {reviewed} reviewed{under}")
        )
        self._show_detail()

    def _here(self, line: ArisingAction) -> Text:
        """This meeting's review in a cell: the RAG agreed, in its colour's word (the
        council's letter is in the detail), and the status in a word ("AMBER in
        progress"); the status alone where the key gives it no colour."""
        if line.review is None:
            return Text("—")
        level = self.matters.scheme.level(line.review.rag)
        status = STATUS_WORDS[line.review.status]
        if level is None:
            return Text(clipped(status, REVIEWED))
        word = level.label.rsplit(" ", 1)[-1]  # "(A) AMBER": "AMBER"
        shown = word if word.lower() == status else f"{word} {status}"
        cell = Text(clipped(shown, REVIEWED))
        cell.stylize("bold", 0, len(word))
        return cell

    def _current(self) -> ArisingAction | None:
        return cursor_line(self.query_one("#arising", DataTable), self.lines)

    @on(DataTable.RowHighlighted)
    def _show_detail(self) -> None:
        line = self._current()
        detail = self.query_one("#arising-detail", Static)
        if line is None:
            detail.update("No open actions from earlier meetings.")
            return
        action = line.action
        text = Text()
        text.append(f"{line.label} ", style="bold")
        minute = f", minute {action.minute}" if action.minute else ""
        text.append(f"(agreed {short_date(action.meeting_date)}{minute}) — {line.owner}\n")
        text.append(action.description + "\n")
        past = ", ".join(short_date(d) for d in action.past_deadlines)
        deadlines = f"Due {short_date(action.due)}" if action.due else "No deadline"
        text.append(deadlines + (f" (past deadlines {past})" if past else "") + "\n")
        rags = [self.matters.scheme.level(r.rag) for r in line.earlier]
        if rags:
            history = ", ".join(
                f"{short_date(r.meeting_date)} {level.label if level else r.status.label}"
                for r, level in zip(line.earlier, rags, strict=True)
            )
            text.append(f"Reviewed: {history}\n", style="dim")
        if line.position:
            text.append(f"Last position: {line.position}\n", style="italic")
        text.append(self._this_meeting(line))
        detail.update(text)

    def _this_meeting(self, line: ArisingAction) -> Text:
        """What this meeting recorded: "This meeting: In progress, (A) AMBER: the
        position; deadline revised to 31/01/2024"."""
        review = line.review
        if review is None:
            return Text("Not reviewed at this meeting yet (Enter, or a key above).", style="dim")
        level = self.matters.scheme.level(review.rag)
        said = review.status.label + (f", {level.label}" if level else "")
        if review.update:
            said += f": {review.update}"
        if line.revised_due is not None:
            said += f"; deadline revised to {short_date(line.revised_due)}"
        return Text.assemble(("This meeting: ", "bold"), said)

    def _record(self, line: ArisingAction, status: ActionStatus, **fields: Any) -> str | None:
        try:
            self.matters.record(line.action.id or 0, status, **fields)
        except Refused as refused:
            return str(refused)
        self.changed()
        return None

    def action_quick(self, key: str) -> None:
        line = self._current()
        if line is None:
            return
        # A quick key keeps the position and any revised deadline typed at this meeting.
        kept: dict[str, Any] = {}
        if line.review is not None:
            review = line.review
            kept = {
                "update": review.update,
                "revised_due": review.revised_due,
                "owner": review.owner,
            }
        problem = self._record(line, QUICK_KEYS[key], **kept)
        if problem:
            self.notify(problem, severity="warning")
            return
        table = self.query_one("#arising", DataTable)
        self.refresh_rows()
        table.move_cursor(row=min(table.cursor_row + 1, table.row_count - 1))

    def action_undo(self) -> None:
        line = self._current()
        if line is None or line.review is None:
            return
        try:
            self.matters.undo(line.action.id or 0)
        except Refused as refused:
            self.notify(str(refused), severity="warning")
            return
        self.changed()
        self.refresh_rows()

    @on(DataTable.RowSelected)
    def _selected(self) -> None:
        """Enter on an action opens its whole review."""
        self.action_review()

    def action_review(self) -> None:
        line = self._current()
        if line is None:
            return
        self.app.push_screen(
            review_form(self.matters, line, self._record), lambda _saved: self.refresh_rows()
        )

    def action_close(self) -> None:
        self.dismiss(None)


def review_form(
    matters: MattersArising,
    line: ArisingAction,
    record: Callable[..., str | None],
) -> FormScreen:
    """The whole review of one action: position, status, revised deadline, RAG."""
    scheme = matters.scheme
    review = line.review
    status = review.status if review else line.action.status
    if status is ActionStatus.CLOSED and review is None:
        status = ActionStatus.COMPLETE_PROPOSE_CLOSURE
    fields = [
        FormField("update", "Position", placeholder="the update reported at this meeting"),
        FormField("status", "Status", "select", options=[(s.label, s.value) for s in ActionStatus]),
        FormField(
            "revised_due",
            "Revised deadline",
            placeholder=f"dd/mm/yyyy (now {short_date(line.action.due) or 'none'})",
        ),
        FormField(
            "rag",
            "RAG agreed",
            "select",
            options=[("as proposed", AS_PROPOSED)]
            + [(f"{level.label} – {level.meaning}", level.code) for level in scheme.levels],
        ),
        FormField(
            "owner",
            "Reassign to",
            "select",
            options=[(f"no: stays with {line.owner}", KEEP_OWNER), *matters.people()],
        ),
    ]
    values: dict[str, Any] = {
        "update": (review.update if review else "") or "",
        "status": status.value,
        "revised_due": short_date(review.revised_due) if review else "",
        "rag": AS_PROPOSED,
        "owner": (review.owner if review else None) or KEEP_OWNER,
    }

    def save(values: dict[str, Any]) -> str | None:
        try:
            revised = parse_date(values.get("revised_due") or "")
        except ValueError as error:
            return str(error)
        chosen = values.get("status")
        if not chosen:
            return "Choose the action's status."
        rag, owner = values.get("rag"), values.get("owner")
        return record(
            line,
            ActionStatus(chosen),
            update=(values.get("update") or "").strip() or None,
            revised_due=revised,
            rag=None if rag in (None, AS_PROPOSED) else rag,
            owner=None if owner in (None, KEEP_OWNER) else owner,
        )

    def hint(values: dict[str, Any]) -> str:
        """The RAG the key proposes for the status and the deadline as they stand in the
        form (the deadline before this review while a revised one cannot be read)."""
        try:
            due = parse_date(values.get("revised_due") or "") or line.due_before
        except ValueError:
            due = line.due_before
        chosen = values.get("status")
        if chosen:
            level = matters.proposed(line, ActionStatus(chosen), due)
            proposal = level.label if level else "no colour, the status's words alone"
        else:
            proposal = "choose the status"
        return (
            f"Proposed RAG: {proposal} (deadline {short_date(due) or 'none'}; red at "
            "successive reviews escalates where the key says so). A revised deadline "
            "keeps the old one among the past deadlines."
        )

    return ReviewForm(
        f"{line.label}: {clipped(line.action.description, 50)}",
        fields,
        values,
        save,
        hint=hint(values),
        save_label="Record review",
        follow=hint,
    )


class ReviewForm(FormScreen):
    """A review's form whose hint follows the fields: the RAG proposed for the status
    and deadline as they are chosen and typed."""

    def __init__(self, *args: Any, follow: Callable[[dict[str, Any]], str], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.follow = follow

    @on(Input.Changed)
    @on(Select.Changed)
    def _changed(self) -> None:
        self.query_one("#form-hint", Static).update(self.follow(self.collected()))


def open_matters_arising(app: MinutebookApp, meeting_id: int, changed: Callable[[], None]) -> None:
    """Open matters arising for a meeting; `changed` runs after each review is stored."""
    app.push_screen(MattersArisingScreen(MattersArising(app.store, meeting_id), changed))


def item_cue(agenda: Sequence[AgendaItem], number: int, *, signed: bool = False) -> str:
    """The key live capture offers at the standing items of the cycle: F12 at the
    minutes of the previous meeting, F11 where the actions are reviewed (neither on
    signed minutes: nothing more is recorded there)."""
    if signed:
        return ""
    cues = []
    minutes = minutes_item(agenda)
    if minutes is not None and minutes.number == number:
        cues.append("F12 approve minutes")
    matters = matters_item(agenda)
    if matters is not None and matters.number == number:
        cues.append("F11 matters arising")
    return "".join(f" · {cue}" for cue in cues)
