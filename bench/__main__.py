"""Benchmarks of the foundation, each against a bare baseline measured in the same run.

- building the demo database (three committees from YAML) and opening it;
- the app's first screen, headless, against a bare Textual app showing a DataTable;
- then the quorum (bench/quorum.py), the meeting screen on a minuted 25-item meeting
  (bench/meeting.py), live capture (bench/live.py), the Word exports (bench/export.py)
  the tracker export of 1,000 open actions through the store (bench/tracker_export.py),
  and matters arising and the tracker screen for a committee ten years old
  (bench/cycle.py), and the interest prompts for a 30-item agenda against a register of
  500 interests (bench/prompts.py), and searching the record: a rare word, a common word
  and a prefix on the demo and on the demo grown by a committee ten years old
  (bench/search.py).

`python -m bench --scale` (or `make bench-scale`, alone) adds the same steps on the
demo and on a file of twenty committees ten years old (bench/scale.py): that file takes
a few minutes to build the first time (bench/bigfile.py keeps it), so it is not part of
a plain `make bench`.

These machines are noisy, so each figure is the median of several runs and is printed
beside its baseline rather than checked against a fixed number.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header

from bench.cycle import main as cycle_benchmark
from bench.export import main as export_benchmark
from bench.live import main as live_benchmark
from bench.meeting import main as meeting_benchmark
from bench.prompts import main as prompts_benchmark
from bench.quorum import main as quorum_benchmark
from bench.search import main as search_benchmark
from bench.tracker_export import main as tracker_export_benchmark
from minutebook.seeds import build_demo_database
from minutebook.store import DatabaseFile, Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.committees import CommitteesScreen

RUNS = 7


def median_ms(run: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


class BareApp(App[None]):
    """The baseline: a Textual app with the same kinds of widget and nothing else."""

    def compose(self) -> ComposeResult:
        yield Header()
        table: DataTable[str] = DataTable()
        table.add_columns("Code", "Name", "Members")
        table.add_row("HCP", "Milton Keynes Health and Care Partnership", "19")
        yield table
        yield Footer()


async def _first_paint(app: App[None], ready: Callable[[App[None]], bool]) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        while not ready(app):
            await pilot.pause()


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.db"
        build = median_ms(lambda: build_demo_database(path, force=True))
        print(f"build the demo database (3 committees):   {build:7.1f} ms")

        def open_and_list() -> None:
            with Store.open(path) as store:
                for committee in store.committees():
                    store.membership(committee.code)

        print(f"open the database and read every roster:  {median_ms(open_and_list):7.1f} ms")

        bare = median_ms(lambda: asyncio.run(_first_paint(BareApp(), lambda a: True)))

        def minutebook_start() -> None:
            # As `minutebook` starts: the light file first, the full store when needed.
            database = DatabaseFile.open(path)
            try:
                app = MinutebookApp(database)
                asyncio.run(_first_paint(app, lambda a: isinstance(a.screen, CommitteesScreen)))
            finally:
                database.close()

        ours = median_ms(minutebook_start)
        print(f"first screen, bare Textual app (baseline): {bare:7.1f} ms")
        print(f"first screen, Minutebook committees list:  {ours:7.1f} ms  ({ours / bare:.2f}x)")


if __name__ == "__main__":
    main()
    quorum_benchmark()
    meeting_benchmark()
    live_benchmark()
    export_benchmark()
    tracker_export_benchmark()
    cycle_benchmark()
    prompts_benchmark()
    search_benchmark()
    if "--scale" in sys.argv[1:]:
        from bench.scale import main as scale_benchmark

        scale_benchmark()
