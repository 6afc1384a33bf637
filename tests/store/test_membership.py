"""Repository round trips for committees, organisations, people, seats and terms of reference."""

from __future__ import annotations

from datetime import date

import pytest

from minutebook.domain import (
    Committee,
    HouseStyle,
    NumberingReset,
    NumberingScheme,
    Organisation,
    Person,
    QuorumRule,
    RagPalette,
    Seat,
    TermsOfReference,
)
from minutebook.store import Conflict, NotFound, Store, StoreError


def _count(store: Store, table: str) -> int:
    return int(store.db.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


# -- committees ----------------------------------------------------------------------


def test_committee_round_trip(committee_store: Store, hcp: Committee) -> None:
    assert committee_store.committee("HCP") == hcp
    assert committee_store.committees() == [hcp]
    assert not committee_store.is_empty()


def test_committees_are_listed_by_name(store: Store) -> None:
    pb = Committee(code="PB", name="BLMK People Board", house_style=HouseStyle.NHS)
    icb = Committee(code="ICB", name="NEL ICB Board", rag_palette=RagPalette.NHS)
    store.add_committee(icb)
    store.add_committee(pb)
    assert [c.code for c in store.committees()] == ["PB", "ICB"]
    assert store.committee("ICB").rag_palette is RagPalette.NHS


def test_duplicate_committee_code_is_a_conflict(committee_store: Store) -> None:
    with pytest.raises(Conflict, match="HCP already exists"):
        committee_store.add_committee(Committee(code="HCP", name="Another"))
    assert committee_store.committee("HCP").name == "Health and Care Partnership"


def test_update_committee(committee_store: Store, hcp: Committee) -> None:
    changed = hcp.model_copy(
        update={
            "name": "MK Health and Care Partnership",
            "numbering": NumberingScheme(
                template="{prefix} {yy}/{seq:03}", prefix="MK", reset=NumberingReset.FINANCIAL_YEAR
            ),
            "default_venue": None,
        }
    )
    committee_store.update_committee(changed)
    assert committee_store.committee("HCP") == changed


def test_unknown_committee_is_not_found(store: Store) -> None:
    with pytest.raises(NotFound, match="'XYZ'"):
        store.committee("XYZ")
    with pytest.raises(NotFound):
        store.update_committee(Committee(code="XYZ", name="Nobody"))


# -- organisations -------------------------------------------------------------------


def test_organisations_round_trip_in_order(committee_store: Store) -> None:
    council = Organisation(
        id="MKCC", name="Milton Keynes City Council", constituency="Local authority"
    )
    nhs = Organisation(id="BLMK", name="BLMK ICB", constituency="NHS")
    committee_store.add_organisation("HCP", council)
    committee_store.add_organisation("HCP", nhs)
    assert committee_store.organisations("HCP") == [council, nhs]

    renamed = nhs.model_copy(update={"name": "Bedfordshire, Luton and Milton Keynes ICB"})
    committee_store.update_organisation("HCP", renamed)
    committee_store.retire_organisation("HCP", "MKCC", date(2024, 3, 31))
    first, second = committee_store.organisations("HCP")
    assert first.retired_on == date(2024, 3, 31) and not first.is_current
    assert second == renamed


def test_organisation_errors(committee_store: Store) -> None:
    org = Organisation(id="MKCC", name="Council")
    committee_store.add_organisation("HCP", org)
    with pytest.raises(Conflict):
        committee_store.add_organisation("HCP", org)
    with pytest.raises(NotFound):
        committee_store.add_organisation("NOPE", org)
    with pytest.raises(NotFound):
        committee_store.update_organisation("HCP", Organisation(id="X", name="X"))
    with pytest.raises(NotFound):
        committee_store.retire_organisation("HCP", "X", date(2024, 1, 1))
    assert committee_store.organisations("HCP") == [org]


# -- people --------------------------------------------------------------------------


def test_people_round_trip_and_update(store: Store) -> None:
    sarah = Person(
        id="sarah-whiteman", name="Sarah Whiteman", honorific="Dr", email="s@example.org"
    )
    pete = Person(id="pete-marland", name="Pete Marland", honorific="Councillor", initials="PM")
    store.save_person(sarah)
    store.save_person(pete)
    assert store.person("sarah-whiteman") == sarah
    assert store.people() == [pete, sarah]  # by name
    store.save_person(sarah.model_copy(update={"honorific": None, "initials": "SW"}))
    assert store.person("sarah-whiteman").honorific is None
    assert store.person("sarah-whiteman").initials == "SW"
    assert len(store.people()) == 2
    with pytest.raises(NotFound):
        store.person("nobody")


def test_text_with_emoji_and_quotes_round_trips(store: Store) -> None:
    person = Person(id="p1", name='Siân O\'Connor 👍 "Chair"')
    store.save_person(person)
    assert store.person("p1").name == 'Siân O\'Connor 👍 "Chair"'


def test_new_person_id_is_unique(store: Store) -> None:
    first = store.new_person_id("Dr Sarah Whiteman")
    assert first == "dr-sarah-whiteman"
    store.save_person(Person(id=first, name="Sarah Whiteman"))
    second = store.new_person_id("Dr Sarah Whiteman")
    assert second == "dr-sarah-whiteman-2"
    store.save_person(Person(id=second, name="Sarah Whiteman"))
    assert store.new_person_id("Dr Sarah Whiteman") == "dr-sarah-whiteman-3"
    assert store.new_person_id("Zoë Brontë") == "zoe-bronte"
    assert store.new_person_id("!!!") == "person"


# -- seats and members ---------------------------------------------------------------


@pytest.fixture
def with_org(committee_store: Store) -> Store:
    committee_store.add_organisation("HCP", Organisation(id="MKCC", name="Council"))
    return committee_store


def test_add_member_stores_seat_and_holder(with_org: Store) -> None:
    pete = Person(id="pete", name="Pete Marland", honorific="Councillor")
    seat = Seat(
        id="S1",
        title="Chair",
        holder="pete",
        org="MKCC",
        tags=("chair", "councillor"),
        term_from=date(2023, 5, 17),
        term_to=date(2024, 5, 15),
    )
    assert with_org.add_member("HCP", seat, pete) == seat
    assert with_org.seats("HCP") == [seat]
    assert with_org.person("pete") == pete
    membership = with_org.membership("HCP")
    assert membership.seats == (seat,)
    assert membership.people == (pete,)
    assert membership.organisations == (Organisation(id="MKCC", name="Council"),)


def test_seats_keep_their_order_and_named_deputies(with_org: Store) -> None:
    for pid in ("a", "b", "c"):
        with_org.save_person(Person(id=pid, name=pid.upper()))
    s2 = Seat(id="S2", title="Member", holder="b", named_deputies=("c",), voting=False)
    s1 = Seat(id="S1", title="Chair", holder="a", tags=("chair",))
    with_org.add_member("HCP", s2)
    with_org.add_member("HCP", s1)
    assert with_org.seats("HCP") == [s2, s1]
    assert {p.id for p in with_org.membership("HCP").people} == {"a", "b", "c"}


def test_add_member_refuses_a_used_seat_id(with_org: Store) -> None:
    with_org.add_member("HCP", Seat(id="S1", title="Chair"))
    with pytest.raises(Conflict, match="S1 is already used"):
        with_org.add_member("HCP", Seat(id="S1", title="Vice Chair"))
    assert [s.title for s in with_org.seats("HCP")] == ["Chair"]


def test_save_member_updates_in_place(with_org: Store) -> None:
    with_org.add_member("HCP", Seat(id="S1", title="Chair"))
    with_org.add_member("HCP", Seat(id="S2", title="Member"))
    new_holder = Person(id="ian", name="Ian Darby")
    updated = Seat(id="S1", title="Chair", holder="ian", org="MKCC", tags=("chair",))
    with_org.save_member("HCP", updated, new_holder)
    assert with_org.seats("HCP")[0] == updated  # still first
    assert with_org.person("ian") == new_holder


def test_failed_add_member_leaves_no_person_behind(with_org: Store) -> None:
    stranger = Person(id="stranger", name="Somebody New")
    seat = Seat(id="S1", title="Member", holder="stranger", org="NOWHERE")
    with pytest.raises(StoreError, match="organisation 'NOWHERE' is not on this committee"):
        with_org.add_member("HCP", seat, stranger)
    with pytest.raises(NotFound):
        with_org.person("stranger")
    assert with_org.seats("HCP") == []
    assert _count(with_org, "people") == 0


def test_member_with_unknown_deputy_is_refused(with_org: Store) -> None:
    with pytest.raises(StoreError, match="'ghost' is not a known person"):
        with_org.add_member("HCP", Seat(id="S1", title="Member", named_deputies=("ghost",)))
    assert with_org.seats("HCP") == []


def test_member_on_unknown_committee_is_not_found(store: Store) -> None:
    with pytest.raises(NotFound):
        store.add_member("NOPE", Seat(id="S1", title="Chair"), Person(id="p", name="P"))
    assert _count(store, "people") == 0


def test_retire_seat(with_org: Store) -> None:
    with_org.add_member("HCP", Seat(id="S1", title="Chair"))
    with_org.retire_seat("HCP", "S1", date(2024, 5, 15))
    (seat,) = with_org.seats("HCP")
    assert seat.retired_on == date(2024, 5, 15)
    assert not seat.is_current
    with pytest.raises(NotFound):
        with_org.retire_seat("HCP", "S9", date(2024, 5, 15))


def test_new_seat_id_is_unique(with_org: Store) -> None:
    assert with_org.new_seat_id("HCP") == "S1"
    with_org.add_member("HCP", Seat(id="S1", title="Chair"))
    with_org.add_member("HCP", Seat(id="S7", title="Member"))
    with_org.add_member("HCP", Seat(id="CHAIR", title="Co-chair"))
    new = with_org.new_seat_id("HCP")
    assert new == "S8"
    assert new not in {s.id for s in with_org.seats("HCP")}
    with_org.add_member("HCP", Seat(id=new, title="Member"))
    assert with_org.new_seat_id("HCP") == "S9"


# -- terms of reference --------------------------------------------------------------

_QUORUM = {
    "text": "One third of members, never less than three, including the Chair or Vice Chair",
    "requirement": {
        "all": [
            {
                "max": [
                    {"count": {"min": 3}},
                    {"fraction": {"num": 1, "den": 3, "rounding": "ceil"}},
                ]
            },
            {"role": {"any_tags": ["chair", "vice_chair"]}},
            {"org_coverage": {"constituency": "NHS", "num": 1, "den": 2}},
        ]
    },
    "policies": {
        "base": "filled",
        "deputies": {"allowed": "named", "counts": True, "may_vote": False},
        "remote": {"counts": False},
        "conflicts": {"effect": "deemed_present", "trigger_rulings": ["leave"]},
    },
}


def test_terms_of_reference_round_trip_with_quorum_tree(committee_store: Store) -> None:
    v1 = TermsOfReference(
        version=1,
        adopted=date(2021, 4, 1),
        note="First version",
        meetings_per_year=6,
        quorum=QuorumRule.model_validate(_QUORUM),
    )
    v2 = TermsOfReference(
        version=2,
        adopted=date(2023, 5, 24),
        illustrative=True,
        quorum=QuorumRule.model_validate({"requirement": {"count": {"min": 4}}}),
    )
    committee_store.add_terms_of_reference("HCP", v2)
    committee_store.add_terms_of_reference("HCP", v1)
    assert committee_store.terms_of_reference("HCP") == [v1, v2]
    assert committee_store.terms_in_force("HCP", date(2023, 6, 13)) == v2
    assert committee_store.terms_in_force("HCP", date(2022, 1, 1)) == v1
    assert committee_store.terms_in_force("HCP", date(2020, 1, 1)) is None


def test_terms_of_reference_version_is_unique(committee_store: Store) -> None:
    tor = TermsOfReference(
        version=1,
        adopted=date(2021, 4, 1),
        quorum=QuorumRule.model_validate({"requirement": {"count": {"min": 3}}}),
    )
    committee_store.add_terms_of_reference("HCP", tor)
    with pytest.raises(Conflict):
        committee_store.add_terms_of_reference("HCP", tor.model_copy(update={"note": "again"}))
    with pytest.raises(NotFound):
        committee_store.add_terms_of_reference("NOPE", tor)
    assert committee_store.terms_of_reference("HCP") == [tor]
