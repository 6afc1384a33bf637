"""The register of interests a committee keeps of its members (docs/register.md): each
person's interests with seed 003's columns, and their nil returns.

Seed 003's register ("Appendix A – Register of Interests") has, per row: Surname,
Forename, Position within or relationship with the ICB, Interests to Declare (Yes/No),
the type of interest as a tick in one of Financial / Non-Financial Professional /
Non-Financial Personal / Indirect, Description of Interest, Date From, Date To, Actions to
be taken to mitigate risk, Date Declared. A row with "No" and nothing else is a nil return
("No interests"), dated.

The register is versioned by date: an interest is in it from the day it was declared
(or from the day it began, if later) until the day it ended, and a correction is a new
entry replacing the old from its own date, so what the register said on any meeting's
date can be shown (`register_on`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from pydantic import Field, field_validator, model_validator

from minutebook.domain.base import Code, DomainModel, blank_to_none
from minutebook.domain.meeting import InterestCategory


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
    """When the interest began (None: not given; a year alone is read as 1 January)."""
    date_to: date | None = None
    """When it ended (None: ongoing)."""
    mitigation: str | None = Field(default=None, max_length=5000)
    """Actions to be taken to mitigate risk."""
    declared_on: date
    """The date declared: it is in the register from then."""
    replaced_on: date | None = None
    """A later correction replaced it from this date (it stays in earlier versions)."""

    _blank = field_validator("organisation", "mitigation", mode="before")(blank_to_none)

    @model_validator(mode="after")
    def _dates_make_sense(self) -> Interest:
        if self.date_from and self.date_to and self.date_to < self.date_from:
            raise ValueError(
                f"the interest ended ({self.date_to:%d/%m/%Y}) before it began "
                f"({self.date_from:%d/%m/%Y})"
            )
        if self.replaced_on is not None and self.replaced_on < self.declared_on:
            raise ValueError("an interest cannot be replaced before it was declared")
        return self

    def in_register_on(self, day: date) -> bool:
        """Whether the register showed this interest on `day`."""
        if self.declared_on > day or (self.replaced_on is not None and self.replaced_on <= day):
            return False
        return self.date_to is None or self.date_to >= day


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
) -> list[str]:
    """The members who have made no return (an interest declared or a nil return) on or
    after `since` (the start of the year asked about), in the order given."""
    returned = {i.person for i in interests if i.declared_on >= since} | {
        n.person for n in nil_returns if n.declared_on >= since
    }
    return [m for m in members if m not in returned]


def declared_problem(declared_on: date, today: date) -> str | None:
    """Why a return or an interest dated `declared_on` cannot be recorded on `today`:
    the register records what has been declared, so a date after today is refused (it
    would not show until then)."""
    if declared_on > today:
        return (
            f"Date declared: {declared_on:%d/%m/%Y} is after today; record what has been declared"
        )
    return None


def year_start(day: date) -> date:
    """The start of the register's year that `day` falls in: returns are asked for
    once a calendar year."""
    return date(day.year, 1, 1)


def surname_forename(name: str) -> tuple[str, str]:
    """ "Stuart Ross Graves" -> ("Graves", "Stuart Ross"): the register sorts and prints
    people by surname, as seed 003 does."""
    words = name.split()
    if len(words) < 2:
        return name, ""
    return words[-1], " ".join(words[:-1])
