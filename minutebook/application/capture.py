"""Live capture of one meeting: what the secretary asks for, checked by the domain's
rules and stored (docs/architecture.md).

The live screen holds no rule of its own. It calls `MeetingCapture` with the secretary's
intent (this person is present, this decision was taken, go to item 5) and shows the
answer. `MeetingCapture` reads the meeting once, asks the domain (`room`, `recording`,
`meeting_quorum`) whether and how the record changes, has the store write it in one
transaction, and reads the meeting again: one set of queries per change, not one per
row on the screen.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from minutebook.application.voting import vote_from
from minutebook.domain.actions import Action
from minutebook.domain.base import Refused, sentence
from minutebook.domain.committee import Committee, Person, Seat
from minutebook.domain.interests import (
    INTEREST_LABELS,
    category_problem,
    interest_categories,
    offered_categories,
)
from minutebook.domain.lifecycle import locked_message
from minutebook.domain.meeting import (
    AgendaItem,
    Attendance,
    Capacity,
    Decision,
    DecisionFlag,
    Declaration,
    InterestCategory,
    Meeting,
    MeetingRecord,
    Minute,
    Mode,
    QuorumRuling,
)
from minutebook.domain.meeting_quorum import MeetingQuorum, QuorumState
from minutebook.domain.quorum import Ruling, TermsOfReference
from minutebook.domain.recording import (
    action_problems,
    chosen_ruling,
    decision_from,
    declaration_problems,
    item_problem,
    lost_motion_minuted,
    lost_vote_problem,
)
from minutebook.domain.room import Mark, Room, deputy_problem, plan_mark, room_status
from minutebook.domain.snapshot import people_named
from minutebook.domain.timeline import Event, EventKind, Phase
from minutebook.store.minutes import IssuedNumber

if TYPE_CHECKING:
    from minutebook.store import Store

Clock = Callable[[], datetime]

NOT_MARKED = "—"
"""The status of a member whose attendance is not yet recorded."""


@dataclass(frozen=True)
class RoomRow:
    """One line of the attendance view: a person and where they stand at the item."""

    key: str  # person id
    name: str
    capacity: str
    status: str
    detail: str


@dataclass(frozen=True)
class MarkResult:
    """What a mark did: `question` to ask (the same mark again confirms), or `said`."""

    question: str = ""
    said: str = ""


@dataclass(frozen=True)
class RecordLine:
    """A decision, action, declaration or ruling of the meeting, live or deleted, as the
    F9 list shows it."""

    kind: str  # "decision", "action", "declaration", "ruling"
    row_id: int
    item: int | None
    text: str
    deleted: bool


class MeetingCapture:
    """One meeting being minuted: its record, its quorum, and every change to it."""

    def __init__(self, store: Store, meeting_id: int, clock: Clock) -> None:
        self.store = store
        self.meeting_id = meeting_id
        self.clock = clock
        self.meeting: Meeting = store.meeting(meeting_id)
        self.committee: Committee = store.committee(self.meeting.committee)
        self.terms: TermsOfReference | None = store.terms_in_force(
            self.meeting.committee, self.meeting.date
        )
        self.refresh()

    # -- reading the meeting ----------------------------------------------------------

    def refresh(self) -> None:
        """Read the meeting again after a change (one query per table)."""
        store = self.store
        self.record: MeetingRecord = store.meeting_record(self.meeting_id)
        self.meeting = self.record.meeting
        self.seats: list[Seat] = store.seats(self.meeting.committee)
        self.actions: list[Action] = store.meeting_actions(self.meeting)
        # The people this meeting names, by id: not every person the file keeps for its
        # other committees, read again after every change and item taken up.
        named = people_named(self.record, self.actions, seats=self.seats)
        self.people: dict[str, Person] = {p.id: p for p in store.people(named)}
        self.quorum = MeetingQuorum(
            self.record, self.terms, self.seats, store.organisations(self.meeting.committee)
        )

    @property
    def agenda(self) -> tuple[AgendaItem, ...]:
        return self.record.agenda

    @property
    def numbers(self) -> list[int]:
        return [item.number for item in self.agenda]

    def item(self, number: int | None) -> AgendaItem | None:
        return self.record.item(number) if number is not None else None

    def minute(self, number: int | None) -> Minute | None:
        return next((m for m in self.record.minutes if m.item == number), None)

    def name(self, person: str) -> str:
        found = self.people.get(person)
        if found is None:
            # Someone the meeting's record does not name (the owner of a deleted action,
            # a person in the register): read alone, once.
            known = self.store.people([person])
            if known:
                found = self.people[person] = known[0]
        return found.display_name if found else person

    def now(self, seconds: bool = False) -> str:
        return self.clock().strftime("%H:%M:%S" if seconds else "%H:%M")

    def stamp(self) -> str:
        """The time of a change, for the audit trail."""
        return self.clock().isoformat(timespec="seconds")

    @property
    def locked(self) -> bool:
        return self.meeting.is_locked

    @property
    def locked_words(self) -> str:
        """What every change refused on signed minutes says: the database's words."""
        return sentence(locked_message(self.meeting))

    # -- where the meeting has got to -------------------------------------------------

    @property
    def on_the_day(self) -> bool:
        """Live on the meeting's own day: what is recorded carries the clock time."""
        return self.meeting.timed_on(self.clock().date())

    def resume_item(self) -> int | None:
        """Where to pick up: the furthest item taken, else the first."""
        return self.live_item() or (self.numbers[0] if self.numbers else None)

    def live_item(self) -> int | None:
        """The furthest item on the agenda the meeting has taken up. Something recorded
        at an earlier one is a late record: it takes its place in that item, without
        the clock time (which would be the time of writing, not of what happened)."""
        taken = [item.number for item in self.agenda if item.started_at]
        return taken[-1] if taken else None

    def take_up(self, number: int) -> None:
        """The meeting is at item `number`: its start is timed the first time."""
        item = self.item(number)
        if item is None or item.id is None or item.started_at or self.locked:
            return
        if not self.on_the_day:  # not live: there is no time to give it
            return
        self.store.start_item(item.id, self.now(seconds=True))
        self.refresh()

    # -- the quorum -------------------------------------------------------------------

    def quorum_at(self, item: int | None) -> QuorumState:
        """The quorum at an item as it stands now (the top line, the decision guard)."""
        return self.quorum.at_item(item)

    def flag(self, decision: Decision, item: int) -> DecisionFlag | None:
        return self.quorum.flag(decision, item)

    def rule_on_quorum(self, item: int | None, quorate: bool, reason: str) -> QuorumRuling:
        ruling = QuorumRuling.model_validate(
            {"item": item, "quorate": quorate, "reason": reason, "recorded_at": self._time_at(item)}
        )
        saved = self.store.add_quorum_ruling(self.meeting_id, ruling, self.stamp())
        self.refresh()
        return saved

    # -- the room ---------------------------------------------------------------------

    def _room(self) -> Room:
        holders: dict[str, tuple[str, ...]] = {}
        for seat in self.seats:
            if seat.holder:
                holders[seat.holder] = (*holders.get(seat.holder, ()), seat.id)
        return Room(
            self.record.timeline,
            self.record.attendance,
            seats_held=lambda person: holders.get(person, ()),
            name=self.name,
            clock=self.now() if self.on_the_day else None,
            live_item=self.live_item(),
        )

    def mark(
        self, person: str, mark: Mark | str, item: int | None, *, confirmed: bool = False
    ) -> MarkResult:
        """One key of the attendance view for one person at `item`; `Refused` if the
        record would be wrong. Past the roll, apologies for someone recorded in the
        meeting returns a question: the same mark with `confirmed` records it."""
        if self.locked:
            raise Refused(self.locked_words)
        change = plan_mark(self._room(), person, Mark(mark), item, confirmed=confirmed)
        if change.needs_answer:
            return MarkResult(question=change.question)
        self.store.apply_room_change(self.meeting_id, change, self.stamp())
        self.refresh()
        return MarkResult(said=change.said)

    def everyone_present(self, item: int | None) -> tuple[int, list[str]]:
        """The roll: everyone not yet marked is present. Returns how many were marked
        and any refusals."""
        waiting = [row.key for row in self.room(item) if row.status == NOT_MARKED]
        problems: list[str] = []
        for person in waiting:
            try:
                self.mark(person, Mark.PRESENT, item)
            except Refused as error:
                problems.append(str(error))
        return len(waiting) - len(problems), problems

    def add_to_room(
        self,
        name: str,
        capacity: str,
        item: int | None,
        role: str | None = None,
        deputy_for: str | None = None,
        remote: bool = False,
    ) -> list[str]:
        """An officer, observer, minute taker, participant or deputy arrives; returns
        warnings (a deputy the terms of reference will not count). `Refused` if wrong."""
        name = name.strip()
        if not name:
            raise Refused("Name: must be filled in")
        if capacity == Capacity.DEPUTY.value:
            if not deputy_for:
                raise Refused("Deputising for: choose whose seat")
            seat = next((s for s in self.seats if s.id == deputy_for), None)
            problem = deputy_problem(
                self.record.timeline, self.record.attendance, seat.holder if seat else None, item
            )
            if problem and seat is not None and seat.holder:
                raise Refused(f"Deputising for: {self.name(seat.holder)} {problem}")
        existing = next(  # anyone the file knows, of any committee
            (p for p in self.store.people() if p.name.casefold() == name.casefold()), None
        )
        person = existing or self.store.save_person(
            Person(id=self.store.new_person_id(name), name=name)
        )
        row = Attendance(
            person=person.id,
            capacity=Capacity(capacity),
            deputy_for=(deputy_for,) if capacity == Capacity.DEPUTY.value and deputy_for else (),
            role=role,
            mode=Mode.REMOTE if remote else Mode.IN_PERSON,
        )
        recorded = self.record.row_of(person.id)
        if recorded is not None:
            raise Refused(f"{person.display_name} is already recorded at this meeting: use p or b")
        first = item in (None, self.numbers[0] if self.numbers else None)
        arrival = Event(
            kind=EventKind.ARRIVED,
            person=person.id,
            item=item,
            phase=Phase.START if first else Phase.DURING,
            at=self._time_at(item),
        )
        self.store.add_to_room(self.meeting_id, row, arrival, self.stamp())
        self.refresh()
        warnings = []
        if capacity == Capacity.DEPUTY.value:
            verdict = self.quorum_at(item).verdict
            for exclusion in verdict.excluded if verdict else ():
                if exclusion.person == person.id:
                    warnings.append(f"Not counted towards the quorum: {exclusion.reason}")
        return warnings

    def room(self, item: int | None) -> list[RoomRow]:
        """Everyone on the committee and everyone recorded, as the attendance view lists
        them, with where each stands at `item`."""
        record = self.record
        out_of_room = {
            d.person for d in record.declarations if d.item == item and d.ruling is Ruling.LEAVE
        }
        holders = [s.holder for s in self.seats if s.holder and s.is_current]
        keys = list(dict.fromkeys([*holders, *(r.person for r in record.attendance)]))
        rows: list[RoomRow] = []
        for key in keys:
            row = record.row_of(key)
            if row is None:
                rows.append(RoomRow(key, self.name(key), "member", NOT_MARKED, "not yet marked"))
                continue
            status = room_status(record.timeline, row, item, out=key in out_of_room)
            notes = []
            if status == "out":
                notes.append(f"out of the room for item {item} (declared an interest)")
            if row.deputy_for:
                notes.append(
                    "deputising for " + ", ".join(self._principal(s) for s in row.deputy_for)
                )
            if row.role:
                notes.append(row.role)
            if row.note:
                notes.append(row.note)
            notes += record.presence_notes(key)
            rows.append(
                RoomRow(
                    key,
                    self.name(key),
                    row.capacity.value.replace("_", " "),
                    status,
                    "; ".join(notes),
                )
            )
        return rows

    def _principal(self, seat_id: str) -> str:
        seat = next((s for s in self.seats if s.id == seat_id), None)
        return self.name(seat.holder) if seat and seat.holder else seat_id

    def summary(self, item: int | None) -> str:
        """One line on the quorum for the attendance view."""
        state = self.quorum_at(item)
        where = f"item {item}" if item else "the opening"
        if state.quorate is None:
            why = state.unknown or "no terms of reference in force"
            return f"At {where}: the quorum is not checked ({why})."
        if state.quorate:
            counted = len(state.verdict.counted) if state.verdict else 0
            return f"At {where}: quorate, {counted} counted."
        return f"At {where}: INQUORATE — {state.reason}."

    # -- the minute -------------------------------------------------------------------

    def write_narrative(self, item: int, text: str) -> IssuedNumber | None:
        """Save the item's narrative as typed; the first words issue its minute number."""
        self.store.write_narrative(self.meeting_id, item, text)
        if not text.strip():
            return None
        minute = self.minute(item)
        if minute is not None and minute.number:
            return None
        issued = self.store.issue_minute_number(self.meeting_id, item)
        self.refresh()
        return issued

    def number(self, item: int) -> IssuedNumber:
        issued = self.store.issue_minute_number(self.meeting_id, item)
        self.refresh()
        return issued

    # -- decisions --------------------------------------------------------------------

    def decide(
        self,
        item: int,
        text: str,
        verb: str | None = None,
        handling: str | None = None,
        vote: Mapping[str, Any] | None = None,
    ) -> Decision:
        """Record a decision at `item`, asking `handling` when the meeting is inquorate,
        with the vote on it if the form gave one (`application.voting`), refused when
        more voted than may vote at the item."""
        self._check_item(item)
        inquorate = self.quorum_at(item).inquorate
        decision = decision_from(text, verb, handling, inquorate)
        voted = vote_from(self, item, vote or {})
        if voted is not None:
            decision = decision.model_copy(update={"vote": voted})
        decision = _refuse_if_lost(decision)
        saved = self.store.add_decision(
            self.meeting_id, item, decision, self._time_at(item), self.stamp()
        )
        self.store.issue_minute_number(self.meeting_id, item)
        self.refresh()
        return saved

    def edit_decision(
        self,
        decision_id: int,
        text: str,
        verb: str | None,
        vote: Mapping[str, Any] | None = None,
    ) -> Decision:
        """Correct a decision's words or verb, and its vote when the form gives the vote
        fields (checked as F3 checks them, where the decision stands in the timeline;
        all blank removes it); it keeps its place and its number."""
        current = self._decision(decision_id)
        changed = decision_from(text, verb, None, inquorate=False)
        voted = current.vote  # correcting only the words leaves the vote as taken
        if vote is not None:
            item = next(m.item for m in self.record.minutes if current in m.decisions)
            voted = vote_from(self, item, vote, current)
        changed = changed.model_copy(
            update={"id": decision_id, "chairs_action": current.chairs_action, "vote": voted}
        )
        changed = _refuse_if_lost(changed)  # a verb corrected to RESOLVED on a lost vote, too
        saved = self.store.edit_decision(changed, self.stamp())
        self.refresh()
        return saved

    def _decision(self, decision_id: int) -> Decision:
        for minute in self.record.minutes:
            for decision in minute.decisions:
                if decision.id == decision_id:
                    return decision
        raise Refused("That decision is not in this meeting's minutes.")

    # -- actions ----------------------------------------------------------------------

    def agree_action(
        self, item: int, description: str, owner: str | None, due: str, mark: str | None = None
    ) -> Action:
        """Record an action agreed at `item`; `mark`, how the minutes' Action column names
        its owner for this action alone ("Ross Graves / COSACS"; blank: the owner's own)."""
        self._check_item(item)
        problems, due_date = action_problems(description, owner, due, self.meeting.date)
        if problems:
            raise Refused("\n".join(problems))
        number = self.store.issue_minute_number(self.meeting_id, item).number
        agenda_item = self.item(item)
        action = Action(
            committee=self.meeting.committee,
            meeting_date=self.meeting.date,
            meeting_id=self.meeting_id,
            item=item,
            minute=number,
            item_title=agenda_item.title if agenda_item else None,
            description=description,
            owner=owner or "",
            due=due_date,
            mark=mark,
        )
        saved = self.store.add_action(action, self._time_at(item), self.stamp())
        self.refresh()
        return saved

    def edit_action(
        self,
        action_id: int,
        description: str,
        owner: str | None,
        due: str,
        mark: str | None = None,
    ) -> Action:
        problems, due_date = action_problems(description, owner, due, self.meeting.date)
        if problems:
            raise Refused("\n".join(problems))
        current = next((a for a in self.actions if a.id == action_id), None)
        if current is None:
            raise Refused("That action is not among this meeting's.")
        saved = self.store.edit_action(
            current.model_copy(
                update={"description": description, "owner": owner, "due": due_date, "mark": mark}
            ),
            self.stamp(),
        )
        self.refresh()
        return saved

    def item_actions(self, item: int) -> list[Action]:
        return [a for a in self.actions if a.item == item]

    def owners(self) -> list[tuple[str, str]]:
        """Whom an action can be given to: those at the meeting first, then the members."""
        present = [r.person for r in self.record.attendance if r.is_attending]
        members = [s.holder for s in self.seats if s.holder]
        ordered = list(dict.fromkeys([*present, *members]))
        return [(self.name(p)[:50], p) for p in ordered if p in self.people]

    # -- declarations -----------------------------------------------------------------

    def interest_choices(self, kept: str | None = None) -> list[tuple[str, str]]:
        """The categories of interest this committee's members declare, by its kind of
        body (`domain.interests`), the usual one first; `kept`, a declaration's category
        recorded before the body type changed, stays offered when it is corrected."""
        known = InterestCategory(kept) if kept and kept in set(InterestCategory) else None
        categories = offered_categories(self.committee.body_type, known)
        return [(INTEREST_LABELS[c].capitalize(), c.value) for c in categories]

    def declarers(self) -> list[tuple[str, str]]:
        everyone = [s.holder for s in self.seats if s.holder]
        everyone += [r.person for r in self.record.attendance]
        return [(self.name(p)[:50], p) for p in dict.fromkeys(everyone) if p in self.people]

    def declare(
        self,
        person: str | None,
        item: int,
        category: str | None,
        nature: str,
        ruling: str | None,
        at_item: int | None,
    ) -> Declaration:
        """Record a declaration on `item`, made while the meeting is at `at_item`."""
        declaration = self._declaration(None, person, item, category, nature, ruling)
        self.store.add_declaration(
            self.meeting_id, declaration, at_item, self._time_at(at_item), self.stamp()
        )
        self.refresh()
        return declaration

    def edit_declaration(
        self,
        declaration_id: int,
        person: str | None,
        item: int,
        category: str | None,
        nature: str,
        ruling: str | None,
    ) -> Declaration:
        declaration = self._declaration(declaration_id, person, item, category, nature, ruling)
        saved = self.store.update_declaration(declaration, self.stamp())
        self.refresh()
        return saved

    def _declaration(
        self,
        declaration_id: int | None,
        person: str | None,
        item: int,
        category: str | None,
        nature: str,
        ruling: str | None,
    ) -> Declaration:
        if not person:
            raise Refused("Who: choose the person declaring the interest")
        usual = interest_categories(self.committee.body_type)[0]
        declaration = Declaration.model_validate(
            {
                "id": declaration_id,
                "person": person,
                "item": item,
                "category": category or usual.value,
                "nature": nature,
                "ruling": chosen_ruling(ruling),
            }
        )
        recorded = next(
            (d.category for d in self.record.declarations if d.id == declaration_id), None
        )
        if problem := category_problem(declaration.category, self.committee.body_type, recorded):
            raise Refused(problem)
        problems = declaration_problems(
            declaration,
            self.record.attendance,
            self.numbers,
            self.record.declarations,
            self.name(person),
        )
        if problems:
            raise Refused("\n".join(problems))
        return declaration

    # -- corrections: delete and bring back -------------------------------------------

    def records(self) -> list[RecordLine]:
        """The meeting's decisions, actions, declarations and rulings, live then deleted."""
        store = self.store
        lines: list[RecordLine] = []
        for minute in self.record.minutes:
            lines += [
                RecordLine("decision", d.id or 0, minute.item, f"{d.verb.value} {d.text}", False)
                for d in minute.decisions
            ]
        lines += [
            RecordLine(
                "action", a.id or 0, a.item, f"{a.description} ({self.name(a.owner)})", False
            )
            for a in self.actions
        ]
        lines += [
            RecordLine("declaration", d.id or 0, d.item, self._declared(d), False)
            for d in self.record.declarations
        ]
        lines += [
            RecordLine("ruling", r.id or 0, r.item, self._ruled(r), False)
            for r in self.record.quorum_rulings
        ]
        lines += [
            RecordLine("decision", d.id or 0, item, f"{d.verb.value} {d.text}", True)
            for item, d in store.deleted_decisions(self.meeting_id)
        ]
        lines += [
            RecordLine("action", a.id or 0, a.item, f"{a.description} ({self.name(a.owner)})", True)
            for a in store.meeting_actions(self.meeting, deleted=True)
        ]
        lines += [
            RecordLine("declaration", d.id or 0, d.item, self._declared(d), True)
            for d in store.declarations(self.meeting_id, deleted=True)
        ]
        lines += [
            RecordLine("ruling", r.id or 0, r.item, self._ruled(r), True)
            for r in store.quorum_rulings(self.meeting_id, deleted=True)
        ]
        return lines

    def _declared(self, declaration: Declaration) -> str:
        return (
            f"{self.name(declaration.person)}: {declaration.nature} "
            f"({declaration.ruling.value.replace('_', ' ')})"
        )

    @staticmethod
    def _ruled(ruling: QuorumRuling) -> str:
        return f"{'quorate' if ruling.quorate else 'inquorate'}: {ruling.reason}"

    def delete(self, line: RecordLine) -> None:
        """Delete a record made by mistake; it stays, deleted, and can be brought back."""
        store, at = self.store, self.stamp()
        match line.kind:
            case "decision":
                store.delete_decision(line.row_id, at)
            case "action":
                store.delete_action(line.row_id, at)
            case "declaration":
                store.delete_declaration(line.row_id, at)
            case "ruling":
                store.delete_quorum_ruling(line.row_id, at)
        self.refresh()

    def restore(self, line: RecordLine) -> None:
        store, at = self.store, self.stamp()
        match line.kind:
            case "decision":
                store.restore_decision(line.row_id)
            case "action":
                store.restore_action(line.row_id, at)
            case "declaration":
                store.restore_declaration(line.row_id, at)
            case "ruling":
                store.restore_quorum_ruling(line.row_id, at)
        self.refresh()

    # -- the close --------------------------------------------------------------------

    def end_meeting(self, at: str | None) -> Meeting:
        """Record when the meeting ended (None: it is going on after all)."""
        self.meeting = self.store.end_meeting(self.meeting_id, at)
        self.refresh()
        return self.meeting

    def _check_item(self, item: int) -> None:
        """Business is recorded at an item of the agenda that the meeting has taken up
        (any item, when the meeting is minuted on another day than its own)."""
        if self.locked:
            raise Refused(self.locked_words)
        taken = [i.number for i in self.agenda if i.started_at or not self.on_the_day]
        problem = item_problem(item, self.numbers, taken)
        if problem:
            raise Refused(sentence(problem) + ".")

    def _time_at(self, item: int | None) -> str | None:
        """The clock time of something recorded now at `item`: none on another day than
        the meeting's, and none for a late record at an item before the one the meeting
        has reached."""
        if not self.on_the_day:
            return None
        live = self.live_item()
        if live is None or item is None or item not in self.numbers or live not in self.numbers:
            return self.now()
        return self.now() if self.numbers.index(item) >= self.numbers.index(live) else None


def _refuse_if_lost(decision: Decision) -> Decision:
    """`Refused` when the decision's vote was lost and its verb resolves something;
    else the decision as minuted (a lost motion's sentence ended)."""
    problem = lost_vote_problem(decision)
    if problem is not None:
        raise Refused(problem)
    return lost_motion_minuted(decision)
