"""What the words of a tracker kept elsewhere (Word, Excel) mean in Minutebook: the
status and RAG a cell gives, in the committee's key, and who an owner's name means
(docs/actions.md#bringing-a-tracker-in).

Pure rules: `interchange/tracker_file.py` reads the file and asks these.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date

from minutebook.domain.actions import ActionStatus
from minutebook.domain.committee import Person
from minutebook.domain.dates import written_date
from minutebook.domain.rag import RagScheme

# -- status and RAG --------------------------------------------------------------------


@dataclass(frozen=True)
class StatusRead:
    """What a tracker's RAG / status cell says: the status, the RAG code in the
    committee's key (None: no colour), the date closed it gives, and a note where the
    reading had to choose."""

    status: ActionStatus
    rag: str | None
    closed_on: date | None = None
    note: str | None = None


_STATUS_WORDS: tuple[tuple[str, ActionStatus | None, str | None], ...] = (
    # (words, status, colour): the first whose words are in the cell wins, so the
    # status words of seed 003's key ("COMPLETE: propose closure") come before colours.
    # A single letter counts only as the whole cell ("R", "(R)"). Black alone has no
    # status here: what it means depends on the key (`_in_key`).
    ("escalated", ActionStatus.OUTSTANDING, "black"),
    ("not yet due", ActionStatus.NOT_YET_DUE, "blue"),
    ("not due", ActionStatus.NOT_YET_DUE, "blue"),
    ("complete", ActionStatus.COMPLETE_PROPOSE_CLOSURE, "green"),
    ("completed", ActionStatus.COMPLETE_PROPOSE_CLOSURE, "green"),
    ("done", ActionStatus.COMPLETE_PROPOSE_CLOSURE, "green"),
    ("propose closure", ActionStatus.COMPLETE_PROPOSE_CLOSURE, "green"),
    ("outstanding", ActionStatus.OUTSTANDING, "red"),
    ("overdue", ActionStatus.OUTSTANDING, "red"),
    ("in progress", ActionStatus.IN_PROGRESS, "amber"),
    ("on track", ActionStatus.IN_PROGRESS, "amber"),
    ("ongoing", ActionStatus.IN_PROGRESS, "amber"),
    ("open", ActionStatus.IN_PROGRESS, "amber"),
    ("red", ActionStatus.OUTSTANDING, "red"),
    ("r", ActionStatus.OUTSTANDING, "red"),
    ("amber", ActionStatus.IN_PROGRESS, "amber"),
    ("a", ActionStatus.IN_PROGRESS, "amber"),
    ("green", ActionStatus.COMPLETE_PROPOSE_CLOSURE, "green"),
    ("g", ActionStatus.COMPLETE_PROPOSE_CLOSURE, "green"),
    ("blue", ActionStatus.NOT_YET_DUE, "blue"),
    ("black", None, "black"),
    ("b", None, "black"),
)

STATUS_WORDS_SHOWN = (
    "Red / Amber / Green / Blue / Black, R / A / G / B, Escalated, Outstanding, "
    "In progress, Not yet due, Complete, Closed dd/mm/yyyy"
)
"""The words a status cell may use, for a message."""

_CLOSED = re.compile(r"\bclosed\b", re.IGNORECASE)


def _words(text: str) -> str:
    return " " + " ".join(re.sub(r"[^a-z0-9/]+", " ", text.casefold()).split()) + " "


def status_read(
    cell: str, scheme: RagScheme, closed_cell: date | None, has_position: bool
) -> StatusRead:
    """The status and RAG a tracker's RAG / status cell gives, in the committee's key.

    - "Closed 12/05/2022", "CLOSED (12/05/2022)", or any status with a date in the
      Date Closed column (`closed_cell`): closed on that date. "Closed" with no date
      is refused: only the committee closes an action, on the date of its meeting.
    - Seed 003's words (Escalated, Outstanding, In progress, Not yet due, COMPLETE:
      propose closure) and the colours (Red, Amber, Green, Blue, Black, or R / A / G / B
      as seed 001's colour code prints them) give the status that level stands for and
      the RAG in the committee's key. Council black ("no further action") is complete,
      for the committee to close, unless a date closed is given; NHS black is escalated.
      Council green ("significant progress made") is in progress, as the demo reads
      seed 001's tracker; NHS green is complete.
    - Blank: in progress if the row reports a position, otherwise not yet due.

    Raises ValueError naming the cell when its words are none of these."""
    text = " ".join(cell.split())
    if _CLOSED.search(text):
        rest = re.sub(r"^(?:on|at)\b", "", _CLOSED.sub(" ", text).strip(" :-–()[],")).strip()
        try:
            day = written_date(rest) if rest else None
        except ValueError:
            raise ValueError(
                f"{text!r}: the date closed is not a date (Closed dd/mm/yyyy)"
            ) from None
        day = day or closed_cell
        if day is None:
            raise ValueError(
                f"{text!r} gives no date closed: write the date the committee closed it "
                "(Closed 12/05/2022, or a Date Closed column)"
            )
        return StatusRead(ActionStatus.CLOSED, _code(scheme, ActionStatus.CLOSED, None), day)
    if closed_cell is not None:
        return StatusRead(
            ActionStatus.CLOSED, _code(scheme, ActionStatus.CLOSED, None), closed_cell
        )
    if not text:
        blank = ActionStatus.IN_PROGRESS if has_position else ActionStatus.NOT_YET_DUE
        return StatusRead(blank, None)
    words = _words(text)
    for phrase, meant, colour in _STATUS_WORDS:
        if len(phrase) == 1 and words.strip() != phrase:
            continue
        if f" {phrase} " in words:
            return _in_key(scheme, phrase, meant, colour, text)
    raise ValueError(f"{text!r} is not a status or RAG of the key ({STATUS_WORDS_SHOWN})")


def _in_key(
    scheme: RagScheme, phrase: str, status: ActionStatus | None, colour: str | None, text: str
) -> StatusRead:
    """The status and code a level read by its words or colour stands for in this key."""
    if colour == "black" and scheme.escalated is not None:  # seed 003: escalated
        return StatusRead(ActionStatus.OUTSTANDING, scheme.escalated)
    if status is None or colour == "black":
        if status is None:  # seed 001's black: no further action
            return StatusRead(
                ActionStatus.COMPLETE_PROPOSE_CLOSURE,
                _code(scheme, ActionStatus.CLOSED, None),
                note=(
                    f"{text!r} (no further action) with no date closed: brought in as "
                    "complete, for the committee to close"
                ),
            )
        # Escalated, in a key without escalation: outstanding, its red.
        return StatusRead(ActionStatus.OUTSTANDING, _code(scheme, status, "red"))
    if phrase in ("green", "g") and scheme.escalated is None:  # "significant progress made"
        return StatusRead(ActionStatus.IN_PROGRESS, _code(scheme, status, colour))
    return StatusRead(status, _code(scheme, status, colour))


def _code(scheme: RagScheme, status: ActionStatus, colour: str | None) -> str | None:
    """The code of the key's level of this colour, else the one the status takes."""
    for level in scheme.levels:
        if colour is not None and level.colour == colour:
            return level.code
    return scheme.by_status[status]


# -- owners ----------------------------------------------------------------------------

TITLES = frozenset(
    {
        "cllr", "councillor", "dr", "doctor", "mr", "mrs", "ms", "miss", "mx", "prof",
        "professor", "sir", "dame", "lord", "lady", "rev", "revd", "reverend", "supt",
        "superintendent", "insp", "inspector", "the",
    }
)  # fmt: skip
"""Words before a name that are not part of it ("Cllr", "Dr", "Mrs"): ignored when a
name is matched, kept as the honorific of someone new."""

_SEPARATORS = re.compile(r"\s*(?:/|&|\+|;|\n|\band\b)\s*", re.IGNORECASE)
_INITIALS = re.compile(r"^[A-Za-z]{2,5}$")


def _plain(text: str) -> str:
    """A name compared without case, dots or extra spaces: "Dr. S  Whiteman" is "dr s whiteman"."""
    return " ".join(text.replace(".", " ").casefold().split())


def _untitled(text: str) -> tuple[str, str | None]:
    """The name without the titles before it, and those titles as written."""
    words = text.split()
    n = 0
    while n < len(words) - 1 and _plain(words[n]) in TITLES:
        n += 1
    return " ".join(words[n:]), (" ".join(words[:n]) or None)


def _names_of(person: Person) -> set[str]:
    """Every way of writing a person's name that means them: their name, with or
    without their honorific, as the minutes print it ("M Bracey", "Marland")."""
    names = {person.name, person.display_name, person.minutes_name}
    if person.printed_name:
        names.add(person.printed_name)
    return {_plain(_untitled(name)[0]) for name in names}


@dataclass(frozen=True)
class OwnerRead:
    """Who an owner cell names: the person (None: no one known), else the name of
    someone new and their honorific; the cell's other names, kept with the action;
    and a problem where a name could be several people."""

    person: Person | None
    new_name: str | None = None
    honorific: str | None = None
    others: tuple[str, ...] = ()
    problem: str | None = None


def owner_read(cell: str, people: Sequence[Person], committee: Collection[str]) -> OwnerRead:
    """Who a tracker's owner cell names (docs/actions.md#bringing-a-tracker-in).

    A name is matched to a known person without regard to case, dots or the titles
    before it ("Cllr", "Dr", "Mrs"): their full name, their name as the minutes print
    it ("M Bracey"), or, among the committee's own people (`committee`: their ids),
    their initials as NHS minutes use them ("MW"). Where a name fits several people,
    the committee's own are preferred; still several is a problem (write the full
    name).

    A cell naming several ("Ross Graves / COSACS", "MW & FC") gives the first person
    known as the owner; the other names are returned in `others`, to be kept with the
    action's text. If none is known, the first name is someone new."""
    parts = [p.strip(" ,.-") for p in _SEPARATORS.split(cell)]
    parts = [p for p in parts if p]
    if not parts:
        return OwnerRead(None)
    ambiguous: list[str] = []
    for index, part in enumerate(parts):
        found = _people_named(part, people, committee)
        if len(found) == 1:
            return OwnerRead(found[0], others=tuple(parts[:index] + parts[index + 1 :]))
        if found:
            names = ", ".join(sorted(p.display_name for p in found))
            ambiguous.append(f"{part!r} could be {names}: write the full name")
    if ambiguous:
        return OwnerRead(None, problem="; ".join(ambiguous))
    name, honorific = _untitled(parts[0].split(",")[0].strip())
    return OwnerRead(None, new_name=name, honorific=honorific, others=tuple(parts[1:]))


def _people_named(part: str, people: Sequence[Person], committee: Collection[str]) -> list[Person]:
    """The people a single name means (several where it is ambiguous)."""
    wanted = {_plain(_untitled(part)[0])}
    if "," in part:  # "Maria Wogan, Chief Operating Officer"
        wanted.add(_plain(_untitled(part.split(",")[0])[0]))
    if "(" in part:  # "Maria Wogan (MW)"
        wanted.add(_plain(_untitled(part.split("(")[0])[0]))
    found = [p for p in people if _names_of(p) & wanted]
    if not found and _INITIALS.match(part):
        found = [
            p
            for p in people
            if p.id in committee and p.derived_initials.casefold() == part.casefold()
        ]
    if len(found) > 1:
        ours = [p for p in found if p.id in committee]
        found = ours or found
    return found
