"""Searching everything ever recorded (docs/search.md), from anywhere: Ctrl+F, or
"Search" in the palette.

Results come as the secretary types, from the third character, a moment after the last
key (`DEBOUNCE`), so that a word typed quickly is searched once. Each row is the hit's
committee, meeting date, minute number (or item), what it was found in and its snippet
with the words highlighted; Enter opens the meeting at that item (a register entry: the
committee's register). The order, what a query means and which hits are confidential
are `Store.search`'s and the domain's (`domain.search`); the screen only shows them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Checkbox, DataTable, Footer, Header, Input, Static

from minutebook.domain.search import (
    KIND_WORDS,
    SHORTEST_QUERY,
    Hit,
    HitKind,
    on_one_line,
    place_words,
)
from minutebook.store import StoreError
from minutebook.tui.widgets.tables import ListTable

if TYPE_CHECKING:
    from minutebook.tui.app import MinutebookApp

DEBOUNCE = 0.15
"""Seconds after the last key before searching."""

LIMIT = 100


class SearchScreen(Screen[None]):
    """Search the whole record, and open what is found."""

    HELP_TEXT = """## Search

Type words to find them anywhere in the record: minutes, decisions, actions and their
updates, declarations of interest, the register of interests and agenda items, signed
minutes too. Every word must be found; the last may be the start of a word ("quor"
finds "quorate"). Results come from the third character. Common words list the newest
first, rare ones the best match first. `↓` moves into the results, `Enter` opens the
meeting at that item (a register entry opens the committee's register). Tick
**Confidential** (`Ctrl+T`) to include Part II business, marked as confidential."""

    DEFAULT_CSS = """
    SearchScreen #search-bar { height: 3; }
    SearchScreen #search-input { width: 1fr; }
    SearchScreen #search-confidential { width: auto; }
    SearchScreen #search-results { height: 1fr; }
    SearchScreen #search-status { height: 1; padding: 0 1; color: $text-muted; }
    """

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="search.back"),
        Binding("ctrl+t", "toggle_confidential", "Confidential", id="search.confidential"),
        Binding("down", "to_results", "Results", show=False, id="search.results"),
    ]

    app: MinutebookApp

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.initial = query
        self.hits: list[Hit] = []
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        from textual.containers import Horizontal

        yield Header()
        with Horizontal(id="search-bar"):
            yield Input(
                self.initial,
                placeholder="Search minutes, decisions, actions, declarations, register, agendas",
                id="search-input",
            )
            yield Checkbox("Confidential", id="search-confidential")
        self.table = ListTable(id="search-results", cursor_type="row", zebra_stripes=True)
        yield self.table
        yield Static(
            f"Type at least {SHORTEST_QUERY} characters.",
            id="search-status",
            markup=False,
        )
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.table.add_columns("Cttee", "Date", "Minute", "Found in", "Snippet")
        self.query_one("#search-input", Input).focus()
        if self.initial:
            self.run_search()

    @property
    def query_text(self) -> str:
        return self.query_one("#search-input", Input).value

    @property
    def confidential(self) -> bool:
        return self.query_one("#search-confidential", Checkbox).value

    @on(Input.Changed, "#search-input")
    def _typed(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE, self.run_search)

    @on(Checkbox.Changed, "#search-confidential")
    def _confidential_changed(self) -> None:
        self.run_search()

    def action_toggle_confidential(self) -> None:
        self.query_one("#search-confidential", Checkbox).toggle()

    def action_to_results(self) -> None:
        if self.hits:
            self.table.focus()

    def run_search(self) -> None:
        """Search now for what is typed, and show the hits (fast enough to run here:
        bench/search.py)."""
        self._timer = None
        text = self.query_text
        status = self.query_one("#search-status", Static)
        if len(text.strip()) < SHORTEST_QUERY:
            self._show([])
            status.update(f"Type at least {SHORTEST_QUERY} characters.")
            return
        try:
            hits = self.app.store.search(text, confidential=self.confidential, limit=LIMIT)
        except StoreError as error:
            self.notify(str(error), severity="error")
            return
        self._show(hits)
        if not hits:
            status.update(f"Nothing found for {text.strip()!r}.")
        else:
            more = " (the first shown)" if len(hits) == LIMIT else ""
            status.update(f"{len(hits)} found{more}. ↓ to the results, Enter opens one.")

    def _show(self, hits: list[Hit]) -> None:
        self.hits = hits
        self.table.clear()
        for n, hit in enumerate(hits):
            self.table.add_row(*_cells(hit), key=str(n))

    @on(Input.Submitted, "#search-input")
    async def _submitted(self) -> None:
        if self._timer is not None:  # Enter before the pause: search first
            self._timer.stop()
            self.run_search()
        if self.hits:
            await self.open_hit(self.hits[self.table.cursor_row or 0])

    @on(DataTable.RowSelected, "#search-results")
    async def _selected(self, event: DataTable.RowSelected) -> None:
        if 0 <= event.cursor_row < len(self.hits):
            await self.open_hit(self.hits[event.cursor_row])

    async def open_hit(self, hit: Hit) -> None:
        """The meeting at the hit's item; a register entry, the committee's register;
        an action with no meeting (a tracker brought in), the committee's tracker."""
        if hit.meeting_id is None:
            if hit.kind is HitKind.REGISTER:
                from minutebook.tui.screens.register import RegisterScreen

                self.app.push_screen(RegisterScreen(hit.committee))
            else:
                from minutebook.tui.screens.tracker import TrackerScreen

                self.app.push_screen(TrackerScreen(hit.committee))
            return
        from minutebook.tui.screens.meeting import MeetingScreen

        screen = MeetingScreen(hit.meeting_id)
        await self.app.push_screen(screen)
        table = screen.agenda_table
        if hit.item is not None and 0 < hit.item <= table.row_count:
            table.move_cursor(row=hit.item - 1)  # the agenda lists items by number


def _cells(hit: Hit) -> tuple[str, str, str, str, Text]:
    snippet = Text(no_wrap=True, overflow="ellipsis")
    for text, matched in on_one_line(hit.snippet):
        snippet.append(text, "bold reverse" if matched else "")
    kind = KIND_WORDS[hit.kind] + (" (conf.)" if hit.confidential else "")
    day = f"{hit.day:%d/%m/%y}" if hit.day else ""
    return hit.committee, day, place_words(hit), kind, snippet
