"""`minutebook backup`, `restore` and `check` as a secretary would run them."""

from __future__ import annotations

import sqlite3
import sys
import types
from pathlib import Path

import pytest
from click.testing import CliRunner

from minutebook.domain import Committee
from minutebook.store import DatabaseFile, Store
from minutebook.store.backups import backups_of
from minutebook.tui.backup_keeper import BackupKeeper
from minutebook.tui.cli import main


def _database(path: Path, *codes: str) -> Path:
    with Store.open(path) as store:
        for code in codes:
            store.add_committee(Committee(code=code, name=f"Committee {code}"))
    return path


def test_backup_restore_and_check_round_trip(runner: CliRunner, tmp_path: Path) -> None:
    path = _database(tmp_path / "m.db", "HCP")
    made = runner.invoke(main, ["--db", str(path), "backup"])
    assert made.exit_code == 0, made.output
    copy = Path(made.output.split(" to ")[1].split(" (")[0])
    assert copy.parent == tmp_path / "backups" and copy.is_file()
    listed = runner.invoke(main, ["backup", "--list", "--db", str(path)])
    assert str(copy) in listed.output
    _database(path, "ICB")
    restored = runner.invoke(main, ["--db", str(path), "restore", str(copy)])
    assert restored.exit_code == 0, restored.output
    assert "kept as" in restored.output
    with Store.open(path) as store:
        assert [c.code for c in store.committees()] == ["HCP"]
    checked = runner.invoke(main, ["--db", str(path), "check"])
    assert checked.exit_code == 0, checked.output
    assert "no problems found" in checked.output


def test_backup_to_a_folder_works_beside_an_open_window(runner: CliRunner, tmp_path: Path) -> None:
    path = _database(tmp_path / "m.db", "HCP")
    synced = tmp_path / "synced"
    synced.mkdir()
    with Store.open(path) as window:
        window.add_committee(Committee(code="ICB", name="Board"))
        result = runner.invoke(main, ["--db", str(path), "backup", "--to", str(synced)])
        assert result.exit_code == 0, result.output
        refused = runner.invoke(
            main, ["--db", str(path), "restore", str(next(synced.iterdir()))]
        )
        assert refused.exit_code == 2 and "already open" in refused.output
    (copy,) = synced.iterdir()
    conn = sqlite3.connect(copy)
    assert [r[0] for r in conn.execute("SELECT code FROM committees ORDER BY code")] == [
        "HCP",
        "ICB",
    ]
    conn.close()
    missing = runner.invoke(main, ["--db", str(path), "backup", "--to", str(tmp_path / "no")])
    assert missing.exit_code == 2 and "does not exist" in missing.output


def test_check_reports_problems_with_exit_1(runner: CliRunner, tmp_path: Path) -> None:
    path = _database(tmp_path / "m.db", "HCP")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute(
        "INSERT INTO meetings (committee, date, session, status) "
        "VALUES ('GONE', '2026-01-01', 'public', 'draft')"
    )
    conn.commit()
    conn.close()
    result = runner.invoke(main, ["--db", str(path), "check"])
    assert result.exit_code == 1
    assert "PROBLEM: orphan row: meetings" in result.output


def test_check_and_backup_refuse_a_missing_database(runner: CliRunner, tmp_path: Path) -> None:
    for command in (["check"], ["backup"]):
        result = runner.invoke(main, ["--db", str(tmp_path / "none.db"), *command])
        assert result.exit_code == 2
        assert "no Minutebook database" in result.output
        assert "Traceback" not in result.output


def test_closing_the_app_backs_up_what_changed(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _database(tmp_path / "m.db", "HCP")

    class SecretaryAddsACommittee:
        """Stands in for the app: changes the file, then quits."""

        def __init__(self, database: DatabaseFile, open_meeting: int | None = None) -> None:
            self.database = database
            self.backups = BackupKeeper(None, database, lambda: None)  # type: ignore[arg-type]

        def run(self) -> None:
            self.database.store().add_committee(Committee(code="ICB", name="Board"))

    fake = types.ModuleType("minutebook.tui.app")
    fake.MinutebookApp = SecretaryAddsACommittee  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "minutebook.tui.app", fake)
    result = runner.invoke(main, ["--db", str(path)])
    assert result.exit_code == 0, result.output
    (closing,) = backups_of(path)
    assert closing.reason == "close"
    with Store.open(closing.path) as copy:
        assert sorted(c.code for c in copy.committees()) == ["HCP", "ICB"]
