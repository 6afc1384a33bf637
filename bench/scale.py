"""Benchmark: the same steps on a small file and on ten years of twenty committees.

Target (issue 14, scale): every screen and export reads what it shows, not the
committee's history. Measured on two files built by `bench.bigfile` (through the store,
kept between runs in the temporary folder):

- small: the demo and one committee (C01) one year old: 10 meetings of 25 minuted items;
- large: the demo and twenty committees ten years old: 2,000 meetings, 50,000 minutes,
  100,000 actions, each reviewed at the next meeting.

The steps, each on committee C01 and its latest meeting in both files: cold start of
``minutebook`` to the committees list (in a pseudo-terminal, not on Windows); the
committee's screen to its first full frame (the Members tab it opens on), and its
Meetings tab (4) to the frame listing its 10 or 100 meetings; the meeting
screen to its agenda; an item switch (F8) in live capture to its frame; the minutes
export (the snapshot read from the store, rendered, saved); the tracker export (open
actions and those closed this tracker year, from 500 or 5,000 actions; its time and its
peak memory by tracemalloc); a search for a rare word, a common word and a prefix
(`Store.search`, p95). Each large figure is printed beside the small one: the target is
1.2x, except the tracker export (under 500 ms and 100 MiB) and search (p95 under
100 ms). The SQL statements each read makes are counted too (a trace callback).

Building the large file takes a few minutes the first time, so this is not part of
`make bench`: run it with ``make bench-scale`` or ``python -m bench.scale``.
"""

from __future__ import annotations

import asyncio
import io
import multiprocessing
import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from textual.app import App
from textual.screen import Screen
from textual.widgets import DataTable

from bench.bigfile import ITEMS, RARE_WORD, built, committee_code
from bench.export import median_ms
from minutebook.application.exports import Document, build_document, presented_tracker
from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.committee import CommitteeScreen
from minutebook.tui.screens.live import LiveMeetingScreen
from minutebook.tui.screens.meeting import MeetingScreen

RUNS = 7
SEARCH_RUNS = 100
RATIO = 1.2
TRACKER_MS = 500.0
TRACKER_MIB = 100.0
SEARCH_MS = 100.0
CODE = committee_code(0)
QUERIES = {"rare word": RARE_WORD, "common word": "budget", "prefix": "safeg"}


@dataclass
class Figures:
    """One file's figures: ms per step, statements per read, the tracker's peak."""

    ms: dict[str, float] = field(default_factory=dict)
    statements: dict[str, int] = field(default_factory=dict)
    tracker_mib: float = 0.0
    tracker_rows: int = 0
    actions: int = 0
    meetings: int = 0


def p95_ms(run: Callable[[], object], runs: int = SEARCH_RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.quantiles(times, n=20)[-1]


@contextmanager
def counted(store: Store) -> Iterator[list[str]]:
    """The SQL statements run on the store's connection meanwhile."""
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    try:
        yield statements
    finally:
        store.db.conn.set_trace_callback(None)


def statements_of(store: Store, run: Callable[[], object]) -> int:
    with counted(store) as statements:
        run()
    return len(statements)


# -- screens, headless -----------------------------------------------------------------


async def screen_times(
    app: App[None],
    make: Callable[[], Screen[None]],
    ready: Callable[[App[None]], bool],
    key: str | None = None,
    then: Callable[[App[None]], bool] | None = None,
) -> tuple[float, float]:
    """Median ms from pushing the screen to its first frame where `ready` holds; and,
    given a `key`, from pressing it there to the first frame where `then` holds."""
    opened: list[float] = []
    pressed: list[float] = []
    shown: list[float] = []
    wanted = [ready]

    def displayed() -> None:
        if not shown and wanted[0](app):
            shown.append(time.perf_counter())

    async with app.run_test(size=(80, 24)) as pilot:
        app.post_display_hook = displayed  # type: ignore[method-assign]
        await pilot.pause(0.3)
        for _ in range(RUNS):
            shown.clear()
            wanted[0] = ready
            start = time.perf_counter()
            app.push_screen(make())
            while not shown:
                await pilot.pause()
            opened.append((shown[0] - start) * 1000)
            if key is not None and then is not None:
                await pilot.pause(0.1)
                shown.clear()
                wanted[0] = then
                start = time.perf_counter()
                await pilot.press(key)
                while not shown:
                    await pilot.pause()
                pressed.append((shown[0] - start) * 1000)
            app.pop_screen()
            await pilot.pause(0.1)
    return statistics.median(opened), statistics.median(pressed) if pressed else 0.0


def rows_of(table_id: str, count: int) -> Callable[[App[None]], bool]:
    """Whether the committee screen's table shows `count` rows."""

    def ready(app: App[None]) -> bool:
        screen = app.screen
        if not isinstance(screen, CommitteeScreen):
            return False
        found = screen.query(table_id)
        return (
            bool(found)
            and isinstance(table := found.first(), DataTable)
            and (table.row_count == count)
        )

    return ready


def agenda_shown(app: App[None]) -> bool:
    screen = app.screen
    if not isinstance(screen, MeetingScreen):
        return False
    tables = screen.query(DataTable)
    return bool(tables) and tables.first().row_count == ITEMS


async def item_switches(app: MinutebookApp, store: Store) -> tuple[float, int]:
    """Median ms from F8 (or F7, back up) to the frame showing the new item; the SQL
    statements the last switch made."""
    frames: list[float] = []
    made: list[int] = [0]
    times: list[float] = []
    async with app.run_test(size=(80, 24)) as pilot:
        app.post_display_hook = lambda: frames.append(time.perf_counter())  # type: ignore[method-assign]
        await pilot.pause(0.3)
        screen = app.screen
        assert isinstance(screen, LiveMeetingScreen)
        loaded = [0.0]
        show_item = screen.show_item

        def timed_show_item() -> None:
            with counted(store) as statements:
                show_item()
            loaded[0] = time.perf_counter()
            made[0] = len(statements)

        screen.show_item = timed_show_item  # type: ignore[method-assign]
        for n in range(4 * RUNS):
            loaded[0] = 0.0
            start = time.perf_counter()
            await pilot.press("f8" if (n // 10) % 2 == 0 else "f7")
            while not loaded[0] or not [t for t in frames[-20:] if t > loaded[0]]:
                await pilot.pause()
            frame = next(t for t in frames[-20:] if t > loaded[0])
            times.append((frame - start) * 1000)
            await pilot.pause(0.02)
    return statistics.median(times), made[0]


# -- the steps ------------------------------------------------------------------------


def cold_start(folder: Path, path: Path) -> float:
    from bench.live import first_paint_ms

    times = []
    for _ in range(5):
        copy = folder / "start.db"
        for leftover in ("start.db-wal", "start.db-shm"):
            (folder / leftover).unlink(missing_ok=True)
        shutil.copyfile(path, copy)
        command = [sys.executable, "-m", "minutebook", "--db", str(copy)]
        # The last column of the list, "Council" cut short when a scrollbar takes a column.
        times.append(first_paint_ms(command, b"Coun", folder))
    return statistics.median(times)


def measure(folder: Path, kept: Path, label: str) -> Figures:
    figures = Figures()
    path = folder / f"{label}.db"
    shutil.copyfile(kept, path)
    if sys.platform != "win32":
        figures.ms["cold start"] = cold_start(folder, path)
    with Store.open(path) as store:
        meetings = store.meetings(CODE)
        latest = max(meetings, key=lambda m: m.date)
        meeting_id = latest.id or 0
        figures.meetings = len(meetings)
        figures.actions = len(store.actions(CODE))
        now = datetime.combine(latest.date, datetime.min.time()).replace(hour=11)
        today = latest.date + timedelta(days=1)

        app = MinutebookApp(store, clock=lambda: now)
        opened, listed = asyncio.run(
            screen_times(
                app,
                lambda: CommitteeScreen(CODE),
                rows_of("#members-table", len(store.seats(CODE))),  # the tab it opens on
                "4",
                rows_of("#meetings-table", len(meetings)),
            )
        )
        figures.ms["committee screen"], figures.ms["its Meetings tab (4)"] = opened, listed
        app = MinutebookApp(store, clock=lambda: now)
        figures.ms["meeting screen"], _ = asyncio.run(
            screen_times(app, lambda: MeetingScreen(meeting_id), agenda_shown)
        )
        app = MinutebookApp(store, clock=lambda: now, open_meeting=meeting_id)
        figures.ms["item switch"], figures.statements["item switch"] = asyncio.run(
            item_switches(app, store)
        )

        def minutes_export() -> None:
            snapshot = store.minutes_snapshot(meeting_id)
            build_document(Document.MINUTES, snapshot, None, today).document.save(io.BytesIO())

        figures.ms["minutes read"] = median_ms(lambda: store.minutes_snapshot(meeting_id))
        figures.statements["minutes read"] = statements_of(
            store, lambda: store.minutes_snapshot(meeting_id)
        )
        figures.ms["minutes export"] = median_ms(minutes_export)

        def tracker_export() -> int:
            tracker = presented_tracker(store, CODE, latest.date, today)
            build_document(Document.TRACKER, tracker, None, today).document.save(io.BytesIO())
            return len(tracker.actions)

        figures.ms["tracker read"] = median_ms(
            lambda: presented_tracker(store, CODE, latest.date, today)
        )
        figures.statements["tracker read"] = statements_of(
            store, lambda: presented_tracker(store, CODE, latest.date, today)
        )
        figures.ms["tracker export"] = median_ms(tracker_export)
        tracemalloc.start()
        figures.tracker_rows = tracker_export()
        figures.tracker_mib = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()

        for kind, query in QUERIES.items():
            figures.ms[f"search, {kind}"] = p95_ms(
                lambda q=query: store.search(q, limit=50)  # type: ignore[misc]
            )
    return figures


def report(small: Figures, large: Figures) -> None:
    print(
        f"scale: committee {CODE}, small file {small.meetings} meetings / {small.actions:,} "
        f"actions, large file {large.meetings} meetings / {large.actions:,} actions "
        "(and 19 more committees like it)"
    )
    print(f"  {'step':<28} {'small':>9} {'large':>9}  ratio  target")
    for step, ours in large.ms.items():
        base = small.ms[step]
        if step.startswith("search"):
            verdict = f"p95 < {SEARCH_MS:.0f} ms: {'ok' if ours < SEARCH_MS else 'OVER'}"
        elif step == "tracker export":
            within = ours < TRACKER_MS and large.tracker_mib < TRACKER_MIB
            verdict = (
                f"< {TRACKER_MS:.0f} ms and {TRACKER_MIB:.0f} MiB: {'ok' if within else 'OVER'}"
            )
        elif step.endswith("read"):
            verdict = "(part of the export)"
        else:
            verdict = f"{RATIO}x: {'ok' if ours <= RATIO * base else 'OVER'}"
        print(f"  {step:<28} {base:7.1f} ms {ours:7.1f} ms  {ours / base:4.2f}x  {verdict}")
    for step, count in large.statements.items():
        print(f"  SQL statements, {step:<15} small {small.statements[step]:6,}  large {count:6,}")
    print(
        f"  tracker: {small.tracker_rows:,} rows of {small.actions:,} (peak "
        f"{small.tracker_mib:.1f} MiB), {large.tracker_rows:,} rows of {large.actions:,} "
        f"(peak {large.tracker_mib:.1f} MiB)"
    )


def measure_apart(kept: Path, label: str) -> Figures:
    """`measure` in a fresh interpreter, so that neither file's figures carry what
    measuring the other left behind in the process (its objects, its caches)."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(_measure_in_a_folder, kept, label).result()


def _measure_in_a_folder(kept: Path, label: str) -> Figures:
    with tempfile.TemporaryDirectory() as name:
        return measure(Path(name), kept, label)


def main() -> None:
    small_file = built(1, 1, quiet=True)
    large_file = built()
    report(measure_apart(small_file, "small"), measure_apart(large_file, "large"))


if __name__ == "__main__":
    main()
