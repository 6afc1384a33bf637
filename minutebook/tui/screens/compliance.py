"""A committee's compliance with its terms of reference over a period (docs/compliance.md):
the figures `minutebook compliance` prints, a line each, then a row for each thing they
count (each meeting held with its quorum, those not counted, the decisions taken while
inquorate or by Chair's action, the actions overdue and escalated, the minutes late
against the turnaround rule). Enter on a row opens the meeting at the item, or the
tracker at the action. Reached with `c` on the committee screen, or "Compliance" in
the palette.

It only reads: the report is `application.compliance.compliance_report`'s and its
figures `domain.compliance.figures`, as the command line and the annual report give
them; no rule is decided here."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from minutebook.application.compliance import compliance_period, compliance_report
from minutebook.domain.compliance import Compliance, DecisionTaken, figures
from minutebook.domain.dates import short_date
from minutebook.tui.commands import PaletteCommand
from minutebook.tui.widgets.period_form import period_form
from minutebook.tui.widgets.tables import ListTable

if TYPE_CHECKING:
    from minutebook.domain.actions import Action
    from minutebook.tui.app import MinutebookApp

# The finding and the date as wide as they need; the words take the rest of 80 columns.
COLUMNS = (("Finding", 14), ("Date", 10), ("Detail", 46))


@dataclass(frozen=True)
class Finding:
    """One row: what a figure counts, and where Enter takes the secretary."""

    kind: str
    day: date | None
    words: str
    meeting_id: int | None = None
    item: int | None = None
    action_id: int | None = None
    tab: str | None = None
    """The meeting's tab Enter shows (None: its agenda, or the minute of `item`)."""

    @property
    def detail(self) -> str:
        """The row whole, for the line under the table: an action's date is its due
        date, and says so."""
        if self.day is None:
            return f"{self.kind}: {self.words}"
        due = "due " if self.action_id is not None else ""
        return f"{self.kind}, {due}{short_date(self.day)}: {self.words}"


def findings(report: Compliance, names: Mapping[str, str]) -> list[Finding]:
    """The rows, in the order the figures are given; an action's owner by `names`."""
    rows = [
        Finding("Held", h.meeting.date, h.quorum_words, h.meeting.id) for h in report.held
    ]
    # Not "not held": most are meetings whose record is not yet taken (the annual
    # report's "not yet recorded"), as the attendance screen's "not counted" says.
    rows += [
        Finding("Not counted", m.date, why, m.id, tab="attendance") for m, why in report.not_held
    ]
    rows += [_decision("Inquorate", d) for d in report.inquorate]
    rows += [_decision("Chair's action", d) for d in report.chairs_action]
    rows += [_action("Overdue", a, names) for a in report.overdue]
    rows += [_action("Escalated", a, names) for a in report.escalated]
    rows += [Finding("Minutes late", m.date, words, m.id) for m, words in report.late_minutes]
    return rows


def _decision(kind: str, taken: DecisionTaken) -> Finding:
    where = f"Minute {taken.minute}" if taken.minute else f"Item {taken.item}"
    secret = " (confidential)" if taken.confidential else ""
    words = f"{where}{secret}: {taken.words}"
    return Finding(kind, taken.meeting.date, words, taken.meeting.id, taken.item)


def _action(kind: str, action: Action, names: Mapping[str, str]) -> Finding:
    number = f"Action {action.number}" if action.number else "Action"
    owner = names.get(action.owner or "", action.owner) or "no owner"
    words = f"{number}, {owner}: {action.description}"
    return Finding(kind, action.due, words, action_id=action.id)


class ComplianceScreen(Screen[None]):
    """The compliance of one committee over a period (at first, the year of its last
    meeting, to today: `application.compliance.compliance_period`)."""

    HELP_TEXT = """## Compliance

How the committee has kept its terms of reference over the period: **Meetings** held
against the number a year they require, the **Quorum** (meetings quorate throughout),
**Decisions** taken while inquorate or by Chair's action, **Actions** overdue and
escalated at the period's end (each as it stood then), and **Minutes** circulated or
approved later than the turnaround rule. The table lists what each figure counts, and
the line under it shows the highlighted row whole; Enter opens the meeting at the item
(a meeting not counted, at its attendance), or the tracker at the action. `p` chooses
the period (blank From: the start of the committee's year holding To; blank To: today;
both blank: the year of the committee's last meeting, so far). The terms of reference
(`e` on the committee's Terms of reference tab) set how often it meets and the
turnaround rule. The same figures are `minutebook compliance`, and the annual report
(`y`) words them in sentences."""

    DEFAULT_CSS = """
    ComplianceScreen #compliance-figures { height: auto; }
    ComplianceScreen #compliance-table { height: 1fr; min-height: 4; }
    /* The highlighted row whole: a long action's words take four lines at 80 columns. */
    ComplianceScreen #compliance-detail {
        height: auto; min-height: 3; max-height: 6; border-top: solid $primary;
    }
    """

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="compliance.back"),
        Binding("p", "period", "Period", id="compliance.period"),
    ]

    app: MinutebookApp

    def __init__(self, code: str) -> None:
        super().__init__()
        self.code = code
        self.start: date | None = None
        self.end: date | None = None
        self.rows: list[Finding] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="compliance-title", classes="screen-title")
        yield Static("", id="compliance-figures")
        yield ListTable(id="compliance-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="compliance-detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one("#compliance-table", DataTable)
        for label, width in COLUMNS:
            table.add_column(label, width=width)
        self.show()
        table.focus()

    def show(self) -> None:
        store = self.app.store
        today = self.app.clock().date()
        committee = store.committee(self.code)
        start, end = compliance_period(store, committee, today, self.start, self.end)
        report = compliance_report(store, committee.code, start, end, today)
        self.report = report
        self.query_one("#compliance-title", Static).update(
            f"Compliance of the {committee.code}, {short_date(start)} to {short_date(end)}"
        )
        lines = Text()
        for heading, words in figures(report):
            lines.append(f"{heading}: ", style="bold")
            lines.append(f"{words}\n")
        lines.rstrip()
        self.query_one("#compliance-figures", Static).update(lines)
        table = self.query_one("#compliance-table", DataTable)
        table.clear()
        owners = {a.owner for a in (*report.overdue, *report.escalated) if a.owner}
        people = store.people_among(list(owners)) if owners else {}
        self.rows = findings(report, {p: person.display_name for p, person in people.items()})
        for row in self.rows:
            cut = Text(row.words, no_wrap=True, overflow="ellipsis")
            table.add_row(row.kind, short_date(row.day) or "–", cut)
        if not self.rows:
            self.query_one("#compliance-detail", Static).update(
                "No meeting, decision or action in the period to list."
            )

    @on(DataTable.RowHighlighted, "#compliance-table")
    def _detail(self, event: DataTable.RowHighlighted) -> None:
        """The highlighted row whole (the table cuts its words at the screen's width)."""
        if 0 <= event.cursor_row < len(self.rows):
            detail = self.rows[event.cursor_row].detail
            self.query_one("#compliance-detail", Static).update(Text(detail))

    @on(DataTable.RowSelected, "#compliance-table")
    async def _open(self, event: DataTable.RowSelected) -> None:
        if not 0 <= event.cursor_row < len(self.rows):
            return
        row = self.rows[event.cursor_row]
        if row.action_id is not None:
            from minutebook.tui.screens.tracker import TrackerScreen

            self.app.push_screen(TrackerScreen(self.code, row.action_id))
        elif row.meeting_id is not None:
            from minutebook.tui.screens.meeting_at import open_meeting_at

            await open_meeting_at(
                self.app, row.meeting_id, row.item, minute=row.item is not None, tab=row.tab
            )

    def action_period(self) -> None:
        def chosen(start: date | None, end: date | None) -> None:
            self.start, self.end = start, end

        # Opens with the period shown (chosen, or the one offered at first).
        form = period_form(
            "Compliance over a period",
            self.report.start,
            self.report.end,
            chosen,
            blank=("the start of its year", "today"),
            hint="From blank: the start of the committee's year holding To. Both blank: "
            "the year of its last meeting, to today.",
        )
        self.app.push_screen(form, lambda shown: self.show() if shown else None)

    def palette_commands(self) -> list[PaletteCommand]:
        return [
            (
                "Compliance period (p)",
                "Show the compliance from one date to another",
                self.action_period,
            ),
        ]
