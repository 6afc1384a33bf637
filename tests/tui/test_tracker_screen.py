"""Pilot tests of the committee's action tracker (docs/actions.md): filters, each
action's history of reviews, a correction stored (and refused on signed minutes), and
one owner's list as email text, a text file and a Word document."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import docx
from textual.widgets import DataTable, Input, Select, Static

from minutebook.application.lifecycle import MinutesLifecycle
from minutebook.application.matters import MattersArising
from minutebook.domain import Meeting
from minutebook.domain.actions import ActionStatus
from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.committee import CommitteeScreen
from minutebook.tui.screens.tracker import OwnerListScreen, TrackerScreen
from minutebook.tui.widgets.form import FormScreen

NOW = datetime(2022, 9, 1, 9, 0)


def _due_at_the_july_board(store: Store) -> None:
    """The demo's tracker gives action 1 no deadline, as seed 003's prints none: here it
    is due at the 29 July 2022 Board (as its minutes say) and in progress, so that it is
    overdue in September."""
    first = store.actions("ICB")[0]
    changed = {"due": date(2022, 7, 29), "status": ActionStatus.IN_PROGRESS}
    store.edit_action(first.model_copy(update=changed))


def _numbers(table: DataTable[object]) -> list[str]:
    return [str(table.get_row_at(r)[0]) for r in range(table.row_count)]


async def test_tracker_filters_history_and_corrections(demo_store: Store) -> None:
    store = demo_store
    _due_at_the_july_board(store)
    july29 = store.meeting_on("ICB", date(2022, 7, 29))
    MattersArising(store, july29.id or 0).record(
        store.actions("ICB")[2].id or 0, ActionStatus.CLOSED, update="Published on the website"
    )
    app = MinutebookApp(store, clock=lambda: NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(CommitteeScreen("ICB"))
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TrackerScreen)
        table = screen.query_one("#tracker", DataTable)
        assert _numbers(table) == ["1", "2"]  # open: action 3 was closed on 29/07/2022
        await pilot.press("a")
        assert _numbers(table) == ["1", "2", "3"]
        await pilot.press("end")
        detail = str(screen.query_one("#tracker-detail", Static).render())
        assert "29/07/2022 Closed CLOSED: Published on the website" in detail
        await pilot.press("d")  # overdue on 1 September 2022: action 1 (in progress)
        assert _numbers(table) == ["1"]
        # Filter by owner: Michelle Summers owns action 3 only.
        await pilot.press("f")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-owner", Select).value = "summers"
        form.query_one("#field-overdue", Select).value = False
        form.query_one("#field-open_only", Select).value = False
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert _numbers(table) == ["3"]
        assert "Michelle Summers" in str(screen.query_one("#tracker-title", Static).render())

        # A correction of an action of draft minutes is stored ...
        await pilot.press("a", "home", "e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-due", Input).value = "30/09/2022"
        # ... and so is the name the minutes' Action column prints for it.
        form.query_one("#field-mark", Input).value = "Maria Wogan / COSACS"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TrackerScreen)
    assert store.actions("ICB")[0].due == date(2022, 9, 30)
    assert store.actions("ICB")[0].mark == "Maria Wogan / COSACS"


async def test_actions_of_signed_minutes_cannot_be_corrected(demo_store: Store) -> None:
    store = demo_store
    july = store.meeting_on("ICB", date(2022, 7, 1))
    later = store.meeting_on("ICB", date(2022, 7, 29))
    MinutesLifecycle(store).approve(
        later.id or 0,
        july.id or 0,
        item=3,
        amendment=None,
        chair="Dr Rima Makarem",
        signed_on=date(2022, 7, 29),
        today=date(2022, 7, 29),
    )
    before = store.actions("ICB")[0]
    app = MinutebookApp(store, clock=lambda: NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(TrackerScreen("ICB"))
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-description", Input).value = "Something else"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)  # refused, kept as typed
        assert "signed" in str(form.query_one("#form-errors", Static).render())
    assert store.actions("ICB")[0] == before


async def test_an_owners_list_as_text_and_documents(demo_store: Store, tmp_path: Path) -> None:
    store = demo_store
    _due_at_the_july_board(store)
    store.add_meeting(Meeting(committee="ICB", date=date(2022, 9, 30)))
    app = MinutebookApp(store, clock=lambda: NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(TrackerScreen("ICB"))
        await pilot.pause()
        await pilot.press("l")  # the owner of action 1: Maria Wogan
        await pilot.pause()
        owner_list = app.screen
        assert isinstance(owner_list, OwnerListScreen)
        text = owner_list.text
        assert text.startswith(
            "Board of the Bedfordshire, Luton and Milton Keynes Integrated Care Board: "
        )
        assert "actions for Maria Wogan before the " in text
        assert "meeting on 30 September 2022" in text
        assert "Action 1 (agreed 01/07/2022, minute 4)" in text
        assert "Due 29/07/2022 (overdue)" in text
        assert "Action 3" not in text  # Michelle Summers's
        await pilot.press("s")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-folder", Input).value = str(tmp_path)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
    [saved_text] = tmp_path.glob("*.txt")
    assert saved_text.name == "ICB actions for Maria Wogan 2022-09-01.txt"
    assert saved_text.read_text(encoding="utf-8") == text
    [saved_docx] = tmp_path.glob("*.docx")
    document = docx.Document(str(saved_docx))
    cells = [c.text for c in document.tables[0].rows[1].cells]
    assert cells[0] == "1" and cells[3] == "29/07/2022 (overdue)"
    assert len(document.tables[0].rows) == 3  # heading and her two open actions
