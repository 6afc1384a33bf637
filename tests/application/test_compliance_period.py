"""The period compliance is shown for and the year the annual report offers, when the
secretary has not chosen one (application/compliance.py): the committee's year so far,
or the last year it met in where it has not met for a while."""

from __future__ import annotations

from datetime import date

from minutebook.application.compliance import compliance_period, report_year_to_offer
from minutebook.store import Store


def test_the_period_asked_for_and_the_one_offered(demo_reader: Store) -> None:
    hcp, icb = demo_reader.committee("HCP"), demo_reader.committee("ICB")
    today = date(2026, 12, 1)
    # Neither has met since 2023: the last year each met in, whole.
    assert compliance_period(demo_reader, hcp, today, None, None) == (
        date(2023, 5, 1),
        date(2024, 4, 30),
    )
    assert compliance_period(demo_reader, icb, today, None, None) == (
        date(2022, 4, 1),
        date(2023, 3, 31),
    )
    # In the year of its last meeting: that year so far.
    autumn = date(2023, 11, 20)
    assert compliance_period(demo_reader, hcp, autumn, None, None) == (date(2023, 5, 1), autumn)
    # Either end given: the other from it, as `minutebook compliance` takes them.
    assert compliance_period(demo_reader, hcp, today, date(2026, 1, 1), None) == (
        date(2026, 1, 1),
        today,
    )
    assert compliance_period(demo_reader, icb, today, None, date(2024, 1, 31)) == (
        date(2023, 4, 1),
        date(2024, 1, 31),
    )


def test_the_annual_reports_year_is_one_with_meetings(demo_reader: Store) -> None:
    hcp, icb = demo_reader.committee("HCP"), demo_reader.committee("ICB")
    # The last whole year (2025/26) had no meeting: the last year each met in.
    assert report_year_to_offer(demo_reader, hcp, date(2026, 12, 1)) == 2023
    assert report_year_to_offer(demo_reader, icb, date(2026, 12, 1)) == 2022
    # Meeting in the year under way: the last whole year, as a report usually is (the
    # year under way would be a draft).
    assert report_year_to_offer(demo_reader, hcp, date(2023, 12, 1)) == 2022
