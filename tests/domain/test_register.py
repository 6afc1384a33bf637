"""The register of interests by date (seed 003's Appendix A): what it showed on a day,
nil returns, who has made no return this year."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from minutebook.domain.meeting import InterestCategory
from minutebook.domain.register import (
    Interest,
    NilReturn,
    declared_problem,
    register_on,
    without_return,
)


def interest(**changes: object) -> Interest:
    base = {
        "committee": "ICB",
        "person": "harrison",
        "category": InterestCategory.NON_FINANCIAL_PROFESSIONAL,
        "description": "Interim Chair, University of Birmingham",
        "date_from": date(2022, 4, 1),
        "declared_on": date(2022, 5, 16),
    }
    return Interest.model_validate({**base, **changes})


def test_the_register_on_a_day() -> None:
    chair = interest()
    ended = interest(
        description="Director of Clinical Transformation, BLMK CCG",
        person="kufeji",
        date_to=date(2022, 8, 3),
        declared_on=date(2022, 5, 11),
    )
    replaced = interest(description="Old wording", replaced_on=date(2022, 7, 1))
    nil = NilReturn(committee="ICB", person="borrett", declared_on=date(2022, 6, 21))
    shown, nils = register_on([chair, ended, replaced], [nil], date(2022, 7, 29))
    assert shown == [chair, ended]
    assert nils == [nil]
    shown, nils = register_on([chair, ended, replaced], [nil], date(2022, 9, 30))
    assert shown == [chair]  # Kufeji's ended on 03/08/2022
    shown, _ = register_on([chair, ended, replaced], [nil], date(2022, 5, 20))
    assert chair in shown and replaced in shown


def test_who_has_made_no_return_this_year() -> None:
    nil = NilReturn(committee="ICB", person="borrett", declared_on=date(2022, 6, 21))
    assert without_return(
        ["harrison", "borrett", "bracey"], [interest()], [nil], date(2022, 4, 1)
    ) == ["bracey"]


def test_an_interest_cannot_end_before_it_began() -> None:
    with pytest.raises(ValidationError, match=r"ended .* before it began"):
        interest(date_to=date(2021, 1, 1))


def test_a_return_dated_after_today_is_refused_and_today_is_accepted() -> None:
    today = date(2022, 7, 29)
    assert declared_problem(today, today) is None
    assert declared_problem(date(2022, 7, 30), today) == (
        "Date declared: 30/07/2022 is after today; record what has been declared"
    )
