"""A committee's standing items and the agenda of its next meeting (docs/agenda.md): the
defaults in the words of seed 001's agenda of 20 September 2023 and seed 003's Board
agenda of 29 July 2022, the items deferred at the last meeting, and the order and
numbering of the new agenda."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from minutebook.domain.base import Refused
from minutebook.domain.committee import HouseStyle
from minutebook.domain.lifecycle import minutes_item
from minutebook.domain.meeting import (
    AgendaItem,
    Decision,
    DecisionVerb,
    ItemKind,
    ItemPlace,
    Meeting,
    MeetingRecord,
    Minute,
    Purpose,
)
from minutebook.domain.reviews import matters_item
from minutebook.domain.standing_items import (
    NO_PREVIOUS,
    StandingItem,
    carried_forward,
    checked,
    default_standing_items,
    deferred_items,
    new_item_number,
    next_agenda,
)

JUNE = Meeting(id=1, committee="HCP", date=date(2023, 6, 13))
SEPT = Meeting(id=2, committee="HCP", date=date(2023, 9, 20))


def test_the_council_list_is_seed_001s_agenda_in_its_order_and_words() -> None:
    items = default_standing_items(HouseStyle.COUNCIL)
    # Seed 001, 20 September 2023: 1. Welcome ..., 2(a) Minutes, 2(b) Actions Arising,
    # 3. Disclosures of Interest, ... 9. Date of the Next Meeting; any other business
    # (the standing items) closes before the date of the next meeting.
    assert [(i.title, i.kind, i.place) for i in items] == [
        ("Welcome, Introductions and Apologies", ItemKind.WELCOME, ItemPlace.OPENING),
        ("Minutes", ItemKind.MINUTES, ItemPlace.OPENING),
        ("Actions Arising", ItemKind.MATTERS_ARISING, ItemPlace.OPENING),
        ("Disclosures of Interest", ItemKind.DECLARATIONS, ItemPlace.OPENING),
        ("Any Other Business", ItemKind.ANY_OTHER_BUSINESS, ItemPlace.CLOSING),
        ("Date of the Next Meeting", ItemKind.NEXT_MEETING, ItemPlace.CLOSING),
    ]
    # A council committee takes other business only when the Chair rules it urgent.
    assert items[4].description == (
        "To consider any other business which the Chair is of the opinion should be "
        "considered as a matter of urgency."
    )
    minutes = items[1]
    assert minutes.description == (
        "To approve, and the Chair to sign as a correct record, the Minutes of the "
        "meeting held on {previous}."
    )
    assert minutes.purpose is Purpose.DECISION
    assert items[3].description is not None
    assert items[3].description.startswith("Councillors to declare any disclosable pecuniary")


def test_the_nhs_list_is_seed_003s_board_agenda() -> None:
    items = default_standing_items(HouseStyle.NHS)
    # Seed 003, 29 July 2022: 1. Welcome ..., 2. Declarations, 3. Approval of Minutes
    # and Matters Arising, 4. Review of Action Tracker, ... 22. Any Other Business,
    # 23. Date and time of next meeting.
    assert [(i.title, i.kind, i.place) for i in items] == [
        ("Welcome, Introductions and Apologies", ItemKind.WELCOME, ItemPlace.OPENING),
        ("Declarations of Interest", ItemKind.DECLARATIONS, ItemPlace.OPENING),
        ("Approval of Minutes and Matters Arising", ItemKind.MINUTES, ItemPlace.OPENING),
        ("Review of Action Tracker", ItemKind.MATTERS_ARISING, ItemPlace.OPENING),
        ("Any Other Business", ItemKind.ANY_OTHER_BUSINESS, ItemPlace.CLOSING),
        ("Date and time of next meeting", ItemKind.NEXT_MEETING, ItemPlace.CLOSING),
    ]
    assert items[3].description == (
        "To review the Action Tracker by updating actions with progress and to agree "
        "closure of proposed completed actions."
    )
    assert all(i.lead == "Chair" for i in items if i.kind is not ItemKind.MATTERS_ARISING)


def test_the_next_agenda_is_opening_items_carried_items_closing_items_numbered() -> None:
    deferred = AgendaItem(
        number=6,
        title="Health Inequalities Funding",
        lead="Vicky Head",
        purpose=Purpose.DECISION,
        planned_minutes=20,
        paper="Pages 77 - 80",
        description="To consider recommendations for the use of health inequalities funding",
    )
    agenda = next_agenda(default_standing_items(HouseStyle.COUNCIL), [deferred], JUNE)
    assert [(i.number, i.title) for i in agenda] == [
        (1, "Welcome, Introductions and Apologies"),
        (2, "Minutes"),
        (3, "Actions Arising"),
        (4, "Disclosures of Interest"),
        (5, "Health Inequalities Funding"),
        (6, "Any Other Business"),
        (7, "Date of the Next Meeting"),
    ]
    assert agenda[1].description == (
        "To approve, and the Chair to sign as a correct record, the Minutes of the "
        "meeting held on 13 June 2023."
    )
    assert agenda[1].kind is ItemKind.MINUTES and agenda[1].place is ItemPlace.OPENING
    carried = agenda[4]
    assert (carried.lead, carried.purpose, carried.planned_minutes) == (
        "Vicky Head",
        Purpose.DECISION,
        20,
    )
    assert carried.description == deferred.description
    # The paper reference named pages of the earlier meeting's pack.
    assert carried.paper is None
    assert carried.kind is None and carried.place is None


def test_closing_items_close_whatever_order_the_list_was_given_in() -> None:
    aob = StandingItem(title="Any Other Business", place=ItemPlace.CLOSING)
    welcome = StandingItem(title="Welcome")
    agenda = next_agenda([aob, welcome], [], SEPT)
    assert [i.title for i in agenda] == ["Welcome", "Any Other Business"]
    assert checked([aob, welcome]) == (welcome, aob)


def test_with_no_earlier_meeting_the_date_is_left_for_the_secretary() -> None:
    agenda = next_agenda(default_standing_items(HouseStyle.NHS), [], None)
    minutes = minutes_item(agenda)
    assert minutes is not None and minutes.description is not None
    assert NO_PREVIOUS in minutes.description
    assert "{previous}" not in minutes.description


def test_a_placeholder_minutebook_does_not_fill_is_refused() -> None:
    with pytest.raises(ValidationError, match=r"\{previos\} is not something Minutebook"):
        StandingItem(title="Minutes", description="the meeting held on {previos}")


def test_a_committee_has_one_minutes_item_and_one_matters_item() -> None:
    first = StandingItem(title="Minutes", kind=ItemKind.MINUTES)
    second = StandingItem(title="Approval of Minutes", kind=ItemKind.MINUTES)
    with pytest.raises(Refused, match="'Minutes' and 'Approval of Minutes' are both the"):
        checked([first, second])
    tracker = StandingItem(title="Tracker", kind=ItemKind.MATTERS_ARISING)
    with pytest.raises(Refused, match="matters arising"):
        checked([tracker, tracker])
    other = StandingItem(title="Chair's report")
    assert checked([first, tracker, other, other]) == (first, tracker, other, other)


def _record(minutes: list[Minute], agenda: list[AgendaItem]) -> MeetingRecord:
    return MeetingRecord(meeting=SEPT, agenda=tuple(agenda), minutes=tuple(minutes))


def test_the_items_deferred_at_a_meeting_are_those_with_a_deferred_decision() -> None:
    agenda = [
        AgendaItem(number=1, title="Minutes", kind=ItemKind.MINUTES, place=ItemPlace.OPENING),
        AgendaItem(number=2, title="Bletchley Pathfinder"),
        AgendaItem(number=3, title="Health Inequalities Funding"),
        AgendaItem(number=4, title="The Better Care Fund"),
        AgendaItem(number=5, title="Date of the Next Meeting"),
    ]
    deferred = Decision(verb=DecisionVerb.DEFERRED, text="to the next meeting")
    minutes = [
        # The approval of the minutes deferred: the next agenda has its own minutes item.
        Minute(item=1, decisions=(deferred,)),
        Minute(item=2, decisions=(Decision(text="That the proposal be agreed"),)),
        # Noted in part and deferred in part: still offered.
        Minute(
            item=3,
            decisions=(Decision(verb=DecisionVerb.NOTED, text="the report"), deferred),
        ),
        Minute(item=4, narrative="Discussed; deferred, as the plan was not ready."),
        # An old agenda without kinds: the standing item is known by its title.
        Minute(item=5, decisions=(deferred,)),
    ]
    standing = default_standing_items(HouseStyle.COUNCIL)
    found = deferred_items(_record(minutes, agenda), standing)
    assert [i.title for i in found] == ["Health Inequalities Funding"]


def test_carried_forward_keeps_confidentiality() -> None:
    item = AgendaItem(number=9, title="Contract award", confidential=True, paper="Exempt")
    assert carried_forward(item).confidential is True


def test_the_minutes_item_is_found_by_its_kind_before_its_title() -> None:
    agenda = [
        AgendaItem(number=1, title="Committee Reports: draft minutes of the HCP"),
        AgendaItem(number=2, title="Previous meeting", kind=ItemKind.MINUTES),
        AgendaItem(number=3, title="Outstanding actions", kind=ItemKind.MATTERS_ARISING),
    ]
    assert minutes_item(agenda) == agenda[1]
    assert matters_item(agenda) == agenda[2]
    # Without kinds (an agenda made before standing items): the title decides.
    plain = [AgendaItem(number=a.number, title=a.title) for a in agenda]
    assert minutes_item(plain) == plain[0]
    assert matters_item(plain) == plain[2]  # "Outstanding actions"
    seed_003 = [
        AgendaItem(number=3, title="Approval of Minutes and Matters Arising"),
        AgendaItem(number=4, title="Review of Action Tracker - Board Appointments Update"),
    ]
    assert matters_item(seed_003) == seed_003[1]
    # Whole words only: transactions are not actions.
    council = [
        AgendaItem(number=2, title="Minutes"),
        AgendaItem(number=3, title="Related Party Transactions"),
    ]
    assert matters_item(council) == council[0]


def test_an_item_added_goes_before_the_closing_items() -> None:
    agenda = next_agenda(default_standing_items(HouseStyle.NHS), [], JUNE)
    assert new_item_number(agenda) == 5  # before Any Other Business
    plain = [AgendaItem(number=1, title="A"), AgendaItem(number=2, title="B")]
    assert new_item_number(plain) == 3
    assert new_item_number([]) == 1
    only_closing = [
        AgendaItem(number=1, title="Any Other Business", place=ItemPlace.CLOSING),
    ]
    assert new_item_number(only_closing) == 1
