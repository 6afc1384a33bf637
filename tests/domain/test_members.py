"""Who a name typed on the member form means, and which seat tags are worth a second
look (docs/members.md)."""

from __future__ import annotations

from minutebook.domain import Person
from minutebook.domain.committee import (
    KNOWN_TAGS,
    holder_named,
    name_key,
    people_by_name,
    unusual_tags,
)

ANN = Person(id="ann-lee", name="Ann Lee", honorific="Councillor", email="ann@example.org")
BOB = Person(id="bob-roy", name="Bob Roy")
KNOWN = people_by_name([ANN, BOB])


def test_names_differing_only_in_case_and_outer_spaces_are_the_same_persons() -> None:
    assert name_key("  ann LEE ") == name_key("Ann Lee")
    assert name_key("Ann M Lee") != name_key("Ann Lee")
    assert name_key("Ann  Lee") != name_key("Ann Lee")  # a space inside is not a slip we undo


def test_the_current_holders_own_name_keeps_the_holder() -> None:
    assert holder_named("ann lee", ANN, KNOWN) is ANN


def test_another_name_for_the_seat_is_a_new_holder_not_a_rename() -> None:
    # Someone new: nobody known by the name, so the form makes a new person.
    assert holder_named("Carol Dee", ANN, KNOWN) is None
    # Someone already known takes the seat as themselves.
    assert holder_named("BOB ROY", ANN, KNOWN) is BOB


def test_a_vacant_seat_takes_whoever_is_known_by_the_name() -> None:
    assert holder_named("Ann Lee", None, KNOWN) is ANN
    assert holder_named("Dee Vine", None, KNOWN) is None


def test_of_two_people_with_one_name_the_later_is_found() -> None:
    twin = Person(id="ann-lee-2", name="ann lee")
    assert people_by_name([ANN, twin])[name_key("Ann Lee")] is twin


def test_tags_no_preset_uses_are_the_unusual_ones_in_order() -> None:
    assert unusual_tags(("chair", "chiar", "executive", "lay_member")) == ["chiar", "lay_member"]
    assert unusual_tags(KNOWN_TAGS) == []
    assert unusual_tags(()) == []
