"""``minutebook demo``: built the first time, reopened as it was after that (what the
secretary recorded in it stays), rebuilt only with --fresh, and never over a database
that is not a demo one without --force.

The app is replaced by a stand-in that records which database it was given and closes
it, so the tests see what `make demo` would open without starting Textual.
"""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from minutebook.domain import Committee
from minutebook.store import DatabaseFile, Store, demo_database
from minutebook.tui.backup_keeper import BackupKeeper
from minutebook.tui.cli import main

CODES = ["HCP", "ICB", "PB"]


@pytest.fixture
def opened(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The database files the app was started on, in order."""
    started: list[Path] = []

    class RecordingApp:
        def __init__(self, database: DatabaseFile, **_: object) -> None:
            assert database.path is not None
            started.append(database.path)
            self.backups = BackupKeeper(None, database, lambda: None)  # type: ignore[arg-type]

        def run(self) -> None:
            pass

    fake = types.ModuleType("minutebook.tui.app")
    fake.MinutebookApp = RecordingApp  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "minutebook.tui.app", fake)
    return started


def demo(runner: CliRunner, *args: str) -> Result:
    return runner.invoke(main, ["demo", *args])


def committees(path: Path) -> list[str]:
    with Store.open(path) as store:
        return sorted(c.code for c in store.committees())


def record_something(path: Path) -> None:
    with Store.open(path) as store:
        store.add_committee(Committee(code="NEW", name="A committee the user set up"))


def test_first_run_builds_the_demo_and_opens_it_saying_nothing(
    runner: CliRunner, opened: list[Path]
) -> None:
    result = demo(runner)
    assert result.exit_code == 0, result.output
    # Anything printed now would be hidden by the app and appear only once it closed.
    assert (result.stdout, result.stderr) == ("", "")
    assert opened == [demo_database()]
    assert committees(demo_database()) == CODES


def test_running_demo_again_opens_what_was_recorded(runner: CliRunner, opened: list[Path]) -> None:
    assert demo(runner).exit_code == 0
    record_something(demo_database())
    result = demo(runner)
    assert result.exit_code == 0, result.output
    assert (result.stdout, result.stderr) == ("", "")
    assert opened == [demo_database(), demo_database()]
    assert committees(demo_database()) == ["HCP", "ICB", "NEW", "PB"]


def test_fresh_builds_it_again_from_the_papers(runner: CliRunner, opened: list[Path]) -> None:
    assert demo(runner, "--no-open").exit_code == 0
    record_something(demo_database())
    result = demo(runner, "--fresh")
    assert result.exit_code == 0, result.output
    assert opened == [demo_database()]
    assert committees(demo_database()) == CODES


def test_no_open_says_where_and_what_on_short_lines(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "d.db"
    built = demo(runner, "--db", str(path), "--no-open")
    assert built.exit_code == 0, built.output
    assert built.stdout.splitlines() == [
        f"Demo database ready at {path}",
        "Committees HCP, ICB, PB, fresh from the papers.",
    ]
    record_something(path)
    kept = demo(runner, "--db", str(path), "--no-open")
    assert kept.exit_code == 0, kept.output
    assert kept.stdout.splitlines() == [
        f"Demo database ready at {path}",
        "Committees HCP, ICB, NEW, PB, as you left them (--fresh starts again).",
    ]
    assert kept.stderr == ""
    assert committees(path) == ["HCP", "ICB", "NEW", "PB"]


@pytest.mark.parametrize("flags", [[], ["--fresh"]])
def test_a_real_database_is_refused_without_force(
    runner: CliRunner, tmp_path: Path, flags: list[str]
) -> None:
    path = tmp_path / "real.db"
    with Store.open(path) as store:
        store.add_committee(Committee(code="REAL", name="Real Committee"))
    result = demo(runner, "--db", str(path), "--no-open", *flags)
    assert result.exit_code == 2
    assert result.stderr == (
        f"minutebook: {path} holds real minutes, not the demo; "
        "refusing to overwrite it (use --force)\n"
    )
    assert committees(path) == ["REAL"]
    forced = demo(runner, "--db", str(path), "--no-open", "--force")
    assert forced.exit_code == 0, forced.output
    assert committees(path) == CODES


def test_the_demo_never_touches_the_real_database(runner: CliRunner, opened: list[Path]) -> None:
    assert demo(runner, "--fresh").exit_code == 0
    assert opened == [demo_database()]
    assert not (demo_database().parent / "minutebook.db").exists()


def test_help_explains_reopening_and_fresh(runner: CliRunner) -> None:
    result = demo(runner, "--help")
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    assert "building it the first time" in text
    assert "keeps what you record in it until you start again with --fresh" in text
    assert "--fresh Build it again from the papers, dropping what you recorded." in text
