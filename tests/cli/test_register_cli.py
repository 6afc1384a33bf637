"""`minutebook register list`: the register of interests as it stood on a day (a
correction shows only from its own date, an ended interest no longer), each person's
nil return, and the members who have made no return this year; --json gives the same."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from minutebook.domain import Committee, Person, Seat
from minutebook.domain.meeting import InterestCategory
from minutebook.domain.register import DatePrecision, Interest, NilReturn
from minutebook.store import Store
from minutebook.tui.cli import main

MAY, JULY, SEPT = date(2022, 5, 20), date(2022, 7, 1), date(2022, 9, 1)


@pytest.fixture
def register_db(db_path: Path, hcp: Committee) -> Path:
    """HCP with three members: Maria Wogan with an interest corrected in September,
    Mahesh Shah's nil return and Sally Cartwright who has made none."""
    with Store.open(db_path) as store:
        store.add_committee(hcp)
        for seat, person in (
            ("chair", Person(id="wogan", name="Maria Wogan")),
            ("partner", Person(id="shah", name="Mahesh Shah")),
            ("ph", Person(id="cartwright", name="Sally Cartwright")),
        ):
            store.add_member("HCP", Seat(id=seat, title=f"{seat} seat", holder=person.id), person)
        old = store.add_interest(
            Interest(
                committee="HCP",
                person="wogan",
                category=InterestCategory.FINANCIAL,
                description="Chair of Trustees, Arts for Health MK",
                organisation="Arts for Health MK",
                date_from=date(2010, 1, 1),
                from_precision=DatePrecision.YEAR,  # seed 003 writes "2010"
                mitigation="Not involved in funding decisions",
                declared_on=JULY,
            )
        )
        assert old.id is not None
        store.replace_interest(
            old.id,
            old.model_copy(update={"id": None, "date_to": date(2022, 8, 31), "declared_on": SEPT}),
        )
        store.add_nil_return(NilReturn(committee="HCP", person="shah", declared_on=MAY))
    return db_path


def _run(runner: CliRunner, db: Path, *args: str) -> Result:
    return runner.invoke(main, ["--db", str(db), "register", "list", "--committee", "HCP", *args])


def test_the_register_on_a_day(runner: CliRunner, register_db: Path) -> None:
    result = _run(runner, register_db, "--on", "2022-07-15")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "Register of interests of the Health and Care Partnership (HCP) on 15/07/2022",
        "Cartwright, Sally (ph seat)",
        "  no return",
        "Shah, Mahesh (partner seat)",
        "  no interests, declared 20/05/2022",
        "Wogan, Maria (chair seat)",
        "  financial: Chair of Trustees, Arts for Health MK (from 2010, ongoing) "
        "declared 01/07/2022",
        "    mitigation: Not involved in funding decisions",
        "No return for 2022/23 (from 01/05/2022 to 15/07/2022): Sally Cartwright",
    ]


def test_the_correction_ends_the_interest_from_its_date(
    runner: CliRunner, register_db: Path
) -> None:
    result = _run(runner, register_db, "--on", "2022-09-01", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    wogan = next(p for p in data["people"] if p["person"] == "wogan")
    assert wogan["interests"] == []
    assert data["without_return"] == ["cartwright"]
    before = json.loads(_run(runner, register_db, "--on", "2022-08-31", "--json").output)
    wogan = next(p for p in before["people"] if p["person"] == "wogan")
    assert [i["date_to"] for i in wogan["interests"]] == [None]
    given = {k: wogan["interests"][0][k] for k in ("date_from", "from_precision", "to_precision")}
    assert given == {"date_from": "2010-01-01", "from_precision": "year", "to_precision": "day"}
    assert wogan["interests"][0]["organisation"] == "Arts for Health MK"


def test_a_new_year_asks_everyone_again(runner: CliRunner, register_db: Path) -> None:
    # A council's register year is its municipal year, from May.
    data = json.loads(_run(runner, register_db, "--on", "2023-04-30", "--json").output)
    assert (data["year"], data["year_start"]) == ("2022/23", "2022-05-01")
    assert data["without_return"] == ["cartwright"]
    data = json.loads(_run(runner, register_db, "--on", "2023-05-01", "--json").output)
    assert (data["year"], data["year_start"]) == ("2023/24", "2023-05-01")
    assert data["without_return"] == ["cartwright", "shah", "wogan"]


def test_no_return_counts_only_the_returns_made_by_the_day(
    runner: CliRunner, demo_path: Path
) -> None:
    """The demo's ICB Board (seed 003's register) on its first day, 1 July 2022: Tracey
    Stock declared on 5 July, so she had made no return yet."""
    args = ["--db", str(demo_path), "register", "list", "--committee", "ICB", "--on"]
    data = json.loads(runner.invoke(main, [*args, "2022-07-01", "--json"]).output)
    assert (data["year"], data["year_start"]) == ("2022/23", "2022-04-01")
    assert data["without_return"] == ["roberts", "stock", "wogan"]
    lines = runner.invoke(main, [*args, "2022-07-01"]).output.splitlines()
    assert lines[-1] == (
        "No return for 2022/23 (from 01/04/2022 to 01/07/2022): Martha Roberts, "
        "Tracey Stock, Maria Wogan"
    )
    later = json.loads(runner.invoke(main, [*args, "2022-07-29", "--json"]).output)
    assert later["without_return"] == []


def test_a_name_of_one_word_is_filed_without_a_comma(runner: CliRunner, demo_path: Path) -> None:
    result = runner.invoke(main, ["--db", str(demo_path), "register", "list", "--committee", "HCP"])
    assert "Darlington (Councillor)" in result.output.splitlines()
    assert "Darlington, (" not in result.output and "Darlington,  " not in result.output


def test_an_unknown_committee_is_one_line(runner: CliRunner, register_db: Path) -> None:
    result = runner.invoke(
        main, ["--db", str(register_db), "register", "list", "--committee", "NOPE"]
    )
    assert result.exit_code == 2
    assert "NOPE" in result.output
    assert "Traceback" not in result.output
