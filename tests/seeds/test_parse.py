"""Parsing one committee's seed mapping: good data becomes models, bad data names its place."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

import pytest

from minutebook.domain.timeline import EventKind, Phase
from minutebook.seeds import SeedError
from minutebook.seeds.loader import load_seed, parse_committee
from minutebook.store import Conflict, Store

SMALL: dict[str, Any] = {
    "committee": {"code": "TST", "name": "Test Partnership", "numbering": {"prefix": "TST"}},
    "organisations": [{"id": "ORG", "name": "Test Council"}],
    "people": [
        {"id": "chair", "name": "Ann Chair", "honorific": "Councillor"},
        {"id": "dep", "name": "Dee Puty"},
        {"id": "clerk", "name": "Kim Clerk"},
    ],
    "seats": [
        {
            "id": "S1",
            "title": "Chair",
            "holder": "chair",
            "org": "ORG",
            "tags": ["Chair"],
            "named_deputies": ["dep"],
        },
    ],
    "terms_of_reference": [
        {"version": 1, "adopted": "2022-06-01", "quorum": {"requirement": {"count": {"min": 1}}}},
    ],
    "meetings": [
        {
            "date": "2023-06-13",
            "time": "1400",
            "agenda": [{"number": 1, "title": "Welcome"}, {"number": 2, "title": "Plan"}],
            "attendance": [
                {"person": "chair", "seats": ["S1"]},
                {"person": "clerk", "capacity": "minute_taker"},
            ],
            "minutes": [
                {"item": 2, "number": "TST2", "decisions": [{"text": "That the plan be approved."}]}
            ],
        }
    ],
    "actions": [
        {
            "meeting": "2023-06-13",
            "description": "Circulate the plan",
            "owner": "clerk",
            "due": "2023-07-01",
        },
    ],
}


def _bad(path: list[str | int], value: Any) -> dict[str, Any]:
    data = copy.deepcopy(SMALL)
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


def test_small_committee_parses() -> None:
    seed = parse_committee(copy.deepcopy(SMALL), "small.yaml")
    assert seed.membership.committee.code == "TST"
    assert seed.membership.seats[0].tags == ("chair",)
    assert [p.id for p in seed.everyone] == ["chair", "dep", "clerk"]
    (record,) = seed.meetings
    assert record.meeting.committee == "TST" and record.meeting.time == "14:00"
    assert record.minutes[0].decisions[0].verb == "RESOLVED"
    (action,) = seed.actions
    assert action.meeting_date == date(2023, 6, 13) and action.committee == "TST"


def test_a_person_and_an_action_may_say_how_the_action_column_prints_the_owner() -> None:
    data = _bad(["people", 2, "action_mark"], "CLK")
    data["actions"][0]["mark"] = "Kim Clerk / CLK"
    seed = parse_committee(data, "small.yaml")
    assert seed.everyone[2].action_mark == "CLK" and seed.everyone[0].action_mark is None
    assert seed.actions[0].mark == "Kim Clerk / CLK"


def test_unknown_seat_holder_names_the_file() -> None:
    data = _bad(["seats", 0, "holder"], "ghost")
    with pytest.raises(SeedError) as caught:
        parse_committee(data, "small.yaml")
    assert str(caught.value) == "small.yaml: seat S1: holder 'ghost' is not a known person"


def test_attendance_for_unknown_seat_names_the_meeting() -> None:
    data = _bad(["meetings", 0, "attendance", 0, "seats"], ["S9"])
    with pytest.raises(SeedError) as caught:
        parse_committee(data, "small.yaml")
    assert str(caught.value) == (
        "small.yaml: meetings[0]: attendance of chair: seat 'S9' does not exist"
    )


def test_invalid_field_names_its_path() -> None:
    data = _bad(["meetings", 0, "agenda", 1, "number"], 0)
    with pytest.raises(SeedError) as caught:
        parse_committee(data, "small.yaml")
    assert str(caught.value) == ("small.yaml: meetings[0].agenda[1].number: must be at least 1")


def test_bad_quorum_names_its_path() -> None:
    data = _bad(
        ["terms_of_reference", 0, "quorum", "requirement"], {"fraction": {"num": 1, "den": 0}}
    )
    with pytest.raises(SeedError) as caught:
        parse_committee(data, "small.yaml")
    assert str(caught.value) == (
        "small.yaml: terms_of_reference[0].quorum.requirement.fraction.den: must be > 0"
    )


def test_action_owner_must_be_known() -> None:
    data = _bad(["actions", 0, "owner"], "nobody")
    with pytest.raises(SeedError) as caught:
        parse_committee(data, "small.yaml")
    assert str(caught.value) == "small.yaml: actions[0].owner: 'nobody' is not a known person"


def test_load_seed_writes_everything_and_a_second_load_changes_nothing(store: Store) -> None:
    seed = parse_committee(copy.deepcopy(SMALL), "small.yaml")
    load_seed(store, seed)
    membership = store.membership("TST")
    assert membership.committee == seed.membership.committee
    assert membership.organisations == seed.membership.organisations
    assert membership.seats == seed.membership.seats
    # Everyone in the file is stored, not only seat holders and deputies.
    assert {p.id for p in store.people()} == {"chair", "dep", "clerk"}
    (meeting,) = store.meetings("TST")
    assert store.meeting_record(meeting.id or 0).minutes[0].number == "TST2"
    assert [a.number for a in store.actions("TST")] == [1]
    with pytest.raises(Conflict):
        load_seed(store, seed)
    assert len(store.meetings("TST")) == 1
    assert len(store.actions("TST")) == 1


def test_when_someone_was_in_the_room_becomes_their_arrival_and_departure(store: Store) -> None:
    """The papers say when someone came late or left early ("from item 2", "left after
    item 2"): it becomes their arrival at the start of item 2 and their departure at its
    end, in the meeting's timeline; their attendance row keeps only their place."""
    data = copy.deepcopy(SMALL)
    data["meetings"][0]["attendance"] = [
        {"person": "chair", "seats": ["S1"], "to_item": 1, "left_at": "1420"},
        {"person": "dep", "capacity": "deputy", "deputy_for": ["S1"], "from_item": 2},
        {"person": "clerk", "capacity": "minute_taker", "status": "apologies", "from_item": 2},
    ]
    seed = parse_committee(data, "small.yaml")
    (parsed,) = seed.meetings
    assert [(a.person, a.status.value) for a in parsed.attendance] == [
        ("chair", "present"),
        ("dep", "present"),
        ("clerk", "apologies"),
    ]
    load_seed(store, seed)
    (meeting,) = store.meetings("TST")
    record = store.meeting_record(meeting.id or 0)
    assert [(e.kind, e.person, e.item, e.phase, e.at) for e in record.events] == [
        (EventKind.ARRIVED, "chair", None, Phase.START, None),
        (EventKind.LEFT, "chair", 1, Phase.END, "14:20"),
        (EventKind.ARRIVED, "dep", 2, Phase.START, None),
        (EventKind.DECIDED, None, 2, Phase.DURING, None),
        (EventKind.ACTION, None, None, Phase.DURING, None),  # the file names no item
    ]
    assert record.presence_notes("chair") == ["left after item 1"]
    assert record.presence_notes("dep") == ["from item 2"]
    assert record.presence_notes("clerk") == []  # apologies: never in the room
    assert record.timeline.problems() == []


def test_a_span_that_makes_an_impossible_record_names_the_meeting() -> None:
    data = _bad(["meetings", 0, "attendance", 0, "from_item"], 9)
    with pytest.raises(SeedError) as caught:
        parse_committee(data, "small.yaml")
    assert str(caught.value).startswith("small.yaml: meetings[0]: ")
    assert "there is no agenda item 9" in str(caught.value)
