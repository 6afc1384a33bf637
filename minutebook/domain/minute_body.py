"""The minute's body: the narrative as the secretary types it, read as paragraphs, lists,
bold words, tables and the places of decisions and actions (docs/minutes.md, "The minute
body").

The markup is a small part of Markdown, read with markdown-it-py (it comes with
Textual), and one line of our own:

- a blank line starts a new paragraph; a line break inside a paragraph is kept;
- ``- `` starts a bullet point, ``1.`` (or ``1)``) a numbered one, ``(a)`` a lettered
  one; a list indented under a point is nested in it, one level deep (deeper lists are
  printed one level in);
- ``**noted**`` is bold;
- a pipe table: a header row, a row of dashes (``|---|---|``), then its rows;
- a line ``[decision 2]`` on its own is the place of the item's decision 2 (live
  capture's F3 writes it where the cursor was);
- a line ``[action 3]`` on its own is the place of the committee's action 3, agreed at
  the item: it was raised by what is above it (F4 writes it where the cursor was).

Lettered points are not Markdown: to the parser a line "(a) ..." is a line of a
paragraph. Every line of a paragraph that starts with a letter in brackets and a space
starts a point of a lettered list (from the first such line to the end of the
paragraph; a line without one continues the point above it). Lists count on from their
first point, as Word numbers them: "3." then "7." are printed 3., 4.; "(c)" then "(f)"
are (c), (d).

Nothing typed is ever dropped: what the parser does not take as markup stays text
(``*word*``, ``__word__``, a stray ``**``, a lone ``|``), and each block read is checked
against the lines it came from; a block whose text does not all appear (a list nested
past the parser's limit) is read again as plain paragraphs. A table of more than
`WIDEST_TABLE` columns is printed as lines of text, its cells between ``|``. `Body.notes`
says what was read differently from how it was typed.

The tree is immutable and the same text always gives the same tree (`read_body` keeps
the last ones read), so the meeting screen, both minutes exporters and the summary all
read one answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from minutebook.domain.base import clean_text
from minutebook.domain.labels import letters

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

WIDEST_TABLE = 12
"""Columns a table may have and still be printed as a table: more do not fit a page."""

DEEPEST_LIST = 1
"""Levels a list may be nested (0 is a list in the body, 1 a list inside a point)."""


class ListKind(StrEnum):
    BULLET = "bullet"  # "- "
    NUMBERED = "numbered"  # "1." or "1)"
    LETTERED = "lettered"  # "(a)"


@dataclass(frozen=True, slots=True)
class Run:
    """Text printed one way: bold or not. A "\\n" in it is a line break."""

    text: str
    bold: bool = False


Runs = tuple[Run, ...]


@dataclass(frozen=True, slots=True)
class Paragraph:
    runs: Runs

    @property
    def text(self) -> str:
        return runs_text(self.runs)


@dataclass(frozen=True, slots=True)
class ListItem:
    """One point of a list: its marker as typed ("-", "3.", "(b)"), its text, and what
    the secretary wrote inside it after that (more paragraphs, a nested list)."""

    marker: str
    runs: Runs
    then: tuple[Block, ...] = ()

    @property
    def text(self) -> str:
        return runs_text(self.runs)


@dataclass(frozen=True, slots=True)
class ListBlock:
    """A list: its kind, its points, how deep it is nested (0 or 1), and the number
    its first point has (3 for a list typed from "3.", 3 for one from "(c)")."""

    kind: ListKind
    items: tuple[ListItem, ...]
    level: int = 0
    start: int = 1


Cell = Runs


@dataclass(frozen=True, slots=True)
class Table:
    """A table with a header row; every row has as many cells as the header."""

    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]

    @property
    def columns(self) -> int:
        return len(self.header)


@dataclass(frozen=True, slots=True)
class DecisionPlace:
    """A line "[decision 2]": the item's decision 2 is printed here."""

    number: int
    marker: str


@dataclass(frozen=True, slots=True)
class ActionPlace:
    """A line "[action 3]": the committee's action 3 was raised by what is above it."""

    number: int
    marker: str


Block = Paragraph | ListBlock | Table | DecisionPlace | ActionPlace


@dataclass(frozen=True, slots=True)
class Body:
    """The minute's body as read, and what was read differently from how it was typed."""

    blocks: tuple[Block, ...]
    notes: tuple[str, ...] = ()

    def text(self) -> str:
        """Everything the body holds as text, markers included, in order (one line a
        block, a point or a row): what a search or a check reads."""
        return "\n".join(_lines(self.blocks))

    def summary(self) -> str:
        """What the body was read as, in a few words: "2 paragraphs, a list of 3, a
        table of 4 rows", and the notes ("" for an empty body)."""
        return describe(self.blocks, self.notes)

    @property
    def places(self) -> tuple[DecisionPlace, ...]:
        return tuple(b for b in self.blocks if isinstance(b, DecisionPlace))


def runs_text(runs: Iterable[Run]) -> str:
    return "".join(run.text for run in runs)


# -- reading --------------------------------------------------------------------------------

PLACE = re.compile(r"^\s*\[\s*(decision|action)\s+(\d{1,6})\s*\]\s*$", re.IGNORECASE)
LETTER = re.compile(r"^\(([a-z])\)[ \t]+")
DELIMITER_ROW = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_BREAK = re.compile(r"[ \t]*\n[ \t]*")
MARKUP = frozenset("*|")
"""Characters the reader may take as markup and not keep as text (bold's ``**``, a
table's ``|``); every other character typed, bar spaces, is in the tree."""


def place_marker(number: int) -> str:
    """The line that places decision `number` in the body: "[decision 2]"."""
    return f"[decision {number}]"


def action_marker(number: int) -> str:
    """The line that places the committee's action `number` in the body: "[action 3]"."""
    return f"[action {number}]"


@lru_cache(maxsize=512)
def read_body(text: str) -> Body:
    """The body of a minute whose narrative is `text`."""
    lines = clean_text(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[Block] = []
    notes: list[str] = []
    segment: list[str] = []
    for line in [*lines, None]:
        found = PLACE.match(line) if line is not None else None
        if line is not None and found is None:
            segment.append(line)
            continue
        if any(s.strip() for s in segment):
            blocks += _Reader(segment, notes).blocks()
        segment = []
        if found is not None and line is not None:
            kind = DecisionPlace if found.group(1).lower() == "decision" else ActionPlace
            blocks.append(kind(int(found.group(2)), line.strip()))
    return Body(_merge_lettered(blocks), tuple(dict.fromkeys(notes)))


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # Imported here, not at the top: the app's first screen does not wait for it.
    from markdown_it import MarkdownIt

    # "zero" has every rule off but paragraphs: only what docs/minutes.md promises is
    # read as markup (no headings, code, quotes, links, escapes or entities, which
    # would swallow what a secretary types as text).
    return MarkdownIt("zero").enable(["list", "table", "emphasis"])


class _Reader:
    """One stretch of lines between decision places, read into blocks."""

    def __init__(self, lines: Sequence[str], notes: list[str]) -> None:
        self.lines = list(lines)
        self.notes = notes
        self.tokens: list[Token] = _parser().parse("\n".join(self.lines))
        self.at = 0

    def blocks(self) -> list[Block]:
        """The top-level blocks, each checked against its lines."""
        out: list[Block] = []
        covered = 0
        while self.at < len(self.tokens):
            token = self.tokens[self.at]
            span = token.map
            noted = len(self.notes)
            read = self._block(0)
            if span is None:
                out += read
                continue
            start, end = span
            if any(line.strip() for line in self.lines[covered:start]):
                out += _plain(self.lines[covered:start])  # never left out
            covered = max(covered, end)
            source = self.lines[start:end]
            if _kept(source, read):
                out += read
            else:
                del self.notes[noted:]  # said of the blocks not kept
                self.notes.append("some lines are printed as typed: their markup went too deep")
                out += _plain(source)
        if any(line.strip() for line in self.lines[covered:]):
            out += _plain(self.lines[covered:])
        return out

    def _block(self, level: int, point: bool = False) -> list[Block]:
        """The block opening at the current token (moved past its close); `point`: the
        first block of a list's point."""
        token = self.tokens[self.at]
        kind = token.type
        if kind == "paragraph_open":
            runs = _runs(self.tokens[self.at + 1].children or [])
            self.at += 3
            return _lettered_split(runs, level, point)
        if kind in ("bullet_list_open", "ordered_list_open"):
            return [self._list(level)]
        if kind == "table_open":
            return self._table()
        self.at += 1  # a close, or a token no rule enabled here makes: nothing to read
        return []

    def _list(self, level: int) -> ListBlock:
        opening = self.tokens[self.at]
        ordered = opening.type == "ordered_list_open"
        close = opening.type.replace("_open", "_close")
        self.at += 1
        items: list[ListItem] = []
        depth = min(level, DEEPEST_LIST)
        if level > DEEPEST_LIST:
            self.notes.append("a list nested more than one level in is printed one level in")
        while self.tokens[self.at].type != close:
            item_open = self.tokens[self.at]
            self.at += 1
            inside: list[Block] = []
            while self.tokens[self.at].type != "list_item_close":
                # The point's first line is its own text, even one typed "- (c) ...".
                inside += self._block(level + 1, point=not inside)
            self.at += 1
            marker = (item_open.info + item_open.markup) if ordered else item_open.markup
            if inside and isinstance(inside[0], Paragraph):
                first, rest = inside[0].runs, inside[1:]
            else:
                first, rest = (), inside
            items.append(ListItem(marker, first, tuple(rest)))
        self.at += 1
        start = 1
        if ordered and items:
            start = int(items[0].marker[:-1] or 1)
        kind = ListKind.NUMBERED if ordered else ListKind.BULLET
        return ListBlock(kind, tuple(items), depth, start)

    def _table(self) -> list[Block]:
        opening = self.tokens[self.at]
        depth = opening.level
        close = self.at + 1
        while self.tokens[close].type != "table_close":
            close += 1
        tokens = self.tokens[self.at : close]
        self.at = close + 1
        if depth == 0 and opening.map is not None:
            # The rows as typed: the parser leaves out the cells of a row longer than
            # the header, and those are the secretary's words too.
            start, end = opening.map
            typed = [_cells(line) for n, line in enumerate(self.lines[start:end]) if n != 1]
        else:  # a table inside a point: its lines start with the point's indent
            typed = _parsed_rows(tokens)
        width = max(len(row) for row in typed)
        rows = [tuple(_cell_runs(c) for c in row) + ((),) * (width - len(row)) for row in typed]
        if width > WIDEST_TABLE:
            self.notes.append(
                f"a table of {width} columns is wider than a page takes ({WIDEST_TABLE}): "
                "its rows are printed as lines"
            )
            return [Paragraph(_joined(row)) for row in rows]
        return [Table(rows[0], tuple(rows[1:]))]


def _runs(children: Sequence[Token]) -> Runs:
    """An inline's runs: ``**`` pairs make bold; every other mark the parser found
    (``*x*``, ``__x__``) is put back as the text it was typed as."""
    runs: list[Run] = []
    bold = 0
    for child in children:
        kind = child.type
        if kind in ("strong_open", "strong_close") and child.markup == "**":
            bold += 1 if kind == "strong_open" else -1
            continue
        if kind in ("strong_open", "strong_close", "em_open", "em_close"):
            text = child.markup
        elif kind in ("softbreak", "hardbreak"):
            text = "\n"
        else:
            text = child.content
        if text:
            runs.append(Run(text, bold > 0))
    return _tidy(runs)


def _tidy(runs: Iterable[Run]) -> Runs:
    """Runs with their neighbours of the same weight joined, spaces at line breaks and
    at the ends taken off."""
    merged: list[Run] = []
    for run in runs:
        if merged and merged[-1].bold == run.bold:
            merged[-1] = Run(merged[-1].text + run.text, run.bold)
        else:
            merged.append(run)
    tidied = [Run(_BREAK.sub("\n", run.text), run.bold) for run in merged]
    if tidied:
        tidied[0] = Run(tidied[0].text.lstrip(), tidied[0].bold)
        tidied[-1] = Run(tidied[-1].text.rstrip(), tidied[-1].bold)
    return tuple(run for run in tidied if run.text)


def _split_lines(runs: Runs) -> list[list[Run]]:
    lines: list[list[Run]] = [[]]
    for run in runs:
        for n, piece in enumerate(run.text.split("\n")):
            if n:
                lines.append([])
            if piece:
                lines[-1].append(Run(piece, run.bold))
    return lines


def _join_lines(lines: Sequence[Sequence[Run]]) -> Runs:
    runs: list[Run] = []
    for n, line in enumerate(lines):
        if n:
            runs.append(Run("\n", runs[-1].bold if runs else False))
        runs += line
    return _tidy(runs)


def _without_prefix(line: Sequence[Run], length: int) -> list[Run]:
    out: list[Run] = []
    for run in line:
        cut = min(length, len(run.text))
        length -= cut
        if run.text[cut:]:
            out.append(Run(run.text[cut:], run.bold))
    return out


def _lettered_split(runs: Runs, level: int, point: bool = False) -> list[Block]:
    """A paragraph, with the lettered list its lines hold (see the module's doc). The
    first line of a list's point (`point`) is the point's text: "- (c) To approve"
    is a bullet that reads "(c) To approve", as seed 003 prints its (c) to (j)."""
    lines = _split_lines(runs)
    before: list[list[Run]] = []
    items: list[tuple[str, list[list[Run]]]] = []
    for n, line in enumerate(lines):
        found = None if point and n == 0 else LETTER.match(runs_text(line))
        if found:
            items.append((f"({found.group(1)})", [_without_prefix(line, found.end())]))
        elif items:
            items[-1][1].append(line)
        else:
            before.append(line)
    out: list[Block] = []
    if before:
        out.append(Paragraph(_join_lines(before)))
    if items:
        points = tuple(ListItem(marker, _join_lines(body)) for marker, body in items)
        start = ord(items[0][0][1]) - ord("a") + 1
        out.append(ListBlock(ListKind.LETTERED, points, min(level, DEEPEST_LIST), start))
    return out


def _merge_lettered(blocks: Sequence[Block]) -> tuple[Block, ...]:
    """Lettered points typed with blank lines between them are one list."""
    out: list[Block] = []
    for block in blocks:
        last = out[-1] if out else None
        if (
            isinstance(block, ListBlock)
            and isinstance(last, ListBlock)
            and block.kind is last.kind is ListKind.LETTERED
            and block.level == last.level
        ):
            out[-1] = ListBlock(last.kind, last.items + block.items, last.level, last.start)
        else:
            out.append(block)
    return tuple(out)


def _cells(line: str) -> list[str]:
    """A table row's cells as typed: split at each ``|`` not after a backslash, the
    outer pipes taken off."""
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", text)]


def _parsed_rows(tokens: Sequence[Token]) -> list[list[str]]:
    rows: list[list[str]] = []
    for token in tokens:
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and rows:
            rows[-1].append(token.content)
    return rows


def _cell_runs(text: str) -> Cell:
    if not text:
        return ()
    parsed = _parser().parseInline(text)
    return _runs(parsed[0].children or []) if parsed else (Run(text),)


def _joined(row: Sequence[Cell]) -> Runs:
    runs: list[Run] = []
    for n, cell in enumerate(row):
        if n:
            runs.append(Run(" | "))
        runs += cell
    return _tidy(runs)


def _plain(lines: Sequence[str]) -> list[Block]:
    """Lines as plain paragraphs, split at blank lines: what is printed when markup
    cannot be read."""
    out: list[Block] = []
    current: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            current.append(line.strip())
        elif current:
            out.append(Paragraph((Run("\n".join(current)),)))
            current = []
    return out


def content(text: str) -> str:
    """The characters of `text` that the body must keep: not spaces, not markup, and
    not a table's row of dashes."""
    kept = (line for line in text.split("\n") if not DELIMITER_ROW.match(line))
    return "".join(ch for line in kept for ch in line if not ch.isspace() and ch not in MARKUP)


def _kept(source: Sequence[str], blocks: Sequence[Block]) -> bool:
    """Whether every character of `source` that must be kept is in `blocks`, in order."""
    wanted = content("\n".join(source))
    have = iter(content("\n".join(_lines(blocks))))
    return all(ch in have for ch in wanted)


# -- text and summary -----------------------------------------------------------------------


def _lines(blocks: Iterable[Block]) -> Iterable[str]:
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block.text
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield f"{item.marker} {item.text}"
                yield from _lines(item.then)
        elif isinstance(block, Table):
            for row in (block.header, *block.rows):
                yield " | ".join(runs_text(cell) for cell in row)
        else:
            yield block.marker


def point_label(kind: ListKind, number: int, level: int = 0) -> str:
    """How point `number` of a list is labelled when printed: "•" ("–" one level in),
    "3.", "(c)"; Word numbers the exported lists the same way (`exporters.minute_body`)."""
    if kind is ListKind.BULLET:
        return "•" if level == 0 else "–"
    return f"{number}." if kind is ListKind.NUMBERED else f"({letters(number)})"


LIST_WORDS = {ListKind.BULLET: "list", ListKind.NUMBERED: "numbered list"}
LIST_WORDS[ListKind.LETTERED] = "lettered list"


def _count(n: int, one: str, many: str | None = None) -> str:
    if n == 1:
        return f"a {one}" if one[0] not in "aeiou" else f"an {one}"
    return f"{n:,} {many or one + 's'}"


def describe(blocks: Sequence[Block], notes: Sequence[str] = ()) -> str:
    """ "2 paragraphs, a list of 3, a table of 4 rows", then the notes."""
    parts: list[str] = []
    paragraphs = sum(isinstance(b, Paragraph) for b in blocks)
    if paragraphs:
        parts.append(_count(paragraphs, "paragraph"))
    for kind in ListKind:
        lists = [b for b in blocks if isinstance(b, ListBlock) and b.kind is kind]
        if len(lists) == 1:
            parts.append(f"a {LIST_WORDS[kind]} of {len(lists[0].items):,}")
        elif lists:
            points = sum(len(b.items) for b in lists)
            parts.append(f"{len(lists)} {LIST_WORDS[kind]}s ({points:,} points)")
    tables = [b for b in blocks if isinstance(b, Table)]
    if len(tables) == 1:
        rows = len(tables[0].rows)
        parts.append(f"a table of {rows:,} row{'s' if rows != 1 else ''}")
    elif tables:
        parts.append(f"{len(tables)} tables")
    return "; ".join([", ".join(parts), *notes]) if parts else "; ".join(notes)


def walk(blocks: Iterable[Block]) -> Iterable[Any]:
    """Every block, and every block inside a point, in order."""
    for block in blocks:
        yield block
        if isinstance(block, ListBlock):
            for item in block.items:
                yield from walk(item.then)
