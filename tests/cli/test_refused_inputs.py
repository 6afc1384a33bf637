"""Bad files given to ``quorum check`` and ``tor import``: one report with the problem's
place, exit 2, and the database untouched. Each of these once ended in a traceback or
a hang (an impossible date, deep nesting, an alias bomb, a FIFO)."""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from minutebook.tui.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TOR = EXAMPLES / "people-board-tor.yaml"
MEETING = EXAMPLES / "people-board-meeting.yaml"

BOMB = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True)
)

BAD_FILES = {
    "impossible date": TOR.read_text(encoding="utf-8").replace(
        "adopted: 2022-07-01", "adopted: 2023-02-30"
    ),
    "deep lists": "[" * 5000,
    "deep mappings": "a: " + "{b: " * 5000,
    "alias bomb": BOMB,
    "alias bomb in the rule": TOR.read_text(encoding="utf-8").replace(
        "quorum:", BOMB.replace("i: &i", "quorum_x: &i") + "quorum:", 1
    ),
}
EXPECTED = {
    "impossible date": "adopted: must be a date",
    "deep lists": "nested more than",
    "deep mappings": "nested more than",
    "alias bomb": "aliases (*name) are not accepted",
    "alias bomb in the rule": "aliases (*name) are not accepted",
}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_refused(result: Result, fragment: str) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.output
    assert fragment in result.stderr


@pytest.mark.parametrize("kind", BAD_FILES)
def test_quorum_check_reports_a_bad_tor_file(runner: CliRunner, tmp_path: Path, kind: str) -> None:
    bad = tmp_path / "tor.yaml"
    bad.write_text(BAD_FILES[kind], encoding="utf-8")
    result = runner.invoke(main, ["quorum", "check", str(bad), str(MEETING)])
    assert_refused(result, EXPECTED[kind])
    assert result.stderr.startswith(f"{bad}: 1 problem(s)\n")


@pytest.mark.parametrize("kind", ["deep lists", "alias bomb"])
def test_quorum_check_reports_a_bad_meeting_file(
    runner: CliRunner, tmp_path: Path, kind: str
) -> None:
    bad = tmp_path / "meeting.yaml"
    bad.write_text(BAD_FILES[kind], encoding="utf-8")
    result = runner.invoke(main, ["quorum", "check", str(TOR), str(bad)])
    assert_refused(result, EXPECTED[kind])


def test_an_impossible_meeting_date_is_reported(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "meeting.yaml"
    bad.write_text(
        MEETING.read_text(encoding="utf-8").replace("date: 2022-09-01", "date: 2022-02-29"),
        encoding="utf-8",
    )
    result = runner.invoke(main, ["quorum", "check", str(TOR), str(bad)])
    assert_refused(result, "date: must be a date")


@pytest.mark.parametrize("kind", BAD_FILES)
def test_tor_import_of_a_bad_file_changes_nothing(
    runner: CliRunner, demo_path: Path, tmp_path: Path, kind: str
) -> None:
    bad = tmp_path / "tor.yaml"
    bad.write_text(BAD_FILES[kind], encoding="utf-8")
    before = digest(demo_path)
    result = runner.invoke(main, ["--db", str(demo_path), "tor", "import", str(bad)])
    assert_refused(result, EXPECTED[kind])
    assert digest(demo_path) == before


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs are POSIX")
def test_a_fifo_given_as_a_file_is_refused_at_once(runner: CliRunner, tmp_path: Path) -> None:
    fifo = tmp_path / "tor.yaml"
    os.mkfifo(fifo)
    result = runner.invoke(main, ["quorum", "check", str(fifo), str(MEETING)])
    assert_refused(result, f"{fifo} is not a regular file (YAML or JSON expected)")


DATABASE_COMMANDS = [
    ["export", "tracker", "--committee", "HCP"],
    ["quorum", "forecast", "--committee", "HCP", "--date", "2023-09-20"],
    ["tor", "import", str(TOR)],
    ["demo", "--no-open"],
    [],
]


@pytest.mark.parametrize("command", DATABASE_COMMANDS, ids=lambda c: " ".join(c[:2]) or "app")
@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("m" * 300 + ".db", "the file name is too long (303 characters; at most 255)"),
        ("", "no file name given"),
        pytest.param(
            "~no-such-user-of-minutebook/minutes.db",
            "there is no home folder for ~no-such-user-of-minutebook",
            marks=pytest.mark.skipif(sys.platform == "win32", reason="any ~name is a home there"),
        ),
    ],
    ids=["over-long", "empty", "no such home"],
)
def test_a_database_name_the_system_cannot_hold_is_one_line(
    runner: CliRunner, tmp_path: Path, command: list[str], value: str, problem: str
) -> None:
    """Found by fuzzing: an over-long --db ended in a traceback from the first look at
    the file, in every command."""
    result = runner.invoke(main, ["--db", value, *command])
    assert_refused(result, f"as the database: {problem}")
    assert [p.name for p in tmp_path.iterdir() if p.name != "data"] == []
