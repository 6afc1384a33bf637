"""Domain validation: every rule refuses bad data with a message a secretary can act on."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from minutebook.domain import (
    Action,
    ActionStatus,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Capacity,
    Committee,
    Declaration,
    Meeting,
    MeetingRecord,
    Membership,
    Minute,
    Organisation,
    Person,
    Seat,
    error_lines,
)
from minutebook.domain.base import Refused, clean_text
from minutebook.domain.dates import clock_time, meeting_date_problem
from minutebook.domain.room import Mark, Room, plan_mark
from minutebook.domain.timeline import Event, Timeline, span_events


def _errors(model: type[BaseModel], data: dict[str, Any], prefix: str = "") -> list[str]:
    """The readable error lines for validating `data` as `model` (which must fail)."""
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    return error_lines(caught.value, prefix)


# -- actions -------------------------------------------------------------------------

_ACTION = {
    "committee": "HCP",
    "meeting_date": date(2023, 6, 13),
    "description": "Circulate the Better Care Fund plan",
    "owner": "m-carr",
}


def test_action_due_before_its_meeting_is_refused_with_both_dates() -> None:
    lines = _errors(Action, {**_ACTION, "due": date(2023, 6, 1)})
    assert lines == [
        "the action is due (01/06/2023) before the meeting that agreed it (13/06/2023)"
    ]


def test_action_due_on_the_meeting_day_is_accepted() -> None:
    action = Action.model_validate({**_ACTION, "due": date(2023, 6, 13)})
    assert action.due == date(2023, 6, 13)


def test_closed_action_without_date_closed_is_refused() -> None:
    lines = _errors(Action, {**_ACTION, "status": "closed"})
    assert lines == ["a closed action needs the date the committee closed it"]


def test_open_action_with_date_closed_is_refused() -> None:
    lines = _errors(Action, {**_ACTION, "status": "in_progress", "closed_on": date(2023, 9, 1)})
    assert lines == ["only a closed action has a date closed"]


def test_closed_action_with_date_closed_is_accepted() -> None:
    action = Action.model_validate({**_ACTION, "status": "closed", "closed_on": date(2023, 9, 1)})
    assert action.status is ActionStatus.CLOSED
    assert action.status.label == "Closed"


def test_action_rag_must_come_from_a_known_palette() -> None:
    assert Action.model_validate({**_ACTION, "rag": "A"}).rag == "A"
    assert Action.model_validate({**_ACTION, "rag": "black"}).rag == "black"
    assert Action.model_validate({**_ACTION, "rag": "  "}).rag is None
    (line,) = _errors(Action, {**_ACTION, "rag": "purple"})
    assert line.startswith("RAG 'purple' is not one of R, A, G, B, black, red")


# -- seats and membership ------------------------------------------------------------


def test_seat_term_ending_before_it_starts_is_refused() -> None:
    lines = _errors(
        Seat,
        {
            "id": "S1",
            "title": "Chair",
            "term_from": date(2023, 5, 20),
            "term_to": date(2023, 5, 1),
        },
    )
    assert lines == ["the term of office ends (01/05/2023) before it starts (20/05/2023)"]


def test_member_named_as_own_deputy_is_refused() -> None:
    lines = _errors(
        Seat, {"id": "S1", "title": "Member", "holder": "p1", "named_deputies": ["p2", "p1"]}
    )
    assert lines == ["a member cannot be named as their own deputy"]


def test_seat_tags_are_normalised_and_deduplicated() -> None:
    seat = Seat(id="S1", title="Vice Chair", tags=("Vice Chair", "vice-chair", " Non  Executive "))
    assert seat.tags == ("vice_chair", "non_executive")


def test_seat_tag_with_punctuation_is_refused() -> None:
    (line,) = _errors(Seat, {"id": "S1", "title": "Chair", "tags": ["chair!"]})
    assert line == "tags[0]: must be a word such as chair or vice_chair"


def test_seat_in_post_follows_term_and_retirement() -> None:
    seat = Seat(
        id="S1",
        title="Member",
        holder="p1",
        term_from=date(2023, 5, 1),
        term_to=date(2024, 4, 30),
        retired_on=date(2024, 3, 1),
    )
    assert not seat.in_post_on(date(2023, 4, 30))
    assert seat.in_post_on(date(2023, 5, 1))
    assert seat.in_post_on(date(2024, 2, 29))
    assert not seat.in_post_on(date(2024, 3, 1))
    assert not Seat(id="S2", title="Vacant").in_post_on(date(2023, 6, 13))


def _committee() -> Committee:
    return Committee(code="HCP", name="Health and Care Partnership")


def test_membership_with_unknown_holder_org_and_deputy_names_each_problem() -> None:
    with pytest.raises(ValidationError) as caught:
        Membership(
            committee=_committee(),
            organisations=(Organisation(id="MKCC", name="Milton Keynes City Council"),),
            people=(Person(id="p1", name="Pete Marland"),),
            seats=(
                Seat(id="S1", title="Chair", holder="ghost", org="NOWHERE", named_deputies=("p1",)),
                Seat(id="S2", title="Member", holder="p1", named_deputies=("nobody",)),
            ),
        )
    (line,) = error_lines(caught.value)
    assert line == (
        "seat S1: organisation 'NOWHERE' does not exist; "
        "seat S1: holder 'ghost' is not a known person; "
        "seat S2: deputy 'nobody' is not a known person"
    )


def test_membership_with_duplicate_ids_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        Membership(
            committee=_committee(),
            organisations=(
                Organisation(id="MKCC", name="Council"),
                Organisation(id="MKCC", name="Council again"),
            ),
            people=(Person(id="p1", name="A"), Person(id="p1", name="B")),
            seats=(Seat(id="S1", title="Chair"), Seat(id="S1", title="Vice Chair")),
        )
    (line,) = error_lines(caught.value)
    assert "organisation id 'MKCC' is used twice" in line
    assert "person id 'p1' is used twice" in line
    assert "seat id 'S1' is used twice" in line


def test_consistent_membership_resolves_its_references() -> None:
    membership = Membership(
        committee=_committee(),
        organisations=(Organisation(id="MKCC", name="Council"),),
        people=(Person(id="p1", name="Pete Marland"), Person(id="p2", name="Sam Crooks")),
        seats=(Seat(id="S1", title="Chair", holder="p1", org="MKCC", named_deputies=("p2",)),),
    )
    assert membership.person("p2") is not None
    assert membership.seat("S1") is not None
    assert membership.organisation("MKCC") is not None
    assert membership.seat("S9") is None


# -- meeting records -----------------------------------------------------------------


def _membership() -> Membership:
    return Membership(
        committee=_committee(),
        people=(Person(id="p1", name="Pete Marland"), Person(id="p2", name="Sam Crooks")),
        seats=(Seat(id="S1", title="Chair", holder="p1"),),
    )


def test_meeting_record_reports_deputy_for_a_seat_that_does_not_exist() -> None:
    record = MeetingRecord(
        meeting=Meeting(committee="HCP", date=date(2023, 6, 13)),
        agenda=(AgendaItem(number=1, title="Welcome"),),
        attendance=(
            Attendance(person="p1", seats=("S1",)),
            Attendance(person="p2", capacity=Capacity.DEPUTY, deputy_for=("S7",)),
        ),
    )
    assert record.problems_with(_membership()) == ["attendance of p2: seat 'S7' does not exist"]


def _numbered(events: list[Event]) -> tuple[Event, ...]:
    """Events with ids in the order recorded, as the store gives them."""
    return tuple(e.model_copy(update={"id": n}) for n, e in enumerate(events, start=1))


def test_meeting_record_reports_unknown_people_and_items_off_the_agenda() -> None:
    record = MeetingRecord(
        meeting=Meeting(committee="HCP", date=date(2023, 6, 13)),
        agenda=(AgendaItem(number=1, title="Welcome"), AgendaItem(number=2, title="BCF")),
        attendance=(Attendance(person="p1"),),
        declarations=(Declaration(person="stranger", item=2, nature="Employed by a provider"),),
        minutes=(Minute(item=5, number="HCP5"),),
        events=_numbered(span_events("p1", 3, None)),  # "from item 3": not on the agenda
    )
    assert record.problems_with(_membership()) == [
        "declaration: 'stranger' is not a known person",
        "minute HCP5: no agenda item 5",
        "p1: there is no agenda item 3",
    ]


def test_one_person_recorded_twice_is_reported() -> None:
    """One row a person: leaving and coming back is two stays in the timeline."""
    record = MeetingRecord(
        meeting=Meeting(committee="HCP", date=date(2023, 6, 13)),
        agenda=(AgendaItem(number=1, title="Welcome"),),
        attendance=(Attendance(person="p1", seats=("S1",)), Attendance(person="p1")),
    )
    assert record.problems_with(_membership()) == ["attendance: 'p1' is recorded twice"]


def test_consistent_meeting_record_has_no_problems() -> None:
    record = MeetingRecord(
        meeting=Meeting(committee="HCP", date=date(2023, 6, 13)),
        agenda=(AgendaItem(number=1, title="Welcome"),),
        attendance=(Attendance(person="p1", seats=("S1",)),),
        minutes=(Minute(item=1, number="HCP1"),),
    )
    assert record.problems_with(_membership()) == []


def test_minutes_approved_before_the_meeting_are_refused() -> None:
    lines = _errors(
        Meeting, {"committee": "HCP", "date": date(2023, 6, 13), "approved_on": date(2023, 6, 1)}
    )
    assert lines == ["minutes cannot be approved before the meeting took place"]


def test_only_signed_minutes_are_locked() -> None:
    meeting = Meeting(committee="HCP", date=date(2023, 6, 13))
    assert not meeting.is_locked
    assert meeting.model_copy(update={"status": "signed"}).status == "signed"
    assert Meeting(committee="HCP", date=date(2023, 6, 13), status="signed").is_locked


# -- attendance ----------------------------------------------------------------------


def test_deputy_without_deputy_for_is_refused() -> None:
    lines = _errors(Attendance, {"person": "p2", "capacity": "deputy"})
    assert lines == ["a deputy must say whose seat they are deputising for"]


def test_member_with_deputy_for_is_refused() -> None:
    lines = _errors(Attendance, {"person": "p2", "capacity": "member", "deputy_for": ["S1"]})
    assert lines == ["only a deputy deputises for a seat"]


FIVE_ITEMS = (1, 2, 3, 4, 5)


def _agenda(numbers: tuple[int, ...] = FIVE_ITEMS) -> tuple[AgendaItem, ...]:
    return tuple(AgendaItem(number=n, title=f"Item {n}") for n in numbers)


def test_leaving_before_arriving_is_an_impossible_record() -> None:
    """A span written backwards ("from item 4 to item 2") leaves at the end of item 2
    before arriving at the start of item 4: the record says so, with the item."""
    record = MeetingRecord(
        meeting=Meeting(committee="HCP", date=date(2023, 6, 13)),
        agenda=_agenda(),
        attendance=(Attendance(person="p1", seats=("S1",)),),
        events=_numbered(span_events("p1", 4, 2)),
    )
    assert record.problems_with(_membership()) == [
        "p1 is not in the meeting at item 2: they cannot leave before arriving"
    ]


def test_arriving_twice_without_leaving_is_an_impossible_record() -> None:
    """Two overlapping stays of one person (from the start, and again from item 3)."""
    timeline = Timeline(
        FIVE_ITEMS, _numbered([*span_events("p1", None, 4), *span_events("p1", 3, None)])
    )
    assert timeline.problems({"p1": "Pete Marland"}.get) == [
        "Pete Marland is already in the meeting at item 3: they cannot arrive again "
        "without having left"
    ]
    back_later = Timeline(
        FIVE_ITEMS, _numbered([*span_events("p1", None, 2), *span_events("p1", 3, None)])
    )
    assert back_later.problems() == []


def test_leaving_before_arriving_is_refused_when_marked() -> None:
    """Live, the mark is refused before anything is stored, with what to do instead."""
    timeline = Timeline(FIVE_ITEMS, ())
    room = Room(timeline, [Attendance(person="p1", seats=("S1",))], name={"p1": "Pete"}.get)
    with pytest.raises(Refused) as refused:
        plan_mark(room, "p1", Mark.LEFT, 2)
    assert str(refused.value) == (
        "Pete is not recorded in the meeting at this item: mark them present first."
    )


def test_presence_follows_arrival_and_departure() -> None:
    """A stay "from item 2 to item 4": in the room from the start of item 2 to the end
    of item 4; the minutes say so by item."""
    row = Attendance(person="p1", seats=("S1",))
    record = MeetingRecord(
        meeting=Meeting(committee="HCP", date=date(2023, 6, 13)),
        agenda=_agenda(),
        attendance=(row,),
        events=_numbered(span_events("p1", 2, 4, "14:10", "15:05")),
    )
    timeline = record.timeline
    assert [timeline.is_present("p1", timeline.now_at(i)) for i in FIVE_ITEMS] == [
        False,
        True,
        True,
        True,
        False,
    ]
    assert record.attended(row)
    assert record.presence_notes("p1") == ["from item 2", "left after item 4"]
    assert [m.at for m in timeline.marks("p1")] == ["14:10", "15:05"]


def test_someone_who_sent_apologies_did_not_attend() -> None:
    apologies = Attendance(person="p1", status=AttendanceStatus.APOLOGIES)
    assert not apologies.is_attending
    record = MeetingRecord(
        meeting=Meeting(committee="HCP", date=date(2023, 6, 13)),
        agenda=_agenda(),
        attendance=(apologies,),
    )
    assert not record.attended(apologies)
    expected = Attendance(person="p1")  # attending, not yet arrived: expected
    assert expected.is_attending and not record.attended(expected)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("930", "09:30"),
        ("0930", "09:30"),
        ("9:30", "09:30"),
        ("14.05", "14:05"),
        ("2pm", "14:00"),
        ("2:30 pm", "14:30"),
        ("12am", "00:00"),
        ("12pm", "12:00"),
        (" ", None),
        (None, None),
    ],
)
def test_clock_times_are_normalised(typed: str | None, stored: str | None) -> None:
    assert clock_time(typed) == stored
    # The same rule wherever a clock time is kept: an arrival's time, say.
    assert Event(kind="arrived", person="p1", at=typed).at == stored


@pytest.mark.parametrize("typed", ["25:00", "12:60", "noon", "12345", "13pm", "0am"])
def test_impossible_clock_times_are_refused(typed: str) -> None:
    message = f"{typed!r} is not a time of day; use HH:MM, e.g. 14:30"
    with pytest.raises(ValueError) as caught:
        clock_time(typed)
    assert str(caught.value) == message
    (line,) = _errors(Event, {"kind": "arrived", "person": "p1", "at": typed})
    assert line == f"at: {message}"


def test_meeting_time_uses_the_same_clock_rule() -> None:
    assert Meeting(committee="HCP", date=date(2023, 6, 13), time="930").time == "09:30"
    (line,) = _errors(Meeting, {"committee": "HCP", "date": date(2023, 6, 13), "time": "25:00"})
    assert line.startswith("time: '25:00' is not a time of day")


# -- meeting dates -------------------------------------------------------------------


TODAY = date(2024, 3, 1)


@pytest.mark.parametrize(
    "day",
    [TODAY, date(2025, 3, 1), date(2029, 3, 1), date(1900, 1, 1), date(2023, 6, 13)],
)
def test_meeting_dates_from_1900_to_five_years_ahead_are_fine(day: date) -> None:
    """Today, next year, five years to the day, and the past back to 1900."""
    assert meeting_date_problem(day, TODAY) is None


def test_a_meeting_before_1900_is_refused() -> None:
    assert meeting_date_problem(date(1899, 12, 31), TODAY) == (
        "31/12/1899 is before 1900; check the year"
    )
    assert meeting_date_problem(date(1023, 6, 13), TODAY) == (  # 1023 for 2023
        "13/06/1023 is before 1900; check the year"
    )


def test_a_meeting_more_than_five_years_ahead_is_refused() -> None:
    """13/06/2203 for 13/06/2023 is a typing slip, not a meeting."""
    assert meeting_date_problem(date(2029, 3, 2), TODAY) == (
        "02/03/2029 is more than 5 years ahead; check the year"
    )
    assert meeting_date_problem(date(2203, 6, 13), TODAY) == (
        "13/06/2203 is more than 5 years ahead; check the year"
    )


def test_29_february() -> None:
    """Five years after 29 February 2024 there is no 29 February: the last fine day is
    28 February 2029. A meeting on a leap day itself is fine."""
    leap_day = date(2024, 2, 29)
    assert meeting_date_problem(leap_day, leap_day) is None
    assert meeting_date_problem(date(2028, 2, 29), leap_day) is None
    assert meeting_date_problem(date(2029, 2, 28), leap_day) is None
    assert meeting_date_problem(date(2029, 3, 1), leap_day) == (
        "01/03/2029 is more than 5 years ahead; check the year"
    )
    assert meeting_date_problem(date(2024, 2, 29), date(2023, 12, 1)) is None


# -- text ----------------------------------------------------------------------------


def test_clean_text_removes_control_characters_and_keeps_the_rest() -> None:
    assert clean_text("Apolo\x00gies\x07") == "Apologies"
    assert clean_text("line one\nline\ttwo\r\n") == "line one\nline\ttwo\r\n"
    assert clean_text("Thanks 👍 — café") == "Thanks 👍 — café"
    assert clean_text("a\x0b\x0c\x1fb\ufffe\uffff") == "ab"


def test_models_clean_pasted_text_on_the_way_in() -> None:
    item = AgendaItem(number=1, title="Better\x00 Care\x07 Fund 👍", lead="Ian\x1b Darby")
    assert item.title == "Better Care Fund 👍"
    assert item.lead == "Ian Darby"
    minute = Minute(item=1, narrative="Para one\n\tPara\x08 two")
    assert minute.narrative == "Para one\n\tPara two"


def test_name_made_only_of_control_characters_is_refused() -> None:
    (line,) = _errors(Person, {"id": "p1", "name": "\x00\x07"})
    assert line == "name: must be filled in"


def test_unknown_fields_are_refused() -> None:
    (line,) = _errors(Person, {"id": "p1", "name": "Pete", "nickname": "P"})
    assert line == "nickname: is not a known key"


def test_a_comma_cut_value_gets_a_hint_about_quotes() -> None:
    """YAML reads {name: NHS Bedfordshire, Luton and MK ICB} as two keys; say so."""
    (line,) = _errors(Person, {"id": "p1", "name": "NHS Bedfordshire", "Luton and MK ICB": None})
    assert line.startswith("Luton and MK ICB: is not a known key")
    assert "put that value in quotes" in line


def test_person_display_name_and_initials() -> None:
    person = Person(id="sw", name="Sarah Whiteman", honorific="Dr")
    assert person.display_name == "Dr Sarah Whiteman"
    assert person.derived_initials == "SW"
    assert Person(id="x", name="Kim Atkin", initials="KAt").derived_initials == "KAt"


def test_a_forms_number_range_is_read_from_the_model() -> None:
    """The ToR screen refuses a number out of range in its own words, with the range
    the model states (so that the two cannot drift apart)."""
    from minutebook.domain import TermsOfReference
    from minutebook.domain.base import whole_number_bounds

    assert whole_number_bounds(TermsOfReference, "meetings_per_year") == (1, 366)
    assert whole_number_bounds(TermsOfReference, "minutes_circulated_within") == (0, 60)
    with pytest.raises(LookupError, match=r"TermsOfReference\.version states no"):
        whole_number_bounds(TermsOfReference, "version")
