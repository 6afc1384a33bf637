"""Building the demo database from the bundled seed files, and refusing to overwrite real data."""

from __future__ import annotations

import sqlite3
from datetime import date
from importlib import resources
from pathlib import Path

import pytest
import yaml

from minutebook.domain import Committee, DecisionVerb
from minutebook.domain.bodies import BodyType
from minutebook.domain.timeline import EventKind
from minutebook.seeds import build_demo_database
from minutebook.seeds.loader import DEMO_FILES, read_seed_file
from minutebook.store import Store, StoreError


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo database shared by the read-only checks (building takes a moment)."""
    path = tmp_path_factory.mktemp("demo") / "x.db"
    assert build_demo_database(path) == ["HCP", "ICB", "PB"]
    return path


@pytest.mark.parametrize("name", DEMO_FILES)
def test_each_seed_file_is_valid(name: str) -> None:
    seed = read_seed_file(name)
    assert seed.membership.seats
    assert seed.terms


def test_demo_has_three_committees(demo_file: Path) -> None:
    with Store.open(demo_file) as store:
        assert sorted(c.code for c in store.committees()) == ["HCP", "ICB", "PB"]
        assert store.is_demo
        conn = store.db.conn
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        for code in ("HCP", "ICB", "PB"):
            assert store.seats(code), code
            assert store.terms_of_reference(code), code


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("hcp.yaml", BodyType.PRINCIPAL_COUNCIL),
        ("icb.yaml", BodyType.NHS_BODY),
        ("pb.yaml", BodyType.NHS_BODY),
    ],
)
def test_each_demo_committee_is_the_kind_of_body_its_seed_is(name: str, body: BodyType) -> None:
    """HCP is a board of Milton Keynes City Council (seed 001: councillors' disclosable
    pecuniary interests); the ICB Board and its People Board are NHS bodies (seed 003:
    the Public Bodies (Admission to Meetings) Act 1960). Each says so in its seed file."""
    text = resources.files("minutebook.seeds").joinpath("data", name).read_text(encoding="utf-8")
    assert yaml.safe_load(text)["committee"]["body_type"] == body.value  # said, not defaulted
    committee = read_seed_file(name).membership.committee
    assert committee.body_type is body
    assert committee.exclusion_wording is None  # the preset of its kind of body


def test_hcp_13_june_2023_minutes(demo_file: Path) -> None:
    with Store.open(demo_file) as store:
        meeting = store.meeting_on("HCP", date(2023, 6, 13))
        record = store.meeting_record(meeting.id or 0)
        assert [m.number for m in record.minutes] == [f"HCP{n}" for n in range(1, 8)]
        verbs = {d.verb for m in record.minutes for d in m.decisions}
        assert DecisionVerb.RESOLVED in verbs
        assert sum(len(m.decisions) for m in record.minutes) >= 3
        known = {p.id for p in store.people()}
        assert {a.person for a in record.attendance} <= known
        assert len(record.agenda) == 7
        # Everyone the papers list as present was there from the opening: an arrival at
        # the roll each, no late arrivals or departures to minute, nothing impossible.
        attending = [a for a in record.attendance if a.is_attending]
        assert attending and all(record.attended(a) for a in attending)
        assert all(record.presence_notes(a.person) == [] for a in attending)
        assert record.timeline.people() == [a.person for a in attending]
        assert not any(record.attended(a) for a in record.attendance if not a.is_attending)
        assert record.timeline.problems() == []
        # Each decision has its place in the timeline, at its item.
        placed = {(e.ref, e.item) for e in record.events if e.kind is EventKind.DECIDED}
        assert placed == {(d.id, m.item) for m in record.minutes for d in m.decisions}


def test_demo_actions(demo_file: Path) -> None:
    with Store.open(demo_file) as store:
        assert len(store.actions("HCP")) == 2
        assert len(store.actions("ICB")) == 3
        # The HCP tracker's two rows are the 13 June 2023 MK Deal decision (item 6, which
        # the tracker cites as HCP05), tied to that meeting and placed in its timeline.
        june = store.meeting_on("HCP", date(2023, 6, 13))
        actions = store.meeting_actions(june)
        assert [(a.number, a.meeting_id, a.item) for a in actions] == [
            (1, june.id, 6),
            (2, june.id, 6),
        ]
        placed = [
            (e.ref, e.item) for e in store.timeline(june.id or 0) if e.kind is EventKind.ACTION
        ]
        assert placed == [(a.id, 6) for a in actions]
        icb = store.meeting_on("ICB", date(2022, 7, 1))
        assert [a.number for a in store.meeting_actions(icb)] == [1, 2, 3]


def test_building_again_over_a_demo_database_works(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    build_demo_database(path)
    assert build_demo_database(path) == ["HCP", "ICB", "PB"]
    with Store.open(path) as store:
        assert len(store.committees()) == 3
        assert len(store.actions("HCP")) == 2  # replaced, not added twice
    assert not (tmp_path / "x.db.building").exists()


def _real_database(path: Path) -> None:
    with Store.open(path) as store:
        store.add_committee(Committee(code="REAL", name="Real Committee"))


def test_building_over_real_minutes_is_refused_without_force(tmp_path: Path) -> None:
    path = tmp_path / "real.db"
    _real_database(path)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="real minutes") as caught:
        build_demo_database(path)
    assert "--force" in str(caught.value)
    assert path.read_bytes() == before
    with Store.open(path) as store:
        assert [c.code for c in store.committees()] == ["REAL"]


def test_building_over_real_minutes_with_force_replaces_them(tmp_path: Path) -> None:
    path = tmp_path / "real.db"
    _real_database(path)
    assert build_demo_database(path, force=True) == ["HCP", "ICB", "PB"]
    with Store.open(path) as store:
        assert sorted(c.code for c in store.committees()) == ["HCP", "ICB", "PB"]


def test_building_over_a_text_file_is_refused_without_force(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not a database\n", encoding="utf-8")
    with pytest.raises(StoreError, match=r"not an SQLite file.*--force"):
        build_demo_database(path)
    assert path.read_text(encoding="utf-8") == "not a database\n"
    build_demo_database(path, force=True)
    assert path.read_bytes().startswith(b"SQLite format 3\x00")


def test_building_over_a_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="did not make"):
        build_demo_database(path)
    assert path.read_bytes() == before


def test_building_while_the_database_is_open_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    build_demo_database(path)
    store = Store.open(path)
    try:
        with pytest.raises(StoreError, match="already open"):
            build_demo_database(path)
        assert len(store.committees()) == 3
    finally:
        store.close()
