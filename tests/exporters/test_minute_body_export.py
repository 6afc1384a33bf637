"""The minute body in Word (exporters/minute_body.py), read back from the .docx XML: lists
are Word list paragraphs with numbering (bullets, numbers, letters, nested one level),
bold is a bold run, a table has a marked header row, in both house styles (in the NHS
minutes inside the item's cell); decisions print where the body places them, labelled
as the committee labels them; malformed markup still makes a valid document."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn

from minutebook.domain.labels import DecisionLabels
from minutebook.domain.snapshot import MinutesSnapshot
from minutebook.exporters.common import Build, save_document
from minutebook.exporters.council import render_council_minutes
from minutebook.exporters.nhs import render_nhs_minutes
from minutebook.store import Store
from tests.exporters.record import change, with_fields

RICH = """The Board received the report. Key points were **noted**:

- the plan was agreed in principle;
- the risks were discussed
  - the finance risk;
  - the workforce risk.

3. Third point
4. Fourth point

The Board agreed the following:
(a) to establish the committees;
(b) to appoint their chairs.

[decision 1]

| Name | ICB Board Member Type | Start of Term | End of Term |
|---|---|---|---|
| Andrew Blakeman | Non-Executive Member | 01/07/2022 | 30/06/2025 |
| **Shirley Pointer** | Non-Executive Member | 01/07/2022 | 30/06/2024 |

Members asked about the timetable."""


def _snapshot(store: Store, code: str, day: date) -> MinutesSnapshot:
    return store.minutes_snapshot(store.meeting_on(code, day).id or 0)


def _with_body(snapshot: MinutesSnapshot, item: int, narrative: str) -> MinutesSnapshot:
    minutes = tuple(
        m.model_copy(update={"narrative": narrative}) if m.item == item else m
        for m in snapshot.record.minutes
    )
    return change(snapshot, minutes=minutes)


def _labelled(snapshot: MinutesSnapshot, labels: DecisionLabels) -> MinutesSnapshot:
    committee = snapshot.membership.committee.model_copy(update={"decision_labels": labels})
    membership = snapshot.membership.model_copy(update={"committee": committee})
    return with_fields(snapshot, membership=membership)


@pytest.fixture(scope="module")
def council(demo_reader: Store) -> MinutesSnapshot:
    return _with_body(_snapshot(demo_reader, "HCP", date(2023, 6, 13)), 6, RICH)


@pytest.fixture(scope="module")
def nhs(demo_reader: Store) -> MinutesSnapshot:
    return _with_body(_snapshot(demo_reader, "ICB", date(2022, 7, 1)), 6, RICH)


def _reopen(build: Build, tmp_path: Path) -> Any:
    """Saved and opened again: what Word would read."""
    return docx.Document(str(save_document(build, tmp_path / "minutes.docx")))


def _numbering(document: Any, paragraph: Any) -> tuple[str, str, int] | None:
    """The list a paragraph is a point of: the format and text of its level and the
    number its list starts at; from the paragraph's numbering, else its style's."""
    p_pr = paragraph._p.pPr
    num_pr = p_pr.numPr if p_pr is not None else None
    if num_pr is None:
        style_pr = paragraph.style.element.pPr
        num_pr = style_pr.numPr if style_pr is not None else None
    if num_pr is None or num_pr.numId is None:
        return None
    ilvl = num_pr.ilvl.val if num_pr.ilvl is not None else 0
    numbering = document.part.numbering_part.element
    num = numbering.num_having_numId(num_pr.numId.val)
    abstract = next(
        a
        for a in numbering.findall(qn("w:abstractNum"))
        if a.get(qn("w:abstractNumId")) == str(num.abstractNumId.val)
    )
    level = next(lvl for lvl in abstract.findall(qn("w:lvl")) if lvl.get(qn("w:ilvl")) == str(ilvl))
    start = 1
    for override in num.findall(qn("w:lvlOverride")):
        found = override.find(qn("w:startOverride"))
        if override.get(qn("w:ilvl")) == str(ilvl) and found is not None:
            start = int(found.get(qn("w:val")))
    fmt = level.find(qn("w:numFmt")).get(qn("w:val"))
    return fmt, level.find(qn("w:lvlText")).get(qn("w:val")), start


def _paragraph(paragraphs: list[Any], text: str) -> Any:
    return next(p for p in paragraphs if p.text == text)


def _header_row(table: Any) -> list[str]:
    tr_pr = table.rows[0]._tr.trPr
    assert tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None
    return [cell.text for cell in table.rows[0].cells]


# -- council style: in the document -------------------------------------------------------


def test_council_lists_are_word_lists(council: MinutesSnapshot, tmp_path: Path) -> None:
    document = _reopen(render_council_minutes(council), tmp_path)
    paragraphs = document.paragraphs
    bullet = _paragraph(paragraphs, "the plan was agreed in principle;")
    assert bullet.style.name == "List Bullet"
    assert _numbering(document, bullet)[0] == "bullet"  # type: ignore[index]
    nested = _paragraph(paragraphs, "the finance risk;")
    assert nested.style.name == "List Bullet 2"
    assert _numbering(document, nested)[0] == "bullet"  # type: ignore[index]
    third = _paragraph(paragraphs, "Third point")
    assert third.style.name == "List Number"
    assert _numbering(document, third) == ("decimal", "%1.", 3)  # starts where typed
    fourth = _paragraph(paragraphs, "Fourth point")
    assert fourth._p.pPr.numPr.numId.val == third._p.pPr.numPr.numId.val  # one list
    lettered = _paragraph(paragraphs, "to establish the committees;")
    assert _numbering(document, lettered) == ("lowerLetter", "(%1)", 1)
    # Nothing typed as markup is left in the text.
    assert not any(p.text.startswith(("- ", "3. ", "(a) ", "|")) for p in paragraphs)


def test_council_bold_runs(council: MinutesSnapshot, tmp_path: Path) -> None:
    document = _reopen(render_council_minutes(council), tmp_path)
    lead = _paragraph(document.paragraphs, "The Board received the report. Key points were noted:")
    assert [(r.text, bool(r.bold)) for r in lead.runs] == [
        ("The Board received the report. Key points were ", False),
        ("noted", True),
        (":", False),
    ]


def test_council_table_with_a_marked_header(council: MinutesSnapshot, tmp_path: Path) -> None:
    document = _reopen(render_council_minutes(council), tmp_path)
    (table,) = document.tables
    assert _header_row(table) == ["Name", "ICB Board Member Type", "Start of Term", "End of Term"]
    assert [c.text for c in table.rows[2].cells] == [
        "Shirley Pointer",
        "Non-Executive Member",
        "01/07/2022",
        "30/06/2024",
    ]
    assert table.rows[2].cells[0].paragraphs[0].runs[0].bold
    caption = table._tbl.tblPr.find(qn("w:tblCaption"))
    assert caption is not None and "ICB Board Member Type" in caption.get(qn("w:val"))


def test_council_decision_in_its_place_and_the_rest_after(
    council: MinutesSnapshot, tmp_path: Path
) -> None:
    document = _reopen(render_council_minutes(council), tmp_path)
    texts = [p.text for p in document.paragraphs]
    start = texts.index("HCP6 MK Deal Update")
    section = texts[start : texts.index("HCP7 Date of the Next Meeting")]
    placed = section.index("Noted, the update report on the first six months of the MK Deal")
    assert section[placed - 1] == "RESOLVED:"
    assert section[placed - 2] == "to appoint their chairs."
    after = section.index("Members asked about the timetable.")
    assert placed < after
    assert section[after + 1] == "RESOLVED:"
    # Numbered through the item: the points after the body go on from 2.
    second = _paragraph(document.paragraphs, section[after + 2])
    assert second.text.startswith("Agreed, the recommendation of the Joint Leadership Team")
    assert _numbering(document, second) == ("decimal", "%1.", 2)
    first = _paragraph(document.paragraphs, section[placed])
    assert _numbering(document, first) == ("decimal", "%1.", 1)


def test_council_committee_that_letters_its_decisions(
    council: MinutesSnapshot, tmp_path: Path
) -> None:
    document = _reopen(
        render_council_minutes(_labelled(council, DecisionLabels.LETTERED)), tmp_path
    )
    paragraphs = document.paragraphs
    hcp2 = _paragraph(
        paragraphs,
        "That the Minutes of the meeting of the Health and Care Partnership held on "
        "22 February 2023 be approved and signed by the Chair as a correct record.",
    )
    assert _numbering(document, hcp2) == ("lowerLetter", "(%1)", 1)  # (a), even alone
    hcp5 = next(p for p in paragraphs if p.text.startswith("Having reviewed the Draft Joint"))
    assert _numbering(document, hcp5) == ("lowerLetter", "(%1)", 2)  # (b) to (d)
    placed = _paragraph(
        paragraphs, "Noted, the update report on the first six months of the MK Deal"
    )
    assert _numbering(document, placed) == ("lowerLetter", "(%1)", 5)  # (e), in HCP6's body


# -- NHS style: inside the item's cell ------------------------------------------------------


def _item_cell(document: Any, number: str) -> Any:
    minutes = next(t for t in document.tables if t.rows[0].cells[0].text == "No.")
    return next(r.cells[1] for r in minutes.rows if r.cells[0].text == number)


def test_nhs_lists_bold_and_table_inside_the_item_cell(
    nhs: MinutesSnapshot, tmp_path: Path
) -> None:
    document = _reopen(render_nhs_minutes(nhs), tmp_path)
    cell = _item_cell(document, "6.")
    paragraphs = cell.paragraphs
    bullet = _paragraph(paragraphs, "the plan was agreed in principle;")
    assert _numbering(document, bullet) == ("bullet", "•", 1)
    nested = _paragraph(paragraphs, "the finance risk;")
    assert nested._p.pPr.numPr.ilvl.val == 1
    assert _numbering(document, _paragraph(paragraphs, "Fourth point"))[:2] == ("decimal", "%1.")  # type: ignore[index]
    assert _numbering(document, _paragraph(paragraphs, "to appoint their chairs."))[0] == (  # type: ignore[index]
        "lowerLetter"
    )
    lead = _paragraph(paragraphs, "The Board received the report. Key points were noted:")
    assert [bool(r.bold) for r in lead.runs] == [False, True, False]
    (inner,) = cell.tables
    assert _header_row(inner) == ["Name", "ICB Board Member Type", "Start of Term", "End of Term"]
    assert len(inner.rows) == 3
    assert inner.rows[1].cells[0].text == "Andrew Blakeman"


def test_nhs_decision_placed_and_lettered_through_the_meeting(
    nhs: MinutesSnapshot, tmp_path: Path
) -> None:
    document = _reopen(render_nhs_minutes(nhs), tmp_path)
    texts = [p.text for p in _item_cell(document, "6.").paragraphs]
    placed = next(n for n, t in enumerate(texts) if t.startswith("(a) To establish the seven"))
    assert texts[placed - 1] == "The Board agreed the following:"
    assert texts.index("Members asked about the timetable.") < texts.index(
        next(t for t in texts if t.startswith("(b) To appoint the Chairs"))
    )
    item7 = [p.text for p in _item_cell(document, "7.").paragraphs]
    assert any(t.startswith("(h) Conflicts of Interest Management") for t in item7)


def test_nhs_committee_that_numbers_its_decisions(nhs: MinutesSnapshot) -> None:
    document = render_nhs_minutes(_labelled(nhs, DecisionLabels.NUMBERED)).document
    item6 = [p.text for p in _item_cell(document, "6.").paragraphs]
    assert any(t.startswith("1. To establish the seven") for t in item6)
    assert any(t.startswith("2. To appoint the Chairs") for t in item6)
    item7 = [p.text for p in _item_cell(document, "7.").paragraphs]
    assert any(t.startswith("1. Conflicts of Interest Management") for t in item7)


# -- malformed and large ----------------------------------------------------------------------

WIDE = "\n".join(
    [
        "| " + " | ".join(f"H{n}" for n in range(200)) + " |",
        "|" + "---|" * 200,
        "| " + " | ".join(f"c{n}" for n in range(200)) + " |",
    ]
)
MALFORMED = (
    "| Name | Role |\n|---|---|\n| Ann | Chair | 2022 |\n| - a list | in a cell\n\n"
    + WIDE
    + "\n\n**stray\n\n"
    + "\n".join(f"- point {n}" for n in range(2_000))
)


@pytest.mark.parametrize("render", [render_council_minutes, render_nhs_minutes])
def test_malformed_markup_still_exports_every_word(
    demo_reader: Store, render: Any, tmp_path: Path
) -> None:
    code, day = (
        ("HCP", date(2023, 6, 13))
        if render is render_council_minutes
        else ("ICB", date(2022, 7, 1))
    )
    snapshot = _with_body(_snapshot(demo_reader, code, day), 3, MALFORMED)
    build = render(snapshot)
    document = _reopen(build, tmp_path)
    body = document.element.body
    text = "".join(t.text or "" for t in body.iter(qn("w:t")))
    for word in ("Ann", "Chair", "2022", "- a list", "in a cell", "H199", "c199", "**stray"):
        assert word in text
    assert all(f"point {n}" in text for n in (0, 999, 1_999))
    points = [
        p
        for p in body.iter(qn("w:p"))
        if re.fullmatch(r"point \d+", "".join(t.text or "" for t in p.iter(qn("w:t"))))
    ]
    assert len(points) == 2_000
    assert all(p.find(qn("w:pPr")) is not None for p in points)
    assert any("200 columns" in warning for warning in build.warnings)
    # The table typed with a row longer than its header is a table of 3 columns; the
    # table of 200 columns is lines of text, never a table wider than a page takes.
    assert max(len(g.findall(qn("w:gridCol"))) for g in body.iter(qn("w:tblGrid"))) <= 12


def test_a_template_without_list_styles_still_gets_real_lists(
    council: MinutesSnapshot, tmp_path: Path
) -> None:
    """A committee's template with no List Bullet or List Number styles: the points
    are still Word lists, numbered by Minutebook's own numbering, and said."""
    template = docx.Document()
    styles = template.styles.element
    for style in list(styles):
        name = style.find(qn("w:name"))
        if name is not None and name.get(qn("w:val")).startswith(("List Bullet", "List Number")):
            styles.remove(style)
    template.save(str(tmp_path / "house.docx"))
    build = render_council_minutes(council, template=tmp_path / "house.docx")
    assert any("List Bullet" in warning for warning in build.warnings)
    document = _reopen(build, tmp_path)
    bullet = _paragraph(document.paragraphs, "the plan was agreed in principle;")
    assert _numbering(document, bullet) == ("bullet", "•", 1)
    nested = _paragraph(document.paragraphs, "the finance risk;")
    assert nested._p.pPr.numPr.ilvl.val == 1
    assert _numbering(document, _paragraph(document.paragraphs, "Third point")) == (
        "decimal",
        "%1.",
        3,
    )


def test_a_tables_columns_share_its_width_by_what_they_hold() -> None:
    """Seed 003's appointments: names and member types get room, dates what they need."""
    from minutebook.exporters.minute_body import column_weights

    weights = column_weights(
        ["Name", "ICB Board Member Type", "Start of Term", "End of Term"],
        [
            [
                "Ross Graves – Executive Director, Central and North West London Foundation Trust",
                "BLMK NHS Trusts/FTs Partner Member",
                "01/07/2022",
                "30/06/2025",
            ],
            ["Dean Westcott", "Chief Finance Officer", "01/07/2022", "N/A"],
        ],
    )
    assert weights[0] >= weights[1] > weights[2] == weights[3]
    assert weights[2] >= len("01/07/2022")  # a date is never broken across lines
    assert column_weights(["A"], [[""]]) == [5.0]
