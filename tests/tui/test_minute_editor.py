"""The minute editor draws exactly what Textual's own TextArea draws, however long the
paragraph, only faster (minutebook/tui/widgets/minute_editor.py).

- Its wrapping, re-worked only around each edit, is compared with Textual's wrapping of
  the whole document after every edit (random text, wide characters, long words,
  tabs, new lines, random edits).
- Its screen, drawn row by row with rows kept between keys, is compared with a plain
  TextArea's after each of a secretary's keys: typing at the end of a long paragraph
  and in its middle, deleting, pasting, moving, selecting, new lines.
"""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st
from textual.app import App, ComposeResult
from textual.document._document import Document
from textual.document._wrapped_document import WrappedDocument
from textual.widgets import TextArea

from minutebook.tui.widgets.minute_editor import LongLineWrapping, MinuteEditor

LETTERS = "abcdefghij  xyz é漢字🙂"
TEXT = st.text(alphabet=st.sampled_from([*LETTERS, " ", " ", "\t", "\n"]), max_size=300)
INSERT = st.text(alphabet=st.sampled_from([*LETTERS, " ", "\n"]), max_size=25)
LONG_WORDS = st.text(alphabet=st.sampled_from(["a", "a", "a", "a", "b", " "]), max_size=600)


def _same_wrapping(wrapping: WrappedDocument, document: Document, width: int) -> None:
    fresh = WrappedDocument(document, width=width, tab_width=4)
    for part in ("_wrap_offsets", "_offset_to_line_info", "_line_index_to_offsets"):
        assert getattr(wrapping, part) == getattr(fresh, part), part
    assert wrapping._tab_width_cache == fresh._tab_width_cache
    for line in range(document.line_count):
        assert wrapping.get_sections(line) == fresh.get_sections(line)


@settings(max_examples=300, deadline=None)
@given(
    text=st.one_of(TEXT, LONG_WORDS),
    width=st.integers(3, 40),
    edits=st.lists(
        st.tuples(st.floats(0, 1), st.floats(0, 1), st.integers(0, 30), INSERT), max_size=6
    ),
)
def test_wrapping_around_each_edit_is_textuals_wrapping_of_the_whole(
    text: str, width: int, edits: list[tuple[float, float, int, str]]
) -> None:
    document = Document(text)
    wrapping = LongLineWrapping(document, width=width, tab_width=4)
    for where_row, where_column, length, inserted in edits:
        row = min(int(where_row * document.line_count), document.line_count - 1)
        line = document[row]
        start = min(int(where_column * (len(line) + 1)), len(line))
        end = min(start + length, len(line))
        result = document.replace_range((row, start), (row, end), inserted)
        wrapping.wrap_range((row, start), (row, end), result.end_location)
        _same_wrapping(wrapping, document, width)


def test_typing_at_the_end_of_a_long_paragraph_wraps_as_textual_does() -> None:
    paragraph = "The Board noted the risks to the winter plan, item 12. " * 400
    document = Document(paragraph)
    wrapping = LongLineWrapping(document, width=50, tab_width=4)
    for n, key in enumerate("And agreed the plan. " * 3):
        column = len(paragraph) + n
        result = document.replace_range((0, column), (0, column), key)
        wrapping.wrap_range((0, column), (0, column), result.end_location)
    _same_wrapping(wrapping, document, 50)


# -- what is drawn -------------------------------------------------------------------

PARAGRAPH = "The Partnership received the report on the winter plan and its risks. " * 60
DOCUMENT = (
    f"Item 4: Winter plan\n\n{PARAGRAPH}\n\nPresent:\tCllr Marland\t(Chair)\t" * 2
    + "The Chair thanked the officers."
)


class Editing(App[None]):
    def __init__(self, editor: type[TextArea]) -> None:
        super().__init__()
        self.editor_class = editor

    def compose(self) -> ComposeResult:
        yield self.editor_class(DOCUMENT, soft_wrap=True, tab_behavior="focus", id="editor")

    def on_mount(self) -> None:
        editor = self.query_one("#editor", TextArea)
        editor.cursor_blink = False
        editor.focus()


def _screen(editor: TextArea) -> list[list[tuple[str, object]]]:
    rows = []
    for y in range(editor.size.height):
        rows.append([(segment.text, segment.style) for segment in editor.render_line(y)])
    return rows


STEPS: list[tuple[str, Callable[[TextArea], object] | tuple[str, ...]]] = [
    ("to the end of the paragraph", lambda e: e.move_cursor((2, len(PARAGRAPH)))),
    ("typed at its end", tuple("Agreed. ")),
    ("a word typed in its middle", lambda e: e.move_cursor((2, 2000))),
    ("typed", tuple("urgent ")),
    ("deleted", ("backspace", "backspace", "delete")),
    ("a paste", lambda e: e.insert("pasted text from the officer's email " * 3)),
    ("a new line", ("enter",)),
    ("up and along", ("up", "up", "right", "right")),
    ("a selection", ("shift+right", "shift+right", "shift+down")),
    ("typed over it", tuple("x")),
    ("to the top", ("ctrl+home",)),
    ("undone", ("ctrl+z",)),
]


async def _play(editor_class: type[TextArea]) -> list[list[list[tuple[str, object]]]]:
    app = Editing(editor_class)
    screens = []
    async with app.run_test(size=(60, 20)) as pilot:
        editor = app.query_one("#editor", TextArea)
        await pilot.pause()
        for _name, step in STEPS:
            if callable(step):
                step(editor)
            else:
                await pilot.press(*step)
            await pilot.pause()
            editor.scroll_cursor_visible()
            await pilot.pause()
            screens.append(_screen(editor))
    return screens


async def test_the_minute_editor_draws_what_textual_draws_key_by_key() -> None:
    ours = await _play(MinuteEditor)
    theirs = await _play(TextArea)
    for (name, _step), mine, textual in zip(STEPS, ours, theirs, strict=True):
        assert mine == textual, name
