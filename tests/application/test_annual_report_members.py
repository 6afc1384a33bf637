"""Who the annual report asks for a return to the register of interests: the members in
post at some point in the year, and not the holder of a seat retired before it began
(a retired seat keeps its last holder, for the record of the meetings it sat in)."""

from __future__ import annotations

from datetime import date

from minutebook.application.annual_report import annual_report
from minutebook.domain.committee import Seat
from minutebook.domain.register import members_during
from minutebook.store import Store

TODAY = date(2026, 12, 1)


def test_a_seat_retired_before_the_year_asks_its_holder_for_no_return(
    demo_store: Store,
) -> None:
    demo_store.retire_seat("ICB", "S1", date(2023, 1, 1))
    missing = annual_report(demo_store, "ICB", 2023, TODAY).returns.missing
    assert "makarem" not in missing and len(missing) == 23


def test_a_seat_retired_during_the_year_still_asks_for_one(demo_store: Store) -> None:
    demo_store.retire_seat("ICB", "S1", date(2023, 9, 1))
    assert "makarem" in annual_report(demo_store, "ICB", 2023, TODAY).returns.missing


def test_members_during_a_period() -> None:
    seats = [
        Seat(id="S1", title="Chair", holder="ann", retired_on=date(2023, 4, 1)),
        Seat(id="S2", title="Member", holder="bob", retired_on=date(2023, 4, 2)),
        Seat(id="S3", title="Member", holder="cy", term_to=date(2023, 3, 31)),
        Seat(id="S4", title="Member", holder="dee", term_from=date(2024, 3, 31)),
        Seat(id="S5", title="Member", holder="bob"),
        Seat(id="S6", title="Member"),
    ]
    assert members_during(seats, date(2023, 4, 1), date(2024, 3, 31)) == ["bob", "dee"]
