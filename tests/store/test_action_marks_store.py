"""What the store keeps of how the minutes' Action column names an owner (docs/actions.md):
a person's own mark and an action's, migration 0021_action_marks giving an older file's
people and actions none, and an action's mark locked with the signed minutes that print it."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlite_utils import Database

from minutebook.domain import Action, AgendaItem, Decision, DecisionVerb, Meeting, Person
from minutebook.domain.lifecycle import Approval
from minutebook.store import Store, StoreError
from minutebook.store.migrations import migrations


def test_people_and_actions_of_an_older_file_have_no_mark_until_given(tmp_path: Path) -> None:
    path = tmp_path / "before.db"
    db = Database(path)
    migrations.apply(db, stop_before="0021_action_marks")
    db.execute(
        "INSERT INTO committees (code, name, house_style, numbering_template, "
        "numbering_prefix, numbering_reset, rag_palette) VALUES "
        "('ICB', 'ICB Board', 'nhs', '{seq}', '', 'never', 'nhs')"
    )
    db.execute("INSERT INTO people (id, name, initials) VALUES ('wogan', 'Maria Wogan', 'MW')")
    db.execute(
        "INSERT INTO actions (committee, number, meeting_date, description, owner, "
        "past_deadlines, status) VALUES ('ICB', 1, '2022-07-01', 'Recruit', 'wogan', '[]', "
        "'not_yet_due')"
    )
    db.conn.commit()
    db.close()
    with Store.open(path) as store:
        wogan = store.person("wogan")
        assert (wogan.name, wogan.initials, wogan.action_mark) == ("Maria Wogan", "MW", None)
        (action,) = store.actions("ICB")
        assert (action.description, action.mark) == ("Recruit", None)
        store.save_person(wogan.model_copy(update={"action_mark": "COSACS"}))
        store.edit_action(action.model_copy(update={"mark": "Ross Graves / COSACS"}))
        assert store.person("wogan").action_mark == "COSACS"
        assert store.actions("ICB")[0].mark == "Ross Graves / COSACS"


def test_an_actions_mark_is_locked_with_the_signed_minutes_that_print_it(
    committee_store: Store, meeting: Meeting
) -> None:
    store = committee_store
    store.save_person(Person(id="clerk", name="Kim Clerk"))
    action = store.add_action(
        Action(
            committee="HCP",
            meeting_date=meeting.date,
            item=1,
            description="Circulate the plan",
            owner="clerk",
            mark="KC",
        )
    )
    store.write_narrative(meeting.id or 0, 1, "The Partnership received the plan.")
    later = store.add_meeting(Meeting(committee="HCP", date=date(2023, 9, 20), time="14:00"))
    store.add_agenda_item(later.id or 0, AgendaItem(number=1, title="Minutes"))
    approval = Approval(
        meeting_id=meeting.id or 0,
        at_meeting_id=later.id or 0,
        item=1,
        chair="Pete Marland",
        signed_on=date(2023, 9, 20),
    )
    store.approve_minutes(
        approval,
        Decision(verb=DecisionVerb.RESOLVED, text="That the Minutes …"),
        today=date(2023, 9, 20),
    )
    with pytest.raises(StoreError):
        store.edit_action(action.model_copy(update={"mark": "Kim Clerk / KC"}))
    # The database itself refuses it, whoever asks.
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute("UPDATE actions SET mark = 'Kim Clerk / KC' WHERE id = ?", [action.id])
    assert store.actions("HCP")[0].mark == "KC"
