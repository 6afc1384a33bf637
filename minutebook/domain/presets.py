"""Ready-made quorum rules for the kinds of body Minutebook serves.

A secretary setting up a committee starts from the preset nearest its terms of
reference and adjusts; each preset says in words what it means, and sets the policies
such bodies usually have (a council committee does not count remote members, after
Hertfordshire CC v SSHCLG [2021] EWHC 1093 (Admin); NHS boards usually do).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Preset:
    key: str
    label: str
    wording: str
    requirement: dict[str, Any]
    policies: dict[str, Any]


PRESETS: tuple[Preset, ...] = (
    Preset(
        "council_quarter",
        "Council committee: one quarter of members",
        "The quorum shall be one quarter of the whole number of members of the committee.",
        {"fraction": {"num": 1, "den": 4, "rounding": "ceil"}},
        {"remote": {"counts": False}, "deputies": {"allowed": "named"}},
    ),
    Preset(
        "parish_third",
        "Parish council: one third, never fewer than three",
        "The quorum shall be one third of the members of the council, and in no case "
        "fewer than three.",
        {"fraction": {"num": 1, "den": 3, "rounding": "ceil", "min": 3}},
        {"remote": {"counts": False}},
    ),
    Preset(
        "majority",
        "Majority of members",
        "The quorum shall be a majority of the voting members.",
        {"fraction": {"num": 1, "den": 2, "rounding": "floor", "plus": 1}},
        {},
    ),
    Preset(
        "chair_and_organisations",
        "Chair or Vice Chair and half of the organisations",
        "For a meeting to be quorate a minimum of the Chair/Vice Chair and 50% of the "
        "member organisations must be represented.",
        {
            "all": [
                {"role": {"any_tags": ["chair", "vice_chair"], "min": 1}},
                {"org_coverage": {"num": 1, "den": 2, "rounding": "ceil"}},
            ]
        },
        {"remote": {"counts": True}},
    ),
    Preset(
        "icb_board",
        "NHS board: majority with Chair/Vice Chair, an executive and a non-executive",
        "The quorum shall be a majority of voting members, including the Chair or Vice "
        "Chair, at least one executive member and at least one non-executive member.",
        {
            "all": [
                {"fraction": {"num": 1, "den": 2, "rounding": "floor", "plus": 1}},
                {"role": {"any_tags": ["chair", "vice_chair"], "min": 1}},
                {"role": {"any_tags": ["executive"], "min": 1}},
                {"role": {"any_tags": ["non_executive"], "min": 1}},
            ]
        },
        {
            "remote": {"counts": True},
            "counting": {"single_capacity": True},
            "deputies": {"allowed": "named"},
        },
    ),
    Preset(
        "fixed_three",
        "A fixed number: three members",
        "The quorum shall be three members.",
        {"count": {"min": 3}},
        {},
    ),
)


def preset(key: str) -> Preset:
    for one in PRESETS:
        if one.key == key:
            return one
    raise KeyError(key)
