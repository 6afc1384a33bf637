"""Pilot tests of the compliance settings and the annual report in the app
(docs/compliance.md, docs/exports.md): the ToR screen asks the number of meetings a year
and the turnaround rule and saves them with the new version; `y` (or "Annual report" in
the palette) on the committee screen asks the year and the folder and writes the report."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import docx
from textual.widgets import Input, OptionList, Select, Static

from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.committee import CommitteeScreen
from minutebook.tui.screens.terms import TermsScreen
from minutebook.tui.widgets.form import FormScreen

SIZE = (100, 30)
DECEMBER = datetime(2023, 12, 1, 10, 0)


async def _on_committee(pilot, code: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()
    pilot.app.push_screen(CommitteeScreen(code))
    await pilot.pause()


async def test_the_terms_screen_saves_the_compliance_settings(demo_store: Store) -> None:
    app = MinutebookApp(demo_store, clock=lambda: DECEMBER)
    async with app.run_test(size=SIZE) as pilot:
        await _on_committee(pilot, "ICB")
        await pilot.press("3", "e")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TermsScreen)
        assert screen.query_one("#per-year", Input).value == ""
        assert screen.query_one("#approve-next", Select).value == "usual"
        screen.query_one("#per-year", Input).value = "six"
        await pilot.press("ctrl+s")
        await pilot.pause()
        errors = str(screen.query_one("#terms-errors", Static).render())
        assert "Meets at least (a year): give a whole number from 1 to 366" in errors
        screen.query_one("#per-year", Input).value = "6"
        screen.query_one("#circulate-within", Input).value = "5"
        screen.query_one("#approve-next", Select).value = "no"
        screen.query_one("#adopted", Input).value = "01/12/2023"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CommitteeScreen)
    new = demo_store.terms_of_reference("ICB")[-1]
    assert (new.version, new.adopted) == (2, date(2023, 12, 1))
    assert (
        new.meetings_per_year,
        new.minutes_circulated_within,
        new.minutes_approved_at_next,
    ) == (6, 5, False)


async def test_the_annual_report_from_the_committee_screen(
    demo_store: Store, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    app = MinutebookApp(demo_store, clock=lambda: DECEMBER)
    async with app.run_test(size=SIZE) as pilot:
        await _on_committee(pilot, "HCP")
        await pilot.press("y")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        # 1 December 2023 is in the municipal year 2023/24: the last whole one is 2022/23.
        year = form.query_one("#field-year", Input)
        assert year.value == "2022"
        year.value = "twenty"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # refused, with the year's words
        # "²" passes str.isdigit but int() cannot read it: the app stopped on it.
        year.value = "2²"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "Year: give the year" in str(form.query_one("#form-errors", Static).render())
        year.value = "2023"
        await pilot.press("ctrl+s")
        await pilot.pause()
        folder_form = app.screen
        assert isinstance(folder_form, FormScreen) and folder_form is not form
        folder_form.query_one("#field-folder", Input).value = str(folder)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
    document = docx.Document(str(folder / "HCP annual report 2023-24.docx"))
    assert document.paragraphs[0].text == (
        "Milton Keynes Health and Care Partnership: Annual Report 2023/24"
    )


async def test_the_palette_finds_the_annual_report(demo_store: Store) -> None:
    app = MinutebookApp(demo_store, clock=lambda: DECEMBER)
    async with app.run_test(size=SIZE) as pilot:
        await _on_committee(pilot, "ICB")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"annual report")
        found = app.screen.query_one(OptionList)
        for _ in range(200):  # the palette searches in the background
            if found.option_count and "Annual report" in str(found.get_option_at_index(0).prompt):
                break
            await pilot.pause(0.05)
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        # An NHS board's financial year: 1 December 2023 is in 2023/24.
        assert form.query_one("#field-year", Input).value == "2022"
