"""The demo's agendas against the seed papers, item by item, text and order
(docs/agenda.md):

- the Health and Care Partnership's agenda of 20 September 2023 (council style) against
  seed 001's front sheet (001_45b3c6e399eb9f47.txt, the first page and "Agenda");
- the ICB Board's agenda of 29 July 2022 (NHS style) against seed 003's agenda table
  (003_cc34a956bd17dc4b.txt, its first lines), section rows and the resolution after it.

The seeds are text extracted from PDFs. `SEED_001` and `SEED_003` below are the seeds'
agendas as printed, read where the extraction is illegible as follows:

seed 001
- Item 4's wording is one flattened line ("BLMK ICB Report Annex A: ... Presentation:
  BLMK ICB Final Structure"): read as its three lines.
- Item 6 breaks its wording over two cells ("health inequalities\\tfunding") and item 8
  its last figure ("2023 - 202\\t5"): read as "health inequalities funding" and
  "2023 - 2025".
- The papers of 2(a) and 2(b) ("(Pages 5 - 10)", "(Pages 11 - 12)") are extracted after
  item 9: read beside their items (the minutes are pages 5-10 of the pack, the tracker
  11-12).

seed 003
- Items 12 to 21 lost their numbers in a table flattened across the page: numbered from
  the papers' own headings (12. Strategic Risk Management, 13. People Board Update,
  15. Finance Plan) and the table's order.
- "Strateg\\ty – 10.25 – 11.50" is one word split over two cells: "Strategy".
- Item 21's questions are printed twice in the extraction: once legibly without the
  title, once after "Committee Effectiveness -" garbled ("What worked well / did you
  enjoy from today's meeting?" twice, "What worked well as expected or raised concerns
  with you?" for "What didn't work as well as expected ..."): read as the title, then
  the legible questions.
- "4 th July", "30 th September" are superscripts extracted with a space: "4th", "30th".

What the demo prints that the seeds do not, and why, is `KEPT_001` and `KEPT_003`: each
seed line (or run of lines) with the demo's lines instead. Everything else is compared
word for word (spaces made single).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from minutebook.exporters.agenda import render_agenda
from minutebook.exporters.common import save_document
from minutebook.store import Store

SEED_001 = [
    "HEALTH & CARE PARTNERSHIP",
    "FORMERLY THE HEALTH AND WELLBEING BOARD",
    "When: Wednesday 20 September 2023 at 14:00",
    "Where: Room 1.02, Civic, 1 Saxon Gate East, Milton Keynes, MK9 3EK This meeting will "
    "not be live streamed, but a recording of the meeting will be available on YouTube as "
    "soon as practical after the meeting.",
    "Enquiries",
    "Please contact Andrew Clayton on 01908 252046 or andrew.clayton@milton-keynes.gov.uk",
    "For more information about attending or participating in a meeting please see overleaf",
    "Agenda",
    "1. Welcome, Introductions and Apologies",
    "2(a) Minutes (Pages 5 - 10)",
    "To approve, and the Chair to sign as a correct record, the Minutes of the meeting of "
    "the Partnership held on Tuesday 13 June 2023.",
    "2(b) Actions Arising (Pages 11 - 12)",
    "To consider the Health and Care Partnership Tracker 2022/23 and information regarding "
    "actions agreed at previous meetings.",
    "3. Disclosures of Interest",
    "Councillors to declare any disclosable pecuniary interests, other registerable "
    "interests, or non-registerable interests (including other pecuniary interests) they "
    "may have in the business to be transacted, and officers to declare any interests they "
    "may have in any contract to be considered.",
    "4. Integrated Care Board (ICB) Report (Pages 13 - 64)",
    "To consider:",
    "BLMK ICB Report",
    "Annex A: Target Operating Model consultation and organizational structure",
    "Presentation: BLMK ICB Final Structure",
    "5. Bletchley Pathfinder (neighbourhood working) (Pages 65 - 76)",
    "To consider the Bletchley Pathfinder proposal",
    "6. Health Inequalities Funding (Pages 77 - 80)",
    "To consider, recommendations for the use of health inequalities funding",
    "7. A Spotlight on the Progress of the MK Deal (Pages 81 - 92)",
    "To consider, progress on active MK Deal priorities:",
    "a. Improving System Flow",
    "b. Reducing Obesity",
    "c. Children and Young People's Mental Health",
    "8. The Better Care Fund (Pages 93 - 108)",
    "To consider, the Milton Keynes Better Care Fund Plan 2023 - 2025",
    "9. Date of the Next Meeting",
    "To note, the next meeting of the Health and Care Partnership is scheduled to take "
    "place on Wednesday 8 November at 2.00 p.m.",
]
"""Seed 001's front sheet and agenda, as printed (the public participation page between
them left out: see KEPT_001)."""

KEPT_001: list[tuple[list[str], list[str], str]] = [
    (
        ["HEALTH & CARE PARTNERSHIP"],
        ["MILTON KEYNES HEALTH AND CARE PARTNERSHIP"],
        "the committee's name as stored; its minutes use it too",
    ),
    (
        [SEED_001[3]],
        ["Where: Room 1.02, Civic, 1 Saxon Gate East, Milton Keynes, MK9 3EK"],
        "the venue; whether a meeting is streamed is not kept",
    ),
    (
        ["For more information about attending or participating in a meeting please see overleaf"],
        [],
        "the council's page on public attendance, webcasting and recording is its own "
        "boilerplate, not the committee's agenda",
    ),
    (
        SEED_001[9:13],
        [
            "2. (a) Minutes; (b) Actions Arising (2(a) Pages 5 - 10; 2(b) Pages 11 - 12)",
            "(a) " + SEED_001[10],
            "(b) " + SEED_001[12],
        ],
        "agenda items have whole numbers: 2(a) and 2(b) are one item 2, each wording kept",
    ),
]

SEED_003_FRONT = [
    "Board of the Integrated Care Board",
    "29 July 2022",
    "Date: 29 July 2022 Time: 10:00 to 12:30",
    "Venue: Central Beds. Council, Priory House, Chicksands, Shefford, Beds. SG17 5TQ",
    "Meeting: Board of the Integrated Care Board in Public",
    "Agenda",
]
"""Seed 003's first lines, before its agenda table."""

SEED_003_TABLE = [
    ("No.", "Agenda Item", "Lead", "Purpose"),
    ("Opening Actions – 10.00 – 10.25",),
    ("1.", "Welcome, Introductions and Apologies", "Chair", "-"),
    ("2.", "Relevant Persons Disclosure of Interests Register of Interests", "Chair",
     "Decision or Approval"),
    ("3.", "Approval of Minutes and Matters Arising", "", "Decision or Approval"),
    ("4.", "Review of Action Tracker - Board Appointments Update - Update of 100 Day Plan",
     "Chief Executive", "Decision or Approval"),
    ("5.", "Chair's Report (verbal)", "Chair", "Discussion"),
    ("6.", "Chief Executive's Report (verbal)", "Chief Executive", "Discussion"),
    ("7.", "Resident's Story To discuss and agree an approach to hearing residents' stories "
     "at future Board meetings (verbal)", "Chair", "Discussion"),
    ("Strategy – 10.25 – 11.50",),
    ("8.", "Integrated Care Strategy", "Interim Chief Transformation Officer", "Discussion"),
    ("9.", "Next Steps for Integrating Primary Care: Fuller Stocktake", "Chief Executive",
     "Decision or Approval"),
    ("10.", "Milton Keynes (MK) Together Health and Care Partnership – MK \"Deal\"",
     "Chief Executive, Milton Keynes Council", "Decision or Approval"),
    ("11.", "Commissioner Review of Percutaneous Coronary Intervention",
     "Chief Medical Officer", "Decision or Approval"),
    ("12.", "Strategic Risk Management Integrated Care Board - Board Assurance Framework",
     "Chief Executive", "Information"),
    ("13.", "People Board Update", "Chief People Officer", "Information"),
    ("Operational - 11.50 - 12.10",),
    ("14.", "Quality and Performance Statement", "Chief Nursing Director", "Discussion"),
    ("15.", "Integrated Care Board Finance Plan 2022/23", "Chief Finance Officer",
     "Decision or Approval"),
    ("16.", "Committee Reports a) Health and Care Partnership meeting 4th July 2022 draft "
     "minutes", "Chair, Health & Care Partnership", "Information"),
    ("17.", "Questions from the Public (verbal)", "Chair", "Discussion"),
    ("Governance - 12.10 - 12.20",),
    ("18.", "Committee Membership", "Head of Governance", ""),
    ("19.", "Integrated Care Board Forward Planner (verbal)", "Chair", "Discussion"),
    ("20.", "Communications from the meeting to all partner organisations (verbal)", "Chair",
     "Discussion"),
    ("21.", "Committee Effectiveness - What key decisions did we make or what key outcomes "
     "did we arrive at today? - Were any new risks identified that require capturing on the "
     "risk register / Board Assurance Framework? - Was the quality of the papers sufficient "
     "to allow you to discharge your duties and the expectations of each paper? - What "
     "worked well / did you enjoy from today's meeting? - What didn't work as well as "
     "expected or raised concerns with you? - Was the time allowed / taken on each agenda "
     "item sufficient? - Anything else you wish to raise as a result of today's meeting?",
     "Chair and all Board members", "Discussion"),
    ("22.", "Any Other Business", "Chair", "-"),
    ("23.", "Date and time of next meeting: 30th September 2022 Time to be confirmed", "Chair",
     "-"),
]  # fmt: skip
"""Seed 003's agenda table, a row a line: the section rows are one cell."""

SEED_003_AFTER = [
    "Resolution to exclude members of the press and public",
    "The Board of the Integrated Care Board resolves that representatives of the press, and "
    "other members of the public, be excluded from the remainder of this meeting having "
    "regard to the confidential nature of the business to be transacted, publicity on which "
    "would be prejudicial to the public interest, Section 1(2), Public Bodies (Admission to "
    "Meetings) Act 1960.",
]
"""What seed 003 prints after its table, ending the agenda."""

ICB_NAME = "Board of the Bedfordshire, Luton and Milton Keynes Integrated Care Board"

KEPT_003_FRONT: list[tuple[list[str], list[str], str]] = [
    (
        SEED_003_FRONT[:2],
        [ICB_NAME],
        "the committee's name as stored (the seed's cover page shortens it); the date is "
        "on the next line",
    ),
    (
        [SEED_003_FRONT[4]],
        [f"Meeting: {ICB_NAME} in Public"],
        "the committee's name as stored",
    ),
]

KEPT_003_ROWS: dict[str, tuple[tuple[str, ...], str]] = {
    "Operational - 11.50 - 12.10": (
        ("Operational – 11.50 – 12.10",),
        "the seed's second page prints hyphens where its first prints dashes; one way here",
    ),
    "Governance - 12.10 - 12.20": (("Governance – 12.10 – 12.20",), "as Operational"),
    "18.": (
        ("18.", "Committee Membership", "Head of Governance", "Decision or Approval"),
        "the seed prints no purpose; every item has one here (its report asks for approval)",
    ),
    "23.": (
        ("23.", "Date and time of next meeting 30th September 2022 Time to be confirmed",
         "Chair", "-"),
        "the title is the standing item's, the date and time its wording (no colon)",
    ),
}  # fmt: skip

KEPT_003_AFTER: list[tuple[list[str], list[str], str]] = [
    (
        [SEED_003_AFTER[1]],
        [SEED_003_AFTER[1].replace("Board of the Integrated Care Board", ICB_NAME)],
        "the committee's name as stored",
    ),
]


def _single(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _kept(seed: list[str], kept: list[tuple[list[str], list[str], str]]) -> list[str]:
    """The seed's lines with each kept difference put in (each must be found once)."""
    lines = list(seed)
    for was, now, _why in kept:
        starts = [i for i in range(len(lines)) if lines[i : i + len(was)] == was]
        assert len(starts) == 1, f"{was[0]!r} is not in the seed's lines once"
        lines[starts[0] : starts[0] + len(was)] = now
    return lines


def _paragraph_text(paragraph: Paragraph) -> str:
    """A paragraph as the seed's extraction reads it: a bullet starts "- "."""
    style = paragraph.style.name if paragraph.style is not None else ""
    return ("- " if style == "List Bullet" else "") + paragraph.text


def _body(document: Document) -> Iterator[Paragraph | Table]:
    for element in document.element.body.iterchildren():
        if element.tag.endswith("}p"):
            yield Paragraph(element, document)
        elif element.tag.endswith("}tbl"):
            yield Table(element, document)


def _rows(table: Table) -> list[tuple[str, ...]]:
    rows = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = _single(" ".join(_paragraph_text(p) for p in cell.paragraphs))
            if not cells or cell._tc is not row.cells[len(cells) - 1]._tc:
                cells.append(text)
        rows.append(tuple(cells))
    return rows


@pytest.fixture(scope="module")
def exported(demo_reader: Store, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Document]:
    """The two demo agendas as the app exports them, read back from their .docx."""
    folder = tmp_path_factory.mktemp("agendas")
    documents = {}
    for code, day in (("HCP", date(2023, 9, 20)), ("ICB", date(2022, 7, 29))):
        meeting = demo_reader.meeting_on(code, day)
        agenda = demo_reader.agenda(meeting.id or 0)
        build = render_agenda(demo_reader.committee(code), meeting, agenda)
        assert build.warnings == []
        path = save_document(build, Path(folder) / f"{code}.docx")
        documents[code] = docx.Document(str(path))
    return documents


def test_hcp_agenda_is_seed_001s(exported: dict[str, Document]) -> None:
    document = exported["HCP"]
    assert document.tables == []
    printed = [_single(_paragraph_text(p)) for p in document.paragraphs if p.text.strip()]
    assert printed == [_single(line) for line in _kept(SEED_001, KEPT_001)]


def test_hcp_agenda_items_are_headings_with_their_wording(exported: dict[str, Document]) -> None:
    """Each item a heading (navigable), its wording the body text beneath; no purpose,
    lead or timing that the seed does not print."""
    paragraphs = [p for p in exported["HCP"].paragraphs if p.text.strip()]
    headings = [p.text for p in paragraphs if p.style.name == "Heading 3"]
    assert [h.split(".")[0] for h in headings] == [str(n) for n in range(1, 10)]
    assert not any(p.text.startswith(("For ", "Lead:")) for p in paragraphs)
    assert [p.style.name for p in paragraphs[:2]] == ["Heading 1", "Normal"]


def test_icb_agenda_is_seed_003s(exported: dict[str, Document]) -> None:
    body = list(_body(exported["ICB"]))
    tables = [part for part in body if isinstance(part, Table)]
    assert len(tables) == 1, "no confidential items: the public table only"
    (table,) = tables
    before = [_single(p.text) for p in body[: body.index(table)] if p.text.strip()]
    after = [_single(p.text) for p in body[body.index(table) + 1 :] if p.text.strip()]
    assert before == [_single(line) for line in _kept(SEED_003_FRONT, KEPT_003_FRONT)]
    expected = [
        KEPT_003_ROWS[row[0]][0] if row[0] in KEPT_003_ROWS else row for row in SEED_003_TABLE
    ]
    assert _rows(table) == [tuple(_single(cell) for cell in row) for row in expected]
    assert after == [_single(line) for line in _kept(SEED_003_AFTER, KEPT_003_AFTER)]


def test_icb_agenda_sections_and_questions(exported: dict[str, Document]) -> None:
    """A section is one row across the table, in bold; the committee-effectiveness
    questions are a real bulleted list; no item has a timing (the seed gives none)."""
    (table,) = exported["ICB"].tables
    assert len(table.columns) == 4
    section = table.rows[1]
    assert len({id(c._tc) for c in section.cells}) == 1
    assert all(run.bold for p in section.cells[0].paragraphs for run in p.runs)
    effectiveness = next(r for r in table.rows if r.cells[0].text == "21.")
    styles = [p.style.name for p in effectiveness.cells[1].paragraphs]
    assert styles == ["Table Text"] + ["List Bullet"] * 7
