"""The kill soak: SIGKILL in the middle of every kind of change, then count what was lost.

Each trial copies the demo database, starts ``minutebook live`` on the HCP meeting of
20 September 2023 in a real pseudo-terminal (80x24), makes one kind of change at human
speed, and kills the process with SIGKILL at a random moment. Then the file is opened
the way Minutebook opens it (so a crash's log must be accepted, never refused as
another copy's), checked (``minutebook check``'s health: integrity, schema, orphans,
minute numbers), and every change sent to the app more than 100 ms before the kill must
be in it. Kinds of change:

- ``typing``: 15-60 characters typed into item 1's minute;
- ``long minute``: the same into a minute already holding 100,000 characters;
- ``paste``: 200-4,000 characters pasted at once (a bracketed paste), then typing;
- ``decisions``: F3, a line of text, Ctrl+S, two or three times;
- ``attendance``: F2 and `p` down the list of members;
- ``item changes``: a few characters, F8, a few more at the next item, and so on.

Run ``python -m bench.soak`` (``--trials N``, ``--seed S``, ``--kind NAME``); it prints
one line per kind: trials, changes due, trials with a loss, changes lost, the oldest
loss in ms, and the checks failed. ``--first-keys N`` instead measures the save of the
first keys typed the moment live capture is drawn, over N starts. POSIX only
(pseudo-terminals and SIGKILL).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import shutil
import signal
import sqlite3
import statistics
import string
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

GRACE = 0.100
"""A change sent longer ago than this before the kill must be on disk."""
STARTUP_TIMEOUT = 30.0
KEY_GAP = (0.015, 0.040)
LONG_MINUTE = 100_000
COMMITTEE, DAY = "HCP", "2023-09-20"
ALPHABET = string.ascii_letters + string.digits + ",.;:'!?()-" + " " * 12
MEETING_SQL = "SELECT id FROM meetings WHERE committee = ? AND date = ?"
NARRATIVE_SQL = "SELECT narrative FROM minutes WHERE meeting_id = ? AND item = ?"


class Terminal:
    """Minutebook's live capture on a pseudo-terminal, its output drained by a thread
    (the app must never block writing to its terminal)."""

    def __init__(self, db: Path) -> None:
        import fcntl
        import struct
        import termios

        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
        env |= {
            "TERM": "xterm-256color",
            "COLUMNS": "80",
            "LINES": "24",
            "MINUTEBOOK_KEYS": str(db.with_name("no-keys.yaml")),
        }
        self.process = subprocess.Popen(
            [
                *[sys.executable, "-m", "minutebook", "--db", str(db), "live"],
                "--committee",
                COMMITTEE,
                "--date",
                DAY,
            ],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            cwd=db.parent,
            start_new_session=True,
            close_fds=True,
        )
        os.close(slave)
        self.master = master
        self.output = bytearray()
        self.drawn = threading.Event()
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                break
            if not chunk:
                break
            with self._lock:
                self.output += chunk
                if b"saved" in self.output:
                    self.drawn.set()

    def send(self, data: str) -> float:
        """Write keys to the terminal; returns when they were sent."""
        os.write(self.master, data.encode("utf-8"))
        return time.monotonic()

    def kill(self) -> None:
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        self._reader.join(timeout=5)
        os.close(self.master)

    def screen(self) -> bytes:
        with self._lock:
            return bytes(self.output[-3000:])


# -- what a trial does and what must survive it --------------------------------------------

Check = Callable[["Seen"], bool]
"""Whether one change is in the database as the trial left it."""


@dataclass
class Seen:
    """The database after the kill: the meeting's id, and the counts it held before."""

    conn: sqlite3.Connection
    meeting: int
    before: dict[str, int]

    def narrative(self, item: int) -> str:
        row = self.conn.execute(NARRATIVE_SQL, [self.meeting, item]).fetchone()
        return str(row[0]) if row else ""

    def added(self, what: str) -> int:
        return _count(self.conn, self.meeting, what) - self.before[what]


@dataclass
class Step:
    """Keys to send after `wait` seconds; if `check` is given, the change they complete."""

    keys: str
    wait: float
    check: Check | None = None
    what: str = ""


@dataclass
class Outcome:
    kind: str
    seed: int
    lost: list[tuple[str, float]] = field(default_factory=list)
    """Each change lost: what it was, how many ms before the kill it was sent."""
    failed: list[str] = field(default_factory=list)
    """Checks of the file itself that failed (integrity, refused on reopening …)."""
    checked: int = 0
    """Changes that were due (sent more than GRACE before the kill) and looked for."""


def _typing(rng: random.Random, item: int, before: str, count: int) -> list[Step]:
    """Characters typed one by one; each must be saved (with all before it) in time."""
    steps = []
    typed = before
    for _ in range(count):
        char = rng.choice(ALPHABET)
        typed += char
        expected = typed

        def saved(seen: Seen, expected: str = expected) -> bool:
            return seen.narrative(item).startswith(expected)

        steps.append(Step(char, rng.uniform(*KEY_GAP), saved, f"item {item} key"))
    return steps


def plan(kind: str, rng: random.Random) -> tuple[list[Step], str]:
    """The trial's steps, and the text item 1 holds before it starts."""
    if kind == "typing":
        return _typing(rng, 1, "", rng.randint(15, 60)), ""
    if kind == "long minute":
        prefill = "".join(rng.choice(ALPHABET) for _ in range(LONG_MINUTE - 1)) + "\n"
        return _typing(rng, 1, prefill, rng.randint(15, 40)), prefill
    if kind == "paste":
        pasted = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(200, 4000)))

        def pasted_whole(seen: Seen) -> bool:
            return seen.narrative(1).startswith(pasted)

        paste = Step(f"\x1b[200~{pasted}\x1b[201~", 0.05, pasted_whole, "paste")
        return [paste, *_typing(rng, 1, pasted, rng.randint(5, 20))], ""
    if kind == "decisions":
        steps: list[Step] = []
        for n in range(rng.randint(2, 3)):

            def decided(seen: Seen, n: int = n) -> bool:
                return seen.added("decisions") > n

            text = "".join(
                rng.choice(string.ascii_letters + " ") for _ in range(rng.randint(8, 30))
            )
            steps.append(Step("\x1bOR", 0.15))  # F3
            steps += [Step(c, rng.uniform(*KEY_GAP)) for c in text]
            steps.append(Step("\x13", 0.05, decided, "decision"))  # Ctrl+S
        return steps, ""
    if kind == "attendance":
        steps = [Step("\x1bOQ", 0.1)]  # F2
        for n in range(rng.randint(3, 8)):

            def marked(seen: Seen, n: int = n) -> bool:
                return seen.added("arrivals") > n

            steps.append(Step("p", rng.uniform(0.06, 0.2), marked, "attendance mark"))
        steps.append(Step("\x1b", 0.1))
        return steps, ""
    if kind == "item changes":
        steps = []
        for item in range(1, rng.randint(3, 5)):
            if item > 1:
                steps.append(Step("\x1b[19~", rng.uniform(0.05, 0.2)))  # F8
            steps += _typing(rng, item, "", rng.randint(3, 10))
        return steps, ""
    raise ValueError(kind)


KINDS = ("typing", "long minute", "paste", "decisions", "attendance", "item changes")


def _count(conn: sqlite3.Connection, meeting: int, what: str) -> int:
    if what == "decisions":
        sql = (
            "SELECT count(*) FROM decisions JOIN minutes ON minutes.id = decisions.minute_id "
            "WHERE minutes.meeting_id = ?"
        )
    else:
        sql = "SELECT count(*) FROM timeline WHERE meeting_id = ? AND kind = 'arrived'"
    return int(conn.execute(sql, [meeting]).fetchone()[0])


# -- one trial -------------------------------------------------------------------------------


def _prepare(source: Path, folder: Path, prefill: str) -> tuple[Path, int, dict[str, int]]:
    db = folder / "minutes.db"
    shutil.copyfile(source, db)
    with contextlib.closing(sqlite3.connect(db)) as conn:
        meeting = int(conn.execute(MEETING_SQL, [COMMITTEE, DAY]).fetchone()[0])
        if prefill:
            conn.execute(
                "INSERT INTO minutes (meeting_id, item, narrative) VALUES (?, 1, ?)",
                [meeting, prefill],
            )
        conn.commit()
        base = {what: _count(conn, meeting, what) for what in ("decisions", "arrivals")}
    return db, meeting, base


def trial(kind: str, seed: int, source: Path, folder: Path) -> Outcome:
    rng = random.Random(seed)
    steps, prefill = plan(kind, rng)
    db, meeting, base = _prepare(source, folder, prefill)
    outcome = Outcome(kind, seed)
    total = sum(step.wait for step in steps)
    kill_after = rng.uniform(0.0, total + 0.3)
    if rng.random() < 0.5 and any(step.check for step in steps):
        # Just as some change falls due (sent a little over GRACE ago): a slow save
        # shows there, and a uniform moment rarely lands in so narrow a window.
        due = rng.choice([i for i, step in enumerate(steps) if step.check])
        kill_after = sum(step.wait for step in steps[: due + 1]) + rng.uniform(GRACE, GRACE + 0.06)
    terminal = Terminal(db)
    sent: list[tuple[Step, float]] = []
    try:
        if not terminal.drawn.wait(STARTUP_TIMEOUT) or terminal.process.poll() is not None:
            outcome.failed.append(f"did not start: {terminal.screen()[-400:]!r}")
            return outcome
        start = time.monotonic()
        kill_at = start + kill_after
        due_at = start
        for step in steps:
            due_at += step.wait
            if due_at >= kill_at:
                break
            time.sleep(max(0.0, due_at - time.monotonic()))
            sent.append((step, terminal.send(step.keys)))
        time.sleep(max(0.0, kill_at - time.monotonic()))
        killed = time.monotonic()
        terminal.kill()
    finally:
        if terminal.process.poll() is None:
            terminal.kill()
    _inspect(db, meeting, base, sent, killed, outcome)
    return outcome


def _inspect(
    db: Path,
    meeting: int,
    base: dict[str, int],
    sent: list[tuple[Step, float]],
    killed: float,
    outcome: Outcome,
) -> None:
    """Open as Minutebook does, check the file, then look for every change due."""
    from minutebook.store import DatabaseFile, StoreError

    try:
        database = DatabaseFile.open(db)
    except StoreError as error:
        outcome.failed.append(f"refused on reopening: {error}")
        return
    try:
        health = database.health()
        outcome.failed.extend(health.problems)
    finally:
        database.close()
    with contextlib.closing(sqlite3.connect(db)) as conn:
        seen = Seen(conn, meeting, base)
        for step, when in sent:
            if step.check is None or when >= killed - GRACE:
                continue
            outcome.checked += 1
            if not step.check(seen):
                outcome.lost.append((step.what, (killed - when) * 1000))


# -- the run -------------------------------------------------------------------------------


def run(trials: int, seed: int, kinds: tuple[str, ...] = KINDS) -> list[Outcome]:
    from minutebook.seeds import build_demo_database

    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory(prefix="minutebook-soak-") as work:
        source = Path(work) / "demo.db"
        build_demo_database(source)
        for n in range(trials):
            kind = kinds[n % len(kinds)]
            folder = Path(work) / f"trial{n}"
            folder.mkdir()
            outcome = trial(kind, seed + n, source, folder)
            outcomes.append(outcome)
            if outcome.lost or outcome.failed:
                print(
                    f"  trial {n} ({kind}, seed {seed + n}): lost {outcome.lost} "
                    f"failed {outcome.failed}",
                    flush=True,
                )
            shutil.rmtree(folder, ignore_errors=True)
    return outcomes


def report(outcomes: list[Outcome]) -> str:
    lines = [
        f"{'kind':<14} {'trials':>6} {'changes due':>11} {'with loss':>9} {'changes lost':>12} "
        f"{'oldest loss':>11} {'file checks failed':>18}"
    ]
    for kind in [*KINDS, "all"]:
        mine = [o for o in outcomes if kind in ("all", o.kind)]
        if not mine:
            continue
        lost = [age for o in mine for _, age in o.lost]
        lines.append(
            f"{kind:<14} {len(mine):>6} {sum(o.checked for o in mine):>11} "
            f"{sum(1 for o in mine if o.lost):>9} {len(lost):>12} "
            f"{(f'{max(lost):.0f} ms' if lost else '-'):>11} "
            f"{sum(len(o.failed) for o in mine):>18}"
        )
    return "\n".join(lines)


def first_keys(starts: int, source: Path, work: Path) -> list[list[float]]:
    """Keystroke-to-disk (ms) of the first keys typed the moment live capture is drawn,
    over `starts` starts: where the start's own work (imports, the opening backup, the
    garbage collector) would hold up a save. Thirty keys, 30 ms apart, each start."""
    by_key: list[list[float]] = [[] for _ in range(30)]
    for n in range(starts):
        folder = work / f"first{n}"
        folder.mkdir()
        db, meeting, _ = _prepare(source, folder, "")
        terminal = Terminal(db)
        sent: list[float] = []
        seen: dict[int, float] = {}
        try:
            terminal.drawn.wait(STARTUP_TIMEOUT)
            with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
                due = time.monotonic()
                for _ in range(len(by_key) + 17):  # then half a second more of looking
                    while time.monotonic() < due:
                        with contextlib.suppress(sqlite3.OperationalError):
                            row = conn.execute(NARRATIVE_SQL, [meeting, 1]).fetchone()
                            seen.setdefault(len(row[0]) if row else 0, time.monotonic())
                        time.sleep(0.002)
                    if len(sent) < len(by_key):
                        sent.append(terminal.send("a"))
                    due += 0.03
        finally:
            terminal.kill()
        for index, when in enumerate(sent):
            saved = [t for length, t in seen.items() if length > index]
            if saved:
                by_key[index].append((min(saved) - when) * 1000)
    return by_key


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=300)
    parser.add_argument("--seed", type=int, default=random.randrange(2**31))
    parser.add_argument("--kind", choices=KINDS, action="append")
    parser.add_argument(
        "--first-keys", type=int, metavar="STARTS", help="measure the first keys instead"
    )
    options = parser.parse_args()
    if sys.platform == "win32":
        raise SystemExit("the kill soak needs a POSIX pseudo-terminal and SIGKILL")
    if options.first_keys:
        from minutebook.seeds import build_demo_database

        with tempfile.TemporaryDirectory(prefix="minutebook-first-") as work:
            build_demo_database(Path(work) / "demo.db")
            by_key = first_keys(options.first_keys, Path(work) / "demo.db", Path(work))
        for index in (0, 1, 2, 3):
            ms = sorted(by_key[index])
            print(f"key {index + 1}: median {statistics.median(ms):.0f} ms, max {ms[-1]:.0f} ms")
        rest = sorted(x for keys in by_key[4:] for x in keys)
        print(f"keys 5-30: median {statistics.median(rest):.0f} ms, max {rest[-1]:.0f} ms")
        return
    kinds = tuple(options.kind or KINDS)
    print(f"kill soak: {options.trials} trials from seed {options.seed}, kinds: {', '.join(kinds)}")
    started = time.monotonic()
    outcomes = run(options.trials, options.seed, kinds)
    print(report(outcomes))
    print(f"({time.monotonic() - started:.0f} s)")


if __name__ == "__main__":
    main()
