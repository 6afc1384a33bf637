"""The quorum engine: is the meeting quorate now, and if not, why not (docs/quorum.md).

Given the committee's seats and organisations, its quorum rule and policies, who is in
the room at a moment (their capacity, mode, whom they deputise for) and the declarations
with the Chair's rulings, it returns a verdict with reasons a Chair can read out: each
failed clause with what it had and what it needed, each person left out of the count
with why, and who was counted.

The steps follow the specification: take those present; give each their capacities
(seats held; a deputised seat only if the policy allows it and the principal is
absent); drop non-voting, remote (where remote does not count) and conflicted people;
count each person once; compute the base; evaluate the requirement tree. Arithmetic is
exact (``fractions.Fraction``) with the rounding each clause names.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from minutebook.domain.committee import Organisation, Seat
from minutebook.domain.meeting import Attendance, AttendanceStatus, Capacity, Declaration, Mode
from minutebook.domain.quorum import (
    AllNode,
    AnyNode,
    AtLeastNode,
    Base,
    ConflictEffect,
    CountNode,
    DeputiesAllowed,
    FractionNode,
    MaxNode,
    MinNode,
    OrgCoverageNode,
    QuorumRule,
    Requirement,
    RoleNode,
    Rounding,
    ShareOfPresentNode,
    WhoCounts,
)

QUORATE = "quorate"
INQUORATE = "inquorate"


def rounded(value: Fraction, rounding: Rounding) -> int:
    """Round an exact fraction as the clause says; half_up takes 2.5 to 3."""
    match rounding:
        case Rounding.CEIL:
            return math.ceil(value)
        case Rounding.FLOOR:
            return math.floor(value)
        case Rounding.HALF_UP:
            return math.floor(value + Fraction(1, 2))
    raise ValueError(f"unknown rounding {rounding!r}")


@dataclass(frozen=True)
class FailedClause:
    """A clause of the rule that was not met."""

    clause: str  # where in the rule, e.g. "all[1].org_coverage"
    have: int
    need: int
    text: str  # e.g. "ics_org organisations represented: 3 of 10, need 5"


@dataclass(frozen=True)
class Exclusion:
    """Someone in the room who was not counted, and why."""

    person: str
    reason: str


@dataclass(frozen=True)
class PersonNote:
    """Something the count did with a person that the Chair may want to know."""

    person: str
    text: str


@dataclass(frozen=True)
class Verdict:
    """The answer for one moment: the opening, or one agenda item."""

    quorate: bool
    counted: tuple[str, ...]
    failed: tuple[FailedClause, ...] = ()
    excluded: tuple[Exclusion, ...] = ()
    notes: tuple[PersonNote, ...] = ()
    item: int | None = None

    @property
    def verdict(self) -> str:
        return QUORATE if self.quorate else INQUORATE

    def summary(self) -> str:
        """One line for a status bar: "Quorate: 7 counted" or the first reason."""
        if self.quorate:
            return f"Quorate: {len(self.counted)} counted"
        reason = self.failed[0].text if self.failed else "the rule is not met"
        return f"INQUORATE: {reason}"


@dataclass(frozen=True)
class _Row:
    """One attendance row with what it brings to the count worked out once."""

    row: Attendance
    seats: tuple[Seat, ...]  # seats held in this row (not deputised ones)
    tags: frozenset[str]
    orgs: frozenset[str]
    voting: bool
    in_person: bool
    unheld: tuple[str, ...] = ()  # seats named on the row that the person does not hold


@dataclass(frozen=True)
class _Counted:
    """A person who counts, with the tags and organisations they bring."""

    key: str
    tags: frozenset[str]
    orgs: frozenset[str]


class QuorumEngine:
    """Evaluates one committee's quorum rule; build once, evaluate many moments."""

    def __init__(
        self,
        rule: QuorumRule,
        seats: Sequence[Seat],
        organisations: Sequence[Organisation],
        on: date,
    ) -> None:
        self.rule = rule
        self.policies = rule.policies
        self.on = on
        self.seats = {s.id: s for s in seats if s.retired_on is None or s.retired_on > on}
        self.organisations = [o for o in organisations if o.retired_on is None or o.retired_on > on]
        # Who holds which seat: "one person may hold two seats".
        self.seats_held: dict[str, list[Seat]] = {}
        for seat in self.seats.values():
            if seat.holder is not None and seat.in_post_on(on):
                self.seats_held.setdefault(seat.holder, []).append(seat)
        # What each attendance row brings to the count, worked out once per row: a
        # meeting's quorum asks the engine about many rooms made of the same rows.
        self._resolved: dict[int, tuple[Attendance, _Row]] = {}

    # -- the base of fractions ----------------------------------------------------------

    def _base_seats(self, tags: tuple[str, ...]) -> list[Seat]:
        voting_only = self.policies.counting.who_counts is WhoCounts.VOTING_MEMBERS
        seats = [s for s in self.seats.values() if s.voting or not voting_only]
        if self.policies.base is Base.FILLED:
            seats = [s for s in seats if s.in_post_on(self.on)]
        if tags:
            seats = [s for s in seats if set(tags) & set(s.tags)]
        return seats

    def threshold_of_fraction(self, node: FractionNode) -> tuple[int, int]:
        """(threshold, base) for a fraction clause against the membership."""
        spec = node.fraction
        base = len(self._base_seats(spec.tags))
        threshold = rounded(Fraction(base * spec.num, spec.den), spec.rounding) + spec.plus
        if spec.min is not None:
            threshold = max(threshold, spec.min)
        return threshold, base

    def _org_universe(self, node: OrgCoverageNode) -> list[str]:
        spec = node.org_coverage
        if spec.orgs:
            return [o.id for o in self.organisations if o.id in spec.orgs]
        if spec.constituency:
            return [o.id for o in self.organisations if o.constituency == spec.constituency]
        return [o.id for o in self.organisations]

    # -- who is present and who counts ----------------------------------------------------

    def evaluate(
        self,
        attendance: Iterable[Attendance],
        declarations: Iterable[Declaration] = (),
        item: int | None = None,
    ) -> Verdict:
        """The verdict for a room: `attendance` holds the rows of those in the meeting at
        the moment (which moment is the timeline's business, `meeting_quorum`); rows of
        apologies or absence are passed over. At the opening (`item` None) declarations
        take no part; during an item, those on that item apply.
        """
        people = self._prepare(attendance)
        rulings = _rulings(d for d in declarations if item is not None and d.item == item)
        counted, excluded, notes = self._who_counts(people, rulings.get(item or 0, {}), item)
        passed, failed = self._check(self.rule.requirement, counted, "")
        return Verdict(
            quorate=passed,
            counted=tuple(sorted(c.key for c in counted)),
            failed=tuple(failed),
            excluded=tuple(sorted(excluded, key=lambda e: (e.person, e.reason))),
            notes=tuple(notes),
            item=item,
        )

    def _prepare(self, attendance: Iterable[Attendance]) -> dict[str, list[_Row]]:
        """Each person's rows, with their seats, tags and organisations resolved once."""
        people: dict[str, list[_Row]] = {}
        for row in attendance:
            if row.status is not AttendanceStatus.PRESENT:
                continue
            known = self._resolved.get(id(row))
            if known is None or known[0] is not row:
                known = (row, self._resolve(row))
                self._resolved[id(row)] = known
            people.setdefault(row.person, []).append(known[1])
        # People in a fixed order, so that which deputy covers a seat, and so the
        # verdict, never depends on the order the rows were recorded in.
        return dict(sorted(people.items()))

    def _resolve(self, row: Attendance) -> _Row:
        named = [self.seats[s] for s in dict.fromkeys(row.seats) if s in self.seats]
        # A seat counts for the person who holds it on the day, in their term.
        seats = tuple(s for s in named if s.holder == row.person and s.in_post_on(self.on))
        unheld = tuple(s.id for s in named if s not in seats)
        if not named and row.capacity is Capacity.MEMBER:
            seats = tuple(self.seats_held.get(row.person, ()))
        return _Row(
            row=row,
            seats=seats,
            tags=frozenset(t for seat in seats for t in seat.tags),
            orgs=frozenset(seat.org for seat in seats if seat.org),
            voting=any(seat.voting for seat in seats),
            in_person=row.mode is Mode.IN_PERSON,
            unheld=unheld,
        )

    def _who_counts(
        self, present: dict[str, list[_Row]], rulings: dict[str, str], item: int | None
    ) -> tuple[list[_Counted], list[Exclusion], list[PersonNote]]:
        policies = self.policies
        deputies = policies.deputies
        voting_only = policies.counting.who_counts is WhoCounts.VOTING_MEMBERS
        counted: list[_Counted] = []
        excluded: list[Exclusion] = []
        notes: list[PersonNote] = []
        remote_pending: list[tuple[_Counted, str]] = []
        # Principals in the room: a deputy stops counting when the principal arrives.
        in_room = present.keys()
        # A deputy covers one absent member's seat, and each seat is covered once; people
        # are taken in a fixed order so the verdict never depends on the order of rows.
        covered: set[str] = set()

        for key, rows in present.items():  # in person order: see _prepare
            tags: frozenset[str]
            orgs: frozenset[str]
            if len(rows) == 1:  # the usual case, kept cheap: nothing to merge
                first = rows[0]
                tags, orgs, voting = first.tags, first.orgs, first.voting
                member_capacity = bool(first.seats)
            else:
                tags = frozenset(t for r in rows for t in r.tags)
                orgs = frozenset(o for r in rows for o in r.orgs)
                voting = any(r.voting for r in rows)
                member_capacity = any(r.seats for r in rows)

            deputised = [s for info in rows for s in info.row.deputy_for]
            claims: list[str] = []  # the seats this person covers, once they count
            if deputised:
                usable: list[Seat] = []
                for seat_id in dict.fromkeys(deputised):
                    reason = self._deputy_problem(key, seat_id, in_room)
                    if reason is None and seat_id in covered:
                        title = self.seats[seat_id].title
                        reason = f"deputy for {title}: already covered by another deputy"
                    if reason:
                        excluded.append(Exclusion(key, reason))
                    else:
                        usable.append(self.seats[seat_id])
                if len(usable) > deputies.max_principals:
                    notes.append(
                        PersonNote(
                            key,
                            f"deputises for {len(usable)} members but covers only "
                            f"{deputies.max_principals} ({', '.join(s.id for s in usable)})",
                        )
                    )
                    usable = usable[: deputies.max_principals]
                claims = [seat.id for seat in usable]
                for seat in usable:
                    # Offices such as chair are never inherited by a deputy.
                    tags = tags | (frozenset(seat.tags) - frozenset(deputies.excluded_tags))
                    if seat.org:
                        orgs = orgs | {seat.org}
                    voting = voting or seat.voting
                    member_capacity = True

            if not member_capacity:
                capacity = rows[0].row.capacity
                if capacity is Capacity.DEPUTY:
                    continue  # already excluded above with the reason
                unheld = [seat for r in rows for seat in r.unheld]
                if unheld:
                    excluded.append(
                        Exclusion(
                            key, f"does not hold seat {', '.join(unheld)} on {self.on:%d/%m/%Y}"
                        )
                    )
                    continue
                if capacity is Capacity.PARTICIPANT:
                    excluded.append(Exclusion(key, "non-voting member"))
                    continue
                excluded.append(Exclusion(key, f"{_capacity_words(capacity)}: not a member"))
                continue
            if voting_only and not voting:
                excluded.append(Exclusion(key, "non-voting member"))
                continue

            ruling = rulings.get(key)
            if ruling is not None and item is not None:
                effect = policies.conflicts.effect
                triggers = ruling in policies.conflicts.trigger_rulings
                deemed = triggers and effect is ConflictEffect.DEEMED_PRESENT
                if triggers and effect is ConflictEffect.EXCLUDE:
                    reason = f"conflicted on item {item}: {_ruling(ruling)}"
                    excluded.append(Exclusion(key, reason))
                    continue
                if ruling == "leave" and not deemed:
                    # Whatever the policy says of conflicts, someone out of the room is
                    # not present, unless the ToR deems them present.
                    excluded.append(
                        Exclusion(key, f"out of the room for item {item} (declared an interest)")
                    )
                    continue
                if deemed and ruling == "leave":
                    notes.append(PersonNote(key, f"left for item {item} but is deemed present"))

            candidate = _Counted(key, tags, orgs)
            in_person = rows[0].in_person if len(rows) == 1 else any(r.in_person for r in rows)
            if not in_person:
                modes = {r.row.mode for r in rows}
                mode = "remote" if Mode.REMOTE in modes else "by telephone"
                if not policies.remote.counts:
                    excluded.append(Exclusion(key, f"{mode}: does not count at this committee"))
                    continue
                if policies.remote.condition == "in_person_majority":
                    covered.update(claims)
                    remote_pending.append((candidate, mode))
                    continue
            # Only a deputy who counts covers the seat: one who cannot (remote where that
            # does not count, conflicted) leaves it to another deputy for it.
            covered.update(claims)
            counted.append(candidate)

        if remote_pending:
            # Welsh variant: remote members count only while those in the room
            # outnumber those attending remotely.
            if len(counted) > len(remote_pending):
                counted += [c for c, _ in remote_pending]
            else:
                excluded += [
                    Exclusion(
                        c.key,
                        f"{mode}: counts only while more members are in the room "
                        f"({len(counted)}) than remote ({len(remote_pending)})",
                    )
                    for c, mode in remote_pending
                ]
        return counted, excluded, notes

    def _deputy_problem(self, deputy: str, seat_id: str, in_room: Collection[str]) -> str | None:
        """Why a deputy may not stand in for `seat_id` now, or None if they may."""
        policy = self.policies.deputies
        seat = self.seats.get(seat_id)
        if seat is None:
            return f"deputy for seat {seat_id}, which is not on the committee"
        if policy.allowed is DeputiesAllowed.NONE:
            return "deputy: deputies do not count at this committee"
        if policy.allowed is DeputiesAllowed.NAMED and deputy not in seat.named_deputies:
            return f"deputy for {seat.title}: not a named deputy for that seat"
        if policy.scope_tags and not set(policy.scope_tags) & set(seat.tags):
            return f"deputy for {seat.title}: that seat may not be deputised"
        if not policy.counts:
            return "deputy: deputies do not count towards the quorum"
        if seat.holder is not None and seat.holder in in_room:
            return f"deputy for {seat.title} while the principal is present"
        return None

    # -- the requirement tree ------------------------------------------------------------

    def _check(
        self, node: Requirement, counted: list[_Counted], path: str
    ) -> tuple[bool, list[FailedClause]]:
        match node:
            case AllNode(all=parts):
                failures: list[FailedClause] = []
                ok = True
                for i, part in enumerate(parts):
                    passed, failed = self._check(part, counted, f"{path}all[{i}].")
                    ok &= passed
                    failures += failed
                if ok and self.policies.counting.single_capacity:
                    ok, failures = self._single_capacity(parts, counted, path)
                return ok, failures
            case AnyNode(any=parts):
                results = [self._check(p, counted, f"{path}any[{i}].") for i, p in enumerate(parts)]
                if any(passed for passed, _ in results):
                    return True, []
                return False, [
                    FailedClause(
                        f"{path}any",
                        0,
                        1,
                        "none of these is met: "
                        + "; ".join(f.text for _, failed in results for f in failed),
                    )
                ]
            case AtLeastNode(at_least=spec):
                results = [
                    self._check(p, counted, f"{path}at_least[{i}].") for i, p in enumerate(spec.of)
                ]
                met = sum(1 for passed, _ in results if passed)
                if met >= spec.k:
                    return True, []
                return False, [
                    FailedClause(
                        f"{path}at_least",
                        met,
                        spec.k,
                        f"{met} of the {len(spec.of)} conditions met, need {spec.k}: "
                        + "; ".join(f.text for _, failed in results for f in failed),
                    )
                ]
            case MaxNode(max=parts) | MinNode(min=parts):
                kind = "max" if isinstance(node, MaxNode) else "min"
                results = [
                    self._check(p, counted, f"{path}{kind}[{i}].") for i, p in enumerate(parts)
                ]
                passed_all = all(ok for ok, _ in results)
                passed_any = any(ok for ok, _ in results)
                ok = passed_all if kind == "max" else passed_any
                if ok:
                    return True, []
                failed_list = [f for _, failed in results for f in failed]
                if kind == "min":
                    return False, failed_list
                return False, failed_list
            case _:
                return self._leaf(node, counted, path)

    def _leaf(
        self, node: Requirement, counted: list[_Counted], path: str
    ) -> tuple[bool, list[FailedClause]]:
        have: int
        need: int
        match node:
            case CountNode(count=spec):
                have = _with_tags(counted, spec.tags)
                need = spec.min
                text = f"{_who(spec.tags)} counted: {have}, need {need}"
                kind = "count"
            case FractionNode(fraction=spec):
                need, base = self.threshold_of_fraction(node)
                have = _with_tags(counted, spec.tags)
                text = (
                    f"{_who(spec.tags)} counted: {have} of {base}, need {need} "
                    f"({spec.num}/{spec.den}{', ' + spec.rounding.value if spec.rounding else ''})"
                )
                kind = "fraction"
            case RoleNode(role=spec):
                have = _with_tags(counted, spec.any_tags)
                need = spec.min
                roles = " or ".join(t.replace("_", " ") for t in spec.any_tags)
                text = (
                    f"no {roles} present"
                    if have == 0 and need == 1
                    else f"{roles} present: {have}, need {need}"
                )
                kind = "role"
            case OrgCoverageNode(org_coverage=spec):
                universe = self._org_universe(node)
                represented = {o for c in counted for o in c.orgs if o in universe}
                have = len(represented)
                need = rounded(Fraction(len(universe) * spec.num, spec.den), spec.rounding)
                which = (
                    f"{spec.constituency} organisations" if spec.constituency else "organisations"
                )
                text = f"{which} represented: {have} of {len(universe)}, need {need}"
                kind = "org_coverage"
            case ShareOfPresentNode(share_of_present=spec):
                have = _with_tags(counted, spec.any_tags)
                total = len(counted)
                need = math.ceil(Fraction(total * spec.num, spec.den))
                tags = " or ".join(t.replace("_", " ") for t in spec.any_tags)
                text = f"{tags} among those counted: {have} of {total}, need {need}"
                kind = "share_of_present"
            case _:
                raise TypeError(f"not a requirement node: {node!r}")
        if have >= need:
            return True, []
        return False, [FailedClause(f"{path}{kind}", have, need, text)]

    def _single_capacity(
        self, parts: Sequence[Requirement], counted: list[_Counted], path: str
    ) -> tuple[bool, list[FailedClause]]:
        """One person cannot fill two required roles: match people to role places.

        Each role clause under this ``all`` asks for ``min`` distinct people; a
        bipartite matching (augmenting paths) finds whether distinct people can fill
        every place at once.
        """
        places: list[frozenset[str]] = []
        for part in parts:
            if isinstance(part, RoleNode):
                places += [frozenset(part.role.any_tags)] * part.role.min
            elif isinstance(part, CountNode) and part.count.tags:
                # "at least one executive" is often written as a tagged count.
                places += [frozenset(part.count.tags)] * part.count.min
        if len(places) < 2:
            return True, []
        wanted = frozenset().union(*places)
        people = [c.tags for c in counted if c.tags & wanted]
        owner: dict[int, int] = {}  # place -> index into people

        def assign(person: int, seen: set[int]) -> bool:
            for place, tags in enumerate(places):
                if place in seen or not tags & people[person]:
                    continue
                seen.add(place)
                if place not in owner or assign(owner[place], seen):
                    owner[place] = person
                    return True
            return False

        for person in range(len(people)):
            if len(owner) == len(places):
                break
            assign(person, set())
        filled = len(owner)
        if filled >= len(places):
            return True, []
        return False, [
            FailedClause(
                f"{path}all",
                filled,
                len(places),
                f"required roles filled by different people: {filled} of {len(places)} "
                "(one person cannot fill two required roles)",
            )
        ]

    def preview(self) -> list[str]:
        """What the rule asks of today's membership, clause by clause:
        "quorum is 5 of 19 voting members (1/4, ceil)"."""
        return self._preview(self.rule.requirement)

    def _preview(self, node: Requirement) -> list[str]:
        voting = self.policies.counting.who_counts is WhoCounts.VOTING_MEMBERS
        members = "voting members" if voting else "members"
        match node:
            case AllNode(all=parts):
                return [line for part in parts for line in self._preview(part)]
            case AnyNode(any=parts):
                return ["one of: " + " | ".join("; ".join(self._preview(p)) for p in parts)]
            case AtLeastNode(at_least=spec):
                inner = " | ".join("; ".join(self._preview(p)) for p in spec.of)
                return [f"at least {spec.k} of: {inner}"]
            case MaxNode(max=parts):
                return [
                    "all of (the greater applies): "
                    + "; ".join(line for p in parts for line in self._preview(p))
                ]
            case MinNode(min=parts):
                return [
                    "one of (the lesser applies): "
                    + "; ".join(line for p in parts for line in self._preview(p))
                ]
            case FractionNode(fraction=spec):
                need, base = self.threshold_of_fraction(node)
                which = f"{_who(spec.tags)} " if spec.tags else ""
                basis = "seats" if self.policies.base is Base.ESTABLISHMENT else "members in post"
                plus = f" plus {spec.plus}" if spec.plus else ""
                floor = f", never fewer than {spec.min}" if spec.min else ""
                return [
                    f"quorum is {need} of {base} {which}{members} "
                    f"({spec.num}/{spec.den} of {basis}, {spec.rounding.value}{plus}{floor})"
                ]
            case CountNode(count=spec):
                who = _who(spec.tags)
                if spec.min == 1:
                    return [f"at least one {who.removesuffix('s')}"]
                return [f"at least {spec.min} {who}"]
            case RoleNode(role=spec):
                roles = " or ".join(t.replace("_", " ") for t in spec.any_tags)
                holders = sum(
                    1
                    for seats in self.seats_held.values()
                    if any(set(spec.any_tags) & set(s.tags) for s in seats)
                )
                return [f"{spec.min} {roles} present ({holders} in post)"]
            case OrgCoverageNode(org_coverage=spec):
                universe = self._org_universe(node)
                need = rounded(Fraction(len(universe) * spec.num, spec.den), spec.rounding)
                which = f"{spec.constituency} " if spec.constituency else ""
                return [f"{need} of {len(universe)} {which}organisations represented"]
            case ShareOfPresentNode(share_of_present=spec):
                tags = " or ".join(t.replace("_", " ") for t in spec.any_tags)
                return [f"at least {spec.num}/{spec.den} of those counted are {tags}"]
        raise TypeError(f"not a requirement node: {node!r}")


def _with_tags(counted: list[_Counted], tags: tuple[str, ...]) -> int:
    if not tags:
        return len(counted)
    wanted = set(tags)
    return sum(1 for c in counted if c.tags & wanted)


def _who(tags: tuple[str, ...]) -> str:
    if not tags:
        return "members"
    return " or ".join(t.replace("_", " ") for t in tags) + " members"


def _capacity_words(capacity: Capacity) -> str:
    return {
        Capacity.OFFICER: "officer in attendance",
        Capacity.OBSERVER: "observer",
        Capacity.MINUTE_TAKER: "minute taker",
        Capacity.PARTICIPANT: "participant",
        Capacity.DEPUTY: "deputy",
        Capacity.MEMBER: "member",
    }[capacity]


def _ruling(ruling: str) -> str:
    return {"leave": "left the meeting", "no_vote": "took no part", "remain": "remained"}[ruling]


def _rulings(declarations: Iterable[Declaration]) -> dict[int, dict[str, str]]:
    """The Chair's rulings by item, then by person."""
    by_item: dict[int, dict[str, str]] = {}
    for declaration in declarations:
        rulings = by_item.setdefault(declaration.item, {})
        ruling = declaration.ruling.value
        # Two declarations on one item: the stronger ruling stands, in any order.
        if _STRENGTH[ruling] > _STRENGTH.get(rulings.get(declaration.person, ""), -1):
            rulings[declaration.person] = ruling
    return by_item


_STRENGTH = {"remain": 0, "no_vote": 1, "leave": 2}
