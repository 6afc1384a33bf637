"""When an arrival or a departure recorded live is minuted: at which agenda item."""

from __future__ import annotations

from minutebook.domain.meeting import arrival_item, last_item_present

AGENDA = [1, 2, 3, 4, 5, 6, 7]


def test_the_roll_at_the_first_item_is_not_a_late_arrival() -> None:
    assert arrival_item(AGENDA, None, started=False) is None
    assert arrival_item(AGENDA, 1, started=False) is None  # before the meeting opens
    assert arrival_item(AGENDA, 1, started=True) is None  # the roll, at the first item
    assert arrival_item(AGENDA, 3, started=True) == 3  # "(from item 3)"
    # An agenda that starts at another number: its first item is still the roll.
    assert arrival_item([5, 6, 7], 5, started=True) is None
    assert arrival_item([5, 6, 7], 6, started=True) == 6


def test_leaving_while_an_item_is_taken_ends_at_the_item_before() -> None:
    assert last_item_present(AGENDA, 7, None) == 6  # "(left after item 6)"
    assert last_item_present([1, 2, 4, 7], 7, None) == 4  # items need not be consecutive
    # Arrived at item 5 and left during it: present for part of item 5 only.
    assert last_item_present(AGENDA, 5, 5) == 5
    assert last_item_present(AGENDA, 6, 5) == 5
    # The first item has no item before it.
    assert last_item_present(AGENDA, 1, None) == 1
    # No item taken yet (the meeting closed, or no current item): the last one.
    assert last_item_present(AGENDA, None, None) == 7
    assert last_item_present([], None, None) is None
