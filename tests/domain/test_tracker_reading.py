"""Reading the words of a tracker kept elsewhere: dates as people type them, the status
and RAG in the committee's key (seed 001's colour code, seed 003's key), owners' names;
and which actions are open and overdue (docs/actions.md)."""

from __future__ import annotations

from datetime import date

import pytest

from minutebook.domain.actions import Action, ActionStatus, is_open, is_overdue
from minutebook.domain.committee import Person
from minutebook.domain.dates import written_date, written_dates
from minutebook.domain.rag import COUNCIL, NHS, status_at
from minutebook.domain.tracker_reading import owner_read, status_read

JUNE_13 = date(2023, 6, 13)


@pytest.mark.parametrize(
    "text",
    [
        "13/06/2023",
        "13/6/23",
        "13.06.23",
        "13-06-2023",
        "2023-06-13",
        "13 June 2023",
        "13th June 2023",
        "13 Jun 2023",
        "13-Jun-23",
        "Tuesday 13 June 2023",
        "June 13, 2023",
        "13/06/2023 00:00:00",
        " 13 June 2023. ",
    ],
)
def test_a_date_is_read_as_people_type_it(text: str) -> None:
    assert written_date(text) == JUNE_13


@pytest.mark.parametrize("text", ["", "  ", "TBC", "tbc", "Ongoing", "N/A", "-", "to be confirmed"])
def test_no_date_yet_is_no_date(text: str) -> None:
    assert written_date(text) is None


def test_a_month_alone_is_a_deadline_at_its_end_and_no_meeting_date() -> None:
    assert written_date("June 2023", month_end=True) == date(2023, 6, 30)
    assert written_date("Jun-23", month_end=True) == date(2023, 6, 30)
    assert written_date("end of February 2024", month_end=True) == date(2024, 2, 29)
    assert written_date("December 2023", month_end=True) == date(2023, 12, 31)
    with pytest.raises(ValueError, match="names a month, not a day"):
        written_date("June 2023")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31/02/2023", "'31/02/2023' is not a real date"),
        ("next week", "'next week' is not a date"),
        ("12/05", "'12/05' is not a date"),
        ("13 June", "'13 June' is not a date"),
    ],
)
def test_a_cell_that_is_not_a_date_says_so(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        written_date(text)


def test_a_past_deadlines_cell_may_hold_several_dates() -> None:
    both = (date(2022, 6, 30), date(2022, 7, 29))
    assert written_dates("30/06/2022, 29/07/2022") == both
    assert written_dates("30.06.22\n29.07.22") == both
    assert written_dates("30/06/2022 then 29/07/2022") == both
    assert written_dates("June 2022; 29 July 2022") == both
    assert written_dates("TBC") == ()
    with pytest.raises(ValueError, match="is not a list of dates"):
        written_dates("30/06/2022 (Board) 29/07/2022")


# -- status and RAG: seed 001's colour code and seed 003's key -----------------------------


@pytest.mark.parametrize(
    ("cell", "status", "council", "nhs"),
    [
        ("(R) RED", ActionStatus.OUTSTANDING, "R", "red"),
        ("R", ActionStatus.OUTSTANDING, "R", "red"),
        ("Outstanding", ActionStatus.OUTSTANDING, "R", "red"),
        ("Amber", ActionStatus.IN_PROGRESS, "A", "amber"),
        ("In Progress", ActionStatus.IN_PROGRESS, "A", "amber"),
        ("Not Yet Due", ActionStatus.NOT_YET_DUE, None, "blue"),
        ("Blue", ActionStatus.NOT_YET_DUE, None, "blue"),
        (
            "COMPLETE: Propose closure at next meeting",
            ActionStatus.COMPLETE_PROPOSE_CLOSURE,
            "G",
            "green",
        ),
    ],
)
def test_status_words_and_colours_are_read_in_the_committees_key(
    cell: str, status: ActionStatus, council: str | None, nhs: str | None
) -> None:
    assert (
        status_read(cell, COUNCIL, None, False).status,
        status_read(cell, COUNCIL, None, False).rag,
    ) == (status, council)
    assert (
        status_read(cell, NHS, None, False).status,
        status_read(cell, NHS, None, False).rag,
    ) == (status, nhs)


def test_green_means_progress_in_seed_001_and_complete_in_seed_003() -> None:
    # Seed 001: "(G) GREEN: SIGNIFICANT PROGRESS MADE"; seed 003: "COMPLETE - GREEN".
    council = status_read("GREEN", COUNCIL, None, False)
    nhs = status_read("GREEN", NHS, None, False)
    assert (council.status, council.rag) == (ActionStatus.IN_PROGRESS, "G")
    assert (nhs.status, nhs.rag) == (ActionStatus.COMPLETE_PROPOSE_CLOSURE, "green")


def test_black_is_escalated_in_seed_003_and_no_further_action_in_seed_001() -> None:
    nhs = status_read("Escalated", NHS, None, False)
    assert (nhs.status, nhs.rag) == (ActionStatus.OUTSTANDING, "black")
    council = status_read("(B) BLACK", COUNCIL, None, False)
    assert (council.status, council.rag) == (ActionStatus.COMPLETE_PROPOSE_CLOSURE, "B")
    assert council.note and "for the committee to close" in council.note
    closed = status_read("(B) BLACK", COUNCIL, date(2023, 9, 20), False)
    assert (closed.status, closed.closed_on) == (ActionStatus.CLOSED, date(2023, 9, 20))


@pytest.mark.parametrize("cell", ["Closed 12/05/2022", "CLOSED (12/05/2022)", "Closed on 12.05.22"])
def test_closed_with_its_date(cell: str) -> None:
    read = status_read(cell, NHS, None, False)
    assert (read.status, read.rag, read.closed_on) == (
        ActionStatus.CLOSED,
        "closed",
        date(2022, 5, 12),
    )


def test_closed_needs_the_date_the_committee_closed_it() -> None:
    with pytest.raises(ValueError, match="gives no date closed"):
        status_read("CLOSED", NHS, None, False)
    assert status_read("CLOSED", NHS, date(2022, 5, 12), False).closed_on == date(2022, 5, 12)


def test_a_blank_status_is_in_progress_where_a_position_is_reported() -> None:
    assert status_read("", NHS, None, True).status is ActionStatus.IN_PROGRESS
    assert status_read("", NHS, None, False).status is ActionStatus.NOT_YET_DUE


def test_words_that_are_no_status_are_refused() -> None:
    with pytest.raises(ValueError, match="'Awaiting a response' is not a status or RAG"):
        status_read("Awaiting a response", NHS, None, False)


# -- owners ----------------------------------------------------------------------------------

PEOPLE = [
    Person(id="wogan", name="Maria Wogan", initials="MW"),
    Person(id="marland", name="Peter Marland", honorific="Councillor", printed_name="Marland"),
    Person(id="bracey", name="Michael Bracey", initials="MB"),
    Person(id="begley", name="M Begley", initials="MB"),
    Person(id="hannon", name="J Hannon"),
    Person(id="harrison", name="Joe Harrison"),
    Person(id="whiteman", name="Sarah Whiteman", honorific="Dr"),
    Person(id="graves", name="Ross Graves"),
]
OURS = {"wogan", "marland", "bracey", "begley", "hannon", "harrison", "whiteman"}


@pytest.mark.parametrize(
    ("cell", "who"),
    [
        ("Maria Wogan", "wogan"),
        ("maria wogan ", "wogan"),
        ("Cllr Peter Marland", "marland"),
        ("Councillor Marland", "marland"),
        ("Dr. Sarah Whiteman", "whiteman"),
        ("Sarah Whiteman", "whiteman"),
        ("M. Bracey", "bracey"),
        ("MW", "wogan"),
        ("mw", "wogan"),
        ("Maria Wogan, Chief Operating Officer", "wogan"),
    ],
)
def test_an_owner_is_matched_by_name_titles_and_case_aside(cell: str, who: str) -> None:
    read = owner_read(cell, PEOPLE, OURS)
    assert read.person is not None and read.person.id == who


def test_initials_name_only_the_committees_people() -> None:
    assert owner_read("RG", PEOPLE, OURS).person is None  # Ross Graves is not on it


def test_initials_two_people_share_are_a_problem_naming_both() -> None:
    read = owner_read("MB", PEOPLE, OURS)
    assert read.person is None
    assert read.problem == "'MB' could be M Begley, Michael Bracey: write the full name"


def test_several_owners_give_the_first_known_and_keep_the_others() -> None:
    read = owner_read("Ross Graves / COSACS", PEOPLE, OURS)
    assert read.person is not None and read.person.id == "graves"
    assert read.others == ("COSACS",)
    read = owner_read("COSACS & Maria Wogan", PEOPLE, OURS)
    assert read.person is not None and read.person.id == "wogan"
    assert read.others == ("COSACS",)


def test_an_unknown_name_is_someone_new_with_their_title_kept() -> None:
    read = owner_read("Cllr Jo Bloggs / Finance", PEOPLE, OURS)
    assert read.person is None
    assert (read.new_name, read.honorific, read.others) == ("Jo Bloggs", "Cllr", ("Finance",))


# -- open and overdue ------------------------------------------------------------------------


def action(status: ActionStatus, due: date | None, closed_on: date | None = None) -> Action:
    return Action(
        committee="ICB",
        meeting_date=date(2022, 7, 1),
        description="To update on recruitment",
        owner="wogan",
        due=due,
        status=status,
        closed_on=closed_on,
    )


def test_open_is_not_closed_by_the_committee() -> None:
    assert is_open(action(ActionStatus.COMPLETE_PROPOSE_CLOSURE, None))
    assert not is_open(action(ActionStatus.CLOSED, None, date(2022, 7, 29)))


def test_overdue_is_open_not_complete_and_past_its_deadline() -> None:
    day = date(2022, 7, 29)
    assert is_overdue(action(ActionStatus.IN_PROGRESS, date(2022, 7, 28)), day)
    assert not is_overdue(action(ActionStatus.IN_PROGRESS, day), day)
    assert not is_overdue(action(ActionStatus.IN_PROGRESS, None), day)
    assert not is_overdue(action(ActionStatus.COMPLETE_PROPOSE_CLOSURE, date(2022, 7, 2)), day)
    late_closed = action(ActionStatus.CLOSED, date(2022, 7, 2), date(2022, 7, 29))
    assert not is_overdue(late_closed, day)


def test_the_rag_proposal_reads_overdue_by_the_same_rule() -> None:
    late = action(ActionStatus.IN_PROGRESS, date(2022, 7, 28))
    day = date(2022, 7, 29)
    assert is_overdue(late, day)
    assert status_at(late.status, late.due, day) is ActionStatus.OUTSTANDING
