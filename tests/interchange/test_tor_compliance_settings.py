"""The ToR file carries the compliance settings (interchange/tor_file.py,
docs/compliance.md): the number of meetings a year and the turnaround rule for minutes,
read, refused when impossible, written back only where set."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from minutebook.interchange.tor_file import FileError, read_terms, write_terms

TOR: dict[str, Any] = {
    "committee": {"code": "TB", "name": "Test Board", "house_style": "nhs"},
    "seats": [{"id": "S1", "title": "Chair", "holder": "Ann Lee", "tags": ["chair"]}],
    "version": 1,
    "adopted": "2022-07-01",
    "meetings_per_year": 6,
    "minutes_circulated_within": 5,
    "minutes_approved_at_next": False,
    "quorum": {"text": "The Chair.", "requirement": {"role": {"any_tags": ["chair"]}}},
}


def test_the_settings_are_read_and_written_back() -> None:
    terms = read_terms(yaml.safe_dump(TOR))
    (version,) = terms.versions
    assert (
        version.meetings_per_year,
        version.minutes_circulated_within,
        version.minutes_approved_at_next,
    ) == (6, 5, False)
    written = yaml.safe_load(write_terms(terms.membership, terms.versions, terms.names))
    assert (
        written["meetings_per_year"],
        written["minutes_circulated_within"],
        written["minutes_approved_at_next"],
    ) == (6, 5, False)
    assert read_terms(yaml.safe_dump(written)).versions == terms.versions


def test_unset_settings_are_left_out() -> None:
    bare = {k: v for k, v in TOR.items() if not k.startswith("minutes_")}
    terms = read_terms(yaml.safe_dump(bare))
    assert terms.versions[0].minutes_circulated_within is None
    written = yaml.safe_load(write_terms(terms.membership, terms.versions, terms.names))
    assert "minutes_circulated_within" not in written
    assert "minutes_approved_at_next" not in written


def test_an_impossible_turnaround_is_refused() -> None:
    with pytest.raises(FileError) as caught:
        read_terms(yaml.safe_dump({**TOR, "minutes_circulated_within": -1}), "tor.yaml")
    assert any("minutes_circulated_within" in p for p in caught.value.problems)
