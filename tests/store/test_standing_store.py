"""Standing items in the store (docs/agenda.md): each committee's list, given its house
style's when it is added or when a database made before standing items is opened
(migration 0014_standing_items), replaced whole, and an item added to an agenda going
before the items that close the meeting."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlite_utils import Database

from minutebook.domain import AgendaItem, Committee, Meeting
from minutebook.domain.committee import HouseStyle
from minutebook.domain.lifecycle import minutes_item
from minutebook.domain.meeting import ItemKind, ItemPlace, MeetingRecord
from minutebook.domain.standing_items import StandingItem, default_standing_items, next_agenda
from minutebook.store import Conflict, Store
from minutebook.store.migrations import migrations


def test_a_committee_added_gets_its_house_styles_list(committee_store: Store) -> None:
    assert committee_store.standing_items("HCP") == list(default_standing_items(HouseStyle.COUNCIL))
    committee_store.add_committee(
        Committee(code="ICB", name="Board of the ICB", house_style=HouseStyle.NHS)
    )
    assert committee_store.standing_items("ICB") == list(default_standing_items(HouseStyle.NHS))


def test_the_list_is_replaced_whole_in_agenda_order(committee_store: Store) -> None:
    aob = StandingItem(title="Any Other Business", place=ItemPlace.CLOSING)
    minutes = StandingItem(title="Minutes", kind=ItemKind.MINUTES)
    saved = committee_store.save_standing_items("HCP", [aob, minutes])
    assert saved == [minutes, aob]
    assert committee_store.standing_items("HCP") == [minutes, aob]
    committee_store.save_standing_items("HCP", [])
    assert committee_store.standing_items("HCP") == []


def test_two_minutes_items_are_refused_and_nothing_changes(committee_store: Store) -> None:
    before = committee_store.standing_items("HCP")
    twice = [StandingItem(title=t, kind=ItemKind.MINUTES) for t in ("Minutes", "Approval")]
    with pytest.raises(Conflict, match="both the minutes of the previous meeting item"):
        committee_store.save_standing_items("HCP", twice)
    assert committee_store.standing_items("HCP") == before


def test_an_item_added_goes_before_the_closing_items(committee_store: Store) -> None:
    june = committee_store.add_meeting(Meeting(committee="HCP", date=date(2023, 6, 13)))
    agenda = next_agenda(committee_store.standing_items("HCP"), [], june)
    sept = committee_store.add_meeting_record(
        MeetingRecord(meeting=Meeting(committee="HCP", date=date(2023, 9, 20)), agenda=agenda)
    )
    added = committee_store.add_agenda_item(sept.id or 0, AgendaItem(number=1, title="ICB Report"))
    assert added.number == 5
    stored = committee_store.agenda(sept.id or 0)
    assert [(i.number, i.title) for i in stored][-3:] == [
        (5, "ICB Report"),
        (6, "Any Other Business"),
        (7, "Date of the Next Meeting"),
    ]
    assert stored[-1].kind is ItemKind.NEXT_MEETING
    assert stored[1].description is not None and "13 June 2023" in stored[1].description


def test_a_database_made_before_standing_items_gets_each_committees_default(
    tmp_path: Path,
) -> None:
    path = tmp_path / "before-standing.db"
    db = Database(path)
    migrations.apply(db, stop_before="0014_standing_items")
    for code, style in (("HCP", "council"), ("ICB", "nhs")):
        db.execute(
            "INSERT INTO committees (code, name, house_style, numbering_template, "
            "numbering_prefix, numbering_reset, rag_palette) VALUES (?, ?, ?, '{prefix}{seq}', "
            "?, 'never', 'council')",
            [code, f"Committee {code}", style, code],
        )
    # An earlier meeting with its agenda, its minutes circulated (so audited) and one
    # signed (locked): the new columns of its agenda must not disturb either.
    db.execute(
        "INSERT INTO meetings (id, committee, date, session, status, circulated_on) "
        "VALUES (1, 'ICB', '2022-07-01', 'public', 'circulated', '2022-07-08')"
    )
    db.execute(
        "INSERT INTO meetings (id, committee, date, session, status) "
        "VALUES (2, 'HCP', '2023-06-13', 'public', 'draft')"
    )
    for meeting_id, title in ((1, "Approval of Minutes and Matters Arising"), (2, "Minutes")):
        db.execute(
            "INSERT INTO agenda_items (meeting_id, number, title, purpose, confidential) "
            "VALUES (?, 1, ?, 'decision', 0)",
            [meeting_id, title],
        )
    db.execute(
        "UPDATE meetings SET status = 'signed', approved_on = '2023-09-20', "
        "signed_on = '2023-09-20' WHERE id = 2"
    )
    db.conn.commit()
    db.close()

    with Store.open(path) as store:
        assert store.standing_items("HCP") == list(default_standing_items(HouseStyle.COUNCIL))
        assert store.standing_items("ICB") == list(default_standing_items(HouseStyle.NHS))
        (old,) = store.agenda(1)
        assert (old.kind, old.place, old.description) == (None, None, None)
        assert minutes_item([old]) == old  # found by its title, as before
        # A change to circulated minutes is audited with the new columns too.
        store.update_agenda_item(old.model_copy(update={"kind": ItemKind.MINUTES}))
        (entry,) = [e for e in store.audit_trail(1) if e.change == "update"]
        assert entry.differences() == [("kind", None, "minutes")]
        # Signed minutes stay locked.
        (signed,) = store.agenda(2)
        with pytest.raises(Conflict, match="signed and locked"):
            store.update_agenda_item(signed.model_copy(update={"title": "Minutes (amended)"}))
    conn = sqlite3.connect(path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="signed and locked"):
            conn.execute("UPDATE agenda_items SET kind = 'minutes' WHERE meeting_id = 2")
    finally:
        conn.close()
