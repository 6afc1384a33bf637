"""A form's hint is shown as written: the decision and action forms of live capture name
the line they write, [decision N] and [action N], which were read as markup and vanished
("as a line  (delete the line…", found by a new user)."""

from __future__ import annotations

from datetime import date, datetime

from textual.widgets import Static

from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.widgets.form import FormScreen


async def test_the_f3_and_f4_hints_name_the_line_they_write(demo_store: Store) -> None:
    sept = demo_store.meeting_on("HCP", date(2023, 9, 20)).id or 0
    app = MinutebookApp(demo_store, clock=lambda: datetime(2023, 9, 20, 14, 0), open_meeting=sept)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for key, line in (("f3", "[decision N]"), ("f4", "[action N]")):
            await pilot.press(key)
            await pilot.pause()
            form = app.screen
            assert isinstance(form, FormScreen)
            assert f"as a line {line}" in str(form.query_one("#form-hint", Static).render())
            await pilot.press("escape")
            await pilot.pause()
