"""Benchmark: the meeting screen on a fully minuted 25-item meeting, and its quorum.

Targets (issue: the meeting screen must stay fast as the record grows):

- opening the meeting screen, headless at 80x24, to the first frame that shows the
  agenda: under 150 ms;
- switching to the Minutes tab (``3``) to the frame that shows it: under 100 ms;
- ``MeetingQuorum`` for that meeting (the capture service builds it again after every
  change) is reported beside one evaluation by the quorum engine.

Each figure is the median of several runs, printed beside a bare Textual baseline
measured in the same run: a screen with the same widgets (a TabbedContent holding a
25-row DataTable and two scrolling Statics whose text is already built) and nothing else.

The meeting is built the way the secretary builds one, through the live capture service
(`MeetingCapture`) on a copy of the demo database: the Board of the ICB, the roll at
item 1 (some remote, one apology), a late arrival, a departure and return, an early
departure, officers in attendance, four paragraphs, two decisions and an action under
every item, and declarations of interest.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from textual import events
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static, TabbedContent, TabPane

from minutebook.application.capture import MeetingCapture
from minutebook.domain import AgendaItem, Meeting
from minutebook.domain.meeting_quorum import MeetingQuorum
from minutebook.domain.quorum_engine import QuorumEngine
from minutebook.domain.room import Mark
from minutebook.store import Store
from minutebook.tui.app import MinutebookApp

ITEMS = 25
RUNS = 7
OPEN_TARGET_MS = 150.0
SWITCH_TARGET_MS = 100.0
DAY = date(2022, 9, 30)

PARAGRAPH = (
    "The Board received the report of the Chief Finance Officer on the financial position "
    "at month five, the risks to the recovery plan and the actions being taken with "
    "partners across Bedfordshire, Luton and Milton Keynes to bring spending back in line "
    "(paragraph {n} of item {item})."
)
ROLL = [
    "makarem", "blakeman", "borrett", "pointer", "cox", "westcott", "murray",
    "graves", "harrison", "kufeji", "shah", "bracey", "church", "coiffait", "porter",
    "alsop", "poulain", "roberts", "taffetani", "wogan",
]  # fmt: skip
REMOTE = {"blakeman", "church", "taffetani"}


class MeetingClock:
    """A clock the builder moves on, a few minutes per item."""

    def __init__(self) -> None:
        self.now = datetime(2022, 9, 30, 9, 30)

    def __call__(self) -> datetime:
        return self.now

    def tick(self, minutes: int = 1) -> None:
        self.now += timedelta(minutes=minutes)


def minuted_meeting(store: Store) -> int:
    """A fully minuted 25-item ICB meeting in `store` (a copy of the demo); its id."""
    meeting = store.add_meeting(Meeting(committee="ICB", date=DAY, time="09:30", venue="MS Teams"))
    meeting_id = meeting.id or 0
    for n in range(1, ITEMS + 1):
        store.add_agenda_item(
            meeting_id,
            AgendaItem(number=n, title=f"Agenda item {n}: system finance and performance"),
        )
    clock = MeetingClock()
    capture = MeetingCapture(store, meeting_id, clock)
    capture.take_up(1)
    capture.mark("carter", Mark.APOLOGIES, 1)
    for person in ROLL:
        capture.mark(person, Mark.REMOTE if person in REMOTE else Mark.PRESENT, 1)
    capture.add_to_room("Alex Minute", "minute_taker", 1, role="Board Secretary")
    for n in range(3):
        capture.add_to_room(f"Officer Number{n}", "officer", 1, role=f"Head of Service {n}")
    owners = [p for p in ROLL if p not in REMOTE]
    for item in range(1, ITEMS + 1):
        clock.tick(4)
        capture.take_up(item)
        if item == 3:
            capture.mark("whiteman", Mark.PRESENT, item)
        if item == 10:
            capture.mark("graves", Mark.LEFT, item)
        if item == 12:
            capture.mark("graves", Mark.BACK, item)
        if item == 20:
            capture.mark("shah", Mark.LEFT, item)
        if item in (5, 14):
            ruling = "leave" if item == 5 else "no_vote"
            capture.declare("kufeji", item, "financial", "Partner in a GP practice", ruling, item)
        text = "\n\n".join(PARAGRAPH.format(n=n, item=item) for n in range(1, 5))
        capture.write_narrative(item, text)
        capture.decide(item, f"That the recommendations in section {item} be approved", "RESOLVED")
        capture.decide(item, "That the risks set out in the report be noted", "NOTED")
        capture.agree_action(
            item,
            f"Report back on the recommendations of item {item}",
            owners[item % len(owners)],
            (DAY + timedelta(days=60)).strftime("%d/%m/%Y"),
        )
    return meeting_id


# -- measuring --------------------------------------------------------------------------


class Frames:
    """When the app put out each frame (headless apps still compose frames), and what it
    showed then: the agenda, the Minutes tab with its text, or something else."""

    def __init__(self, app: App[None]) -> None:
        self.times: list[tuple[float, str]] = []
        self.app = app
        app.post_display_hook = self._displayed  # type: ignore[method-assign]

    def _displayed(self) -> None:
        self.times.append((time.perf_counter(), showing(self.app)))

    def first(self, since: float, what: str) -> float:
        return next(t for t, shown in self.times if t > since and shown == what)

    def last(self, since: float) -> float:
        return max((t for t, _ in self.times if t > since), default=float("nan"))


def showing(app: App[None]) -> str:
    """What the screen shows: "agenda" (the agenda tab, all its rows), "agenda moved"
    (its cursor on the second item), "minutes" (the Minutes tab, its text laid out),
    "minutes moved" (scrolled down) or ""."""
    tabs = app.screen.query(TabbedContent)
    if not tabs:
        return ""
    active = tabs.first().active
    if active == "agenda":
        table = app.screen.query(DataTable)
        if not table or table.first().row_count != ITEMS:
            return ""
        return "agenda moved" if table.first().cursor_row == 1 else "agenda"
    if active == "minutes":
        found = app.screen.query_one("#minutes", TabPane).query(VerticalScroll)
        scroll = found.first() if found else None
        if scroll is None or not scroll.children or scroll.children[0].size.height <= 3:
            return ""
        return "minutes moved" if scroll.scroll_y > 0 else "minutes"
    return ""


def send(app: App[None], *keys: str) -> None:
    """Keys as the terminal sends them, without waiting (Pilot's `press` waits for each
    key to be handled and for animations to end)."""
    assert app._driver is not None
    for key in keys:
        app._driver.send_message(events.Key(key, None))


async def measure_screen(
    app: App[None], open_screen: Callable[[], object], runs: int = RUNS
) -> dict[str, list[float]]:
    """Milliseconds, per run: from pushing the screen to its first frame with the agenda
    ("open"), and to the frame that shows a key pressed at once ("open keys": a screen
    may draw, then keep the keys waiting); from pressing 3 to the first frame of the
    Minutes tab with its text ("switch"), and to the frame that shows a key pressed 30 ms
    after it ("switch keys")."""
    times: dict[str, list[float]] = {k: [] for k in ("open", "open keys", "switch", "switch keys")}
    async with app.run_test(size=(80, 24)) as pilot:
        frames = Frames(app)
        await pilot.pause(0.2)
        for _ in range(runs):
            start = time.perf_counter()
            open_screen()
            send(app, "down")
            await pilot.pause()
            await pilot.pause(0.3)
            times["open"].append((frames.first(start, "agenda") - start) * 1000)
            times["open keys"].append((frames.first(start, "agenda moved") - start) * 1000)
            await pilot.press("up")
            await pilot.pause(0.1)
            start = time.perf_counter()
            send(app, "3")
            await asyncio.sleep(0.03)  # a quick second key, once the tab has its focus
            send(app, "down")
            await pilot.pause()
            await pilot.pause(0.3)
            times["switch"].append((frames.first(start, "minutes") - start) * 1000)
            times["switch keys"].append((frames.first(start, "minutes moved") - start) * 1000)
            app.pop_screen()
            await pilot.pause(0.1)
    return times


class BareScreen(Screen[None]):
    """The baseline: a meeting screen's widgets holding the same text, built beforehand."""

    BINDINGS = [("3", "minutes", "Minutes")]

    def __init__(self, minutes: str) -> None:
        super().__init__()
        self.minutes = minutes

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("ICB · 30 September 2022 · draft")
        with TabbedContent(initial="agenda", id="tabs"):
            with TabPane("1 Agenda", id="agenda"):
                yield DataTable(id="agenda-table", cursor_type="row")
            with TabPane("2 Attendance", id="attendance"), VerticalScroll():
                yield Static("Attendance")
            with TabPane("3 Minutes", id="minutes"), VerticalScroll(id="minutes-scroll"):
                yield Static(self.minutes)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("No.", "Item", "Lead", "Purpose", "Mins", "Conf.", "Paper")
        for n in range(1, ITEMS + 1):
            table.add_row(str(n), f"Agenda item {n}", "", "Information", "", "", "")
        table.focus()

    def action_minutes(self) -> None:
        self.query_one(TabbedContent).active = "minutes"
        self.query_one("#minutes-scroll").focus()


def median(values: list[float]) -> float:
    return statistics.median(values)


def quorum_figures(store: Store, meeting_id: int) -> tuple[float, float, float]:
    """Median ms: MeetingQuorum for the whole meeting; the engine built; one evaluation."""
    record = store.meeting_record(meeting_id)
    terms = store.terms_in_force("ICB", DAY)
    assert terms is not None
    seats = store.seats("ICB")
    organisations = store.organisations("ICB")
    engine = QuorumEngine(terms.quorum, seats, organisations, DAY)
    room = [row for row in record.attendance if row.is_attending]

    def timed(run: Callable[[], object], runs: int = 30) -> float:
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            run()
            times.append((time.perf_counter() - start) * 1000)
        return median(times)

    def whole() -> None:
        # A fresh record each time: its timeline is cached on the record.
        fresh = record.model_copy()
        fresh.__dict__.pop("timeline", None)
        MeetingQuorum(fresh, terms, seats, organisations)

    return (
        timed(whole),
        timed(lambda: QuorumEngine(terms.quorum, seats, organisations, DAY)),
        timed(lambda: engine.evaluate(room)),
    )


def main(demo: Path | None = None) -> None:
    import shutil
    import tempfile

    from minutebook.seeds import build_demo_database
    from minutebook.tui.screens.meeting import MeetingScreen

    with tempfile.TemporaryDirectory() as name:
        path = Path(name) / "meeting.db"
        if demo is None:
            build_demo_database(path)
        else:
            shutil.copyfile(demo, path)
        with Store.open(path) as store:
            start = time.perf_counter()
            meeting_id = minuted_meeting(store)
            built = (time.perf_counter() - start) * 1000
            record = store.meeting_record(meeting_id)
            events, minutes = len(record.events), len(record.minutes)
            text = "\n\n".join(m.narrative for m in record.minutes)

            bare_app: App[None] = App()
            bare = asyncio.run(
                measure_screen(bare_app, lambda: bare_app.push_screen(BareScreen(text)))
            )
            app = MinutebookApp(store, clock=lambda: datetime(2022, 9, 30, 12, 0))
            ours = asyncio.run(
                measure_screen(app, lambda: app.push_screen(MeetingScreen(meeting_id)))
            )
            whole, engine_setup, evaluation = quorum_figures(store, meeting_id)

    print(
        f"a minuted {ITEMS}-item meeting built through MeetingCapture: {built:7.0f} ms "
        f"({minutes} minutes, {events} events)"
    )
    b = {k: median(v) for k, v in bare.items()}
    o = {k: median(v) for k, v in ours.items()}
    print(
        f"open a meeting, bare screen (baseline):        {b['open']:7.1f} ms to the agenda; "
        f"a key pressed at once shown at {b['open keys']:.1f} ms"
    )
    print(
        f"open the meeting screen, {ITEMS} minuted items: {o['open']:7.1f} ms to the agenda "
        f"(target < {OPEN_TARGET_MS:.0f} ms: {verdict(o['open'] < OPEN_TARGET_MS)}; "
        f"{o['open'] / b['open']:.1f}x); a key pressed at once shown at {o['open keys']:.1f} ms"
    )
    print(
        f"switch to Minutes, bare screen (baseline):     {b['switch']:7.1f} ms; "
        f"the next key shown at {b['switch keys']:.1f} ms"
    )
    print(
        f"switch to Minutes (3), {ITEMS} minuted items:   {o['switch']:7.1f} ms "
        f"(target < {SWITCH_TARGET_MS:.0f} ms: {verdict(o['switch'] < SWITCH_TARGET_MS)}; "
        f"{o['switch'] / b['switch']:.1f}x); the next key shown at {o['switch keys']:.1f} ms"
    )
    print(
        f"MeetingQuorum for the {ITEMS}-item meeting ({events} events): {whole:6.2f} ms; "
        f"the engine alone: set-up {engine_setup:.2f} ms, one evaluation {evaluation:.3f} ms"
    )


def verdict(ok: bool) -> str:
    return "within target" if ok else "TARGET MISSED"


if __name__ == "__main__":
    main()
