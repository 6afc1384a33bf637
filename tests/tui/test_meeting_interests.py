"""The register's possible interests on the meeting screen before the meeting, at 80x24,
on the demo ICB Board's meeting of 29 July 2022 (seed 003's register kept): the agenda's
"Int." column is on screen (it stood after six other columns, past the 80th), and `I`
or the palette ("interest", "register") names each item's members and interests, as
`application.interest_prompts` answers them."""

from __future__ import annotations

from datetime import date, datetime

from textual.widgets import DataTable, OptionList, Static

from minutebook.application.capture import MeetingCapture
from minutebook.application.interest_prompts import MeetingPrompts
from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.meeting import MeetingScreen
from minutebook.tui.screens.meeting_interests import InterestsDialog

NOW = datetime(2022, 7, 20, 10, 0)  # a week before the meeting

FULLER = (
    "9. Next Steps for Integrating Primary Care: Fuller Stocktake\n"
    "  Joe Harrison — National Association of Primary Care\n"
    "  Dr Omotayo Kufeji — The Bridge PCN\n"
    "  Mahesh Shah — Oasis PCN\n"
    "  Dr Sarah Whiteman — Stonedean Practice"
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
            '10. Milton Keynes (MK) Together Health and Care Partnership – MK "Deal"\n'
            "  Michael Bracey — Milton Keynes Council"
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


async def test_the_int_column_and_i_say_what_was_declared_and_dismissed(
    demo_store: Store,
) -> None:
    """At the meeting, item 9: Dr Kufeji declares, Mahesh Shah's and Dr Whiteman's
    prompts are dismissed; at item 11, which prompts no one, Felicity Cox declares. The
    column says "1 1D 2X" and "1D"; `I` names them, the long organisations whole."""
    meeting_id = demo_store.meeting_on("ICB", date(2022, 7, 29)).id or 0
    capture = MeetingCapture(demo_store, meeting_id, lambda: datetime(2022, 7, 29, 11, 0))
    for member in ("harrison", "kufeji", "shah", "whiteman", "cox"):
        capture.mark(member, "present", 1)
    capture.declare("kufeji", 9, "financial", "Clinical Director", "remain", 9)
    capture.declare("cox", 11, "financial", "Cardiology adviser", "remain", 11)
    prompts = MeetingPrompts(capture)
    for prompt in prompts.open_at(9):
        if prompt.person in ("shah", "whiteman"):
            prompts.dismiss(9, prompt)
    app = MinutebookApp(demo_store, clock=lambda: datetime(2022, 7, 30, 9, 0))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(MeetingScreen(meeting_id))
        await pilot.pause()
        table = app.screen.query_one("#agenda-table", DataTable)
        at = [str(c.label) for c in table.ordered_columns].index("Int.")
        column = [str(table.get_row_at(row)[at]) for row in range(table.row_count)]
        assert column[8:11] == ["1 1D 2X", "1", "1D"]
        await pilot.press("I")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, InterestsDialog)
        shown = str(dialog.query_one("#interests-text", Static).render()).split("\n\n")
        assert (
            "9. Next Steps for Integrating Primary Care: Fuller Stocktake\n"
            "  Joe Harrison — National Association of Primary Care\n"
            "  declared: Dr Omotayo Kufeji\n"
            "  dismissed: Mahesh Shah — Oasis PCN; Dr Sarah Whiteman — Stonedean Practice"
        ) in shown
        assert (
            "11. Commissioner Review of Percutaneous Coronary Intervention\n"
            "  declared: Felicity Cox"
        ) in shown
        assert (
            "16. Committee Reports\n  Cllr Tracey Stock — Bedfordshire, Luton and Milton "
            "Keynes Health and Care Partnership"
        ) in shown
        keys = str(dialog.query_one(".dialog-keys", Static).render())
        assert keys.startswith("In live capture (l)")
