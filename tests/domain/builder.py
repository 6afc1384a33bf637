"""A meeting built in memory, key by key, the way live capture builds it in the store:
each mark goes through `plan_mark`, each record gets its event in the timeline."""

from __future__ import annotations

from datetime import date
from typing import Any

from minutebook.domain.committee import Seat
from minutebook.domain.meeting import (
    AgendaItem,
    Attendance,
    Decision,
    DecisionVerb,
    Declaration,
    Meeting,
    MeetingRecord,
    Minute,
    QuorumRuling,
)
from minutebook.domain.meeting_quorum import MeetingQuorum
from minutebook.domain.quorum import QuorumRule, Ruling, TermsOfReference
from minutebook.domain.room import Mark, Room, RoomChange, plan_mark
from minutebook.domain.timeline import Event, EventKind, Phase

DAY = date(2023, 9, 20)


def terms(requirement: dict[str, Any], **policies: Any) -> TermsOfReference:
    return TermsOfReference(
        version=1,
        adopted=date(2020, 1, 1),
        quorum=QuorumRule.model_validate({"requirement": requirement, "policies": policies}),
    )


def seats(count: int) -> list[Seat]:
    return [Seat(id=f"S{i}", title=f"Seat {i}", holder=f"p{i}") for i in range(1, count + 1)]


class Builder:
    """One meeting of `items` agenda items with members p1..pN in seats S1..SN."""

    def __init__(
        self,
        members: int = 5,
        items: int = 6,
        tor: TermsOfReference | None = None,
        confidential: tuple[int, ...] = (),
    ) -> None:
        self.seats = seats(members)
        self.terms = tor or terms({"count": {"min": 3}})
        self.agenda = [
            AgendaItem(
                number=n,
                title=f"Item {n}",
                confidential=n in confidential,
                started_at=f"14:{n:02d}:00",
            )
            for n in range(1, items + 1)
        ]
        self.attendance: list[Attendance] = []
        self.events: list[Event] = []
        self.declarations: list[Declaration] = []
        self.rulings: list[QuorumRuling] = []
        self.minutes: dict[int, Minute] = {}
        self.item = 1
        self.clock = "14:00"
        self._ids = 0

    def _id(self) -> int:
        self._ids += 1
        return self._ids

    def at(self, item: int, clock: str | None = None) -> Builder:
        """The meeting moves to `item` (the secretary presses F8)."""
        self.item = item
        if clock:
            self.clock = clock
        return self

    @property
    def record(self) -> MeetingRecord:
        return MeetingRecord(
            meeting=Meeting(id=1, committee="X", date=DAY, ended_at=None),
            agenda=tuple(self.agenda),
            attendance=tuple(self.attendance),
            declarations=tuple(self.declarations),
            minutes=tuple(self.minutes[n] for n in sorted(self.minutes)),
            quorum_rulings=tuple(self.rulings),
            events=tuple(self.events),
        )

    def quorum(self) -> MeetingQuorum:
        return MeetingQuorum(self.record, self.terms, self.seats, [])

    def room(self, live_item: int | None = None) -> Room:
        record = self.record
        return Room(
            record.timeline,
            record.attendance,
            seats_held=lambda p: tuple(s.id for s in self.seats if s.holder == p),
            clock=self.clock,
            live_item=live_item or self.item,
        )

    def apply(self, change: RoomChange) -> RoomChange:
        for event in change.add:
            self.events.append(event.model_copy(update={"id": self._id()}))
        for ref in change.withdraw:
            self.events.append(Event(id=self._id(), kind=EventKind.WITHDRAWN, ref=ref))
        if change.row is not None or change.remove_row:
            self.attendance = [r for r in self.attendance if r.person != change.person]
            if change.row is not None:
                self.attendance.append(change.row)
        return change

    def mark(self, person: str, mark: Mark | str, *, confirmed: bool = False) -> RoomChange:
        change = plan_mark(self.room(), person, Mark(mark), self.item, confirmed=confirmed)
        if change.needs_answer:
            return change
        return self.apply(change)

    def roll(self, *people: str) -> Builder:
        for person in people:
            self.mark(person, Mark.PRESENT)
        return self

    def declare(self, person: str, item: int, ruling: Ruling) -> Declaration:
        declaration = Declaration(
            id=self._id(), person=person, item=item, nature="an interest", ruling=ruling
        )
        self.declarations.append(declaration)
        self.events.append(
            Event(
                id=self._id(),
                kind=EventKind.DECLARED,
                item=self.item,
                person=person,
                ref=declaration.id,
            )
        )
        return declaration

    def rule(self, quorate: bool, reason: str = "as the Chair reads the terms") -> QuorumRuling:
        ruling = QuorumRuling(
            id=self._id(), item=self.item, quorate=quorate, reason=reason, recorded_at=self.clock
        )
        self.rulings.append(ruling)
        self.events.append(
            Event(id=self._id(), kind=EventKind.RULED, item=self.item, ref=ruling.id, at=self.clock)
        )
        return ruling

    def decide(
        self,
        text: str = "That the report be approved.",
        verb: DecisionVerb = DecisionVerb.RESOLVED,
        chairs_action: bool = False,
    ) -> Decision:
        decision = Decision(id=self._id(), verb=verb, text=text, chairs_action=chairs_action)
        minute = self.minutes.get(self.item, Minute(item=self.item, narrative="Discussed."))
        self.minutes[self.item] = minute.model_copy(
            update={"decisions": (*minute.decisions, decision)}
        )
        self.events.append(
            Event(
                id=self._id(),
                kind=EventKind.DECIDED,
                item=self.item,
                ref=decision.id,
                at=self.clock,
            )
        )
        return decision

    def note(self, text: str = "Discussed.") -> None:
        minute = self.minutes.get(self.item, Minute(item=self.item))
        self.minutes[self.item] = minute.model_copy(update={"narrative": text})

    def span(self, person: str, first: int | None, last: int | None) -> None:
        """Someone present from the start of `first` to the end of `last` (a meeting file)."""
        self.attendance.append(Attendance(person=person))
        self.events.append(
            Event(
                id=self._id(), kind=EventKind.ARRIVED, person=person, item=first, phase=Phase.START
            )
        )
        if last is not None:
            self.events.append(
                Event(id=self._id(), kind=EventKind.LEFT, person=person, item=last, phase=Phase.END)
            )
