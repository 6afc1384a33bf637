"""Shared fixtures: a real store on a temporary SQLite file, and a small committee in it."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from minutebook.domain import Committee, Meeting, NumberingReset, NumberingScheme
from minutebook.store import Store
from minutebook.store.paths import ENV_VAR


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where the test's database file lives (not created yet)."""
    return tmp_path / "t.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    """A freshly created store on a real temporary file, closed at teardown."""
    opened = Store.open(db_path)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def hcp() -> Committee:
    """A council-style committee with municipal-year numbering, as in seed 001."""
    return Committee(
        code="HCP",
        name="Health and Care Partnership",
        parent_body="Milton Keynes City Council",
        numbering=NumberingScheme(
            template="{prefix}{seq}", prefix="HCP", reset=NumberingReset.MUNICIPAL_YEAR
        ),
        default_venue="Civic Offices",
    )


@pytest.fixture
def committee_store(store: Store, hcp: Committee) -> Store:
    """The store with the HCP committee added (no members yet)."""
    store.add_committee(hcp)
    return store


@pytest.fixture
def meeting(committee_store: Store) -> Meeting:
    """A saved draft meeting of HCP on 13 June 2023."""
    return committee_store.add_meeting(
        Meeting(committee="HCP", date=date(2023, 6, 13), time="14:00", venue="Civic Offices")
    )


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> CliRunner:
    """A CLI runner that cannot reach the real user's files or start the Textual app,
    working in a temporary folder (exports land there)."""
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)

    class NeverStarted:
        def __init__(self, *args: object, **kwargs: object) -> None:
            raise AssertionError("the test reached the point of starting the Textual app")

    fake = types.ModuleType("minutebook.tui.app")
    fake.MinutebookApp = NeverStarted  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "minutebook.tui.app", fake)
    return CliRunner()
