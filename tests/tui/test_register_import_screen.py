"""Pilot tests of bringing a register in from the register screen (`i`; docs/register.md
"Bringing a register in"), on the demo: seed 003's register as an Excel sheet is
previewed, Geraint Davies is offered as a new person, and with "Add them as new people"
Yes the whole file is stored (Joe Harrison's nine interests, Alison Borrett's nil
return); Escape on the preview stores nothing."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Select, Static

from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.committee import CommitteeScreen
from minutebook.tui.screens.register import RegisterScreen
from minutebook.tui.screens.register_import import RegisterImportScreen
from minutebook.tui.widgets.form import FormScreen
from tests.interchange.registers import write_register_xlsx

NOW = datetime(2022, 9, 1, 9, 0)


@pytest.fixture
def demo_file(demo_file_without_registers: Path) -> Path:
    """The demo before its register of interests is kept: seed 003's is brought in here."""
    return demo_file_without_registers


def _counts(store: Store) -> tuple[int, int, int]:
    return len(store.interests("ICB")), len(store.nil_returns("ICB")), len(store.people())


async def _preview(app: MinutebookApp, pilot: Pilot[None], path: Path) -> RegisterImportScreen:
    """The ICB's committee screen, `g`, `i`, the file typed, Enter: the preview."""
    await pilot.pause()
    app.push_screen(CommitteeScreen("ICB"))
    await pilot.pause()
    await pilot.press("g")
    await pilot.pause()
    assert isinstance(app.screen, RegisterScreen)
    await pilot.press("i")
    await pilot.pause()
    form = app.screen
    assert isinstance(form, FormScreen)
    form.query_one("#field-file", Input).value = f'"{path}"'  # as "copy as path" gives it
    await pilot.press("enter")
    await pilot.pause()
    preview = app.screen
    assert isinstance(preview, RegisterImportScreen)
    return preview


async def test_seed_003s_register_is_previewed_then_stored_whole(
    demo_store: Store, tmp_path: Path
) -> None:
    store = demo_store
    path = write_register_xlsx(tmp_path / "register.xlsx")
    before = _counts(store)
    app = MinutebookApp(store, clock=lambda: NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        preview = await _preview(app, pilot, path)
        report = str(preview.query_one("#import-report-text", Static).render())
        assert "Not known to Minutebook (* in the list): Geraint Davies" in report
        assert _counts(store) == before  # a preview stores nothing
        # Each type in the register screen's words ("prof.", not "non financia…").
        types = {str(t) for t in preview.query_one(DataTable).get_column_at(1)}
        assert types <= {"financial", "prof.", "personal", "indirect", ""}, types

        await pilot.press("ctrl+s")  # not yet: Geraint Davies is not known
        await pilot.pause()
        assert app.screen is preview
        refusal = str(preview.query_one("#import-message", Static).render())
        assert "Geraint Davies" in refusal
        assert "--add-people" not in refusal  # a command-line flag means nothing here
        assert _counts(store) == before

        preview.query_one("#import-add-people", Select).value = True
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RegisterScreen)
        stored = _counts(store)

        # The same file again (a yearly refresh that brings nothing new): every row is
        # passed over, Geraint Davies (added by the first import) is known and is the
        # committee's for the register, and nothing is stored.
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("enter")  # the file typed last time
        await pilot.pause()
        again = app.screen
        assert isinstance(again, RegisterImportScreen)
        report = str(again.query_one("#import-report-text", Static).render())
        assert "Geraint Davies" not in report and "cannot be read" not in report
        assert report.count(": already in the register, not stored again") == 55
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is again
        assert str(again.query_one("#import-message", Static).render()) == (
            "Nothing to store: every row of register.xlsx is already in ICB's register"
        )
        assert _counts(store) == stored

    names = {p.id: p.name for p in store.people()}
    assert "Geraint Davies" in names.values()
    harrison = [i for i in store.interests("ICB") if names[i.person] == "Joe Harrison"]
    assert len(harrison) == 9
    assert {i.declared_on for i in harrison} == {date(2022, 5, 16)}
    returned = {names[n.person]: n.declared_on for n in store.nil_returns("ICB")}
    assert returned["Alison Borrett"] == date(2022, 6, 21)
    assert _counts(store)[:2] == (before[0] + 42, before[1] + 13)


async def test_escape_on_the_preview_stores_nothing(demo_store: Store, tmp_path: Path) -> None:
    store = demo_store
    path = write_register_xlsx(tmp_path / "register.xlsx")
    before = _counts(store)
    app = MinutebookApp(store, clock=lambda: NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        preview = await _preview(app, pilot, path)
        preview.query_one("#import-add-people", Select).value = True
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RegisterScreen)
    assert _counts(store) == before
