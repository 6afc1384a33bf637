"""Benchmark: matters arising and the action tracker for a committee ten years old.

Targets (issue: the committee's cycle): for a committee with 5,000 actions agreed over
ten years (100 meetings), each reviewed at the next meeting, where all but one in fifty
are closed (about 150 stay open),

- matters arising at its latest meeting (the list of open actions, each with its
  history, read through `MattersArising`), and the screen that shows it, headless at
  80x24, from opening to the first frame with every row: under 100 ms;
- the tracker screen (open actions, the default) likewise: under 100 ms.

Each figure is the median of several runs, printed beside a bare baseline measured in the
same run: a screen holding one DataTable filled with as many rows of ready-made text.
The committee is built through the store (every row valid), on a copy of the demo.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from textual.app import App
from textual.screen import Screen
from textual.widgets import DataTable

from minutebook.application.matters import MattersArising
from minutebook.application.tracker import ActionTracker
from minutebook.domain import Action, AgendaItem, Meeting
from minutebook.domain.action_views import ActionFilter
from minutebook.domain.actions import ActionStatus
from minutebook.domain.reviews import ActionReview
from minutebook.seeds import build_demo_database
from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.matters_arising import MattersArisingScreen
from minutebook.tui.screens.tracker import TrackerScreen

YEARS = 10
MEETINGS_A_YEAR = 10
ACTIONS_A_MEETING = 50
RUNS = 7
TARGET_MS = 100.0
OWNERS = ["makarem", "bracey", "wogan", "summers", "graves", "shah", "harrison", "kufeji"]


def build_committee(store: Store) -> int:
    """The ICB with 100 meetings from 2012, 50 actions agreed at each, each reviewed at
    the next meeting (all but one in fifty closed there); the latest meeting's id."""
    first = date(2012, 1, 10)
    meetings: list[Meeting] = []
    with store.transaction():
        for n in range(YEARS * MEETINGS_A_YEAR):
            day = first + timedelta(days=36 * n)
            meeting = store.add_meeting(Meeting(committee="ICB", date=day))
            store.add_agenda_item(meeting.id or 0, AgendaItem(number=1, title="Action Tracker"))
            meetings.append(meeting)
        for index, meeting in enumerate(meetings[:-1]):
            following = meetings[index + 1]
            for k in range(ACTIONS_A_MEETING):
                action = store.add_action(
                    Action(
                        committee="ICB",
                        meeting_date=meeting.date,
                        description=f"To report back on workstream {k} of the plan agreed "
                        f"on {meeting.date:%d/%m/%Y}",
                        owner=OWNERS[k % len(OWNERS)],
                        due=following.date,
                    )
                )
                closed = k % 50 != 0
                store.review_action(
                    ActionReview(
                        action_id=action.id,
                        meeting_id=following.id,
                        meeting_date=following.date,
                        item=1,
                        update="Work under way" if not closed else "Complete",
                        status=ActionStatus.CLOSED if closed else ActionStatus.IN_PROGRESS,
                        revised_due=None if closed else following.date + timedelta(days=90),
                    )
                )
    return meetings[-1].id or 0


def median_ms(run: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


class BareScreen(Screen[None]):
    """The baseline: one DataTable of ready-made rows."""

    def __init__(self, rows: int) -> None:
        super().__init__()
        self.rows = rows

    def compose(self):  # type: ignore[no-untyped-def]
        yield DataTable(id="bare")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("No.", "Agreed", "Action", "Owner", "Due", "RAG")
        for n in range(self.rows):
            table.add_row(str(n), "10/01/12", "To report back on…", "Maria Wogan", "", "AMBER")


async def time_screens(
    app: App[None], screens: dict[str, tuple[Callable[[], Screen[None]], int]]
) -> dict[str, float]:
    """Median ms, per screen, from pushing it to the first frame with all its rows (the
    number given with it); one app run for them all."""
    times: dict[str, list[float]] = {name: [] for name in screens}
    shown: list[float] = []
    wanted = [0]  # the rows of the screen being timed

    def displayed() -> None:
        tables = app.screen.query(DataTable)
        if tables and tables.first().row_count >= wanted[0]:
            shown.append(time.perf_counter())

    async with app.run_test(size=(80, 24)) as pilot:
        app.post_display_hook = displayed  # type: ignore[method-assign]
        await pilot.pause(0.2)
        for _ in range(RUNS):
            for name, (make, rows) in screens.items():
                wanted[0] = rows
                shown.clear()
                start = time.perf_counter()
                app.push_screen(make())
                while not shown:
                    await pilot.pause()
                times[name].append((shown[0] - start) * 1000)
                app.pop_screen()
                await pilot.pause(0.1)
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "cycle.db"
        build_demo_database(path, force=True)
        with Store.open(path) as store:
            started = time.perf_counter()
            latest = build_committee(store)
            built = time.perf_counter() - started
            actions = len(store.actions("ICB"))
            arising = MattersArising(store, latest)
            listed = len(arising.actions())
            print(
                f"committee of {actions} actions over {YEARS} years built in {built:.1f} s; "
                f"{listed} open at its latest meeting"
            )
            read = median_ms(arising.actions)
            print(f"matters arising, read (4 queries):          {read:7.1f} ms")
            clock = datetime(2021, 12, 1, 10, 0)
            tracked = len(
                ActionTracker(store, "ICB").lines(ActionFilter(open_only=True), clock.date())
            )
            figures = asyncio.run(
                time_screens(
                    MinutebookApp(store, clock=lambda: clock),
                    {
                        "bare": (lambda: BareScreen(listed), listed),
                        "arising": (
                            lambda: MattersArisingScreen(
                                MattersArising(store, latest), lambda: None
                            ),
                            listed,
                        ),
                        "tracker": (lambda: TrackerScreen("ICB"), tracked),
                    },
                )
            )
            bare, screen, tracker = figures["bare"], figures["arising"], figures["tracker"]
            print(f"a {listed}-row table, bare Textual (baseline): {bare:7.1f} ms")
            print(
                f"matters arising screen, first full frame: {screen:7.1f} ms  "
                f"({screen / bare:.2f}x; target {TARGET_MS:.0f} ms)"
            )
            print(
                f"tracker screen ({tracked} open of {actions}):   {tracker:7.1f} ms  "
                f"({tracker / bare:.2f}x; target {TARGET_MS:.0f} ms)"
            )


if __name__ == "__main__":
    main()
