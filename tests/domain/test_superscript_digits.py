"""A superscript or other non-decimal digit ("²": `str.isdigit` says yes, `int` cannot
read it) typed where a whole number is asked for is refused in words or passed over,
never a crash or Python's "invalid literal" message."""

from __future__ import annotations

import pytest

from minutebook.domain.actions import cited_item
from minutebook.domain.bodies import read_paragraphs
from minutebook.domain.dates import parse_date


def test_an_action_citing_a_superscript_is_under_no_item() -> None:
    assert cited_item("²", {}, [1, 2]) is None
    assert cited_item("2", {}, [1, 2]) == 2


def test_a_superscript_paragraph_is_refused_in_words() -> None:
    with pytest.raises(ValueError, match="'²' is not a paragraph of Part 1 of Schedule 12A"):
        read_paragraphs("²")


def test_a_superscript_time_or_date_is_refused_in_words() -> None:
    with pytest.raises(ValueError, match="is not a date"):
        parse_date("²")
