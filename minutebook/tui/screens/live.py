"""Live capture: the screen a secretary lives in for the length of a meeting.

The agenda runs down the left with minute numbers as they are issued; the current
item's minute is typed on the right, with its numbered decisions and actions below; the
top line shows the meeting clock, the quorum at this item and whether everything is
saved. Function keys work while the editor has focus (it swallows most Ctrl keys).

Nothing typed is ever lost: the narrative is written to the store about 10 ms after the first
unsaved keystroke (each write a commit of well under a millisecond), and a checkpoint every
three seconds and at every item change flushes the write-ahead log to disk, so a killed
app loses nothing and a power cut at most the last few seconds.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from minutebook.domain import (
    Action,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Capacity,
    Decision,
    DecisionVerb,
    Declaration,
    Mode,
    QuorumRuling,
)
from minutebook.domain.base import error_lines
from minutebook.domain.dates import parse_date
from minutebook.domain.meeting import (
    DecisionFlag,
    InterestCategory,
    arrival_item,
    last_item_present,
)
from minutebook.domain.quorum import Ruling
from minutebook.domain.quorum_engine import QuorumEngine, Verdict
from minutebook.store import StoreError
from minutebook.tui.commands import PaletteCommand
from minutebook.tui.screens.live_dialogs import (
    NOT_MARKED,
    AttendanceDialog,
    QuorumDialog,
    Recoverable,
    RecoverDialog,
    RoomRow,
)
from minutebook.tui.widgets.confirm import ConfirmScreen
from minutebook.tui.widgets.form import FormField, FormScreen

if TYPE_CHECKING:
    from minutebook.tui.app import MinutebookApp

SAVE_DELAY = 0.01
"""Seconds after the first unsaved keystroke before the narrative is written. Short, so
that even a busy event loop saves what was typed well within 100 ms; a burst of keys in
that time is written once."""

CHECKPOINT_EVERY = 3.0
"""Seconds between flushes of the write-ahead log to disk while there are changes."""

STATUS_WORDS = {
    "present": "present",
    "remote": "remote",
    "apologies": "apologies",
    "absent": "absent",
}


class MinuteEditor(TextArea):
    """The minute editor: a TextArea without its F6/F7 selection keys, which live
    capture uses for the quorum and the previous item."""

    inherit_bindings = False
    BINDINGS = [b for b in TextArea.BINDINGS if getattr(b, "key", "") not in ("f6", "f7")]


class LiveMeetingScreen(Screen[None]):
    """Minute a meeting as it happens."""

    HELP_TEXT = """## Live capture

Type the discussion of the current item on the right; it is saved as you type.
`F7` / `F8` move to the previous / next item (the minute number is issued when an item
is first minuted). `F3` records a decision (RESOLVED, AGREED, NOTED …; numbered 1, 2, 3
within the item); `F4` an action (owner and due date) without leaving the item; `F5` a
declaration of interest with the Chair's ruling; `F2` the attendance of the whole room
(one key per change: present, remote, apologies, absent, left, back); `F6` the quorum's
reasons at this item; `F9` lists this meeting's decisions and actions to delete one
or bring a deleted one back. `Ctrl+Z` undoes typing. `F10` leaves live capture and
asks whether the meeting has ended: its end time goes into the minutes.
The top line shows the clock, the quorum at this item and whether everything is saved.
Recording a decision while the meeting is inquorate asks first, and offers NOTED,
DEFERRED or Chair's action instead."""

    BINDINGS = [
        Binding("f2", "attendance", "Room", priority=True, id="live.attendance"),
        Binding("f3", "decision", "Decide", priority=True, id="live.decision"),
        Binding("f4", "action", "Action", priority=True, id="live.action"),
        Binding("f5", "declaration", "Declare", priority=True, id="live.declaration"),
        # F6 is shown in the top line, beside the quorum; the footer has no room for it.
        Binding("f6", "quorum", "Quorum", priority=True, show=False, id="live.quorum"),
        Binding("f7", "item(-1)", "Prev", priority=True, show=False, id="live.previous_item"),
        Binding("f8", "item(1)", "Next", priority=True, id="live.next_item"),
        Binding("f9", "recover", "Del/undo", priority=True, show=False, id="live.recover"),
        Binding("f10", "close", "Close", priority=True, id="live.close"),
    ]

    app: MinutebookApp

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.current: int | None = None
        self._save_timer: Timer | None = None
        self._pending = False  # typed text not yet written
        self._dirty_since_checkpoint = False
        self._loading = False
        self.engine: QuorumEngine | None = None
        self.verdict: Verdict | None = None
        self._numbers: dict[int, str] = {}  # minute numbers known to be issued
        self._confirm_mark: tuple[str, str] | None = None  # a mark asked to be repeated

    # -- layout ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static("", id="live-status")
        with Horizontal(id="live-body"):
            yield OptionList(id="live-agenda")
            with Vertical(id="live-item"):
                yield Static("", id="live-item-title")
                yield MinuteEditor("", id="live-narrative", soft_wrap=True, tab_behavior="focus")
                with VerticalScroll(id="live-decisions-scroll", can_focus=False):
                    yield Static("", id="live-decisions")
        # No room at 80 columns for "^p palette" beside the keys; F1 help names it.
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        store = self.app.store
        self.meeting = store.meeting(self.meeting_id)
        self.committee = store.committee(self.meeting.committee)
        terms = store.terms_in_force(self.meeting.committee, self.meeting.date)
        if terms is not None:
            self.engine = QuorumEngine(
                terms.quorum,
                store.seats(self.meeting.committee),
                store.organisations(self.meeting.committee),
                self.meeting.date,
            )
        agenda = self.agenda()
        if not agenda:
            self.notify("This meeting has no agenda yet: add items first.", severity="warning")
        started = store.item_start_times(self.meeting_id)
        # Resume where the meeting had got to: the last item taken, else the first.
        self.current = max(started) if started else (agenda[0].number if agenda else None)
        self.show_item()
        self.set_interval(CHECKPOINT_EVERY, self.checkpoint)
        self.set_interval(1.0, self.refresh_status)  # the clock; the quorum is kept

    def agenda(self) -> list[AgendaItem]:
        return self.app.store.agenda(self.meeting_id)

    # -- the current item -----------------------------------------------------------------

    def show_item(self) -> None:
        """Load the current item's minute into the editor and refresh everything."""
        store = self.app.store
        editor = self.query_one("#live-narrative", TextArea)
        if self.current is None:
            editor.disabled = True
            self.refresh_agenda()
            self.refresh_status(recount=True)
            return
        item = next(i for i in self.agenda() if i.number == self.current)
        if item.id is not None and not self.meeting.is_locked:
            store.start_item(item.id, self.now().strftime("%H:%M:%S"))
        minute = store.minute_for(self.meeting_id, self.current)
        self._loading = True
        editor.load_text(minute.narrative if minute else "")
        # Coming back to an item is to add to it: the cursor goes after what is there.
        editor.move_cursor(editor.document.end)
        editor.disabled = self.meeting.is_locked
        editor.focus()
        self.refresh_agenda()
        self.refresh_item()
        self.refresh_status(recount=True)

    def now(self) -> datetime:
        return self.app.clock()

    def refresh_agenda(self) -> None:
        options = self.query_one("#live-agenda", OptionList)
        minutes = {m.item: m for m in self.app.store.minutes(self.meeting_id)}
        options.clear_options()
        highlight = 0
        for index, item in enumerate(self.agenda()):
            minute = minutes.get(item.number)
            number = minute.number if minute and minute.number else ""
            marker = "▶" if item.number == self.current else " "
            label = Text(
                f"{marker}{item.number:>2} {number:<5} {item.title}",
                no_wrap=True,
                overflow="ellipsis",
            )
            if item.confidential:
                label = Text(f"{marker}{item.number:>2} {number:<5} ", no_wrap=True)
                label.append("(II) ", style="italic")
                label.append(item.title)
                label.overflow = "ellipsis"
            options.add_option(Option(label, id=str(item.number)))
            if item.number == self.current:
                highlight = index
        if options.option_count:
            options.highlighted = highlight

    def refresh_item(self) -> None:
        if self.current is None:
            return
        store = self.app.store
        item = next(i for i in self.agenda() if i.number == self.current)
        minute = store.minute_for(self.meeting_id, self.current)
        started = store.item_start_times(self.meeting_id).get(self.current)
        timing = ""
        if item.planned_minutes:
            timing = f" · planned {item.planned_minutes} min"
        if started and not self.meeting.ended_at:
            elapsed = self._minutes_since(started)
            timing += f" · {elapsed} min so far"
        number = f"{minute.number} · " if minute and minute.number else ""
        title = Text(f"Item {item.number} · {number}{item.title}", style="bold")
        if item.lead:
            title.append(f" · {item.lead}", style="")
        title.append(timing, style="dim")
        self.query_one("#live-item-title", Static).update(title)
        lines: list[str] = []
        if minute and minute.decisions:
            for verb in dict.fromkeys(d.verb for d in minute.decisions):
                points = [d for d in minute.decisions if d.verb is verb]
                lines.append(f"{verb.value}:")
                for n, decision in enumerate(points, start=1):
                    flag = ""
                    if decision.flag is DecisionFlag.INQUORATE:
                        flag = "  [taken while inquorate]"
                    elif decision.flag is DecisionFlag.CHAIRS_ACTION:
                        flag = "  [Chair's action]"
                    lines.append(f"  {n}. {decision.text}{flag}")
        for action in self._item_actions():
            due = f", by {action.due:%d/%m/%Y}" if action.due else ""
            owner = self.person_name(action.owner)
            lines.append(f"ACTION {action.number}: {action.description} ({owner}{due})")
        self.query_one("#live-decisions", Static).update(Text("\n".join(lines)))

    def _item_actions(self) -> list[Action]:
        minute = self.app.store.minute_for(self.meeting_id, self.current or 0)
        if minute is None or not minute.number:
            return []
        return [
            a for a in self.app.store.meeting_actions(self.meeting) if a.minute == minute.number
        ]

    def _minutes_since(self, clock: str) -> int:
        now = self.now()
        hours, minutes, *seconds = (int(part) for part in clock.split(":"))
        started = now.replace(hour=hours, minute=minutes, second=seconds[0] if seconds else 0)
        return max(0, int((now - started).total_seconds() // 60))

    def person_name(self, person_id: str) -> str:
        try:
            return self.app.store.person(person_id).display_name
        except StoreError:
            return person_id

    # -- saving as the secretary types ----------------------------------------------------

    @on(TextArea.Changed, "#live-narrative")
    def _typed(self) -> None:
        if self._loading:
            self._loading = False
            return
        if self._save_timer is None:
            self._save_timer = self.set_timer(SAVE_DELAY, self.save_now)
        if not self._pending:  # only the first keystroke of a burst redraws the status
            self._pending = True
            self.refresh_status()

    def save_now(self) -> None:
        """Write the narrative being typed (just after the first unsaved key, and on any
        move)."""
        self._save_timer = None
        if not self._pending or self.current is None:
            return
        text = self.query_one("#live-narrative", TextArea).text
        try:
            self.app.store.write_narrative(self.meeting_id, self.current, text)
            if text.strip():
                self._ensure_number()
        except StoreError as error:
            self.notify(f"Not saved: {error}", severity="error")
            return
        self._pending = False
        self._dirty_since_checkpoint = True
        self.refresh_status()

    def _ensure_number(self) -> str:
        """The current item's minute number, issued now if this is its first minute."""
        item = self.current or 0
        if item in self._numbers:  # the common case while typing: no store round trip
            return self._numbers[item]
        minute = self.app.store.minute_for(self.meeting_id, item)
        if minute and minute.number:
            self._numbers[item] = minute.number
            return minute.number
        number = self.app.store.issue_minute_number(self.meeting_id, item)
        self._numbers[item] = number
        self.refresh_agenda()
        self.refresh_item()
        return number

    def checkpoint(self) -> None:
        """Flush the log to disk if anything changed since the last flush."""
        if self._pending:
            self.save_now()
        if self._dirty_since_checkpoint:
            self.app.store.checkpoint()
            self._dirty_since_checkpoint = False

    def changed(self) -> None:
        """After any change other than typing: note it for the next checkpoint."""
        self._dirty_since_checkpoint = True
        self.refresh_agenda()
        self.refresh_item()
        self.refresh_status(recount=True)

    # -- the status line -------------------------------------------------------------------

    def evaluate(self) -> Verdict | None:
        if self.engine is None:
            return None
        store = self.app.store
        return self.engine.evaluate(
            store.attendance(self.meeting_id), store.declarations(self.meeting_id), self.current
        )

    def refresh_status(self, recount: bool = False) -> None:
        """Redraw the top line; `recount` re-evaluates the quorum (after a change to the
        room, a declaration or the item), which typing never needs."""
        if recount:
            self.verdict = self.evaluate()
        status = Text(no_wrap=True, overflow="ellipsis")
        # No date: at 80 columns the quorum's reason needs the room, and it is today.
        status.append(f" {self.committee.code} ")
        status.append(self.now().strftime("%H:%M"), style="bold")
        status.append(" · ")
        if self.meeting.is_locked:
            status.append("signed: read only", style="yellow")
        elif self._pending:
            status.append("saving…", style="yellow")
        else:
            status.append("✓ saved", style="green")
        if self.meeting.ended_at:
            status.append(f" · ended {self.meeting.ended_at}", style="bold")
        status.append(" · ")
        ruling = self.chair_ruling()
        if ruling is not None:
            words = "QUORATE" if ruling.quorate else "INQUORATE"
            status.append(f"{words} by the Chair's ruling (F6)", style="bold yellow")
        elif self.verdict is None:
            status.append("no ToR in force", style="yellow")
        elif self.verdict.quorate:
            status.append(f"QUORATE ({len(self.verdict.counted)})", style="bold green")
            status.append(" F6", style="dim")
        else:
            reason = self.verdict.failed[0].text if self.verdict.failed else ""
            status.append("INQUORATE", style="bold white on red")
            status.append(f" (F6) {reason}", style="red")
        self.query_one("#live-status", Static).update(status)

    # -- moving between items ---------------------------------------------------------------

    def action_item(self, step: int) -> None:
        agenda = self.agenda()
        if not agenda or self.current is None:
            return
        numbers = [i.number for i in agenda]
        index = numbers.index(self.current) + step
        if 0 <= index < len(numbers):
            self.go_to(numbers[index])

    def go_to(self, number: int) -> None:
        self.save_now()
        self._members_return()
        self.checkpoint()
        self.current = number
        self._members_leave()
        self.show_item()

    def _members_leave(self) -> None:
        """Members ruled to leave for the item now taken go out: record the time."""
        self._stamp_leavers("left_at")

    def _members_return(self) -> None:
        """Members who left for the item being closed come back in when the meeting
        moves on ("... returned to the meeting"): record the time."""
        self._stamp_leavers("returned_at")

    def _stamp_leavers(self, field: str) -> None:
        if self.current is None or self.meeting.is_locked:
            return
        now = self.now().strftime("%H:%M")
        for declaration in self.app.store.declarations(self.meeting_id):
            if (
                declaration.item == self.current
                and declaration.ruling is Ruling.LEAVE
                and getattr(declaration, field) is None
            ):
                self.app.store.update_declaration(declaration.model_copy(update={field: now}))

    @on(OptionList.OptionSelected, "#live-agenda")
    def _agenda_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.go_to(int(event.option.id))

    # -- decisions --------------------------------------------------------------------------

    def action_decision(self) -> None:
        if self.current is None or self.meeting.is_locked:
            return
        self.save_now()
        verdict = self.evaluate()
        ruling = self.chair_ruling()
        if ruling is not None and not ruling.quorate:
            self._decision_form(inquorate_reason=f"by the Chair's ruling: {ruling.reason}")
        elif ruling is None and verdict is not None and not verdict.quorate:
            reason = verdict.failed[0].text if verdict.failed else "the rule is not met"
            self._decision_form(inquorate_reason=reason)
        else:
            self._decision_form()

    def chair_ruling(self) -> QuorumRuling | None:
        """The Chair's latest ruling on the quorum at the current item, if any."""
        rulings = [
            r for r in self.app.store.quorum_rulings(self.meeting_id) if r.item == self.current
        ]
        return rulings[-1] if rulings else None

    def _decision_form(self, inquorate_reason: str | None = None) -> None:
        verbs = [(v.value, v.value) for v in DecisionVerb]
        # The text comes first so the secretary can type at once; the verb defaults to
        # RESOLVED, and typing "NOTED: ..." chooses it too.
        fields = [
            FormField("text", "Text", placeholder="That the Partnership ... (or NOTED: ...)"),
            FormField("verb", "Decision", "select", options=verbs),
        ]
        values: dict[str, Any] = {"verb": DecisionVerb.RESOLVED.value}
        hint = "Each point is numbered within the item: RESOLVED 1., 2., 3."
        if inquorate_reason:
            fields.append(
                FormField(
                    "handling",
                    "Because inquorate",
                    "select",
                    options=[
                        ("record as NOTED instead", "noted"),
                        ("record as DEFERRED instead", "deferred"),
                        ("Chair's action, reported to next meeting", "chairs_action"),
                        ("record anyway, flagged as inquorate", "anyway"),
                    ],
                )
            )
            values["handling"] = "noted"
            hint = (
                f"The meeting is INQUORATE at this item ({inquorate_reason}). No decision "
                "should be taken: record it as noted or deferred, as Chair's action, or "
                "flag it."
            )
        self.app.push_screen(
            FormScreen("Record a decision", fields, values, self._save_decision, hint=hint),
            lambda saved: self.changed() if saved else None,
        )

    def _save_decision(self, values: dict[str, Any]) -> str | None:
        verb = values.get("verb") or DecisionVerb.RESOLVED.value
        text = str(values.get("text") or "").strip()
        head, colon, rest = text.partition(":")
        if colon and head.strip().upper() in DecisionVerb.__members__:
            verb, text = head.strip().upper(), rest.strip()
        values = {**values, "text": text}
        flag: DecisionFlag | None = None
        handling = values.get("handling")
        if handling == "noted":
            verb = DecisionVerb.NOTED.value
        elif handling == "deferred":
            verb = DecisionVerb.DEFERRED.value
        elif handling == "chairs_action":
            flag = DecisionFlag.CHAIRS_ACTION
        elif handling == "anyway":
            flag = DecisionFlag.INQUORATE
        try:
            decision = Decision.model_validate({"verb": verb, "text": values["text"], "flag": flag})
            self.app.store.add_decision(self.meeting_id, self.current or 0, decision)
            self._ensure_number()
        except ValidationError as error:
            return "\n".join(error_lines(error, labels={"text": "Text", "verb": "Decision"}))
        except StoreError as error:
            return str(error)
        return None

    # -- actions ------------------------------------------------------------------------------

    def _people_choices(self) -> list[tuple[str, str]]:
        """Owners to choose from: those present first, then the rest of the membership."""
        store = self.app.store
        people = {p.id: p for p in store.people()}
        present = [r.person for r in store.attendance(self.meeting_id) if r.is_present]
        members = [s.holder for s in store.seats(self.meeting.committee) if s.holder]
        ordered = list(dict.fromkeys([*present, *members]))
        return [(people[p].display_name[:50], p) for p in ordered if p in people]

    def action_action(self) -> None:
        if self.current is None or self.meeting.is_locked:
            return
        self.save_now()
        fields = [
            FormField("description", "Action", placeholder="what is to be done"),
            FormField("owner", "Owner", "select", options=self._people_choices()),
            FormField("due", "Due", placeholder="dd/mm/yyyy"),
        ]
        self.app.push_screen(
            FormScreen("Record an action", fields, {}, self._save_action),
            lambda saved: self.changed() if saved else None,
        )

    def _save_action(self, values: dict[str, Any]) -> str | None:
        problems: list[str] = []
        if not values.get("owner"):
            problems.append("Owner: every action needs an owner")
        due = None
        try:
            due = parse_date(values.get("due") or "")
        except ValueError as error:
            problems.append(f"Due: {error}")
        if due is not None and due < self.meeting.date:
            problems.append(
                f"Due: {due:%d/%m/%Y} is before the meeting ({self.meeting.date:%d/%m/%Y})"
            )
        if not (values.get("description") or "").strip():
            problems.append("Action: say what is to be done")
        if problems:
            return "\n".join(problems)
        item = next(i for i in self.agenda() if i.number == self.current)
        try:
            number = self._ensure_number()
            action = Action(
                committee=self.meeting.committee,
                meeting_date=self.meeting.date,
                minute=number,
                item_title=item.title,
                description=values["description"],
                owner=values["owner"],
                due=due,
            )
            self.app.store.add_action(action)
        except ValidationError as error:
            return "\n".join(error_lines(error))
        except StoreError as error:
            return str(error)
        return None

    # -- declarations -----------------------------------------------------------------------

    def action_declaration(self) -> None:
        if self.current is None or self.meeting.is_locked:
            return
        self.save_now()
        store = self.app.store
        people = {p.id: p for p in store.people()}
        everyone = [s.holder for s in store.seats(self.meeting.committee) if s.holder]
        everyone += [r.person for r in store.attendance(self.meeting_id)]
        choices = [(people[p].display_name[:50], p) for p in dict.fromkeys(everyone) if p in people]
        agenda = [(f"{i.number} {i.title}"[:50], str(i.number)) for i in self.agenda()]
        fields = [
            FormField("person", "Who", "select", options=choices),
            FormField("item", "On item", "select", options=agenda),
            FormField(
                "category",
                "Interest",
                "select",
                options=[
                    (c.value.replace("_", " ").capitalize(), c.value) for c in InterestCategory
                ],
            ),
            FormField("nature", "Nature", placeholder="e.g. Director of a bidding company"),
            FormField(
                "ruling",
                "Chair's ruling",
                "select",
                options=[
                    ("leaves the meeting for the item", Ruling.LEAVE.value),
                    ("stays, takes no part in the decision", Ruling.NO_VOTE.value),
                    ("no action needed", Ruling.REMAIN.value),
                ],
            ),
        ]
        values = {
            "item": str(self.current),
            "category": InterestCategory.FINANCIAL.value,
            "ruling": Ruling.LEAVE.value,
        }
        self.app.push_screen(
            FormScreen("Declaration of interest", fields, values, self._save_declaration),
            lambda saved: self.changed() if saved else None,
        )

    def _save_declaration(self, values: dict[str, Any]) -> str | None:
        person = values.get("person")
        if not person:
            return "Who: choose the person declaring the interest"
        present = {r.person for r in self.app.store.attendance(self.meeting_id) if r.is_present}
        if person not in present:
            return (
                f"Who: {self.person_name(person)} is not recorded as present; mark their "
                "attendance first (F2)"
            )
        try:
            declaration = Declaration.model_validate(
                {
                    "person": person,
                    "item": int(values.get("item") or self.current or 1),
                    "category": values.get("category") or InterestCategory.FINANCIAL.value,
                    "nature": values.get("nature") or "",
                    "ruling": values.get("ruling") or Ruling.REMAIN.value,
                    # Leaving for the item being taken now: minute the time they left.
                    "left_at": self.now().strftime("%H:%M")
                    if values.get("ruling") == Ruling.LEAVE.value
                    and int(values.get("item") or 0) == self.current
                    else None,
                }
            )
            self.app.store.add_declaration(self.meeting_id, declaration)
        except ValidationError as error:
            return "\n".join(error_lines(error, labels={"nature": "Nature"}))
        except StoreError as error:
            return str(error)
        return None

    # -- attendance ---------------------------------------------------------------------------

    def room(self) -> list[RoomRow]:
        """Everyone on the committee and everyone recorded, as the attendance view lists them."""
        store = self.app.store
        people = {p.id: p for p in store.people()}
        recorded: dict[str, list[Attendance]] = {}
        for row in store.attendance(self.meeting_id):
            recorded.setdefault(row.person, []).append(row)
        rows: list[RoomRow] = []
        # Those the Chair asked to leave for this item are out of the room for it.
        out_of_room = {
            d.person
            for d in store.declarations(self.meeting_id)
            if d.item == self.current and d.ruling is Ruling.LEAVE
        }
        seats = [s for s in store.seats(self.meeting.committee) if s.holder and s.is_current]
        keys = list(dict.fromkeys([*(s.holder for s in seats if s.holder), *recorded]))
        for key in keys:
            person = people.get(key)
            name = person.display_name if person else key
            mine = recorded.get(key, [])
            if not mine:
                rows.append(RoomRow(key, name, "member", NOT_MARKED, "not yet marked"))
                continue
            row = mine[0]
            # The status at the current item: who is in the room for it now.
            here = self.current
            if not row.is_present:
                status = row.status.value
            elif here is not None and row.from_item is not None and here < row.from_item:
                status = "not yet"
            elif here is not None and row.to_item is not None and here > row.to_item:
                status = "left"
            elif key in out_of_room:
                status = "out"
            else:
                status = "remote" if row.mode is not Mode.IN_PERSON else "present"
            notes = []
            if key in out_of_room:
                notes.append(f"out of the room for item {self.current} (declared an interest)")
            if row.deputy_for:
                notes.append(
                    "deputising for " + ", ".join(self._principal(s) for s in row.deputy_for)
                )
            if row.role:
                notes.append(row.role)
            if row.from_item:
                notes.append(
                    f"from item {row.from_item}"
                    + (f" ({row.arrived_at})" if row.arrived_at else "")
                )
            if row.to_item:
                notes.append(
                    f"left after item {row.to_item}" + (f" ({row.left_at})" if row.left_at else "")
                )
            rows.append(
                RoomRow(key, name, row.capacity.value.replace("_", " "), status, "; ".join(notes))
            )
        return rows

    def _principal(self, seat_id: str) -> str:
        seat = next(
            (s for s in self.app.store.seats(self.meeting.committee) if s.id == seat_id), None
        )
        if seat and seat.holder:
            return self.person_name(seat.holder)
        return seat_id

    def mark(self, person: str, status: str) -> str | None:
        """Apply one key of the attendance view to one person; a message if refused.

        Marks are made as things happen: arriving at an item after the first is minuted
        "(from item N)"; leaving while item N is taken means they are not there for its
        decisions, "(left after item N-1)". Apologies or absent for someone already
        recorded present would rewrite the items minuted so far, so it is asked twice.
        """
        store = self.app.store
        if self.meeting.is_locked:
            return "These minutes are signed and locked."
        rows = [r for r in store.attendance(self.meeting_id) if r.person == person]
        now = self.now().strftime("%H:%M")
        starts = store.item_start_times(self.meeting_id)
        item = self.current
        numbers = [i.number for i in self.agenda()]
        arrives_at = arrival_item(numbers, item, started=bool(starts))
        arriving = status in ("present", "remote")
        confirm, self._confirm_mark = self._confirm_mark, None
        try:
            if not rows:
                seats = tuple(
                    s.id for s in store.seats(self.meeting.committee) if s.holder == person
                )
                if status in ("left", "back"):
                    return "Mark them present first."
                row = Attendance(
                    person=person,
                    capacity=Capacity.MEMBER,
                    seats=seats,
                    status=AttendanceStatus.PRESENT if arriving else AttendanceStatus(status),
                    mode=Mode.REMOTE if status == "remote" else Mode.IN_PERSON,
                    from_item=arrives_at if arriving else None,
                    arrived_at=now if starts and arriving else None,
                )
                store.add_attendance(self.meeting_id, row)
            else:
                row = rows[0]
                update: dict[str, Any] = {}
                if arriving:
                    update = {
                        "status": AttendanceStatus.PRESENT,
                        "mode": Mode.REMOTE if status == "remote" else Mode.IN_PERSON,
                    }
                    if not row.is_present and arrives_at is not None:
                        update |= {"from_item": arrives_at, "arrived_at": now}
                    elif row.is_present and row.from_item and item and item < row.from_item:
                        # A correction: they were here earlier than first marked.
                        started = starts.get(item, "")[:5] or None
                        update |= {"from_item": arrives_at, "arrived_at": started}
                elif status in ("apologies", "absent"):
                    # Once other items have been taken; at the first it corrects the roll.
                    taken = any(number != item for number in starts)
                    if row.is_present and taken and confirm != (person, status):
                        self._confirm_mark = (person, status)
                        key = "a" if status == "apologies" else "x"
                        return (
                            f"{self.person_name(person)} is recorded present. If they have "
                            f"left, press l. Press {key} again to record {status} for the "
                            "whole meeting."
                        )
                    update = {
                        "status": AttendanceStatus(status),
                        "from_item": None,
                        "to_item": None,
                    }
                elif status == "left":
                    if not row.is_present:
                        return "They are not recorded as present."
                    last = last_item_present(numbers, item, row.from_item)
                    update = {"to_item": last, "left_at": now}
                elif status == "back":
                    if row.to_item is None:
                        return "They have not left."
                    update = {"to_item": None, "left_at": None}
                store.update_attendance(row.model_copy(update=update))
        except (ValidationError, StoreError) as error:
            return str(error)
        self.changed()
        return None

    def add_other(self) -> None:
        """Add an officer, observer, minute taker or deputy to the room."""
        store = self.app.store
        # The member's name first: it is what the secretary looks for, and what shows
        # in the field once chosen.
        seats = [
            (f"{self.person_name(s.holder) if s.holder else '(vacant)'} – {s.title}"[:50], s.id)
            for s in store.seats(self.meeting.committee)
            if s.is_current
        ]
        fields = [
            FormField("name", "Name"),
            FormField(
                "capacity",
                "Capacity",
                "select",
                options=[
                    ("officer / in attendance", "officer"),
                    ("observer", "observer"),
                    ("deputy for a member", "deputy"),
                    ("minute taker", "minute_taker"),
                    ("participant (non-voting)", "participant"),
                ],
            ),
            FormField("role", "Role", placeholder="e.g. Head of Governance"),
            FormField("deputy_for", "Deputising for", "select", options=seats),
            FormField("remote", "Remote", "check"),
        ]
        self.app.push_screen(
            FormScreen("Add someone to the room", fields, {"capacity": "officer"}, self._save_other)
        )

    def _save_other(self, values: dict[str, Any]) -> str | None:
        store = self.app.store
        name = (values.get("name") or "").strip()
        if not name:
            return "Name: must be filled in"
        capacity = values.get("capacity") or "officer"
        deputy_for = values.get("deputy_for")
        if capacity == "deputy":
            if not deputy_for:
                return "Deputising for: choose whose seat"
            seat = next(s for s in store.seats(self.meeting.committee) if s.id == deputy_for)
            principal = [
                r
                for r in store.attendance(self.meeting_id)
                if r.person == seat.holder and r.is_present
            ]
            if principal:
                return (
                    f"Deputising for: {self.person_name(seat.holder or '')} is present; a deputy "
                    "stands in only for an absent member"
                )
        existing = next((p for p in store.people() if p.name.casefold() == name.casefold()), None)
        try:
            person = existing or store.save_person(self._new_person(name))
            starts = store.item_start_times(self.meeting_id)
            numbers = [i.number for i in self.agenda()]
            row = Attendance(
                person=person.id,
                capacity=Capacity(capacity),
                deputy_for=(deputy_for,) if capacity == "deputy" and deputy_for else (),
                role=values.get("role"),
                mode=Mode.REMOTE if values.get("remote") else Mode.IN_PERSON,
                from_item=arrival_item(numbers, self.current, started=bool(starts)),
                arrived_at=self.now().strftime("%H:%M") if starts else None,
            )
            store.add_attendance(self.meeting_id, row)
        except (ValidationError, StoreError) as error:
            return str(error)
        self.changed()
        if capacity == "deputy" and self.verdict is not None:
            # Say at once when the ToR will not count them, rather than only under F6.
            for exclusion in self.verdict.excluded:
                if exclusion.person == person.id:
                    self.notify(
                        f"Not counted towards the quorum: {exclusion.reason}", severity="warning"
                    )
        return None

    def _new_person(self, name: str) -> Any:
        from minutebook.domain import Person

        return Person(id=self.app.store.new_person_id(name), name=name)

    def attendance_summary(self) -> str:
        verdict = self.evaluate()
        item = f"item {self.current}" if self.current else "the opening"
        if verdict is None:
            return "No terms of reference in force: the quorum cannot be checked."
        if verdict.quorate:
            return f"At {item}: quorate, {len(verdict.counted)} counted."
        reason = verdict.failed[0].text if verdict.failed else ""
        return f"At {item}: INQUORATE — {reason}."

    def action_attendance(self) -> None:
        self.save_now()
        self.app.push_screen(
            AttendanceDialog(self.room, self.mark, self.add_other, self.attendance_summary),
            lambda _: self.changed(),
        )

    # -- quorum, recovery, closing --------------------------------------------------------

    def action_quorum(self) -> None:
        verdict = self.evaluate()
        names = {p.id: p.display_name for p in self.app.store.people()}
        where = f"item {self.current}" if self.current else "the opening"
        ruling = self.chair_ruling()
        self.app.push_screen(
            QuorumDialog(f"The quorum at {where}", verdict, names, ruling, self.rule_on_quorum)
        )

    def rule_on_quorum(self) -> None:
        """Record the Chair's ruling where the terms of reference are ambiguous."""
        if self.meeting.is_locked or self.current is None:
            return
        fields = [  # the reason first, so that it can be typed at once
            FormField("reason", "Reason", placeholder="what was ambiguous, and why"),
            FormField(
                "quorate",
                "The Chair rules",
                "select",
                options=[("the meeting is quorate", "yes"), ("the meeting is inquorate", "no")],
            ),
        ]
        verdict = self.evaluate()
        values = {"quorate": "no" if verdict is not None and verdict.quorate else "yes"}

        def save(values: dict[str, Any]) -> str | None:
            try:
                ruling = QuorumRuling.model_validate(
                    {
                        "item": self.current,
                        "quorate": values.get("quorate") == "yes",
                        "reason": values.get("reason") or "",
                        "recorded_at": self.now().strftime("%H:%M"),
                    }
                )
                self.app.store.add_quorum_ruling(self.meeting_id, ruling)
            except ValidationError as error:
                return "\n".join(error_lines(error, labels={"reason": "Reason"}))
            except StoreError as error:
                return str(error)
            return None

        self.app.push_screen(
            FormScreen(
                f"The Chair's ruling on the quorum at item {self.current}",
                fields,
                values,
                save,
                hint="Recorded with its reason and shown in the minutes; the engine's own "
                "count stays visible with F6.",
            ),
            self._after_ruling,
        )

    def _after_ruling(self, saved: bool | None) -> None:
        if saved:
            if isinstance(self.app.screen, QuorumDialog):
                self.app.pop_screen()  # its reasons are out of date now
            self.changed()

    def recoverable(self) -> list[Recoverable]:
        """This meeting's decisions and actions, live and deleted, for the F9 dialog."""
        store = self.app.store
        items: list[Recoverable] = []
        for minute in store.minutes(self.meeting_id):
            items += [
                Recoverable(
                    "decision", d.id or 0, f"item {minute.item}: {d.verb.value} {d.text}", False
                )
                for d in minute.decisions
            ]
        items += [
            Recoverable("action", a.id or 0, f"{a.minute or ''}: {a.description}", False)
            for a in store.meeting_actions(self.meeting)
        ]
        items += [
            Recoverable("decision", d.id or 0, f"item {item}: {d.verb.value} {d.text}", True)
            for item, d in store.deleted_decisions(self.meeting_id)
        ]
        items += [
            Recoverable("action", a.id or 0, f"{a.minute or ''}: {a.description}", True)
            for a in store.meeting_actions(self.meeting, deleted=True)
        ]
        return items

    def toggle_deleted(self, item: Recoverable) -> None:
        """Delete a live decision or action, or bring back a deleted one."""
        store = self.app.store
        at = self.now().isoformat(timespec="seconds")
        if item.kind == "decision":
            if item.deleted:
                store.restore_decision(item.row_id)
            else:
                store.delete_decision(item.row_id, at)
        elif item.deleted:
            store.restore_action(item.row_id)
        else:
            store.delete_action(item.row_id, at)
        self.changed()

    def action_recover(self) -> None:
        self.save_now()
        self.app.push_screen(RecoverDialog(self.recoverable, self.toggle_deleted))

    def palette_commands(self) -> list[PaletteCommand]:
        return [
            (
                "Attendance of the room (F2)",
                "Present, remote, apologies, left, back",
                self.action_attendance,
            ),
            (
                "Record a decision (F3)",
                "RESOLVED, AGREED, NOTED … for this item",
                self.action_decision,
            ),
            ("Record an action (F4)", "Owner and due date, for this item", self.action_action),
            ("Declaration of interest (F5)", "With the Chair's ruling", self.action_declaration),
            (
                "Quorum: the reasons (F6)",
                "Who is counted and who is not, and why",
                self.action_quorum,
            ),
            ("Previous item (F7)", "Save and go back one item", lambda: self.action_item(-1)),
            ("Next item (F8)", "Save and go on to the next item", lambda: self.action_item(1)),
            (
                "Delete or recover a decision or action (F9)",
                "Nothing deleted is lost",
                self.action_recover,
            ),
            (
                "Close live capture (F10)",
                "Asks whether the meeting has ended; everything is already saved",
                self.action_close,
            ),
            (
                "Clear the meeting's end time",
                "The meeting was recorded as ended by mistake: it is going on",
                self.action_reopen,
            ),
        ]

    def action_close(self) -> None:
        """Leave live capture, asking first whether the meeting has ended (its end time
        goes into the minutes); a meeting already ended, or signed, is simply left."""
        self.save_now()
        self.checkpoint()
        if self.meeting.ended_at or self.meeting.is_locked:
            self.dismiss(None)
            return
        clock = self.now().strftime("%H:%M")

        def answered(ended: bool | None) -> None:
            if ended is None:
                return
            if ended:
                try:
                    self.meeting = self.app.store.end_meeting(self.meeting_id, clock)
                except StoreError as error:
                    self.notify(str(error), severity="error")
                    return
                self.checkpoint()
            self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen(
                f"Has the meeting ended? The minutes will say it ended at {clock}.",
                f"Y / Enter: it ended at {clock}, leave live capture\n"
                "N: leave live capture, the meeting goes on\n"
                "Esc: stay",
                can_stay=True,
            ),
            answered,
        )

    def action_reopen(self) -> None:
        """Clear the meeting's end time, when it was recorded by mistake."""
        if not self.meeting.ended_at:
            self.notify("The meeting has not been recorded as ended.")
            return
        try:
            self.meeting = self.app.store.end_meeting(self.meeting_id, None)
        except StoreError as error:
            self.notify(str(error), severity="error")
            return
        self.notify("The meeting's end time is cleared: it is going on.")
        self.refresh_status()

    def on_unmount(self) -> None:
        # Whatever closes the screen (quitting the app included), nothing stays unsaved.
        self.save_now()
        self.app.store.checkpoint()
