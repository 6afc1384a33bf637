"""One committee: its members, organisations, terms of reference and meetings.

Each tab is a table. The same keys work on every tab and mean the obvious thing there:
``a`` adds, ``e`` or Enter edits or opens, ``r`` retires. Retired members and
organisations stay in the record (past minutes refer to them) and are hidden unless
``h`` shows them.

The screen holds the tabs, tables, forms and keys, and no rule: what a form asks is
carried out by `application.committee.CommitteeSetup` (a member's holder and deputies
matched to known people, a meeting's date and times checked, ...), and a refusal is
shown in the form as the service words it (docs/architecture.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Footer, Header, Static, TabbedContent, TabPane

from minutebook.application.committee import CommitteeSetup
from minutebook.domain import Meeting, Organisation, Seat
from minutebook.domain.base import Refused
from minutebook.domain.committee import KNOWN_TAGS
from minutebook.domain.dates import long_date, short_date
from minutebook.tui.commands import PaletteCommand, on_tab
from minutebook.tui.screens import committee_forms
from minutebook.tui.screens.committee_help import COMMITTEE_HELP
from minutebook.tui.screens.committee_records import CommitteeRecords
from minutebook.tui.screens.meeting_list import add_meeting_columns, fill_meetings
from minutebook.tui.widgets.confirm import ConfirmScreen
from minutebook.tui.widgets.form import FormScreen
from minutebook.tui.widgets.stored import stored
from minutebook.tui.widgets.tables import ListTable
from minutebook.tui.widgets.terms_text import TermsText

if TYPE_CHECKING:
    from minutebook.tui.app import MinutebookApp


class CommitteeScreen(CommitteeRecords):
    """A committee's set-up and its meetings."""

    HELP_TEXT = COMMITTEE_HELP

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="committee.back"),
        Binding("a", "add", "Add", id="committee.add"),
        Binding("e", "edit", "Edit", id="committee.edit"),
        Binding("delete", "delete", "Delete", key_display="Del", id="committee.delete"),
        Binding("r", "retire", "Retire", id="committee.retire"),
        Binding("h", "toggle_retired", "Show retired", id="committee.show_retired"),
        Binding("1", "tab('members')", "Members", show=False, id="committee.tab_members"),
        Binding("2", "tab('organisations')", "Organisations", show=False, id="committee.tab_orgs"),
        Binding("3", "tab('terms')", "Terms of ref.", show=False, id="committee.tab_terms"),
        Binding("4", "tab('meetings')", "Meetings", show=False, id="committee.tab_meetings"),
        Binding("d", "details", "Details", show=False, id="committee.details"),
        Binding("s", "standing_items", "Standing items", show=False, id="committee.standing"),
        Binding("t", "tracker", "Tracker", id="committee.tracker"),
        Binding("g", "register", "Register", show=False, id="committee.register"),
        Binding("n", "attendance", "Attendance", show=False, id="committee.attendance"),
        Binding("c", "compliance", "Compliance", show=False, id="committee.compliance"),
        Binding("y", "annual_report", "Annual report", show=False, id="committee.annual_report"),
    ]

    app: MinutebookApp

    def __init__(self, code: str) -> None:
        super().__init__()
        self.code = code
        self.show_retired = False
        self._resumed = self._meetings_stale = False

    @property
    def setup(self) -> CommitteeSetup:
        """The service that carries out what the forms and keys ask (it keeps no state,
        so one made for each request sees the store as it is)."""
        return CommitteeSetup(self.app.store, self.code, self.app.clock)

    # -- layout ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        committee = self.app.store.committee(self.code)
        yield Header()
        yield Static(f"{committee.name} ({committee.code})", classes="screen-title")
        with TabbedContent(initial="members", id="tabs"):
            with TabPane("1 Members", id="members"):
                yield ListTable(id="members-table", cursor_type="row", zebra_stripes=True)
                yield Static("", id="member-detail")
            with TabPane("2 Organisations", id="organisations"):
                yield ListTable(id="organisations-table", cursor_type="row", zebra_stripes=True)
            with TabPane("3 Terms of reference", id="terms"), VerticalScroll(id="terms-scroll"):
                yield TermsText(id="terms-text")
            with TabPane("4 Meetings", id="meetings"):
                yield ListTable(id="meetings-table", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        members = self.query_one("#members-table", DataTable)
        members.add_column("Name", width=26)
        members.add_column("Role", width=28)
        members.add_columns("Org", "Votes", "Tags", "Term", "Deputies")
        organisations = self.query_one("#organisations-table", DataTable)
        organisations.add_column("Id")
        organisations.add_column("Organisation", width=44)
        organisations.add_columns("Constituency", "Status")
        add_meeting_columns(self.query_one("#meetings-table", DataTable))
        self.refresh_all()
        self.query_one("#members-table", DataTable).focus()

    def refresh_all(self) -> None:
        self.refresh_members()
        self.refresh_organisations()
        self.refresh_terms()
        self.refresh_meetings()

    @property
    def active_tab(self) -> str:
        return self.query_one("#tabs", TabbedContent).active

    def action_tab(self, tab: str) -> None:
        self.query_one("#tabs", TabbedContent).active = tab
        table = {
            "members": "#members-table",
            "organisations": "#organisations-table",
            "meetings": "#meetings-table",
            "terms": "#terms-scroll",
        }.get(tab)
        if table:
            self.query_one(table).focus()  # so that arrows and Page Down work at once
        self.refresh_bindings()

    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        if self._meetings_stale and self.active_tab == "meetings":
            self.refresh_meetings()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Keys that mean nothing on the current tab are hidden, so the footer lists only
        # what can be done here (and fits at 80 columns).
        tab = self.active_tab if self.is_mounted else "members"
        if action in ("retire", "toggle_retired"):
            return tab in ("members", "organisations")
        if action == "add":
            return tab != "terms"
        if action == "delete":
            return tab == "meetings"
        return True

    # -- members -----------------------------------------------------------------------

    def refresh_members(self) -> None:
        table = self.query_one("#members-table", DataTable)
        keep = table.cursor_row
        table.clear()
        for row in self.setup.members(self.show_retired):
            table.add_row(
                Text(row.name, style="dim" if row.dim else ""),
                row.role,
                row.org,
                row.votes,
                row.tags,
                row.term,
                row.deputies,
                key=row.key,
            )
        if table.row_count:
            table.move_cursor(row=min(keep, table.row_count - 1))

    @on(DataTable.RowHighlighted, "#members-table")
    def _show_member(self, event: DataTable.RowHighlighted) -> None:
        """The whole of the highlighted member, since the table is cut at 80 columns."""
        seat_id = event.row_key.value if event.row_key else None
        self.query_one("#member-detail", Static).update(Text(self.setup.member_detail(seat_id)))

    def _selected_key(self, table_id: str) -> str | None:
        table = self.query_one(table_id, DataTable)
        if table.row_count == 0:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def add_member(self) -> None:
        values: dict[str, Any] = {"voting": True}
        self._open_member_form("Add a member", values, seat=None)

    def edit_member(self, seat_id: str) -> None:
        seat, values = self.setup.member_values(seat_id)
        self._open_member_form(f"Edit member – seat {seat.id}", values, seat=seat)

    def _open_member_form(self, title: str, values: dict[str, Any], seat: Seat | None) -> None:
        hint = "Tags the quorum rules use: " + ", ".join(KNOWN_TAGS)
        self.app.push_screen(
            FormScreen(
                title,
                committee_forms.member_fields(self.app.store.organisations(self.code)),
                values,
                lambda v: self._save_member(v, seat),
                hint=hint,
            ),
            lambda saved: self.refresh_members() if saved else None,
        )

    def _save_member(self, values: dict[str, Any], existing: Seat | None) -> str | None:
        try:
            saved = self.setup.save_member(existing, **values)
        except Refused as error:
            return str(error)
        if saved.warning:
            self.notify(saved.warning, severity="warning", timeout=8)
        self.notify(saved.said)
        return None

    def retire_member(self, seat_id: str) -> None:
        seat = next(s for s in self.app.store.seats(self.code) if s.id == seat_id)
        today = self.setup.today()
        holder = (
            self.app.store.person(seat.holder).display_name if seat.holder else "the vacant seat"
        )
        if not seat.is_current:

            def reinstate(yes: bool | None) -> None:
                if yes and stored(self, lambda: self.setup.reinstate_member(seat_id)):
                    self.notify(f"Reinstated {holder} ({seat.title}).")
                    self.refresh_members()

            self.app.push_screen(
                ConfirmScreen(f"{holder} ({seat.title}) is retired. Reinstate them?"), reinstate
            )
            return

        def done(yes: bool | None) -> None:
            if yes and stored(self, lambda: self.setup.retire_member(seat_id, today)):
                self.notify(f"Retired {holder} from {today:%d/%m/%Y}.")
                self.refresh_members()

        self.app.push_screen(
            ConfirmScreen(
                f"Retire {holder} ({seat.title}) from {long_date(today)}?\n\n"
                "Past attendance and minutes keep their name; the seat leaves the "
                "membership and no longer counts for the quorum."
            ),
            done,
        )

    # -- organisations -------------------------------------------------------------------

    def refresh_organisations(self) -> None:
        table = self.query_one("#organisations-table", DataTable)
        keep = table.cursor_row
        table.clear()
        for org in self.app.store.organisations(self.code):
            if not org.is_current and not self.show_retired:
                continue
            status = "current" if org.is_current else f"retired {short_date(org.retired_on)}"
            table.add_row(org.id, org.name, org.constituency or "", status, key=org.id)
        if table.row_count:
            table.move_cursor(row=min(keep, table.row_count - 1))

    def add_organisation(self) -> None:
        self.app.push_screen(
            FormScreen(
                "Add an organisation",
                committee_forms.organisation_fields(False),
                {},
                lambda v: self._save_org(v, None),
            ),
            lambda saved: self.refresh_organisations() if saved else None,
        )

    def edit_organisation(self, org_id: str) -> None:
        org = next(o for o in self.app.store.organisations(self.code) if o.id == org_id)
        values = {"id": org.id, "name": org.name, "constituency": org.constituency}
        self.app.push_screen(
            FormScreen(
                f"Edit organisation {org.id}",
                committee_forms.organisation_fields(True),
                values,
                lambda v: self._save_org(v, org),
            ),
            lambda saved: self.refresh_all() if saved else None,
        )

    def _save_org(self, values: dict[str, Any], existing: Organisation | None) -> str | None:
        try:
            org = self.setup.save_organisation(existing, **values)
        except Refused as error:
            return str(error)
        self.notify(f"Saved {org.name}.")
        return None

    def retire_organisation(self, org_id: str) -> None:
        org = next(o for o in self.app.store.organisations(self.code) if o.id == org_id)
        if not org.is_current:

            def reinstate(yes: bool | None) -> None:
                if yes and stored(self, lambda: self.setup.reinstate_organisation(org_id)):
                    self.notify(f"Reinstated {org.name}.")
                    self.refresh_organisations()

            self.app.push_screen(ConfirmScreen(f"{org.name} is retired. Reinstate it?"), reinstate)
            return
        today = self.setup.today()
        members = self.setup.members_of(org_id)
        warning = (
            f"\n\n{len(members)} current member(s) belong to it; their seats stay until "
            "you retire or move them."
            if members
            else ""
        )

        def done(yes: bool | None) -> None:
            if yes and stored(self, lambda: self.setup.retire_organisation(org_id, today)):
                self.notify(f"Retired {org.name}.")
                self.refresh_organisations()

        self.app.push_screen(
            ConfirmScreen(
                f"Retire {org.name} from the committee from {long_date(today)}?{warning}"
            ),
            done,
        )

    # -- terms of reference --------------------------------------------------------------

    def refresh_terms(self) -> None:
        self.query_one("#terms-text", TermsText).show(self.setup.terms_in_view())

    # -- meetings --------------------------------------------------------------------------

    def refresh_meetings(self, select: int | None = None) -> None:
        """Each meeting and its minutes' stage (meeting_list.py), read when its tab shows."""
        self._meetings_stale = self.active_tab != "meetings"  # years of them, unseen
        if not self._meetings_stale:
            table = self.query_one("#meetings-table", DataTable)
            fill_meetings(table, self.app.store, self.code, select)

    def add_meeting(self) -> None:
        """A new meeting, its agenda from the standing items (tui/screens/new_meeting.py)."""
        from minutebook.tui.screens.new_meeting import new_meeting

        new_meeting(self.app, self.code, self._meeting_created)

    def _meeting_created(self, meeting: Meeting) -> None:
        self.refresh_meetings(select=meeting.id)
        self.open_meeting(meeting.id or 0)

    def action_standing_items(self) -> None:
        from minutebook.tui.screens.standing_items import StandingItemsScreen

        self.app.push_screen(StandingItemsScreen(self.code))

    def _selected_meeting(self) -> Meeting | None:
        key = self._selected_key("#meetings-table")
        if key is None:
            self.notify("There are no meetings yet; press a to add one.")
            return None
        return self.app.store.meeting(int(key))

    def edit_meeting(self) -> None:
        """Correct the selected meeting's date, times, venue or session."""
        meeting = self._selected_meeting()
        if meeting is None:
            return
        if meeting.is_locked:
            self.notify(
                f"The minutes of the meeting of {long_date(meeting.date)} are signed and "
                "locked; its details cannot be changed.",
                severity="warning",
            )
            return
        self.app.push_screen(
            FormScreen(
                f"The meeting of {long_date(meeting.date)}",
                committee_forms.meeting_fields(True),
                self.setup.meeting_values(meeting),
                lambda v: self._save_meeting(v, meeting),
                hint="The end time is the one recorded live; leave it blank to clear it.",
            ),
            lambda saved: self.refresh_meetings(select=meeting.id) if saved else None,
        )

    def _save_meeting(self, values: dict[str, Any], current: Meeting) -> str | None:
        try:
            saved = self.setup.edit_meeting(current, **values)
        except Refused as error:
            return str(error)
        when = long_date(saved.date) + (f" at {saved.time}" if saved.time else "")
        self.notify(f"Saved the meeting of {when}.")
        return None

    def delete_meeting(self) -> None:
        """Delete the selected meeting, asking first; the store refuses one that holds
        anything but its agenda, and says what it holds."""
        meeting = self._selected_meeting()
        if meeting is None or meeting.id is None:
            return
        meeting_id = meeting.id
        when = long_date(meeting.date)
        items = len(self.app.store.agenda(meeting_id))
        agenda = f" and its agenda of {items} item{'' if items == 1 else 's'}" if items else ""

        def done(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.setup.delete_meeting(meeting_id)
            except Refused as error:
                self.notify(str(error), severity="error", timeout=10)
                return
            self.notify(f"Deleted the meeting of {when}.")
            self.refresh_meetings()

        self.app.push_screen(ConfirmScreen(f"Delete the meeting of {when}{agenda}?"), done)

    def open_meeting(self, meeting_id: int) -> None:
        from minutebook.tui.screens.meeting import MeetingScreen

        self.app.push_screen(MeetingScreen(meeting_id), lambda _: self.refresh_meetings())

    # -- the palette (the keys to the committee's records: committee_records.py) ----------

    def palette_commands(self) -> list[PaletteCommand]:
        return [
            *self.records_commands(),
            (
                "Add member",
                "A new seat on this committee and its holder",
                on_tab(self.action_tab, "members", self.add_member),
            ),
            (
                "Add organisation",
                "A body represented on this committee",
                on_tab(self.action_tab, "organisations", self.add_organisation),
            ),
            (
                "New meeting",
                "A meeting of this committee, then its agenda",
                on_tab(self.action_tab, "meetings", self.add_meeting),
            ),
            (
                "Standing items (s)",
                "The items every new meeting's agenda opens and closes with",
                self.action_standing_items,
            ),
            (
                "Edit meeting (e)",
                "The selected meeting's date, start and end times, venue and session",
                on_tab(self.action_tab, "meetings", self.edit_meeting),
            ),
            (
                "Delete meeting (Del)",
                "The selected meeting, if it holds nothing but its agenda",
                on_tab(self.action_tab, "meetings", self.delete_meeting),
            ),
            (
                "Edit terms of reference",
                "The quorum rule and its policies, as a new version",
                on_tab(self.action_tab, "terms", self.edit_terms),
            ),
            (
                "Committee details",
                "Name, reporting line, house style, usual venue, Word template, paper (d)",
                self.action_details,
            ),
            (
                "Show or hide retired members",
                "Retired members and organisations",
                self.action_toggle_retired,
            ),
            ("Members", "This committee's members", lambda: self.action_tab("members")),
            (
                "Organisations",
                "The organisations represented",
                lambda: self.action_tab("organisations"),
            ),
            ("Terms of reference", "The quorum rule in force", lambda: self.action_tab("terms")),
            ("Meetings", "This committee's meetings", lambda: self.action_tab("meetings")),
        ]

    # -- the committee's own details ---------------------------------------------------------

    def action_details(self) -> None:
        """Name, reporting line, house style, usual venue and the Word template."""
        committee = self.app.store.committee(self.code)
        fields = committee_forms.details_fields()
        values = self.setup.details_values(committee)
        self.app.push_screen(
            FormScreen(
                f"{committee.name}: details",
                fields,
                values,
                self._save_details,
                hint=committee_forms.details_hint(committee),
            ),
            lambda saved: self._details_saved() if saved else None,
        )

    def _save_details(self, values: dict[str, Any]) -> str | None:
        changes = {key: value for key, value in values.items() if key != "code"}  # read-only
        try:
            self.setup.save_details(**changes)
        except Refused as error:
            return str(error)
        return None

    def _details_saved(self) -> None:
        committee = self.app.store.committee(self.code)
        self.query_one(".screen-title", Static).update(f"{committee.name} ({committee.code})")
        template = committee.word_template or "Minutebook's own"
        self.notify(f"Saved. Word documents use {template}.")

    def action_add(self) -> None:
        match self.active_tab:
            case "members":
                self.add_member()
            case "organisations":
                self.add_organisation()
            case "meetings":
                self.add_meeting()

    def action_edit(self) -> None:
        match self.active_tab:
            case "members":
                if key := self._selected_key("#members-table"):
                    self.edit_member(key)
            case "organisations":
                if key := self._selected_key("#organisations-table"):
                    self.edit_organisation(key)
            case "meetings":
                self.edit_meeting()
            case "terms":
                self.edit_terms()

    def edit_terms(self) -> None:
        from minutebook.tui.screens.terms import TermsScreen

        self.app.push_screen(TermsScreen(self.code), lambda _: self.refresh_terms())

    def action_delete(self) -> None:
        if self.active_tab == "meetings":
            self.delete_meeting()

    def action_retire(self) -> None:
        match self.active_tab:
            case "members":
                if key := self._selected_key("#members-table"):
                    self.retire_member(key)
            case "organisations":
                if key := self._selected_key("#organisations-table"):
                    self.retire_organisation(key)

    def action_toggle_retired(self) -> None:
        self.show_retired = not self.show_retired
        self.refresh_members()
        self.refresh_organisations()
        shown = "Showing" if self.show_retired else "Hiding"
        self.notify(f"{shown} retired members and organisations.")

    @on(DataTable.RowSelected)
    def _row_chosen(self, event: DataTable.RowSelected) -> None:
        # Enter opens a meeting (its agenda, attendance, minutes); `e` edits its details.
        if event.data_table.id == "meetings-table":
            if event.row_key.value is not None:
                self.open_meeting(int(event.row_key.value))
        else:
            self.action_edit()

    def on_screen_resume(self) -> None:
        # Back from a form or a meeting: read again; not when first shown (on_mount read).
        if self._resumed:
            self.refresh_all()
        self._resumed = True
