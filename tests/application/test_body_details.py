"""The committee's kind of body and its exclusion wording in its details form
(docs/confidentiality.md): shown with the preset, saved as the committee's own only
when the secretary wrote one, so that a preset follows a change of body type."""

from __future__ import annotations

from datetime import datetime

import pytest

from minutebook.application.committee import CommitteeSetup
from minutebook.domain.base import Refused
from minutebook.domain.bodies import PRESETS, BodyType
from minutebook.store import Store


@pytest.fixture
def setup(committee_store: Store) -> CommitteeSetup:
    return CommitteeSetup(committee_store, "HCP", lambda: datetime(2026, 11, 25, 10, 0))


def test_the_form_shows_the_body_type_and_its_preset(
    setup: CommitteeSetup, committee_store: Store
) -> None:
    values = setup.details_values(committee_store.committee("HCP"))
    assert values["body_type"] == "principal_council"
    assert values["exclusion_wording"] == PRESETS[BodyType.PRINCIPAL_COUNCIL].wording


def test_a_preset_left_as_shown_follows_the_body_type(
    setup: CommitteeSetup, committee_store: Store
) -> None:
    """The secretary makes the committee a parish council and leaves the wording the form
    showed (the principal council's): the committee takes the parish council's preset."""
    shown = setup.details_values(committee_store.committee("HCP"))
    saved = setup.save_details(
        name=shown["name"], body_type="parish_council", exclusion_wording=shown["exclusion_wording"]
    )
    assert saved.body_type is BodyType.PARISH_COUNCIL
    assert saved.exclusion_wording is None
    shown = setup.details_values(committee_store.committee("HCP"))
    assert "Public Bodies (Admission to Meetings) Act 1960" in shown["exclusion_wording"]


def test_the_committees_own_wording_is_kept_until_cleared(
    setup: CommitteeSetup, committee_store: Store
) -> None:
    own = "That the public be asked to leave for {items} (Schedule 12A, {paragraphs})."
    setup.save_details(name="HCP", exclusion_wording=own)
    assert committee_store.committee("HCP").exclusion_wording == own
    setup.save_details(name="HCP")  # a form that does not show the wording keeps it
    assert committee_store.committee("HCP").exclusion_wording == own
    setup.save_details(name="HCP", exclusion_wording="")
    assert committee_store.committee("HCP").exclusion_wording is None


def test_a_wording_that_is_not_a_resolution_is_refused_with_what_to_do(
    setup: CommitteeSetup, committee_store: Store
) -> None:
    before = committee_store.committee("HCP")
    with pytest.raises(Refused, match=r"keep \{paragraphs\} in it"):
        setup.save_details(name="HCP", exclusion_wording="That the public leave for {items}.")
    with pytest.raises(Refused, match=r"\{item\} is not known"):
        setup.save_details(
            name="HCP", body_type="other", exclusion_wording="That the public leave for {item}."
        )
    assert committee_store.committee("HCP") == before
