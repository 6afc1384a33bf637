"""The terms-of-reference screen at 80x24 on the demo ICB: a refusal is in view and the
cursor moves to the field it names; a version dated before the one in force is refused;
the Terms of ref. tab shows the minutes' turnaround rule; the approval choices differ."""

from __future__ import annotations

from datetime import date, datetime

from textual.widgets import Input, Markdown, Select, Static

from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.committee import CommitteeScreen
from minutebook.tui.screens.terms import TermsScreen

SIZE = (80, 24)
TODAY = datetime(2026, 12, 1, 10, 0)


async def _on_the_tab(pilot) -> None:  # type: ignore[no-untyped-def]
    """The ICB's committee screen, on its Terms of ref. tab."""
    await pilot.pause()
    pilot.app.push_screen(CommitteeScreen("ICB"))
    await pilot.pause()
    await pilot.press("3")
    await pilot.pause()


async def _terms(pilot) -> TermsScreen:  # type: ignore[no-untyped-def]
    await _on_the_tab(pilot)
    await pilot.press("e")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, TermsScreen)
    return screen


def _refusal(screen: TermsScreen) -> str:
    return str(screen.query_one("#terms-errors", Static).render())


def _in_view(screen: TermsScreen, selector: str) -> bool:
    region = screen.query_one(selector).region
    return region.height > 0 and region.y >= 0 and region.bottom <= SIZE[1]


async def test_a_bad_date_is_shown_and_the_cursor_goes_to_it(demo_store: Store) -> None:
    app = MinutebookApp(demo_store, clock=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _terms(pilot)
        screen.query_one("#wording").focus()  # the cursor elsewhere, the form scrolled
        screen.query_one("#terms-form").scroll_end(animate=False)
        screen.query_one("#adopted", Input).value = "abc"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert _refusal(screen).startswith("Adopted on: 'abc' is not a date")
        assert _in_view(screen, "#terms-errors")
        assert app.focused is screen.query_one("#adopted")
        assert _in_view(screen, "#adopted")


async def test_a_version_before_the_one_in_force_is_refused(demo_store: Store) -> None:
    app = MinutebookApp(demo_store, clock=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _terms(pilot)
        screen.query_one("#adopted", Input).value = "01/04/2022"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert _refusal(screen) == (
            "Adopted on: 01/04/2022 is before version 1 (adopted 01/07/2022); a new version "
            "takes effect after the one it replaces"
        )
        assert _in_view(screen, "#terms-errors")
        assert app.focused is screen.query_one("#adopted")
    assert [v.version for v in demo_store.terms_of_reference("ICB")] == [1]
    assert demo_store.terms_in_force("ICB", date(2026, 12, 1)).version == 1  # type: ignore[union-attr]


async def test_the_tab_shows_the_turnaround_and_the_choices_differ(demo_store: Store) -> None:
    app = MinutebookApp(demo_store, clock=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await _on_the_tab(pilot)
        text = app.screen.query_one("#terms-text", Markdown).source
        assert (
            "- Draft minutes circulated: **within 10 working days** (the house style's usual)"
            in (text)
        )
        assert "- Minutes approved: **at the next meeting** (the house style's usual)" in text
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, TermsScreen)
        labels = [str(label) for label, _ in app.screen.query_one("#approve-next", Select)._options]
        assert len(set(labels)) == len(labels)
        assert "house style's rule (at the next meeting)" in labels
        assert "at the next meeting (set here)" in labels


async def test_tab_goes_down_the_form_in_the_order_shown(demo_store: Store) -> None:
    app = MinutebookApp(demo_store, clock=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await _terms(pilot)
        seen = []
        for _ in range(8):
            seen.append(app.focused.id if app.focused else None)
            await pilot.press("tab")
            await pilot.pause()
        assert seen == [
            "preset",
            "adopted",
            "per-year",
            "circulate-within",
            "approve-next",
            "wording",
            "requirement",
            "rounding",
        ]


async def test_a_superscript_digit_is_refused_naming_its_field(demo_store: Store) -> None:
    # "²" passes str.isdigit but int() cannot read it: it was refused with Python's
    # "invalid literal for int()" and the cursor stayed where it was.
    app = MinutebookApp(demo_store, clock=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _terms(pilot)
        screen.query_one("#per-year", Input).value = "²"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TermsScreen)
        assert "Meets at least (a year): give a whole number" in _refusal(screen)
        assert app.focused is screen.query_one("#per-year")
