"""Where an export may be written (minutebook/exporters/output.py, docs/files.md): only a
new name or a regular file, never a device, FIFO, folder, symbolic link or database,
and a new name is never replaced by an export that finished first.

Each refusal is checked through the command line, as a secretary would meet it: one
line, exit 2, and the target (and the database) exactly as they were.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from minutebook.exporters import output
from minutebook.exporters.output import ExportError, TargetExists, check_target, write_output
from minutebook.tui.cli import main

POSIX_ONLY = pytest.mark.skipif(sys.platform == "win32", reason="POSIX special files")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def outputs(folder: Path) -> list[str]:
    """The files in `folder` apart from the database and the files SQLite keeps beside it."""
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("demo.db"))


def agenda(runner: CliRunner, db: Path, *extra: str) -> Result:
    return runner.invoke(
        main,
        ["--db", str(db), "export", "agenda", "--committee", "HCP", "--date", "2023-06-13", *extra],
    )


def tor_export(runner: CliRunner, db: Path, *extra: str) -> Result:
    return runner.invoke(main, ["--db", str(db), "tor", "export", "--committee", "PB", *extra])


EXPORTS = {"agenda": agenda, "tor export": tor_export}


def assert_refused(result: Result, message: str) -> None:
    assert result.exit_code == 2, (result.stdout, result.stderr, result.exception)
    assert isinstance(result.exception, SystemExit)
    assert result.stdout == ""
    assert result.stderr == f"minutebook: {message}\n"


# -- not a regular file -----------------------------------------------------------------------


@POSIX_ONLY
@pytest.mark.parametrize("command", EXPORTS)
def test_a_fifo_is_never_replaced_even_with_force(
    runner: CliRunner, demo_path: Path, tmp_path: Path, command: str
) -> None:
    """The FIFO stands in for /dev/null, which as root was replaced by a regular file."""
    fifo = tmp_path / "out.docx"
    os.mkfifo(fifo)
    result = EXPORTS[command](runner, demo_path, "-o", str(fifo), "--force")
    assert_refused(result, f"{fifo} is a FIFO (named pipe), not a file; choose a file name")
    assert fifo.is_fifo()


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets here")
def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
    except OSError:
        pytest.skip("cannot bind a Unix socket here")
    try:
        with pytest.raises(ExportError, match="is a socket, not a file"):
            check_target(path, overwrite=True)
    finally:
        server.close()


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null here")
def test_a_device_is_refused() -> None:
    # Only checked, never written: a regression must not replace the real device.
    with pytest.raises(ExportError, match="/dev/null is a device, not a file"):
        check_target(Path("/dev/null"), overwrite=True)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "minutes.docx"
    folder.mkdir()
    with pytest.raises(ExportError, match="is a folder, not a file"):
        write_output(folder, lambda handle: handle.write(b"x"), overwrite=True)
    assert folder.is_dir()


@POSIX_ONLY
def test_a_symbolic_link_is_refused_and_left_pointing_where_it_did(
    runner: CliRunner, demo_path: Path, tmp_path: Path
) -> None:
    real = tmp_path / "real.docx"
    real.write_bytes(b"the secretary's file")
    link = tmp_path / "link.docx"
    link.symlink_to(real)
    result = agenda(runner, demo_path, "-o", str(link), "--force")
    assert_refused(
        result, f"{link} is a symbolic link; give the name of the file itself, or another name"
    )
    assert link.is_symlink() and real.read_bytes() == b"the secretary's file"


# -- never a database ---------------------------------------------------------------------


@pytest.mark.parametrize("command", EXPORTS)
def test_the_database_in_use_is_never_replaced(
    runner: CliRunner, demo_path: Path, command: str
) -> None:
    before = digest(demo_path)
    result = EXPORTS[command](runner, demo_path, "-o", str(demo_path), "--force")
    assert_refused(
        result, f"{demo_path} belongs to the database in use; an export never replaces it"
    )
    assert digest(demo_path) == before


def test_the_database_is_recognised_under_another_name(
    runner: CliRunner, demo_path: Path, tmp_path: Path
) -> None:
    """A copy of a database: its first bytes say it is one, whatever it is called."""
    copy = tmp_path / "another committee.db"
    shutil.copyfile(demo_path, copy)
    before = digest(demo_path)
    result = agenda(runner, demo_path, "-o", str(copy), "--force")
    assert_refused(result, f"{copy} is a database; an export never replaces one")
    assert digest(demo_path) == before == digest(copy)


def test_the_database_in_use_is_recognised_through_a_hard_link(
    demo_path: Path, tmp_path: Path
) -> None:
    other = tmp_path / "looks like minutes.docx"
    try:
        os.link(demo_path, other)
    except OSError:
        pytest.skip("no hard links on this disk")
    with pytest.raises(ExportError, match="belongs to the database in use"):
        check_target(other, overwrite=True, database=demo_path)


def test_the_databases_own_files_are_never_replaced(demo_path: Path) -> None:
    wal = demo_path.with_name(demo_path.name + "-wal")
    wal.write_bytes(b"")
    with pytest.raises(ExportError, match="belongs to the database in use"):
        check_target(wal, overwrite=True, database=demo_path)


# -- names the system cannot hold -------------------------------------------------------------


@pytest.mark.parametrize("command", EXPORTS)
@pytest.mark.parametrize("force", [[], ["--force"]])
def test_an_empty_name_is_a_plain_error(
    runner: CliRunner, demo_path: Path, command: str, force: list[str]
) -> None:
    result = EXPORTS[command](runner, demo_path, "-o", "", *force)
    assert_refused(result, "no file name given for the output")


@pytest.mark.parametrize("command", EXPORTS)
def test_an_overlong_name_is_a_plain_error(
    runner: CliRunner, demo_path: Path, tmp_path: Path, command: str
) -> None:
    result = EXPORTS[command](runner, demo_path, "-o", "m" * 300 + ".docx")
    assert_refused(result, "the file name is too long (305 characters; at most 255)")
    assert outputs(tmp_path) == []


def test_the_longest_name_is_written(runner: CliRunner, demo_path: Path, tmp_path: Path) -> None:
    """The temporary file's name is short: a 255-character name is not refused for
    the sake of ".name.partial"."""
    name = "m" * 250 + ".docx"
    result = agenda(runner, demo_path, "-o", name)
    assert result.exit_code == 0, result.output
    assert outputs(tmp_path) == [name]


# -- two exports to one new name --------------------------------------------------------------


def another_export_meanwhile(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    """While this export flushes its file, another one puts its own at `target`."""
    real_fsync = os.fsync

    def fsync(descriptor: int) -> None:
        if not target.exists():
            target.write_bytes(b"the other export")
        real_fsync(descriptor)

    monkeypatch.setattr(output.os, "fsync", fsync)


@pytest.mark.parametrize("command", EXPORTS)
def test_a_name_taken_meanwhile_is_not_replaced_without_force(
    runner: CliRunner,
    demo_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: str,
) -> None:
    target = tmp_path / "out.docx"
    another_export_meanwhile(monkeypatch, target)
    result = EXPORTS[command](runner, demo_path, "-o", str(target))
    assert_refused(result, f"{target} exists; use --force to overwrite it")
    assert target.read_bytes() == b"the other export"
    assert not list(tmp_path.glob("*.partial"))


def test_without_hard_links_the_name_is_reserved_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A disk without hard links (FAT, some shares) gets the same promise."""

    def no_links(*_args: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(output.os, "link", no_links)
    target = tmp_path / "out.txt"
    write_output(target, lambda handle: handle.write(b"first"))
    assert target.read_bytes() == b"first"
    another_export_meanwhile(monkeypatch, other := tmp_path / "other.txt")
    with pytest.raises(TargetExists):
        write_output(other, lambda handle: handle.write(b"mine"))
    assert other.read_bytes() == b"the other export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.txt", "out.txt"]


def test_with_force_a_regular_file_is_replaced_whole(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"old")
    write_output(target, lambda handle: handle.write(b"new"), overwrite=True)
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    write: Callable[..., object] = lambda handle: 1 / 0  # noqa: E731
    with pytest.raises(ZeroDivisionError):
        write_output(target, write)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("m" * 300 + ".docx", "the file name is too long (305 characters; at most 255)"),
        ("", "no file name given"),
    ],
)
def test_a_template_name_the_system_cannot_hold_is_a_plain_error(
    runner: CliRunner, demo_path: Path, template: str, message: str
) -> None:
    """Found by fuzzing: an over-long --template ended in a traceback."""
    result = agenda(runner, demo_path, "--template", template)
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit)
    assert message in result.stderr and "Traceback" not in result.output


NO_SUCH_HOME = "~no-such-user-of-minutebook"


@pytest.mark.parametrize("command", EXPORTS)
def test_a_home_folder_that_does_not_exist_is_a_plain_error(
    runner: CliRunner, demo_path: Path, command: str
) -> None:
    """Found by fuzzing: "-o ~0" ended in Python's "Could not determine home directory"."""
    result = EXPORTS[command](runner, demo_path, "-o", f"{NO_SUCH_HOME}/out.docx")
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit)
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output
    if sys.platform != "win32":  # Windows makes up a home folder for any name
        assert result.stderr == f"minutebook: there is no home folder for {NO_SUCH_HOME}\n"
