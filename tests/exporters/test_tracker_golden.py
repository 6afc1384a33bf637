"""Golden tests: the demo's trackers, presented to the meetings the seed papers present
them to, reproduce the seeds' trackers row by row and word for word.

- Seed 001 (Milton Keynes Health & Care Partnership pack, 20 September 2023, item 2(b)):
  the "DECISION TRACKER 2022/23 - HEALTH AND CARE PARTNERSHIP".
- Seed 003 (Board of the BLMK ICB pack, 29 July 2022, item 4 Appendix A): the "Meeting of
  the Board of the Integrated Care Board - Action Tracker" and its key.

The seeds are text extracted from PDF, so their tables are flattened into tab-separated
lines: a cell merged over several rows has its lines spread over the rows it spans (seed
001 prints "Michael Bracey" / "Chief Executive" and "GREEN" once for the subject's
decisions). The seed rows below are typed in from those lines; each document's table is
read cell by cell, a merged cell once (where it starts), and compared with them. Where
Minutebook deliberately differs from the seed, the test says so and why.

And the tracker is presented to a meeting: a review stored at a later meeting leaves the
tracker presented to an earlier one as it was, and shows in the one presented to the next.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.table import Table, _Cell

from minutebook.application.exports import Document, build_document, presented_tracker
from minutebook.domain.actions import ActionStatus
from minutebook.domain.meeting import Meeting
from minutebook.domain.reviews import ActionReview
from minutebook.exporters.common import save_document
from minutebook.store import Store

TODAY = date(2026, 12, 1)
"""The day the tracker is printed: nothing in it may depend on it."""

# -- seed 001: the Decision Tracker ---------------------------------------------------------

SEED_001_TITLE = "DECISION TRACKER 2022/23 - HEALTH AND CARE PARTNERSHIP"
SEED_001_COLOUR_CODE = [
    "(R) RED: NO OR LIMITED PROGRESS",
    "(A) AMBER: PROGRESS PENDING FURTHER ACTION",
    "(G) GREEN: SIGNIFICANT PROGRESS MADE",
    "(B) BLACK: NO FURTHER ACTION",
]
SEED_001_PRESENTED = "Presented to Health and Care Partnership: 20/09/2023"
SEED_001_ROWS = [
    ["Date of Meeting", "Minute", "Subject and Decision", "Lead Officer",
     "Action Since Last Review", "Current Indicator"],
    ["13/06/2023", "HCP05", "THE MK DEAL", "Michael Bracey", "", ""],
    ["", "", "2. Agreed, the recommendation of the Joint Leadership Team to select Bletchley "
     "as the area to pilot integrated neighbourhood working", "Chief Executive", "", "GREEN"],
    ["", "", "3. Agreed, that the Joint Leadership Team undertake background work to prepare "
     "for a potential start of the Bletchley pilot in September 2023", "", "", ""],
]  # fmt: skip
MERGED_IN_SEED_001 = (3, 5)
"""Lead Officer and Current Indicator: one cell for the subject's rows (the PDF's lines
fall on whichever rows the merged cell spans)."""

# -- seed 003: the Action Tracker -------------------------------------------------------------

SEED_003_TITLE = "Meeting of the Board of the Integrated Care Board - Action Tracker"
SEED_003_KEY = [
    ("Escalated", "Escalated - items flagged RED for 3 subsequent meetings - BLACK"),
    ("Outstanding",
     "Outstanding - no actions made to progress OR actions made but not on track to deliver"),
    ("In Progress",
     "In Progress. Outstanding - actions made to progress & on track to deliver due date -"),
    ("Not Yet Due", "Not Yet Due"),
    ("COMPLETE: Propose closure at next meeting", "COMPLETE - GREEN"),  # over three lines
    ("CLOSED (dd/mm/yyyy)", "CLOSED"),  # over two lines
]  # fmt: skip
KEY_WORDING_FIXED = {
    # The extracted "In Progress. Outstanding -" runs the row above into this one and
    # loses the colour word after the final dash.
    "In Progress": "In Progress - actions made to progress & on track to deliver due date",
}
SEED_003_CLOSED_NOTE = 'Items to be moved to "closed actions" once closed'
SEED_003_ROWS = [
    ["Action No.", "Meeting Date", "Item Title", "Action",
     "Responsible Manager (Enter full name)", "Past deadlines (Since Revised)",
     "Current Deadline", "Current Position", "RAG (Add date action is agreed closed)"],
    ["1", "01/07/2022", "Participant Member Appointments",
     "To update on recruitment of the 4th Non-Executive Member, 2 x Associate Members, Chief "
     "Transformation Officer and Chief People Oficer", "Maria Wogan", "", "",
     "4th Non-Executive Member has been offered and accepted the role 1 Associate NEM has "
     "been appointed. Both are going through pre employment checks. The Chief Transformation "
     "Officer appointment is awaiting final sign-off from NHSE. Martha Roberts has been "
     "appointed as the Chief People Officer. Any further progress on appointments will be "
     "reported at the Board meeting.", ""],
    ["2", "01/07/2022", "Agree Partner Membership of Committees",
     "To engage with Partner Board Members to agree partner membership of committees, "
     "update to board on 29 July", "Maria Wogan", "", "",
     "This is covered in the agenda item on Committee membership",
     "COMPLETE: Propose closure at next meeting"],
    ["3", "01/07/2022", "100 Day Plan - external comms",
     "To ensure that the public version of the 100 Day Plan will explain that this is "
     "building on our existing work as an integrated care system and how it can make a "
     "difference to the lives of residents.", "Michelle Summers", "", "",
     "We have developed a document that describes how we have been working together as an "
     "integrated care system, rather than a 100 day plan. It is available on our website "
     "together with the pledges that our Chair and Chief Executive have made. See Appendix B.",
     "COMPLETE: Propose closure at next meeting"],
]  # fmt: skip


def _export(store: Store, code: str, day: date, tmp_path: Path) -> docx.document.Document:
    """The public tracker presented to the meeting on `day`, as `minutebook export
    tracker --for-meeting` writes it, read back from the file."""
    tracker = presented_tracker(store, code, day, TODAY)
    build = build_document(Document.TRACKER, tracker, None, TODAY)
    assert build.warnings == []
    path = save_document(build, tmp_path / f"{code} {day}.docx", overwrite=True)
    return docx.Document(str(path))


def _cells(table: Table) -> list[list[str]]:
    """Every stored cell's text, row by row; "" where a merged cell continues (its text
    is printed once, where it starts)."""
    rows = []
    for tr in table._tbl.tr_lst:
        row = []
        for tc in tr.tc_lst:
            v_merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
            continues = v_merge is not None and v_merge.get(qn("w:val")) in (None, "continue")
            row.append("" if continues else _Cell(tc, table).text)
        rows.append(row)
    return rows


def _words(column: list[str]) -> str:
    return " ".join(" ".join(column).split())


def test_the_hcp_tracker_presented_to_20_september_2023_is_seed_001s(
    demo_reader: Store, tmp_path: Path
) -> None:
    document = _export(demo_reader, "HCP", date(2023, 9, 20), tmp_path)
    text = [p.text for p in document.paragraphs]
    # Two known differences in the first line: the demo committee's full name, and the
    # year. The seed keeps its 2022/23 title at a meeting of 2023/24 (the agenda too says
    # "Tracker 2022/23"; its minutes call 13 June 2023 "the first meeting of the new
    # Council Year"); Minutebook titles a tracker by the year of the meeting it is
    # presented to.
    assert text[0] == SEED_001_TITLE.replace("2022/23", "2023/24").replace(
        "- HEALTH", "- MILTON KEYNES HEALTH"
    )
    assert text[1:3] == ["OUTSTANDING ACTION POINTS", "COLOUR CODE:"]
    # The seed's colour code, word for word (its "Referrals to Council / Cabinet" legend
    # marks rows Minutebook does not record).
    assert text[3:7] == SEED_001_COLOUR_CODE
    assert text[7] == SEED_001_PRESENTED.replace(" Health", " Milton Keynes Health")

    (table,) = document.tables  # nothing closed: no closed table
    rows = _cells(table)
    assert rows[0] == SEED_001_ROWS[0]
    assert len(rows) == len(SEED_001_ROWS)
    for column in range(6):
        ours = [row[column] for row in rows[1:]]
        seed = [row[column] for row in SEED_001_ROWS[1:]]
        if column in MERGED_IN_SEED_001:
            assert _words(ours) == _words(seed), SEED_001_ROWS[0][column]
            assert ours[1:] == ["", ""]  # printed once, for the whole subject
        else:
            assert ours == seed, SEED_001_ROWS[0][column]
    green = table.rows[1].cells[5]
    assert green._tc.find(f"{qn('w:tcPr')}/{qn('w:shd')}").get(qn("w:fill")) == "00B050"


def test_the_icb_tracker_presented_to_29_july_2022_is_seed_003s(
    demo_reader: Store, tmp_path: Path
) -> None:
    document = _export(demo_reader, "ICB", date(2022, 7, 29), tmp_path)
    text = [p.text for p in document.paragraphs]
    # The demo names the Board in full.
    assert text[0] == SEED_003_TITLE.replace(
        "Integrated", "Bedfordshire, Luton and Milton Keynes Integrated"
    )
    # The report's cover sheet: "Date of Meeting: 29 July 2022", "Date to which the
    # information this report is based on was accurate: 18 July 2022".
    assert text[1:3] == [
        "Date of Meeting: 29 July 2022",
        "Date to which the information this report is based on was accurate: 18 July 2022",
    ]
    assert "Key" in text and SEED_003_CLOSED_NOTE in text
    key, table = document.tables  # nothing closed: no closed table
    key_rows = _cells(key)[1:]
    assert [row[0] for row in key_rows] == [label for label, _ in SEED_003_KEY]
    for (label, seed_meaning), (_, meaning) in zip(SEED_003_KEY, key_rows, strict=True):
        # Each meaning in the seed's words, naming its colour so the key reads without it.
        assert meaning.startswith(KEY_WORDING_FIXED.get(label, seed_meaning)), label
    assert _cells(table) == SEED_003_ROWS


def test_a_later_review_changes_the_next_tracker_not_the_earlier_one(
    demo_store: Store, tmp_path: Path
) -> None:
    """The 20 September 2023 meeting reviews both MK Deal actions: it closes action 2 and
    hears a position on action 1, now past its deadline. The tracker presented to that
    meeting is still seed 001's; the one presented to the next meeting (15 November
    2023) carries the review."""
    store = demo_store
    september = store.meeting_on("HCP", date(2023, 9, 20))
    before = _cells(_export(store, "HCP", september.date, tmp_path / "..").tables[0])
    store.add_meeting(Meeting(committee="HCP", date=date(2023, 11, 15)))
    first, second = sorted(store.actions("HCP"), key=lambda a: a.number or 0)
    for action, status, position in (
        (first, ActionStatus.OUTSTANDING, "Pilot delayed: partners still to agree"),
        (second, ActionStatus.CLOSED, None),
    ):
        store.review_action(
            ActionReview(
                action_id=action.id,
                meeting_id=september.id,
                meeting_date=september.date,
                item=2,
                update=position,
                status=status,
            )
        )

    again = _export(store, "HCP", september.date, tmp_path)
    assert _cells(again.tables[0]) == before
    assert len(again.tables) == 1

    document = _export(store, "HCP", date(2023, 11, 15), tmp_path)
    text = [p.text for p in document.paragraphs]
    assert "Presented to Milton Keynes Health and Care Partnership: 15/11/2023" in text
    outstanding, closed = document.tables
    assert _cells(outstanding)[1:] == [
        ["13/06/2023", "HCP05", "THE MK DEAL", "Michael Bracey\nChief Executive",
         "", "RED"],
        ["", "", SEED_001_ROWS[2][2], "", "Pilot delayed: partners still to agree", ""],
    ]  # fmt: skip
    assert _cells(closed)[1:] == [
        ["13/06/2023", "HCP05", "THE MK DEAL", "Michael Bracey\nChief Executive",
         "", "BLACK\nClosed 20/09/2023"],
        ["", "", SEED_001_ROWS[3][2], "", "", ""],
    ]  # fmt: skip
