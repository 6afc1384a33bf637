"""Council-style formal minutes: golden tests against seed 001 (the minutes of the
Health and Care Partnership, 13 June 2023) comparing text and structure, not bytes,
plus status marking, private items, flagged decisions, rulings and bad input.

The expected strings are copied from the seed text; only the PDF's line breaks and the
text converter's list bullets and bold markers ("- ", "**") are taken out.
"""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn

from minutebook.domain.actions import Action
from minutebook.domain.committee import Person
from minutebook.domain.meeting import (
    Attendance,
    Capacity,
    Decision,
    Minute,
    MinutesStatus,
    Mode,
)
from minutebook.domain.room import Mark
from minutebook.domain.snapshot import MinutesSnapshot
from minutebook.domain.timeline import EventKind, span_events
from minutebook.exporters.common import Build, ExportError, new_document, save_document
from minutebook.exporters.council import render_council_minutes
from minutebook.store import Store
from tests.exporters.record import (
    change,
    decide,
    ends_section,
    mark,
    rule,
    span,
    with_fields,
)

PRESENT = (
    "Present: Councillors Marland (Chair), R Bradburn, Darlington and D Hopkins, "
    "(Vice-Chair), M Bracey (Chief Executive, Milton Keynes City Council), V Collins "
    "(Director, Adult Services, Milton Keynes City Council), M Heath (Director of "
    "Children's Services, Milton Keynes City Council), V Head (Director of Public Health, "
    "Milton Keynes Council), J Hannon (Diggory Divisional Director of Operations, CNWL NHS "
    "Foundation Trust), J Blakesley (Deputy Chief Executive, Milton Keynes University "
    "Hospital NHS Foundation Trust), Dr T Nguyen (Representative of Primary Care "
    "Networks), J Thelwell (Bucks Fire & Rescue Service, Chief Executive), M Begley (South "
    "Central Ambulance Service, Head of Operations), M Taffetani (Chief Executive, "
    "Healthwatch Milton Keynes), Supt E Baillie (LPA Commander, Thames Valley Police) and "
    "P Wilkinson (VCSE Representative)"
)
OFFICERS = (
    "Officers: M Carr (Deputy Director Public Health, Milton Keynes City Council), and "
    "A Clayton (Overview and Scrutiny Officer, Milton Keynes City Council)"
)
OBSERVERS = (
    "Observers: Councillor Long, R Green (Head of MK Improvement Action Team, BLMK ICB) "
    "and M Wogan (Chief of System Assurance and Corporate Services, BLMK ICB)"
)
APOLOGIES = (
    "Apologies: Dr R Makarem (Chair of BLMK ICB), F Cox (Chief Executive, BLMK ICB), "
    "Dr N Alam (Representative of Primary Care Networks) (Dr T Nguyen deputising), "
    "J Held (Independent Scrutineer, MK Together) and J Harrison (Chief Executive, Milton "
    "Keynes University Hospital NHS Foundation Trust) (J Blakesley deputising)"
)
HEADINGS = [
    "HCP1 Welcome, Introductions and Apologies",
    "HCP2 Minutes",
    "HCP3 Decision Tracker",
    "HCP4 Disclosures of Interest",
    "HCP5 Integrated Care Partnership (ICP) and Board (ICB) update",
    "HCP6 MK Deal Update",
    "HCP7 Date of the Next Meeting",
]
RESOLVED: dict[str, list[str]] = {
    "HCP2 Minutes": [
        "That the Minutes of the meeting of the Health and Care Partnership held on "
        "22 February 2023 be approved and signed by the Chair as a correct record."
    ],
    "HCP5 Integrated Care Partnership (ICP) and Board (ICB) update": [
        "Having reviewed the Draft Joint Forward Plan the Partnership agreed that, subject "
        "to reflecting local projections on the level of population and housing growth, "
        "the Plan reflected MK's priorities",
        "Noted, the content of the update report and its annexes",
        "Noted, that the BLMK NHS Operational plan 2023/24 was submitted to NHS England at "
        "the end of March 2023 and finalised in May 2023",
    ],
    "HCP6 MK Deal Update": [
        "Noted, the update report on the first six months of the MK Deal",
        "Agreed, the recommendation of the Joint Leadership Team to select Bletchley as "
        "the area to pilot integrated neighbourhood working",
        "Agreed, that the Joint Leadership Team undertake background work to prepare for a "
        "potential start of the Bletchley pilot in September 2023",
    ],
}


@pytest.fixture(scope="module")
def snapshot(demo_reader: Store) -> MinutesSnapshot:
    """The seeded 13 June 2023 HCP meeting (circulated, not yet approved)."""
    return demo_reader.minutes_snapshot(demo_reader.meeting_on("HCP", date(2023, 6, 13)).id or 0)


def _reopen(build: Build, tmp_path: Path) -> Any:
    """Save and read back, so the tests see what Word would open."""
    return docx.Document(str(save_document(build, tmp_path / "minutes.docx")))


def _texts(document: Any) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in document.paragraphs]


def _header(document: Any) -> str:
    return " ".join(p.text for s in document.sections for p in s.header.paragraphs)


def _with_meeting(snapshot: MinutesSnapshot, **changes: Any) -> MinutesSnapshot:
    return change(snapshot, meeting=snapshot.record.meeting.model_copy(update=changes))


def _section(texts: list[tuple[str, str]], heading: str) -> list[tuple[str, str]]:
    """The paragraphs under one heading, up to the next heading."""
    start = texts.index(("Heading 2", heading)) + 1
    end = next((i for i in range(start, len(texts)) if ends_section(*texts[i])), len(texts))
    return texts[start:end]


# ---------------------------------------------------------------------- golden


def test_attendance_paragraphs_word_for_word(snapshot: MinutesSnapshot, tmp_path: Path) -> None:
    texts = [text for _, text in _texts(_reopen(render_council_minutes(snapshot), tmp_path))]
    assert PRESENT in texts
    assert OFFICERS in texts
    assert OBSERVERS in texts
    assert APOLOGIES in texts
    order = [texts.index(t) for t in (PRESENT, OFFICERS, OBSERVERS, APOLOGIES)]
    assert order == sorted(order)
    assert not any(t.startswith("Absent:") for t in texts)


def test_attendance_labels_are_bold(snapshot: MinutesSnapshot) -> None:
    document = render_council_minutes(snapshot).document
    labels = {
        p.runs[0].text: p.runs[0].bold
        for p in document.paragraphs
        if p.runs and p.runs[0].text.endswith(":")
    }
    for label in ("Present:", "Officers:", "Observers:", "Apologies:"):
        assert labels[label] is True


def test_minute_headings_in_order_and_real_heading_styles(
    snapshot: MinutesSnapshot, tmp_path: Path
) -> None:
    texts = _texts(_reopen(render_council_minutes(snapshot), tmp_path))
    headings = [(style, text) for style, text in texts if style.startswith("Heading")]
    assert headings[0] == ("Heading 1", "Milton Keynes Health and Care Partnership")
    assert [text for style, text in headings if style == "Heading 2"][:7] == HEADINGS
    # Accessibility: headings never skip a level.
    levels = [int(style.split()[-1]) for style, _ in headings]
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))


def test_title_block(snapshot: MinutesSnapshot) -> None:
    # Seed 001: "Minutes of the meeting of the Health & Care Partnership held on Tuesday
    # 13 June 2023 at 14:00"; the body's name is the heading above.
    texts = [p.text for p in render_council_minutes(snapshot).document.paragraphs]
    assert texts[1] == "Minutes of the meeting held on Tuesday 13 June 2023 at 14:00"


def test_resolved_points_word_for_word(snapshot: MinutesSnapshot, tmp_path: Path) -> None:
    texts = _texts(_reopen(render_council_minutes(snapshot), tmp_path))
    for heading, points in RESOLVED.items():
        section = _section(texts, heading)
        # Seed 001: "RESOLVED -" above HCP2's one point, "RESOLVED:" above a numbered list.
        label = section.index(("Normal", "RESOLVED -" if len(points) == 1 else "RESOLVED:"))
        got = [text for _, text in section[label + 1 : label + 1 + len(points)]]
        assert got == points, heading
        styles = {style for style, _ in section[label + 1 : label + 1 + len(points)]}
        assert styles == ({"Normal"} if len(points) == 1 else {"List Number"})
    for heading in ("HCP1 Welcome, Introductions and Apologies", "HCP3 Decision Tracker"):
        assert not any(text.startswith("RESOLVED") for _, text in _section(texts, heading))


def test_resolved_stays_with_its_first_point(snapshot: MinutesSnapshot) -> None:
    labels = [
        p
        for p in render_council_minutes(snapshot).document.paragraphs
        if p.text in ("RESOLVED:", "RESOLVED -")
    ]
    assert [p.text for p in labels] == ["RESOLVED -", "RESOLVED:", "RESOLVED:"]
    assert all(p.paragraph_format.keep_with_next for p in labels)


def test_each_resolved_list_restarts_at_one(snapshot: MinutesSnapshot) -> None:
    document: Any = render_council_minutes(snapshot).document
    lists: dict[int, int] = {}
    for paragraph in document.paragraphs:
        if paragraph.style.name == "List Number":
            num_id = int(paragraph._p.pPr.numPr.numId.val)
            lists[num_id] = lists.get(num_id, 0) + 1
    assert list(lists.values()) == [3, 3]  # two lists (HCP5, HCP6), each its own
    numbering = document.part.numbering_part.element
    for num_id in lists:
        start = numbering.num_having_numId(num_id).find(qn("w:lvlOverride"))
        assert start is not None
        assert start.find(qn("w:startOverride")).get(qn("w:val")) == "1"


def test_narrative_paragraphs_and_bullets(snapshot: MinutesSnapshot) -> None:
    texts = _texts(render_council_minutes(snapshot).document)
    section = _section(texts, "HCP5 Integrated Care Partnership (ICP) and Board (ICB) update")
    assert section[0] == (
        "Normal",
        "The Partnership received a report from the Chief of System Assurance and Corporate "
        "Services, BLMK ICB. Key areas of the report were highlighted:",
    )
    assert [style for style, _ in section[1:8]] == ["List Bullet"] * 7
    assert section[1][1].startswith("The Report included the draft Joint Forward Plan")
    assert _section(texts, "HCP4 Disclosures of Interest") == [("Normal", "None.")]


# ---------------------------------------------------------------------- properties, status


def test_properties_title_and_language(snapshot: MinutesSnapshot, tmp_path: Path) -> None:
    properties = _reopen(render_council_minutes(snapshot), tmp_path).core_properties
    assert properties.title == (
        "Minutes of the Milton Keynes Health and Care Partnership, 13 June 2023 (draft)"
    )
    assert properties.language == "en-GB"


def test_draft_in_header_until_approved(snapshot: MinutesSnapshot, tmp_path: Path) -> None:
    assert snapshot.record.meeting.status is MinutesStatus.CIRCULATED
    assert _header(_reopen(render_council_minutes(snapshot), tmp_path)) == "DRAFT"
    approved = _with_meeting(snapshot, status=MinutesStatus.APPROVED, approved_on=date(2023, 9, 20))
    document = render_council_minutes(approved).document
    assert "DRAFT" not in _header(document)
    texts = [p.text for p in document.paragraphs]
    # Approved with no approval recorded (brought in from elsewhere): the holder of the
    # chair seat signs, on the day the minutes were approved.
    assert texts[-2:] == [
        "Approved and signed by the Chair as a correct record at the meeting held on "
        "20 September 2023.",
        "Signed: Councillor Peter Marland (Chair)\tDate: 20 September 2023",
    ]
    assert "(draft)" not in (document.core_properties.title or "")


def test_confidential_items_public_and_private(snapshot: MinutesSnapshot) -> None:
    agenda = tuple(
        item.model_copy(update={"confidential": item.number == 6})
        for item in snapshot.record.agenda
    )
    secret = Action(
        committee="HCP",
        meeting_date=date(2023, 6, 13),
        meeting_id=snapshot.record.meeting.id,
        item=6,
        minute="HCP6",
        description="Brief the Bletchley town councils",
        owner="bracey",
    )
    private = change(snapshot, agenda=agenda)
    private = with_fields(private, actions=(*private.actions, secret))
    public = _texts(render_council_minutes(private).document)
    heading = public.index(("Heading 2", "HCP6 MK Deal Update"))
    assert public[heading - 3 : heading] == [
        ("Heading 2", "Exclusion of the Press and Public"),
        ("Normal", "RESOLVED -"),
        ("Normal", public[heading - 1][1]),
    ]
    assert "Section 100A(4) of the Local Government Act 1972" in public[heading - 1][1]
    assert [style for style, _ in _section(public, "HCP6 MK Deal Update")] == ["Normal"]
    assert "considered in private session" in _section(public, "HCP6 MK Deal Update")[0][1]
    assert not any("Bletchley Town Councils" in text for _, text in public)
    # The actions agreed under the confidential item stay out of the public minutes.
    assert not any("Brief the Bletchley" in text for _, text in public)
    assert not any(text.startswith("Action") for _, text in public)

    confidential = render_council_minutes(private, public=False).document
    assert _header(confidential) == "CONFIDENTIAL – DRAFT"
    texts = _texts(confidential)
    assert ("List Number", RESOLVED["HCP6 MK Deal Update"][1]) in texts
    assert _section(texts, "HCP6 MK Deal Update")[-1] == (
        "Normal",
        "Action: Brief the Bletchley town councils (M Bracey)",
    )
    assert (confidential.core_properties.title or "").startswith("Confidential minutes")


# ---------------------------------------------------------------------- live record


def test_the_chairs_rulings_and_a_decision_taken_while_inquorate(
    snapshot: MinutesSnapshot,
) -> None:
    """The Chair's rulings are minuted where they were made, with their time and reason.
    A decision recorded after the Chair ruled the meeting inquorate is marked as taken
    while inquorate: the mark follows from where it stands in the timeline, it is never
    stored. The ruling stands while nobody comes or goes, here to the close."""
    changed = rule(snapshot, None, True, "Two deputies counted", "14:02")
    changed = rule(changed, 5, False, "The deputies may not vote on the ICB's plan.", "15:10")
    changed = decide(changed, 5, Decision(text="That the report be noted"))
    build = render_council_minutes(changed)
    texts = _texts(build.document)
    flat = [text for _, text in texts]
    assert flat.index(
        "The Chair ruled at 14:02 that the meeting was quorate: Two deputies counted."
    ) < flat.index(HEADINGS[0])
    hcp5 = [text for _, text in _section(texts, HEADINGS[4])]
    assert hcp5[:2] == [
        "The Chair ruled at 15:10 that the meeting was inquorate: The deputies may not vote "
        "on the ICB's plan.",
        # HCP5's seeded points were decided before the ruling: only its rest was not.
        "The rest of item 5 and item 6 were decided although the meeting was inquorate (the "
        "decisions are marked as such); item 7 was taken for information only.",
    ]
    # HCP5's seeded points were recorded before the ruling; the new one after it.
    assert RESOLVED[HEADINGS[4]][0] in hcp5
    assert "That the report be noted (taken while the meeting was inquorate)" in hcp5
    hcp6 = [text for _, text in _section(texts, HEADINGS[5])]
    assert [
        f"{point} (taken while the meeting was inquorate)" in hcp6
        for point in RESOLVED[HEADINGS[5]]
    ] == [True, True, True]
    assert _section(texts, HEADINGS[6])[-1] == (
        "Normal",
        "The meeting remained inquorate until its close.",
    )
    assert build.warnings == []


def test_actions_under_their_item_and_those_no_minute_holds(snapshot: MinutesSnapshot) -> None:
    """An action agreed live is minuted under the item it was agreed under. The seed's
    tracker cites HCP05 for the MK Deal, minuted HCP6: the demo ties those actions to
    item 6. An imported action with no item, citing a minute number this meeting does
    not have, is listed at the end, not lost."""
    meeting = snapshot.record.meeting
    live = Action(
        committee="HCP",
        meeting_date=meeting.date,
        meeting_id=meeting.id,
        item=3,
        minute="HCP3",
        description="Circulate the tracker",
        owner="clayton",
        due=date(2023, 7, 1),
    )
    imported = Action(
        committee="HCP",
        number=7,
        meeting_date=meeting.date,
        minute="HCP05",
        item_title="THE MK DEAL",
        description="Report on the Bletchley pilot",
        owner="bracey",
    )
    changed = with_fields(snapshot, actions=(*snapshot.actions, live, imported))
    texts = _texts(render_council_minutes(changed).document)
    assert _section(texts, HEADINGS[2])[-1] == (
        "Normal",
        "Action: Circulate the tracker (A Clayton, by 1 July 2023)",
    )
    assert [text for _, text in _section(texts, HEADINGS[5])[-2:]] == [
        "Action 1: Agreed, the recommendation of the Joint Leadership Team to select "
        "Bletchley as the area to pilot integrated neighbourhood working (M Bracey, by 20 "
        "September 2023)",
        "Action 2: Agreed, that the Joint Leadership Team undertake background work to "
        "prepare for a potential start of the Bletchley pilot in September 2023 (M Bracey, "
        "by 20 September 2023)",
    ]
    assert _section(texts, "Actions Agreed") == [
        ("List Bullet", "Action 7 (HCP05 THE MK DEAL): Report on the Bletchley pilot (M Bracey)")
    ]
    # Without the imported action, every action has its minute: no such section.
    assert ("Heading 2", "Actions Agreed") not in _texts(
        render_council_minutes(with_fields(snapshot, actions=(*snapshot.actions, live))).document
    )


def test_actions_carry_the_tracker_number(snapshot: MinutesSnapshot) -> None:
    """Live capture shows "ACTION 3"; the minutes cite the same number."""
    action = Action(
        committee="HCP",
        number=3,
        meeting_date=date(2023, 6, 13),
        meeting_id=snapshot.record.meeting.id,
        item=4,
        minute="HCP4",
        description="Update the register of interests",
        owner="heath",
        due=date(2023, 10, 1),
    )
    changed = with_fields(snapshot, actions=(*snapshot.actions, action))
    document = render_council_minutes(changed).document
    texts = _texts(document)
    assert _section(texts, HEADINGS[3])[-1] == (
        "Normal",
        "Action 3: Update the register of interests (M Heath, by 1 October 2023)",
    )
    paragraph = next(p for p in document.paragraphs if p.text.startswith("Action 3:"))
    assert paragraph.runs[0].text == "Action 3:" and paragraph.runs[0].bold


def _present(snapshot: MinutesSnapshot) -> str:
    texts = [p.text for p in render_council_minutes(snapshot).document.paragraphs]
    return next(t for t in texts if t.startswith("Present:"))


def test_attendance_movements_and_remote(snapshot: MinutesSnapshot) -> None:
    """Presence as a meeting file writes it: Councillor Bradburn from item 4, M Bracey
    (remote) to the end of item 6."""
    changed = span(snapshot, "bradburn", 4, None)
    changed = span(changed, "bracey", None, 6)
    rows = tuple(
        row.model_copy(update={"mode": Mode.REMOTE}) if row.person == "bracey" else row
        for row in changed.record.attendance
    )
    present = _present(change(changed, attendance=rows))
    assert "R Bradburn (from item 4), Darlington" in present
    assert (
        "M Bracey (Chief Executive, Milton Keynes City Council; attended remotely; "
        "left after item 6)" in present
    )


def test_departures_and_returns_marked_live(snapshot: MinutesSnapshot) -> None:
    """Marked live at the item being taken: a departure is "(left during item 4)", a
    departure and return "(left during item 4 and returned during item 5)", each stay
    in turn; a span's "(left after item 6)" is as it was. No clock time is printed."""
    changed = mark(snapshot, "darlington", Mark.LEFT, 4, "14:40")
    changed = mark(changed, "hopkins", Mark.LEFT, 4, "14:42")
    changed = mark(changed, "hopkins", Mark.BACK, 5, "14:55")
    changed = mark(changed, "heath", Mark.LEFT, 2, "14:10")
    changed = mark(changed, "heath", Mark.BACK, 3, "14:20")
    changed = mark(changed, "heath", Mark.LEFT, 6, "15:30")
    changed = span(changed, "bracey", None, 6)
    present = _present(changed)
    assert present.startswith(
        "Present: Councillors Marland (Chair), R Bradburn, Darlington (left during item 4) "
        "and D Hopkins, (Vice-Chair; left during item 4 and returned during item 5), "
        "M Bracey (Chief Executive, Milton Keynes City Council; left after item 6), "
    )
    assert (
        "M Heath (Director of Children's Services, Milton Keynes City Council; left during "
        "item 2 and returned during item 3; left during item 6)" in present
    )
    assert not any(time in present for time in ("14:40", "14:42", "14:55", "15:30"))
    # Sixteen members, five needed: the meeting stayed quorate; nothing else is said.
    texts = [p.text for p in render_council_minutes(changed).document.paragraphs]
    assert not any("quorate" in text or "Quorum" in text for text in texts)


def test_arrival_clock_times_are_not_minuted(snapshot: MinutesSnapshot) -> None:
    """Live capture times everyone's arrival; the minutes say only who came late, by
    item, and who left, as seed 001 would: never "(arrived at 14:02)"."""
    timed = tuple(
        event.model_copy(update={"at": "14:02"}) if event.kind is EventKind.ARRIVED else event
        for event in snapshot.record.events
    )
    changed = change(snapshot, events=timed)
    changed = span(changed, "marland", None, 6, "14:02", "15:40")
    changed = span(changed, "hopkins", 3, None, "14:30")
    changed = mark(changed, "bradburn", Mark.LEFT, 5, "15:05")
    texts = [p.text for p in render_council_minutes(changed).document.paragraphs]
    assert not any("arrived at" in text for text in texts)
    assert not any(time in text for text in texts for time in ("14:02", "14:30", "15:05"))
    present = next(t for t in texts if t.startswith("Present:"))
    assert present.startswith(
        "Present: Councillors Marland (Chair; left after item 6), R Bradburn (left during item 5), "
    )
    assert "D Hopkins, (Vice-Chair; from item 3), M Bracey" in present


# ---------------------------------------------------------------------- bad input


def test_bad_text_empty_items_and_a_member_without_role(
    snapshot: MinutesSnapshot, tmp_path: Path
) -> None:
    bell = "Budget\x07 update \U0001f600 caf\u00e9\x0b"
    minutes = (
        Minute(item=1, number="HCP1", heading=bell, narrative="Line one\x00\n- point\x1f"),
        Minute(item=2),  # an empty item: no number, heading, narrative or decisions
        Minute(item=99, number="HCP9", decisions=(Decision(text="Noted \x1b the item"),)),
    )
    nobody = Person(id="nobody", name="Ann Example")
    rows = (
        Attendance(person="nobody", capacity=Capacity.MEMBER),  # no seat, no role
        Attendance(person="ghost", capacity=Capacity.OFFICER, role="Clerk\x0c \U0001f4dd"),
    )
    roll = [*span_events("nobody", None, None), *span_events("ghost", None, None)]
    events = tuple(event.model_copy(update={"id": n}) for n, event in enumerate(roll, 1))
    changed = change(snapshot, minutes=minutes, attendance=rows, quorum_rulings=(), events=events)
    changed = with_fields(changed, people=(*changed.people, nobody), actions=())
    document = _reopen(render_council_minutes(changed), tmp_path)
    texts = [p.text for p in document.paragraphs]
    assert "Present: A Example" in texts
    assert "Officers: ghost (Clerk \U0001f4dd)" in texts
    assert "HCP1 Budget update \U0001f600 caf\u00e9" in texts
    assert "Minutes" in texts  # the empty item takes its agenda title
    assert "HCP9 Item 99" in texts
    # One member with no seat, five needed: the point is marked as the record makes it.
    assert "Noted  the item (taken while the meeting was inquorate)" in texts
    assert not any(ch in "".join(texts) for ch in "\x00\x07\x0b\x0c\x1b\x1f")


def test_long_paragraphs_render(snapshot: MinutesSnapshot, tmp_path: Path) -> None:
    long_text = "A very long paragraph. " * 5000
    minutes = (Minute(item=1, number="HCP1", heading="Long", narrative=long_text),)
    document = _reopen(render_council_minutes(change(snapshot, minutes=minutes)), tmp_path)
    assert any(len(p.text) > 100_000 for p in document.paragraphs)


def test_template_that_is_not_a_docx(snapshot: MinutesSnapshot, tmp_path: Path) -> None:
    fake = tmp_path / "template.docx"
    fake.write_text("not a Word document")
    with pytest.raises(ExportError, match=r"is not a \.docx file"):
        render_council_minutes(snapshot, template=fake)
    with pytest.raises(ExportError, match="does not exist"):
        render_council_minutes(snapshot, template=tmp_path / "missing.docx")


def test_committee_template_is_used(snapshot: MinutesSnapshot, tmp_path: Path) -> None:
    template = new_document()
    template.paragraph("Sample text that must not appear")
    path = save_document(template, tmp_path / "house.docx")
    document = render_council_minutes(snapshot, template=path).document
    texts = [p.text for p in document.paragraphs]
    assert "Sample text that must not appear" not in texts
    assert PRESENT in texts


def test_the_end_time_recorded_live_closes_the_minutes(snapshot: MinutesSnapshot) -> None:
    texts = _texts(render_council_minutes(snapshot).document)
    assert not any("The meeting ended" in text for _, text in texts)  # not recorded
    approved = _with_meeting(
        snapshot, ended_at="15:35", status=MinutesStatus.APPROVED, approved_on=date(2023, 9, 20)
    )
    texts = _texts(render_council_minutes(approved).document)
    where = texts.index(("Normal", "The meeting ended at 15:35."))
    assert texts[where + 1][1].startswith("Approved and signed")  # then the sign-off
    assert texts[where + 2][1].startswith("Signed:")
