"""Inquorate periods: when a meeting lost its quorum, when it came back, and what
happened to the business taken in between (DOMAIN.md 2.3 and 4.1).

Both house styles minute an inquorate period the same way and in the same words, so
the facts are gathered here once from the snapshot: the quorum engine's verdict at the
opening and at each agenda item, with the Chair's rulings standing in for it (a ruling
decides its item, and the items after it while nobody comes or goes). A run of
inquorate items is one period. Its start and end are timed from what the snapshot
records: the clock times of the departures, arrivals and withdrawals for a declared
interest that changed the count, else the time of the Chair's ruling; a period lasting
to the close ends at the time the meeting ended, where that was recorded. (Agenda items'
start times are not in the snapshot, so they are not used.)

Each item in a period is minuted by what was recorded at it, not by what the ToR says
should happen: a decision taken while inquorate is flagged (DecisionFlag), and the
live capture offered NOTED, DEFERRED or Chair's action instead (README, F3).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from minutebook.domain.meeting import (
    Decision,
    DecisionFlag,
    DecisionVerb,
    Minute,
    QuorumRuling,
)
from minutebook.domain.quorum import InquorateAction, Ruling
from minutebook.domain.quorum_engine import QuorumEngine, Verdict
from minutebook.domain.snapshot import MinutesSnapshot
from minutebook.exporters.common import join

NOT_DECISIONS = frozenset(
    {DecisionVerb.NOTED, DecisionVerb.RECEIVED, DecisionVerb.DEFERRED, DecisionVerb.REFERRED}
)
"""What an inquorate meeting may still do: note, receive, defer or refer. Any other verb
recorded while inquorate is a decision taken without a quorum."""


class Outcome(StrEnum):
    """What happened to an item taken while the meeting was inquorate."""

    DECIDED = "decided"  # a decision was recorded anyway: flagged, to be ratified
    CHAIRS_ACTION = "chairs_action"
    REFERRED = "referred"
    DEFERRED = "deferred"
    INFORMATION = "information"  # discussed or noted, nothing decided
    NOT_TAKEN = "not_taken"  # nothing minuted at all


OUTCOME_WORDS: dict[Outcome, str] = {
    Outcome.DECIDED: "decided although the meeting was inquorate (the decisions are "
    "marked as such)",
    Outcome.CHAIRS_ACTION: "decided by Chair's action, to be reported to the next meeting",
    Outcome.REFERRED: "referred to {parent}",
    Outcome.DEFERRED: "deferred",
    Outcome.INFORMATION: "taken for information only",
    Outcome.NOT_TAKEN: "not taken",
}


NO_TERMS = "no terms of reference in force: the quorum is not minuted"
NO_ATTENDANCE = "no attendance is recorded: the quorum is not minuted"


def unminuted(snapshot: MinutesSnapshot) -> str:
    """Why the quorum cannot be minuted ("" where it can): no terms of reference in
    force, or nobody recorded present. A meeting not yet started (or whose attendance
    was never taken) would otherwise be minuted "inquorate from its start" and its
    items "not taken", which no record supports."""
    if snapshot.terms is None:
        return NO_TERMS
    if not any(row.is_present for row in snapshot.record.attendance):
        return NO_ATTENDANCE
    return ""


def verdicts(snapshot: MinutesSnapshot) -> tuple[Verdict, dict[int, Verdict]] | None:
    """The engine's verdict at the opening and at each agenda item, None without a ToR."""
    if snapshot.terms is None:
        return None
    record = snapshot.record
    engine = QuorumEngine(
        snapshot.terms.quorum,
        snapshot.membership.seats,
        snapshot.membership.organisations,
        record.meeting.date,
    )
    items = [item.number for item in record.agenda]
    return engine.evaluate_meeting(record.attendance, record.declarations, items)


@dataclass(frozen=True)
class Period:
    """A run of agenda items at which the meeting was inquorate."""

    items: tuple[int, ...]
    from_start: bool  # inquorate at the opening already
    ruled: bool  # begun by the Chair's ruling on its first item (which is minuted)
    began_at: str | None
    left: tuple[str, ...]  # people whose departure lost the quorum
    withdrew: tuple[str, ...]  # people who left for the item, having declared an interest
    no_part: tuple[str, ...]  # people who stayed but could take no part (an interest)
    reasons: tuple[str, ...]  # the failed clauses at its first item
    restored_item: int | None  # the first quorate item after it; None: to the close
    restored_at: str | None
    closed_at: str | None  # when the meeting ended, for a period lasting to the close
    arrived: tuple[str, ...]  # people whose arrival restored the quorum
    returned: tuple[str, ...]  # people back after a declared interest
    outcomes: tuple[tuple[int, Outcome], ...]
    adjourned: bool  # nothing was taken after it began and the ToR says adjourn


@dataclass(frozen=True)
class QuorumRecord:
    """The inquorate periods of one meeting, and which items they cover."""

    periods: tuple[Period, ...] = ()

    def covers(self, item: int) -> bool:
        return any(item in period.items for period in self.periods)


def quorum_record(snapshot: MinutesSnapshot) -> QuorumRecord:
    """The meeting's inquorate periods, from the engine's verdicts and the rulings;
    none where the quorum cannot be minuted (`unminuted`)."""
    found = verdicts(snapshot)
    if found is None or unminuted(snapshot):
        return QuorumRecord()
    opening, by_item = found
    rulings = {r.item: r for r in snapshot.record.quorum_rulings}
    numbers = sorted(by_item)
    quorate = _ruled(opening, [by_item[n] for n in numbers], rulings)
    opening_ruling = rulings.get(None)
    opening_quorate = opening_ruling.quorate if opening_ruling else opening.quorate
    periods: list[Period] = []
    run: list[int] = []
    for index, number in enumerate(numbers):
        if not quorate[number]:
            run.append(number)
        if run and (quorate[number] or index == len(numbers) - 1):
            after = number if quorate[number] else None
            periods.append(
                _period(snapshot, run, after, numbers, by_item, opening, opening_quorate, rulings)
            )
            run = []
    return QuorumRecord(tuple(periods))


def _same_room(a: Verdict, b: Verdict) -> bool:
    return a.counted == b.counted and [f.text for f in a.failed] == [f.text for f in b.failed]


def _ruled(
    opening: Verdict, items: Sequence[Verdict], rulings: dict[int | None, QuorumRuling]
) -> dict[int, bool]:
    """Whether the meeting was quorate at each item, as the Chair ruled where a ruling
    applies: a ruling decides its own item, and later items while the room is as it
    was when the Chair ruled (the ruling at the opening likewise)."""
    ruled: tuple[QuorumRuling, Verdict] | None = None
    if None in rulings:
        ruled = (rulings[None], opening)
    result: dict[int, bool] = {}
    for verdict in items:
        if verdict.item is None:
            continue
        if verdict.item in rulings:
            ruled = (rulings[verdict.item], verdict)
        elif ruled is not None and not _same_room(verdict, ruled[1]):
            ruled = None
        result[verdict.item] = ruled[0].quorate if ruled else verdict.quorate
    return result


def _period(
    snapshot: MinutesSnapshot,
    run: list[int],
    after: int | None,
    numbers: list[int],
    by_item: dict[int, Verdict],
    opening: Verdict,
    opening_quorate: bool,
    rulings: dict[int | None, QuorumRuling],
) -> Period:
    first, last = run[0], run[-1]
    position = numbers.index(first)
    before = by_item[numbers[position - 1]] if position else opening
    from_start = position == 0 and not opening_quorate
    lost = [p for p in before.counted if p not in by_item[first].counted]
    left, withdrew, no_part, began = _movements(snapshot, lost, first, leaving=True)
    ruling = rulings.get(first)
    ruled = ruling is not None and not ruling.quorate
    if began is None and ruling is not None:
        began = ruling.recorded_at
    arrived: tuple[str, ...] = ()
    returned: tuple[str, ...] = ()
    restored_at = None
    if after is not None:
        gained = [p for p in by_item[after].counted if p not in by_item[last].counted]
        arrived, returned, _, restored_at = _movements(snapshot, gained, after, leaving=False)
        if restored_at is None and after in rulings:
            restored_at = rulings[after].recorded_at
    minutes = {m.item: m for m in snapshot.record.minutes}
    outcomes = tuple((n, outcome(minutes.get(n))) for n in run)
    policy = _policy(snapshot, bool(withdrew or no_part) and not left)
    adjourned = (
        after is None
        and policy is InquorateAction.ADJOURN
        and all(o is Outcome.NOT_TAKEN for _, o in outcomes)
    )
    return Period(
        items=tuple(run),
        from_start=from_start,
        ruled=ruled,
        began_at=began,
        left=left,
        withdrew=withdrew,
        no_part=no_part,
        reasons=tuple(f.text for f in by_item[first].failed),
        restored_item=after,
        restored_at=restored_at,
        closed_at=snapshot.record.meeting.ended_at if after is None else None,
        arrived=arrived,
        returned=returned,
        outcomes=outcomes,
        adjourned=adjourned,
    )


def _movements(
    snapshot: MinutesSnapshot, people: Sequence[str], item: int, leaving: bool
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], str | None]:
    """Of those who left (or joined) the count at `item`: who left the meeting (or
    arrived); who left for the item having declared an interest (or came back after
    it); who stayed but could take no part; and the latest clock time recorded for
    them, by which the room was as the verdict at `item` found it."""
    record = snapshot.record
    moved: list[str] = []
    withdrew: list[str] = []
    no_part: list[str] = []
    times: list[str] = []
    for person in people:
        rows = [r for r in record.attendance if r.person == person and r.is_present]
        if leaving:
            row = next((r for r in rows if r.to_item is not None and r.to_item < item), None)
            time = row.left_at if row else None
        else:
            row = next((r for r in rows if r.from_item == item), None)
            time = row.arrived_at if row else None
        if row is not None:
            moved.append(person)
            times += [time] if time else []
            continue
        declared = item if leaving else item - 1
        rulings = {
            d.ruling: d for d in record.declarations if d.person == person and d.item == declared
        }
        if Ruling.LEAVE in rulings:
            withdrew.append(person)
            declaration = rulings[Ruling.LEAVE]
            time = declaration.left_at if leaving else declaration.returned_at
            times += [time] if time else []
        elif Ruling.NO_VOTE in rulings and leaving:
            no_part.append(person)
    return tuple(moved), tuple(withdrew), tuple(no_part), max(times) if times else None


def _policy(snapshot: MinutesSnapshot, conflict: bool) -> InquorateAction | None:
    if snapshot.terms is None:
        return None
    on_inquorate = snapshot.terms.quorum.policies.on_inquorate
    return on_inquorate.conflict_item if conflict else on_inquorate.mid_meeting


def inquorate_flag(
    decision: Decision, warnings: list[str] | None = None, item: int | None = None
) -> DecisionFlag | None:
    """The flag a decision recorded while inquorate carries: its own, else INQUORATE
    for a decision (not for what was noted, received, deferred or referred); a decision
    recorded without its flag is reported in `warnings`."""
    if decision.flag is not None or decision.verb in NOT_DECISIONS:
        return decision.flag
    if warnings is not None:
        warning = (
            f"item {item}: a decision recorded while the meeting was inquorate has no flag; "
            "it is minuted as taken while inquorate"
        )
        if warning not in warnings:
            warnings.append(warning)
    return DecisionFlag.INQUORATE


def outcome(minute: Minute | None) -> Outcome:
    """What happened to an item taken while inquorate, from what was recorded at it."""
    if minute is None or (not minute.narrative.strip() and not minute.decisions):
        return Outcome.NOT_TAKEN
    flags = {inquorate_flag(d) for d in minute.decisions}
    verbs = {d.verb for d in minute.decisions}
    if DecisionFlag.INQUORATE in flags:
        return Outcome.DECIDED
    if DecisionFlag.CHAIRS_ACTION in flags:
        return Outcome.CHAIRS_ACTION
    if DecisionVerb.REFERRED in verbs:
        return Outcome.REFERRED
    if DecisionVerb.DEFERRED in verbs:
        return Outcome.DEFERRED
    return Outcome.INFORMATION


# -- the words -------------------------------------------------------------------------------


def item_list(numbers: Sequence[int]) -> str:
    """ "item 6", "items 6 and 7", "items 6 to 9", "items 3, 6 and 7"."""
    groups: list[list[int]] = []
    for number in numbers:
        if groups and number == groups[-1][-1] + 1:
            groups[-1].append(number)
        else:
            groups.append([number])
    parts: list[str] = []
    for group in groups:
        parts += [f"{group[0]} to {group[-1]}"] if len(group) > 2 else [str(n) for n in group]
    return f"{'items' if len(numbers) > 1 else 'item'} {join(parts)}"


def _at(time: str | None) -> str:
    return f" at {time}" if time else ""


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


def began_text(period: Period, name: Callable[[str], str], with_reasons: bool) -> str:
    """ "The meeting became inquorate at 15:05 when Councillor R Bradburn left the
    meeting." ("" where the Chair's ruling at the item already says so)."""
    if period.ruled:
        return ""
    reasons = f" ({'; '.join(period.reasons)})" if with_reasons and period.reasons else ""
    if period.from_start:
        return f"The meeting was inquorate from its start{reasons}."
    causes = []
    if period.left:
        causes.append(f"{join([name(p) for p in period.left])} left the meeting")
    if period.withdrew:
        who = join([name(p) for p in period.withdrew])
        causes.append(f"{who} left for the item, having declared an interest")
    if period.no_part:
        who = join([name(p) for p in period.no_part])
        causes.append(f"{who}, having declared an interest, could take no part")
    when = f" when {' and '.join(causes)}" if causes else ""
    return f"The meeting became inquorate{_at(period.began_at)}{when}{reasons}."


def outcome_text(period: Period, parent: str | None) -> str:
    """ "Items 6 and 7 were taken for information only; item 8 was deferred." """
    if period.adjourned:
        verb = "were" if len(period.items) > 1 else "was"
        return _sentence(f"the meeting was adjourned; {item_list(period.items)} {verb} not taken")
    grouped: dict[Outcome, list[int]] = {}
    for number, result in period.outcomes:
        grouped.setdefault(result, []).append(number)
    clauses = []
    for result, numbers in grouped.items():
        words = OUTCOME_WORDS[result].format(parent=parent or "the parent body")
        verb = "were" if len(numbers) > 1 else "was"
        clauses.append(f"{item_list(numbers)} {verb} {words}")
    return _sentence("; ".join(clauses))


def restored_text(period: Period, name: Callable[[str], str]) -> str:
    """ "Quorum was restored at 15:20 when Councillor D Hopkins joined the meeting." """
    if period.restored_item is None:
        if period.adjourned:
            return ""
        return f"The meeting remained inquorate until its close{_at(period.closed_at)}."
    causes = []
    if period.arrived:
        causes.append(f"{join([name(p) for p in period.arrived])} joined the meeting")
    if period.returned:
        causes.append(f"{join([name(p) for p in period.returned])} returned to the meeting")
    when = f" when {' and '.join(causes)}" if causes else ""
    return f"Quorum was restored{_at(period.restored_at)}{when}."
