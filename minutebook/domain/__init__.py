"""The domain: pure models and rules of committee business, with no I/O.

Everything else in Minutebook (store, exporters, TUI) speaks this vocabulary.
"""

from __future__ import annotations

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
