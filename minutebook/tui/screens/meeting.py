"""One meeting: its agenda (built and reordered here), attendance and minutes so far.

Live capture during the meeting (attendance as people arrive, the quorum, minutes,
declarations and actions as they happen) gets its own screen, opened from here with
``L``; until it exists this screen shows what has been recorded.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Markdown, Static, TabbedContent, TabPane

from minutebook.domain import (
    Action,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Capacity,
    MeetingRecord,
    Purpose,
)
from minutebook.domain.base import error_lines
from minutebook.domain.dates import long_date
from minutebook.domain.forecast import forecast
from minutebook.domain.meeting import DecisionFlag
from minutebook.domain.meeting_quorum import MeetingQuorum
from minutebook.domain.quorum import Ruling
from minutebook.domain.quorum_engine import QuorumEngine
from minutebook.domain.snapshot import MinutesSnapshot
from minutebook.store import StoreError
from minutebook.tui.commands import PaletteCommand, on_tab
from minutebook.tui.widgets.confirm import ConfirmScreen
from minutebook.tui.widgets.form import FormField, FormScreen
from minutebook.tui.widgets.tables import ListTable

if TYPE_CHECKING:
    from minutebook.tui.app import MinutebookApp

CAPACITY_HEADINGS = {
    Capacity.MEMBER: "Members",
    Capacity.PARTICIPANT: "Participants",
    Capacity.DEPUTY: "Deputies",
    Capacity.OFFICER: "In attendance",
    Capacity.OBSERVER: "Observers",
    Capacity.MINUTE_TAKER: "Minutes",
}


ITEM_LABELS = {
    "title": "Title",
    "lead": "Lead",
    "purpose": "Purpose",
    "planned_minutes": "Planned minutes",
    "paper": "Paper",
}


class MeetingScreen(Screen[None]):
    """A meeting's agenda, attendance and minutes."""

    HELP_TEXT = """## A meeting

**Agenda**: `a` adds an item at the end, `e` or `Enter` edits the selected item,
`Shift+↑` / `Shift+↓` move it (items are renumbered, and any minutes, declarations or
arrivals recorded against them move with them), `Delete` removes an item that nothing
refers to yet. Each item has a title, lead, purpose (decision / discussion /
information), planned minutes, a confidential flag (Part II) and a paper reference.
`1`, `2`, `3` switch between the tabs. **Attendance** shows who has sent apologies
(`p` records or withdraws them) with the quorum forecast: whether the meeting will be
quorate if everyone else comes, and whom to chase if not; once people are marked present
it shows the quorum at the opening. **Minutes** shows what has been recorded. Signed
minutes are locked. `l` opens live capture: the meeting as it happens."""

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
        Binding("x", "export", "Export", id="meeting.export"),
        Binding("1", "tab('agenda')", "Agenda", show=False, id="meeting.tab_agenda"),
        Binding("2", "tab('attendance')", "Attendance", show=False, id="meeting.tab_attendance"),
        Binding("3", "tab('minutes')", "Minutes", show=False, id="meeting.tab_minutes"),
        Binding("l", "live", "Live", id="meeting.live"),
    ]

    app: MinutebookApp

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id

    def compose(self) -> ComposeResult:
        store = self.app.store
        meeting = store.meeting(self.meeting_id)
        committee = store.committee(meeting.committee)
        when = long_date(meeting.date) + (f" at {meeting.time}" if meeting.time else "")
        yield Header()
        yield Static(
            f"{committee.code} · {when} · {meeting.status.value}",
            classes="screen-title",
            id="meeting-title",
        )
        with TabbedContent(initial="agenda", id="tabs"):
            with TabPane("1 Agenda", id="agenda"):
                yield ListTable(id="agenda-table", cursor_type="row", zebra_stripes=True)
            with TabPane("2 Attendance", id="attendance"), VerticalScroll(id="attendance-scroll"):
                yield Markdown(id="attendance-text")
            with TabPane("3 Minutes", id="minutes"), VerticalScroll(id="minutes-scroll"):
                yield Markdown(id="minutes-text")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#agenda-table", DataTable).add_columns(
            "No.", "Item", "Lead", "Purpose", "Mins", "Conf.", "Paper"
        )
        self.refresh_agenda()
        self.refresh_record()
        self.query_one("#agenda-table", DataTable).focus()

    @property
    def locked(self) -> bool:
        return self.app.store.meeting(self.meeting_id).is_locked

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        tabs = self.query("#tabs")
        active = self.query_one("#tabs", TabbedContent).active if tabs else "agenda"
        # Keys for another tab are hidden; on signed (locked) minutes they are greyed.
        if action in ("add_item", "edit_item", "move", "delete_item"):
            return (None if self.locked else True) if active == "agenda" else False
        if action == "apologies":
            return (None if self.locked else True) if active == "attendance" else False
        return True

    def action_tab(self, tab: str) -> None:
        self.query_one("#tabs", TabbedContent).active = tab
        # Focus the tab's content, so that the arrows and PageDown scroll it at once.
        focus = {"agenda": "#agenda-table", "attendance": "#attendance-scroll"}
        self.query_one(focus.get(tab, "#minutes-scroll")).focus()
        self.refresh_bindings()

    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        self.refresh_bindings()

    # -- agenda --------------------------------------------------------------------------

    def refresh_agenda(self, select_number: int | None = None) -> None:
        table = self.query_one("#agenda-table", DataTable)
        keep = table.cursor_row
        table.clear()
        agenda = self.app.store.agenda(self.meeting_id)
        for item in agenda:
            table.add_row(
                str(item.number),
                item.title,
                item.lead or "",
                item.purpose.value.capitalize(),
                str(item.planned_minutes or ""),
                "Part II" if item.confidential else "",
                item.paper or "",
                key=str(item.id),
            )
        if table.row_count:
            row = keep if select_number is None else select_number - 1
            table.move_cursor(row=max(0, min(row, table.row_count - 1)))

    def _selected_item(self) -> AgendaItem | None:
        table = self.query_one("#agenda-table", DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((i for i in self.app.store.agenda(self.meeting_id) if str(i.id) == key), None)

    FIELDS = [
        FormField("title", "Title", placeholder="e.g. Minutes of the previous meeting"),
        FormField("lead", "Lead", placeholder="who presents it"),
        FormField(
            "purpose",
            "Purpose",
            "select",
            options=[(p.value.capitalize(), p.value) for p in Purpose],
        ),
        FormField("planned_minutes", "Planned minutes", placeholder="e.g. 15"),
        FormField("confidential", "Confidential", "check"),
        FormField("paper", "Paper", placeholder="paper or page reference"),
    ]

    def action_add_item(self) -> None:
        values = {"purpose": "information"}
        self.app.push_screen(
            FormScreen(
                "Add an agenda item", self.FIELDS, values, lambda v: self._save_item(v, None)
            ),
            lambda saved: self.refresh_agenda(select_number=10_000) if saved else None,
        )

    def action_edit_item(self) -> None:
        item = self._selected_item()
        if item is None:
            return
        values = {
            "title": item.title,
            "lead": item.lead,
            "purpose": item.purpose.value,
            "planned_minutes": item.planned_minutes or "",
            "confidential": item.confidential,
            "paper": item.paper,
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
        if minutes_text and not minutes_text.isdigit():
            return f"Planned minutes must be a whole number of minutes, not {minutes_text!r}."
        try:
            item = AgendaItem.model_validate(
                {
                    "id": existing.id if existing else None,
                    "meeting_id": self.meeting_id,
                    "number": existing.number if existing else 1,
                    "title": values["title"],
                    "lead": values["lead"],
                    "purpose": values["purpose"] or "information",
                    "planned_minutes": int(minutes_text) if minutes_text else None,
                    "confidential": values["confidential"],
                    "paper": values["paper"],
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
        ]
        if not self.locked:
            commands += [
                (
                    "Add agenda item",
                    "A new item at the end of the agenda",
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
                    "Record apologies",
                    "From a member, updating the quorum forecast",
                    on_tab(self.action_tab, "attendance", self.action_apologies),
                ),
            ]
        return commands

    def action_export(self) -> None:
        """Export this meeting's minutes, agenda or the committee's tracker as Word."""
        from platformdirs import user_documents_path

        fields = [
            FormField(
                "what",
                "Export",
                "select",
                options=[
                    ("formal minutes (public)", "minutes"),
                    ("confidential minutes", "confidential"),
                    ("agenda", "agenda"),
                    ("action tracker", "tracker"),
                ],
            ),
            FormField("folder", "Into the folder"),
            FormField(
                "replace",
                "If it exists",
                "select",
                options=[("stop and say so", "no"), ("replace it", "yes")],
            ),
        ]
        values = {"what": "minutes", "folder": str(user_documents_path()), "replace": "no"}
        self.app.push_screen(
            FormScreen("Export a Word document", fields, values, self._export, save_label="Export")
        )

    def _export(self, values: dict[str, Any]) -> str | None:
        """Check the target at once; build and save in a worker, off the keystroke path."""
        from datetime import date as calendar

        folder = Path(str(values.get("folder") or "")).expanduser()
        if not folder.is_dir():
            return f"Into the folder: {folder} does not exist"
        store = self.app.store
        meeting = store.meeting(self.meeting_id)
        committee = store.committee(meeting.committee)
        what = str(values.get("what") or "minutes")
        state = "approved" if meeting.status.value in ("approved", "signed") else "draft"
        names = {
            "minutes": f"{committee.code} minutes {meeting.date.isoformat()} ({state}).docx",
            "confidential": f"{committee.code} confidential minutes "
            f"{meeting.date.isoformat()} ({state}).docx",
            "agenda": f"{committee.code} agenda {meeting.date.isoformat()}.docx",
            "tracker": f"{committee.code} action tracker {calendar.today().isoformat()}.docx",
        }
        target = folder / names[what]
        if target.exists() and values.get("replace") != "yes":
            return (
                f"{target.name} already exists in that folder; "
                "choose 'replace it' or another folder"
            )
        # The snapshot is read here, on the app's thread; the worker only renders and saves.
        snapshot = store.minutes_snapshot(self.meeting_id)
        self.export_in_background(what, snapshot, target)
        self.notify(f"Exporting {names[what]} …")
        return None

    @work(thread=True, exclusive=True, exit_on_error=False)
    def export_in_background(self, what: str, snapshot: MinutesSnapshot, target: Path) -> None:
        from datetime import date as calendar

        from minutebook.exporters.common import ExportError, committee_template, save_document

        committee = snapshot.membership.committee
        try:
            template = committee_template(committee)
            if what in ("minutes", "confidential"):
                if committee.house_style.value == "nhs":
                    from minutebook.exporters.nhs import render_nhs_minutes as render
                else:
                    from minutebook.exporters.council import render_council_minutes as render
                build = render(snapshot, template=template, public=what == "minutes")
            elif what == "agenda":
                from minutebook.exporters.agenda import render_agenda

                record = snapshot.record
                build = render_agenda(committee, record.meeting, record.agenda, template)
            else:
                from minutebook.exporters.tracker import render_tracker

                build = render_tracker(
                    snapshot.open_actions,
                    committee,
                    snapshot.people,
                    template,
                    as_of=calendar.today(),
                )
            save_document(build, target, overwrite=True)
        except (ExportError, OSError, ValueError) as error:
            self.app.call_from_thread(
                self.notify, f"Export failed: {error}", severity="error", timeout=10
            )
            return
        warnings = "".join(f"\nWarning: {w}" for w in build.warnings)
        self.app.call_from_thread(
            self.notify,
            f"Saved {target.name}\nin {target.parent} (open that folder to find it){warnings}",
            title="Exported",
            timeout=12,
        )

    def action_live(self) -> None:
        from minutebook.tui.screens.live import LiveMeetingScreen

        self.app.push_screen(LiveMeetingScreen(self.meeting_id), lambda _: self._back_from_live())

    def _back_from_live(self) -> None:
        self.refresh_agenda()
        self.refresh_record()

    def action_back(self) -> None:
        self.app.pop_screen()

    # -- the record so far ------------------------------------------------------------------

    def action_apologies(self) -> None:
        """Record apologies from a member (or withdraw them), then re-forecast."""
        store = self.app.store
        meeting = store.meeting(self.meeting_id)
        people = {p.id: p for p in store.people()}
        recorded = {r.person: r for r in store.attendance(self.meeting_id)}
        options = []
        for seat in store.seats(meeting.committee):
            if seat.holder and seat.in_post_on(meeting.date) and seat.holder in people:
                row = recorded.get(seat.holder)
                state = " (apologies sent)" if row and not row.is_attending else ""
                options.append((f"{people[seat.holder].display_name}{state}"[:60], seat.holder))
        fields = [FormField("person", "Member", "select", options=options)]

        def record(values: dict[str, Any]) -> str | None:
            person = values.get("person")
            if not person:
                return "Choose the member who sent apologies."
            row = recorded.get(person)
            try:
                if row is not None and row.id is not None:
                    if row.is_attending:
                        return "That member is recorded as present; live capture changes that."
                    store.remove_attendance(row.id)
                    self.notify(f"Apologies from {people[person].display_name} withdrawn.")
                else:
                    seats = tuple(
                        s.id for s in store.seats(meeting.committee) if s.holder == person
                    )
                    store.add_attendance(
                        self.meeting_id,
                        Attendance(person=person, status=AttendanceStatus.APOLOGIES, seats=seats),
                    )
                    self.notify(f"Apologies from {people[person].display_name} recorded.")
            except StoreError as error:
                return str(error)
            return None

        self.app.push_screen(
            FormScreen(
                "Apologies (choose again to withdraw them)",
                fields,
                {},
                record,
            ),
            lambda saved: self.refresh_record() if saved else None,
        )

    def quorum_outlook(self, record: MeetingRecord) -> str:
        """The opening verdict once people are marked present; before that, the forecast
        from the apologies received (docs/quorum.md, and the secretary's day, story 1)."""
        store = self.app.store
        meeting = record.meeting
        terms = store.terms_in_force(meeting.committee, meeting.date)
        if terms is None:
            return "**Quorum:** no terms of reference in force on this date."
        seats = store.seats(meeting.committee)
        organisations = store.organisations(meeting.committee)
        names = {p.id: p.display_name for p in store.people()}
        quorum = MeetingQuorum(record, terms, seats, organisations)
        if not quorum.unminuted:
            opening = quorum.opening()
            state = "quorate" if opening.quorate else "INQUORATE"
            counted = len(opening.verdict.counted) if opening.verdict else 0
            lines = [f"**Quorum at the opening:** {state}, {counted} counted."]
            lines += [f"- {f.text}" for f in (opening.verdict.failed if opening.verdict else ())]
            return "\n".join(lines)
        engine = QuorumEngine(terms.quorum, seats, organisations, meeting.date)
        outlook = forecast(engine, record.attendance)
        lines = [
            f"**Forecast** (apologies from {len(outlook.sent_apologies)}; "
            "press `p` to record apologies): "
            + (
                f"quorate if everyone else comes ({len(outlook.verdict.counted)} expected)."
                if outlook.verdict.quorate
                else "INQUORATE even if everyone else comes."
            )
        ]
        lines += [f"- {f.text}" for f in outlook.verdict.failed]
        if outlook.chase:
            lines.append("**Chase:** " + ", ".join(names.get(p, p) for p in outlook.chase))
        elif outlook.chase is None:
            lines.append("Even with everyone who sent apologies it would not be quorate.")
        return "\n".join(lines)

    def refresh_record(self) -> None:
        record = self.app.store.meeting_record(self.meeting_id)
        people = {p.id: p for p in self.app.store.people()}
        seats = {s.id: s for s in self.app.store.seats(record.meeting.committee)}

        def who(row: Attendance) -> str:
            person = people.get(row.person)
            name = person.display_name if person else row.person
            extras = []
            if row.role:
                extras.append(row.role)
            elif row.seats and row.seats[0] in seats:
                extras.append(seats[row.seats[0]].title)
            if row.deputy_for:
                principals = [seats[s].holder for s in row.deputy_for if s in seats]
                names = [people[p].display_name for p in principals if p and p in people]
                extras.append("deputising for " + ", ".join(names or list(row.deputy_for)))
            if row.is_attending and row.mode.value != "in_person":
                extras.append(row.mode.value.replace("_", " "))
            if row.note:
                extras.append(row.note)
            extras += record.presence_notes(row.person)
            return name + (f" ({'; '.join(extras)})" if extras else "")

        lines: list[str] = [self.quorum_outlook(record), ""]
        if not record.attendance:
            lines.append("No attendance recorded yet.")
        present = [r for r in record.attendance if record.attended(r)]
        expected = [r for r in record.attendance if r.is_attending and not record.attended(r)]
        for capacity, heading in CAPACITY_HEADINGS.items():
            rows = [r for r in present if r.capacity is capacity]
            if rows:
                lines += [f"**{heading}**", ""] + [f"- {who(r)}" for r in rows] + [""]
        if expected:
            lines += ["**Expected**", ""] + [f"- {who(r)}" for r in expected] + [""]
        for status, heading in (
            (AttendanceStatus.APOLOGIES, "Apologies"),
            (AttendanceStatus.ABSENT, "Absent"),
        ):
            rows = [r for r in record.attendance if r.status is status]
            if rows:
                lines += [f"**{heading}**", ""] + [f"- {who(r)}" for r in rows] + [""]
        self.query_one("#attendance-text", Markdown).update("\n".join(lines))

        titles = {i.number: i.title for i in record.agenda}
        quorum = MeetingQuorum(
            record,
            self.app.store.terms_in_force(record.meeting.committee, record.meeting.date),
            list(seats.values()),
            self.app.store.organisations(record.meeting.committee),
        )
        actions_by_minute: dict[str, list[Action]] = {}
        for action in self.app.store.meeting_actions(record.meeting):
            actions_by_minute.setdefault(str(action.item or action.minute or ""), []).append(action)
        minute_lines: list[str] = [
            "*The record as taken. The Word minutes (x) word the attendance, the "
            "declarations and the quorum in the committee's house style.*",
            "",
        ]
        declared: dict[int, list[str]] = {}
        for declaration in record.declarations:
            name = people[declaration.person].display_name if declaration.person in people else ""
            declared.setdefault(declaration.item, []).append(
                f"*Declared:* {name}, {declaration.category.value.replace('_', ' ')} interest "
                f"({declaration.nature}); the Chair's ruling: {RULING_WORDS[declaration.ruling]}"
            )
        for ruling in record.quorum_rulings:
            where = f"item {ruling.item}" if ruling.item else "the opening"
            words = "quorate" if ruling.quorate else "inquorate"
            minute_lines += [
                f"*The Chair ruled the meeting {words} at {where}"
                f"{' (' + ruling.recorded_at + ')' if ruling.recorded_at else ''}: "
                f"{ruling.reason}*",
                "",
            ]
        if not record.minutes:
            minute_lines.append("No minutes recorded yet.")
        for minute in record.minutes:
            heading = minute.heading or titles.get(minute.item, "")
            minute_lines += [f"### {minute.number or ''} {heading}".strip(), ""]
            for line in declared.get(minute.item, []):
                minute_lines += [line, ""]
            minute_lines += [minute.narrative, ""]
            verbs = list(dict.fromkeys(d.verb.value for d in minute.decisions))
            for verb in verbs:
                points = [d for d in minute.decisions if d.verb.value == verb]
                minute_lines += [f"**{verb}:**", ""]
                minute_lines += [
                    f"{n}. {d.text}" + _flag_words(quorum.flag(d, minute.item))
                    for n, d in enumerate(points, start=1)
                ] + [""]
            actions = actions_by_minute.get(str(minute.item), [])
            for action in actions:
                due = f", by {action.due:%d/%m/%Y}" if action.due else ""
                owner = people[action.owner].display_name if action.owner in people else ""
                minute_lines += [
                    f"*Action {action.number}:* {action.description} ({owner}{due})",
                    "",
                ]
        self.query_one("#minutes-text", Markdown).update("\n".join(minute_lines))


RULING_WORDS = {
    Ruling.REMAIN: "remained, no action needed",
    Ruling.NO_VOTE: "remained, taking no part in the decision",
    Ruling.LEAVE: "left the meeting for the item",
}


def _flag_words(flag: DecisionFlag | None) -> str:
    if flag is DecisionFlag.INQUORATE:
        return " *(taken while the meeting was inquorate)*"
    if flag is DecisionFlag.CHAIRS_ACTION:
        return " *(Chair's action)*"
    return ""
