"""What the command line's imports (`actions import`, `register import`) share: reading
the file into a preview, with a refusal in one line, and stopping, with nothing stored,
where rows cannot be read or people are not known (docs/actions.md, docs/register.md)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from minutebook.store import StoreError
from minutebook.tui.cli import _committee, _fail

if TYPE_CHECKING:
    from minutebook.store import Store

P = TypeVar("P")


def read_preview(store: Store, code: str, read: Callable[[], P]) -> P:
    """`read()` the file's preview for committee `code`; a file that cannot be read, an
    unknown committee or a refusal ends the command in one line (exit 2)."""
    from minutebook.domain.base import Refused
    from minutebook.interchange.reading import FileError

    try:
        _committee(store, code)
        return read()
    except FileError as error:
        _fail(f"{error.source} {error.problems[0]}")
    except (StoreError, Refused) as error:
        _fail(str(error))
    raise AssertionError("unreachable: _fail exits")  # pragma: no cover


def stop_unless_storable(
    problems: int, unknown: Sequence[str], add_people: bool, outside: str = ""
) -> None:
    """End the command, nothing stored, if rows cannot be read or people are not known
    (and are not to be added); `outside`, if given, names those known but not on the
    committee, who are stored only with --add-people too."""
    if problems:
        _fail(
            f"nothing stored: {problems} row(s) cannot be read (listed above); "
            "correct them in the file and import it again"
        )
    if unknown and not add_people:
        _fail(
            "nothing stored: not known to Minutebook: "
            + ", ".join(unknown)
            + "; correct the names in the file, or add them as new people with --add-people"
        )
    if outside and not add_people:
        _fail(
            f"nothing stored: {outside}; correct the names in the file, or take them in "
            "with --add-people"
        )
