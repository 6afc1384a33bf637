"""Pilot tests of the attendance screen (docs/attendance.md), reached with `n` on the
committee screen or "Attendance" in the palette: the demo council committee's record,
the six-month warning, the highlighted person's marks, and a period chosen."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import docx
from textual.widgets import DataTable, Input, OptionList, Static

from minutebook.domain.attendance_record import PASSED_WORDS
from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.attendance import AttendanceScreen
from minutebook.tui.screens.committee import CommitteeScreen
from minutebook.tui.widgets.form import FormScreen

SIZE = (100, 30)
NOVEMBER = datetime(2023, 11, 20, 10, 0)


def _text(screen: AttendanceScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def _rows(screen: AttendanceScreen) -> dict[str, list[str]]:
    table = screen.query_one("#attendance-table", DataTable)
    rows = [[str(cell) for cell in table.get_row_at(r)] for r in range(table.row_count)]
    return {row[0]: row[1:] for row in rows}


async def _on_committee(pilot, code: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()
    pilot.app.push_screen(CommitteeScreen(code))
    await pilot.pause()


async def test_the_council_committee_and_its_six_month_warning(demo_store: Store) -> None:
    app = MinutebookApp(demo_store, clock=lambda: NOVEMBER)
    async with app.run_test(size=SIZE) as pilot:
        await _on_committee(pilot, "HCP")
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AttendanceScreen)
        assert _text(screen, "#attendance-title") == "Attendance of the HCP, all meetings"
        rows = _rows(screen)
        assert rows["Councillor Peter Marland"] == ["1", "1", "0", "0", "0", "0", "0", "0", "1/1"]
        assert rows["Dr N Alam"] == ["1", "0", "0", "0", "0", "1", "0", "1", "1/0"]
        assert rows["Dr T Nguyen"][3] == "1"  # present as substitute
        assert (
            "Councillor Peter Marland last attended on 13/06/2023; six months end 13/12/2023"
            in _text(screen, "#attendance-six-months")
        )
        assert "Chair (Leader of the Council)" in _text(screen, "#attendance-detail")
        assert "13/06/2023 \u2713" in _text(screen, "#attendance-detail")

        await pilot.press("p")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-start", Input).value = "14/06/2023"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert _text(screen, "#attendance-title") == "Attendance of the HCP, from 14/06/2023"
        assert _rows(screen) == {}
        assert "20/09/2023 (no attendance recorded)" in _text(screen, "#attendance-meetings")


async def test_the_palette_finds_attendance(demo_store: Store) -> None:
    app = MinutebookApp(demo_store, clock=lambda: NOVEMBER)
    async with app.run_test(size=SIZE) as pilot:
        await _on_committee(pilot, "ICB")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"attendance")
        found = app.screen.query_one(OptionList)
        for _ in range(200):  # the palette searches in the background
            if found.option_count and "Attendance" in str(found.get_option_at_index(0).prompt):
                break
            await pilot.pause(0.05)
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AttendanceScreen)
        assert _rows(screen)["Dr Rima Makarem"] == ["1", "0", "1", "0", "0", "0", "0", "0", "1/1"]
        assert _text(screen, "#attendance-six-months") == ""  # an NHS board


async def test_the_record_shown_saved_as_word_and_csv(demo_store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    app = MinutebookApp(demo_store, clock=lambda: NOVEMBER)
    async with app.run_test(size=SIZE) as pilot:
        await _on_committee(pilot, "HCP")
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-folder", Input).value = str(folder)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        # The next save (here the register's, from its own screen) offers that folder.
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert app.screen.query_one("#field-folder", Input).value == str(folder)
    stem = "HCP attendance 2023-11-20"
    [table] = docx.Document(str(folder / f"{stem}.docx")).tables
    assert [cell.text for cell in table.rows[1].cells] == [
        "Councillor Peter Marland",
        "Chair (Leader of the Council)",
        "\u2713",
        "1 / 1",
    ]
    lines = (folder / f"{stem}.csv").read_text(encoding="utf-8").splitlines()
    assert lines[1].startswith("Councillor Peter Marland,Chair (Leader of the Council),1,1,")


async def test_at_80x24_every_warning_can_be_read_and_the_headings_have_a_key(
    demo_store: Store,
) -> None:
    # Three years on, all four councillors are past six months: each warning is a line
    # of its own, wrapped, and those that do not fit scroll into view.
    app = MinutebookApp(demo_store, clock=lambda: datetime(2026, 12, 1, 10, 0))
    async with app.run_test(size=(80, 24)) as pilot:
        await _on_committee(pilot, "HCP")
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AttendanceScreen)
        assert "Poss/Act possible / actual" in _text(screen, "#attendance-key")
        key = screen.query_one("#attendance-key", Static)
        assert key.region.height >= 2 and key.region.bottom <= 23  # wrapped, on screen
        lines = _text(screen, "#attendance-six-months").splitlines()
        assert lines[0] == (
            "Six-month rule (Local Government Act 1972 s85), as at 01/12/2026, "
            "4 councillors (Tab, then \u2193, to read each):"
        )
        assert (
            "Councillor Robin Bradburn last attended on 13/06/2023; six months ended 13/12/2023"
            + PASSED_WORDS
            in lines
        )
        assert len(lines) == 5
        rule = screen.query_one("#attendance-rule")
        warnings = screen.query_one("#attendance-six-months", Static)
        rule.scroll_end(animate=False)
        await pilot.pause()
        # The last line is in view once scrolled: the container shows the warnings' end.
        assert rule.scroll_offset.y + rule.scrollable_content_region.height >= (
            warnings.virtual_region.height
        )
        assert rule.region.bottom <= 23
        # A period over long ago: the rule as at its end, where the councillors stood then.
        await pilot.press("p")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-end", Input).value = "3O/11/2023"  # a letter O for a nought
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.focused is form.query_one("#field-end")  # the refusal names "To"
        form.query_one("#field-end", Input).value = "30/11/2023"
        await pilot.press("ctrl+s")
        await pilot.pause()
        lines = _text(screen, "#attendance-six-months").splitlines()
        assert lines[0].startswith(
            "Six-month rule (Local Government Act 1972 s85), as at 30/11/2023"
        )
        assert all(line.endswith("(approaching)") for line in lines[1:])
