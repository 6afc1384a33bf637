"""The quorum forecast (minutebook/domain/forecast.py): from the apologies so far, will the
meeting be quorate if everyone else comes, and if not, the fewest people to chase."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from minutebook.domain import forecast as forecast_module
from minutebook.domain.committee import Organisation, Seat
from minutebook.domain.forecast import expected_attendance, forecast
from minutebook.domain.meeting import (
    AgendaItem,
    Attendance,
    Capacity,
    Meeting,
    MeetingRecord,
    Mode,
)
from minutebook.domain.quorum import QuorumRule
from minutebook.domain.quorum_engine import QuorumEngine
from minutebook.interchange.quorum_report import forecast_text

ON = date(2024, 5, 1)
ORGS = (Organisation(id="A", name="Alpha Council"),)


def seat(sid: str, holder: str | None, *tags: str) -> Seat:
    return Seat(id=sid, title=f"Member {sid}", holder=holder, org="A", tags=tags)


def engine(requirement: dict[str, Any], seats: list[Seat], **policies: Any) -> QuorumEngine:
    rule = QuorumRule.model_validate({"requirement": requirement, "policies": policies})
    return QuorumEngine(rule, seats, ORGS, ON)


def apologies(*people: str) -> list[Attendance]:
    return [Attendance(person=p, status="apologies") for p in people]


def board() -> list[Seat]:
    """Chair c, vice chair vacant, a clinician d, and members m1..m4."""
    return [
        seat("S1", "c", "chair"),
        seat("S2", None, "vice_chair"),
        seat("S3", "d", "clinician"),
        *(seat(f"S{i + 3}", f"m{i}") for i in range(1, 5)),
    ]


CHAIR_AND_THREE = {
    "all": [
        {"role": {"any_tags": ["chair", "vice_chair"]}},
        {"count": {"min": 3}},
    ]
}


def test_quorate_as_it_stands_needs_no_chasing() -> None:
    e = engine(CHAIR_AND_THREE, board())
    result = forecast(e, apologies("m1", "m2"))
    assert result.verdict.quorate
    assert result.chase == ()
    assert result.sent_apologies == ("m1", "m2")
    assert result.expected == ("c", "d", "m3", "m4")
    assert "To be quorate" not in forecast_text(result, {})


def test_nobody_has_replied_everyone_is_expected() -> None:
    e = engine(CHAIR_AND_THREE, board())
    result = forecast(e, [])
    assert result.verdict.quorate and result.chase == ()
    assert result.sent_apologies == ()
    assert result.expected == ("c", "d", "m1", "m2", "m3", "m4")


def test_the_only_chair_sent_apologies_chase_exactly_them() -> None:
    """The Vice Chair's seat is vacant, so only the Chair can meet the role clause; the
    member who also sent apologies is not needed."""
    e = engine(CHAIR_AND_THREE, board())
    result = forecast(e, apologies("m1", "c"))
    assert not result.verdict.quorate
    (failed,) = result.verdict.failed
    assert (failed.have, failed.need) == (0, 1)
    assert result.sent_apologies == ("c", "m1")
    assert result.chase == ("c",)
    text = forecast_text(result, {"c": "Cllr Chair", "m1": "Mo One"})
    assert "Apologies received from 2: Cllr Chair, Mo One" in text
    assert "If everyone else comes: INQUORATE" in text
    assert text.splitlines()[-1] == "To be quorate, ask to attend: Cllr Chair"


def test_a_case_needing_two_particular_people() -> None:
    """The Chair and a clinician are both required; both sent apologies, with others."""
    rule = {
        "all": [
            {"role": {"any_tags": ["chair", "vice_chair"]}},
            {"role": {"any_tags": ["clinician"]}},
            {"count": {"min": 3}},
        ]
    }
    e = engine(rule, board())
    result = forecast(e, apologies("c", "d", "m1", "m2"))
    assert not result.verdict.quorate
    assert result.chase == ("c", "d")
    # Either alone is not enough.
    expected = expected_attendance(e, apologies("c", "d", "m1", "m2"))
    for alone in ("c", "d"):
        one = Attendance(person=alone, seats=tuple(s.id for s in e.seats_held[alone]))
        assert not e.evaluate([*expected, one]).quorate


def test_a_headcount_short_by_two() -> None:
    e = engine({"count": {"min": 5}}, board())
    result = forecast(e, apologies("m1", "m2", "m3", "m4"))
    (failed,) = result.verdict.failed
    assert (failed.have, failed.need) == (2, 5)
    # Two of the four would not do; three is the fewest.
    assert result.chase is not None and len(result.chase) == 3
    assert set(result.chase) <= {"m1", "m2", "m3", "m4"}
    coming = [
        *expected_attendance(e, apologies("m1", "m2", "m3", "m4")),
        *(Attendance(person=p, seats=(f"S{int(p[1]) + 3}",)) for p in result.chase),
    ]
    assert e.evaluate(coming).quorate


def test_even_everyone_coming_is_not_enough() -> None:
    """Half the establishment (vacancies included) is more than the seats filled."""
    seats = [seat("S1", "a"), seat("S2", "b"), *(seat(f"S{i}", None) for i in range(3, 9))]
    e = engine({"fraction": {"num": 1, "den": 2}}, seats, base="establishment")
    result = forecast(e, apologies("b"))
    assert not result.verdict.quorate
    assert result.chase is None
    assert result.sent_apologies == ("b",)
    assert forecast_text(result, {}).splitlines()[-1] == (
        "Even if everyone who sent apologies came, it would not be quorate."
    )


def test_no_apologies_but_still_inquorate_is_none() -> None:
    seats = [seat("S1", "a"), *(seat(f"S{i}", None) for i in range(2, 6))]
    e = engine({"count": {"min": 2}}, seats)
    assert forecast(e, []).chase is None


def test_remote_attendance_already_recorded_is_kept() -> None:
    """A council rule where remote attendance does not count: someone who has said they
    will join remotely is not assumed to come in person."""
    e = engine({"count": {"min": 6}}, board(), remote={"counts": False})
    recorded = [Attendance(person="m1", seats=("S4",), mode=Mode.REMOTE)]
    result = forecast(e, recorded)
    assert not result.verdict.quorate
    assert result.chase is None
    rows = {r.person: r for r in expected_attendance(e, recorded)}
    assert rows["m1"].mode is Mode.REMOTE
    assert rows["m2"].capacity is Capacity.MEMBER and rows["m2"].seats == ("S5",)


@pytest.mark.parametrize("remote_counts", [True, False])
def test_a_member_who_said_they_would_join_remotely_is_forecast_as_remote(
    remote_counts: bool,
) -> None:
    """m1 told the secretary before the meeting that they will join remotely: their row is
    attending (expected) with mode remote, and nothing has happened in the room yet (no
    arrival in the timeline). The forecast counts them as a remote member: counted where
    the ToR counts remote attendance (People Board 5.3), not where it does not (a council
    committee, Hertfordshire)."""
    e = engine({"count": {"min": 6}}, board(), remote={"counts": remote_counts})
    said = Attendance(person="m1", seats=("S4",), mode=Mode.REMOTE)
    record = MeetingRecord(
        meeting=Meeting(committee="X", date=ON),
        agenda=(AgendaItem(number=1, title="Welcome"),),
        attendance=(said,),
    )
    assert said.is_attending and record.events == () and not record.attended(said)
    result = forecast(e, record.attendance)
    assert result.expected == ("c", "d", "m1", "m2", "m3", "m4")
    if remote_counts:
        assert result.verdict.quorate and result.chase == ()
        assert "m1" in result.verdict.counted
    else:
        assert not result.verdict.quorate
        assert result.verdict.counted == ("c", "d", "m2", "m3", "m4")
        assert [(x.person, x.reason) for x in result.verdict.excluded] == [
            ("m1", "remote: does not count at this committee")
        ]
        assert result.chase is None  # nobody sent apologies: nobody to chase


def test_people_not_holding_seats_are_not_listed_as_apologies() -> None:
    e = engine(CHAIR_AND_THREE, board())
    result = forecast(e, apologies("an-officer", "m1"))
    assert result.sent_apologies == ("m1",)


def test_the_greedy_fallback_still_finds_a_quorate_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forecast_module, "MAX_EXHAUSTIVE_CHECKS", 0)
    e = engine(CHAIR_AND_THREE, board())
    result = forecast(e, apologies("c", "d", "m1", "m2", "m3"))
    assert result.chase is not None
    assert "c" in result.chase
    rows = [
        *expected_attendance(e, apologies("c", "d", "m1", "m2", "m3")),
        *(Attendance(person=p, seats=tuple(s.id for s in e.seats_held[p])) for p in result.chase),
    ]
    assert e.evaluate(rows).quorate
