"""Matters arising in the store: a later meeting's review of an action, its revised
deadline kept among the past deadlines, closure, escalation after three red reviews
(seed 003's key), the tracker as presented to a meeting, and the refusals that leave
everything as it was (docs/actions.md)."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from minutebook.domain import Action, AgendaItem, Meeting, Person
from minutebook.domain.actions import ActionStatus
from minutebook.domain.committee import Committee, RagPalette
from minutebook.domain.reviews import ActionReview, as_presented
from minutebook.store import Conflict, Store

JUNE, SEPT, DEC, MARCH = date(2023, 6, 13), date(2023, 9, 20), date(2023, 12, 5), date(2024, 3, 5)


@pytest.fixture
def nhs_store(store: Store, hcp: Committee) -> Store:
    store.add_committee(hcp.model_copy(update={"rag_palette": RagPalette.NHS}))
    store.save_person(Person(id="ross", name="Ross Graves"))
    return store


def _meeting(store: Store, day: date) -> Meeting:
    meeting = store.add_meeting(Meeting(committee="HCP", date=day))
    assert meeting.id is not None
    store.add_agenda_item(meeting.id, AgendaItem(number=1, title="Matters arising"))
    return meeting


@pytest.fixture
def agreed(nhs_store: Store) -> Action:
    _meeting(nhs_store, JUNE)
    return nhs_store.add_action(
        Action(
            committee="HCP",
            meeting_date=JUNE,
            description="Bring the Better Care Fund plan back",
            owner="ross",
            due=SEPT,
        )
    )


def _review(store: Store, action: Action, meeting: Meeting, **fields: object) -> Action:
    review = ActionReview.model_validate(
        {
            "action_id": action.id,
            "meeting_id": meeting.id,
            "meeting_date": meeting.date,
            "item": 1,
            "status": ActionStatus.IN_PROGRESS,
            **fields,
        }
    )
    changed, _ = store.review_action(review)
    return changed


def _stored(store: Store, action: Action) -> Action:
    return next(a for a in store.actions("HCP") if a.id == action.id)


def test_a_review_lands_on_the_action_with_its_position(nhs_store: Store, agreed: Action) -> None:
    sept = _meeting(nhs_store, SEPT)
    assert [a.id for a in nhs_store.matters_arising(sept.id or 0)] == [agreed.id]
    _review(nhs_store, agreed, sept, update="Plan drafted", revised_due=DEC)
    stored = _stored(nhs_store, agreed)
    assert stored.due == DEC
    assert stored.past_deadlines == (SEPT,)
    assert stored.status is ActionStatus.IN_PROGRESS
    assert stored.rag == "amber"
    assert [(u.date, u.text) for u in stored.updates] == [(SEPT, "Plan drafted")]
    [review] = nhs_store.reviews_at(sept.id or 0)
    assert review.before is not None and review.before.due == SEPT
    assert review.item == 1


def test_reviewing_again_at_the_same_meeting_replaces_its_review(
    nhs_store: Store, agreed: Action
) -> None:
    sept = _meeting(nhs_store, SEPT)
    _review(nhs_store, agreed, sept, update="Plan drafted", revised_due=DEC)
    _review(nhs_store, agreed, sept, update="Plan agreed", status="complete_propose_closure")
    stored = _stored(nhs_store, agreed)
    assert stored.due == SEPT and stored.past_deadlines == ()
    assert [u.text for u in stored.updates] == ["Plan agreed"]
    assert stored.rag == "green"
    assert len(nhs_store.reviews_at(sept.id or 0)) == 1


def test_closure_keeps_it_in_its_meetings_list_and_out_of_later_ones(
    nhs_store: Store, agreed: Action
) -> None:
    sept, dec = _meeting(nhs_store, SEPT), _meeting(nhs_store, DEC)
    _review(nhs_store, agreed, sept, status="closed", update="Done")
    stored = _stored(nhs_store, agreed)
    assert stored.closed_on == SEPT and stored.status is ActionStatus.CLOSED
    assert [a.id for a in nhs_store.matters_arising(sept.id or 0)] == [agreed.id]
    assert nhs_store.matters_arising(dec.id or 0) == []


def test_red_at_three_successive_reviews_is_escalated(nhs_store: Store, agreed: Action) -> None:
    """Seed 003's key: "Escalated – items flagged RED for 3 subsequent meetings"."""
    reds = [_meeting(nhs_store, day) for day in (DEC, MARCH, date(2024, 6, 4))]
    rags = [_review(nhs_store, agreed, m, status="outstanding").rag for m in reds]
    assert rags == ["red", "red", "black"]
    assert _stored(nhs_store, agreed).rag == "black"


def test_the_tracker_as_presented_to_a_meeting_is_before_its_reviews(
    nhs_store: Store, agreed: Action
) -> None:
    sept, dec = _meeting(nhs_store, SEPT), _meeting(nhs_store, DEC)
    _review(nhs_store, agreed, sept, update="Plan drafted", revised_due=DEC)
    _review(nhs_store, agreed, dec, status="complete_propose_closure", update="Agreed")
    now = _stored(nhs_store, agreed)
    reviews = nhs_store.reviews_of("HCP")[agreed.id or 0]
    to_dec = as_presented(now, reviews, DEC)
    assert (to_dec.status, to_dec.due, to_dec.past_deadlines) == (
        ActionStatus.IN_PROGRESS,
        DEC,
        (SEPT,),
    )
    assert [u.text for u in to_dec.updates] == ["Plan drafted"]
    to_sept = as_presented(now, reviews, SEPT)
    assert (to_sept.due, to_sept.updates) == (SEPT, ())


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"revised_due": date(2023, 1, 1)}, "before the meeting that agreed the action"),
        ({"rag": "R"}, None),  # the council's letter read in the NHS key: allowed
    ],
)
def test_bad_reviews_change_nothing(
    nhs_store: Store, agreed: Action, fields: dict[str, object], message: str | None
) -> None:
    sept = _meeting(nhs_store, SEPT)
    if message is None:
        assert _review(nhs_store, agreed, sept, **fields).rag == "R"
        return
    with pytest.raises(Conflict, match=message):
        _review(nhs_store, agreed, sept, **fields)
    assert _stored(nhs_store, agreed) == agreed.model_copy(update={"updates": ()})
    assert nhs_store.reviews_at(sept.id or 0) == []


def test_no_review_at_or_before_the_meeting_that_agreed_it(
    nhs_store: Store, agreed: Action
) -> None:
    june = nhs_store.meetings("HCP")[0]
    with pytest.raises(Conflict, match="can only be reviewed at a later meeting"):
        _review(nhs_store, agreed, june, status="closed")
    assert _stored(nhs_store, agreed).status is ActionStatus.NOT_YET_DUE


def test_a_review_after_a_later_one_is_refused(nhs_store: Store, agreed: Action) -> None:
    sept, dec = _meeting(nhs_store, SEPT), _meeting(nhs_store, DEC)
    _review(nhs_store, agreed, dec, update="Late")
    with pytest.raises(Conflict, match="reviewed at a later meeting \\(05/12/2023\\)"):
        _review(nhs_store, agreed, sept, update="Early")
    assert [u.text for u in _stored(nhs_store, agreed).updates] == ["Late"]


def test_undo_returns_the_action_to_what_it_was(nhs_store: Store, agreed: Action) -> None:
    sept = _meeting(nhs_store, SEPT)
    _review(nhs_store, agreed, sept, update="Plan drafted", revised_due=DEC)
    nhs_store.undo_review(agreed.id or 0, sept.id or 0)
    assert _stored(nhs_store, agreed) == agreed.model_copy(update={"updates": ()})
    assert nhs_store.reviews_at(sept.id or 0) == []


def test_reviews_of_signed_minutes_are_locked_by_the_database(
    nhs_store: Store, agreed: Action
) -> None:
    sept = _meeting(nhs_store, SEPT)
    _review(nhs_store, agreed, sept, update="Plan drafted")
    nhs_store.db.execute("UPDATE meetings SET status = 'signed' WHERE id = ?", [sept.id])
    with pytest.raises(Conflict, match="signed"):
        _review(nhs_store, agreed, sept, update="Changed after signing")
    with pytest.raises(sqlite3.DatabaseError, match="signed"):
        nhs_store.db.execute("UPDATE action_reviews SET position = 'x'")
    with pytest.raises(sqlite3.DatabaseError, match="signed"):
        nhs_store.db.execute("DELETE FROM action_reviews")
    assert [u.text for u in _stored(nhs_store, agreed).updates] == ["Plan drafted"]


def test_moving_the_item_moves_the_reviews_minuted_under_it(
    nhs_store: Store, agreed: Action
) -> None:
    sept = _meeting(nhs_store, SEPT)
    nhs_store.add_agenda_item(sept.id or 0, AgendaItem(number=2, title="Finance"))
    _review(nhs_store, agreed, sept, update="Plan drafted")
    matters = nhs_store.agenda(sept.id or 0)[0]
    nhs_store.move_agenda_item(matters.id or 0, 1)
    assert [i.title for i in nhs_store.agenda(sept.id or 0)] == ["Finance", "Matters arising"]
    assert [r.item for r in nhs_store.reviews_at(sept.id or 0)] == [2]


def _sign(store: Store, meeting_id: int) -> None:
    store.db.execute("UPDATE meetings SET status = 'signed' WHERE id = ?", [meeting_id])


def test_the_database_locks_the_actions_of_signed_minutes(
    nhs_store: Store, agreed: Action
) -> None:
    """Not the app only: a direct change to the file is refused too (issue: "enforce it
    in the database")."""
    june = nhs_store.meetings("HCP")[0]
    _sign(nhs_store, june.id or 0)
    db = nhs_store.db
    for statement in (
        "UPDATE actions SET description = 'HACK'",
        "UPDATE actions SET deleted_at = '2024-01-01'",
        "UPDATE actions SET due = '2030-01-01'",  # no review at a later meeting moved it
        "UPDATE actions SET owner = 'ross', status = 'closed', closed_on = '2023-09-20'",
        "DELETE FROM actions",
    ):
        with pytest.raises(sqlite3.DatabaseError, match="signed"):
            db.execute(statement)
    with pytest.raises(sqlite3.DatabaseError, match="signed"):
        db.execute(
            "INSERT INTO actions (committee, number, meeting_date, meeting_id, description, "
            "owner, past_deadlines, status) VALUES ('HCP', 9, ?, ?, 'Added', 'ross', '[]', "
            "'not_yet_due')",
            [JUNE.isoformat(), june.id],
        )
    assert _stored(nhs_store, agreed) == agreed.model_copy(update={"updates": ()})


def test_a_later_review_moves_the_tracker_and_not_the_signed_minutes(
    nhs_store: Store, agreed: Action
) -> None:
    nhs_store.save_person(Person(id="maria", name="Maria Wogan"))
    june = nhs_store.meetings("HCP")[0]
    _sign(nhs_store, june.id or 0)
    sept = _meeting(nhs_store, SEPT)
    _review(nhs_store, agreed, sept, revised_due=DEC, owner="maria", update="Handed over")
    now = _stored(nhs_store, agreed)
    assert (now.owner, now.due, now.past_deadlines) == ("maria", DEC, (SEPT,))
    # The minutes of June print the action as agreed there.
    [minuted] = nhs_store.minutes_snapshot(june.id or 0).actions
    assert (minuted.owner, minuted.due, minuted.updates) == ("ross", SEPT, ())
    # Taken back during its meeting, the action returns to what it was.
    nhs_store.undo_review(agreed.id or 0, sept.id or 0)
    assert _stored(nhs_store, agreed) == agreed.model_copy(update={"updates": ()})


def test_a_period_counts_an_action_overdue_at_its_end_though_closed_since(
    nhs_store: Store, agreed: Action
) -> None:
    """Compliance for a period past (the annual report's year) reads the actions closed
    after its end with their reviews, and judges each as it stood then."""
    from minutebook.application.compliance import compliance_report

    _review(nhs_store, agreed, _meeting(nhs_store, DEC), status=ActionStatus.CLOSED)
    autumn = (date(2023, 6, 1), date(2023, 11, 30))
    standing, reviews = nhs_store.actions_standing("HCP", *autumn)
    assert [a.status for a in standing] == [ActionStatus.CLOSED]
    assert [r.meeting_date for r in reviews[agreed.id or 0]] == [DEC]
    report = compliance_report(nhs_store, "HCP", *autumn, today=date(2026, 12, 1))
    assert [(a.id, a.status, a.due) for a in report.overdue] == [
        (agreed.id, ActionStatus.NOT_YET_DUE, SEPT)
    ]
    # Closed before the next period ends, it does not stand in it.
    assert nhs_store.actions_standing("HCP", date(2023, 12, 6), date(2024, 3, 31)) == ([], {})
