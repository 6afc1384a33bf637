"""Pilot tests of bringing a tracker in from the tracker screen (`i`; docs/actions.md
"Bringing a tracker in"), on the demo: seed 003's Action Tracker (Excel, its rows
numbered on from 4, the demo having 1 to 3) is stored whole; owners not known are
stored only when the secretary chooses to add them as new people; a row that cannot be
read is named with its reason and nothing is stored; Escape stores nothing; a file that
is not a tracker is one message in the form."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Select, Static

from minutebook.domain.actions import Action, ActionStatus
from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.committee import CommitteeScreen
from minutebook.tui.screens.tracker import TrackerScreen
from minutebook.tui.screens.tracker_import import TrackerImportScreen
from minutebook.tui.widgets.form import FormScreen
from tests.interchange.trackers import (
    ACTION_1,
    ACTION_2,
    ACTION_3,
    HEADINGS_003,
    KEY_003,
    ROWS_003,
    UNKNOWN_OWNERS,
    renumbered,
    seed_003_workbook,
    write_csv,
    write_docx,
    write_xlsx,
)

NOW = datetime(2022, 9, 1, 9, 0)


def stored(store: Store) -> tuple[list[Action], set[str]]:
    return store.actions("ICB"), {p.id for p in store.people()}


def _column(table: DataTable[object], column: int) -> list[str]:
    return [str(table.get_row_at(r)[column]) for r in range(table.row_count)]


def _text(screen: object, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())  # type: ignore[attr-defined]


async def _preview(app: MinutebookApp, pilot: Pilot[None], path: Path) -> TrackerImportScreen:
    """The ICB's tracker screen, `i`, the file typed, Enter: the preview."""
    await pilot.pause()
    app.push_screen(TrackerScreen("ICB"))
    await pilot.pause()
    await _read(app, pilot, str(path))
    preview = app.screen
    assert isinstance(preview, TrackerImportScreen)
    return preview


async def _read(app: MinutebookApp, pilot: Pilot[None], typed: str) -> None:
    """On the tracker screen: `i`, the file typed, Enter."""
    await pilot.press("i")
    await pilot.pause()
    form = app.screen
    assert isinstance(form, FormScreen)
    form.query_one("#field-file", Input).value = typed
    await pilot.press("enter")
    await pilot.pause()


async def test_seed_003s_tracker_is_previewed_then_stored_whole(
    demo_store: Store, tmp_path: Path
) -> None:
    store = demo_store
    path = seed_003_workbook(tmp_path, first=4)
    app = MinutebookApp(store, clock=lambda: NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(CommitteeScreen("ICB"))
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        tracker = app.screen
        assert isinstance(tracker, TrackerScreen)
        titles = [title for title, _, _ in tracker.palette_commands()]
        assert "Bring a tracker in (i)" in titles
        await _read(app, pilot, str(path))
        preview = app.screen
        assert isinstance(preview, TrackerImportScreen)
        table = preview.query_one("#import-actions", DataTable)
        assert _column(table, 0) == ["4", "5", "6"]
        assert _column(table, 3) == ["Maria Wogan", "Maria Wogan", "Michelle Su…"]
        assert _column(table, 5) == ["In progress", "Complete", "Complete"]
        assert "3 actions to store in ICB's tracker" in _text(preview, "#import-title")
        assert "row 12 · agreed 1 July 2022" in _text(preview, "#import-row")
        assert not preview.query("#import-add-people")  # every owner is known
        assert len(store.actions("ICB")) == 3  # nothing stored while it is previewed
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is tracker
        said = [n.message for n in app._notifications]
        assert "Stored 3 actions in ICB's tracker (numbers 4–6)." in said
        shown = tracker.query_one("#tracker", DataTable)
        assert _column(shown, 0) == ["1", "2", "3", "4", "5", "6"]
        assert shown.cursor_row == 3  # the first action brought in
    new = [a for a in store.actions("ICB") if (a.number or 0) >= 4]
    assert [(a.number, a.description, a.owner) for a in new] == [
        (4, ACTION_1, "wogan"),
        (5, ACTION_2, "wogan"),
        (6, ACTION_3, "summers"),
    ]
    assert {a.meeting_date for a in new} == {date(2022, 7, 1)}
    assert new[1].status is ActionStatus.COMPLETE_PROPOSE_CLOSURE


async def test_unknown_owners_are_stored_only_when_added_as_new_people(
    demo_store: Store, tmp_path: Path
) -> None:
    store = demo_store
    before, people = stored(store)
    path = write_csv(tmp_path / "tracker.csv", UNKNOWN_OWNERS)
    app = MinutebookApp(store, clock=lambda: NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        preview = await _preview(app, pilot, path)
        table = preview.query_one("#import-actions", DataTable)
        assert _column(table, 3) == ["Ross Graves", "*Jo Bloggs", "*jo bloggs"]
        assert "Not known to Minutebook (* in the list): Cllr Jo Bloggs" in _text(
            preview, "#import-report-text"
        )
        choice = preview.query_one("#import-add-people", Select)
        assert choice.value is False
        # Not added: refused, nothing stored, the preview stays.
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is preview
        assert "Not known to Minutebook: Cllr Jo Bloggs" in _text(preview, "#import-message")
        assert stored(store) == (before, people)
        # Added: stored, with the one new person.
        choice.value = True
        await pilot.pause()
        assert _text(preview, "#import-message") == ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TrackerScreen)
        said = [n.message for n in app._notifications]
        assert (
            "Stored 3 actions in ICB's tracker (numbers 4–6).\nAdded 1 new person: Jo Bloggs"
            in said
        )
    actions, now = stored(store)
    (added,) = now - people
    assert (store.person(added).name, store.person(added).honorific) == ("Jo Bloggs", "Cllr")
    new = {a.number: a for a in actions if (a.number or 0) >= 4}
    assert (new[4].owner, new[4].description) == ("graves", "Digital plan (with COSACS)")
    assert new[5].owner == new[6].owner == added


async def test_a_row_that_cannot_be_read_is_named_and_nothing_is_stored(
    demo_store: Store, tmp_path: Path
) -> None:
    store = demo_store
    before = stored(store)
    rows = [*renumbered(ROWS_003, 4)]
    rows[1] = (5, "31/02/2022", *rows[1][2:])
    path = write_docx(tmp_path / "tracker.docx", [KEY_003, [HEADINGS_003, *rows]])
    app = MinutebookApp(store, clock=lambda: NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        preview = await _preview(app, pilot, path)
        report = _text(preview, "#import-report-text")
        assert "Nothing can be stored: 1 row(s) cannot be read" in report
        assert "table 2, row 3: Meeting Date: '31/02/2022' is not a real date" in report
        assert "1 row(s) cannot be read" in _text(preview, "#import-title")
        await pilot.press("enter")  # on the list: refused, and it stays refused
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is preview
        assert "cannot be read; nothing was stored" in _text(preview, "#import-message")
    assert stored(store) == before


async def test_escape_leaves_with_nothing_stored(demo_store: Store, tmp_path: Path) -> None:
    store = demo_store
    before = stored(store)
    path = write_csv(tmp_path / "tracker.csv", UNKNOWN_OWNERS)
    app = MinutebookApp(store, clock=lambda: NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        preview = await _preview(app, pilot, path)
        tracker = app.screen_stack[-2]
        preview.query_one("#import-add-people", Select).value = True
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is tracker
        assert not [n for n in app._notifications if n.message.startswith("Stored")]
    assert stored(store) == before


async def test_a_file_that_is_not_a_tracker_is_one_message_in_the_form(
    demo_store: Store, tmp_path: Path
) -> None:
    store = demo_store
    before = stored(store)
    no_headings = write_xlsx(tmp_path / "t.xlsx", {"A": [("Date", "Who", "What"), *ROWS_003]})
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    home = Path("~").expanduser()
    app = MinutebookApp(store, clock=lambda: NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(TrackerScreen("ICB"))
        await pilot.pause()
        cases = {
            str(tmp_path / "missing.xlsx"): f"{tmp_path / 'missing.xlsx'} cannot be read",
            f'"{tmp_path}"': f"{tmp_path} is a folder: give the tracker's file in it",
            str(tmp_path / "notes.txt"): "notes.txt is not a .docx, .xlsx or .csv file",
            str(no_headings): f"{no_headings} has no heading row",
            "~/no such tracker.xlsx": f"{home / 'no such tracker.xlsx'} cannot be read",
            "  ": "Give the tracker's file",
        }
        await pilot.press("i")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        for typed, message in cases.items():
            form.query_one("#field-file", Input).value = typed
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen is form, typed
            assert message in _text(form, "#form-errors"), typed
        # The file typed last is offered again.
        form.query_one("#field-file", Input).value = str(no_headings)
        await pilot.press("ctrl+s", "escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, TrackerScreen)
        await pilot.press("i")
        await pilot.pause()
        assert app.screen.query_one("#field-file", Input).value == str(no_headings)
    assert stored(store) == before
