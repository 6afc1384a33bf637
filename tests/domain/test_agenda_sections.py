"""An agenda's sections and planned timings (docs/agenda.md, `domain.agenda`): a
section is opened by an item and runs to the next; an item has a timing only where the
secretary planned its minutes, started by its section, the meeting, or the item before."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from minutebook.domain.agenda import (
    PlannedTiming,
    agenda_sections,
    planned_finish,
    planned_timings,
)
from minutebook.domain.meeting import AgendaItem, Meeting

BOARD = Meeting(committee="ICB", date=date(2022, 7, 29), time="10:00")


def _item(number: int, minutes: int | None = None, **section: str) -> AgendaItem:
    return AgendaItem(number=number, title=f"Item {number}", planned_minutes=minutes, **section)


def test_sections_run_from_the_item_that_opens_them_to_the_next() -> None:
    agenda = [
        _item(3),
        _item(1, section="Opening Actions", section_starts="10.00", section_ends="10.25"),
        _item(2),
        _item(4, section="Strategy", section_starts="10:25"),
    ]
    sections = agenda_sections(agenda)
    assert [(s.title, s.starts, s.ends, [i.number for i in s.items]) for s in sections] == [
        ("Opening Actions", "10:00", "10:25", [1, 2, 3]),
        ("Strategy", "10:25", None, [4]),
    ]


def test_items_before_the_first_section_have_none() -> None:
    sections = agenda_sections([_item(1), _item(2, section="Closing")])
    assert [(s.title, [i.number for i in s.items]) for s in sections] == [
        (None, [1]),
        ("Closing", [2]),
    ]
    assert agenda_sections([]) == []


def test_a_section_needs_its_title_and_ends_after_it_starts() -> None:
    with pytest.raises(ValidationError, match="need the section's title"):
        AgendaItem(number=1, title="Welcome", section_starts="10:00")
    with pytest.raises(ValidationError, match="ends after it starts"):
        AgendaItem(number=1, title="Welcome", section="Opening", section_starts="10:25",
                   section_ends="10:00")  # fmt: skip
    with pytest.raises(ValidationError, match="not a time of day"):
        AgendaItem(number=1, title="Welcome", section="Opening", section_starts="soon")
    # Blank is none, and a time is read as people write it.
    item = AgendaItem(number=1, title="Welcome", section=" ", section_starts="")
    assert item.section is None and item.section_starts is None


def test_no_timings_where_none_were_planned() -> None:
    """Seed 003 prints times per section, none per item: none is made up."""
    agenda = [_item(1, section="Opening Actions", section_starts="10:00"), _item(2), _item(3)]
    assert planned_timings(BOARD, agenda) == {}
    assert planned_finish(BOARD, agenda) is None


def test_a_planned_item_starts_with_its_section_the_meeting_or_the_item_before() -> None:
    agenda = [
        _item(1, 5),
        _item(2, 10),
        _item(3),  # not planned: what follows cannot be timed from it
        _item(4, 15),
        _item(5, 20, section="Strategy", section_starts="11:00"),
        _item(6, 5),
    ]
    assert planned_timings(BOARD, agenda) == {
        1: PlannedTiming(5, "10:00", "10:05"),
        2: PlannedTiming(10, "10:05", "10:15"),
        4: PlannedTiming(15),  # its length only
        5: PlannedTiming(20, "11:00", "11:20"),
        6: PlannedTiming(5, "11:20", "11:25"),
    }
    assert planned_finish(BOARD, agenda) == "11:25"


def test_without_a_start_time_only_lengths_are_known() -> None:
    meeting = BOARD.model_copy(update={"time": None})
    assert planned_timings(meeting, [_item(1, 5)]) == {1: PlannedTiming(5)}
    assert planned_finish(meeting, [_item(1, 5)]) is None


def test_a_meeting_ends_after_it_starts() -> None:
    assert BOARD.model_copy(update={"planned_end": "12.30"}).planned_end == "12:30"
    with pytest.raises(ValidationError, match="planned to end after it starts"):
        BOARD.model_copy(update={"planned_end": "09:30"})
