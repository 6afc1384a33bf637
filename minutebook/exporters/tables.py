"""Table helpers for the tracker and agenda exports: header rows, shading, widths, landscape.

Rows are added as copies of one prototype row and each row's cells are filled once, in
order: ``table.cell(r, c)`` walks the whole table on every call and makes a 1,000-row
tracker take seconds, and even python-docx's own ``add_row`` with per-cell setters costs
over a second for 1,000 rows of 11 columns. Cell paragraphs get their style by id,
found once per table, not by name per cell.

Accessibility: the header row is marked as a header (``w:tblHeader``), so screen
readers announce it and Word and LibreOffice repeat it on every page; each table
carries a caption.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Cm, Emu, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.run import Run
from lxml import etree

from minutebook.domain.base import clean_text
from minutebook.exporters.common import Build

TABLE_STYLE = "Table Grid"
CELL_STYLE = "Table Text"
HEADER_STYLE = "Table Heading"


def ensure_table_styles(build: Build, size: float = 10) -> None:
    """The paragraph styles of table cells: the template's own if it defines them,
    else added here: 10 pt text (the smallest an export prints, `accessible`) in the
    template's Normal font, no space after."""
    styles = build.document.styles
    for name, bold in ((CELL_STYLE, False), (HEADER_STYLE, True)):
        if build.has_style(name):
            continue
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.font.size = Pt(size)
        style.font.bold = bold
        style.paragraph_format.space_after = Pt(0)
        style.paragraph_format.space_before = Pt(0)
        style.quick_style = True


def landscape(build: Build, margin_cm: float = 1.5) -> None:
    """Turn every section to landscape (A4 unless the template says otherwise)."""
    for section in build.document.sections:
        turn_landscape(section, margin_cm)


def turn_landscape(section: Section, margin_cm: float = 1.5) -> None:
    """Turn one section to landscape (A4 unless the template says otherwise)."""
    width, height = section.page_width, section.page_height
    if width is None or height is None:
        width, height = Cm(21.0), Cm(29.7)
    if width < height:
        section.page_width, section.page_height = height, width
    section.orientation = WD_ORIENT.LANDSCAPE
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(margin_cm))


def text_width(build: Build) -> int:
    """The width between the margins of the last section, in EMU."""
    section = build.document.sections[-1]
    width = section.page_width or Cm(29.7)
    return int(width - (section.left_margin or 0) - (section.right_margin or 0))


def _style_id(build: Build, name: str) -> str:
    """The paragraph style's id, written out even for the default style (so a
    template's table defaults do not apply); found once per name."""
    return build.paragraph_style_id(name) or str(build.document.styles[build.style(name)].style_id)


class TableWriter:
    """A table with a marked, repeated header row, filled one row at a time."""

    def __init__(
        self,
        build: Build,
        headers: Sequence[str],
        weights: Sequence[float],
        caption: str,
        within: _Cell | None = None,
        width_emu: int | None = None,
    ) -> None:
        """A table at the end of the document, or of the cell `within` (a table in a
        table: the NHS minutes' item cell), `width_emu` wide (else the page's text width)."""
        if len(headers) != len(weights):
            raise ValueError("one weight per column")
        self.build = build
        container: Any = within if within is not None else build.document
        self.table: Table = container.add_table(rows=1, cols=len(headers))
        _grid_style(build, self.table)
        self.table.autofit = False
        total = width_emu or text_width(build)
        scale = sum(weights)
        self.widths = [Emu(int(total * w / scale)) for w in weights]
        for grid_col, width in zip(self.table._tbl.tblGrid.gridCol_lst, self.widths, strict=True):
            grid_col.w = width
        self._cell_style = _style_id(build, CELL_STYLE)
        self._header_style = _style_id(build, HEADER_STYLE)
        header = self.table.rows[0]
        self._fill(header.cells, headers, self._header_style)
        mark_header(header._tr)
        # Every data row is a copy of one prototype (widths and cell style in place):
        # python-docx's add_row and per-cell setters cost about 1.5 ms a row, a copy
        # about 0.1 ms, so a 1,000-row tracker stays well under half a second.
        prototype = self.table.add_row()
        for cell, width in zip(prototype.cells, self.widths, strict=True):
            cell.width = width
            cell.paragraphs[0]._p.get_or_add_pPr().style = self._cell_style
        self._prototype = prototype._tr
        cant_split = OxmlElement("w:cantSplit")  # a row stays on one page where it fits
        cant_split.set(qn("w:val"), "true")
        self._prototype.get_or_add_trPr().append(cant_split)
        self.table._tbl.remove(self._prototype)
        narrow_margins(self.table)
        set_caption(self.table, caption)

    def _fill(self, cells: Sequence[Any], values: Sequence[str], style_id: str) -> None:
        for cell, width, value in zip(cells, self.widths, values, strict=True):
            cell.width = width
            paragraph = cell.paragraphs[0]
            paragraph._p.get_or_add_pPr().style = style_id
            if value:
                paragraph.add_run(clean_text(value))

    def add_row(self, values: Sequence[str]) -> list[_Cell]:
        """Append one row, a copy of the prototype row, and fill its cells in one pass;
        returns its cells (so a caller can shade one)."""
        tr = copy.deepcopy(self._prototype)
        self.table._tbl.append(tr)
        cells = []
        for tc, value in zip(tr.iterchildren(_TC), values, strict=True):
            if value:
                _add_text(tc[-1], clean_text(value))
            cells.append(_Cell(tc, self.table))
        return cells


_TC, _R, _T, _BR, _TAB = (qn(f"w:{tag}") for tag in ("tc", "r", "t", "br", "tab"))
_PRESERVE = "{http://www.w3.org/XML/1998/namespace}space"


def _add_text(p: Any, text: str) -> None:
    """One run in paragraph `p` holding `text`, line breaks and tabs as Word marks them."""
    run = etree.SubElement(p, _R)
    for number, line in enumerate(text.split("\n")):
        if number:
            etree.SubElement(run, _BR)
        for index, piece in enumerate(line.split("\t")):
            if index:
                etree.SubElement(run, _TAB)
            if piece:
                t = etree.SubElement(run, _T)
                t.text = piece
                if piece[0].isspace() or piece[-1].isspace():
                    t.set(_PRESERVE, "preserve")


def _grid_style(build: Build, table: Table) -> None:
    """The template's "Table Grid"; without it, a warning and plain single borders."""
    if build.has_style(TABLE_STYLE, WD_STYLE_TYPE.TABLE):
        table.style = TABLE_STYLE
        return
    warning = f"the template has no table style {TABLE_STYLE!r}; drew plain borders"
    if warning not in build.warnings:
        build.warnings.append(warning)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        for attribute, value in (("val", "single"), ("sz", "4"), ("space", "0"), ("color", "auto")):
            edge.set(qn(f"w:{attribute}"), value)
        borders.append(edge)
    tbl_pr = table._tbl.tblPr
    # w:tblBorders goes before w:shd, w:tblLayout, w:tblCellMar and w:tblLook.
    later = [
        c
        for c in tbl_pr
        if c.tag
        in {qn("w:shd"), qn("w:tblLayout"), qn("w:tblCellMar"), qn("w:tblLook"), qn("w:tblCaption")}
    ]
    if later:
        later[0].addprevious(borders)
    else:
        tbl_pr.append(borders)


def mark_header(tr: Any) -> None:
    """Mark a row as the table's header, repeated at the top of each page."""
    tr_pr = tr.get_or_add_trPr()
    for tag in ("w:cantSplit", "w:tblHeader"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), "true")
        tr_pr.append(element)


def narrow_margins(table: Table, twips: int = 57) -> None:
    """Left and right cell margins of about 1 mm, so dates fit narrow columns."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("w:left", "w:right"):
        element = OxmlElement(side)
        element.set(qn("w:w"), str(twips))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    tbl_pr = table._tbl.tblPr
    look = tbl_pr.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(margins)
    else:
        tbl_pr.append(margins)


def set_caption(table: Table, caption: str) -> None:
    """The table's title for assistive technology (w:tblCaption, last in w:tblPr)."""
    tbl_pr = table._tbl.tblPr
    element = OxmlElement("w:tblCaption")
    element.set(qn("w:val"), clean_text(caption)[:250])
    tbl_pr.append(element)


def shade(cell: Any, fill: str) -> None:
    """Shade a cell with a hex colour (e.g. "FF0000")."""
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    # w:shd comes after w:tcW, w:gridSpan, w:vMerge and w:tcBorders in w:tcPr.
    later = [
        child
        for child in tc_pr
        if child.tag
        in {
            qn("w:noWrap"),
            qn("w:tcMar"),
            qn("w:textDirection"),
            qn("w:tcFitText"),
            qn("w:vAlign"),
            qn("w:hideMark"),
        }
    ]
    if later:
        later[0].addprevious(shd)
    else:
        tc_pr.append(shd)


_TC_PR, _TC_W, _GRID_SPAN, _V_MERGE, _R_PR, _B, _COLOR, _VAL = (
    qn(f"w:{tag}") for tag in ("tcPr", "tcW", "gridSpan", "vMerge", "rPr", "b", "color", "val")
)


def merge_down(cells: Sequence[_Cell]) -> _Cell:
    """Merge a column's cells, one under the other, into the first (which keeps its
    text; the others must be empty): a value that spans several rows is printed once.
    Written straight into the XML: python-docx's setter costs a tracker of 1,000
    actions about a third of a second."""
    if len(cells) > 1:
        for index, cell in enumerate(cells):
            tc = cell._tc
            tc_pr = tc.find(_TC_PR)
            if tc_pr is None:
                tc_pr = etree.Element(_TC_PR)
                tc.insert(0, tc_pr)
            merge = etree.Element(_V_MERGE)
            merge.set(_VAL, "continue" if index else "restart")
            # w:vMerge follows w:tcW and w:gridSpan, before the borders and shading.
            anchor = tc_pr.find(_GRID_SPAN)
            anchor = anchor if anchor is not None else tc_pr.find(_TC_W)
            if anchor is not None:
                anchor.addnext(merge)
            else:
                tc_pr.insert(0, merge)
    return cells[0]


def bold_text(cell: _Cell, colour: str | None = None) -> None:
    """Every run of the cell bold, and in `colour` (hex) if given, written straight into
    the runs' properties (python-docx's setters cost a long tracker a tenth of a
    second); a run that already has properties is left to python-docx."""
    for run in cell._tc.iter(_R):
        r_pr = run.find(_R_PR)
        if r_pr is not None and len(r_pr):
            font = Run(run, cell).font
            font.bold = True
            if colour:
                font.color.rgb = RGBColor.from_string(colour)
            continue
        if r_pr is None:
            r_pr = etree.Element(_R_PR)
            run.insert(0, r_pr)
        etree.SubElement(r_pr, _B)  # w:b comes before w:color
        if colour:
            etree.SubElement(r_pr, _COLOR).set(_VAL, colour)
