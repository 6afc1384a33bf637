"""The register of interests by date (seed 003's Appendix A): what it showed on a day,
nil returns, who has made no return this year."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from minutebook.domain import Committee, Seat
from minutebook.domain.committee import HouseStyle, NumberingReset, NumberingScheme
from minutebook.domain.meeting import InterestCategory
from minutebook.domain.rag import RagPalette
from minutebook.domain.register import (
    Interest,
    NilReturn,
    declared_problem,
    filed_name,
    missing_returns,
    register_on,
    register_year,
    register_year_words,
    surname_forename,
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


def _committee(council: bool) -> Committee:
    return Committee(
        code="HCP" if council else "ICB",
        name="A committee",
        house_style=HouseStyle.COUNCIL if council else HouseStyle.NHS,
        rag_palette=RagPalette.COUNCIL if council else RagPalette.NHS,
        numbering=NumberingScheme(template="{seq}", reset=NumberingReset.NEVER),
    )


def test_the_register_year_is_the_bodys_year() -> None:
    nhs, council = _committee(council=False), _committee(council=True)
    assert register_year(nhs, date(2022, 6, 1)) == date(2022, 4, 1)  # financial year
    assert register_year(nhs, date(2023, 3, 31)) == date(2022, 4, 1)
    assert register_year(council, date(2022, 6, 1)) == date(2022, 5, 1)  # municipal year
    assert register_year(council, date(2022, 4, 30)) == date(2021, 5, 1)
    assert register_year_words(date(2022, 4, 1)) == "2022/23"


def test_no_return_as_at_a_day_counts_only_returns_made_by_then() -> None:
    seats = [
        Seat(id="S1", title="Chair", holder="harrison"),
        Seat(id="S2", title="Member", holder="borrett"),
        Seat(id="S3", title="Member", holder="stock"),
        Seat(id="S4", title="Member", holder="bracey", term_from=date(2022, 7, 1)),
        Seat(id="S5", title="Member", holder="gone", retired_on=date(2022, 5, 1)),
    ]
    stock = interest(person="stock", declared_on=date(2022, 7, 5))
    old = NilReturn(committee="ICB", person="borrett", declared_on=date(2022, 3, 1))
    start = date(2022, 4, 1)
    # On 1 June: Harrison's return of 16 May counts; Stock's of 5 July was not made yet;
    # Borrett's of March was last year's; Bracey was not a member yet, nor is the
    # retired seat's holder any longer.
    assert missing_returns(seats, [interest(), stock], [old], date(2022, 6, 1), start) == [
        "borrett",
        "stock",
    ]
    assert missing_returns(seats, [interest(), stock], [old], date(2022, 7, 29), start) == [
        "borrett",
        "bracey",
    ]


@pytest.mark.parametrize(
    ("name", "honorific", "filed"),
    [
        ("Darlington", "Councillor", ("Darlington", "")),
        ("Stuart Ross Graves", None, ("Graves", "Stuart Ross")),
        ("Dr Sarah Whiteman", None, ("Whiteman", "Sarah")),
        ("Cllr Pete Marland", "Cllr", ("Marland", "Pete")),
        ("Ann van der Berg", None, ("van der Berg", "Ann")),
        ("Joe Harrison CBE", None, ("Harrison", "Joe")),
        ("N Alam", None, ("Alam", "N")),
    ],
)
def test_surname_and_forename_leave_the_honorific_out(
    name: str, honorific: str | None, filed: tuple[str, str]
) -> None:
    assert surname_forename(name, honorific) == filed
    assert filed_name(name, honorific) == (f"{filed[0]}, {filed[1]}" if filed[1] else filed[0])
