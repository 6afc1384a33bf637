"""A committee's standing items travel in its terms-of-reference file (docs/agenda.md):
written by `tor export`, read back in agenda order, refused with their place when
wrong, and brought in by `tor import` (which keeps a committee's own list when the file
gives none)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from minutebook.domain.committee import HouseStyle
from minutebook.domain.meeting import ItemKind, ItemPlace
from minutebook.domain.standing_items import StandingItem, default_standing_items
from minutebook.interchange.tor_file import FileError, read_terms, write_terms
from minutebook.store import Store
from minutebook.tui.cli import main

TOR: dict[str, Any] = {
    "committee": {"code": "TB", "name": "Test Board", "house_style": "nhs"},
    "organisations": [{"id": "A", "name": "Alpha Council"}],
    "seats": [{"id": "S1", "title": "Chair", "holder": "Ann Lee", "org": "A", "tags": ["chair"]}],
    "quorum": {"text": "Two members.", "requirement": {"count": {"min": 2}}},
}


def _read(**changes: Any) -> Any:
    return read_terms(yaml.safe_dump({**TOR, **changes}, sort_keys=False), "tb.yaml")


def test_standing_items_written_are_read_back_the_same() -> None:
    terms = _read()
    assert terms.standing is None
    items = default_standing_items(HouseStyle.NHS)
    text = write_terms(terms.membership, terms.versions, terms.names, items)
    assert "held on {previous}" in text
    assert read_terms(text).standing == items


def test_closing_items_are_read_after_the_opening_ones() -> None:
    terms = _read(
        standing_items=[
            {"title": "Any Other Business", "place": "closing", "kind": "any_other_business"},
            {"title": "Minutes", "kind": "minutes", "purpose": "decision"},
        ]
    )
    assert terms.standing == (
        StandingItem(title="Minutes", kind=ItemKind.MINUTES, purpose="decision"),
        StandingItem(
            title="Any Other Business",
            kind=ItemKind.ANY_OTHER_BUSINESS,
            place=ItemPlace.CLOSING,
        ),
    )


def test_wrong_standing_items_are_refused_with_their_place() -> None:
    with pytest.raises(FileError) as caught:
        _read(
            standing_items=[
                {"title": "Minutes", "kind": "minute"},
                {"title": "", "description": "held on {date}"},
            ]
        )
    problems = "\n".join(caught.value.problems)
    assert "standing_items[0].kind" in problems
    assert "standing_items[1].title: must be filled in" in problems
    assert "standing_items[1].description: {date} is not something Minutebook" in problems
    with pytest.raises(FileError, match="standing_items: 'Minutes' and 'Approval' are both"):
        _read(
            standing_items=[
                {"title": "Minutes", "kind": "minutes"},
                {"title": "Approval", "kind": "minutes"},
            ]
        )


def test_import_replaces_the_list_only_when_the_file_gives_one(store: Store) -> None:
    store.import_terms(_read().membership, _read().versions)
    # A committee new to the database gets its house style's list.
    assert store.standing_items("TB") == list(default_standing_items(HouseStyle.NHS))
    own = [StandingItem(title="Apologies", kind=ItemKind.WELCOME)]
    store.save_standing_items("TB", own)
    store.import_terms(_read().membership, _read().versions, None)
    assert store.standing_items("TB") == own
    given = _read(standing_items=[{"title": "Chair's welcome", "kind": "welcome"}])
    store.import_terms(given.membership, given.versions, given.standing)
    assert [i.title for i in store.standing_items("TB")] == ["Chair's welcome"]


def test_tor_export_then_import_carries_a_committees_own_list(
    runner: CliRunner, demo_path: Path, tmp_path: Path
) -> None:
    with Store.open(demo_path) as demo:
        items = demo.standing_items("HCP")
        demo.save_standing_items(
            "HCP", [*items, StandingItem(title="AOB", place=ItemPlace.CLOSING)]
        )
        expected = demo.standing_items("HCP")
    exported = runner.invoke(
        main, ["--db", str(demo_path), "tor", "export", "--committee", "HCP", "-o", "hcp.yaml"]
    )
    assert exported.exit_code == 0, exported.output
    target = tmp_path / "other.db"
    imported = runner.invoke(main, ["tor", "import", "hcp.yaml", "--db", str(target)])
    assert imported.exit_code == 0, imported.output
    with Store.open(target) as other:
        assert other.standing_items("HCP") == expected
