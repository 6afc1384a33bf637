"""The rules of recording business during a meeting: decisions, actions and declarations
as the secretary types them (docs/minutes.md, docs/declarations.md, docs/quorum.md).

- Decisions and actions are recorded at an item the meeting has taken up.
- A decision typed as "NOTED: the update" takes its verb from its text.
- While the meeting is inquorate, a decision is not simply recorded: the secretary
  chooses to record it as NOTED or DEFERRED instead, as Chair's action, or anyway (it is
  then minuted as taken while inquorate). There is no fifth way: leaving the choice
  empty is refused.
- A declaration is made by someone recorded at the meeting, on an item of its agenda,
  and the same interest is not declared twice on one item. The Chair's ruling on it is
  chosen, never assumed: leaving the meeting changes the quorum, and "no action needed"
  would minute what the Chair did not say.
- A decision with a vote that was lost is recorded only as NOTED or RECEIVED: a lost
  motion resolves nothing, so "RESOLVED", "AGREED", "APPROVED" and the rest (DEFERRED
  and REFERRED too: a lost motion to defer defers nothing) are refused with it. The
  minutes then read "On being put to the vote the motion was lost, 4 for, 6 against.
  NOTED: That the motion ... fell." (docs/minutes.md, "Votes"), the full stop added
  where the secretary typed none.
- An action has what is to be done, an owner, and a due date no earlier than the meeting.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import StrEnum

from minutebook.domain.base import Refused
from minutebook.domain.dates import parse_date, short_date
from minutebook.domain.meeting import (
    Attendance,
    Decision,
    DecisionVerb,
    Declaration,
)
from minutebook.domain.votes import numbers

AFTER_A_LOST_VOTE = (DecisionVerb.NOTED, DecisionVerb.RECEIVED)
"""The verbs a decision with a lost vote may take: they record what the meeting heard,
not something it resolved (a lost motion resolves nothing)."""


class Handling(StrEnum):
    """What to do with a decision put while the meeting is inquorate."""

    NOTED = "noted"
    DEFERRED = "deferred"
    CHAIRS_ACTION = "chairs_action"
    ANYWAY = "anyway"


HANDLING_CHOICES: tuple[tuple[str, Handling], ...] = (
    ("record as NOTED instead", Handling.NOTED),
    ("record as DEFERRED instead", Handling.DEFERRED),
    ("Chair's action, reported to next meeting", Handling.CHAIRS_ACTION),
    ("record anyway, minuted as taken while inquorate", Handling.ANYWAY),
)


def chosen_ruling(ruling: str | None) -> str:
    """The Chair's ruling on a declaration as the secretary chose it; `Refused` when
    none was chosen (docs/declarations.md: no ruling is assumed, least of all the one
    that takes the member out of the count)."""
    if not ruling:
        raise Refused("Chair's ruling: choose what the Chair ruled")
    return ruling


def item_problem(item: int | None, agenda: Sequence[int], taken: Sequence[int]) -> str | None:
    """Why business cannot be recorded at `item`: it is not on the agenda, or the
    meeting has not taken it up (a decision on an item not taken is no record)."""
    if item is None or item not in agenda:
        return f"there is no agenda item {item}" if item is not None else "choose an item first"
    if item not in taken:
        return f"item {item} has not been taken up yet: go to it first"
    return None


def decision_from(text: str, verb: str | None, handling: str | None, inquorate: bool) -> Decision:
    """The decision the secretary typed: "NOTED: ..." chooses its verb; while inquorate,
    the handling chosen decides what is recorded (`Refused` if none is chosen)."""
    text = text.strip()
    head, colon, rest = text.partition(":")
    chosen = (verb or DecisionVerb.RESOLVED.value).upper()
    if colon and head.strip().upper() in DecisionVerb.__members__:
        chosen, text = head.strip().upper(), rest.strip()
    if not text:
        raise Refused("Text: say what was decided")
    chairs_action = False
    if inquorate:
        if not handling:
            raise Refused(
                "Because inquorate: choose how to record it (noted, deferred, Chair's "
                "action, or anyway, minuted as taken while inquorate)"
            )
        match Handling(handling):
            case Handling.NOTED:
                chosen = DecisionVerb.NOTED.value
            case Handling.DEFERRED:
                chosen = DecisionVerb.DEFERRED.value
            case Handling.CHAIRS_ACTION:
                chairs_action = True
            case Handling.ANYWAY:
                pass
    return Decision(verb=DecisionVerb(chosen), text=text, chairs_action=chairs_action)


def lost_vote_problem(decision: Decision) -> str | None:
    """Why `decision` cannot stand with its vote: the motion was lost, and its verb
    says something was resolved (None: it can stand)."""
    vote = decision.vote
    if vote is None or not vote.put or vote.carried or decision.verb in AFTER_A_LOST_VOTE:
        return None
    return (
        f"Decision: the motion was {vote.outcome} ({numbers(*vote.totals)}), and a lost motion "
        f"resolves nothing, so it cannot be minuted as {decision.verb.value}: record it as "
        'NOTED ("NOTED: That the motion to ... fell."), or correct the vote'
    )


def lost_motion_minuted(decision: Decision) -> Decision:
    """A lost motion minuted as NOTED or RECEIVED ("NOTED: That the motion to approve
    the plan fell.") is a sentence of its own in both house styles, after the vote's
    sentence: it ends with a full stop where the typed text has none."""
    vote = decision.vote
    if vote is None or not vote.put or vote.carried or decision.verb not in AFTER_A_LOST_VOTE:
        return decision
    text = decision.text.rstrip()
    if not text or text.endswith((".", "!", "?")):
        return decision
    return decision.model_copy(update={"text": f"{text}."})


def declaration_problems(
    declaration: Declaration,
    attendance: Sequence[Attendance],
    agenda: Sequence[int],
    declared: Sequence[Declaration],
    name: str,
) -> list[str]:
    """Why a declaration cannot be recorded as it stands (none: it can)."""
    problems: list[str] = []
    row = next((r for r in attendance if r.person == declaration.person), None)
    if row is None or not row.is_attending:
        problems.append(
            f"Who: {name} is not recorded at this meeting; mark their attendance first (F2)"
        )
    if agenda and declaration.item not in agenda:
        problems.append(f"On item: there is no agenda item {declaration.item}")
    nature = declaration.nature.casefold().strip(". ")
    for other in declared:
        if (
            other.id != declaration.id
            and other.person == declaration.person
            and other.item == declaration.item
            and other.nature.casefold().strip(". ") == nature
        ):
            problems.append(
                f"{name} has already declared that interest on item {declaration.item}; "
                "correct that declaration (F9) rather than declare it again"
            )
    return problems


def action_problems(
    description: str, owner: str | None, due_text: str, meeting_date: date
) -> tuple[list[str], date | None]:
    """What is wrong with an action as typed, and its due date read from the text."""
    problems: list[str] = []
    if not description.strip():
        problems.append("Action: say what is to be done")
    if not owner:
        problems.append("Owner: every action needs an owner")
    due = None
    try:
        due = parse_date(due_text)
    except ValueError as error:
        problems.append(f"Due: {error}")
    if due is not None and due < meeting_date:
        problems.append(
            f"Due: {short_date(due)} is before the meeting ({short_date(meeting_date)})"
        )
    return problems, due
