"""Killing the app with SIGKILL mid-sentence loses nothing typed more than 100 ms earlier.

Each round starts ``minutebook live`` on a copy of the demo database in a real
pseudo-terminal (80x24, xterm-256color), waits for the first drawn screen, types random
printable text into the item 1 minute at human speed (15-40 ms between keys, newlines as
Enter), and kills the process with SIGKILL at a random moment. The database is then
opened with plain ``sqlite3``: the saved narrative must be an exact prefix of what was
typed, must hold everything typed more than 100 ms before the kill, and
``PRAGMA integrity_check`` must be ``ok``.

While typing, the test also reads the narrative's length from its own connection (WAL
lets a reader look without blocking the app), so each failure message carries the
keystroke-to-disk latencies actually observed. The random seed is printed with every
failure; set ``MINUTEBOOK_KILL_SEED`` to replay one.
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import sqlite3
import statistics
import string
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bench.soak import Terminal  # the same pseudo-terminal driver as the kill soak

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="needs a POSIX pseudo-terminal and SIGKILL"
)

ROUNDS = 20
GRACE = 0.100
"""Anything typed longer ago than this before the kill must be on disk."""
STARTUP_TIMEOUT = 30.0
KEY_GAP = (0.015, 0.040)
CHARS = (15, 60)
POLL_EVERY = 0.004
"""How often the test reads the saved length while typing (for the latency figures)."""

NARRATIVE_SQL = (
    "SELECT m.narrative FROM minutes m JOIN meetings g ON g.id = m.meeting_id "
    "WHERE g.committee = 'HCP' AND g.date = '2023-09-20' AND m.item = 1"
)
ALPHABET = string.ascii_letters + string.digits + string.punctuation + " " * 12 + "\r" * 2
"""Printable ASCII, spaces (often, as in prose) and Enter (sent as a carriage return)."""


@pytest.fixture(scope="module")
def demo_db(demo_file: Path) -> Path:
    """The run's demo database; each round works on a fresh copy of it."""
    read_only = f"{demo_file.as_uri()}?mode=ro"
    with contextlib.closing(sqlite3.connect(read_only, uri=True)) as conn:
        rows = conn.execute(NARRATIVE_SQL).fetchall()
    assert not rows or not rows[0][0], "the demo's item 1 must start with no narrative"
    return demo_file


@dataclass
class Round:
    """What one round typed, when, what it saw on disk, and what survived the kill."""

    seed: int
    text: str
    sent: list[float] = field(default_factory=list)
    """When each character of `text` was written to the terminal (monotonic seconds)."""
    seen: dict[int, float] = field(default_factory=dict)
    """Saved length -> when the test first read a narrative at least that long."""
    killed_at: float = 0.0
    saved: str = ""
    integrity: str = ""

    @property
    def typed(self) -> str:
        """What reached the editor before the kill, as the narrative would hold it."""
        return self.text[: len(self.sent)].replace("\r", "\n")

    @property
    def must_have(self) -> int:
        """How many leading characters were typed more than GRACE before the kill."""
        return sum(1 for t in self.sent if t < self.killed_at - GRACE)

    def latencies(self) -> list[float]:
        """Milliseconds from sending each character to first reading it back from disk."""
        out: list[float] = []
        for index, sent in enumerate(self.sent):
            seen = [t for length, t in self.seen.items() if length > index]
            if seen:
                out.append((min(seen) - sent) * 1000)
        return out

    def describe(self) -> str:
        lat = self.latencies()
        since_first = (self.killed_at - self.sent[0]) * 1000 if self.sent else float("nan")
        figures = (
            f"median {statistics.median(lat):.0f} ms, max {max(lat):.0f} ms over {len(lat)} keys"
            if lat
            else "none observed"
        )
        return (
            f"seed {self.seed}: typed {len(self.sent)} of {len(self.text)} chars, killed "
            f"{since_first:.0f} ms after the first key; saved {len(self.saved)} chars, needed "
            f">= {self.must_have}; keystroke-to-disk latency {figures}\n"
            f"  typed: {self.typed!r}\n  saved: {self.saved!r}"
        )


def saved_length(conn: sqlite3.Connection) -> int:
    row = conn.execute(NARRATIVE_SQL.replace("m.narrative", "length(m.narrative)")).fetchone()
    return int(row[0] or 0) if row else 0


def play(seed: int, source: Path, folder: Path) -> Round:
    """One round: start, wait for the screen, type, kill at a random moment, inspect."""
    rng = random.Random(seed)
    db = folder / "minutes.db"
    shutil.copyfile(source, db)
    text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(*CHARS)))
    gaps = [rng.uniform(*KEY_GAP) for _ in text]
    duration = sum(gaps)
    if rng.random() < 0.5:
        # Any moment from just before the first key to a little after the last one ...
        kill_after = rng.uniform(-0.05, duration + 0.25)
    else:
        # ... or just as some key falls due (typed a little over GRACE ago), where a slow
        # save would show: a uniform moment rarely lands in so narrow a window.
        due = rng.randrange(len(text))
        kill_after = sum(gaps[:due]) + rng.uniform(GRACE, GRACE + 0.06)
    game = Round(seed, text)
    terminal = Terminal(db)
    try:
        if not terminal.drawn.wait(STARTUP_TIMEOUT):
            pytest.fail(f"the app did not draw within {STARTUP_TIMEOUT} s:\n{terminal.screen()!r}")
        if terminal.process.poll() is not None:
            pytest.fail(f"the app exited at once:\n{terminal.screen()!r}")
        reader = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1.0)
        try:
            start = time.monotonic()
            kill_at = start + kill_after
            next_key = start
            index = 0
            while True:
                now = time.monotonic()
                if now >= kill_at:
                    break
                if index < len(text) and now >= next_key:
                    terminal.send(text[index])
                    game.sent.append(time.monotonic())
                    next_key += gaps[index]
                    index += 1
                    continue
                with contextlib.suppress(sqlite3.OperationalError):
                    length = saved_length(reader)
                    game.seen.setdefault(length, time.monotonic())
                wake = min(kill_at, next_key if index < len(text) else kill_at)
                time.sleep(max(0.0, min(POLL_EVERY, wake - time.monotonic())))
            game.killed_at = time.monotonic()
            terminal.kill()
        finally:
            reader.close()
    finally:
        if terminal.process.poll() is None:
            terminal.kill()
    with contextlib.closing(sqlite3.connect(db)) as conn:
        rows = conn.execute(NARRATIVE_SQL).fetchall()
        game.saved = str(rows[0][0] or "") if rows else ""
        game.integrity = str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    return game


def test_sigkill_while_typing_loses_nothing_older_than_100_ms(
    demo_db: Path, tmp_path: Path
) -> None:
    base = int(os.environ.get("MINUTEBOOK_KILL_SEED", random.randrange(2**31)))
    rounds: list[Round] = []
    failures: list[str] = []
    for n in range(ROUNDS):
        folder = tmp_path / f"round{n}"
        folder.mkdir()
        game = play(base + n, demo_db, folder)
        rounds.append(game)
        problems = []
        if game.integrity != "ok":
            problems.append(f"integrity_check: {game.integrity}")
        if not game.typed.startswith(game.saved):
            problems.append("the saved text is not a prefix of what was typed")
        elif len(game.saved) < game.must_have:
            missing = game.typed[len(game.saved) : game.must_have]
            problems.append(f"lost {missing!r}, typed more than {GRACE * 1000:.0f} ms before")
        if problems:
            failures.append(f"round {n}: {'; '.join(problems)}\n  {game.describe()}")
    every = [ms for game in rounds for ms in game.latencies()]
    summary = (
        f"{ROUNDS} rounds from seed {base}; keystroke-to-disk latency over {len(every)} keys: "
        + (
            f"median {statistics.median(every):.0f} ms, "
            f"p95 {statistics.quantiles(every, n=20)[-1]:.0f} ms, max {max(every):.0f} ms"
            if len(every) >= 2
            else "too few observed"
        )
    )
    print(summary)
    assert not failures, summary + "\n" + "\n".join(failures)
