"""Dates as UK secretaries write and read them: 13/06/2023 in forms, 13 June 2023 in minutes."""

from __future__ import annotations

import re
from datetime import date

_CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
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


def clock_time(value: str | None) -> str | None:
    """Read a time of day as people write it ("9:30", "0930", "2pm", "14.30") and give
    it as "HH:MM"; blank means none. Raises ValueError with the expected form."""
    if value is None:
        return None
    text = value.strip().lower().replace(".", ":").replace(" ", "")
    if not text:
        return None
    if text.endswith(("am", "pm")):
        # "2pm", "2:30pm", "12am": agendas are often written this way.
        hour_text, _, minute_text = text[:-2].partition(":")
        if hour_text.isdigit() and (not minute_text or minute_text.isdigit()):
            hour, minute = int(hour_text), int(minute_text or 0)
            if 1 <= hour <= 12 and minute < 60:
                hour = hour % 12 + (12 if text.endswith("pm") else 0)
                return f"{hour:02d}:{minute:02d}"
        raise ValueError(f"{value!r} is not a time of day; use HH:MM, e.g. 14:30")
    if ":" not in text and text.isdigit() and len(text) in (3, 4):
        text = f"{text[:-2]}:{text[-2:]}"
    if len(text) == 4 and text[1] == ":":
        text = "0" + text
    if not _CLOCK.match(text):
        raise ValueError(f"{value!r} is not a time of day; use HH:MM, e.g. 14:30")
    return text


EARLIEST_MEETING = date(1900, 1, 1)
YEARS_AHEAD = 5


def meeting_date_problem(day: date, today: date) -> str | None:
    """Why `day` cannot be a meeting's date, or None: a date before 1900 or more than
    five years ahead is a typing slip (13/06/2203), not a meeting."""
    if day < EARLIEST_MEETING:
        return f"{short_date(day)} is before 1900; check the year"
    try:
        latest = today.replace(year=today.year + YEARS_AHEAD)
    except ValueError:  # 29 February
        latest = today.replace(year=today.year + YEARS_AHEAD, day=28)
    if day > latest:
        return f"{short_date(day)} is more than {YEARS_AHEAD} years ahead; check the year"
    return None
