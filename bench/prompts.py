"""Benchmark: the interest prompts for a 30-item agenda against a register of 500
interests (domain/prompts.py).

Target (issue 13): under 20 ms for the whole agenda, reading the register included (the
`PromptIndex` is built once per meeting screen or live capture, then each item is a
look-up). Printed beside a bare baseline measured in the same run: splitting every
item's and every interest's text into lower-case words and intersecting the sets, the
least any word-matching rule must do.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import date

from minutebook.domain import AgendaItem, Organisation, Seat
from minutebook.domain.meeting import InterestCategory
from minutebook.domain.prompts import prompts
from minutebook.domain.register import Interest

ITEMS = 30
INTERESTS = 500
RUNS = 30
TARGET_MS = 20.0
DAY = date(2024, 1, 1)
COMMITTEE = "Board of the Northfield and Southwick Integrated Care Board"

TOPICS = (
    "community pharmacy contract",
    "primary care network",
    "mental health services",
    "children and young people",
    "maternity and neonatal",
    "urgent and emergency care",
    "cancer screening",
    "elective recovery",
    "estates and capital",
    "digital records",
    "workforce and training",
    "social care placements",
    "dentistry access",
    "learning disability and autism",
    "diabetes prevention",
    "stroke rehabilitation",
)


def register() -> tuple[list[Interest], list[Seat], list[Organisation]]:
    organisations = [
        Organisation(id=f"O{i}", name=f"{place} {kind}")
        for i, (place, kind) in enumerate(
            (p, k)
            for p in ("Northfield", "Southwick", "Eastbury", "Westley")
            for k in ("Council", "Hospitals NHS Foundation Trust", "Healthwatch")
        )
    ]
    # One organisation the agenda names short, without the area ("Health & Care
    # Partnership"), so that the reading of short names is measured too.
    organisations.append(
        Organisation(id="HCP", name="Northfield and Southwick Health and Care Partnership")
    )
    seats = [Seat(id=f"S{i}", title="Member", holder=f"p{i}", org=f"O{i % 12}") for i in range(40)]
    seats.append(Seat(id="S40", title="Partner Member", holder="p40", org="HCP"))
    interests = [
        Interest(
            committee="ICB",
            person=f"p{i % 40}",
            category=InterestCategory.FINANCIAL,
            description=(
                f"Director of Company {i} Ltd, which provides {TOPICS[i % len(TOPICS)]} "
                f"services to NHS and council clients. Address: {i} High Street, AB{i} 1CD"
            ),
            organisation=f"Company {i} Ltd",
            declared_on=DAY,
        )
        for i in range(INTERESTS)
    ]
    return interests, seats, organisations


def agenda() -> list[AgendaItem]:
    return [
        AgendaItem(
            number=n,
            title=f"{TOPICS[n % len(TOPICS)].title()} update",
            description=f"To note {TOPICS[(n * 3) % len(TOPICS)]} and Company {n} Ltd",
            lead=(
                "Chief Executive, Northfield Council"
                if n % 5 == 0
                else "Chair, Health & Care Partnership"
                if n % 5 == 1
                else "Chief Officer"
            ),
        )
        for n in range(1, ITEMS + 1)
    ]


def median_ms(run: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    interests, seats, organisations = register()
    items = agenda()

    def bare() -> int:
        described = [set(i.description.lower().split()) for i in interests]
        return sum(
            len(words & d)
            for item in items
            for words in [set(f"{item.title} {item.description}".lower().split())]
            for d in described
        )

    found = prompts(items, interests, seats, organisations, COMMITTEE)
    count = sum(len(p) for p in found.values())
    baseline = median_ms(bare)
    ours = median_ms(lambda: prompts(items, interests, seats, organisations, COMMITTEE))
    print(f"prompts: bare word sets, {ITEMS} items x {INTERESTS} interests: {baseline:7.2f} ms")
    print(
        f"prompts: {ITEMS}-item agenda, {INTERESTS}-interest register: {ours:7.2f} ms "
        f"({count} prompts; target {TARGET_MS:.0f} ms: {'met' if ours < TARGET_MS else 'MISSED'})"
    )


if __name__ == "__main__":
    main()
