"""A period read from two dates (the attendance screen, `attendance`, `compliance`):
one that ends before it starts is refused, naming both days; open ends and a one-day
period are fine."""

from __future__ import annotations

from datetime import date

from minutebook.domain.dates import period_problem


def test_a_period_ending_before_it_starts_is_refused_naming_both_days() -> None:
    assert period_problem(date(2024, 3, 31), date(2023, 4, 1)) == (
        "the period would end on 01/04/2023, before it starts on 31/03/2024"
    )


def test_open_ends_and_a_single_day_are_periods() -> None:
    day = date(2023, 6, 13)
    assert period_problem(day, day) is None
    assert period_problem(None, day) is None
    assert period_problem(day, None) is None
