"""A committee's register of interests as the screens, the command line and the export
ask for it (docs/register.md): the register on a day, person by person, who has made no
return this year, and the secretary's changes to it (add, correct, end, nil return).

The rules are the domain's (`domain.register`); the register is kept by the store
(`Store.interests`, `Store.replace_interest` ...)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from minutebook.domain.register import Interest, NilReturn, register_on, without_return

if TYPE_CHECKING:
    from minutebook.domain import Committee, Person
    from minutebook.store import Store


@dataclass(frozen=True)
class RegisterEntry:
    """One person's part of the register on a day: their interests, or their nil
    return, or neither (no return at all)."""

    person: Person
    position: str | None
    """The seat they hold on the committee (the register's "Position" column)."""
    interests: tuple[Interest, ...]
    nil_return: NilReturn | None

    @property
    def surname(self) -> str:
        return surname_forename(self.person.name)[0]

    @property
    def forename(self) -> str:
        return surname_forename(self.person.name)[1]

    @property
    def declared_on(self) -> date | None:
        """The latest date they declared anything in the register shown."""
        days = [i.declared_on for i in self.interests]
        if self.nil_return is not None:
            days.append(self.nil_return.declared_on)
        return max(days, default=None)


@dataclass(frozen=True)
class RegisterView:
    """The register as it stood on `day`."""

    committee: Committee
    day: date
    entries: tuple[RegisterEntry, ...]
    without_return: tuple[Person, ...]
    """Members who have made no return (an interest or a nil return) since `year_start`."""
    year_start: date


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


class Register:
    """A committee's register of interests in the store."""

    def __init__(self, store: Store):
        self.store = store

    def on(self, code: str, day: date) -> RegisterView:
        """The register on `day`: every current member and everyone with an entry,
        by surname, with what the register showed for them then."""
        membership = self.store.membership(code)
        positions: dict[str, str] = {}
        for seat in membership.seats:
            if seat.holder and seat.is_current:
                positions.setdefault(seat.holder, seat.title)
        interests = self.store.interests(code)
        nils = self.store.nil_returns(code)
        shown, nil_shown = register_on(interests, nils, day)
        named = {*positions, *(i.person for i in interests), *(n.person for n in nils)}
        people = {p.id: p for p in self.store.people() if p.id in named}
        entries = [
            RegisterEntry(
                person=person,
                position=positions.get(person.id),
                interests=tuple(i for i in shown if i.person == person.id),
                nil_return=next((n for n in nil_shown if n.person == person.id), None),
            )
            for person in people.values()
        ]
        entries.sort(key=lambda e: (e.surname.casefold(), e.forename.casefold()))
        since = year_start(day)
        members = [e.person.id for e in entries if e.person.id in positions]
        missing = set(without_return(members, interests, nils, since))
        return RegisterView(
            committee=membership.committee,
            day=day,
            entries=tuple(entries),
            without_return=tuple(e.person for e in entries if e.person.id in missing),
            year_start=since,
        )

    def add(self, interest: Interest) -> Interest:
        return self.store.add_interest(interest)

    def correct(self, old: Interest, corrected: Interest) -> Interest:
        """Replace `old` with `corrected` from the correction's date declared."""
        assert old.id is not None
        return self.store.replace_interest(old.id, corrected)

    def end(self, old: Interest, ended: date, today: date) -> Interest:
        """Record that an interest ended on `ended` (a correction declared `today`)."""
        changes = {"id": None, "date_to": ended, "declared_on": today, "replaced_on": None}
        return self.correct(old, Interest.model_validate(old.model_dump() | changes))

    def nil_return(self, code: str, person: str, day: date) -> NilReturn:
        return self.store.add_nil_return(NilReturn(committee=code, person=person, declared_on=day))
