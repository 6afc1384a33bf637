"""Benchmarks of live capture, each beside a bare baseline measured in the same run.

Targets (issue 4, live meeting capture):

- cold start of ``minutebook`` to its first screen (the committees list), in a real
  pseudo-terminal, within 1.5x of a bare Textual app showing the same widgets (a Header,
  a DataTable and a Footer). ``minutebook live``, straight into a meeting, is measured
  too, beside a bare app showing the live screen's widgets: it needs the domain models
  before it can draw, so it has no target of its own;
- a keystroke in the minute editor of an item holding 5,000 lines within 1.2x of the same
  keystroke in a bare TextArea holding the same text (from the key to the next frame),
  at the median; at the 99th percentile, within 1.5x of the bare TextArea's;
- the same keystroke after opening a fully minuted 25-item meeting on the meeting screen
  (its tabs shown) and going into live capture from there, as a secretary does, with the
  full (generation 2) garbage collections that happen while typing: how many, how long;
- switching item (F8) and toggling attendance on a 60-member committee under 50 ms;
- one autosave commit (``Store.write_narrative``) on a file database under 1 ms;
- keystroke to disk (issue 10): from a key pressed in live capture to the commit of the
  minute holding it, for an item holding 100,000 characters within 2x of an empty item,
  at the median and at the 99th percentile; the 100,000 characters as paragraphs of a
  few hundred characters, and as one paragraph (the case that once took 280 ms). A
  paste of 2,000 characters to its commit is measured beside it. Runnable alone:
  ``python -m bench.live to-disk``.

These machines are noisy, so every figure is a median of several runs (and the 99th
percentile of the keystrokes, 300 of each).
"""

from __future__ import annotations

import asyncio
import compileall
import contextlib
import gc
import os
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import date, datetime
from pathlib import Path

from textual import events
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.pilot import Pilot
from textual.widgets import Footer, OptionList, TextArea
from textual.widgets.text_area import Edit, EditResult

import minutebook
from minutebook.domain import (
    AgendaItem,
    Committee,
    Meeting,
    Organisation,
    Person,
    Seat,
    TermsOfReference,
)
from minutebook.seeds import build_demo_database
from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.live import LiveMeetingScreen

if sys.platform != "win32":
    import fcntl
    import termios

STARTS = 7
PRESSES = 100
SESSIONS = 3
LINES = 5_000
MEMBERS = 60
ITEMS = 30
FIXED_NOW = datetime(2023, 9, 20, 14, 0)

BARE_LIST_SCRIPT = """
from textual.app import App
from textual.widgets import DataTable, Footer, Header, Static

class Bare(App):
    BINDINGS = [("n", "bell", "New committee")]

    def compose(self):
        yield Header()
        yield Static("Committees")
        yield DataTable(cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self):
        table = self.query_one(DataTable)
        table.add_columns("Code", "Name", "Members", "Next meeting", "Style")
        for code in ("HCP", "ICB", "PB"):
            table.add_row(code, "Health and Care Partnership", "19", "20 Sep 2023", "Council")
        table.focus()

Bare().run()
"""
"""The baseline for a cold start of `minutebook`: the committees list's widgets."""

BARE_SCRIPT = """
from textual.app import App
from textual.containers import Horizontal
from textual.widgets import Footer, OptionList, TextArea

class Bare(App):
    CSS = "OptionList { width: 30; } Horizontal { height: 1fr; }"
    BINDINGS = [("f8", "bell", "Next")]

    def compose(self):
        with Horizontal():
            yield OptionList(*[f"{n} Apologies for absence" for n in range(1, 11)])
            yield TextArea("", soft_wrap=True, tab_behavior="focus")
        yield Footer(compact=True)

    def on_mount(self):
        self.query_one(TextArea).focus()

Bare().run()
"""
"""The baseline for a cold start of `minutebook live`: the live screen's widgets."""


class BareApp(App[None]):
    """The baseline for a keystroke: the same widgets as the live screen, and nothing else."""

    CSS = "OptionList { width: 30; } Horizontal { height: 1fr; }"

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield OptionList(*[f"{n} Item" for n in range(1, 11)])
            yield TextArea(self.text, soft_wrap=True, tab_behavior="focus")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()


def median(values: list[float]) -> float:
    return statistics.median(values)


# -- (a) cold start in a pseudo-terminal ------------------------------------------------


def first_paint_ms(command: list[str], marker: bytes, cwd: Path, timeout: float = 30.0) -> float:
    """Milliseconds from starting `command` on an 80x24 pty to `marker` appearing."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
    env |= {"TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
    env["MINUTEBOOK_KEYS"] = str(cwd / "no-keys.yaml")
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        cwd=cwd,
        start_new_session=True,
        close_fds=True,
    )
    os.close(slave)
    seen = b""
    elapsed = float("nan")
    try:
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([master], [], [], 0.01)
            if not ready:
                continue
            try:
                seen += os.read(master, 65536)
            except OSError:
                break
            if marker in seen:
                elapsed = (time.perf_counter() - start) * 1000
                break
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(process.pid, signal.SIGKILL)
        process.wait()
        os.close(master)
    if elapsed != elapsed:
        raise RuntimeError(f"{command[:3]} did not draw: {seen[-500:]!r}")
    return elapsed


def cold_start(folder: Path, demo: Path) -> dict[str, tuple[float, float]]:
    """(bare, ours) median milliseconds to the first screen, for `minutebook` and for
    `minutebook live`."""
    # An installed Minutebook starts from compiled bytecode (pip compiles it), as Textual
    # here does; an editable checkout may not have it, or may be told not to write it.
    compileall.compile_dir(Path(minutebook.__file__).parent, quiet=1)
    scripts = {"list": BARE_LIST_SCRIPT, "live": BARE_SCRIPT}
    for kind, script in scripts.items():
        (folder / f"bare_{kind}.py").write_text(script, encoding="utf-8")
    database = ["--db", str(folder / "start.db")]
    ours_commands = {
        "list": database,
        "live": [*database, "live", "--committee", "HCP", "--date", "2023-09-20"],
    }
    # What each draws last: (bare, ours).
    markers = {"list": (b"Council", b"Council"), "live": (b"Apologies", b"saved")}
    times: dict[str, tuple[list[float], list[float]]] = {k: ([], []) for k in scripts}
    for _ in range(STARTS):
        for kind in scripts:
            # Alternate, so that drift in the machine's load falls on both alike.
            bare, ours = times[kind]
            script = str(folder / f"bare_{kind}.py")
            bare.append(first_paint_ms([sys.executable, script], markers[kind][0], folder))
            # A fresh copy, without the log the last (killed) start left beside it:
            # Minutebook refuses another copy's log (docs/database-file.md).
            for leftover in ("start.db-wal", "start.db-shm"):
                (folder / leftover).unlink(missing_ok=True)
            shutil.copyfile(demo, folder / "start.db")
            command = [sys.executable, "-m", "minutebook", *ours_commands[kind]]
            ours.append(first_paint_ms(command, markers[kind][1], folder))
    return {kind: (median(bare), median(ours)) for kind, (bare, ours) in times.items()}


# -- (b) a keystroke in a 5,000-line minute ----------------------------------------------


def long_minute() -> str:
    line = "The Board discussed the report and noted the risks to the winter plan, item {n}."
    return "\n".join(line.format(n=n) for n in range(1, LINES + 1))


class FrameClock:
    """Records when the app last put a frame out (headless apps still compose frames)."""

    def __init__(self, app: App[None]) -> None:
        self.times: list[float] = []
        app.post_display_hook = self._displayed  # type: ignore[method-assign]

    def _displayed(self) -> None:
        self.times.append(time.perf_counter())

    async def first_after(self, moment: Callable[[], float] | float, limit: float = 2.0) -> float:
        """When the first frame after `moment` (a time, or a function giving one once it
        is known, else 0) was put out."""
        start = time.perf_counter()
        while time.perf_counter() - start < limit:
            since = moment() if callable(moment) else moment
            later = [t for t in self.times[-50:] if since and t > since]
            if later:
                return later[0]
            await asyncio.sleep(0.0005)
        raise RuntimeError("no frame came")


async def keystroke_latencies(
    app: App[None],
    editor: Callable[[App[None]], TextArea],
    prepare: Callable[[Pilot[None]], Awaitable[None]] | None = None,
    collections: GcLog | None = None,
) -> list[float]:
    """Milliseconds from each key press to the next frame, typing at the end of the text,
    after `prepare` (the way into the editor); `collections` logs the garbage collections
    made while typing."""
    times: list[float] = []
    async with app.run_test(size=(80, 24)) as pilot:
        if prepare is not None:
            await prepare(pilot)
        clock = FrameClock(app)
        area = editor(app)
        area.move_cursor(area.document.end)
        edited = [0.0]
        edit = area.edit

        def timed_edit(change: Edit) -> EditResult:
            result = edit(change)
            edited[0] = time.perf_counter()
            return result

        area.edit = timed_edit  # type: ignore[method-assign, assignment]
        await pilot.pause(0.2)
        if collections is not None:
            collections.start()
        for n in range(PRESSES):
            start = time.perf_counter()
            edited[0] = 0.0
            await pilot.press("a" if n % 5 else "space")
            # The first frame put out after the key's edit is the one that shows it.
            shown = await clock.first_after(lambda: edited[0])
            times.append((shown - start) * 1000)
            await pilot.pause(0.03)  # human typing speed: the autosave runs in between
        if collections is not None:
            collections.stop()
        assert area.text.endswith("a"), "the keys did not reach the editor"
    return times


class GcLog:
    """The garbage collections made between `start` and `stop`: (generation, ms)."""

    def __init__(self) -> None:
        self.made: list[tuple[int, float]] = []
        self._began = 0.0

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._began = time.perf_counter()
        else:
            self.made.append((info["generation"], (time.perf_counter() - self._began) * 1000))

    def start(self) -> None:
        gc.callbacks.append(self._callback)

    def stop(self) -> None:
        gc.callbacks.remove(self._callback)

    def full(self) -> list[float]:
        """How long each full (generation 2) collection took, in ms."""
        return [ms for generation, ms in self.made if generation == 2]


def p99(values: list[float]) -> float:
    return statistics.quantiles(values, n=100)[98]


def keystroke(folder: Path, demo: Path) -> tuple[list[float], list[float], float]:
    text = long_minute()
    path = folder / "keys.db"
    shutil.copyfile(demo, path)
    bare: list[float] = []
    ours: list[float] = []
    with Store.open(path) as store:
        meeting = store.meeting_on("HCP", date(2023, 9, 20))
        store.write_narrative(meeting.id or 0, 1, text)
        for _ in range(SESSIONS):
            # Alternate, so that drift in the machine's load falls on both alike.
            bare += asyncio.run(
                keystroke_latencies(BareApp(text), lambda app: app.query_one(TextArea))
            )
            app = MinutebookApp(store, clock=lambda: FIXED_NOW, open_meeting=meeting.id)
            ours += asyncio.run(
                keystroke_latencies(
                    app, lambda app: app.screen.query_one("#live-narrative", TextArea)
                )
            )
        # What one autosave of so long a minute costs (it runs 50 ms after a key).
        save = []
        for n in range(20):
            start = time.perf_counter()
            store.write_narrative(meeting.id or 0, 1, text + str(n))
            save.append((time.perf_counter() - start) * 1000)
    return bare, ours, median(save)


def big_meeting_keystrokes(folder: Path, demo: Path) -> tuple[list[float], GcLog]:
    """Keystrokes in live capture on a fully minuted 25-item meeting, reached as the
    secretary reaches it: the meeting screen first (its three tabs shown), then `l`."""
    from bench.meeting import minuted_meeting
    from minutebook.tui.screens.meeting import MeetingScreen

    path = folder / "big-meeting.db"
    shutil.copyfile(demo, path)
    times: list[float] = []
    collections = GcLog()
    with Store.open(path) as store:
        meeting_id = minuted_meeting(store)

        async def through_the_meeting_screen(pilot: Pilot[None]) -> None:
            await pilot.pause(0.5)  # the app's start-up, its preload and gc.freeze()
            pilot.app.push_screen(MeetingScreen(meeting_id))
            await pilot.pause()
            for key in ("2", "3", "1", "l"):
                await pilot.press(key)
                await pilot.pause()
            assert isinstance(pilot.app.screen, LiveMeetingScreen)
            await pilot.pause(0.3)

        for _ in range(SESSIONS):
            app = MinutebookApp(store, clock=lambda: FIXED_NOW)
            times += asyncio.run(
                keystroke_latencies(
                    app,
                    lambda app: app.screen.query_one("#live-narrative", TextArea),
                    through_the_meeting_screen,
                    collections,
                )
            )
    return times, collections


# -- (c) item switch and attendance on a 60-member committee ---------------------------


def big_committee(path: Path) -> int:
    """A 60-seat committee with a fraction quorum and a 30-item meeting; its meeting id."""
    with Store.open(path) as store:
        store.add_committee(Committee(code="BIG", name="Big Integrated Care Board"))
        for n in range(12):
            store.add_organisation("BIG", Organisation(id=f"O{n}", name=f"Organisation {n}"))
        for n in range(MEMBERS):
            store.add_member(
                "BIG",
                Seat(
                    id=f"S{n}",
                    title=f"Member {n}",
                    holder=f"p{n}",
                    org=f"O{n % 12}",
                    tags=("chair",) if n == 0 else (),
                ),
                Person(id=f"p{n}", name=f"Person Number{n}"),
            )
        store.add_terms_of_reference(
            "BIG",
            TermsOfReference(
                version=1,
                adopted=date(2020, 1, 1),
                quorum={
                    "text": "Half of the members plus one, including the Chair.",
                    "requirement": {
                        "all": [
                            {"fraction": {"num": 1, "den": 2, "rounding": "floor", "plus": 1}},
                            {"role": {"any_tags": ["chair"]}},
                        ]
                    },
                },
            ),
        )
        meeting = store.add_meeting(Meeting(committee="BIG", date=date(2023, 9, 20), time="10:00"))
        for n in range(1, ITEMS + 1):
            store.add_agenda_item(meeting.id or 0, AgendaItem(number=n, title=f"Agenda item {n}"))
        return meeting.id or 0


async def switch_and_mark(app: MinutebookApp) -> tuple[list[float], list[float], list[float]]:
    """Milliseconds per F8/F7 to the next frame; per attendance change, the call and the
    call to the next frame."""
    switch: list[float] = []
    mark: list[float] = []
    mark_frame: list[float] = []
    async with app.run_test(size=(80, 24)) as pilot:
        clock = FrameClock(app)
        screen = app.screen
        assert isinstance(screen, LiveMeetingScreen)
        for n in range(MEMBERS):  # the room is full before the measuring starts
            screen.mark(f"p{n}", "present")
        shown = [0.0]
        show_item = screen.show_item

        def timed_show_item() -> None:
            show_item()
            shown[0] = time.perf_counter()

        screen.show_item = timed_show_item  # type: ignore[method-assign]
        await pilot.pause(0.1)
        for n in range(40):
            before = screen.current
            shown[0] = 0.0
            start = time.perf_counter()
            await pilot.press("f8" if (n // (ITEMS - 1)) % 2 == 0 else "f7")
            assert screen.current != before, "the item did not change"
            # The first frame after the new item is loaded is the one that shows it.
            switch.append((await clock.first_after(lambda: shown[0]) - start) * 1000)
            await pilot.pause(0.02)
        for n in range(40):
            start = time.perf_counter()
            # Present -> remote -> present for one member after another: a change the
            # quorum must follow (remote members do not count for every committee), made
            # with one key. (Present again for someone present is refused, and changes
            # nothing.)
            person = f"p{(n // 2) % MEMBERS}"
            refused = screen.mark(person, "remote" if n % 2 == 0 else "present")
            done = time.perf_counter()
            assert refused is None, refused
            mark.append((done - start) * 1000)
            mark_frame.append((await clock.first_after(done) - start) * 1000)
            await pilot.pause(0.02)
    return switch, mark, mark_frame


# -- (e) keystroke to disk: an empty minute beside a 100,000-character one --------------

LONG_MINUTE = 100_000
TO_DISK_ROUNDS = 3
TO_DISK_PRESSES = 70
PASTES = 10
PASTED = ("The officer's summary, pasted from her email: the plan is on track. " * 30)[:2000]


def minute_text(length: int, paragraph: int | None) -> str:
    """`length` characters of minute, with a new line every `paragraph` characters or so
    (None: one paragraph)."""
    sentence = "The Board discussed the report and noted the risks to the winter plan. "
    text, since = [], 0
    while sum(map(len, text)) < length:
        text.append(sentence)
        since += len(sentence)
        if paragraph is not None and since >= paragraph:
            text.append("\n")
            since = 0
    return "".join(text)[:length]


async def to_disk_latencies(
    store: Store, meeting_id: int, presses: int
) -> tuple[list[float], list[float]]:
    """Milliseconds from each key pressed in live capture (at the end of item 1's
    minute, at human speed) to the commit of the minute holding it; and the same for
    pastes."""
    commits: list[float] = []
    write = store.write_narrative

    def timed_write(meeting: int, item: int, text: str) -> None:
        write(meeting, item, text)
        commits.append(time.perf_counter())

    store.write_narrative = timed_write  # type: ignore[method-assign]
    keys: list[float] = []
    pastes: list[float] = []
    app = MinutebookApp(store, clock=lambda: FIXED_NOW, open_meeting=meeting_id)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause(0.3)

            async def committed(since: int, start: float) -> float:
                while len(commits) == since:
                    await asyncio.sleep(0.0005)
                return (commits[-1] - start) * 1000

            for n in range(presses):
                before, start = len(commits), time.perf_counter()
                await pilot.press("a" if n % 5 else "space")
                keys.append(await committed(before, start))
                await pilot.pause(0.03)  # human typing speed
            for _ in range(PASTES):
                before, start = len(commits), time.perf_counter()
                app.post_message(events.Paste(PASTED))
                pastes.append(await committed(before, start))
                await pilot.pause(0.1)
    finally:
        del store.write_narrative
    return keys, pastes


def keystroke_to_disk(folder: Path, demo: Path) -> dict[str, tuple[list[float], list[float]]]:
    """Key-to-commit and paste-to-commit milliseconds for each kind of minute."""
    kinds = {
        "empty": "",
        "100,000 characters in paragraphs": minute_text(LONG_MINUTE, 400),
        "100,000 characters in one paragraph": minute_text(LONG_MINUTE, None),
    }
    results: dict[str, tuple[list[float], list[float]]] = {k: ([], []) for k in kinds}
    for _ in range(TO_DISK_ROUNDS):
        for kind, text in kinds.items():  # in turn, so drift in load falls on each alike
            path = folder / "to-disk.db"
            shutil.copyfile(demo, path)
            with Store.open(path) as store:
                meeting_id = store.meeting_on("HCP", date(2023, 9, 20)).id or 0
                if text:
                    store.write_narrative(meeting_id, 1, text)
                keys, pastes = asyncio.run(to_disk_latencies(store, meeting_id, TO_DISK_PRESSES))
            results[kind][0].extend(keys)
            results[kind][1].extend(pastes)
    return results


def print_keystroke_to_disk(folder: Path, demo: Path) -> None:
    results = keystroke_to_disk(folder, demo)
    empty_keys = results["empty"][0]
    base, base99 = median(empty_keys), p99(empty_keys)
    print(f"keystroke to disk (key to commit), {len(empty_keys)} keys each:")
    for kind, (keys, pastes) in results.items():
        m, m99 = median(keys), p99(keys)
        within = m <= 2 * base and m99 <= 2 * base99
        target = "" if kind == "empty" else f"; target 2x: {verdict(within)}"
        print(
            f"  {kind:<38} median {m:6.1f} ms ({m / base:.2f}x), 99th percentile "
            f"{m99:6.1f} ms ({m99 / base99:.2f}x){target}"
        )
        print(
            f"  {'':<38} a paste of {len(PASTED):,} characters to disk: median "
            f"{median(pastes):.1f} ms, slowest {max(pastes):.1f} ms"
        )


# -- (d) one autosave commit ---------------------------------------------------------------


def autosave(path: Path) -> tuple[float, float]:
    """Median ms of one write_narrative of a short text, and of one checkpoint."""
    commits: list[float] = []
    checkpoints: list[float] = []
    with Store.open(path) as store:
        meeting = store.meeting_on("HCP", date(2023, 9, 20))
        for n in range(200):
            start = time.perf_counter()
            store.write_narrative(meeting.id or 0, 2, f"The Board noted the report ({n}).")
            commits.append((time.perf_counter() - start) * 1000)
            if n % 20 == 19:
                start = time.perf_counter()
                store.checkpoint()
                checkpoints.append((time.perf_counter() - start) * 1000)
    return median(commits), median(checkpoints)


def verdict(ok: bool) -> str:
    return "within target" if ok else "TARGET MISSED"


def main(only: str | None = None) -> None:
    """Every benchmark of live capture; `only="to-disk"` runs keystroke to disk alone."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        demo = folder / "demo.db"
        build_demo_database(demo)
        os.environ.setdefault("MINUTEBOOK_KEYS", str(folder / "no-keys.yaml"))
        if only == "to-disk":
            print_keystroke_to_disk(folder, demo)
            return

        if sys.platform != "win32":
            starts = cold_start(folder, demo)
            bare, ours = starts["list"]
            print(f"cold start to first screen, bare Textual app:   {bare:7.1f} ms")
            print(
                f"cold start to first screen, minutebook:         {ours:7.1f} ms  "
                f"({ours / bare:.2f}x; target 1.5x: {verdict(ours <= 1.5 * bare)})"
            )
            bare, ours = starts["live"]
            print(f"cold start to live screen, bare Textual app:    {bare:7.1f} ms")
            print(
                f"cold start to live screen, minutebook live:     {ours:7.1f} ms  "
                f"({ours / bare:.2f}x; no target: the meeting's quorum needs the domain)"
            )

        bare_keys, our_keys, save = keystroke(folder, demo)
        b, o = median(bare_keys), median(our_keys)
        print(f"keystroke to frame, bare TextArea, {LINES} lines:   {b:7.1f} ms")
        print(
            f"keystroke to frame, live editor, {LINES} lines:   {o:7.1f} ms  "
            f"({o / b:.2f}x; target 1.2x: {verdict(o <= 1.2 * b)})"
        )
        b99, o99 = p99(bare_keys), p99(our_keys)
        print(
            f"  99th percentile of {PRESSES * SESSIONS}: bare {b99:.1f} ms, live {o99:.1f} ms "
            f"({o99 / b99:.2f}x; target 1.5x: {verdict(o99 <= 1.5 * b99)}); slowest: bare "
            f"{max(bare_keys):.1f} ms, live {max(our_keys):.1f} ms"
        )
        print(f"  one autosave of the {LINES}-line minute {save:.2f} ms")

        big_keys, collections = big_meeting_keystrokes(folder, demo)
        full = collections.full()
        print(
            f"keystroke to frame, live capture of a minuted 25-item meeting: "
            f"{median(big_keys):.1f} ms, 99th percentile {p99(big_keys):.1f} ms "
            f"({p99(big_keys) / b99:.2f}x the bare p99), slowest {max(big_keys):.1f} ms"
        )
        print(
            f"  garbage collections while typing {len(big_keys)} keys: {len(collections.made)}, "
            f"{len(full)} of them full (generation 2)"
            + (f", longest {max(full):.1f} ms, {sum(full):.0f} ms in all" if full else "")
        )

        big = folder / "big.db"
        meeting_id = big_committee(big)
        with Store.open(big) as store:
            app = MinutebookApp(store, clock=lambda: FIXED_NOW, open_meeting=meeting_id)
            switch, mark, mark_frame = asyncio.run(switch_and_mark(app))
        s, m, mf = median(switch), median(mark), median(mark_frame)
        print(
            f"switch item (F8/F7), {MEMBERS} members, {ITEMS} items: {s:7.1f} ms to the frame  "
            f"(target < 50 ms: {verdict(s < 50)})"
        )
        print(
            f"toggle attendance (present/remote), {MEMBERS} members: {m:5.1f} ms in the call, "
            f"{mf:.1f} ms to the frame  (target < 50 ms: {verdict(mf < 50)})"
        )

        commit, flush = autosave(demo)
        print(
            f"autosave commit (write_narrative, WAL, NORMAL): {commit:7.3f} ms  "
            f"(target < 1 ms: {verdict(commit < 1)}); checkpoint {flush:.2f} ms"
        )

        print_keystroke_to_disk(folder, demo)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
