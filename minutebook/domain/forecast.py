"""Before the meeting: will it be quorate, and if not, whom to chase.

From the apologies received, assume everyone else who holds a seat comes (in person,
unless already recorded otherwise) and evaluate the opening. If that fails, find the
smallest set of members who sent apologies whose attendance would make it quorate. The
search is exhaustive for small sets (the usual case: one or two people to ring) and
falls back to adding, one at a time, whoever closes the gap most.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from minutebook.domain.meeting import Attendance, AttendanceStatus, Capacity
from minutebook.domain.quorum_engine import QuorumEngine, Verdict

MAX_EXHAUSTIVE_CHECKS = 20_000
"""Beyond this many combinations the search turns greedy (still fast, maybe not smallest)."""


@dataclass(frozen=True)
class Forecast:
    """The expected verdict and, when inquorate, whom to chase."""

    verdict: Verdict
    expected: tuple[str, ...]
    sent_apologies: tuple[str, ...]
    chase: tuple[str, ...] | None
    """() when quorate as it stands; None when even everyone coming would not do."""


def expected_attendance(engine: QuorumEngine, recorded: Sequence[Attendance]) -> list[Attendance]:
    """Who will be there if everyone who has not sent apologies comes."""
    rows = [r for r in recorded if r.status is AttendanceStatus.PRESENT]
    not_coming = {r.person for r in recorded if r.status is not AttendanceStatus.PRESENT}
    already = {r.person for r in rows}
    for person, seats in engine.seats_held.items():
        if person in not_coming or person in already:
            continue
        rows.append(
            Attendance(person=person, capacity=Capacity.MEMBER, seats=tuple(s.id for s in seats))
        )
    return rows


def _deficit(verdict: Verdict) -> int:
    return sum(max(0, f.need - f.have) for f in verdict.failed)


def forecast(engine: QuorumEngine, recorded: Sequence[Attendance]) -> Forecast:
    """The forecast for the opening of a meeting from what has been recorded so far."""
    expected = expected_attendance(engine, recorded)
    verdict = engine.evaluate(expected)
    apologies = tuple(
        sorted(
            {
                r.person
                for r in recorded
                if r.status is not AttendanceStatus.PRESENT and r.person in engine.seats_held
            }
        )
    )
    people = tuple(sorted({r.person for r in expected}))
    if verdict.quorate:
        return Forecast(verdict, people, apologies, ())

    def coming(person: str) -> Attendance:
        seats = tuple(s.id for s in engine.seats_held[person])
        return Attendance(person=person, capacity=Capacity.MEMBER, seats=seats)

    extra = {p: coming(p) for p in apologies}
    if not engine.evaluate([*expected, *extra.values()]).quorate:
        return Forecast(verdict, people, apologies, None)
    checks = 0
    for size in range(1, len(apologies) + 1):
        for group in combinations(apologies, size):
            checks += 1
            if checks > MAX_EXHAUSTIVE_CHECKS:
                return Forecast(verdict, people, apologies, _greedy(engine, expected, extra))
            if engine.evaluate([*expected, *(extra[p] for p in group)]).quorate:
                return Forecast(verdict, people, apologies, group)
    return Forecast(verdict, people, apologies, None)


def _greedy(
    engine: QuorumEngine, expected: list[Attendance], extra: dict[str, Attendance]
) -> tuple[str, ...]:
    chosen: list[str] = []
    rows = list(expected)
    remaining = dict(extra)
    while remaining:
        best = min(
            remaining,
            key=lambda p: (_deficit(engine.evaluate([*rows, remaining[p]])), p),
        )
        rows.append(remaining.pop(best))
        chosen.append(best)
        if engine.evaluate(rows).quorate:
            break
    return tuple(chosen)
