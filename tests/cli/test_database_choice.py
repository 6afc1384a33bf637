"""Which database a command uses: commands that only read (exports, the forecast, ToR
export, live capture of an existing meeting) never create one; a committee missing from
the database in use points to the demo database when it is there; --db is taken after
the command's name too; and each export's -o help shows its own default name."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from minutebook.domain import Committee
from minutebook.store import Store, default_database, demo_database
from minutebook.tui.cli import main

MEETING = ["--committee", "HCP", "--date", "2023-09-20"]
READING_COMMANDS = {
    "export minutes": MEETING,
    "export agenda": MEETING,
    "export tracker": ["--committee", "HCP"],
    "quorum forecast": MEETING,
    "tor export": ["--committee", "HCP"],
    "live": MEETING,
}


def one_line_problem(result: Result) -> str:
    assert result.exit_code == 2, (result.stdout, result.stderr, result.exception)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.fixture
def demo(runner: CliRunner, demo_file: Path) -> Path:
    """The demo database in its usual place (the runner's data folder)."""
    path = demo_database()
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(demo_file, path)
    return path


@pytest.mark.parametrize("command", READING_COMMANDS)
def test_a_missing_database_is_not_created(runner: CliRunner, tmp_path: Path, command: str) -> None:
    before = files_under(tmp_path)
    line = one_line_problem(runner.invoke(main, [*command.split(), *READING_COMMANDS[command]]))
    assert line == (
        f"minutebook: there is no Minutebook database at {default_database()} yet; "
        "run `minutebook` to set one up, or `minutebook demo` to try the demo"
    )
    assert files_under(tmp_path) == before


@pytest.mark.parametrize("command", READING_COMMANDS)
def test_a_missing_database_points_to_the_demo_that_has_the_committee(
    runner: CliRunner, demo: Path, command: str
) -> None:
    before = files_under(demo.parent)
    line = one_line_problem(runner.invoke(main, [*command.split(), *READING_COMMANDS[command]]))
    assert line == (
        f"minutebook: there is no Minutebook database at {default_database()} yet; "
        "run `minutebook` to set one up (the demo committees are in the demo database: "
        f"minutebook --db {demo} {command} ...)"
    )
    assert files_under(demo.parent) == before


def test_a_committee_missing_from_the_real_database_points_to_the_demo(
    runner: CliRunner, demo: Path
) -> None:
    with Store.open(default_database()) as store:
        store.add_committee(Committee(code="REAL", name="Real Committee"))
    minutes = ["export", "minutes", *MEETING]
    result = runner.invoke(main, minutes)
    assert one_line_problem(result) == (
        "minutebook: there is no committee with code 'HCP' (the demo committees are in the "
        f"demo database: minutebook --db {demo} export minutes ...)"
    )
    # The hint's command works.
    again = runner.invoke(main, ["--db", str(demo), *minutes])
    assert again.exit_code == 0, again.stderr
    assert again.stdout == "Wrote HCP minutes 2023-09-20 (draft).docx\n"


def test_no_hint_for_a_committee_the_demo_does_not_have(runner: CliRunner, demo: Path) -> None:
    Store.open(default_database()).close()
    result = runner.invoke(main, ["tor", "export", "--committee", "ZZ"])
    assert one_line_problem(result) == "minutebook: there is no committee with code 'ZZ'"
    missing = runner.invoke(main, ["--db", "other.db", "export", "tracker", "--committee", "ZZ"])
    assert one_line_problem(missing).endswith("or `minutebook demo` to try the demo")


def test_no_hint_when_the_demo_is_the_database_in_use(runner: CliRunner, demo: Path) -> None:
    result = runner.invoke(main, ["--db", str(demo), "tor", "export", "--committee", "ZZ"])
    assert one_line_problem(result) == "minutebook: there is no committee with code 'ZZ'"


def test_db_after_the_command_name(runner: CliRunner, demo: Path) -> None:
    exported = runner.invoke(
        main, ["export", "tracker", "--committee", "ICB", "--db", str(demo), "-o", "t.docx"]
    )
    assert (exported.exit_code, exported.stderr) == (0, ""), exported.output
    assert exported.stdout == "Wrote t.docx\n"
    forecast = runner.invoke(
        main,
        ["quorum", "forecast", "--committee", "HCP", "--date", "2023-09-20", "--db", str(demo)],
    )
    assert forecast.exit_code == 0, forecast.stderr
    assert forecast.stdout.startswith("Milton Keynes Health and Care Partnership, 20 Sep")
    tor = runner.invoke(main, ["tor", "export", "--committee", "PB", f"--db={demo}"])
    assert tor.exit_code == 0, tor.stderr
    assert tor.stdout.startswith("committee:")
    assert not default_database().exists()


def test_db_after_the_command_name_in_a_missing_folder(runner: CliRunner) -> None:
    result = runner.invoke(main, ["export", "tracker", "--committee", "HCP", "--db", "no/x.db"])
    assert one_line_problem(result) == "minutebook: the folder no does not exist"


def test_tor_import_still_starts_a_new_database(runner: CliRunner, tmp_path: Path) -> None:
    tor = Path(__file__).resolve().parents[2] / "examples" / "people-board-tor.yaml"
    result = runner.invoke(main, ["tor", "import", str(tor), "--db", "new.db"])
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "new.db").exists()


@pytest.mark.parametrize(
    ("command", "name"),
    [
        ("minutes", "'HCP minutes 2023-09-20 (draft).docx'"),
        ("agenda", "'HCP agenda 2023-09-20.docx'"),
        ("tracker", "'HCP decision tracker YYYY-MM-DD.docx' here, with the meeting's date"),
    ],
)
def test_each_export_help_shows_its_own_default_name(
    runner: CliRunner, command: str, name: str
) -> None:
    result = runner.invoke(main, ["export", command, "--help"])
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    assert f"The file to write (default: a name like {name}" in text
    assert text.count(".docx'") == 1
