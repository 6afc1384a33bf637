"""Creating a meeting: the form, then, when the committee's last meeting deferred items,
the question whether to carry them forward (docs/agenda.md).

The new meeting's agenda starts from the committee's standing items; the items deferred
at the last meeting are offered as a checklist, every one ticked. What is asked is
carried out by `application.standing.StandingAgenda`; no rule is decided here."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import SelectionList, Static

from minutebook.application.standing import MeetingPlan, StandingAgenda
from minutebook.domain.base import Refused
from minutebook.domain.dates import long_date
from minutebook.domain.meeting import Meeting
from minutebook.tui.screens import committee_forms
from minutebook.tui.widgets.form import FormScreen

if TYPE_CHECKING:
    from minutebook.tui.app import MinutebookApp


def new_meeting(
    app: MinutebookApp,
    code: str,
    then: Callable[[Meeting], None],
    values: dict[str, Any] | None = None,
    refused: str = "",
) -> None:
    """Ask for a new meeting of the committee `code`; `then` is given it once stored.
    `values` and `refused`: the form again as typed, with why it was not stored."""
    agenda = StandingAgenda(app.store, code, app.clock)
    if values is None:
        committee = app.store.committee(code)
        values = {"venue": committee.default_venue or "", "session": "public"}
    typed: dict[str, Any] = {}
    planned: list[MeetingPlan] = []
    created: list[Meeting] = []

    def save(form: dict[str, Any]) -> str | None:
        typed.update(form)
        try:
            plan = agenda.plan(form)
            if plan.deferred:
                planned.append(plan)  # asked next, once the form has closed
            else:
                created.append(agenda.create(plan))
        except Refused as refused:
            return str(refused)
        return None

    def closed(saved: bool | None) -> None:
        if not saved:
            return
        if created:
            _done(app, created[0], 0, then)
            return
        plan = planned[-1]
        app.push_screen(CarryForwardScreen(plan), lambda numbers: chosen(plan, numbers))

    def chosen(plan: MeetingPlan, numbers: list[int] | None) -> None:
        if numbers is None:  # Escape: back to the form, as typed
            new_meeting(app, code, then, typed)
            return
        try:
            meeting = agenda.create(plan, numbers)
        except Refused as error:
            # Nothing was stored: back to the form as typed, with the store's words.
            new_meeting(app, code, then, typed, str(error))
            return
        _done(app, meeting, len(numbers), then)

    app.push_screen(
        FormScreen(
            "New meeting",
            committee_forms.meeting_fields(False),
            values,
            save,
            hint="Its agenda starts from the committee's standing items (s on the "
            "committee screen).",
            refused=refused,
        ),
        closed,
    )


def _done(
    app: MinutebookApp, meeting: Meeting, carried: int, then: Callable[[Meeting], None]
) -> None:
    items = len(app.store.agenda(meeting.id or 0))
    more = f", {carried} carried forward" if carried else ""
    app.notify(f"The meeting of {long_date(meeting.date)} has {items} agenda items{more}.")
    then(meeting)


class CarryForwardScreen(ModalScreen[list[int] | None]):
    """The items deferred at the last meeting, each ticked: Space unticks one, Enter
    creates the meeting with those ticked, Escape goes back to the form."""

    DEFAULT_CSS = """
    CarryForwardScreen { align: center middle; }
    CarryForwardScreen > Vertical {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    CarryForwardScreen #carry-question { padding-bottom: 1; }
    CarryForwardScreen SelectionList { height: auto; max-height: 12; }
    CarryForwardScreen #carry-keys { color: $text-muted; margin-top: 1; }
    """

    BINDINGS = [
        Binding("enter,ctrl+s", "create", "Create", priority=True, id="carry.create"),
        Binding("escape", "back", "Back", id="carry.back"),
    ]

    def __init__(self, plan: MeetingPlan) -> None:
        super().__init__()
        self.plan = plan

    def compose(self) -> ComposeResult:
        previous = self.plan.previous
        held = long_date(previous.date) if previous else "the last meeting"
        with Vertical():
            yield Static(
                f"Items deferred at the meeting of {held}. Carry them forward to the "
                f"agenda of {long_date(self.plan.meeting.date)}?",
                id="carry-question",
            )
            yield SelectionList[int](
                *((f"{i.number}. {i.title}", i.number, True) for i in self.plan.deferred),
                id="carry-items",
            )
            yield Static(
                "Space: tick/untick    Enter: create the meeting    Esc: back to the form",
                id="carry-keys",
            )

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()

    def action_create(self) -> None:
        self.dismiss(list(self.query_one(SelectionList).selected))

    def action_back(self) -> None:
        self.dismiss(None)
