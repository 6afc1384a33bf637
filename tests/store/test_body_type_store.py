"""The kind of body a committee is and its own exclusion wording, stored with the
committee; a confidential item's Schedule 12A paragraphs, stored with the item
(migration 0018_body_type)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlite_utils import Database

from minutebook.domain import Committee, Meeting
from minutebook.domain.bodies import BodyType
from minutebook.domain.meeting import AgendaItem
from minutebook.store import Store
from minutebook.store.migrations import migrations


def test_committees_of_an_older_database_are_the_body_their_house_style_says(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    db = Database(path)
    migrations.apply(db, stop_before="0018_body_type")
    for code, style in (("HCP", "council"), ("ICB", "nhs")):
        db.execute(
            "INSERT INTO committees (code, name, house_style, numbering_template, "
            "numbering_prefix, numbering_reset, rag_palette) VALUES (?, ?, ?, "
            "'{prefix}{seq}', '', 'never', 'council')",
            [code, code, style],
        )
    db.execute(
        "INSERT INTO meetings (committee, date, session, status) "
        "VALUES ('HCP', '2023-06-13', 'public', 'draft')"
    )
    db.execute(
        "INSERT INTO agenda_items (meeting_id, number, title, purpose, confidential) "
        "VALUES (1, 1, 'Contract award', 'decision', 1)"
    )
    db.conn.commit()
    db.close()
    with Store.open(path) as store:
        assert store.committee("HCP").body_type is BodyType.PRINCIPAL_COUNCIL
        assert store.committee("ICB").body_type is BodyType.NHS_BODY
        assert store.committee("HCP").exclusion_wording is None
        assert store.agenda(1)[0].exempt_paragraphs == ()


def test_the_body_type_and_own_wording_are_kept(store: Store) -> None:
    wording = "That the press and public be excluded for {items}."
    store.add_committee(
        Committee(
            code="PC", name="Olney Town Council", body_type="parish_council",
            exclusion_wording=wording,
        )
    )  # fmt: skip
    kept = store.committee("PC")
    assert kept.body_type is BodyType.PARISH_COUNCIL
    assert kept.exclusion_wording == wording
    store.update_committee(kept.model_copy(update={"exclusion_wording": None}))
    assert store.committee("PC").exclusion_wording is None


@pytest.mark.parametrize("paragraphs", [(3,), (1, 2, 7)])
def test_a_confidential_items_paragraphs_are_kept(
    store: Store, hcp: Committee, paragraphs: tuple[int, ...]
) -> None:
    store.add_committee(hcp)
    meeting = store.add_meeting(Meeting(committee=hcp.code, date=date(2023, 6, 13)))
    assert meeting.id is not None
    added = store.add_agenda_item(
        meeting.id,
        AgendaItem(number=1, title="Contract", confidential=True, exempt_paragraphs=paragraphs),
    )
    assert store.agenda(meeting.id)[0].exempt_paragraphs == paragraphs
    store.update_agenda_item(added.model_copy(update={"exempt_paragraphs": (5,)}))
    assert store.agenda(meeting.id)[0].exempt_paragraphs == (5,)
