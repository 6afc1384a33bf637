"""Benchmark: a 60-seat committee over a 30-item agenda with conflicts, every moment.

Target (issue: the quorum engine): all items together well under a frame, under 5 ms.
"""

from __future__ import annotations

import statistics
import time
from datetime import date

from minutebook.domain import Attendance, Declaration, Organisation, QuorumRule, Seat
from minutebook.domain.quorum_engine import QuorumEngine

SEATS = 60
ITEMS = 30


def committee() -> tuple[
    QuorumRule, list[Seat], list[Organisation], list[Attendance], list[Declaration]
]:
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
    attendance = []
    for i in range(SEATS):
        if i % 9 == 0:
            attendance.append(Attendance(person=f"p{i}", status="apologies", seats=(f"S{i}",)))
            attendance.append(Attendance(person=f"d{i}", capacity="deputy", deputy_for=(f"S{i}",)))
        else:
            attendance.append(
                Attendance(
                    person=f"p{i}",
                    seats=(f"S{i}",),
                    mode="remote" if i % 5 == 0 else "in_person",
                    from_item=1 + i % 4,
                    to_item=ITEMS - i % 3,
                )
            )
    declarations = [
        Declaration(person=f"p{i}", item=1 + i % ITEMS, nature="interest", ruling="leave")
        for i in range(1, SEATS, 4)
    ]
    return rule, seats, organisations, attendance, declarations


def main() -> None:
    rule, seats, organisations, attendance, declarations = committee()
    engine = QuorumEngine(rule, seats, organisations, date(2024, 1, 1))
    items = list(range(1, ITEMS + 1))
    times = []
    for _ in range(30):
        start = time.perf_counter()
        engine.evaluate_meeting(attendance, declarations, items)
        times.append((time.perf_counter() - start) * 1000)
    build = []
    for _ in range(30):
        start = time.perf_counter()
        QuorumEngine(rule, seats, organisations, date(2024, 1, 1))
        build.append((time.perf_counter() - start) * 1000)
    print(
        f"quorum, {SEATS} seats x {ITEMS} items with conflicts: "
        f"{statistics.median(times):6.2f} ms for the opening and all items "
        f"(target < 5 ms; engine set-up {statistics.median(build):.2f} ms)"
    )


if __name__ == "__main__":
    main()
