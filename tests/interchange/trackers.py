"""Trackers kept in Word, Excel and .csv, built for the tests from the seed papers' own
tables: seed 001's Decision Tracker 2022/23 (Health and Care Partnership, presented on
20/09/2023) and seed 003's Action Tracker (Board of the ICB, 29 July 2022), with their
rows as printed."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

import docx
import openpyxl

Row = Sequence[object]

# -- seed 001: DECISION TRACKER 2022/23 - HEALTH AND CARE PARTNERSHIP ---------------------

TITLE_001 = "HEALTH AND CARE PARTNERSHIP"
HEADINGS_001: Row = (
    "Date of Meeting",
    "Minute",
    "Subject and Decision",
    "Lead Officer",
    "Action Since Last Review",
    "Current Indicator",
)
DECISION_2 = (
    "Agreed, the recommendation of the Joint Leadership Team to select Bletchley as the "
    "area to pilot integrated neighbourhood working"
)
DECISION_3 = (
    "Agreed, that the Joint Leadership Team undertake background work to prepare for a "
    "potential start of the Bletchley pilot in September 2023"
)
ROWS_001: list[Row] = [
    ("13/06/2023", "HCP05", "THE MK DEAL", "Michael Bracey", "", ""),
    ("", "", f"2. {DECISION_2}", "Chief Executive", "", "GREEN"),
    ("", "", f"3. {DECISION_3}", "", "", ""),
]

# -- seed 003: Meeting of the Board of the Integrated Care Board - Action Tracker ----------

TITLE_003 = "Meeting of the Board of the Integrated Care Board - Action Tracker"
KEY_003: list[Row] = [
    ("Key",),
    ("Escalated", "Escalated - items flagged RED for 3 subsequent meetings - BLACK"),
    (
        "Outstanding",
        "Outstanding - no actions made to progress OR actions made but not on track to deliver",
    ),
    (
        "In Progress",
        "In Progress. Outstanding - actions made to progress & on track to deliver due date -",
    ),
    ("Not Yet Due", "Not Yet Due"),
    ("COMPLETE: Propose closure at next meeting", "COMPLETE - GREEN"),
    ("CLOSED (dd/mm/yyyy)", "CLOSED"),
]
HEADINGS_003: Row = (
    "Action No.",
    "Meeting Date",
    "Item Title",
    "Action",
    "Responsible Manager (Enter full name)",
    "Past deadlines (Since Revised)",
    "Current Deadline",
    "Current Position",
    "RAG (Add date action is agreed closed)",
)
ACTION_1 = (
    "To update on recruitment of the 4th Non-Executive Member, 2 x Associate Members, "
    "Chief Transformation Officer and Chief People Oficer"
)
POSITION_1 = (
    "4th Non-Executive Member has been offered and accepted the role 1 Associate NEM has "
    "been appointed. Both are going through pre employment checks. The Chief Transformation "
    "Officer appointment is awaiting final sign-off from NHSE. Martha Roberts has been "
    "appointed as the Chief People Officer. Any further progress on appointments will be "
    "reported at the Board meeting."
)
ACTION_2 = (
    "To engage with Partner Board Members to agree partner membership of committees, "
    "update to board on 29 July"
)
ACTION_3 = (
    "To ensure that the public version of the 100 Day Plan will explain that this is "
    "building on our existing work as an integrated care system and how it can make a "
    "difference to the lives of residents."
)
POSITION_3 = (
    "We have developed a document that describes how we have been working together as an "
    "integrated care system, rather than a 100 day plan. It is available on our website "
    "together with the pledges that our Chair and Chief Executive have made. See Appendix B."
)
COMPLETE = "COMPLETE: Propose closure at next meeting"
ROWS_003: list[Row] = [
    (1, "01/07/2022", "Participant Member Appointments", ACTION_1, "Maria Wogan", "", "",
     POSITION_1, ""),
    (2, "01/07/2022", "Agree Partner Membership of Committees", ACTION_2, "Maria Wogan", "",
     "", "This is covered in the agenda item on Committee membership", COMPLETE),
    (3, "01/07/2022", "100 Day Plan - external comms", ACTION_3, "Michelle Summers", "", "",
     POSITION_3, COMPLETE),
]  # fmt: skip


def renumbered(rows: Sequence[Row], first: int) -> list[Row]:
    """The rows with their action numbers from `first` on (the demo's tracker already
    has seed 003's numbers 1 to 3)."""
    return [(first + n, *row[1:]) for n, row in enumerate(rows)]


def with_dates(rows: Sequence[Row], columns: Sequence[int]) -> list[Row]:
    """The rows with the dd/mm/yyyy text in these columns as Excel date cells."""
    out: list[Row] = []
    for row in rows:
        cells = list(row)
        for column in columns:
            if isinstance(cells[column], str) and cells[column]:
                cells[column] = datetime.strptime(str(cells[column]), "%d/%m/%Y")
        out.append(tuple(cells))
    return out


UNKNOWN_OWNERS: list[Row] = [
    HEADINGS_003,
    (4, "01/07/2022", "Digital", "Digital plan", "Ross Graves / COSACS", "", "29/07/2022", "", ""),
    (5, "01/07/2022", "Estates", "Estates review", "Cllr Jo Bloggs", "", "29/07/2022", "", ""),
    (6, "01/07/2022", "Estates", "Estates costs", "jo bloggs", "", "", "", "Amber"),
]
"""A tracker for the demo's ICB numbered on from 4: one owner known by a name in a cell
naming two, and one not known to the demo, written two ways."""


# -- writing them ----------------------------------------------------------------------------


def _text(value: object) -> str:
    if isinstance(value, datetime | date):
        return f"{value:%d/%m/%Y}"
    return "" if value is None else str(value)


def write_docx(
    path: Path,
    tables: Sequence[Sequence[Row]],
    *,
    title_rows: Sequence[str | None] = (),
    paragraphs: Sequence[str] = (),
) -> Path:
    """A Word document with these tables (each a list of rows), a paragraph between
    them; `title_rows[i]`, if given, is a first row of table i merged across it."""
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    for index, rows in enumerate(tables):
        width = max(len(row) for row in rows)
        title = title_rows[index] if index < len(title_rows) else None
        table = document.add_table(rows=0, cols=width)
        if title is not None:
            cells = table.add_row().cells
            merged = cells[0].merge(cells[-1])
            merged.text = title
        for row in rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, row, strict=False):
                cell.text = _text(value)
        document.add_paragraph("")
    document.save(str(path))
    return path


def write_xlsx(
    path: Path,
    sheets: dict[str, Sequence[Row]],
    *,
    merge_first: int = 0,
    hidden: Sequence[str] = (),
) -> Path:
    """A workbook with a sheet of these rows for each name; the first `merge_first`
    rows of each are title rows merged across the sheet."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        width = max((len(row) for row in rows), default=1)
        for row in rows:
            sheet.append(list(row))
        for number in range(1, merge_first + 1):
            sheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=width)
        for number, row in enumerate(rows, 1):
            for column, value in enumerate(row, 1):
                if isinstance(value, datetime):
                    sheet.cell(number, column).number_format = "dd/mm/yyyy"
        if name in hidden:
            sheet.sheet_state = "hidden"
    book.save(str(path))
    return path


def write_csv(
    path: Path, rows: Sequence[Row], *, delimiter: str = ",", encoding: str = "utf-8"
) -> Path:
    """A .csv as Excel saves one ("utf-8-sig": with the byte-order mark; "cp1252": a UK
    Windows computer's "CSV")."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        writer.writerow([_text(value) for value in row])
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def seed_003_workbook(folder: Path, first: int = 1) -> Path:
    """Seed 003's Action Tracker as an Excel sheet below its title and key, its actions
    numbered from `first` (the demo's ICB has 1 to 3)."""
    rows = [(TITLE_003,), (), *KEY_003, (), HEADINGS_003, *renumbered(ROWS_003, first)]
    return write_xlsx(folder / "ICB action tracker.xlsx", {"Tracker": with_dates(rows, [])})
