"""Pilot tests of the search screen (docs/search.md): Ctrl+F from anywhere and "Search"
in the palette open it; results come from the third character, each with its
committee, date, place and highlighted snippet; confidential business only once asked
for; Enter opens the meeting at that item. Against a real temporary database."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable, Input, Static

from minutebook.domain import AgendaItem
from minutebook.store import Store
from minutebook.tui.app import SEARCH_TITLE, MinutebookApp
from minutebook.tui.screens.committees import CommitteesScreen
from minutebook.tui.screens.help import GENERAL
from minutebook.tui.screens.meeting import MeetingScreen
from minutebook.tui.screens.search import DEBOUNCE, SearchScreen

SIZE = (100, 24)


def _meeting_id(store: Store) -> int:
    [meeting] = store.meetings("PAR")
    return meeting.id or 0


def _rows(screen: SearchScreen) -> list[list[str]]:
    table = screen.query_one("#search-results", DataTable)
    return [[str(cell) for cell in table.get_row_at(r)] for r in range(table.row_count)]


async def _type(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    for key in text:
        await pilot.press("space" if key == " " else key)
    await pilot.pause(DEBOUNCE + 0.2)  # the search starts a moment after the last key
    await pilot.app.workers.wait_for_complete()  # and runs beside the screen
    await pilot.pause()


async def test_ctrl_f_finds_as_you_type_and_enter_opens_the_item(
    app: MinutebookApp, app_store: Store
) -> None:
    meeting_id = _meeting_id(app_store)
    app_store.write_narrative(meeting_id, 3, "The Kestrel barn application was refused.")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CommitteesScreen)
        await pilot.press("ctrl+f")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        await _type(pilot, "ke")
        assert _rows(screen) == []
        assert "at least 3" in str(screen.query_one("#search-status", Static).render())
        await _type(pilot, "s")
        [row] = _rows(screen)
        assert row[:4] == ["PAR", "10/12/26", "item 3", "minute"]
        assert row[4] == "The Kestrel barn application was refused."
        snippet = screen.query_one("#search-results", DataTable).get_row_at(0)[4]
        assert isinstance(snippet, Text)
        assert [snippet.plain[s.start : s.end] for s in snippet.spans] == ["Kestrel"]
        await pilot.press("enter")
        await pilot.pause()
        meeting = app.screen
        assert isinstance(meeting, MeetingScreen) and meeting.meeting_id == meeting_id
        assert meeting.agenda_table.cursor_row == 2  # item 3
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen  # back to the results
        # Ctrl+F again chooses the words in the box: the next search replaces them.
        app_store.write_narrative(meeting_id, 2, "The Heron survey was received.")
        await pilot.press("ctrl+f")
        await _type(pilot, "heron")
        assert screen.query_one("#search-input", Input).value == "heron"
        [row] = _rows(screen)
        assert row[2] == "item 2"


async def test_confidential_business_only_once_asked_for(
    app: MinutebookApp, app_store: Store
) -> None:
    meeting_id = _meeting_id(app_store)
    app_store.add_agenda_item(
        meeting_id, AgendaItem(number=1, title="Heron land sale", confidential=True)
    )
    app_store.write_narrative(meeting_id, 3, "Heron raised under planning.")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.action_search()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        await _type(pilot, "heron")
        assert [r[3] for r in _rows(screen)] == ["minute"]
        await pilot.press("ctrl+t")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert sorted(r[3] for r in _rows(screen)) == ["agenda item (conf.)", "minute"]


async def test_the_palette_offers_search(app: MinutebookApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        assert "find" in commands[SEARCH_TITLE].help.lower()
        commands[SEARCH_TITLE].callback()
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        assert "`Ctrl+F` search the whole record" in GENERAL  # F1 names the key everywhere


async def test_enter_before_the_results_searches_then_opens(
    app: MinutebookApp, app_store: Store
) -> None:
    meeting_id = _meeting_id(app_store)
    app_store.write_narrative(meeting_id, 2, "Minutes of the Osprey meeting agreed.")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+f", *"osprey", "enter")  # no pause for the results
        await pilot.pause()
        meeting = app.screen
        assert isinstance(meeting, MeetingScreen) and meeting.meeting_id == meeting_id
        assert meeting.agenda_table.cursor_row == 1  # item 2


async def test_punctuation_alone_asks_for_letters_or_digits(app: MinutebookApp) -> None:
    # Three characters with no letter or digit find nothing (`domain.search.fts_query`):
    # the screen said "Nothing found for '---'" as if it had searched.
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+f")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        await _type(pilot, "---")
        status = str(screen.query_one("#search-status", Static).render())
        assert "at least 3 characters, letters or digits" in status
        assert "Nothing found" not in status
