"""The vote fields of the live decision form (F3): the numbers for, against and
abstaining, who proposed and seconded the motion, the Chair's casting vote and a named
(recorded) vote typed as the minutes print it. All are optional; the capture service
reads and checks them (`application.voting`)."""

from __future__ import annotations

from typing import Any

from minutebook.application.capture import MeetingCapture
from minutebook.application.voting import CASTING_CHOICES, COUNT_FIELDS, voter_choices
from minutebook.tui.widgets.form import FormField

VOTE_KEYS = (*(key for key, _ in COUNT_FIELDS), "proposer", "seconder", "casting", "named")


def vote_fields(capture: MeetingCapture, item: int) -> list[FormField]:
    """The fields, after the decision's own: one row each, so the form stays on an
    80x24 screen (its fields scroll)."""
    people = voter_choices(capture, item)
    return [
        *(FormField(key, label, placeholder="optional") for key, label in COUNT_FIELDS),
        FormField("proposer", "Proposed by", "select", options=people),
        FormField("seconder", "Seconded by", "select", options=people),
        FormField("casting", "Casting vote", "select", options=CASTING_CHOICES),
        # One line, groups apart by ";": a box of several lines would push the form
        # off an 80x24 screen while inquorate (the handling row and a longer hint).
        FormField("named", "Named vote", placeholder="For: Marland, Hopkins; Against: Head"),
    ]


def vote_values(values: dict[str, Any]) -> dict[str, Any]:
    """What the form holds of the vote, for the capture service."""
    return {key: values.get(key) for key in VOTE_KEYS}
