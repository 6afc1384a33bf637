"""Migration 0025_search (docs/search.md): a file at the step before it, with minutes
already signed and locked, opens and steps forward with everything it holds searchable,
signed minutes too; once stepped, the index follows every change."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from minutebook.domain import (
    AgendaItem,
    Attendance,
    Committee,
    Meeting,
    Person,
)
from minutebook.domain.search import HitKind
from minutebook.store import Store
from minutebook.store.opening import KNOWN_STEPS, MIGRATION_SET
from tests.store.test_migrations import _applied
from tests.store.test_search_store import sign

STEP = "0025_search"
JUNE, SEPT = date(2023, 6, 13), date(2023, 9, 20)


def _file_at_the_step_before(path: Path) -> int:
    """A file as the version before the step wrote it: the step only adds the index and
    its triggers, so it is this version's file without them and without the step's name.
    Its June minutes are signed."""
    with Store.open(path) as store:
        store.add_committee(Committee(code="HCP", name="Health and Care Partnership"))
        store.save_person(Person(id="pete", name="Pete Marland"))
        june = store.add_meeting(Meeting(committee="HCP", date=JUNE)).id or 0
        store.add_agenda_item(june, AgendaItem(number=1, title="Kestrel programme"))
        store.add_attendance(june, Attendance(person="pete"))
        store.write_narrative(june, 1, "The Partnership received the Kestrel report.")
        sept = store.add_meeting(Meeting(committee="HCP", date=SEPT)).id or 0
        store.add_agenda_item(sept, AgendaItem(number=1, title="Minutes"))
        sign(store, june, sept)
    conn = sqlite3.connect(path)
    triggers = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search_%'"
    ).fetchall()
    assert len(triggers) == 21  # three for each of the seven kinds of record
    for (name,) in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("DROP TABLE search")
    conn.execute(
        "DELETE FROM _sqlite_migrations WHERE migration_set = ? AND name = ?",
        [MIGRATION_SET, STEP],
    )
    conn.commit()
    conn.close()
    assert set(_applied(path)) == set(KNOWN_STEPS) - {STEP}  # later steps add no text
    return june


def test_a_file_at_the_step_before_is_indexed_signed_minutes_too(db_path: Path) -> None:
    june = _file_at_the_step_before(db_path)
    with Store.open(db_path) as store:
        found = {(h.kind, h.meeting_id, h.item) for h in store.search("kestrel")}
        assert found == {(HitKind.MINUTE, june, 1), (HitKind.AGENDA, june, 1)}
        assert [h.day for h in store.search("approved")] == [SEPT]
        # From now on the triggers keep it current.
        sept = store.meeting_on("HCP", SEPT).id or 0
        store.write_narrative(sept, 1, "The minutes were agreed as a correct record.")
        assert [h.meeting_id for h in store.search("correct record")] == [sept]
    assert sorted(_applied(db_path)) == sorted(KNOWN_STEPS)
