"""Minute numbering by a committee's scheme (docs/minutes.md).

A template with tokens (``{prefix}{seq}``, ``{seq}/{yy}``, ``{prefix} {yy}/{seq:03}``,
``{item}.{para}``) and a reset rule. The 13 June 2023 HCP meeting was the first of the
new council year, so its minutes start again at HCP1.
"""

from __future__ import annotations

from datetime import date

from minutebook.domain.committee import NumberingReset, NumberingScheme


def period_start(reset: NumberingReset, day: date) -> date | None:
    """The first day of the numbering period containing `day` (None: never resets).

    Per-meeting numbering restarts at every meeting, so its period is the day itself.
    """
    match reset:
        case NumberingReset.NEVER:
            return None
        case NumberingReset.PER_MEETING:
            return day
        case NumberingReset.CALENDAR_YEAR:
            return date(day.year, 1, 1)
        case NumberingReset.FINANCIAL_YEAR:
            return date(day.year if day.month >= 4 else day.year - 1, 4, 1)
        case NumberingReset.MUNICIPAL_YEAR:
            return date(day.year if day.month >= 5 else day.year - 1, 5, 1)
    raise ValueError(f"unknown reset rule {reset!r}")


def format_minute_number(
    scheme: NumberingScheme, seq: int, meeting_date: date, item: int = 1, para: int = 1
) -> str:
    """Write minute number `seq` (1-based within its period) by the scheme's template."""
    start = period_start(scheme.reset, meeting_date) or meeting_date
    try:
        return scheme.template.format(
            prefix=scheme.prefix, seq=seq, yy=f"{start.year % 100:02d}", item=item, para=para
        )
    except (KeyError, IndexError, ValueError) as error:
        raise ValueError(
            f"numbering template {scheme.template!r} is not usable: {error}"
        ) from error


def period_key(reset: NumberingReset, day: date, meeting_id: int) -> str:
    """The numbering period a meeting's minutes are numbered in, as a key: minute
    numbers are unique within it (docs/minutes.md). Per-meeting numbering is keyed by
    the meeting itself, so two meetings on one day never share a period."""
    if reset is NumberingReset.PER_MEETING:
        return f"meeting {meeting_id}"
    start = period_start(reset, day)
    return "always" if start is None else start.isoformat()


def sequence_of(
    scheme: NumberingScheme, number: str, meeting_date: date, item: int, limit: int = 2000
) -> int | None:
    """Which place in its period a number written by the scheme has ("HCP7" is 7), for
    numbers issued elsewhere (the demo papers, an import); None if the template has no
    place in it or the number is not the scheme's."""
    if "{seq" not in scheme.template:
        return None
    for seq in range(1, limit + 1):
        if format_minute_number(scheme, seq, meeting_date, item=item) == number:
            return seq
    return None


def distinct_minute_number(item: int, number: str | None) -> str:
    """A minute's number where it says more than its item's ("HCP8" at item 2, "ICB/22/11"),
    "" where it is the item's own ("11" at item 11): shown beside the item's number it
    would only repeat it ("Item 11 · 11 · ...")."""
    if not number or number.strip() == str(item):
        return ""
    return number
