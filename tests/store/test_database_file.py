"""The light opening of a database: checked, locked and read for the first screen with
the standard library alone, the full store built on the same file when first needed."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlite_utils import Database

from minutebook.domain import Committee, Meeting, Person, Seat
from minutebook.store import DatabaseFile, Store, StoreError
from minutebook.store.migrations import migrations
from minutebook.store.opening import KNOWN_STEPS


def test_every_migration_step_is_named_for_the_light_check() -> None:
    assert tuple(m.name for m in migrations._migrations) == KNOWN_STEPS


def test_summaries_count_members_in_post_and_find_the_next_meeting(
    committee_store: Store, db_path: Path
) -> None:
    code = committee_store.committees()[0].code
    committee_store.add_member(code, Seat(id="V1", title="Vacant seat", holder=None), None)
    committee_store.add_member(
        code,
        Seat(id="R1", title="Retired seat", holder="old-hand"),
        Person(id="old-hand", name="Old Hand"),
    )
    committee_store.retire_seat(code, "R1", date(2023, 1, 1))
    for day in (date(2023, 6, 13), date(2023, 9, 20), date(2023, 12, 6)):
        committee_store.add_meeting(Meeting(committee=code, date=day))
    in_post = sum(1 for s in committee_store.seats(code) if s.is_current and s.holder)
    committee_store.add_committee(Committee(code="AAA", name="Audit Committee"))

    summaries = committee_store.file.committee_summaries(date(2023, 7, 1))

    assert [s.name for s in summaries] == sorted(c.name for c in committee_store.committees())
    ours = next(s for s in summaries if s.code == code)
    assert ours.members == in_post
    assert ours.next_meeting == date(2023, 9, 20)
    audit = next(s for s in summaries if s.code == "AAA")
    assert (audit.members, audit.next_meeting, audit.style_label) == (0, None, "Council")


def test_the_full_store_is_built_once_on_the_same_connection(tmp_path: Path) -> None:
    database = DatabaseFile.open(tmp_path / "m.db")
    try:
        store = database.store()
        assert database.store() is store
        assert store.db.conn is database.conn
        store.add_committee(Committee(code="HCP", name="Health and Care Partnership"))
        assert [s.code for s in database.committee_summaries(date(2023, 1, 1))] == ["HCP"]
    finally:
        database.close()
    # Closed means released: the file opens again, with what was written.
    with Store.open(tmp_path / "m.db") as again:
        assert [c.code for c in again.committees()] == ["HCP"]


def test_a_file_one_step_behind_is_migrated_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = Database(path, strict=True)
    migrations.apply(old, stop_before=KNOWN_STEPS[-1])
    old.close()
    database = DatabaseFile.open(path)
    try:
        applied = [r[0] for r in database.conn.execute("SELECT name FROM _sqlite_migrations")]
        assert tuple(applied) == KNOWN_STEPS
    finally:
        database.close()


def test_a_second_opening_is_refused_while_the_first_holds_the_file(tmp_path: Path) -> None:
    database = DatabaseFile.open(tmp_path / "m.db")
    try:
        with pytest.raises(StoreError, match="already open"):
            DatabaseFile.open(tmp_path / "m.db")
    finally:
        database.close()


def test_the_app_and_its_first_screen_load_without_the_domain_models() -> None:
    """The committees list is drawn before pydantic and sqlite-utils are imported: they
    cost more start-up time than Textual takes to draw (bench/live.py measures it)."""
    probe = (
        "import sys\n"
        "import minutebook.tui.cli, minutebook.tui.app\n"
        "import minutebook.tui.screens.committees\n"
        "heavy = [m for m in ('pydantic', 'sqlite_utils', 'minutebook.store.store')"
        " if m in sys.modules]\n"
        "print(heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_a_reader_works_beside_the_open_app_and_never_blocks_it(tmp_path: Path) -> None:
    """Exports read the file while a Minutebook window has it open (and locked)."""
    path = tmp_path / "m.db"
    with Store.open(path) as app:
        app.add_committee(Committee(code="HCP", name="Health and Care Partnership"))
        reader = DatabaseFile.open_to_read(path).store()
        try:
            assert [c.code for c in reader.committees()] == ["HCP"]
            with reader.transaction():
                # The window's next change goes through while the reader is mid-read.
                app.add_committee(Committee(code="ICB", name="Integrated Care Board"))
            assert [c.code for c in reader.committees()] == ["HCP", "ICB"]
            with pytest.raises(sqlite3.OperationalError, match="readonly"):
                reader.add_committee(Committee(code="PB", name="People Board"))
        finally:
            reader.close()
        # Nothing the reader tried reached the file.
        assert sorted(c.code for c in app.committees()) == ["HCP", "ICB"]


def test_a_reader_refuses_a_missing_or_out_of_date_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="there is no Minutebook database"):
        DatabaseFile.open_to_read(tmp_path / "none.db")
    old = Database(tmp_path / "old.db", strict=True)
    migrations.apply(old, stop_before=KNOWN_STEPS[-1])
    old.close()
    with pytest.raises(StoreError, match="earlier Minutebook: open it in Minutebook once"):
        DatabaseFile.open_to_read(tmp_path / "old.db")
