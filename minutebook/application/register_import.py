"""Bringing a register of interests kept elsewhere (Word, Excel, .csv) into a committee's
register, as the command line asks for it (docs/register.md#bringing-a-register-in).

Two steps, so that the secretary sees everything before anything is stored:

1. `preview(store, code, path)` reads the file (`interchange.register_file`) against the
   people Minutebook knows: the interests and nil returns it would add, the people not
   yet known, and every row that cannot be read, or that the register already holds,
   with the reason.
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
from minutebook.interchange.register_file import NEW_PERSON, RegisterPreview, read_register
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


def _same(interest: Interest) -> tuple[str, str, str, date | None]:
    return (
        interest.person,
        interest.category.value,
        " ".join(interest.description.split()).casefold(),
        interest.date_from,
    )


def preview(store: Store, code: str, path: Path, *, today: date | None = None) -> RegisterPreview:
    """What bringing the register file at `path` into committee `code`'s register would
    store, and what stops it (`RegisterPreview.problems`, `.unknown_people`). An
    interest or nil return the register already holds is a problem. Raises
    `interchange.reading.FileError` when the file cannot be read as a register, and
    `Refused` when the committee is unknown."""
    today = today or date.today()
    try:
        committee = store.committee(code)
        people = store.people()
        ours = {p.id for p in store.membership(code).people}
        held = {_same(i) for i in store.interests(code) if i.replaced_on is None}
        nils = {(n.person, n.declared_on) for n in store.nil_returns(code)}
    except StoreError as error:
        raise Refused(str(error)) from None
    read = read_register(path, committee, people, ours, today=today)
    already = tuple(
        RowProblem(
            row.place,
            f"already in {code}'s register (declared {row.interest.declared_on:%d/%m/%Y})",
        )
        for row in read.interests
        if row.new_person is None and _same(row.interest) in held
    ) + tuple(
        RowProblem(
            row.place,
            f"the nil return of {row.nil_return.declared_on:%d/%m/%Y} is already in "
            f"{code}'s register",
        )
        for row in read.nil_returns
        if row.new_person is None and (row.nil_return.person, row.nil_return.declared_on) in nils
    )
    if not already:
        return read
    return replace(read, problems=read.problems + already)


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
        stored, stored_nils = store.add_register(interests, nils, new_people)
    except StoreError as error:
        raise Refused(f"{error}; nothing was stored") from None
    return Imported(tuple(stored), tuple(stored_nils), tuple(new_people))
