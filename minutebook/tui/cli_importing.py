"""What the command line's imports (`actions import`, `register import`) share: their
arguments (the file, --committee, --dry-run, --add-people, --db), reading the file into
a preview, with a refusal in one line, and stopping, with nothing stored, where rows
cannot be read or people are not known (docs/actions.md, docs/register.md)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from minutebook.store import StoreError
from minutebook.tui.cli import _committee, _fail, database_option

if TYPE_CHECKING:
    from minutebook.store import Store

P = TypeVar("P")
C = TypeVar("C", bound=Callable[..., Any])


def import_options(file_argument: str, unknown: str) -> Callable[[C], C]:
    """An import command's arguments: `file_argument` (the file's path), --committee,
    --dry-run, --add-people (`unknown` names who it adds: "owners", "people") and --db,
    with the click context first."""

    def decorate(command: C) -> C:
        decorators = (
            click.argument(file_argument, type=click.Path(dir_okay=False, path_type=Path)),
            click.option(
                "--committee", "code", required=True, help="The committee's code, e.g. ICB."
            ),
            click.option(
                "--dry-run", is_flag=True, help="Show what would be stored, and store nothing."
            ),
            click.option(
                "--add-people",
                is_flag=True,
                help=f"Add the {unknown} Minutebook does not know as new people (without it, "
                "the import names them and stores nothing).",
            ),
            database_option,
            click.pass_context,
        )
        for decorator in reversed(decorators):  # as if written above the function
            command = decorator(command)
        return command

    return decorate


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
