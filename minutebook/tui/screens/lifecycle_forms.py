"""The minutes' lifecycle on screen: mark minutes circulated (by `c`, which asks the
date, or on exporting the draft: the export form's offer), the form that approves the
previous minutes at a later meeting, and the audit trail of a meeting
(docs/lifecycle.md).

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
from minutebook.domain.audit import AuditNote
from minutebook.domain.base import Refused
from minutebook.domain.dates import long_date, parse_date, short_date
from minutebook.domain.meeting import Meeting, MinutesStatus
from minutebook.tui.widgets.form import FormField, FormScreen

if TYPE_CHECKING:
    from minutebook.tui.app import MinutebookApp

AS_RECORDED = "correct"
AMENDED = "amended"


def circulate_minutes(
    app: MinutebookApp, meeting_id: int, then: Callable[[], None], on: date | None = None
) -> None:
    """Mark the meeting's minutes circulated on `on`, and say so (or why not); without a
    date (`c` on the meeting screen), ask for it first: today, editable."""
    lifecycle = MinutesLifecycle(app.store)
    if on is None:
        ask_circulation_date(app, lifecycle, meeting_id, then)
        return
    try:
        sent = lifecycle.circulate(meeting_id, on)
    except Refused as refused:
        app.notify(str(refused), severity="warning")
        return
    app.notify(f"The minutes of {long_date(sent.date)} are marked circulated on {long_date(on)}.")
    then()


def ask_circulation_date(
    app: MinutebookApp, lifecycle: MinutesLifecycle, meeting_id: int, then: Callable[[], None]
) -> None:
    """The small form that asks the date the draft minutes were sent out (today,
    editable, dd/mm/yyyy). Minutes that cannot be circulated whatever the date (already
    circulated, nothing recorded) are said at once, with no form to fill in."""
    meeting = app.store.meeting(meeting_id)
    problem = lifecycle.circulation_problem(meeting_id, max(meeting.date, app.clock().date()))
    if problem:
        app.notify(problem, severity="warning")
        return

    def save(values: dict[str, Any]) -> str | None:
        on, message = _circulation_date(values.get("circulated_on"))
        if on is None:
            return message
        try:
            sent = lifecycle.circulate(meeting_id, on)
        except Refused as refused:
            return str(refused)
        app.notify(
            f"The minutes of {long_date(sent.date)} are marked circulated on {long_date(on)}."
        )
        return None

    app.push_screen(
        FormScreen(
            f"Mark the minutes of {long_date(meeting.date)} circulated",
            [FormField("circulated_on", "Circulated on", placeholder="dd/mm/yyyy")],
            {"circulated_on": short_date(app.clock().date())},
            save,
            hint="The date the draft minutes were sent out. From then on every change to "
            "them is kept in the audit trail (t).",
            save_label="Mark circulated",
        ),
        lambda saved: then() if saved else None,
    )


def _circulation_date(text: object) -> tuple[date | None, str]:
    """The circulation date typed in a form, or the form's message saying what to type."""
    try:
        on = parse_date(str(text or ""))
    except ValueError as error:
        return None, f"Circulated on: {error}"
    if on is None:
        return None, "Circulated on: type the date the minutes are sent out, as dd/mm/yyyy."
    return on, ""


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
    on, message = _circulation_date(values.get("circulated_on"))
    if on is None:
        return None, message
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


NOTHING_CHANGED = "Nothing has been changed since the minutes were circulated."


class AuditScreen(ModalScreen[None]):
    """Every change made to a meeting's record after its minutes were circulated, as the
    domain words it (`domain.audit`): each change's time and heading, then what it
    changed, indented (a long line wraps under its own indent)."""

    DEFAULT_CSS = """
    AuditScreen { align: center middle; }
    AuditScreen > Vertical {
        width: 100%; height: 100%; border: thick $primary; background: $surface;
        padding: 0 1;
    }
    AuditScreen .audit-heading { text-style: bold; margin-top: 1; }
    AuditScreen .audit-lines { padding-left: 4; }
    """
    BINDINGS = [Binding("escape", "dismiss", "Close", id="audit.close")]

    def __init__(self, title: str, notes: list[AuditNote]) -> None:
        super().__init__()
        self.title_text = title
        self.notes = notes

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.title_text, classes="screen-title")
            with VerticalScroll(id="audit-trail"):
                if not self.notes:
                    yield Static(NOTHING_CHANGED, classes="audit-heading")
                for note in self.notes:
                    yield Static(note.title, classes="audit-heading", markup=False)
                    if note.lines:
                        yield Static("\n".join(note.lines), classes="audit-lines", markup=False)
