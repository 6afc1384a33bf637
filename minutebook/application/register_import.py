"""Bringing a register of interests kept elsewhere (Word, Excel, .csv) into a committee's
register, as the command line asks for it (docs/register.md#bringing-a-register-in).

Two steps, so that the secretary sees everything before anything is stored:

1. `preview(store, code, path)` reads the file (`interchange.register_file`) against the
   people Minutebook knows: the interests and nil returns it would add (a row the
   register holds as it is passed over with a note, so a register can be brought in
   again), the people not yet known, and every row that cannot be read with the reason.
2. `accept(store, code, preview, add_people)` stores it in one transaction
   (`Store.add_register`): the new people (only if `add_people`), then every interest
   and nil return. Nothing is stored unless every row was read and every person is
   known or added.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from minutebook.domain.base import Refused
from minutebook.domain.committee import Person, name_key, people_by_name
from minutebook.domain.register import Interest, NilReturn
from minutebook.interchange.register_file import (
    NEW_PERSON,
    RegisterInterest,
    RegisterNil,
    RegisterPreview,
    read_register,
)
from minutebook.interchange.tables import RowProblem
from minutebook.store.errors import StoreError

if TYPE_CHECKING:
    from minutebook.store import Store

__all__ = ["Imported", "RegisterPreview", "accept", "preview"]


@dataclass(frozen=True)
class Imported:
    """What an accepted import stored, with the people added for it."""

    interests: tuple[Interest, ...]
    nil_returns: tuple[NilReturn, ...]
    people: tuple[Person, ...]


def _words(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def _same(interest: Interest) -> tuple[str, str, str, date | None]:
    """What makes two entries the same interest, as the reading's duplicate check has
    it: the person, the type, the description (case and spaces aside), the date from."""
    return (
        interest.person,
        interest.category.value,
        _words(interest.description),
        interest.date_from,
    )


def _identical(interest: Interest) -> tuple[object, ...]:
    """The same interest, and every other column the same too (the dates as given, a year,
    a month or a day; mitigation; date declared): a row the register holds as it is."""
    return (
        *_same(interest),
        interest.from_precision,
        interest.date_to,
        interest.to_precision,
        _words(interest.mitigation),
        interest.declared_on,
    )


def preview(store: Store, code: str, path: Path, *, today: date | None = None) -> RegisterPreview:
    """What bringing the register file at `path` into committee `code`'s register would
    store, and what stops it (`RegisterPreview.problems`, `.unknown_people`).

    A row the register already holds as it is (an interest with every column the same,
    a nil return of the same person and date) is passed over with a note, so that a
    register brought in again (a yearly refresh) stores only what is new. A row that
    declares again an interest in the register (the same person, type, description and
    date from) with a later date declared, or another date to or mitigation, is its
    correction from that date (the old entry stays in the register of earlier days); one
    dated before the register's own entry is a problem. People with entries in the
    committee's register count as the committee's, as its members do. Raises
    `interchange.reading.FileError` when the file cannot be read as a register, and
    `Refused` when the committee is unknown."""
    today = today or date.today()
    try:
        committee = store.committee(code)
        people = store.people()
        entries = store.interests(code)
        nil_returns = store.nil_returns(code)
        ours = (
            {p.id for p in store.membership(code).people}
            | {i.person for i in entries}
            | {n.person for n in nil_returns}
        )
    except StoreError as error:
        raise Refused(str(error)) from None
    read = read_register(path, committee, people, ours, today=today)
    identical = {_identical(i) for i in entries}
    current = {_same(i): i for i in entries if i.replaced_on is None}
    nils = {(n.person, n.declared_on) for n in nil_returns}
    interests: list[RegisterInterest] = []
    problems: list[RowProblem] = []
    notes: list[str] = []
    already: list[str] = []
    corrected: dict[int | None, str] = {}
    for row in read.interests:
        interest = row.interest
        old = current.get(_same(interest)) if row.new_person is None else None
        if row.new_person is None and _identical(interest) in identical:
            already.append(row.place)
        elif old is None:
            interests.append(row)
        elif interest.declared_on < old.declared_on:
            problems.append(
                RowProblem(
                    row.place,
                    f"{code}'s register holds this interest declared later "
                    f"({old.declared_on:%d/%m/%Y}); correct it on the register screen",
                )
            )
        elif old.id in corrected:
            problems.append(
                RowProblem(row.place, f"declares again the same interest as {corrected[old.id]}")
            )
        else:
            corrected[old.id] = row.place
            interests.append(replace(row, replaces=old))
            notes.append(
                f"{row.place}: declares again the interest in the register of "
                f"{old.declared_on:%d/%m/%Y}, and replaces it from "
                f"{interest.declared_on:%d/%m/%Y}"
            )
    nil_rows: list[RegisterNil] = []
    for nil in read.nil_returns:
        said = (nil.nil_return.person, nil.nil_return.declared_on)
        if nil.new_person is None and said in nils:
            already.append(nil.place)
        else:
            nil_rows.append(nil)
    if not already and not corrected and len(problems) == 0:
        return read
    return replace(
        read,
        interests=tuple(interests),
        nil_returns=tuple(nil_rows),
        problems=read.problems + tuple(problems),
        notes=read.notes
        + tuple(notes)
        + tuple(f"{place}: already in the register, not stored again" for place in already),
        already=tuple(already),
    )


def accept(store: Store, code: str, preview: RegisterPreview, add_people: bool) -> Imported:
    """Store a previewed import in committee `code`'s register, all or nothing.

    Refused (nothing stored) if the preview is another committee's, if any row could not
    be read, or if people are not known, or not on the committee, and `add_people` is
    false (the message names them). With `add_people`, each person not known is added
    with the name the file gives, and those known but not on the committee are taken in
    (their entries stored; their seats are the member form's business)."""
    if preview.committee != code:
        raise Refused(f"this preview is of an import into {preview.committee}, not {code}")
    if preview.problems:
        raise Refused(
            f"{len(preview.problems)} row(s) of {preview.source} cannot be read; nothing was stored"
        )
    if preview.unknown_people and not add_people:
        raise Refused(
            "not known to Minutebook: "
            + ", ".join(preview.unknown_people)
            + "; add them as new people, or correct the names in the file; "
            "nothing was stored"
        )
    if preview.not_members and not add_people:
        raise Refused(
            f"not on {code}: "
            + ", ".join(preview.not_members)
            + "; take them in too, or correct the names in the file; "
            "nothing was stored"
        )
    try:
        known = people_by_name(store.people())
        added: dict[str, Person] = {}
        taken: set[str] = set()
        for new in [r.new_person for r in preview.interests] + [
            r.new_person for r in preview.nil_returns
        ]:
            if new is None or name_key(new.name) in added:
                continue
            person = known.get(name_key(new.name))  # added since the preview
            if person is None:
                person_id = store.new_person_id(new.name, reserved=taken)
                taken.add(person_id)
                person = new.model_copy(update={"id": person_id})
            added[name_key(new.name)] = person
        new_people = [p for p in added.values() if p.id in taken]

        def whose(new: Person | None, current: str) -> str:
            return added[name_key(new.name)].id if new is not None else current

        interests = [
            row.interest.model_copy(update={"person": whose(row.new_person, row.interest.person)})
            for row in preview.interests
        ]
        nils = [
            row.nil_return.model_copy(
                update={"person": whose(row.new_person, row.nil_return.person)}
            )
            for row in preview.nil_returns
        ]
        if any(i.person == NEW_PERSON for i in interests) or any(
            n.person == NEW_PERSON for n in nils
        ):
            raise Refused("a person in the file is not known; nothing was stored")
        replacing = [row.replaces for row in preview.interests]
        with store.transaction():
            stored, stored_nils = store.add_register(
                [i for i, old in zip(interests, replacing, strict=True) if old is None],
                nils,
                new_people,
            )
            for interest, old in zip(interests, replacing, strict=True):
                if old is not None and old.id is not None:
                    stored.append(store.replace_interest(old.id, interest))
    except StoreError as error:
        raise Refused(f"{error}; nothing was stored") from None
    return Imported(tuple(stored), tuple(stored_nils), tuple(new_people))
