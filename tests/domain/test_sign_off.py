"""How minutes end and where they stand, in the domain (docs/lifecycle.md): the sign-off
of approved minutes from their approval (seed 001's "approved and signed by the Chair as
a correct record", seed 003's Name / Role / Date), blank until then; the step each
meeting's minutes stand at, for the lists; whether they can be marked circulated."""

from __future__ import annotations

from datetime import date

from minutebook.domain.committee import Committee, Membership, Organisation, Person, Seat
from minutebook.domain.lifecycle import (
    Approval,
    SignOff,
    amendment_words,
    circulation_problem,
    correct_record_words,
    lifecycle_stage,
    sign_off,
)
from minutebook.domain.meeting import MinutesStatus
from tests.domain.test_lifecycle import JUNE, SEPT
from tests.domain.test_lifecycle import _approval as approval

HCP = Membership(
    committee=Committee(code="HCP", name="Health and Care Partnership"),
    organisations=(Organisation(id="MKCC", name="Milton Keynes City Council"),),
    people=(Person(id="marland", name="Peter Marland", honorific="Councillor"),),
    seats=(Seat(id="C", title="Chair", holder="marland", org="MKCC", tags=("chair",)),),
)
SIGNED = JUNE.model_copy(
    update={
        "status": MinutesStatus.SIGNED,
        "circulated_on": date(2023, 6, 26),
        "approved_on": date(2023, 9, 20),
        "signed_on": date(2023, 9, 21),
    }
)


def _approval(**changes: object) -> Approval:
    """Signed on 21 September, the Chair's name typed in lower case."""
    return approval(**({"chair": "peter marland", "signed_on": date(2023, 9, 21)} | changes))


def test_draft_and_circulated_minutes_have_a_blank_sign_off() -> None:
    for meeting in (JUNE, JUNE.model_copy(update={"status": MinutesStatus.CIRCULATED})):
        assert sign_off(meeting, None, None, HCP) == SignOff()
    blank = SignOff()
    assert not blank.approved and blank.chair is None and blank.signed_on is None
    assert blank.role == "Chair"


def test_signed_minutes_are_signed_off_from_their_approval() -> None:
    signed = sign_off(SIGNED, _approval(), SEPT, HCP)
    # The name as typed is the committee's Peter Marland: his name and honorific.
    assert (signed.chair, signed.signatory) == ("Peter Marland", "Councillor Peter Marland")
    assert (signed.signed_on, signed.approved_at) == (date(2023, 9, 21), date(2023, 9, 20))
    assert correct_record_words(signed) == (
        "Approved and signed by the Chair as a correct record at the meeting held on "
        "20 September 2023."
    )
    assert amendment_words(signed) is None


def test_a_chair_the_committee_does_not_know_signs_by_the_name_typed() -> None:
    signed = sign_off(SIGNED, _approval(chair="Tracey Stock"), SEPT, HCP)
    assert (signed.chair, signed.signatory, signed.honorific) == (
        "Tracey Stock",
        "Tracey Stock",
        None,
    )


def test_an_amendment_is_said_in_both_styles() -> None:
    signed = sign_off(SIGNED, _approval(amendment="HCP5: for 'A' read 'B'."), SEPT, HCP)
    assert correct_record_words(signed).endswith(
        "held on 20 September 2023, subject to the following amendment: HCP5: for 'A' read 'B'."
    )
    assert amendment_words(signed) == (
        "Approved at the meeting held on 20 September 2023 subject to the following "
        "amendment: HCP5: for 'A' read 'B'."
    )


def test_minutes_approved_with_no_approval_recorded_are_signed_by_the_chair_in_post() -> None:
    approved = JUNE.model_copy(
        update={"status": MinutesStatus.APPROVED, "approved_on": date(2023, 9, 20)}
    )
    signed = sign_off(approved, None, None, HCP)
    assert signed.approved
    assert (signed.signatory, signed.signed_on) == ("Councillor Peter Marland", date(2023, 9, 20))


def test_the_stage_of_the_minutes_for_a_narrow_column() -> None:
    assert lifecycle_stage(JUNE) == "draft"
    circulated = JUNE.model_copy(
        update={"status": MinutesStatus.CIRCULATED, "circulated_on": date(2023, 6, 26)}
    )
    assert lifecycle_stage(circulated) == "circulated 26/06/2023"
    assert lifecycle_stage(SIGNED) == "signed 21/09/2023"
    undated = JUNE.model_copy(update={"status": MinutesStatus.CIRCULATED})
    assert lifecycle_stage(undated) == "circulated"


def test_whether_minutes_can_be_marked_circulated_says_why_not() -> None:
    assert circulation_problem(JUNE, date(2023, 6, 26), has_record=True) is None
    assert circulation_problem(SIGNED, date(2023, 9, 22), has_record=True) == (
        "the minutes of the meeting of 13 June 2023 are already signed on 21 September 2023"
    )
    assert "nothing to circulate" in (
        circulation_problem(JUNE, date(2023, 6, 26), has_record=False) or ""
    )
    assert "before the meeting took place" in (
        circulation_problem(JUNE, date(2023, 6, 12), has_record=True) or ""
    )
