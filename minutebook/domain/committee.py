"""A committee and who sits on it: organisations, people and seats.

A seat is a position on the committee, not a person (docs/quorum.md): it has a title, a
holder (or is vacant), an organisation, tags such as ``chair`` or ``executive``, a
voting flag and the people named as its deputies. One person may hold two seats and is
still one person in every count. "Members" in the app are seats with their holders.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from enum import StrEnum
from typing import Any

from pydantic import Field, field_validator, model_validator

from minutebook.domain.base import Code, DomainModel, Name, OptionalName, Tag, blank_to_none
from minutebook.domain.bodies import BodyType, wording_problems
from minutebook.domain.labels import DecisionLabels


class HouseStyle(StrEnum):
    """The two layouts of formal minutes found in the seed papers."""

    COUNCIL = "council"  # seed 001: paragraph attendance, "HCP1" headings, RESOLVED lists
    NHS = "nhs"  # seed 003: attendance tables with initials, No. | Agenda Item | Action


class NumberingReset(StrEnum):
    """When a committee's minute numbers start again at 1 (docs/minutes.md)."""

    NEVER = "never"
    MUNICIPAL_YEAR = "municipal_year"  # council year from May
    FINANCIAL_YEAR = "financial_year"  # from April
    CALENDAR_YEAR = "calendar_year"
    PER_MEETING = "per_meeting"


class PaperSize(StrEnum):
    """The paper a committee's Word documents are laid out on: A4 in the UK, unless the
    committee asks for US Letter. A landscape export (the tracker) turns the same paper."""

    A4 = "a4"
    LETTER = "letter"

    @property
    def label(self) -> str:
        return "A4" if self is PaperSize.A4 else "US Letter"


class RagPalette(StrEnum):
    """Which RAG key the action tracker uses (docs/actions.md)."""

    COUNCIL = "council"  # R / A / G / B (seed 001)
    NHS = "nhs"  # red / amber / green / blue / black escalated (seed 003)


KNOWN_TAGS: tuple[str, ...] = (
    "chair",
    "vice_chair",
    "executive",
    "non_executive",
    "clinician",
    "finance",
    "councillor",
    "external",
    "partner",
)
"""Seat tags the quorum rules of real bodies refer to; committees may add their own."""


def unusual_tags(tags: Iterable[str]) -> list[str]:
    """The tags in `tags` that no quorum preset uses (not in `KNOWN_TAGS`). A committee
    may have tags of its own, so they are allowed; but one a rule relies on and spelt
    wrong ("chiar") would quietly count nobody, so the secretary is asked to check it
    (docs/members.md)."""
    return [tag for tag in tags if tag not in KNOWN_TAGS]


class NumberingScheme(DomainModel):
    """How minute numbers are written, e.g. ``{prefix}{seq}`` gives HCP1, HCP2."""

    template: Name = "{prefix}{seq}"
    prefix: str = ""
    reset: NumberingReset = NumberingReset.NEVER

    @field_validator("template")
    @classmethod
    def _template_has_sequence(cls, value: str) -> str:
        if "{seq" not in value and "{item" not in value:
            raise ValueError("the numbering template needs {seq} or {item}")
        return value


WORD_TEMPLATE_SUFFIXES = (".docx", ".dotx")
"""A committee's template may be a Word document or a real Word template."""


def usual_body_type(style: HouseStyle) -> BodyType:
    """The body a committee of this house style usually is: an NHS board, or a council
    committee (docs/confidentiality.md); the secretary says otherwise."""
    return BodyType.NHS_BODY if style is HouseStyle.NHS else BodyType.PRINCIPAL_COUNCIL


def usual_labels(style: HouseStyle) -> DecisionLabels:
    """How a committee of this house style labels decisions: lettered through the
    meeting in the NHS style (seed 003), numbered within each item otherwise (seed 001)."""
    return DecisionLabels.LETTERED if style is HouseStyle.NHS else DecisionLabels.NUMBERED


class Committee(DomainModel):
    """A committee, board or partnership that keeps formal minutes."""

    code: Code
    name: Name
    parent_body: OptionalName = None
    house_style: HouseStyle = HouseStyle.COUNCIL
    numbering: NumberingScheme = Field(default_factory=NumberingScheme)
    rag_palette: RagPalette = RagPalette.COUNCIL
    decision_labels: DecisionLabels = DecisionLabels.NUMBERED
    """How its minutes label decisions (`domain.labels`): numbered within each item, or
    lettered through the meeting; when not given, its house style's usual labels."""
    default_venue: OptionalName = None
    word_template: OptionalName = None
    """The committee's own Word template (.docx or .dotx: styles, header, footer, logo)
    for its Word documents, as a path on this computer; none for the bundled one."""
    paper_size: PaperSize = PaperSize.A4
    body_type: BodyType = BodyType.PRINCIPAL_COUNCIL
    """The kind of body: the law it excludes the press and public under and the interests
    its members declare (`domain.bodies`); when not given, the house style's usual one."""
    exclusion_wording: str | None = Field(default=None, max_length=2000)
    """The committee's own resolution excluding the press and public; None for its body
    type's preset (`domain.bodies.exclusion_wording`)."""
    agenda_subtitle: OptionalName = None
    """A line under the committee's name on its agenda ("FORMERLY THE HEALTH AND
    WELLBEING BOARD", seed 001)."""
    enquiries: OptionalName = None
    """Whom to ask about a meeting, as the agenda's front page prints it under
    "Enquiries" ("Please contact Andrew Clayton on 01908 252046 or ...", seed 001)."""
    exclusion_on_agenda: bool = False
    """Every agenda ends with the resolution to exclude the press and public, even one
    that lists no confidential item: the committee meets in private after its public
    business (seed 003). Otherwise the resolution comes only before confidential items."""

    _blank_wording = field_validator("exclusion_wording", mode="before")(blank_to_none)

    @model_validator(mode="before")
    @classmethod
    def _house_style_usuals(cls, data: Any) -> Any:
        """What a committee does not say it takes from its house style: the kind of body
        it usually is and how it usually labels decisions."""
        if not isinstance(data, dict):
            return data
        try:
            style = HouseStyle(data.get("house_style") or HouseStyle.COUNCIL)
        except ValueError:
            return data  # the house style's own error says what is wrong
        usual = {"body_type": usual_body_type(style), "decision_labels": usual_labels(style)}
        return {**data, **{key: value for key, value in usual.items() if data.get(key) is None}}

    @model_validator(mode="after")
    def _exclusion_wording(self) -> Committee:
        if self.exclusion_wording is not None:
            problems = wording_problems(self.body_type, self.exclusion_wording)
            if problems:
                raise ValueError(f"the exclusion wording: {'; '.join(problems)}")
        return self

    _blank = field_validator(
        "parent_body",
        "default_venue",
        "word_template",
        "agenda_subtitle",
        "enquiries",
        mode="before",
    )(blank_to_none)

    @field_validator("word_template")
    @classmethod
    def _a_word_document(cls, value: str | None) -> str | None:
        if value is not None and not value.lower().endswith(WORD_TEMPLATE_SUFFIXES):
            raise ValueError("must be a Word .docx or .dotx file")
        return value


class Organisation(DomainModel):
    """A body represented on the committee; quorum rules may count organisations."""

    id: Code
    name: Name
    constituency: OptionalName = None
    retired_on: date | None = None

    _blank = field_validator("constituency", mode="before")(blank_to_none)

    @property
    def is_current(self) -> bool:
        return self.retired_on is None


class Person(DomainModel):
    """Someone who sits on, attends or is named by a committee."""

    id: Code
    name: Name
    honorific: OptionalName = None
    initials: OptionalName = None
    email: OptionalName = None
    printed_name: OptionalName = None
    """The name as this body's minutes print it ("M Bracey", "Marland"), if not the
    usual initial and surname."""
    action_mark: OptionalName = None
    """How the Action column of the minutes names this person as an action's owner
    ("COSACS", a role abbreviation), if not the committee's usual form
    (`domain.actions.action_mark`)."""

    _blank = field_validator(
        "honorific", "initials", "email", "printed_name", "action_mark", mode="before"
    )(blank_to_none)

    @property
    def minutes_name(self) -> str:
        """The name in formal minutes: as printed if given, else initial and surname
        ("Michael Bracey" -> "M Bracey")."""
        if self.printed_name:
            return self.printed_name
        parts = self.name.split()
        if len(parts) < 2:
            return self.name
        return f"{parts[0][0]} {' '.join(parts[1:])}"

    @property
    def display_name(self) -> str:
        """The name as minutes print it: "Councillor Pete Marland", "Dr Sarah Whiteman"."""
        return f"{self.honorific} {self.name}" if self.honorific else self.name

    @property
    def derived_initials(self) -> str:
        """The initials given, or the first letter of each part of the name."""
        if self.initials:
            return self.initials
        return "".join(part[0].upper() for part in self.name.split() if part[:1].isalpha())


class Seat(DomainModel):
    """A position on the committee, held by a person or vacant."""

    id: Code
    title: Name
    holder: Code | None = None
    org: Code | None = None
    tags: tuple[Tag, ...] = ()
    voting: bool = True
    named_deputies: tuple[Code, ...] = ()
    term_from: date | None = None
    term_to: date | None = None
    retired_on: date | None = None

    _blank = field_validator("holder", "org", mode="before")(blank_to_none)

    @field_validator("tags", "named_deputies")
    @classmethod
    def _no_repeats(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(value))

    @model_validator(mode="after")
    def _term_in_order(self) -> Seat:
        if self.term_from and self.term_to and self.term_to < self.term_from:
            raise ValueError(
                f"the term of office ends ({self.term_to:%d/%m/%Y}) before it starts "
                f"({self.term_from:%d/%m/%Y})"
            )
        if self.holder is not None and self.holder in self.named_deputies:
            raise ValueError("a member cannot be named as their own deputy")
        return self

    @property
    def is_vacant(self) -> bool:
        return self.holder is None

    @property
    def is_current(self) -> bool:
        return self.retired_on is None

    def in_post_on(self, day: date) -> bool:
        """Whether the seat is filled on `day` (its holder's term covers the day)."""
        if self.holder is None or (self.retired_on is not None and self.retired_on <= day):
            return False
        if self.term_from is not None and day < self.term_from:
            return False
        return self.term_to is None or day <= self.term_to


class Membership(DomainModel):
    """A committee with its organisations, people and seats, checked for consistency."""

    committee: Committee
    organisations: tuple[Organisation, ...] = ()
    people: tuple[Person, ...] = ()
    seats: tuple[Seat, ...] = ()

    @model_validator(mode="after")
    def _references_resolve(self) -> Membership:
        problems = membership_problems(self.organisations, self.people, self.seats)
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def person(self, person_id: str) -> Person | None:
        return next((p for p in self.people if p.id == person_id), None)

    def seat(self, seat_id: str) -> Seat | None:
        return next((s for s in self.seats if s.id == seat_id), None)

    def organisation(self, org_id: str) -> Organisation | None:
        return next((o for o in self.organisations if o.id == org_id), None)


def membership_problems(
    organisations: tuple[Organisation, ...] | list[Organisation],
    people: tuple[Person, ...] | list[Person],
    seats: tuple[Seat, ...] | list[Seat],
) -> list[str]:
    """Every reference that does not resolve, and every duplicate id, in plain words."""
    problems: list[str] = []
    org_ids = [o.id for o in organisations]
    person_ids = [p.id for p in people]
    seat_ids = [s.id for s in seats]
    for kind, ids in (("organisation", org_ids), ("person", person_ids), ("seat", seat_ids)):
        seen: set[str] = set()
        for one in ids:
            if one in seen:
                problems.append(f"{kind} id {one!r} is used twice")
            seen.add(one)
    for seat in seats:
        if seat.org is not None and seat.org not in org_ids:
            problems.append(f"seat {seat.id}: organisation {seat.org!r} does not exist")
        if seat.holder is not None and seat.holder not in person_ids:
            problems.append(f"seat {seat.id}: holder {seat.holder!r} is not a known person")
        for deputy in seat.named_deputies:
            if deputy not in person_ids:
                problems.append(f"seat {seat.id}: deputy {deputy!r} is not a known person")
    return problems


# -- who a typed name means --------------------------------------------------------------


def name_key(name: str) -> str:
    """What makes two names, as typed, the same person's: they differ only in upper and
    lower case, or in spaces before or after ("ann lee " is Ann Lee; "Ann M Lee" is not)
    (docs/members.md)."""
    return name.strip().casefold()


def people_by_name(people: Iterable[Person]) -> dict[str, Person]:
    """The people known to Minutebook, to be found by a name as typed (`name_key`); of
    two people with the same name, the later in `people` is the one found."""
    return {name_key(person.name): person for person in people}


def holder_named(name: str, current: Person | None, known: Mapping[str, Person]) -> Person | None:
    """The known person meant by `name` typed as a seat's holder, or None for someone
    new (docs/members.md).

    The seat's current holder (`current`) if it is their name; otherwise whoever is
    known by that name (`known`, from `people_by_name`). A name other than the current
    holder's is a new holder for the seat, not a rename: the person who held the seat
    keeps their own name, in the list of people and in every past minute."""
    if current is not None and name_key(current.name) == name_key(name):
        return current
    return known.get(name_key(name))
