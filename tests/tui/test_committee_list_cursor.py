"""Pilot test of the committees list: a committee just created is the one under the
cursor, so Enter opens it (the list is by name: a new one may move the others down)."""

from __future__ import annotations

from textual.widgets import DataTable, Input

from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.committee import CommitteeScreen


async def test_enter_opens_the_committee_just_created(demo_store: Store) -> None:
    app = MinutebookApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#committees", DataTable)
        table.move_cursor(row=1)  # ICB (the list is by name)
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        for field, text in (("code", "FIN"), ("name", "Audit and Finance Committee")):
            app.screen.query_one(f"#field-{field}", Input).value = text
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        codes = [str(table.get_row_at(r)[0]) for r in range(table.row_count)]
        assert codes[0] == "FIN"  # listed first, the others a row further down
        assert codes[table.cursor_row] == "FIN"
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CommitteeScreen)
        assert screen.code == "FIN"
