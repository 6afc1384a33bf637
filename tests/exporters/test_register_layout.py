"""The published register's layout (exporters/register.py, docs/register.md): seed 003's
two heading rows, "Type of Interest" merged across the tick columns and every other
heading merged down both rows, both rows repeated on each page; the rows of people with
many interests, a nil return and no return; the Excel sheet with the same two rows
merged, frozen below them, and real dates shown dd/mm/yyyy. Made from seed 003's whole
register (42 interests, 12 nil returns), which runs to several pages."""

from __future__ import annotations

import io
from datetime import date, datetime

import openpyxl
import pytest
from docx.oxml.ns import qn
from docx.table import Table
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from minutebook.domain import Committee
from minutebook.domain.bodies import BodyType
from minutebook.domain.meeting import InterestCategory
from minutebook.domain.register import Interest, NilReturn
from minutebook.exporters.register import RegisterPerson, render_register, write_register_sheet
from tests.domain.seed003_register import seed003_interests, seed003_nil_returns

DAY = date(2022, 7, 29)
NHS = Committee(code="ICB", name="BLMK ICB", body_type=BodyType.NHS_BODY)
COUNCIL = Committee(code="CAB", name="Cabinet", body_type=BodyType.PRINCIPAL_COUNCIL)

NHS_TICKS = [
    "Financial Interest",
    "Non-Financial Professional",
    "Non-Financial Personal",
    "Indirect",
]
COUNCIL_TICKS = ["Disclosable Pecuniary", "Other Registrable", "Non-Registrable"]
BEFORE = [
    "Surname",
    "Forename",
    "Position within, or relationship with the ICB",
    "Interests to Declare",
]
AFTER = [
    "Description of Interest",
    "Date From",
    "Date To",
    "Actions to be taken to mitigate risk",
    "Date Declared",
]


def seed_people() -> list[RegisterPerson]:
    """Seed 003's register by surname (forenames are not in the model's rows: the id's
    capitalised surname is enough here), and one member who has made no return."""
    interests, nils = seed003_interests(), seed003_nil_returns()
    people = []
    for person in sorted({i.person for i in interests} | {n.person for n in nils}):
        theirs = tuple(i for i in interests if i.person == person)
        nil = next((n for n in nils if n.person == person), None)
        people.append(
            RegisterPerson(
                surname=person.capitalize(),
                forename="F",
                position="Member",
                interests=theirs,
                nil_return=None if theirs else nil,
            )
        )
    return [*people, RegisterPerson("Zeta", "Zoe", "Partner Member", (), None)]


def council_people() -> list[RegisterPerson]:
    def interest(category: InterestCategory, text: str) -> Interest:
        return Interest(
            committee="CAB",
            person="ahmed",
            category=category,
            description=text,
            date_from=date(2019, 5, 2),
            declared_on=date(2022, 5, 20),
        )

    return [
        RegisterPerson(
            "Ahmed",
            "Sara",
            "Councillor",
            (
                interest(InterestCategory.DISCLOSABLE_PECUNIARY, "Employed by Acme Ltd"),
                interest(InterestCategory.OTHER_REGISTRABLE, "Governor, Hill School"),
            ),
            None,
        ),
        RegisterPerson(
            "Brown",
            "Tom",
            "Councillor",
            (),
            NilReturn(committee="CAB", person="brown", declared_on=date(2022, 6, 1)),
        ),
    ]


BOTH_KINDS = pytest.mark.parametrize(
    ("committee", "people", "ticks"),
    [(NHS, seed_people(), NHS_TICKS), (COUNCIL, council_people(), COUNCIL_TICKS)],
    ids=["nhs", "council"],
)
"""An NHS body's register (seed 003's) and a council's, with their tick columns."""


def register_table(committee: Committee, people: list[RegisterPerson]) -> Table:
    _, table = render_register(committee, DAY, people).document.tables
    return table


@BOTH_KINDS
def test_the_key_of_the_types_comes_first(
    committee: Committee, people: list[RegisterPerson], ticks: list[str]
) -> None:
    document = render_register(committee, DAY, people).document
    key = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert key[0] == ["Type", "Description"]
    assert [name for name, _ in key[1:]] == [
        t.removesuffix(" Interest") + " Interests" for t in ticks
    ]
    if committee is NHS:  # seed 003's words
        assert key[1][1] == (
            "This is where an individual may get direct financial benefits from the"
            " consequences of a decision."
        )
    else:
        assert "Disclosable Pecuniary Interests) Regulations 2012" in key[1][1]


def texts(tr: object) -> list[str]:
    return ["".join(t.text or "" for t in tc.iter(qn("w:t"))) for tc in tr.tc_lst]  # type: ignore[attr-defined]


@BOTH_KINDS
def test_two_heading_rows_merged_as_seed_003_prints_them(
    committee: Committee, people: list[RegisterPerson], ticks: list[str]
) -> None:
    table = register_table(committee, people)
    upper, lower = (row._tr for row in table.rows[:2])
    for tr in (upper, lower):  # both rows repeat at the top of every page
        assert tr.trPr.find(qn("w:tblHeader")).get(qn("w:val")) == "true"
    before = [h.replace("ICB", committee.code) for h in BEFORE]
    # The first row: one cell spans the tick columns; every other heading is there,
    # merged down into the second row.
    assert texts(upper) == [*before, "Type of Interest", *AFTER]
    spans = [tc.grid_span for tc in upper.tc_lst]
    assert spans == [1, 1, 1, 1, len(ticks), 1, 1, 1, 1, 1]
    assert [tc.vMerge for tc in upper.tc_lst] == ["restart"] * 4 + [None] + ["restart"] * 5
    # The second row: the tick columns' own headings, upright; elsewhere the merge goes on.
    assert texts(lower) == [""] * 4 + ticks + [""] * 5
    merged = ["continue"] * 4 + [None] * len(ticks) + ["continue"] * 5
    assert [tc.vMerge for tc in lower.tc_lst] == merged
    upright = [tc.tcPr.find(qn("w:textDirection")) is not None for tc in lower.tc_lst]
    assert upright == [False] * 4 + [True] * len(ticks) + [False] * 5
    # python-docx reads the merged cells back as one heading per column.
    assert [c.text for c in table.rows[1].cells] == [*before, *ticks, *AFTER]


def test_the_rows_of_many_interests_a_nil_return_and_no_return() -> None:
    rows = [[c.text for c in row.cells] for row in register_table(NHS, seed_people()).rows[2:]]
    assert len(rows) == 42 + 12 + 1  # every interest, every nil return, the member without
    harrison = [r for r in rows if r[0] == "Harrison"]
    assert len(harrison) == 9
    ticks = {tuple(r[4:8]) for r in harrison}
    assert ticks == {("", "Y", "", ""), ("Y", "", "", ""), ("", "", "", "Y")}
    assert harrison[0][3:] == [
        "Yes",
        "",
        "Y",
        "",
        "",
        "Interim Chair, University of Birmingham",
        "Apr 2022",  # the seed's "Apr-22": a month, not 01/04/2022
        "Ongoing",
        "",
        "16/05/2022",
    ]
    kufeji = [r for r in rows if r[0] == "Kufeji"]
    assert [r[9:11] for r in kufeji] == [["04/08/2020", "03/08/2022"], ["01/04/2021", "31/03/2023"]]
    alsop = [r for r in rows if r[0] == "Alsop"]
    assert [r[9] for r in alsop] == ["2014", "2021"]  # years, not 01/01/2014
    borrett = next(r for r in rows if r[0] == "Borrett")  # seed 003: "No", then only the date
    assert borrett[3:] == ["No", *[""] * 8, "21/06/2022"]
    assert rows[-1] == ["Zeta", "Zoe", "Partner Member", "No return", *[""] * 9]


def test_a_councils_rows_tick_its_own_categories() -> None:
    rows = [
        [c.text for c in row.cells] for row in register_table(COUNCIL, council_people()).rows[2:]
    ]
    assert [r[4:7] for r in rows] == [["Y", "", ""], ["", "Y", ""], ["", "", ""]]
    assert rows[2][:4] == ["Brown", "Tom", "Councillor", "No"]


def sheet_of(committee: Committee, people: list[RegisterPerson]) -> Worksheet:
    handle = io.BytesIO()
    write_register_sheet(committee, DAY, people, handle)
    handle.seek(0)
    sheet = openpyxl.load_workbook(handle).active
    assert sheet is not None
    return sheet


@pytest.mark.parametrize(
    ("committee", "people", "group"),
    [(NHS, seed_people(), "E1:H1"), (COUNCIL, council_people(), "E1:G1")],
    ids=["nhs", "council"],
)
def test_the_sheet_has_the_same_two_heading_rows(
    committee: Committee, people: list[RegisterPerson], group: str
) -> None:
    sheet = sheet_of(committee, people)
    merged = {str(r) for r in sheet.merged_cells.ranges}
    last = sheet.max_column
    down = {f"{letter}1:{letter}2" for letter in "ABCD"}
    down |= {f"{get_column_letter(c)}1:{get_column_letter(c)}2" for c in range(last - 4, last + 1)}
    assert merged == {group, *down}
    assert sheet.cell(1, 5).value == "Type of Interest"
    assert sheet.freeze_panes == "A3"  # the names and everything to the right scroll under it
    assert sheet.print_title_rows == "$1:$2"
    assert sheet.page_setup.orientation == "landscape"


def test_the_sheets_rows_and_dates() -> None:
    sheet = sheet_of(NHS, seed_people())
    values = list(sheet.iter_rows(min_row=3, values_only=True))
    assert len(values) == 55
    harrison = [v for v in values if v[0] == "Harrison"]
    assert harrison[0][5] == "Y"
    # A month or a year as given, in words; a day a real date shown dd/mm/yyyy.
    assert [v[9] for v in harrison[:2]] == ["Apr 2022", "2021"]
    kufeji = next(v for v in values if v[0] == "Kufeji")
    assert kufeji[9:11] == (datetime(2020, 8, 4), datetime(2022, 8, 3))
    row = next(r for r in sheet.iter_rows(min_row=3) if r[0].value == "Kufeji")
    assert row[9].is_date and row[9].number_format == "dd/mm/yyyy"
    borrett = next(v for v in values if v[0] == "Borrett")
    assert borrett[3] == "No" and borrett[12] == datetime(2022, 6, 21)
    date_cell = sheet.cell(3, 13)
    assert date_cell.is_date and date_cell.number_format == "dd/mm/yyyy"
    widths = [sheet.column_dimensions[letter].width for letter in "JKM"]
    assert all(w >= 11 for w in widths)  # dd/mm/yyyy shown whole, never ####
    all_widths = [sheet.column_dimensions[get_column_letter(c)].width for c in range(1, 14)]
    assert sheet.column_dimensions["I"].width == max(all_widths)  # the description
