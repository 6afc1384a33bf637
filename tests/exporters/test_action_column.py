"""The NHS minutes' Action column (exporters/nhs.py), read back from the .docx XML: an
item's cell is split into rows after each place "[action 3]" in its body, so that who is
to act stands beside the paragraph or point that raised the action, as seed 003 prints
"COSACS", "Michelle Summers" and "Ross Graves / COSACS"; the No. cell is blank below the
item's first row; an action with no place is minuted as before; the council minutes
print a placed action's paragraph at its place (docs/minutes.md, docs/actions.md)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn

from minutebook.domain.actions import Action
from minutebook.domain.snapshot import MinutesSnapshot
from minutebook.exporters.common import save_document
from minutebook.exporters.council import render_council_minutes
from minutebook.exporters.nhs import render_nhs_minutes
from minutebook.store import Store
from tests.exporters.record import change, with_fields

DAY = date(2022, 7, 1)

ITEM_6 = """Initial meetings of the various Committees have been set up for July and August.

There will be engagement with Partner Board Members outside of the meeting to agree \
partner membership of committees and an update will be reported to the Board on 29 July.
[action 2]

OK queried why some Committees had a very small number of members."""

ITEM_8 = """There was a general discussion on the Plan, and the following was stated:

- Place-based reporting will start within the 60 days;
- It was felt that this could give the impression of a fresh start;
[action 3]
- There is good collaboration across the system between mental health providers.
[action 4]

The members noted that the ICB 100 Day Plan would be shared with all ICB staff."""


def _action(number: int, item: int, owner: str, mark: str | None = None) -> Action:
    return Action(
        committee="ICB",
        number=number,
        meeting_date=DAY,
        item=item,
        description=f"The action numbered {number}",
        owner=owner,
        mark=mark,
    )


@pytest.fixture(scope="module")
def marked(demo_reader: Store) -> MinutesSnapshot:
    """The ICB minutes of 1 July 2022 with item 6 and 8's bodies placing actions 2, 3
    and 4; action 1 (item 4) placed nowhere; Maria Wogan's own mark COSACS."""
    snapshot = demo_reader.minutes_snapshot(demo_reader.meeting_on("ICB", DAY).id or 0)
    (item_4,) = (m for m in snapshot.record.minutes if m.item == 4)
    bodies = {4: item_4.narrative.replace("[action 1]", ""), 6: ITEM_6, 8: ITEM_8}
    minutes = tuple(
        m.model_copy(update={"narrative": bodies[m.item]}) if m.item in bodies else m
        for m in snapshot.record.minutes
    )
    people = tuple(
        p.model_copy(update={"action_mark": "COSACS" if p.id == "wogan" else None})
        for p in snapshot.people
    )
    actions = (
        _action(1, 4, "wogan"),
        _action(2, 6, "wogan"),
        _action(3, 8, "summers"),
        _action(4, 8, "graves", mark="Ross Graves / COSACS"),
    )
    return with_fields(change(snapshot, minutes=minutes), people=people, actions=actions)


def _reopen(build: Any, tmp_path: Path) -> Any:
    return docx.Document(str(save_document(build, tmp_path / "minutes.docx")))


def _item_rows(document: Any) -> dict[str, list[tuple[str, list[str], str]]]:
    """Each item's rows of the Minutes table: (No., the cell's paragraphs, Action)."""
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "No.")
    items: dict[str, list[tuple[str, list[str], str]]] = {}
    current = ""
    for row in table.rows[1:]:
        number, item, action = row.cells
        current = number.text or current
        items.setdefault(current, []).append(
            (number.text, [p.text for p in item.paragraphs], action.text)
        )
    return items


def test_the_mark_stands_beside_the_point_that_raised_the_action(
    marked: MinutesSnapshot, tmp_path: Path
) -> None:
    rows = _item_rows(_reopen(render_nhs_minutes(marked), tmp_path))
    item8 = rows["8."]
    assert [(number, action) for number, _, action in item8] == [
        ("8.", ""),
        ("", "Michelle Summers"),  # not in the attendance tables: her name
        ("", "Ross Graves / COSACS"),  # the action's own mark
        ("", ""),
    ]
    first, felt, collaboration, rest = (paragraphs for _, paragraphs, _ in item8)
    assert first == [  # the heading, and what raised no action, in the item's first row
        "100 Day Plan",
        "There was a general discussion on the Plan, and the following was stated:",
        "Place-based reporting will start within the 60 days;",
    ]
    # Each point that raised an action in a row of its own, beside who is to act; a row
    # after the first starts with its text, not a blank line.
    assert felt == ["It was felt that this could give the impression of a fresh start;"]
    assert collaboration == [
        "There is good collaboration across the system between mental health providers."
    ]
    assert (
        rest[0] == "The members noted that the ICB 100 Day Plan would be shared with all ICB staff."
    )
    # The action is not pushed into the text: its place holds it.
    text = "\n".join(p for _, paragraphs, _ in item8 for p in paragraphs)
    assert "Action 3" not in text and "Action 4" not in text and "[action" not in text


def test_the_points_of_a_list_split_by_a_place_are_still_word_list_points(
    marked: MinutesSnapshot, tmp_path: Path
) -> None:
    document = _reopen(render_nhs_minutes(marked), tmp_path)
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "No.")
    numbered = [
        p.text
        for row in table.rows
        for p in row.cells[1].paragraphs
        if p._p.pPr is not None and p._p.pPr.numPr is not None
    ]
    assert "There is good collaboration across the system between mental health providers." in (
        numbered
    )
    assert "It was felt that this could give the impression of a fresh start;" in numbered


def test_a_person_s_own_mark_and_an_action_placed_nowhere(
    marked: MinutesSnapshot, tmp_path: Path
) -> None:
    rows = _item_rows(_reopen(render_nhs_minutes(marked), tmp_path))
    # Item 6: the paragraph that raised action 2 has Maria Wogan's own mark beside it.
    assert [(number, action) for number, _, action in rows["6."]] == [
        ("6.", ""),
        ("", "COSACS"),
        ("", ""),
    ]
    (raised,) = rows["6."][1][1]
    assert raised.startswith("There will be engagement with Partner Board Members")
    # Item 4's action has no place: one row, its owner beside it and its line at the end,
    # as always.
    ((number, paragraphs, action),) = rows["4."]
    assert (number, action) == ("4.", "COSACS")
    assert paragraphs[-1] == "Action 1: The action numbered 1 (Maria Wogan)"


def test_without_marks_or_places_the_column_is_as_it_was(
    marked: MinutesSnapshot, tmp_path: Path
) -> None:
    people = tuple(p.model_copy(update={"action_mark": None}) for p in marked.people)
    actions = tuple(a.model_copy(update={"mark": None}) for a in marked.actions)
    bare = change(
        with_fields(marked, people=people, actions=actions),
        minutes=tuple(
            m.model_copy(update={"narrative": m.narrative.replace("[action 3]\n", "")})
            for m in marked.record.minutes
        ),
    )
    rows = _item_rows(_reopen(render_nhs_minutes(bare), tmp_path))
    assert rows["4."][0][2] == "MW"  # initials, keyed in the attendance tables
    # Action 3 placed nowhere now: beside the item's last row, its line at its end.
    assert [action for _, _, action in rows["8."]] == ["", "RG", "Michelle Summers"]
    assert rows["8."][-1][1][-1] == "Action 3: The action numbered 3 (Michelle Summers)"


def test_the_council_minutes_print_a_placed_action_at_its_place(
    marked: MinutesSnapshot, tmp_path: Path
) -> None:
    document = _reopen(render_council_minutes(marked), tmp_path)
    texts = [p.text for p in document.paragraphs]
    at = texts.index("It was felt that this could give the impression of a fresh start;")
    assert texts[at + 1] == "Action 3: The action numbered 3 (M Summers)"  # council style
    after = texts.index(
        "There is good collaboration across the system between mental health providers."
    )
    assert texts[after + 1] == "Action 4: The action numbered 4 (Ross Graves / COSACS)"
    assert texts.count("Action 4: The action numbered 4 (Ross Graves / COSACS)") == 1
    bold = document.paragraphs[at + 1].runs[0]
    assert bold.text == "Action 3:" and bold.bold
    assert qn("w:numPr") not in {c.tag for c in document.paragraphs[at + 1]._p.iter()}


def test_a_lettered_point_that_raised_an_action_keeps_its_letter_in_its_own_row(
    marked: MinutesSnapshot, tmp_path: Path
) -> None:
    body = "The Board agreed:\n(a) to meet monthly;\n(b) to publish its papers;\n[action 3]"
    lettered = change(
        marked,
        minutes=tuple(
            m.model_copy(update={"narrative": body}) if m.item == 8 else m
            for m in marked.record.minutes
        ),
    )
    document = _reopen(render_nhs_minutes(lettered), tmp_path)
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "No.")
    row = next(r for r in table.rows if r.cells[1].text == "to publish its papers;")
    assert row.cells[2].text == "Michelle Summers"
    (point,) = row.cells[1].paragraphs
    num_id = point._p.pPr.numPr.numId.val
    numbering = document.part.numbering_part.element
    num = next(n for n in numbering.findall(qn("w:num")) if int(n.get(qn("w:numId"))) == num_id)
    start = num.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}")
    assert start is not None and start.get(qn("w:val")) == "2"  # printed (b), not (a)


def test_an_imported_action_stands_under_the_same_minute_in_both_styles(
    marked: MinutesSnapshot, tmp_path: Path
) -> None:
    """An action with no item, imported from a tracker that cites the minute as "4.",
    is printed under item 4 by the council minutes as by the NHS minutes, not listed
    among the actions no minute holds."""
    cited = marked.actions[0].model_copy(update={"item": None, "minute": "4."})
    imported = with_fields(marked, actions=(cited, *marked.actions[1:]))
    line = "Action 1: The action numbered 1"
    rows = _item_rows(_reopen(render_nhs_minutes(imported), tmp_path))
    assert rows["4."][-1][1][-1].startswith(line)
    (tmp_path / "council").mkdir()
    council = _reopen(render_council_minutes(imported), tmp_path / "council")
    texts = [p.text for p in council.paragraphs]
    assert "Actions Agreed" not in texts
    assert sum(t.startswith(line) for t in texts) == 1
