"""A committee's register of interests for publication (docs/register.md), as a
landscape Word document in seed 003's layout and as an Excel sheet.

Seed 003's "Appendix A – Register of Interests" has one row per interest: Surname |
Forename | Position within, or relationship with the ICB | Interests to Declare | the
type as a tick (Y) in one of Financial Interest / Non-Financial Professional /
Non-Financial Personal / Indirect | Description of Interest | Date From | Date To |
Actions to be taken to mitigate risk | Date Declared, the heading row repeated on every
page. A nil return is a row with "No" and its date declared. A council's register ticks
its own categories (disclosable pecuniary, other registrable, non-registrable). What
each row says was decided before (the register on the day, `domain.register`); this
module only lays it out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import _Cell

from minutebook.domain.committee import Committee
from minutebook.domain.dates import long_date, short_date
from minutebook.domain.interests import interest_categories
from minutebook.domain.meeting import InterestCategory
from minutebook.domain.register import Interest, NilReturn
from minutebook.exporters.common import Build, new_document, set_properties
from minutebook.exporters.tables import TableWriter, ensure_table_styles, landscape

TICK = "Y"

TYPE_HEADINGS = {
    InterestCategory.FINANCIAL: "Financial Interest",
    InterestCategory.NON_FINANCIAL_PROFESSIONAL: "Non-Financial Professional",
    InterestCategory.NON_FINANCIAL_PERSONAL: "Non-Financial Personal",
    InterestCategory.INDIRECT: "Indirect",
    InterestCategory.DISCLOSABLE_PECUNIARY: "Disclosable Pecuniary",
    InterestCategory.OTHER_REGISTRABLE: "Other Registrable",
    InterestCategory.NON_REGISTRABLE: "Non-Registrable",
}
"""Each category's tick column, in seed 003's words for an NHS body's four."""


@dataclass(frozen=True)
class RegisterPerson:
    """One person's rows of the register: their interests in it on the day, or their
    nil return, or neither (no return made)."""

    surname: str
    forename: str
    position: str
    interests: tuple[Interest, ...]
    nil_return: NilReturn | None


def register_title(committee: Committee, day: date) -> str:
    return f"{committee.name}: Register of Interests as at {long_date(day)}"


def _categories(committee: Committee, people: Sequence[RegisterPerson]) -> list[InterestCategory]:
    """The body's categories, and any other an entry was recorded in (kept from before
    the committee's kind of body changed), so that no interest loses its tick."""
    columns = list(interest_categories(committee.body_type))
    for person in people:
        columns += [i.category for i in person.interests if i.category not in columns]
    return columns


def headings(committee: Committee, categories: Sequence[InterestCategory]) -> list[str]:
    return [
        "Surname",
        "Forename",
        f"Position within, or relationship with the {committee.code}",
        "Interests to Declare",
        *(TYPE_HEADINGS[c] for c in categories),
        "Description of Interest",
        "Date From",
        "Date To",
        "Actions to be taken to mitigate risk",
        "Date Declared",
    ]


def rows(
    people: Sequence[RegisterPerson], categories: Sequence[InterestCategory]
) -> list[list[Any]]:
    """Every row of the register, cell by cell (dates as dates, for the sheet): one per
    interest; a nil return's row says "No"; a person with no return says so."""
    table: list[list[Any]] = []
    blank_types = [""] * len(categories)
    for person in people:
        who = [person.surname, person.forename, person.position]
        for interest in person.interests:
            ticks = [TICK if interest.category is c else "" for c in categories]
            table.append(
                [
                    *who,
                    "Yes",
                    *ticks,
                    interest.description,
                    interest.date_from,
                    interest.date_to or "Ongoing",
                    interest.mitigation or "",
                    interest.declared_on,
                ]
            )
        if person.interests:
            continue
        nil = person.nil_return
        declare = "No" if nil else "No return"
        declared = nil.declared_on if nil else None
        table.append([*who, declare, *blank_types, "", None, "", "", declared])
    return table


def _text(value: Any) -> str:
    return short_date(value) if isinstance(value, date) or value is None else str(value)


def render_register(
    committee: Committee,
    day: date,
    people: Sequence[RegisterPerson],
    template: Path | None = None,
) -> Build:
    """The register as a landscape Word document: its title, then one table whose
    heading row is repeated on every page."""
    build = new_document(template, committee)
    landscape(build, margin_cm=1.0)
    ensure_table_styles(build)
    title = register_title(committee, day)
    set_properties(build, title, "Register of interests")
    build.heading(title, 1)
    categories = _categories(committee, people)
    if not people:
        build.paragraph("No members and nothing in the register.")
        return build
    # Widths in centimetres on A4 landscape (scaled to the page): a date and a name keep
    # to one line at 10 pt, the narrowest an export prints; the tick columns' headings
    # run up the page, so that four of them take less room than the description.
    ticks = len(categories)
    rest = 27.7 - (2.2 + 2.2 + 3.4 + 1.8 + 2.1 * 3 + 1.1 * ticks)
    weights = [2.2, 2.2, 3.4, 1.8, *([1.1] * ticks), rest * 0.66, 2.1, 2.1, rest * 0.34, 2.1]
    table = TableWriter(build, headings(committee, categories), weights, title)
    header = table.table.rows[0]
    for cell in header.cells[4 : 4 + ticks]:
        _upright(cell)
    height = OxmlElement("w:trHeight")  # room for "Non-Financial Professional" upright
    height.set(qn("w:val"), str(int(2.3 * 567)))
    height.set(qn("w:hRule"), "atLeast")
    header._tr.get_or_add_trPr().append(height)
    for row in rows(people, categories):
        table.add_row([_text(value) for value in row])
    return build


def _upright(cell: _Cell) -> None:
    """Turn a heading cell's text to run up the page (bottom to top)."""
    direction = OxmlElement("w:textDirection")
    direction.set(qn("w:val"), "btLr")
    cell._tc.get_or_add_tcPr().append(direction)


def write_register_sheet(
    committee: Committee, day: date, people: Sequence[RegisterPerson], handle: BinaryIO
) -> None:
    """The register as an Excel sheet: the same columns and rows, real dates, the
    heading row frozen and printed on every page, landscape."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Register of Interests"
    categories = _categories(committee, people)
    sheet.append(headings(committee, categories))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows(people, categories):
        sheet.append(row)
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if isinstance(cell.value, date):
                cell.number_format = "dd/mm/yyyy"
    widths = [14, 14, 30, 10, *([11] * len(categories)), 60, 12, 12, 40, 12]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = width
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    workbook.properties.title = register_title(committee, day)
    workbook.save(handle)
