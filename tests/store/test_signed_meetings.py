"""The store keeps what signed minutes print of other meetings (docs/lifecycle.md): the
meeting that approved them, and the next meeting, keep their date, time and venue, and
no meeting comes between; whoever asks, the app or the command line (both call these)."""

from __future__ import annotations

from datetime import date

import pytest

from minutebook.domain import AgendaItem, Decision, DecisionVerb, Meeting, MinutesStatus
from minutebook.domain.lifecycle import Approval
from minutebook.store import Conflict, Store

JUNE = date(2023, 6, 13)
SEPT = date(2023, 9, 20)
NOT_MOVED = (
    "the signed minutes of 13 June 2023 name this meeting as held on 20 September 2023 "
    "at 14:00 at Civic Offices: its date, time and venue cannot be changed"
)


def _approval(store: Store, earlier: Meeting, later: Meeting) -> tuple[Approval, Decision]:
    """The approval of `earlier`'s minutes under the "Minutes" item added to `later`."""
    store.add_agenda_item(later.id or 0, AgendaItem(number=1, title="Minutes"))
    approval = Approval(
        meeting_id=earlier.id or 0,
        at_meeting_id=later.id or 0,
        item=1,
        chair="Pete Marland",
        signed_on=SEPT,
    )
    return approval, Decision(verb=DecisionVerb.RESOLVED, text="That the Minutes …")


@pytest.fixture
def approving(committee_store: Store, meeting: Meeting) -> Meeting:
    """13 June 2023 minuted and approved, signed and locked at 20 September 2023, the
    next meeting, at 14:00 at Civic Offices."""
    store = committee_store
    store.write_narrative(meeting.id or 0, 1, "The Partnership received the plan.")
    later = store.add_meeting(
        Meeting(committee="HCP", date=SEPT, time="14:00", venue="Civic Offices")
    )
    store.approve_minutes(*_approval(store, meeting, later), today=SEPT)
    assert store.meeting(meeting.id or 0).status is MinutesStatus.SIGNED
    return store.meeting(later.id or 0)


def test_the_approving_meeting_keeps_its_date_time_and_venue(
    committee_store: Store, meeting: Meeting, approving: Meeting
) -> None:
    store = committee_store
    for change in (
        {"date": date(2023, 9, 21)},
        {"venue": "Council Chamber"},
        {"time": "10:00"},
    ):
        with pytest.raises(Conflict) as refused:
            store.update_meeting(approving.model_copy(update=change))
        assert str(refused.value) == NOT_MOVED
    assert store.meeting(approving.id or 0) == approving
    snapshot = store.minutes_snapshot(meeting.id or 0)
    assert snapshot.next_meeting == approving
    assert snapshot.approved_at == approving
    # What the signed minutes do not print may still be corrected.
    ended = store.update_meeting(approving.model_copy(update={"ended_at": "16:05"}))
    assert ended.ended_at == "16:05"


def test_no_meeting_comes_between_signed_minutes_and_their_next(
    committee_store: Store, approving: Meeting
) -> None:
    store = committee_store
    between = "name the meeting of 20 September 2023 as the next: a meeting on 1 August 2023"
    with pytest.raises(Conflict, match=between):
        store.add_meeting(Meeting(committee="HCP", date=date(2023, 8, 1)))
    december = store.add_meeting(Meeting(committee="HCP", date=date(2023, 12, 6)))
    with pytest.raises(Conflict, match=between):
        store.update_meeting(december.model_copy(update={"date": date(2023, 8, 1)}))
    assert [m.date for m in store.meetings("HCP")] == [JUNE, SEPT, date(2023, 12, 6)]


def test_minutes_circulated_after_a_meeting_are_not_approved_there(
    committee_store: Store, meeting: Meeting
) -> None:
    store = committee_store
    store.write_narrative(meeting.id or 0, 1, "The Partnership received the plan.")
    store.circulate_minutes(meeting.id or 0, date(2023, 9, 27))
    later = store.add_meeting(Meeting(committee="HCP", date=SEPT))
    with pytest.raises(Conflict, match="circulated on 27 September 2023, after the meeting"):
        store.approve_minutes(*_approval(store, meeting, later), today=date(2023, 10, 1))
    assert store.meeting(meeting.id or 0).status is MinutesStatus.CIRCULATED
    assert store.minutes(later.id or 0) == []
