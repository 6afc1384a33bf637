"""Verified rolling backups, putting one back, and the health check (docs/database-file.md)."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from minutebook.domain import Committee
from minutebook.store import DatabaseFile, Store, StoreError
from minutebook.store.backups import (
    KEEP_DAYS,
    KEEP_LATEST,
    backup_folder,
    backups_of,
    make_backup,
    prune_backups,
    restore_backup,
)


def _codes(path: Path) -> list[str]:
    with Store.open(path) as store:
        return [c.code for c in store.committees()]


def _with(path: Path, *codes: str) -> Path:
    with Store.open(path) as store:
        for code in codes:
            store.add_committee(Committee(code=code, name=f"Committee {code}"))
    return path


def test_a_backup_taken_while_the_app_writes_holds_every_committed_change(
    tmp_path: Path,
) -> None:
    path = _with(tmp_path / "m.db", "HCP")
    store = Store.open(path)
    try:
        store.add_committee(Committee(code="ICB", name="Board"))  # still in the log
        made = make_backup(path, reason="open")
    finally:
        store.close()
    assert made.path.parent == backup_folder(path) == tmp_path / "backups"
    assert made.path.name.startswith("m-") and made.path.name.endswith("-open.db")
    conn = sqlite3.connect(made.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    stamp = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.close()
    assert stamp != 0
    with Store.open(path) as live:
        assert live.db.conn.execute("PRAGMA user_version").fetchone()[0] != stamp
    assert [p.name for p in made.path.parent.iterdir()] == [made.path.name]  # no leftovers


def test_a_backup_can_go_to_a_chosen_folder_and_is_not_pruned_there(tmp_path: Path) -> None:
    path = _with(tmp_path / "m.db", "HCP")
    synced = tmp_path / "OneDrive"
    synced.mkdir()
    start = datetime(2026, 1, 1, 9, 0)
    for n in range(KEEP_LATEST + 3):
        make_backup(path, synced, now=start + timedelta(minutes=n))
    assert len(list(synced.iterdir())) == KEEP_LATEST + 3
    assert not backup_folder(path).exists()


def test_retention_keeps_the_latest_and_one_a_day_for_a_month(tmp_path: Path) -> None:
    path = _with(tmp_path / "m.db", "HCP")
    now = datetime(2026, 12, 1, 12, 0)
    made = []
    for day in range(40, -1, -1):  # 41 days, three copies a day, oldest first
        for hour in (9, 13, 17):
            when = now - timedelta(days=day) + timedelta(hours=hour - 12)
            made.append(make_backup(path, now=when, prune=False))
    removed = prune_backups(path, now=now)
    kept = backups_of(path)
    assert {b.path for b in kept} | set(removed) == {b.path for b in made}
    latest = sorted(made, key=lambda b: b.made)[-KEEP_LATEST:]
    assert {b.path for b in latest} <= {b.path for b in kept}
    days = {b.made.date() for b in kept}
    assert len(days) == KEEP_DAYS + 1  # each day of the last 30, and today
    assert min(days) == (now - timedelta(days=KEEP_DAYS)).date()
    for day in days:  # the day's newest is the one kept
        newest = max(b.made for b in made if b.made.date() == day)
        assert newest in {b.made for b in kept}
    assert len(kept) == len({b.path for b in latest} | {b.path for b in kept})


def test_restore_puts_a_backup_back_and_keeps_the_file_it_replaced(tmp_path: Path) -> None:
    path = _with(tmp_path / "m.db", "HCP")
    yesterday = make_backup(path, now=datetime(2026, 11, 30, 17, 0))
    _with(path, "ICB")
    kept = restore_backup(path, yesterday.path, now=datetime(2026, 12, 1, 9, 0))
    assert kept is not None and kept.reason == "before-restore"
    assert _codes(path) == ["HCP"]
    assert _codes(kept.path) == ["HCP", "ICB"]
    assert not Path(f"{path}-wal").exists()
    database = DatabaseFile.open_to_read(path)  # no log of the old file is left beside it
    database.close()


def test_restore_is_refused_while_the_file_is_open(tmp_path: Path) -> None:
    path = _with(tmp_path / "m.db", "HCP")
    copy = make_backup(path)
    with Store.open(path), pytest.raises(StoreError, match="already open"):
        restore_backup(path, copy.path)


@pytest.mark.parametrize("kind", ["damaged", "foreign", "text", "newer", "empty"])
def test_restore_refuses_what_is_not_a_good_backup_and_changes_nothing(
    tmp_path: Path, kind: str
) -> None:
    path = _with(tmp_path / "m.db", "HCP")
    bad = tmp_path / "bad.db"
    if kind == "damaged":
        data = bytearray(make_backup(path).path.read_bytes())
        data[4096:8192] = b"\xff" * 4096
        bad.write_bytes(bytes(data))
    elif kind == "foreign":
        conn = sqlite3.connect(bad)
        conn.execute("CREATE TABLE recipes (name TEXT)")
        conn.commit()
        conn.close()
    elif kind == "text":
        bad.write_text("not a database")
    elif kind == "newer":
        bad.write_bytes(make_backup(path).path.read_bytes())
        conn = sqlite3.connect(bad)
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('minutebook', '9999_future', 'x')"
        )
        conn.commit()
        conn.close()
    else:
        bad.touch()
    before = path.read_bytes()
    with pytest.raises(StoreError) as caught:
        restore_backup(path, bad)
    assert "\n" not in str(caught.value)
    assert path.read_bytes() == before
    assert _codes(path) == ["HCP"]


def test_the_health_check_finds_orphans_and_stray_minutes(tmp_path: Path) -> None:
    path = _with(tmp_path / "m.db", "HCP")
    database = DatabaseFile.open_to_read(path)
    health = database.health()
    database.close()
    assert health.ok, health.problems
    assert any("integrity: ok" in fact for fact in health.facts)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute(
        "INSERT INTO meetings (committee, date, session, status) "
        "VALUES ('GONE', '2026-01-01', 'public', 'draft')"
    )
    conn.commit()
    conn.close()
    database = DatabaseFile.open_to_read(path)
    health = database.health()
    database.close()
    assert not health.ok
    assert any("meetings" in problem and "committees" in problem for problem in health.problems)


def test_restore_sets_aside_another_copys_log_instead_of_refusing(tmp_path: Path) -> None:
    path = _with(tmp_path / "m.db", "HCP")
    yesterday = make_backup(path, now=datetime(2026, 11, 30, 17, 0))
    store = Store.open(path)
    store.add_committee(Committee(code="ICB", name="Board"))
    crash = tmp_path / "crash"
    crash.mkdir()
    wal = Path(f"{path}-wal").read_bytes()  # the log as a crash would leave it
    store.close()
    path.write_bytes(yesterday.path.read_bytes())  # put back by hand: now the log is foreign
    Path(f"{path}-wal").write_bytes(wal)
    with pytest.raises(StoreError, match="another copy"):
        Store.open(path)
    restore_backup(path, yesterday.path, now=datetime(2026, 12, 1, 9, 0))
    assert _codes(path) == ["HCP"]
    aside = [p.name for p in backup_folder(path).iterdir() if "set-aside" in p.name]
    assert aside == ["m-2026-12-01-090000-set-aside.db-wal"]
