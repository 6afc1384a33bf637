"""Migration 0024_prompt_dismissals (docs/register.md#prompts): a file at the step before
it, holding a dismissed prompt, opens and steps forward with the dismissal kept; once
stepped, a Minutebook that knows only the steps before refuses the file as made by a
newer version (opening.check_existing: any applied step it does not know) instead of
meeting a timeline event of a kind it cannot read."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from minutebook.domain import AgendaItem, Committee, Meeting
from minutebook.domain.timeline import EventKind
from minutebook.store import Store, StoreError, opening
from minutebook.store.opening import KNOWN_STEPS, MIGRATION_SET
from tests.store.test_migrations import _applied

STEP = "0024_prompt_dismissals"
BEFORE = KNOWN_STEPS[: KNOWN_STEPS.index(STEP)]
DAY = date(2023, 6, 13)


def _file_at_the_step_before(path: Path, meeting: Meeting) -> int:
    """A file as the version before the step wrote it: the step changes no table, so it
    is this version's file without the step's name (and, as that version could, a
    dismissed prompt in its timeline)."""
    with Store.open(path) as store:
        store.add_committee(Committee(code="HCP", name="Health and Care Partnership"))
        saved = store.add_meeting(meeting)
        meeting_id = saved.id or 0
        store.add_agenda_item(meeting_id, AgendaItem(number=1, title="Primary care"))
        store.dismiss_prompt(meeting_id, 1, "shah", 7, "2023-06-13T14:05:00")
    conn = sqlite3.connect(path)
    conn.execute(
        "DELETE FROM _sqlite_migrations WHERE migration_set = ? AND name = ?",
        [MIGRATION_SET, STEP],
    )
    conn.commit()
    conn.close()
    assert set(_applied(path)) == set(KNOWN_STEPS) - {STEP}  # later steps add no events
    return meeting_id


def test_a_file_at_the_step_before_opens_steps_forward_and_keeps_its_dismissals(
    db_path: Path,
) -> None:
    meeting_id = _file_at_the_step_before(db_path, Meeting(committee="HCP", date=DAY))
    with Store.open(db_path) as store:
        (event,) = [e for e in store.timeline(meeting_id) if e.kind is EventKind.DISMISSED]
        assert (event.item, event.person, event.ref) == (1, "shah", 7)
    assert sorted(_applied(db_path)) == sorted(KNOWN_STEPS)
    assert STEP in _applied(db_path)


def test_an_older_minutebook_refuses_the_stepped_file_as_newer(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store.open(db_path).close()
    before = db_path.read_bytes()
    monkeypatch.setattr(opening, "KNOWN_STEPS", BEFORE)  # the version before the step
    with pytest.raises(StoreError, match="newer version of Minutebook") as caught:
        Store.open(db_path)
    assert STEP in str(caught.value)
    assert db_path.read_bytes() == before
