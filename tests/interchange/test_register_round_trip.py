"""A register exported by Minutebook reads back in whole (docs/register.md): seed 003's
register published as Word and as Excel, with their two heading rows ("Type of
Interest" over the tick columns, every other heading merged down both rows), the key of
types above the register, nil returns and a member with no return, is read by
`register import` to the same interests and nil returns, and the member with no return
is named in a note rather than refused."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from minutebook.domain.register import Interest, surname_forename
from minutebook.exporters.register import RegisterPerson, render_register, write_register_sheet
from minutebook.interchange.register_file import RegisterPreview, read_register
from minutebook.store import Store
from tests.domain.seed003_register import seed003_interests, seed003_nil_returns

DAY = date(2022, 7, 29)


def published(store: Store) -> tuple[list[RegisterPerson], str]:
    """Seed 003's register under the demo ICB's own names, and the name of one member
    of the ICB who has made no return."""
    names = {p.id: p.name for p in store.people()}
    interests, nils = seed003_interests(), seed003_nil_returns()
    people = []
    for person in sorted({i.person for i in interests} | {n.person for n in nils}):
        theirs = tuple(i for i in interests if i.person == person)
        nil = next((n for n in nils if n.person == person), None)
        surname, forename = surname_forename(names[person])
        people.append(RegisterPerson(surname, forename, "Member", theirs, None if theirs else nil))
    listed = {p.person for p in [*interests, *nils]}
    absent = next(p for p in store.membership("ICB").people if p.id not in listed)
    surname, forename = surname_forename(absent.name)
    people.append(RegisterPerson(surname, forename, "Member", (), None))
    return people, absent.name


def key(interest: Interest) -> tuple[object, ...]:
    return (
        interest.person,
        interest.category,
        " ".join(interest.description.split()),
        interest.date_from_given,  # "2014" and "Apr 2022" come back a year and a month
        interest.date_to_given,
        interest.mitigation,
        interest.declared_on,
    )


@pytest.mark.parametrize("kind", [".docx", ".xlsx"])
def test_an_exported_register_reads_back_whole(
    demo_reader: Store, tmp_path: Path, kind: str
) -> None:
    people, absent = published(demo_reader)
    committee = demo_reader.committee("ICB")
    path = tmp_path / f"register{kind}"
    if kind == ".docx":
        render_register(committee, DAY, people).document.save(str(path))
    else:
        with path.open("wb") as handle:
            write_register_sheet(committee, DAY, people, handle)
    ours = {p.id for p in demo_reader.membership("ICB").people}
    preview: RegisterPreview = read_register(path, committee, demo_reader.people(), ours, today=DAY)
    assert preview.problems == ()
    expected = [i for p in people for i in p.interests]
    assert sorted(map(key, (row.interest for row in preview.interests))) == sorted(
        map(key, expected)
    )
    nils = {(row.nil_return.person, row.nil_return.declared_on) for row in preview.nil_returns}
    assert nils == {(p.nil_return.person, p.nil_return.declared_on) for p in people if p.nil_return}
    assert any(note.endswith(f"{absent} made no return") for note in preview.notes)
