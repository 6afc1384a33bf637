"""The app backs up the file it has open, off the screen's thread, and says when."""

from __future__ import annotations

import pytest

from minutebook.domain import Committee
from minutebook.store import Store
from minutebook.store.backups import backups_of
from minutebook.tui import backup_keeper
from minutebook.tui.app import MinutebookApp


@pytest.fixture(autouse=True)
def back_up_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backup_keeper, "OPENING_DELAY", 0.0)


async def _backups_settled(app: MinutebookApp, pilot: object) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]


async def test_opening_backs_up_and_the_header_says_when(
    app: MinutebookApp, app_store: Store
) -> None:
    assert app_store.path is not None
    async with app.run_test(size=(80, 24)) as pilot:
        await _backups_settled(app, pilot)
        (made,) = backups_of(app_store.path)
        assert made.reason == "open"
        assert "backed up 10:00" in app.sub_title
    copy = Store.open(made.path)
    try:
        assert [c.code for c in copy.committees()] == ["PAR"]
    finally:
        copy.close()


async def test_a_backup_every_half_hour_only_while_changes_are_made(
    app: MinutebookApp, app_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert app_store.path is not None
    monkeypatch.setattr(backup_keeper, "EVERY", 0.0)  # every look finds it due
    async with app.run_test(size=(80, 24)) as pilot:
        await _backups_settled(app, pilot)
        app.backups.look()  # nothing changed since the opening backup
        await _backups_settled(app, pilot)
        assert len(backups_of(app_store.path)) == 1
        app_store.add_committee(Committee(code="ICB", name="Board"))
        app.backups.look()
        await _backups_settled(app, pilot)
        kinds = sorted(b.reason for b in backups_of(app_store.path))
        assert kinds == ["half-hourly", "open"]


async def test_a_failed_backup_is_shown_and_work_goes_on(
    app: MinutebookApp, app_store: Store
) -> None:
    assert app_store.path is not None
    blocker = app_store.path.parent / "backups"
    blocker.write_text("a file where the backups folder should be")
    async with app.run_test(size=(80, 24)) as pilot:
        await _backups_settled(app, pilot)
        assert "backup FAILED" in app.sub_title
        app_store.add_committee(Committee(code="ICB", name="Board"))  # still works
