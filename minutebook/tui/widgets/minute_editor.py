"""The minute editor of live capture: a text area that is as quick to type in when
the minute is one paragraph of 100,000 characters as when it is empty.

Textual's TextArea wraps and draws a long line as a whole on every key. Measured on a
minute typed as one 100,000-character paragraph (bench/live.py), a key cost 130 ms
or more: every visible row of the paragraph was drawn again, each dividing the whole
paragraph into its 2,000 rows of styled text (about 17 times per frame); each edit
wrapped the whole paragraph again (23 ms); and finding the cursor's place cut it into
rows again (14 ms). Typing fell behind the keys, and the minute's saving with it: what
was still queued was lost if the app was killed (issue 10, finding 8). Here, with what
is drawn unchanged:

- a row on screen is drawn again only when what it shows changes: its text, or how the
  cursor, the cursor's line or a matched bracket fall on it (`MinuteEditor.render_line`;
  Textual's own cache is keyed by the cursor's place, which every key moves);
- drawing a row makes that row alone, with its styles, not the 2,000 rows of its
  paragraph (`_Line`, `_OneRow`);
- an edit within one line wraps again only from the row before the edit until the
  rows fall back into step with the old ones, shifted by what the edit added or
  removed (`LongLineWrapping.wrap_range`); a line holding a tab, or an edit across
  lines, is wrapped as Textual wraps it;
- a line's rows are cut from it by string slicing (`LongLineWrapping.get_sections`).

It also saves a paste at once (`save_at_once`). `tests/tui/test_minute_editor.py`
checks the wrapping against Textual's and the screen, key by key, against a TextArea's.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from typing import Any, overload

from rich.containers import Lines
from rich.text import Text
from textual._wrap import compute_wrap_offsets
from textual.document._document import EditResult, Location
from textual.document._document_navigator import DocumentNavigator
from textual.document._edit import Edit
from textual.document._wrapped_document import WrappedDocument
from textual.strip import Strip
from textual.widgets import TextArea

_BEFORE_A_WORD = re.compile(r"\s(?=\S)")
"""The space just before a word: the word begins a wrapping "chunk" (a word and the
spaces after it), the unit Textual wraps by (textual._wrap.chunks)."""

_LOOK_BACK = 512
"""How far back (characters) to look for the word an edit touches; a longer word is
wrapped as Textual wraps it, whole."""


def _common_prefix(a: str, b: str, hint: int = 0) -> int:
    """How many leading characters `a` and `b` share (a binary search over slices
    compared in C; `hint`, where an edit began, is tried first)."""
    low, high = 0, min(len(a), len(b))
    if 0 < hint <= high and a[:hint] == b[:hint]:
        low = hint
    while low < high:
        middle = (low + high + 1) // 2
        if a[low:middle] == b[low:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _common_suffix(a: str, b: str, limit: int) -> int:
    """How many trailing characters `a` and `b` share, at most `limit`."""
    low, high = 0, limit
    while low < high:
        middle = (low + high + 1) // 2
        if a[len(a) - middle : len(a) - low] == b[len(b) - middle : len(b) - low]:
            low = middle
        else:
            high = middle - 1
    return low


class LongLineWrapping(WrappedDocument):
    """Textual's wrapped view of a document, re-wrapping an edited line only where the
    edit can change its rows."""

    def __init__(self, document: Any, width: int = 0, tab_width: int = 4) -> None:
        self._lines: list[str] = []  # the lines as last wrapped, to see what an edit changed
        super().__init__(document, width, tab_width)

    def wrap(self, width: int, tab_width: int | None = None) -> None:
        super().wrap(width, tab_width)
        self._lines = list(self.document.lines)

    def get_sections(self, line_index: int) -> list[str]:
        line = self.document[line_index]
        offsets = self._wrap_offsets[line_index]
        return [line[a:b] for a, b in zip([0, *offsets], [*offsets, len(line)], strict=True)]

    def wrap_range(self, start: Location, old_end: Location, new_end: Location) -> None:
        row = start[0]
        if (
            self._width
            and row == old_end[0] == new_end[0]
            and len(self.document.lines) == len(self._lines) == len(self._wrap_offsets)
            and 0 <= row < len(self._lines)
        ):
            new = self.document[row]
            old = self._lines[row]
            if "\t" not in new and "\t" not in old:
                offsets = self._rewrap(old, new, self._wrap_offsets[row], start[1])
                if offsets is not None:
                    self._replace_rows(row, offsets)
                    self._tab_width_cache[row] = [0] if new else []  # as Textual has it
                    self._lines[row] = new
                    return
        super().wrap_range(start, old_end, new_end)
        self._lines = list(self.document.lines)

    def _rewrap(self, old: str, new: str, offsets: list[int], hint: int) -> list[int] | None:
        """The wrap points of the line `old` edited into `new`, worked out from the
        row before the edit until they fall back into step with `offsets` (old's); None
        if the word the edit touches is too long to find its start cheaply."""
        width = self._width
        begin = _common_prefix(old, new, hint)
        same_end = _common_suffix(old, new, min(len(old), len(new)) - begin)
        old_end, new_end = len(old) - same_end, len(new) - same_end
        shift = len(new) - len(old)
        # The chunk (word and its spaces) the edit can change starts at `word`: the
        # rows before it are decided by what comes before it, and stay as they were.
        word = 0
        if begin > 0:
            low = max(0, begin - _LOOK_BACK)
            found = [m.end() for m in _BEFORE_A_WORD.finditer(new, low, begin)]
            if found:
                word = found[-1]
            elif low > 0:
                return None
        kept = bisect_left(offsets, word)
        restart = offsets[kept - 1] if kept else 0
        reach = 4 * width + 64
        while True:
            stop = self._chunk_start_from(new, new_end + reach)
            local = compute_wrap_offsets(new[restart:stop], width, self._tab_width)
            found_again = [restart + point for point in local]
            for index, point in enumerate(found_again):
                if point <= new_end:
                    continue
                at = bisect_left(offsets, point - shift)
                if at < len(offsets) and offsets[at] == point - shift and offsets[at] > old_end:
                    # In step again: from here the rows are the old ones, shifted.
                    tail = [o + shift for o in offsets[at + 1 :]]
                    return [*offsets[:kept], *found_again[: index + 1], *tail]
            if stop >= len(new):
                return [*offsets[:kept], *found_again]
            reach *= 4

    @staticmethod
    def _chunk_start_from(text: str, position: int) -> int:
        """The first place at or after `position` where a chunk begins (or the end): a
        wrap worked out up to there is the same as one over the whole line."""
        if position >= len(text):
            return len(text)
        found = _BEFORE_A_WORD.search(text, max(0, position - 1))
        return found.end() if found else len(text)

    def _replace_rows(self, row: int, offsets: list[int]) -> None:
        """Put a line's new wrap points in place, with the rows that follow it moved."""
        first_y = self._line_index_to_offsets[row][0]
        old_count = len(self._wrap_offsets[row]) + 1
        new_count = len(offsets) + 1
        self._wrap_offsets[row] = offsets
        self._line_index_to_offsets[row] = list(range(first_y, first_y + new_count))
        self._offset_to_line_info[first_y : first_y + old_count] = [
            (row, section) for section in range(new_count)
        ]
        moved = new_count - old_count
        if moved:
            for later in range(row + 1, len(self._line_index_to_offsets)):
                self._line_index_to_offsets[later] = [
                    y + moved for y in self._line_index_to_offsets[later]
                ]


_NO_TABS = Text("")
"""What a row not being drawn is taken for, in a line that holds no tab: Textual only
counts the tabs of the rows before the one it draws."""


class _Line(Text):
    """A line of the minute, divided into rows for the one row being drawn."""

    def __init__(self, text: str, index: int, editor: MinuteEditor) -> None:
        super().__init__(text, end="", no_wrap=True)
        self._index = index
        self._editor = editor

    def divide(self, offsets: Iterable[int]) -> Lines:
        drawing = self._editor.drawing
        if drawing is None or drawing[0] != self._index or "\t" in self.plain:
            return super().divide(offsets)
        return _OneRow(self, list(offsets), drawing[1])


class _OneRow(Lines):
    """A line's rows, when one of them is being drawn: that row is made, with its
    styles; every other one is only asked how many tabs it holds, and the line has
    none. A paragraph of 2,000 rows is not made into 2,000 styled texts for one row."""

    def __init__(self, line: Text, offsets: list[int], drawn: int) -> None:
        super().__init__()
        bounds = [0, *offsets, len(line.plain)]
        self._count = len(offsets) + 1
        self._drawn = drawn
        self._row = Text.divide(line, bounds[drawn : drawn + 2])[1]

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Text]:
        return (self[index] for index in range(self._count))

    @overload
    def __getitem__(self, index: int) -> Text: ...

    @overload
    def __getitem__(self, index: slice) -> list[Text]: ...

    def __getitem__(self, index: int | slice) -> Text | list[Text]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._count))]
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError(index)
        return self._row if index == self._drawn else _NO_TABS


class MinuteEditor(TextArea):
    """The minute editor: soft-wrapped, quick on long paragraphs, and without the
    TextArea's F6/F7 selection keys, which live capture uses for the quorum and the
    previous item."""

    inherit_bindings = False
    BINDINGS = [b for b in TextArea.BINDINGS if getattr(b, "key", "") not in ("f6", "f7")]

    def __init__(
        self, *args: Any, save_at_once: Callable[[], object] | None = None, **kwargs: Any
    ) -> None:
        self._drawn: OrderedDict[tuple[Any, ...], Strip] = OrderedDict()
        self.drawing: tuple[int, int] | None = None
        """The line and the row of it being drawn, while Textual draws a row."""
        self._save_at_once = save_at_once
        super().__init__(*args, **kwargs)

    def edit(self, edit: Edit) -> EditResult:
        result = super().edit(edit)
        if self._save_at_once is not None and len(edit.text) > 1:
            # A paste is saved at once, as part of the edit: after it, drawing the pasted
            # text can take longer than a keystroke's delay, and a kill then lost it all.
            self._save_at_once()
        return result

    def insert_line(self, line: str, at: Location) -> None:
        """Insert `line` at `at` as a line of its own (the line there broken before it,
        unless only spaces come before `at`), the cursor on the line after it."""
        before = self.document.get_line(at[0])[: at[1]]
        result = self.insert(("\n" if before.strip() else "") + line + "\n", at)
        self.move_cursor(result.end_location)

    def _set_document(self, text: str, language: str | None) -> None:
        super()._set_document(text, language)
        self.wrapped_document = LongLineWrapping(self.document, tab_width=self.indent_width)
        self.navigator = DocumentNavigator(self.wrapped_document)
        self._rewrap_and_refresh_virtual_size()

    def get_line(self, line_index: int) -> Text:
        return _Line(self.document.get_line(line_index), line_index, self)

    def render_line(self, y: int) -> Strip:
        key = self._row_key(y)
        strip = self._drawn.get(key) if key is not None else None
        if strip is None:
            rows = self.wrapped_document._offset_to_line_info
            at = y + self.scroll_offset.y
            self.drawing = rows[at] if 0 <= at < len(rows) else None
            try:
                strip = super().render_line(y)
            finally:
                self.drawing = None
            if key is not None:
                self._drawn[key] = strip
                while len(self._drawn) > 256:
                    self._drawn.popitem(last=False)
        return strip

    def notify_style_update(self) -> None:
        self._drawn.clear()
        super().notify_style_update()

    def _row_key(self, y: int) -> tuple[Any, ...] | None:
        """What the row `y` on screen looks like, as far as Textual's drawing of it goes:
        its text and how the cursor, the cursor's line and a matched bracket fall on it.
        Rows that look alike are drawn once and kept, so a key redraws only the rows it
        changed, not every row of the paragraph after it (Textual keys its own cache by
        the cursor's place, which a key always moves). None: let Textual draw it (a
        selection, a tab, anything this does not cover)."""
        start, end = self.selection
        if (
            start != end
            or not self.soft_wrap
            or self.show_line_numbers
            or self.suggestion
            or self.placeholder
            or self._highlights
        ):
            return None
        scroll_x, scroll_y = self.scroll_offset
        rows = self.wrapped_document._offset_to_line_info
        if not 0 <= y + scroll_y < len(rows):
            return None
        line_index, section = rows[y + scroll_y]
        line = self.document[line_index]
        if "\t" in line:
            return None
        offsets = self.wrapped_document.get_offsets(line_index)
        first = offsets[section - 1] if section else 0
        last = offsets[section] if section < len(offsets) else len(line) + 1  # the cursor's cell
        cursor_row, cursor_column = end
        on_line = cursor_row == line_index
        bracket = self._matching_bracket_location
        cursor = None
        if on_line and first <= cursor_column < last:
            cursor = (cursor_column - first, self._draw_cursor, bracket is not None)
        partner = None
        if bracket is not None and bracket[0] == line_index and first <= bracket[1] < last:
            partner = bracket[1] - first
        return (
            line[first:last],
            self.size,
            self.scrollable_content_region.size,
            scroll_x,
            self.theme,
            self.read_only,
            self.show_cursor,
            self.highlight_cursor_line,
            self.match_cursor_bracket,
            on_line,
            cursor,
            partner,
        )
