"""`minutebook actions import` and `actions list`, as a secretary would run them on the
demo database: seed 003's Action Tracker (Excel) brought into the ICB, seed 001's
Decision Tracker (Word) into the HCP; what is stored, and that nothing is when any row
or owner cannot be read, or the tracker's numbers are already used."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from click.testing import CliRunner, Result

from minutebook.domain.actions import Action, ActionStatus
from minutebook.store import Store
from minutebook.tui.cli import main
from tests.interchange.trackers import (
    ACTION_1,
    ACTION_2,
    ACTION_3,
    DECISION_2,
    DECISION_3,
    HEADINGS_001,
    HEADINGS_003,
    KEY_003,
    ROWS_001,
    ROWS_003,
    TITLE_001,
    UNKNOWN_OWNERS,
    renumbered,
    seed_003_workbook,
    write_csv,
    write_docx,
    write_xlsx,
)


def run(runner: CliRunner, db: Path, *args: str) -> Result:
    return runner.invoke(main, [*args, "--db", str(db)])


def stored(db: Path, code: str) -> tuple[list[Action], set[str]]:
    """The committee's actions and the ids of every person, as stored."""
    with Store.open(db) as store:
        return store.actions(code), {p.id for p in store.people()}


def assert_refused(result: Result, *fragments: str) -> None:
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    (line,) = result.stderr.splitlines()
    for fragment in fragments:
        assert fragment in line


def test_seed_003s_tracker_is_refused_whole_where_the_demo_has_its_numbers(
    runner: CliRunner, demo_path: Path, tmp_path: Path
) -> None:
    before = stored(demo_path, "ICB")
    result = run(
        runner,
        demo_path,
        "actions",
        "import",
        str(seed_003_workbook(tmp_path)),
        "--committee",
        "ICB",
    )
    assert_refused(result, "nothing stored: 3 row(s) cannot be read")
    assert "row 12: the action number 1 is already used in ICB's tracker" in result.stdout
    assert "row 14: the action number 3 is already used in ICB's tracker" in result.stdout
    assert stored(demo_path, "ICB") == before


def test_seed_003s_tracker_numbered_on_is_stored_whole(
    runner: CliRunner, demo_path: Path, tmp_path: Path
) -> None:
    path = seed_003_workbook(tmp_path, first=4)
    result = run(runner, demo_path, "actions", "import", str(path), "--committee", "ICB")
    assert result.exit_code == 0, result.output
    assert f"{path}: 3 action(s) read for ICB" in result.stdout
    assert "Stored 3 action(s) in ICB's tracker (numbers 4–6)." in result.stdout
    actions, _ = stored(demo_path, "ICB")
    new = [a for a in actions if a.number in (4, 5, 6)]
    assert [(a.number, a.description, a.owner) for a in new] == [
        (4, ACTION_1, "wogan"),
        (5, ACTION_2, "wogan"),
        (6, ACTION_3, "summers"),
    ]
    assert {a.meeting_date for a in new} == {date(2022, 7, 1)}
    assert [a.status for a in new] == [
        ActionStatus.IN_PROGRESS,
        ActionStatus.COMPLETE_PROPOSE_CLOSURE,
        ActionStatus.COMPLETE_PROPOSE_CLOSURE,
    ]
    assert [a.updates[0].text for a in new][1] == (
        "This is covered in the agenda item on Committee membership"
    )
    # Agreed on 1 July 2022: tied to that meeting of the demo, as any action agreed there.
    assert all(a.meeting_id is not None for a in new)


def test_seed_001s_decision_tracker_takes_the_next_numbers(
    runner: CliRunner, demo_path: Path, tmp_path: Path
) -> None:
    path = write_docx(
        tmp_path / "HCP decision tracker.docx",
        [[HEADINGS_001, *ROWS_001]],
        title_rows=[TITLE_001],
        paragraphs=["DECISION TRACKER 2022/23 - HEALTH AND CARE PARTNERSHIP"],
    )
    result = run(runner, demo_path, "actions", "import", str(path), "--committee", "HCP")
    assert result.exit_code == 0, result.output
    assert "'Chief Executive' names no one known" in result.stdout
    actions, _ = stored(demo_path, "HCP")
    new = [a for a in actions if a.number in (3, 4)]
    assert [(a.description, a.owner, a.minute, a.item_title) for a in new] == [
        (DECISION_2, "bracey", "HCP05", "THE MK DEAL"),
        (DECISION_3, "bracey", "HCP05", "THE MK DEAL"),
    ]
    assert [(a.status, a.rag) for a in new] == [
        (ActionStatus.IN_PROGRESS, "G"),
        (ActionStatus.NOT_YET_DUE, None),
    ]


def test_unknown_owners_are_named_and_nothing_is_stored(
    runner: CliRunner, demo_path: Path, tmp_path: Path
) -> None:
    before = stored(demo_path, "ICB")
    path = write_csv(tmp_path / "t.csv", UNKNOWN_OWNERS)
    result = run(runner, demo_path, "actions", "import", str(path), "--committee", "ICB")
    assert_refused(
        result, "nothing stored: not known to Minutebook: Cllr Jo Bloggs", "--add-people"
    )
    assert "Owners not known to Minutebook: Cllr Jo Bloggs" in result.stdout
    assert stored(demo_path, "ICB") == before


def test_add_people_adds_them_once_and_stores_their_actions(
    runner: CliRunner, demo_path: Path, tmp_path: Path
) -> None:
    _, people = stored(demo_path, "ICB")
    path = write_csv(tmp_path / "t.csv", UNKNOWN_OWNERS)
    result = run(
        runner, demo_path, "actions", "import", str(path), "--committee", "ICB", "--add-people"
    )
    assert result.exit_code == 0, result.output
    assert "Added 1 new people: Jo Bloggs" in result.stdout
    actions, now = stored(demo_path, "ICB")
    (added,) = now - people
    with Store.open(demo_path) as store:
        person = store.person(added)
    assert (person.name, person.honorific) == ("Jo Bloggs", "Cllr")
    new = {a.number: a for a in actions if a.number in (4, 5, 6)}
    assert (new[4].owner, new[4].description) == ("graves", "Digital plan (with COSACS)")
    assert new[5].owner == new[6].owner == added


def test_a_dry_run_shows_the_preview_and_stores_nothing(
    runner: CliRunner, demo_path: Path, tmp_path: Path
) -> None:
    before = stored(demo_path, "ICB")
    path = write_csv(tmp_path / "t.csv", UNKNOWN_OWNERS)
    args = ("actions", "import", str(path), "--committee", "ICB", "--dry-run", "--add-people")
    result = run(runner, demo_path, *args)
    assert result.exit_code == 0, result.output
    assert "Jo Bloggs (new)" in result.stdout
    assert "Dry run: nothing stored. Without --dry-run, 3 action(s) and 1 new people" in (
        result.stdout
    )
    assert stored(demo_path, "ICB") == before


def test_a_row_whose_date_cannot_be_read_stops_the_whole_import(
    runner: CliRunner, demo_path: Path, tmp_path: Path
) -> None:
    before = stored(demo_path, "ICB")
    rows = [*renumbered(ROWS_003, 4)]
    rows[1] = (5, "31/02/2022", *rows[1][2:])
    path = write_docx(tmp_path / "t.docx", [KEY_003, [HEADINGS_003, *rows]])
    result = run(runner, demo_path, "actions", "import", str(path), "--committee", "ICB")
    assert_refused(result, "nothing stored: 1 row(s) cannot be read")
    assert "table 2, row 3: Meeting Date: '31/02/2022' is not a real date" in result.stdout
    assert stored(demo_path, "ICB") == before


def test_a_file_with_no_heading_row_is_one_line(
    runner: CliRunner, demo_path: Path, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "t.xlsx", {"A": [("Date", "Who", "What"), *ROWS_003]})
    result = run(runner, demo_path, "actions", "import", str(path), "--committee", "ICB")
    assert_refused(result, f"{path} has no heading row: a tracker needs a row of headings")


def test_refusals_before_reading(runner: CliRunner, demo_path: Path, tmp_path: Path) -> None:
    path = seed_003_workbook(tmp_path, first=4)
    unknown = run(runner, demo_path, "actions", "import", str(path), "--committee", "XYZ")
    assert_refused(unknown, "there is no committee with code 'XYZ'")
    missing = tmp_path / "missing.xlsx"
    gone = run(runner, demo_path, "actions", "import", str(missing), "--committee", "ICB")
    assert_refused(gone, f"{missing} cannot be read")
    nowhere = runner.invoke(
        main, ["actions", "import", str(path), "--committee", "ICB", "--db", str(tmp_path / "n.db")]
    )
    assert_refused(nowhere, "there is no Minutebook database")
    assert not (tmp_path / "n.db").exists()


# -- actions list ------------------------------------------------------------------------------


def test_list_open_and_overdue(runner: CliRunner, demo_path: Path, tmp_path: Path) -> None:
    later = date.today() + timedelta(days=60)
    rows = [
        ("No.", "Meeting Date", "Action", "Owner", "Current Deadline", "Status"),
        (11, "13/06/2023", "Overdue and in hand", "Michael Bracey", "30/06/2023", "Amber"),
        (12, "13/06/2023", "Done, late", "Michael Bracey", "30/06/2023", "Complete"),
        (13, "13/06/2023", "Closed", "Michael Bracey", "30/06/2023", "Closed 20/09/2023"),
        (14, "13/06/2023", "Not due yet", "Vicky Head", f"{later:%d/%m/%Y}", "Not yet due"),
        (15, "13/06/2023", "No deadline", "Vicky Head", "TBC", "Red"),
    ]
    path = write_csv(tmp_path / "t.csv", rows)
    imported = run(runner, demo_path, "actions", "import", str(path), "--committee", "HCP")
    assert imported.exit_code == 0, imported.output

    def numbers(*flags: str) -> list[int]:
        result = run(runner, demo_path, "actions", "list", "--committee", "HCP", "--json", *flags)
        assert result.exit_code == 0, result.output
        return [row["number"] for row in json.loads(result.stdout) if row["number"] > 10]

    assert numbers() == [11, 12, 13, 14, 15]
    assert numbers("--open") == [11, 12, 14, 15]
    assert numbers("--overdue") == [11]
    listed = run(runner, demo_path, "actions", "list", "--committee", "HCP", "--overdue")
    assert "Overdue and in hand" in listed.stdout
    assert "Michael Bracey" in listed.stdout
    assert "No deadline" not in listed.stdout


def test_list_as_json_says_what_the_tracker_holds(runner: CliRunner, demo_path: Path) -> None:
    result = run(runner, demo_path, "actions", "list", "--committee", "ICB", "--json")
    assert result.exit_code == 0, result.output
    first = json.loads(result.stdout)[0]
    assert first["number"] == 1
    assert first["meeting_date"] == "2022-07-01"
    assert (first["owner"], first["owner_name"]) == ("wogan", "Maria Wogan")
    assert first["action"] == ACTION_1
    assert first["open"] is True


def test_list_refuses_an_unknown_committee(runner: CliRunner, demo_path: Path) -> None:
    assert_refused(
        run(runner, demo_path, "actions", "list", "--committee", "XYZ"),
        "there is no committee with code 'XYZ'",
    )
