"""The quorum engine against the specification (DOMAIN.md 2) and the seeded committees.

Each test builds a small committee of seats and organisations, a quorum rule as a ToR file
would state it, and the attendance (and declarations) of one moment, then checks the
verdict: quorate or not, who was counted, each failed clause with what it had and needed,
and each person left out of the count with the reason a Chair would read out.

Tests marked as regression tests caught real faults in the engine while it was built
(two deputies for one seat, tagged counts under single capacity, the strongest ruling,
leaving the room, seats not held on the day); they keep them fixed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from fractions import Fraction
from typing import Any

import pytest

from minutebook.domain.committee import Organisation, Seat
from minutebook.domain.meeting import (
    AgendaItem,
    Attendance,
    Declaration,
    Meeting,
    MeetingRecord,
)
from minutebook.domain.meeting_quorum import NO_ATTENDANCE, MeetingQuorum
from minutebook.domain.quorum import (
    FractionNode,
    QuorumRule,
    Rounding,
    TermsOfReference,
    in_force_on,
)
from minutebook.domain.quorum_engine import (
    INQUORATE,
    QUORATE,
    Exclusion,
    QuorumEngine,
    Verdict,
    rounded,
)
from minutebook.domain.timeline import span_events
from minutebook.seeds.loader import SeedCommittee, read_seed_file

ON = date(2024, 5, 1)

ORGS = (
    Organisation(id="A", name="Alpha Council"),
    Organisation(id="B", name="Beta Trust"),
    Organisation(id="C", name="Gamma Trust"),
)


# -- builders -----------------------------------------------------------------------------


def seat(
    sid: str,
    holder: str | None,
    *tags: str,
    org: str | None = "A",
    voting: bool = True,
    named: tuple[str, ...] = (),
    title: str | None = None,
    term_from: date | None = None,
    term_to: date | None = None,
) -> Seat:
    return Seat(
        id=sid,
        title=title or f"Member {sid}",
        holder=holder,
        org=org,
        tags=tags,
        voting=voting,
        named_deputies=named,
        term_from=term_from,
        term_to=term_to,
    )


def plain_seats(n: int, vacant: int = 0) -> list[Seat]:
    """n voting seats S1..Sn held by m1..mn, the last `vacant` of them vacant."""
    return [seat(f"S{i}", None if i > n - vacant else f"m{i}") for i in range(1, n + 1)]


def rule(requirement: dict[str, Any], **policies: Any) -> QuorumRule:
    return QuorumRule.model_validate({"requirement": requirement, "policies": policies})


def engine(
    requirement: dict[str, Any],
    seats: list[Seat],
    orgs: tuple[Organisation, ...] | list[Organisation] = ORGS,
    on: date = ON,
    **policies: Any,
) -> QuorumEngine:
    return QuorumEngine(rule(requirement, **policies), seats, list(orgs), on)


def member(person: str, *seats: str, **fields: Any) -> Attendance:
    return Attendance(person=person, capacity="member", seats=seats, **fields)


def members(*people: str, **fields: Any) -> list[Attendance]:
    return [member(p, **fields) for p in people]


def deputy(person: str, *for_seats: str, **fields: Any) -> Attendance:
    return Attendance(person=person, capacity="deputy", deputy_for=for_seats, **fields)


Span = tuple[int | None, int | None]


def through_the_meeting(
    requirement: dict[str, Any],
    seats: list[Seat],
    attendance: Sequence[Attendance],
    items: Sequence[int],
    declarations: Sequence[Declaration] = (),
    spans: Mapping[str, Sequence[Span]] | None = None,
    **policies: Any,
) -> MeetingQuorum:
    """The quorum through a meeting of agenda `items`. Everyone attending is in the room
    from the start to the close, unless `spans` gives their stretches of presence as a
    meeting file writes them: (from item, to item), inclusive, None for the start or the
    close. Each stretch becomes an arrival and a departure in the meeting's timeline."""
    spans = spans or {}
    events = [
        event
        for row in attendance
        if row.is_attending
        for first, last in spans.get(row.person, [(None, None)])
        for event in span_events(row.person, first, last)
    ]
    record = MeetingRecord(
        meeting=Meeting(committee="X", date=ON),
        agenda=tuple(AgendaItem(number=n, title=f"Item {n}") for n in items),
        attendance=tuple(attendance),
        declarations=tuple(declarations),
        events=tuple(e.model_copy(update={"id": n}) for n, e in enumerate(events, start=1)),
    )
    terms = TermsOfReference(
        version=1, adopted=date(2020, 1, 1), quorum=rule(requirement, **policies)
    )
    return MeetingQuorum(record, terms, seats, list(ORGS))


def verdicts(quorum: MeetingQuorum) -> tuple[Verdict, dict[int, Verdict]]:
    """The verdict at the opening and at each agenda item (where the quorum stands for
    something recorded at the item now)."""
    opening = quorum.opening().verdict
    assert opening is not None
    items = {n: quorum.at_item(n).verdict for n in quorum.timeline.items}
    assert all(v is not None for v in items.values())
    return opening, {n: v for n, v in items.items() if v is not None}


def reasons(verdict: Verdict) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for exclusion in verdict.excluded:
        out.setdefault(exclusion.person, []).append(exclusion.reason)
    return out


def texts(verdict: Verdict) -> list[str]:
    return [f.text for f in verdict.failed]


def notes(verdict: Verdict) -> list[tuple[str, str]]:
    return [(n.person, n.text) for n in verdict.notes]


# -- count ----------------------------------------------------------------------------------


def test_count_fixed_headcount() -> None:
    """DOMAIN 2.1 fixed count: "three members" (a quorum of three, e.g. a small sub-committee)."""
    e = engine({"count": {"min": 3}}, plain_seats(8))
    ok = e.evaluate(members("m1", "m2", "m3"))
    assert ok.quorate and ok.verdict == QUORATE
    assert ok.counted == ("m1", "m2", "m3")
    assert ok.summary() == "Quorate: 3 counted"

    short = e.evaluate(members("m1", "m2"))
    assert not short.quorate and short.verdict == INQUORATE
    (failed,) = short.failed
    assert (failed.clause, failed.have, failed.need) == ("count", 2, 3)
    assert failed.text == "members counted: 2, need 3"
    assert short.summary() == "INQUORATE: members counted: 2, need 3"


def test_count_with_tags_counts_only_tagged_seats() -> None:
    """DOMAIN 2.1 required roles: "a clinician" (count of 1 with tag clinician)."""
    seats = [*plain_seats(3), seat("S4", "doc", "clinician")]
    e = engine({"count": {"min": 1, "tags": ["clinician"]}}, seats)
    short = e.evaluate(members("m1", "m2", "m3"))
    assert not short.quorate
    assert texts(short) == ["clinician members counted: 0, need 1"]
    assert e.evaluate(members("m1", "doc")).quorate


# -- fraction and rounding --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "num", "den", "rounding", "need"),
    [
        (10, 1, 4, "ceil", 3),  # 2.5
        (10, 1, 4, "floor", 2),
        (10, 1, 4, "half_up", 3),
        (9, 1, 2, "ceil", 5),  # 4.5
        (9, 1, 2, "floor", 4),
        (9, 1, 2, "half_up", 5),
        (10, 1, 3, "half_up", 3),  # 3.33, not a half: rounds down
        (11, 1, 3, "half_up", 4),  # 3.67: rounds up
        (12, 1, 4, "ceil", 3),  # exact: no rounding
        (12, 1, 4, "floor", 3),
    ],
)
def test_fraction_rounding_at_exact_halves(
    n: int, num: int, den: int, rounding: str, need: int
) -> None:
    """Local Government Act / council standing orders: "one quarter of the whole number of
    members"; the rounding the ToR names decides an exact half (10 x 1/4 = 2.5, 9 x 1/2 = 4.5).
    """
    requirement = {"fraction": {"num": num, "den": den, "rounding": rounding}}
    e = engine(requirement, plain_seats(n))
    node = FractionNode.model_validate(requirement)
    assert e.threshold_of_fraction(node) == (need, n)
    people = [f"m{i}" for i in range(1, need + 1)]
    assert e.evaluate(members(*people)).quorate
    short = e.evaluate(members(*people[:-1]))
    assert not short.quorate
    assert texts(short) == [
        f"members counted: {need - 1} of {n}, need {need} ({num}/{den}, {rounding})"
    ]


def test_rounded_helper_at_halves() -> None:
    """DOMAIN 2.2 fraction rounding ceil | floor | half_up: half_up takes 2.5 to 3."""
    half = Fraction(5, 2)
    assert rounded(half, Rounding.CEIL) == 3
    assert rounded(half, Rounding.FLOOR) == 2
    assert rounded(half, Rounding.HALF_UP) == 3
    assert rounded(Fraction(9, 2), Rounding.HALF_UP) == 5
    assert rounded(Fraction(7, 3), Rounding.HALF_UP) == 2


@pytest.mark.parametrize(("n", "need"), [(10, 6), (9, 5), (19, 10)])
def test_fraction_majority_is_half_rounded_down_plus_one(n: int, need: int) -> None:
    """DOMAIN 2.1: "a majority" (half rounded down, plus one), as the ICB Board rule (icb.yaml)."""
    e = engine({"fraction": {"num": 1, "den": 2, "rounding": "floor", "plus": 1}}, plain_seats(n))
    assert e.threshold_of_fraction(
        FractionNode.model_validate(
            {"fraction": {"num": 1, "den": 2, "rounding": "floor", "plus": 1}}
        )
    ) == (need, n)
    assert e.evaluate(members(*[f"m{i}" for i in range(1, need + 1)])).quorate
    assert not e.evaluate(members(*[f"m{i}" for i in range(1, need)])).quorate


def test_fraction_min_parish_council_one_third_never_less_than_three() -> None:
    """Parish council: "one third of the whole number of members, never less than three"."""
    requirement = {"fraction": {"num": 1, "den": 3, "rounding": "ceil", "min": 3}}
    small = engine(requirement, plain_seats(6))  # 1/3 of 6 is 2; the floor of three wins
    short = small.evaluate(members("m1", "m2"))
    assert not short.quorate
    assert texts(short) == ["members counted: 2 of 6, need 3 (1/3, ceil)"]
    assert small.evaluate(members("m1", "m2", "m3")).quorate

    large = engine(requirement, plain_seats(13))  # 1/3 of 13 is 4.33 -> 5
    assert not large.evaluate(members("m1", "m2", "m3", "m4")).quorate
    assert large.evaluate(members("m1", "m2", "m3", "m4", "m5")).quorate


def test_fraction_with_tags_counts_against_tagged_seats_only() -> None:
    """Council committee: "one half of the councillor members" (fraction with tags)."""
    seats = [seat(f"C{i}", f"c{i}", "councillor") for i in range(1, 5)] + plain_seats(6)
    e = engine({"fraction": {"num": 1, "den": 2, "tags": ["councillor"]}}, seats)
    # Six non-councillors do not help; base is the four councillor seats.
    short = e.evaluate(members("c1", "m1", "m2", "m3", "m4", "m5", "m6"))
    assert not short.quorate
    assert texts(short) == ["councillor members counted: 1 of 4, need 2 (1/2, ceil)"]
    assert e.evaluate(members("c1", "c2")).quorate


# -- role -------------------------------------------------------------------------------------


def test_role_chair_or_vice_chair() -> None:
    """People Board ToR 5.5 (seed 003): "a minimum of the Chair/Vice Chair"."""
    seats = [seat("S1", "ann", "chair"), seat("S2", "bob", "vice_chair"), *plain_seats(5)[2:]]
    e = engine({"role": {"any_tags": ["chair", "vice_chair"]}}, seats)
    missing = e.evaluate(members("m3", "m4", "m5"))
    assert not missing.quorate
    (failed,) = missing.failed
    assert (failed.clause, failed.have, failed.need) == ("role", 0, 1)
    assert failed.text == "no chair or vice chair present"
    assert e.evaluate(members("bob", "m3")).quorate
    assert e.evaluate(members("ann")).quorate


def test_role_with_min_two() -> None:
    """DOMAIN 2.1 required roles: "two executive members" (role with min 2)."""
    seats = [seat("E1", "eve", "executive"), seat("E2", "ed", "executive"), *plain_seats(2)]
    e = engine({"role": {"any_tags": ["executive"], "min": 2}}, seats)
    short = e.evaluate(members("eve", "m1", "m2"))
    assert texts(short) == ["executive present: 1, need 2"]
    assert e.evaluate(members("eve", "ed")).quorate


# -- org_coverage ------------------------------------------------------------------------------


def _ics_committee() -> tuple[list[Organisation], list[Seat]]:
    """Ten ICS organisations (constituency ics_org) and two others, one seat each."""
    orgs = [
        Organisation(id=f"O{i}", name=f"ICS org {i}", constituency="ics_org") for i in range(1, 11)
    ]
    orgs += [
        Organisation(id="NHSE", name="NHS England", constituency="national"),
        Organisation(id="UOB", name="University of Bedfordshire", constituency="education"),
    ]
    seats = [seat("CH", "chair", "chair", org="O1")]
    seats += [seat(f"H{i}", f"h{i}", "partner", org=f"O{i}") for i in range(1, 11)]
    seats += [seat("N1", "nat", "external", org="NHSE"), seat("U1", "uni", "external", org="UOB")]
    return orgs, seats


def test_org_coverage_by_constituency_counts_organisations_not_people() -> None:
    """People Board ToR 5.5 (seed 003): "50% of BLMK ICS organisations are represented"."""
    orgs, seats = _ics_committee()
    e = engine({"org_coverage": {"constituency": "ics_org", "num": 1, "den": 2}}, seats, orgs)
    # Chair and h1 are both O1: one organisation. NHSE and UOB are not ICS organisations.
    short = e.evaluate(members("chair", "h1", "h2", "h3", "nat", "uni"))
    assert not short.quorate
    (failed,) = short.failed
    assert (failed.clause, failed.have, failed.need) == ("org_coverage", 3, 5)
    assert failed.text == "ics_org organisations represented: 3 of 10, need 5"
    assert e.evaluate(members("h1", "h2", "h3", "h4", "h5")).quorate


def test_org_coverage_of_named_organisations() -> None:
    """DOMAIN 2.2 org_coverage with explicit orgs: "two of the three councils represented"."""
    orgs, seats = _ics_committee()
    requirement = {"org_coverage": {"orgs": ["O7", "O8", "O9"], "num": 2, "den": 3}}
    e = engine(requirement, seats, orgs)
    short = e.evaluate(members("h1", "h2", "h3", "h7"))
    assert texts(short) == ["organisations represented: 1 of 3, need 2"]
    assert e.evaluate(members("h7", "h9")).quorate


# -- share_of_present ----------------------------------------------------------------------------


def test_share_of_present_external_members() -> None:
    """DOMAIN 2.1 composition: "not less than half of those present shall be external members"."""
    seats = [seat(f"X{i}", f"x{i}", "external") for i in range(1, 4)] + plain_seats(4)
    e = engine({"share_of_present": {"any_tags": ["external"], "num": 1, "den": 2}}, seats)
    assert e.evaluate(members("x1", "x2", "m1", "m2")).quorate  # 2 of 4: exactly half
    short = e.evaluate(members("x1", "m1", "m2"))
    assert not short.quorate
    assert texts(short) == ["external among those counted: 1 of 3, need 2"]


# -- combinators ----------------------------------------------------------------------------------


CHAIR_SEATS = [seat("S1", "ann", "chair"), seat("S2", "bob", "vice_chair"), *plain_seats(8)[2:]]


def test_all_reports_every_failed_clause() -> None:
    """People Board ToR 5.5 (seed 003): the Chair/Vice Chair *and* a headcount, both needed."""
    e = engine(
        {"all": [{"role": {"any_tags": ["chair", "vice_chair"]}}, {"count": {"min": 3}}]},
        CHAIR_SEATS,
    )
    v = e.evaluate(members("m3", "m4"))
    assert [f.clause for f in v.failed] == ["all[0].role", "all[1].count"]
    assert texts(v) == ["no chair or vice chair present", "members counted: 2, need 3"]
    assert e.evaluate(members("ann", "m3", "m4")).quorate


def test_any_needs_one_branch() -> None:
    """DOMAIN 2.1: "the Chief Finance Officer or deputy" style alternatives (any)."""
    e = engine(
        {"any": [{"role": {"any_tags": ["chair"]}}, {"count": {"min": 5}}]},
        CHAIR_SEATS,
    )
    assert e.evaluate(members("ann")).quorate
    assert e.evaluate(members("m3", "m4", "m5", "m6", "m7")).quorate
    v = e.evaluate(members("m3"))
    (failed,) = v.failed
    assert (failed.clause, failed.have, failed.need) == ("any", 0, 1)
    assert failed.text == "none of these is met: no chair present; members counted: 1, need 5"


def test_at_least_k_of_n() -> None:
    """DOMAIN 2.2 at_least k: two of three conditions (chair, vice chair, four members)."""
    e = engine(
        {
            "at_least": {
                "k": 2,
                "of": [
                    {"role": {"any_tags": ["chair"]}},
                    {"role": {"any_tags": ["vice_chair"]}},
                    {"count": {"min": 4}},
                ],
            }
        },
        CHAIR_SEATS,
    )
    assert e.evaluate(members("ann", "bob")).quorate
    assert e.evaluate(members("ann", "m3", "m4", "m5")).quorate
    v = e.evaluate(members("ann", "m3"))
    (failed,) = v.failed
    assert (failed.clause, failed.have, failed.need) == ("at_least", 1, 2)
    assert failed.text == (
        "1 of the 3 conditions met, need 2: no vice chair present; members counted: 2, need 4"
    )


def test_max_whichever_is_the_greater() -> None:
    """Parish council style: "one third of the members or three, whichever is the greater"."""
    requirement = {"max": [{"fraction": {"num": 1, "den": 3}}, {"count": {"min": 3}}]}
    small = engine(requirement, plain_seats(6))  # 1/3 -> 2, three is greater
    v = small.evaluate(members("m1", "m2"))
    assert not v.quorate
    assert texts(v) == ["members counted: 2, need 3"]
    assert small.evaluate(members("m1", "m2", "m3")).quorate
    big = engine(requirement, plain_seats(15))  # 1/3 -> 5, greater than three
    v = big.evaluate(members("m1", "m2", "m3", "m4"))
    assert texts(v) == ["members counted: 4 of 15, need 5 (1/3, ceil)"]
    assert big.evaluate(members("m1", "m2", "m3", "m4", "m5")).quorate


def test_min_whichever_is_the_lesser() -> None:
    """DOMAIN 2.2 min: "one half of the members or four, whichever is the lesser"."""
    requirement = {"min": [{"fraction": {"num": 1, "den": 2}}, {"count": {"min": 4}}]}
    e = engine(requirement, plain_seats(12))  # half is 6; four is the lesser
    assert e.evaluate(members("m1", "m2", "m3", "m4")).quorate
    v = e.evaluate(members("m1", "m2", "m3"))
    assert not v.quorate
    assert texts(v) == [
        "members counted: 3 of 12, need 6 (1/2, ceil)",
        "members counted: 3, need 4",
    ]
    small = engine(requirement, plain_seats(6))  # half is 3, the lesser
    assert small.evaluate(members("m1", "m2", "m3")).quorate


# -- base: establishment or filled -------------------------------------------------------------


def test_base_establishment_and_filled_give_opposite_verdicts() -> None:
    """DOMAIN 2.2 base: fractions of the establishment or of filled seats; "both readings exist
    in real bodies; the same attendance can be quorate under one and not the other"."""
    seats = plain_seats(10, vacant=4)
    requirement = {"fraction": {"num": 1, "den": 2}}
    attendance = members("m1", "m2", "m3", "m4")
    establishment = engine(requirement, seats, base="establishment").evaluate(attendance)
    filled = engine(requirement, seats, base="filled").evaluate(attendance)
    assert not establishment.quorate
    assert texts(establishment) == ["members counted: 4 of 10, need 5 (1/2, ceil)"]
    assert filled.quorate


def test_filled_base_follows_terms_of_office() -> None:
    """ICB Board (icb.yaml, seed 003): the interim Chief Nursing Director's term ends
    11/09/2022 and two seats are vacant, so filled seats fall from 17 to 16."""
    seed = read_seed_file("icb.yaml")
    node = FractionNode.model_validate({"fraction": {"num": 1, "den": 2}})
    seats = list(seed.membership.seats)
    orgs = list(seed.membership.organisations)

    def base_on(day: date, base: str) -> int:
        return QuorumEngine(
            rule({"count": {"min": 1}}, base=base), seats, orgs, day
        ).threshold_of_fraction(node)[1]

    assert base_on(date(2022, 7, 1), "establishment") == 19
    assert base_on(date(2022, 7, 1), "filled") == 17
    assert base_on(date(2022, 10, 1), "filled") == 16


# -- deputies --------------------------------------------------------------------------------------


DEP_SEATS = [
    seat("S1", "ann", "chair", org="A", title="Chair"),
    seat("S2", "bob", "executive", org="B", title="Director of Finance", named=("sam",)),
    seat("S3", "cat", org="B", title="Partner Member", named=("sam",)),
    seat("S4", "dan", org="C", title="Partner Member C", named=("sam",)),
]


def test_deputy_while_principal_present_is_excluded() -> None:
    """DOMAIN 2.2 deputies: "a deputy stops counting when the principal arrives"."""
    e = engine({"count": {"min": 3}}, DEP_SEATS, deputies={"allowed": "any"})
    v = e.evaluate([*members("ann", "bob"), deputy("sam", "S2")])
    assert v.counted == ("ann", "bob")
    assert not v.quorate
    assert reasons(v) == {"sam": ["deputy for Director of Finance while the principal is present"]}


def test_deputy_stops_counting_when_the_principal_arrives_late() -> None:
    """DOMAIN 2.2: a deputy covers an absent person and stops counting when the principal
    arrives (principal arrives at item 3)."""
    attendance = [*members("ann", "cat"), member("bob"), deputy("sam", "S2")]
    quorum = through_the_meeting(
        {"count": {"min": 3}},
        DEP_SEATS,
        attendance,
        [1, 2, 3, 4],
        spans={"bob": [(3, None)]},
        deputies={"allowed": "named"},
    )
    opening, items = verdicts(quorum)
    assert opening.counted == ("ann", "cat", "sam")
    assert items[2].counted == ("ann", "cat", "sam")
    assert items[3].counted == ("ann", "bob", "cat")
    assert "principal is present" in reasons(items[3])["sam"][0]
    assert all(v.quorate for v in (opening, *items.values()))


def test_one_deputy_for_two_absentees_counts_once() -> None:
    """DOMAIN 2.2: "A deputy covers one absent person" (max_principals 1)."""
    requirement = {"all": [{"count": {"min": 3}}, {"org_coverage": {"num": 1, "den": 1}}]}
    e = engine(requirement, DEP_SEATS, deputies={"allowed": "named"})
    v = e.evaluate([member("ann"), deputy("sam", "S3", "S4")])
    assert v.counted == ("ann", "sam")
    assert notes(v) == [("sam", "deputises for 2 members but covers only 1 (S3, S4)")]
    assert texts(v) == [
        "members counted: 2, need 3",
        "organisations represented: 2 of 3, need 3",  # A (ann) and B (S3) only, not C
    ]


def test_deputy_may_cover_two_when_max_principals_allows() -> None:
    """DOMAIN 2.2 max_principals: a body may let one deputy cover two seats' organisations;
    the deputy is still one person in the headcount."""
    requirement = {"all": [{"count": {"min": 2}}, {"org_coverage": {"num": 1, "den": 1}}]}
    e = engine(requirement, DEP_SEATS, deputies={"allowed": "named", "max_principals": 2})
    v = e.evaluate([member("ann"), deputy("sam", "S3", "S4")])
    assert v.quorate
    assert v.counted == ("ann", "sam")
    assert v.notes == ()
    assert not e.evaluate([deputy("sam", "S3", "S4")]).quorate  # one person, need two


def test_deputy_never_inherits_the_chair() -> None:
    """DOMAIN 2.2 deputies: offices never inherited (chair, vice_chair); People Board ToR 4.2
    (seed 003): in the absence of the Chair the members elect one of their number."""
    requirement = {"all": [{"role": {"any_tags": ["chair", "vice_chair"]}}, {"count": {"min": 2}}]}
    e = engine(requirement, DEP_SEATS, deputies={"allowed": "any"})
    v = e.evaluate([member("bob"), deputy("zed", "S1")])
    assert v.counted == ("bob", "zed")  # the deputy counts as a member...
    assert not v.quorate  # ...but is not the Chair
    assert texts(v) == ["no chair or vice chair present"]


def test_deputy_inherits_tags_other_than_offices() -> None:
    """Seed 003 committee ToR changes: "deputies for members required for quoracy" — a deputy
    for the finance director fills the finance place."""
    e = engine({"role": {"any_tags": ["executive"]}}, DEP_SEATS, deputies={"allowed": "named"})
    assert e.evaluate([member("ann"), deputy("sam", "S2")]).quorate


def test_deputies_allowed_none() -> None:
    """People Board (pb.yaml): "The ToR is silent on deputies: none allowed" (the default)."""
    e = engine({"count": {"min": 2}}, DEP_SEATS)
    v = e.evaluate([member("ann"), deputy("sam", "S2")])
    assert not v.quorate
    assert v.counted == ("ann",)
    assert reasons(v) == {"sam": ["deputy: deputies do not count at this committee"]}


def test_deputies_allowed_named_only() -> None:
    """Seed 003, Primary Care Commissioning and Assurance Committee ToR 5.3: members "may
    appoint a Deputy to attend and vote on their behalf. No other deputies are permissible"."""
    e = engine({"count": {"min": 2}}, DEP_SEATS, deputies={"allowed": "named"})
    assert e.evaluate([member("ann"), deputy("sam", "S2")]).quorate
    v = e.evaluate([member("ann"), deputy("zed", "S2")])
    assert not v.quorate
    assert reasons(v) == {
        "zed": ["deputy for Director of Finance: not a named deputy for that seat"]
    }


def test_deputies_allowed_any() -> None:
    """DOMAIN 2.2 deputies allowed any: any substitute may stand in (council substitutes)."""
    e = engine({"count": {"min": 2}}, DEP_SEATS, deputies={"allowed": "any"})
    v = e.evaluate([member("ann"), deputy("zed", "S2")])
    assert v.quorate
    assert v.counted == ("ann", "zed")


def test_deputy_scope_tags() -> None:
    """Seed 003 (PCCAC ToR 5.6 as first drafted): "Chief Responsible Officer members unable to
    attend ... may appoint a Deputy" — only executive seats may be deputised."""
    e = engine(
        {"count": {"min": 2}}, DEP_SEATS, deputies={"allowed": "any", "scope_tags": ["executive"]}
    )
    assert e.evaluate([member("ann"), deputy("sam", "S2")]).quorate
    v = e.evaluate([member("ann"), deputy("sam", "S3")])
    assert not v.quorate
    assert reasons(v) == {"sam": ["deputy for Partner Member: that seat may not be deputised"]}


def test_deputies_that_do_not_count() -> None:
    """DOMAIN 2.2 deputies counts: false — deputies may attend (and speak) but do not count."""
    e = engine({"count": {"min": 2}}, DEP_SEATS, deputies={"allowed": "any", "counts": False})
    v = e.evaluate([member("ann"), deputy("sam", "S2")])
    assert not v.quorate
    assert reasons(v) == {"sam": ["deputy: deputies do not count towards the quorum"]}


def test_two_deputies_for_one_absent_member_count_once() -> None:
    """DOMAIN 2.2: "A deputy covers one absent person" — one absent seat is one member, so two
    people both recorded as deputising for it add one to the count, not two."""
    # Regression test: this once failed; see the docstring for the rule.
    e = engine({"count": {"min": 3}}, DEP_SEATS, deputies={"allowed": "any"})
    v = e.evaluate([member("ann"), deputy("sam", "S2"), deputy("zed", "S2")])
    assert len(v.counted) == 2
    assert not v.quorate


@pytest.mark.parametrize("remote_deputy", ["ada", "zoe"])
def test_a_deputy_who_cannot_count_does_not_take_the_seat_from_one_who_can(
    remote_deputy: str,
) -> None:
    """DOMAIN 2.2: "a deputy covers one absent person" and 2.1 (Hertfordshire): remote
    attendance does not count at a council committee. Two deputies for one absent member,
    one joining remotely: the one in the room counts for the seat, whatever their names
    (people are taken in name order, so "ada" comes before "sam" and "zoe" after)."""
    # Regression test: this once failed; see the docstring for the rule.
    e = engine(
        {"count": {"min": 3}}, DEP_SEATS, deputies={"allowed": "any"}, remote={"counts": False}
    )
    attendance = [
        *members("ann", "cat"),
        deputy("sam", "S2"),
        deputy(remote_deputy, "S2", mode="remote"),
    ]
    v = e.evaluate(attendance)
    assert v.quorate
    assert v.counted == ("ann", "cat", "sam")
    # ada is left out for joining remotely; zoe, taken after sam, for the seat sam covers.
    assert set(reasons(v)) == {remote_deputy}


def test_a_conflicted_deputy_leaves_the_seat_to_another_deputy() -> None:
    """DOMAIN 2.1 conflicts (People Board 5.6): a deputy disqualified on an item no longer
    counts; the seat they stood in for is still covered by the other deputy present."""
    # Regression test: this once failed; see the docstring for the rule.
    e = engine({"count": {"min": 3}}, DEP_SEATS, deputies={"allowed": "any"})
    attendance = [*members("ann", "cat"), deputy("ada", "S2"), deputy("sam", "S2")]
    declared = [Declaration(person="ada", item=4, nature="x", ruling="leave")]
    v = e.evaluate(attendance, declared, 4)
    assert v.quorate and v.counted == ("ann", "cat", "sam")
    assert reasons(v) == {"ada": ["conflicted on item 4: left the meeting"]}
    # At another item ada counts for the seat, and sam, the second deputy for it, not.
    other = e.evaluate(attendance, declared, 5)
    assert other.counted == ("ada", "ann", "cat")
    assert reasons(other) == {
        "sam": ["deputy for Director of Finance: already covered by another deputy"]
    }


# -- one person, two seats -------------------------------------------------------------------------


def test_one_person_holding_two_seats_counts_once() -> None:
    """DOMAIN 2.2: "One person may hold two seats; they are still one person in every count"."""
    seats = [
        seat("S1", "ann", "chair"),
        seat("S2", "ann", "executive", org="B"),
        *plain_seats(4)[2:],
    ]
    e = engine({"all": [{"count": {"min": 2}}, {"role": {"any_tags": ["executive"]}}]}, seats)
    for attendance in ([member("ann")], [member("ann", "S1", "S2")]):
        v = e.evaluate(attendance)
        assert v.counted == ("ann",)
        assert texts(v) == ["members counted: 1, need 2"]  # the executive role is met
    assert e.evaluate([member("ann"), member("m3")]).quorate


# -- single capacity -------------------------------------------------------------------------------


EXEC_SEATS = [
    seat("S1", "ann", "executive", "non_executive"),
    seat("S2", "m2"),
    seat("S3", "m3"),
]
EXEC_ROLES = {
    "all": [
        {"role": {"any_tags": ["executive"]}},
        {"role": {"any_tags": ["non_executive"]}},
    ]
}


def test_single_capacity_one_person_cannot_fill_two_roles() -> None:
    """ICB constitutions (icb.yaml): "at least one Executive member and at least one
    Non-Executive member"; with single_capacity one person cannot be both."""
    attendance = members("ann", "m2", "m3")
    strict = engine(EXEC_ROLES, EXEC_SEATS, counting={"single_capacity": True}).evaluate(attendance)
    assert not strict.quorate
    (failed,) = strict.failed
    assert (failed.have, failed.need) == (1, 2)
    assert failed.text == (
        "required roles filled by different people: 1 of 2 "
        "(one person cannot fill two required roles)"
    )
    relaxed = engine(EXEC_ROLES, EXEC_SEATS, counting={"single_capacity": False})
    assert relaxed.evaluate(attendance).quorate


def test_single_capacity_is_a_matching_not_a_greedy_assignment() -> None:
    """DOMAIN 2.2 single_capacity: "the Chair or Vice Chair" and "an executive". Ann is chair
    and executive, Bob vice chair: greedy (Ann as chair first) fails, a matching (Bob chair's
    place, Ann executive) succeeds, whatever the order of attendance."""
    seats = [seat("S1", "ann", "chair", "executive"), seat("S2", "bob", "vice_chair")]
    requirement = {
        "all": [
            {"role": {"any_tags": ["chair", "vice_chair"]}},
            {"role": {"any_tags": ["executive"]}},
        ]
    }
    e = engine(requirement, seats, counting={"single_capacity": True})
    assert e.evaluate(members("ann", "bob")).quorate
    assert e.evaluate(members("bob", "ann")).quorate
    assert not e.evaluate(members("ann")).quorate


def test_single_capacity_counts_each_place_of_a_role_with_min() -> None:
    """DOMAIN 2.2 single_capacity: "the Chair" and "two clinicians" need three people when
    the Chair is one of the clinicians."""
    seats = [
        seat("S1", "ann", "chair", "clinician"),
        seat("S2", "cy", "clinician"),
        seat("S3", "dee", "clinician"),
    ]
    requirement = {
        "all": [{"role": {"any_tags": ["chair"]}}, {"role": {"any_tags": ["clinician"], "min": 2}}]
    }
    e = engine(requirement, seats, counting={"single_capacity": True})
    v = e.evaluate(members("ann", "cy"))
    assert [(f.have, f.need) for f in v.failed] == [(2, 3)]
    assert e.evaluate(members("ann", "cy", "dee")).quorate


def test_single_capacity_applies_to_tagged_counts_as_the_icb_rule_writes_them() -> None:
    """icb.yaml writes "at least one Executive member and at least one Non-Executive member"
    as count {min: 1, tags: [executive]} and count {min: 1, tags: [non_executive]}. These are
    required roles; under single_capacity one person cannot fill both."""
    # Regression test: this once failed; see the docstring for the rule.
    requirement = {
        "all": [
            {"count": {"min": 1, "tags": ["executive"]}},
            {"count": {"min": 1, "tags": ["non_executive"]}},
        ]
    }
    e = engine(requirement, EXEC_SEATS, counting={"single_capacity": True})
    assert not e.evaluate(members("ann", "m2", "m3")).quorate


# -- remote attendance -----------------------------------------------------------------------------


def test_remote_members_do_not_count_at_a_council_committee() -> None:
    """Hertfordshire CC v SSHCLG [2021] EWHC 1093 (Admin): "present" means physically present,
    so remote members do not count at council committees (remote: counts false)."""
    e = engine({"count": {"min": 3}}, plain_seats(6), remote={"counts": False})
    v = e.evaluate(
        [
            member("m1"),
            member("m2"),
            member("m3", mode="remote"),
            member("m4", mode="telephone"),
        ]
    )
    assert not v.quorate
    assert v.counted == ("m1", "m2")
    assert reasons(v) == {
        "m3": ["remote: does not count at this committee"],
        "m4": ["by telephone: does not count at this committee"],
    }


def test_remote_members_count_at_the_people_board() -> None:
    """People Board ToR 5.3 (seed 003): "members attending using electronic means will be
    counted towards the quorum"."""
    e = engine({"count": {"min": 3}}, plain_seats(6), remote={"counts": True})
    v = e.evaluate([member("m1"), member("m2", mode="remote"), member("m3", mode="telephone")])
    assert v.quorate
    assert v.counted == ("m1", "m2", "m3")


def test_in_person_majority_condition_both_ways() -> None:
    """DOMAIN 2.2 remote, the Welsh variant: remote members count "only while those in the
    room outnumber the remote"."""
    e = engine(
        {"count": {"min": 4}},
        plain_seats(8),
        remote={"counts": True, "condition": "in_person_majority"},
    )
    more_in_room = e.evaluate([*members("m1", "m2", "m3"), *members("m4", "m5", mode="remote")])
    assert more_in_room.quorate
    assert more_in_room.counted == ("m1", "m2", "m3", "m4", "m5")

    level = e.evaluate([*members("m1", "m2"), *members("m3", "m4", mode="remote")])
    assert not level.quorate
    assert level.counted == ("m1", "m2")
    assert reasons(level) == {
        "m3": ["remote: counts only while more members are in the room (2) than remote (2)"],
        "m4": ["remote: counts only while more members are in the room (2) than remote (2)"],
    }


# -- declarations of interest ----------------------------------------------------------------------


def _conflict_engine(**conflicts: Any) -> QuorumEngine:
    return engine({"count": {"min": 3}}, plain_seats(6), conflicts=conflicts)


THREE = members("m1", "m2", "m3")


def test_conflict_exclude_leave_and_no_vote() -> None:
    """People Board ToR 5.6 (seed 003): a member "disqualified from participating on an item
    ... by reason of a declaration of conflicts of interest ... shall no longer count towards
    the quorum"."""
    e = _conflict_engine(effect="exclude")
    left = e.evaluate(THREE, [Declaration(person="m1", item=4, nature="x", ruling="leave")], 4)
    assert not left.quorate
    assert left.item == 4
    assert reasons(left) == {"m1": ["conflicted on item 4: left the meeting"]}
    no_vote = e.evaluate(THREE, [Declaration(person="m2", item=4, nature="x", ruling="no_vote")], 4)
    assert reasons(no_vote) == {"m2": ["conflicted on item 4: took no part"]}
    remain = e.evaluate(THREE, [Declaration(person="m2", item=4, nature="x", ruling="remain")], 4)
    assert remain.quorate  # "no action needed": never a trigger


def test_conflict_only_affects_its_own_item_and_not_the_opening() -> None:
    """DOMAIN 2.3: check "at the opening (without item conflicts)"; a declaration on item 1
    still leaves the opening verdict quorate."""
    e = _conflict_engine(effect="exclude")
    declarations = [Declaration(person="m1", item=1, nature="x", ruling="leave")]
    assert e.evaluate(THREE, declarations).quorate  # item None: declarations ignored
    assert not e.evaluate(THREE, declarations, 1).quorate
    assert e.evaluate(THREE, declarations, 2).quorate
    # Through the meeting: the opening is the room once the roll is taken, before the
    # first item's declarations; the member is out for item 1 and back for item 2.
    quorum = through_the_meeting(
        {"count": {"min": 3}},
        plain_seats(6),
        THREE,
        [1, 2],
        declarations,
        conflicts={"effect": "exclude"},
    )
    opening, items = verdicts(quorum)
    assert opening.quorate and opening.item is None
    assert opening.excluded == ()
    assert not items[1].quorate
    assert reasons(items[1]) == {"m1": ["conflicted on item 1: left the meeting"]}
    assert items[2].quorate
    # So the meeting was quorate at its start and became inquorate for item 1.
    (period,) = quorum.periods()
    assert not period.from_start
    assert period.withdrew == ("m1",) and period.began_item == 1
    assert period.returned == ("m1",) and period.restored_item == 2


def test_conflict_deemed_present() -> None:
    """DOMAIN 2.1: "Some bodies instead deem a withdrawn member present"."""
    e = _conflict_engine(effect="deemed_present")
    v = e.evaluate(THREE, [Declaration(person="m1", item=4, nature="x", ruling="leave")], 4)
    assert v.quorate
    assert v.counted == ("m1", "m2", "m3")
    assert notes(v) == [("m1", "left for item 4 but is deemed present")]


def test_conflict_ignore() -> None:
    """DOMAIN 2.1: "some ignore conflicts for the quorum" — a member who stays but takes no
    part still counts; one who has left the room is simply not present."""
    e = _conflict_engine(effect="ignore")
    stays = e.evaluate(THREE, [Declaration(person="m1", item=4, nature="x", ruling="no_vote")], 4)
    assert stays.quorate
    assert stays.excluded == ()
    left = e.evaluate(THREE, [Declaration(person="m1", item=4, nature="x", ruling="leave")], 4)
    assert not left.quorate
    assert reasons(left) == {"m1": ["out of the room for item 4 (declared an interest)"]}


def test_conflict_trigger_rulings() -> None:
    """DOMAIN 2.2 conflicts: triggered by which Chair's rulings; with only leave as a trigger,
    a member who stays but takes no part is still counted."""
    e = _conflict_engine(effect="exclude", trigger_rulings=["leave"])
    v = e.evaluate(THREE, [Declaration(person="m1", item=4, nature="x", ruling="no_vote")], 4)
    assert v.quorate
    assert v.counted == ("m1", "m2", "m3")


def test_member_who_left_the_room_is_not_present_whatever_the_triggers() -> None:
    """DOMAIN 1 and 3: a member ruled to "leave the meeting for the item" is not present for
    it; presence is a set of intervals. With effect exclude and only no_vote as a trigger, the
    member who left must still not be counted (as the engine already does for effect ignore)."""
    # Regression test: this once failed; see the docstring for the rule.
    e = _conflict_engine(effect="exclude", trigger_rulings=["no_vote"])
    v = e.evaluate(THREE, [Declaration(person="m1", item=4, nature="x", ruling="leave")], 4)
    assert v.counted == ("m2", "m3")
    assert not v.quorate


def test_two_declarations_by_one_member_on_one_item_strongest_ruling_wins() -> None:
    """Seed 003 register categories: a member may declare two interests on one item (say a
    financial and a personal one), with "no action needed" on one and "leave" on the other.
    The member leaves; the recording order must not change the verdict."""
    # Regression test: this once failed; see the docstring for the rule.
    e = _conflict_engine(effect="exclude")
    leave = Declaration(person="m1", item=4, nature="shares", ruling="leave")
    remain = Declaration(person="m1", item=4, nature="school governor", ruling="remain")
    for declarations in ([leave, remain], [remain, leave]):
        v = e.evaluate(THREE, declarations, 4)
        assert not v.quorate
        assert reasons(v) == {"m1": ["conflicted on item 4: left the meeting"]}


# -- arrivals and departures -----------------------------------------------------------------------


def test_quorum_lost_mid_meeting() -> None:
    """People Board ToR 5.7 (seed 003): "If the quorum has not been reached ..." — checked at
    the start of each item (DOMAIN 2.3); a member leaving after item 3 loses the quorum."""
    quorum = through_the_meeting(
        {"count": {"min": 3}},
        plain_seats(6),
        members("m1", "m2", "m3"),
        [1, 2, 3, 4, 5],
        spans={"m3": [(None, 3)]},
    )
    opening, items = verdicts(quorum)
    assert opening.quorate
    assert [items[i].quorate for i in (1, 2, 3, 4, 5)] == [True, True, True, False, False]
    assert texts(items[4]) == ["members counted: 2, need 3"]
    assert items[4].item == 4
    # One inquorate period, from m3's departure at the end of item 3 to the close.
    (period,) = quorum.periods()
    assert period.left == ("m3",) and period.began_item == 3
    assert period.restored_item is None and period.items == (4, 5)


def test_late_arrival_counts_from_the_item_they_arrive_at() -> None:
    """DOMAIN 1: "a person can arrive late (at item 4)"; here at item 3."""
    quorum = through_the_meeting(
        {"count": {"min": 3}},
        plain_seats(6),
        members("m1", "m2", "m3"),
        [1, 2, 3, 4],
        spans={"m3": [(3, None)]},
    )
    opening, items = verdicts(quorum)
    assert not opening.quorate
    assert not items[2].quorate
    assert items[3].quorate and items[3].counted == ("m1", "m2", "m3")
    assert items[4].quorate


def test_member_who_leaves_and_returns() -> None:
    """DOMAIN 1: a person can "leave and return for one item (a conflict of interest)":
    one attendance row and two stays in the timeline (to the end of item 4, from the
    start of item 6); they count on either side of the gap, once."""
    quorum = through_the_meeting(
        {"count": {"min": 3}},
        plain_seats(6),
        members("m1", "m2", "m3"),
        [1, 2, 3, 4, 5, 6],
        spans={"m3": [(None, 4), (6, None)]},
    )
    assert len(quorum.timeline.stays("m3")) == 2
    _, items = verdicts(quorum)
    assert items[4].counted == ("m1", "m2", "m3")
    assert not items[5].quorate
    assert items[6].counted == ("m1", "m2", "m3")
    (period,) = quorum.periods()
    assert period.left == ("m3",) and period.returned == ("m3",)
    assert period.items == (5,) and period.restored_item == 6


def test_absent_and_apologies_are_not_present() -> None:
    """DOMAIN 1 non-attendance: apologies or absent."""
    e = engine({"count": {"min": 2}}, plain_seats(4))
    v = e.evaluate([member("m1"), member("m2", status="apologies"), member("m3", status="absent")])
    assert v.counted == ("m1",)
    assert v.excluded == ()


# -- who does not count ----------------------------------------------------------------------------


def test_officers_observers_minute_takers_and_participants_are_excluded() -> None:
    """Seed 001 minutes: "Officers: M Carr, A Clayton"; "Observers: Councillor Long"; seed 003:
    "Kim Atkin ... (Minutes)" and ICB "Participants (non-voting members)"."""
    seats = [*plain_seats(2), seat("P1", "pat", voting=False)]
    e = engine({"count": {"min": 3}}, seats)
    v = e.evaluate(
        [
            *members("m1", "m2"),
            Attendance(person="carr", capacity="officer", role="Deputy Director Public Health"),
            Attendance(person="long", capacity="observer", role="Councillor"),
            Attendance(person="atkin", capacity="minute_taker"),
            Attendance(person="pat", capacity="participant", seats=("P1",)),
            Attendance(person="hw", capacity="participant"),
        ]
    )
    assert not v.quorate
    assert v.counted == ("m1", "m2")
    assert reasons(v) == {
        "atkin": ["minute taker: not a member"],
        "carr": ["officer in attendance: not a member"],
        "hw": ["non-voting member"],  # DOMAIN 1: a participant is a non-voting member
        "long": ["observer: not a member"],
        "pat": ["non-voting member"],
    }
    assert all(isinstance(x, Exclusion) for x in v.excluded)


def test_non_voting_members_count_where_all_members_count() -> None:
    """DOMAIN 1: participants do not count "unless the ToR says all members count" (the
    People Board, pb.yaml, counts all members)."""
    seats = [*plain_seats(2), seat("P1", "pat", voting=False)]
    e = engine({"count": {"min": 3}}, seats, counting={"who_counts": "all_members"})
    v = e.evaluate(
        [*members("m1", "m2"), Attendance(person="pat", capacity="participant", seats=("P1",))]
    )
    assert v.quorate
    assert v.counted == ("m1", "m2", "pat")


def test_member_attending_in_a_seat_not_yet_held_does_not_count() -> None:
    """People Board (pb.yaml, seed 003): Sarah Stanley is ICB Chief Nursing Director "from
    12/09/2022"; at a meeting on 1 August 2022 she holds no seat, even if the row names S3."""
    # Regression test: this once failed; see the docstring for the rule.
    seed = read_seed_file("pb.yaml")
    tor = in_force_on(seed.terms, date(2022, 8, 1))
    assert tor is not None
    e = QuorumEngine(
        tor.quorum,
        list(seed.membership.seats),
        list(seed.membership.organisations),
        date(2022, 8, 1),
    )
    v = e.evaluate([member("roberts", "S1"), member("stanley", "S3")])
    assert "stanley" not in v.counted


# -- the seeded committees -------------------------------------------------------------------------


def _seed_engine(seed: SeedCommittee, day: date) -> QuorumEngine:
    tor = in_force_on(seed.terms, day)
    assert tor is not None, f"no terms of reference in force on {day}"
    return QuorumEngine(
        tor.quorum, list(seed.membership.seats), list(seed.membership.organisations), day
    )


def _seed_quorum(seed: SeedCommittee, record: MeetingRecord) -> MeetingQuorum:
    """The quorum through a seeded meeting: its record (spans become the timeline's
    arrivals and departures as the seed is read) against the ToR in force on its date."""
    tor = in_force_on(seed.terms, record.meeting.date)
    assert tor is not None, f"no terms of reference in force on {record.meeting.date}"
    return MeetingQuorum(
        record, tor, list(seed.membership.seats), list(seed.membership.organisations)
    )


@pytest.mark.parametrize("name", ["hcp.yaml", "icb.yaml"])
def test_every_seeded_meeting_with_attendance_is_quorate_throughout(name: str) -> None:
    """Seed 001 (HCP 13 June 2023) and seed 003 (ICB 1 July 2022: "It was confirmed that the
    meeting was quorate"): each seeded meeting with attendance is quorate against the ToR in
    force on its date, at the opening and at every agenda item, with no inquorate period.
    A seeded meeting still to come (no attendance yet) has no quorum to minute. (pb.yaml
    has no meetings.)"""
    seed = read_seed_file(name)
    held = [record for record in seed.meetings if record.attendance]
    assert held
    for record in held:
        quorum = _seed_quorum(seed, record)
        assert quorum.unminuted == ""
        opening, items = verdicts(quorum)
        assert opening.quorate, opening.summary()
        assert sorted(items) == sorted(item.number for item in record.agenda)
        assert all(v.quorate for v in items.values()), [v.summary() for v in items.values()]
        assert quorum.periods() == ()
    for record in seed.meetings:
        if not record.attendance:
            quorum = _seed_quorum(seed, record)
            assert quorum.unminuted == NO_ATTENDANCE
            assert quorum.opening().quorate is None and quorum.periods() == ()


def test_hcp_13_june_2023_is_quorate_at_the_opening_and_every_item() -> None:
    """Seed 001: minutes of the Health & Care Partnership, 13 June 2023 (HCP1-HCP7); the
    illustrative rule is one quarter of voting members in person (council committee)."""
    seed = read_seed_file("hcp.yaml")
    (record,) = [r for r in seed.meetings if r.meeting.date == date(2023, 6, 13)]
    opening, items = verdicts(_seed_quorum(seed, record))
    assert opening.quorate
    assert sorted(items) == [1, 2, 3, 4, 5, 6, 7]
    assert all(v.quorate for v in items.values())
    assert len(opening.counted) == 16  # 14 members and 2 named deputies
    assert {"blakesley", "nguyen"} <= set(opening.counted)
    assert not {"carr", "clayton", "long", "green", "wogan"} & set(opening.counted)
    assert reasons(opening)["carr"] == ["officer in attendance: not a member"]
    assert reasons(opening)["long"] == ["observer: not a member"]


def test_hcp_on_video_would_not_be_quorate() -> None:
    """Hertfordshire CC v SSHCLG [2021] EWHC 1093 (Admin): had the 13 June 2023 HCP met on
    video, no member would count at this council committee."""
    seed = read_seed_file("hcp.yaml")
    (record,) = [r for r in seed.meetings if r.meeting.date == date(2023, 6, 13)]
    remote = [row.model_copy(update={"mode": "remote"}) for row in record.attendance]
    v = _seed_engine(seed, record.meeting.date).evaluate(remote)
    assert not v.quorate
    assert v.counted == ()
    assert texts(v) == ["members counted: 0 of 19, need 5 (1/4, ceil)"]
    assert reasons(v)["marland"] == ["remote: does not count at this committee"]


def test_icb_1_july_2022_virtual_meeting_counts_remote_members_and_the_named_deputy() -> None:
    """Seed 003: ICB Board 1 July 2022, "Virtual meeting held via MS Teams"; Paul Calaminus
    "attending as Deputy for David Carter"; participants are non-voting."""
    seed = read_seed_file("icb.yaml")
    (record,) = [r for r in seed.meetings if r.meeting.date == date(2022, 7, 1)]
    v = _seed_engine(seed, record.meeting.date).evaluate(record.attendance)
    assert v.quorate
    assert len(v.counted) == 17
    assert "calaminus" in v.counted
    assert reasons(v)["alsop"] == ["non-voting member"]
    assert reasons(v)["atkin"] == ["minute taker: not a member"]


def test_people_board_needs_half_the_ics_organisations() -> None:
    """People Board ToR 5.5 (seed 003): "a minimum of the Chair/Vice Chair and 50% of BLMK ICS
    organisations are represented"; ToR 5.3: electronic attendance counts. The seeded members
    (Roberts, Whiteman, Petch) cover two of the ten organisations."""
    seed = read_seed_file("pb.yaml")
    day = date(2022, 9, 30)
    e = _seed_engine(seed, day)
    v = e.evaluate([member("roberts"), member("whiteman", mode="remote"), member("petch")])
    assert not v.quorate
    assert v.counted == ("petch", "roberts", "whiteman")
    assert texts(v) == ["ics_org organisations represented: 2 of 10, need 5"]

    # Fill three more HR Director seats (people invented for the test).
    seats = [
        s.model_copy(update={"holder": holder})
        if (holder := {"S5": "hr_bht", "S7": "hr_cnwl", "S10": "hr_bbc"}.get(s.id))
        else s
        for s in seed.membership.seats
    ]
    tor = in_force_on(seed.terms, day)
    assert tor is not None
    full = QuorumEngine(tor.quorum, seats, list(seed.membership.organisations), day)
    present = [
        member("roberts"),
        member("petch"),
        member("hr_bht", mode="remote"),
        member("hr_cnwl", mode="telephone"),
        member("hr_bbc"),
    ]
    assert full.evaluate(present).quorate
    # Without the Chair (and no Vice Chair seat yet) it is not.
    no_chair = full.evaluate([*present[1:], member("whiteman")])
    assert texts(no_chair) == ["no chair or vice chair present"]
    # ToR 5.6: conflicted on item 3, the Chair no longer counts.
    conflicted = full.evaluate(
        present, [Declaration(person="roberts", item=3, nature="x", ruling="leave")], 3
    )
    assert not conflicted.quorate
    assert reasons(conflicted) == {"roberts": ["conflicted on item 3: left the meeting"]}
