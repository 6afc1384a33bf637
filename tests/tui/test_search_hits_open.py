"""Pilot tests of what a search hit shows and opens (docs/search.md), on a real
temporary database: a register hit names its person and opens the register at that
interest; a minute opens on the Minutes tab at its item; typing in the results goes on
in the search box; the snippet is cut around its match at 80 columns; "find" in the
palette offers Search."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.widgets import DataTable, Input, OptionList

from minutebook.domain import AgendaItem
from minutebook.domain.meeting import InterestCategory
from minutebook.domain.register import Interest
from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.meeting import MeetingScreen
from minutebook.tui.screens.register import RegisterScreen
from minutebook.tui.screens.search import DEBOUNCE, SearchScreen
from tests.tui.settling import settled

NARROW = (80, 24)


def _meeting_id(store: Store) -> int:
    [meeting] = store.meetings("PAR")
    return meeting.id or 0


async def _search(pilot, text: str) -> SearchScreen:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.press("ctrl+f", *("space" if k == " " else k for k in text))
    await pilot.pause(DEBOUNCE + 0.2)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, SearchScreen)
    return screen


def _snippets(screen: SearchScreen) -> list[Text]:
    table = screen.query_one("#search-results", DataTable)
    cells = [table.get_row_at(r)[4] for r in range(table.row_count)]
    assert all(isinstance(c, Text) for c in cells)
    return cells  # type: ignore[return-value]


def _interest(store: Store, person: str, words: str) -> Interest:
    return store.add_interest(
        Interest(
            committee="PAR",
            person=person,
            category=InterestCategory.OTHER_REGISTRABLE,
            description=words,
            declared_on=date(2026, 5, 1),
        )
    )


async def test_a_register_hit_names_its_person_and_opens_at_the_interest(
    app: MinutebookApp, app_store: Store
) -> None:
    _interest(app_store, "ann-lee", "Trustee of the village hall")
    bob = _interest(app_store, "bob-roy", "Director, Calverton Pharmacy Ltd, 62 Calverton Rd")
    async with app.run_test(size=NARROW) as pilot:
        screen = await _search(pilot, "calverton")
        [snippet] = _snippets(screen)
        assert snippet.plain.startswith("Bob Roy: ")
        await pilot.press("down", "enter")
        await pilot.pause()
        register = app.screen
        assert isinstance(register, RegisterScreen)
        table = register.query_one("#register-table", DataTable)
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        assert key == f"i:{bob.id}"  # not the first row (Ann Lee's)


async def test_an_interest_ended_since_opens_the_register_as_it_stood(
    app: MinutebookApp, app_store: Store
) -> None:
    _interest(app_store, "ann-lee", "Trustee of the village hall")
    ended = app_store.add_interest(
        Interest(
            committee="PAR",
            person="bob-roy",
            category=InterestCategory.OTHER_REGISTRABLE,
            description="Shareholder, Siskin Homes Ltd",
            date_to=date(2026, 6, 30),  # before today (25/11/2026)
            declared_on=date(2026, 2, 1),
        )
    )
    async with app.run_test(size=NARROW) as pilot:
        await _search(pilot, "siskin")
        await pilot.press("enter")
        await pilot.pause()
        register = app.screen
        assert isinstance(register, RegisterScreen)
        assert register.day == date(2026, 2, 1)
        table = register.query_one("#register-table", DataTable)
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        assert key == f"i:{ended.id}"


async def test_a_minute_opens_on_the_minutes_tab_at_its_item(
    app: MinutebookApp, app_store: Store
) -> None:
    meeting_id = _meeting_id(app_store)
    for number in range(4, 13):
        app_store.add_agenda_item(meeting_id, AgendaItem(number=number, title=f"Report {number}"))
        words = f"Paragraph {number} of a long minute about the lanes." * 3
        app_store.write_narrative(meeting_id, number, "\n\n".join([words] * 4))
    app_store.write_narrative(meeting_id, 12, "The Greenfinch lane closure was noted.")
    async with app.run_test(size=NARROW) as pilot:
        await _search(pilot, "greenfinch")
        await pilot.press("enter")
        await pilot.pause()
        meeting = app.screen
        assert isinstance(meeting, MeetingScreen)
        assert meeting.active_tab == "minutes"
        scroll = meeting.minutes_scroll
        for _ in range(40):  # scrolled once the text is laid out
            if scroll.scroll_y:
                break
            await pilot.pause(0.02)
        assert scroll.scroll_y > 0
        # the item's heading is in view (the last item: as near the top as the text goes)
        top = int(scroll.scroll_y)
        shown = [
            meeting.minutes_text.render_line(y).text for y in range(top, top + scroll.size.height)
        ]
        assert any("Report 12" in line for line in shown), shown


async def test_a_minute_on_the_first_item_opens_on_the_minutes_tab_too(
    app: MinutebookApp, app_store: Store
) -> None:
    """The agenda's cursor does not move for item 1: the meeting screen's own first
    focus, on its agenda, once took the tab back there (found by a new user)."""
    app_store.write_narrative(_meeting_id(app_store), 1, "The meeting was quorate, Plover.")
    async with app.run_test(size=NARROW) as pilot:
        await _search(pilot, "plover")
        await pilot.press("enter")
        await pilot.pause()
        meeting = app.screen
        assert isinstance(meeting, MeetingScreen)
        assert await settled(pilot, lambda: meeting.tabs.active == meeting.active_tab == "minutes")
        assert meeting.agenda_table.cursor_row == 0


async def test_typing_in_the_results_goes_on_in_the_search_box(
    app: MinutebookApp, app_store: Store
) -> None:
    meeting_id = _meeting_id(app_store)
    app_store.write_narrative(meeting_id, 3, "The Kestrel barn application was refused.")
    app_store.write_narrative(meeting_id, 2, "The Kestrel nest survey was received.")
    async with app.run_test(size=NARROW) as pilot:
        screen = await _search(pilot, "kestrel")
        await pilot.press("down", "enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        box = screen.query_one("#search-input", Input)
        assert app.focused is screen.table  # back from the hit, in the results
        await pilot.press("space", "b", "a")
        await pilot.pause()
        assert app.focused is box and box.value == "kestrel ba"
        await pilot.press("down")
        await pilot.pause()
        assert app.focused is screen.table
        await pilot.press("up")  # on the first row: back to the box
        await pilot.pause()
        assert app.focused is box


async def test_the_snippet_shows_the_matched_word_whole_at_80_columns(
    app: MinutebookApp, app_store: Store
) -> None:
    meeting_id = _meeting_id(app_store)
    app_store.write_narrative(
        meeting_id,
        3,
        "The board heard at length about waiting times for the cardiology service and "
        "the regional centre, then agreed to fund coronary angioplasty at the district "
        "hospital from April.",
    )
    async with app.run_test(size=NARROW) as pilot:
        screen = await _search(pilot, "angiopl")
        [snippet] = _snippets(screen)
        marked = [snippet.plain[s.start : s.end] for s in snippet.spans if s.style]
        assert marked == ["angioplasty"]
        table = screen.query_one("#search-results", DataTable)
        widths = sum(c.get_render_width(table) for c in table.ordered_columns)
        assert widths <= table.size.width  # the whole of the row is on screen


async def test_find_in_the_palette_offers_search(app: MinutebookApp) -> None:
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"find")
        found = app.screen.query_one(OptionList)
        prompts: list[str] = []
        for _ in range(200):  # the palette searches in the background
            prompts = [str(found.get_option_at_index(n).prompt) for n in range(found.option_count)]
            if prompts:
                break
            await pilot.pause(0.05)
        assert "Search" in prompts[0]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
