"""Benchmark: searching everything recorded (docs/search.md, `Store.search`).

Target (issue 14): p95 under 100 ms for a single rare word, a common word and a prefix.
Measured on the demo database and on a copy of it grown by one committee ten years old
(100 meetings of 25 minuted items, 2,500 minutes of 60-odd words, with a decision and
an action at each item: about 10,000 indexed texts), then by ten (100,000), built
through the store.

Each figure is the 95th percentile of many runs, printed beside a bare baseline
measured in the same run on the same data: the one FTS5 query a search cannot do
without (the best 50 matches by rank, with their snippets), which places nothing,
checks nothing confidential and orders nothing by date.
"""

from __future__ import annotations

import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from minutebook.domain import Action, AgendaItem, Committee, Decision, DecisionVerb, Meeting
from minutebook.domain.search import fts_query
from minutebook.seeds import build_demo_database
from minutebook.store import Store

RUNS = 200
TARGET_MS = 100.0
MEETINGS = 100
ITEMS = 25
COMMITTEES = 10
OWNERS = ["makarem", "bracey", "wogan", "summers", "graves", "shah", "harrison", "kufeji"]
TOPICS = (
    "budget", "primary", "care", "workforce", "estates", "quality", "safeguarding",
    "finance", "performance", "risk", "digital", "pharmacy", "maternity", "urgent",
    "elective", "cancer", "children", "housing", "prevention", "inequalities",
)  # fmt: skip
FILLER = (
    "the", "board", "noted", "report", "received", "discussion", "members", "asked",
    "about", "plan", "progress", "agreed", "that", "would", "further", "update", "next",
    "meeting", "partnership", "officers", "confirmed", "position", "assurance", "was",
)  # fmt: skip

# On the demo: a word in one place, a word in many (FTS5 counts), the start of a word.
DEMO_QUERIES = {"rare word": "Stocktake", "common word": "meeting", "prefix": "quor"}
LARGE_QUERIES = {
    "rare word": "kingfisher",  # bigfile.RARE_WORD
    "common word": "budget",
    "prefix": "safeg",
    "3 letters": "the",
}
"""On bench/bigfile.py's 20 committees x 10 years, as bench/scale.py searches it."""
GROWN_QUERIES = {
    "rare word": "kingfisher",
    "common word": "budget",
    "prefix": "safeg",
    "3 letters": "the",  # what the app searches for at the third character typed
}


def grow(store: Store, code: str = "GRW") -> None:
    """One committee ten years old: every item minuted, with a decision and an action;
    "kingfisher" in three of its minutes only."""
    rng = random.Random(code)
    store.add_committee(Committee(code=code, name=f"Grown Committee {code}"))
    first = date(2014, 1, 15)
    with store.transaction():
        for n in range(MEETINGS):
            day = first + timedelta(days=36 * n)
            meeting_id = store.add_meeting(Meeting(committee=code, date=day)).id or 0
            for item in range(1, ITEMS + 1):
                topic = TOPICS[(n + item) % len(TOPICS)]
                store.add_agenda_item(
                    meeting_id, AgendaItem(number=1, title=f"{topic.capitalize()} report")
                )
                words = rng.choices(FILLER, k=55) + rng.choices(TOPICS, k=8)
                if n * ITEMS + item in (17, 1234, 2401):
                    words.append("kingfisher")
                rng.shuffle(words)
                store.write_narrative(meeting_id, item, " ".join(words).capitalize() + ".")
                store.add_decision(
                    meeting_id,
                    item,
                    Decision(verb=DecisionVerb.RESOLVED, text=f"That the {topic} report be noted."),
                )
                store.add_action(
                    Action(
                        committee=code,
                        meeting_date=day,
                        meeting_id=meeting_id,
                        item=item,
                        description=f"To bring the {topic} plan to the next meeting.",
                        owner=OWNERS[item % len(OWNERS)],
                    )
                )


def p95_ms(run: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.quantiles(times, n=20)[-1]


def bare(store: Store, query: str) -> Callable[[], object]:
    """The baseline: the best 50 by rank with their snippets, nothing else."""
    match = fts_query(query)

    def run() -> object:
        return store.db.execute(
            "SELECT rowid, snippet(search, 0, '[', ']', '…', 12) FROM search "
            "WHERE search MATCH ? ORDER BY rank LIMIT 50",
            [match],
        ).fetchall()

    return run


def measure(store: Store, label: str, queries: dict[str, str]) -> None:
    indexed = store.db.execute("SELECT count(*) FROM search").fetchone()[0]
    print(f"search, {label} ({indexed:,} indexed texts), p95 of {RUNS} runs:")
    for kind, query in queries.items():
        hits = store.db.execute(
            "SELECT count(*) FROM search WHERE search MATCH ?", [fts_query(query)]
        ).fetchone()[0]
        ours = p95_ms(lambda q=query: store.search(q, limit=50))  # type: ignore[misc]
        base = p95_ms(bare(store, query))
        verdict = "ok" if ours < TARGET_MS else "OVER TARGET"
        print(
            f"  {kind:<11} {query!r:<13} {hits:>6,} hits  Store.search {ours:7.2f} ms   "
            f"bare FTS5 {base:6.2f} ms  ({ours / base:5.1f}x)  target {TARGET_MS:.0f} ms: "
            f"{verdict}"
        )


def main() -> None:
    """The demo, the issue's large file if bench/bigfile.py has built it, then (unless
    `--large-only`) the demo grown here one committee at a time."""
    from bench import bigfile  # here: bigfile takes its words from this module

    with tempfile.TemporaryDirectory() as folder:
        demo = Path(folder) / "demo.db"
        build_demo_database(demo, force=True)
        with Store.open(demo) as store:
            measure(store, "the demo", DEMO_QUERIES)
        if bigfile.kept_path().exists():
            with Store.open(bigfile.built(quiet=True)) as store:
                measure(store, f"{bigfile.kept_path().name}", LARGE_QUERIES)
        if "--large-only" in sys.argv[1:]:
            return
        grown = Path(folder) / "grown.db"
        shutil.copyfile(demo, grown)
        with Store.open(grown) as store:
            for n in range(COMMITTEES):
                grow(store, "GRW" if n == 0 else f"GR{n}")
                if n + 1 in (1, COMMITTEES):
                    label = "a committee" if n == 0 else f"{n + 1} committees"
                    measure(store, f"the demo and {label} ten years old", GROWN_QUERIES)


if __name__ == "__main__":
    main()
