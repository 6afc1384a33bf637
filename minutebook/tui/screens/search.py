"""Searching everything ever recorded (docs/search.md), from anywhere: Ctrl+F, or
"Search" in the palette.

Results come as the secretary types, from the third character, a moment after the last
key (`DEBOUNCE`), so that a word typed quickly is searched once, and off the screen's
thread, so that typing never waits for a search. Each row is the hit's committee,
meeting date, minute number (or item), what it was found in and its snippet with the
words highlighted, after the name of the person it is about; Enter opens it where it was
found (a minute on the Minutes tab, a register entry at its row). The order, what a
query means and which hits are confidential are `Store.search`'s and the domain's
(`domain.search`); the screen only shows them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Checkbox, DataTable, Footer, Header, Input, Static
from textual.worker import get_current_worker

from minutebook.domain.search import (
    KIND_WORDS,
    SHORTEST_QUERY,
    Hit,
    HitKind,
    Segment,
    around_match,
    fts_query,
    place_words,
    with_person,
)
from minutebook.store import DatabaseFile, StoreError
from minutebook.tui.widgets.tables import ListTable

if TYPE_CHECKING:
    from minutebook.tui.app import MinutebookApp

DEBOUNCE = 0.15
"""Seconds after the last key before searching."""

LIMIT = 100

TOO_SHORT = f"Type at least {SHORTEST_QUERY} characters, letters or digits."
"""The status while what is typed can find nothing (`domain.search.fts_query`)."""


class SearchScreen(Screen[None]):
    """Search the whole record, and open what is found."""

    HELP_TEXT = """## Search

Type words to find them anywhere in the record: minutes, decisions, actions and their
updates, declarations of interest, the register of interests and agenda items, signed
minutes too. Every word must be found; the last may be the start of a word ("quor"
finds "quorate"). Results come from the third character. Common words list the newest
first, rare ones the best match first. A hit about a person (a register entry, an
action's owner, a declaration) names them before its snippet. `↓` moves into the
results, `Enter` opens what was found: a minute on its meeting's Minutes tab, a register
entry in the register at its row, anything else the meeting at its item. Back in the
results, typing goes on in the search box; `↑` on the first row returns to it. Tick
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
        self._shown_for: tuple[str, bool] | None = None
        """The query and confidential choice whose hits are shown."""

    def compose(self) -> ComposeResult:
        from textual.containers import Horizontal

        yield Header()
        with Horizontal(id="search-bar"):
            yield Input(
                self.initial,
                placeholder="Search minutes, decisions, actions, declarations, register, agendas",
                id="search-input",
                select_on_focus=False,  # back from the results, typing goes on after the query
            )
            yield Checkbox("Confidential", id="search-confidential")
        self.table = ResultsTable(id="search-results", cursor_type="row", zebra_stripes=True)
        yield self.table
        yield Static(
            TOO_SHORT,
            id="search-status",
            markup=False,
        )
        yield Footer(compact=True)

    def select_query(self) -> None:
        """The search box focused with its words selected (Ctrl+F on this screen)."""
        box = self.query_one("#search-input", Input)
        box.focus()
        box.select_all()

    def on_mount(self) -> None:
        self.table.add_columns(*HEADINGS, "Snippet")
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
        """Search for what is typed, off the screen's thread: on a large record a
        common word takes tens of milliseconds (bench/search.py), and typing never waits
        for it. A database in memory (no file another connection could read) is
        searched here."""
        self._timer = None
        text, confidential = self.query_text, self.confidential
        if fts_query(text) is None:  # what finds nothing is the domain's to say
            self._found(text, confidential, [])
            return
        path = self.app.database.path
        if path is None:
            self._found(text, confidential, self._search_here(text, confidential))
        else:
            self._search_beside(path, text, confidential)

    def _search_here(self, text: str, confidential: bool) -> list[Hit]:
        try:
            return self.app.store.search(text, confidential=confidential, limit=LIMIT)
        except StoreError as error:
            self.notify(str(error), severity="error")
            return []

    @work(thread=True, exclusive=True, exit_on_error=False, group="search")
    def _search_beside(self, path: Path, text: str, confidential: bool) -> None:
        """The search on a reading connection of its own (under WAL it sees every
        change the window has saved, and never holds up the next one)."""
        try:
            with DatabaseFile.open_to_read(path).store() as reader:
                hits = reader.search(text, confidential=confidential, limit=LIMIT)
        except StoreError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error")
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._found, text, confidential, hits)

    def _found(self, text: str, confidential: bool, hits: list[Hit]) -> None:
        """Show the hits of a search, unless the query has changed since it began."""
        if (text, confidential) != (self.query_text, self.confidential):
            return  # a later search is on its way
        self._shown_for = (text, confidential)
        self._show(hits)
        status = self.query_one("#search-status", Static)
        if fts_query(text) is None:
            status.update(TOO_SHORT)
        elif not hits:
            status.update(f"Nothing found for {text.strip()!r}.")
        else:
            more = " (the first shown)" if len(hits) == LIMIT else ""
            status.update(f"{len(hits)} found{more}. ↓ to the results, Enter opens one.")

    def _show(self, hits: list[Hit]) -> None:
        self.hits = hits
        keep = self.table.cursor_row
        self.table.clear()
        rows = [_cells(hit) for hit in hits]
        # The snippet is cut to the width left beside the other columns, around its
        # first match: every column is padded one cell either side (the snippet's too),
        # and the scrollbar takes two.
        used = sum(max([len(h), *(len(r[c]) for r in rows)]) + 2 for c, h in enumerate(HEADINGS))
        width = max(self.table.size.width - used - 2 - 2, 12)
        for n, (hit, row) in enumerate(zip(hits, rows, strict=True)):
            self.table.add_row(*row, _snippet(hit, width), key=str(n))
        if hits:
            self.table.move_cursor(row=min(keep, len(hits) - 1))

    def on_resize(self) -> None:
        self._show(self.hits)  # the snippets cut again to the width there now

    @on(Input.Submitted, "#search-input")
    async def _submitted(self) -> None:
        text, confidential = self.query_text, self.confidential
        if self._shown_for != (text, confidential):  # Enter before the search: search now
            if self._timer is not None:
                self._timer.stop()
                self._timer = None
            self._found(text, confidential, self._search_here(text, confidential))
        if self.hits:
            await self.open_hit(self.hits[self.table.cursor_row or 0])

    @on(DataTable.RowSelected, "#search-results")
    async def _selected(self, event: DataTable.RowSelected) -> None:
        if 0 <= event.cursor_row < len(self.hits):
            await self.open_hit(self.hits[event.cursor_row])

    async def open_hit(self, hit: Hit) -> None:
        """The hit where it was found: a minute on its meeting's Minutes tab at that
        item; a register entry, the committee's register at that interest; an action
        with no meeting (a tracker brought in), the committee's tracker; anything else,
        the meeting with its item selected on the agenda."""
        if hit.meeting_id is None:
            if hit.kind is HitKind.REGISTER:
                from minutebook.tui.screens.register import RegisterScreen

                self.app.push_screen(RegisterScreen(hit.committee, hit.interest_id, hit.day))
            else:
                from minutebook.tui.screens.tracker import TrackerScreen

                self.app.push_screen(TrackerScreen(hit.committee))
            return
        from minutebook.tui.screens.meeting_at import open_meeting_at

        await open_meeting_at(self.app, hit.meeting_id, hit.item, minute=hit.kind is HitKind.MINUTE)


HEADINGS = ("Cttee", "Date", "Minute", "Found in")
"""The columns before the snippet."""


class ResultsTable(ListTable):
    """The hits. Typing a letter here goes on in the search box (the secretary back
    from a hit types the next search at once), and `↑` on the first row returns to it."""

    def on_key(self, event: events.Key) -> None:
        box = self.screen.query_one("#search-input", Input)
        if event.key == "up" and self.cursor_row <= 0:
            event.stop()
            event.prevent_default()
            box.focus()
        elif event.is_printable and event.character:
            event.stop()
            event.prevent_default()
            box.focus()
            box.cursor_position = len(box.value)  # what is typed goes on after the query
            box.insert_text_at_cursor(event.character)


def _cells(hit: Hit) -> tuple[str, str, str, str]:
    kind = KIND_WORDS[hit.kind] + (" (conf.)" if hit.confidential else "")
    day = f"{hit.day:%d/%m/%y}" if hit.day else ""
    return hit.committee, day, place_words(hit), kind


def _snippet(hit: Hit, width: int) -> Text:
    """The person the hit is about, then the snippet centred on its first match."""
    lead = f"{hit.person}: " if hit.person else ""
    pieces: tuple[Segment, ...] = around_match(with_person(hit, hit.snippet), width, len(lead))
    snippet = Text(no_wrap=True, overflow="ellipsis")
    for text, matched in pieces:
        snippet.append(text, "bold reverse" if matched else "")
    return snippet
