"""The form that asks for a period, "From" and "To" as dd/mm/yyyy, for the screens that
show a committee's record over one (attendance, compliance). Each date is read on its
own, so that a refusal names its field and the form puts the cursor there; a period
that ends before it starts is `dates.period_problem`'s refusal, as on the command line."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from minutebook.domain.dates import parse_date, period_problem, short_date
from minutebook.tui.widgets.form import FormField, FormScreen

Chosen = Callable[[date | None, date | None], None]
"""Given the period chosen (None for a date left blank)."""


def period_form(
    title: str,
    start: date | None,
    end: date | None,
    chosen: Chosen,
    blank: tuple[str, str] = ("the first meeting", "the last meeting"),
    hint: str = "",
) -> FormScreen:
    """The form, opening with the period shown; `blank` says what a blank From and To
    stand for on this screen, and `hint` anything more (both left blank)."""

    def choose(typed: dict[str, Any]) -> str | None:
        try:
            first = parse_date(typed["start"] or "")
        except ValueError as error:
            return f"From: {error}"
        try:
            last = parse_date(typed["end"] or "")
        except ValueError as error:
            return f"To: {error}"
        if problem := period_problem(first, last):
            return f"To: {problem}"
        chosen(first, last)
        return None

    return FormScreen(
        title,
        [
            FormField("start", "From", placeholder=f"dd/mm/yyyy; blank: {blank[0]}"),
            FormField("end", "To", placeholder=f"dd/mm/yyyy; blank: {blank[1]}"),
        ],
        {"start": short_date(start), "end": short_date(end)},
        choose,
        hint=hint,
        save_label="Show",
    )
