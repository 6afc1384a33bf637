"""How the cells of a register of interests kept elsewhere are read (docs/register.md#
bringing-a-register-in): ticks, the dates people write, and the organisation a
description names. Pure rules, used by `interchange/register_file.py`.

- **A tick** is Y, Yes, ✓, ✔, x, X, or a letter that looks like Y in another alphabet
  (seed 003 ticks with the Greek capital upsilon "Υ" and the Cyrillic "У"). N, No, a
  dash or blank is no tick.
- **A date** in Date From or Date To is a day (01/05/2021, 01/06/21), a month (Apr-22,
  November 1988), or a year alone (2021), kept with that precision
  (`domain.register.DatePrecision`: a month as its first day, a year as its 1 January,
  never shown as those days). Words after a date
  ("01/06/21 on joining CCG") are kept as a note; "Ongoing", blank or "N/A" is no date.
  A two-digit year after this year is of the last century (Nov-88 is 1988).
- **The organisation** is taken from the description only where it clearly names one
  (`organisation_in`), else left empty for the secretary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from minutebook.domain.dates import NO_DATE_WORDS, written_date, year_of
from minutebook.domain.register import DatePrecision

TICKS = frozenset({"y", "yes", "✓", "✔", "☑", "x", "υ", "у", "ү", "1", "true"})
"""A ticked cell, compared without case: Y, ✓, x, and Y's look-alikes (Greek upsilon,
Cyrillic u, Cyrillic straight u) that a PDF or a foreign keyboard leaves."""

NO_TICKS = frozenset({"", "n", "no", "-", "–", "0", "false", "n/a", "na"})


def ticked(text: str) -> bool:
    """Whether a tick column's cell is ticked; ValueError for anything else."""
    word = " ".join(text.split()).casefold().rstrip(".")
    if word in TICKS:
        return True
    if word in NO_TICKS:
        return False
    raise ValueError(f"{text.strip()!r} is not a tick (Y, ✓ or x) nor blank")


NO_RETURN = "No return"
"""What the published register says for a member who has made no return this year."""


def no_return(text: str) -> bool:
    """Whether an "Interests to Declare" cell says the member made no return: a row to
    pass over on reading, since there is nothing to store."""
    return " ".join(text.split()).casefold().rstrip(".") in ("no return", "no return made")


def answered_yes(text: str) -> bool | None:
    """The "Interests to Declare" cell: True for Yes, False for No (nil), None blank."""
    word = " ".join(text.split()).casefold().rstrip(".")
    if not word:
        return None
    if word in ("yes", "y", "✓", "✔", "υ", "у"):
        return True
    if word in ("no", "n", "none", "nil", "nil return", "no interests"):
        return False
    raise ValueError(f"{text.strip()!r} is neither Yes nor No")


@dataclass(frozen=True)
class RegisterDate:
    """A Date From or Date To cell: the date (None: ongoing or not given), how much of
    it was given (a year or a month is kept as its first day), and the words written
    after it, if any."""

    day: date | None
    words: str = ""
    precision: DatePrecision = DatePrecision.DAY


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_YEAR = re.compile(r"^(?P<m>[a-z]{3})[a-z]*\.?[\s\-'/]*(?P<y>\d{4}|\d{2})$", re.I)
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_LEADING = re.compile(r"^(?P<day>\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2}))\s+(?P<words>\D.*)$")


def register_date(text: str, today: date, *, ending: bool = False) -> RegisterDate:
    """A date as registers write it (module docstring); ValueError if it is not one.
    `ending`: a Date To, which may be after today (an interest that will end, as
    Omotayo Kufeji's "31/03/2023" on a register of July 2022), so a two-digit year is
    of this century ("31/03/27" is 2027), never of the last."""
    latest = None if ending else today.year
    cleaned = " ".join(text.split()).rstrip(".")
    if not cleaned or cleaned.casefold() in NO_DATE_WORDS:
        return RegisterDate(None)
    if _YEAR.match(cleaned):
        return RegisterDate(date(int(cleaned), 1, 1), precision=DatePrecision.YEAR)
    month_year = _MONTH_YEAR.match(cleaned)
    if month_year and month_year["m"].lower() in _MONTHS:
        year = year_of(month_year["y"], latest)
        month = _MONTHS.index(month_year["m"].lower()) + 1
        return RegisterDate(date(year, month, 1), precision=DatePrecision.MONTH)
    leading = _LEADING.match(cleaned)
    if leading:
        return RegisterDate(written_date(leading["day"], latest=latest), leading["words"])
    return RegisterDate(written_date(cleaned, latest=latest))


_ISO_GIVEN = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?$")


def iso_given(text: str) -> tuple[date, DatePrecision]:
    """A date written ISO-fashion as far as it was given, as the demo's seed files write
    a register's dates: "2014" a year, "2022-04" a month, "2022-04-01" a day; kept as
    the first day of a year or a month. ValueError for anything else."""
    match = _ISO_GIVEN.match(text.strip())
    if match is None:
        raise ValueError(f"{text!r} is not a year (2014), a month (2022-04) nor a day (2022-04-01)")
    year, month, day = int(match["y"]), int(match["m"] or 1), int(match["d"] or 1)
    try:
        given = date(year, month, day)
    except ValueError:
        raise ValueError(f"{text!r} is not a real date") from None
    if match["d"]:
        return given, DatePrecision.DAY
    return given, DatePrecision.MONTH if match["m"] else DatePrecision.YEAR


ORGANISATION_WORDS = (
    "Ltd", "Limited", "plc", "PLC", "LLP", "CIC", "Council", "Trust", "University",
    "Association", "Society", "Committee", "CCG", "ICB", "PCN", "Pharmacy", "Centre",
    "Hospital", "Charity", "Partnership", "College", "Foundation",
)  # fmt: skip
"""The last word of a name that is an organisation's ("Bedford Borough Council")."""

_PARTS = re.compile(r"\s*(?:[,;()]|\s[-–—]\s|\s–|–\s|\bwhich\b|\bthat\b|\bt/a\b)\s*")
_FIRST_SENTENCE = re.compile(r"(?<=[a-z)])\.\s")
_ROLE_BEFORE = re.compile(
    r"^.*?\b(?:director|executive|chair|member|trustee|partner|governor|officer|lecturer|"
    r"lead|manager|employed|pharmacist)\b.*?\s(?:of|for|at|with|to|by)\s+(?:the\s+)?"
    r"|^(?:of|for|at|with|to|by)\s+(?:the\s+)?",
    re.IGNORECASE,
)
_NAMED = re.compile(
    rf"^[A-Z0-9][\w&'’.\- ]*\b(?:{'|'.join(ORGANISATION_WORDS)})$"
    r"|^(?:[A-Z][\w'’\-]* )*(?:University|Association|Society|College) of [A-Z][\w&'’.\- ]*$"
)


def organisation_in(description: str) -> str | None:
    """The organisation a description clearly names, else None.

    Only the first sentence is read (what follows is detail: an address, what the
    organisation does). It is cut into parts at commas, brackets, semicolons, full stops,
    dashes between words, "which", "that" and "t/a"; a role and the word after it
    ("Chief Executive of", "I am a member of the") are taken off the front of a part;
    the first part that is then a capitalised name ending in an organisation's word
    (`ORGANISATION_WORDS`: "Bedford Borough Council", "FACT Solutions UK Ltd", "Oasis
    PCN"), or is "University / Association / Society / College of …" ("University of
    Birmingham"), is the organisation."""
    first = _FIRST_SENTENCE.split(description, maxsplit=1)[0]
    for part in _PARTS.split(first):
        name = _ROLE_BEFORE.sub("", part.strip()).strip(" .'\"")
        if 2 < len(name) <= 300 and _NAMED.match(name):
            return name
    return None
