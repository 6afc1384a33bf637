"""An agenda as it is printed: its sections with their times, and the planned timings
of its items, only where the secretary gave them (docs/agenda.md).

Seed 003's Board agenda of 29 July 2022 divides its items into sections, each with its
times ("Opening Actions – 10.00 – 10.25", "Strategy – 10.25 – 11.50"), and prints no
time against any item. A section is opened by the item it starts with (that item's
`section`, `section_starts`, `section_ends`) and runs until the next one opens.

An item has a planned timing only when the secretary gave its planned minutes. It
starts when its section starts if it opens one with a start time, else when the meeting
starts if it is the first item, else when the item before it ends if that is known;
otherwise only its length is known. Nothing is spread over items the secretary did not
plan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from minutebook.domain.meeting import AgendaItem, ItemKind, Meeting


@dataclass(frozen=True)
class AgendaSection:
    """The items of one section, in order; `title` None for the items before the first
    section (an agenda without sections is one such)."""

    title: str | None
    starts: str | None
    ends: str | None
    items: tuple[AgendaItem, ...]


@dataclass(frozen=True)
class PlannedTiming:
    """An item's planned minutes and, where they can be worked out, its clock times."""

    minutes: int
    starts: str | None = None
    ends: str | None = None


def agenda_sections(agenda: Sequence[AgendaItem]) -> list[AgendaSection]:
    """The agenda's items, in number order, grouped by the sections they fall in."""
    sections: list[AgendaSection] = []
    current: list[AgendaItem] = []
    head: AgendaItem | None = None
    for item in sorted(agenda, key=lambda i: i.number):
        if item.section is not None:
            if current or head is not None:
                sections.append(_section(head, current))
            head, current = item, []
        current.append(item)
    if current:
        sections.append(_section(head, current))
    return sections


def _section(head: AgendaItem | None, items: list[AgendaItem]) -> AgendaSection:
    if head is None:
        return AgendaSection(None, None, None, tuple(items))
    return AgendaSection(head.section, head.section_starts, head.section_ends, tuple(items))


def planned_timings(meeting: Meeting, agenda: Sequence[AgendaItem]) -> dict[int, PlannedTiming]:
    """Each planned item's timing, by item number; items without planned minutes have
    none (see the module's docstring for where a planned item starts)."""
    result: dict[int, PlannedTiming] = {}
    clock: dt.datetime | None = _at(meeting, meeting.time)
    for item in sorted(agenda, key=lambda i: i.number):
        if item.section is not None and item.section_starts:
            clock = _at(meeting, item.section_starts)
        if item.planned_minutes is None:
            clock = None  # the next item's start is not known from this one
            continue
        if clock is None:
            result[item.number] = PlannedTiming(item.planned_minutes)
            continue
        end = clock + dt.timedelta(minutes=item.planned_minutes)
        result[item.number] = PlannedTiming(item.planned_minutes, f"{clock:%H:%M}", f"{end:%H:%M}")
        clock = end
    return result


def planned_finish(meeting: Meeting, agenda: Sequence[AgendaItem]) -> str | None:
    """When the meeting is planned to end: the end of its last item's planned timing,
    when that can be worked out; None when it cannot."""
    if not agenda:
        return None
    last = max(agenda, key=lambda i: i.number)
    timing = planned_timings(meeting, agenda).get(last.number)
    return timing.ends if timing else None


def _at(meeting: Meeting, time: str | None) -> dt.datetime | None:
    if time is None:
        return None
    return dt.datetime.combine(meeting.date, dt.time.fromisoformat(time))


def declarations_item(agenda: Sequence[AgendaItem]) -> AgendaItem | None:
    """The standing "declarations of interest" item, where the minutes record the
    interests declared (docs/declarations.md): the one the committee's standing items
    mark so (docs/agenda.md); on an agenda made without them, the first whose title
    speaks of declaring or disclosing interests ("Declarations of Interest", seed 003;
    "Disclosures of Interest", seed 001), not any item about interests ("Conflicts of
    Interest Policy")."""
    marked = next((i for i in agenda if i.kind is ItemKind.DECLARATIONS), None)
    return marked or next((i for i in agenda if _declares_interests(i.title)), None)


def _declares_interests(title: str) -> bool:
    words = title.lower()
    return "interest" in words and ("declar" in words or "disclos" in words)
