"""What the store keeps for the minute body: each decision's number in its item (what
"[decision 2]" names), kept when an earlier one is deleted; each committee's labelling
of decisions, and migration 0020_decision_labels giving existing committees their
house style's."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from minutebook.domain import AgendaItem, Decision, Meeting, Minute
from minutebook.domain.committee import Committee, HouseStyle
from minutebook.domain.labels import DecisionLabels
from minutebook.store import Store
from minutebook.store.migrations import migrations


def test_a_decision_keeps_its_number_when_an_earlier_one_is_deleted(
    committee_store: Store, meeting: Meeting
) -> None:
    meeting_id = meeting.id or 0
    committee_store.add_agenda_item(meeting_id, AgendaItem(number=1, title="Item 1"))
    first = committee_store.add_decision(meeting_id, 1, Decision(text="One."))
    second = committee_store.add_decision(meeting_id, 1, Decision(text="Two."))
    assert (first.position, second.position) == (1, 2)
    committee_store.delete_decision(first.id or 0, "2023-06-13T14:20:00")
    third = committee_store.add_decision(meeting_id, 1, Decision(text="Three."))
    minute = committee_store.minute_for(meeting_id, 1)
    assert minute is not None
    assert [(d.text, d.position) for d in minute.decisions] == [("Two.", 2), ("Three.", 3)]
    assert third.position == 3
    ((_, deleted),) = committee_store.deleted_decisions(meeting_id)
    assert deleted.position == 1


def test_a_minute_saved_whole_numbers_its_decisions_in_order(
    committee_store: Store, meeting: Meeting
) -> None:
    saved = committee_store.save_minute(
        meeting.id or 0,
        Minute(
            item=1, narrative="[decision 2]", decisions=(Decision(text="A"), Decision(text="B"))
        ),
    )
    assert [d.position for d in saved.decisions] == [1, 2]


def test_a_committee_keeps_how_it_labels_decisions(store: Store) -> None:
    nhs = store.add_committee(Committee(code="ICB", name="Board", house_style=HouseStyle.NHS))
    assert nhs.decision_labels is DecisionLabels.LETTERED  # its house style's, not said
    store.update_committee(nhs.model_copy(update={"decision_labels": DecisionLabels.NUMBERED}))
    assert store.committee("ICB").decision_labels is DecisionLabels.NUMBERED


def test_existing_committees_keep_what_their_house_style_printed(tmp_path: Path) -> None:
    path = tmp_path / "before.db"
    db = Database(path)
    migrations.apply(db, stop_before="0020_decision_labels")
    for code, style in (("HCP", "council"), ("ICB", "nhs")):
        db.execute(
            "INSERT INTO committees (code, name, house_style, numbering_template, "
            "numbering_prefix, numbering_reset, rag_palette) VALUES "
            f"('{code}', '{code} board', '{style}', '{{seq}}', '', 'never', 'council')"
        )
    db.conn.commit()
    db.close()
    with Store.open(path) as store:
        assert store.committee("HCP").decision_labels is DecisionLabels.NUMBERED
        assert store.committee("ICB").decision_labels is DecisionLabels.LETTERED
