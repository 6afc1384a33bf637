"""The register of interests a committee keeps of its members (docs/register.md): each
person's interests with seed 003's columns, and their nil returns.

Seed 003's register ("Appendix A – Register of Interests") has, per row: Surname,
Forename, Position within or relationship with the ICB, Interests to Declare (Yes/No),
the type of interest as a tick in one of Financial / Non-Financial Professional /
Non-Financial Personal / Indirect, Description of Interest, Date From, Date To, Actions to
be taken to mitigate risk, Date Declared. A row with "No" and nothing else is a nil return
("No interests"), dated.

The register is versioned by date: an interest is in it from the day it was declared
(even if it begins later: a prospective interest is declared so that it is known) until
the last day it was held, and a correction is a new
entry replacing the old from its own date, so what the register said on any meeting's
date can be shown (`register_on`).

Date From and Date To keep the precision the member gave them (`DatePrecision`): "2014"
is a year, "Apr-22" a month, "01/04/2022" a day. The date kept is the first day of what
was given (1 January 2014, 1 April 2022), so dates sort and compare as dates; an interest
whose Date To is a year or a month was held to the end of it ("2022" runs to 31 December
2022, `Interest.ends_on`); and a date is worded as it was given (`date_as_given`) wherever
it is shown, never as a day the member did not name.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from enum import StrEnum

from pydantic import Field, field_validator, model_validator

from minutebook.domain.base import Code, DomainModel, blank_to_none
from minutebook.domain.committee import Committee, Seat
from minutebook.domain.meeting import InterestCategory
from minutebook.domain.tracker import tracker_year, year_label
from minutebook.domain.tracker_reading import TITLES


class DatePrecision(StrEnum):
    """How much of a Date From or Date To the member gave."""

    YEAR = "year"
    """ "2014": kept as 1 January 2014."""
    MONTH = "month"
    """ "Apr-22", "April 2022": kept as 1 April 2022."""
    DAY = "day"


_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def period_end(day: date, precision: DatePrecision) -> date:
    """The last day of the year, month or day that `day` (its first day) stands for."""
    if precision is DatePrecision.YEAR:
        return date(day.year, 12, 31)
    if precision is DatePrecision.MONTH:
        return date(day.year + day.month // 12, day.month % 12 + 1, 1) - timedelta(days=1)
    return day


def date_as_given(day: date | None, precision: DatePrecision, *, narrow: bool = False) -> str:
    """A Date From or Date To in the words of its precision: "2014", "Apr 2022",
    "01/04/2022"; blank for none. A month has its year in four digits (seed 003's
    "Apr-22" could be read as 22 April) and its name in English whatever the computer's
    language, as the rest of the register's dates are. `narrow`: a day as 01/04/22, for
    a column of eight characters (a month and a year fit it whole)."""
    if day is None:
        return ""
    if precision is DatePrecision.YEAR:
        return str(day.year)
    if precision is DatePrecision.MONTH:
        return f"{_MONTH_NAMES[day.month - 1]} {day.year}"
    return f"{day:%d/%m/%y}" if narrow else f"{day:%d/%m/%Y}"


def precision_problem(day: date | None, precision: DatePrecision) -> str | None:
    """Why `day` cannot stand for a year or a month: it is kept as their first day."""
    if day is None or precision is DatePrecision.DAY:
        return None
    if precision is DatePrecision.YEAR and (day.month, day.day) != (1, 1):
        return f"a year is kept as its 1 January, not {day:%d/%m/%Y}"
    if day.day != 1:
        return f"a month is kept as its first day, not {day:%d/%m/%Y}"
    return None


class Interest(DomainModel):
    """One interest of one person, as the register records it."""

    id: int | None = None
    committee: Code
    person: Code
    category: InterestCategory
    description: str = Field(min_length=1, max_length=5000)
    organisation: str | None = Field(default=None, max_length=300)
    """The organisation it concerns, where the description names one (what prompts read)."""
    date_from: date | None = None
    """When the interest began (None: not given); the first day of a year or month given."""
    from_precision: DatePrecision = DatePrecision.DAY
    """Whether `date_from` was given as a year, a month or a day."""
    date_to: date | None = None
    """When it ended (None: ongoing); the first day of a year or month given."""
    to_precision: DatePrecision = DatePrecision.DAY
    """Whether `date_to` was given as a year, a month or a day (`ends_on`)."""
    mitigation: str | None = Field(default=None, max_length=5000)
    """Actions to be taken to mitigate risk."""
    declared_on: date
    """The date declared: it is in the register from then."""
    replaced_on: date | None = None
    """A later correction replaced it from this date (it stays in earlier versions)."""

    _blank = field_validator("organisation", "mitigation", mode="before")(blank_to_none)

    @model_validator(mode="after")
    def _dates_make_sense(self) -> Interest:
        for label, day, precision in (
            ("date from", self.date_from, self.from_precision),
            ("date to", self.date_to, self.to_precision),
        ):
            problem = precision_problem(day, precision)
            if problem:
                raise ValueError(f"{label}: {problem}")
        ends_on = self.ends_on
        if self.date_from and ends_on and ends_on < self.date_from:
            raise ValueError(
                f"the interest ended ({self.date_to_given}) before it began "
                f"({self.date_from_given})"
            )
        if self.replaced_on is not None and self.replaced_on < self.declared_on:
            raise ValueError("an interest cannot be replaced before it was declared")
        return self

    @property
    def ends_on(self) -> date | None:
        """The last day it was held: its date to, or the last day of the year or month
        given as its date to (an interest ending "2022" runs to 31 December 2022)."""
        return None if self.date_to is None else period_end(self.date_to, self.to_precision)

    @property
    def date_from_given(self) -> str:
        """Its date from as the member gave it ("2014", "Apr 2022", "01/04/2022")."""
        return date_as_given(self.date_from, self.from_precision)

    @property
    def date_to_given(self) -> str:
        """Its date to as the member gave it; blank when ongoing."""
        return date_as_given(self.date_to, self.to_precision)

    def in_register_on(self, day: date) -> bool:
        """Whether the register showed this interest on `day`: from its date declared
        (an interest declared before it begins is shown, and prompts, from then) to the
        last day it was held (`ends_on`), unless replaced by then."""
        if self.declared_on > day or (self.replaced_on is not None and self.replaced_on <= day):
            return False
        ends_on = self.ends_on
        return ends_on is None or ends_on >= day


class NilReturn(DomainModel):
    """A person's return with no interests to declare ("No"), dated."""

    id: int | None = None
    committee: Code
    person: Code
    declared_on: date


def register_on(
    interests: Sequence[Interest], nil_returns: Sequence[NilReturn], day: date
) -> tuple[list[Interest], list[NilReturn]]:
    """The register as it stood on `day`: the interests it showed, and the nil returns of
    the people who had no interest in it then (each person's latest return by then)."""
    shown = [i for i in interests if i.in_register_on(day)]
    with_interests = {i.person for i in shown}
    latest: dict[str, NilReturn] = {}
    for nil in sorted(nil_returns, key=lambda n: n.declared_on):
        if nil.declared_on <= day and nil.person not in with_interests:
            latest[nil.person] = nil
    return shown, list(latest.values())


def without_return(
    members: Sequence[str],
    interests: Sequence[Interest],
    nil_returns: Sequence[NilReturn],
    since: date,
    until: date | None = None,
) -> list[str]:
    """The members who have made no return (an interest declared or a nil return) on or
    after `since` (the start of the year asked about) and, with `until`, on or before it
    (a return made later was not there to count on that day), in the order given."""

    def counts(day: date) -> bool:
        return day >= since and (until is None or day <= until)

    returned = {i.person for i in interests if counts(i.declared_on)} | {
        n.person for n in nil_returns if counts(n.declared_on)
    }
    return [m for m in members if m not in returned]


def members_on(seats: Sequence[Seat], day: date) -> list[str]:
    """The committee's members on `day`: the holders of the seats in post then (their
    term covering it, the seat not retired by then), once each, in the seats' order."""
    return list(dict.fromkeys(s.holder for s in seats if s.holder and s.in_post_on(day)))


def members_during(seats: Sequence[Seat], start: date, end: date) -> list[str]:
    """The committee's members at some point from `start` to `end` (both included): the
    holders of the seats whose term overlaps the period and which were not retired by its
    first day (`Seat.in_post_on`, over a period), once each, in the seats' order."""
    return list(
        dict.fromkeys(
            s.holder
            for s in seats
            if s.holder
            and (s.retired_on is None or s.retired_on > start)
            and (s.term_from is None or s.term_from <= end)
            and (s.term_to is None or s.term_to >= start)
        )
    )


def missing_returns(
    seats: Sequence[Seat],
    interests: Sequence[Interest],
    nil_returns: Sequence[NilReturn],
    day: date,
    start: date,
) -> list[str]:
    """Who had made no return as at `day`: the members on that day (`members_on`) with
    no interest declared and no nil return from `start` (the register year's first day,
    `register_year`) to `day`, both included. The one answer of the screen's line, the
    command line's list and the export."""
    return without_return(members_on(seats, day), interests, nil_returns, start, day)


def declared_problem(declared_on: date, today: date) -> str | None:
    """Why a return or an interest dated `declared_on` cannot be recorded on `today`:
    the register records what has been declared, so a date after today is refused (it
    would not show until then)."""
    if declared_on > today:
        return (
            f"Date declared: {declared_on:%d/%m/%Y} is after today; record what has been declared"
        )
    return None


def register_year(committee: Committee, day: date) -> date:
    """The first day of the register's year that `day` falls in: the committee's year, as
    its action tracker's title and its annual report count it (`tracker.tracker_year`):
    an NHS body's financial year from 1 April, a council's municipal year from 1 May, or
    the committee's own numbering year where that runs from April or May. Returns are
    asked for once a year, and the annual report counts them in the same year."""
    return tracker_year(committee, day)


def register_year_words(start: date) -> str:
    """ "2022/23": the register year that starts on `start`, as the screen names it."""
    return year_label(start)


_PARTICLES = frozenset({"van", "von", "de", "der", "den", "del", "della", "da", "di", "du",
                        "le", "la", "ter", "ten", "bin", "ibn", "al", "st", "st."})  # fmt: skip
"""Words that belong to the surname after them ("van der Berg", "De Souza")."""

_AFTER_NAME = frozenset({"obe", "mbe", "cbe", "kbe", "dbe", "jr", "jnr", "sr", "snr", "kc", "qc"})
"""Letters after a name: not the surname."""


def surname_forename(name: str, honorific: str | None = None) -> tuple[str, str]:
    """ "Stuart Ross Graves" -> ("Graves", "Stuart Ross"): the register sorts and prints
    people by surname, as seed 003 does. The honorific is no forename ("Councillor
    Darlington", a name of one word, is ("Darlington", "")), whether it is given apart or
    written into the name ("Dr Sarah Whiteman"); a surname keeps the words before it that
    belong to it ("Ann van der Berg" -> ("van der Berg", "Ann")); letters after the name
    ("OBE") are left off."""
    words = name.split()
    titles = {t.casefold().rstrip(".") for t in (honorific or "").split()} | TITLES
    while len(words) > 1 and words[0].casefold().rstrip(".") in titles:
        words = words[1:]
    while len(words) > 1 and words[-1].casefold().replace(".", "") in _AFTER_NAME:
        words = words[:-1]
    if len(words) < 2:
        return " ".join(words), ""
    first = len(words) - 1
    while first > 1 and words[first - 1].casefold() in _PARTICLES:
        first -= 1
    return " ".join(words[first:]), " ".join(words[:first])


def filed_name(name: str, honorific: str | None = None) -> str:
    """ "Graves, Stuart Ross" as the register files a person; "Darlington" alone when the
    name has no forename (no comma left hanging)."""
    surname, forename = surname_forename(name, honorific)
    return f"{surname}, {forename}" if forename else surname
