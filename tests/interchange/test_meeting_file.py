"""Meeting files (minutebook/interchange/meeting_file.py): people named as secretaries
write them are matched to the holders in the terms of reference, each row's span ("from
item 3 to item 6") becomes an arrival and a departure in the meeting's timeline, and
every problem (an unknown seat, an item not on the agenda, rows of one person that
overlap) is reported, with its place where it has one."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest

from minutebook.domain.meeting import AttendanceStatus, Capacity, MeetingRecord, Mode
from minutebook.domain.meeting_quorum import MeetingQuorum
from minutebook.domain.quorum import Ruling
from minutebook.domain.timeline import EventKind, Phase
from minutebook.interchange.meeting_file import MeetingFile, read_meeting
from minutebook.interchange.tor_file import FileError, TermsFile, read_terms

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def terms() -> TermsFile:
    return read_terms((EXAMPLES / "people-board-tor.yaml").read_text(encoding="utf-8"))


def holder(terms: TermsFile, seat_id: str) -> str:
    seat = terms.membership.seat(seat_id)
    assert seat is not None and seat.holder is not None
    return seat.holder


def record_of(meeting: MeetingFile, terms: TermsFile) -> MeetingRecord:
    return meeting.record(terms.membership.committee.code, meeting.date or date(2022, 9, 1))


def quorum_of(meeting: MeetingFile, terms: TermsFile) -> MeetingQuorum:
    record = record_of(meeting, terms)
    version = terms.in_force_on(record.meeting.date)
    membership = terms.membership
    return MeetingQuorum(record, version, membership.seats, membership.organisations)


def problems_of(text: str, terms: TermsFile) -> list[str]:
    with pytest.raises(FileError) as caught:
        read_meeting(textwrap.dedent(text), terms, "meeting.yaml")
    assert caught.value.source == "meeting.yaml"
    return caught.value.problems


def test_reads_the_example_meeting(terms: TermsFile) -> None:
    text = (EXAMPLES / "people-board-meeting.yaml").read_text(encoding="utf-8")
    meeting = read_meeting(text, terms)
    assert meeting.date == date(2022, 9, 1)
    assert meeting.items == (1, 2, 3, 4, 5)
    assert meeting.titles[4] == "Staff bank contract"
    by_person = {row.person: row for row in meeting.attendance}
    # Names resolve to the ids the ToR file gave the seat holders.
    ruth = by_person[holder(terms, "S1")]
    assert ruth.seats == ("S1",) and ruth.capacity is Capacity.MEMBER
    jo = by_person[holder(terms, "S5")]
    assert jo.mode is Mode.REMOTE
    assert len(meeting.attendance) == 9  # one row a person
    record = record_of(meeting, terms)
    assert record.timeline.problems() == []
    # Spans become the timeline's arrivals and departures: from the start of the first
    # item named to the end of the last.
    tom = holder(terms, "S2")
    assert record.presence_notes(tom) == ["from item 5"]
    assert [(m.kind, m.item, m.phase) for m in record.timeline.marks(tom)] == [
        (EventKind.ARRIVED, 5, Phase.START)
    ]
    assert record.presence_notes(ruth.person) == []  # from the start to the close
    priya = by_person[holder(terms, "S3")]
    assert priya.status is AttendanceStatus.APOLOGIES
    s3 = terms.membership.seat("S3")
    assert s3 is not None
    (sam_id,) = s3.named_deputies
    sam = by_person[sam_id]
    assert sam.capacity is Capacity.DEPUTY and sam.deputy_for == ("S3",)
    assert record.presence_notes(sam_id) == ["from item 3", "left after item 3"]
    # Apologies are not in the room at any point.
    assert record.timeline.marks(priya.person) == []
    assert not record.attended(priya)
    # Someone not in the ToR (an officer) gets an id of their own and keeps their name.
    officer = next(p for p, n in meeting.names.items() if n == "Lee Grant")
    assert officer not in terms.names
    assert by_person[officer].capacity is Capacity.OFFICER
    (declaration,) = meeting.declarations
    assert declaration.person == holder(terms, "S4")
    assert (declaration.item, declaration.ruling) == (4, Ruling.LEAVE)
    # Every id in the meeting has its name, and the ToR's names are unchanged.
    assert {row.person for row in meeting.attendance} <= set(meeting.names)
    for pid, name in terms.names.items():
        assert meeting.names[pid] == name


def test_names_match_whatever_the_case_and_spacing(terms: TermsFile) -> None:
    meeting = read_meeting(
        """
        attendance:
          - {person: "  ruth ADEBAYO ", seats: [S1]}
        """,
        terms,
    )
    (row,) = meeting.attendance
    assert row.person == holder(terms, "S1")


def test_a_person_in_two_rows_is_one_person(terms: TermsFile) -> None:
    """Gareth Lloyd leaves after item 2 and comes back for item 4: two rows in the file,
    one person at the meeting (one attendance row) with two stays in the timeline."""
    text = """
    agenda: [{item: 1}, {item: 2}, {item: 3}, {item: 4}]
    attendance:
      - {person: Ruth Adebayo, seats: [S1]}
      - {person: Gareth Lloyd, seats: [S4], to_item: 2}
      - {person: gareth lloyd, seats: [S4], from_item: 4}
    """
    meeting = read_meeting(textwrap.dedent(text), terms)
    gareth = holder(terms, "S4")
    assert [row.person for row in meeting.attendance] == [holder(terms, "S1"), gareth]
    assert list(meeting.names.values()).count("Gareth Lloyd") == 1
    record = record_of(meeting, terms)
    assert len(record.timeline.stays(gareth)) == 2
    assert record.presence_notes(gareth) == ["left after item 2 and returned for item 4"]
    quorum = quorum_of(meeting, terms)
    opening = quorum.opening().verdict
    at_three, at_four = quorum.at_item(3).verdict, quorum.at_item(4).verdict
    assert opening is not None and at_three is not None and at_four is not None
    assert opening.counted.count(gareth) == 1
    assert gareth not in at_three.counted
    assert at_four.counted.count(gareth) == 1


def test_rows_of_one_person_that_overlap_are_refused(terms: TermsFile) -> None:
    """Two rows of Gareth Lloyd, to item 3 and from item 2: he would arrive at item 2
    while still in the meeting, which no record can say."""
    problems = problems_of(
        """
        agenda: [{item: 1}, {item: 2}, {item: 3}, {item: 4}]
        attendance:
          - {person: Ruth Adebayo, seats: [S1]}
          - {person: Gareth Lloyd, seats: [S4], to_item: 3}
          - {person: Gareth Lloyd, seats: [S4], from_item: 2}
        """,
        terms,
    )
    assert problems == [
        "Gareth Lloyd is already in the meeting at item 2: they cannot arrive again "
        "without having left"
    ]


def test_rows_that_overlap_are_refused_without_an_agenda_too(terms: TermsFile) -> None:
    """No agenda: the items the rows name order them. Two rows for the whole meeting
    overlap everywhere."""
    # Regression test: this once failed; see the docstring for the rule.
    problems = problems_of(
        """
        attendance:
          - {person: Jo Park, seats: [S5]}
          - {person: jo park, seats: [S5], mode: remote}
        """,
        terms,
    )
    assert problems == [
        "Jo Park is already in the meeting before the first item: they cannot arrive "
        "again without having left"
    ]


def test_without_an_agenda_each_stay_is_where_its_items_put_it(terms: TermsFile) -> None:
    """The quorum is asked at the items the file names (here a declaration at item 4):
    Gareth Lloyd, who left after item 2, is not in the room at item 4."""
    # Regression test: this once failed; see the docstring for the rule.
    text = """
    attendance:
      - {person: Ruth Adebayo, seats: [S1]}
      - {person: Gareth Lloyd, seats: [S4], to_item: 2}
      - {person: Jo Park, seats: [S5]}
      - {person: Ali Khan, seats: [S6]}
    declarations:
      - {person: Ali Khan, item: 4}
    """
    meeting = read_meeting(textwrap.dedent(text), terms)
    record = record_of(meeting, terms)
    assert record.timeline.items == (2, 4)
    assert record.timeline.problems() == []
    quorum = quorum_of(meeting, terms)
    gareth = holder(terms, "S4")
    at_two, at_four = quorum.at_item(2).verdict, quorum.at_item(4).verdict
    assert at_two is not None and at_four is not None
    assert gareth in at_two.counted
    assert gareth not in at_four.counted


def test_unknown_seats_and_items_are_reported_with_places(terms: TermsFile) -> None:
    problems = problems_of(
        """
        agenda: [{item: 1}, {item: 2}, {item: 3}]
        attendance:
          - {person: Ruth Adebayo, seats: [S1, S99]}
          - {person: Sam Reed, capacity: deputy, deputy_for: [S42], from_item: 2}
          - {person: Jo Park, seats: [S5], from_item: 4, to_item: 7}
        declarations:
          - {person: Jo Park, item: 3}
          - {person: Ali Khan, item: 9}
        """,
        terms,
    )
    # Each once, with its place (the timeline is not checked again for the same items).
    assert len(problems) == 5
    assert any(p.startswith("attendance[0]") and "'S99'" in p for p in problems)
    assert any(p.startswith("attendance[1]") and "'S42'" in p for p in problems)
    assert "attendance[2].from_item: there is no agenda item 4" in problems
    assert "attendance[2].to_item: there is no agenda item 7" in problems
    assert "declarations[1].item: there is no agenda item 9" in problems


ROWS_THAT_MAKE_NO_SENSE = """\
attendance:
  - {person: Ruth Adebayo, seats: [S1]}
  - {person: Sam Reed, capacity: deputy}
  - {person: Jo Park, seats: [S5], from_item: 4, to_item: 2}
"""


@pytest.mark.parametrize("agenda", ["", "agenda: [{item: 1}, {item: 2}, {item: 3}, {item: 4}]\n"])
def test_a_row_that_makes_no_sense_has_its_place(terms: TermsFile, agenda: str) -> None:
    """Each problem once, with its place, whether or not the file has an agenda."""
    problems = problems_of(agenda + ROWS_THAT_MAKE_NO_SENSE, terms)
    assert problems == [
        "attendance[1]: a deputy must say whose seat they are deputising for",
        "attendance[2]: leaves at item 2 before arriving at 4",
    ]


def test_schema_problems_have_places(terms: TermsFile) -> None:
    problems = problems_of(
        """
        date: someday
        attendance:
          - {person: Ruth Adebayo, capacity: chair}
        declarations:
          - {person: Jo Park, item: 0, ruling: go_away}
        """,
        terms,
    )
    assert "date: must be a date" in problems
    assert any(p.startswith("attendance[0].capacity: ") for p in problems)
    assert any(p.startswith("declarations[0].item: ") for p in problems)
    assert any(p.startswith("declarations[0].ruling: ") for p in problems)


def test_a_comma_cut_title_gets_the_quotes_hint(terms: TermsFile) -> None:
    (problem,) = problems_of(
        """
        agenda:
          - {item: 1, title: Welcome, introductions and apologies}
        """,
        terms,
    )
    assert problem.startswith("agenda[0].introductions and apologies: ")
    assert "put that value in quotes" in problem


def test_not_a_mapping(terms: TermsFile) -> None:
    assert problems_of("- just\n- a list\n", terms) == [
        "expected a mapping with agenda:, attendance: and declarations:"
    ]


def test_invalid_yaml_gives_line_and_column(terms: TermsFile) -> None:
    (problem,) = problems_of("agenda:\n  - {item: 1\nattendance: []\n", terms)
    assert problem.startswith("line 3, column ")
    assert "not valid YAML" in problem
