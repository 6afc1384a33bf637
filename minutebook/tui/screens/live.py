"""Live capture: the screen a secretary lives in for the length of a meeting.

The agenda runs down the left with minute numbers as they are issued; the current
item's minute is typed on the right, with its numbered decisions and actions below; the
top line shows the meeting clock, the quorum at this item and whether everything is
saved. Function keys work while the editor has focus (it swallows most Ctrl keys).

The screen holds no rule of the meeting: every change goes to `MeetingCapture`
(minutebook.application.capture), which checks it against the domain's rules and stores
it, and the screen shows what it answers.

Nothing typed is ever lost: the narrative is written to the store about 10 ms after the
first unsaved keystroke, and a paste at once (each write a commit of well under a
millisecond, whatever the minute's length), and a
checkpoint at every item change, and the app's every two seconds, flushes the
write-ahead log to disk, so a killed app loses nothing and a power cut at most the
last two seconds. When
the disk cannot be written (full, removed, read-only), what was typed stays in the
editor, the top line says plainly that it is not saved and why, and the save is tried
again every two seconds until it is written (docs/saving.md).
"""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import Footer, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from minutebook.application.capture import MeetingCapture, RecordLine
from minutebook.application.matters import MattersArising
from minutebook.domain.base import Refused
from minutebook.domain.dates import long_date
from minutebook.domain.meeting_quorum import NO_ATTENDANCE
from minutebook.domain.numbering import distinct_minute_number
from minutebook.store import StoreError
from minutebook.store.errors import WriteFailed
from minutebook.tui.commands import PaletteCommand
from minutebook.tui.screens.lifecycle_forms import approve_previous_minutes
from minutebook.tui.screens.live_dialogs import AttendanceDialog, QuorumDialog, RecordsDialog
from minutebook.tui.screens.live_forms import LiveForms
from minutebook.tui.screens.live_help import LIVE_HELP
from minutebook.tui.screens.live_prompts import LivePrompts, PromptLine
from minutebook.tui.screens.live_signed import SignedMinutes
from minutebook.tui.screens.live_votes import decision_lines
from minutebook.tui.screens.matters_arising import item_cue, open_matters_arising
from minutebook.tui.widgets.confirm import ConfirmScreen
from minutebook.tui.widgets.minute_editor import MinuteEditor

if TYPE_CHECKING:
    from collections.abc import Callable

    from minutebook.tui.app import MinutebookApp

SAVE_DELAY = 0.01
"""Seconds after the first unsaved keystroke before the narrative is written. Short, so
that even a busy event loop saves what was typed well within 100 ms; a burst of keys in
that time is written once."""


class LiveMeetingScreen(SignedMinutes):
    """Minute a meeting as it happens."""

    HELP_TEXT = LIVE_HELP

    BINDINGS = [
        Binding("f2", "attendance", "Room", priority=True, id="live.attendance"),
        Binding("f3", "decision", "Decide", priority=True, id="live.decision"),
        Binding("f4", "action", "Action", priority=True, id="live.action"),
        Binding("f5", "declaration", "Declare", priority=True, id="live.declaration"),
        Binding("shift+f5", "dismiss_prompt", show=False, priority=True, id="live.dismiss"),
        # F6 is shown in the top line, beside the quorum; the footer has no room for it.
        Binding("f6", "quorum", "Quorum", priority=True, show=False, id="live.quorum"),
        Binding("f7", "item(-1)", "Prev", priority=True, show=False, id="live.previous_item"),
        Binding("f8", "item(1)", "Next", priority=True, id="live.next_item"),
        Binding("f9", "records", "Fix", priority=True, show=False, id="live.recover"),
        Binding("f10", "close", "Close", priority=True, id="live.close"),
        Binding("f11,ctrl+r", "arising", "Arising", priority=True, show=False, id="live.arising"),
        Binding("f12", "approve", "Approve", priority=True, show=False, id="live.approve"),
        Binding("escape", "close", "Close", show=False, id="live.escape"),
    ]

    app: MinutebookApp

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.current: int | None = None
        self._save_timer: Timer | None = None
        self._loading = False
        self._confirm: tuple[str, str] | None = None  # a mark asked to be repeated
        self._saved_text = ""  # the narrative as last loaded or written

    # -- layout ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # Widgets are kept, not queried: they must still be there to save from when the
        # screen is being taken down (quitting straight after typing).
        self.status = Static("", id="live-status")
        self.agenda_list = OptionList(id="live-agenda")
        self.title_line = Static("", id="live-item-title")
        self.prompt_line = PromptLine("", id="live-prompts")  # the register's (F5, Shift+F5)
        self.editor = MinuteEditor(
            "",
            id="live-narrative",
            soft_wrap=True,
            tab_behavior="focus",
            save_at_once=self.save_now,
        )
        self.decisions = Static("", id="live-decisions")
        yield self.status
        with Horizontal(id="live-body"):
            yield self.agenda_list
            with Vertical(id="live-item"):
                yield self.title_line
                yield self.prompt_line
                yield self.editor
                with VerticalScroll(id="live-decisions-scroll", can_focus=False):
                    yield self.decisions
        # No room at 80 columns for "^p palette" beside the keys; F1 help names it.
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.capture = MeetingCapture(self.app.store, self.meeting_id, self.app.clock)
        self.forms = LiveForms(self.app, self.capture, self.changed)
        self.prompts = LivePrompts(self.capture, self.forms, self.prompt_line)
        if not self.capture.agenda:
            self.notify("This meeting has no agenda yet: add items first.", severity="warning")
        elif not self.capture.on_the_day and not self.locked:
            self.notify(
                # Short and brief: it stands over the room list and the panel below.
                f"Held on {long_date(self.capture.meeting.date)}, not today: what you record "
                "goes in at its item, without clock times.",
                timeout=5,
            )
        self.current = self.capture.resume_item()
        self.show_item()
        self.set_interval(1.0, self.refresh_status)  # the clock; the quorum is kept

    # -- the current item -----------------------------------------------------------------

    def show_item(self) -> None:
        """Load the current item's minute into the editor and refresh everything."""
        if self.current is None:
            self.editor.disabled = True
            self.refresh_all()
            return
        try:
            self.capture.take_up(self.current)
        except StoreError as error:  # the item is not timed; the minute can still be typed
            self.notify(f"The item's start time is not recorded: {error}", severity="error")
        minute = self.capture.minute(self.current)
        self._loading = True
        self._saved_text = minute.narrative if minute else ""
        self.editor.load_text(self._saved_text)
        # Coming back to an item is to add to it: the cursor goes after what is there.
        self.editor.move_cursor(self.editor.document.end)
        self.editor.disabled = self.locked
        self.editor.focus()
        self.refresh_all()

    def refresh_all(self) -> None:
        self.refresh_agenda()
        self.refresh_item()
        self.refresh_status()

    def refresh_agenda(self) -> None:
        options = self.agenda_list
        options.clear_options()
        highlight = 0
        for index, item in enumerate(self.capture.agenda):
            minute = self.capture.minute(item.number)
            number = distinct_minute_number(item.number, minute.number if minute else None)
            marker = "▶" if item.number == self.current else " "
            label = Text(
                f"{marker}{item.number:>2} {number:<5} ", no_wrap=True, overflow="ellipsis"
            )
            if item.confidential:
                label.append("(II) ", style="italic")
            label.append(item.title)
            options.add_option(Option(label, id=str(item.number)))
            if item.number == self.current:
                highlight = index
        if options.option_count:
            options.highlighted = highlight

    def refresh_item(self) -> None:
        item = self.capture.item(self.current)
        if item is None:
            return
        minute = self.capture.minute(item.number)
        timing = f" · planned {item.planned_minutes} min" if item.planned_minutes else ""
        if item.started_at and not self.capture.meeting.ended_at:
            timing += f" · {self._minutes_since(item.started_at)} min so far"
        number = distinct_minute_number(item.number, minute.number if minute else None)
        number += " · " if number else ""
        title = Text(f"Item {item.number} · {number}{item.title}", style="bold")
        if item.lead:
            title.append(f" · {item.lead}", style="")
        title.append(timing, style="dim")
        title.append(item_cue(self.capture.agenda, item.number, signed=self.locked), style="dim")
        self.title_line.update(title)
        self.prompts.show(item.number, self.locked)
        lines = decision_lines(self.capture, minute.decisions if minute else (), item.number)
        for action in self.capture.item_actions(item.number):
            due = f", by {action.due:%d/%m/%Y}" if action.due else ""
            lines.append(
                f"ACTION {action.number}: {action.description} "
                f"({self.capture.name(action.owner)}{due})  [action {action.number}]"
            )
        arising = MattersArising(self.app.store, self.meeting_id).minutes_words(item.number)
        if arising:  # what the minutes say of the actions reviewed here (F11)
            lines += ["", arising] if lines else [arising]
        self.decisions.update(Text("\n".join(lines)))

    def _minutes_since(self, clock: str) -> int:
        now = self.app.clock()
        hours, minutes, *seconds = (int(part) for part in clock.split(":"))
        started = now.replace(hour=hours, minute=minutes, second=seconds[0] if seconds else 0)
        return max(0, int((now - started).total_seconds() // 60))

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

    def save_now(self) -> bool:
        """Write the narrative being typed (just after the first unsaved key, on any
        move, and when the screen is taken down); whether all of it is written.

        If it cannot be written, it stays in the editor, the top line says it is NOT
        SAVED and why, and it is tried again every `RETRY_EVERY` seconds (and after
        every key) until it is written."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        text = self.editor.text
        # Compared with what was last saved, not only on the pending flag: when the app
        # quits straight after a keystroke, the editor holds the text before its
        # Changed message has been handled.
        if self.current is None or text == self._saved_text:
            self._pending = False
            self._written()
            return True
        try:
            issued = self.capture.write_narrative(self.current, text)
        except StoreError as error:
            self._not_written(error)
            return False
        self._saved_text = text
        self._pending = False
        self._written()
        if issued is not None:
            self._tell_number(issued.number, issued.after_later_meeting)
        if not self._closing:
            if issued is not None:
                self.refresh_agenda()
                self.refresh_item()
            self.refresh_status()
        return True

    def _tell_number(self, number: str, after: str) -> None:
        if after:
            self.notify(
                f"{number}: the meeting of {after}, later in the same numbering period, "
                "was minuted first, so this meeting's numbers follow on from its.",
                severity="warning",
                timeout=10,
            )

    def checkpoint(self) -> None:
        """Write what is typed and flush the log to disk (at an item change and on
        leaving; the app also does it every two seconds, whatever the screen)."""
        if self._pending:
            self.save_now()
        with suppress(StoreError):  # what is committed is in the log; the next one flushes
            self.app.store.checkpoint()

    def changed(self) -> None:
        """After any change other than typing: show it."""
        self.refresh_all()

    # -- the status line -------------------------------------------------------------------

    def refresh_status(self) -> None:
        """Redraw the top line: the clock, saving, and the quorum at this item."""
        if self._closing:
            return
        capture = self.capture
        status = Text(no_wrap=True, overflow="ellipsis")
        # No date: at 80 columns the quorum's reason needs the room, and it is today.
        status.append(f" {capture.committee.code} ")
        status.append(self.app.clock().strftime("%H:%M"), style="bold")
        status.append(" · ")
        if self.locked:
            status.append("signed: read only", style="yellow")
        elif self.not_saved is not None:
            failed = self.not_saved
            reason = failed.reason if isinstance(failed, WriteFailed) else str(failed)
            status.append(f"NOT SAVED: {reason} — keep typing, retrying", style="bold white on red")
        elif self._pending:
            status.append("saving…", style="yellow")
        else:
            status.append("✓ saved", style="green")
        if capture.meeting.ended_at:
            status.append(f" · ended {capture.meeting.ended_at}", style="bold")
        status.append(" · ")
        state = capture.quorum_at(self.current)
        if state.quorate is None:
            nobody = state.unknown == NO_ATTENDANCE
            unknown = "nobody marked yet (F2)" if nobody else "no ToR in force"
            status.append(f"quorum: {unknown}", style="yellow")
        elif state.ruling is not None:
            words = "QUORATE" if state.quorate else "INQUORATE"
            status.append(f"{words} by the Chair's ruling (F6)", style="bold yellow")
        elif state.quorate:
            counted = len(state.verdict.counted) if state.verdict else 0
            status.append(f"QUORATE ({counted})", style="bold green")
            status.append(" F6", style="dim")
        else:
            status.append("INQUORATE", style="bold white on red")
            status.append(f" (F6) {state.reason}", style="red")
        self.status.update(status)

    # -- moving between items ---------------------------------------------------------------

    def action_item(self, step: int) -> None:
        numbers = self.capture.numbers
        if not numbers or self.current is None:
            return
        index = numbers.index(self.current) + step
        if 0 <= index < len(numbers):
            self.go_to(numbers[index])

    def go_to(self, number: int) -> None:
        if not self._minute_kept("Not moved"):
            return
        self.checkpoint()
        self.current = number
        self.show_item()

    @on(OptionList.OptionSelected, "#live-agenda")
    def _agenda_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.go_to(int(event.option.id))

    # -- forms: each asks the capture service, and shows its refusal ----------------------

    # -- decisions, actions, declarations: forms that ask the capture service ----------

    def action_decision(self) -> None:
        if self.current is not None and self.unlocked():
            self.save_now()
            at = self.editor.cursor_location  # where it goes in the text (saved at once)
            self.forms.decision(self.current, lambda line: self.editor.insert_line(line, at))

    def action_action(self) -> None:
        if self.current is not None and self.unlocked():
            self.save_now()
            at = self.editor.cursor_location  # where it goes in the text (saved at once)
            self.forms.action(self.current, lambda line: self.editor.insert_line(line, at))

    def action_declaration(self) -> None:
        if self.current is not None and self.unlocked():
            self.save_now()
            self.prompts.declare(self.current)

    def action_dismiss_prompt(self) -> None:
        self.prompts.dismiss(self.current if self.unlocked() else None, self.refresh_item)

    def action_approve(self) -> None:
        if self.unlocked():
            self.save_now()
            approve_previous_minutes(self.app, self.meeting_id, self.current, self._approved)

    def action_arising(self) -> None:
        if self.unlocked():
            self.save_now()
            open_matters_arising(self.app, self.meeting_id, self._approved)

    def _approved(self) -> None:
        """The approval went to the store beside the capture: read the meeting again."""
        self.capture.refresh()
        self.changed()

    # -- attendance ---------------------------------------------------------------------------

    def mark(self, person: str, status: str) -> str | None:
        """Apply one key of the attendance view to one person; a message if refused or
        if it asks to be confirmed (the same key again confirms)."""
        confirm, self._confirm = self._confirm, None
        try:
            result = self.capture.mark(
                person, status, self.current, confirmed=confirm == (person, status)
            )
        except Refused as error:
            return str(error)
        except (ValidationError, StoreError) as error:
            return str(error)
        if result.question:
            self._confirm = (person, status)
            return result.question
        self.changed()
        if result.said:
            self.notify(result.said)
        return None

    def everyone_present(self) -> str:
        try:
            marked, problems = self.capture.everyone_present(self.current)
        except StoreError as error:
            problems, marked = [str(error)], 0
        self.changed()
        return problems[0] if problems else f"{marked} marked present."

    def action_attendance(self) -> None:
        self.save_now()
        self.app.push_screen(
            AttendanceDialog(
                lambda: self.capture.room(self.current),
                self.mark,
                lambda: self.forms.add_to_room(self.current),
                lambda: self.capture.summary(self.current),
                self.everyone_present,
            ),
            lambda _: self.changed(),
        )

    # -- quorum ----------------------------------------------------------------------------

    def action_quorum(self) -> None:
        state = self.capture.quorum_at(self.current)
        names = {p: self.capture.name(p) for p in self.capture.people}
        where = f"item {self.current}" if self.current else "the opening"
        self.app.push_screen(
            QuorumDialog(
                f"The quorum at {where}", state.verdict, names, state.ruling, self.rule_on_quorum
            )
        )

    def rule_on_quorum(self) -> None:
        if self.current is not None and self.unlocked():
            self.forms.ruling(self.current)

    # -- correcting the record ---------------------------------------------------------------

    def action_records(self) -> None:
        self.save_now()
        self.app.push_screen(
            RecordsDialog(self.capture.records, self._delete_or_restore, self._correct),
            lambda _: self.changed(),
        )

    def _delete_or_restore(self, line: RecordLine) -> str | None:
        try:
            if line.deleted:
                self.capture.restore(line)
            else:
                self.capture.delete(line)
        except StoreError as error:
            return str(error)
        return None

    def _correct(self, line: RecordLine, corrected: Callable[[], None]) -> None:
        if self.unlocked():
            self.forms.correct(line, corrected)

    # -- the palette and the close ----------------------------------------------------------

    def palette_commands(self) -> list[PaletteCommand]:
        return [
            (
                "Attendance of the room (F2)",
                "Present, remote, apologies, left, back, undo",
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
                "Matters arising: review the action tracker (F11)",
                "Every open action from earlier meetings: position, status, deadline, RAG",
                self.action_arising,
            ),
            (
                "Approve the previous minutes (F12)",
                "As a correct record or amended; the Chair signs and they are locked",
                self.action_approve,
            ),
            (
                "Correct, delete or recover a record (F9)",
                "Decisions, actions, declarations, rulings; nothing deleted is lost",
                self.action_records,
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
        if not self._minute_kept("Live capture stays open"):
            return
        self.checkpoint()
        if self.capture.meeting.ended_at or self.locked or not self.capture.on_the_day:
            # Not on the meeting's day, now is not when it ended: nothing to ask.
            self.dismiss(None)
            return
        clock = self.app.clock().strftime("%H:%M")

        def answered(ended: bool | None) -> None:
            if ended is None:
                return
            if ended:
                try:
                    self.capture.end_meeting(clock)
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
        if not self.capture.meeting.ended_at:
            self.notify("The meeting has not been recorded as ended.")
            return
        try:
            self.capture.end_meeting(None)
        except StoreError as error:
            self.notify(str(error), severity="error")
            return
        self.notify("The meeting's end time is cleared: it is going on.")
        self.refresh_status()

    def on_unmount(self) -> None:
        # Whatever closes the screen (quitting the app included), nothing stays unsaved;
        # the editor is kept by reference because it is no longer in the DOM by now.
        self._closing = True
        self.save_now()
        if self._retry is not None:
            self._retry.stop()
        with suppress(StoreError):  # committed changes are in the log in any case
            self.app.store.checkpoint()
