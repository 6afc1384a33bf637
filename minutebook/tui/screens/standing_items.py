"""A committee's standing items: the items every new meeting's agenda opens and closes
with (docs/agenda.md). Reached with `s` on the committee screen, or the palette.

Each change is kept at once through `application.standing.StandingAgenda`; a refusal
(two "minutes of the previous meeting" items, a placeholder Minutebook does not fill)
is shown in the form as the service words it. No rule is decided here."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from minutebook.application.standing import StandingAgenda
from minutebook.domain.base import Refused
from minutebook.domain.meeting import ItemKind, ItemPlace, Purpose
from minutebook.domain.standing_items import KIND_WORDS, PREVIOUS, StandingItem
from minutebook.tui.commands import PaletteCommand
from minutebook.tui.widgets.confirm import ConfirmScreen
from minutebook.tui.widgets.form import FormField, FormScreen
from minutebook.tui.widgets.tables import ListTable

if TYPE_CHECKING:
    from minutebook.tui.app import MinutebookApp

PLACES = {ItemPlace.OPENING: "opening", ItemPlace.CLOSING: "closing"}

SHORT_KINDS = {
    ItemKind.WELCOME: "welcome",
    ItemKind.DECLARATIONS: "declarations",
    ItemKind.MINUTES: "previous minutes",
    ItemKind.MATTERS_ARISING: "matters arising",
    ItemKind.ANY_OTHER_BUSINESS: "any other business",
    ItemKind.NEXT_MEETING: "next meeting",
    ItemKind.OTHER: "",
}
"""Each kind in the table's narrow column (the line below the table says it in full)."""

FIELDS = [
    FormField("title", "Title", placeholder="e.g. Minutes of the previous meeting"),
    FormField(
        "description",
        "Wording",
        "lines",  # several lines, such as a board's committee-effectiveness questions
        placeholder=f"on the agenda; {PREVIOUS}: the last meeting's date",
    ),
    FormField("kind", "Kind", "select", options=[(w, k.value) for k, w in KIND_WORDS.items()]),
    FormField(
        "place",
        "Place",
        "select",
        options=[("Opening: before the business", "opening"), ("Closing: after it", "closing")],
    ),
    FormField(
        "purpose", "Purpose", "select", options=[(p.value.capitalize(), p.value) for p in Purpose]
    ),
    FormField("lead", "Lead", placeholder="who presents it, e.g. Chair"),
]


class StandingItemsScreen(Screen[None]):
    """The committee's standing items, in the order a new agenda takes them."""

    HELP_TEXT = f"""## Standing items

The items every new meeting of this committee opens and closes with. A new meeting's
agenda is the **opening** items, then the items deferred at the last meeting that you
carry forward, then the **closing** items. `a` adds an item, `e` or `Enter` edits the
selected one, `Shift+↑` / `Shift+↓` move it among the items of its place, `Delete`
removes it, `d` puts back the house style's list.

Each item has a title, the **wording** printed under it on the agenda (`{PREVIOUS}` is
filled with the date of the previous meeting: "the Minutes of the meeting held on 13
June 2023"), a purpose, a lead, and a **kind**: live capture offers the approval of the
previous minutes at the "minutes of the previous meeting" item and the review of open
actions at the "matters arising / action tracker" item, whatever they are called. A
committee has one of each. Meetings already created keep their agendas."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="standing.back"),
        Binding("a", "add", "Add", id="standing.add"),
        Binding("e", "edit", "Edit", id="standing.edit"),
        Binding("delete", "remove", "Remove", key_display="Del", id="standing.remove"),
        Binding("d", "defaults", "Style's list", id="standing.defaults"),
        Binding("shift+up", "move(-1)", "Up", show=False, id="standing.move_up"),
        Binding("shift+down", "move(1)", "Down", show=False, id="standing.move_down"),
    ]

    app: MinutebookApp

    def __init__(self, code: str) -> None:
        super().__init__()
        self.code = code

    @property
    def agenda(self) -> StandingAgenda:
        return StandingAgenda(self.app.store, self.code, self.app.clock)

    def compose(self) -> ComposeResult:
        committee = self.app.store.committee(self.code)
        yield Header()
        yield Static(f"{committee.name}: standing items", classes="screen-title")
        yield ListTable(id="standing-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="standing-detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one("#standing-table", DataTable)
        table.add_column("Title", width=34)
        table.add_column("Kind", width=18)
        table.add_columns("Place", "Purpose")
        self.show(self.agenda.items())
        table.focus()

    def show(self, items: list[StandingItem], select: int | None = None) -> None:
        table = self.query_one("#standing-table", DataTable)
        keep = table.cursor_row if select is None else select
        table.clear()
        for index, item in enumerate(items):
            table.add_row(
                Text(item.title, no_wrap=True, overflow="ellipsis"),
                SHORT_KINDS[item.kind],
                PLACES[item.place],
                item.purpose.value,
                key=str(index),
            )
        if table.row_count:
            table.move_cursor(row=max(0, min(keep, table.row_count - 1)))
        else:
            self.query_one("#standing-detail", Static).update(
                "No standing items: new meetings start with an empty agenda. Press a to add one."
            )

    @on(DataTable.RowHighlighted, "#standing-table")
    def _detail(self, event: DataTable.RowHighlighted) -> None:
        """The whole of the highlighted item: its wording and lead are not in the table."""
        index = self._selected()
        items = self.agenda.items()
        if index is None or index >= len(items):
            return
        item = items[index]
        lines = [f"Kind: {KIND_WORDS[item.kind]}. Lead: {item.lead or '—'}."]
        lines.append(f"Wording: {item.description}" if item.description else "No wording.")
        self.query_one("#standing-detail", Static).update(Text("\n".join(lines)))

    def _selected(self) -> int | None:
        table = self.query_one("#standing-table", DataTable)
        if table.row_count == 0:
            return None
        return int(str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value))

    # -- changes ---------------------------------------------------------------------------

    def action_add(self) -> None:
        self._form("Add a standing item", None, StandingAgenda.values(None))

    def action_edit(self) -> None:
        index = self._selected()
        if index is not None:
            item = self.agenda.items()[index]
            self._form(f"Standing item: {item.title}", index, StandingAgenda.values(item))

    def _form(self, title: str, index: int | None, values: dict[str, Any]) -> None:
        saved: list[tuple[list[StandingItem], int]] = []

        def save(typed: dict[str, Any]) -> str | None:
            try:
                saved.append(self.agenda.save_item(index, typed))
            except Refused as refused:
                return str(refused)
            return None

        def closed(done: bool | None) -> None:
            if done and saved:
                self.show(*saved[-1])

        self.app.push_screen(
            FormScreen(
                title,
                FIELDS,
                values,
                save,
                hint="Opening items come before the meeting's business, closing items after.",
            ),
            closed,
        )

    def action_remove(self) -> None:
        index = self._selected()
        if index is None:
            return
        item = self.agenda.items()[index]

        def done(yes: bool | None) -> None:
            if yes:
                self._change(lambda: self.agenda.remove(index))

        self.app.push_screen(
            ConfirmScreen(
                f"Remove {item.title!r} from the standing items?\n\n"
                "Meetings already created keep it on their agendas."
            ),
            done,
        )

    def action_move(self, offset: int) -> None:
        index = self._selected()
        if index is None:
            return
        try:
            items, moved = self.agenda.move(index, offset)
        except Refused as refused:
            self.notify(str(refused), severity="error", timeout=10)
            return
        self.show(items, select=moved)

    def action_defaults(self) -> None:
        style = self.app.store.committee(self.code).house_style.value

        def done(yes: bool | None) -> None:
            if yes:
                self._change(self.agenda.restore_defaults)

        self.app.push_screen(
            ConfirmScreen(
                f"Replace this committee's standing items with the {style} house style's?"
            ),
            done,
        )

    def _change(self, change: Callable[[], list[StandingItem]]) -> None:
        try:
            items = change()
        except Refused as refused:
            self.notify(str(refused), severity="error", timeout=10)
            return
        self.show(items)

    @on(DataTable.RowSelected, "#standing-table")
    def _row_chosen(self) -> None:
        self.action_edit()

    def palette_commands(self) -> list[PaletteCommand]:
        return [
            ("Add standing item", "An item every new meeting's agenda takes", self.action_add),
            (
                "Edit standing item (e)",
                "The selected item's title, wording, kind ...",
                self.action_edit,
            ),
            (
                "Remove standing item (Del)",
                "The selected item, from new agendas",
                self.action_remove,
            ),
            (
                "Move standing item up (Shift+↑)",
                "Among the items of its place",
                lambda: self.action_move(-1),
            ),
            (
                "Move standing item down (Shift+↓)",
                "Among the items of its place",
                lambda: self.action_move(1),
            ),
            (
                "Put back the house style's standing items",
                "Seed 001's or seed 003's list (d)",
                self.action_defaults,
            ),
        ]
