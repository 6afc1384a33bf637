"""The register of interests in the store (docs/register.md): interests and nil returns
kept by committee, a correction replacing the old entry from its own date (which stays
in earlier versions of the register), and a whole register added in one transaction."""

from __future__ import annotations

from datetime import date

import pytest

from minutebook.domain import Person
from minutebook.domain.meeting import InterestCategory
from minutebook.domain.register import DatePrecision, Interest, NilReturn, register_on
from minutebook.store import Conflict, NotFound, Store

JULY, SEPT = date(2022, 7, 1), date(2022, 9, 1)


@pytest.fixture
def reg_store(committee_store: Store) -> Store:
    committee_store.save_person(Person(id="maria", name="Maria Wogan"))
    committee_store.save_person(Person(id="ross", name="Ross Graves"))
    return committee_store


def _interest(**changes: object) -> Interest:
    values: dict[str, object] = {
        "committee": "HCP",
        "person": "maria",
        "category": InterestCategory.FINANCIAL,
        "description": "Director, Wogan Consulting Ltd",
        "organisation": "Wogan Consulting Ltd",
        "date_from": date(2019, 1, 1),
        "mitigation": "Withdraw from discussions about the company",
        "declared_on": JULY,
    }
    values.update(changes)
    return Interest.model_validate(values)


def test_an_interest_is_kept_with_every_column(reg_store: Store) -> None:
    saved = reg_store.add_interest(_interest())
    assert saved.id is not None
    assert reg_store.interests("HCP") == [saved]
    assert reg_store.interests("OTHER") == []


def test_a_nil_return_is_kept(reg_store: Store) -> None:
    nil = reg_store.add_nil_return(NilReturn(committee="HCP", person="ross", declared_on=JULY))
    assert nil.id is not None
    assert reg_store.nil_returns("HCP") == [nil]


def test_unknown_person_or_committee_is_refused(reg_store: Store) -> None:
    with pytest.raises(NotFound):
        reg_store.add_interest(_interest(person="nobody"))
    with pytest.raises(NotFound):
        reg_store.add_nil_return(NilReturn(committee="NONE", person="ross", declared_on=JULY))
    assert reg_store.interests("HCP") == []


def test_a_correction_replaces_from_its_date(reg_store: Store) -> None:
    old = reg_store.add_interest(_interest())
    assert old.id is not None
    new = reg_store.replace_interest(
        old.id,
        _interest(description="Former director", date_to=date(2022, 8, 31), declared_on=SEPT),
    )
    stored = reg_store.interests("HCP")
    assert [i.id for i in stored] == [old.id, new.id]
    assert stored[0].replaced_on == SEPT
    assert stored[1].replaced_on is None
    # The register of an earlier day still shows what it said then.
    assert register_on(stored, [], date(2022, 8, 1))[0] == [stored[0]]
    # On the day of the correction the ended interest is no longer in it.
    assert register_on(stored, [], SEPT)[0] == []


def test_a_correction_is_refused_when_it_cannot_apply(reg_store: Store) -> None:
    old = reg_store.add_interest(_interest())
    assert old.id is not None
    with pytest.raises(Conflict):
        reg_store.replace_interest(old.id, _interest(declared_on=date(2022, 6, 1)))
    with pytest.raises(Conflict):
        reg_store.replace_interest(old.id, _interest(person="ross", declared_on=SEPT))
    with pytest.raises(NotFound):
        reg_store.replace_interest(9999, _interest(declared_on=SEPT))
    reg_store.replace_interest(old.id, _interest(declared_on=SEPT))
    with pytest.raises(Conflict):  # already replaced
        reg_store.replace_interest(old.id, _interest(declared_on=SEPT))
    assert len(reg_store.interests("HCP")) == 2


def test_a_register_is_added_in_one_transaction(committee_store: Store) -> None:
    people = [Person(id="maria", name="Maria Wogan"), Person(id="ross", name="Ross Graves")]
    interests, nils = committee_store.add_register(
        [_interest()], [NilReturn(committee="HCP", person="ross", declared_on=JULY)], people
    )
    assert [i.person for i in committee_store.interests("HCP")] == ["maria"]
    assert [n.person for n in committee_store.nil_returns("HCP")] == ["ross"]
    assert interests[0].id is not None and nils[0].id is not None
    assert committee_store.person("ross").name == "Ross Graves"


def test_a_failing_register_adds_nothing(committee_store: Store) -> None:
    people = [Person(id="maria", name="Maria Wogan")]
    with pytest.raises(NotFound):
        committee_store.add_register(
            [_interest()], [NilReturn(committee="HCP", person="ghost", declared_on=JULY)], people
        )
    assert committee_store.interests("HCP") == []
    with pytest.raises(NotFound):
        committee_store.person("maria")


def test_a_date_given_as_a_year_or_a_month_comes_back_so(reg_store: Store) -> None:
    given = _interest(
        date_from=date(2014, 1, 1),
        from_precision=DatePrecision.YEAR,
        date_to=date(2022, 9, 1),
        to_precision=DatePrecision.MONTH,
    )
    saved = reg_store.add_interest(given)
    (read,) = reg_store.interests("HCP")
    assert read == saved
    assert (read.date_from_given, read.date_to_given) == ("2014", "Sep 2022")
    # A correction keeps the precision it is given.
    assert saved.id is not None
    reg_store.replace_interest(saved.id, given.model_copy(update={"declared_on": SEPT}))
    assert reg_store.interests("HCP")[1].from_precision is DatePrecision.YEAR
