"""The vote on a decision as the live decision form gives it: the numbers typed, the
proposer, seconder and Chair's casting vote chosen, read into a `Vote` and checked
against who may vote at the item (`domain.voters`) before anything is stored."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from minutebook.domain.base import Refused, error_lines
from minutebook.domain.voters import Voters, check_vote, voters_at
from minutebook.domain.votes import Choice, Vote

if TYPE_CHECKING:
    from minutebook.application.capture import MeetingCapture

COUNT_FIELDS = (
    ("in_favour", "Votes for"),
    ("against", "Votes against"),
    ("abstentions", "Abstentions"),
)
"""The form's number fields, and the labels a message names them by."""

CASTING_CHOICES = [
    ("for the motion", Choice.FOR.value),
    ("against the motion", Choice.AGAINST.value),
]


def voters(capture: MeetingCapture, item: int) -> Voters:
    """Who may vote at `item` now: where a decision recorded there next would stand."""
    quorum = capture.quorum
    present = quorum.present_at(quorum.timeline.now_at(item))
    organisations = capture.store.organisations(capture.meeting.committee)
    return voters_at(capture.record, capture.terms, capture.seats, organisations, item, present)


def voter_choices(capture: MeetingCapture, item: int) -> list[tuple[str, str]]:
    """Those who may propose or second a motion at `item`, by name."""
    return sorted((capture.name(p), p) for p in voters(capture, item).entitled)


def vote_from(capture: MeetingCapture, item: int, values: Mapping[str, Any]) -> Vote | None:
    """The vote the form gives, checked against who may vote at `item`; None when none
    of its fields was filled in. `Refused`, naming the field or the item and the
    numbers, when it cannot stand."""
    counts: dict[str, int] = {}
    for key, label in COUNT_FIELDS:
        typed = str(values.get(key) or "").strip()
        if not typed:
            continue
        if not typed.isdigit():
            raise Refused(f"{label}: a number of votes, such as 7 (not {typed!r})")
        counts[key] = int(typed)
    people = {key: values.get(key) or None for key in ("proposer", "seconder", "casting")}
    if not counts and not any(people.values()):
        return None
    try:
        vote = Vote.model_validate(counts | people)
    except ValidationError as error:
        raise Refused("; ".join(error_lines(error))) from None
    check_vote(vote, voters(capture, item), f"item {item}", capture.name)
    return vote
