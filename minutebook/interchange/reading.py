"""Reading a secretary's files safely: terms of reference, meeting files, ``keys.yaml``
and a quorum rule typed as YAML in the app (docs/files.md).

These files come from anywhere (email, a colleague, a half-finished edit), so reading
one must end in data or in a problem with its place, never in a crash or a hang:

- only a regular file is read (not a folder, device, FIFO or socket: a FIFO with nobody
  writing to it would wait for ever, ``/dev/zero`` would never end), and at most
  `MAX_FILE_BYTES` of it;
- YAML aliases (``*name``) are refused: a secretary never needs them, and a few lines of
  them can stand for billions of values (the "billion laughs");
- nesting deeper than `MAX_DEPTH` is refused before Python's own recursion limit is met;
- dates are left as written (``2023-02-30`` stays text) for the models to check, so that
  an impossible date is reported with its place like any other wrong value;
- a value the YAML library cannot construct (``!!int abc``, an integer of 5000 digits)
  is a problem with its line, not a traceback.

JSON files are read by the same reader (YAML accepts JSON), with the same limits.
Only PyYAML is imported here, so the app can read ``keys.yaml`` without the domain.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml
from yaml.events import AliasEvent
from yaml.nodes import Node

MAX_FILE_BYTES = 256 * 1024
"""A terms-of-reference or meeting file is a few kilobytes (a 60-seat committee's is
under 15 kB); the cap keeps the slowest reading of a file well under a second."""

MAX_DEPTH = 40
"""How deeply lists and mappings may nest; a quorum rule nests perhaps five deep."""

_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class FileError(Exception):
    """A file could not be used; `problems` lists each with its place in the file."""

    def __init__(self, source: str, problems: Sequence[str]) -> None:
        self.source = source
        self.problems = list(problems)
        super().__init__(f"{source}: " + "; ".join(self.problems))

    def report(self) -> str:
        """Every problem on its own line, for a terminal."""
        lines = [f"{self.source}: {len(self.problems)} problem(s)"]
        return "\n".join([*lines, *(f"  {p}" for p in self.problems)])


class _Refused(yaml.MarkedYAMLError):
    """Valid YAML that Minutebook's files do not accept (an alias, too deep), or a
    value the YAML library cannot build."""

    def __init__(self, problem: str, mark: Any) -> None:
        super().__init__(problem=problem, problem_mark=mark)


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader without aliases, with a depth limit, dates kept as text.

    The pure-Python loader, not the C one: the checks are made as the document is
    composed, before anything is built from it."""

    yaml_implicit_resolvers = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag != _TIMESTAMP]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise _Refused(
                "aliases (*name) are not accepted in Minutebook's files; write the value out",
                event.start_mark,
            )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refused(f"nested more than {MAX_DEPTH} levels deep", event.start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except yaml.YAMLError:
            raise
        except (ValueError, TypeError, LookupError, OverflowError) as error:
            # e.g. "!!int abc", "!!int " (empty), "!!bool maybe", an integer of 5000 digits
            kind = str(node.tag).rsplit(":", 1)[-1]
            raise _Refused(f"{_shown(node)} is not a valid {kind}", node.start_mark) from error


def _timestamp_as_text(loader: _Loader, node: Node) -> Any:
    return loader.construct_yaml_str(node)


# An explicit "!!timestamp 2023-02-30" is text too, for the models to check.
_Loader.add_constructor(_TIMESTAMP, _timestamp_as_text)


def _shown(node: Node) -> str:
    value = node.value if isinstance(node.value, str) else node.tag
    return repr(value if len(value) <= 40 else value[:37] + "...")


def load_data(text: str, source: str) -> Any:
    """Parse YAML (which also reads JSON); raise FileError with the line and column of
    a syntax error or of what is refused (module docstring)."""
    if len(text) > MAX_FILE_BYTES:
        raise FileError(source, ["is too large for a Minutebook file"])
    try:
        return yaml.load(text, Loader=_Loader)  # a safe loader: see _Loader
    except _Refused as error:
        raise FileError(source, [f"{_where(error)}{error.problem}"]) from None
    except yaml.YAMLError as error:
        problem = getattr(error, "problem", None) or str(error)
        raise FileError(source, [f"{_where(error)}not valid YAML ({problem})"]) from None
    except RecursionError:
        # Belt and braces: MAX_DEPTH is far below the recursion limit.
        raise FileError(source, ["nested too deeply"]) from None


def _where(error: yaml.YAMLError) -> str:
    mark = getattr(error, "problem_mark", None)
    return f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""


def read_file(path: Path, source: str | None = None) -> str:
    """The text of a secretary's YAML or JSON file; FileError (naming `source`, else the
    path) if it is not a regular file, is too large, or is not UTF-8 text."""
    source = source or str(path)
    data = read_bytes(path, source, MAX_FILE_BYTES, "YAML or JSON")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise FileError(source, ["is not a text file (YAML or JSON expected)"]) from None


def read_bytes(path: Path, source: str, limit: int, expected: str) -> bytes:
    """The bytes of a file a secretary gives: only a regular file, at most `limit`
    bytes (module docstring); FileError naming `source` otherwise, saying what was
    `expected` ("YAML or JSON", "a .docx, .xlsx or .csv tracker")."""
    try:
        # Opened without blocking, then checked: opening a FIFO to read would
        # otherwise wait for a writer that never comes.
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        descriptor = os.open(path, flags)
    except OSError as error:
        raise FileError(source, [f"cannot be read: {error.strerror or error}"]) from None
    try:
        kind = os.fstat(descriptor)
        if not stat.S_ISREG(kind.st_mode):
            raise FileError(source, [f"is not a regular file ({expected} expected)"])
        if kind.st_size > limit:
            raise FileError(source, [f"is too large for a Minutebook file ({kind.st_size} bytes)"])
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise FileError(source, [f"cannot be read: {error.strerror or error}"]) from None
    finally:
        os.close(descriptor)
    if len(data) > limit:
        raise FileError(source, ["is too large for a Minutebook file"])
    return data
