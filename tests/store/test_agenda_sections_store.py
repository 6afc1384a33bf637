"""An agenda's sections, a meeting's planned end and a committee's agenda front page are
stored (migration 0019_agenda_sections): nothing of them for what an older database
holds; what is given is kept, and a section moves with the item that opens it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlite_utils import Database

from minutebook.domain import AgendaItem, Meeting
from minutebook.store import Store
from minutebook.store.migrations import migrations


def test_an_older_database_has_no_sections_nor_front_page(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = Database(path)
    migrations.apply(db, stop_before="0019_agenda_sections")
    db.execute(
        "INSERT INTO committees (code, name, house_style, numbering_template, "
        "numbering_prefix, numbering_reset, rag_palette) VALUES ('HCP', 'Health and Care', "
        "'council', '{prefix}{seq}', 'HCP', 'never', 'council')"
    )
    db.execute(
        "INSERT INTO meetings (id, committee, date, time, session, status) "
        "VALUES (1, 'HCP', '2023-06-13', '14:00', 'public', 'draft')"
    )
    db.execute(
        "INSERT INTO agenda_items (meeting_id, number, title, purpose, confidential) "
        "VALUES (1, 1, 'Welcome', 'information', 0)"
    )
    db.conn.commit()
    db.close()
    with Store.open(path) as store:
        committee = store.committee("HCP")
        assert (committee.agenda_subtitle, committee.enquiries) == (None, None)
        assert committee.exclusion_on_agenda is False
        assert store.meeting(1).planned_end is None
        (item,) = store.agenda(1)
        assert (item.section, item.section_starts, item.section_ends) == (None, None, None)


def test_sections_and_front_page_are_kept(committee_store: Store) -> None:
    store = committee_store
    hcp = store.committee("HCP")
    store.update_committee(
        hcp.model_copy(
            update={
                "agenda_subtitle": "Formerly the Health and Wellbeing Board",
                "enquiries": "Please contact Andrew Clayton on 01908 252046",
                "exclusion_on_agenda": True,
            }
        )
    )
    hcp = store.committee("HCP")
    assert hcp.agenda_subtitle == "Formerly the Health and Wellbeing Board"
    assert hcp.enquiries == "Please contact Andrew Clayton on 01908 252046"
    assert hcp.exclusion_on_agenda is True
    meeting = store.add_meeting(
        Meeting(committee="HCP", date=date(2023, 9, 20), time="14:00", planned_end="16:30")
    )
    meeting_id = meeting.id or 0
    assert store.meeting(meeting_id).planned_end == "16:30"
    for title in ("Welcome", "Strategy paper"):
        store.add_agenda_item(meeting_id, AgendaItem(number=1, title=title))
    _, second = store.agenda(meeting_id)
    store.update_agenda_item(
        second.model_copy(
            update={"section": "Strategy", "section_starts": "14:30", "section_ends": "15:50"}
        )
    )
    store.move_agenda_item(second.id or 0, -1)
    moved = store.agenda(meeting_id)[0]
    assert (moved.number, moved.title) == (1, "Strategy paper")
    assert (moved.section, moved.section_starts, moved.section_ends) == (
        "Strategy",
        "14:30",
        "15:50",
    )
