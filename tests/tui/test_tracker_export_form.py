"""The export form asks which meeting the tracker is presented to: the committee's next
meeting by the app's clock unless another is chosen; the file is named by that meeting
and holds the tracker as at that meeting (docs/actions.md)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import docx
from textual.widgets import Input, Select

from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.meeting import MeetingScreen
from minutebook.tui.widgets.form import FormScreen


async def test_the_tracker_is_exported_for_the_meeting_chosen(
    demo_store: Store, tmp_path: Path
) -> None:
    june = demo_store.meeting_on("HCP", date(2023, 6, 13)).id or 0
    app = MinutebookApp(demo_store, clock=lambda: datetime(2023, 6, 20, 9, 0))
    out = tmp_path / "exports"
    out.mkdir()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(MeetingScreen(june))
        await pilot.pause()
        for chosen in (None, "2023-06-13"):
            await pilot.press("x")
            await pilot.pause()
            form = app.screen
            assert isinstance(form, FormScreen)
            meeting = form.query_one("#field-for_meeting", Select)
            # The next meeting after 20 June 2023, by the app's clock.
            assert meeting.value == "2023-09-20"
            if chosen:
                meeting.value = chosen
            form.query_one("#field-what", Select).value = "tracker"
            form.query_one("#field-folder", Input).value = str(out)
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, MeetingScreen)
            await app.workers.wait_for_complete()
            await pilot.pause()

    def text(name: str) -> list[str]:
        document = docx.Document(str(out / name))
        cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
        return [p.text for p in document.paragraphs] + cells

    september = text("HCP decision tracker 2023-09-20.docx")
    assert "Presented to Milton Keynes Health and Care Partnership: 20/09/2023" in september
    assert "THE MK DEAL" in september
    # Presented to 13 June 2023: the MK Deal actions were agreed at that meeting, not before.
    june_tracker = text("HCP decision tracker 2023-06-13.docx")
    assert "Presented to Milton Keynes Health and Care Partnership: 13/06/2023" in june_tracker
    assert "There are no outstanding action points." in june_tracker
    assert "THE MK DEAL" not in june_tracker
