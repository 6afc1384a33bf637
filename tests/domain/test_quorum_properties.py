"""Properties of the quorum engine that must hold for every committee, rule and attendance.

Hypothesis builds small random committees (seats with tags, organisations in two
constituencies, vacancies, a person holding two seats, named deputies), random quorum
rules from every node kind, random policies, and random attendance (members in person,
remote or by telephone, arriving late or leaving early, deputies, officers, participants)
with declarations of interest. The properties are those DOMAIN.md 2.3 implies: the
verdict does not depend on the order things were recorded; each person counts once; one
more member in the room never loses the quorum; the opening ignores declarations; and
the rounding helper agrees with exact arithmetic.
"""

from __future__ import annotations

import math
import random
from datetime import date
from fractions import Fraction
from typing import Any

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from minutebook.domain.committee import Organisation, Seat
from minutebook.domain.meeting import Attendance, Declaration
from minutebook.domain.quorum import QuorumRule, Rounding
from minutebook.domain.quorum_engine import QuorumEngine, Verdict, rounded

ON = date(2024, 5, 1)
SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TAGS = ("chair", "vice_chair", "executive", "non_executive", "clinician", "external")
ORGS = [
    Organisation(id="O1", name="Org 1", constituency="ics_org"),
    Organisation(id="O2", name="Org 2", constituency="ics_org"),
    Organisation(id="O3", name="Org 3", constituency="ics_org"),
    Organisation(id="O4", name="Org 4", constituency="other"),
]
ORG_IDS = tuple(o.id for o in ORGS)
DEPUTIES = ("d1", "d2", "d3")
ITEMS = (1, 2, 3, 4)


# -- committees ----------------------------------------------------------------------------


@st.composite
def committees(draw: st.DrawFn) -> list[Seat]:
    """2-7 seats; some vacant, some non-voting, p1 may hold a second seat."""
    seats = []
    for i in range(1, draw(st.integers(2, 7)) + 1):
        holder = draw(st.sampled_from([f"p{i}", f"p{i}", f"p{i}", "p1", None]))
        seats.append(
            Seat(
                id=f"S{i}",
                title=f"Seat {i}",
                holder=holder,
                org=draw(st.sampled_from([*ORG_IDS, None])),
                tags=tuple(draw(st.lists(st.sampled_from(TAGS), max_size=2, unique=True))),
                voting=draw(st.sampled_from([True, True, True, False])),
                named_deputies=tuple(
                    draw(st.lists(st.sampled_from(DEPUTIES), max_size=2, unique=True))
                ),
            )
        )
    return seats


def holders(seats: list[Seat]) -> list[str]:
    return sorted({s.holder for s in seats if s.holder is not None})


# -- attendance and declarations -------------------------------------------------------------


item_bounds = st.one_of(st.none(), st.sampled_from(ITEMS))


@st.composite
def presence(draw: st.DrawFn) -> dict[str, Any]:
    """from_item / to_item in order, and a mode."""
    start, end = draw(item_bounds), draw(item_bounds)
    if start is not None and end is not None and end < start:
        start, end = end, start
    return {
        "from_item": start,
        "to_item": end,
        "mode": draw(st.sampled_from(["in_person", "in_person", "remote", "telephone"])),
    }


@st.composite
def attendances(
    draw: st.DrawFn, seats: list[Seat], leave_out: str | None = None
) -> list[Attendance]:
    rows: list[Attendance] = []
    for person in holders(seats):
        if person == leave_out:
            continue
        status = draw(st.sampled_from(["present", "present", "present", "apologies", "absent"]))
        if status != "present":
            rows.append(Attendance(person=person, status=status))
            continue
        held = tuple(s.id for s in seats if s.holder == person)
        named = draw(st.booleans())
        rows.append(Attendance(person=person, seats=held if named else (), **draw(presence())))
        if draw(st.integers(0, 4)) == 0:  # leaves and returns: a second row
            rows.append(Attendance(person=person, seats=(), **draw(presence())))
    seat_ids = [s.id for s in seats]
    for person in DEPUTIES:
        if draw(st.booleans()):
            covering = draw(
                st.lists(st.sampled_from(seat_ids), min_size=1, max_size=2, unique=True)
            )
            rows.append(
                Attendance(
                    person=person, capacity="deputy", deputy_for=tuple(covering), **draw(presence())
                )
            )
    if draw(st.booleans()):
        rows.append(Attendance(person="off", capacity="officer"))
    if draw(st.booleans()):
        rows.append(Attendance(person="obs", capacity="observer", mode="remote"))
    return rows


@st.composite
def declarations_for(draw: st.DrawFn, people: list[str]) -> list[Declaration]:
    """At most one declaration per person per item (see the engine tests for two)."""
    if not people:
        return []
    pairs = draw(
        st.lists(
            st.tuples(st.sampled_from(people), st.sampled_from(ITEMS)), max_size=5, unique=True
        )
    )
    return [
        Declaration(
            person=person,
            item=item,
            nature="interest",
            ruling=draw(st.sampled_from(["remain", "no_vote", "leave"])),
        )
        for person, item in pairs
    ]


# -- rules and policies ------------------------------------------------------------------------


@st.composite
def fractional(draw: st.DrawFn) -> dict[str, int]:
    den = draw(st.integers(1, 5))
    return {"num": draw(st.integers(0, den)), "den": den}


def tag_lists(min_size: int = 0) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(TAGS), min_size=min_size, max_size=2, unique=True)


@st.composite
def count_nodes(draw: st.DrawFn) -> dict[str, Any]:
    return {"count": {"min": draw(st.integers(1, 4)), "tags": draw(tag_lists())}}


@st.composite
def fraction_nodes(draw: st.DrawFn) -> dict[str, Any]:
    spec: dict[str, Any] = {
        **draw(fractional()),
        "rounding": draw(st.sampled_from(["ceil", "floor", "half_up"])),
        "plus": draw(st.integers(0, 1)),
        "tags": draw(tag_lists()),
    }
    minimum = draw(st.one_of(st.none(), st.integers(1, 3)))
    if minimum is not None:
        spec["min"] = minimum
    return {"fraction": spec}


@st.composite
def role_nodes(draw: st.DrawFn) -> dict[str, Any]:
    return {"role": {"any_tags": draw(tag_lists(min_size=1)), "min": draw(st.integers(1, 2))}}


@st.composite
def org_coverage_nodes(draw: st.DrawFn) -> dict[str, Any]:
    spec: dict[str, Any] = {
        **draw(fractional()),
        "rounding": draw(st.sampled_from(["ceil", "floor", "half_up"])),
    }
    which = draw(st.sampled_from(["all", "constituency", "orgs"]))
    if which == "constituency":
        spec["constituency"] = "ics_org"
    elif which == "orgs":
        spec["orgs"] = draw(st.lists(st.sampled_from(ORG_IDS), min_size=1, max_size=3, unique=True))
    return {"org_coverage": spec}


@st.composite
def share_nodes(draw: st.DrawFn) -> dict[str, Any]:
    return {"share_of_present": {"any_tags": draw(tag_lists(min_size=1)), **draw(fractional())}}


@st.composite
def at_least_nodes(draw: st.DrawFn, children: st.SearchStrategy[dict[str, Any]]) -> dict[str, Any]:
    of = draw(st.lists(children, min_size=1, max_size=3))
    return {"at_least": {"k": draw(st.integers(1, len(of))), "of": of}}


def monotone_requirements() -> st.SearchStrategy[dict[str, Any]]:
    """Count / fraction / role / org_coverage nested in all / any / at_least."""
    leaves = st.one_of(count_nodes(), fraction_nodes(), role_nodes(), org_coverage_nodes())
    return st.recursive(
        leaves,
        lambda children: st.one_of(
            st.builds(lambda xs: {"all": xs}, st.lists(children, min_size=1, max_size=3)),
            st.builds(lambda xs: {"any": xs}, st.lists(children, min_size=1, max_size=3)),
            at_least_nodes(children),
        ),
        max_leaves=6,
    )


def any_requirements() -> st.SearchStrategy[dict[str, Any]]:
    """Every node kind."""
    leaves = st.one_of(
        count_nodes(), fraction_nodes(), role_nodes(), org_coverage_nodes(), share_nodes()
    )
    return st.recursive(
        leaves,
        lambda children: st.one_of(
            st.builds(lambda xs: {"all": xs}, st.lists(children, min_size=1, max_size=3)),
            st.builds(lambda xs: {"any": xs}, st.lists(children, min_size=1, max_size=3)),
            st.builds(lambda xs: {"max": xs}, st.lists(children, min_size=1, max_size=3)),
            st.builds(lambda xs: {"min": xs}, st.lists(children, min_size=1, max_size=3)),
            at_least_nodes(children),
        ),
        max_leaves=6,
    )


@st.composite
def policies(draw: st.DrawFn) -> dict[str, Any]:
    remote: dict[str, Any] = {"counts": draw(st.booleans())}
    if draw(st.booleans()):
        remote["condition"] = "in_person_majority"
    return {
        "base": draw(st.sampled_from(["establishment", "filled"])),
        "counting": {
            "who_counts": draw(st.sampled_from(["voting_members", "all_members"])),
            "single_capacity": draw(st.booleans()),
        },
        "deputies": {
            "allowed": draw(st.sampled_from(["none", "named", "any"])),
            "counts": draw(st.sampled_from([True, True, False])),
            "scope_tags": draw(st.lists(st.sampled_from(TAGS), max_size=1)),
            "max_principals": draw(st.integers(1, 2)),
        },
        "remote": remote,
        "conflicts": {
            "effect": draw(st.sampled_from(["exclude", "deemed_present", "ignore"])),
            "trigger_rulings": draw(
                st.lists(st.sampled_from(["leave", "no_vote"]), min_size=1, max_size=2, unique=True)
            ),
        },
    }


def make_engine(
    seats: list[Seat], requirement: dict[str, Any], pol: dict[str, Any]
) -> QuorumEngine:
    rule = QuorumRule.model_validate({"requirement": requirement, "policies": pol})
    return QuorumEngine(rule, seats, ORGS, ON)


@st.composite
def scenarios(
    draw: st.DrawFn, requirements: st.SearchStrategy[dict[str, Any]]
) -> tuple[QuorumEngine, list[Attendance], list[Declaration], int | None]:
    seats = draw(committees())
    engine = make_engine(seats, draw(requirements), draw(policies()))
    rows = draw(attendances(seats))
    people = sorted({r.person for r in rows})
    declarations = draw(declarations_for(people))
    item = draw(st.one_of(st.none(), st.sampled_from(ITEMS)))
    return engine, rows, declarations, item


def essence(verdict: Verdict) -> tuple[Any, ...]:
    """What a verdict says, with notes taken as a set (their order is presentation)."""
    return (
        verdict.quorate,
        verdict.counted,
        verdict.failed,
        verdict.excluded,
        sorted((n.person, n.text) for n in verdict.notes),
        verdict.item,
    )


# -- order does not matter -----------------------------------------------------------------------


@SETTINGS
@given(scenario=scenarios(any_requirements()), seed=st.integers(0, 2**32 - 1))
def test_verdict_does_not_depend_on_the_order_of_records(
    scenario: tuple[QuorumEngine, list[Attendance], list[Declaration], int | None], seed: int
) -> None:
    """DOMAIN 2.3: the verdict is a function of who is present, not of the order the
    secretary typed the attendance or the declarations."""
    engine, rows, declarations, item = scenario
    shuffler = random.Random(seed)
    rows2, declarations2 = list(rows), list(declarations)
    shuffler.shuffle(rows2)
    shuffler.shuffle(declarations2)
    first = engine.evaluate(rows, declarations, item)
    second = engine.evaluate(rows2, declarations2, item)
    assert essence(first) == essence(second)
    reversed_ = engine.evaluate(rows[::-1], declarations[::-1], item)
    assert essence(first) == essence(reversed_)


# -- each person counts once -----------------------------------------------------------------------


@SETTINGS
@given(scenario=scenarios(any_requirements()))
def test_a_person_in_two_rows_counts_once(
    scenario: tuple[QuorumEngine, list[Attendance], list[Declaration], int | None],
) -> None:
    """DOMAIN 2.3 "count each person once": counted has no duplicates, and recording every
    row twice changes nothing about who counts or whether the meeting is quorate."""
    engine, rows, declarations, item = scenario
    once = engine.evaluate(rows, declarations, item)
    assert len(set(once.counted)) == len(once.counted)
    twice = engine.evaluate([*rows, *rows], declarations, item)
    assert len(set(twice.counted)) == len(twice.counted)
    assert (twice.quorate, twice.counted, twice.failed) == (once.quorate, once.counted, once.failed)
    assert set(twice.excluded) == set(once.excluded)


@SETTINGS
@given(scenario=scenarios(any_requirements()))
def test_counted_and_excluded_are_people_in_the_room(
    scenario: tuple[QuorumEngine, list[Attendance], list[Declaration], int | None],
) -> None:
    """DOMAIN 2.3 "take those present": nobody absent, on apologies or outside their
    interval is counted, and every failed clause had less than it needed."""
    engine, rows, declarations, item = scenario
    verdict = engine.evaluate(rows, declarations, item)
    moment = 1 if item is None else item
    here = {r.person for r in rows if r.present_at(moment)}
    assert set(verdict.counted) <= here
    assert {e.person for e in verdict.excluded} <= here
    assert verdict.quorate == (not verdict.failed)
    for failed in verdict.failed:
        assert failed.have < failed.need, failed
        assert failed.text


@SETTINGS
@given(scenario=scenarios(any_requirements()))
def test_opening_ignores_declarations_and_evaluate_meeting_agrees(
    scenario: tuple[QuorumEngine, list[Attendance], list[Declaration], int | None],
) -> None:
    """DOMAIN 2.3: check "at the opening (without item conflicts)" and at each item;
    evaluate_meeting gives the same verdicts as evaluating each moment alone."""
    engine, rows, declarations, _ = scenario
    opening, items = engine.evaluate_meeting(rows, declarations, list(ITEMS))
    assert opening == engine.evaluate(rows, (), None)
    assert opening == engine.evaluate(rows, declarations, None)
    for number in ITEMS:
        assert items[number] == engine.evaluate(rows, declarations, number)


# -- monotonicity ----------------------------------------------------------------------------------


Arrival = tuple[QuorumEngine, list[Attendance], list[Declaration], int | None, str]


@st.composite
def arrivals(draw: st.DrawFn) -> Arrival:
    """A scenario with a monotone rule and one seat holder not yet in the room."""
    seats = draw(committees())
    people = holders(seats)
    assume(people)
    newcomer = draw(st.sampled_from(people))
    engine = make_engine(seats, draw(monotone_requirements()), draw(policies()))
    rows = draw(attendances(seats, leave_out=newcomer))
    declarations = draw(declarations_for(sorted({r.person for r in rows} | {newcomer})))
    item = draw(st.one_of(st.none(), st.sampled_from(ITEMS)))
    return engine, rows, declarations, item, newcomer


def _two_deputies_for_one_seat() -> Arrival:
    """Found by Hypothesis: d2 and d3 both deputise for p1's seat S1 (p1 holds four seats);
    "count of 4" is met by p2, p3, d2, d3 and lost when p1 walks in."""
    seats = [
        Seat(id="S1", title="Seat 1", holder="p1", org="O1"),
        Seat(id="S2", title="Seat 2", holder="p2", org="O1"),
        Seat(id="S3", title="Seat 3", holder="p3", org="O1"),
        Seat(id="S4", title="Seat 4", holder="p1", org="O1"),
    ]
    engine = make_engine(seats, {"count": {"min": 4}}, {"deputies": {"allowed": "any"}})
    rows = [
        Attendance(person="p2"),
        Attendance(person="p3"),
        Attendance(person="d2", capacity="deputy", deputy_for=("S1",)),
        Attendance(person="d3", capacity="deputy", deputy_for=("S1",)),
    ]
    return engine, rows, [], None, "p1"


@SETTINGS
@given(arrival=arrivals())
@example(arrival=_two_deputies_for_one_seat())
def test_one_more_member_never_loses_the_quorum(arrival: Arrival) -> None:
    """DOMAIN 2.1 rules of headcount, fraction, role and coverage: a voting member walking
    into the room and counting can only help, whatever the policies."""
    # Regression test: this once failed; see the docstring for the rule.
    engine, rows, declarations, item, newcomer = arrival
    before = engine.evaluate(rows, declarations, item)
    after = engine.evaluate([*rows, Attendance(person=newcomer)], declarations, item)
    assume(newcomer in after.counted)
    if before.quorate:
        assert after.quorate, (before, after)
    assert len(after.counted) >= len(before.counted)


# -- rounding ----------------------------------------------------------------------------------


@SETTINGS
@given(value=st.fractions(min_value=0, max_value=200))
def test_rounded_agrees_with_exact_arithmetic(value: Fraction) -> None:
    """DOMAIN 2.2 fraction rounding (ceil | floor | half_up), checked against the definitions
    on exact fractions: ceil >= value > ceil - 1; floor <= value < floor + 1; half_up is
    within a half, and an exact half goes up."""
    up = rounded(value, Rounding.CEIL)
    down = rounded(value, Rounding.FLOOR)
    half = rounded(value, Rounding.HALF_UP)
    assert all(isinstance(x, int) for x in (up, down, half))
    assert up >= value > up - 1
    assert down <= value < down + 1
    assert abs(half - value) <= Fraction(1, 2)
    if abs(half - value) == Fraction(1, 2):
        assert half > value
    assert down <= half <= up
    assert up == math.ceil(value) and down == math.floor(value)


@SETTINGS
@given(base=st.integers(0, 60), fraction=fractional())
def test_rounded_thresholds_at_exact_halves(base: int, fraction: dict[str, int]) -> None:
    """Council standing orders "one quarter", "one half": the threshold of base x num/den."""
    value = Fraction(base * fraction["num"], fraction["den"])
    if value.denominator == 2:
        assert rounded(value, Rounding.HALF_UP) == rounded(value, Rounding.CEIL)
        assert rounded(value, Rounding.FLOOR) == rounded(value, Rounding.CEIL) - 1
    elif value.denominator == 1:
        assert {rounded(value, r) for r in Rounding} == {int(value)}
