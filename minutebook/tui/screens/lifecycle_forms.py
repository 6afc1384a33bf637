"""The minutes' lifecycle on screen: mark minutes circulated (by `c`, or on exporting the
draft: the export form's offer), the form that approves the previous minutes at a later
meeting, and the audit trail of a meeting (docs/lifecycle.md).

Each asks `application.lifecycle.MinutesLifecycle`; a refusal is shown in the form with
everything as typed, or as a notice. No rule is decided here."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from minutebook.application.lifecycle import MinutesLifecycle
from minutebook.domain.base import Refused
from minutebook.domain.dates import long_date, parse_date, short_date
from minutebook.domain.lifecycle import AuditEntry
from minutebook.domain.meeting import Meeting, MinutesStatus
from minutebook.tui.widgets.form import FormField, FormScreen

if TYPE_CHECKING:
    from minutebook.tui.app import MinutebookApp

AS_RECORDED = "correct"
AMENDED = "amended"


def circulate_minutes(
    app: MinutebookApp, meeting_id: int, then: Callable[[], None], on: date | None = None
) -> None:
    """Mark the meeting's minutes circulated on `on` (today if not given), and say so
    (or why not)."""
    day = on or app.clock().date()
    try:
        sent = MinutesLifecycle(app.store).circulate(meeting_id, day)
    except Refused as refused:
        app.notify(str(refused), severity="warning")
        return
    app.notify(f"The minutes of {long_date(sent.date)} are marked circulated on {long_date(day)}.")
    then()


def circulate_fields(
    app: MinutebookApp, meeting: Meeting
) -> tuple[list[FormField], dict[str, Any]]:
    """What the export form adds to offer to mark a draft circulated once it is exported
    (docs/lifecycle.md): whether to, and on which date (today, editable). Nothing for
    minutes already circulated, approved or signed."""
    if meeting.status is not MinutesStatus.DRAFT:
        return [], {}
    fields = [
        FormField("circulate", "Mark circulated", "check"),
        FormField("circulated_on", "Circulated on", placeholder="dd/mm/yyyy"),
    ]
    return fields, {"circulate": False, "circulated_on": short_date(app.clock().date())}


def circulation_asked(
    app: MinutebookApp, meeting_id: int, values: dict[str, Any], *, minutes: bool
) -> tuple[date | None, str | None]:
    """The date to mark the minutes circulated on once they are exported, if the export
    form asks for it, or the form's message saying why it cannot be done (asked before
    anything is written): (date, None), (None, None) when not asked, (None, message)."""
    if not values.get("circulate"):
        return None, None
    if not minutes:
        return None, "Only minutes are circulated: export the minutes, or choose No."
    try:
        on = parse_date(str(values.get("circulated_on") or ""))
    except ValueError as error:
        return None, f"Circulated on: {error}"
    if on is None:
        return None, "Circulated on: type the date the minutes are sent out, as dd/mm/yyyy."
    problem = MinutesLifecycle(app.store).circulation_problem(meeting_id, on)
    return (None, problem) if problem else (on, None)


def approve_previous_minutes(
    app: MinutebookApp, meeting_id: int, current_item: int | None, then: Callable[[], None]
) -> None:
    """Open the form that approves earlier minutes at this meeting."""
    lifecycle = MinutesLifecycle(app.store)
    today = app.clock().date()
    defaults = lifecycle.approval_defaults(meeting_id, today)
    if not defaults.candidates:
        app.notify("No earlier meeting's minutes are waiting for approval.", severity="warning")
        return
    agenda = app.store.agenda(meeting_id)
    item = defaults.item.number if defaults.item else current_item
    fields = [
        FormField(
            "earlier",
            "Minutes of",
            "select",
            options=[(long_date(m.date), str(m.id)) for m in defaults.candidates],
        ),
        FormField(
            "item",
            "Under item",
            "select",
            options=[(f"{i.number}. {i.title}", str(i.number)) for i in agenda],
        ),
        FormField(
            "outcome",
            "Approved",
            "select",
            options=[("as a correct record", AS_RECORDED), ("subject to an amendment", AMENDED)],
        ),
        FormField("amendment", "Amendment", placeholder="the amendment, as the meeting agreed it"),
        FormField("chair", "Signed by (Chair)"),
        FormField("signed_on", "Signed on", placeholder="dd/mm/yyyy"),
    ]
    values: dict[str, Any] = {
        "earlier": str(defaults.candidates[0].id),
        "item": str(item) if item else None,
        "outcome": AS_RECORDED,
        "chair": defaults.chair or "",
        "signed_on": short_date(defaults.signed_on),
    }

    def save(values: dict[str, Any]) -> str | None:
        try:
            signed_on = parse_date(values.get("signed_on") or "")
        except ValueError as error:
            return str(error)
        if signed_on is None:
            return "Type the date the Chair signs as dd/mm/yyyy."
        amendment = (values.get("amendment") or "").strip()
        if values.get("outcome") == AMENDED and not amendment:
            return "Type the amendment the meeting agreed, or approve as a correct record."
        if values.get("outcome") != AMENDED and amendment:
            return "Choose 'subject to an amendment' to keep the amendment typed."
        try:
            signed = lifecycle.approve(
                meeting_id,
                int(values.get("earlier") or 0),
                item=int(values["item"]) if values.get("item") else None,
                amendment=amendment or None,
                chair=(values.get("chair") or "").strip(),
                signed_on=signed_on,
                today=today,
                recorded=app.clock().isoformat(timespec="seconds"),
            )
        except Refused as refused:
            return str(refused)
        app.notify(f"The minutes of {long_date(signed.date)} are approved, signed and locked.")
        return None

    app.push_screen(
        FormScreen(
            "Approve the previous minutes",
            fields,
            values,
            save,
            hint="Minuted under the item in the committee's words; the earlier minutes are "
            "then signed and locked (an amendment is kept as their correction).",
            save_label="Approve and sign",
        ),
        lambda saved: then() if saved else None,
    )


def audit_lines(entries: list[AuditEntry]) -> str:
    """The audit trail in plain lines, oldest first."""
    if not entries:
        return "Nothing has been changed since the minutes were circulated."
    lines = []
    for entry in entries:
        lines.append(f"{entry.at}  {entry.change} {entry.table} row {entry.row}")
        for column, before, after in entry.differences():
            if entry.change == "update" and isinstance(before, str) and isinstance(after, str):
                lines.append(f"    {column}: {_edited_part(before, after)}")
            elif entry.change == "update":
                lines.append(f"    {column}: {before!r} → {after!r}")
            else:
                lines.append(f"    {column}: {before if entry.change == 'delete' else after!r}")
    return "\n".join(lines)


CONTEXT = 30
"""Characters shown either side of what an edit of a text changed."""


def _edited_part(before: str, after: str) -> str:
    """What an edit of a long text changed and where, not the whole minute twice:
    "added ' Typo fixed.' after '…Council Year. He explained.'"."""
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end = 0
    while end < min(len(before), len(after)) - start and before[-1 - end] == after[-1 - end]:
        end += 1
    was, now = before[start : len(before) - end], after[start : len(after) - end]
    lead = before[max(0, start - CONTEXT) : start]
    where = f"after '{'…' if start > CONTEXT else ''}{lead}'" if start else "at the start"
    if not was:
        return f"added {now!r} {where}"
    if not now:
        return f"removed {was!r} {where}"
    return f"{was!r} → {now!r} {where}"


class AuditScreen(ModalScreen[None]):
    """Every change made to a meeting's record after its minutes were circulated."""

    DEFAULT_CSS = """
    AuditScreen { align: center middle; }
    AuditScreen > Vertical {
        width: 100%; height: 100%; border: thick $primary; background: $surface;
    }
    """
    BINDINGS = [Binding("escape", "dismiss", "Close", id="audit.close")]

    def __init__(self, title: str, entries: list[AuditEntry]) -> None:
        super().__init__()
        self.title_text = title
        self.text = audit_lines(entries)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.title_text, classes="screen-title")
            with VerticalScroll():
                yield Static(self.text, id="audit-text", markup=False)
