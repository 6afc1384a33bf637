"""The agenda document prints each item's wording (docs/agenda.md): under the item's
heading in the council style, as seed 001's agenda of 20 September 2023 does ("To
approve, and the Chair to sign as a correct record, the Minutes of the meeting ..."),
and under the title in the item's cell of seed 003's NHS table."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx

from minutebook.domain import Committee
from minutebook.domain.committee import HouseStyle
from minutebook.domain.meeting import Meeting
from minutebook.domain.standing_items import default_standing_items, next_agenda
from minutebook.exporters.agenda import render_agenda
from minutebook.exporters.common import save_document

JUNE = Meeting(committee="HCP", date=date(2023, 6, 13))
SEPT = Meeting(committee="HCP", date=date(2023, 9, 20), time="14:00")
MINUTES_WORDING = (
    "To approve, and the Chair to sign as a correct record, the Minutes of the meeting "
    "held on 13 June 2023."
)


def test_council_agenda_prints_the_wording_under_the_heading(tmp_path: Path) -> None:
    committee = Committee(code="HCP", name="Health and Care Partnership")
    agenda = next_agenda(default_standing_items(HouseStyle.COUNCIL), [], JUNE)
    path = save_document(render_agenda(committee, SEPT, agenda), tmp_path / "a.docx")
    texts = [p.text for p in docx.Document(str(path)).paragraphs]
    heading = texts.index("2. Minutes")
    assert texts[heading + 1] == MINUTES_WORDING
    # The wording says what is asked: no purpose beside it, and seed 001 prints no lead.
    assert texts[heading + 2] == "3. Actions Arising"


def test_nhs_agenda_puts_the_wording_in_the_items_cell(tmp_path: Path) -> None:
    committee = Committee(code="ICB", name="Board of the ICB", house_style=HouseStyle.NHS)
    agenda = next_agenda(default_standing_items(HouseStyle.NHS), [], JUNE)
    path = save_document(render_agenda(committee, SEPT, agenda), tmp_path / "a.docx")
    (table,) = docx.Document(str(path)).tables
    cell = table.rows[3].cells[1].text
    assert cell == (
        "Approval of Minutes and Matters Arising\nTo review the Draft Minutes from the "
        "meeting held on 13 June 2023 with a view to their approval."
    )
