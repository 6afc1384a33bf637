"""The register's possible interests on the meeting screen before the meeting, at 80x24,
on the demo ICB Board's meeting of 29 July 2022 (seed 003's register kept): the agenda's
"Int." column is on screen (it stood after six other columns, past the 80th), and `I`
or the palette ("interest", "register") names each item's members and interests, as
`application.interest_prompts` answers them."""

from __future__ import annotations

from datetime import date, datetime

from textual.widgets import DataTable, OptionList, Static

from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.meeting import MeetingScreen
from minutebook.tui.screens.meeting_interests import InterestsDialog

NOW = datetime(2022, 7, 20, 10, 0)  # a week before the meeting

FULLER = (
    "9. Next Steps for Integrating Primary Care: Fuller Stocktake: Joe Harrison — National "
    "Association of Primary Care; Dr Omotayo Kufeji — The Bridge PCN; Mahesh Shah — Oasis "
    "PCN; Dr Sarah Whiteman — Stonedean Practice"
)


async def test_the_int_column_is_on_screen_and_i_names_the_prompts(demo_store: Store) -> None:
    meeting_id = demo_store.meeting_on("ICB", date(2022, 7, 29)).id or 0
    app = MinutebookApp(demo_store, clock=lambda: NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(MeetingScreen(meeting_id))
        await pilot.pause()
        table = app.screen.query_one("#agenda-table", DataTable)
        columns = table.ordered_columns
        at = next(n for n, c in enumerate(columns) if str(c.label) == "Int.")
        right = sum(c.get_render_width(table) for c in columns[: at + 1])
        assert right <= table.scrollable_content_region.width  # no scrolling to see it
        assert [str(table.get_row_at(9)[at]), str(table.get_row_at(8)[at])] == ["1", "4"]
        await pilot.press("I")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, InterestsDialog)
        shown = str(dialog.query_one("#interests-text", Static).render())
        assert FULLER in shown.split("\n\n")
        assert (
            '10. Milton Keynes (MK) Together Health and Care Partnership – MK "Deal": '
            "Michael Bracey — Milton Keynes Council"
        ) in shown.split("\n\n")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        for words in ("interest", "register"):
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*words)
            found = app.screen.query_one(OptionList)
            for _ in range(200):  # the palette searches in the background
                if found.option_count:
                    break
                await pilot.pause(0.05)
            assert "Possible interests from the register (I)" in str(
                found.get_option_at_index(0).prompt
            )
            await pilot.press("escape")
            await pilot.pause()
