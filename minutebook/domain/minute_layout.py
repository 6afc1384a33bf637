"""A minute laid out as the minutes print it: its body (`domain.minute_body`) with each decision
and action in the place the secretary gave it, and those given no place (docs/minutes.md,
"Decisions in their place", "Actions in their place").

- A line "[decision 2]" is the place of the item's decision 2 (its `Decision.position`,
  the order it was recorded in): it is printed there, where it was taken. Places on
  lines one after another print their decisions together.
- A decision with no place is printed after the body, as minutes always had them.
- A line "[action 3]" is the place of the committee's action 3 (`Action.number`, as
  live capture shows it) agreed at the item: it was raised by the paragraph, point or
  table above it, beside which the NHS minutes print its owner. Places on lines one
  after another hold their actions together; an action with no place is printed as it
  always was.
- A place naming no decision (or action) of the item (one deleted, or a number typed
  by hand), or one already placed, is printed as typed, so that nothing is lost and the
  secretary sees it; the summary says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from minutebook.domain.actions import Action
from minutebook.domain.labels import DecisionLabeller
from minutebook.domain.meeting import Decision, Minute
from minutebook.domain.minute_body import (
    ActionPlace,
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


@dataclass(frozen=True)
class Actions:
    """Actions raised by what is just above this place, in their order there."""

    points: tuple[Action, ...]


Part = Block | Decisions | Actions


@dataclass(frozen=True)
class MinuteLayout:
    """The minute's parts in print order, and the decisions printed after them."""

    body: Body
    parts: tuple[Part, ...]
    unplaced: tuple[Decision, ...]
    notes: tuple[str, ...] = ()
    """What was not read as typed: the body's notes, then the places'."""
    unplaced_actions: tuple[Action, ...] = ()
    """The item's actions the body places nowhere, in the order given."""

    @property
    def placed(self) -> tuple[Decision, ...]:
        return tuple(d for p in self.parts if isinstance(p, Decisions) for d in p.points)

    @property
    def placed_actions(self) -> tuple[Action, ...]:
        return tuple(a for p in self.parts if isinstance(p, Actions) for a in p.points)

    @property
    def runs(self) -> tuple[tuple[Decision, ...], ...]:
        """The decisions printed together, place by place, then those after the body."""
        placed = tuple(p.points for p in self.parts if isinstance(p, Decisions))
        return (*placed, self.unplaced)

    @property
    def in_print_order(self) -> tuple[Decision, ...]:
        """Every decision in the order the minutes print them: placed, then the rest."""
        return self.placed + self.unplaced

    def summary(self) -> str:
        """What the body was read as, with the decisions in place and what was not
        read as typed: "2 paragraphs, a list of 3; decisions 1 and 2 in place"."""
        parts = [describe(self.body.blocks)]
        for kind, numbers in (
            ("decision", [d.position for d in self.placed if d.position is not None]),
            ("action", [a.number for a in self.placed_actions if a.number is not None]),
        ):
            if numbers:
                words = ", ".join(map(str, numbers[:-1]))
                words = f"{words} and {numbers[-1]}" if words else str(numbers[-1])
                parts.append(f"{kind}{'s' if len(numbers) > 1 else ''} {words} in place")
        parts += self.notes
        return "; ".join(p for p in parts if p)


def numbered(decisions: Sequence[Decision]) -> dict[int, Decision]:
    """The decisions by the number that places them: their position, else (not yet
    stored) their place in the list."""
    return {d.position or n: d for n, d in enumerate(decisions, start=1)}


def _joined(parts: list[Part], found: Decision | Action) -> list[Part]:
    """`parts` with `found` placed after them: with the decisions (or actions) of the
    place just before, where there is one (places on lines one after another)."""
    last = parts[-1] if parts else None
    if isinstance(found, Action):
        if isinstance(last, Actions):
            return [*parts[:-1], Actions((*last.points, found))]
        return [*parts, Actions((found,))]
    if isinstance(last, Decisions):
        return [*parts[:-1], Decisions((*last.points, found))]
    return [*parts, Decisions((found,))]


def lay_out(minute: Minute, actions: Sequence[Action] = ()) -> MinuteLayout:
    """The minute's body with its decisions, and `actions` (those agreed at its item),
    in their places (see the module's doc)."""
    body = read_body(minute.narrative)
    by_number = numbered(minute.decisions)
    by_action = {a.number: a for a in actions if a.number is not None}
    placed: set[int] = set()
    placed_actions: set[int] = set()
    parts: list[Part] = []
    notes = list(body.notes)
    for block in body.blocks:
        found: Decision | Action | None
        if isinstance(block, DecisionPlace):
            taken, found, what = placed, by_number.get(block.number), "decision"
        elif isinstance(block, ActionPlace):
            taken, found, what = placed_actions, by_action.get(block.number), "action"
        else:
            parts.append(block)
            continue
        if found is None or block.number in taken:
            why = "is placed twice" if found is not None else f"names no {what} of the item"
            notes.append(f"{block.marker} {why}: printed as typed")
            parts.append(Paragraph((Run(block.marker),)))
            continue
        taken.add(block.number)
        parts = _joined(parts, found)
    unplaced = tuple(d for n, d in by_number.items() if n not in placed)
    unplaced_actions = tuple(a for a in actions if a.number not in placed_actions)
    return MinuteLayout(body, tuple(parts), unplaced, tuple(notes), unplaced_actions)


def item_labels(minutes: Sequence[Minute], labeller: DecisionLabeller, item: int) -> None:
    """Tell `labeller` the meeting's minutes in print order up to `item`'s, which it
    then labels as the minutes do (lettering runs on through the meeting)."""
    for minute in sorted(minutes, key=lambda m: m.item):
        if minute.item > item:
            break
        labeller.item(*lay_out(minute).runs)
