"""Reading a secretary's files (minutebook/interchange/reading.py): bad input is a
problem with its place, never a crash or a hang.

Each case here once crashed or hung: an impossible date raised inside the YAML library,
deep nesting ran out of recursion, a few lines of aliases stood for billions of values,
and a FIFO or a device was read for ever.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from minutebook.interchange.meeting_file import read_meeting
from minutebook.interchange.reading import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    FileError,
    load_data,
    read_file,
)
from minutebook.interchange.tor_file import read_terms

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TOR = (EXAMPLES / "people-board-tor.yaml").read_text(encoding="utf-8")
MEETING = (EXAMPLES / "people-board-meeting.yaml").read_text(encoding="utf-8")

BILLION_LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True)
)


def problems(text: str, source: str = "f.yaml") -> list[str]:
    with pytest.raises(FileError) as caught:
        load_data(text, source)
    return caught.value.problems


def test_an_impossible_date_in_a_tor_file_is_a_problem_with_its_place() -> None:
    text = TOR.replace("adopted: 2022-07-01", "adopted: 2023-02-30")
    assert "adopted: 2023-02-30" in text
    with pytest.raises(FileError) as caught:
        read_terms(text, "tor.yaml")
    assert caught.value.problems == ["adopted: must be a date"]


def test_an_impossible_date_in_a_meeting_file_is_a_problem_with_its_place() -> None:
    terms = read_terms(TOR)
    text = MEETING.replace("date: 2022-09-01", "date: 2022-09-31")
    assert "date: 2022-09-31" in text
    with pytest.raises(FileError) as caught:
        read_meeting(text, terms, "meeting.yaml")
    assert caught.value.problems == ["date: must be a date"]


def test_real_dates_still_read_as_dates() -> None:
    terms = read_terms(TOR.replace("adopted: 2022-07-01", "adopted: !!timestamp 2022-07-02"))
    assert str(terms.versions[0].adopted) == "2022-07-02"


@pytest.mark.parametrize(
    "text",
    [
        "[" * 5000,
        "a: " + "{b: " * 5000,
        "- " * 3000 + "x",
        "x:\n" + "".join(" " * n + "- \n" for n in range(1, 200)),
    ],
    ids=["lists", "mappings", "block lists", "indented"],
)
def test_deep_nesting_is_refused_before_python_runs_out_of_recursion(text: str) -> None:
    (problem,) = problems(text)
    assert problem.startswith("line ")
    assert f"nested more than {MAX_DEPTH} levels deep" in problem


def test_nesting_a_secretary_could_write_is_read() -> None:
    depth = MAX_DEPTH - 1
    assert load_data("[" * depth + "]" * depth, "f.yaml") is not None


def test_a_yaml_alias_bomb_is_refused_at_its_first_alias() -> None:
    assert problems(BILLION_LAUGHS) == [
        "line 2, column 8: aliases (*name) are not accepted in Minutebook's files; "
        "write the value out"
    ]


def test_the_alias_bomb_in_a_tor_file_is_refused_too() -> None:
    text = TOR + BILLION_LAUGHS.replace("a:", "x_a:", 1)
    with pytest.raises(FileError) as caught:
        read_terms(text, "tor.yaml")
    (problem,) = caught.value.problems
    assert "aliases (*name) are not accepted" in problem


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: !!int abc", "line 1, column 4: 'abc' is not a valid int"),
        ("a: !!bool maybe", "line 1, column 4: 'maybe' is not a valid bool"),
        ("a: !!float x", "line 1, column 4: 'x' is not a valid float"),
        ("a: !!int ''", "line 1, column 4: '' is not a valid int"),
        ("a: " + "9" * 5000, "line 1, column 4: '" + "9" * 37 + "...' is not a valid int"),
    ],
)
def test_a_value_yaml_cannot_build_is_a_problem_with_its_line(text: str, message: str) -> None:
    assert problems(text) == [message]


def test_text_beyond_the_size_limit_is_refused() -> None:
    assert problems("#" * (MAX_FILE_BYTES + 1)) == ["is too large for a Minutebook file"]


# -- reading the file itself -------------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs are POSIX")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "tor.yaml"
    os.mkfifo(fifo)
    with pytest.raises(FileError) as caught:
        read_file(fifo)
    assert caught.value.problems == ["is not a regular file (YAML or JSON expected)"]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_device_is_refused_rather_than_read_for_ever() -> None:
    with pytest.raises(FileError) as caught:
        read_file(Path("/dev/zero"))
    assert caught.value.problems == ["is not a regular file (YAML or JSON expected)"]


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileError) as caught:
        read_file(tmp_path)
    (problem,) = caught.value.problems
    assert "regular file" in problem or "cannot be read" in problem


def test_a_large_file_is_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * (MAX_FILE_BYTES + 1))
    with pytest.raises(FileError) as caught:
        read_file(big)
    (problem,) = caught.value.problems
    assert problem.startswith("is too large for a Minutebook file")


def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    latin = tmp_path / "tor.yaml"
    latin.write_bytes("name: Société".encode("latin-1"))
    with pytest.raises(FileError) as caught:
        read_file(latin, "the ToR")
    assert caught.value.source == "the ToR"
    assert caught.value.problems == ["is not a text file (YAML or JSON expected)"]


def test_a_text_file_is_read(tmp_path: Path) -> None:
    good = tmp_path / "tor.yaml"
    good.write_text(TOR, encoding="utf-8")
    assert read_file(good) == TOR
