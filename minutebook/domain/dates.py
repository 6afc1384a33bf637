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


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def long_day(day: date) -> str:
    """Tuesday 13 June 2023: the day and the date, as council minutes print the date of
    their meeting (seed 001); in English whatever the computer's language."""
    return f"{WEEKDAYS[day.weekday()]} {long_date(day)}"


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
        if hour_text.isdecimal() and (not minute_text or minute_text.isdecimal()):
            hour, minute = int(hour_text), int(minute_text or 0)
            if 1 <= hour <= 12 and minute < 60:
                hour = hour % 12 + (12 if text.endswith("pm") else 0)
                return f"{hour:02d}:{minute:02d}"
        raise ValueError(f"{value!r} is not a time of day; use HH:MM, e.g. 14:30")
    if ":" not in text and text.isdecimal() and len(text) in (3, 4):
        text = f"{text[:-2]}:{text[-2:]}"
    if len(text) == 4 and text[1] == ":":
        text = "0" + text
    if not _CLOCK.match(text):
        raise ValueError(f"{value!r} is not a time of day; use HH:MM, e.g. 14:30")
    return text


EARLIEST_MEETING = date(1900, 1, 1)
YEARS_AHEAD = 5

REPORT_YEARS = range(EARLIEST_MEETING.year, 2101)
"""The years an annual report can be asked for: from the earliest meeting's (1900); a
later one than 2100 is a typing slip."""
YEAR_WORDS = "give the year it starts in, e.g. 2023 for 2023/24"


def report_year(text: str) -> int:
    """The year a report is asked for, as typed ("2023" for 2023/24); ValueError in
    words for anything else (a superscript digit, which `isdigit` takes and `int`
    cannot read, included)."""
    text = text.strip()
    if not text.isdecimal() or int(text) not in REPORT_YEARS:
        raise ValueError(YEAR_WORDS)
    return int(text)


def period_problem(start: date | None, end: date | None) -> str | None:
    """Why a period cannot be read from `start` to `end` (either open): it ends before
    it starts. One rule for the attendance screen and the commands that take a period."""
    if start is not None and end is not None and end < start:
        return f"the period would end on {short_date(end)}, before it starts on {short_date(start)}"
    return None


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


# -- dates as typed in a tracker kept elsewhere (docs/actions.md#bringing-a-tracker-in) ----

NO_DATE_WORDS = frozenset(
    {
        "tbc", "tba", "tbd", "to be confirmed", "to be agreed", "ongoing", "on going",
        "on-going", "n/a", "na", "none", "nil", "-", "–", "—", "?", "asap",
        "as soon as possible", "various", "unknown", "not known", "as required",
    }
)  # fmt: skip
"""What people write in a deadline cell for "no date yet": read as no date."""

_MONTHS = (
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
)  # fmt: skip
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_YEAR = r"(?:\d{4}|'?\d{2})"
_WRITTEN = re.compile(
    "|".join(
        (
            r"(?P<iso_y>\d{4})-(?P<iso_m>\d{1,2})-(?P<iso_d>\d{1,2})",
            r"(?P<num_d>\d{1,2})[/.\-](?P<num_m>\d{1,2})[/.\-](?P<num_y>\d{4}|\d{2})",
            # 13 June 2023, 13th June 2023, Tuesday 13 June 2023, 13-Jun-23, 13 of June, 2023
            rf"{_WEEKDAY}(?P<dm_d>\d{{1,2}})(?:st|nd|rd|th)?[\s\-]*(?:of\s+)?"
            rf"(?P<dm_m>{_MONTH})[,\s\-]*(?P<dm_y>{_YEAR})",
            # June 13, 2023; June 13th 2023
            rf"{_WEEKDAY}(?P<md_m>{_MONTH})\s+(?P<md_d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
            r"(?P<md_y>\d{4})",
            # June 2023, Jun-23, end of June 2023: a month, no day
            rf"(?:end\s+(?:of\s+)?)?(?P<my_m>{_MONTH})[,\s\-]*(?P<my_y>\d{{4}}|[-']\s*\d{{2}})",
        )
    ),
    re.IGNORECASE,
)
_TIME_AFTER = re.compile(r"\s+\d{1,2}:\d{2}(?::\d{2})?$")
_BETWEEN_DATES = re.compile(
    r"^[\s,;&/→>\-–—.()]*(?:(?:and|then|revised|to|was)[\s,;&/→>\-–—.()]*)*$"
)


def _month(text: str) -> int:
    return _MONTHS.index(text.strip(".").lower()[:3]) + 1


def year_of(text: str, latest: int | None = None) -> int:
    """A year as written: "2023", or two digits of this century ("23", "'23"), or of
    the last where that would come after the year `latest` (a date that cannot be in
    the future: with `latest` 2026, "88" is 1988)."""
    digits = int(text.strip("'- "))
    if digits >= 100:
        return digits
    year = digits + 2000
    return year - 100 if latest is not None and year > latest else year


def _from_match(match: re.Match[str], month_end: bool, latest: int | None = None) -> date:
    """The date a match of `_WRITTEN` names (two-digit years as `year_of` reads them);
    ValueError if it is not a real one, or is a month alone where a day is needed."""
    found = {k: v for k, v in match.groupdict().items() if v is not None}
    text = match.group(0)
    try:
        if "iso_y" in found:
            return date(int(found["iso_y"]), int(found["iso_m"]), int(found["iso_d"]))
        if "num_y" in found:
            year = year_of(found["num_y"], latest)
            return date(year, int(found["num_m"]), int(found["num_d"]))
        if "dm_y" in found:
            year = year_of(found["dm_y"], latest)
            return date(year, _month(found["dm_m"]), int(found["dm_d"]))
        if "md_y" in found:
            year = year_of(found["md_y"], latest)
            return date(year, _month(found["md_m"]), int(found["md_d"]))
        year, month = year_of(found["my_y"], latest), _month(found["my_m"])
    except ValueError:
        raise ValueError(f"{text!r} is not a real date") from None
    if not month_end:
        raise ValueError(f"{text!r} names a month, not a day")
    following = date(year + month // 12, month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def written_date(text: str, *, month_end: bool = False, latest: int | None = None) -> date | None:
    """A date as people type it in a tracker: 13/06/2023, 13/6/23, 13.06.23,
    2023-06-13, 13 June 2023, 13th June 2023, Tue 13 Jun 23, June 13, 2023; a time
    after it (as a spreadsheet saves one) is ignored. Blank, or one of `NO_DATE_WORDS`
    ("TBC", "ongoing"), is no date.

    A month alone ("June 2023", "Jun-23", "end of June 2023") is a deadline at the end
    of that month where `month_end` is true (an action due in June is not late until
    June is over), and refused otherwise (a meeting has a day). A two-digit year is of
    this century, or of the last where it would come after the year `latest`
    (`year_of`). Raises ValueError with the text and what is wrong."""
    cleaned = _TIME_AFTER.sub("", " ".join(text.split())).rstrip(".")
    if not cleaned or cleaned.casefold() in NO_DATE_WORDS:
        return None
    match = _WRITTEN.fullmatch(cleaned)
    if match is None:
        raise ValueError(f"{text.strip()!r} is not a date; write it as dd/mm/yyyy, e.g. 13/06/2023")
    return _from_match(match, month_end, latest)


def written_dates(text: str, *, month_end: bool = True) -> tuple[date, ...]:
    """Every date in a cell that may hold several ("30/06/2022, 29/07/2022", one a
    line, "June 2022 then July 2022"), in the order written; as `written_date` reads
    each. Raises ValueError if anything else is written between them."""
    cleaned = " ".join(text.split())
    if not cleaned or cleaned.casefold() in NO_DATE_WORDS:
        return ()
    days: list[date] = []
    last = 0
    for match in _WRITTEN.finditer(cleaned):
        if not _BETWEEN_DATES.match(cleaned[last : match.start()]):
            break
        days.append(_from_match(match, month_end))
        last = match.end()
    else:
        if _BETWEEN_DATES.match(cleaned[last:]) and days:
            return tuple(days)
    raise ValueError(f"{text.strip()!r} is not a list of dates; write them as dd/mm/yyyy")
