"""Store.import_terms: a ToR file brought into the database, all or nothing.

The file is the People Board exported from the demo database, so the round trip
export -> import is the one a secretary moving a committee between machines makes.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from minutebook.interchange.tor_file import TermsFile, read_terms, write_terms
from minutebook.store import Store, StoreError


def export(store: Store, code: str) -> str:
    return write_terms(
        store.membership(code),
        store.terms_of_reference(code),
        {p.id: p.name for p in store.people()},
    )


@pytest.fixture
def pb_text(demo_path: Path) -> str:
    with Store.open(demo_path) as demo:
        return export(demo, "PB")


def snapshot(store: Store, code: str) -> dict[str, Any]:
    """Everything an import may touch, to compare before and after."""
    return {
        "committee": store.committee(code),
        "organisations": store.organisations(code),
        "seats": store.seats(code),
        "tor": store.terms_of_reference(code),
        "people": store.people(),
    }


def holders_by_name(store: Store, code: str) -> dict[str, tuple[str | None, tuple[str, ...]]]:
    names = {p.id: p.name for p in store.people()}
    return {
        s.id: (names[s.holder] if s.holder else None, tuple(names[d] for d in s.named_deputies))
        for s in store.seats(code)
    }


def test_import_into_an_empty_database(store: Store, demo_path: Path, pb_text: str) -> None:
    terms = read_terms(pb_text)
    assert store.is_empty()
    assert store.import_terms(terms.membership, terms.versions) == 1
    with Store.open(demo_path) as demo:
        original = snapshot(demo, "PB")
        original_holders = holders_by_name(demo, "PB")
    committee = store.committee("PB")
    assert committee.name == original["committee"].name
    assert committee.parent_body == original["committee"].parent_body
    assert committee.house_style == original["committee"].house_style
    assert store.organisations("PB") == original["organisations"]
    assert store.terms_of_reference("PB") == original["tor"]
    # Seats are the same apart from the ids the people were given here.
    strip = {"holder", "named_deputies"}
    assert [s.model_dump(exclude=strip) for s in store.seats("PB")] == [
        s.model_dump(exclude=strip) for s in original["seats"]
    ]
    assert holders_by_name(store, "PB") == original_holders
    assert sorted(p.name for p in store.people()) == sorted(
        name for name, _ in original_holders.values() if name
    )
    assert store.terms_in_force("PB", date(2023, 1, 1)) == original["tor"][0]


def test_reimport_is_idempotent(store: Store, pb_text: str) -> None:
    terms = read_terms(pb_text)
    store.import_terms(terms.membership, terms.versions)
    before = snapshot(store, "PB")
    assert store.import_terms(terms.membership, terms.versions) == 0
    assert snapshot(store, "PB") == before


def test_import_into_the_demo_matches_people_by_name(demo_path: Path, pb_text: str) -> None:
    terms = read_terms(pb_text)
    with Store.open(demo_path) as demo:
        before = snapshot(demo, "PB")
        assert demo.import_terms(terms.membership, terms.versions) == 0
        assert snapshot(demo, "PB") == before


def changed_file(text: str, **edits: Any) -> TermsFile:
    data = yaml.safe_load(text)
    data["quorum"]["requirement"] = {"count": {"min": 3}}
    data["seats"][0]["title"] = "Renamed chair"
    data["seats"].append({"id": "S99", "title": "New seat", "holder": "Nina New", "org": "NEW"})
    data["organisations"].append({"id": "NEW", "name": "A new organisation"})
    data["committee"]["name"] = "A renamed board"
    data.update(edits)
    return read_terms(yaml.safe_dump(data, sort_keys=False))


def test_a_different_rule_for_a_stored_version_is_refused_and_nothing_changes(
    store: Store, pb_text: str
) -> None:
    terms = read_terms(pb_text)
    store.import_terms(terms.membership, terms.versions)
    before = snapshot(store, "PB")
    changed = changed_file(pb_text)
    with pytest.raises(StoreError) as caught:
        store.import_terms(changed.membership, changed.versions)
    message = str(caught.value)
    assert "PB already has terms of reference version 1 with a different rule" in message
    assert "give the new one version 2" in message
    assert snapshot(store, "PB") == before


def test_the_next_version_number_follows_the_highest_stored(store: Store, pb_text: str) -> None:
    data = yaml.safe_load(pb_text)
    first = {k: data.pop(k) for k in ("version", "adopted", "note", "meetings_per_year", "quorum")}
    second = {
        "version": 2,
        "adopted": date(2024, 4, 1),
        "quorum": {"requirement": {"count": {"min": 4}}},
    }
    data["versions"] = [first, second]
    two = read_terms(yaml.safe_dump(data, sort_keys=False))
    assert store.import_terms(two.membership, two.versions) == 2
    assert [v.version for v in store.terms_of_reference("PB")] == [1, 2]
    assert store.terms_in_force("PB", date(2024, 5, 1)) == two.versions[1]
    changed = changed_file(pb_text)
    with pytest.raises(StoreError, match="give the new one version 3"):
        store.import_terms(changed.membership, changed.versions)


def test_a_new_version_alone_is_added(store: Store, pb_text: str) -> None:
    terms = read_terms(pb_text)
    store.import_terms(terms.membership, terms.versions)
    data = yaml.safe_load(pb_text)
    data.update(version=2, adopted=date(2024, 4, 1))
    data["quorum"]["requirement"] = {"count": {"min": 4}}
    newer = read_terms(yaml.safe_dump(data, sort_keys=False))
    assert store.import_terms(newer.membership, newer.versions) == 1
    assert [v.version for v in store.terms_of_reference("PB")] == [1, 2]


def test_export_after_retiring_an_organisation_can_be_read_back(demo_path: Path) -> None:
    """An organisation leaves the People Board while its seat is still on the books."""
    with Store.open(demo_path) as demo:
        demo.retire_organisation("PB", "MKUH", date(2024, 1, 1))
        text = export(demo, "PB")
    # Regression test: this once failed; see the docstring for the rule.
    terms = read_terms(text)
    seat = terms.membership.seat("S6")
    assert seat is not None and seat.org == "MKUH"
