"""`minutebook search QUERY` (docs/search.md): the hits of `Store.search` as lines or
JSON, filtered by committee and dates, confidential business only with --confidential,
and one-line refusals."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from minutebook.domain import AgendaItem, Committee, Meeting
from minutebook.store import Store
from minutebook.tui.cli import main


def _run(runner: CliRunner, db: Path, *args: str) -> Result:
    return runner.invoke(main, ["--db", str(db), "search", *args])


def _hits(result: Result) -> list[dict[str, Any]]:
    assert result.exit_code == 0, result.output
    hits: list[dict[str, Any]] = json.loads(result.output)["hits"]
    return hits


def test_the_demo_finds_quorate_by_its_start_with_its_place(
    runner: CliRunner, demo_path: Path
) -> None:
    [hit] = _hits(_run(runner, demo_path, "quor", "--json"))
    assert hit["committee"] == "ICB" and hit["date"] == "2022-07-01"
    assert (hit["kind"], hit["minute_number"], hit["marked"]) == ("minute", "1", ["quorate"])
    assert "the meeting was quorate" in hit["snippet"]
    line = _run(runner, demo_path, "quor").output
    assert line.startswith("ICB   01/07/2022  1 ") and "minute" in line
    assert "meeting was quorate." in line


def test_committee_and_dates_limit_the_hits(runner: CliRunner, demo_path: Path) -> None:
    every = _hits(_run(runner, demo_path, "primary care", "--json"))
    assert {h["committee"] for h in every} == {"HCP", "ICB"}
    icb = _hits(_run(runner, demo_path, "primary care", "--committee", "ICB", "--json"))
    assert icb and {h["committee"] for h in icb} == {"ICB"}
    later = _hits(_run(runner, demo_path, "primary care", "--from", "2023-01-01", "--json"))
    assert later and {h["date"] >= "2023-01-01" for h in later} == {True}
    earlier = _hits(_run(runner, demo_path, "primary care", "--to", "2022-12-31", "--json"))
    assert len(earlier) + len(later) == len(every)


def test_confidential_business_only_with_the_flag(runner: CliRunner, db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.add_committee(Committee(code="HCP", name="Health and Care Partnership"))
        meeting_id = store.add_meeting(Meeting(committee="HCP", date=date(2023, 6, 13))).id or 0
        store.add_agenda_item(meeting_id, AgendaItem(number=1, title="Lapwing update"))
        store.add_agenda_item(
            meeting_id, AgendaItem(number=1, title="Lapwing contract", confidential=True)
        )
        store.write_narrative(meeting_id, 2, "The Lapwing bid was opened.")
    public = _hits(_run(runner, db_path, "lapwing", "--json"))
    assert [(h["kind"], h["item"]) for h in public] == [("agenda", 1)]
    private = _hits(_run(runner, db_path, "lapwing", "--confidential", "--json"))
    assert {(h["kind"], h["item"], h["confidential"]) for h in private} == {
        ("agenda", 1, False),
        ("agenda", 2, True),
        ("minute", 2, True),
    }
    lines = _run(runner, db_path, "lapwing", "--confidential").output.splitlines()
    assert sum("(confidential)" in line for line in lines) == 2


def test_refusals_are_one_line(runner: CliRunner, demo_path: Path) -> None:
    for args, words in (
        (["qu"], "search for at least 3 characters"),
        (["***"], "search for at least 3 characters"),
        (["care", "--committee", "NOPE"], "no committee with code 'NOPE'"),
        (["care", "--from", "2023-02-01", "--to", "2023-01-01"], "is after --to 2023-01-01"),
    ):
        result = _run(runner, demo_path, *args)
        assert result.exit_code == 2, args
        assert words in result.output and len(result.output.splitlines()) == 1
    nothing = _run(runner, demo_path, "zebracrossing")
    assert (nothing.exit_code, nothing.output) == (0, "Nothing found for 'zebracrossing'.\n")


def test_a_register_hit_names_its_person(runner: CliRunner, db_path: Path) -> None:
    from minutebook.domain import Person, Seat
    from minutebook.domain.meeting import InterestCategory
    from minutebook.domain.register import Interest

    with Store.open(db_path) as store:
        store.add_committee(Committee(code="HCP", name="Health and Care Partnership"))
        store.add_member(
            "HCP", Seat(id="S1", title="Member", holder="ak"), Person(id="ak", name="Dr A Khan")
        )
        store.add_interest(
            Interest(
                committee="HCP",
                person="ak",
                category=InterestCategory.FINANCIAL,
                description="Director, Calverton Pharmacy Ltd, 62 Calverton Rd",
                declared_on=date(2023, 4, 1),
            )
        )
    [hit] = _hits(_run(runner, db_path, "calverton", "--json"))
    assert (hit["kind"], hit["person"]) == ("register", "Dr A Khan")
    line = _run(runner, db_path, "calverton").output
    assert "register     Dr A Khan: Director, Calverton" in line
