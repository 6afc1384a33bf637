"""Benchmark: the action tracker export, in-process, to an in-memory .docx.

Targets (issue 5, Word exporters): 100 tracker rows are part of a meeting's export that
must finish within 250 ms; a 1,000-row tracker in under 500 ms. Rows are added with
``add_row().cells`` once per row; ``table.cell(r, c)`` in a loop would take seconds.
"""

from __future__ import annotations

import io
import statistics
import time
from datetime import date, timedelta

from minutebook.domain.actions import Action, ActionStatus, ActionUpdate
from minutebook.domain.committee import Committee, Person, RagPalette
from minutebook.exporters.tracker import render_tracker

RUNS = 7
MEETING_BUDGET_MS = 250.0
TRACKER_1000_MS = 500.0


def actions(count: int) -> list[Action]:
    """`count` realistic actions: long texts, revised deadlines, updates, every RAG."""
    start = date(2023, 6, 13)
    statuses = list(ActionStatus)
    result = []
    for n in range(1, count + 1):
        status = statuses[n % len(statuses)]
        meeting = start + timedelta(days=7 * (n % 50))
        result.append(
            Action(
                committee="HCP",
                number=n,
                meeting_date=meeting,
                minute=f"HCP{n % 40 + 1}",
                item_title=f"Item {n % 30 + 1}: integrated neighbourhood working",
                description="Agreed, that the Joint Leadership Team undertake background "
                f"work to prepare for the pilot (action {n}). " * 2,
                owner=f"p{n % 20}",
                due=meeting + timedelta(days=60),
                past_deadlines=(meeting + timedelta(days=30),) if n % 3 == 0 else (),
                status=status,
                rag="RAGB"[n % 4],
                updates=(ActionUpdate(date=meeting + timedelta(days=20), text="Progress. " * 12),),
                closed_on=meeting + timedelta(days=50) if status is ActionStatus.CLOSED else None,
            )
        )
    return result


def median_ms(run: object, runs: int = RUNS) -> float:
    assert callable(run)
    times = []
    for _ in range(runs):
        begin = time.perf_counter()
        run()
        times.append((time.perf_counter() - begin) * 1000)
    return statistics.median(times)


def main() -> None:
    committee = Committee(
        code="HCP", name="Health and Care Partnership", rag_palette=RagPalette.COUNCIL
    )
    people = [Person(id=f"p{i}", name=f"Person Number{i}") for i in range(20)]

    def export(rows: list[Action]) -> None:
        build = render_tracker(rows, committee, people, as_of=date(2024, 1, 10))
        build.document.save(io.BytesIO())

    for count, target, what in (
        (100, MEETING_BUDGET_MS, "within the 250 ms meeting budget"),
        (1000, TRACKER_1000_MS, "target < 500 ms"),
    ):
        rows = actions(count)
        export(rows)  # warm up python-docx's imports and caches
        ms = median_ms(lambda rows=rows: export(rows))
        verdict = "ok" if ms < target else "OVER"
        print(f"tracker, {count:5,} rows, render + save:  {ms:7.1f} ms  ({what}: {verdict})")


if __name__ == "__main__":
    main()
