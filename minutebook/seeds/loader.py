"""Load the demo committees from the YAML files in ``seeds/data`` into a store.

Each file describes one committee drawn from the published seed papers: its
organisations, people, seats, terms of reference, meetings (agenda, attendance,
minutes, declarations) and actions, its standing items where they are not its house
style's (docs/agenda.md), and its register of interests where the papers print one
(docs/register.md). Everything is validated into domain models first
and written in one transaction, so a bad file changes nothing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from minutebook.domain import (
    Action,
    AgendaItem,
    Attendance,
    Committee,
    Declaration,
    Meeting,
    MeetingRecord,
    Membership,
    Minute,
    Organisation,
    Person,
    Seat,
    TermsOfReference,
)
from minutebook.domain.base import Refused, error_lines
from minutebook.domain.interests import INTEREST_LABELS, interest_categories
from minutebook.domain.register import Interest, NilReturn
from minutebook.domain.register_reading import iso_given
from minutebook.domain.standing_items import StandingItem, checked
from minutebook.domain.timeline import span_events
from minutebook.store import Store, StoreError
from minutebook.store.opening import acquire_lock, check_existing, database_path, read_setting

DEMO_FILES: tuple[str, ...] = ("hcp.yaml", "icb.yaml", "pb.yaml")

SEED_LOADER: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""PyYAML's C reader where it was built with libyaml: it reads the seed files about ten
times faster than the pure-Python reader (most of the demo's build time was spent
there), into the same data; without libyaml the pure-Python one reads them."""


class SeedError(Exception):
    """A seed file is not valid; the message names the file and the place."""


@dataclass(frozen=True)
class SeedCommittee:
    """One committee's demo data, validated and ready to store."""

    membership: Membership
    terms: list[TermsOfReference]
    meetings: list[MeetingRecord]
    actions: list[Action]
    everyone: list[Person] = field(default_factory=list)
    standing: tuple[StandingItem, ...] | None = None
    """The committee's own standing items; None for its house style's."""
    interests: list[Interest] = field(default_factory=list)
    nil_returns: list[NilReturn] = field(default_factory=list)
    """The committee's register of interests (empty where the papers print none)."""


def _validated(kind: type[Any], data: Any, where: str) -> Any:
    try:
        return kind.model_validate(data)
    except ValidationError as error:
        raise SeedError("; ".join(error_lines(error, where))) from error


def parse_committee(data: dict[str, Any], source: str) -> SeedCommittee:
    """Turn one seed file's mapping into validated domain models."""
    committee: Committee = _validated(Committee, data.get("committee"), f"{source}: committee")
    people = [
        _validated(Person, p, f"{source}: people[{i}]")
        for i, p in enumerate(data.get("people") or [])
    ]
    organisations = [
        _validated(Organisation, o, f"{source}: organisations[{i}]")
        for i, o in enumerate(data.get("organisations") or [])
    ]
    seats = [
        _validated(Seat, s, f"{source}: seats[{i}]") for i, s in enumerate(data.get("seats") or [])
    ]
    membership: Membership = _validated(
        Membership,
        {"committee": committee, "organisations": organisations, "people": people, "seats": seats},
        f"{source}",
    )
    terms = [
        _validated(TermsOfReference, t, f"{source}: terms_of_reference[{i}]")
        for i, t in enumerate(data.get("terms_of_reference") or [])
    ]
    meetings = [
        _parse_meeting(committee.code, m, f"{source}: meetings[{i}]", membership)
        for i, m in enumerate(data.get("meetings") or [])
    ]
    actions = []
    for i, raw in enumerate(data.get("actions") or []):
        raw = dict(raw)
        raw["meeting_date"] = raw.pop("meeting", None)
        action: Action = _validated(
            Action, {"committee": committee.code, **raw}, f"{source}: actions[{i}]"
        )
        if membership.person(action.owner) is None:
            raise SeedError(f"{source}: actions[{i}].owner: {action.owner!r} is not a known person")
        actions.append(action)
    standing = None
    if data.get("standing_items") is not None:
        items = [
            _validated(StandingItem, s, f"{source}: standing_items[{i}]")
            for i, s in enumerate(data["standing_items"])
        ]
        try:
            standing = checked(items)
        except Refused as refused:
            raise SeedError(f"{source}: standing_items: {refused}") from None
    interests, nil_returns = _parse_register(data.get("register") or [], source, membership)
    return SeedCommittee(
        membership, terms, meetings, actions, people, standing, interests, nil_returns
    )


REGISTER_KEYS = {"person", "declared_on", "interests"}


def _given(entry: dict[str, Any], where: str) -> dict[str, Any]:
    """An interest's columns with its dates read as far as they were given: `2014` a
    year, `2022-04` a month (as seed 003 writes "2014" and "Apr-22"), `2022-04-01` a
    day, which YAML reads as a date already."""
    data = dict(entry)
    for column, precision in (("date_from", "from_precision"), ("date_to", "to_precision")):
        value = data.get(column)
        if isinstance(value, int | str) and not isinstance(value, bool):
            try:
                data[column], data[precision] = iso_given(str(value))
            except ValueError as error:
                raise SeedError(f"{where}.{column}: {error}") from None
    return data


def _parse_register(
    entries: list[Any], source: str, membership: Membership
) -> tuple[list[Interest], list[NilReturn]]:
    """A `register:` section: one entry per person and return, with the date declared
    and their interests; an entry with none is a nil return ("No interests")."""
    committee = membership.committee
    categories = interest_categories(committee.body_type)
    interests: list[Interest] = []
    nil_returns: list[NilReturn] = []
    for i, raw in enumerate(entries):
        where = f"{source}: register[{i}]"
        if not isinstance(raw, dict):
            raise SeedError(f"{where}: expected a person with the date declared")
        unknown = sorted(set(raw) - REGISTER_KEYS)
        if unknown:
            raise SeedError(f"{where}: unknown field(s) {', '.join(unknown)}")
        person = raw.get("person")
        if membership.person(str(person)) is None:
            raise SeedError(f"{where}.person: {person!r} is not a known person")
        shared = {
            "committee": committee.code,
            "person": person,
            "declared_on": raw.get("declared_on"),
        }
        if not raw.get("interests"):
            nil_returns.append(_validated(NilReturn, shared, where))
            continue
        for j, entry in enumerate(raw["interests"]):
            if not isinstance(entry, dict):
                raise SeedError(f"{where}.interests[{j}]: expected an interest's columns")
            at = f"{where}.interests[{j}]"
            interest: Interest = _validated(Interest, {**shared, **_given(entry, at)}, at)
            if interest.category not in categories:
                raise SeedError(
                    f"{where}.interests[{j}].category: {committee.code} does not declare "
                    f"{INTEREST_LABELS[interest.category]} interests"
                )
            interests.append(interest)
    return interests, nil_returns


def _parse_meeting(
    code: str, raw: dict[str, Any], where: str, membership: Membership
) -> MeetingRecord:
    raw = dict(raw)
    parts = {
        key: raw.pop(key, None) or [] for key in ("agenda", "attendance", "minutes", "declarations")
    }
    meeting = _validated(Meeting, {"committee": code, **raw}, where)
    record: MeetingRecord = _validated(
        MeetingRecord,
        {
            "meeting": meeting,
            "agenda": [
                _validated(AgendaItem, a, f"{where}.agenda[{i}]")
                for i, a in enumerate(parts["agenda"])
            ],
            "attendance": [
                _validated(Attendance, _without_span(a), f"{where}.attendance[{i}]")
                for i, a in enumerate(parts["attendance"])
            ],
            "events": [
                event
                for a in parts["attendance"]
                if a.get("status", "present") == "present"
                for event in span_events(
                    a["person"],
                    a.get("from_item"),
                    a.get("to_item"),
                    a.get("arrived_at"),
                    a.get("left_at"),
                )
            ],
            "minutes": [
                _validated(Minute, m, f"{where}.minutes[{i}]")
                for i, m in enumerate(parts["minutes"])
            ],
            "declarations": [
                _validated(Declaration, d, f"{where}.declarations[{i}]")
                for i, d in enumerate(parts["declarations"])
            ],
        },
        where,
    )
    problems = record.problems_with(membership)
    if problems:
        raise SeedError(f"{where}: " + "; ".join(problems))
    return record


SPAN_KEYS = ("from_item", "to_item", "arrived_at", "left_at")
"""An attendance entry may say when the person was there, as the papers do ("from item
3", "left after item 6"): these become the person's arrival and departure."""


def _without_span(entry: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in entry.items() if k not in SPAN_KEYS}


def read_seed_file(name: str) -> SeedCommittee:
    """Read and validate one of the bundled demo files."""
    text = resources.files("minutebook.seeds").joinpath("data", name).read_text(encoding="utf-8")
    try:
        data = yaml.load(text, Loader=SEED_LOADER)  # a safe loader: C or pure Python
    except yaml.YAMLError as error:
        raise SeedError(f"{name}: not valid YAML: {error}") from error
    if not isinstance(data, dict):
        raise SeedError(f"{name}: expected a mapping at the top of the file")
    return parse_committee(data, name)


def load_seed(store: Store, seed: SeedCommittee, *, register: bool = True) -> None:
    """Write one committee's demo data into the store, all or nothing (without its
    register of interests if `register` is false)."""
    membership = seed.membership
    code = membership.committee.code
    with store.transaction():
        store.add_committee(membership.committee)
        if seed.standing is not None:
            store.save_standing_items(code, seed.standing)
        for person in seed.everyone:
            store.save_person(person)
        for organisation in membership.organisations:
            store.add_organisation(code, organisation)
        for seat in membership.seats:
            store.add_member(code, seat)
        for tor in seed.terms:
            store.add_terms_of_reference(code, tor)
        held = {record.meeting.date for record in seed.meetings}
        for record in seed.meetings:
            # Each meeting with the actions agreed at it: stored before its minutes
            # reach their stage, they are part of its record, not changes after it.
            agreed = [a for a in seed.actions if a.meeting_date == record.meeting.date]
            store.add_meeting_record(record, agreed)
        for action in seed.actions:
            if action.meeting_date not in held:  # from a meeting not in the papers
                store.add_action(action)
        if register and (seed.interests or seed.nil_returns):
            store.add_register(seed.interests, seed.nil_returns)


def load_demo(store: Store, *, registers: bool = True) -> list[str]:
    """Load every demo committee; returns their codes. Without `registers`, the
    committees keep no register of interests yet: a register to bring in (as
    `minutebook register import` would) finds none there before it."""
    seeds = [read_seed_file(name) for name in DEMO_FILES]
    with store.transaction():
        for seed in seeds:
            load_seed(store, seed, register=registers)
        store.set_setting("demo", "yes")
    return [seed.membership.committee.code for seed in seeds]


def build_demo_database(path: Path, *, force: bool = False) -> list[str]:
    """Build a fresh demo database at `path`.

    Refuses to replace a database that is not a demo one unless `force` is given. The
    new file is built beside the target and renamed over it only when complete, so an
    interrupted build never leaves a half database behind.
    """
    path = database_path(Path(path))  # never a device or pipe, and through a link
    if path.exists() and path.stat().st_size > 0 and not force:
        try:
            check_existing(path)
        except StoreError as error:
            raise StoreError(f"{error}; refusing to overwrite it (use --force)") from None
        if read_setting(path, "demo") != "yes":
            raise StoreError(
                f"{path} holds real minutes, not the demo; refusing to overwrite it (use --force)"
            )
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = acquire_lock(path)  # nobody may have the old file open while it is replaced
    building = path.with_name(path.name + ".building")
    try:
        for stale in (building, Path(f"{building}-wal"), Path(f"{building}-shm")):
            stale.unlink(missing_ok=True)
        store = Store.open(building)
        try:
            codes = load_demo(store)
        finally:
            store.close()
        for stale in (Path(f"{path}-wal"), Path(f"{path}-shm")):
            stale.unlink(missing_ok=True)
        os.replace(building, path)
        Path(f"{building}.lock").unlink(missing_ok=True)
        return codes
    finally:
        lock.release()
