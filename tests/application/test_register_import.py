"""Storing a register import (application/register_import.py): all of it in one
transaction or nothing; people not known added only when asked; people known but not on
the committee named, and taken in only when asked; what the register already holds
refused by its row."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from minutebook.application.register_import import accept, preview
from minutebook.domain import Person
from minutebook.domain.base import Refused
from minutebook.store import Store
from tests.interchange.registers import HEADINGS_003

TODAY = date(2022, 7, 18)


def register(tmp_path: Path, *rows: tuple[str, ...]) -> Path:
    path = tmp_path / "register.csv"
    with path.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows([HEADINGS_003, *rows])
    return path


def row(
    surname: str, forename: str, answer: str, tick: str = "", text: str = ""
) -> tuple[str, ...]:
    """A row of seed 003's columns: the tick under Financial Interest."""
    return (
        surname,
        forename,
        "",
        answer,
        tick,
        "",
        "",
        "",
        text,
        "2020",
        "Ongoing",
        "",
        "01/07/2022",
    )


def counts(store: Store) -> tuple[int, int, int]:
    return len(store.interests("ICB")), len(store.nil_returns("ICB")), len(store.people())


def test_new_people_added_only_when_asked(demo_store: Store, tmp_path: Path) -> None:
    path = register(
        tmp_path,
        row("Smith", "Anna", "Yes", "Y", "Director, Smith Consulting Ltd"),
        row("Smith", "Anne", "No"),
    )
    seen = preview(demo_store, "ICB", path, today=TODAY)
    assert seen.unknown_people == ("Anna Smith", "Anne Smith")
    before = counts(demo_store)
    with pytest.raises(Refused, match="not known to Minutebook: Anna Smith, Anne Smith"):
        accept(demo_store, "ICB", seen, add_people=False)
    assert counts(demo_store) == before
    done = accept(demo_store, "ICB", seen, add_people=True)
    assert [p.name for p in done.people] == ["Anna Smith", "Anne Smith"]
    assert len({p.id for p in done.people}) == 2
    [interest] = done.interests
    assert (interest.person, interest.organisation) == (done.people[0].id, "Smith Consulting Ltd")
    assert done.nil_returns[0].person == done.people[1].id
    assert counts(demo_store) == (before[0] + 1, before[1] + 1, before[2] + 2)


def test_someone_not_on_the_committee_is_named(demo_store: Store, tmp_path: Path) -> None:
    # David Hopkins sits on the Health and Care Partnership, not the ICB Board.
    seen = preview(
        demo_store, "ICB", register(tmp_path, row("Hopkins", "David", "No")), today=TODAY
    )
    assert seen.not_members == ("David Hopkins",)
    assert seen.unknown_people == ()
    before = counts(demo_store)
    with pytest.raises(Refused, match="not on ICB: David Hopkins"):
        accept(demo_store, "ICB", seen, add_people=False)
    assert counts(demo_store) == before
    accept(demo_store, "ICB", seen, add_people=True)
    assert counts(demo_store) == (before[0], before[1] + 1, before[2])


def test_nothing_stored_with_a_row_that_cannot_be_read(demo_store: Store, tmp_path: Path) -> None:
    path = register(
        tmp_path,
        row("Harrison", "Joe", "Yes", "Y", "Keele University - Lecturer"),
        row("Church", "Laura", "Yes", "", "No tick"),
    )
    seen = preview(demo_store, "ICB", path, today=TODAY)
    assert [str(p) for p in seen.problems] == ["row 3: no type of interest is ticked"]
    before = counts(demo_store)
    with pytest.raises(Refused, match="1 row"):
        accept(demo_store, "ICB", seen, add_people=True)
    with pytest.raises(Refused, match="an import into ICB, not HCP"):
        accept(demo_store, "HCP", seen, add_people=True)
    assert counts(demo_store) == before


def test_what_the_register_holds_is_refused_by_its_row(demo_store: Store, tmp_path: Path) -> None:
    path = register(
        tmp_path,
        row("Harrison", "Joe", "Yes", "Y", "Keele University - Lecturer"),
        row("Borrett", "Alison", "No"),
    )
    accept(demo_store, "ICB", preview(demo_store, "ICB", path, today=TODAY), add_people=False)
    again = preview(demo_store, "ICB", path, today=TODAY)
    assert [str(p) for p in again.problems] == [
        "row 2: already in ICB's register (declared 01/07/2022)",
        "row 3: the nil return of 01/07/2022 is already in ICB's register",
    ]


def test_new_people_of_one_slug_never_take_a_stored_id(demo_store: Store, tmp_path: Path) -> None:
    # "ann-lee-2" is stored, "ann-lee" is free: the second new Ann Lee must not be
    # given the stored person's id (her entries would be filed under that person).
    demo_store.save_person(Person(id="ann-lee-2", name="Ann Lee-Jones"))
    path = register(tmp_path, row("Lee", "Ann", "No"), row("Lée", "Ann", "No"))
    seen = preview(demo_store, "ICB", path, today=TODAY)
    assert seen.unknown_people == ("Ann Lee", "Ann Lée")
    before = counts(demo_store)
    done = accept(demo_store, "ICB", seen, add_people=True)
    ids = [p.id for p in done.people]
    assert len(set(ids)) == 2 and "ann-lee-2" not in ids
    assert [n.person for n in done.nil_returns] == ids
    assert demo_store.person("ann-lee-2").name == "Ann Lee-Jones"
    assert counts(demo_store) == (before[0], before[1] + 2, before[2] + 2)
