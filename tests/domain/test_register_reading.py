"""The cells of a register kept elsewhere: ticks and their look-alikes, the dates
registers write, and the organisation a description clearly names."""

from __future__ import annotations

from datetime import date

import pytest

from minutebook.domain.register import DatePrecision
from minutebook.domain.register_reading import (
    RegisterDate,
    answered_yes,
    iso_given,
    organisation_in,
    register_date,
    ticked,
)

TODAY = date(2022, 7, 18)
YEAR, MONTH = DatePrecision.YEAR, DatePrecision.MONTH


@pytest.mark.parametrize("text", ["Y", "y", "Yes", "✓", "✔", "x", "X", "Υ", "У"])
def test_ticks_and_look_alikes(text: str) -> None:
    assert ticked(text)


@pytest.mark.parametrize("text", ["", "N", "No", "-"])
def test_no_tick(text: str) -> None:
    assert not ticked(text)


def test_anything_else_is_not_a_tick() -> None:
    with pytest.raises(ValueError, match="'maybe' is not a tick"):
        ticked("maybe")


def test_answers() -> None:
    assert answered_yes("Yes") is True
    assert answered_yes(" no ") is False
    assert answered_yes("") is None
    with pytest.raises(ValueError, match="neither Yes nor No"):
        answered_yes("perhaps")


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("01/05/2021", RegisterDate(date(2021, 5, 1))),
        ("Apr-22", RegisterDate(date(2022, 4, 1), precision=MONTH)),
        ("April 2022", RegisterDate(date(2022, 4, 1), precision=MONTH)),
        ("Nov-88", RegisterDate(date(1988, 11, 1), precision=MONTH)),
        ("2021", RegisterDate(date(2021, 1, 1), precision=YEAR)),
        ("01/06/21 on joining CCG", RegisterDate(date(2021, 6, 1), "on joining CCG")),
        # A two-digit year after this year is of the last century whatever the form.
        ("01/11/88", RegisterDate(date(1988, 11, 1))),
        ("1 November 88", RegisterDate(date(1988, 11, 1))),
        ("01/11/88 as trustee", RegisterDate(date(1988, 11, 1), "as trustee")),
        ("Ongoing", RegisterDate(None)),
        ("ongoing", RegisterDate(None)),
        ("", RegisterDate(None)),
    ],
)
def test_register_dates(text: str, read: RegisterDate) -> None:
    assert register_date(text, TODAY) == read


def test_a_date_to_may_be_after_today() -> None:
    # A two-digit year after this one is of the last century in a Date From, and of
    # this century in a Date To (an interest that will end).
    assert register_date("31/03/27", TODAY).day == date(1927, 3, 31)
    assert register_date("31/03/27", TODAY, ending=True).day == date(2027, 3, 31)
    assert register_date("Mar-27", TODAY, ending=True) == RegisterDate(
        date(2027, 3, 1), precision=MONTH
    )


def test_a_date_that_is_not_one() -> None:
    with pytest.raises(ValueError, match="is not a date"):
        register_date("when I joined", TODAY)


@pytest.mark.parametrize(
    ("description", "organisation"),
    [
        ("Interim Chair, University of Birmingham", "University of Birmingham"),
        ("Keele University - Lecturer", "Keele University"),
        ("Bedford Borough Council, Commissioner of Public Health", "Bedford Borough Council"),
        ("I am a non-shareholding director of FACT Solutions UK Ltd, which provides",
         "FACT Solutions UK Ltd"),
        ("Chief Executive of Bedfordshire Hospitals NHS Foundation Trust",
         "Bedfordshire Hospitals NHS Foundation Trust"),
        ("Community Pharmacy PCN Lead, Oasis PCN, Luton", "Oasis PCN"),
        ("Member, Oxford AHSN", None),
        ("Wife employed by NHS England Eastern Region", None),
        # Only the first sentence: an address after it is not the organisation.
        ("I am Chair of Trustees for Arts for Health MK a registered charity. Address MK "
         "University Hospital, Standing Way", None),
    ],
)  # fmt: skip
def test_organisation_named(description: str, organisation: str | None) -> None:
    assert organisation_in(description) == organisation


@pytest.mark.parametrize(
    ("text", "given"),
    [
        ("2014", (date(2014, 1, 1), YEAR)),
        ("2022-04", (date(2022, 4, 1), MONTH)),
        ("2022-04-15", (date(2022, 4, 15), DatePrecision.DAY)),
    ],
)
def test_a_date_written_iso_fashion_as_far_as_given(
    text: str, given: tuple[date, DatePrecision]
) -> None:
    assert iso_given(text) == given


def test_a_date_written_iso_fashion_that_is_not_one() -> None:
    with pytest.raises(ValueError, match="not a real date"):
        iso_given("2022-13")
    with pytest.raises(ValueError, match="is not a year"):
        iso_given("Apr-22")
