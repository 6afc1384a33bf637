"""A minute laid out as the minutes print it: its body (`domain.minute_body`) with each decision
in the place the secretary gave it, and the decisions given no place (docs/minutes.md,
"Decisions in their place").

- A line "[decision 2]" is the place of the item's decision 2 (its `Decision.position`,
  the order it was recorded in): it is printed there, where it was taken. Places on
  lines one after another print their decisions together.
- A decision with no place is printed after the body, as minutes always had them.
- A place naming no decision of the item (one deleted, or a number typed by hand), or
  a decision already placed, is printed as typed, so that nothing is lost and the
  secretary sees it; the summary says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from minutebook.domain.meeting import Decision, Minute
from minutebook.domain.minute_body import (
    Block,
    Body,
    DecisionPlace,
    Paragraph,
    Run,
    describe,
    read_body,
)


@dataclass(frozen=True)
class Decisions:
    """Decisions printed together at one place of the body, in their order there."""

    points: tuple[Decision, ...]


Part = Block | Decisions


@dataclass(frozen=True)
class MinuteLayout:
    """The minute's parts in print order, and the decisions printed after them."""

    body: Body
    parts: tuple[Part, ...]
    unplaced: tuple[Decision, ...]
    notes: tuple[str, ...] = ()
    """What was not read as typed: the body's notes, then the places'."""

    @property
    def placed(self) -> tuple[Decision, ...]:
        return tuple(d for p in self.parts if isinstance(p, Decisions) for d in p.points)

    @property
    def in_print_order(self) -> tuple[Decision, ...]:
        """Every decision in the order the minutes print them: placed, then the rest."""
        return self.placed + self.unplaced

    def summary(self) -> str:
        """What the body was read as, with the decisions in place and what was not
        read as typed: "2 paragraphs, a list of 3; decisions 1 and 2 in place"."""
        parts = [describe(self.body.blocks)]
        numbers = [d.position for d in self.placed if d.position is not None]
        if numbers:
            words = ", ".join(map(str, numbers[:-1]))
            words = f"{words} and {numbers[-1]}" if words else str(numbers[-1])
            parts.append(f"decision{'s' if len(numbers) > 1 else ''} {words} in place")
        parts += self.notes
        return "; ".join(p for p in parts if p)


def numbered(decisions: Sequence[Decision]) -> dict[int, Decision]:
    """The decisions by the number that places them: their position, else (not yet
    stored) their place in the list."""
    return {d.position or n: d for n, d in enumerate(decisions, start=1)}


def lay_out(minute: Minute) -> MinuteLayout:
    """The minute's body with its decisions in their places (see the module's doc)."""
    body = read_body(minute.narrative)
    by_number = numbered(minute.decisions)
    placed: set[int] = set()
    parts: list[Part] = []
    notes = list(body.notes)
    for block in body.blocks:
        if not isinstance(block, DecisionPlace):
            parts.append(block)
            continue
        decision = by_number.get(block.number)
        if decision is None or block.number in placed:
            why = "is placed twice" if decision is not None else "names no decision of the item"
            notes.append(f"{block.marker} {why}: printed as typed")
            parts.append(Paragraph((Run(block.marker),)))
            continue
        placed.add(block.number)
        last = parts[-1] if parts else None
        if isinstance(last, Decisions):
            parts[-1] = Decisions((*last.points, decision))
        else:
            parts.append(Decisions((decision,)))
    unplaced = tuple(d for n, d in by_number.items() if n not in placed)
    return MinuteLayout(body, tuple(parts), unplaced, tuple(notes))
