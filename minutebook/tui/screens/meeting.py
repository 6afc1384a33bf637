"""One meeting: its agenda (built and reordered here), apologies and planned remote
attendance with the quorum forecast, and the minutes recorded so far.

Live capture during the meeting (attendance as people arrive, the quorum, minutes,
declarations and actions as they happen) has its own screen, opened from here with
``l``.

The Attendance and Minutes tabs are drawn as text (`meeting_pages`), each built the first
time the tab is shown and again when the record changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static, TabbedContent, TabPane

from minutebook.application.interest_prompts import agenda_interests
from minutebook.application.lifecycle import MinutesLifecycle
from minutebook.domain import (
    AgendaItem,
    Meeting,
    Mode,
    Purpose,
)
from minutebook.domain.base import Refused, error_lines
from minutebook.domain.bodies import part_two, read_paragraphs
from minutebook.domain.dates import long_date
from minutebook.domain.lifecycle import lifecycle_words
from minutebook.domain.room import Ahead, Room, plan_ahead
from minutebook.domain.standing_items import new_item_number
from minutebook.store import StoreError
from minutebook.tui.commands import PaletteCommand, on_tab
from minutebook.tui.screens.agenda_item_form import (
    SECTION_FIELDS,
    SECTION_LABELS,
    section_of,
    section_values,
)
from minutebook.tui.screens.lifecycle_forms import (
    AuditScreen,
    approve_previous_minutes,
    circulate_minutes,
)
from minutebook.tui.screens.matters_arising import open_matters_arising
from minutebook.tui.screens.meeting_interests import show_interests
from minutebook.tui.screens.meeting_pages import (
    RecordReading,
    attendance_page,
    minutes_page,
    reading_of,
)
from minutebook.tui.widgets.confirm import ConfirmScreen
from minutebook.tui.widgets.form import FormField, FormScreen
from minutebook.tui.widgets.tables import ListTable

if TYPE_CHECKING:
    from minutebook.tui.app import MinutebookApp

ITEM_LABELS = {
    "title": "Title",
    "description": "Wording",
    "lead": "Lead",
    "purpose": "Purpose",
    "planned_minutes": "Planned minutes",
    "paper": "Paper",
    "exempt_paragraphs": "Schedule 12A",
    **SECTION_LABELS,
}


RECORD_TABS = ("attendance", "minutes")
"""The tabs drawn from the meeting's record (the agenda tab is its own table)."""


class MeetingScreen(Screen[None]):
    """A meeting's agenda, attendance and minutes."""

    HELP_TEXT = """## A meeting

**Agenda** starts from the committee's standing items. `a` adds an item (before the
closing ones, such as any other business), `e` or `Enter` edits the selected item,
`Shift+↑` / `Shift+↓` move it (items are renumbered, and any minutes, declarations or
arrivals recorded against them move with them), `Delete` removes an item that nothing
refers to yet. "Int." counts the members the register of interests prompts on an item,
then those who declared (D) and the prompts dismissed (X) at the meeting: "1 1D 2X" is
one still to answer, one declaration, two dismissed; `I` names them. Each item has a
title, wording, lead, purpose (decision / discussion / information), planned minutes,
a confidential flag (Part II) with, for a principal council, the paragraphs of Schedule
12A that make it exempt, and a paper reference.
`1`, `2`, `3` switch between the tabs. **Attendance** shows who has sent apologies
(`p` records or withdraws them) and who will join remotely (`r` records a member's
planned remote attendance with a note, such as "joining by video from London", or
withdraws it), with the quorum forecast: whether the meeting will be quorate if
everyone else comes, and whom to chase if not. A remote attendance counts only where
the terms of reference say so; the forecast names whoever it does not count. Once
people are marked present it shows the quorum at the opening; live capture marks when
each expected member actually arrives. **Minutes** shows what has been recorded.
Signed minutes are locked. `l` opens live capture: the meeting as it happens. An item
may open a section of the agenda, with its times ("Strategy", 10:25 to 11:50), printed
above it; its wording may run over several lines (Enter), a line starting "- " a bullet;
planned minutes print a timing only for the items given them."""

    DEFAULT_CSS = """
    MeetingScreen #attendance-text, MeetingScreen #minutes-text { padding: 0 1; }
    """

    BINDINGS = [
        Binding("escape", "back", "Back", id="meeting.back"),
        Binding("a", "add_item", "Add", id="meeting.add_item"),
        Binding("e", "edit_item", "Edit", id="meeting.edit_item"),
        # Moving items is in the help and the palette: the footer has no room at 80 columns.
        Binding("shift+up", "move(-1)", "Up", key_display="⇧↑", show=False, id="meeting.move_up"),
        Binding(
            "shift+down", "move(1)", "Down", key_display="⇧↓", show=False, id="meeting.move_down"
        ),
        Binding("delete", "delete_item", "Remove", key_display="Del", id="meeting.delete_item"),
        Binding("p", "apologies", "Apologies", id="meeting.apologies"),
        Binding("r", "remote", "Remote", id="meeting.remote"),
        Binding("x", "export", "Export", id="meeting.export"),
        Binding("1", "tab('agenda')", "Agenda", show=False, id="meeting.tab_agenda"),
        Binding("2", "tab('attendance')", "Attendance", show=False, id="meeting.tab_attendance"),
        Binding("3", "tab('minutes')", "Minutes", show=False, id="meeting.tab_minutes"),
        Binding("l", "live", "Live", id="meeting.live"),
        Binding("c", "circulate", "Circulated", show=False, id="meeting.circulate"),
        Binding("t", "audit", "Audit", show=False, id="meeting.audit"),
        Binding("I", "interests", "Interests", show=False, id="meeting.interests"),
    ]

    app: MinutebookApp

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        # Kept as they change, so that `check_action` (asked on every footer redraw)
        # neither queries the screen nor reads the database.
        self.locked = False
        self.active_tab = "agenda"
        self._reading: RecordReading | None = None
        self._stale: set[str] = set(RECORD_TABS)
        self.shown: dict[str, str] = {}
        """Each record tab's text as last drawn, in plain words."""

    def compose(self) -> ComposeResult:
        store = self.app.store
        meeting = store.meeting(self.meeting_id)
        self.locked = meeting.is_locked
        committee = store.committee(meeting.committee)
        when = long_date(meeting.date) + (f" at {meeting.time}" if meeting.time else "")
        self.agenda_table = ListTable(id="agenda-table", cursor_type="row", zebra_stripes=True)
        self.attendance_scroll = VerticalScroll(id="attendance-scroll")
        self.minutes_scroll = VerticalScroll(id="minutes-scroll")
        self.attendance_text = Static(id="attendance-text")
        self.minutes_text = Static(id="minutes-text")
        self.tabs = TabbedContent(initial="agenda", id="tabs")
        yield Header()
        self.when = f"{committee.code} · {when}"
        yield Static(
            f"{self.when} · minutes {lifecycle_words(meeting)}",
            classes="screen-title",
            id="meeting-title",
        )
        with self.tabs:
            with TabPane("1 Agenda", id="agenda"):
                yield self.agenda_table
            with TabPane("2 Attendance", id="attendance"), self.attendance_scroll:
                yield self.attendance_text
            with TabPane("3 Minutes", id="minutes"), self.minutes_scroll:
                yield self.minutes_text
        yield Footer(compact=True)

    def on_mount(self) -> None:
        # "Int.": the register's prompts on the item, open and answered (docs/register.md),
        # before the title so that it is on screen at 80 columns; `I` names them.
        self.agenda_table.add_columns(
            "No.", "Int.", "Item", "Lead", "Purpose", "Mins", "Conf.", "Paper"
        )
        self.refresh_agenda()
        # The record tabs are read and drawn when first shown (`show_record`).
        self.agenda_table.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Keys for another tab are hidden; on signed (locked) minutes they are greyed.
        active = self.active_tab
        if action in ("add_item", "edit_item", "move", "delete_item"):
            return (None if self.locked else True) if active == "agenda" else False
        if action in ("apologies", "remote"):
            return (None if self.locked else True) if active == "attendance" else False
        return True

    def action_tab(self, tab: str) -> None:
        # Drawn before the switch, so that the first frame of the tab shows its text.
        self._set_active(tab)
        self.tabs.active = tab
        # Focus the tab's content, so that the arrows and PageDown scroll it at once.
        focus = {"agenda": self.agenda_table, "attendance": self.attendance_scroll}
        focus.get(tab, self.minutes_scroll).focus()

    @on(TabbedContent.TabActivated, "#tabs")
    def _tab_changed(self, event: TabbedContent.TabActivated) -> None:
        self._set_active(event.pane.id or "agenda")

    def _set_active(self, tab: str) -> None:
        if tab != self.active_tab:
            self.active_tab = tab
            self.refresh_bindings()
        self.show_record()

    # -- agenda --------------------------------------------------------------------------

    def refresh_agenda(self, select_number: int | None = None) -> None:
        table = self.agenda_table
        keep = table.cursor_row
        table.clear()
        agenda = self.app.store.agenda(self.meeting_id)
        interests = agenda_interests(self.app.store, self.meeting_id)
        for item in agenda:
            table.add_row(
                str(item.number),
                interests[item.number].column if item.number in interests else "",
                item.title,
                item.lead or "",
                item.purpose.value.capitalize(),
                str(item.planned_minutes or ""),
                part_two(item),
                item.paper or "",
                key=str(item.id),
            )
        if table.row_count:
            row = keep if select_number is None else select_number - 1
            table.move_cursor(row=max(0, min(row, table.row_count - 1)))

    def _selected_item(self) -> AgendaItem | None:
        table = self.agenda_table
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((i for i in self.app.store.agenda(self.meeting_id) if str(i.id) == key), None)

    FIELDS = [
        FormField("title", "Title", placeholder="e.g. Minutes of the previous meeting"),
        FormField(
            "description", "Wording", "lines", placeholder='under the title; "- " for a bullet'
        ),
        FormField("lead", "Lead", placeholder="who presents it"),
        FormField(
            "purpose",
            "Purpose",
            "select",
            options=[(p.value.capitalize(), p.value) for p in Purpose],
        ),
        FormField("planned_minutes", "Planned minutes", placeholder="e.g. 15"),
        FormField("confidential", "Confidential", "check"),
        FormField(
            "exempt_paragraphs",
            "Schedule 12A para.",
            placeholder="1 to 7, for a principal council's confidential item",
        ),
        FormField("paper", "Paper", placeholder="paper or page reference"),
        *SECTION_FIELDS,
    ]

    def action_add_item(self) -> None:
        values = {"purpose": "information"}
        at = new_item_number(self.app.store.agenda(self.meeting_id))  # before closing items
        self.app.push_screen(
            FormScreen(
                "Add an agenda item", self.FIELDS, values, lambda v: self._save_item(v, None)
            ),
            lambda saved: self.refresh_agenda(select_number=at) if saved else None,
        )

    def action_edit_item(self) -> None:
        item = self._selected_item()
        if item is None:
            return
        values = {
            "title": item.title,
            "description": item.description,
            "lead": item.lead,
            "purpose": item.purpose.value,
            "planned_minutes": item.planned_minutes or "",
            "confidential": item.confidential,
            "exempt_paragraphs": ", ".join(str(p) for p in item.exempt_paragraphs),
            "paper": item.paper,
            **section_values(item),
        }
        self.app.push_screen(
            FormScreen(
                f"Edit agenda item {item.number}",
                self.FIELDS,
                values,
                lambda v: self._save_item(v, item),
            ),
            lambda saved: self.refresh_agenda() if saved else None,
        )

    def _save_item(self, values: dict[str, Any], existing: AgendaItem | None) -> str | None:
        minutes_text = str(values["planned_minutes"] or "").strip()
        if minutes_text and not minutes_text.isdecimal():
            return f"Planned minutes must be a whole number of minutes, not {minutes_text!r}."
        try:
            paragraphs = read_paragraphs(values.get("exempt_paragraphs"))
        except ValueError as error:
            return f"Schedule 12A: {error}"
        try:
            item = AgendaItem.model_validate(
                {
                    **(existing.model_dump() if existing else {"number": 1}),  # its kind, start
                    "meeting_id": self.meeting_id,
                    "title": values["title"],
                    "description": values["description"],
                    "lead": values["lead"],
                    "purpose": values["purpose"] or "information",
                    "planned_minutes": int(minutes_text) if minutes_text else None,
                    "confidential": values["confidential"],
                    "exempt_paragraphs": paragraphs,
                    "paper": values["paper"],
                    **section_of(values),
                }
            )
            if existing:
                self.app.store.update_agenda_item(item)
            else:
                self.app.store.add_agenda_item(self.meeting_id, item)
        except ValidationError as error:
            return "\n".join(error_lines(error, labels=ITEM_LABELS))
        except StoreError as error:
            return str(error)
        return None

    def action_move(self, offset: int) -> None:
        item = self._selected_item()
        if item is None or item.id is None:
            return
        try:
            agenda = self.app.store.move_agenda_item(item.id, offset)
        except StoreError as error:
            self.notify(str(error), severity="error")
            return
        moved = next(i for i in agenda if i.id == item.id)
        self.refresh_agenda(select_number=moved.number)
        self.refresh_record()

    def action_delete_item(self) -> None:
        item = self._selected_item()
        if item is None or item.id is None:
            return
        item_id = item.id

        def done(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.app.store.delete_agenda_item(item_id)
            except StoreError as error:
                self.notify(str(error), severity="error")
                return
            self.refresh_agenda()

        self.app.push_screen(ConfirmScreen(f"Remove item {item.number}, {item.title!r}?"), done)

    @on(DataTable.RowSelected, "#agenda-table")
    def _row_chosen(self) -> None:
        if self.check_action("edit_item", ()):
            self.action_edit_item()

    def action_interests(self) -> None:
        show_interests(self.app, self.meeting_id)

    def palette_commands(self) -> list[PaletteCommand]:
        commands: list[PaletteCommand] = [
            ("Agenda", "This meeting's agenda", lambda: self.action_tab("agenda")),
            (
                "Attendance and quorum forecast",
                "Apologies and whether it will be quorate",
                lambda: self.action_tab("attendance"),
            ),
            ("Minutes", "The minutes recorded so far", lambda: self.action_tab("minutes")),
            (
                "Export a Word document (x)",
                "Formal minutes, confidential minutes, the agenda or the action tracker",
                self.action_export,
            ),
            (
                "Live capture (l)",
                "Minute the meeting as it happens: attendance, quorum, decisions, actions",
                self.action_live,
            ),
            ("Mark the minutes circulated (c)", "Sent out as a draft", self.action_circulate),
            ("Audit trail (t)", "Every change since circulation", self.action_audit),
            (
                "Possible interests from the register (I)",
                "Each agenda item's members whose registered interests may touch it",
                self.action_interests,
            ),
        ]
        if not self.locked:
            commands += [
                (
                    "Approve, sign and lock the previous minutes",
                    "At this meeting, as a correct record or amended (these minutes are "
                    "approved at the next meeting)",
                    lambda: approve_previous_minutes(
                        self.app, self.meeting_id, None, self.refresh_record
                    ),
                ),
                (
                    "Matters arising: review the action tracker",
                    "Every open action from earlier meetings: position, status, deadline, RAG",
                    lambda: open_matters_arising(self.app, self.meeting_id, self.refresh_record),
                ),
                (
                    "Add agenda item",
                    "A new item, before the closing standing items",
                    on_tab(self.action_tab, "agenda", self.action_add_item),
                ),
                (
                    "Move agenda item up (Shift+↑)",
                    "The selected item one place earlier; its minute goes with it",
                    on_tab(self.action_tab, "agenda", lambda: self.action_move(-1)),
                ),
                (
                    "Move agenda item down (Shift+↓)",
                    "The selected item one place later; its minute goes with it",
                    on_tab(self.action_tab, "agenda", lambda: self.action_move(1)),
                ),
                (
                    "Record apologies (p)",
                    "From a member, updating the quorum forecast",
                    on_tab(self.action_tab, "attendance", self.action_apologies),
                ),
                (
                    "Record a planned remote attendance (r)",
                    "A member who will join remotely, with a note; the forecast counts "
                    "it where the terms of reference do",
                    on_tab(self.action_tab, "attendance", self.action_remote),
                ),
            ]
        return commands

    def action_export(self) -> None:
        """Export this meeting's minutes or agenda, or the committee's tracker as
        presented to a meeting, as Word (screens/export_form.py)."""
        from minutebook.tui.screens.export_form import ExportForm

        ExportForm(self, self.meeting_id).open()

    def action_live(self) -> None:
        from minutebook.tui.screens.live import LiveMeetingScreen

        self.app.push_screen(LiveMeetingScreen(self.meeting_id), lambda _: self._back_from_live())

    def _back_from_live(self) -> None:
        self.refresh_agenda()
        self.refresh_record()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_circulate(self) -> None:
        circulate_minutes(self.app, self.meeting_id, self.refresh_record)

    def action_audit(self) -> None:
        notes = MinutesLifecycle(self.app.store).audit_record(self.meeting_id)
        self.app.push_screen(AuditScreen(f"Audit trail · {self.when}", notes))

    # -- the record so far ------------------------------------------------------------------

    def refresh_record(self) -> None:
        """The record changed: the tab in view is read and drawn again now, the other
        when it is next shown."""
        self._reading = None
        self._stale = set(RECORD_TABS)
        if self.active_tab not in RECORD_TABS:
            # The title line still shows where the minutes stand (circulated now?).
            self._show_stage(self.app.store.meeting(self.meeting_id))
        self.show_record()

    def _show_stage(self, meeting: Meeting) -> None:
        """The title line's lifecycle, and the keys greyed once the minutes are signed."""
        self.query_one("#meeting-title", Static).update(
            f"{self.when} · minutes {lifecycle_words(meeting)}"
        )
        if meeting.is_locked != self.locked:
            self.locked = meeting.is_locked
            self.refresh_bindings()

    def read_record(self) -> RecordReading:
        """The meeting as it stands, read once per refresh."""
        if self._reading is None:
            self._reading = reading_of(self.app.store, self.meeting_id)
            self._show_stage(self._reading.record.meeting)
        return self._reading

    def show_record(self) -> None:
        """Draw the record tab in view if it has not been drawn since the record changed."""
        tab = self.active_tab
        if tab not in self._stale:
            return
        self._stale.discard(tab)
        reading = self.read_record()
        page = attendance_page(reading) if tab == "attendance" else minutes_page(reading)
        self.shown[tab] = page.plain
        view = self.attendance_text if tab == "attendance" else self.minutes_text
        view.update(page.renderable())

    def _members(self, reading: RecordReading) -> list[tuple[str, str]]:
        """The members in post on the meeting's date, as a form's choices, each with
        what is recorded for them: apologies sent, or joining remotely."""
        meeting = reading.record.meeting
        options = []
        for seat in reading.seats:
            if seat.holder and seat.in_post_on(meeting.date) and seat.holder in reading.people:
                row = reading.record.row_of(seat.holder)
                words = ""
                if row is not None and not row.is_attending:
                    words = " (apologies sent)"
                elif row is not None and reading.is_planned(row) and row.mode is not Mode.IN_PERSON:
                    words = " (joining remotely)"
                options.append((f"{reading.name(seat.holder)}{words}"[:60], seat.holder))
        return list(dict.fromkeys(options))

    def action_apologies(self) -> None:
        """Record apologies from a member (or withdraw them), then re-forecast."""
        reading = self.read_record()
        fields = [FormField("person", "Member", "select", options=self._members(reading))]

        def record(values: dict[str, Any]) -> str | None:
            person = values.get("person")
            if not person:
                return "Choose the member who sent apologies."
            return self._ahead(reading, person, Ahead.APOLOGIES)

        self.app.push_screen(
            FormScreen("Apologies (choose again to withdraw them)", fields, {}, record),
            lambda saved: self.refresh_record() if saved else None,
        )

    def _ahead(
        self, reading: RecordReading, person: str, ahead: Ahead, note: str | None = None
    ) -> str | None:
        """Record apologies or a planned remote attendance by the domain's rules
        (`room.plan_ahead`); the refusal, if any, for the form."""
        held: dict[str, tuple[str, ...]] = {}
        for seat in reading.seats:
            if seat.holder:
                held[seat.holder] = (*held.get(seat.holder, ()), seat.id)
        room = Room(
            reading.record.timeline,
            reading.record.attendance,
            seats_held=lambda p: held.get(p, ()),
            name=reading.name,
        )
        try:
            change = plan_ahead(room, person, ahead, note)
            self.app.store.apply_room_change(self.meeting_id, change)
        except (Refused, StoreError) as error:
            return str(error)
        self.notify(change.said)
        return None

    def action_remote(self) -> None:
        """Record that a member will join remotely, with a note ("joining by video from
        London"), or withdraw it; then re-forecast. It is an expected attendance: a row
        marked present and remote with no arrival, which live capture completes when
        they join (the forecast counts it as remote, where the terms of reference do)."""
        reading = self.read_record()
        fields = [
            FormField("person", "Member", "select", options=self._members(reading)),
            FormField("note", "Note", placeholder="e.g. joining by video from London"),
        ]

        def record(values: dict[str, Any]) -> str | None:
            person = values.get("person")
            if not person:
                return "Choose the member who will join remotely."
            note = str(values.get("note") or "").strip() or None
            return self._ahead(reading, person, Ahead.REMOTE, note)

        self.app.push_screen(
            FormScreen("Joining remotely (choose again to withdraw it)", fields, {}, record),
            lambda saved: self.refresh_record() if saved else None,
        )
