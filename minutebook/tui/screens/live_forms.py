"""The forms of live capture: a decision, an action, a declaration, someone new in the
room, the Chair's ruling on the quorum, and the correction of any of them.

Each form gathers what the secretary types and hands it to the capture service
(`minutebook.application.capture.MeetingCapture`); a refusal is shown under the fields
with everything as typed. No rule is decided here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from minutebook.application.capture import MeetingCapture, RecordLine
from minutebook.domain.base import Refused, error_lines
from minutebook.domain.decision_wording import decision_example
from minutebook.domain.labels import DecisionLabels
from minutebook.domain.meeting import DecisionVerb, Declaration
from minutebook.domain.minute_body import action_marker, place_marker
from minutebook.domain.quorum import Ruling
from minutebook.domain.recording import HANDLING_CHOICES, Handling
from minutebook.store import StoreError
from minutebook.tui.screens.live_dialogs import QuorumDialog
from minutebook.tui.screens.live_votes import stored_vote, vote_fields, vote_values
from minutebook.tui.sentences import MARK_HINT
from minutebook.tui.widgets.form import FormField, FormScreen

if TYPE_CHECKING:
    from textual.app import App

RULING_CHOICES = [
    ("leaves the meeting for the item", Ruling.LEAVE.value),
    ("stays, takes no part in the decision", Ruling.NO_VOTE.value),
    ("no action needed", Ruling.REMAIN.value),
]

CAPACITY_CHOICES = [
    ("officer / in attendance", "officer"),
    ("observer", "observer"),
    ("deputy for a member", "deputy"),
    ("minute taker", "minute_taker"),
    ("participant (non-voting)", "participant"),
]

VERB_CHOICES = [(v.value, v.value) for v in DecisionVerb]


class LiveForms:
    """Opens the forms of live capture over the screen, for one meeting."""

    def __init__(self, app: App[Any], capture: MeetingCapture, changed: Callable[[], None]) -> None:
        self.app = app
        self.capture = capture
        self.changed = changed

    def _form(
        self,
        title: str,
        fields: list[FormField],
        values: dict[str, Any],
        save: Callable[[dict[str, Any]], object],
        hint: str = "",
        labels: dict[str, str] | None = None,
        then: Callable[[bool | None], None] | None = None,
    ) -> None:
        """Open a form whose Save hands the values to `save`; a refusal stays in it."""

        def submit(values: dict[str, Any]) -> str | None:
            try:
                save(values)
            except Refused as error:
                return str(error)
            except ValidationError as error:
                return "\n".join(error_lines(error, labels=labels))
            except StoreError as error:
                return str(error)
            return None

        self.app.push_screen(
            FormScreen(title, fields, values, submit, hint=hint),
            then or (lambda saved: self.changed() if saved else None),
        )

    # -- decisions ----------------------------------------------------------------------

    def decision(self, item: int, place: Callable[[str], None] | None = None) -> None:
        """Record a decision at `item`; while inquorate the form asks how. `place` puts
        its line ("[decision 2]") in the minute where the cursor was (docs/minutes.md)."""
        state = self.capture.quorum_at(item)
        committee = self.capture.committee  # its own example, not another committee's
        # The text comes first so the secretary can type at once; the verb defaults to
        # RESOLVED, and typing "NOTED: ..." chooses it too.
        fields = [
            FormField(
                "text", "Text", placeholder=decision_example(committee.name, committee.body_type)
            ),
            FormField("verb", "Decision", "select", options=VERB_CHOICES),
        ]
        values: dict[str, Any] = {"verb": DecisionVerb.RESOLVED.value}
        lettered = self.capture.committee.decision_labels is DecisionLabels.LETTERED
        hint = (
            "It goes in the minute where the cursor was, as a line [decision N] (delete "
            "the line to print it after the minute). Points are "
            + ("lettered through the meeting: (a), (b)." if lettered else "numbered: 1., 2.")
        )
        if state.inquorate:
            fields.append(
                FormField(
                    "handling",
                    "Because inquorate",
                    "select",
                    options=[(label, value.value) for label, value in HANDLING_CHOICES],
                )
            )
            values["handling"] = Handling.NOTED.value
            hint = (
                f"The meeting is INQUORATE at this item ({state.reason}). No decision should "
                "be taken: record it as noted or deferred, as Chair's action, or anyway "
                "(minuted as taken while inquorate)."
            )

        fields += vote_fields(self.capture, item)

        def save(v: dict[str, Any]) -> None:
            decided = self.capture.decide(
                item, v.get("text") or "", v.get("verb"), v.get("handling"), vote_values(v)
            )
            if place is not None and decided.position is not None:
                place(place_marker(decided.position))

        self._form(
            "Record a decision",
            fields,
            values,
            save,
            hint=hint,
            labels={"text": "Text", "verb": "Decision"},
        )

    # -- actions ------------------------------------------------------------------------

    def _action_fields(self) -> list[FormField]:
        return [
            FormField("description", "Action", placeholder="what is to be done"),
            FormField("owner", "Owner", "select", options=self.capture.owners()),
            FormField("due", "Due", placeholder="dd/mm/yyyy"),
            FormField("mark", "Action column", placeholder=MARK_HINT),
        ]

    def action(self, item: int, place: Callable[[str], None] | None = None) -> None:
        """Record an action agreed at `item`. `place` puts its line ("[action 3]") in the
        minute where the cursor was, after what raised it (docs/minutes.md)."""

        def save(v: dict[str, Any]) -> None:
            agreed = self.capture.agree_action(
                item,
                v.get("description") or "",
                v.get("owner"),
                v.get("due") or "",
                v.get("mark") or None,
            )
            if place is not None and agreed.number is not None:
                place(action_marker(agreed.number))

        self._form(
            "Record an action",
            self._action_fields(),
            {},
            save,
            hint="It goes in the minute where the cursor was, as a line [action N]: the "
            "minutes show it there, beside what raised it (delete the line to minute the "
            "action after the item).",
        )

    # -- declarations -------------------------------------------------------------------

    def _declaration_fields(self, kept: str | None = None) -> list[FormField]:
        agenda = [(f"{i.number} {i.title}"[:50], str(i.number)) for i in self.capture.agenda]
        # The categories of the committee's kind of body (a council's code of conduct,
        # an NHS register), and a corrected declaration's own.
        categories = self.capture.interest_choices(kept)
        return [
            FormField("person", "Who", "select", options=self.capture.declarers()),
            FormField("item", "On item", "select", options=agenda),
            FormField("category", "Interest", "select", options=categories),
            FormField("nature", "Nature", placeholder="e.g. Director of a bidding company"),
            FormField("ruling", "Chair's ruling", "select", options=RULING_CHOICES),
        ]

    def declaration(
        self,
        at_item: int,
        start: dict[str, str] | None = None,
        offer: Callable[[Declaration], None] | None = None,
    ) -> None:
        """A declaration made while the meeting is at `at_item` (on any item); `start`,
        what a prompt of the register fills in (who, category, nature); `offer` is
        handed the declaration once the form has closed (to offer it to the register)."""
        kept: list[Declaration] = []
        values = {
            "item": str(at_item),
            "category": self.capture.interest_choices()[0][1],
            # No ruling is chosen for the secretary: saving in a hurry must not mark
            # the member as leaving (docs/declarations.md); the form asks for one.
            **(start or {}),
        }

        def save(v: dict[str, Any]) -> None:
            declared = self.capture.declare(
                v.get("person"),
                int(v.get("item") or at_item),
                v.get("category"),
                v.get("nature") or "",
                v.get("ruling"),
                at_item,
            )
            # It shows under its item, which may not be the one in view: say it is kept.
            ruling = dict((value, label) for label, value in RULING_CHOICES)[declared.ruling]
            self.app.notify(
                f"Declared: {self.capture.name(declared.person)} on item {declared.item} "
                f"({ruling}). F9 corrects it."
            )
            kept.append(declared)

        def closed(saved: bool | None) -> None:
            if saved:
                self.changed()
            if saved and kept and offer is not None:
                offer(kept[0])

        self._form(
            "Declaration of interest",
            self._declaration_fields(),
            values,
            save,
            labels={"nature": "Nature"},
            then=closed,
        )

    # -- the room -----------------------------------------------------------------------

    def add_to_room(self, item: int | None) -> None:
        """An officer, observer, minute taker, participant or deputy arrives."""
        seats = [
            (f"{self.capture.name(s.holder) if s.holder else '(vacant)'} – {s.title}"[:50], s.id)
            for s in self.capture.seats
            if s.is_current
        ]
        fields = [
            FormField("name", "Name"),
            FormField("capacity", "Capacity", "select", options=CAPACITY_CHOICES),
            FormField("role", "Role", placeholder="e.g. Head of Governance"),
            FormField("deputy_for", "Deputising for", "select", options=seats),
            FormField("remote", "Remote", "check"),
        ]

        def save(values: dict[str, Any]) -> None:
            warnings = self.capture.add_to_room(
                values.get("name") or "",
                values.get("capacity") or "officer",
                item,
                role=values.get("role"),
                deputy_for=values.get("deputy_for"),
                remote=bool(values.get("remote")),
            )
            for warning in warnings:
                # Said at once when the ToR will not count them, rather than only under F6.
                self.app.notify(warning, severity="warning")

        self._form("Add someone to the room", fields, {"capacity": "officer"}, save)

    # -- the quorum ---------------------------------------------------------------------

    def ruling(self, item: int) -> None:
        """The Chair's ruling where the terms of reference are ambiguous."""
        fields = [  # the reason first, so that it can be typed at once
            FormField("reason", "Reason", placeholder="what was ambiguous, and why"),
            FormField(
                "quorate",
                "The Chair rules",
                "select",
                options=[("the meeting is quorate", "yes"), ("the meeting is inquorate", "no")],
            ),
        ]
        state = self.capture.quorum_at(item)

        def after(saved: bool | None) -> None:
            if saved:
                if isinstance(self.app.screen, QuorumDialog):
                    self.app.pop_screen()  # its reasons are out of date now
                self.changed()

        self._form(
            f"The Chair's ruling on the quorum at item {item}",
            fields,
            {"quorate": "no" if state.quorate else "yes"},
            lambda v: self.capture.rule_on_quorum(
                item, v.get("quorate") == "yes", v.get("reason") or ""
            ),
            hint="Recorded with its reason and shown in the minutes. It stands while the "
            "room is as it is now; the engine's own count stays visible with F6.",
            labels={"reason": "Reason"},
            then=after,
        )

    # -- corrections --------------------------------------------------------------------

    def correct(self, line: RecordLine, corrected: Callable[[], None] = lambda: None) -> None:
        """Open a decision, action or declaration to correct it; `corrected` is called
        once the correction is saved."""
        capture = self.capture

        def then(saved: bool | None) -> None:
            if saved:
                self.changed()
                corrected()

        if line.kind == "decision":
            item, decision = next(
                (m.item, d)
                for m in capture.record.minutes
                for d in m.decisions
                if d.id == line.row_id
            )
            self._form(
                f"Correct a decision at item {line.item}",
                [
                    FormField("text", "Text"),
                    FormField("verb", "Decision", "select", options=VERB_CHOICES),
                    *vote_fields(capture, item, decision),
                ],
                {"text": decision.text, "verb": decision.verb.value}
                | stored_vote(capture, decision),
                lambda v: capture.edit_decision(
                    line.row_id, v.get("text") or "", v.get("verb"), vote_values(v)
                ),
                hint="The decision keeps its number and its place; what it said is kept too. "
                "Clear the vote's fields to remove it.",
                then=then,
            )
        elif line.kind == "action":
            action = next(a for a in capture.actions if a.id == line.row_id)
            self._form(
                f"Correct action {action.number}",
                self._action_fields(),
                {
                    "description": action.description,
                    "owner": action.owner,
                    "due": f"{action.due:%d/%m/%Y}" if action.due else "",
                    "mark": action.mark or "",
                },
                lambda v: capture.edit_action(
                    line.row_id,
                    v.get("description") or "",
                    v.get("owner"),
                    v.get("due") or "",
                    v.get("mark") or None,
                ),
                then=then,
            )
        elif line.kind == "declaration":
            declaration = next(d for d in capture.record.declarations if d.id == line.row_id)
            self._form(
                "Correct a declaration of interest",
                self._declaration_fields(declaration.category.value),
                {
                    "person": declaration.person,
                    "item": str(declaration.item),
                    "category": declaration.category.value,
                    "nature": declaration.nature,
                    "ruling": declaration.ruling.value,
                },
                lambda v: capture.edit_declaration(
                    line.row_id,
                    v.get("person"),
                    int(v.get("item") or declaration.item),
                    v.get("category"),
                    v.get("nature") or "",
                    v.get("ruling"),
                ),
                labels={"nature": "Nature"},
                then=then,
            )
        else:
            self.app.notify(
                "A ruling is not corrected: delete it and record the Chair's ruling again."
            )
