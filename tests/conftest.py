"""Shared fixtures: a real store on a temporary SQLite file, a small committee in it, and
the demo database built once for the run."""

from __future__ import annotations

import shutil
import sys
import types
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from minutebook.domain import Committee, Meeting, NumberingReset, NumberingScheme
from minutebook.seeds import build_demo_database, load_demo
from minutebook.store import DatabaseFile, Store
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


# -- the demo database: three committees from the seed papers ----------------------------


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database, built once for the whole run. Only read it: a test that
    changes the demo works on its own copy (`demo_path`, `demo_store`)."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    build_demo_database(path)
    return path


@pytest.fixture(scope="session")
def demo_file_without_registers(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database before any register of interests is kept in it, built once: for
    the tests that bring seed 003's register in. A test overrides `demo_file` with it to
    have `demo_path` and `demo_store` copy it instead."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with Store.open(path) as store:
        load_demo(store, registers=False)
    return path


@pytest.fixture(scope="session")
def demo_reader(demo_file: Path) -> Iterator[Store]:
    """The demo database opened read-only, for the tests that read snapshots of it."""
    reader = DatabaseFile.open_to_read(demo_file).store()
    try:
        yield reader
    finally:
        reader.close()


@pytest.fixture
def demo_path(demo_file: Path, tmp_path: Path) -> Path:
    """This test's own copy of the demo database."""
    copy = tmp_path / "demo.db"
    shutil.copyfile(demo_file, copy)
    return copy


@pytest.fixture
def demo_store(demo_path: Path) -> Iterator[Store]:
    """A store on this test's own copy of the demo database, closed at teardown."""
    opened = Store.open(demo_path)
    try:
        yield opened
    finally:
        opened.close()
