"""A meeting and what is recorded at it: agenda, attendance, declarations, minutes.

The vocabulary is that of docs/attendance.md, docs/declarations.md and docs/minutes.md.
Agenda items are referred to by their agenda number (1, 2, 3 ...) since that is how the
room speaks of them ("at item 4"); minute numbers (HCP5) are issued separately by the
committee's scheme.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from functools import cached_property

from pydantic import Field, field_validator, model_validator

from minutebook.domain.base import (
    Code,
    DerivingModel,
    DomainModel,
    Name,
    OptionalName,
    blank_to_none,
)
from minutebook.domain.bodies import paragraphs_problem
from minutebook.domain.committee import Membership
from minutebook.domain.dates import clock_time
from minutebook.domain.quorum import Ruling
from minutebook.domain.timeline import Event, EventKind, Timeline, presence_notes
from minutebook.domain.votes import Vote


def _started_time(value: str | None) -> str | None:
    """An item's start, kept to the second ("14:05:09") so that its timer runs true."""
    if value is None or len(value.strip()) != 8:
        return clock_time(value)
    hours, _, seconds = value.strip().rpartition(":")
    if not seconds.isdecimal() or int(seconds) > 59:
        raise ValueError(f"{value!r} is not a time of day")
    return f"{clock_time(hours)}:{seconds}"


class Session(StrEnum):
    PUBLIC = "public"
    PRIVATE = "private"


class MinutesStatus(StrEnum):
    """The lifecycle of a meeting's minutes (docs/lifecycle.md)."""

    DRAFT = "draft"
    CIRCULATED = "circulated"
    APPROVED = "approved"
    SIGNED = "signed"  # signed by the Chair and locked


class Purpose(StrEnum):
    DECISION = "decision"
    DISCUSSION = "discussion"
    INFORMATION = "information"
    PROCEDURAL = "procedural"  # no purpose printed ("-" in seed 003): welcome, AOB


class ItemKind(StrEnum):
    """What a standing item of the agenda is for (docs/agenda.md): live capture offers
    the approval of the previous minutes at the MINUTES item and the review of open
    actions at the MATTERS_ARISING item, wherever the committee puts them."""

    WELCOME = "welcome"  # welcome, introductions and apologies
    DECLARATIONS = "declarations"  # declarations (disclosures) of interest
    MINUTES = "minutes"  # minutes of the previous meeting
    MATTERS_ARISING = "matters_arising"  # matters arising, the action (decision) tracker
    ANY_OTHER_BUSINESS = "any_other_business"
    NEXT_MEETING = "next_meeting"  # date of the next meeting
    OTHER = "other"  # any other item the committee takes at every meeting


class ItemPlace(StrEnum):
    """Where a standing item sits on the agenda (docs/agenda.md)."""

    OPENING = "opening"  # before the meeting's business
    CLOSING = "closing"  # after it


class Capacity(StrEnum):
    """The one capacity in which a person is at a meeting (docs/attendance.md)."""

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
    """Categories of interest; which a committee's members declare depends on the body
    (`domain.interests`, docs/declarations.md)."""

    # The register of an NHS body (seed 003), and of any other body.
    FINANCIAL = "financial"
    NON_FINANCIAL_PROFESSIONAL = "non_financial_professional"
    NON_FINANCIAL_PERSONAL = "non_financial_personal"
    INDIRECT = "indirect"
    # A council's code of conduct (Localism Act 2011 s30; the LGA model code of conduct).
    DISCLOSABLE_PECUNIARY = "disclosable_pecuniary"
    OTHER_REGISTRABLE = "other_registrable"
    NON_REGISTRABLE = "non_registrable"


class DecisionVerb(StrEnum):
    """The fixed vocabulary of decisions (docs/minutes.md)."""

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
    circulated_on: dt.date | None = None
    approved_on: dt.date | None = None
    signed_on: dt.date | None = None
    """Each step of the minutes' lifecycle, dated (docs/lifecycle.md,
    `domain.lifecycle`)."""
    ended_at: str | None = None
    """The clock time the Chair closed the meeting, recorded live ("HH:MM")."""
    planned_end: str | None = None
    """When the meeting is planned to end, as its agenda prints it ("Time: 10:00 to
    12:30", seed 003); None when the secretary does not say."""

    _blank = field_validator("venue", mode="before")(blank_to_none)
    _time = field_validator("time", "ended_at", "planned_end", mode="before")(clock_time)

    @model_validator(mode="after")
    def _approved_after_meeting(self) -> Meeting:
        if self.planned_end and self.time and self.planned_end <= self.time:
            raise ValueError("the meeting is planned to end after it starts")
        if self.approved_on is not None and self.approved_on < self.date:
            raise ValueError("minutes cannot be approved before the meeting took place")
        if self.circulated_on is not None and self.circulated_on < self.date:
            raise ValueError("minutes cannot be circulated before the meeting took place")
        if self.signed_on is not None and self.signed_on < (self.approved_on or self.date):
            raise ValueError("minutes cannot be signed before they are approved")
        return self

    def timed_on(self, today: dt.date) -> bool:
        """Whether what is recorded today carries the clock time: only on the meeting's
        own day. Minuting a meeting on another day (typing up notes afterwards, trying
        the demo) records what happened at which item, but no times (docs/timeline.md)."""
        return today == self.date

    @property
    def is_locked(self) -> bool:
        """Signed minutes are never edited silently (docs/lifecycle.md)."""
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
    exempt_paragraphs: tuple[int, ...] = ()
    """For a principal council's confidential item, the paragraphs of Part 1 of Schedule
    12A that describe its exempt information (1 to 7), named by the resolution excluding
    the press and public (docs/confidentiality.md, `domain.bodies`)."""

    @field_validator("exempt_paragraphs")
    @classmethod
    def _schedule_12a(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        if problem := paragraphs_problem(value):
            raise ValueError(problem)
        return tuple(sorted(set(value)))

    @model_validator(mode="after")
    def _exempt_when_confidential(self) -> AgendaItem:
        if self.exempt_paragraphs and not self.confidential:
            raise ValueError("only a confidential item has a Schedule 12A paragraph")
        return self

    started_at: str | None = None
    """When the item was first taken up in live capture ("14:05:09"): its timer runs from
    then, and a member ruled out for the item left at that time."""
    kind: ItemKind | None = None
    place: ItemPlace | None = None
    """Which standing item it is and where it sits, for an item that came from the
    committee's standing items (docs/agenda.md); None for the business of this meeting."""
    description: str | None = Field(default=None, max_length=2000)
    """The wording under the title on the agenda ("To approve, and the Chair to sign as
    a correct record, the Minutes of the meeting held on 13 June 2023."); a line that
    starts "- " is printed as a bullet."""
    section: OptionalName = None
    """The title of the section of the agenda this item opens ("Opening Actions"),
    printed above it with the section's times (docs/agenda.md)."""
    section_starts: str | None = None
    section_ends: str | None = None
    """The section's times as the secretary plans them ("10:00" to "10:25"); either
    may be left out."""

    _blank = field_validator("lead", "paper", "description", "section", mode="before")(
        blank_to_none
    )
    _started = field_validator("started_at", mode="before")(_started_time)
    _section_times = field_validator("section_starts", "section_ends", mode="before")(clock_time)

    @model_validator(mode="after")
    def _section_band(self) -> AgendaItem:
        if self.section is None and (self.section_starts or self.section_ends):
            raise ValueError("the section's times need the section's title")
        if self.section_starts and self.section_ends and self.section_ends <= self.section_starts:
            raise ValueError("a section ends after it starts")
        return self


class Attendance(DomainModel):
    """One person's place at a meeting: in which capacity, and whether they attend
    (or are expected to), sent apologies or were absent without them.

    When they were in the room is not here: it is the timeline's arrivals and
    departures (`domain.timeline`), so that leaving and coming back, several times, is
    recorded as it happened. A row marked present with no arrival yet is someone
    expected, such as a member who said they would join remotely.
    """

    id: int | None = None
    meeting_id: int | None = None
    person: Code
    capacity: Capacity = Capacity.MEMBER
    status: AttendanceStatus = AttendanceStatus.PRESENT
    mode: Mode = Mode.IN_PERSON
    seats: tuple[Code, ...] = ()
    deputy_for: tuple[Code, ...] = ()
    role: OptionalName = None
    note: OptionalName = None

    _blank = field_validator("role", "note", mode="before")(blank_to_none)

    @model_validator(mode="after")
    def _coherent(self) -> Attendance:
        if self.deputy_for and self.capacity is not Capacity.DEPUTY:
            raise ValueError("only a deputy deputises for a seat")
        if self.capacity is Capacity.DEPUTY and not self.deputy_for:
            raise ValueError("a deputy must say whose seat they are deputising for")
        return self

    @property
    def is_attending(self) -> bool:
        """Attending, or expected to: neither apologies nor absent."""
        return self.status is AttendanceStatus.PRESENT


class Declaration(DomainModel):
    """A declaration of interest on an item and the Chair's ruling (docs/declarations.md).

    A member ruled to leave is out of the room for the whole of the item declared on,
    whenever the declaration was made; when they left and came back is the item's start
    and the next item's, not kept twice."""

    id: int | None = None
    meeting_id: int | None = None
    person: Code
    item: int = Field(ge=1)
    category: InterestCategory = InterestCategory.FINANCIAL
    nature: Name
    ruling: Ruling = Ruling.REMAIN


class DecisionFlag(StrEnum):
    """Why a decision needs a second look in the minutes (docs/quorum.md)."""

    INQUORATE = "inquorate"  # taken while the meeting was inquorate: derived, never stored
    CHAIRS_ACTION = "chairs_action"  # taken by the Chair, reported to the next meeting


class Decision(DomainModel):
    """One numbered point of a decision: "RESOLVED: 1. That ...", stored apart.

    Whether it was taken while the meeting was inquorate is not stored: it follows from
    where it stands in the timeline (`meeting_quorum.decision_flag`). Chair's action is
    a choice made when recording it, and is."""

    id: int | None = None
    verb: DecisionVerb = DecisionVerb.RESOLVED
    text: str = Field(min_length=1)
    chairs_action: bool = False
    position: int | None = Field(default=None, ge=1)
    """Its place among the item's decisions in the order they were recorded, kept when
    an earlier one is deleted: the 2 of "[decision 2]" that places it in the minute's
    body (`domain.minute_body`); None until stored (then its place in the minute's list)."""
    vote: Vote | None = None
    """The vote on it, when one was recorded (`domain.votes`); checked against who may
    vote at its item (`domain.voters`) when recorded."""


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
    shown in the minutes (docs/quorum.md). It stands in for the engine's verdict at the
    opening (item None) or at one item."""

    id: int | None = None
    meeting_id: int | None = None
    item: int | None = Field(default=None, ge=1)
    quorate: bool
    reason: Name = Field(max_length=2000)
    recorded_at: str | None = None

    _time = field_validator("recorded_at", mode="before")(clock_time)


class MeetingRecord(DerivingModel):
    """Everything recorded of one meeting: what exporters and checks work from."""

    meeting: Meeting
    agenda: tuple[AgendaItem, ...] = ()
    attendance: tuple[Attendance, ...] = ()
    declarations: tuple[Declaration, ...] = ()
    minutes: tuple[Minute, ...] = ()
    quorum_rulings: tuple[QuorumRuling, ...] = ()
    events: tuple[Event, ...] = ()
    """The timeline: arrivals, departures, declarations, rulings, decisions, actions
    and every correction, each in its place (docs/timeline.md)."""

    @cached_property
    def timeline(self) -> Timeline:
        return Timeline([item.number for item in self.agenda], self.events)

    def row_of(self, person: str) -> Attendance | None:
        return next((row for row in self.attendance if row.person == person), None)

    def attended(self, row: Attendance) -> bool:
        """Whether this person was in the meeting at some point."""
        return row.is_attending and any(
            mark.kind is EventKind.ARRIVED for mark in self.timeline.marks(row.person)
        )

    def presence_notes(self, person: str) -> list[str]:
        """ "from item 3", "left during item 4 and returned during item 5" (docs/timeline.md)."""
        return presence_notes(self.timeline, person)

    def item(self, number: int) -> AgendaItem | None:
        return next((item for item in self.agenda if item.number == number), None)

    def out_for_item(self, declaration: Declaration) -> tuple[str | None, str | None]:
        """When someone ruled to leave for the item they declared on left and came back:
        the item's start, and the next item's ("HH:MM"; None where not timed)."""
        numbers = [item.number for item in self.agenda]
        if declaration.item not in numbers:
            return None, None
        index = numbers.index(declaration.item)
        following = self.agenda[index + 1] if index + 1 < len(numbers) else None

        def clock(item: AgendaItem | None) -> str | None:
            return item.started_at[:5] if item is not None and item.started_at else None

        return clock(self.agenda[index]), clock(following)

    def problems_with(self, membership: Membership) -> list[str]:
        """What in this record does not fit the committee: unknown people or seats,
        deputies for seats that do not exist, items not on the agenda, impossible
        comings and goings."""
        problems: list[str] = []
        numbers = {item.number for item in self.agenda}
        for row in self.attendance:
            if membership.person(row.person) is None:
                problems.append(f"attendance: {row.person!r} is not a known person")
            for seat in (*row.seats, *row.deputy_for):
                if membership.seat(seat) is None:
                    problems.append(f"attendance of {row.person}: seat {seat!r} does not exist")
        people = [row.person for row in self.attendance]
        for person in dict.fromkeys(p for p in people if people.count(p) > 1):
            problems.append(f"attendance: {person!r} is recorded twice")
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
        problems += self.timeline.problems()
        return problems
