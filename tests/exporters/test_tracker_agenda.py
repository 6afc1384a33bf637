"""The action tracker and agenda documents: the tracker's two layouts (seed 001's
Decision Tracker, seed 003's Action Tracker), RAG words and shading legible on their fill,
subjects and merged cells, header rows marked and repeated, landscape; the agenda's
confidential items and timings. The trackers as the demo presents them to a meeting are
in test_tracker_golden.py."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from minutebook.domain import Committee
from minutebook.domain.actions import Action, ActionStatus, ActionUpdate
from minutebook.domain.committee import HouseStyle, RagPalette
from minutebook.domain.meeting import AgendaItem, Meeting, Purpose
from minutebook.domain.tracker import Lead, Tracker
from minutebook.exporters.agenda import AGENDA_COLUMNS, TIMINGS_COLUMN, render_agenda
from minutebook.exporters.common import Build, save_document
from minutebook.exporters.tracker import COUNCIL_COLUMNS, NHS_COLUMNS, render_tracker

NONE: frozenset[tuple[int, int]] = frozenset()
"""No confidential items: these trackers hold only public business."""

COUNCIL = Committee(code="HCP", name="Health and Care Partnership", rag_palette=RagPalette.COUNCIL)
NHS = Committee(
    code="ICB",
    name="Board of the Integrated Care Board",
    house_style=HouseStyle.NHS,
    rag_palette=RagPalette.NHS,
)
LEADS = {"bracey": Lead("Michael Bracey", "Chief Executive"), "wogan": Lead("Maria Wogan")}
SEPTEMBER = date(2023, 9, 20)


def _action(number: int, **changes: object) -> Action:
    fields: dict[str, object] = {
        "id": number,
        "committee": "HCP",
        "number": number,
        "meeting_date": date(2023, 6, 13),
        "minute": "HCP05",
        "item_title": "THE MK DEAL",
        "description": f"Action {number}",
        "owner": "bracey",
        "due": SEPTEMBER,
    }
    fields.update(changes)
    return Action.model_validate(fields)


def _tracker(
    actions: Sequence[Action],
    committee: Committee = COUNCIL,
    day: date = SEPTEMBER,
    numbers: dict[int, int] | None = None,
) -> Tracker:
    return Tracker(
        committee=committee,
        meeting=Meeting(committee=committee.code, date=day),
        actions=tuple(actions),
        confidential=NONE,
        leads=LEADS,
        numbers=numbers or {},
    )


ACTIONS = [
    _action(1, rag="R", status=ActionStatus.OUTSTANDING, past_deadlines=(date(2023, 7, 1),)),
    _action(2, rag="A", status=ActionStatus.IN_PROGRESS, minute="HCP6", item_title="BCF"),
    _action(3, rag="G", minute="HCP7", item_title="Pathfinder", updates=(
        ActionUpdate(date=date(2023, 9, 1), text="Pilot agreed"),
    )),
    _action(4, rag="B", status=ActionStatus.CLOSED, closed_on=date(2023, 7, 20)),
    _action(5, owner="wogan", minute="HCP7", item_title="Pathfinder"),  # no RAG, not yet due
]  # fmt: skip


def _reopen(build: Build, tmp_path: Path) -> docx.document.Document:
    path = save_document(build, tmp_path / "out.docx")
    return docx.Document(str(path))


def _texts(table: docx.table.Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def _fill(cell: docx.table._Cell) -> str | None:
    shd = cell._tc.find(f"{qn('w:tcPr')}/{qn('w:shd')}")
    return None if shd is None else shd.get(qn("w:fill"))


def _ink(cell: docx.table._Cell) -> set[object]:
    return {run.font.color.rgb for p in cell.paragraphs for run in p.runs}


def _merges(row: docx.table._Row) -> list[str | None]:
    """Each cell's vertical merge as stored (python-docx's cells read a merged cell's
    text into every row it spans): "restart", "continue" or None."""
    found: list[str | None] = []
    for tc in row._tr.tc_lst:
        v_merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
        found.append(None if v_merge is None else (v_merge.get(qn("w:val")) or "continue"))
    return found


def _header_marked(table: docx.table.Table) -> bool:
    tr_pr = table.rows[0]._tr.trPr
    return tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None


WHITE, BLACK = docx.shared.RGBColor(255, 255, 255), docx.shared.RGBColor(0, 0, 0)


@pytest.fixture
def council_doc(tmp_path: Path) -> docx.document.Document:
    build = render_tracker(_tracker(ACTIONS, numbers={1: 2, 2: 1, 3: 1, 5: 2}))
    assert build.warnings == []
    return _reopen(build, tmp_path)


def test_council_tracker_layout_and_columns(council_doc: docx.document.Document) -> None:
    text = [p.text for p in council_doc.paragraphs]
    assert text[:3] == [
        "DECISION TRACKER 2023/24 - HEALTH AND CARE PARTNERSHIP",
        "OUTSTANDING ACTION POINTS",
        "COLOUR CODE:",
    ]
    assert text[3:7] == [
        "(R) RED: NO OR LIMITED PROGRESS",
        "(A) AMBER: PROGRESS PENDING FURTHER ACTION",
        "(G) GREEN: SIGNIFICANT PROGRESS MADE",
        "(B) BLACK: NO FURTHER ACTION",
    ]
    assert "Presented to Health and Care Partnership: 20/09/2023" in text
    assert council_doc.paragraphs[0].style.name == "Heading 1"
    open_table, closed_table = council_doc.tables
    rows = _texts(open_table)
    assert tuple(rows[0]) == COUNCIL_COLUMNS and len(COUNCIL_COLUMNS) == 6
    lead = "Michael Bracey\nChief Executive"
    # Each subject has its own row; its decisions are numbered under it.
    assert [row[2] for row in rows[1:]] == [
        "THE MK DEAL", "2. Action 1", "BCF", "1. Action 2", "Pathfinder", "1. Action 3",
        "2. Action 5",
    ]  # fmt: skip
    assert rows[1] == ["13/06/2023", "HCP05", "THE MK DEAL", lead, "", "RED"]
    assert rows[2] == ["13/06/2023", "HCP05", "2. Action 1", lead, "", "RED"]
    # Two leads and two indicators under one subject: one cell each, none on the subject.
    assert [row[3:] for row in rows[5:]] == [
        ["", "", ""],
        [lead, "Pilot agreed", "GREEN"],
        ["Maria Wogan", "", "Not yet due"],
    ]
    assert _texts(closed_table)[1:] == [
        ["13/06/2023", "HCP05", "THE MK DEAL", lead, "", "BLACK\nClosed 20/07/2023"],
        ["13/06/2023", "HCP05", "Action 4", lead, "", "BLACK\nClosed 20/07/2023"],
    ]
    assert "CLOSED ACTION POINTS" in text


def test_a_subjects_shared_cells_are_merged_down_its_rows(
    council_doc: docx.document.Document,
) -> None:
    """As seed 001 prints the date, minute, lead officer and indicator once for a
    subject's decisions; a column the decisions differ in is not merged."""
    rows = council_doc.tables[0].rows
    assert [_merges(rows[n]) for n in (1, 2)] == [
        ["restart", "restart", None, "restart", None, "restart"],
        ["continue", "continue", None, "continue", None, "continue"],
    ]
    assert [_merges(rows[n]) for n in (5, 6, 7)] == [
        ["restart", "restart", None, None, None, None],
        ["continue", "continue", None, None, None, None],
        ["continue", "continue", None, None, None, None],
    ]


def test_rag_words_are_shaded_and_legible_on_their_fill(
    council_doc: docx.document.Document,
) -> None:
    table, closed = council_doc.tables
    cells = [table.rows[n].cells[5] for n in (1, 3, 6, 7)]
    assert [(c.text, _fill(c)) for c in cells] == [
        ("RED", "C00000"),
        ("AMBER", "FFC000"),
        ("GREEN", "00B050"),
        ("Not yet due", None),
    ]
    # White on the dark fills (red, black), black on the light ones: never red on red.
    assert [_ink(c) for c in cells[:3]] == [{WHITE}, {BLACK}, {BLACK}]
    black = closed.rows[1].cells[5]
    assert _fill(black) == "000000" and _ink(black) == {WHITE}
    key = [p for p in council_doc.paragraphs if p.text.startswith("(")]
    label_runs = [p.runs[0] for p in key]
    fills = [r._r.find(f"{qn('w:rPr')}/{qn('w:shd')}").get(qn("w:fill")) for r in label_runs]
    assert fills == ["C00000", "FFC000", "00B050", "000000"]
    assert [r.font.color.rgb for r in label_runs] == [WHITE, BLACK, BLACK, WHITE]


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
        _action(1, committee="ICB", rag=None, status=ActionStatus.IN_PROGRESS,
                updates=(ActionUpdate(date=date(2022, 7, 18), text="Going well"),)),
        _action(2, committee="ICB", rag="green", status=ActionStatus.COMPLETE_PROPOSE_CLOSURE),
        _action(3, committee="ICB", rag="black", status=ActionStatus.OUTSTANDING,
                past_deadlines=(date(2023, 7, 1), date(2023, 8, 1))),
        _action(4, committee="ICB", rag=None, due=None),  # nothing reported, no deadline
        _action(5, committee="ICB", status=ActionStatus.CLOSED, closed_on=date(2022, 5, 3)),
    ]  # fmt: skip
    build = render_tracker(_tracker(actions, NHS, date(2022, 7, 29)))
    document = _reopen(build, tmp_path)
    text = [p.text for p in document.paragraphs]
    assert text[:4] == [
        "Meeting of the Board of the Integrated Care Board - Action Tracker",
        "Date of Meeting: 29 July 2022",
        "Date to which the information this report is based on was accurate: 18 July 2022",
        "Key",
    ]
    assert 'Items to be moved to "closed actions" once closed' in text
    key, table, closed = document.tables
    assert [row[0] for row in _texts(key)[1:]] == [
        "Escalated", "Outstanding", "In Progress", "Not Yet Due",
        "COMPLETE: Propose closure at next meeting", "CLOSED (dd/mm/yyyy)",
    ]  # fmt: skip
    rows = _texts(table)
    assert tuple(rows[0]) == NHS_COLUMNS and len(NHS_COLUMNS) == 9
    assert rows[1] == [
        "1", "13/06/2023", "THE MK DEAL", "Action 1", "Michael Bracey", "", "20/09/2023",
        "Going well", "In Progress",
    ]  # fmt: skip
    assert rows[3][5] == "01/07/2023, 01/08/2023"
    rag = [(row.cells[8].text, _fill(row.cells[8])) for row in table.rows[1:]]
    assert rag == [
        ("In Progress", "FFC000"),
        ("COMPLETE: Propose closure at next meeting", "00B050"),
        ("Escalated", "000000"),
        ("", None),
    ]
    assert _texts(closed)[1][8] == "CLOSED (03/05/2022)"
    assert "Closed actions" in text
    assert document.sections[0].orientation == WD_ORIENT.LANDSCAPE


def test_unknown_owner_and_no_actions(tmp_path: Path) -> None:
    build = render_tracker(_tracker([_action(1, owner="nobody")]))
    assert build.warnings == ["no full name for nobody; the tracker shows the person's id"]
    assert _texts(_reopen(build, tmp_path).tables[0])[2][3] == "nobody"
    empty = _reopen(render_tracker(_tracker([], NHS)), tmp_path / "..")
    assert "There are no open actions." in [p.text for p in empty.paragraphs]


def test_the_confidential_tracker_keeps_what_the_public_one_leaves_out() -> None:
    secret = _action(1, meeting_id=7, item=6)
    tracker = _tracker([secret, _action(2, meeting_id=7, item=3)])
    tracker = Tracker(**{**tracker.__dict__, "confidential": frozenset({(7, 6)})})

    def decisions(build: Build) -> list[str]:
        return [row.cells[2].text for t in build.document.tables for row in t.rows[2:]]

    assert decisions(render_tracker(tracker)) == ["Action 2"]
    assert decisions(render_tracker(tracker, public=False)) == ["Action 1", "Action 2"]


def test_many_rows(tmp_path: Path) -> None:
    actions = [_action(n, rag="RAGB"[n % 4], minute=f"HCP{n}") for n in range(1, 301)]
    document = _reopen(render_tracker(_tracker(actions)), tmp_path)
    rows = document.tables[0].rows
    assert len(rows) == 601  # a subject row and a decision row each
    assert [rows[n].cells[1].text for n in (1, 600)] == ["HCP1", "HCP300"]
    assert rows[6].cells[5].text == "BLACK"  # no further action, but open until closed


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
    assert tuple(rows[0]) == (*AGENDA_COLUMNS, TIMINGS_COLUMN)  # minutes were planned
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
    # Seed 001 prints an item's papers beside its title; its purpose only when it has
    # no wording, and no lead.
    assert ("Heading 3", "2. Integrated Care Strategy (Pages 13 - 64)") in paragraphs
    assert ("Normal", "For decision. 10:03 – 10:18") in paragraphs
    headings = [text for style, text in paragraphs if style.startswith("Heading")]
    assert headings.index("Exclusion of the Press and Public") < headings.index(
        "3. Estates contract (Confidential)"
    )
    assert any("Local Government Act 1972" in text for _, text in paragraphs)
    assert document.tables == []


def test_timings_only_where_planned(tmp_path: Path) -> None:
    """An item without planned minutes has no timing, and the one after it only its
    length; an agenda with none planned has no Timings column."""
    items = [*AGENDA[:1], AGENDA[1].model_copy(update={"planned_minutes": None}), AGENDA[2]]
    public, private = _reopen(render_agenda(NHS, MEETING, items), tmp_path).tables
    (tmp_path / "unplanned").mkdir()
    assert [row[4] for row in _texts(public)[1:]] == ["10:00 – 10:03", ""]
    assert _texts(private)[1][4] == "10 minutes"
    unplanned = [item.model_copy(update={"planned_minutes": None}) for item in AGENDA]
    document = _reopen(render_agenda(NHS, MEETING, unplanned), tmp_path / "unplanned")
    assert tuple(_texts(document.tables[0])[0]) == AGENDA_COLUMNS
    assert "Date: 29 July 2022    Time: 10:00" in [p.text for p in document.paragraphs]


def test_empty_agenda_warns(tmp_path: Path) -> None:
    build = render_agenda(NHS, MEETING, [])
    assert build.warnings == ["the meeting has no agenda items"]
    _reopen(build, tmp_path)


def test_awkward_text_in_cells(tmp_path: Path) -> None:
    update = ActionUpdate(
        date=date(2023, 9, 1), text="Line one\nLine two\tafter a tab 🙂 " + "x" * 4000
    )
    action = _action(1, description="  padded\x07 bell", updates=(update,))
    document = _reopen(render_tracker(_tracker([action])), tmp_path)
    row = document.tables[0].rows[2]
    assert row.cells[2].text == "padded bell"  # trimmed and control characters dropped
    position = row.cells[4]
    assert position.text.startswith("Line one\nLine two\tafter a tab 🙂 xxx")
    assert position._tc.xpath(".//w:br") and position._tc.xpath(".//w:tab")
