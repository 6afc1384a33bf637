"""The quorum through a meeting: at every point of its timeline, for every decision, and
the inquorate periods the minutes record (docs/quorum.md).

This is the one place that answers "was the meeting quorate here?". The live screen's
top line, the decision guard, the meeting screen, the minutes of both house styles and
the command line all ask `MeetingQuorum`; none of them works it out again.

- The room at a point is who the timeline has in the meeting there; the item it stands
  in brings that item's declarations (a member ruled out for the item is out for all
  of it). The engine (`quorum_engine`) gives the verdict for that room.
- A Chair's ruling on the quorum stands from where it was made for as long as the room
  is as it was then (the same people counted, the same clauses failing); once someone
  comes or goes, or the next item's declarations change the count, the engine's verdict
  stands again. A later ruling replaces an earlier one.
- A decision is taken while inquorate when the quorum where it stands in the timeline
  is not met and it is a decision (not something noted, received, deferred or
  referred); Chair's action is recorded as such.
- An inquorate period is a run of points after the opening at which the meeting is
  inquorate: it begins where the quorum was lost, with who left (or withdrew for an
  interest, or could take no part) and when, and ends where it came back, or at the
  close. It covers the items whose business was done inside it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from minutebook.domain.committee import Organisation, Seat
from minutebook.domain.meeting import (
    AgendaItem,
    Attendance,
    Decision,
    DecisionFlag,
    DecisionVerb,
    Declaration,
    MeetingRecord,
    QuorumRuling,
)
from minutebook.domain.quorum import InquorateAction, Ruling, TermsOfReference
from minutebook.domain.quorum_engine import QuorumEngine, Verdict
from minutebook.domain.timeline import LATEST, RECORDS, Event, EventKind, Position, Timeline

NOT_DECISIONS = frozenset(
    {DecisionVerb.NOTED, DecisionVerb.RECEIVED, DecisionVerb.DEFERRED, DecisionVerb.REFERRED}
)
"""What an inquorate meeting may still do: note, receive, defer or refer. Any other verb
recorded while inquorate is a decision taken without a quorum."""

NO_TERMS = "no terms of reference in force: the quorum is not minuted"
NO_ATTENDANCE = "no attendance is recorded: the quorum is not minuted"


@dataclass(frozen=True)
class QuorumState:
    """The quorum at one point: the engine's verdict, and the Chair's ruling standing
    there if there is one. `unknown` says why there is no answer (no terms of reference
    in force, or nobody recorded present)."""

    verdict: Verdict | None
    ruling: QuorumRuling | None = None
    unknown: str = ""

    @property
    def quorate(self) -> bool | None:
        """The answer: the ruling where one stands, else the engine's; None if unknown."""
        if self.unknown or self.verdict is None:
            return None
        return self.ruling.quorate if self.ruling is not None else self.verdict.quorate

    @property
    def inquorate(self) -> bool:
        return self.quorate is False

    @property
    def reason(self) -> str:
        """Why it is inquorate, in a line: the ruling's reason or the first failed clause."""
        if self.ruling is not None:
            return f"by the Chair's ruling: {self.ruling.reason}"
        if self.verdict is not None and self.verdict.failed:
            return self.verdict.failed[0].text
        return self.unknown or "the rule is not met"


def decision_flag(decision: Decision, state: QuorumState) -> DecisionFlag | None:
    """What the minutes mark a decision with: Chair's action as recorded; "taken while
    inquorate" when it is a decision and the quorum where it stands was not met."""
    if decision.chairs_action:
        return DecisionFlag.CHAIRS_ACTION
    if decision.verb in NOT_DECISIONS:
        return None
    return DecisionFlag.INQUORATE if state.inquorate else None


class Outcome(StrEnum):
    """What happened to an item taken while the meeting was inquorate."""

    DECIDED = "decided"  # a decision was recorded anyway: flagged, to be ratified
    CHAIRS_ACTION = "chairs_action"
    REFERRED = "referred"
    DEFERRED = "deferred"
    INFORMATION = "information"  # discussed or noted, nothing decided
    NOT_TAKEN = "not_taken"  # nothing minuted at all


@dataclass(frozen=True)
class Period:
    """A stretch of the meeting during which it was inquorate."""

    start: Position
    end: Position | None  # where the quorum came back; None: it lasted to the close
    began_item: int | None  # the item in which it began (None: before the first)
    from_start: bool  # inquorate at the opening already
    ruled: bool  # begun by the Chair's ruling (which the minutes give in its own words)
    began_at: str | None
    left: tuple[str, ...]  # people whose departure lost the quorum
    withdrew: tuple[str, ...]  # people out of the room for the item (a declared interest)
    no_part: tuple[str, ...]  # people who stayed but could take no part (an interest)
    reasons: tuple[str, ...]  # the failed clauses where it began
    restored_item: int | None  # the item in which it came back; None: to the close
    restored_at: str | None
    arrived: tuple[str, ...]  # people whose arrival restored it
    returned: tuple[str, ...]  # people back in the meeting (after leaving, or withdrawing)
    closed_at: str | None  # when the meeting ended, for a period lasting to the close
    items: tuple[int, ...]  # the items whose business was done inside it
    outcomes: tuple[tuple[int, Outcome], ...]
    adjourned: bool  # nothing was taken after it began and the ToR says adjourn
    took_part: tuple[str, ...] = ()  # stayed in, taking no part (an interest); count again
    ruled_back: bool = False  # ended by the Chair's ruling (the minutes give its own words)

    rest_of: tuple[int, ...] = ()  # items decided on before it began: only their rest in it

    def covers(self, position: Position) -> bool:
        return self.start <= position and (self.end is None or position < self.end)

    @property
    def placed_item(self) -> int | None:
        """The item under whose minute the period is written: the first item it covers,
        else the item during which it began."""
        return self.items[0] if self.items else self.began_item

    @property
    def taken(self) -> tuple[int, ...]:
        """Its items that were taken (anything recorded at them): an item not taken
        gets no quorum sentence of its own ("remained inquorate for this item")."""
        return tuple(n for n, outcome in self.outcomes if outcome is not Outcome.NOT_TAKEN)


@dataclass(frozen=True)
class _Moment:
    position: Position
    item: int | None
    event: Event | None  # what happened here; None: the start of an item, or "now" in it
    present: frozenset[str]
    index: int
    owner: MeetingQuorum = field(compare=False, repr=False)
    fixed: QuorumState | None = None

    @property
    def state(self) -> QuorumState:
        """The quorum here, worked out when first asked (most points never are)."""
        return self.fixed if self.fixed is not None else self.owner._state(self.index)


class MeetingQuorum:
    """The quorum at every point of one meeting, from its record and terms of reference.

    Build it once per look at the record (it evaluates every point up front, with the
    engine's verdict cached per room); every answer after that is a look-up.
    """

    def __init__(
        self,
        record: MeetingRecord,
        terms: TermsOfReference | None,
        seats: Sequence[Seat],
        organisations: Sequence[Organisation],
    ) -> None:
        self.record = record
        self.timeline: Timeline = record.timeline
        self.terms = terms
        self.engine = (
            QuorumEngine(terms.quorum, seats, organisations, record.meeting.date)
            if terms is not None
            else None
        )
        self.unminuted = (
            NO_TERMS if terms is None else "" if self.timeline.people() else NO_ATTENDANCE
        )
        self._rows: dict[str, Attendance] = {row.person: row for row in record.attendance}
        self._rulings: dict[int, QuorumRuling] = {
            r.id: r for r in record.quorum_rulings if r.id is not None
        }
        self._declared: dict[int | None, list[Declaration]] = {}
        for declaration in record.declarations:
            self._declared.setdefault(declaration.item, []).append(declaration)
        self._verdicts: dict[tuple[frozenset[str], int | None], Verdict] = {}
        self._ruled: dict[int, QuorumState] | None = None
        self._moments = self._walk()
        self._keys = [m.position for m in self._moments]
        self._periods: tuple[Period, ...] | None = None

    # -- the answers ------------------------------------------------------------------

    def at(self, position: Position) -> QuorumState:
        """The quorum at a point of the timeline."""
        return self._moment_at(position).state

    def at_item(self, item: int | None) -> QuorumState:
        """The quorum at an item now: where anything recorded at it next would stand.
        The live screen's top line and its decision guard show this."""
        return self.at(self.timeline.now_at(item))

    def opening(self) -> QuorumState:
        """The quorum at the opening: the room once the roll is taken, without the first
        item's declarations (docs/quorum.md: "at the opening (without item conflicts)");
        a member ruled out for item 1 is out from the start of item 1, not of the meeting."""
        moment = self._moment_at(self.timeline.opening())
        verdict = self._verdict(moment.present, None)
        ruling = moment.state.ruling
        if ruling is not None and verdict is not None and moment.state.verdict is not None:
            ruling = ruling if _same_room(verdict, moment.state.verdict) else None
        return QuorumState(verdict, ruling, self.unminuted)

    def present_at(self, position: Position) -> frozenset[str]:
        return self._moment_at(position).present

    def decision_position(self, decision: Decision, item: int) -> Position:
        """Where a decision stands: where it was recorded, else (a record kept without
        its timeline, such as an import) at the end of its item."""
        event = self.timeline.record_event(EventKind.DECIDED, decision.id or -1)
        return self.timeline.position(event) if event else self.timeline.now_at(item)

    def for_decision(self, decision: Decision, item: int) -> QuorumState:
        """Was the meeting quorate when this decision was taken?"""
        return self.at(self.decision_position(decision, item))

    def flag(self, decision: Decision, item: int) -> DecisionFlag | None:
        """The mark the minutes and the screens give this decision."""
        return decision_flag(decision, self.for_decision(decision, item))

    def periods(self) -> tuple[Period, ...]:
        """The meeting's inquorate periods, in order; none where the quorum cannot be
        minuted (`unminuted`)."""
        if self._periods is None:
            self._periods = () if self.unminuted else tuple(self._find_periods())
        return self._periods

    def period_at(self, position: Position) -> Period | None:
        return next((p for p in self.periods() if p.covers(position)), None)

    # -- walking the timeline ---------------------------------------------------------

    def _moment_at(self, position: Position) -> _Moment:
        index = bisect_right(self._keys, position) - 1
        return self._moments[max(index, 0)]

    def _walk(self) -> list[_Moment]:
        """Every point at which the quorum can change or is asked about: each event, the
        start of each item the meeting reached (its declarations apply) and "now" in it,
        in order, with who is in the room there. The verdicts are worked out when asked
        for (`_state`): the roll alone is dozens of points nobody asks about."""
        timeline = self.timeline
        points: list[tuple[Position, int | None, Event | None]] = [((-2, 0, 0), None, None)]
        for item in (None, *self._reached()):
            points.append((timeline.start_of(item), item, None))
            points.append((timeline.now_at(item), item, None))
        points += [(timeline.position(e), e.item, e) for e in timeline.active]
        points.sort(key=lambda point: point[0])
        present: set[str] = set()
        moments: list[_Moment] = []
        for index, (position, item, event) in enumerate(points):
            if event is not None and event.person is not None:
                if event.kind is EventKind.ARRIVED:
                    present.add(event.person)
                elif event.kind is EventKind.LEFT:
                    present.discard(event.person)
            moments.append(_Moment(position, item, event, frozenset(present), index, self))
        return moments

    def _state(self, index: int) -> QuorumState:
        """The quorum at moment `index`: the engine's verdict for its room and item, and
        the Chair's ruling standing there. A ruling stands from where it was made while
        the room is unchanged, so from the first ruling on the moments are walked in
        order, once."""
        if self._ruled is None:
            self._ruled = self._walk_rulings()
        if index in self._ruled:
            return self._ruled[index]
        moment = self._moments[index]
        return QuorumState(self._verdict(moment.present, moment.item), None, self.unminuted)

    def _walk_rulings(self) -> dict[int, QuorumState]:
        first = next(
            (
                m.index
                for m in self._moments
                if m.event is not None
                and m.event.kind is EventKind.RULED
                and (m.event.ref or -1) in self._rulings
            ),
            None,
        )
        states: dict[int, QuorumState] = {}
        if first is None:
            return states
        standing: tuple[QuorumRuling, Verdict] | None = None
        for moment in self._moments[first:]:
            event = moment.event
            verdict = self._verdict(moment.present, moment.item)
            if event is not None and event.kind is EventKind.RULED and verdict is not None:
                ruling = self._rulings.get(event.ref or -1)
                if ruling is not None:
                    standing = (ruling, verdict)
            elif (
                standing is not None
                and verdict is not None
                and not _same_room(verdict, standing[1])
            ):
                standing = None
            states[moment.index] = QuorumState(
                verdict, standing[0] if standing else None, self.unminuted
            )
        return states

    def _reached(self) -> tuple[int, ...]:
        """The items the meeting reached. A meeting minuted live (its items have start
        times) reached the furthest item taken up or holding anything; the items after it
        were not taken, so nothing happened at them (a member out for an interest on the
        last item taken did not come back at the next). A record made otherwise (a
        meeting file, the demo papers) describes the whole agenda."""
        items = self.timeline.items
        if not any(item.started_at for item in self.record.agenda):
            return items
        held = {item.number for item in self.record.agenda if item.started_at}
        held |= {e.item for e in self.timeline.active if e.item is not None}
        held |= {m.item for m in self.record.minutes}
        last = max((items.index(n) for n in held if n in items), default=-1)
        return items[: last + 1]

    def _verdict(self, room: frozenset[str], item: int | None) -> Verdict | None:
        if self.engine is None:
            return None
        declared = [d for d in self._declared.get(item, ()) if d.person in room]
        key = (room, item if declared else None)
        verdict = self._verdicts.get(key)
        if verdict is None:
            rows = [self._rows[p] for p in sorted(room) if p in self._rows]
            verdict = self.engine.evaluate(rows, declared, item)
            self._verdicts[key] = verdict
        return verdict if verdict.item == item else replace(verdict, item=item)

    # -- inquorate periods ------------------------------------------------------------

    def _find_periods(self) -> Iterable[Period]:
        opening = self.timeline.opening()
        moments = [m for m in self._moments if m.position >= opening]
        # The meeting opens before the first item's declarations apply (`opening`): a
        # period that begins there only because of them began at item 1, not the start.
        start = moments[0] if moments else None
        if start is not None and start.position == opening:
            start = replace(start, fixed=self.opening())
        index = 0
        while index < len(moments):
            if not moments[index].state.inquorate:
                index += 1
                continue
            first = index
            while index < len(moments) and moments[index].state.inquorate:
                index += 1
            from_start = first == 0 and start is not None and start.state.inquorate
            before = moments[first - 1] if first else None if from_start else start
            after = moments[index] if index < len(moments) else None
            yield self._period(moments[first], before, after, from_start)

    def _period(
        self, began: _Moment, before: _Moment | None, after: _Moment | None, from_start: bool
    ) -> Period:
        record = self.record
        lost = (
            set(before.state.verdict.counted) - set(began.state.verdict.counted)
            if before is not None and before.state.verdict and began.state.verdict
            else set()
        )
        left, withdrew, no_part, began_at = self._causes(began, sorted(lost), leaving=True)
        ruled = began.event is not None and began.event.kind is EventKind.RULED
        if ruled and began.state.ruling is not None:
            began_at = began.state.ruling.recorded_at or began_at
        arrived: tuple[str, ...] = ()
        returned: tuple[str, ...] = ()
        took_part: tuple[str, ...] = ()
        ruled_back = False
        restored_at = None
        if after is not None:
            gained = (
                set(after.state.verdict.counted) - set(began.state.verdict.counted)
                if after.state.verdict and began.state.verdict
                else set()
            )
            arrived, returned, took_part, restored_at = self._causes(
                after, sorted(gained), leaving=False
            )
            ruled_back = after.event is not None and after.event.kind is EventKind.RULED
            if ruled_back:
                ruling = after.state.ruling
                restored_at = (ruling.recorded_at if ruling else None) or restored_at
        start, end = began.position, after.position if after else None
        items, outcomes, rest = self._business(start, end)
        conflict = bool(withdrew or no_part) and not left
        adjourned = (
            after is None
            and self._policy(conflict) is InquorateAction.ADJOURN
            and all(outcome is Outcome.NOT_TAKEN for _, outcome in outcomes)
        )
        reasons = began.state.verdict.failed if began.state.verdict else ()
        return Period(
            start=start,
            end=end,
            began_item=began.item,
            from_start=from_start,
            ruled=ruled,
            began_at=began_at,
            left=left,
            withdrew=withdrew,
            no_part=no_part,
            reasons=tuple(f.text for f in reasons),
            restored_item=after.item if after else None,
            restored_at=restored_at,
            arrived=arrived,
            returned=returned,
            closed_at=record.meeting.ended_at if after is None else None,
            items=items,
            outcomes=outcomes,
            rest_of=rest,
            adjourned=adjourned,
            took_part=took_part,
            ruled_back=ruled_back,
        )

    def _causes(
        self, moment: _Moment, people: Sequence[str], leaving: bool
    ) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], str | None]:
        """Of those who dropped out of (or came into) the count at `moment`: who left
        the meeting (or arrived for the first time); who withdrew for the item having
        declared an interest (or came back, after leaving or after withdrawing for the
        item before); who stayed but could take no part (or, having stayed, can take
        part again); and the clock time it happened, where known."""
        event = moment.event
        moved: list[str] = []
        withdrew: list[str] = []
        no_part: list[str] = []
        back: list[str] = []
        part: list[str] = []
        times: list[str] = []
        if event is not None and event.person is not None and event.person in people:
            kind = EventKind.LEFT if leaving else EventKind.ARRIVED
            if event.kind is kind:
                together = [event] if leaving else self._arrived_together(event)
                for mark in together:
                    returning = not leaving and self._returning(mark)
                    (back if returning else moved).append(mark.person or "")
                times += [event.at] if event.at else []
        started = self._started(moment.item) if event is None else None
        for person in people:
            if person in moved or person in back:
                continue
            if leaving:
                rulings = {
                    d.ruling for d in self._declared.get(moment.item, ()) if d.person == person
                }
                if Ruling.LEAVE in rulings:
                    withdrew.append(person)
                elif Ruling.NO_VOTE in rulings:
                    no_part.append(person)
            else:
                ruled_out = self._ruled_out_before(person, moment.item)
                if ruled_out is Ruling.LEAVE:
                    back.append(person)
                elif ruled_out is Ruling.NO_VOTE:
                    part.append(person)
        if (withdrew or no_part or ((back or part) and not moved)) and started:
            times.append(started)
        at = max(times) if times else None
        if leaving:
            return tuple(moved), tuple(withdrew), tuple(no_part), at
        return tuple(moved), tuple(back), tuple(part), at

    def _arrived_together(self, arrival: Event) -> list[Event]:
        """The arrivals recorded in the same change as `arrival` (everyone marked present
        at once: one after another, at the same item, phase and clock time) who count
        for the quorum once they are all in: the quorum came back with all of them, and
        naming only the one whose mark happened to be stored last would be arbitrary."""
        active = self.timeline.active

        def same(other: Event) -> bool:
            return (
                other.kind is EventKind.ARRIVED
                and other.person is not None
                and (other.item, other.phase, other.at) == (arrival.item, arrival.phase, arrival.at)
            )

        first = last = active.index(arrival)
        while first > 0 and same(active[first - 1]):
            first -= 1
        while last + 1 < len(active) and same(active[last + 1]):
            last += 1
        verdict = self._moment_at(self.timeline.position(active[last])).state.verdict
        counted = set(verdict.counted) if verdict is not None else {arrival.person}
        return [e for e in active[first : last + 1] if e is arrival or e.person in counted]

    def _returning(self, arrival: Event) -> bool:
        marks = self.timeline.marks(arrival.person or "")
        return any(m.kind is EventKind.LEFT for m in marks[: marks.index(arrival)])

    def _ruled_out_before(self, person: str, item: int | None) -> Ruling | None:
        """How `person` was out of the count for the item before `item`, for an interest
        they declared on it (so counts again for this one): LEAVE (out of the room) or
        NO_VOTE (in the room, taking no part); None if they were not."""
        items = self.timeline.items
        if item not in items or items.index(item) == 0:
            return None
        previous = items[items.index(item) - 1]
        rulings = {d.ruling for d in self._declared.get(previous, ()) if d.person == person}
        if Ruling.LEAVE in rulings:
            return Ruling.LEAVE
        return Ruling.NO_VOTE if Ruling.NO_VOTE in rulings else None

    def _started(self, item: int | None) -> str | None:
        found: AgendaItem | None = self.record.item(item) if item is not None else None
        return found.started_at[:5] if found is not None and found.started_at else None

    def _business(
        self, start: Position, end: Position | None
    ) -> tuple[tuple[int, ...], tuple[tuple[int, Outcome], ...], tuple[int, ...]]:
        """The items whose business was done inside the period, and what became of each:
        an item with a decision inside it, or one with no decision outside it that was
        still inquorate at its end; and of those, the items already decided on before
        the period began (only the rest of them was done inside it)."""
        timeline = self.timeline

        def inside(position: Position) -> bool:
            return start <= position and (end is None or position < end)

        minutes = {m.item: m for m in self.record.minutes}
        recorded = self._recorded_items()
        covered: list[tuple[int, Outcome]] = []
        rest: list[int] = []
        for number in timeline.items:
            minute = minutes.get(number)
            decisions = minute.decisions if minute else ()
            places = [(d, self.decision_position(d, number)) for d in decisions]
            within = [d for d, place in places if inside(place)]
            outside = [d for d, place in places if not inside(place)]
            if within or (not outside and inside(timeline.now_at(number))):
                covered.append((number, _outcome(number in recorded, within)))
                if within and any(place < start for _, place in places):
                    rest.append(number)
        return tuple(n for n, _ in covered), tuple(covered), tuple(rest)

    def _recorded_items(self) -> set[int | None]:
        """The items with a record of their own: a minute (words, a decision or a number
        issued), a declaration, or any record in the timeline (an action ...). They were
        taken; an item skipped (live capture going straight to item 9), or taken up with
        nothing recorded at it, was not."""
        found: set[int | None] = {
            m.item for m in self.record.minutes if m.narrative.strip() or m.decisions or m.number
        }
        found |= {d.item for d in self.record.declarations}
        return found | {e.item for e in self.timeline.active if e.kind in RECORDS}

    def _policy(self, conflict: bool) -> InquorateAction | None:
        if self.terms is None:
            return None
        on_inquorate = self.terms.quorum.policies.on_inquorate
        return on_inquorate.conflict_item if conflict else on_inquorate.mid_meeting


def _same_room(a: Verdict, b: Verdict) -> bool:
    return a.counted == b.counted and [f.text for f in a.failed] == [f.text for f in b.failed]


def _outcome(taken: bool, decisions: Sequence[Decision]) -> Outcome:
    """What happened to an item while inquorate, from what was recorded in it."""
    if not taken and not decisions:
        return Outcome.NOT_TAKEN
    if any(not d.chairs_action and d.verb not in NOT_DECISIONS for d in decisions):
        return Outcome.DECIDED
    if any(d.chairs_action for d in decisions):
        return Outcome.CHAIRS_ACTION
    verbs = {d.verb for d in decisions}
    if DecisionVerb.REFERRED in verbs:
        return Outcome.REFERRED
    if DecisionVerb.DEFERRED in verbs:
        return Outcome.DEFERRED
    return Outcome.INFORMATION


__all__ = [
    "LATEST",
    "NOT_DECISIONS",
    "MeetingQuorum",
    "Outcome",
    "Period",
    "QuorumState",
    "decision_flag",
]
