"""Dates as UK secretaries write and read them: 13/06/2023 in forms, 13 June 2023 in minutes."""

from __future__ import annotations

import re
from datetime import date

_UK = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def parse_date(text: str) -> date | None:
    """Read "13/06/2023", "13/6/23" or "2023-06-13"; blank means no date.

    Raises ValueError with a message that shows the expected form.
    """
    text = text.strip()
    if not text:
        return None
    try:
        if match := _ISO.match(text):
            year, month, day = (int(g) for g in match.groups())
            return date(year, month, day)
        if match := _UK.match(text):
            day, month, year = (int(g) for g in match.groups())
            return date(year + 2000 if year < 100 else year, month, day)
    except ValueError:
        raise ValueError(f"{text!r} is not a real date") from None
    raise ValueError(f"{text!r} is not a date; write it as dd/mm/yyyy, e.g. 13/06/2023")


def short_date(day: date | None) -> str:
    """13/06/2023, the form used in forms and tables; blank for no date."""
    return "" if day is None else f"{day:%d/%m/%Y}"


def long_date(day: date) -> str:
    """13 June 2023, the form used in minutes (no leading zero on the day)."""
    return f"{day.day} {day:%B %Y}"
