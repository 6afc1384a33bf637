"""A register's Date From and Date To keep the precision the member gave them
(docs/register.md, "Dates"): seed 003's "2014" is a year and "Apr-22" a month, worded so
wherever they are shown, kept as their first day so that they compare as dates, and an
interest ending in a year or a month is held to the end of it."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from minutebook.domain.meeting import InterestCategory
from minutebook.domain.register import (
    DatePrecision,
    Interest,
    date_as_given,
    period_end,
    register_on,
)
from minutebook.domain.register_reading import register_date

YEAR, MONTH, DAY = DatePrecision.YEAR, DatePrecision.MONTH, DatePrecision.DAY


def interest(**changes: object) -> Interest:
    base = {
        "committee": "ICB",
        "person": "wogan",
        "category": InterestCategory.FINANCIAL,
        "description": "Chair of Trustees, Arts for Health MK",
        "declared_on": date(2022, 7, 14),
    }
    return Interest.model_validate({**base, **changes})


@pytest.mark.parametrize(
    ("day", "precision", "words"),
    [
        (date(2014, 1, 1), YEAR, "2014"),
        (date(2022, 4, 1), MONTH, "Apr 2022"),
        (date(1988, 11, 1), MONTH, "Nov 1988"),
        (date(2022, 4, 1), DAY, "01/04/2022"),
        (None, YEAR, ""),
    ],
)
def test_a_date_is_worded_as_it_was_given(
    day: date | None, precision: DatePrecision, words: str
) -> None:
    assert date_as_given(day, precision) == words


def test_an_interest_words_its_dates_as_given() -> None:
    given = interest(
        date_from=date(2014, 1, 1),
        from_precision=YEAR,
        date_to=date(2022, 9, 1),
        to_precision=MONTH,
    )
    assert (given.date_from_given, given.date_to_given) == ("2014", "Sep 2022")
    assert interest(date_from=date(2014, 1, 1)).date_from_given == "01/01/2014"  # a day
    assert interest().date_to_given == ""  # ongoing


def test_the_end_of_a_year_a_month_and_a_day() -> None:
    assert period_end(date(2022, 1, 1), YEAR) == date(2022, 12, 31)
    assert period_end(date(2022, 12, 1), MONTH) == date(2022, 12, 31)
    assert period_end(date(2024, 2, 1), MONTH) == date(2024, 2, 29)
    assert period_end(date(2022, 4, 1), DAY) == date(2022, 4, 1)


def test_an_interest_ending_in_a_year_is_in_the_register_to_its_last_day() -> None:
    ended = interest(date_from=date(2010, 1, 1), date_to=date(2022, 1, 1), to_precision=YEAR)
    assert ended.ends_on == date(2022, 12, 31)
    assert ended.in_register_on(date(2022, 12, 31))
    assert not ended.in_register_on(date(2023, 1, 1))
    # Read as a day, the same date would have ended it on 1 January.
    assert not interest(date_to=date(2022, 1, 1)).in_register_on(date(2022, 7, 29))


def test_an_interest_ending_in_a_month_is_in_the_register_to_its_last_day() -> None:
    ended = interest(date_to=date(2022, 9, 1), to_precision=MONTH)
    assert ended.in_register_on(date(2022, 9, 30))
    assert not ended.in_register_on(date(2022, 10, 1))
    shown, _ = register_on([ended], [], date(2022, 9, 15))
    assert shown == [ended]


def test_an_interest_beginning_in_a_year_is_shown_from_its_date_declared() -> None:
    # Declared in July 2022 for a role from "2023": the register shows it (and it
    # prompts) from the day it was declared, not from when it begins.
    coming = interest(date_from=date(2023, 1, 1), from_precision=YEAR)
    assert coming.in_register_on(date(2022, 7, 14))
    assert not coming.in_register_on(date(2022, 7, 13))


def test_an_interest_may_begin_and_end_within_the_same_year_or_month() -> None:
    # From "2022" to "Apr 2022": the year began before April ended.
    same = interest(
        date_from=date(2022, 1, 1),
        from_precision=YEAR,
        date_to=date(2022, 4, 1),
        to_precision=MONTH,
    )
    assert same.ends_on == date(2022, 4, 30)
    interest(date_from=date(2022, 4, 15), date_to=date(2022, 4, 1), to_precision=MONTH)
    with pytest.raises(ValidationError, match=r"ended \(2021\) before it began \(Apr 2022\)"):
        interest(
            date_from=date(2022, 4, 1),
            from_precision=MONTH,
            date_to=date(2021, 1, 1),
            to_precision=YEAR,
        )


def test_a_year_or_a_month_is_kept_as_its_first_day() -> None:
    with pytest.raises(ValidationError, match="date from: a year is kept as its 1 January"):
        interest(date_from=date(2014, 6, 1), from_precision=YEAR)
    with pytest.raises(ValidationError, match="date to: a month is kept as its first day"):
        interest(date_to=date(2022, 4, 30), to_precision=MONTH)


@given(
    day=st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
    precision=st.sampled_from(DatePrecision),
)
def test_a_date_as_given_reads_back_as_given(day: date, precision: DatePrecision) -> None:
    # What the register prints (the published register, the form opening a correction)
    # is read back, by an import or the form, as the same date at the same precision.
    first = {YEAR: day.replace(month=1, day=1), MONTH: day.replace(day=1), DAY: day}[precision]
    for ending in (False, True):
        read = register_date(date_as_given(first, precision), date(2022, 7, 18), ending=ending)
        assert (read.day, read.precision, read.words) == (first, precision, "")
