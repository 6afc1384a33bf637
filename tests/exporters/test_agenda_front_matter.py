"""What an agenda prints besides its items (docs/agenda.md): the committee's subtitle and
enquiries contact, sections with their times in either house style, the planned end of
the meeting, and the resolution to exclude the press and public at the end of an agenda
of a committee that meets in private after its public business."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
from docx.document import Document

from minutebook.domain import Committee
from minutebook.domain.committee import HouseStyle
from minutebook.domain.meeting import AgendaItem, Meeting
from minutebook.exporters.agenda import render_agenda
from minutebook.exporters.common import save_document

COUNCIL = Committee(
    code="HCP",
    name="Health and Care Partnership",
    agenda_subtitle="Formerly the Health and Wellbeing Board",
    enquiries="Please contact Andrew Clayton on 01908 252046",
)
MEETING = Meeting(committee="HCP", date=date(2023, 9, 20), time="14:00", planned_end="16:00")
AGENDA = [
    AgendaItem(number=1, title="Welcome", section="Opening", section_starts="14:00",
               section_ends="14:10"),
    AgendaItem(number=2, title="Minutes", description="To approve the minutes."),
    AgendaItem(number=3, title="Better Care Fund", section="Strategy"),
]  # fmt: skip


def _export(committee: Committee, tmp_path: Path, agenda: list[AgendaItem] = AGENDA) -> Document:
    build = render_agenda(committee, MEETING, agenda)
    return docx.Document(str(save_document(build, tmp_path / "agenda.docx")))


def _paragraphs(document: Document) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in document.paragraphs if p.text.strip()]


def test_council_front_page_and_sections(tmp_path: Path) -> None:
    paragraphs = _paragraphs(_export(COUNCIL, tmp_path))
    assert paragraphs == [
        ("Heading 1", "HEALTH AND CARE PARTNERSHIP"),
        ("Normal", "FORMERLY THE HEALTH AND WELLBEING BOARD"),
        ("Normal", "When: Wednesday 20 September 2023 at 14:00"),
        ("Heading 2", "Enquiries"),
        ("Normal", "Please contact Andrew Clayton on 01908 252046"),
        ("Heading 2", "Agenda"),
        ("Heading 3", "Opening – 14.00 – 14.10"),
        ("Heading 4", "1. Welcome"),
        ("Normal", "For information"),  # no wording: its purpose
        ("Heading 4", "2. Minutes"),
        ("Normal", "To approve the minutes."),
        ("Heading 3", "Strategy"),  # no times given
        ("Heading 4", "3. Better Care Fund"),
        ("Normal", "For information"),
    ]


def test_nhs_front_page_and_planned_end(tmp_path: Path) -> None:
    nhs = COUNCIL.model_copy(update={"house_style": HouseStyle.NHS})
    document = _export(nhs, tmp_path)
    texts = [text for _, text in _paragraphs(document)]
    assert texts[:4] == [
        "Health and Care Partnership",
        "Formerly the Health and Wellbeing Board",
        "Date: 20 September 2023    Time: 14:00 to 16:00",
        "Meeting: Health and Care Partnership in Public",
    ]
    assert texts[4:6] == ["Enquiries", "Please contact Andrew Clayton on 01908 252046"]
    rows = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    assert rows[1] == ["Opening – 14.00 – 14.10"] * 4  # one cell across the table
    assert rows[4] == ["Strategy"] * 4


def test_exclusion_at_the_end_of_every_agenda(tmp_path: Path) -> None:
    """Without confidential items the resolution is printed only for a committee that
    meets in private after its public business (seed 003); with them, before them."""
    texts = [text for _, text in _paragraphs(_export(COUNCIL, tmp_path))]
    assert "Exclusion of the Press and Public" not in texts
    private = COUNCIL.model_copy(update={"exclusion_on_agenda": True})
    (tmp_path / "private").mkdir()
    texts = [text for _, text in _paragraphs(_export(private, tmp_path / "private"))]
    assert texts[-2] == "Exclusion of the Press and Public"
    assert "Local Government Act 1972" in texts[-1]


def test_the_resolution_names_the_confidential_items_and_their_paragraphs(
    tmp_path: Path,
) -> None:
    """The committee's wording for its kind of body (`domain.bodies`), filled in."""
    land = AgendaItem(number=4, title="Land at Bletchley", confidential=True,
                      exempt_paragraphs=(3,))  # fmt: skip
    paragraphs = _paragraphs(_export(COUNCIL, tmp_path, [*AGENDA, land]))
    heading = paragraphs.index(("Heading 2", "Exclusion of the Press and Public"))
    assert paragraphs[heading + 1][1] == (
        "To resolve that, under Section 100A(4) of the Local Government Act 1972, the press "
        "and public be excluded from the meeting for item 4 on the grounds that it involves "
        "the likely disclosure of exempt information as defined in paragraph 3 of Part 1 of "
        "Schedule 12A to the Act."
    )
    assert paragraphs[heading + 2] == ("Heading 3", "4. Land at Bletchley (Confidential)")
