"""The minute body in Word: paragraphs with their bold runs, real Word lists and tables
with a marked header row, written into the document or into a table cell (the NHS
minutes' item cell), from the one tree the domain reads (`domain.minute_layout`).

Lists are Word list paragraphs with numbering, not typed bullets or numbers, so Word,
LibreOffice and screen readers know them as lists:

- bullets take the template's "List Bullet" ("List Bullet 2" one level in) with its own
  bullets; numbered points "List Number" ("List Number 2"), each list a new instance of
  that style's numbering, starting where the secretary started it; lettered points the
  same styles with a numbering of their own, (a), (b) …. A style the template lacks
  (or that numbers nothing) falls back to a numbering of ours, so a list is a list
  with every template;
- in a table cell the list paragraphs keep the cell's text style, numbered by ours.

A decision's point (council style) is a list paragraph of the same kind, numbered or
lettered as the committee labels them (`domain.labels`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm
from docx.table import _Cell

from minutebook.domain.base import clean_text
from minutebook.domain.minute_body import (
    Block,
    ListBlock,
    ListKind,
    Paragraph,
    Runs,
    Table,
    runs_text,
)
from minutebook.domain.minute_layout import Actions, Decisions, Part
from minutebook.exporters.common import Build
from minutebook.exporters.tables import TableWriter, ensure_table_styles

BULLET_STYLES = ("List Bullet", "List Bullet 2")
NUMBER_STYLES = ("List Number", "List Number 2")
CONTINUE_STYLES = ("List Continue", "List Continue 2")

FORMATS = {
    ListKind.BULLET: "bullet",
    ListKind.NUMBERED: "decimal",
    ListKind.LETTERED: "lowerLetter",
}
"""Word's number format for each kind of list."""

_LEVEL_TEXT = {
    "bullet": ("•", "–"),
    "decimal": ("%1.", "%2."),
    "lowerLetter": ("(%1)", "(%2)"),
}
_INDENT_TWIPS = 360  # each level 0.63 cm further in, as Word's List Number, the label hanging


def add_runs(paragraph: Any, runs: Runs, italic: bool = False) -> None:
    """The runs of the tree into a Word paragraph: bold where typed bold; a line break
    typed inside a paragraph is a line break (python-docx writes "\\n" as w:br)."""
    for run in runs:
        added = paragraph.add_run(clean_text(run.text))
        added.bold = run.bold or None
        added.italic = italic or None


class WordLists:
    """The numbering of a document's lists: a new instance per list, starting at its
    first point's number."""

    def __init__(self, build: Build) -> None:
        self.build = build
        self._ours: dict[str, int] = {}

    def start(self, kind: ListKind, level: int, start: int, style: str | None) -> tuple[int, int]:
        """A new list of `kind` at `level` from `start`: its numbering id and the level
        of that numbering to use. `style` is the paragraph style the list is written in
        (None: a cell's text style); its own numbering is used where it has one (not
        for lettered lists, which no built-in style letters)."""
        numbering = self.build.document.part.numbering_part.element
        found = self._style_numbering(style) if kind is not ListKind.LETTERED else None
        if found is not None:
            abstract, ilvl = found
        else:
            abstract, ilvl = self._our_abstract(numbering, FORMATS[kind]), level
        num = numbering.add_num(abstract)
        if kind is not ListKind.BULLET:
            num.add_lvlOverride(ilvl=ilvl).add_startOverride(start)
        return int(num.numId), ilvl

    def _style_numbering(self, style: str | None) -> tuple[int, int] | None:
        """The abstract numbering and level the template's style `style` numbers with."""
        if style is None or not self.build.has_style(style):
            return None
        p_pr = self.build.document.styles[style].element.pPr
        if p_pr is None or p_pr.numPr is None or p_pr.numPr.numId is None:
            return None
        try:
            numbering = self.build.document.part.numbering_part.element
            existing = numbering.num_having_numId(p_pr.numPr.numId.val)
        except (KeyError, NotImplementedError):
            return None
        ilvl = p_pr.numPr.ilvl.val if p_pr.numPr.ilvl is not None else 0
        return int(existing.abstractNumId.val), int(ilvl)

    def _our_abstract(self, numbering: Any, fmt: str) -> int:
        """Our abstract numbering for `fmt`, added to the document the first time."""
        if fmt in self._ours:
            return self._ours[fmt]
        taken = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
        abstract_id = max(taken, default=0) + 1
        levels = "".join(
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{_INDENT_TWIPS * (ilvl + 1)}" w:hanging="360"/></w:pPr>'
            "</w:lvl>"
            for ilvl, text in enumerate(_LEVEL_TEXT[fmt])
        )
        element = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
            f'<w:multiLevelType w:val="hybridMultilevel"/>{levels}</w:abstractNum>'
        )
        # Every w:abstractNum comes before the first w:num.
        first_num = numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(element)
        else:
            numbering.append(element)
        self._ours[fmt] = abstract_id
        return abstract_id


def number_paragraph(paragraph: Any, num_id: int, ilvl: int) -> None:
    """Make `paragraph` a point of list `num_id` at level `ilvl`."""
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = ilvl
    num_pr.get_or_add_numId().val = num_id


class BodyWriter:
    """Writes a minute's parts into the document (`within` None) or into a table cell.

    `decisions` words the decisions printed at a place in the body, `actions` the
    actions (the house style's own; None where the caller words them itself);
    `caption` names the body's tables for assistive technology."""

    def __init__(
        self,
        build: Build,
        lists: WordLists,
        decisions: Callable[[Decisions], None] | None,
        caption: str,
        within: _Cell | None = None,
        text_style: str = "Normal",
        actions: Callable[[Actions], None] | None = None,
    ) -> None:
        self.build = build
        self.lists = lists
        self.decisions = decisions
        self.caption = caption
        self.within = within
        self.text_style = text_style
        self.actions = actions

    def write(self, parts: Sequence[Part]) -> None:
        for part in parts:
            if isinstance(part, Decisions):
                if self.decisions is not None:
                    self.decisions(part)
            elif isinstance(part, Actions):
                if self.actions is not None:
                    self.actions(part)
            else:
                self.block(part)

    def block(self, block: Block) -> None:
        if isinstance(block, Paragraph):
            self.paragraph(block.runs, self.text_style)
        elif isinstance(block, ListBlock):
            self.list(block)
        elif isinstance(block, Table):
            self.table(block)
        # A place never reaches here: the layout put its decisions or actions there.

    def paragraph(self, runs: Runs, style: str | None, italic: bool = False) -> Any:
        """A paragraph of `runs` in `style` (the cell's text style where None)."""
        container = self.within if self.within is not None else self.build.document
        paragraph = container.add_paragraph()
        style_id = self.build.paragraph_style_id(style or self.text_style)
        if style_id is not None:
            paragraph._p.get_or_add_pPr().style = style_id
        add_runs(paragraph, runs, italic)
        return paragraph

    def list(self, block: ListBlock) -> None:
        style = self.list_style(block.kind, block.level)
        num_id, ilvl = self.lists.start(block.kind, block.level, block.start, style)
        for item in block.items:
            paragraph = self.paragraph(item.runs, style)
            number_paragraph(paragraph, num_id, ilvl)
            for inner in item.then:
                if isinstance(inner, Paragraph):
                    self._continued(inner, block.level)
                else:
                    self.block(inner)

    def list_style(self, kind: ListKind, level: int) -> str | None:
        """The paragraph style of a list's points: the template's list styles in the
        document, the cell's text style (None) in a table cell."""
        if self.within is not None:
            return None
        names = BULLET_STYLES if kind is ListKind.BULLET else NUMBER_STYLES
        return self.build.style(names[level], names[0])

    def _continued(self, block: Paragraph, level: int) -> None:
        """A paragraph inside a point, under its text."""
        if self.within is None:
            self.paragraph(block.runs, self.build.style(CONTINUE_STYLES[level], self.text_style))
            return
        paragraph = self.paragraph(block.runs, None)
        paragraph.paragraph_format.left_indent = Cm(0.635 * (level + 1))  # under the text

    def table(self, table: Table) -> None:
        ensure_table_styles(self.build)
        width = None
        if self.within is not None and self.within.width is not None:
            width = int(self.within.width * 0.95)  # inside the cell's margins
        headers = [runs_text(cell) for cell in table.header]
        writer = TableWriter(
            self.build,
            headers,
            column_weights(headers, [[runs_text(cell) for cell in row] for row in table.rows]),
            f"{self.caption}: {', '.join(h for h in headers if h)}"[:250],
            within=self.within,
            width_emu=width,
        )
        for row in table.rows:
            cells = writer.add_row([""] * len(row))
            for cell, runs in zip(cells, row, strict=True):
                add_runs(cell.paragraphs[0], runs)
        if self.within is None:
            # A table straight after another, or at the end, needs a paragraph between.
            self.build.document.add_paragraph()


def column_weights(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[float]:
    """Each column's share of a table's width: room for its longest word (a date, a
    long name) so that no word is broken across lines, and, for longer texts, their
    mean length up to 20 characters; a column of names and roles gets room, a column
    of dates what it needs, instead of equal columns that wrap a name letter by letter."""
    weights = []
    for index, header in enumerate(headers):
        cells = [header] + [row[index] for row in rows if index < len(row)]
        mean = sum(len(cell) for cell in cells) / len(cells)
        longest = max((len(word) for cell in cells for word in cell.split()), default=0)
        weights.append(max(longest + 4.0, min(mean, 20.0)))
    return weights
