"""The RAG of an action tracker: the committee's key, and the RAG proposed for an action
at a review (docs/actions.md).

A key is data (`RagScheme`): its levels with the words the papers print, which level
each status takes, and whether red at successive reviews escalates. Two presets, chosen
by the committee's palette:

- **council**, seed 001's Decision Tracker colour code: (R) RED: no or limited progress;
  (A) AMBER: progress pending further action; (G) GREEN: significant progress made;
  (B) BLACK: no further action. It has no escalation (its black is "no further action").
- **NHS**, seed 003's Action Tracker key: Escalated (items flagged RED for 3 subsequent
  meetings: BLACK); Outstanding (no actions made to progress, or actions made but not on
  track to deliver: RED); In Progress (actions made to progress and on track to deliver
  by the due date: AMBER); Not Yet Due; COMPLETE: propose closure at next meeting
  (GREEN); CLOSED (dd/mm/yyyy).

The proposal reads the action's status and deadline as at the meeting reviewing it:
an action past its deadline and not complete is outstanding (red), whatever it was;
then, where the key escalates, red at this review and at the two before it is escalated
(black). The meeting may agree another RAG: what it agrees is what is recorded, and what
the next review counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from minutebook.domain.actions import ActionStatus, past_due
from minutebook.domain.committee import RagPalette


@dataclass(frozen=True)
class RagLevel:
    """One entry of a key: the code stored, what the cell says, the colour, the meaning."""

    code: str
    label: str
    colour: str
    """The colour's name (red, amber, green, blue, black, grey), or "" for none."""
    meaning: str


@dataclass(frozen=True)
class RagScheme:
    """A committee's RAG key and its rules."""

    name: str
    levels: tuple[RagLevel, ...]
    by_status: dict[ActionStatus, str | None]
    """The level each status takes (None: no colour, the status's words alone)."""
    escalate_after: int | None = None
    """Red at this many successive reviews is escalated; None: never."""
    escalated: str | None = None
    red: str = "red"
    aliases: dict[str, str] = field(default_factory=dict)
    """Codes of the other key read as this one's (a tracker imported from another body)."""

    def level(self, code: str | None) -> RagLevel | None:
        """The level a stored code names in this key (the other key's by its colour)."""
        if code is None:
            return None
        code = self.aliases.get(code, code)
        return next((level for level in self.levels if level.code == code), None)

    def knows(self, code: str) -> bool:
        return self.level(code) is not None


COUNCIL = RagScheme(
    name="council",
    levels=(
        RagLevel("R", "(R) RED", "red", "No or limited progress"),
        RagLevel("A", "(A) AMBER", "amber", "Progress pending further action"),
        RagLevel("G", "(G) GREEN", "green", "Significant progress made"),
        RagLevel("B", "(B) BLACK", "black", "No further action"),
    ),
    by_status={
        ActionStatus.NOT_YET_DUE: None,
        ActionStatus.IN_PROGRESS: "A",
        ActionStatus.OUTSTANDING: "R",
        ActionStatus.COMPLETE_PROPOSE_CLOSURE: "G",
        ActionStatus.CLOSED: "B",
    },
    red="R",
    aliases={"red": "R", "amber": "A", "green": "G", "closed": "B"},
)
"""Seed 001's colour code."""

NHS = RagScheme(
    name="NHS",
    levels=(
        RagLevel(
            "black", "ESCALATED", "black", "Escalated: items flagged RED for 3 subsequent meetings"
        ),
        RagLevel(
            "red",
            "RED",
            "red",
            "Outstanding: no actions made to progress, or actions made but not on track to deliver",
        ),
        RagLevel(
            "amber",
            "AMBER",
            "amber",
            "In Progress: actions made to progress and on track to deliver by the due date",
        ),
        RagLevel("blue", "BLUE", "blue", "Not Yet Due"),
        RagLevel("green", "GREEN", "green", "COMPLETE: propose closure at next meeting"),
        RagLevel("closed", "CLOSED", "grey", "CLOSED (dd/mm/yyyy)"),
    ),
    by_status={
        ActionStatus.NOT_YET_DUE: "blue",
        ActionStatus.IN_PROGRESS: "amber",
        ActionStatus.OUTSTANDING: "red",
        ActionStatus.COMPLETE_PROPOSE_CLOSURE: "green",
        ActionStatus.CLOSED: "closed",
    },
    escalate_after=3,
    escalated="black",
    aliases={"R": "red", "A": "amber", "G": "green"},
)
"""Seed 003's key."""

SCHEMES: dict[RagPalette, RagScheme] = {RagPalette.COUNCIL: COUNCIL, RagPalette.NHS: NHS}

STORED_CODES: tuple[str, ...] = tuple(
    level.code for scheme in SCHEMES.values() for level in scheme.levels
)
"""Every code a RAG may be stored as, key by key."""


def scheme_for(palette: RagPalette) -> RagScheme:
    return SCHEMES[palette]


def status_at(status: ActionStatus, due: date | None, as_at: date) -> ActionStatus:
    """The status an action has at a review on `as_at`: past its deadline and neither
    complete nor closed, it is outstanding; otherwise the status recorded."""
    if past_due(status, due, as_at):
        return ActionStatus.OUTSTANDING
    return status


def propose_rag(
    scheme: RagScheme,
    status: ActionStatus,
    due: date | None,
    as_at: date,
    earlier: Sequence[str | None] = (),
) -> RagLevel | None:
    """The RAG proposed at a review on `as_at`, from the status and deadline, and the
    RAG agreed at the earlier reviews (oldest first) for the escalation."""
    proposed = scheme.level(scheme.by_status[status_at(status, due, as_at)])
    if proposed is None or scheme.escalate_after is None or scheme.escalated is None:
        return proposed
    if proposed.code != scheme.red:
        return proposed
    before = scheme.escalate_after - 1
    recent = [scheme.level(code) for code in list(earlier)[-before:]] if before else []
    reds = {scheme.red, scheme.escalated}
    if len(recent) == before and all(level and level.code in reds for level in recent):
        return scheme.level(scheme.escalated)
    return proposed


@dataclass(frozen=True)
class ShownRag:
    """What an action's RAG cell shows: the level (None: its status's words alone), and
    a warning where a recorded RAG is not in the key."""

    level: RagLevel | None
    warning: str | None = None


def shown_rag(
    scheme: RagScheme, status: ActionStatus, recorded: str | None, label: str
) -> ShownRag:
    """The RAG shown for an action: a closed action is closed; else what the committee
    agreed (read in this key), else the level its status takes."""
    by_status = scheme.level(scheme.by_status[status])
    if status is ActionStatus.CLOSED:
        return ShownRag(by_status)
    if recorded is None:
        return ShownRag(by_status)
    level = scheme.level(recorded)
    if level is None:
        return ShownRag(
            by_status,
            f"{label}: RAG {recorded!r} is not in the {scheme.name} key; shown by its status",
        )
    return ShownRag(level)


def shown_rag_on(
    scheme: RagScheme,
    status: ActionStatus,
    due: date | None,
    recorded: str | None,
    day: date,
    label: str,
) -> ShownRag:
    """The RAG the tracker shows between meetings, on `day`: what the committee agreed
    (`shown_rag`); where it agreed none, the level the status takes as at that day, so an
    action past its deadline and not complete shows outstanding, not "not yet due"."""
    if recorded is None:
        status = status_at(status, due, day)
    return shown_rag(scheme, status, recorded, label)
