"""What the fuzz tests share (tests/interchange/test_fuzz_files.py, tests/cli/test_fuzz_inputs.py):
their settings, a guard that turns a hang into a failure, and strategies for the text a
secretary's files might hold.

Every fuzz test asserts the same promises: no traceback, an exit code of 0, 1 or 2, no
hang (each example has a deadline, and on POSIX an alarm ends one that never returns),
and a database unchanged by whatever was refused.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

HANG = 10
"""Seconds after which an example counts as hung (the promise: never longer)."""


SCALE = max(1, int(os.environ.get("MINUTEBOOK_FUZZ_SCALE", "1") or 1))
"""``MINUTEBOOK_FUZZ_SCALE=50`` runs fifty times the examples: a longer hunt for crashes."""


def fuzz(examples: int) -> settings:
    """Few examples each, so that a whole fuzz file runs in well under 30 s on a laptop;
    the per-example deadline is the promise, not a speed test."""
    return settings(
        max_examples=examples * SCALE,
        deadline=timedelta(seconds=HANG),
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


class Hung(Exception):
    """An example ran past HANG seconds."""


@contextmanager
def no_hang(seconds: int = HANG) -> Iterator[None]:
    """Fail an example that runs for more than `seconds` instead of waiting for it for
    ever (POSIX: an interval timer; elsewhere the deadline alone, checked afterwards)."""
    if sys.platform == "win32" or not hasattr(signal, "setitimer"):
        yield
        return

    def stop(_signum: int, _frame: Any) -> None:
        raise Hung(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


YAML_PIECES = [
    *["[", "]", "{", "}", ", ", ": ", "- ", "\n", "  ", "\t", "? ", "'", '"', "#", "|\n", ">\n"],
    *["&a ", "*a", "&b ", "*b", "<<: ", "---\n", "...\n", "%YAML 1.1\n", "%TAG ! x\n"],
    *["!!int ", "!!float ", "!!bool ", "!!str ", "!!timestamp ", "!!binary ", "!!set ", "!x "],
    *["2023-02-30", "2022-07-01", "2022-07-01 10:00", "1e999", "0x1F", "0o17", "-0", ".nan"],
    *["null", "~", "yes", "no", "on", "9" * 30, "\\", "\x00", "\ufeff", "é", "\u2028", "\r"],
    *["committee", "code", "name", "seats", "id", "org", "holder", "tags", "quorum"],
    *["requirement", "all", "any", "fraction", "num", "den", "count", "min", "policies"],
    *["versions", "version", "adopted", "agenda", "item", "attendance", "person", "seats"],
    *["capacity", "deputy_for", "from_item", "to_item", "declarations", "ruling", "date"],
]
"""Fragments of YAML and JSON syntax, tags, awkward scalars and the files' own keys."""

yaml_text = st.lists(st.sampled_from(YAML_PIECES) | st.text(max_size=4), max_size=80).map("".join)
"""Text that is mostly YAML-shaped, often broken, sometimes valid."""

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**6), max_value=10**6)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=12)
    | st.sampled_from(
        [
            *["", " ", "2023-02-30", "2022-07-01", "1900-01-01", "9999-12-31", "S1", "S9"],
            *["ICB", "chair", "member", "deputy", "remote", "in_person", "leave", "all", "any"],
        ]
    )
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(YAML_PIECES[-33:]) | st.text(max_size=6), inner, max_size=3
        )
    ),
    max_leaves=8,
)
"""Any value a key in a file might be given."""


def paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in nested lists and mappings, the root included."""
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += paths(value, (*prefix, index))
    return found


def mutate(data: Any, edits: list[tuple[int, str, Any]]) -> Any:
    """`data` with each edit made: (which place, replace|delete|add, the new value)."""
    for choice, action, value in edits:
        places = [p for p in paths(data) if p]
        if not places:
            return value
        place = places[choice % len(places)]
        parent = data
        for key in place[:-1]:
            parent = parent[key]
        last = place[-1]
        if action == "replace":
            parent[last] = value
        elif action == "delete":
            del parent[last]
        elif isinstance(parent, dict):
            parent[f"extra_{choice}"] = value
        else:
            parent.append(value)
    return data


edits = st.lists(
    st.tuples(st.integers(0, 10_000), st.sampled_from(["replace", "delete", "add"]), values),
    min_size=1,
    max_size=4,
)
"""A few changes to make to a good file."""
