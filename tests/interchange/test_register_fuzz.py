"""Fuzzing the register reader: whatever a .csv, .xlsx or .docx register holds (any text
in any cell, damaged bytes), reading it ends in a preview or a FileError, never in
another exception or a hang (tests/fuzzing.py)."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minutebook.domain import Committee, Person
from minutebook.domain.bodies import BodyType
from minutebook.interchange.reading import FileError
from minutebook.interchange.register_file import read_register
from tests.fuzzing import fuzz, no_hang
from tests.interchange.registers import HEADINGS_003, ROWS_003, write_register_docx

ICB = Committee(code="ICB", name="Board", body_type=BodyType.NHS_BODY)
PEOPLE = [Person(id="harrison", name="Joe Harrison"), Person(id="church", name="Laura Church")]

CELL = st.one_of(
    st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=40),
    st.sampled_from(
        ["", "Yes", "No", "Y", "Υ", "✓", "N", "Ongoing", "Apr-22", "2021", "31/02/2022",
         "01/06/21 on joining", "Harrison", "Joe", "Stuart Ross"]
    ),
)  # fmt: skip


def read(path: Path) -> None:
    with no_hang():
        try:
            read_register(path, ICB, PEOPLE, {"harrison"}, today=date(2022, 7, 18))
        except FileError as error:
            assert error.problems and all(isinstance(p, str) for p in error.problems)


@fuzz(40)
@given(rows=st.lists(st.lists(CELL, min_size=13, max_size=13), max_size=6), heading=st.booleans())
def test_any_cells_in_a_csv(
    tmp_path_factory: pytest.TempPathFactory, rows: list[list[str]], heading: bool
) -> None:
    path = tmp_path_factory.mktemp("x") / "r.csv"
    with path.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows([*([HEADINGS_003] if heading else []), *rows])
    read(path)


@fuzz(20)
@given(
    edits=st.lists(st.tuples(st.integers(0, 1 << 20), st.integers(0, 255)), min_size=1, max_size=8)
)
def test_a_damaged_document(
    tmp_path_factory: pytest.TempPathFactory, edits: list[tuple[int, int]]
) -> None:
    folder = tmp_path_factory.mktemp("x")
    data = bytearray(write_register_docx(folder / "good.docx").read_bytes())
    for at, value in edits:
        data[at % len(data)] = value
    path = folder / "bad.docx"
    path.write_bytes(bytes(data))
    read(path)


def test_the_seed_rows_without_the_committee_people(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    with path.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows([HEADINGS_003, *ROWS_003])
    preview = read_register(path, ICB, PEOPLE, {"harrison"}, today=date(2022, 7, 18))
    assert preview.problems == ()
    assert "Laura Church" in preview.not_members
    assert len(preview.unknown_people) == 24
