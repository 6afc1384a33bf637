"""How a committee labels its decisions in the minutes (docs/minutes.md, "Labelling").

- Numbered within each item (seed 001): "RESOLVED - 1. That … 2. That …". The points
  of one verb are numbered 1, 2, 3 through the item, also where they stand apart in its
  body; a verb with one point in the item is not numbered.
- Lettered through the meeting (seed 003): (a), (b) … (j), never starting again; after
  (z) come (aa), (ab) ….

A committee's labelling is its own setting (`Committee.decision_labels`), by default
its house style's: numbered for the council style, lettered for the NHS style.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from minutebook.domain.meeting import Decision, DecisionVerb


class DecisionLabels(StrEnum):
    NUMBERED = "numbered"  # 1., 2. within each item (seed 001)
    LETTERED = "lettered"  # (a), (b) through the meeting (seed 003)

    @property
    def label(self) -> str:
        if self is DecisionLabels.NUMBERED:
            return "numbered 1., 2. within each item"
        return "lettered (a), (b) through the meeting"


def letters(number: int) -> str:
    """1 -> "a", 26 -> "z", 27 -> "aa": the letters of a lettered point."""
    label = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        label = chr(ord("a") + rest) + label
    return label


@dataclass(frozen=True)
class Label:
    """A decision's label: its scheme and its number (3 is "3." or "(c)")."""

    scheme: DecisionLabels
    number: int

    @property
    def text(self) -> str:
        if self.scheme is DecisionLabels.LETTERED:
            return f"({letters(self.number)})"
        return f"{self.number}."


class DecisionLabeller:
    """Labels a meeting's decisions in the order its minutes print them: tell it each
    item's labelled decisions (`item`), then ask for each one's label as it is printed."""

    def __init__(self, scheme: DecisionLabels) -> None:
        self.scheme = scheme
        self._lettered = 0
        self._per_verb: Counter[DecisionVerb] = Counter()
        self._numbered: Counter[DecisionVerb] = Counter()

    def item(self, decisions: Sequence[Decision]) -> None:
        """A new item, whose labelled decisions are `decisions`."""
        self._per_verb = Counter(d.verb for d in decisions)
        self._numbered = Counter()

    def label(self, decision: Decision) -> Label | None:
        """The next label for `decision`; None for a verb's only point in a numbered item."""
        if self.scheme is DecisionLabels.LETTERED:
            self._lettered += 1
            return Label(self.scheme, self._lettered)
        if self._per_verb[decision.verb] < 2:
            return None
        self._numbered[decision.verb] += 1
        return Label(self.scheme, self._numbered[decision.verb])


def verb_heading(verb: str, lone: bool) -> str:
    """The line above a verb's points: "RESOLVED -" before a lone point printed without
    a label (seed 001's HCP2), "RESOLVED:" before labelled points (HCP5)."""
    return f"{verb} -" if lone else f"{verb}:"
