"""Pilot tests: Escape, Cancel and Ctrl+Q ask before throwing away what was typed in a
form or in the terms-of-reference editor, and never ask when nothing was changed."""

from __future__ import annotations

from textual.widgets import Input, Static, TextArea

from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.committee import CommitteeScreen
from minutebook.tui.screens.committees import CommitteesScreen
from minutebook.tui.screens.help import HelpScreen
from minutebook.tui.screens.terms import TermsScreen
from minutebook.tui.widgets.confirm import ConfirmScreen
from minutebook.tui.widgets.form import FormScreen

SIZE = (80, 24)


async def open_member_form(pilot) -> FormScreen:  # type: ignore[no-untyped-def]
    """The committee's "add a member" form, with the name field focused."""
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CommitteeScreen)
    await pilot.press("a")
    await pilot.pause()
    form = pilot.app.screen
    assert isinstance(form, FormScreen)
    return form


def question(app: MinutebookApp) -> str:
    assert isinstance(app.screen, ConfirmScreen)
    return str(app.screen.query_one("#confirm-question", Static).render())


async def test_escape_after_typing_asks_and_n_keeps_the_form_as_typed(
    app: MinutebookApp, app_store: Store
) -> None:
    seats_before = app_store.seats("PAR")
    people_before = app_store.people()
    async with app.run_test(size=SIZE) as pilot:
        form = await open_member_form(pilot)
        await pilot.press(*"Mia Khan")
        await pilot.press("escape")
        await pilot.pause()
        assert question(app) == "Discard what you typed?"
        keys = str(app.screen.query_one("#confirm-keys", Static).render())
        assert "N / Esc: keep editing" in keys
        await pilot.press("n")
        await pilot.pause()
        # Back on the same form, with the text as typed and the cursor where it was.
        assert app.screen is form
        name = form.query_one("#field-name", Input)
        assert name.value == "Mia Khan"
        assert form.focused is name
        # Escape on the question also goes back to the form.
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is form and name.value == "Mia Khan"
        # Typing goes on where it stopped.
        await pilot.press(*" Jr")
        assert name.value == "Mia Khan Jr"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, CommitteeScreen)
    assert app_store.seats("PAR") == seats_before
    assert app_store.people() == people_before


async def test_escape_on_an_untouched_form_closes_at_once(
    app: MinutebookApp, app_store: Store
) -> None:
    seats_before = app_store.seats("PAR")
    async with app.run_test(size=SIZE) as pilot:
        await open_member_form(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CommitteeScreen)
        # Typing and then rubbing it out leaves nothing to lose either.
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"Zo", "backspace", "backspace")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CommitteeScreen)
    assert app_store.seats("PAR") == seats_before


async def test_an_edit_form_asks_only_once_a_value_is_changed(app: MinutebookApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("down", "e")  # Bob Roy, filled in from the store
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#field-name", Input).value == "Bob Roy"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CommitteeScreen)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("backspace")  # "Bob Ro"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)


async def test_the_cancel_button_asks_too(app: MinutebookApp, app_store: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        form = await open_member_form(pilot)
        await pilot.press(*"Mia Khan")
        await pilot.click("#cancel")
        await pilot.pause()
        assert question(app) == "Discard what you typed?"
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is form
        assert form.query_one("#field-name", Input).value == "Mia Khan"
        await pilot.click("#cancel")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, CommitteeScreen)
    assert len(app_store.seats("PAR")) == 2


async def test_ctrl_q_with_typed_input_asks_before_quitting(
    app: MinutebookApp, app_store: Store
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        form = await open_member_form(pilot)
        await pilot.press(*"Mia Khan")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert question(app) == "Quit and discard what you typed in this form?"
        await pilot.press("n")
        await pilot.pause()
        assert app.is_running and app.return_code is None
        assert app.screen is form
        assert form.query_one("#field-name", Input).value == "Mia Khan"
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")  # Escape keeps editing too
        await pilot.pause()
        assert app.screen is form and app.return_code is None
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.return_code == 0
    assert len(app_store.seats("PAR")) == 2


async def test_ctrl_q_twice_quits(app: MinutebookApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_member_form(pilot)
        await pilot.press(*"Mia")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.return_code == 0


async def test_ctrl_q_quits_at_once_without_typed_input(app: MinutebookApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_member_form(pilot)  # open, but nothing typed
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.return_code == 0


async def test_ctrl_q_on_a_screen_without_a_form_quits_at_once(app: MinutebookApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CommitteesScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.return_code == 0


async def test_ctrl_q_from_help_over_a_typed_form_still_asks(app: MinutebookApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        form = await open_member_form(pilot)
        await pilot.press(*"Mia")
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("escape")  # close help
        await pilot.pause()
        assert app.screen is form
        assert form.query_one("#field-name", Input).value == "Mia"


async def open_terms(pilot) -> TermsScreen:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("3", "e")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, TermsScreen)
    return screen


async def test_terms_editor_asks_before_escape_loses_changes(
    app: MinutebookApp, app_store: Store
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_terms(pilot)
        # Untouched: Escape leaves at once.
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CommitteeScreen)
        screen = await open_terms(pilot)
        wording = screen.query_one("#wording", TextArea)
        wording.focus()
        await pilot.pause()
        await pilot.press("end", *" Amended.")
        typed = wording.text
        assert typed.endswith(" Amended.")
        await pilot.press("escape")
        await pilot.pause()
        assert question(app) == "Discard what you typed?"
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen
        assert wording.text == typed
        assert screen.focused is wording
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, CommitteeScreen)
    assert [v.version for v in app_store.terms_of_reference("PAR")] == [1]


async def test_terms_editor_asks_before_ctrl_q_loses_changes(
    app: MinutebookApp, app_store: Store
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_terms(pilot)
        adopted = screen.query_one("#adopted", Input)
        adopted.value = "01/12/2026"
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert question(app) == "Quit and discard what you typed in this form?"
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen and adopted.value == "01/12/2026"
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.return_code == 0
    assert [v.version for v in app_store.terms_of_reference("PAR")] == [1]
