"""Benchmark: a 60-seat committee over a 30-item agenda with conflicts, every moment.

Target (issue: the quorum engine): the quorum at the opening and at every item together
well under a frame, under 5 ms. Since the timeline, that is one `MeetingQuorum` (which
walks the meeting's events and evaluates every room once) and a look-up per item; it is
printed beside the engine's single evaluation of the full room, measured in the same run.

The meeting: each member arrives at the start of item 1-4 and most leave at the end of
one of the last items (as a meeting file's "from item 3 to item 28" spans become
events), every ninth sent apologies and a named deputy came instead, every fifth is
remote, and every fourth declared an interest on one item and was ruled to leave.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import date
from typing import Any

from minutebook.domain import (
    AgendaItem,
    Attendance,
    Declaration,
    Meeting,
    MeetingRecord,
    Organisation,
    QuorumRule,
    Seat,
    TermsOfReference,
)
from minutebook.domain.meeting_quorum import MeetingQuorum
from minutebook.domain.quorum_engine import QuorumEngine, Verdict
from minutebook.domain.timeline import Event, span_events

SEATS = 60
ITEMS = 30
RUNS = 30
TARGET_MS = 5.0
DAY = date(2024, 1, 1)


def committee() -> tuple[TermsOfReference, list[Seat], list[Organisation], MeetingRecord]:
    organisations = [
        Organisation(id=f"O{i}", name=f"Org {i}", constituency="ics_org") for i in range(12)
    ]
    tags = ["chair", "vice_chair", "executive", "non_executive", "clinician", "finance"]
    seats = [
        Seat(
            id=f"S{i}",
            title=f"Seat {i}",
            holder=f"p{i}",
            org=f"O{i % 12}",
            tags=(tags[i % len(tags)],),
            voting=i % 7 != 0,
            named_deputies=(f"d{i}",),
        )
        for i in range(SEATS)
    ]
    rule = QuorumRule.model_validate(
        {
            "requirement": {
                "all": [
                    {"fraction": {"num": 1, "den": 2, "rounding": "floor", "plus": 1}},
                    {"role": {"any_tags": ["chair", "vice_chair"]}},
                    {"org_coverage": {"constituency": "ics_org", "num": 1, "den": 2}},
                    {"role": {"any_tags": ["executive"]}},
                    {"role": {"any_tags": ["non_executive"]}},
                ]
            },
            "policies": {
                "counting": {"single_capacity": True},
                "deputies": {"allowed": "named"},
                "remote": {"counts": True},
            },
        }
    )
    attendance: list[Attendance] = []
    events: list[Event] = []
    for i in range(SEATS):
        if i % 9 == 0:
            attendance.append(Attendance(person=f"p{i}", status="apologies", seats=(f"S{i}",)))
            attendance.append(Attendance(person=f"d{i}", capacity="deputy", deputy_for=(f"S{i}",)))
            events += span_events(f"d{i}", 1, None)
        else:
            attendance.append(
                Attendance(
                    person=f"p{i}",
                    seats=(f"S{i}",),
                    mode="remote" if i % 5 == 0 else "in_person",
                )
            )
            left = ITEMS - i % 3
            events += span_events(f"p{i}", 1 + i % 4, left if left < ITEMS else None)
    declarations = [
        Declaration(id=n, person=f"p{i}", item=1 + i % ITEMS, nature="interest", ruling="leave")
        for n, i in enumerate(range(1, SEATS, 4), start=1)
    ]
    record = MeetingRecord(
        meeting=Meeting(id=1, committee="BIG", date=DAY),
        agenda=tuple(AgendaItem(number=n, title=f"Item {n}") for n in range(1, ITEMS + 1)),
        attendance=tuple(attendance),
        declarations=tuple(declarations),
        events=tuple(e.model_copy(update={"id": n}) for n, e in enumerate(events, start=1)),
    )
    terms = TermsOfReference(version=1, adopted=date(2020, 1, 1), quorum=rule)
    return terms, seats, organisations, record


def median_ms(run: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def count_evaluations(run: Callable[[], object]) -> int:
    """How many times `run` asks the engine for a verdict."""
    calls = 0
    evaluate = QuorumEngine.evaluate

    def counted(self: QuorumEngine, *args: Any, **kwargs: Any) -> Verdict:
        nonlocal calls
        calls += 1
        return evaluate(self, *args, **kwargs)

    QuorumEngine.evaluate = counted  # type: ignore[method-assign]
    try:
        run()
    finally:
        QuorumEngine.evaluate = evaluate  # type: ignore[method-assign]
    return calls


def main() -> None:
    terms, seats, organisations, record = committee()
    engine = QuorumEngine(terms.quorum, seats, organisations, DAY)
    room = [row for row in record.attendance if row.is_attending]

    def every_moment() -> None:
        # A fresh record each time: the timeline is cached on the record it belongs to.
        fresh = record.model_copy()
        quorum = MeetingQuorum(fresh, terms, seats, organisations)
        quorum.opening()
        for item in range(1, ITEMS + 1):
            quorum.at_item(item)

    whole = median_ms(every_moment)
    evaluations = count_evaluations(every_moment)
    single = median_ms(lambda: engine.evaluate(room))
    setup = median_ms(lambda: QuorumEngine(terms.quorum, seats, organisations, DAY))
    verdict = "within target" if whole < TARGET_MS else "TARGET MISSED"
    print(
        f"quorum, {SEATS} seats x {ITEMS} items with conflicts: {whole:6.2f} ms for the "
        f"opening and all items, as MeetingQuorum (target < {TARGET_MS:.0f} ms: {verdict})"
    )
    print(
        f"  {len(record.events)} events: {evaluations} evaluations by the engine, one per "
        f"room and item met on the way (the opening and the items alone are {ITEMS + 1})"
    )
    print(
        f"  the engine alone (baseline): {single:.3f} ms for one evaluation of the full room; "
        f"set-up {setup:.3f} ms"
    )


if __name__ == "__main__":
    main()
