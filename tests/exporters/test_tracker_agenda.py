"""The action tracker and agenda documents: columns, RAG letters and shading, header
rows marked and repeated, landscape, confidential items, timings."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from minutebook.domain import Committee
from minutebook.domain.actions import Action, ActionStatus, ActionUpdate
from minutebook.domain.committee import HouseStyle, Person, RagPalette
from minutebook.domain.meeting import AgendaItem, Meeting, Purpose
from minutebook.exporters.agenda import AGENDA_COLUMNS, render_agenda, timings
from minutebook.exporters.common import Build, save_document
from minutebook.exporters.tracker import COUNCIL_COLUMNS, NHS_COLUMNS, render_tracker
from minutebook.store import Store

NONE: frozenset[tuple[int, int]] = frozenset()
"""No confidential items: these trackers hold only public business."""

COUNCIL = Committee(code="HCP", name="Health and Care Partnership", rag_palette=RagPalette.COUNCIL)
NHS = Committee(
    code="ICB",
    name="Board of the Integrated Care Board",
    house_style=HouseStyle.NHS,
    rag_palette=RagPalette.NHS,
)
PEOPLE = [Person(id="bracey", name="Michael Bracey"), Person(id="wogan", name="Maria Wogan")]


def _action(number: int, **changes: object) -> Action:
    fields: dict[str, object] = {
        "committee": "HCP",
        "number": number,
        "meeting_date": date(2023, 6, 13),
        "minute": "HCP05",
        "item_title": "THE MK DEAL",
        "description": f"Action {number}",
        "owner": "bracey",
        "due": date(2023, 9, 20),
    }
    fields.update(changes)
    return Action.model_validate(fields)


ACTIONS = [
    _action(1, rag="R", status=ActionStatus.OUTSTANDING, past_deadlines=(date(2023, 7, 1),)),
    _action(2, rag="A", status=ActionStatus.IN_PROGRESS),
    _action(3, rag="G", updates=(ActionUpdate(date=date(2023, 9, 1), text="Pilot agreed"),)),
    _action(4, rag="B", status=ActionStatus.CLOSED, closed_on=date(2023, 9, 20)),
    _action(5, owner="wogan"),  # no RAG, not yet due
]


def _reopen(build: Build, tmp_path: Path) -> docx.document.Document:
    path = save_document(build, tmp_path / "out.docx")
    return docx.Document(str(path))


def _texts(table: docx.table.Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def _fill(cell: docx.table._Cell) -> str | None:
    shd = cell._tc.find(f"{qn('w:tcPr')}/{qn('w:shd')}")
    return None if shd is None else shd.get(qn("w:fill"))


def _header_marked(table: docx.table.Table) -> bool:
    tr_pr = table.rows[0]._tr.trPr
    return tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None


@pytest.fixture
def council_doc(tmp_path: Path) -> docx.document.Document:
    build = render_tracker(ACTIONS, COUNCIL, PEOPLE, as_of=date(2023, 9, 20), confidential=NONE)
    assert build.warnings == []
    return _reopen(build, tmp_path)


def test_council_tracker_layout_and_columns(council_doc: docx.document.Document) -> None:
    text = [p.text for p in council_doc.paragraphs]
    assert text[0] == "DECISION TRACKER 2023/24 - HEALTH AND CARE PARTNERSHIP"
    assert "COLOUR CODE:" in text and "OUTSTANDING ACTION POINTS" in text
    assert "Presented to Health and Care Partnership: 20/09/2023" in text
    assert council_doc.paragraphs[0].style.name == "Heading 1"
    key, open_table, closed_table = council_doc.tables
    assert [row[0] for row in _texts(key)[1:]] == ["(R) RED", "(A) AMBER", "(G) GREEN", "(B) BLACK"]
    rows = _texts(open_table)
    assert tuple(rows[0]) == COUNCIL_COLUMNS and len(COUNCIL_COLUMNS) == 11
    assert rows[1] == [
        "1", "13/06/2023", "HCP05", "THE MK DEAL", "Action 1", "Michael Bracey",
        "01/07/2023", "20/09/2023", "", "(R) RED", "",
    ]  # fmt: skip
    assert rows[3][8] == "01/09/2023: Pilot agreed"
    assert rows[4][5] == "Maria Wogan" and rows[4][9] == "Not yet due"
    assert _texts(closed_table)[1][9:] == ["(B) BLACK", "20/09/2023"]


def test_rag_cells_carry_letter_and_shade(council_doc: docx.document.Document) -> None:
    key, open_table, closed_table = council_doc.tables
    cells = [row.cells[9] for row in open_table.rows[1:]]
    assert [(c.text, _fill(c)) for c in cells] == [
        ("(R) RED", "FF0000"),
        ("(A) AMBER", "FFC000"),
        ("(G) GREEN", "00B050"),
        ("Not yet due", None),
    ]
    black = closed_table.rows[1].cells[9]
    assert _fill(black) == "000000"
    assert black.paragraphs[0].runs[0].font.color.rgb == docx.shared.RGBColor(255, 255, 255)
    assert [_fill(row.cells[0]) for row in key.rows[1:]] == ["FF0000", "FFC000", "00B050", "000000"]


def test_header_rows_marked_and_landscape(council_doc: docx.document.Document) -> None:
    assert all(_header_marked(table) for table in council_doc.tables)
    for table in council_doc.tables:
        assert table._tbl.tblPr.find(qn("w:tblCaption")) is not None
    section = council_doc.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert section.page_width > section.page_height
    assert council_doc.core_properties.language == "en-GB"
    assert council_doc.core_properties.title == "Decision Tracker – Health and Care Partnership"


def test_nhs_tracker_layout(tmp_path: Path) -> None:
    actions = [
        _action(1, committee="ICB", rag=None, status=ActionStatus.IN_PROGRESS),
        _action(2, committee="ICB", rag="green", status=ActionStatus.COMPLETE_PROPOSE_CLOSURE),
        _action(3, committee="ICB", rag="black", status=ActionStatus.OUTSTANDING),
    ]
    document = _reopen(
        render_tracker(actions, NHS, PEOPLE, as_of=date(2022, 7, 18), confidential=NONE), tmp_path
    )
    text = [p.text for p in document.paragraphs]
    assert text[0] == "Meeting of the Board of the Integrated Care Board - Action Tracker"
    assert "Information accurate to 18 July 2022" in text and "Key" in text
    key, table = document.tables  # no closed actions: no closed table
    assert [row[0] for row in _texts(key)[1:]] == [
        "ESCALATED", "RED", "AMBER", "BLUE", "GREEN", "CLOSED",
    ]  # fmt: skip
    rows = _texts(table)
    assert tuple(rows[0]) == NHS_COLUMNS
    rag = [(row.cells[9].text, _fill(row.cells[9])) for row in table.rows[1:]]
    assert rag == [
        ("AMBER: In progress", "FFC000"),
        ("GREEN: Complete – propose closure at next meeting", "00B050"),
        ("ESCALATED", "000000"),
    ]
    assert document.sections[0].orientation == WD_ORIENT.LANDSCAPE


def test_tracker_from_a_snapshot_and_unknown_owner(demo_reader: Store, tmp_path: Path) -> None:
    meeting = demo_reader.meeting_on("ICB", date(2022, 7, 29))
    snapshot = demo_reader.minutes_snapshot(meeting.id or 0)
    document = _reopen(render_tracker(snapshot), tmp_path)
    assert "Information accurate to 29 July 2022" in [p.text for p in document.paragraphs]
    rows = _texts(document.tables[1])
    assert [row[5] for row in rows[1:]] == ["Maria Wogan", "Maria Wogan", "Michelle Summers"]
    build = render_tracker([_action(1, owner="nobody")], COUNCIL, PEOPLE, confidential=NONE)
    assert build.warnings == ["no full name for nobody; the tracker shows the person's id"]


def test_many_rows(tmp_path: Path) -> None:
    actions = [_action(n, rag="RAGB"[n % 4]) for n in range(1, 301)]
    document = _reopen(render_tracker(actions, COUNCIL, PEOPLE, confidential=NONE), tmp_path)
    rows = document.tables[1].rows
    assert len(rows) == 301  # "B" is no further action, but open until the committee closes it
    assert [rows[n].cells[0].text for n in (1, 300)] == ["1", "300"]
    assert rows[3].cells[9].text == "(B) BLACK"


# -- agenda ----------------------------------------------------------------------------

MEETING = Meeting(
    committee="ICB", date=date(2022, 7, 29), time="10:00", venue="Priory House, Chicksands"
)
AGENDA = [
    AgendaItem(number=1, title="Welcome, Introductions and Apologies", lead="Chair",
               planned_minutes=3),
    AgendaItem(number=2, title="Integrated Care Strategy", lead="Chief Executive",
               purpose=Purpose.DECISION, planned_minutes=15, paper="Pages 13 - 64"),
    AgendaItem(number=3, title="Estates contract", lead="Chief Finance Officer",
               purpose=Purpose.DECISION, planned_minutes=10, confidential=True),
]  # fmt: skip


@pytest.fixture
def nhs_agenda(tmp_path: Path) -> Iterator[docx.document.Document]:
    yield _reopen(render_agenda(NHS, MEETING, AGENDA), tmp_path)


def test_nhs_agenda_table(nhs_agenda: docx.document.Document) -> None:
    text = [p.text for p in nhs_agenda.paragraphs]
    assert "Date: 29 July 2022    Time: 10:00 to 10:28" in text
    assert "Venue: Priory House, Chicksands" in text
    assert "Meeting: Board of the Integrated Care Board in Public" in text
    public, private = nhs_agenda.tables
    rows = _texts(public)
    assert tuple(rows[0]) == AGENDA_COLUMNS
    assert rows[1] == ["1.", "Welcome, Introductions and Apologies", "Chair", "Information",
                       "10:00 – 10:03"]  # fmt: skip
    assert rows[2][1] == "Integrated Care Strategy (Pages 13 - 64)"
    assert rows[2][3] == "Decision or Approval"
    # Confidential items come after the resolution to exclude the press and public.
    assert "Resolution to exclude members of the press and public" in text
    assert any("Public Bodies (Admission to Meetings) Act 1960" in t for t in text)
    assert _texts(private)[1][1] == "Estates contract (Confidential)"
    assert all(_header_marked(t) for t in nhs_agenda.tables)


def test_council_agenda_list(tmp_path: Path) -> None:
    document = _reopen(render_agenda(COUNCIL, MEETING, AGENDA), tmp_path)
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert paragraphs[0] == ("Heading 1", "HEALTH AND CARE PARTNERSHIP")
    assert ("Normal", "When: Friday 29 July 2022 at 10:00") in paragraphs
    assert ("Heading 3", "1. Welcome, Introductions and Apologies") in paragraphs
    assert ("Normal", "For decision. Lead: Chief Executive. (Pages 13 - 64)") in paragraphs
    headings = [text for style, text in paragraphs if style.startswith("Heading")]
    assert headings.index("Exclusion of the Press and Public") < headings.index(
        "3. Estates contract (Confidential)"
    )
    assert any("Local Government Act 1972" in text for _, text in paragraphs)
    assert document.tables == []


def test_timings_stop_at_an_unplanned_item() -> None:
    items = [*AGENDA[:1], AGENDA[1].model_copy(update={"planned_minutes": None}), AGENDA[2]]
    assert timings(MEETING, items) == {1: ("10:00", "10:03")}
    assert timings(MEETING.model_copy(update={"time": None}), AGENDA) == {}


def test_empty_agenda_warns(tmp_path: Path) -> None:
    build = render_agenda(NHS, MEETING, [])
    assert build.warnings == ["the meeting has no agenda items"]
    _reopen(build, tmp_path)


def test_awkward_text_in_cells(tmp_path: Path) -> None:
    update = ActionUpdate(
        date=date(2023, 9, 1), text="Line one\nLine two\tafter a tab 🙂 " + "x" * 4000
    )
    action = _action(1, description="  padded\x07 bell", updates=(update,))
    document = _reopen(render_tracker([action], COUNCIL, PEOPLE, confidential=NONE), tmp_path)
    row = document.tables[1].rows[1]
    assert row.cells[4].text == "padded bell"  # trimmed and control characters dropped
    position = row.cells[8]
    assert position.text.startswith("01/09/2023: Line one\nLine two\tafter a tab 🙂 xxx")
    assert position._tc.xpath(".//w:br") and position._tc.xpath(".//w:tab")


def test_a_public_tracker_from_a_list_must_be_told_what_is_confidential() -> None:
    """Left out, every action would be shown: the call is refused rather than leak."""
    with pytest.raises(TypeError, match="confidential items"):
        render_tracker(ACTIONS, COUNCIL, PEOPLE)
    assert render_tracker(ACTIONS, COUNCIL, PEOPLE, public=False).document is not None
