"""The database file is opened only as what it is: a log left by another copy is refused
rather than replayed, a second window is refused whatever name it uses, and nothing that
is not a regular file is ever opened or replaced (docs/database-file.md)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from minutebook.domain import Committee
from minutebook.store import DatabaseFile, Store, StoreError
from minutebook.store.database_file import sqlite_reason

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX devices and pipes")


def _committee(code: str) -> Committee:
    return Committee(code=code, name=f"Committee {code}")


def _crash_image(store: Store, folder: Path) -> Path:
    """The file and its log as a crash would leave them: copied while still open."""
    folder.mkdir()
    assert store.path is not None
    target = folder / store.path.name
    shutil.copyfile(store.path, target)
    shutil.copyfile(f"{store.path}-wal", f"{target}-wal")
    return target


def _bytes(*paths: Path) -> list[bytes]:
    return [p.read_bytes() for p in paths]


def test_a_crash_log_is_replayed_into_its_own_file(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    with Store.open(path) as store:
        store.add_committee(_committee("HCP"))
    store = Store.open(path)
    store.add_committee(_committee("ICB"))
    crashed = _crash_image(store, tmp_path / "crash")
    store.close()
    assert Path(f"{crashed}-wal").stat().st_size > 0
    with Store.open(crashed) as reopened:
        assert [c.code for c in reopened.committees()] == ["HCP", "ICB"]


def test_a_backup_put_back_beside_a_crash_log_is_refused_and_both_left_untouched(
    tmp_path: Path,
) -> None:
    path = tmp_path / "m.db"
    with Store.open(path) as store:
        store.add_committee(_committee("HCP"))
    backup = tmp_path / "backup.db"
    shutil.copyfile(path, backup)  # a copy taken while the app was closed
    store = Store.open(path)
    store.add_committee(_committee("ICB"))
    crashed = _crash_image(store, tmp_path / "crash")
    store.close()
    shutil.copyfile(backup, crashed)  # the backup put back, the crash's log still beside it
    wal = Path(f"{crashed}-wal")
    before = _bytes(crashed, wal)
    with pytest.raises(StoreError, match="another copy") as caught:
        Store.open(crashed)
    assert "\n" not in str(caught.value)
    assert "move m.db-wal" in str(caught.value)
    with pytest.raises(StoreError, match="another copy"):
        DatabaseFile.open_to_read(crashed)
    assert _bytes(crashed, wal) == before
    wal.rename(tmp_path / "moved-wal")  # as the message says: then it opens as it is
    with Store.open(crashed) as reopened:
        assert [c.code for c in reopened.committees()] == ["HCP"]


def test_an_unrelated_databases_log_is_refused_and_the_file_keeps_its_committees(
    tmp_path: Path,
) -> None:
    path = tmp_path / "m.db"
    with Store.open(path) as store:
        store.add_committee(_committee("HCP"))
    other = Store.open(tmp_path / "other.db")
    other.add_committee(_committee("PB"))
    crashed = _crash_image(other, tmp_path / "crash")
    other.close()
    shutil.copyfile(f"{crashed}-wal", f"{path}-wal")
    before = path.read_bytes()
    with pytest.raises(StoreError, match="another copy"):
        Store.open(path)
    assert path.read_bytes() == before
    Path(f"{path}-wal").unlink()
    with Store.open(path) as reopened:
        assert [c.code for c in reopened.committees()] == ["HCP"]


def test_a_log_without_its_database_is_refused(tmp_path: Path) -> None:
    other = Store.open(tmp_path / "other.db")
    other.add_committee(_committee("PB"))
    crashed = _crash_image(other, tmp_path / "crash")
    other.close()
    crashed.unlink()
    with pytest.raises(StoreError, match="another copy"):
        Store.open(crashed)
    assert not crashed.exists()


def test_every_change_logs_the_sessions_stamp_and_each_session_has_its_own(
    tmp_path: Path,
) -> None:
    path = tmp_path / "m.db"
    stamps = []
    for code in ("HCP", "ICB"):
        with Store.open(path) as store:
            store.add_committee(_committee(code))
            stamps.append(store.db.conn.execute("PRAGMA user_version").fetchone()[0])
    assert stamps[0] != stamps[1]
    assert 0 not in stamps


def test_a_second_window_through_a_symbolic_link_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    link = tmp_path / "link.db"
    store = Store.open(path)
    try:
        link.symlink_to(path)
    except OSError:
        store.close()
        pytest.skip("symbolic links are not allowed here")
    try:
        with pytest.raises(StoreError, match="already open"):
            Store.open(link)
    finally:
        store.close()
    with Store.open(link) as through_link:  # alone, a link opens the file it names
        assert through_link.path == path.resolve()


def test_a_database_with_a_second_name_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    with Store.open(path) as store:
        store.add_committee(_committee("HCP"))
    os.link(path, tmp_path / "hard.db")
    before = path.read_bytes()
    for name in ("m.db", "hard.db"):
        with pytest.raises(StoreError, match="hard link"):
            Store.open(tmp_path / name)
    assert path.read_bytes() == before


@posix_only
def test_a_device_is_never_opened_or_replaced() -> None:
    with pytest.raises(StoreError, match="not a regular file"):
        Store.open(Path("/dev/null"))
    assert not Path("/dev/null").is_file()


@posix_only
def test_a_pipe_is_refused_at_once_not_waited_on(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.db"
    os.mkfifo(pipe)
    with pytest.raises(StoreError, match="not a regular file"):
        Store.open(pipe)
    with pytest.raises(StoreError, match="not a regular file"):
        DatabaseFile.open_to_read(pipe)


def test_a_full_disk_while_opening_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    configure = DatabaseFile._configure

    def no_room(self: DatabaseFile) -> None:
        configure(self)
        self.conn.execute("PRAGMA max_page_count = 2")  # the schema needs more

    monkeypatch.setattr(DatabaseFile, "_configure", no_room)
    with pytest.raises(StoreError) as caught:
        Store.open(tmp_path / "m.db")
    assert "disk is full" in str(caught.value)
    assert "earlier Minutebook" not in str(caught.value)


def test_sqlite_errors_are_worded_for_the_secretary(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "f.db")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("PRAGMA max_page_count = 2")
    with pytest.raises(sqlite3.OperationalError) as caught:
        conn.execute("INSERT INTO t VALUES (zeroblob(100000))")
    assert sqlite_reason(caught.value).startswith("the disk is full")


def test_a_file_that_cannot_be_read_is_not_called_one_from_an_earlier_minutebook(
    tmp_path: Path,
) -> None:
    """A full disk (or a failing drive) while reading which steps the file has: the
    reason is given, not 'made by an earlier Minutebook, open it once to bring it up to
    date', which sent the secretary the wrong way."""

    class FailingDisk:
        def execute(self, *_: object) -> None:
            raise sqlite3.OperationalError("disk I/O error")

    database = DatabaseFile(FailingDisk(), tmp_path / "m.db")  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="disk I/O error"):
        database._up_to_date()
