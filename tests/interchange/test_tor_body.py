"""A committee's kind of body and its own exclusion wording travel in its ToR file
(docs/confidentiality.md): written out, read back, checked with the rest of the file,
and put on a committee already in the database only when the file gives them."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from minutebook.domain.bodies import BodyType
from minutebook.interchange.tor_file import FileError, read_terms, write_terms
from minutebook.store import Store
from minutebook.store.errors import StoreError

OWN = "That the press and public be excluded for {items}."


def tor(**committee: Any) -> str:
    data: dict[str, Any] = {
        "committee": {"code": "OTC", "name": "Olney Town Council", **committee},
        "seats": [{"id": "S1", "title": "Mayor", "holder": "Ann Lee", "tags": ["chair"]}],
        "adopted": "2024-05-01",
        "quorum": {"text": "Three members.", "requirement": {"count": {"min": 1}}},
    }
    return yaml.safe_dump(data, sort_keys=False)


def test_the_body_and_its_own_wording_are_written_and_read_back() -> None:
    terms = read_terms(tor(body_type="parish_council", exclusion_wording=OWN))
    committee = terms.membership.committee
    assert committee.body_type is BodyType.PARISH_COUNCIL
    assert committee.exclusion_wording == OWN
    assert terms.settings == {"body_type", "exclusion_wording"}
    written = yaml.safe_load(write_terms(terms.membership, terms.versions, terms.names))
    assert written["committee"]["body_type"] == "parish_council"
    assert written["committee"]["exclusion_wording"] == OWN
    assert read_terms(yaml.safe_dump(written)).membership == terms.membership


def test_a_file_that_does_not_say_is_the_body_its_house_style_usually_is() -> None:
    terms = read_terms(tor(house_style="nhs"))
    assert terms.membership.committee.body_type is BodyType.NHS_BODY
    assert terms.settings == frozenset()
    written = yaml.safe_load(write_terms(terms.membership, terms.versions, terms.names))
    assert written["committee"]["body_type"] == "nhs_body"
    assert "exclusion_wording" not in written["committee"]  # the preset is not written


def test_a_wording_that_is_not_a_resolution_is_a_problem_of_the_file() -> None:
    with pytest.raises(FileError) as caught:
        read_terms(tor(exclusion_wording="The public leave for {items}."), "otc.yaml")
    (problem,) = [p for p in caught.value.problems if p.startswith("committee")]
    assert 'start it with "That"' in problem and "keep {paragraphs} in it" in problem
    with pytest.raises(FileError, match="body_type"):
        read_terms(tor(body_type="county_council"))


def test_an_import_puts_the_body_on_a_committee_already_there(store: Store) -> None:
    first = read_terms(tor())
    store.import_terms(first.membership, first.versions, first.standing, first.settings)
    assert store.committee("OTC").body_type is BodyType.PRINCIPAL_COUNCIL
    again = read_terms(tor(body_type="parish_council", exclusion_wording=OWN))
    store.import_terms(again.membership, again.versions, again.standing, again.settings)
    assert store.committee("OTC").body_type is BodyType.PARISH_COUNCIL
    assert store.committee("OTC").exclusion_wording == OWN
    # A file that does not say leaves the committee as it is.
    store.import_terms(first.membership, first.versions, first.standing, first.settings)
    assert store.committee("OTC").body_type is BodyType.PARISH_COUNCIL
    assert store.committee("OTC").exclusion_wording == OWN


def test_an_own_wording_that_does_not_suit_the_committee_is_refused(store: Store) -> None:
    """The committee is a principal council; the file gives only a wording without the
    Schedule 12A paragraphs: refused, and nothing of the file is stored."""
    first = read_terms(tor())
    store.import_terms(first.membership, first.versions, first.standing, first.settings)
    parish = read_terms(tor(body_type="parish_council", exclusion_wording=OWN))
    with pytest.raises(StoreError, match="keep \\{paragraphs\\} in it"):
        store.import_terms(
            parish.membership, parish.versions, parish.standing, {"exclusion_wording"}
        )
    assert store.committee("OTC").exclusion_wording is None
