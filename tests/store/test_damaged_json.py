"""A JSON column damaged in the file (hand-edited, or written by something else): read as
a StoreError that names it, like any other damaged row, never a crash. JSON nested
deeper than Python's reader can go once ended `tor export` in a RecursionError."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from minutebook.store import Store, StoreError
from minutebook.tui.cli import main


@pytest.mark.parametrize("damage", ["[" * 100_000 + "]" * 100_000, "{not json"])
def test_a_damaged_json_column_is_a_store_error(
    runner: CliRunner, demo_path: Path, damage: str
) -> None:
    with sqlite3.connect(demo_path) as conn:
        conn.execute("UPDATE terms_of_reference SET quorum = ? WHERE committee = 'PB'", (damage,))
    conn.close()
    store = Store.open(demo_path)
    try:
        with pytest.raises(StoreError, match="its quorum cannot be read"):
            store.terms_of_reference("PB")
    finally:
        store.close()
    result = runner.invoke(main, ["--db", str(demo_path), "tor", "export", "--committee", "PB"])
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit)
    assert result.stderr == (
        "minutebook: a stored TermsOfReference is not valid: its quorum cannot be read\n"
    )
