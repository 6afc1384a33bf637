"""Reading a tracker kept in Word, Excel or a .csv (interchange/tracker_file.py), built
from seed 001's Decision Tracker and seed 003's Action Tracker (tests/interchange/
trackers.py), against the demo's people: the actions it would add, the owners not
known, every row that cannot be read with its place, and the files refused whole."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

import pytest

from minutebook.domain.actions import ActionStatus, ActionUpdate
from minutebook.interchange import tracker_file
from minutebook.interchange.reading import FileError
from minutebook.interchange.tracker_file import NEW_PERSON, TrackerPreview, read_tracker
from minutebook.store import Store
from tests.interchange.trackers import (
    ACTION_1,
    ACTION_2,
    ACTION_3,
    DECISION_2,
    DECISION_3,
    HEADINGS_001,
    HEADINGS_003,
    KEY_003,
    POSITION_1,
    ROWS_001,
    ROWS_003,
    TITLE_001,
    TITLE_003,
    with_dates,
    write_csv,
    write_docx,
    write_xlsx,
)

TODAY = date(2023, 9, 20)
REPORTED = date(2022, 7, 18)
"""Seed 003's paper: "Date to which the information this report is based on was
accurate: 18 July 2022"."""


def read(store: Store, code: str, path: Path) -> TrackerPreview:
    ours = {p.id for p in store.membership(code).people}
    return read_tracker(
        path, store.committee(code), store.people(), ours, today=TODAY, positions_on=REPORTED
    )


def places(preview: TrackerPreview) -> list[str]:
    return [row.place for row in preview.actions]


def problems(preview: TrackerPreview) -> list[str]:
    return [str(problem) for problem in preview.problems]


# -- seed 003's Action Tracker ---------------------------------------------------------------


def assert_seed_003(preview: TrackerPreview) -> None:
    """The three actions of seed 003's tracker, as its rows say."""
    assert preview.problems == ()
    assert preview.unknown_owners == ()
    got = [row.action for row in preview.actions]
    assert [a.number for a in got] == [1, 2, 3]
    assert {a.meeting_date for a in got} == {date(2022, 7, 1)}
    assert [a.description for a in got] == [ACTION_1, ACTION_2, ACTION_3]
    assert [a.owner for a in got] == ["wogan", "wogan", "summers"]
    assert [a.item_title for a in got] == [
        "Participant Member Appointments",
        "Agree Partner Membership of Committees",
        "100 Day Plan - external comms",
    ]
    # A blank RAG beside a position is in progress; seed 003's COMPLETE is green.
    assert [(a.status, a.rag) for a in got] == [
        (ActionStatus.IN_PROGRESS, None),
        (ActionStatus.COMPLETE_PROPOSE_CLOSURE, "green"),
        (ActionStatus.COMPLETE_PROPOSE_CLOSURE, "green"),
    ]
    assert got[0].updates == (ActionUpdate(date=REPORTED, text=POSITION_1),)
    assert all(row.number_from_file and row.new_owner is None for row in preview.actions)


def test_seed_003s_tracker_as_an_excel_sheet_below_its_title_and_key(
    demo_reader: Store, tmp_path: Path
) -> None:
    rows = [(TITLE_003,), (), *KEY_003, (), *[HEADINGS_003], *with_dates(ROWS_003, [1])]
    path = write_xlsx(tmp_path / "tracker.xlsx", {"Action Tracker": rows}, merge_first=1)
    preview = read(demo_reader, "ICB", path)
    assert_seed_003(preview)
    heading_row = 1 + 1 + len(KEY_003) + 1 + 1
    assert places(preview) == [f"row {heading_row + n}" for n in (1, 2, 3)]


def test_seed_003s_tracker_in_word_after_its_key_split_over_two_pages(
    demo_reader: Store, tmp_path: Path
) -> None:
    # The key is a table of its own; the tracker's second page repeats the heading row.
    path = write_docx(
        tmp_path / "tracker.docx",
        [KEY_003, [HEADINGS_003, *ROWS_003[:2]], [HEADINGS_003, ROWS_003[2]]],
        paragraphs=[TITLE_003],
    )
    preview = read(demo_reader, "ICB", path)
    assert_seed_003(preview)
    assert places(preview) == ["table 2, row 2", "table 2, row 3", "table 3, row 2"]
    assert preview.notes == ("Table 1, not read: no heading row",)


def test_a_page_that_carries_on_without_the_heading_row(demo_reader: Store, tmp_path: Path) -> None:
    path = write_docx(tmp_path / "tracker.docx", [[HEADINGS_003, *ROWS_003[:2]], [ROWS_003[2]]])
    preview = read(demo_reader, "ICB", path)
    assert_seed_003(preview)
    assert places(preview)[-1] == "table 2, row 1"


def test_seed_003s_tracker_as_a_csv_from_excel(demo_reader: Store, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "tracker.csv", [(TITLE_003,), HEADINGS_003, *ROWS_003], encoding="utf-8-sig"
    )
    assert_seed_003(read(demo_reader, "ICB", path))


# -- seed 001's Decision Tracker -------------------------------------------------------------


def assert_seed_001(preview: TrackerPreview, where: list[str]) -> None:
    """Seed 001's two decisions under THE MK DEAL: the subject row is their item, and
    its lead officer (Michael Bracey) theirs, "Chief Executive" naming no one."""
    assert problems(preview) == []
    got = [row.action for row in preview.actions]
    assert [a.description for a in got] == [DECISION_2, DECISION_3]
    assert {(a.meeting_date, a.minute, a.item_title, a.owner) for a in got} == {
        (date(2023, 6, 13), "HCP05", "THE MK DEAL", "bracey")
    }
    # Seed 001's green is "significant progress made", not done.
    assert [(a.status, a.rag) for a in got] == [
        (ActionStatus.IN_PROGRESS, "G"),
        (ActionStatus.NOT_YET_DUE, None),
    ]
    assert [a.number for a in got] == [None, None]
    assert places(preview) == where
    (note,) = preview.notes
    assert "'Chief Executive' names no one known" in note
    assert "Michael Bracey, is taken as the owner" in note


def test_seed_001s_decision_tracker_in_word_with_its_title_row(
    demo_reader: Store, tmp_path: Path
) -> None:
    path = write_docx(
        tmp_path / "tracker.docx", [[HEADINGS_001, *ROWS_001]], title_rows=[TITLE_001]
    )
    preview = read(demo_reader, "HCP", path)
    # Row 1 the title, row 2 the headings, row 3 the subject: the decisions are 4 and 5.
    assert_seed_001(preview, ["table 1, row 4", "table 1, row 5"])


@pytest.mark.parametrize(
    ("delimiter", "encoding"), [(";", "cp1252"), (",", "utf-8-sig"), ("\t", "utf-16")]
)
def test_seed_001s_decision_tracker_as_a_csv(
    demo_reader: Store, tmp_path: Path, delimiter: str, encoding: str
) -> None:
    rows = [HEADINGS_001, *ROWS_001]
    path = write_csv(tmp_path / "t.csv", rows, delimiter=delimiter, encoding=encoding)
    preview = read(demo_reader, "HCP", path)
    got = [row.action for row in preview.actions]
    assert [a.description for a in got] == [DECISION_2, DECISION_3]
    assert places(preview) == ["row 3", "row 4"]


def test_seed_001s_decision_tracker_in_excel(demo_reader: Store, tmp_path: Path) -> None:
    rows = [("DECISION TRACKER 2022/23 - HEALTH AND CARE PARTNERSHIP",), (TITLE_001,),
            HEADINGS_001, *with_dates(ROWS_001, [0])]  # fmt: skip
    path = write_xlsx(tmp_path / "t.xlsx", {"2022-23": rows}, merge_first=2)
    preview = read(demo_reader, "HCP", path)
    assert [row.action.description for row in preview.actions] == [DECISION_2, DECISION_3]
    assert places(preview) == ["row 5", "row 6"]


# -- cells as people type them ---------------------------------------------------------------

HEADINGS = ("No.", "Meeting date", "Minute ref", "Item", "Action", "Owner", "Past deadlines",
            "Deadline", "Update", "Status", "Date closed")  # fmt: skip
CELLS = ("number", "meeting", "minute", "item", "action", "owner", "past", "due", "update",
         "status", "closed")  # fmt: skip


def one_row(store: Store, tmp_path: Path, code: str = "ICB", **cells: str) -> TrackerPreview:
    """A .csv of one action, agreed on 1 July 2022, for Maria Wogan, but for `cells`."""
    given = {"number": "7", "meeting": "01/07/2022", "action": "Report back"}
    given |= {"owner": "Maria Wogan"} | cells
    path = write_csv(tmp_path / "one.csv", [HEADINGS, [given.get(c, "") for c in CELLS]])
    return read(store, code, path)


def test_deadlines_as_typed(demo_reader: Store, tmp_path: Path) -> None:
    preview = one_row(
        demo_reader,
        tmp_path,
        meeting="1st July 2022",
        owner="Dr Rima Makarem",
        past="29.07.22\n30/09/2022",
        due="June 2023",
        status="Outstanding",
    )
    (row,) = preview.actions
    assert row.action.meeting_date == date(2022, 7, 1)
    assert row.action.past_deadlines == (date(2022, 7, 29), date(2022, 9, 30))
    assert row.action.due == date(2023, 6, 30)  # a month alone: due by its end
    assert (row.action.owner, row.action.status, row.action.rag) == (
        "makarem",
        ActionStatus.OUTSTANDING,
        "red",
    )


@pytest.mark.parametrize("due", ["TBC", "ongoing", ""])
def test_no_deadline_yet(demo_reader: Store, tmp_path: Path, due: str) -> None:
    (row,) = one_row(demo_reader, tmp_path, owner="MW", due=due).actions
    assert (row.action.due, row.action.owner) == (None, "wogan")  # MW: Maria Wogan's initials


@pytest.mark.parametrize(
    ("status", "closed"),
    [("Closed 12/08/2022", ""), ("CLOSED", "12/08/2022"), ("", "12 August 2022")],
)
def test_a_closed_action_with_its_date(
    demo_reader: Store, tmp_path: Path, status: str, closed: str
) -> None:
    (row,) = one_row(demo_reader, tmp_path, status=status, closed=closed).actions
    got = (row.action.status, row.action.closed_on, row.action.rag)
    assert got == (ActionStatus.CLOSED, date(2022, 8, 12), "closed")


def test_a_dated_position_is_an_update_of_that_date(demo_reader: Store, tmp_path: Path) -> None:
    text = "18/07/2022: Offer accepted.\n29/07/2022 - Checks under way\nand nearly done"
    (row,) = one_row(demo_reader, tmp_path, update=text).actions
    assert row.action.updates == (
        ActionUpdate(date=date(2022, 7, 18), text="Offer accepted."),
        ActionUpdate(date=date(2022, 7, 29), text="Checks under way\nand nearly done"),
    )


def test_several_owners_give_the_first_known_and_the_rest_stay_with_the_action(
    demo_reader: Store, tmp_path: Path
) -> None:
    preview = one_row(demo_reader, tmp_path, action="Digital plan", owner="COSACS / Ross Graves")
    (row,) = preview.actions
    assert (row.action.owner, row.action.description) == ("graves", "Digital plan (with COSACS)")


def test_initials_that_fit_several_of_the_committees_people_are_a_problem(
    demo_reader: Store, tmp_path: Path
) -> None:
    # HCP has J Hannon, Joe Harrison and Jane Held: "JH" could be any of them.
    preview = one_row(demo_reader, tmp_path, "HCP", meeting="13/06/2023", owner="JH")
    assert problems(preview) == [
        "row 2: Owner: 'JH' could be J Hannon, Jane Held, Joe Harrison: write the full name"
    ]


def test_an_unknown_owner_is_someone_new_and_named(demo_reader: Store, tmp_path: Path) -> None:
    blank = ("",) * 5
    rows = [
        HEADINGS,
        ("7", "01/07/2022", "", "", "Report back", "Cllr Jo Bloggs", *blank),
        ("8", "01/07/2022", "", "", "Report again", "jo bloggs", *blank),
    ]
    preview = read(demo_reader, "ICB", write_csv(tmp_path / "t.csv", rows))
    assert preview.problems == ()
    assert preview.unknown_owners == ("Cllr Jo Bloggs",)
    assert {row.action.owner for row in preview.actions} == {NEW_PERSON}
    first = preview.actions[0].new_owner
    assert first is not None and (first.name, first.honorific) == ("Jo Bloggs", "Cllr")


# -- rows that cannot be read ----------------------------------------------------------------


def test_every_bad_row_is_named_with_its_reason_and_the_good_rows_still_read(
    demo_reader: Store, tmp_path: Path
) -> None:
    bad = [
        HEADINGS_003,
        ROWS_003[0],
        (4, "31/02/2022", "Item", "Impossible date", "Maria Wogan", "", "", "", ""),
        (5, "next Tuesday", "Item", "No date at all", "Maria Wogan", "", "", "", ""),
        (1, "01/07/2022", "Item", "Number used above", "Maria Wogan", "", "", "", ""),
        (6, "01/07/2022", "Item", "Due before agreed", "Maria Wogan", "", "30/06/2022", "", ""),
        (8, "01/07/2022", "Item", "Strange status", "Maria Wogan", "", "", "", "Awaiting"),
        (9, "01/07/2022", "Item", "Closed, no date", "Maria Wogan", "", "", "", "CLOSED"),
        ("A10", "01/07/2022", "Item", "Not a number", "Maria Wogan", "", "", "", ""),
        (11, "01/07/2022", "Item", "", "Maria Wogan", "", "", "", "Amber"),
        (12, "01/07/2022", "Item", "No owner", "", "", "", "", ""),
        ROWS_003[1],
    ]
    path = write_xlsx(tmp_path / "bad.xlsx", {"Actions": bad})
    preview = read(demo_reader, "ICB", path)
    assert [row.action.number for row in preview.actions] == [1, 2]
    assert problems(preview) == [
        "row 3: Meeting Date: '31/02/2022' is not a real date",
        "row 4: Meeting Date: 'next Tuesday' is not a date; write it as dd/mm/yyyy, "
        "e.g. 13/06/2023",
        "row 5: the action number 1 is also row 2's",
        "row 6: the action is due (30/06/2022) before the meeting that agreed it (01/07/2022)",
        "row 7: RAG (Add date action is agreed closed): 'Awaiting' is not a status or RAG "
        "of the key (Red / Amber / Green / Blue / Black, R / A / G / B, Escalated, "
        "Outstanding, In progress, Not yet due, Complete, Closed dd/mm/yyyy)",
        "row 8: RAG (Add date action is agreed closed): 'CLOSED' gives no date closed: write the "
        "date the committee closed it (Closed 12/05/2022, or a Date Closed column)",
        "row 9: the action number 'A10' is not a whole number",
        "row 10: no action: the Action cell is blank",
        "row 11: no owner: the Responsible Manager (Enter full name) cell is blank",
    ]


def test_a_meeting_date_is_taken_from_the_row_above_only_when_left_blank(
    demo_reader: Store, tmp_path: Path
) -> None:
    rows = [
        HEADINGS_003,
        ROWS_003[0],
        (4, "", "Item", "Same meeting", "Maria Wogan", "", "", "", ""),
    ]
    preview = read(demo_reader, "ICB", write_csv(tmp_path / "t.csv", rows))
    assert [row.action.meeting_date for row in preview.actions] == [date(2022, 7, 1)] * 2
    first = [HEADINGS_003, (4, "", "Item", "No meeting", "Maria Wogan", "", "", "", "")]
    preview = read(demo_reader, "ICB", write_csv(tmp_path / "u.csv", first))
    assert problems(preview) == ["row 2: no meeting date: the Meeting Date cell is blank"]


def test_blank_rows_and_numbered_empty_rows_are_passed_over(
    demo_reader: Store, tmp_path: Path
) -> None:
    rows = [HEADINGS_003, (), ROWS_003[0], (None,) * 9, (2,), ("", "", "", "", "", "", "", "", "")]
    path = write_xlsx(tmp_path / "t.xlsx", {"Actions": rows})
    preview = read(demo_reader, "ICB", path)
    assert (places(preview), preview.problems) == (["row 3"], ())


def test_a_repeated_heading_row_within_a_sheet_is_passed_over(
    demo_reader: Store, tmp_path: Path
) -> None:
    rows = [HEADINGS_003, ROWS_003[0], HEADINGS_003, ROWS_003[1]]
    preview = read(demo_reader, "ICB", write_xlsx(tmp_path / "t.xlsx", {"Actions": rows}))
    assert (places(preview), preview.problems) == (["row 2", "row 4"], ())


def test_each_sheet_of_a_workbook_is_read_and_named(demo_reader: Store, tmp_path: Path) -> None:
    sheets = {
        "Open": [HEADINGS_003, ROWS_003[0]],
        "Closed": [
            HEADINGS_003,
            (4, "01/07/2022", "x", "Done", "Maria Wogan", "", "", "", "Closed 29/07/2022"),
        ],
        "Lists": [("Maria Wogan",), ("Michelle Summers",)],
        "Old": [HEADINGS_003, ROWS_003[1]],
    }
    path = write_xlsx(tmp_path / "t.xlsx", sheets, hidden=["Old"])
    preview = read(demo_reader, "ICB", path)
    assert places(preview) == ["sheet 'Open', row 2", "sheet 'Closed', row 2"]
    assert preview.notes == ("Sheet 'Lists', not read: no heading row",)


def test_an_excel_date_cell_and_a_day_number(demo_reader: Store, tmp_path: Path) -> None:
    row = (4, 44743, "x", "Report", "Maria Wogan", "", date(2022, 7, 29), "", "")
    preview = read(demo_reader, "ICB", write_xlsx(tmp_path / "t.xlsx", {"A": [HEADINGS_003, row]}))
    (got,) = preview.actions
    assert (got.action.meeting_date, got.action.due) == (date(2022, 7, 1), date(2022, 7, 29))


def test_a_year_alone_in_a_date_cell_is_not_a_day_number_of_1905(
    demo_reader: Store, tmp_path: Path
) -> None:
    row = (4, 44743, "x", "Report", "Maria Wogan", "", 2023, "", "")
    preview = read(demo_reader, "ICB", write_xlsx(tmp_path / "t.xlsx", {"A": [HEADINGS_003, row]}))
    assert preview.actions == ()
    (problem,) = problems(preview)
    assert problem.startswith("row 2: Current Deadline: '2023' is not a date")


# -- files refused whole ---------------------------------------------------------------------


def test_no_heading_row_names_the_file_and_the_headings_looked_for(
    demo_reader: Store, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "t.xlsx", {"A": [("Date", "Who", "What"), *ROWS_003]})
    with pytest.raises(FileError) as caught:
        read(demo_reader, "ICB", path)
    assert caught.value.source == str(path)
    (problem,) = caught.value.problems
    assert problem.startswith("has no heading row: a tracker needs a row of headings naming")
    for heading in ("Action", "Date of Meeting", "Meeting Date", "Responsible Manager"):
        assert heading in problem


def test_headings_without_an_owner_column_are_refused(demo_reader: Store, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "t.csv", [("Action No.", "Meeting Date", "Action"), (1, "01/07/2022", "x")]
    )
    with pytest.raises(FileError) as caught:
        read(demo_reader, "ICB", path)
    assert caught.value.problems == [
        "has no owner column (Responsible Manager (Enter full name) / Responsible Manager (full "
        "name) / Responsible Manager / Lead Officer): see the headings in row 1"
    ]


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        (
            "t.xls",
            b"\xd0\xcf\x11\xe0",
            "is not a .docx, .xlsx or .csv file (save it from Excel as .xlsx)",
        ),
        ("t.txt", b"x", "is not a .docx, .xlsx or .csv file"),
        ("t.xlsx", b"not a zip", "is not an Excel workbook saved as .xlsx"),
        ("t.docx", b"PK\x05\x06" + b"\0" * 18, "is not a Word document that can be read"),
        ("t.csv", b"\x81\x8d\x8f\x90\x9d", "is not a text file"),
    ],
)
def test_a_file_that_is_no_tracker_is_refused(
    demo_reader: Store, tmp_path: Path, name: str, content: bytes, problem: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(FileError) as caught:
        read(demo_reader, "ICB", path)
    assert caught.value.problems[0].startswith(problem)


def test_a_large_file_is_refused_unread(
    demo_reader: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tracker_file, "MAX_TRACKER_BYTES", 100)
    path = write_csv(tmp_path / "t.csv", [HEADINGS_003, *ROWS_003])
    with pytest.raises(FileError) as caught:
        read(demo_reader, "ICB", path)
    assert caught.value.problems[0].startswith("is too large for a Minutebook file")


def test_a_zip_that_would_unpack_to_too_much_is_refused(
    demo_reader: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_xlsx(tmp_path / "t.xlsx", {"A": [HEADINGS_003, *ROWS_003]})
    monkeypatch.setattr(tracker_file, "MAX_UNPACKED_BYTES", 1000)
    with pytest.raises(FileError) as caught:
        read(demo_reader, "ICB", path)
    assert caught.value.problems == ["unpacks to more than a tracker could hold; it is not read"]


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs are POSIX")
def test_a_fifo_is_refused_without_waiting(demo_reader: Store, tmp_path: Path) -> None:
    fifo = tmp_path / "t.csv"
    os.mkfifo(fifo)
    with pytest.raises(FileError) as caught:
        read(demo_reader, "ICB", fifo)
    assert caught.value.problems == [
        "is not a regular file (a .docx, .xlsx or .csv tracker expected)"
    ]
