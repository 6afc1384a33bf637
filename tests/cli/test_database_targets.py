"""Commands never open, hang on or replace what is not a regular database file, and a
refused command leaves the file as it was (docs/database-file.md)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from minutebook.tui.cli import main

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX devices and pipes")

COMMANDS = [
    [],
    ["demo", "--no-open"],
    ["live", "--committee", "HCP", "--date", "2023-09-20"],
    ["quorum", "forecast", "--committee", "HCP", "--date", "2023-09-20"],
    ["tor", "export", "--committee", "HCP", "-o", "x.yaml"],
    ["export", "minutes", "--committee", "HCP", "--date", "2023-09-20"],
    ["export", "tracker", "--committee", "HCP"],
    ["export", "agenda", "--committee", "HCP", "--date", "2023-09-20"],
]


@posix_only
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]) or "app")
def test_a_pipe_as_the_database_is_refused_at_once(tmp_path: Path, command: list[str]) -> None:
    pipe = tmp_path / "pipe.db"
    os.mkfifo(pipe)
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")}
    where = ["--db", str(pipe)] if command and command[0] == "demo" else []
    done = subprocess.run(
        [sys.executable, "-m", "minutebook", "--db", str(pipe), *command, *where],
        capture_output=True,
        text=True,
        timeout=30,
        cwd=tmp_path,
        env=env,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert "not a regular file" in done.stderr or "no Minutebook database" in done.stderr
    assert pipe.exists() and not pipe.is_file()


@posix_only
def test_the_demo_never_replaces_a_device(runner: CliRunner) -> None:
    for force in ([], ["--force"]):
        result = runner.invoke(main, ["demo", "--db", "/dev/null", "--no-open", *force])
        assert result.exit_code == 2
        assert "not a regular file" in result.output
    assert not Path("/dev/null").is_file()


def test_a_refused_live_capture_leaves_an_empty_file_empty(
    runner: CliRunner, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    result = runner.invoke(
        main, ["--db", str(empty), "live", "--committee", "HCP", "--date", "2023-09-20"]
    )
    assert result.exit_code == 2
    assert "empty" in result.output
    assert empty.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("empty")) == [
        "empty.db"
    ]
