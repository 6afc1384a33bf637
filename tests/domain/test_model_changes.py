"""Every change of a domain model is validated (docs/architecture.md): a model changed
with `model_copy(update=...)` is built again through its validators, so no path (the
room's keys, the store, a form) can make, store and then fail to read an impossible
record."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from minutebook.domain import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Capacity,
    Decision,
    Meeting,
    MeetingRecord,
    Mode,
)
from minutebook.domain.base import Refused
from minutebook.domain.room import Mark, Room, plan_mark
from minutebook.domain.timeline import Timeline


def test_an_impossible_change_of_an_attendance_row_is_refused() -> None:
    deputy = Attendance(person="nguyen", capacity=Capacity.DEPUTY, deputy_for=("S13",))
    with pytest.raises(ValidationError, match="only a deputy deputises for a seat"):
        deputy.model_copy(update={"capacity": Capacity.MEMBER})


def test_a_change_is_checked_field_by_field_as_a_new_model_is() -> None:
    decision = Decision(text="That the report be noted.")
    with pytest.raises(ValidationError):
        decision.model_copy(update={"text": ""})
    with pytest.raises(ValidationError):
        decision.model_copy(update={"verb": "DECLINED"})  # not in the vocabulary
    with pytest.raises(ValidationError):
        decision.model_copy(update={"mover": "marland"})  # not a field
    meeting = Meeting(committee="HCP", date=date(2023, 9, 20))
    with pytest.raises(ValidationError, match="approved before the meeting"):
        meeting.model_copy(update={"approved_on": date(2023, 9, 1)})


def test_a_valid_change_comes_back_typed_and_cleaned() -> None:
    row = Attendance(person="marland", seats=("S1",))
    changed = row.model_copy(update={"status": "apologies", "note": "  "})
    assert changed.status is AttendanceStatus.APOLOGIES
    assert changed.note is None  # blank is "not given", as on the way in
    assert row.status is AttendanceStatus.PRESENT  # the original is untouched
    assert Decision(text="Noted.").model_copy(update={"text": "Agreed\x0b."}).text == "Agreed."


def test_a_derived_value_is_worked_out_again_for_the_changed_record() -> None:
    items = tuple(AgendaItem(number=n, title=f"Item {n}") for n in (1, 2, 3))
    record = MeetingRecord(meeting=Meeting(committee="HCP", date=date(2023, 9, 20)), agenda=items)
    assert record.timeline.first_item == 1
    again = record.model_copy(update={"agenda": items[1:]})
    assert again.timeline.first_item == 2


def test_a_mark_that_would_make_a_row_impossible_is_refused_not_stored() -> None:
    """A row read from an old or damaged file that no longer validates: a key on it
    gives the secretary a refusal, never a changed row that the store would keep."""
    damaged = Attendance.model_construct(
        id=None,
        meeting_id=None,
        person="marland",
        capacity=Capacity.MEMBER,
        status=AttendanceStatus.PRESENT,
        mode=Mode.IN_PERSON,
        seats=("S1",),
        deputy_for=("S2",),
        role=None,
        note=None,
    )
    room = Room(Timeline([1, 2], ()), [damaged], name={"marland": "Cllr Marland"}.get)
    with pytest.raises(Refused, match="Cllr Marland's attendance cannot be changed so"):
        plan_mark(room, "marland", Mark.APOLOGIES, 1)
