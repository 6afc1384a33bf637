"""Compliance over a period (domain/compliance.py, docs/compliance.md) on the demo
meetings: meetings held against the ToR's number a year, the quorum and each decision's
flag as the minutes give them, the turnaround rule for minutes, actions overdue and
escalated."""

from __future__ import annotations

from datetime import date

from minutebook.domain.actions import Action, ActionStatus
from minutebook.domain.committee import HouseStyle
from minutebook.domain.compliance import (
    Compliance,
    Turnaround,
    compliance_over,
    figures,
    meetings_due,
    turnaround_for,
    working_day_after,
)
from minutebook.domain.meeting import DecisionFlag, DecisionVerb, MeetingRecord, MinutesStatus
from minutebook.domain.quorum import TermsOfReference
from minutebook.domain.reviews import ActionReview, ReviewedState
from minutebook.store import Store

TODAY = date(2026, 12, 1)


def _records(store: Store, code: str) -> list[MeetingRecord]:
    return [store.meeting_record(m.id) for m in store.meetings(code) if m.id]


def _judge(
    store: Store,
    code: str,
    records: list[MeetingRecord] | None = None,
    versions: list[TermsOfReference] | None = None,
    actions: list[Action] | None = None,
    reviews: dict[int, list[ActionReview]] | None = None,
    start: date = date(2022, 4, 1),
    end: date = date(2024, 3, 31),
) -> Compliance:
    return compliance_over(
        store.committee(code),
        versions if versions is not None else store.terms_of_reference(code),
        store.seats(code),
        store.organisations(code),
        records if records is not None else _records(store, code),
        actions if actions is not None else store.actions(code),
        reviews if reviews is not None else store.reviews_of(code),
        start,
        end,
        TODAY,
    )


def _moved(record: MeetingRecord, **changes: object) -> MeetingRecord:
    return record.model_copy(update={"meeting": record.meeting.model_copy(update=changes)})


def test_the_demo_meetings_held_were_quorate_with_no_decision_flagged(demo_reader: Store) -> None:
    hcp = _judge(demo_reader, "HCP")
    # 13 June 2023 was held; 20 September 2023 has an agenda and nobody recorded.
    assert [m.meeting.date for m in hcp.held] == [date(2023, 6, 13)]
    assert [(m.date, why) for m, why in hcp.not_held] == [
        (date(2023, 9, 20), "no attendance recorded")
    ]
    assert hcp.held[0].quorate_throughout is True
    assert hcp.quorate_words == (
        "quorate throughout at 1 of 1 meetings (100%); at every decision at 1 of 1"
    )
    assert len(hcp.decisions) == 7 and not hcp.inquorate and not hcp.chairs_action
    assert hcp.frequency_words == (
        "1 meeting held; the terms of reference set no number of meetings a year"
    )
    icb = _judge(demo_reader, "ICB")
    assert [m.meeting.date for m in icb.held] == [date(2022, 7, 1)]
    assert icb.quorate_throughout == 1
    # Item 5's "NOTED" (the Constitution) is business noted, not a decision made.
    assert (len(icb.decisions), sum(d.decides for d in icb.decisions)) == (11, 10)


def test_decisions_at_an_inquorate_meeting_are_flagged_as_the_minutes_flag_them(
    demo_reader: Store,
) -> None:
    # The same record under a ToR asking for more members than came (14 of 19 present):
    # the quorum engine finds it inquorate, and so each decision made is flagged as
    # taken while inquorate, as the minutes would flag it; one recorded as Chair's action
    # is Chair's action.
    current = demo_reader.terms_of_reference("HCP")[0]
    strict = current.model_copy(
        update={"quorum": current.quorum.model_copy(update={"requirement": {"count": {"min": 18}}})}
    )
    records = _records(demo_reader, "HCP")
    minute = records[0].minutes[4]  # HCP5, three resolutions
    chaired = minute.model_copy(
        update={
            "decisions": (
                minute.decisions[0].model_copy(update={"chairs_action": True}),
                *minute.decisions[1:],
            )
        }
    )
    held = records[0].model_copy(
        update={"minutes": (*records[0].minutes[:4], chaired, *records[0].minutes[5:])}
    )
    report = _judge(demo_reader, "HCP", [held, *records[1:]], [strict])
    assert report.held[0].quorate_at_opening is False
    assert report.held[0].quorate_throughout is False
    assert report.quorate_words == (
        "quorate throughout at 0 of 1 meetings (0%); at every decision at 0 of 1"
    )
    made = [d for d in report.decisions if d.decides]
    assert [d.flag for d in report.chairs_action] == [DecisionFlag.CHAIRS_ACTION]
    assert len(report.inquorate) == len(made) - 1
    assert report.inquorate[0].place.startswith("minute HCP")
    assert dict(figures(report))["Decisions"] == (
        "4 decisions made; 3 taken while inquorate; 1 by Chair's action"
    )
    # Inquorate throughout, but with only business noted it took no decision without
    # a quorum: quorate at every decision.
    noted = held.model_copy(
        update={
            "minutes": tuple(
                m.model_copy(
                    update={
                        "decisions": tuple(
                            d.model_copy(update={"verb": DecisionVerb.NOTED}) for d in m.decisions
                        )
                    }
                )
                for m in held.minutes
            )
        }
    )
    only_noted = _judge(demo_reader, "HCP", [noted, *records[1:]], [strict])
    assert (only_noted.quorate_throughout, only_noted.quorate_at_decisions) == (0, 1)
    assert only_noted.inquorate == ()


def test_no_terms_of_reference_means_the_quorum_is_not_known(demo_reader: Store) -> None:
    report = _judge(demo_reader, "HCP", versions=[])
    assert report.held[0].quorate_at_opening is None
    assert report.quorum_known == 0
    assert report.quorate_words == "quorum not known at any meeting held"
    # A period with no meeting held says so, not that the quorum is unknown.
    empty = _judge(demo_reader, "HCP", records=[], start=date(2026, 4, 1), end=date(2026, 12, 1))
    assert empty.quorate_words == "no meeting held to judge"
    assert all(d.flag is None for d in report.decisions)


def test_meetings_due_in_a_period_are_in_proportion_to_a_year() -> None:
    assert meetings_due(6, date(2023, 4, 1), date(2024, 3, 31)) == 6  # 366 days
    assert meetings_due(6, date(2022, 4, 1), date(2023, 3, 31)) == 6
    assert meetings_due(4, date(2023, 4, 1), date(2023, 9, 30)) == 2  # half a year
    assert meetings_due(12, date(2023, 1, 1), date(2023, 1, 31)) == 1
    assert meetings_due(4, date(2023, 1, 1), date(2023, 1, 31)) == 0


def test_the_frequency_is_judged_against_the_version_in_force(demo_reader: Store) -> None:
    current = demo_reader.terms_of_reference("ICB")[0]
    six = current.model_copy(update={"meetings_per_year": 6})
    report = _judge(
        demo_reader, "ICB", versions=[six], start=date(2022, 4, 1), end=date(2023, 3, 31)
    )
    assert (report.per_year, report.due, report.meets_often_enough) == (6, 6, False)
    assert report.frequency_words == (
        "1 meeting held; the terms of reference ask for at least 6 a year: 5 short"
    )
    half = _judge(demo_reader, "ICB", versions=[six], start=date(2022, 7, 1), end=date(2022, 7, 31))
    assert half.frequency_words == (
        "1 meeting held; the terms of reference ask for at least 6 a year (1 in the period): met"
    )


def test_working_days_skip_weekends() -> None:
    # 13 June 2023 was a Tuesday: ten working days later is Tuesday 27 June.
    assert working_day_after(date(2023, 6, 13), 10) == date(2023, 6, 27)
    # A Friday meeting: the first working day after is the Monday.
    assert working_day_after(date(2022, 7, 1), 1) == date(2022, 7, 4)


def test_the_turnaround_rule_defaults_to_the_house_styles_usual() -> None:
    assert turnaround_for(None, HouseStyle.NHS) == Turnaround(10, True)
    assert turnaround_for(None, HouseStyle.COUNCIL) == Turnaround(None, True)
    assert turnaround_for(None, HouseStyle.NHS).words == (
        "draft circulated within 10 working days; approved at the next meeting"
    )


def test_the_turnaround_rule_set_in_the_terms(demo_reader: Store) -> None:
    current = demo_reader.terms_of_reference("ICB")[0]
    none = current.model_copy(
        update={"minutes_circulated_within": 0, "minutes_approved_at_next": False}
    )
    assert turnaround_for(none, HouseStyle.NHS) == Turnaround(None, False, from_terms=True)
    five = current.model_copy(update={"minutes_circulated_within": 5})
    assert turnaround_for(five, HouseStyle.COUNCIL) == Turnaround(5, True, from_terms=True)
    # The demo's ToR sets neither part: the rule is the house style's, not the terms'.
    assert not turnaround_for(current, HouseStyle.NHS).from_terms


def test_minutes_circulated_or_approved_late(demo_reader: Store) -> None:
    # The ICB Board (NHS: within 10 working days, approved at the next meeting): 1 July
    # 2022's minutes circulated on 20 July (due by 15 July); the next meeting held (the
    # record of 1 July again, on 29 July) did not approve them.
    first, _agenda_only = _records(demo_reader, "ICB")
    late = _moved(first, circulated_on=date(2022, 7, 20), status=MinutesStatus.CIRCULATED)
    following = _moved(first, id=99, date=date(2022, 7, 29))
    report = _judge(demo_reader, "ICB", [late, following])
    assert report.held[0].late_minutes == (
        "circulated 20/07/2022, due by 15/07/2022",
        "not approved at the next meeting (29/07/2022)",
    )
    # The rule (the house style's: the demo's ToR sets none), then how the period kept
    # it: one meeting's minutes late twice over; the next meeting's, brought in as
    # circulated with no date, neither late nor on time.
    assert [m.id for m in report.circulation_undated] == [99]
    assert dict(figures(report))["Minutes"] == (
        "rule (the house style's usual: the ToR sets none): draft circulated within 10 "
        "working days; approved at the next meeting; late for 1 meeting; circulation not "
        "dated for 1 meeting"
    )
    # Approved at a meeting after the next one.
    approved = _moved(late, approved_on=date(2022, 9, 30), status=MinutesStatus.APPROVED)
    report = _judge(demo_reader, "ICB", [approved, following])
    assert report.held[0].late_minutes[1] == (
        "approved 30/09/2022, not at the next meeting (29/07/2022)"
    )
    # Circulated in time and approved at the next meeting: nothing late.
    kept = _moved(
        first,
        circulated_on=date(2022, 7, 15),
        approved_on=date(2022, 7, 29),
        status=MinutesStatus.APPROVED,
    )
    assert _judge(demo_reader, "ICB", [kept, following]).held[0].late_minutes == ()
    # A draft never circulated is late once its deadline has passed.
    draft = _moved(first, status=MinutesStatus.DRAFT)
    assert _judge(demo_reader, "ICB", [draft]).late_minutes[0][1] == (
        "not circulated, due by 15/07/2022"
    )


def test_actions_overdue_and_escalated_at_the_end_of_the_period(demo_reader: Store) -> None:
    agreed = date(2022, 7, 1)

    def action(number: int, **values: object) -> Action:
        return Action(
            committee="ICB",
            number=number,
            meeting_date=agreed,
            description=f"Action {number}",
            owner="wogan",
            **values,  # type: ignore[arg-type]
        )

    actions = [
        action(1, due=date(2022, 9, 30), status=ActionStatus.IN_PROGRESS),  # overdue by March
        action(2, due=date(2023, 6, 30), status=ActionStatus.IN_PROGRESS),  # not yet due
        action(3, due=date(2022, 9, 30), status=ActionStatus.OUTSTANDING, rag="black"),
        action(4, due=date(2022, 9, 30), status=ActionStatus.CLOSED, closed_on=date(2022, 10, 1)),
        action(5, due=date(2022, 9, 30), status=ActionStatus.COMPLETE_PROPOSE_CLOSURE),
    ]
    report = _judge(demo_reader, "ICB", actions=actions, end=date(2023, 3, 31))
    assert report.actions_agreed == 5
    assert [a.number for a in report.overdue] == [1, 3]
    assert [a.number for a in report.escalated] == [3]
    assert report.escalation_kept
    assert dict(figures(report))["Actions"] == (
        "5 actions agreed in the period; 2 overdue on 31/03/2023; 1 escalated"
    )
    # A council's key does not escalate: its black is "no further action".
    council = _judge(demo_reader, "HCP", actions=[])
    assert not council.escalation_kept and council.escalated == ()


def test_actions_are_judged_as_they_stood_at_the_end_of_the_period(demo_reader: Store) -> None:
    """A year's report counts what was overdue at its end: an action closed at a later
    meeting, or given a new deadline there, was still overdue then."""

    def action(number: int, **values: object) -> Action:
        return Action(
            id=number,
            committee="ICB",
            number=number,
            meeting_date=date(2022, 7, 1),
            description=f"Action {number}",
            owner="wogan",
            **values,  # type: ignore[arg-type]
        )

    def reviewed(was: Action, on: date, now: Action) -> tuple[Action, ActionReview]:
        review = ActionReview(
            action_id=was.id,
            meeting_date=on,
            status=now.status,
            revised_due=now.due if now.due != was.due else None,
            before=ReviewedState.of(was),
        )
        return now, review

    was = action(1, due=date(2022, 9, 30), status=ActionStatus.IN_PROGRESS)
    closed_later = reviewed(
        was,
        date(2023, 5, 10),
        was.model_copy(update={"status": ActionStatus.CLOSED, "closed_on": date(2023, 5, 10)}),
    )
    was = action(2, due=date(2022, 9, 30), status=ActionStatus.IN_PROGRESS)
    extended_later = reviewed(
        was,
        date(2023, 5, 10),
        was.model_copy(update={"due": date(2023, 12, 31), "past_deadlines": (was.due,)}),
    )
    was = action(3, due=date(2022, 9, 30), status=ActionStatus.IN_PROGRESS)
    closed_in_year = reviewed(
        was,
        date(2023, 2, 1),
        was.model_copy(update={"status": ActionStatus.CLOSED, "closed_on": date(2023, 2, 1)}),
    )
    pairs = [closed_later, extended_later, closed_in_year]
    actions = [now for now, _ in pairs]
    reviews = {now.id or 0: [review] for now, review in pairs}
    year = _judge(demo_reader, "ICB", actions=actions, reviews=reviews, end=date(2023, 3, 31))
    assert [a.number for a in year.overdue] == [1, 2]
    assert [a.due for a in year.overdue] == [date(2022, 9, 30)] * 2  # the deadline then
    # The next year, judged today: 1 and 3 are closed, 2 is past its new deadline.
    nxt = _judge(
        demo_reader,
        "ICB",
        actions=actions,
        reviews=reviews,
        start=date(2023, 4, 1),
        end=date(2024, 3, 31),
    )
    assert [(a.number, a.due) for a in nxt.overdue] == [(2, date(2023, 12, 31))]
    # Without the reviews, the year would be judged on today's state: 1 closed since,
    # 2 given a later deadline since, so nothing overdue.
    today_state = _judge(demo_reader, "ICB", actions=actions, reviews={}, end=date(2023, 3, 31))
    assert today_state.overdue == ()
