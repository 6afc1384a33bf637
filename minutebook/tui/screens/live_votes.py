"""Votes in live capture: the vote fields of the decision form (F3) and of its correction
(F9) — the numbers for, against and abstaining, who proposed and seconded the motion,
the Chair's casting vote and a named (recorded) vote typed as the minutes print it, all
optional, read and checked by the capture service (`application.voting`) — and the
record panel's lines for an item's decisions, each with its vote in the minutes' words
(`domain.votes.minute_sentences`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from minutebook.application.capture import MeetingCapture
from minutebook.application.voting import (
    CASTING_CHOICES,
    COUNT_FIELDS,
    form_values,
    voter_choices,
)
from minutebook.domain.committee import Person
from minutebook.domain.decision_wording import named_vote_example
from minutebook.domain.labels import DecisionLabeller, verb_heading
from minutebook.domain.meeting import Decision, DecisionFlag
from minutebook.domain.minute_layout import item_labels
from minutebook.domain.votes import minute_sentences
from minutebook.tui.widgets.form import FormField

VOTE_KEYS = (*(key for key, _ in COUNT_FIELDS), "proposer", "seconder", "casting", "named")

FLAG_WORDS = {
    DecisionFlag.INQUORATE: "  [taken while inquorate]",
    DecisionFlag.CHAIRS_ACTION: "  [Chair's action]",
}


def vote_fields(
    capture: MeetingCapture, item: int, decision: Decision | None = None
) -> list[FormField]:
    """The fields, after the decision's own: one row each, so the form stays on an
    80x24 screen (its fields scroll). Proposer and seconder are chosen among those who
    may vote at the item (where `decision`, one being corrected, stands); a corrected
    vote's own proposer and seconder stay offered, so that the check says why they may
    not be there rather than the form losing them."""
    people = voter_choices(capture, item, decision)
    vote = decision.vote if decision is not None else None
    offered = {value for _, value in people}
    for person in (vote.proposer, vote.seconder) if vote is not None else ():
        if person is not None and person not in offered:
            people.append((capture.name(person), person))
            offered.add(person)
    return [
        *(FormField(key, label, placeholder="optional") for key, label in COUNT_FIELDS),
        FormField("proposer", "Proposed by", "select", options=people),
        FormField("seconder", "Seconded by", "select", options=people),
        FormField("casting", "Casting vote", "select", options=CASTING_CHOICES),
        # One line, groups apart by ";": a box of several lines would push the form
        # off an 80x24 screen while inquorate (the handling row and a longer hint).
        FormField("named", "Named vote", placeholder=named_vote_example(members(capture))),
    ]


def members(capture: MeetingCapture) -> list[Person]:
    """The committee's voting members by seat, for the named vote's example."""
    holders = [s.holder for s in capture.seats if s.voting and s.is_current and s.holder]
    return [capture.people[h] for h in holders if h in capture.people]


def stored_vote(capture: MeetingCapture, decision: Decision) -> dict[str, Any]:
    """The decision's vote as its fields show it, to be corrected. A vote keeps a
    count not given as 0 (`Vote.abstentions` defaults to it) and the minutes print no
    "0 abstentions": the field stays blank rather than show a number nobody typed."""
    values = dict(form_values(capture, decision.vote))
    if values.get("abstentions") == "0":
        values["abstentions"] = ""
    return values


def vote_values(values: dict[str, Any]) -> dict[str, Any]:
    """What the form holds of the vote, for the capture service."""
    return {key: values.get(key) for key in VOTE_KEYS}


def decision_lines(capture: MeetingCapture, decisions: Sequence[Decision], item: int) -> list[str]:
    """The record panel's lines for an item's decisions: under each verb, its points
    labelled as the minutes label them (`domain.labels`: "(b)" lettered through the
    meeting, "1." numbered within the item, none for a lone point or an NHS sentence)
    with their flag and their line in the minute ("[decision 2]"), each vote under its
    point in the words the minutes give it."""
    labels = DecisionLabeller.of(capture.committee)
    item_labels(capture.record.minutes, labels, item)
    lines: list[str] = []
    for verb in dict.fromkeys(d.verb for d in decisions):
        points = [(d, labels.label(d)) for d in decisions if d.verb is verb]
        lines.append(verb_heading(verb.value, lone=len(points) == 1 and points[0][1] is None))
        for decision, label in points:
            flag = capture.flag(decision, item)
            flagged = f"{decision.text}{FLAG_WORDS.get(flag, '') if flag else ''}"
            mark = f"{label.text} " if label else ""
            lines.append(f"  {mark}{flagged}  [decision {decision.position}]")
            if decision.vote is not None:
                words = minute_sentences(decision.vote, capture.name)
                lines.append(f"     {' '.join(words)}")
    return lines
