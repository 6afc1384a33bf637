"""Generated meetings: random arrivals, departures, returns, declarations with rulings,
quorum rulings and decisions, taken key by key as live capture takes them. On every one,
what the live screen's top line shows at each item, the inquorate periods the minutes
print and the flag on each decision must agree, and the marks must never make an
impossible record. All three read `MeetingQuorum`; this proves they agree."""

from __future__ import annotations

import contextlib
import itertools
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minutebook.domain.meeting import DecisionFlag, DecisionVerb
from minutebook.domain.meeting_quorum import NOT_DECISIONS, Outcome
from minutebook.domain.quorum import Ruling
from minutebook.domain.room import Mark, Refused
from tests.domain.builder import Builder, terms

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ITEMS = 6

RULES = [
    {"count": {"min": 2}},
    {"count": {"min": 3}},
    {"fraction": {"num": 1, "den": 2, "rounding": "floor", "plus": 1}},
]


@st.composite
def steps(draw: st.DrawFn, members: int) -> list[tuple[Any, ...]]:
    people = st.sampled_from([f"p{i}" for i in range(1, members + 1)])
    step = st.one_of(
        st.tuples(st.just("move"), st.integers(1, ITEMS)),
        st.tuples(st.just("mark"), people, st.sampled_from(list(Mark)), st.booleans()),
        st.tuples(
            st.just("mark"),
            people,
            st.sampled_from([Mark.PRESENT, Mark.LEFT, Mark.BACK]),
            st.just(False),
        ),
        st.tuples(st.just("declare"), people, st.integers(1, ITEMS), st.sampled_from(list(Ruling))),
        st.tuples(st.just("rule"), st.booleans()),
        st.tuples(
            st.just("decide"),
            st.sampled_from(
                [
                    DecisionVerb.RESOLVED,
                    DecisionVerb.AGREED,
                    DecisionVerb.NOTED,
                    DecisionVerb.DEFERRED,
                ]
            ),
            st.booleans(),
        ),
    )
    return draw(st.lists(step, min_size=4, max_size=40))


@st.composite
def meetings(draw: st.DrawFn) -> Builder:
    members = draw(st.integers(3, 6))
    effect = draw(st.sampled_from(["exclude", "deemed_present", "ignore"]))
    meeting = Builder(
        members=members,
        items=ITEMS,
        tor=terms(draw(st.sampled_from(RULES)), conflicts={"effect": effect}),
    )
    for clock, step in enumerate(draw(steps(members)), start=1):
        meeting.clock = f"{14 + clock // 60:02d}:{clock % 60:02d}"
        match step:
            case ("move", item):
                meeting.at(item)
            case ("mark", person, mark, confirmed):
                with contextlib.suppress(Refused):
                    meeting.mark(person, mark, confirmed=confirmed)
            case ("declare", person, item, ruling):
                meeting.declare(person, item, ruling)
            case ("rule", quorate):
                meeting.rule(quorate)
            case ("decide", verb, chairs_action):
                meeting.decide(f"Decision at {meeting.clock}.", verb, chairs_action)
    return meeting


@SETTINGS
@given(meeting=meetings())
def test_marks_never_make_an_impossible_record(meeting: Builder) -> None:
    assert meeting.record.timeline.problems() == []


@SETTINGS
@given(meeting=meetings())
def test_the_top_line_the_periods_and_the_flags_agree(meeting: Builder) -> None:
    record = meeting.record
    quorum = meeting.quorum()
    timeline = record.timeline
    minuted = not quorum.unminuted
    for item in timeline.items:
        live = quorum.at_item(item)  # what the top line shows at the item
        period = quorum.period_at(timeline.now_at(item))
        assert live.inquorate == (period is not None), item
        assert live.quorate is None or minuted
    for minute in record.minutes:
        for decision in minute.decisions:
            flag = quorum.flag(decision, minute.item)
            period = quorum.period_at(quorum.decision_position(decision, minute.item))
            taken = decision.verb not in NOT_DECISIONS and not decision.chairs_action
            if decision.chairs_action:
                assert flag is DecisionFlag.CHAIRS_ACTION
            else:
                assert (flag is DecisionFlag.INQUORATE) == (taken and period is not None)
            if period is not None and taken:
                assert (minute.item, Outcome.DECIDED) in period.outcomes
    for period in quorum.periods():
        for item, outcome in period.outcomes:
            minute = next((m for m in record.minutes if m.item == item), None)
            flagged = [
                d
                for d in (minute.decisions if minute else ())
                if quorum.flag(d, item) is DecisionFlag.INQUORATE
                and period.covers(quorum.decision_position(d, item))
            ]
            assert (outcome is Outcome.DECIDED) == bool(flagged)


@SETTINGS
@given(meeting=meetings())
def test_presence_replayed_by_hand_agrees_with_the_timeline(meeting: Builder) -> None:
    """An independent reading: walk the active marks in order, person by person."""
    record = meeting.record
    timeline = record.timeline
    quorum = meeting.quorum()
    for item in timeline.items:
        here = timeline.now_at(item)
        by_hand = set()
        for event in timeline.active:
            if timeline.position(event) > here or event.person is None:
                continue
            if event.kind.value == "arrived":
                by_hand.add(event.person)
            elif event.kind.value == "left":
                by_hand.discard(event.person)
        assert by_hand == set(quorum.present_at(here)) == timeline.present_at(here)


@SETTINGS
@given(meeting=meetings())
def test_periods_are_in_order_and_never_overlap(meeting: Builder) -> None:
    periods = meeting.quorum().periods()
    for earlier, later in itertools.pairwise(periods):
        assert earlier.end is not None and earlier.end <= later.start
    assert all(p.end is not None for p in periods[:-1])
