"""The law and the words the minutes use for the kind of body (docs/confidentiality.md,
docs/declarations.md), and seed 001's wording where the council minutes went astray
(docs/minutes.md): the weekday in the title line, "and" never doubled in an attendance
list, the Vice-Chair's comma only where seed 001 puts it, no brackets doubled or nested,
the closing time in the public minutes, and the date of the next meeting printed once.

Each test changes the seeded HCP meeting of 13 June 2023 (council style) or the ICB
Board of 1 July 2022 (NHS style) the way the secretary would have recorded it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from minutebook.domain.bodies import BodyType
from minutebook.domain.meeting import (
    AgendaItem,
    Declaration,
    InterestCategory,
    ItemKind,
    Minute,
)
from minutebook.domain.quorum import Ruling
from minutebook.domain.snapshot import MinutesSnapshot
from minutebook.exporters.council import render_council_minutes
from minutebook.exporters.nhs import render_nhs_minutes
from minutebook.store import Store
from tests.exporters.record import change, declare, with_fields

HCP_DAY = date(2023, 6, 13)
ICB_DAY = date(2022, 7, 1)


@pytest.fixture(scope="module")
def hcp(demo_reader: Store) -> MinutesSnapshot:
    return demo_reader.minutes_snapshot(demo_reader.meeting_on("HCP", HCP_DAY).id or 0)


@pytest.fixture(scope="module")
def icb(demo_reader: Store) -> MinutesSnapshot:
    return demo_reader.minutes_snapshot(demo_reader.meeting_on("ICB", ICB_DAY).id or 0)


def _committee(snapshot: MinutesSnapshot, **update: Any) -> MinutesSnapshot:
    membership = snapshot.membership
    committee = membership.committee.model_copy(update=update)
    return with_fields(snapshot, membership=membership.model_copy(update={"committee": committee}))


def _confidential(snapshot: MinutesSnapshot, paragraphs: dict[int, tuple[int, ...]]) -> Any:
    """These items made confidential, each with its Schedule 12A paragraphs."""
    agenda = tuple(
        item.model_copy(update={"confidential": True, "exempt_paragraphs": paragraphs[item.number]})
        if item.number in paragraphs
        else item
        for item in snapshot.record.agenda
    )
    return change(snapshot, agenda=agenda)


def _texts(snapshot: MinutesSnapshot, public: bool = True) -> list[str]:
    return [p.text for p in render_council_minutes(snapshot, public=public).document.paragraphs]


def _nhs_cells(snapshot: MinutesSnapshot, public: bool = True) -> list[str]:
    document = render_nhs_minutes(snapshot, public=public).document
    return [cell.text for table in document.tables for row in table.rows for cell in row.cells]


def _present(texts: list[str]) -> str:
    return next(t for t in texts if t.startswith("Present:"))


# ---------------------------------------------------------------------- the law for the body


def test_a_principal_council_names_the_items_and_their_schedule_12a_paragraphs(
    hcp: MinutesSnapshot,
) -> None:
    """HCP is a committee of Milton Keynes City Council: section 100A(4), with the
    paragraph of each confidential item, its placeholders filled from the items."""
    assert hcp.membership.committee.body_type is BodyType.PRINCIPAL_COUNCIL
    build = render_council_minutes(_confidential(hcp, {5: (3,), 6: (1, 3)}))
    texts = [p.text for p in build.document.paragraphs]
    at = texts.index("Exclusion of the Press and Public")
    assert texts[at + 1] == "RESOLVED -"
    assert texts[at + 2] == (
        "That, under Section 100A(4) of the Local Government Act 1972, the press and public "
        "be excluded from the meeting for minutes HCP5 and HCP6 on the grounds that it "
        "involves the likely disclosure of exempt information as defined in paragraph 3 "
        "(minute HCP5) and paragraphs 1 and 3 (minute HCP6) of Part 1 of Schedule 12A to "
        "the Act."
    )
    assert not any("(s)" in text or "relevant paragraph" in text for text in texts)
    assert not build.warnings


def test_a_confidential_item_without_its_paragraph_is_shown_and_warned_of(
    hcp: MinutesSnapshot,
) -> None:
    build = render_council_minutes(_confidential(hcp, {6: ()}))
    texts = [p.text for p in build.document.paragraphs]
    assert any("as defined in paragraph [not given] of Part 1" in text for text in texts)
    assert any("Schedule 12A paragraph of item 6" in warning for warning in build.warnings)


def test_a_parish_council_resolves_under_the_1960_act(hcp: MinutesSnapshot) -> None:
    parish = _committee(_confidential(hcp, {6: ()}), body_type=BodyType.PARISH_COUNCIL)
    build = render_council_minutes(parish)
    texts = [p.text for p in build.document.paragraphs]
    resolution = texts[texts.index("Exclusion of the Press and Public") + 2]
    assert resolution == (
        "That, under Section 1(2) of the Public Bodies (Admission to Meetings) Act 1960, the "
        "press and public be excluded from the meeting for minute HCP6, as publicity would be "
        "prejudicial to the public interest by reason of the confidential nature of the "
        "business to be transacted."
    )
    assert not any("100A" in text or "12A" in text for text in texts)
    assert not build.warnings  # a parish council names no Schedule 12A paragraph


def test_a_committees_own_wording_is_used(hcp: MinutesSnapshot) -> None:
    own = "That the public leave for {items}, exempt under {paragraphs} of Schedule 12A."
    snapshot = _committee(_confidential(hcp, {6: (5,)}), exclusion_wording=own)
    assert "That the public leave for minute HCP6, exempt under paragraph 5 of Schedule 12A." in (
        _texts(snapshot)
    )


def test_an_nhs_body_resolves_in_seed_003s_words(icb: MinutesSnapshot) -> None:
    assert icb.membership.committee.body_type is BodyType.NHS_BODY
    cells = _nhs_cells(_confidential(icb, {8: ()}))
    exclusion = next(c for c in cells if c.startswith("Exclusion of the press"))
    assert exclusion == (
        "Exclusion of the press and public\nThe Board resolved that representatives of the "
        "press, and other members of the public, be excluded from the remainder of this "
        "meeting having regard to the confidential nature of the business to be transacted, "
        "publicity on which would be prejudicial to the public interest, Section 1(2), Public "
        "Bodies (Admission to Meetings) Act 1960."
    )


def test_the_law_follows_the_body_not_the_house_style(icb: MinutesSnapshot) -> None:
    """A council committee that minutes in the NHS layout still cites the 1972 Act."""
    council = _committee(_confidential(icb, {8: (3,)}), body_type=BodyType.PRINCIPAL_COUNCIL)
    exclusion = next(c for c in _nhs_cells(council) if c.startswith("Exclusion of the press"))
    assert "The Board resolved that, under Section 100A(4) of the Local Government Act" in (
        exclusion
    )
    assert "as defined in paragraph 3 of Part 1 of Schedule 12A" in exclusion
    assert "1960" not in exclusion


def test_a_council_members_interest_in_the_councils_words(hcp: MinutesSnapshot) -> None:
    declared = declare(
        hcp,
        Declaration(
            person="bracey",
            item=6,
            category=InterestCategory.DISCLOSABLE_PECUNIARY,
            nature="Owns land in Bletchley",
            ruling=Ruling.LEAVE,
        ),
    )
    assert any(
        t.startswith("M Bracey declared a disclosable pecuniary interest in this item (Owns")
        for t in _texts(declared)
    )


# ---------------------------------------------------------------------- seed 001's words


def test_the_title_line_names_the_day_of_the_week(hcp: MinutesSnapshot) -> None:
    # Seed 001: "... held on Tuesday 13 June 2023 at 14:00".
    assert _texts(hcp)[1] == "Minutes of the meeting held on Tuesday 13 June 2023 at 14:00"


def test_and_is_not_doubled_after_the_councillors(hcp: MinutesSnapshot) -> None:
    """ "Councillors G Blake and Z Marsh-O'Brien and Mrs J Reeve" read as three
    councillors joined twice; the councillors' group is closed by a comma."""
    rows = {r.person: r for r in hcp.record.attendance}
    kept = [rows["bradburn"], rows["darlington"], rows["collins"]]
    present = _present(_texts(change(hcp, attendance=tuple(kept))))
    assert present == (
        "Present: Councillors R Bradburn and Darlington, and V Collins (Director, Adult "
        "Services, Milton Keynes City Council)"
    )


def test_the_vice_chairs_comma_only_where_the_vice_chair_ends_the_councillors(
    hcp: MinutesSnapshot,
) -> None:
    rows = {r.person: r for r in hcp.record.attendance}
    order = ["marland", "hopkins", "bradburn", "bracey"]
    present = _present(_texts(change(hcp, attendance=tuple(rows[p] for p in order))))
    assert present.startswith(
        "Present: Councillors Marland (Chair), D Hopkins (Vice-Chair) and R Bradburn, and M Bracey"
    )
    # Seed 001's own list, the Vice-Chair last of the councillors, keeps its comma.
    assert "Darlington and D Hopkins, (Vice-Chair), M Bracey" in _present(_texts(hcp))


def test_brackets_are_neither_doubled_nor_nested(hcp: MinutesSnapshot) -> None:
    rows = tuple(
        r.model_copy(update={"role": "Chief Executive (Interim)"}) if r.person == "bracey" else r
        for r in hcp.record.attendance
    )
    present = _present(_texts(change(hcp, attendance=rows)))
    assert "M Bracey (Chief Executive [Interim])," in present
    assert "((" not in present and "))" not in present and ") (" not in present


def test_the_closing_time_is_in_the_public_minutes_when_the_last_item_is_confidential(
    hcp: MinutesSnapshot,
) -> None:
    """The confidential last minute says when the meeting closed; the public minutes do
    not print that minute, so they say it themselves."""
    meeting = hcp.record.meeting.model_copy(update={"ended_at": "16:05"})
    minutes = tuple(
        m.model_copy(update={"narrative": m.narrative + "\n\nThe meeting closed at 16:05."})
        if m.item == 7
        else m
        for m in hcp.record.minutes
    )
    snapshot = _confidential(change(hcp, meeting=meeting, minutes=minutes), {7: (3,)})
    public = _texts(snapshot)
    assert "The meeting ended at 16:05." in public
    assert not any("closed at 16:05" in text for text in public)
    confidential = _texts(snapshot, public=False)
    assert "The meeting ended at 16:05." not in confidential  # its minute says it


@pytest.mark.parametrize(
    ("title", "kind"),
    [("Date of Next Meeting", None), ("Future Meetings", ItemKind.NEXT_MEETING)],
)
def test_the_next_meeting_is_printed_once_under_the_agendas_own_item(
    demo_reader: Store, hcp: MinutesSnapshot, title: str, kind: ItemKind | None
) -> None:
    """The agenda's own next-meeting item minuted without a heading of its own: the
    minute prints the item's title, and no second, automatic heading follows."""
    following = demo_reader.meeting_on("HCP", date(2023, 9, 20))
    agenda = (*hcp.record.agenda, AgendaItem(number=8, title=title, kind=kind))
    minutes = (
        *(m for m in hcp.record.minutes if m.item != 7),
        Minute(item=8, number="HCP7", narrative="The next meeting will be in September."),
    )
    snapshot = with_fields(change(hcp, agenda=agenda, minutes=minutes), next_meeting=following)
    texts = _texts(snapshot)
    assert f"HCP7 {title}" in texts
    assert "Date of the Next Meeting" not in texts
    assert not any(text.startswith("The next meeting will be held on") for text in texts)
