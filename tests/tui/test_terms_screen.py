"""Pilot tests of the terms-of-reference screen: presets, policies, preview, versions."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input, Select, Static, TextArea

from minutebook.domain.quorum import Base, DeputiesAllowed, FractionNode
from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.committee import CommitteeScreen
from minutebook.tui.screens.terms import TermsScreen

SIZE = (80, 24)


async def open_terms(pilot) -> TermsScreen:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("3", "e")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, TermsScreen)
    return screen


def preview(screen: TermsScreen) -> str:
    return str(screen.query_one("#preview", Static).render())


async def test_preview_shows_the_threshold_against_todays_membership(
    app: MinutebookApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_terms(pilot)
        # The fixture's rule: one third, never fewer than three, of 2 voting seats.
        assert "quorum is 3 of 2 voting members" in preview(screen)
        screen.query_one("#preset", Select).value = "majority"
        await pilot.pause()
        assert "quorum is 2 of 2 voting members" in preview(screen)
        assert "majority" in screen.query_one("#wording", TextArea).text


async def test_a_bad_rule_is_explained_and_not_saved(app: MinutebookApp, app_store: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_terms(pilot)
        screen.query_one("#requirement", TextArea).text = "fraction: {num: 1, den: 0}"
        await pilot.pause()
        errors = str(screen.query_one("#terms-errors", Static).render())
        assert "requirement.fraction.den: must be > 0" in errors
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TermsScreen)
    assert [v.version for v in app_store.terms_of_reference("PAR")] == [1]


async def test_saving_adds_a_version_with_the_answers(app: MinutebookApp, app_store: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_terms(pilot)
        screen.query_one("#preset", Select).value = "council_quarter"
        await pilot.pause()
        screen.query_one("#q-base", Select).value = "filled"
        screen.query_one("#q-deputies-allowed", Select).value = "any"
        screen.query_one("#q-remote-counts", Select).value = "majority"
        screen.query_one("#adopted", Input).value = "01/12/2026"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CommitteeScreen)
    versions = app_store.terms_of_reference("PAR")
    assert [v.version for v in versions] == [1, 2]
    new = versions[1]
    assert new.adopted == date(2026, 12, 1)
    assert isinstance(new.quorum.requirement, FractionNode)
    assert (new.quorum.requirement.fraction.num, new.quorum.requirement.fraction.den) == (1, 4)
    policies = new.quorum.policies
    assert policies.base is Base.FILLED
    assert policies.deputies.allowed is DeputiesAllowed.ANY
    assert policies.remote.counts is True and policies.remote.condition == "in_person_majority"
    assert "one quarter" in new.quorum.text
    # The old version is untouched: past meetings keep their rule.
    assert versions[0].quorum.requirement.model_dump() != new.quorum.requirement.model_dump()


async def test_one_rounding_for_every_fraction(app: MinutebookApp) -> None:
    """'One third' of 10 is 3.33: the ToR rarely says which way to round, so the screen
    asks, and the answer is written into every fraction of the rule."""
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_terms(pilot)
        assert screen.query_one("#rounding", Select).value == "ceil"
        screen.query_one("#rounding", Select).value = "floor"
        await pilot.pause()
        assert "rounding: floor" in screen.query_one("#requirement", TextArea).text
        assert "floor" in preview(screen)


async def test_unconfirmed_policies_are_flagged_until_saved(
    app: MinutebookApp, app_store: Store
) -> None:
    assert app_store.terms_of_reference("PAR")[0].policies_confirmed is False
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter", "3")
        await pilot.pause()
        committee = app.screen
        assert "Policies not yet confirmed" in committee.query_one("#terms-text").source  # type: ignore[attr-defined]
        await pilot.press("e")
        await pilot.pause()
        heading = str(app.screen.query_one("#questions-heading", Static).render())
        assert "confirm each answer" in heading
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Policies not yet confirmed" not in committee.query_one("#terms-text").source  # type: ignore[attr-defined]
    assert app_store.terms_of_reference("PAR")[-1].policies_confirmed is True


async def test_a_rule_with_aliases_or_deep_nesting_is_explained(app: MinutebookApp) -> None:
    """The rule typed in the app is read as carefully as a ToR file: an alias bomb
    would otherwise freeze the screen, and deep nesting crash it."""
    bomb = "a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1]\n" + "".join(
        f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]\n"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_terms(pilot)
        for text, message in ((bomb, "aliases (*name) are not accepted"), ("[" * 3000, "nested")):
            screen.query_one("#requirement", TextArea).text = text
            await pilot.pause()
            errors = str(screen.query_one("#terms-errors", Static).render())
            assert errors.startswith("rule: line ") and message in errors
