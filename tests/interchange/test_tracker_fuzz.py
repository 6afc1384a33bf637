"""Fuzzing the tracker reader: whatever a .docx, .xlsx or .csv holds (damaged bytes,
any text in any cell), reading it ends in a preview or a FileError, never in another
exception or a hang (tests/fuzzing.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minutebook.domain import Committee, Person
from minutebook.domain.committee import RagPalette
from minutebook.interchange.reading import FileError
from minutebook.interchange.tracker_file import read_tracker
from tests.fuzzing import fuzz, no_hang
from tests.interchange.trackers import (
    HEADINGS_001,
    HEADINGS_003,
    ROWS_001,
    ROWS_003,
    write_csv,
    write_docx,
    write_xlsx,
)

ICB = Committee(code="ICB", name="Board", rag_palette=RagPalette.NHS)
PEOPLE = [
    Person(id="wogan", name="Maria Wogan", initials="MW"),
    Person(id="summers", name="Michelle Summers"),
]


def read(path: Path) -> None:
    with no_hang():
        try:
            read_tracker(path, ICB, PEOPLE, {"wogan"}, today=date(2023, 9, 20))
        except FileError as error:
            assert error.problems and all(isinstance(p, str) for p in error.problems)


def damaged(data: bytes, edits: list[tuple[int, int]]) -> bytes:
    out = bytearray(data)
    for at, value in edits:
        out[at % len(out)] = value
    return bytes(out)


EDITS = st.lists(st.tuples(st.integers(0, 1 << 20), st.integers(0, 255)), min_size=1, max_size=8)


@fuzz(25)
@given(edits=EDITS)
def test_a_damaged_workbook(
    tmp_path_factory: pytest.TempPathFactory, edits: list[tuple[int, int]]
) -> None:
    folder = tmp_path_factory.mktemp("x")
    good = write_xlsx(folder / "good.xlsx", {"A": [HEADINGS_003, *ROWS_003]}).read_bytes()
    bad = folder / "bad.xlsx"
    bad.write_bytes(damaged(good, edits))
    read(bad)


@fuzz(25)
@given(edits=EDITS)
def test_a_damaged_document(
    tmp_path_factory: pytest.TempPathFactory, edits: list[tuple[int, int]]
) -> None:
    folder = tmp_path_factory.mktemp("x")
    good = write_docx(folder / "good.docx", [[HEADINGS_001, *ROWS_001]]).read_bytes()
    bad = folder / "bad.docx"
    bad.write_bytes(damaged(good, edits))
    read(bad)


CELL = st.one_of(
    # Any text a worksheet can hold (not the control characters Excel refuses).
    st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=40),
    st.sampled_from(["", "TBC", "31/02/2022", "Closed", "June 2023", "MW", "GREEN", "0", "-1"]),
)


@fuzz(40)
@given(rows=st.lists(st.lists(CELL, max_size=10), max_size=6), heading=st.booleans())
def test_any_cells_in_a_csv(
    tmp_path_factory: pytest.TempPathFactory, rows: list[list[str]], heading: bool
) -> None:
    folder = tmp_path_factory.mktemp("x")
    first = [HEADINGS_003] if heading else []
    path = write_csv(folder / "t.csv", [*first, *rows])
    read(path)
    workbook = write_xlsx(folder / "t.xlsx", {"A": [*first, *rows] or [()]})
    read(workbook)


def test_a_workbook_asking_for_a_zip_version_not_implemented(tmp_path: Path) -> None:
    """A garbled central directory can ask for a zip version zipfile does not implement
    (NotImplementedError, found by the fuzz test above): refused as not a workbook."""
    good = bytearray(write_xlsx(tmp_path / "good.xlsx", {"A": [HEADINGS_003]}).read_bytes())
    entry = good.index(b"PK\x01\x02")  # the first central directory entry
    good[entry + 6] = 64  # "version needed to extract": 6.4
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(bytes(good))
    with pytest.raises(FileError) as refused:
        read_tracker(bad, ICB, PEOPLE, {"wogan"}, today=date(2023, 9, 20))
    assert "is not an Excel workbook saved as .xlsx" in refused.value.problems[0]
