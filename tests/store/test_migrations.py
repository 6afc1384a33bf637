"""Schema migrations: an older database is brought up to date without losing its rows."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from minutebook.store import Store
from minutebook.store.migrations import migrations
from minutebook.store.opening import KNOWN_STEPS, MIGRATION_SET


def _applied(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
            [MIGRATION_SET],
        ).fetchall()
    finally:
        conn.close()
    return [row[0] for row in rows]


def test_known_steps_are_in_order() -> None:
    assert KNOWN_STEPS[:2] == ("0001_initial", "0002_lookup_indexes")


def test_database_with_only_the_first_step_is_migrated_and_keeps_its_data(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    db = Database(path)
    migrations.apply(db, stop_before="0002_lookup_indexes")
    db.execute(
        "INSERT INTO committees (code, name, parent_body, house_style, numbering_template, "
        "numbering_prefix, numbering_reset, rag_palette, default_venue) VALUES "
        "('HCP', 'Health and Care Partnership', NULL, 'council', '{prefix}{seq}', 'HCP', "
        "'municipal_year', 'council', 'Civic Offices')"
    )
    db.execute(
        "INSERT INTO terms_of_reference (committee, version, adopted, illustrative, note, "
        "meetings_per_year, quorum) VALUES ('HCP', 1, '2023-05-17', 1, NULL, 4, "
        """'{"text": "One quarter", "requirement": {"fraction": {"num": 1, "den": 4}}}')"""
    )
    db.conn.commit()
    db.close()
    assert _applied(path) == ["0001_initial"]

    with Store.open(path) as store:
        committee = store.committee("HCP")
        assert committee.name == "Health and Care Partnership"
        assert committee.numbering.prefix == "HCP"
        assert committee.numbering.reset == "municipal_year"
        assert committee.default_venue == "Civic Offices"
        indexes = {
            row[0]
            for row in store.db.conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'idx_%'"
            )
        }
        assert "idx_meetings_committee" in indexes
        assert store.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # A version stored before policies could be confirmed reads as unconfirmed.
        (tor,) = store.terms_of_reference("HCP")
        assert tor.meetings_per_year == 4
        assert tor.policies_confirmed is False
    assert _applied(path) == list(KNOWN_STEPS)


def test_opening_twice_applies_nothing_more(db_path: Path) -> None:
    Store.open(db_path).close()
    Store.open(db_path).close()
    assert _applied(db_path) == list(KNOWN_STEPS)
