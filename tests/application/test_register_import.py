"""Storing a register import (application/register_import.py): all of it in one
transaction or nothing; people not known added only when asked; people known but not on
the committee named, and taken in only when asked; what the register already holds
passed over, so that a register can be brought in again."""

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


def test_a_register_brought_in_again_stores_only_what_is_new(
    demo_store: Store, tmp_path: Path
) -> None:
    """A yearly refresh: the rows the register holds as they are (an interest with every
    column the same, a nil return of the same person and date) are passed over with a
    note; only the new row is stored."""
    first = [
        row("Harrison", "Joe", "Yes", "Y", "Keele University - Lecturer"),
        row("Borrett", "Alison", "No"),
    ]
    accept(
        demo_store, "ICB", preview(demo_store, "ICB", register(tmp_path, *first), today=TODAY),
        add_people=False,
    )  # fmt: skip
    before = counts(demo_store)
    path = register(
        tmp_path,
        *first,
        row("Church", "Laura", "Yes", "Y", "Trustee,  Bedford  Charity"),
    )
    again = preview(demo_store, "ICB", path, today=TODAY)
    assert again.problems == ()
    assert again.already == ("row 2", "row 3")
    assert "row 2: already in the register, not stored again" in again.notes
    assert "row 3: already in the register, not stored again" in again.notes
    done = accept(demo_store, "ICB", again, add_people=False)
    assert [(i.person, i.description) for i in done.interests] == [
        ("church", "Trustee, Bedford Charity")
    ]
    assert done.nil_returns == ()
    assert counts(demo_store) == (before[0] + 1, before[1], before[2])
    # The same file a third time: everything is there, nothing to store.
    third = preview(demo_store, "ICB", path, today=TODAY)
    assert (third.interests, third.nil_returns, third.problems) == ((), (), ())
    assert third.already == ("row 2", "row 4", "row 3")  # the interests, then the nil returns
    accept(demo_store, "ICB", third, add_people=False)
    assert counts(demo_store) == (before[0] + 1, before[1], before[2])


def test_the_same_interest_twice_in_the_file_is_still_refused(
    demo_store: Store, tmp_path: Path
) -> None:
    twice = row("Harrison", "Joe", "Yes", "Y", "Keele University - Lecturer")
    seen = preview(demo_store, "ICB", register(tmp_path, twice, twice), today=TODAY)
    assert [str(p) for p in seen.problems] == ["row 3: the same interest as row 2"]


def test_an_interest_declared_again_later_replaces_the_registers_entry(
    demo_store: Store, tmp_path: Path
) -> None:
    """Next year's return declares Joe Harrison's lectureship again: the register's
    entry is replaced from the new date (it still shows on earlier days)."""
    lecturer = row("Harrison", "Joe", "Yes", "Y", "Keele University - Lecturer")
    accept(
        demo_store, "ICB", preview(demo_store, "ICB", register(tmp_path, lecturer), today=TODAY),
        add_people=False,
    )  # fmt: skip
    [old] = [i for i in demo_store.interests("ICB") if i.declared_on == date(2022, 7, 1)]
    later = (*lecturer[:12], "01/06/2023")
    seen = preview(demo_store, "ICB", register(tmp_path, later), today=date(2023, 7, 1))
    assert seen.problems == () and seen.already == ()
    assert seen.notes == (
        "row 2: declares again the interest in the register of 01/07/2022, and replaces it "
        "from 01/06/2023",
    )
    done = accept(demo_store, "ICB", seen, add_people=False)
    [new] = done.interests
    kept = {i.id: i for i in demo_store.interests("ICB")}
    assert kept[old.id].replaced_on == date(2023, 6, 1)
    assert kept[new.id].declared_on == date(2023, 6, 1) and kept[new.id].replaced_on is None
    # Dated before the register's entry, it is refused by its row.
    earlier = (*lecturer[:12], "01/05/2023")
    seen = preview(demo_store, "ICB", register(tmp_path, earlier), today=date(2023, 7, 1))
    assert [str(p) for p in seen.problems] == [
        "row 2: ICB's register holds this interest declared later (01/06/2023); correct it "
        "on the register screen"
    ]


def test_someone_added_by_an_import_is_known_to_the_next(demo_store: Store, tmp_path: Path) -> None:
    """Geraint Davies, an officer, is added by bringing his nil return in; the next
    register names him again, and he is the committee's for the register."""
    first = preview(
        demo_store, "ICB", register(tmp_path, row("Davies", "Geraint", "No")), today=TODAY
    )
    assert first.unknown_people == ("Geraint Davies",)
    [davies] = accept(demo_store, "ICB", first, add_people=True).people
    later = (*row("Davies", "Geraint", "Yes", "Y", "Director, Davies Audit Ltd")[:12], "15/07/2022")
    seen = preview(demo_store, "ICB", register(tmp_path, later), today=TODAY)
    assert (seen.unknown_people, seen.not_members, seen.problems) == ((), (), ())
    [stored] = accept(demo_store, "ICB", seen, add_people=False).interests
    assert stored.person == davies.id


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
