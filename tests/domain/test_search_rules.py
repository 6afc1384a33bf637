"""The search's own rules (docs/search.md): what a query means, the order of the hits,
snippets' marks, and which hits are confidential."""

from __future__ import annotations

from datetime import date

from minutebook.domain.search import (
    COMMON_HITS,
    Hit,
    HitKind,
    Order,
    fts_query,
    hit_is_confidential,
    on_one_line,
    order_for,
    place_words,
    segments,
)


def test_words_are_quoted_and_the_last_is_a_prefix() -> None:
    assert fts_query("quor") == '"quor"*'
    assert fts_query("  better care  fund ") == '"better" "care" "fund"*'
    assert fts_query('say "no" OR NEAR(x') == '"say" """no""" "OR" "NEAR(x"*'
    assert fts_query("a - b") == '"a" "b"*'


def test_short_or_wordless_queries_find_nothing() -> None:
    assert fts_query("") is None
    assert fts_query("ab") is None
    assert fts_query(" q  ") is None
    assert fts_query("***") is None
    assert fts_query("abc") == '"abc"*'
    assert fts_query("00\x00") is None  # a control character is a space
    assert fts_query("care\x00home") == '"care" "home"*'


def _hit(n: int, score: float, day: date) -> Hit:
    return Hit(key=n, kind=HitKind.MINUTE, committee="HCP", day=day, score=score)


def test_common_words_newest_first_rare_ones_best_match_first() -> None:
    assert order_for(0) is Order.BEST
    assert order_for(COMMON_HITS) is Order.BEST
    assert order_for(COMMON_HITS + 1) is Order.NEWEST
    assert order_for(50_000) is Order.NEWEST


def test_snippet_marks_become_segments() -> None:
    assert segments("…the meeting was <q> and <b>", "<", ">") == (
        ("…the meeting was ", False), ("q", True), (" and ", False), ("b", True),
    )  # fmt: skip
    assert segments("no marks", "<", ">") == (("no marks", False),)


def test_a_hit_is_confidential_at_any_of_its_places() -> None:
    secret = frozenset({(7, 3)})
    assert hit_is_confidential([(7, 3)], secret)
    assert hit_is_confidential([(8, 1), (7, 3)], secret)  # an update of a Part II action
    assert not hit_is_confidential([(7, 2), (None, None)], secret)


def test_a_hit_is_placed_by_its_minute_number_else_its_item() -> None:
    hit = _hit(1, -1.0, date(2023, 6, 13))
    assert place_words(hit) == ""  # a register entry has no place in a meeting
    assert place_words(Hit(**{**hit.__dict__, "item": 4})) == "item 4"
    assert place_words(Hit(**{**hit.__dict__, "item": 4, "minute_number": "HCP6"})) == "HCP6"


def test_a_snippet_is_cut_around_its_match_so_the_word_shows_whole() -> None:
    from minutebook.domain.search import around_match

    snippet = (
        ("…the patient was referred for coronary ", False),
        ("angioplasty", True),
        (" at the regional cardiac centre after a long wait…", False),
    )
    for width in (14, 20, 30, 45):
        cut = around_match(snippet, width)
        assert len("".join(text for text, _ in cut)) <= width
        assert [text for text, matched in cut if matched] == ["angioplasty"]
    named = around_match((("Bob Roy: ", False), *snippet), 30, keep=9)
    assert "".join(t for t, _ in named).startswith("Bob Roy: …")
    assert ("angioplasty", True) in named
    assert around_match(snippet, 200) == snippet  # room for it all: as it was
    cut = "".join(text for text, _ in around_match(snippet, 30))
    assert cut == "…coronary angioplasty at the…"  # cut between words, not in one


def test_the_place_of_a_hit_is_never_blank_where_there_is_an_item() -> None:
    from minutebook.domain.search import Hit, HitKind, place_words

    def hit(number: str | None, item: int | None) -> Hit:
        kind = HitKind.MINUTE
        return Hit(key=9, kind=kind, committee="HCP", day=None, score=0, item=item,
                   minute_number=number)  # fmt: skip

    assert [place_words(hit(n, i)) for n, i in (("HCP6", 2), ("9", 9), (" ", 8), (None, 8))] == [
        "HCP6",
        "9",
        "item 8",
        "item 8",
    ]
    assert place_words(hit(None, None)) == ""


def test_a_snippet_on_one_line_reads_as_the_minutes_print_it() -> None:
    snippet = (("in the **Bletchley** community.\n- The pilot", False), ("starts", True))
    assert on_one_line(snippet) == (
        ("in the Bletchley community. • The pilot", False),
        ("starts", True),
    )
    assert on_one_line((("agreed:\n1. First point\n2) second", False),)) == (
        ("agreed: • First point • second", False),
    )
    # A dash inside a line, or a piece starting mid-line after a match, is left alone.
    assert on_one_line((("costs - 2. more", False),)) == (("costs - 2. more", False),)
    assert on_one_line((("- about £2m", False),)) == (("- about £2m", False),)
