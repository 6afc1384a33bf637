"""The minutes' lifecycle: circulated, approved at a later meeting, signed and locked
(docs/lifecycle.md), with the approval worded as seed 001 and seed 003 word it."""

from __future__ import annotations

from datetime import date

import pytest

from minutebook.domain.audit import AuditEntry
from minutebook.domain.base import Refused
from minutebook.domain.committee import Committee, HouseStyle
from minutebook.domain.lifecycle import (
    Approval,
    approval_words,
    approve,
    circulated,
    lifecycle_steps,
    lifecycle_words,
    locked_message,
    minutes_item,
    previous_meeting,
)
from minutebook.domain.meeting import AgendaItem, DecisionVerb, Meeting, MinutesStatus

JUNE = Meeting(id=1, committee="HCP", date=date(2023, 6, 13))
SEPT = Meeting(id=2, committee="HCP", date=date(2023, 9, 20))
HCP = Committee(code="HCP", name="Health and Care Partnership")
ICB = Committee(code="ICB", name="Board of the ICB", house_style=HouseStyle.NHS)
TODAY = date(2023, 9, 20)


def _approval(**changes: object) -> Approval:
    values: dict[str, object] = {
        "meeting_id": 1,
        "at_meeting_id": 2,
        "item": 2,
        "chair": "Councillor Marland",
        "signed_on": date(2023, 9, 20),
    }
    return Approval.model_validate(values | changes)


def test_circulating_dates_the_step() -> None:
    sent = circulated(JUNE, date(2023, 6, 26), has_record=True)
    assert sent.status is MinutesStatus.CIRCULATED
    assert sent.circulated_on == date(2023, 6, 26)


def test_minutes_with_no_record_cannot_be_circulated() -> None:
    with pytest.raises(Refused, match="meeting of 13 June 2023 has no minutes recorded yet"):
        circulated(JUNE, date(2023, 6, 26), has_record=False)


def test_minutes_are_circulated_once_and_not_before_the_meeting() -> None:
    sent = circulated(JUNE, date(2023, 6, 26), has_record=True)
    with pytest.raises(Refused, match="already circulated on 26 June 2023"):
        circulated(sent, date(2023, 6, 27), has_record=True)
    with pytest.raises(Refused, match="before the meeting took place"):
        circulated(JUNE, date(2023, 6, 12), has_record=True)


def test_approval_signs_and_locks_the_earlier_minutes() -> None:
    signed = approve(JUNE, SEPT, _approval(), today=TODAY, has_record=True)
    assert signed.status is MinutesStatus.SIGNED and signed.is_locked
    assert signed.approved_on == date(2023, 9, 20)
    assert signed.signed_on == date(2023, 9, 20)


def test_minutes_of_a_meeting_not_yet_held_cannot_be_approved() -> None:
    future = Meeting(id=3, committee="HCP", date=date(2023, 11, 1))
    later = Meeting(id=4, committee="HCP", date=date(2023, 12, 1))
    with pytest.raises(Refused, match="meeting of 1 November 2023 has not happened yet"):
        approve(future, later, _approval(), today=TODAY, has_record=True)


def test_minutes_are_approved_only_at_a_later_meeting() -> None:
    with pytest.raises(
        Refused, match="only be approved at a later meeting, not at the meeting of 13 June"
    ):
        approve(SEPT, JUNE, _approval(), today=TODAY, has_record=True)
    with pytest.raises(Refused, match="later meeting"):
        approve(JUNE, JUNE, _approval(), today=TODAY, has_record=True)


def test_minutes_are_approved_once() -> None:
    signed = approve(JUNE, SEPT, _approval(), today=TODAY, has_record=True)
    with pytest.raises(Refused, match="13 June 2023 were already approved on 20 September 2023"):
        approve(signed, SEPT, _approval(), today=TODAY, has_record=True)


def test_minutes_are_approved_only_at_a_meeting_held_after_they_were_circulated() -> None:
    sent = circulated(JUNE, date(2023, 9, 27), has_record=True)
    with pytest.raises(Refused) as refused:
        approve(sent, SEPT, _approval(), today=TODAY, has_record=True)
    assert str(refused.value) == (
        "the minutes of 13 June 2023 were circulated on 27 September 2023, after the "
        "meeting of 20 September 2023: they are approved at a meeting held after they "
        "were circulated"
    )
    on_the_day = circulated(JUNE, SEPT.date, has_record=True)
    assert approve(on_the_day, SEPT, _approval(), today=TODAY, has_record=True).is_locked


def test_another_committees_minutes_and_empty_minutes_are_refused() -> None:
    other = Meeting(id=5, committee="ICB", date=date(2023, 6, 1))
    with pytest.raises(Refused, match="another committee's"):
        approve(other, SEPT, _approval(), today=TODAY, has_record=True)
    with pytest.raises(Refused, match="no minutes recorded: there is nothing to approve"):
        approve(JUNE, SEPT, _approval(), today=TODAY, has_record=False)


def test_the_chair_signs_at_or_after_the_approving_meeting() -> None:
    with pytest.raises(Refused, match="cannot sign on 19 September 2023"):
        approve(JUNE, SEPT, _approval(signed_on=date(2023, 9, 19)), today=TODAY, has_record=True)


def test_signed_minutes_refuse_every_change_naming_the_meeting() -> None:
    signed = approve(JUNE, SEPT, _approval(), today=TODAY, has_record=True)
    assert not JUNE.is_locked
    assert signed.is_locked
    assert locked_message(signed) == (
        "the minutes of 13 June 2023 are signed and locked: record a correction at a later meeting"
    )


def test_council_wording_follows_seed_001() -> None:
    # Seed 001, HCP2: "That the Minutes of the meeting of the Health and Care Partnership
    # held on 22 February 2023 be approved and signed by the Chair as a correct record."
    verb, text = approval_words(_approval(), JUNE, HCP)
    assert verb is DecisionVerb.RESOLVED
    assert text == (
        "That the Minutes of the meeting of the Health and Care Partnership held on "
        "13 June 2023 be approved and signed by the Chair as a correct record."
    )
    _, amended = approval_words(_approval(amendment="HCP5: for 'May' read 'June'."), JUNE, HCP)
    assert amended.endswith(
        "as a correct record, subject to the following amendment: HCP5: for 'May' read 'June'."
    )


def test_nhs_wording_approves_the_draft_minutes() -> None:
    board = Meeting(id=6, committee="ICB", date=date(2022, 7, 1))
    verb, text = approval_words(_approval(), board, ICB)
    assert verb is DecisionVerb.APPROVED
    assert (
        text == "The minutes of the meeting held on 1 July 2022 were approved as a correct record."
    )


def test_a_blank_amendment_is_a_correct_record() -> None:
    assert _approval(amendment="   ").amendment is None


def test_previous_meeting_and_its_item() -> None:
    other = Meeting(id=7, committee="ICB", date=date(2023, 9, 1))
    assert previous_meeting([SEPT, JUNE, other], SEPT) == JUNE
    assert previous_meeting([SEPT, JUNE], JUNE) is None
    agenda = [
        AgendaItem(number=1, title="Welcome, Introductions and Apologies"),
        AgendaItem(number=2, title="Minutes"),
        AgendaItem(number=3, title="Actions Arising"),
    ]
    assert (found := minutes_item(agenda)) is not None and found.number == 2
    board = [AgendaItem(number=3, title="Approval of Minutes and Matters Arising")]
    assert (found := minutes_item(board)) is not None and found.number == 3
    assert minutes_item(agenda[:1]) is None


def test_lifecycle_steps_carry_their_dates() -> None:
    assert lifecycle_words(JUNE) == "draft"
    sent = circulated(JUNE, date(2023, 6, 26), has_record=True)
    assert lifecycle_words(sent) == "circulated 26/06/2023"
    signed = approve(sent, SEPT, _approval(), today=TODAY, has_record=True)
    assert [s for s, _ in lifecycle_steps(signed)] == list(MinutesStatus)
    assert lifecycle_words(signed) == (
        "signed 20/09/2023 (circulated 26/06/2023, approved 20/09/2023)"
    )


def test_a_meeting_cannot_hold_steps_out_of_order() -> None:
    with pytest.raises(ValueError, match="circulated before the meeting"):
        JUNE.model_copy(update={"circulated_on": date(2023, 6, 1)})
    with pytest.raises(ValueError, match="signed before they are approved"):
        JUNE.model_copy(update={"approved_on": date(2023, 9, 20), "signed_on": date(2023, 9, 1)})


def test_an_audit_entry_names_only_what_the_change_altered() -> None:
    update = AuditEntry(
        meeting_id=1,
        table="minutes",
        row=7,
        change="update",
        before='{"id": 7, "item": 2, "narrative": "The plan."}',
        after='{"id": 7, "item": 2, "narrative": "The plan was noted."}',
        at="2023-06-21T10:00:00",
    )
    assert update.differences() == [("narrative", "The plan.", "The plan was noted.")]
    insert = update.model_copy(update={"change": "insert", "before": None})
    assert insert.differences() == [
        ("item", None, 2),
        ("narrative", None, "The plan was noted."),
    ]
