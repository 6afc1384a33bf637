"""Setting up a committee as a service: what the committee screen's forms ask, against a
real store on a temporary file (the HCP committee of the shared fixtures: council style,
minute numbers by municipal year from May). No Textual: each rule the screen used to
decide for itself is checked here in milliseconds, and against what the store keeps."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from minutebook.application.committee import CommitteeSetup
from minutebook.domain import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Meeting,
    MinutesStatus,
    Organisation,
    Person,
    Seat,
    Session,
)
from minutebook.domain.base import Refused
from minutebook.domain.committee import PaperSize
from minutebook.store import Store

TODAY = datetime(2026, 11, 25, 10, 0)


@pytest.fixture
def setup(committee_store: Store) -> CommitteeSetup:
    committee_store.add_organisation("HCP", Organisation(id="MKCC", name="Milton Keynes Council"))
    committee_store.add_member(
        "HCP",
        Seat(id="S1", title="Chair", holder="ann-lee", org="MKCC", tags=("chair",)),
        Person(id="ann-lee", name="Ann Lee", honorific="Councillor", email="ann@example.org"),
    )
    return CommitteeSetup(committee_store, "HCP", lambda: TODAY)


def seat(store: Store, seat_id: str) -> Seat:
    return next(s for s in store.seats("HCP") if s.id == seat_id)


# -- members ------------------------------------------------------------------------------


def test_adding_a_member_creates_the_holder_and_the_unknown_deputies(
    setup: CommitteeSetup, committee_store: Store
) -> None:
    saved = setup.save_member(
        name="  Mia Khan ",
        honorific="Dr",
        initials="MK",
        title="Clinical Lead",
        org="MKCC",
        tags="Clinician, Vice Chair",
        term_from="01/06/2026",
        deputies="Sam Patel, ann lee, sam patel",
    )
    added = seat(committee_store, "S2")
    assert saved.seat == added
    assert added.title == "Clinical Lead"
    assert added.tags == ("clinician", "vice_chair")
    assert added.term_from == date(2026, 6, 1)
    holder = committee_store.person(added.holder or "")
    assert (holder.id, holder.name, holder.honorific, holder.initials) == (
        "mia-khan",
        "Mia Khan",
        "Dr",
        "MK",
    )
    # Sam Patel is new (named twice, one person); "ann lee" is the Ann Lee already known.
    assert added.named_deputies == ("sam-patel", "ann-lee")
    assert committee_store.person("sam-patel").name == "Sam Patel"
    assert [p.id for p in committee_store.people()] == ["ann-lee", "mia-khan", "sam-patel"]
    assert saved.said == "Saved Dr Mia Khan (Clinical Lead)."
    assert saved.warning == ""


def test_a_seat_with_no_name_is_a_vacancy(setup: CommitteeSetup, committee_store: Store) -> None:
    saved = setup.save_member(name="", title="Member", voting=False)
    assert saved.holder is None
    assert seat(committee_store, "S2").is_vacant
    assert seat(committee_store, "S2").voting is False
    assert saved.said == "Saved vacant seat (Member)."


def test_editing_keeps_the_seat_its_id_and_its_retirement(
    setup: CommitteeSetup, committee_store: Store
) -> None:
    committee_store.retire_seat("HCP", "S1", date(2026, 1, 1))
    existing, values = setup.member_values("S1")
    assert values["name"] == "Ann Lee" and values["tags"] == "chair"
    setup.save_member(existing, **{**values, "title": "Chair of the Partnership"})
    (only,) = committee_store.seats("HCP")
    assert only.id == "S1"
    assert only.title == "Chair of the Partnership"
    assert only.holder == "ann-lee"
    assert only.retired_on == date(2026, 1, 1)
    # The holder is the same person, with what only the store knew (her email) kept.
    assert committee_store.person("ann-lee").email == "ann@example.org"


def test_a_new_name_for_the_holder_is_a_new_holder_not_a_rename(
    setup: CommitteeSetup, committee_store: Store
) -> None:
    existing, values = setup.member_values("S1")
    saved = setup.save_member(existing, **{**values, "name": "Pete Marland", "honorific": ""})
    assert saved.seat.id == "S1"
    assert saved.seat.holder == "pete-marland"
    # Ann Lee is still Ann Lee (past minutes name her), no longer holding the seat.
    assert committee_store.person("ann-lee").name == "Ann Lee"
    assert committee_store.person("pete-marland").email is None


def test_the_holders_name_in_other_letters_is_the_same_person_corrected(
    setup: CommitteeSetup, committee_store: Store
) -> None:
    existing, values = setup.member_values("S1")
    setup.save_member(existing, **{**values, "name": "Ann LEE"})
    assert seat(committee_store, "S1").holder == "ann-lee"
    assert committee_store.person("ann-lee").name == "Ann LEE"
    assert [p.id for p in committee_store.people()] == ["ann-lee"]


def test_a_known_persons_name_makes_them_the_holder(
    setup: CommitteeSetup, committee_store: Store
) -> None:
    setup.save_member(name="ann lee", honorific="Councillor", title="Vice-Chair")
    assert seat(committee_store, "S2").holder == "ann-lee"
    assert committee_store.person("ann-lee").email == "ann@example.org"


def test_a_term_ending_before_it_starts_is_refused_in_the_domains_words_and_nothing_stored(
    setup: CommitteeSetup, committee_store: Store
) -> None:
    seats, people = committee_store.seats("HCP"), committee_store.people()
    with pytest.raises(Refused) as refused:
        setup.save_member(
            name="Zoe Ng",
            title="Member",
            term_from="01/06/2026",
            term_to="01/01/2026",
            deputies="Sam Patel",
        )
    assert str(refused.value) == (
        "the term of office ends (01/01/2026) before it starts (01/06/2026)"
    )
    assert committee_store.seats("HCP") == seats
    assert committee_store.people() == people


def test_each_bad_field_is_refused_with_the_forms_label(setup: CommitteeSetup) -> None:
    with pytest.raises(Refused, match=r"^Term from: '31/02/2026' is not a real date$"):
        setup.save_member(name="Zoe Ng", title="", term_from="31/02/2026")
    with pytest.raises(Refused, match=r"^Role: must be filled in$"):
        setup.save_member(name="Zoe Ng", title="")
    with pytest.raises(Refused, match="a member cannot be named as their own deputy"):
        setup.save_member(name="Ann Lee", title="Member", deputies="Ann Lee")


def test_an_unknown_organisation_is_refused_by_the_store(setup: CommitteeSetup) -> None:
    with pytest.raises(Refused, match=r"^organisation 'NOPE' is not on this committee$"):
        setup.save_member(name="Zoe Ng", title="Member", org="NOPE")


def test_a_tag_no_preset_uses_is_saved_with_a_warning(
    setup: CommitteeSetup, committee_store: Store
) -> None:
    saved = setup.save_member(name="Zoe Ng", title="Member", tags="chiar, executive")
    assert seat(committee_store, "S2").tags == ("chiar", "executive")
    assert saved.unusual_tags == ("chiar",)
    assert saved.warning.startswith("Tag chiar is not one the quorum presets use (chair, ")


def test_retiring_a_member_is_from_today_and_reinstating_undoes_it(
    setup: CommitteeSetup, committee_store: Store
) -> None:
    assert setup.retire_member("S1") == date(2026, 11, 25)
    assert seat(committee_store, "S1").retired_on == date(2026, 11, 25)
    setup.reinstate_member("S1")
    assert seat(committee_store, "S1").retired_on is None


# -- organisations ------------------------------------------------------------------------


def test_organisations_are_added_changed_but_never_renumbered(
    setup: CommitteeSetup, committee_store: Store
) -> None:
    added = setup.save_organisation(id="VCS", name="Community Action", constituency="vcse")
    assert added in committee_store.organisations("HCP")
    with pytest.raises(Refused, match="organisation id VCS is already used"):
        setup.save_organisation(id="vcs", name="Another")
    with pytest.raises(Refused, match=r"cannot change \(it stays VCS\)"):
        setup.save_organisation(added, id="VCS2", name="Community Action")
    with pytest.raises(Refused, match=r"^Name: must be filled in$"):
        setup.save_organisation(added, id="VCS", name="")
    setup.save_organisation(added, id="VCS", name="Community Action MK", constituency="")
    changed = {o.id: o for o in committee_store.organisations("HCP")}["VCS"]
    assert (changed.name, changed.constituency) == ("Community Action MK", None)


def test_retiring_an_organisation_keeps_its_seats(
    setup: CommitteeSetup, committee_store: Store
) -> None:
    assert [s.id for s in setup.members_of("MKCC")] == ["S1"]
    setup.retire_organisation("MKCC")
    (mkcc,) = committee_store.organisations("HCP")
    assert mkcc.retired_on == date(2026, 11, 25)
    assert seat(committee_store, "S1").is_current
    setup.reinstate_organisation("MKCC")
    assert committee_store.organisations("HCP")[0].is_current


# -- meetings -----------------------------------------------------------------------------


def test_a_new_meeting_is_stored_with_its_time_as_hh_mm(
    setup: CommitteeSetup, committee_store: Store
) -> None:
    added = setup.add_meeting(date="14/01/2027", time="7pm", venue="Civic Offices")
    assert committee_store.meeting(added.id or 0) == added
    assert (added.date, added.time, added.session) == (date(2027, 1, 14), "19:00", Session.PUBLIC)


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("", "Date: the meeting needs a date (dd/mm/yyyy)"),
        ("01/01/1066", "Date: 01/01/1066 is before 1900; check the year"),
        ("25/11/2032", "Date: 25/11/2032 is more than 5 years ahead; check the year"),
        ("31/02/2027", "Date: '31/02/2027' is not a real date"),
    ],
)
def test_a_new_meetings_date_is_checked_against_today(
    setup: CommitteeSetup, committee_store: Store, typed: str, problem: str
) -> None:
    with pytest.raises(Refused) as refused:
        setup.add_meeting(date=typed, time="19:00")
    assert str(refused.value) == problem
    assert committee_store.meetings("HCP") == []


def test_five_years_ahead_to_the_day_is_still_a_meeting(setup: CommitteeSetup) -> None:
    assert setup.add_meeting(date="25/11/2031").date == date(2031, 11, 25)


def test_every_problem_with_a_meeting_is_reported_at_once(
    setup: CommitteeSetup, committee_store: Store, meeting: Meeting
) -> None:
    with pytest.raises(Refused) as refused:
        setup.add_meeting(date="01/01/1066", time="teatime")
    assert str(refused.value).splitlines() == [
        "Date: 01/01/1066 is before 1900; check the year",
        "Time: 'teatime' is not a time of day; use HH:MM, e.g. 14:30",
    ]
    with pytest.raises(Refused) as refused:
        setup.add_meeting(date="31/02/2027", time="teatime")
    assert str(refused.value).splitlines() == [
        "Date: '31/02/2027' is not a real date",
        "Time: 'teatime' is not a time of day; use HH:MM, e.g. 14:30",
    ]
    with pytest.raises(Refused) as refused:
        setup.edit_meeting(
            meeting, date="01/01/1066", time="sevenish", ended_at="half nine", venue=""
        )
    assert str(refused.value).splitlines() == [
        "Date: 01/01/1066 is before 1900; check the year",
        "Start time: 'sevenish' is not a time of day; use HH:MM, e.g. 14:30",
        "End time: 'half nine' is not a time of day; use HH:MM, e.g. 14:30",
    ]
    assert committee_store.meetings("HCP") == [meeting]


def test_editing_a_meeting_keeps_it_and_a_blank_end_time_clears_it(
    setup: CommitteeSetup, committee_store: Store, meeting: Meeting
) -> None:
    ended = committee_store.end_meeting(meeting.id or 0, "16:10")
    values = setup.meeting_values(ended)
    assert values == {
        "date": "13/06/2023",
        "time": "14:00",
        "ended_at": "16:10",
        "planned_end": "",
        "venue": "Civic Offices",
        "session": "public",
    }
    saved = setup.edit_meeting(
        ended, **{**values, "date": "20/06/2023", "time": "1430", "session": "private"}
    )
    assert saved.id == meeting.id
    assert committee_store.meeting(meeting.id or 0) == saved
    assert (saved.date, saved.time, saved.ended_at) == (date(2023, 6, 20), "14:30", "16:10")
    assert saved.session is Session.PRIVATE
    cleared = setup.edit_meeting(saved, **{**setup.meeting_values(saved), "ended_at": ""})
    assert cleared.ended_at is None
    assert committee_store.meeting(meeting.id or 0).ended_at is None


def test_a_new_date_in_another_numbering_period_is_refused_with_the_stores_reason(
    setup: CommitteeSetup, committee_store: Store, meeting: Meeting
) -> None:
    committee_store.add_agenda_item(meeting.id or 0, AgendaItem(number=1, title="Apologies"))
    issued = committee_store.issue_minute_number(meeting.id or 0, 1)
    values = setup.meeting_values(meeting)
    # The municipal year starts in May: April 2023 is the year before.
    with pytest.raises(Refused) as refused:
        setup.edit_meeting(meeting, **{**values, "date": "20/04/2023"})
    assert str(refused.value).startswith(
        f"The minutes of this meeting are already numbered {issued.number}"
    )
    assert committee_store.meeting(meeting.id or 0) == meeting
    # Within the same municipal year, the date moves.
    assert setup.edit_meeting(meeting, **{**values, "date": "20/03/2024"}).date == date(2024, 3, 20)


def test_signed_minutes_are_refused_by_the_store(
    setup: CommitteeSetup, committee_store: Store, meeting: Meeting
) -> None:
    signed = committee_store.update_meeting(
        meeting.model_copy(update={"status": MinutesStatus.SIGNED})
    )
    with pytest.raises(
        Refused, match=r"^The minutes of 13 June 2023 are signed and locked: record a correction"
    ):
        setup.edit_meeting(signed, **{**setup.meeting_values(signed), "venue": "Elsewhere"})
    with pytest.raises(
        Refused, match=r"^The minutes of 13 June 2023 are signed and locked: record a correction"
    ):
        setup.delete_meeting(signed.id or 0)
    assert committee_store.meetings("HCP") == [signed]


def test_a_meeting_holding_only_its_agenda_is_deleted(
    setup: CommitteeSetup, committee_store: Store, meeting: Meeting
) -> None:
    committee_store.add_agenda_item(meeting.id or 0, AgendaItem(number=1, title="Apologies"))
    setup.delete_meeting(meeting.id or 0)
    assert committee_store.meetings("HCP") == []
    assert committee_store.agenda(meeting.id or 0) == []


def test_a_meeting_holding_attendance_is_not_deleted(
    setup: CommitteeSetup, committee_store: Store, meeting: Meeting
) -> None:
    committee_store.add_attendance(
        meeting.id or 0, Attendance(person="ann-lee", status=AttendanceStatus.APOLOGIES)
    )
    with pytest.raises(Refused) as refused:
        setup.delete_meeting(meeting.id or 0)
    assert str(refused.value) == (
        "The meeting of 13 June 2023 holds attendance or apologies; a meeting is deleted "
        "only while it holds nothing but its agenda"
    )
    assert committee_store.meetings("HCP") == [meeting]


# -- the committee's details --------------------------------------------------------------


def test_details_are_saved_and_a_template_that_is_not_a_document_is_refused(
    setup: CommitteeSetup, committee_store: Store, tmp_path: Path
) -> None:
    before = committee_store.committee("HCP")
    with pytest.raises(Refused, match=r"^Name: must be filled in$"):
        setup.save_details(name=" ", house_style="nhs")
    fake = tmp_path / "house.docx"
    fake.write_text("not a Word document", encoding="utf-8")
    with pytest.raises(Refused, match=r"^Word template: the template .* is not a \.docx file$"):
        setup.save_details(name="HCP", word_template=str(fake))
    with pytest.raises(Refused, match=r"^Word template: must be a Word \.docx or \.dotx file$"):
        setup.save_details(name="HCP", word_template=str(tmp_path / "house.pdf"))
    assert committee_store.committee("HCP") == before
    saved = setup.save_details(
        name="Health and Care Partnership Board",
        parent_body="",
        house_style="nhs",
        default_venue="Council Chamber",
        word_template="",
    )
    assert committee_store.committee("HCP") == saved
    assert saved.name == "Health and Care Partnership Board"
    assert saved.parent_body is None and saved.word_template is None
    assert saved.house_style.value == "nhs"
    assert saved.numbering == before.numbering  # what the form does not show is kept


def test_the_paper_size_is_a4_unless_the_committee_asks_for_letter(
    setup: CommitteeSetup, committee_store: Store
) -> None:
    committee = committee_store.committee("HCP")
    assert committee.paper_size is PaperSize.A4
    assert setup.details_values(committee)["paper_size"] == "a4"
    saved = setup.save_details(name=committee.name, paper_size="letter")
    assert committee_store.committee("HCP").paper_size is PaperSize.LETTER
    assert setup.details_values(saved)["paper_size"] == "letter"
    # Saved from a form that does not show it, the committee's paper is kept.
    assert setup.save_details(name="HCP Board").paper_size is PaperSize.LETTER
    with pytest.raises(Refused, match=r"^Paper size: "):
        setup.save_details(name="HCP Board", paper_size="a3")
