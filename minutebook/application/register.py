"""A committee's register of interests as the screens, the command line and the export
ask for it (docs/register.md): the register on a day, person by person, who has made no
return this year, and the secretary's changes to it (add, correct, end, nil return).

The rules are the domain's (`domain.register`: what it shows on a day, its year, how it
names people); the register is kept by the store (`Store.interests`,
`Store.replace_interest` ...)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from minutebook.domain.base import Refused, error_lines
from minutebook.domain.dates import parse_date, short_date
from minutebook.domain.interests import category_problem
from minutebook.domain.register import (
    Interest,
    NilReturn,
    declared_problem,
    filed_name,
    missing_returns,
    register_on,
    register_year,
    register_year_words,
    surname_forename,
)
from minutebook.domain.register_reading import register_date
from minutebook.store.errors import StoreError

if TYPE_CHECKING:
    from minutebook.domain import Committee, Person
    from minutebook.exporters.register import RegisterPerson
    from minutebook.store import Store


LABELS = {
    "person": "Person",
    "category": "Type",
    "description": "Description",
    "organisation": "Organisation",
    "date_from": "Date from",
    "date_to": "Date to",
    "mitigation": "Mitigation",
    "declared_on": "Date declared",
}
"""The form's words for an interest's fields, so that a refusal names them."""

_DATES = ("declared_on",)
_GIVEN = {"date_from": "from_precision", "date_to": "to_precision"}
"""Dates kept as far as they were given (a year, a month or a day), and their precision."""

DATE_GIVEN = "dd/mm/yyyy, Apr 2022 or 2014"
"""How the form asks for a Date From or Date To: a day, or a month or a year alone."""


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
        return surname_forename(self.person.name, self.person.honorific)[0]

    @property
    def forename(self) -> str:
        return surname_forename(self.person.name, self.person.honorific)[1]

    @property
    def filed_name(self) -> str:
        """ "Graves, Stuart Ross"; "Darlington" for a name of one word."""
        return filed_name(self.person.name, self.person.honorific)

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
    """Members on `day` who had made no return (an interest or a nil return) in the
    register year by then (`domain.register.missing_returns`)."""
    year_start: date
    """The first day of the register year `day` falls in (`domain.register.register_year`)."""

    @property
    def year(self) -> str:
        """ "2022/23": the register year, in words."""
        return register_year_words(self.year_start)


def for_export(view: RegisterView) -> list[RegisterPerson]:
    """The register on the day, person by person, as its export lays it out."""
    from minutebook.exporters.register import RegisterPerson

    return [
        RegisterPerson(
            surname=e.surname,
            forename=e.forename,
            position=e.position or "",
            interests=e.interests,
            nil_return=e.nil_return,
        )
        for e in view.entries
    ]


class Register:
    """A committee's register of interests in the store."""

    def __init__(self, store: Store):
        self.store = store

    def on(self, code: str, day: date) -> RegisterView:
        """The register on `day`: every member on that day and everyone with an entry,
        by surname, with what the register showed for them then."""
        membership = self.store.membership(code)
        positions: dict[str, str] = {}
        for seat in membership.seats:
            if seat.holder and seat.in_post_on(day):
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
        since = register_year(membership.committee, day)
        missing = set(missing_returns(membership.seats, interests, nils, day, since))
        return RegisterView(
            committee=membership.committee,
            day=day,
            entries=tuple(entries),
            without_return=tuple(e.person for e in entries if e.person.id in missing),
            year_start=since,
        )

    # -- the secretary's changes, from the register screen's forms ----------------------

    @staticmethod
    def values(interest: Interest | None, today: date) -> dict[str, Any]:
        """What an interest's form opens with: a correction opens with the interest as
        recorded, dated today (it replaces the old entry from today)."""
        if interest is None:
            return {"declared_on": short_date(today)}
        return {
            "person": interest.person,
            "category": interest.category.value,
            "description": interest.description,
            "organisation": interest.organisation or "",
            "date_from": interest.date_from_given,
            "date_to": interest.date_to_given,
            "mitigation": interest.mitigation or "",
            "declared_on": short_date(today),
        }

    def interest_from(
        self, code: str, values: dict[str, Any], today: date, kept: Interest | None = None
    ) -> Interest:
        """The interest a form describes; Refused in the form's words. A category this
        body's members do not declare is refused (a correction may keep its own), and so
        is a date declared after `today`: the register would not show it until then."""
        data: dict[str, Any] = {"committee": code}
        problems: list[str] = []
        for key in LABELS:
            value = values.get(key)
            if isinstance(value, str):
                value = value.strip() or None
            if key in _GIVEN and value is not None:
                try:
                    given = register_date(value, today, ending=key == "date_to")
                except ValueError as error:
                    problems.append(f"{LABELS[key]}: {error}")
                    continue
                if given.words:
                    problems.append(f"{LABELS[key]}: the date alone ({DATE_GIVEN})")
                    continue
                data[_GIVEN[key]] = given.precision
                value = given.day
            elif key in _DATES and value is not None:
                try:
                    value = parse_date(value)
                except ValueError as error:
                    problems.append(f"{LABELS[key]}: {error}")
                    continue
            if value is not None:
                data[key] = value
        if kept is not None:
            data["person"] = kept.person
        if problems:
            raise Refused("\n".join(problems))
        try:
            interest = Interest.model_validate(data)
        except ValidationError as error:
            raise Refused("\n".join(error_lines(error, labels=LABELS))) from None
        late = declared_problem(interest.declared_on, today)
        if late:
            raise Refused(late)
        body = self.store.committee(code).body_type
        problem = category_problem(interest.category, body, kept.category if kept else None)
        if problem:
            raise Refused(problem.replace("Interest:", "Type:", 1))
        return interest

    def save(
        self, code: str, values: dict[str, Any], today: date, old: Interest | None = None
    ) -> Interest:
        """Add the interest the form describes, or (with `old`) record it as the
        correction of `old` from its date declared. Refused, nothing changed."""
        interest = self.interest_from(code, values, today, old)
        try:
            if old is None or old.id is None:
                return self.store.add_interest(interest)
            return self.store.replace_interest(old.id, interest)
        except StoreError as error:
            raise Refused(str(error)) from None

    def end(self, old: Interest, ended: str, declared: str, today: date) -> Interest:
        """Record that an interest ended (dates as typed): a correction of it with its
        date to, declared on `declared`."""
        values = self.values(old, today) | {"date_to": ended, "declared_on": declared}
        if not ended.strip():
            raise Refused("Date to: say when the interest ended")
        return self.save(old.committee, values, today, old)

    def nil_return(self, code: str, person: str, declared: str, today: date) -> NilReturn:
        """Record a person's nil return ("No interests"), dated as typed."""
        try:
            day = parse_date(declared)
        except ValueError as error:
            raise Refused(f"Date declared: {error}") from None
        if day is None:
            raise Refused("Date declared: give the date of the return")
        late = declared_problem(day, today)
        if late:
            raise Refused(late)
        try:
            return self.store.add_nil_return(
                NilReturn(committee=code, person=person, declared_on=day)
            )
        except StoreError as error:
            raise Refused(str(error)) from None
