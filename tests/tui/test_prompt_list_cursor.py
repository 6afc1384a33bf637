"""The F5 list of an item's prompts after a dismissal (docs/register.md#prompts): on the
demo ICB's meeting of 29 July 2022, item 9 (four prompts), everyone marked present
with F2 then P (capital), at 80x24 on a real temporary database. After each refresh the cursor
rests on the first row, visibly highlighted, and r restores a dismissed row at once in
the same opening of the list."""

from __future__ import annotations

from datetime import date, datetime

from textual.widgets import OptionList

from minutebook.domain.timeline import EventKind
from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.live import LiveMeetingScreen
from minutebook.tui.screens.live_prompt_list import PromptListDialog

NOW = datetime(2022, 7, 29, 11, 5)


def _rows(dialog: PromptListDialog) -> list[str]:
    options = dialog.query_one("#prompt-list", OptionList)
    return [str(options.get_option_at_index(n).prompt) for n in range(options.option_count)]


async def test_a_prompt_dismissed_is_restored_in_the_same_opening_of_the_list(
    demo_store: Store,
) -> None:
    meeting_id = demo_store.meeting_on("ICB", date(2022, 7, 29)).id or 0
    app = MinutebookApp(demo_store, clock=lambda: NOW, open_meeting=meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LiveMeetingScreen)
        await pilot.press("f2", "P")
        await pilot.pause()
        if app.screen is not screen:
            await pilot.press("escape")
            await pilot.pause()
        screen.go_to(9)
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PromptListDialog)
        downs = _rows(dialog).index("Mahesh Shah — Oasis PCN")
        await pilot.press(*["down"] * downs, "d", "y")
        await pilot.pause()
        assert app.screen is dialog
        assert _rows(dialog)[-1] == "Mahesh Shah — Oasis PCN (dismissed)"
        options = dialog.query_one("#prompt-list", OptionList)
        assert options.highlighted == 0  # a real row, the first
        assert options.has_focus
        # Visibly: the first row is drawn unlike the others.
        first, second = (
            {str(seg.style) for seg in options.render_line(y) if seg.text.strip()} for y in (0, 1)
        )
        assert first != second
        # r on an open row says why nothing happens.
        await pilot.press("r")
        await pilot.pause()
        assert any(
            n.message == "Only a dismissed prompt can be restored" for n in app._notifications
        )
        await pilot.press("up")  # from the first row to the last: Mahesh Shah's, dismissed
        await pilot.pause()
        assert options.highlighted == len(_rows(dialog)) - 1
        await pilot.press("r")
        await pilot.pause()
        assert "Mahesh Shah — Oasis PCN" in _rows(dialog)
        assert not any("(dismissed)" in row for row in _rows(dialog))
        assert options.highlighted == 0
        await pilot.press("escape")
    events = demo_store.timeline(meeting_id)
    (withdrawn,) = [e for e in events if e.kind is EventKind.WITHDRAWN]
    shah = next(e for e in events if e.kind is EventKind.DISMISSED and e.person == "shah")
    assert withdrawn.ref == shah.id
