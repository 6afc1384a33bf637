"""Reading seed 003's register of interests from a .docx (a table a page), an .xlsx and
a .csv built from every row of it, with its quirks: ticks written Y and Υ (Greek
upsilon), N where nothing is ticked, dates written 2014, Apr-22, Nov-88, "01/06/21 on
joining CCG", "Ongoing"; a No row that still describes a directorship; a row whose only
text is the mitigation of the row above; the garbled "Ту pe of Inter est" line and the
heading row again on every page; Joe Harrison's nine interests."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import pytest

from minutebook.domain.meeting import InterestCategory
from minutebook.domain.register import DatePrecision, Interest
from minutebook.interchange.reading import FileError
from minutebook.interchange.register_file import RegisterPreview, read_register
from minutebook.store import Store
from tests.interchange.registers import HEADINGS_003, ROWS_003, WRITERS

TODAY = date(2022, 7, 18)
FIN = InterestCategory.FINANCIAL
PRO = InterestCategory.NON_FINANCIAL_PROFESSIONAL
PER = InterestCategory.NON_FINANCIAL_PERSONAL
IND = InterestCategory.INDIRECT


def read(store: Store, path: Path) -> RegisterPreview:
    ours = {p.id for p in store.membership("ICB").people}
    return read_register(path, store.committee("ICB"), store.people(), ours, today=TODAY)


def write_csv(path: Path, rows: list[tuple[str, ...]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows(rows)
    return path


@pytest.fixture(params=sorted(WRITERS))
def seed_preview(
    request: pytest.FixtureRequest, demo_reader: Store, tmp_path: Path
) -> RegisterPreview:
    kind: str = request.param
    return read(demo_reader, WRITERS[kind](tmp_path / f"register{kind}"))


def of(preview: RegisterPreview, person: str) -> list[Interest]:
    return [row.interest for row in preview.interests if row.interest.person == person]


def test_every_row_of_seed_003_is_read(seed_preview: RegisterPreview) -> None:
    assert seed_preview.problems == ()
    # 56 rows: 42 interests, 13 nil returns, one row continuing the interest above.
    assert len(seed_preview.interests) == 42
    assert len(seed_preview.nil_returns) == 13
    assert len(ROWS_003) == 56
    # Geraint Davies is not in the demo's ICB; Stuart Ross Graves is Ross Graves.
    assert seed_preview.unknown_people == ("Geraint Davies",)
    assert any("Stuart Ross Graves is taken to be Ross Graves" in n for n in seed_preview.notes)


def test_joe_harrison_nine_interests(seed_preview: RegisterPreview) -> None:
    harrison = of(seed_preview, "harrison")
    assert [i.category for i in harrison] == [PRO, PRO, PRO, PRO, FIN, FIN, PRO, PRO, IND]
    assert harrison[0].description == "Interim Chair, University of Birmingham"
    assert harrison[0].organisation == "University of Birmingham"
    assert harrison[0].date_from == date(2022, 4, 1)  # Apr-22
    assert harrison[1].date_from == date(2021, 1, 1)  # 2021
    assert harrison[4].organisation == "Keele University"
    assert harrison[6].date_from is None  # no date from written
    assert harrison[8].date_from == date(2022, 3, 1)  # Mar-22
    assert harrison[8].description.startswith("Spouse, Samantha Jones")
    assert all(i.date_to is None for i in harrison)  # Ongoing
    assert {i.declared_on for i in harrison} == {date(2022, 5, 16)}


def test_laura_church_ticked_with_upsilon_and_y(seed_preview: RegisterPreview) -> None:
    church = of(seed_preview, "church")
    assert [(i.category, i.organisation) for i in church] == [
        (FIN, "Bedford Borough Council"),
        (PRO, "East of England Local Government Association"),  # ticked "Υ"
        (IND, None),
    ]
    assert church[2].description.startswith("lan Turner (husband)")
    assert [i.date_from for i in church] == [
        date(2021, 10, 5),
        date(2021, 12, 1),
        date(2021, 10, 5),
    ]


def test_nil_returns_dated_by_date_declared(seed_preview: RegisterPreview) -> None:
    nils = {row.nil_return.person: row.nil_return.declared_on for row in seed_preview.nil_returns}
    assert nils["borrett"] == date(2022, 6, 21)
    assert nils["bracey"] == date(2022, 5, 11)
    assert nils["roberts"] == date(2022, 7, 4)
    assert nils["taffetani"] == date(2022, 6, 22)
    # Blakeman answers No with N in every tick column, yet describes a directorship:
    # a nil return, and a note says the description is not stored.
    assert nils["blakeman"] == date(2022, 6, 15)
    assert not of(seed_preview, "blakeman")
    assert any("Andrew Blakeman answers No" in note for note in seed_preview.notes)
    new = [row for row in seed_preview.nil_returns if row.new_person is not None]
    assert [row.new_person.name for row in new if row.new_person] == ["Geraint Davies"]


def test_the_mess_of_real_registers(seed_preview: RegisterPreview) -> None:
    shah = of(seed_preview, "shah")
    assert len(shah) == 6
    assert shah[0].date_from == date(1988, 11, 1)  # Nov-88, not 2088
    assert shah[0].organisation == "AP Sampson Ltd"
    assert [i.organisation for i in shah[1:4]] == [
        "RightPharm Ltd", "Calverton Pharmacy Ltd", "Gamlingay Pharmacy Ltd",
    ]  # fmt: skip
    westcott = of(seed_preview, "westcott")
    assert [i.date_from for i in westcott] == [date(2021, 6, 1), date(2021, 6, 1)]
    assert any("'01/06/21 on joining CCG' is read as 01/06/2021" in n for n in seed_preview.notes)
    wogan = of(seed_preview, "wogan")
    assert len(wogan) == 5
    # The row with only "Will be declared in any relevant meetings." is the mitigation
    # of the Inspiring Futures interest above it.
    assert wogan[2].organisation == "Inspiring Futures Through Learning Multi-Academy Trust"
    assert wogan[2].mitigation == "Will be declared in any relevant meetings."
    assert wogan[1].date_to == date(2022, 9, 30)
    # Tracey Stock's row leaves Interests to Declare blank but ticks Indirect.
    [stock] = of(seed_preview, "stock")
    assert (stock.category, stock.date_to) == (IND, date(2023, 5, 1))
    kufeji = of(seed_preview, "kufeji")
    assert [i.date_to for i in kufeji] == [date(2022, 8, 3), date(2023, 3, 31)]


def test_dates_keep_the_precision_the_seed_gave_them(seed_preview: RegisterPreview) -> None:
    assert [i.date_from_given for i in of(seed_preview, "alsop")] == ["2014", "2021"]
    harrison = [i.date_from_given for i in of(seed_preview, "harrison")]
    assert harrison == ["Apr 2022", "2021", "2021", "2020", "2016", "2018", "", "", "Mar 2022"]
    shah = of(seed_preview, "shah")
    assert [i.from_precision for i in shah[:2]] == [DatePrecision.MONTH, DatePrecision.DAY]
    assert (shah[0].date_from_given, shah[1].date_from_given) == ("Nov 1988", "28/03/2014")
    assert [i.date_from_given for i in of(seed_preview, "westcott")] == ["01/06/2021"] * 2
    assert of(seed_preview, "wogan")[1].date_to_given == "30/09/2022"
    # Every Date From the seed writes as a year alone, or as a month, is kept so.
    column = HEADINGS_003.index("Date From")
    written = [r[column] for r in ROWS_003 if r[column]]
    years = sum(1 for text in written if re.fullmatch(r"\d{4}", text))
    months = sum(1 for text in written if re.fullmatch(r"[A-Z][a-z]{2}-\d{2}", text))
    precisions = [row.interest.from_precision for row in seed_preview.interests]
    assert (years, months) == (14, 5)
    assert precisions.count(DatePrecision.YEAR) == years
    assert precisions.count(DatePrecision.MONTH) == months


def row(**cells: str) -> tuple[str, ...]:
    values = dict.fromkeys(HEADINGS_003, "")
    names = {
        "surname": "Surname", "forename": "Forename", "answer": "Interests to Declare",
        "fin": "Financial Interest", "pro": "Non-Financial Professional",
        "ind": "Indirect", "description": "Description of Interest", "start": "Date From",
        "end": "Date To", "mitigation": "Actions to be taken to mitigate risk",
        "declared": "Date Declared",
    }  # fmt: skip
    for key, text in cells.items():
        values[names[key]] = text
    return tuple(values.values())


def test_rows_that_cannot_be_read_are_listed_with_their_reason(
    demo_reader: Store, tmp_path: Path
) -> None:
    good = row(surname="Harrison", forename="Joe", answer="Yes", pro="✓",
               description="Member, Oxford AHSN", declared="16/05/2022")  # fmt: skip
    path = write_csv(
        tmp_path / "r.csv",
        [
            HEADINGS_003,
            good,
            good,
            row(
                surname="Harrison",
                forename="Joe",
                answer="Yes",
                fin="x",
                pro="Y",
                description="Two ticks",
                declared="16/05/2022",
            ),
            row(
                surname="Church",
                forename="Laura",
                answer="Yes",
                fin="Y",
                description="A date that is not one",
                start="sometime",
                declared="27/05/2022",
            ),
            row(
                surname="Church",
                forename="Laura",
                answer="Yes",
                description="No tick",
                declared="27/05/2022",
            ),
            row(
                surname="Church",
                forename="Laura",
                answer="Yes",
                ind="Y",
                description="Ended before it began",
                start="2021",
                end="01/01/2020",
                declared="27/05/2022",
            ),
            row(surname="Borrett", forename="Alison", answer="No"),
        ],
    )
    preview = read(demo_reader, path)
    problems = {p.place: p.reason for p in preview.problems}
    assert problems["row 3"] == "the same interest as row 2"
    assert problems["row 4"].startswith("more than one type is ticked")
    assert "Date From: 'sometime' is not a date" in problems["row 5"]
    assert problems["row 6"] == "no type of interest is ticked"
    assert "ended (01/01/2020) before it began" in problems["row 7"]
    assert problems["row 8"] == "no date declared: the Date Declared cell is blank"
    assert len(preview.interests) == 1


def test_a_two_digit_year_is_of_the_last_century_only_in_a_date_from(
    demo_reader: Store, tmp_path: Path
) -> None:
    # Read on 18/07/2022: a Date To may be after today ("31/03/27" is 2027, not 1927),
    # a Date From may not ("Nov-88" is 1988).
    cells = row(surname="Kufeji", forename="Omotayo", answer="Yes", pro="Y",
                description="The Bridge PCN Clinical Director", start="Nov-88", end="31/03/27",
                declared="11/05/2022")  # fmt: skip
    preview = read(demo_reader, write_csv(tmp_path / "r.csv", [HEADINGS_003, cells]))
    [interest] = [r.interest for r in preview.interests]
    assert (interest.date_from_given, interest.date_to) == ("Nov 1988", date(2027, 3, 31))


def test_a_file_with_no_heading_row_is_refused(demo_reader: Store, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.csv", [("Name", "Thing"), ("Joe Harrison", "x")])
    with pytest.raises(FileError) as caught:
        read(demo_reader, path)
    assert caught.value.problems[0].startswith("has no heading row: a register needs")
