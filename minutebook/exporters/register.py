"""A committee's register of interests for publication (docs/register.md), as a
landscape Word document in seed 003's layout and as an Excel sheet.

Seed 003's "Appendix A – Register of Interests" has one row per interest: Surname |
Forename | Position within, or relationship with the ICB | Interests to Declare | the
type as a tick (Y) in one of Financial Interest / Non-Financial Professional /
Non-Financial Personal / Indirect | Description of Interest | Date From | Date To |
Actions to be taken to mitigate risk | Date Declared. Its heading is two rows, both
repeated on every page: "Type of Interest" over the four tick columns, every other
heading running down both rows. A nil return is a row with "No" and its date declared.
A council's register ticks its own categories (disclosable pecuniary, other registrable,
non-registrable) under the same "Type of Interest". What each row says was decided
before (the register on the day, `domain.register`); this module only lays it out.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_PARAGRAPH_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu
from docx.table import _Cell

from minutebook.domain.committee import Committee
from minutebook.domain.dates import long_date, short_date
from minutebook.domain.interests import interest_categories
from minutebook.domain.meeting import InterestCategory
from minutebook.domain.register import DatePrecision, Interest, NilReturn, date_as_given
from minutebook.domain.register_reading import NO_RETURN
from minutebook.exporters.common import Build, new_document, set_properties
from minutebook.exporters.tables import TableWriter, ensure_table_styles, landscape, merge_down

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

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

TYPE_KEY = {
    InterestCategory.FINANCIAL: "This is where an individual may get direct financial benefits"
    " from the consequences of a decision.",
    InterestCategory.NON_FINANCIAL_PROFESSIONAL: "This is where an individual may obtain a"
    " non-financial professional benefit from the consequences of a decision, such as"
    " increasing their professional reputation or status or promoting their professional"
    " career.",
    InterestCategory.NON_FINANCIAL_PERSONAL: "This is where an individual may benefit"
    " personally in ways which are not directly linked to their professional career and do"
    " not give rise to a direct financial benefit.",
    InterestCategory.INDIRECT: "This is where an individual has a close association with an"
    " individual who has a financial interest, a non-financial professional interest or a"
    " non-financial personal interest in a commissioning decision.",
    InterestCategory.DISCLOSABLE_PECUNIARY: "Interests of the member, or of their spouse,"
    " civil partner or partner, that the Relevant Authorities (Disclosable Pecuniary"
    " Interests) Regulations 2012 define: employment, sponsorship, contracts, land,"
    " licences, corporate tenancies and securities.",
    InterestCategory.OTHER_REGISTRABLE: "Unpaid directorships, and bodies of which the member"
    " is a member or in general control or management: one the council appointed them to,"
    " or one that exercises functions of a public nature, is directed to charitable"
    " purposes or seeks to influence public opinion or policy (including a political party"
    " or trade union).",
    InterestCategory.NON_REGISTRABLE: "An interest not otherwise registered that a matter may"
    " touch: the financial interest or well-being of the member, a relative or a close"
    " associate.",
}
"""What each type means, in the key above the register: an NHS body's four in seed 003's
words (NHS England's guidance), a council's three as its code of conduct has them (the
Local Government Association's model code, 2020, Appendix B)."""

TYPE_GROUP = "Type of Interest"
"""The heading over the tick columns, in the first of the two heading rows."""

FIRST_TICK = 4
"""The tick columns follow Surname, Forename, Position and Interests to Declare."""


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
                    _as_given(interest.date_from, interest.from_precision),
                    _as_given(interest.date_to, interest.to_precision) or "Ongoing",
                    interest.mitigation or "",
                    interest.declared_on,
                ]
            )
        if person.interests:
            continue
        nil = person.nil_return
        declare = "No" if nil else NO_RETURN
        declared = nil.declared_on if nil else None
        table.append([*who, declare, *blank_types, "", None, "", "", declared])
    return table


def _as_given(day: date | None, precision: DatePrecision) -> date | str | None:
    """A Date From or Date To cell: a day as a date (the sheet shows it dd/mm/yyyy), a
    year or a month in its words as given ("2014", "Apr 2022"), never as a day the
    member did not name."""
    if day is None or precision is DatePrecision.DAY:
        return day
    return date_as_given(day, precision)


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
    _key(build, categories)
    # Widths in centimetres on A4 landscape (scaled to the page): a date and a surname keep
    # to one line at 10 pt, the narrowest an export prints; the tick columns' headings
    # run up the page in two lines, so that four of them take less room than the
    # description. The rest goes to the description and the mitigation, which is often
    # long too (seed 003 quotes emails there) and broke words in the middle at a third.
    ticks = len(categories)
    rest = 27.7 - (2.1 + 2.0 + 3.0 + 1.8 + 2.1 * 3 + 1.0 * ticks)
    weights = [2.1, 2.0, 3.0, 1.8, *([1.0] * ticks), rest * 0.56, 2.1, 2.1, rest * 0.44, 2.1]
    table = TableWriter(build, headings(committee, categories), weights, title)
    _two_heading_rows(table, ticks)
    for row in rows(people, categories):
        table.add_row([_text(value) for value in row])
    return build


def _key(build: Build, categories: Sequence[InterestCategory]) -> None:
    """Seed 003's key above its register: each type of interest and what it means."""
    key = TableWriter(build, ["Type", "Description"], [6.0, 21.7], "Types of interest")
    for category in categories:
        name = TYPE_HEADINGS[category].removesuffix(" Interest") + " Interests"
        key.add_row([name, TYPE_KEY[category]])
    build.paragraph("")  # two tables one after the other would be read as one


def _two_heading_rows(table: TableWriter, ticks: int) -> None:
    """Make the table's heading two rows, as seed 003 prints it: "Type of Interest"
    across the tick columns above their headings (which run up the page), every other
    heading merged down both rows. Both rows are marked as the header, so Word and
    LibreOffice repeat the pair on every page."""
    lower = table.table.rows[0]._tr
    upper = copy.deepcopy(lower)  # the same widths, style and header marks
    lower.addprevious(upper)
    upper_tcs, lower_tcs = list(upper.tc_lst), list(lower.tc_lst)
    for index, (top, bottom) in enumerate(zip(upper_tcs, lower_tcs, strict=True)):
        if FIRST_TICK <= index < FIRST_TICK + ticks:
            _upright(_Cell(bottom, table.table))
            continue
        _clear(bottom)  # the heading's words stay in the top cell of the merge
        merged = merge_down([_Cell(top, table.table), _Cell(bottom, table.table)])
        merged.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
    group = upper_tcs[FIRST_TICK]
    for tc in upper_tcs[FIRST_TICK + 1 : FIRST_TICK + ticks]:
        upper.remove(tc)
    group.grid_span = ticks
    group.width = Emu(sum(table.widths[FIRST_TICK : FIRST_TICK + ticks]))
    _clear(group)
    heading = _Cell(group, table.table).paragraphs[0]
    heading.add_run(TYPE_GROUP)
    heading.alignment = WD_PARAGRAPH_ALIGNMENT.CENTER
    # Tall enough for "Non-Financial" upright on one line and "Professional" on the next,
    # and for "Financial Interest" or "Other Registrable" whole with a little room
    # (at 2.3 cm a third line was cut off in the narrow tick column).
    height = OxmlElement("w:trHeight")
    height.set(qn("w:val"), str(int(3.2 * 567)))
    height.set(qn("w:hRule"), "atLeast")
    lower.get_or_add_trPr().append(height)


def _clear(tc: Any) -> None:
    """Take a cell's words out, keeping its paragraph and the paragraph's style."""
    for run in tc.findall(f"{_P}/{_R}"):
        run.getparent().remove(run)


_P, _R = qn("w:p"), qn("w:r")


def _upright(cell: _Cell) -> None:
    """Turn a heading cell's text to run up the page (bottom to top)."""
    direction = OxmlElement("w:textDirection")
    direction.set(qn("w:val"), "btLr")
    cell._tc.get_or_add_tcPr().append(direction)


def write_register_sheet(
    committee: Committee, day: date, people: Sequence[RegisterPerson], handle: BinaryIO
) -> None:
    """The register as an Excel sheet: the same two heading rows (merged as in the Word
    document), the same rows, real dates shown dd/mm/yyyy, frozen below the heading and
    the heading printed on every page, landscape, the title in the printed page's header."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Register of Interests"
    categories = _categories(committee, people)
    _sheet_heading(sheet, headings(committee, categories), len(categories))
    _sheet_rows(sheet, rows(people, categories))
    # Characters wide: a date (dd/mm/yyyy) and "Ongoing" with room, a tick column as wide
    # as "Professional", the description the widest and wrapped.
    widths = [14, 12, 30, 11, *([13] * len(categories)), 60, 12, 12, 40, 12]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A3"
    sheet.print_title_rows = "1:2"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    title = register_title(committee, day)
    sheet.oddHeader.center.text = title.replace("&", "&&")  # & starts a header code
    workbook.properties.title = title
    workbook.save(handle)


def _sheet_heading(sheet: Worksheet, names: Sequence[str], ticks: int) -> None:
    """Rows 1 and 2: "Type of Interest" merged across the tick columns over their
    headings; every other heading merged down both rows."""
    from openpyxl.styles import Alignment, Font

    last_tick = FIRST_TICK + ticks  # 1-based column of the last tick column
    for column, name in enumerate(names, start=1):
        if FIRST_TICK < column <= last_tick:
            sheet.cell(row=2, column=column, value=name)
        else:
            sheet.cell(row=1, column=column, value=name)
            sheet.merge_cells(start_row=1, end_row=2, start_column=column, end_column=column)
    sheet.cell(row=1, column=FIRST_TICK + 1, value=TYPE_GROUP)
    sheet.merge_cells(start_row=1, end_row=1, start_column=FIRST_TICK + 1, end_column=last_tick)
    for line in sheet.iter_rows(min_row=1, max_row=2):
        for cell in line:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="bottom")
    sheet.cell(row=1, column=FIRST_TICK + 1).alignment = Alignment(horizontal="center")


def _sheet_rows(sheet: Worksheet, table: Sequence[Sequence[Any]]) -> None:
    from openpyxl.styles import Alignment

    top = Alignment(wrap_text=True, vertical="top")
    for row in table:
        sheet.append(list(row))
    for line in sheet.iter_rows(min_row=3):
        for cell in line:
            cell.alignment = top
            if isinstance(cell.value, date):
                cell.number_format = "dd/mm/yyyy"
