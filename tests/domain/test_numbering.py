"""Minute numbering: templates, and where each reset rule starts its period."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from minutebook.domain import NumberingReset, NumberingScheme
from minutebook.domain.numbering import format_minute_number, period_start

HCP = NumberingScheme(template="{prefix}{seq}", prefix="HCP", reset=NumberingReset.MUNICIPAL_YEAR)
BOARD = NumberingScheme(
    template="{prefix} {yy}/{seq:03}", prefix="ICB", reset=NumberingReset.FINANCIAL_YEAR
)


def test_hcp_municipal_year_numbers() -> None:
    june = date(2023, 6, 13)
    assert [format_minute_number(HCP, n, june) for n in (1, 2, 7)] == ["HCP1", "HCP2", "HCP7"]


def test_financial_year_template_pads_and_uses_the_year_the_period_began() -> None:
    assert format_minute_number(BOARD, 5, date(2022, 7, 1)) == "ICB 22/005"
    # February 2023 is still in the financial year that began in April 2022.
    assert format_minute_number(BOARD, 42, date(2023, 2, 14)) == "ICB 22/042"
    assert format_minute_number(BOARD, 1, date(2023, 4, 1)) == "ICB 23/001"


def test_seq_over_yy_and_item_para_templates() -> None:
    scheme = NumberingScheme(template="{seq}/{yy}", reset=NumberingReset.CALENDAR_YEAR)
    assert format_minute_number(scheme, 12, date(2024, 3, 5)) == "12/24"
    per_item = NumberingScheme(template="{item}.{para}", reset=NumberingReset.PER_MEETING)
    assert format_minute_number(per_item, 1, date(2024, 3, 5), item=4, para=2) == "4.2"


def test_template_with_unknown_token_is_reported() -> None:
    scheme = NumberingScheme(template="{prefix}{seq}{colour}", prefix="X")
    with pytest.raises(ValueError, match="not usable"):
        format_minute_number(scheme, 1, date(2024, 1, 1))


def test_template_without_seq_or_item_is_refused() -> None:
    with pytest.raises(ValidationError, match=r"needs \{seq\} or \{item\}"):
        NumberingScheme(template="{prefix}")


@pytest.mark.parametrize(
    ("reset", "day", "start"),
    [
        (NumberingReset.NEVER, date(2023, 6, 13), None),
        (NumberingReset.PER_MEETING, date(2023, 6, 13), date(2023, 6, 13)),
        (NumberingReset.CALENDAR_YEAR, date(2023, 1, 1), date(2023, 1, 1)),
        (NumberingReset.CALENDAR_YEAR, date(2023, 12, 31), date(2023, 1, 1)),
        (NumberingReset.FINANCIAL_YEAR, date(2023, 3, 31), date(2022, 4, 1)),
        (NumberingReset.FINANCIAL_YEAR, date(2023, 4, 1), date(2023, 4, 1)),
        (NumberingReset.FINANCIAL_YEAR, date(2023, 5, 1), date(2023, 4, 1)),
        (NumberingReset.FINANCIAL_YEAR, date(2024, 1, 15), date(2023, 4, 1)),
        (NumberingReset.MUNICIPAL_YEAR, date(2023, 4, 30), date(2022, 5, 1)),
        (NumberingReset.MUNICIPAL_YEAR, date(2023, 4, 1), date(2022, 5, 1)),
        (NumberingReset.MUNICIPAL_YEAR, date(2023, 5, 1), date(2023, 5, 1)),
        (NumberingReset.MUNICIPAL_YEAR, date(2023, 6, 13), date(2023, 5, 1)),
        (NumberingReset.MUNICIPAL_YEAR, date(2024, 3, 12), date(2023, 5, 1)),
    ],
)
def test_period_start(reset: NumberingReset, day: date, start: date | None) -> None:
    assert period_start(reset, day) == start


def test_13_june_2023_starts_a_new_council_year_but_march_does_not() -> None:
    assert period_start(HCP.reset, date(2023, 6, 13)) != period_start(HCP.reset, date(2023, 3, 14))
    assert period_start(HCP.reset, date(2023, 6, 13)) == period_start(HCP.reset, date(2024, 3, 12))
