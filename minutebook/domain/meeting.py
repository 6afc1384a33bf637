"""A meeting and what is recorded at it: agenda, attendance, declarations, minutes.

The vocabulary follows DOMAIN.md sections 1, 3 and 4. Agenda items are referred to by
their agenda number (1, 2, 3 ...) since that is how the room speaks of them ("at item
4"); minute numbers (HCP5) are issued separately by the committee's scheme.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from enum import StrEnum

from pydantic import Field, field_validator, model_validator

from minutebook.domain.base import Code, DomainModel, Name, OptionalName, blank_to_none
from minutebook.domain.committee import Membership
from minutebook.domain.quorum import Ruling

_CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def _clock_time(value: str | None) -> str | None:
    """Accept "9:30", "0930" or "09:30"; store "09:30"."""
    if value is None:
        return None
    text = value.strip().lower().replace(".", ":").replace(" ", "")
    if not text:
        return None
    if text.endswith(("am", "pm")):
        # "2pm", "2:30pm", "12am": agendas are often written this way.
        hour_text, _, minute_text = text[:-2].partition(":")
        if hour_text.isdigit() and (not minute_text or minute_text.isdigit()):
            hour, minute = int(hour_text), int(minute_text or 0)
            if 1 <= hour <= 12 and minute < 60:
                hour = hour % 12 + (12 if text.endswith("pm") else 0)
                return f"{hour:02d}:{minute:02d}"
        raise ValueError(f"{value!r} is not a time of day; use HH:MM, e.g. 14:30")
    if ":" not in text and text.isdigit() and len(text) in (3, 4):
        text = f"{text[:-2]}:{text[-2:]}"
    if len(text) == 4 and text[1] == ":":
        text = "0" + text
    if not _CLOCK.match(text):
        raise ValueError(f"{value!r} is not a time of day; use HH:MM, e.g. 14:30")
    return text


class Session(StrEnum):
    PUBLIC = "public"
    PRIVATE = "private"


class MinutesStatus(StrEnum):
    """The lifecycle of a meeting's minutes (DOMAIN.md 4.4)."""

    DRAFT = "draft"
    CIRCULATED = "circulated"
    APPROVED = "approved"
    SIGNED = "signed"  # signed by the Chair and locked


class Purpose(StrEnum):
    DECISION = "decision"
    DISCUSSION = "discussion"
    INFORMATION = "information"


class Capacity(StrEnum):
    """The one capacity in which a person is at a meeting (DOMAIN.md 1)."""

    MEMBER = "member"
    PARTICIPANT = "participant"  # non-voting member
    DEPUTY = "deputy"
    OFFICER = "officer"  # in attendance
    OBSERVER = "observer"
    MINUTE_TAKER = "minute_taker"


class AttendanceStatus(StrEnum):
    PRESENT = "present"
    APOLOGIES = "apologies"
    ABSENT = "absent"  # no apologies given


class Mode(StrEnum):
    IN_PERSON = "in_person"
    REMOTE = "remote"
    TELEPHONE = "telephone"


class InterestCategory(StrEnum):
    """Categories of the register of interests (seed 003)."""

    FINANCIAL = "financial"
    NON_FINANCIAL_PROFESSIONAL = "non_financial_professional"
    NON_FINANCIAL_PERSONAL = "non_financial_personal"
    INDIRECT = "indirect"


class DecisionVerb(StrEnum):
    """The fixed vocabulary of decisions (DOMAIN.md 4.2)."""

    RESOLVED = "RESOLVED"
    RECOMMENDED = "RECOMMENDED"
    AGREED = "AGREED"
    APPROVED = "APPROVED"
    NOTED = "NOTED"
    RECEIVED = "RECEIVED"
    RATIFIED = "RATIFIED"
    ENDORSED = "ENDORSED"
    DEFERRED = "DEFERRED"
    REFERRED = "REFERRED"


class Meeting(DomainModel):
    """One meeting of a committee."""

    id: int | None = None
    committee: Code
    date: dt.date
    time: str | None = None
    venue: OptionalName = None
    session: Session = Session.PUBLIC
    status: MinutesStatus = MinutesStatus.DRAFT
    approved_on: dt.date | None = None
    ended_at: str | None = None
    """The clock time the Chair closed the meeting, recorded live ("HH:MM")."""

    _blank = field_validator("venue", mode="before")(blank_to_none)
    _time = field_validator("time", "ended_at", mode="before")(_clock_time)

    @model_validator(mode="after")
    def _approved_after_meeting(self) -> Meeting:
        if self.approved_on is not None and self.approved_on < self.date:
            raise ValueError("minutes cannot be approved before the meeting took place")
        return self

    @property
    def is_locked(self) -> bool:
        """Signed minutes are never edited silently (DOMAIN.md 4.4)."""
        return self.status is MinutesStatus.SIGNED


class AgendaItem(DomainModel):
    """A numbered item on a meeting's agenda."""

    id: int | None = None
    meeting_id: int | None = None
    number: int = Field(ge=1)
    title: Name
    lead: OptionalName = None
    purpose: Purpose = Purpose.INFORMATION
    planned_minutes: int | None = Field(default=None, ge=1, le=600)
    confidential: bool = False
    paper: OptionalName = None

    _blank = field_validator("lead", "paper", mode="before")(blank_to_none)


class Attendance(DomainModel):
    """One person's attendance at a meeting, in one capacity."""

    id: int | None = None
    meeting_id: int | None = None
    person: Code
    capacity: Capacity = Capacity.MEMBER
    status: AttendanceStatus = AttendanceStatus.PRESENT
    mode: Mode = Mode.IN_PERSON
    seats: tuple[Code, ...] = ()
    deputy_for: tuple[Code, ...] = ()
    role: OptionalName = None
    from_item: int | None = Field(default=None, ge=1)
    to_item: int | None = Field(default=None, ge=1)
    arrived_at: str | None = None
    left_at: str | None = None
    note: OptionalName = None

    _blank = field_validator("role", "note", mode="before")(blank_to_none)
    _times = field_validator("arrived_at", "left_at", mode="before")(_clock_time)

    @model_validator(mode="after")
    def _coherent(self) -> Attendance:
        if self.deputy_for and self.capacity is not Capacity.DEPUTY:
            raise ValueError("only a deputy deputises for a seat")
        if self.capacity is Capacity.DEPUTY and not self.deputy_for:
            raise ValueError("a deputy must say whose seat they are deputising for")
        if self.from_item and self.to_item and self.to_item < self.from_item:
            raise ValueError(f"leaves at item {self.to_item} before arriving at {self.from_item}")
        return self

    @property
    def is_present(self) -> bool:
        return self.status is AttendanceStatus.PRESENT

    def present_at(self, item: int) -> bool:
        """Whether this person is in the meeting during agenda item `item`."""
        if not self.is_present:
            return False
        if self.from_item is not None and item < self.from_item:
            return False
        return self.to_item is None or item <= self.to_item


def arrival_item(agenda: Sequence[int], current: int | None, started: bool) -> int | None:
    """The item at which someone arriving now is minuted as arriving ("from item 3"):
    the current one once the meeting is past its first item. Arriving before the
    meeting starts, or while its first item is taken, is the roll: present throughout."""
    if not started or current is None or (agenda and current == agenda[0]):
        return None
    return current


def last_item_present(
    agenda: Sequence[int], current: int | None, from_item: int | None
) -> int | None:
    """The last item someone leaving now was there for ("left after item 6"). Leaving
    while item 7 is taken, they take no part in its decisions, so it is item 6; it is
    the current item itself only if they arrived during it or it is the first (there
    is no earlier item to end at). With no current item, the last on the agenda."""
    if current is None:
        return agenda[-1] if agenda else None
    before = [n for n in agenda if n < current and (from_item is None or n >= from_item)]
    return before[-1] if before else current


class Declaration(DomainModel):
    """A declaration of interest on an item and the Chair's ruling (DOMAIN.md 3)."""

    id: int | None = None
    meeting_id: int | None = None
    person: Code
    item: int = Field(ge=1)
    category: InterestCategory = InterestCategory.FINANCIAL
    nature: Name
    ruling: Ruling = Ruling.REMAIN
    left_at: str | None = None
    returned_at: str | None = None

    _times = field_validator("left_at", "returned_at", mode="before")(_clock_time)


class DecisionFlag(StrEnum):
    """Why a decision needs a second look in the minutes (DOMAIN.md 2.3)."""

    INQUORATE = "inquorate"  # recorded although the meeting was inquorate
    CHAIRS_ACTION = "chairs_action"  # taken by the Chair, reported to the next meeting


class Decision(DomainModel):
    """One numbered point of a decision: "RESOLVED: 1. That ...", stored apart."""

    id: int | None = None
    verb: DecisionVerb = DecisionVerb.RESOLVED
    text: str = Field(min_length=1)
    flag: DecisionFlag | None = None


class Minute(DomainModel):
    """The minute of one agenda item: its number, narrative and decisions."""

    id: int | None = None
    meeting_id: int | None = None
    item: int = Field(ge=1)
    number: OptionalName = None
    heading: OptionalName = None
    narrative: str = ""
    decisions: tuple[Decision, ...] = ()


class QuorumRuling(DomainModel):
    """The Chair's ruling on an ambiguity in the quorum, recorded with its reason and
    shown in the minutes (DOMAIN.md 2.3). It stands in for the engine's verdict at the
    opening (item None) or at one item."""

    id: int | None = None
    meeting_id: int | None = None
    item: int | None = Field(default=None, ge=1)
    quorate: bool
    reason: Name = Field(max_length=2000)
    recorded_at: str | None = None

    _time = field_validator("recorded_at", mode="before")(_clock_time)


class MeetingRecord(DomainModel):
    """Everything recorded of one meeting: what exporters and checks work from."""

    meeting: Meeting
    agenda: tuple[AgendaItem, ...] = ()
    attendance: tuple[Attendance, ...] = ()
    declarations: tuple[Declaration, ...] = ()
    minutes: tuple[Minute, ...] = ()
    quorum_rulings: tuple[QuorumRuling, ...] = ()

    def problems_with(self, membership: Membership) -> list[str]:
        """What in this record does not fit the committee: unknown people or seats,
        deputies for seats that do not exist, items not on the agenda."""
        problems: list[str] = []
        numbers = {item.number for item in self.agenda}
        for row in self.attendance:
            if membership.person(row.person) is None:
                problems.append(f"attendance: {row.person!r} is not a known person")
            for seat in (*row.seats, *row.deputy_for):
                if membership.seat(seat) is None:
                    problems.append(f"attendance of {row.person}: seat {seat!r} does not exist")
            for item in (row.from_item, row.to_item):
                if item is not None and numbers and item not in numbers:
                    problems.append(f"attendance of {row.person}: no agenda item {item}")
        for declaration in self.declarations:
            if membership.person(declaration.person) is None:
                problems.append(f"declaration: {declaration.person!r} is not a known person")
            if numbers and declaration.item not in numbers:
                problems.append(
                    f"declaration by {declaration.person}: no agenda item {declaration.item}"
                )
        for minute in self.minutes:
            if numbers and minute.item not in numbers:
                problems.append(f"minute {minute.number or ''}: no agenda item {minute.item}")
        return problems
