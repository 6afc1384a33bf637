"""The minute body (domain/minute_body.py, minute_layout.py, labels.py): what each piece
of markup makes, malformed markup that still makes a tree holding every character
typed, decisions in their place, and how decisions are labelled."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from minutebook.domain.labels import DecisionLabeller, DecisionLabels, Label, letters
from minutebook.domain.meeting import Decision, DecisionVerb, Minute
from minutebook.domain.minute_body import (
    MARKUP,
    WIDEST_TABLE,
    Body,
    DecisionPlace,
    ListBlock,
    ListKind,
    Paragraph,
    Run,
    Table,
    content,
    read_body,
    runs_text,
)
from minutebook.domain.minute_layout import Decisions, lay_out


def _text(cells: tuple[tuple[Run, ...], ...]) -> list[str]:
    return [runs_text(cell) for cell in cells]


# -- each construct ---------------------------------------------------------------------


def test_paragraphs_are_split_at_blank_lines_and_keep_their_line_breaks() -> None:
    body = read_body("First paragraph.\nIts second line.\n\n\nSecond paragraph.")
    assert body.blocks == (
        Paragraph((Run("First paragraph.\nIts second line."),)),
        Paragraph((Run("Second paragraph."),)),
    )
    assert body.summary() == "2 paragraphs"


def test_bullets_numbers_and_their_markers() -> None:
    body = read_body("- one\n- two\n\n3. three\n4. four\n\n1) x")
    bullets, numbers, other = body.blocks
    assert isinstance(bullets, ListBlock) and bullets.kind is ListKind.BULLET
    assert [(i.marker, i.text) for i in bullets.items] == [("-", "one"), ("-", "two")]
    assert isinstance(numbers, ListBlock) and numbers.kind is ListKind.NUMBERED
    assert numbers.start == 3 and [i.marker for i in numbers.items] == ["3.", "4."]
    assert isinstance(other, ListBlock) and other.start == 1 and other.items[0].marker == "1)"
    assert body.summary() == "a list of 2, 2 numbered lists (3 points)"


def test_seed_001_bullets_with_blank_lines_between_are_one_list() -> None:
    body = read_body("Key areas were highlighted:\n\n- The Report.\n\n- The JFP.\n\nMembers.")
    assert [type(b).__name__ for b in body.blocks] == ["Paragraph", "ListBlock", "Paragraph"]
    points = body.blocks[1]
    assert isinstance(points, ListBlock) and [i.text for i in points.items] == [
        "The Report.",
        "The JFP.",
    ]


def test_lettered_points_follow_their_lead_in_and_run_across_blank_lines() -> None:
    body = read_body(
        "The Board agreed the following:\n(a) to establish the committees;\n"
        "(b) to appoint their chairs\nas set out in Appendix B;\n\n(c) to approve the SFIs."
    )
    lead, points = body.blocks
    assert lead == Paragraph((Run("The Board agreed the following:"),))
    assert isinstance(points, ListBlock) and points.kind is ListKind.LETTERED
    assert [(i.marker, i.text) for i in points.items] == [
        ("(a)", "to establish the committees;"),
        ("(b)", "to appoint their chairs\nas set out in Appendix B;"),
        ("(c)", "to approve the SFIs."),
    ]
    (from_c,) = read_body("(c) from c").blocks
    assert isinstance(from_c, ListBlock) and from_c.start == 3
    assert body.summary() == "a paragraph, a lettered list of 3"


def test_bold_and_what_is_not_bold() -> None:
    body = read_body("The Board **noted** the *report* and __this__ and 2 ** 3.")
    assert body.blocks == (
        Paragraph(
            (
                Run("The Board "),
                Run("noted", bold=True),
                Run(" the *report* and __this__ and 2 ** 3."),
            )
        ),
    )


def test_a_table_with_its_header_row() -> None:
    body = read_body(
        "| Name | ICB Board Member Type | Start of Term | End of Term |\n"
        "|---|---|---|---|\n"
        "| Andrew Blakeman | Non-Executive Member | 01/07/2022 | 30/06/2025 |\n"
        "| **Shirley Pointer** | Non-Executive Member | 01/07/2022 | 30/06/2024 |"
    )
    (table,) = body.blocks
    assert isinstance(table, Table) and table.columns == 4
    assert _text(table.header) == ["Name", "ICB Board Member Type", "Start of Term", "End of Term"]
    assert [_text(row) for row in table.rows] == [
        ["Andrew Blakeman", "Non-Executive Member", "01/07/2022", "30/06/2025"],
        ["Shirley Pointer", "Non-Executive Member", "01/07/2022", "30/06/2024"],
    ]
    assert table.rows[1][0] == (Run("Shirley Pointer", bold=True),)
    assert body.summary() == "a table of 2 rows"


def test_a_list_nested_one_level_and_deeper_printed_one_level_in() -> None:
    body = read_body("1. Committees\n   - Audit\n     - its members\n2. Chairs\n   (a) one")
    (numbers,) = body.blocks
    assert isinstance(numbers, ListBlock) and numbers.level == 0
    first, second = numbers.items
    (nested,) = first.then
    assert isinstance(nested, ListBlock) and nested.level == 1 and nested.items[0].text == "Audit"
    (deeper,) = nested.items[0].then
    assert isinstance(deeper, ListBlock) and deeper.level == 1
    (lettered,) = second.then
    assert isinstance(lettered, ListBlock) and lettered.kind is ListKind.LETTERED
    assert lettered.level == 1 and second.text == "Chairs"
    assert "a list nested more than one level in is printed one level in" in body.notes


def test_a_bullet_that_starts_with_a_letter_is_a_bullet_with_that_text() -> None:
    """Seed 003 prints its (c) to (j) as bullets whose text starts with the letter; the
    first line of a point is its own text, so "- (c) ..." is not read as a lettered
    list inside the bullet (once printed as typed, the bullet lost)."""
    body = read_body("- (c) To approve;\n- (g) To **appoint**:\n  - Caldicott Guardian\n")
    (bullets,) = body.blocks
    assert isinstance(bullets, ListBlock) and bullets.kind is ListKind.BULLET
    assert [item.text for item in bullets.items] == ["(c) To approve;", "(g) To appoint:"]
    assert bullets.items[1].runs[1] == Run("appoint", bold=True)
    (roles,) = bullets.items[1].then
    assert isinstance(roles, ListBlock) and roles.level == 1
    assert body.notes == ()


def test_a_decision_place_stands_alone_between_blocks() -> None:
    body = read_body("Discussed the plan.\n  [Decision 12]  \n- a point\n[decision 2] and more")
    assert body.blocks[1] == DecisionPlace(12, "[Decision 12]")
    assert isinstance(body.blocks[2], ListBlock)
    # Not alone on its line: text, kept in the point.
    assert body.blocks[2].items[0].text == "a point\n[decision 2] and more"
    assert [p.number for p in body.places] == [12]


# -- malformed, large and strange ----------------------------------------------------------


def test_an_unclosed_table_is_text_or_a_table_with_empty_cells() -> None:
    no_rule = read_body("| Name | Role |\n| Ann | Chair |")
    assert no_rule.blocks == (Paragraph((Run("| Name | Role |\n| Ann | Chair |"),)),)
    ragged = read_body("| Name | Role |\n|---|---|\n| Ann | Chair | 2022 | extra\n| Bob")
    (table,) = ragged.blocks
    assert isinstance(table, Table) and table.columns == 4  # the longer row is kept whole
    assert _text(table.header) == ["Name", "Role", "", ""]
    assert [_text(r) for r in table.rows] == [
        ["Ann", "Chair", "2022", "extra"],
        ["Bob", "", "", ""],
    ]


def test_a_list_inside_a_table_cell_stays_its_text() -> None:
    (table,) = read_body("| Points |\n|---|\n| - one - two |\n| 1. three |").blocks
    assert isinstance(table, Table)
    assert [_text(r) for r in table.rows] == [["- one - two"], ["1. three"]]


def test_ten_thousand_bullets_are_one_list_of_them_all() -> None:
    body = read_body("\n".join(f"- point {n}" for n in range(10_000)))
    (points,) = body.blocks
    assert isinstance(points, ListBlock) and len(points.items) == 10_000
    assert points.items[-1].text == "point 9999"
    assert body.summary() == "a list of 10,000"


def test_a_table_too_wide_for_a_page_is_printed_as_lines() -> None:
    header = "| " + " | ".join(f"H{n}" for n in range(200)) + " |"
    rule = "|" + "---|" * 200
    row = "| " + " | ".join(f"c{n}" for n in range(200)) + " |"
    body = read_body("\n".join([header, rule, row]))
    assert [type(b) for b in body.blocks] == [Paragraph, Paragraph]
    assert body.blocks[1].text.startswith("c0 | c1 | c2")  # type: ignore[union-attr]
    assert body.summary() == (
        f"2 paragraphs; a table of 200 columns is wider than a page takes ({WIDEST_TABLE}): "
        "its rows are printed as lines"
    )


def test_lists_nested_past_the_parser_limit_are_kept_as_typed() -> None:
    typed = "- " * 40 + "deep"
    body = read_body(typed)
    assert body.blocks == (Paragraph((Run(typed),)),)
    assert body.notes == ("some lines are printed as typed: their markup went too deep",)


def test_stray_bold_marks_and_empty_points() -> None:
    assert read_body("**noted").blocks == (Paragraph((Run("**noted"),)),)
    assert read_body("a ** b **").blocks[0].text == "a ** b **"  # type: ignore[union-attr]
    (points,) = read_body("-\n- \n-").blocks
    assert isinstance(points, ListBlock) and [i.text for i in points.items] == ["", "", ""]
    assert read_body("").blocks == () and read_body(" \n\n ").summary() == ""


PIECES = [*"ab1(). -*|:\n\t[]_", "**", "\n\n", "|---|", "(a) ", "1. ", "- ", "  ", "[decision 1]"]
MARKUP_TEXT = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


def _in_order(wanted: str, have: str) -> bool:
    rest = iter(have)
    return all(ch in rest for ch in wanted)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MARKUP_TEXT)
@example("- " * 40 + "x")
@example("| a |\n|---|\n| b | c | d |")
@example("1. a\n   (a) b\n      - c\n        | x |\n        |---|\n        | y | z |")
@example("[decision 1]\n[decision 1]\n(a)(b) (c)\n**")
def test_every_character_typed_is_in_the_tree_in_order(typed: str) -> None:
    """Property: the body never drops a character the secretary typed (bar spaces, and
    the ``*`` and ``|`` markup is made of, and a table's row of dashes)."""
    body = read_body(typed)
    assert isinstance(body, Body)
    assert _in_order(content(typed), content(body.text()))
    assert not (set(content(typed)) & MARKUP)


# -- decisions in their place --------------------------------------------------------------


def _decision(position: int, text: str, verb: DecisionVerb = DecisionVerb.RESOLVED) -> Decision:
    return Decision(verb=verb, text=text, position=position)


def test_decisions_take_their_places_and_the_rest_follow_the_body() -> None:
    minute = Minute(
        item=6,
        narrative="The report was presented.\n[decision 1]\n[decision 3]\nMembers asked.",
        decisions=(_decision(1, "First"), _decision(2, "Second"), _decision(3, "Third")),
    )
    layout = lay_out(minute)
    assert layout.parts[1] == Decisions((minute.decisions[0], minute.decisions[2]))
    assert isinstance(layout.parts[2], Paragraph) and layout.parts[2].text == "Members asked."
    assert layout.unplaced == (minute.decisions[1],)
    assert [d.text for d in layout.in_print_order] == ["First", "Third", "Second"]
    assert layout.summary() == "2 paragraphs; decisions 1 and 3 in place"


def test_a_place_naming_no_decision_or_placed_twice_is_printed_as_typed() -> None:
    # Decision 2 was deleted: decision 3 keeps its number.
    minute = Minute(
        item=1,
        narrative="[decision 2]\n[decision 3]\nText\n[decision 3]",
        decisions=(_decision(1, "First"), _decision(3, "Third")),
    )
    layout = lay_out(minute)
    assert layout.parts[0] == Paragraph((Run("[decision 2]"),))
    assert layout.parts[1] == Decisions((minute.decisions[1],))
    assert layout.parts[-1] == Paragraph((Run("[decision 3]"),))
    assert layout.unplaced == (minute.decisions[0],)
    assert layout.notes == (
        "[decision 2] names no decision of the item: printed as typed",
        "[decision 3] is placed twice: printed as typed",
    )


def test_decisions_not_yet_stored_are_numbered_by_their_place_in_the_list() -> None:
    minute = Minute(
        item=1,
        narrative="[decision 2]",
        decisions=(Decision(text="One"), Decision(text="Two")),
    )
    assert lay_out(minute).placed == (minute.decisions[1],)


# -- labels ------------------------------------------------------------------------------


def test_numbered_per_verb_within_each_item_a_single_point_unnumbered() -> None:
    labeller = DecisionLabeller(DecisionLabels.NUMBERED)
    resolved = [_decision(n, f"r{n}") for n in (1, 2, 3)]
    noted = _decision(4, "n", DecisionVerb.NOTED)
    labeller.item([*resolved, noted])
    assert [labeller.label(d) for d in [*resolved, noted]] == [
        Label(DecisionLabels.NUMBERED, 1),
        Label(DecisionLabels.NUMBERED, 2),
        Label(DecisionLabels.NUMBERED, 3),
        None,
    ]
    labeller.item(resolved[:2])  # the next item starts again at 1
    assert [labeller.label(d).text for d in resolved[:2]] == ["1.", "2."]  # type: ignore[union-attr]


def test_lettered_through_the_meeting() -> None:
    labeller = DecisionLabeller(DecisionLabels.LETTERED)
    labeller.item([_decision(1, "a")])
    assert labeller.label(_decision(1, "a")) == Label(DecisionLabels.LETTERED, 1)
    labeller.item([_decision(1, "b"), _decision(2, "c")])
    texts = [labeller.label(_decision(n, t)).text for n, t in ((1, "b"), (2, "c"))]  # type: ignore[union-attr]
    assert texts == ["(b)", "(c)"]
    assert [letters(n) for n in (1, 10, 26, 27, 28, 52, 53)] == [
        "a",
        "j",
        "z",
        "aa",
        "ab",
        "az",
        "ba",
    ]
