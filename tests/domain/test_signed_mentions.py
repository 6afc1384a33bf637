"""What signed minutes print of other meetings stays as it is (docs/lifecycle.md): their
next meeting's date, time and venue ("The next meeting will be held on 15 November 2023
at 14:00 at Civic Offices.") and the date of the meeting that approved them ("Approved
... at the meeting held on 15 November 2023")."""

from __future__ import annotations

from datetime import date

from minutebook.domain.committee import HouseStyle
from minutebook.domain.lifecycle import (
    Approval,
    following_meeting,
    names_next_meeting,
    next_meeting_words,
    signed_mentions_problem,
)
from minutebook.domain.meeting import Meeting, MinutesStatus

SEPT = Meeting(
    id=1,
    committee="HCP",
    date=date(2023, 9, 20),
    time="14:00",
    status=MinutesStatus.SIGNED,
    circulated_on=date(2023, 9, 27),
    approved_on=date(2023, 11, 15),
    signed_on=date(2023, 11, 15),
)
NOV = Meeting(id=2, committee="HCP", date=date(2023, 11, 15), time="14:00", venue="Civic Offices")
JAN = Meeting(id=3, committee="HCP", date=date(2024, 1, 17), time="14:00")
MEETINGS = (SEPT, NOV, JAN)
APPROVED_AT_NOV = (
    Approval(meeting_id=1, at_meeting_id=2, item=2, chair="Peter Marland", signed_on=NOV.date),
)
PRINTS_NEXT = {1}


def _problem(current: Meeting | None, changed: Meeting | None) -> str | None:
    return signed_mentions_problem(current, changed, MEETINGS, APPROVED_AT_NOV, PRINTS_NEXT)


def test_the_next_meeting_is_worded_from_its_date_time_and_venue() -> None:
    assert following_meeting(MEETINGS, SEPT) == NOV
    assert next_meeting_words(NOV) == (
        "The next meeting will be held on 15 November 2023 at 14:00 at Civic Offices."
    )


def test_the_next_meeting_named_in_signed_minutes_keeps_its_date_time_and_venue() -> None:
    said = (
        "the signed minutes of 20 September 2023 name this meeting as held on "
        "15 November 2023 at 14:00 at Civic Offices: its date, time and venue cannot be "
        "changed"
    )
    moved = NOV.model_copy(update={"date": date(2023, 11, 16)})
    assert _problem(NOV, moved) == said
    assert _problem(NOV, NOV.model_copy(update={"venue": "Council Chamber"})) == said
    assert _problem(NOV, NOV.model_copy(update={"time": "10:00"})) == said
    assert _problem(NOV, None) == said.replace(
        "its date, time and venue cannot be changed", "it cannot be deleted"
    )


def test_what_signed_minutes_do_not_print_may_change() -> None:
    assert _problem(NOV, NOV.model_copy(update={"ended_at": "16:10"})) is None
    assert _problem(JAN, JAN.model_copy(update={"date": date(2024, 1, 24)})) is None


def test_no_meeting_may_come_between_signed_minutes_and_the_next_they_name() -> None:
    earlier = JAN.model_copy(update={"date": date(2023, 10, 11)})
    assert _problem(JAN, earlier) == (
        "the signed minutes of 20 September 2023 name the meeting of 15 November 2023 "
        "as the next: a meeting on 11 October 2023 would come before it"
    )
    added = Meeting(id=4, committee="HCP", date=date(2023, 10, 11))
    assert _problem(None, added) is not None
    # Another committee's meetings are not theirs.
    assert _problem(None, added.model_copy(update={"committee": "ICB"})) is None


def test_the_approving_meetings_date_stays_when_the_next_meeting_is_not_printed() -> None:
    # NHS style prints no next meeting; the approval still names the meeting's date.
    def problem(changed: Meeting) -> str | None:
        return signed_mentions_problem(NOV, changed, MEETINGS, APPROVED_AT_NOV, set())

    assert problem(NOV.model_copy(update={"venue": "Council Chamber"})) is None
    assert problem(NOV.model_copy(update={"date": date(2023, 11, 16)})) == (
        "the signed minutes of 20 September 2023 were approved at this meeting, held on "
        "15 November 2023 as they say: its date cannot be changed"
    )


def test_signed_minutes_with_no_later_meeting_name_none_so_one_may_be_added() -> None:
    alone = (SEPT,)
    added = Meeting(id=4, committee="HCP", date=date(2023, 11, 15))
    assert signed_mentions_problem(None, added, alone, (), PRINTS_NEXT) is None


def test_minutes_that_minute_the_next_meeting_themselves_do_not_print_it() -> None:
    assert names_next_meeting(HouseStyle.COUNCIL, ["Minutes", None])
    assert not names_next_meeting(HouseStyle.COUNCIL, ["HCP7 Date of the Next Meeting"])
    assert not names_next_meeting(HouseStyle.NHS, [])
