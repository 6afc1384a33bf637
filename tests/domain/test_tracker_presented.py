"""The tracker presented to a meeting (docs/actions.md): which meeting (the next one by
default; another date refused, naming the nearest), its year, its actions as they stood
before that meeting's reviews, decisions numbered under their subject as seed 001 numbers
them, the lead officer's post, and no RAG where nothing can be said (seed 003's action 1)."""

from __future__ import annotations

from datetime import date

import pytest

from minutebook.domain.actions import Action, ActionStatus, ActionUpdate
from minutebook.domain.base import Refused
from minutebook.domain.committee import (
    Committee,
    Membership,
    NumberingReset,
    NumberingScheme,
    Organisation,
    Person,
    RagPalette,
    Seat,
)
from minutebook.domain.meeting import Meeting
from minutebook.domain.rag import COUNCIL, NHS
from minutebook.domain.reviews import ActionReview, ReviewedState
from minutebook.domain.tracker import (
    Lead,
    coming_meeting,
    leads,
    meeting_for,
    next_meeting,
    presented,
    subject_numbers,
    tracker_rag,
    tracker_year,
    year_label,
)

JUNE, SEPTEMBER, NOVEMBER = date(2023, 6, 13), date(2023, 9, 20), date(2023, 11, 15)
MEETINGS = [Meeting(committee="HCP", date=day) for day in (SEPTEMBER, JUNE, NOVEMBER)]


def _action(number: int, **changes: object) -> Action:
    fields: dict[str, object] = {
        "id": number,
        "committee": "HCP",
        "number": number,
        "meeting_date": JUNE,
        "meeting_id": 1,
        "item": 6,
        "minute": "HCP6",
        "item_title": "MK Deal Update",
        "description": f"Action {number}",
        "owner": "bracey",
    }
    fields.update(changes)
    return Action.model_validate(fields)


def test_the_next_meeting_is_the_first_today_or_later_else_the_latest() -> None:
    assert next_meeting(MEETINGS, date(2023, 9, 1)).date == SEPTEMBER  # type: ignore[union-attr]
    assert next_meeting(MEETINGS, SEPTEMBER).date == SEPTEMBER  # type: ignore[union-attr]
    assert next_meeting(MEETINGS, date(2026, 12, 1)).date == NOVEMBER  # type: ignore[union-attr]
    assert next_meeting([], SEPTEMBER) is None
    # The owner's list names only a meeting still to come.
    assert coming_meeting(MEETINGS, SEPTEMBER).date == SEPTEMBER  # type: ignore[union-attr]
    assert coming_meeting(MEETINGS, date(2026, 12, 1)) is None


def test_a_tracker_is_for_one_of_the_committees_meetings() -> None:
    today = date(2023, 7, 1)
    assert meeting_for(MEETINGS, None, today, "HCP").date == SEPTEMBER
    assert meeting_for(MEETINGS, NOVEMBER, today, "HCP").date == NOVEMBER
    with pytest.raises(Refused) as between:
        meeting_for(MEETINGS, date(2023, 10, 1), today, "HCP")
    assert str(between.value) == (
        "the HCP has no meeting on 01/10/2023; the nearest are 20/09/2023 and 15/11/2023"
    )
    with pytest.raises(Refused, match=r"on 01/01/2023; the nearest is 13/06/2023$"):
        meeting_for(MEETINGS, date(2023, 1, 1), today, "HCP")
    with pytest.raises(Refused, match="the HCP has no meetings yet"):
        meeting_for([], None, today, "HCP")


def test_the_year_is_the_meetings_municipal_or_financial_year() -> None:
    council = Committee(
        code="HCP",
        name="Health and Care Partnership",
        numbering=NumberingScheme(
            template="{prefix}{seq}", prefix="HCP", reset=NumberingReset.MUNICIPAL_YEAR
        ),
    )
    assert year_label(tracker_year(council, SEPTEMBER)) == "2023/24"
    assert year_label(tracker_year(council, date(2023, 4, 30))) == "2022/23"
    # The ICB numbers its minutes per meeting: an NHS body's financial year, from April.
    board = Committee(
        code="ICB",
        name="Board",
        rag_palette=RagPalette.NHS,
        numbering=NumberingScheme(template="{item}", reset=NumberingReset.PER_MEETING),
    )
    assert tracker_year(board, date(2022, 7, 29)) == date(2022, 4, 1)
    assert tracker_year(board, date(2022, 3, 31)) == date(2021, 4, 1)
    per_meeting_council = council.model_copy(
        update={"numbering": NumberingScheme(template="{item}", reset=NumberingReset.NEVER)}
    )
    assert tracker_year(per_meeting_council, date(2023, 5, 1)) == date(2023, 5, 1)


def test_the_actions_as_they_stood_before_the_meetings_reviews() -> None:
    reviewed = _action(
        1,
        status=ActionStatus.CLOSED,
        closed_on=SEPTEMBER,
        updates=(ActionUpdate(date=SEPTEMBER, text="Done"),),
    )
    review = ActionReview(
        action_id=1,
        meeting_date=SEPTEMBER,
        status=ActionStatus.CLOSED,
        before=ReviewedState(status=ActionStatus.IN_PROGRESS, rag="G"),
    )
    closed_long_ago = _action(
        2, meeting_date=date(2022, 6, 1), status=ActionStatus.CLOSED, closed_on=date(2023, 2, 1)
    )
    closed_this_year = _action(3, status=ActionStatus.CLOSED, closed_on=date(2023, 7, 1))
    agreed_at_the_meeting = _action(4, meeting_date=SEPTEMBER)
    actions = [agreed_at_the_meeting, closed_this_year, closed_long_ago, reviewed]
    shown = presented(actions, {1: [review]}, SEPTEMBER, date(2023, 5, 1))
    assert [a.number for a in shown] == [1, 3]
    assert (shown[0].status, shown[0].rag, shown[0].updates) == (ActionStatus.IN_PROGRESS, "G", ())
    after = presented(actions, {1: [review]}, NOVEMBER, date(2023, 5, 1))
    assert [(a.number, a.status) for a in after] == [
        (1, ActionStatus.CLOSED),
        (3, ActionStatus.CLOSED),
        (4, ActionStatus.NOT_YET_DUE),
    ]


def test_decisions_keep_their_resolutions_numbers_under_their_subject() -> None:
    resolutions = {
        (1, 6): [
            "Noted, the update report on the first six months of the MK Deal",
            "Agreed, the recommendation of the Joint Leadership Team",
            "Agreed, that the Joint Leadership Team undertake background work",
        ]
    }
    actions = [
        _action(1, description="Agreed, the  recommendation of the Joint Leadership Team"),
        _action(2, description="agreed, that the Joint Leadership Team undertake background work"),
        _action(3, description="Write to the town councils"),
        _action(4, item=5, minute="HCP5", item_title="ICB update", description="Send the link"),
    ]
    assert subject_numbers(actions, resolutions) == {1: 2, 2: 3, 3: 4, 4: 1}


def test_a_lead_officer_is_named_with_their_post_without_their_organisation() -> None:
    membership = Membership(
        committee=Committee(code="HCP", name="Health and Care Partnership"),
        organisations=(Organisation(id="MKCC", name="Milton Keynes City Council"),),
        people=(Person(id="bracey", name="Michael Bracey"), Person(id="head", name="Vicky Head")),
        seats=(
            Seat(id="S5", title="Chief Executive, Milton Keynes City Council", holder="bracey",
                 org="MKCC"),
            Seat(id="S8", title="Director of Public Health", holder="head", org="MKCC",
                 term_to=date(2023, 6, 30)),
        ),
    )  # fmt: skip
    people = [*membership.people, Person(id="clayton", name="Andrew Clayton")]
    assert leads(people, membership, SEPTEMBER) == {
        "bracey": Lead("Michael Bracey", "Chief Executive"),
        "head": Lead("Vicky Head"),  # no longer in post
        "clayton": Lead("Andrew Clayton"),  # an officer, holding no seat
    }
    assert leads(people, membership, JUNE)["head"] == Lead(
        "Vicky Head", "Director of Public Health"
    )


def test_no_rag_where_nothing_can_be_said() -> None:
    """Seed 003's action 1: no deadline, no RAG agreed, nothing reported: a blank cell."""
    quiet = _action(1, committee="ICB")
    assert tracker_rag(NHS, quiet, "action 1") is None
    due = tracker_rag(NHS, quiet.model_copy(update={"due": SEPTEMBER}), "action 1")
    assert due is not None and due.level is not None and due.level.code == "blue"
    agreed = tracker_rag(COUNCIL, _action(2, rag="G"), "action 2")
    assert agreed is not None and agreed.level is not None and agreed.level.label == "(G) GREEN"
