"""`minutebook export register`: the register of interests as it stood on a day, as a
landscape Word document in seed 003's layout (its columns under two heading rows, the
type ticked Y, "No" for a nil return, the heading repeated on every page) and as an Excel
sheet with the same columns and real dates. The merged heading cells themselves are
tested in tests/exporters/test_register_layout.py."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import docx
import openpyxl
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn

from minutebook.domain import Committee, Person, Seat
from minutebook.domain.bodies import BodyType
from minutebook.domain.meeting import InterestCategory
from minutebook.domain.register import Interest, NilReturn
from minutebook.store import Store
from minutebook.tui.cli import main

HEADINGS = [
    "Surname",
    "Forename",
    "Position within, or relationship with the ICB",
    "Interests to Declare",
    "Financial Interest",
    "Non-Financial Professional",
    "Non-Financial Personal",
    "Indirect",
    "Description of Interest",
    "Date From",
    "Date To",
    "Actions to be taken to mitigate risk",
    "Date Declared",
]
TOP = [*HEADINGS[:4], *(["Type of Interest"] * 4), *HEADINGS[8:]]
"""The first heading row as python-docx reads it: a merged cell gives its text in every
column it covers ("Type of Interest" over the ticks; the rest merged down both rows)."""


@pytest.fixture
def icb_db(db_path: Path) -> Path:
    """An NHS board with seed 003's rows for Maria Wogan (one interest ended before the
    day asked about), Mahesh Shah's indirect interest and Alison Borrett's nil return."""
    with Store.open(db_path) as store:
        store.add_committee(Committee(code="ICB", name="BLMK ICB", body_type=BodyType.NHS_BODY))
        for seat, title, person in (
            ("s1", "Chief of System Assurance", Person(id="wogan", name="Maria Wogan")),
            ("s2", "Partner Member", Person(id="shah", name="Mahesh Shah")),
            ("s3", "Non Executive Member", Person(id="borrett", name="Alison Borrett")),
        ):
            store.add_member("ICB", Seat(id=seat, title=title, holder=person.id), person)

        def interest(person: str, category: InterestCategory, text: str, **more: object) -> None:
            values = {"committee": "ICB", "person": person, "category": category}
            store.add_interest(
                Interest.model_validate(
                    values | {"description": text, "declared_on": date(2022, 5, 20)} | more
                )
            )

        interest(
            "wogan",
            InterestCategory.FINANCIAL,
            "Chair of Trustees, Arts for Health MK",
            date_from=date(2010, 1, 1),
            date_to=date(2022, 6, 30),
        )
        interest(
            "wogan",
            InterestCategory.FINANCIAL,
            "Non-Executive Director, Northamptonshire Healthcare NHS Foundation Trust",
            date_from=date(2018, 11, 1),
            mitigation="Will be declared as relevant in meetings",
        )
        interest(
            "shah",
            InterestCategory.INDIRECT,
            "RightPharm Ltd, son & sisters",
            date_from=date(2014, 3, 28),
        )
        store.add_nil_return(
            NilReturn(committee="ICB", person="borrett", declared_on=date(2022, 6, 21))
        )
    return db_path


def _export(runner: CliRunner, db: Path, *args: str) -> None:
    result = runner.invoke(
        main,
        ["--db", str(db), "export", "register", "--committee", "ICB", "--on", "2022-07-29", *args],
    )
    assert result.exit_code == 0, result.output


def test_the_register_in_seed_003s_layout(runner: CliRunner, icb_db: Path, tmp_path: Path) -> None:
    _export(runner, icb_db, "-o", "register.docx")
    document = docx.Document(str(tmp_path / "register.docx"))
    section = document.sections[0]
    assert section.page_width > section.page_height  # landscape
    key, table = document.tables  # seed 003's key of the types, then the register
    assert key.rows[1].cells[0].text == "Financial Interests"
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells[:2] == [TOP, HEADINGS]  # two heading rows, as seed 003 prints them
    for heading in table.rows[:2]:
        assert heading._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated
    nothing = [""] * 8  # no type ticked, no description, no dates, no mitigation
    assert cells[2] == ["Borrett", "Alison", "Non Executive Member", "No", *nothing, "21/06/2022"]
    shah, wogan = cells[3], cells[4]
    assert shah[:8] == ["Shah", "Mahesh", "Partner Member", "Yes", "", "", "", "Y"]
    assert shah[8:] == ["RightPharm Ltd, son & sisters", "28/03/2014", "Ongoing", "", "20/05/2022"]
    assert wogan[3:8] == ["Yes", "Y", "", "", ""]
    assert wogan[8:] == [
        "Non-Executive Director, Northamptonshire Healthcare NHS Foundation Trust",
        "01/11/2018",
        "Ongoing",
        "Will be declared as relevant in meetings",
        "20/05/2022",
    ]  # the interest that ended on 30/06/2022 is not in the register of 29/07/2022
    assert len(cells) == 5


def test_the_register_as_a_sheet(runner: CliRunner, icb_db: Path, tmp_path: Path) -> None:
    _export(runner, icb_db, "-o", "register.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "register.xlsx").active
    assert sheet is not None
    values = list(sheet.iter_rows(values_only=True))
    # The two heading rows: a merged cell's text is in its first cell only.
    assert list(values[0]) == [*HEADINGS[:4], "Type of Interest", *[None] * 3, *HEADINGS[8:]]
    assert list(values[1]) == [*[None] * 4, *HEADINGS[4:8], *[None] * 5]
    assert [row[0] for row in values[2:]] == ["Borrett", "Shah", "Wogan"]
    wogan = values[4]
    assert wogan[4] == "Y" and wogan[9] == datetime(2018, 11, 1) and wogan[10] == "Ongoing"
    assert sheet.freeze_panes == "A3"


def test_a_sheet_has_no_pdf(runner: CliRunner, icb_db: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        main,
        ["--db", str(icb_db), "export", "register", "--committee", "ICB", "-o", "r.xlsx", "--pdf"],
    )
    assert result.exit_code == 2
    assert "name it .docx" in result.output
    assert not (tmp_path / "r.xlsx").exists()
