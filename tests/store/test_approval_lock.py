"""The minutes' lifecycle in the store: circulation, approval at a later meeting, the
database's lock on signed minutes and its audit trail of changes after circulation
(docs/lifecycle.md)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest

from minutebook.domain import (
    AgendaItem,
    Attendance,
    Decision,
    DecisionVerb,
    Meeting,
    MinutesStatus,
    Person,
)
from minutebook.domain.lifecycle import Approval
from minutebook.domain.timeline import EventKind
from minutebook.store import Conflict, Store

SEPT = date(2023, 9, 20)


@pytest.fixture
def minuted(committee_store: Store, meeting: Meeting) -> Meeting:
    """13 June 2023 with an agenda, someone present and a minute typed."""
    store = committee_store
    assert meeting.id is not None
    store.save_person(Person(id="pete", name="Pete Marland"))
    for title in ("Welcome and apologies", "Better Care Fund"):
        store.add_agenda_item(meeting.id, AgendaItem(number=1, title=title))
    store.add_attendance(meeting.id, Attendance(person="pete"))
    store.write_narrative(meeting.id, 2, "The Partnership received the plan.")
    return store.meeting(meeting.id)


@pytest.fixture
def later(committee_store: Store) -> Meeting:
    meeting = committee_store.add_meeting(Meeting(committee="HCP", date=SEPT))
    assert meeting.id is not None
    committee_store.add_agenda_item(meeting.id, AgendaItem(number=1, title="Minutes"))
    return meeting


def _approve(
    store: Store, earlier: Meeting, later: Meeting, amendment: str | None = None
) -> Meeting:
    approval = Approval(
        meeting_id=earlier.id or 0,
        at_meeting_id=later.id or 0,
        item=1,
        amendment=amendment,
        chair="Pete Marland",
        signed_on=SEPT,
    )
    decision = Decision(verb=DecisionVerb.RESOLVED, text="That the Minutes … be approved.")
    return store.approve_minutes(
        approval, decision, today=SEPT, correction=amendment, recorded="2023-09-20T14:05:00"
    )


def test_circulating_needs_a_record(committee_store: Store, meeting: Meeting) -> None:
    with pytest.raises(Conflict, match="13 June 2023 has no minutes recorded yet"):
        committee_store.circulate_minutes(meeting.id or 0, date(2023, 6, 20))
    assert committee_store.meeting(meeting.id or 0).status is MinutesStatus.DRAFT


def test_no_audit_before_circulation_and_every_change_after(
    committee_store: Store, minuted: Meeting
) -> None:
    store, meeting_id = committee_store, minuted.id or 0
    assert store.audit_trail(meeting_id) == []
    sent = store.circulate_minutes(meeting_id, date(2023, 6, 20))
    assert (sent.status, sent.circulated_on) == (MinutesStatus.CIRCULATED, date(2023, 6, 20))
    assert store.meeting(meeting_id) == sent
    assert store.audit_trail(meeting_id) == []  # circulating is not a change to the record
    store.write_narrative(meeting_id, 2, "The Partnership received and noted the plan.")
    store.add_decision(meeting_id, 2, Decision(verb=DecisionVerb.NOTED, text="the plan"))
    trail = store.audit_trail(meeting_id)
    changes = [(entry.table, entry.change) for entry in trail]
    assert ("minutes", "update") in changes
    assert ("decisions", "insert") in changes
    assert ("timeline", "insert") in changes
    narrative = next(e for e in trail if e.table == "minutes")
    assert json.loads(narrative.before or "")["narrative"] == "The Partnership received the plan."
    assert json.loads(narrative.after or "")["narrative"].endswith("received and noted the plan.")


def test_approval_is_minuted_corrected_and_locks(
    committee_store: Store, minuted: Meeting, later: Meeting
) -> None:
    store, meeting_id = committee_store, minuted.id or 0
    store.circulate_minutes(meeting_id, date(2023, 6, 20))
    signed = _approve(store, minuted, later, amendment="For 'received' read 'noted'.")
    assert signed.status is MinutesStatus.SIGNED
    assert store.meeting(meeting_id) == signed
    assert (signed.approved_on, signed.signed_on) == (SEPT, SEPT)
    approval = store.approval(meeting_id)
    assert approval is not None and approval.amendment == "For 'received' read 'noted'."
    [minute] = store.minutes(later.id or 0)
    assert minute.decisions[0].text == "That the Minutes … be approved."
    amended = [e for e in store.timeline(meeting_id) if e.kind is EventKind.AMENDED]
    assert [e.note for e in amended] == ["For 'received' read 'noted'."]
    audited = {(e.table, e.change) for e in store.audit_trail(meeting_id)}
    assert {("approvals", "insert"), ("timeline", "insert")} <= audited
    # The narrative is not rewritten: the amendment stands as the correction.
    assert store.minutes(meeting_id)[0].narrative == "The Partnership received the plan."


def test_signed_minutes_refuse_store_calls_naming_the_meeting(
    committee_store: Store, minuted: Meeting, later: Meeting
) -> None:
    store, meeting_id = committee_store, minuted.id or 0
    _approve(store, minuted, later)
    with pytest.raises(Conflict, match="minutes of 13 June 2023 are signed and locked: record"):
        store.write_narrative(meeting_id, 2, "Changed.")
    with pytest.raises(Conflict, match="already approved on 20 September 2023"):
        _approve(store, minuted, later)


def test_the_database_itself_refuses_changes_to_signed_minutes(
    committee_store: Store, minuted: Meeting, later: Meeting
) -> None:
    store, meeting_id = committee_store, minuted.id or 0
    store.add_decision(meeting_id, 2, Decision(verb=DecisionVerb.NOTED, text="the plan"))
    _approve(store, minuted, later)
    conn = store.db.conn
    for sql in (
        "UPDATE minutes SET narrative = 'Changed' WHERE meeting_id = ?",
        "DELETE FROM attendance WHERE meeting_id = ?",
        "UPDATE agenda_items SET title = 'Other' WHERE meeting_id = ?",
        "INSERT INTO timeline (meeting_id, kind, phase) VALUES (?, 'arrived', 1)",
        "UPDATE meetings SET venue = 'Elsewhere' WHERE id = ?",
        "UPDATE meetings SET status = 'draft' WHERE id = ?",
        "DELETE FROM approvals WHERE meeting_id = ?",
        "UPDATE decisions SET text = 'Changed' "
        "WHERE minute_id IN (SELECT id FROM minutes WHERE meeting_id = ?)",
    ):
        with pytest.raises(sqlite3.IntegrityError, match="signed and locked"):
            conn.execute(sql, [meeting_id])
    if conn.in_transaction:  # the driver's own BEGIN before an UPDATE, left open
        conn.execute("ROLLBACK")
    assert store.minutes(meeting_id)[0].narrative == "The Partnership received the plan."


def test_a_refusal_by_the_database_is_a_conflict(
    committee_store: Store, minuted: Meeting, later: Meeting
) -> None:
    store, meeting_id = committee_store, minuted.id or 0
    _approve(store, minuted, later)
    with (
        pytest.raises(Conflict, match=r"^these minutes are signed and locked: record a correction"),
        store.transaction() as db,
    ):
        db.execute("UPDATE minutes SET narrative = 'Changed' WHERE meeting_id = ?", [meeting_id])


def test_actions_and_the_later_meeting_stay_open(
    committee_store: Store, minuted: Meeting, later: Meeting
) -> None:
    store = committee_store
    _approve(store, minuted, later)
    store.write_narrative(later.id or 0, 1, "The minutes were approved.")
    conn = store.db.conn
    conn.execute("UPDATE actions SET rag = 'G' WHERE meeting_id = ?", [minuted.id])
    if conn.in_transaction:
        conn.execute("COMMIT")
    assert store.minutes(later.id or 0)[0].narrative == "The minutes were approved."


def test_the_audit_trail_is_never_changed(committee_store: Store, minuted: Meeting) -> None:
    store, meeting_id = committee_store, minuted.id or 0
    store.circulate_minutes(meeting_id, date(2023, 6, 20))
    store.write_narrative(meeting_id, 2, "Changed.")
    with pytest.raises(sqlite3.IntegrityError, match="never changed"):
        store.db.conn.execute("DELETE FROM audit")
    if store.db.conn.in_transaction:
        store.db.conn.execute("ROLLBACK")


def test_a_burst_of_typing_after_circulation_is_one_audit_entry(
    committee_store: Store, minuted: Meeting
) -> None:
    """Saved at every pause, a corrected minute wrote a whole copy of itself before and
    after at each save; a burst is one entry, its before the first, its after the last."""
    store, meeting_id = committee_store, minuted.id or 0
    store.circulate_minutes(meeting_id, date(2023, 6, 20))
    text = "The Partnership received the plan."
    for letter in " It was welcomed.":
        text += letter
        store.write_narrative(meeting_id, 2, text)
    (entry,) = [e for e in store.audit_trail(meeting_id) if e.table == "minutes"]
    assert json.loads(entry.before or "")["narrative"] == "The Partnership received the plan."
    assert json.loads(entry.after or "")["narrative"] == text
    store.add_decision(meeting_id, 2, Decision(verb=DecisionVerb.NOTED, text="the plan"))
    store.write_narrative(meeting_id, 2, text + " Agreed.")  # after another change: a new entry
    minutes = [e for e in store.audit_trail(meeting_id) if e.table == "minutes"]
    assert len(minutes) == 2
    assert json.loads(minutes[1].before or "")["narrative"] == text
    with pytest.raises(sqlite3.IntegrityError, match="never changed"):
        store.db.conn.execute("UPDATE audit SET after = 'forged' WHERE id = ?", [minutes[0].id])
    if store.db.conn.in_transaction:
        store.db.conn.execute("ROLLBACK")


@pytest.mark.parametrize("stage", [MinutesStatus.CIRCULATED, MinutesStatus.SIGNED])
def test_a_meeting_brought_in_at_any_stage_is_stored_whole_and_not_audited(
    committee_store: Store, minuted: Meeting, stage: MinutesStatus
) -> None:
    """A record built elsewhere (the demo, an import) is not a change after circulation,
    nor a change to signed minutes: it is stored whole, with nothing in its audit."""
    store = committee_store
    record = store.meeting_record(minuted.id or 0)
    dated = {"circulated_on": date(2023, 6, 20)}
    if stage is MinutesStatus.SIGNED:
        dated |= {"approved_on": date(2023, 9, 20), "signed_on": date(2023, 9, 20)}
    brought = record.model_copy(
        update={
            "meeting": record.meeting.model_copy(
                update={"date": date(2023, 3, 14), "status": stage, **dated}
            )
        }
    )
    stored = store.add_meeting_record(brought)
    assert stored.status is stage
    assert stored.circulated_on == date(2023, 6, 20)
    assert [m.narrative for m in store.minutes(stored.id or 0)] == [
        "The Partnership received the plan."
    ]
    assert store.audit_trail(stored.id or 0) == []


def test_moving_the_item_moves_the_approval_minuted_under_it(
    committee_store: Store, minuted: Meeting, later: Meeting
) -> None:
    store = committee_store
    _approve(store, minuted, later)
    store.add_agenda_item(later.id or 0, AgendaItem(number=2, title="Matters arising"))
    minutes_item = store.agenda(later.id or 0)[0]
    store.move_agenda_item(minutes_item.id or 0, 1)
    approval = store.approval(minuted.id or 0)
    assert approval is not None and approval.item == 2
    # Nothing else of the approval may change, and not even its item once the approving
    # meeting's minutes are signed too.
    with pytest.raises(sqlite3.DatabaseError, match="signed"):
        store.db.execute("UPDATE approvals SET amendment = 'rewritten'")
    store.db.execute("UPDATE meetings SET status = 'signed' WHERE id = ?", [later.id])
    with pytest.raises(sqlite3.DatabaseError, match="signed"):
        store.db.execute("UPDATE approvals SET item = 1")


def test_every_column_of_the_record_is_audited_and_every_agreed_action_column_locked(
    store: Store,
) -> None:
    # A step that adds a column to a record table must call record_triggers again (and
    # one adding a column to actions must say whether it is agreed or moves on), or the
    # audit silently drops the column and the lock lets it change.
    from minutebook.store.migrations import _RECORD_TABLES

    conn = store.db.conn

    def columns(table: str) -> list[str]:
        return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]

    def trigger(name: str) -> str:
        found = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [name])
        return str(found.fetchone()[0])

    for table in _RECORD_TABLES:
        audit = trigger(f"audit_{table}_update")
        assert [c for c in columns(table) if f"'{c}', NEW.{c}" not in audit] == [], table
    lock = trigger("lock_actions_update")
    assert [c for c in columns("actions") if f"OLD.{c} IS NOT" not in lock] == ["id"]
