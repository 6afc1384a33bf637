"""How a committee labels its decisions in the minutes (docs/minutes.md, "Labelling").

- Numbered within each item (seed 001): "RESOLVED - 1. That … 2. That …". The points
  of one verb are numbered 1, 2, 3 through the item, also where they stand apart in its
  body; a verb with one point in the item is not numbered.
- Lettered through the meeting (seed 003): (a), (b) … (j), never starting again; after
  (z) come (aa), (ab) ….

A committee's labelling is its own setting (`Committee.decision_labels`), by default
its house style's: numbered for the council style, lettered for the NHS style.

Which decisions carry a label is decided here too, once for every place that shows
them (live capture's record panel, the meeting screen's Minutes tab, both Word
exporters): a decision with no text is not labelled; in the NHS style, neither is one
the minutes print as a sentence ("The Board noted ...": what is noted or received, or
a lone point that reads "That ..."), so the lettering runs on over it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from minutebook.domain.committee import Committee
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


NOTING = frozenset({"NOTED", "RECEIVED"})
"""Verbs the NHS minutes print as sentences ("The Board noted that ...")."""


def verb_groups(decisions: Sequence[Decision]) -> list[list[Decision]]:
    """Decisions one after another with the same verb, printed under one lead-in."""
    groups: list[list[Decision]] = []
    for decision in decisions:
        if groups and groups[-1][0].verb is decision.verb:
            groups[-1].append(decision)
        else:
            groups.append([decision])
    return groups


def is_sentence(group: Sequence[Decision]) -> bool:
    """Whether the NHS minutes print a group as sentences, not labelled points: what is
    noted or received, or one point that reads "That ..."."""
    first = group[0]
    return first.verb.value in NOTING or (
        len(group) == 1 and first.text.lower().startswith("that ")
    )


class DecisionLabeller:
    """Labels a meeting's decisions in the order its minutes print them: tell it each
    item's decisions in turn (`item`, one sequence per place they are printed
    together), and ask for each one's label (`label`). `sentences`: the NHS style,
    whose sentences carry no label (the module's doc)."""

    def __init__(self, scheme: DecisionLabels, sentences: bool = False) -> None:
        self.scheme = scheme
        self.sentences = sentences
        self._lettered = 0
        self._labels: dict[tuple[object, ...], Label] = {}

    @classmethod
    def of(cls, committee: Committee) -> DecisionLabeller:
        """The committee's labelling: its setting, and its house style's sentences."""
        return cls(committee.decision_labels, sentences=committee.house_style.value == "nhs")

    def item(self, *runs: Sequence[Decision]) -> None:
        """A new item, whose decisions are printed together in `runs`, in print order:
        each one's label is decided now, in that order, so that every place showing
        them agrees whatever order it asks in."""
        labelled = [
            d
            for run in runs
            for group in verb_groups(run)
            if not (self.sentences and is_sentence(group))
            for d in group
            if d.text.strip()
        ]
        per_verb = Counter(d.verb for d in labelled)
        numbered: Counter[DecisionVerb] = Counter()
        self._labels = {}
        for decision in labelled:
            if self.scheme is DecisionLabels.LETTERED:
                self._lettered += 1
                self._labels[_key(decision)] = Label(self.scheme, self._lettered)
            elif per_verb[decision.verb] > 1:
                numbered[decision.verb] += 1
                self._labels[_key(decision)] = Label(self.scheme, numbered[decision.verb])

    def label(self, decision: Decision) -> Label | None:
        """`decision`'s label; None for one that carries none (no text, an NHS
        sentence) and for a verb's only point in a numbered item."""
        return self._labels.get(_key(decision))


def _key(decision: Decision) -> tuple[object, ...]:
    """A decision of the item as the labeller knows it: stored, by its row; not yet
    stored, by its place and words."""
    return (decision.id, decision.position, decision.verb, decision.text)


def verb_heading(verb: str, lone: bool) -> str:
    """The line above a verb's points: "RESOLVED -" before a lone point printed without
    a label (seed 001's HCP2), "RESOLVED:" before labelled points (HCP5)."""
    return f"{verb} -" if lone else f"{verb}:"
