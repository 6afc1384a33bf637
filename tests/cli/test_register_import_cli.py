"""`minutebook register import`, as a secretary would run it on the demo database with
seed 003's register kept in Word, Excel or a .csv: what is printed, what is stored
(Joe Harrison's nine interests, Laura Church's three, the nil returns), and that nothing
is stored on a dry run, for people not known, or for a row that cannot be read."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from minutebook.domain.meeting import InterestCategory
from minutebook.domain.register import Interest, NilReturn
from minutebook.seeds.loader import load_demo
from minutebook.store import Store
from minutebook.tui.cli import main
from tests.interchange.registers import HEADINGS_003, ROWS_003, WRITERS


@pytest.fixture
def demo_file(demo_file_without_registers: Path) -> Path:
    """The demo before its register of interests is kept: seed 003's is brought in here."""
    return demo_file_without_registers


def run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(main, [*args, "--db", str(db)])


def stored(db: Path) -> tuple[list[Interest], list[NilReturn], dict[str, str]]:
    with Store.open(db) as store:
        names = {p.id: p.name for p in store.people()}
        return store.interests("ICB"), store.nil_returns("ICB"), names


@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_seed_003_register_imported(demo_path: Path, tmp_path: Path, kind: str) -> None:
    path = WRITERS[kind](tmp_path / f"register{kind}")
    before = stored(demo_path)
    # Geraint Davies is not known: named, and nothing stored.
    refused = run(demo_path, "register", "import", str(path), "--committee", "ICB")
    assert refused.exit_code == 2, refused.output
    assert "not known to Minutebook: Geraint Davies" in refused.output
    assert stored(demo_path) == before
    result = run(demo_path, "register", "import", str(path), "--committee", "ICB", "--add-people")
    assert result.exit_code == 0, result.output
    assert "Stored 42 interest(s) and 13 nil return(s) in ICB's register, and added " in (
        result.output
    )
    interests, nils, names = stored(demo_path)
    assert "Geraint Davies" in names.values()
    by_person: dict[str, list[Interest]] = {}
    for interest in interests:
        by_person.setdefault(names[interest.person], []).append(interest)
    harrison = by_person["Joe Harrison"]
    assert len(harrison) == 9
    assert sorted(i.description for i in harrison)[0] == (
        "Advisor to Alphasights, MM3 Global Research, Silverlight and Stepcare"
    )
    assert {i.declared_on for i in harrison} == {date(2022, 5, 16)}
    assert [i.date_from for i in harrison if i.organisation == "University of Birmingham"] == [
        date(2022, 4, 1)
    ]
    church = by_person["Laura Church"]
    assert [(i.category, i.organisation) for i in church] == [
        (InterestCategory.FINANCIAL, "Bedford Borough Council"),
        (
            InterestCategory.NON_FINANCIAL_PROFESSIONAL,
            "East of England Local Government Association",
        ),
        (InterestCategory.INDIRECT, None),
    ]
    assert len(by_person["Mahesh Shah"]) == 6
    assert len(by_person["Sarah Whiteman"]) == 5
    wogan = by_person["Maria Wogan"]
    assert [i.mitigation for i in wogan][2] == "Will be declared in any relevant meetings."
    returned = {names[n.person]: n.declared_on for n in nils}
    assert returned["Alison Borrett"] == date(2022, 6, 21)
    assert returned["Michael Bracey"] == date(2022, 5, 11)
    assert returned["Andrew Blakeman"] == date(2022, 6, 15)
    assert returned["Ross Graves"] == date(2022, 5, 20)  # "Stuart Ross" Graves
    assert returned["Geraint Davies"] == date(2022, 6, 28)
    assert len(nils) == len(before[1]) + 13
    assert len(interests) == len(before[0]) + 42
    # The same file again, without --add-people: every row is already in the register
    # (Geraint Davies, added above, is known now and the committee's for the register),
    # passed over with a note; nothing is stored twice.
    again = run(demo_path, "register", "import", str(path), "--committee", "ICB")
    assert again.exit_code == 0, again.output
    assert "Geraint Davies" not in again.output.replace("Geraint Davies, ", "")
    assert "already in the register, not stored again" in again.output
    assert f"Nothing to store: every row of {path.name} is already in ICB's register." in (
        again.output
    )
    assert stored(demo_path)[:2] == (interests, nils)


def test_the_demos_register_brought_in_again_adds_only_the_new(tmp_path: Path) -> None:
    """The demo's ICB keeps seed 003's register already: bringing the file in stores only
    what the demo left out: Geraint Davies's nil return (and him), and Andrew Blakeman's
    row read as the nil return it says ("No"; the demo keeps its directorship)."""
    demo = tmp_path / "full.db"
    with Store.open(demo) as store:
        load_demo(store)
    path = WRITERS[".csv"](tmp_path / "register.csv")
    before = stored(demo)
    result = run(demo, "register", "import", str(path), "--committee", "ICB", "--add-people")
    assert result.exit_code == 0, result.output
    assert "Stored 0 interest(s) and 2 nil return(s) in ICB's register, and added Geraint " in (
        result.output
    )
    assert "53 row(s) already in the register were not stored again." in result.output
    interests, nils, names = stored(demo)
    assert interests == before[0]
    added = [names[n.person] for n in nils if n not in before[1]]
    assert added == ["Andrew Blakeman", "Geraint Davies"]


def test_dry_run_stores_nothing(demo_path: Path, tmp_path: Path) -> None:
    path = WRITERS[".csv"](tmp_path / "register.csv")
    before = stored(demo_path)
    result = run(
        demo_path, "register", "import", str(path), "--committee", "ICB", "--dry-run",
        "--add-people",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Joe Harrison, row 21: non-financial professional: Interim Chair, University of" in (
        result.output
    )
    assert "Dry run: nothing stored. Without --dry-run, 42 interest(s), 13 nil return(s)" in (
        result.output
    )
    assert stored(demo_path) == before


def test_a_row_that_cannot_be_read_stores_nothing(demo_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    bad = list(ROWS_003[:3])
    bad[0] = (*bad[0][:9], "sometime", *bad[0][10:])
    with path.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows([HEADINGS_003, *bad])
    before = stored(demo_path)
    result = run(demo_path, "register", "import", str(path), "--committee", "ICB")
    assert result.exit_code == 2
    assert "row 2: Date From: 'sometime' is not a date" in result.output
    assert "nothing stored: 1 row(s) cannot be read" in result.output
    assert stored(demo_path) == before


def test_a_file_with_no_heading_row_is_refused(demo_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    result = run(demo_path, "register", "import", str(path), "--committee", "ICB")
    assert result.exit_code == 2
    assert "has no heading row: a register needs" in result.output
