"""The ``minutebook`` command: version, help, building the demo, and plain one-line errors.

The Textual app is never started here: every test of the app-opening path uses a file
that is refused before the app would start, and a stand-in app module fails the test
loudly if that ever changes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from minutebook import __version__
from minutebook.store import Store
from minutebook.store.paths import ENV_VAR
from minutebook.tui.cli import main


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"minutebook, version {__version__}"


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help(runner: CliRunner, flag: str) -> None:
    result = runner.invoke(main, [flag])
    assert result.exit_code == 0
    assert "Minutebook: formal committee minutes" in result.output
    assert "--db" in result.output
    assert "demo" in result.output


def test_demo_help(runner: CliRunner) -> None:
    result = runner.invoke(main, ["demo", "--help"])
    assert result.exit_code == 0
    assert "--no-open" in result.output and "--force" in result.output


def test_demo_builds_the_database_without_opening_the_app(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "demo.db"
    result = runner.invoke(main, ["demo", "--db", str(path), "--no-open"])
    assert result.exit_code == 0, result.output
    assert f"Demo database ready at {path}" in result.stdout
    assert "HCP, ICB, PB" in result.stdout
    with Store.open(path) as store:
        assert sorted(c.code for c in store.committees()) == ["HCP", "ICB", "PB"]


def test_demo_takes_the_db_given_before_the_command(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "outer.db"
    result = runner.invoke(main, ["--db", str(path), "demo", "--no-open"])
    assert result.exit_code == 0, result.output
    assert path.exists()


def test_demo_refuses_to_overwrite_a_text_file(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("my notes\n", encoding="utf-8")
    result = runner.invoke(main, ["demo", "--db", str(path), "--no-open"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("minutebook: ")
    assert "--force" in lines[0]
    assert path.read_text(encoding="utf-8") == "my notes\n"


def test_opening_a_text_file_fails_with_one_line(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "notadb.txt"
    path.write_text("hello\n", encoding="utf-8")
    result = runner.invoke(main, ["--db", str(path)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.strip().splitlines()
    assert lines == [f"minutebook: {path} is not a Minutebook database (it is not an SQLite file)"]
    assert path.read_text(encoding="utf-8") == "hello\n"


def test_opening_a_database_already_open_fails_with_one_line(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "open.db"
    store = Store.open(path)
    try:
        result = runner.invoke(main, ["--db", str(path)])
    finally:
        store.close()
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "already open" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_environment_variable_chooses_the_database(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "from-env.txt"
    path.write_text("not sqlite\n", encoding="utf-8")
    monkeypatch.setenv(ENV_VAR, str(path))
    result = runner.invoke(main, [])
    assert result.exit_code == 2
    assert str(path) in result.stderr


def _clean_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in (ENV_VAR, "XDG_DATA_HOME")}
    env["HOME"] = str(tmp_path)
    return env


def test_python_dash_m_builds_the_demo(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "demo.db"
    result = subprocess.run(
        [sys.executable, "-m", "minutebook", "demo", "--db", str(path), "--no-open"],
        env=_clean_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Demo database ready" in result.stdout
    with Store.open(path) as store:
        assert len(store.committees()) == 3


def test_python_dash_m_refuses_a_text_file_without_traceback(tmp_path: Path) -> None:
    path = tmp_path / "notadb.txt"
    path.write_text("hello\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "minutebook", "--db", str(path)],
        env=_clean_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        f"minutebook: {path} is not a Minutebook database (it is not an SQLite file)"
    ]
