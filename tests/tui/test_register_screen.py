"""Pilot tests of the register of interests screen (docs/register.md), reached with `g`
on the committee screen: an interest added, corrected (the old entry replaced from the
correction's date) and ended, a nil return, who has made no return this year, the
register on an earlier date, and a refused form that stores nothing. Asserted on the
store."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import openpyxl
from textual.widgets import DataTable, Footer, Input, Select, Static, TextArea
from textual.widgets._footer import FooterKey

from minutebook.domain.meeting import InterestCategory
from minutebook.domain.register import DatePrecision, NilReturn
from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.committee import CommitteeScreen
from minutebook.tui.screens.register import RegisterScreen
from minutebook.tui.widgets.form import FormScreen
from tests.tui.conftest import FIXED_NOW

SIZE = (80, 24)
TODAY = date(2026, 11, 25)  # tests/tui/conftest.py's FIXED_NOW
MONTH = DatePrecision.MONTH


async def _register(pilot, code: str = "PAR") -> RegisterScreen:  # type: ignore[no-untyped-def]
    await pilot.pause()
    pilot.app.push_screen(CommitteeScreen(code))
    await pilot.pause()
    await pilot.press("g")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, RegisterScreen)
    return screen


def _text(screen: RegisterScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def _rows(screen: RegisterScreen) -> list[list[str]]:
    table = screen.query_one("#register-table", DataTable)
    return [[str(cell) for cell in table.get_row_at(r)] for r in range(table.row_count)]


async def _fill(pilot, **values: str) -> None:  # type: ignore[no-untyped-def]
    form = pilot.app.screen
    assert isinstance(form, FormScreen)
    for key, value in values.items():
        widget = form.query_one(f"#field-{key}")
        if isinstance(widget, Select):
            widget.value = value
        elif isinstance(widget, TextArea):
            widget.load_text(value)
        else:
            assert isinstance(widget, Input)
            widget.value = value
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_add_correct_end_and_nil_return(app: MinutebookApp, app_store: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await _register(pilot)
        assert [row[0] for row in _rows(screen)] == ["Lee, Ann", "Roy, Bob"]
        assert _text(screen, "#register-missing") == "No return for 2026/27 (2): Ann Lee, Bob Roy"

        await pilot.press("a")  # for Ann Lee, the highlighted person
        await pilot.pause()
        await _fill(
            pilot,
            category="disclosable_pecuniary",
            description="Director, Lee Builders Ltd",
            organisation="Lee Builders Ltd",
            date_from="01/04/2019",
        )
        assert app.screen is screen
        [added] = app_store.interests("PAR")
        assert (added.person, added.category, added.declared_on) == (
            "ann-lee",
            InterestCategory.DISCLOSABLE_PECUNIARY,
            TODAY,
        )
        assert added.organisation == "Lee Builders Ltd"
        assert added.date_from == date(2019, 4, 1)
        assert _text(screen, "#register-missing") == "No return for 2026/27 (1): Bob Roy"

        await pilot.press("down", "n")  # Bob Roy: no interests
        await pilot.pause()
        await _fill(pilot)
        [nil] = app_store.nil_returns("PAR")
        assert (nil.person, nil.declared_on) == ("bob-roy", TODAY)
        assert _text(screen, "#register-missing") == "Everyone has made a return for 2026/27."
        assert _rows(screen)[1][2] == "no interests"

        await pilot.press("up", "e")  # the correction, from its own date declared
        await pilot.pause()
        await _fill(pilot, description="Director and shareholder, Lee Builders Ltd")
        old, corrected = app_store.interests("PAR")
        assert old.id == added.id and old.replaced_on == TODAY
        assert corrected.description == "Director and shareholder, Lee Builders Ltd"
        assert corrected.date_from == date(2019, 4, 1)
        assert corrected.person == "ann-lee" and corrected.replaced_on is None

        await pilot.press("x")  # it ended
        await pilot.pause()
        await _fill(pilot, date_to="30/11/2026")
        ended = app_store.interests("PAR")[-1]
        assert (ended.date_to, ended.declared_on) == (date(2026, 11, 30), TODAY)
        assert ended.description == corrected.description
        assert app_store.interests("PAR")[1].replaced_on == TODAY
        assert _rows(screen)[0][4] == "30/11/26"

        await pilot.press("o")  # the register as it stood before any of this
        await pilot.pause()
        await _fill(pilot, day="01/11/2026")
        assert "on 01/11/2026" in _text(screen, "#register-title")
        assert [row[2] for row in _rows(screen)] == ["no return", "no return"]
        await pilot.press("o")
        await pilot.pause()
        await _fill(pilot, day="")
        assert "today" in _text(screen, "#register-title")
        assert _rows(screen)[0][2] == "Director and shareholder, Lee Builders Ltd"


async def test_dates_given_as_a_year_or_a_month(app: MinutebookApp, app_store: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await _register(pilot)
        await pilot.press("a")
        await pilot.pause()
        await _fill(
            pilot,
            category="other_registrable",
            description="Trustee, Village Hall Trust",
            date_from="April 2014",
            date_to="2026",
        )
        [added] = app_store.interests("PAR")
        assert (added.date_from_given, added.date_to_given) == ("Apr 2014", "2026")
        assert (added.from_precision, added.to_precision) == (MONTH, DatePrecision.YEAR)
        # Ending "2026", it is in today's register (25/11/2026): held to 31 December.
        assert _rows(screen)[0][3:5] == ["Apr 2014", "2026"]
        # The correction opens with the dates as given, and keeps them.
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#field-date_from", Input).value == "Apr 2014"
        await _fill(pilot, description="Chair of Trustees, Village Hall Trust")
        corrected = app_store.interests("PAR")[-1]
        assert (corrected.date_from_given, corrected.date_to_given) == ("Apr 2014", "2026")
        assert corrected.ends_on == date(2026, 12, 31)
        await pilot.press("x")
        await pilot.pause()
        await _fill(pilot, date_to="01/06/21 on joining")
        form = app.screen
        assert isinstance(form, FormScreen)
        assert "the date alone" in str(form.query_one("#form-errors", Static).render())
        assert len(app_store.interests("PAR")) == 2
        await _fill(pilot, date_to="31/03/27")  # a date to may be after today: 2027
        assert app_store.interests("PAR")[-1].date_to == date(2027, 3, 31)


async def test_a_refused_interest_stores_nothing(app: MinutebookApp, app_store: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await _register(pilot)
        await pilot.press("a")
        await pilot.pause()
        await _fill(
            pilot,
            category="other_registrable",
            description="Trustee, Village Hall Trust",
            date_from="01/04/2024",
            date_to="01/04/2023",
        )
        form = app.screen
        assert isinstance(form, FormScreen)
        assert "before it began" in str(form.query_one("#form-errors", Static).render())
        await _fill(pilot, date_from="31/02/2024")
        assert "not a real date" in str(form.query_one("#form-errors", Static).render())
        await _fill(pilot, date_from="01/04/2020", declared_on="26/11/2026")
        assert "after today" in str(form.query_one("#form-errors", Static).render())
        assert app_store.interests("PAR") == []
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is screen
        assert app_store.interests("PAR") == []


async def test_the_register_saved_as_word_and_excel(
    app: MinutebookApp, app_store: Store, tmp_path: Path
) -> None:
    app_store.add_nil_return(NilReturn(committee="PAR", person="bob-roy", declared_on=TODAY))
    folder = tmp_path / "out"
    folder.mkdir()
    async with app.run_test(size=SIZE) as pilot:
        await _register(pilot)
        await pilot.press("s")
        await pilot.pause()
        await _fill(pilot, folder=str(folder))
        await app.workers.wait_for_complete()
        await pilot.pause()
    stem = "PAR register of interests 2026-11-25"
    table = docx.Document(str(folder / f"{stem}.docx")).tables[-1]  # after the key of types
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0][:4] == ["Surname", "Forename", "Position within, or relationship with the PAR",
                           "Interests to Declare"]  # fmt: skip
    assert rows[1][4:7] == ["Disclosable Pecuniary", "Other Registrable", "Non-Registrable"]
    assert [row[:4] for row in rows[2:]] == [
        ["Lee", "Ann", "Chair", "No return"],
        ["Roy", "Bob", "Member", "No"],
    ]
    sheet = openpyxl.load_workbook(folder / f"{stem}.xlsx").active
    assert sheet is not None
    assert [row[3] for row in sheet.iter_rows(min_row=3, values_only=True)] == ["No return", "No"]


async def test_an_interest_of_a_category_the_body_no_longer_offers_can_be_corrected(
    app: MinutebookApp, app_store: Store
) -> None:
    """A disclosable pecuniary interest, registered while PAR was a parish council, after
    its kind of body was changed: the correction form opens with it (its category still
    offered), and the correction keeps it."""
    from minutebook.domain.bodies import BodyType
    from minutebook.domain.register import Interest

    app_store.add_interest(
        Interest(
            committee="PAR",
            person="ann-lee",
            category=InterestCategory.DISCLOSABLE_PECUNIARY,
            description="Director, Lee Builders Ltd",
            declared_on=date(2026, 1, 5),
        )
    )
    committee = app_store.committee("PAR")
    app_store.update_committee(committee.model_copy(update={"body_type": BodyType.OTHER}))
    async with app.run_test(size=SIZE) as pilot:
        screen = await _register(pilot)
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#field-category", Select).value == "disclosable_pecuniary"
        await _fill(pilot, description="Director and shareholder, Lee Builders Ltd")
        assert app.screen is screen
    corrected = app_store.interests("PAR")[-1]
    assert corrected.category is InterestCategory.DISCLOSABLE_PECUNIARY
    assert corrected.description == "Director and shareholder, Lee Builders Ltd"


async def test_the_keys_that_matter_are_in_the_footer_at_80_columns(app: MinutebookApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await _register(pilot)
        keys = list(screen.query_one(Footer).query(FooterKey))
        [palette] = [key for key in keys if key.has_class("-command-palette")]
        footer = {k.description: k.region.right for k in keys if k is not palette}
        assert {"Add", "Correct", "Nil", "No return", "Bring in", "Save", "Help"} <= set(footer)
        # Every key whole, left of the palette's key at the footer's right.
        assert max(footer.values()) <= palette.region.x <= SIZE[0]
        await pilot.press("f1")
        await pilot.pause()
        source = app.screen.query_one("Markdown").source  # type: ignore[attr-defined]
        assert "`x` records" in source and "`o` shows" in source
        assert "`Escape` goes back" in source


async def test_the_end_form_says_whose_interest_ends(app: MinutebookApp, app_store: Store) -> None:
    from minutebook.domain.register import Interest

    app_store.add_interest(
        Interest(
            committee="PAR",
            person="ann-lee",
            category=InterestCategory.DISCLOSABLE_PECUNIARY,
            description="Director of Lee Builders Ltd, community building contractor",
            declared_on=TODAY,
        )
    )
    async with app.run_test(size=SIZE) as pilot:
        await _register(pilot)
        await pilot.press("x")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.form_title == (
            "End Ann Lee's interest: Director of Lee Builders Ltd, community…"
        )
        await _fill(pilot, date_to="01/11/2026")
        [ended] = [i for i in app_store.interests("PAR") if i.replaced_on is None]
        assert ended.date_to == date(2026, 11, 1)


async def test_a_long_no_return_line_wraps_and_counts_the_rest(demo_path: Path) -> None:
    """The demo's ICB Board on 1 April 2023, the first day of 2023/24: none of its 24
    members has made a return for the new year."""
    with Store.open(demo_path) as store:
        app = MinutebookApp(store, clock=lambda: FIXED_NOW)
        async with app.run_test(size=SIZE) as pilot:
            screen = await _register(pilot, "ICB")
            await pilot.press("o")
            await pilot.pause()
            await _fill(pilot, day="01/04/2023")
            line = _text(screen, "#register-missing")
            assert line.startswith("No return for 2023/24 (24): Richard Alsop, Andrew Blakeman,")
            assert line.endswith(" more (w finds each)")
            shown = line.split(": ", 1)[1].rsplit(" and ", 1)[0].split(", ")
            assert len(shown) + int(line.rsplit(" and ", 1)[1].split()[0]) == 24
            widget = screen.query_one("#register-missing", Static)
            assert 1 < widget.size.height <= 3  # wrapped, every name shown whole


async def test_the_first_screens_palette_finds_each_committees_register(
    app: MinutebookApp, app_store: Store
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        name = app_store.committee("PAR").name
        command = commands[f"Register of interests: {name} (PAR)"]
        command.callback()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RegisterScreen) and screen.code == "PAR"
        await pilot.press("n")  # a nil return for Ann Lee, stored
        await pilot.pause()
        await _fill(pilot)
        assert [(n.person, n.declared_on) for n in app_store.nil_returns("PAR")] == [
            ("ann-lee", TODAY)
        ]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CommitteeScreen)


async def test_the_register_on_an_earlier_date_counts_only_the_returns_made_by_then(
    app: MinutebookApp, app_store: Store
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await _register(pilot)
        await pilot.press("n")  # Ann Lee's nil return, today (25/11/2026)
        await pilot.pause()
        await _fill(pilot)
        assert [n.person for n in app_store.nil_returns("PAR")] == ["ann-lee"]
        assert _text(screen, "#register-missing") == "No return for 2026/27 (1): Bob Roy"
        await pilot.press("o")
        await pilot.pause()
        await _fill(pilot, day="01/06/2026")  # in the same municipal year, before the return
        assert _text(screen, "#register-missing") == "No return for 2026/27 (2): Ann Lee, Bob Roy"
