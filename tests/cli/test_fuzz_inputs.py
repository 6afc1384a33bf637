"""Fuzzing the command line: ``quorum check``, ``tor import``, the exports' options
(committee codes, dates, output names, templates), ``--db`` values and ``demo``'s
options. Whatever is given (tests/fuzzing.py):

- no traceback: the command ends by SystemExit or returns, and prints no "Traceback";
- exit code 0, 1 or 2;
- no hang: each example within a deadline (and an alarm on POSIX);
- the database byte for byte as it was when the command refused, and always after a
  command that only reads it; a special file given as an output is still one.

The Textual app is never started (the `runner` fixture's stand-in): a command that
would open it counts as having accepted its input.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner, Result
from hypothesis import example, given
from hypothesis import strategies as st

from minutebook.interchange.reading import load_data
from minutebook.tui.cli import main
from tests.fuzzing import edits, fuzz, mutate, no_hang, yaml_text

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TOR = EXAMPLES / "people-board-tor.yaml"
MEETING = EXAMPLES / "people-board-meeting.yaml"
TOR_DATA = load_data(TOR.read_text(encoding="utf-8"), "tor")
MEETING_DATA = load_data(MEETING.read_text(encoding="utf-8"), "meeting")
APP_STARTED = "the test reached the point of starting the Textual app"


def digest(path: Path) -> str | None:
    """The file's hash; None if there is no regular file there (or no such name)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
    except OSError:
        return None


def run(runner: CliRunner, args: Sequence[str]) -> Result:
    """Invoke the command; assert no traceback, no hang and an exit code of 0, 1 or 2."""
    with no_hang():
        result = runner.invoke(main, list(args))
    error = result.exception
    assert error is None or isinstance(error, SystemExit) or opened_the_app(result), (
        args,
        result.output,
        error,
    )
    assert "Traceback" not in result.output, (args, result.output)
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.output)
    return result


def opened_the_app(result: Result) -> bool:
    """Whether the command got as far as opening the app: its input was accepted."""
    error = result.exception
    return isinstance(error, AssertionError) and APP_STARTED in str(error)


def refused(result: Result) -> bool:
    return result.exit_code != 0 and not opened_the_app(result)


def folder_in(base: Path) -> Path:
    """A new, empty folder for one example (examples share the test's tmp_path)."""
    return Path(tempfile.mkdtemp(dir=base))


def file_text(data: Any, as_json: bool) -> str:
    return json.dumps(data, default=str) if as_json else yaml.safe_dump(data, sort_keys=False)


tor_texts = yaml_text | st.builds(
    lambda changes, as_json: file_text(mutate(copy.deepcopy(TOR_DATA), changes), as_json),
    edits,
    st.booleans(),
)
meeting_texts = yaml_text | st.builds(
    lambda changes, as_json: file_text(mutate(copy.deepcopy(MEETING_DATA), changes), as_json),
    edits,
    st.booleans(),
)


# -- quorum check and tor import ------------------------------------------------------------


@fuzz(examples=150)
@given(tor_texts | st.none(), meeting_texts | st.none(), st.booleans())
@example("adopted: 2023-02-30", None, False)
@example(None, "date: 2022-02-30", True)
def test_quorum_check(
    runner: CliRunner, tmp_path: Path, tor: str | None, meeting: str | None, as_json: bool
) -> None:
    """Either file fuzzed (None: the good example)."""
    folder = folder_in(tmp_path)
    tor_file, meeting_file = TOR, MEETING
    if tor is not None:
        (tor_file := folder / "tor.yaml").write_text(tor, encoding="utf-8")
    if meeting is not None:
        (meeting_file := folder / "meeting.yaml").write_text(meeting, encoding="utf-8")
    args = ["quorum", "check", str(tor_file), str(meeting_file), *(["--json"] if as_json else [])]
    result = run(runner, args)
    assert result.exit_code in (0, 2)
    if result.exit_code == 2:
        assert result.stdout == "" and result.stderr


@fuzz(examples=100)
@given(tor_texts)
@example("adopted: 2023-02-30\n" + TOR.read_text(encoding="utf-8").replace("adopted:", "x:"))
def test_tor_import(runner: CliRunner, tmp_path: Path, demo_file: Path, text: str) -> None:
    folder = folder_in(tmp_path)
    db = folder / "demo.db"
    shutil.copyfile(demo_file, db)
    (tor_file := folder / "tor.yaml").write_text(text, encoding="utf-8")
    before = digest(db)
    result = run(runner, ["--db", str(db), "tor", "import", str(tor_file)])
    assert result.exit_code in (0, 2)
    if refused(result):
        assert digest(db) == before, result.output


# -- the exports' options --------------------------------------------------------------------

MEETINGS = [("HCP", "2023-06-13"), ("HCP", "2023-09-20"), ("ICB", "2022-07-01")]
MEETINGS += [("ICB", "2022-07-29"), ("PB", "2022-07-29")]
codes = st.sampled_from(["hcp", "XX", "", " ", "HCP;--", "é"]) | st.text(max_size=8)
dates = st.sampled_from(
    [
        *["2023-02-30", "0001-01-01", "9999-12-31", "", "13/06/2023", "2023-6-13"],
        *["20230613", "2023-06-13T10:00", "today"],
    ]
) | st.text(max_size=12)
meetings = st.sampled_from(MEETINGS) | st.tuples(codes | st.sampled_from(["HCP", "ICB"]), dates)
"""A real meeting of the demo's (about half the time), else anything."""
SPECIAL_NAMES = ["", ".", "..", "/", "~", "-", "m" * 300, "m" * 255, "no/such/a.docx"]
SPECIAL_NAMES += ["demo.db", "demo.db-wal", "demo.db.lock", "fifo", "folder", "link", "copy.db"]
SPECIAL_NAMES += ["~0", "~no-such-user-of-minutebook/a.docx", "~/a.docx"]
outputs = st.sampled_from(SPECIAL_NAMES) | st.text(max_size=20).filter(lambda s: "\x00" not in s)
templates = st.sampled_from(
    [None, "missing.docx", "demo.db", "folder", "notes.txt", "fifo", "", "m" * 300, "link"]
) | st.text(max_size=12).filter(lambda s: "\x00" not in s)


def export_folder(base: Path, demo_file: Path) -> Path:
    """A folder holding the demo database and, beside it, things an export must not
    replace: a FIFO (POSIX), a folder, a symbolic link, a copy of the database."""
    folder = folder_in(base)
    shutil.copyfile(demo_file, folder / "demo.db")
    shutil.copyfile(demo_file, folder / "copy.db")
    (folder / "folder").mkdir()
    (folder / "notes.txt").write_text("notes", encoding="utf-8")
    if sys.platform != "win32":
        os.mkfifo(folder / "fifo")
        (folder / "link").symlink_to(folder / "notes.txt")
    return folder


@fuzz(examples=150)
@given(
    st.sampled_from(["minutes", "agenda", "tracker"]),
    meetings,
    outputs | st.none(),
    st.booleans(),
    templates,
    st.sampled_from([[], ["--style", "nhs"], ["--style", "council"], ["--confidential"]]),
)
@example("agenda", ("HCP", "2023-06-13"), "", True, None, [])
@example("minutes", ("HCP", "2023-06-13"), "m" * 300, False, None, [])
@example("minutes", ("HCP", "2023-06-13"), "demo.db", True, None, [])
@example("agenda", ("ICB", "2022-07-29"), "fifo", True, None, [])
@example("tracker", ("HCP", ""), "copy.db", True, "demo.db", [])
@example("agenda", ("HCP", "2023-06-13"), None, False, "m" * 300, [])
def test_export_options(
    runner: CliRunner,
    tmp_path: Path,
    demo_file: Path,
    kind: str,
    meeting: tuple[str, str],
    output: str | None,
    force: bool,
    template: str | None,
    extra: list[str],
) -> None:
    folder = export_folder(tmp_path, demo_file)
    os.chdir(folder)
    db = folder / "demo.db"
    before = {name: digest(folder / name) for name in ("demo.db", "copy.db", "notes.txt")}
    code, day = meeting
    args = ["--db", str(db), "export", kind, "--committee", code]
    if kind != "tracker":
        args += ["--date", day]
    elif extra and extra[0] == "--style":
        extra = []
    if kind == "agenda" and extra == ["--confidential"]:
        extra = []
    if output is not None:
        args += ["-o", output]
    if template is not None:
        args += ["--template", template]
    run(runner, [*args, *(["--force"] if force else []), *extra])
    assert digest(db) == before["demo.db"]
    assert digest(folder / "copy.db") == before["copy.db"]
    assert (folder / "folder").is_dir()
    if sys.platform != "win32":
        assert (folder / "fifo").is_fifo()
        assert (folder / "link").is_symlink()
        assert digest(folder / "notes.txt") == before["notes.txt"]


# -- --db values, for every kind of command ----------------------------------------------------

DATABASE_KINDS = ["missing", "no folder", "empty name", "folder", "empty file", "text"]
DATABASE_KINDS += ["random bytes", "cut short", "demo", "long name", "fifo", "no such home"]


def database(kind: str, folder: Path, demo_file: Path, noise: bytes) -> str:
    """A --db value of the given kind, made in `folder`."""
    path = folder / "minutes.db"
    if kind == "missing":
        return str(path)
    if kind == "no folder":
        return str(folder / "nowhere" / "minutes.db")
    if kind == "empty name":
        return ""
    if kind == "no such home":
        return "~no-such-user-of-minutebook/minutes.db"
    if kind == "folder":
        path.mkdir()
    elif kind == "empty file":
        path.write_bytes(b"")
    elif kind == "text":
        path.write_text("committee: HCP\n", encoding="utf-8")
    elif kind == "random bytes":
        path.write_bytes(noise)
    elif kind == "cut short":
        data = demo_file.read_bytes()
        path.write_bytes(data[: max(1, len(data) * (1 + noise[0] % 9 if noise else 1) // 10)])
    elif kind == "demo":
        shutil.copyfile(demo_file, path)
    elif kind == "long name":
        return str(folder / ("m" * 300 + ".db"))
    elif kind == "fifo" and sys.platform != "win32":
        os.mkfifo(path)
    return str(path)


READ_ONLY = {"quorum forecast", "export tracker", "tor export"}
"""Commands that only read the database: it is never changed, whatever they answer."""

DB_COMMANDS = {
    "quorum forecast": ["quorum", "forecast", "--committee", "HCP", "--date", "2023-09-20"],
    "export tracker": ["export", "tracker", "--committee", "HCP", "-o", "out.docx"],
    "tor export": ["tor", "export", "--committee", "PB"],
    "tor import": ["tor", "import", str(TOR)],
    "live": ["live", "--committee", "HCP", "--date", "2023-09-20"],
    "the app": [],
}


@fuzz(examples=150)
@given(
    st.sampled_from(DATABASE_KINDS),
    st.sampled_from(sorted(DB_COMMANDS)),
    st.binary(min_size=1, max_size=300),
    st.booleans(),
)
@example("fifo", "quorum forecast", b"x", False)
@example("cut short", "tor import", b"\x04", True)
@example("empty name", "export tracker", b"x", False)
def test_database_values(
    runner: CliRunner,
    tmp_path: Path,
    demo_file: Path,
    kind: str,
    command: str,
    noise: bytes,
    after: bool,
) -> None:
    """--db before the command, or after it (where the command takes it)."""
    folder = folder_in(tmp_path)
    os.chdir(folder)
    value = database(kind, folder, demo_file, noise)
    path = Path(value) if value else None
    before = digest(path) if path is not None else None
    args = DB_COMMANDS[command]
    args = [*args, "--db", value] if after and args else ["--db", value, *args]
    result = run(runner, args)
    if before is not None and path is not None and (refused(result) or command in READ_ONLY):
        assert digest(path) == before, (kind, command, result.output)


# -- demo's options --------------------------------------------------------------------------


@fuzz(examples=30)
@given(
    st.sampled_from(DATABASE_KINDS),
    st.binary(min_size=1, max_size=300),
    st.lists(st.sampled_from(["--fresh", "--force", "--no-open"]), unique=True),
)
@example("text", b"x", ["--no-open"])
@example("random bytes", b"\x00" * 16, ["--fresh", "--no-open"])
def test_demo_options(
    runner: CliRunner,
    tmp_path: Path,
    demo_file: Path,
    kind: str,
    noise: bytes,
    flags: list[str],
) -> None:
    folder = folder_in(tmp_path)
    os.chdir(folder)
    value = database(kind, folder, demo_file, noise)
    path = Path(value) if value else None
    before = digest(path) if path is not None else None
    result = run(runner, ["demo", "--db", value, *flags])
    if refused(result) and path is not None:
        assert digest(path) == before, (kind, flags, result.output)
