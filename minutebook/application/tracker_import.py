"""Bringing a tracker kept elsewhere (Word, Excel, .csv) into a committee's tracker, as
the command line and the tracker screen ask for it (docs/actions.md#bringing-a-tracker-in).

Two steps, so that the secretary sees everything before anything is stored:

1. `preview(store, code, path)` reads the file (`interchange.tracker_file`) against the
   people Minutebook knows and the committee's numbers: the actions it would add (each
   with the number it would take), the owners not yet known, and every row that cannot
   be read, or whose number the committee's tracker already uses, with the reason.
2. `accept(store, code, preview, add_people)` stores it, in one change: the new people
   (only if `add_people`), then every action. Nothing is stored unless every row was
   read and every owner is known or added; if any step fails, nothing is stored.

An action keeps the number the file gives it (refused if the committee has used it);
one the file leaves unnumbered takes the next free number, in the file's order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from minutebook.domain.actions import Action
from minutebook.domain.base import Refused
from minutebook.domain.committee import Person, name_key, people_by_name
from minutebook.domain.dates import long_date
from minutebook.domain.meeting import Meeting
from minutebook.interchange.tracker_file import (
    NEW_PERSON,
    RowProblem,
    TrackerPreview,
    numbered,
    read_tracker,
)
from minutebook.store.errors import StoreError

if TYPE_CHECKING:
    from minutebook.store import Store

__all__ = ["Imported", "TrackerPreview", "accept", "number_runs", "preview"]


@dataclass(frozen=True)
class Imported:
    """What an accepted import stored: the actions (with their ids and numbers) and the
    people added for the owners not known before."""

    actions: tuple[Action, ...]
    people: tuple[Person, ...]


def preview(
    store: Store,
    code: str,
    path: Path,
    *,
    today: date | None = None,
    positions_on: date | None = None,
) -> TrackerPreview:
    """What bringing the tracker file at `path` into committee `code`'s tracker would
    store, and what stops it (`TrackerPreview.problems`, `.unknown_owners`).

    A row agreed at a meeting of the committee whose minutes are signed is a problem
    too (the database would refuse it). `today` (default: the computer's date) bounds
    the meeting dates; `positions_on`
    (default `today`) dates a position written without a date. Raises
    `interchange.reading.FileError` when the file cannot be read as a tracker at all (its
    `problems` say why, naming the file), and `Refused` when the committee is unknown."""
    today = today or date.today()
    try:
        committee = store.committee(code)
        people = store.people()
        ours = {p.id for p in store.membership(code).people}
        ours |= {action.owner for action in store.actions(code)}
        used = store.action_numbers(code)
        meetings = store.meetings(code)
    except StoreError as error:
        raise Refused(str(error)) from None
    read = read_tracker(path, committee, people, ours, today=today, positions_on=positions_on)
    clashes = tuple(
        RowProblem(
            row.place,
            f"the action number {row.action.number} is already used in {code}'s tracker",
        )
        for row in read.actions
        if row.number_from_file and row.action.number in used
    )
    # An action is tied to the committee's meeting of its date (`add_action`, the first
    # of the day); signed minutes take nothing more, so say so now, not at the end.
    first: dict[date, Meeting] = {}
    for meeting in meetings:
        first.setdefault(meeting.date, meeting)
    locked = tuple(
        RowProblem(
            row.place,
            f"the minutes of {long_date(row.action.meeting_date)} are signed and locked: "
            "an action agreed there cannot be added",
        )
        for row in read.actions
        if (m := first.get(row.action.meeting_date)) is not None and m.is_locked
    )
    return replace(
        numbered(read, _free_numbers(read, used)),
        problems=read.problems + clashes + locked,
    )


def _file_numbers(read: TrackerPreview) -> set[int]:
    """The numbers the file itself gives its actions."""
    return {r.action.number for r in read.actions if r.number_from_file and r.action.number}


def _free_numbers(read: TrackerPreview, used: set[int]) -> list[int]:
    """The numbers the file's unnumbered actions take: the next after every number the
    committee and the file use, in the file's order."""
    taken = used | _file_numbers(read)
    start = max(taken, default=0) + 1
    count = sum(1 for r in read.actions if not r.number_from_file)
    return list(range(start, start + count))


def accept(store: Store, code: str, preview: TrackerPreview, add_people: bool) -> Imported:
    """Store a previewed import in committee `code`'s tracker, in one change.

    Refused (with nothing stored) if the preview is another committee's, if any row
    could not be read, if owners are not known and `add_people` is false (the message
    names them), if a number the file gives has meanwhile been used, or if the store
    refuses any action (the message names its row). With `add_people`, each owner not
    known becomes a new person, with the name and title the file gives."""
    if preview.committee != code:
        raise Refused(f"this preview is of an import into {preview.committee}, not {code}")
    if preview.problems:
        raise Refused(
            f"{len(preview.problems)} row(s) of {preview.source} cannot be read; nothing was stored"
        )
    if preview.unknown_owners and not add_people:
        raise Refused(
            "not known to Minutebook: "
            + ", ".join(preview.unknown_owners)
            + "; add them as new people, or correct the names in the file; nothing was stored"
        )
    at: list[str] = []
    try:
        with store.transaction():
            return _store(store, code, preview, at)
    except StoreError as error:
        # The database's own refusals (signed minutes) come out of the transaction as a
        # whole, so the row being stored is kept aside to be named.
        where = f"{at[-1]}: " if at else ""
        raise Refused(f"{where}{error}; nothing was stored") from None


def _store(store: Store, code: str, preview: TrackerPreview, at: list[str]) -> Imported:
    """Inside the caller's transaction: the people, then the actions (`at` gets the
    place of each row as it is stored)."""
    used = store.action_numbers(code)
    clashes = sorted(_file_numbers(preview) & used)
    if clashes:
        raise Refused(
            f"the action number(s) {', '.join(map(str, clashes))} are already used in "
            f"{code}'s tracker; nothing was stored"
        )
    known = people_by_name(store.people())
    added: list[Person] = []
    owners: dict[str, str] = {}
    for row in preview.actions:
        new = row.new_owner
        if new is None or name_key(new.name) in owners:
            continue
        person = known.get(name_key(new.name))  # added since the preview
        if person is None:
            person = store.save_person(new.model_copy(update={"id": store.new_person_id(new.name)}))
            added.append(person)
        owners[name_key(new.name)] = person.id
    free = iter(_free_numbers(preview, used))
    stored: list[Action] = []
    for row in preview.actions:
        update: dict[str, object] = {}
        if row.new_owner is not None:
            update["owner"] = owners[name_key(row.new_owner.name)]
        if not row.number_from_file:
            update["number"] = next(free)
        action = row.action.model_copy(update=update) if update else row.action
        if action.owner == NEW_PERSON:  # never stored: the owner was never found
            raise Refused(f"{row.place}: the owner is not known; nothing was stored")
        at.append(row.place)
        stored.append(store.add_action(action))
    return Imported(tuple(stored), tuple(added))


def number_runs(numbers: Sequence[int]) -> str:
    """1–3, 7: the numbers an import gave its actions, runs joined (the command line and
    the tracker screen say them so)."""
    runs: list[list[int]] = []
    for number in sorted(numbers):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)
