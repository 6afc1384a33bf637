"""Votes on a decision: the numbers for, against and abstaining, a named (recorded) vote,
the proposer and seconder, the Chair's casting vote, the outcome, and the words the
minutes give them (docs/minutes.md, "Votes"). Who may vote at an item is
`domain.voters` (it needs the quorum engine, which needs the meeting record this
module's `Vote` is part of)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import TypeVar

from pydantic import Field, model_validator

from minutebook.domain.base import Code, DomainModel


class Choice(StrEnum):
    """How one member voted."""

    FOR = "for"
    AGAINST = "against"
    ABSTAIN = "abstain"


class MemberVote(DomainModel):
    """One line of a named (recorded) vote."""

    person: Code
    choice: Choice


class Vote(DomainModel):
    """The vote on a decision, all of it optional: the numbers, a named vote (which
    gives the numbers), who proposed and seconded the motion, and the Chair's casting
    vote on an equality of votes."""

    in_favour: int = Field(default=0, ge=0)
    against: int = Field(default=0, ge=0)
    abstentions: int = Field(default=0, ge=0)
    named: tuple[MemberVote, ...] = ()
    proposer: Code | None = None
    seconder: Code | None = None
    casting: Choice | None = None

    @model_validator(mode="after")
    def _coherent(self) -> Vote:
        if self.named:
            people = [v.person for v in self.named]
            if len(set(people)) != len(people):
                raise ValueError("a named vote lists each member once")
            tally = (self.tally(Choice.FOR), self.tally(Choice.AGAINST), self.tally(Choice.ABSTAIN))
            if self.counted and self.counts != tally:
                raise ValueError(
                    f"the numbers ({numbers(*self.counts)}) do not match the named vote "
                    f"({numbers(*tally)})"
                )
        if self.casting is Choice.ABSTAIN:
            raise ValueError("the Chair's casting vote is for or against")
        if self.casting is not None and self.totals[0] != self.totals[1]:
            raise ValueError("the Chair has a casting vote only when the votes are equal")
        if self.proposer is not None and self.proposer == self.seconder:
            raise ValueError("the seconder cannot be the proposer")
        return self

    def tally(self, choice: Choice) -> int:
        return sum(1 for v in self.named if v.choice is choice)

    @property
    def counts(self) -> tuple[int, int, int]:
        return self.in_favour, self.against, self.abstentions

    @property
    def counted(self) -> bool:
        """Whether numbers were given (a vote may record only its proposer)."""
        return any(self.counts)

    @property
    def totals(self) -> tuple[int, int, int]:
        """For, against, abstaining: the numbers given, else the named vote's."""
        if self.counted or not self.named:
            return self.counts
        return self.tally(Choice.FOR), self.tally(Choice.AGAINST), self.tally(Choice.ABSTAIN)

    @property
    def put(self) -> bool:
        """Whether the motion was put to the vote (numbers or a named vote recorded)."""
        return any(self.totals)

    @property
    def votes(self) -> int:
        return sum(self.totals)

    @property
    def carried(self) -> bool:
        for_, against, _ = self.totals
        if for_ == against:
            return self.casting is Choice.FOR
        return for_ > against

    @property
    def outcome(self) -> str:
        """ "carried", "lost", or either "on the Chair's casting vote"."""
        words = "carried" if self.carried else "lost"
        return f"{words} on the Chair's casting vote" if self.casting else words


Point = TypeVar("Point")


def vote_runs(points: Sequence[Point], vote: Callable[[Point], Vote | None]) -> list[list[Point]]:
    """Where the votes print among points minuted together under one heading ("RESOLVED:",
    "The Board agreed the following:"): the vote goes just before the heading of the
    point it decided, so a point with a vote of its own stands under a heading of its
    own, and the points before and after it under theirs (numbering runs on); points
    without a vote stay together. As UK minutes read: "On being put to the vote the
    motion was carried ... RESOLVED - That ..." says what that vote resolved, no more."""
    runs: list[list[Point]] = []
    for point in points:
        if vote(point) is not None or not runs or vote(runs[-1][0]) is not None:
            runs.append([point])
        else:
            runs[-1].append(point)
    return runs


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def numbers(for_: int, against: int, abstaining: int) -> str:
    return ", ".join(
        [f"{for_} for", f"{against} against"]
        + ([plural(abstaining, "abstention", "abstentions")] if abstaining else [])
    )


def minute_sentences(vote: Vote, name: Callable[[str], str]) -> list[str]:
    """The sentences the minutes give a vote, as UK minutes word them: "Proposed by X,
    seconded by Y.", "On being put to the vote the motion was carried, 7 for, 2 against,
    1 abstention." and a named vote's "For: A, B; Against: C; Abstained: D."."""
    lines: list[str] = []
    if vote.proposer and vote.seconder:
        lines.append(f"Proposed by {name(vote.proposer)}, seconded by {name(vote.seconder)}.")
    elif vote.proposer:
        lines.append(f"Proposed by {name(vote.proposer)}.")
    elif vote.seconder:
        lines.append(f"Seconded by {name(vote.seconder)}.")
    if vote.put:
        lines.append(
            f"On being put to the vote the motion was {vote.outcome}, {numbers(*vote.totals)}."
        )
    if vote.named:
        groups = [
            f"{label}: {', '.join(name(v.person) for v in vote.named if v.choice is choice)}"
            for label, choice in (
                ("For", Choice.FOR),
                ("Against", Choice.AGAINST),
                ("Abstained", Choice.ABSTAIN),
            )
            if vote.tally(choice)
        ]
        lines.append("; ".join(groups) + ".")
    return lines
