"""The audit trail reads as a record (docs/lifecycle.md): a heading per change in words,
each value changed under its name in words, dates as dd/mm/yyyy, short values whole, a
long text as the part changed; no ids."""

from __future__ import annotations

import json
from datetime import date

from minutebook.domain.audit import AuditEntry, AuditNames, audit_record, edited_part

NAMES = AuditNames(
    meetings={5: date(2023, 11, 15), 2: date(2023, 9, 20)},
    people={"marland": "Peter Marland"},
    seats={"S1": "Chair"},
    minutes={31: ("HCP3", 3)},
    actions={44: 3},
)


def _entry(table: str, change: str, before: dict | None, after: dict | None) -> AuditEntry:  # type: ignore[type-arg]
    return AuditEntry(
        meeting_id=2,
        table=table,
        row=(after or before or {}).get("id"),
        change=change,
        before=json.dumps(before) if before is not None else None,
        after=json.dumps(after) if after is not None else None,
        at="2023-11-16T13:30:08",
    )


def _words(entry: AuditEntry) -> tuple[str, tuple[str, ...]]:
    (note,) = audit_record([entry], NAMES)
    return note.title, note.lines


def test_meeting_details_changed_show_whole_short_values_and_dates_as_written() -> None:
    meeting = {
        "id": 2,
        "committee": "HCP",
        "date": "2023-11-15",
        "time": "14:00",
        "venue": "Civic Offices",
        "status": "circulated",
    }
    moved = meeting | {"date": "2023-11-16", "venue": "Council Chamber"}
    assert _words(_entry("meetings", "update", meeting, moved)) == (
        "16/11/2023 13:30 — Meeting details changed",
        ("Date: 15/11/2023 → 16/11/2023", "Venue: Civic Offices → Council Chamber"),
    )
    signed = meeting | {"status": "signed", "signed_on": "2023-11-15"}
    assert _words(_entry("meetings", "update", meeting, signed)) == (
        "16/11/2023 13:30 — Minutes signed",
        ("Minutes: circulated → signed", "Signed on: (none) → 15/11/2023"),
    )


def test_a_minute_is_named_by_its_number_and_a_long_text_by_the_part_changed() -> None:
    text = "The Partnership received the report on the Better Care Fund plan for 2023-25."
    minute = {"id": 31, "meeting_id": 2, "item": 3, "number": "HCP3", "narrative": text}
    edited = minute | {"narrative": text.replace("received", "noted")}
    assert _words(_entry("minutes", "update", minute, edited)) == (
        "16/11/2023 13:30 — Minute HCP3 (item 3) changed",
        ("The minute's text: 'received' → 'noted' after 'The Partnership '",),
    )
    decision = {"id": 9, "minute_id": 31, "position": 1, "verb": "RESOLVED", "text": "Agreed."}
    title, lines = _words(_entry("decisions", "insert", None, decision))
    assert title == "16/11/2023 13:30 — Decision under minute HCP3 (item 3) recorded"
    assert lines == ("Decided as: RESOLVED", "The decision's text: Agreed.")


def test_the_approval_names_the_approving_meeting_and_shows_no_ids() -> None:
    approval = {
        "id": 2,
        "meeting_id": 2,
        "at_meeting_id": 5,
        "item": 2,
        "amendment": None,
        "chair": "Peter Marland",
        "signed_on": "2023-11-15",
    }
    title, lines = _words(_entry("approvals", "insert", None, approval))
    assert title == "16/11/2023 13:30 — Minutes approved at the meeting of 15/11/2023"
    assert lines == (
        "Minuted under item: 2",
        "Signed by: Peter Marland",
        "Signed on: 15/11/2023",
    )
    assert not any("meeting_id" in line or "row" in line for line in lines)


def test_people_seats_and_flags_in_words() -> None:
    present = {
        "id": 7,
        "meeting_id": 2,
        "person": "marland",
        "status": "present",
        "mode": "in_person",
        "seats": '["S1"]',
    }
    title, lines = _words(_entry("attendance", "insert", None, present))
    assert title == "16/11/2023 13:30 — Attendance of Peter Marland recorded"
    assert lines == (
        "Person: Peter Marland",
        "Status: present",
        "Attending: in person",
        "Seat: Chair",
    )
    item = {"id": 4, "meeting_id": 2, "number": 6, "title": "Staffing", "confidential": 0}
    title, lines = _words(_entry("agenda_items", "update", item, item | {"confidential": 1}))
    assert (title, lines) == (
        "16/11/2023 13:30 — Agenda item 6 changed",
        ("Confidential: no → yes",),
    )


def test_a_review_names_its_action() -> None:
    review = {"id": 1, "action_id": 44, "meeting_id": 2, "item": 3, "status": "in_progress"}
    title, lines = _words(_entry("action_reviews", "insert", None, review))
    assert title == "16/11/2023 13:30 — Review of action 3 (item 3) recorded"
    assert lines == ("Item: 3", "Status: in progress")


def test_an_edit_of_a_long_text_is_the_part_changed_with_words_around_it() -> None:
    before = "The Chair welcomed members to the meeting of the Partnership."
    after = "The Chair welcomed members and guests to the meeting of the Partnership."
    assert edited_part(before, after) == "added ' and guests' after 'The Chair welcomed members'"
