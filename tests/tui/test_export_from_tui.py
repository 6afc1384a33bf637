"""Exporting from the meeting screen: the file is built in a worker and saved where asked."""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

import docx
import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.meeting import MeetingScreen
from minutebook.tui.widgets.form import FormScreen


async def open_the_export_form(app: MinutebookApp, pilot: Pilot[None], meeting_id: int) -> None:
    """The meeting screen, then `x`: the export form, its folder field in view."""
    await pilot.pause()
    app.push_screen(MeetingScreen(meeting_id))
    await pilot.pause()
    await pilot.press("x")
    await pilot.pause()


async def test_minutes_are_exported_to_the_chosen_folder(demo_store: Store, tmp_path: Path) -> None:
    meeting_id = demo_store.meeting_on("HCP", date(2023, 6, 13)).id or 0
    app = MinutebookApp(demo_store, clock=lambda: datetime(2023, 6, 20, 9, 0))
    out = tmp_path / "exports"
    out.mkdir()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_the_export_form(app, pilot, meeting_id)
        assert isinstance(app.screen, FormScreen)
        app.screen.query_one("#field-folder", Input).value = str(out)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        target = out / "HCP minutes 2023-06-13 (draft).docx"
        assert target.is_file()
        # Asking again offers the folder just used (the secretary saves several
        # documents after a meeting), and does not overwrite without being told to.
        await pilot.press("x")
        await pilot.pause()
        assert app.screen.query_one("#field-folder", Input).value == str(out)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert "already exists" in str(app.screen.query_one("#form-errors", Static).render())
        app.screen.query_one("#field-what", Select).value = "agenda"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "HCP1 Welcome, Introductions and Apologies" in text
    assert (out / "HCP agenda 2023-06-13.docx").is_file()
    assert not list(out.glob(".*.partial"))


async def test_the_minutes_tab_shows_declarations_and_scrolls_at_once(
    demo_store: Store, tmp_path: Path
) -> None:
    from minutebook.domain import Attendance, Declaration
    from minutebook.domain.quorum import Ruling

    meeting_id = demo_store.meeting_on("HCP", date(2023, 9, 20)).id or 0
    demo_store.add_attendance(meeting_id, Attendance(person="heath"))
    demo_store.write_narrative(meeting_id, 4, "The Partnership discussed the plan.")
    demo_store.add_declaration(
        meeting_id,
        Declaration(person="heath", item=4, nature="Governor of MKUH", ruling=Ruling.LEAVE),
    )
    app = MinutebookApp(demo_store, clock=lambda: datetime(2023, 9, 20, 15, 0))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(MeetingScreen(meeting_id))
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        # The arrows and PageDown reach the text without a Tab first.
        assert app.focused is not None and app.focused.id == "minutes-scroll"
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        text = screen.shown["minutes"]
    assert (
        "Declared: Mac Heath, financial interest (Governor of MKUH); "
        "the Chair's ruling: left the meeting for the item"
    ) in text
    assert text.index("Declared:") < text.index("The Partnership discussed the plan.")


async def test_the_apps_public_tracker_leaves_out_confidential_actions(
    demo_store: Store, tmp_path: Path
) -> None:
    """The tracker exported from a meeting knows which business is confidential."""
    meeting_id = demo_store.meeting_on("HCP", date(2023, 6, 13)).id or 0
    item = next(i for i in demo_store.agenda(meeting_id) if i.number == 6)
    demo_store.update_agenda_item(item.model_copy(update={"confidential": True}))
    app = MinutebookApp(demo_store, clock=lambda: datetime(2023, 6, 20, 9, 0))
    out = tmp_path / "exports"
    out.mkdir()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(MeetingScreen(meeting_id))
        await pilot.pause()
        for what in ("tracker", "confidential_tracker"):
            await pilot.press("x")
            await pilot.pause()
            app.screen.query_one("#field-folder", Input).value = str(out)
            app.screen.query_one("#field-what", Select).value = what
            await pilot.press("ctrl+s")
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()

    def text(pattern: str) -> str:
        (path,) = out.glob(pattern)
        cells = [c.text for t in docx.Document(str(path)).tables for r in t.rows for c in r.cells]
        return " ".join(cells)

    # The seeded tracker's two actions were agreed under item 6, now confidential.
    assert "Bletchley" not in text("HCP decision tracker *.docx")
    assert "Bletchley" in text("HCP confidential decision tracker *.docx")


async def test_the_app_never_replaces_a_file_made_while_it_exported(
    demo_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With "stop and say so", a file of the same name that another export puts there
    while this one is being written is kept, not silently replaced."""
    from minutebook.exporters import output

    meeting_id = demo_store.meeting_on("HCP", date(2023, 6, 13)).id or 0
    out = tmp_path / "exports"
    out.mkdir()
    target = out / "HCP minutes 2023-06-13 (draft).docx"
    real_fsync = os.fsync

    def another_export_meanwhile(descriptor: int) -> None:
        if not target.exists():
            target.write_bytes(b"the other export")
        real_fsync(descriptor)

    monkeypatch.setattr(output.os, "fsync", another_export_meanwhile)
    app = MinutebookApp(demo_store, clock=lambda: datetime(2023, 6, 20, 9, 0))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_the_export_form(app, pilot, meeting_id)
        app.screen.query_one("#field-folder", Input).value = str(out)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert target.read_bytes() == b"the other export"
    assert [p.name for p in out.iterdir()] == [target.name]


@pytest.mark.parametrize("folder", ["m" * 300, "~no-such-user-of-minutebook"])
async def test_a_folder_the_system_cannot_find_is_explained(
    demo_store: Store, tmp_path: Path, folder: str
) -> None:
    """Found by fuzzing: a path too long, or a home folder that does not exist, ended
    the form with a traceback."""
    meeting_id = demo_store.meeting_on("HCP", date(2023, 6, 13)).id or 0
    app = MinutebookApp(demo_store, clock=lambda: datetime(2023, 6, 20, 9, 0))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_the_export_form(app, pilot, meeting_id)
        path = folder if folder.startswith("~") else str(tmp_path / folder)
        app.screen.query_one("#field-folder", Input).value = path
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert "Into the folder: " in str(app.screen.query_one("#form-errors", Static).render())


async def test_the_app_refuses_a_folder_where_the_document_would_go(
    demo_store: Store, tmp_path: Path
) -> None:
    meeting_id = demo_store.meeting_on("HCP", date(2023, 6, 13)).id or 0
    out = tmp_path / "exports"
    (out / "HCP minutes 2023-06-13 (draft).docx").mkdir(parents=True)
    app = MinutebookApp(demo_store, clock=lambda: datetime(2023, 6, 20, 9, 0))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_the_export_form(app, pilot, meeting_id)
        app.screen.query_one("#field-folder", Input).value = str(out)
        app.screen.query_one("#field-replace", Select).value = "yes"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert "is a folder, not a file" in str(
            app.screen.query_one("#form-errors", Static).render()
        )
    assert (out / "HCP minutes 2023-06-13 (draft).docx").is_dir()
