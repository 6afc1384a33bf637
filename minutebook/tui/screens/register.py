"""A committee's register of interests (docs/register.md): each person's interests with
seed 003's columns, or their nil return, as the register stood on a day (today unless
the secretary asks for another: a meeting's date). Reached with `g` on the committee
screen, or "Register of interests" in the palette.

Every change is kept at once through `application.register.Register`: an interest
added, corrected (the correction replaces the old entry from its own date, so the
register of earlier days still shows the old one), ended, or a nil return recorded. A
refusal is shown in the form as the service words it; no rule is decided here."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from minutebook.application.register import (
    DATE_GIVEN,
    LABELS,
    Register,
    RegisterEntry,
    RegisterView,
)
from minutebook.domain.base import Refused
from minutebook.domain.dates import parse_date, short_date
from minutebook.domain.interests import INTEREST_LABELS, interest_categories, offered_categories
from minutebook.domain.meeting import InterestCategory
from minutebook.domain.register import Interest, date_as_given
from minutebook.tui.commands import PaletteCommand
from minutebook.tui.widgets.cells import clipped, short_day
from minutebook.tui.widgets.form import FormField, FormScreen
from minutebook.tui.widgets.tables import ListTable

if TYPE_CHECKING:
    from minutebook.application.register_import import Imported
    from minutebook.tui.app import MinutebookApp
    from minutebook.tui.screens.register_import import BringRegisterIn

SHORT_TYPES = {
    InterestCategory.FINANCIAL: "financial",
    InterestCategory.NON_FINANCIAL_PROFESSIONAL: "prof.",
    InterestCategory.NON_FINANCIAL_PERSONAL: "personal",
    InterestCategory.INDIRECT: "indirect",
    InterestCategory.DISCLOSABLE_PECUNIARY: "DPI",
    InterestCategory.OTHER_REGISTRABLE: "other reg.",
    InterestCategory.NON_REGISTRABLE: "non-reg.",
}
"""Each category in the table's narrow column (the line below the table names it)."""


def missing_line(view: RegisterView, room: int) -> str:
    """ "No return for 2022/23 (3): Richard Alsop, ...": the members who had made no
    return in the register year by the day shown, as many names as `room` characters
    hold (the line wraps), then "and 20 more (w finds each)"."""
    missing = view.without_return
    if not missing:
        return f"Everyone has made a return for {view.year}."
    line = f"No return for {view.year} ({len(missing)}): "
    names = [p.name for p in missing]
    for shown in range(len(names), 0, -1):
        rest = len(names) - shown
        more = f" and {rest} more (w finds each)" if rest else ""
        text = line + ", ".join(names[:shown]) + more
        if len(text) <= room:
            return text
    return line + f"{len(names)} members (w finds each)"


class RegisterScreen(Screen[None]):
    """The register of interests of one committee, on one day."""

    HELP_TEXT = """## Register of interests

Each member's interests as the register records them, or their nil return ("No
interests"), with the date declared. `a` adds an interest for the highlighted person,
`e` or `Enter` corrects the highlighted interest (the correction replaces it from the
date you give; the register of earlier days still shows it as it was), `x` records
that it ended, `n` records a nil return. `o` shows the register **on a date** (a
meeting's, say); leave the date blank for today. The line under the table names the
members who had made **no return in the register year** by the day shown (an NHS
body's financial year from April, a council's municipal year from May: "No return for
2022/23"); `w` moves to the next of them. `Escape` goes back. `s` saves
the register shown as a Word document in seed 003's layout and an Excel sheet. `i`
brings in a register kept in Word, Excel or a .csv: you see what it holds, then store it
whole (Enter) or leave with nothing stored (Escape)."""

    DEFAULT_CSS = """
    RegisterScreen #register-table { height: 1fr; }
    RegisterScreen #register-detail { height: 5; border-top: solid $primary; }
    RegisterScreen #register-missing { height: auto; max-height: 3; color: $warning; }
    """

    # The footer has 80 columns: it shows the keys a secretary reaches for (adding,
    # correcting, a nil return, who has not returned, bringing a register in, saving);
    # Escape, ending an interest (x) and the register on a date (o) are in F1's help.
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", show=False, id="register.back"),
        Binding("a", "add", "Add", id="register.add"),
        Binding("e", "correct", "Correct", id="register.correct"),
        Binding("x", "end", "End", show=False, id="register.end"),
        Binding("n", "nil_return", "Nil", id="register.nil"),
        Binding("o", "on_date", "On date", show=False, id="register.on"),
        Binding("w", "next_missing", "No return", id="register.missing"),
        Binding("s", "save", "Save", id="register.save"),
        Binding("i", "bring_in", "Bring in", id="register.bring_in"),
    ]

    app: MinutebookApp

    def __init__(
        self, code: str, interest: int | None = None, declared: date | None = None
    ) -> None:
        super().__init__()
        self.code = code
        # The interest to open at (a search hit) and its date declared: one ended since
        # is shown in the register as it stood then.
        self.opened_at, self.declared = interest, declared
        self.day: date | None = None  # None: today, whenever that is
        self.bringing_in: BringRegisterIn | None = None  # keeps the file last typed

    @property
    def register(self) -> Register:
        return Register(self.app.store)

    @property
    def today(self) -> date:
        return self.app.clock().date()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="register-title", classes="screen-title")
        yield ListTable(id="register-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="register-detail")
        yield Static("", id="register-missing")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one("#register-table", DataTable)
        for label, width in (
            ("Name", 14),
            ("Type", 9),
            ("Description", 18),
            ("From", 8),
            ("To", 8),
            ("Declared", 8),
        ):
            table.add_column(label, width=width)
        at = f"i:{self.opened_at}" if self.opened_at is not None else None
        self.show(select=at)
        shown = {f"i:{i.id}" for entry in self.shown.entries for i in entry.interests}
        if at is not None and at not in shown and self.declared is not None:
            self.day = self.declared
            self.show(select=at)
        table.focus()

    # -- the register on the day shown ---------------------------------------------------

    def view(self) -> RegisterView:
        return self.register.on(self.code, self.day or self.today)

    def show(self, select: str | None = None) -> None:
        view = self.view()
        self.shown = view
        when = "today" if self.day is None else f"on {short_date(view.day)}"
        self.query_one("#register-title", Static).update(
            f"Register of interests of the {view.committee.code}, {when}"
        )
        table = self.query_one("#register-table", DataTable)
        keep = table.cursor_row
        table.clear()
        for entry in view.entries:
            name = Text(entry.filed_name, no_wrap=True, overflow="ellipsis")
            for index, interest in enumerate(entry.interests):
                table.add_row(
                    name if index == 0 else "",
                    SHORT_TYPES[interest.category],
                    Text(interest.description, no_wrap=True, overflow="ellipsis"),
                    date_as_given(interest.date_from, interest.from_precision, narrow=True),
                    date_as_given(interest.date_to, interest.to_precision, narrow=True)
                    or "ongoing",
                    short_day(interest.declared_on),
                    key=f"i:{interest.id}",
                )
            if not entry.interests:
                nil = entry.nil_return
                words = "no interests" if nil else "no return"
                when_declared = short_day(nil.declared_on) if nil else ""
                table.add_row(name, "", words, "", "", when_declared, key=f"p:{entry.person.id}")
        self.query_one("#register-missing", Static).update(
            missing_line(view, max(self.size.width - 2, 38) * 3 - 30)
        )
        rows = [str(k.value) for k in table.rows]
        if select in rows:
            table.move_cursor(row=rows.index(select))
        elif table.row_count:
            table.move_cursor(row=max(0, min(keep, table.row_count - 1)))
        else:
            self.query_one("#register-detail", Static).update(
                "No members and nothing in the register yet."
            )

    def _selected(self) -> tuple[RegisterEntry, Interest | None] | None:
        table = self.query_one("#register-table", DataTable)
        if table.row_count == 0:
            return None
        key = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        for entry in self.shown.entries:
            if key == f"p:{entry.person.id}":
                return entry, None
            for interest in entry.interests:
                if key == f"i:{interest.id}":
                    return entry, interest
        return None

    @on(DataTable.RowHighlighted, "#register-table")
    def _detail(self) -> None:
        """The whole of the highlighted row: what the table's narrow columns cut."""
        selected = self._selected()
        if selected is None:
            return
        entry, interest = selected
        lines = [f"{entry.person.name}: {entry.position or 'not a member now'}."]
        if interest is not None:
            lines.append(
                f"{INTEREST_LABELS[interest.category].capitalize()}: {interest.description}"
            )
            lines.append(f"Organisation: {interest.organisation or '—'}.")
            lines.append(f"Mitigation: {interest.mitigation or '—'}")
        elif entry.nil_return is not None:
            lines.append(f"No interests (declared {short_date(entry.nil_return.declared_on)}).")
        else:
            lines.append("No return made: press a to add an interest or n for a nil return.")
        self.query_one("#register-detail", Static).update(Text("\n".join(lines)))

    # -- changes ---------------------------------------------------------------------------

    def _fields(self, *, person: bool, kept: Interest | None = None) -> list[FormField]:
        body = self.app.store.committee(self.code).body_type
        offered = offered_categories(body, kept.category if kept else None)
        types = [(INTEREST_LABELS[c].capitalize(), c.value) for c in offered]
        people = [(e.person.name, e.person.id) for e in self.shown.entries]
        fields = [FormField("person", LABELS["person"], "select", options=people)] if person else []
        return [
            *fields,
            FormField("category", LABELS["category"], "select", options=types),
            FormField("description", LABELS["description"], "lines"),
            FormField("organisation", LABELS["organisation"], placeholder="the body it concerns"),
            FormField("date_from", LABELS["date_from"], placeholder=DATE_GIVEN),
            FormField("date_to", LABELS["date_to"], placeholder=f"{DATE_GIVEN}; blank: ongoing"),
            FormField("mitigation", LABELS["mitigation"], "lines"),
            FormField("declared_on", LABELS["declared_on"], placeholder="dd/mm/yyyy"),
        ]

    def action_add(self) -> None:
        selected = self._selected()
        values = Register.values(None, self.today)
        body = self.app.store.committee(self.code).body_type
        values["category"] = interest_categories(body)[0].value  # the usual one
        if selected is not None:
            values["person"] = selected[0].person.id
        self._form("Add an interest", self._fields(person=True), values, None)

    def action_correct(self) -> None:
        selected = self._selected()
        if selected is None or selected[1] is None:
            self.notify("Highlight an interest to correct it.")
            return
        entry, interest = selected
        self._form(
            f"Correct {entry.person.name}'s interest (replaces it from the date declared)",
            self._fields(person=False, kept=interest),
            Register.values(interest, self.today),
            interest,
        )

    def _form(
        self, title: str, fields: list[FormField], values: dict[str, Any], old: Interest | None
    ) -> None:
        def save(typed: dict[str, Any]) -> str | None:
            return self._change(lambda: self.register.save(self.code, typed, self.today, old))

        self.app.push_screen(FormScreen(title, fields, values, save), self._changed)

    def action_end(self) -> None:
        selected = self._selected()
        interest = selected[1] if selected else None
        if selected is None or interest is None:
            self.notify("Highlight an interest to record that it ended.")
            return
        entry = selected[0]
        fields = [
            FormField("date_to", "Ended on", placeholder=DATE_GIVEN),
            FormField("declared_on", LABELS["declared_on"], placeholder="dd/mm/yyyy"),
        ]

        def save(typed: dict[str, Any]) -> str | None:
            ended, declared = typed["date_to"], typed["declared_on"]
            return self._change(lambda: self.register.end(interest, ended, declared, self.today))

        values = {"date_to": short_date(self.today), "declared_on": short_date(self.today)}
        title = f"End {entry.person.name}'s interest: {clipped(interest.description, 40)}"
        self.app.push_screen(FormScreen(title, fields, values, save), self._changed)

    def action_nil_return(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        entry = selected[0]
        fields = [FormField("declared_on", LABELS["declared_on"], placeholder="dd/mm/yyyy")]

        def save(typed: dict[str, Any]) -> str | None:
            declared = typed["declared_on"]
            return self._change(
                lambda: self.register.nil_return(self.code, entry.person.id, declared, self.today)
            )

        self.app.push_screen(
            FormScreen(
                f"{entry.person.name}: no interests to declare",
                fields,
                {"declared_on": short_date(self.today)},
                save,
                hint="A nil return: the register shows it until an interest is declared.",
            ),
            self._changed,
        )

    def _change(self, change: Callable[[], object]) -> str | None:
        try:
            change()
        except Refused as refused:
            return str(refused)
        return None

    def _changed(self, done: bool | None) -> None:
        if done:
            self.day = None  # a change is dated today or earlier: show the register now
            self.show()

    def action_on_date(self) -> None:
        def save(typed: dict[str, Any]) -> str | None:
            try:
                self.day = parse_date(typed["day"] or "")
            except ValueError as error:
                return str(error)
            return None

        self.app.push_screen(
            FormScreen(
                "The register on a date",
                [FormField("day", "On", placeholder="dd/mm/yyyy; blank: today")],
                {"day": short_date(self.day)},
                save,
                save_label="Show",
            ),
            lambda shown: self.show() if shown else None,
        )

    def action_next_missing(self) -> None:
        """Move to the next member who has made no return this year."""
        missing = {f"p:{p.id}" for p in self.shown.without_return}
        if not missing:
            self.notify("Everyone has made a return this year.")
            return
        table = self.query_one("#register-table", DataTable)
        rows = [str(k.value) for k in table.rows]
        start = table.cursor_row + 1
        order = [*range(start, len(rows)), *range(0, start)]
        following = next((i for i in order if rows[i] in missing), None)
        if following is not None:
            table.move_cursor(row=following)

    def action_save(self) -> None:
        """The register as shown, as Word and Excel (tui/screens/register_export.py)."""
        from minutebook.tui.screens.register_export import SaveRegister

        SaveRegister(self, self.shown).ask()

    def action_bring_in(self) -> None:
        """A register file read, previewed, then stored whole (register_import.py)."""
        from minutebook.tui.screens.register_import import BringRegisterIn, stored_words

        def stored(done: Imported) -> None:
            self.day = None
            self.show()
            self.notify(stored_words(done, self.code))

        if self.bringing_in is None:
            self.bringing_in = BringRegisterIn(self, self.code, stored)
        self.bringing_in.open()

    @on(DataTable.RowSelected, "#register-table")
    def _row_chosen(self) -> None:
        self.action_correct()

    def palette_commands(self) -> list[PaletteCommand]:
        return [
            ("Add interest (a)", "An interest of the highlighted person", self.action_add),
            (
                "Correct interest (e)",
                "The highlighted interest, replaced from the date declared",
                self.action_correct,
            ),
            ("End interest (x)", "Record that the highlighted interest ended", self.action_end),
            ("Record nil return (n)", "No interests to declare", self.action_nil_return),
            (
                "Register on a date (o)",
                "What the register said on a meeting's date",
                self.action_on_date,
            ),
            (
                "Save the register as Word and Excel (s)",
                "Seed 003's layout, for publication",
                self.action_save,
            ),
            (
                "Who has not made a return this year (w)",
                "The next member with no return in the register year",
                self.action_next_missing,
            ),
            (
                "Bring a register in (i)",
                "From Word, Excel or .csv: see what it holds, then store it whole",
                self.action_bring_in,
            ),
        ]
