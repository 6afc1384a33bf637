"""A period read from two dates (the attendance and compliance screens, `attendance`,
`compliance`): one that ends before it starts is refused, naming both days; open ends
and a one-day period are fine. The year an annual report is asked for."""

from __future__ import annotations

from datetime import date

import pytest

from minutebook.domain.dates import REPORT_YEARS, period_problem, report_year


def test_a_period_ending_before_it_starts_is_refused_naming_both_days() -> None:
    assert period_problem(date(2024, 3, 31), date(2023, 4, 1)) == (
        "the period would end on 01/04/2023, before it starts on 31/03/2024"
    )


def test_open_ends_and_a_single_day_are_periods() -> None:
    day = date(2023, 6, 13)
    assert period_problem(day, day) is None
    assert period_problem(None, day) is None
    assert period_problem(day, None) is None


def test_the_year_of_a_report_as_typed() -> None:
    """One rule for the app's annual report form and `export annual-report --year`."""
    assert report_year(" 2023 ") == 2023
    assert report_year("1900") == 1900 and 2100 in REPORT_YEARS
    for typed in ("", "2023/24", "23-24", "²⁰²³", "1899", "2101", "twenty"):
        with pytest.raises(ValueError, match="give the year it starts in"):
            report_year(typed)
