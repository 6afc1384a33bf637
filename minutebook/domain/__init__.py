"""The domain: pure models and rules of committee business, with no I/O.

Everything else in Minutebook (store, exporters, TUI) speaks this vocabulary.

The names below are loaded on first use (PEP 562): importing a light module such as
``minutebook.domain.dates`` must not import every model with it, so that the first screen
is drawn before the models are needed.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from minutebook.domain.actions import Action, ActionStatus, ActionUpdate
    from minutebook.domain.base import error_lines
    from minutebook.domain.committee import (
        Committee,
        HouseStyle,
        Membership,
        NumberingReset,
        NumberingScheme,
        Organisation,
        Person,
        RagPalette,
        Seat,
    )
    from minutebook.domain.meeting import (
        AgendaItem,
        Attendance,
        AttendanceStatus,
        Capacity,
        Decision,
        DecisionVerb,
        Declaration,
        InterestCategory,
        Meeting,
        MeetingRecord,
        Minute,
        MinutesStatus,
        Mode,
        Purpose,
        QuorumRuling,
        Session,
    )
    from minutebook.domain.quorum import Policies, QuorumRule, Ruling, TermsOfReference

__all__ = [
    "Action",
    "ActionStatus",
    "ActionUpdate",
    "AgendaItem",
    "Attendance",
    "AttendanceStatus",
    "Capacity",
    "Committee",
    "Decision",
    "DecisionVerb",
    "Declaration",
    "HouseStyle",
    "InterestCategory",
    "Meeting",
    "MeetingRecord",
    "Membership",
    "Minute",
    "MinutesStatus",
    "Mode",
    "NumberingReset",
    "NumberingScheme",
    "Organisation",
    "Person",
    "Policies",
    "Purpose",
    "QuorumRule",
    "QuorumRuling",
    "RagPalette",
    "Ruling",
    "Seat",
    "Session",
    "TermsOfReference",
    "error_lines",
]

_MODULES = ("actions", "base", "committee", "meeting", "quorum")
"""Where the names above live; each is imported when one of its names is first used."""


def __getattr__(name: str) -> Any:
    if name in __all__:
        for module in _MODULES:
            value = getattr(importlib.import_module(f"{__name__}.{module}"), name, None)
            if value is not None:
                globals()[name] = value
                return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
