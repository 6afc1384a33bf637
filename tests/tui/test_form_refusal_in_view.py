"""A form's refusal on an 80x24 screen (tui/widgets/form.py): the message is in view and
the cursor goes to the field it names, even one scrolled out of sight; a message naming
no field leaves the cursor where it was; changing a field still clears the message."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.widgets import Input, Static

from minutebook.tui.widgets.form import FormField, FormScreen
from tests.tui.settling import settled, whole

FIELDS = [FormField(f"f{n}", f"Seat {n}") for n in range(1, 21)]


def _refuse(values: dict[str, Any]) -> str | None:
    if values["f20"] != "Treasurer":
        return "Seat 20: give the seat's title"
    if values["f1"] != "Chair":
        return "the seats do not add up"
    return None


async def test_the_refusal_shows_and_the_cursor_goes_to_the_field_it_names() -> None:
    app: App[None] = App()
    async with app.run_test(size=(80, 24)) as pilot:
        form = FormScreen("Seats", FIELDS, {}, _refuse, hint="Each seat's title, as the ToR says.")
        app.push_screen(form)
        await pilot.pause()
        assert app.focused is form.query_one("#field-f1")
        assert not whole(form, "#field-f20", "#fields")  # twenty fields do not fit
        await pilot.press("ctrl+s")
        await pilot.pause()
        errors = form.query_one("#form-errors", Static)
        assert "Seat 20: give the seat's title" in str(errors.render())
        assert app.focused is form.query_one("#field-f20")
        assert await settled(
            pilot, lambda: whole(form, "#form-errors") and whole(form, "#field-f20", "#fields")
        )
        # Typing the answer clears the refusal (it no longer says what is wrong).
        await pilot.press(*"Treasurer")
        await pilot.pause()
        assert str(errors.render()) == ""
        # A refusal that names no field leaves the cursor where it is.
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "The seats do not add up" in str(errors.render())
        assert app.focused is form.query_one("#field-f20", Input)
        assert await settled(pilot, lambda: whole(form, "#form-errors"))
