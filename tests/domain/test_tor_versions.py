"""A new version of the terms of reference takes effect after the one it replaces
(domain/quorum.py `version_refused`, docs/quorum.md): one dated on or before it is
refused, by the rule and by the store that keeps the versions."""

from __future__ import annotations

from datetime import date

import pytest

from minutebook.domain.quorum import TermsOfReference, in_force_on, version_refused
from minutebook.store import Store
from minutebook.store.errors import Conflict


def version(number: int, adopted: date, base: TermsOfReference) -> TermsOfReference:
    return base.model_copy(update={"version": number, "adopted": adopted})


def test_a_version_dated_before_the_one_in_force_is_refused(demo_reader: Store) -> None:
    (first,) = demo_reader.terms_of_reference("ICB")  # adopted 1 July 2022
    assert version_refused([first], version(2, date(2022, 4, 1), first)) == (
        "Adopted on: 01/04/2022 is before version 1 (adopted 01/07/2022); a new version "
        "takes effect after the one it replaces"
    )
    assert version_refused([first], version(2, date(2022, 7, 1), first)) == (
        "Adopted on: 01/07/2022 is the day version 1 was adopted; a new version takes "
        "effect after the one it replaces"
    )
    later = version(2, date(2022, 7, 2), first)
    assert version_refused([first], later) is None
    assert in_force_on([first, later], date(2026, 12, 1)) == later
    # A file's versions brought in out of order: an earlier number after a later one.
    assert version_refused([later], first) is None
    assert version_refused([later], version(1, date(2022, 8, 1), first)) == (
        "Adopted on: version 1 (01/08/2022) must be adopted before version 2 (02/07/2022)"
    )


def test_the_store_refuses_it_and_keeps_the_version_in_force(demo_store: Store) -> None:
    (first,) = demo_store.terms_of_reference("ICB")
    with pytest.raises(Conflict, match="is before version 1"):
        demo_store.add_terms_of_reference("ICB", version(2, date(2022, 4, 1), first))
    assert demo_store.terms_of_reference("ICB") == [first]
    assert demo_store.terms_in_force("ICB", date(2026, 12, 1)) == first
