"""The first screen: every committee in the database, and how to add one."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from minutebook.domain.dates import short_date
from minutebook.store import StoreError
from minutebook.tui.commands import PaletteCommand
from minutebook.tui.screens.committee_records import CommitteeRecords
from minutebook.tui.widgets.form import FormField, FormScreen
from minutebook.tui.widgets.tables import ListTable

if TYPE_CHECKING:
    from minutebook.tui.app import MinutebookApp

EMPTY_HINT = (
    "No committees yet. Press [b]n[/b] to set up your first committee, or quit and run "
    "[b]minutebook demo[/b] to explore three committees drawn from published papers."
)


RECORDS = (
    (
        "register",
        "Register of interests",
        "Its members' interests and returns (g on the committee's screen)",
    ),
    (
        "compliance",
        "Compliance",
        "Meetings, quorum, late minutes, overdue actions against its ToR (c there)",
    ),
    ("attendance", "Attendance", "Each member's attendance over a period (n there)"),
)
"""The committee's records the first screen's palette opens by the committee's name:
the committee screen's action, its title, what it shows."""

HOUSE_STYLES = [("Council (paragraphs, RESOLVED)", "council"), ("NHS board (tables)", "nhs")]


class CommitteesScreen(Screen[None]):
    """The list of committees; Enter opens one."""

    HELP_TEXT = """## Committees

Each row is a committee, board or partnership. Press `Enter` to open it and see its
members, organisations, terms of reference and meetings. Press `n` to set up a new one."""

    BINDINGS = [
        Binding("enter", "open", "Open", id="committees.open"),
        Binding("n", "new", "New committee", id="committees.new"),
    ]

    app: MinutebookApp
    _created: str | None = None
    """The committee the "New committee" form has just stored: the cursor goes to it."""
    _listed: tuple[tuple[str, str], ...] = ()
    """(code, name) of the committees listed, for the palette's commands."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Committees", classes="screen-title")
        yield ListTable(id="committees", cursor_type="row", zebra_stripes=True)
        yield Static(EMPTY_HINT, id="empty-hint")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one("#committees", DataTable)
        table.add_column("Code")
        table.add_column("Name", width=40)
        table.add_columns("Members", "Next meeting", "Style")
        self.refresh_list()
        table.focus()

    def on_screen_resume(self) -> None:
        self.refresh_list()

    def refresh_list(self, select: str | None = None) -> None:
        """Read the committees again, the cursor on `select` (a committee just created),
        else on the committee it was on: the list is by name, so a new committee may
        move the others down a row and the row number would name another one."""
        table = self.query_one("#committees", DataTable)
        keep = table.cursor_row
        chosen = select or self._selected()
        table.clear()
        # A light read: this is the first screen, drawn before the domain models load.
        committees = self.app.database.committee_summaries(self.app.clock().date())
        self._listed = tuple((c.code, c.name) for c in committees)
        for committee in committees:
            table.add_row(
                committee.code,
                # A name too long for the column ends in "…", so it reads as cut short.
                Text(committee.name, no_wrap=True, overflow="ellipsis"),
                str(committee.members),
                short_date(committee.next_meeting) if committee.next_meeting else "—",
                committee.style_label,
                key=committee.code,
            )
        self.query_one("#empty-hint").display = not committees
        table.display = bool(committees)
        if committees:
            codes = [c.code for c in committees]
            row = codes.index(chosen) if chosen in codes else min(keep, len(codes) - 1)
            table.move_cursor(row=row)

    def _selected(self) -> str | None:
        table = self.query_one("#committees", DataTable)
        if table.row_count == 0:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    @on(DataTable.RowSelected, "#committees")
    def _row_chosen(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        code = self._selected()
        if code:
            self.app.open_committee(code)

    def palette_commands(self) -> list[PaletteCommand]:
        # A committee's records are reached from its screen (g, c, n); here each
        # committee's are offered by name, so that "register", "compliance" or
        # "attendance" finds them from the first screen too.
        return [
            ("New committee", "Set up a committee, board or partnership", self.action_new),
            *(
                (f"{title}: {name} ({code})", help_text, partial(self.open_record, code, record))
                for record, title, help_text in RECORDS
                for code, name in self._listed
            ),
        ]

    def open_record(self, code: str, record: str) -> None:
        """One of the committee's records (`RECORDS`), over the committee's screen
        (Escape goes back there)."""
        self.app.open_committee(code)
        screen = self.app.screen
        if isinstance(screen, CommitteeRecords):
            getattr(screen, f"action_{record}")()

    def action_new(self) -> None:
        from minutebook.domain import NumberingReset

        fields = [
            FormField("code", "Code", placeholder="short, e.g. HCP"),
            FormField("name", "Name", placeholder="e.g. Health and Care Partnership"),
            FormField("parent_body", "Reports to", placeholder="e.g. Milton Keynes City Council"),
            FormField("house_style", "House style", "select", options=HOUSE_STYLES),
            FormField("prefix", "Minute prefix", placeholder="e.g. HCP gives HCP1, HCP2"),
            FormField(
                "reset",
                "Numbers restart",
                "select",
                options=[(r.value.replace("_", " ").capitalize(), r.value) for r in NumberingReset],
            ),
            FormField("default_venue", "Usual venue"),
        ]
        values = {"house_style": "council", "reset": "municipal_year"}
        self.app.push_screen(
            FormScreen("New committee", fields, values, self._create),
            lambda saved: self.refresh_list(select=self._created) if saved else None,
        )

    def _create(self, values: dict[str, Any]) -> str | None:
        from pydantic import ValidationError

        from minutebook.application.committee import COMMITTEE_LABELS
        from minutebook.domain import Committee, error_lines

        try:
            committee = Committee.model_validate(
                {
                    "code": values["code"],
                    "name": values["name"],
                    "parent_body": values["parent_body"],
                    "house_style": values["house_style"] or "council",
                    "default_venue": values["default_venue"],
                    "rag_palette": "nhs" if values["house_style"] == "nhs" else "council",
                    "numbering": {
                        "template": "{prefix}{seq}",
                        "prefix": (values["prefix"] or values["code"] or "").strip(),
                        "reset": values["reset"] or "never",
                    },
                }
            )
            self.app.store.add_committee(committee)
            self._created = committee.code
        except ValidationError as error:
            return "\n".join(error_lines(error, labels=COMMITTEE_LABELS))
        except StoreError as error:
            return str(error)
        return None
