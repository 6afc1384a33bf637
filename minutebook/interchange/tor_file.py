"""Terms-of-reference files: a committee's organisations, seats and quorum rule in YAML.

People are named in these files as secretaries write them ("Ruth Adebayo"); inside
Minutebook they get ids, so reading a file returns the name of every id it made.
The format (JSON with the same structure is accepted too)::

    committee: {code: PB, name: BLMK People Board}   # with house_style, body_type,
                                                     # exclusion_wording if it has its own
    organisations:
      - {id: ICB, name: NHS BLMK ICB, constituency: ics_org}
    seats:
      - {id: S1, title: Chair, holder: Ruth Adebayo, org: ICB, tags: [chair],
         voting: true, named_deputies: []}       # holder: null for a vacancy
    version: 1                                   # optional, default 1
    adopted: 2022-07-01                          # optional for checks, needed to import
    quorum:
      text: "5.5 For a meeting to be quorate ..."
      requirement: {all: [{role: {any_tags: [chair, vice_chair]}}, ...]}
      policies: {...}                            # keys left out take the defaults (docs/quorum.md)

Several versions may be given instead under ``versions:`` (each with ``version``,
``adopted`` and ``quorum``); a meeting is judged by the version in force on its date.

The committee's standing items (docs/agenda.md) may be given too, in agenda order; left
out, a committee new to the database gets its house style's and one already there keeps
its own::

    standing_items:
      - {title: Minutes, kind: minutes, purpose: decision, lead: Chair,
         description: "To approve ... the Minutes of the meeting held on {previous}."}
      - {title: Date of the Next Meeting, kind: next_meeting, place: closing}
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import yaml
from pydantic import Field, ValidationError, field_validator, model_validator

from minutebook.domain import Committee, Membership, Organisation, Person, Seat, TermsOfReference
from minutebook.domain.base import (
    Code,
    DomainModel,
    Name,
    OptionalName,
    Refused,
    Tag,
    blank_to_none,
    error_lines,
    slug,
)
from minutebook.domain.bodies import BodyType
from minutebook.domain.quorum import POLICY_SECTIONS, QuorumRule, in_force_on
from minutebook.domain.standing_items import StandingItem, checked
from minutebook.interchange.reading import FileError, load_data

FAR_PAST = date(1900, 1, 1)
"""The adoption date of a version that does not say: in force for every meeting."""


class SeatEntry(DomainModel):
    """A seat as a ToR file writes it: people by name."""

    id: Code
    title: Name
    holder: OptionalName = None
    org: Code | None = None
    tags: tuple[Tag, ...] = ()
    voting: bool = True
    named_deputies: tuple[Name, ...] = ()
    term_from: date | None = None
    term_to: date | None = None

    _blank = field_validator("holder", "org", mode="before")(blank_to_none)


class CommitteeEntry(DomainModel):
    code: Code
    name: Name
    parent_body: OptionalName = None
    house_style: str | None = None
    body_type: BodyType | None = None
    exclusion_wording: OptionalName = None


SETTINGS = ("body_type", "exclusion_wording")
"""The committee's settings a file may give that an import puts on a committee already
in the database (docs/confidentiality.md); left out, the committee keeps its own."""


class VersionEntry(DomainModel):
    version: int = Field(default=1, ge=1)
    adopted: date | None = None
    illustrative: bool = False
    note: OptionalName = None
    meetings_per_year: int | None = Field(default=None, ge=1, le=366)
    minutes_circulated_within: int | None = Field(default=None, ge=0, le=60)
    minutes_approved_at_next: bool | None = None
    quorum: QuorumRule
    policies_confirmed: bool | None = None


class TorFile(DomainModel):
    """The whole file, validated in one pass so that every problem is reported."""

    committee: CommitteeEntry
    organisations: tuple[Organisation, ...] = ()
    seats: tuple[SeatEntry, ...] = ()
    version: int | None = Field(default=None, ge=1)
    adopted: date | None = None
    illustrative: bool = False
    note: OptionalName = None
    meetings_per_year: int | None = Field(default=None, ge=1, le=366)
    minutes_circulated_within: int | None = Field(default=None, ge=0, le=60)
    minutes_approved_at_next: bool | None = None
    quorum: QuorumRule | None = None
    policies_confirmed: bool | None = None
    versions: tuple[VersionEntry, ...] = ()
    standing_items: tuple[StandingItem, ...] | None = None

    @model_validator(mode="after")
    def _one_way_of_giving_the_rule(self) -> TorFile:
        if self.quorum is None and not self.versions:
            raise ValueError("the file needs a quorum: section (or versions:)")
        if self.quorum is not None and self.versions:
            raise ValueError("give either quorum: or versions:, not both")
        return self


@dataclass(frozen=True)
class TermsFile:
    """A ToR file read into domain models."""

    membership: Membership
    versions: tuple[TermsOfReference, ...]
    names: dict[str, str]  # person id -> name as written in the file
    source: str = field(default="terms of reference", compare=False)
    standing: tuple[StandingItem, ...] | None = None
    """The committee's standing items, in agenda order; None where the file gives none."""
    settings: frozenset[str] = field(default=frozenset(), compare=False)
    """Which of the committee's `SETTINGS` the file gives (not part of what it says:
    a file written back says them all)."""

    def in_force_on(self, day: date | None) -> TermsOfReference:
        """The version a meeting on `day` is judged by (the latest when no date)."""
        if day is None:
            return self.versions[-1]
        version = in_force_on(list(self.versions), day)
        if version is None:
            first = self.versions[0].adopted
            raise FileError(
                self.source, [f"no version was in force on {day} (first adopted {first})"]
            )
        return version


class PersonIds:
    """Gives each person named in a file a stable id, and remembers the name."""

    def __init__(self, known: Sequence[Person] = ()) -> None:
        self.names: dict[str, str] = {p.id: p.name for p in known}
        self._by_name: dict[str, str] = {p.name.casefold(): p.id for p in known}

    def id_for(self, name: str) -> str:
        key = name.strip().casefold()
        if key not in self._by_name:
            base = slug(name)
            candidate, n = base, 2
            while candidate in self.names:
                candidate, n = f"{base}-{n}", n + 1
            self._by_name[key] = candidate
            self.names[candidate] = name.strip()
        return self._by_name[key]

    def people(self) -> list[Person]:
        return [Person(id=pid, name=name) for pid, name in self.names.items()]


def read_terms(text: str, source: str = "terms of reference") -> TermsFile:
    """Read a ToR file; raise FileError listing every problem with its place."""
    data = load_data(text, source)
    if not isinstance(data, dict):
        raise FileError(source, ["expected a mapping with committee:, seats: and quorum:"])
    # The cross-references are checked on the raw data as well, so that one reading
    # reports every problem in the file, not only those of the first kind found.
    problems = _reference_problems(data)
    try:
        parsed = TorFile.model_validate(data)
    except ValidationError as error:
        raise FileError(source, [*error_lines(error), *problems]) from None
    ids = PersonIds()
    seats: list[Seat] = []
    for i, entry in enumerate(parsed.seats):
        try:
            seats.append(
                Seat(
                    id=entry.id,
                    title=entry.title,
                    holder=ids.id_for(entry.holder) if entry.holder else None,
                    org=entry.org,
                    tags=entry.tags,
                    voting=entry.voting,
                    named_deputies=tuple(ids.id_for(n) for n in entry.named_deputies),
                    term_from=entry.term_from,
                    term_to=entry.term_to,
                )
            )
        except ValidationError as error:
            problems += error_lines(error, f"seats[{i}]")
    versions = _versions(parsed, data)
    numbers = [v.version for v in versions]
    if len(set(numbers)) != len(numbers):
        problems.append("versions: each version needs its own number")
    standing = None
    if parsed.standing_items is not None:
        try:
            standing = checked(parsed.standing_items)
        except Refused as refused:
            problems.append(f"standing_items: {refused}")
    given = parsed.committee.model_dump(exclude_none=True)
    try:
        committee = Committee.model_validate(given)
    except ValidationError as error:
        problems += error_lines(error, "committee")
    if problems:
        raise FileError(source, problems)
    membership = Membership(
        committee=committee,
        organisations=parsed.organisations,
        people=tuple(ids.people()),
        seats=tuple(seats),
    )
    ordered = tuple(sorted(versions, key=lambda v: (v.adopted, v.version)))
    settings = frozenset(key for key in SETTINGS if key in given)
    return TermsFile(membership, ordered, ids.names, source, standing, settings)


def _reference_problems(data: dict[str, Any]) -> list[str]:
    """Duplicate ids, and seats naming organisations the file does not list."""
    problems: list[str] = []
    organisations = data.get("organisations") or []
    seats = data.get("seats") or []
    org_ids: list[Any] = []
    org_problems: list[str] = []
    if isinstance(organisations, list):
        for i, org in enumerate(organisations):
            if isinstance(org, dict) and org.get("id") is not None:
                if org["id"] in org_ids:
                    org_problems.append(
                        f"organisations[{i}].id: organisation id {org['id']!r} is used twice"
                    )
                org_ids.append(org["id"])
    if isinstance(seats, list):
        seen: list[Any] = []
        for i, seat in enumerate(seats):
            if not isinstance(seat, dict):
                continue
            if seat.get("id") is not None:
                if seat["id"] in seen:
                    problems.append(f"seats[{i}].id: seat id {seat['id']!r} is used twice")
                seen.append(seat["id"])
            org = seat.get("org")
            if org not in (None, "") and org not in org_ids:
                problems.append(f"seats[{i}].org: {org!r} is not one of the organisations")
    return problems + org_problems


def _confirmed(said: bool | None, quorum: Any) -> bool:
    """Whether a version's policies count as confirmed: as the file says, or else when
    the file states every policy section (someone has thought about each one)."""
    if said is not None:
        return said
    policies = quorum.get("policies") if isinstance(quorum, dict) else None
    return isinstance(policies, dict) and all(key in policies for key in POLICY_SECTIONS)


def _versions(parsed: TorFile, data: dict[str, Any]) -> list[TermsOfReference]:
    if parsed.quorum is not None:
        return [
            TermsOfReference(
                version=parsed.version or 1,
                adopted=parsed.adopted or FAR_PAST,
                illustrative=parsed.illustrative,
                note=parsed.note,
                meetings_per_year=parsed.meetings_per_year,
                minutes_circulated_within=parsed.minutes_circulated_within,
                minutes_approved_at_next=parsed.minutes_approved_at_next,
                quorum=parsed.quorum,
                policies_confirmed=_confirmed(parsed.policies_confirmed, data.get("quorum")),
            )
        ]
    return [
        TermsOfReference(
            version=v.version,
            adopted=v.adopted or FAR_PAST,
            illustrative=v.illustrative,
            note=v.note,
            meetings_per_year=v.meetings_per_year,
            minutes_circulated_within=v.minutes_circulated_within,
            minutes_approved_at_next=v.minutes_approved_at_next,
            quorum=v.quorum,
            policies_confirmed=_confirmed(v.policies_confirmed, raw.get("quorum")),
        )
        for v, raw in zip(parsed.versions, data.get("versions") or [], strict=False)
    ]


def write_terms(
    membership: Membership,
    versions: Sequence[TermsOfReference],
    people: dict[str, str],
    standing: Sequence[StandingItem] | None = None,
) -> str:
    """A ToR file for the committee, people by name, every version with its date, and
    its standing items where given."""
    committee = membership.committee
    data: dict[str, Any] = {
        "committee": {
            "code": committee.code,
            "name": committee.name,
            "parent_body": committee.parent_body,
            "house_style": committee.house_style.value,
            "body_type": committee.body_type.value,
            **(
                {"exclusion_wording": committee.exclusion_wording}
                if committee.exclusion_wording
                else {}
            ),
        },
        "organisations": [
            {"id": o.id, "name": o.name, "constituency": o.constituency}
            for o in membership.organisations
            # A retired organisation is still written while a current seat names it,
            # so that the file reads back.
            if o.is_current or o.id in {s.org for s in membership.seats if s.is_current}
        ],
        "seats": [
            {
                "id": s.id,
                "title": s.title,
                "holder": people.get(s.holder, s.holder) if s.holder else None,
                "org": s.org,
                "tags": list(s.tags),
                "voting": s.voting,
                "named_deputies": [people.get(d, d) for d in s.named_deputies],
                **({"term_from": s.term_from} if s.term_from else {}),
                **({"term_to": s.term_to} if s.term_to else {}),
            }
            for s in membership.seats
            if s.is_current
        ],
    }
    entries = [
        {
            "version": v.version,
            "adopted": v.adopted,
            **({"illustrative": True} if v.illustrative else {}),
            **({"note": v.note} if v.note else {}),
            **({"meetings_per_year": v.meetings_per_year} if v.meetings_per_year else {}),
            # The turnaround rule only where the version sets it (docs/compliance.md).
            **{
                key: value
                for key in ("minutes_circulated_within", "minutes_approved_at_next")
                if (value := getattr(v, key)) is not None
            },
            "policies_confirmed": v.policies_confirmed,
            "quorum": json.loads(v.quorum.model_dump_json()),
        }
        for v in versions
    ]
    if len(entries) == 1:
        data.update(entries[0])
    else:
        data["versions"] = entries
    if standing is not None:
        data["standing_items"] = [
            item.model_dump(mode="json", exclude_none=True) for item in standing
        ]
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=88)
