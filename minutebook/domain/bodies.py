"""What kind of body a committee belongs to, and the law its meetings are held under.

The body type decides two things the minutes must get right (docs/confidentiality.md,
docs/declarations.md):

- the resolution excluding the press and public, with its legal basis: a principal
  council (a county, district, unitary or London borough council, and its committees
  and boards such as a health and wellbeing board) resolves under section 100A(4) of the
  Local Government Act 1972, naming for each item the paragraph of Part 1 of Schedule
  12A that describes the exempt information (section 100A(5)); a parish or town council
  and an NHS body (an integrated care board, an NHS trust) under section 1(2) of the
  Public Bodies (Admission to Meetings) Act 1960; any other body (a partnership that is
  not a council committee, a charity) under its own terms of reference;
- the categories of interest its members declare (`domain.interests`).

Each body type has a preset wording; a committee may keep its own instead
(`Committee.exclusion_wording`). A wording is a resolution, "That ...", with
placeholders filled from the meeting's confidential items: ``{items}`` ("item 9",
"items 9 and 11") and ``{paragraphs}`` ("paragraph 3", "paragraph 3 (item 9) and
paragraphs 1 and 2 (item 11)").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the meeting's model imports this module's BodyType through the committee
    from minutebook.domain.meeting import AgendaItem


class BodyType(StrEnum):
    """The kind of body whose meetings a committee minutes."""

    PRINCIPAL_COUNCIL = "principal_council"
    PARISH_COUNCIL = "parish_council"  # parish, town, neighbourhood or village council
    NHS_BODY = "nhs_body"  # integrated care board, NHS trust
    OTHER = "other"  # a partnership or board that is not a council committee

    @property
    def label(self) -> str:
        return BODY_LABELS[self]


BODY_LABELS: dict[BodyType, str] = {
    BodyType.PRINCIPAL_COUNCIL: "Principal council (or its committee or board)",
    BodyType.PARISH_COUNCIL: "Parish or town council",
    BodyType.NHS_BODY: "NHS body",
    BodyType.OTHER: "Other body or partnership",
}

SCHEDULE_12A: dict[int, str] = {
    1: "Information relating to any individual.",
    2: "Information which is likely to reveal the identity of an individual.",
    3: "Information relating to the financial or business affairs of any particular person "
    "(including the authority holding that information).",
    4: "Information relating to any consultations or negotiations, or contemplated "
    "consultations or negotiations, in connection with any labour relations matter arising "
    "between the authority or a Minister of the Crown and employees of, or office holders "
    "under, the authority.",
    5: "Information in respect of which a claim to legal professional privilege could be "
    "maintained in legal proceedings.",
    6: "Information which reveals that the authority proposes (a) to give under any "
    "enactment a notice under or by virtue of which requirements are imposed on a person; "
    "or (b) to make an order or direction under any enactment.",
    7: "Information relating to any action taken or to be taken in connection with the "
    "prevention, investigation or prosecution of crime.",
}
"""The descriptions of exempt information in Part 1 of Schedule 12A to the Local
Government Act 1972 (England, as substituted in 2006), by paragraph."""

ITEMS = "{items}"
PARAGRAPHS = "{paragraphs}"
PLACEHOLDERS = (ITEMS, PARAGRAPHS)
NOT_GIVEN = "[not given]"
"""Where a confidential item's Schedule 12A paragraph should be and is not: visible in
the draft, and warned of, rather than a vague "relevant paragraph"."""


@dataclass(frozen=True)
class ExclusionPreset:
    """A body type's resolution excluding the press and public, and its legal basis."""

    legal_basis: str
    wording: str


PRESETS: dict[BodyType, ExclusionPreset] = {
    BodyType.PRINCIPAL_COUNCIL: ExclusionPreset(
        "Local Government Act 1972, section 100A(4); the exempt information described by "
        "paragraph of Part 1 of Schedule 12A, for each confidential item (section 100A(5))",
        "That, under Section 100A(4) of the Local Government Act 1972, the press and public "
        f"be excluded from the meeting for {ITEMS} on the grounds that it involves the likely "
        f"disclosure of exempt information as defined in {PARAGRAPHS} of Part 1 of Schedule "
        "12A to the Act.",
    ),
    BodyType.PARISH_COUNCIL: ExclusionPreset(
        "Public Bodies (Admission to Meetings) Act 1960, section 1(2)",
        "That, under Section 1(2) of the Public Bodies (Admission to Meetings) Act 1960, the "
        f"press and public be excluded from the meeting for {ITEMS}, as publicity would be "
        "prejudicial to the public interest by reason of the confidential nature of the "
        "business to be transacted.",
    ),
    # Seed 003's own words (Board of the ICB, 29 July 2022).
    BodyType.NHS_BODY: ExclusionPreset(
        "Public Bodies (Admission to Meetings) Act 1960, section 1(2)",
        "That representatives of the press, and other members of the public, be excluded "
        "from the remainder of this meeting having regard to the confidential nature of the "
        "business to be transacted, publicity on which would be prejudicial to the public "
        "interest, Section 1(2), Public Bodies (Admission to Meetings) Act 1960.",
    ),
    BodyType.OTHER: ExclusionPreset(
        "the committee's own terms of reference or standing orders (no Act of Parliament "
        "gives the public a right to attend)",
        f"That the press and public be excluded from the meeting for {ITEMS} because of the "
        "confidential nature of the business to be transacted.",
    ),
}

_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_THAT = re.compile(r"that\b", re.IGNORECASE)


def exclusion_wording(body_type: BodyType, own: str | None) -> str:
    """The resolution a committee passes: its own wording, else its body type's preset."""
    return own if own else PRESETS[body_type].wording


def wording_problems(body_type: BodyType, wording: str) -> list[str]:
    """What is wrong with a committee's own exclusion wording, in the secretary's words:
    it must read as a resolution ("That ..."), use only the placeholders known, and, for
    a principal council, name the Schedule 12A paragraphs ({paragraphs}): the Act
    requires the resolution to state the description of the exempt information."""
    problems: list[str] = []
    text = wording.strip()
    if not _THAT.match(text):
        problems.append('start it with "That", as a resolution reads')
    unknown = [p for p in _PLACEHOLDER.findall(text) if p not in PLACEHOLDERS]
    if unknown:
        problems.append(
            f"{', '.join(dict.fromkeys(unknown))} is not known: use {ITEMS} for the items "
            f"and {PARAGRAPHS} for their Schedule 12A paragraphs"
        )
    if body_type is BodyType.PRINCIPAL_COUNCIL and PARAGRAPHS not in text:
        problems.append(
            f"a principal council's resolution states the Schedule 12A paragraph of each "
            f"item (Local Government Act 1972, section 100A(5)): keep {PARAGRAPHS} in it"
        )
    return problems


def read_paragraphs(text: str | None) -> tuple[int, ...]:
    """The Schedule 12A paragraphs typed for an item: "3", "1, 3", "1 and 3", "para 3";
    blank for none. Raises ValueError naming what is not a paragraph of Part 1."""
    words = re.split(r"[\s,;&]+|\band\b", (text or "").lower())
    numbers: list[int] = []
    for word in words:
        word = word.strip().removeprefix("paragraphs").removeprefix("paragraph")
        word = word.removeprefix("paras").removeprefix("para").strip(". ")
        if not word:
            continue
        if not word.isdecimal() or int(word) not in SCHEDULE_12A:
            raise ValueError(f"{word!r} is not a paragraph of Part 1 of Schedule 12A: give 1 to 7")
        numbers.append(int(word))
    return tuple(sorted(set(numbers)))


def paragraphs_problem(paragraphs: Sequence[int]) -> str | None:
    """Whether an item's paragraphs are paragraphs of Part 1 of Schedule 12A."""
    wrong = [str(p) for p in paragraphs if p not in SCHEDULE_12A]
    if wrong:
        return f"{', '.join(wrong)} is not a paragraph of Part 1 of Schedule 12A: give 1 to 7"
    return None


def part_two(item: AgendaItem) -> str:
    """How the app marks a confidential item in its agenda: "Part II", with its Schedule
    12A paragraphs where given ("Part II (1, 3)"); "" for an item in public."""
    if not item.confidential:
        return ""
    paragraphs = ", ".join(str(p) for p in item.exempt_paragraphs)
    return f"Part II ({paragraphs})" if paragraphs else "Part II"


@dataclass(frozen=True)
class Resolution:
    """An exclusion resolution as passed at one meeting, its placeholders filled."""

    text: str
    missing: tuple[int, ...] = ()
    """The confidential items whose Schedule 12A paragraph the resolution needs and the
    agenda does not give."""

    def warning(self) -> str | None:
        """What the secretary is told while an item's paragraph is missing."""
        if not self.missing:
            return None
        which = _join([str(n) for n in self.missing])
        noun = "item" if len(self.missing) == 1 else "items"
        return (
            f"the resolution excluding the press and public needs the Schedule 12A "
            f"paragraph of {noun} {which}: give it on the agenda item (Confidential)"
        )


def resolution(
    wording: str, items: Sequence[AgendaItem], numbers: Mapping[int, str] | None = None
) -> Resolution:
    """The resolution `wording` for the confidential `items`: {items} names them ("item
    9", "items 9 and 11", or by minute number where `numbers` gives every one: "minute
    HCP8"), {paragraphs} their Schedule 12A paragraphs, grouped where items share them."""
    references = {item.number: _reference(item.number, numbers) for item in items}
    text = wording.replace(ITEMS, _references(list(references.values())))
    missing: tuple[int, ...] = ()
    if PARAGRAPHS in wording:
        missing = tuple(item.number for item in items if not item.exempt_paragraphs)
        text = text.replace(PARAGRAPHS, _paragraphs(items, references))
    return Resolution(text, missing)


def framed(lead: str, text: str) -> str:
    """The resolution after the words that put it: "To resolve that, under ..." on an
    agenda, "The Board resolved that representatives ..." in NHS minutes."""
    if _THAT.match(text):
        return f"{lead} {text[0].lower()}{text[1:]}"
    return f"{lead}: {text}"


def _reference(number: int, numbers: Mapping[int, str] | None) -> tuple[str, str]:
    minute = (numbers or {}).get(number)
    return ("minute", minute) if minute else ("item", str(number))


def _references(references: list[tuple[str, str]]) -> str:
    """ "item 9", "items 9 and 11", "minutes HCP8 and HCP9"; mixed kinds each named."""
    if not references:
        return "the following business"
    nouns = {noun for noun, _ in references}
    if len(nouns) == 1:
        noun = nouns.pop()
        plural = "s" if len(references) > 1 else ""
        return f"{noun}{plural} {_join([ref for _, ref in references])}"
    return _join([f"{noun} {ref}" for noun, ref in references])


def _paragraphs(items: Sequence[AgendaItem], references: dict[int, tuple[str, str]]) -> str:
    """ "paragraph 3" when every item has the same; else each set of paragraphs with the
    items it covers: "paragraph 3 (items 9 and 11) and paragraphs 1 and 2 (item 10)"."""
    if not items:  # an agenda that ends with the resolution and names no item yet
        return "the relevant paragraphs"
    groups: dict[tuple[int, ...], list[tuple[str, str]]] = {}
    for item in items:
        groups.setdefault(item.exempt_paragraphs, []).append(references[item.number])
    if len(groups) == 1:
        return _paragraph_words(next(iter(groups)))
    return _join(
        [f"{_paragraph_words(paras)} ({_references(refs)})" for paras, refs in groups.items()]
    )


def _paragraph_words(paragraphs: tuple[int, ...]) -> str:
    if not paragraphs:
        return f"paragraph {NOT_GIVEN}"
    noun = "paragraph" if len(paragraphs) == 1 else "paragraphs"
    return f"{noun} {_join([str(p) for p in paragraphs])}"


def _join(parts: Sequence[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} and {parts[-1]}"
