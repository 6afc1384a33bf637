"""An inquorate period in the minutes, in both house styles: when the meeting lost its
quorum and why (who left, withdrew for an interest or could take no part), what
happened to the items taken while inquorate, when the quorum came back and who arrived
or returned, or that it lasted to the close; the decisions taken inside it marked as
such; the Chair's ruling standing for the engine's verdict while the room is unchanged.

The seeded meetings are quorate throughout, so each test thins the room until one
departure loses the quorum: at the 13 June 2023 HCP meeting (one quarter of 19 seats,
so 5 members) and at the 1 July 2022 ICB Board (a majority of 19 voting seats, 10).
Presence is the meeting's timeline: a span as a meeting file writes it ("left after
item 4", `span`) or a mark made live at the item being taken ("left during item 4",
`mark`); decisions stand where they were recorded (`decide`, `decided_now`).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from minutebook.application.capture import MeetingCapture
from minutebook.domain.meeting import (
    AttendanceStatus,
    Capacity,
    Decision,
    DecisionVerb,
    Declaration,
)
from minutebook.domain.quorum import Ruling
from minutebook.domain.room import Mark
from minutebook.domain.snapshot import MinutesSnapshot
from minutebook.exporters.common import with_note
from minutebook.exporters.council import render_council_minutes
from minutebook.exporters.inquorate import item_list
from minutebook.exporters.nhs import render_nhs_minutes
from minutebook.store import Store
from tests.exporters.record import (
    change,
    decide,
    decided_now,
    declare,
    edit_decisions,
    ends_section,
    mark,
    replace_decisions,
    rule,
    span,
    started,
    without,
)

HCP4 = "HCP4 Disclosures of Interest"
HCP5 = "HCP5 Integrated Care Partnership (ICP) and Board (ICB) update"
HCP6 = "HCP6 MK Deal Update"
HCP7 = "HCP7 Date of the Next Meeting"
MARKED = "(taken while the meeting was inquorate)"
MARKED_NHS = "(taken while the meeting was inquorate; to be ratified)"


@pytest.fixture(scope="module")
def snapshots(demo_reader: Store) -> dict[str, MinutesSnapshot]:
    return {
        code: demo_reader.minutes_snapshot(demo_reader.meeting_on(code, day).id or 0)
        for code, day in (("HCP", date(2023, 6, 13)), ("ICB", date(2022, 7, 1)))
    }


def _room(
    snapshot: MinutesSnapshot,
    members: set[str],
    leaves: tuple[str, int, str] | None = None,
    arrives: tuple[str, int, str] | None = None,
) -> MinutesSnapshot:
    """Only `members` of the members and deputies in the room (the others are not in the
    record); as a meeting file writes it, one leaves after an item at a time (the end
    of the item) and one arrives at an item at a time (its start)."""
    coming = arrives[0] if arrives else None
    out = [
        row.person
        for row in snapshot.record.attendance
        if row.capacity in (Capacity.MEMBER, Capacity.DEPUTY)
        and row.is_attending
        and row.person not in members
        and row.person != coming
    ]
    changed = without(snapshot, out)
    if leaves is not None:
        changed = span(changed, leaves[0], None, leaves[1], left_at=leaves[2])
    if arrives is not None:
        changed = span(changed, arrives[0], arrives[1], None, arrived_at=arrives[2])
    return changed


# -- council style -------------------------------------------------------------------------

HCP_FIVE = {"marland", "hopkins", "bradburn", "darlington", "bracey"}


def _texts(snapshot: MinutesSnapshot) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in render_council_minutes(snapshot).document.paragraphs]


def _section(texts: list[tuple[str, str]], heading: str) -> list[str]:
    start = texts.index(("Heading 2", heading)) + 1
    end = next((i for i in range(start, len(texts)) if ends_section(*texts[i])), len(texts))
    return [text for _, text in texts[start:end]]


def _present(texts: list[tuple[str, str]]) -> str:
    return next(text for _, text in texts if text.startswith("Present:"))


def test_council_minutes_the_period_where_it_happened(
    snapshots: dict[str, MinutesSnapshot],
) -> None:
    # Councillor Bradburn leaves after item 4 (5 -> 4 members, need 5): items 5 and 6
    # are taken inquorate; V Collins arrives at item 7 and the quorum is back.
    snapshot = _room(
        snapshots["HCP"], HCP_FIVE, leaves=("bradburn", 4, "15:05"), arrives=("collins", 7, "15:20")
    )
    snapshot = edit_decisions(snapshot, 5, verb=DecisionVerb.NOTED)
    deferred = Decision(
        verb=DecisionVerb.DEFERRED, text="That the choice of pilot area be deferred"
    )
    build = render_council_minutes(replace_decisions(snapshot, 6, [deferred]))
    texts = [(p.style.name, p.text) for p in build.document.paragraphs]

    assert _section(texts, HCP5)[:2] == [
        "The meeting became inquorate at 15:05 when Councillor R Bradburn left the meeting.",
        "Item 5 was taken for information only; item 6 was deferred.",
    ]
    assert _section(texts, HCP7)[0] == (
        "Quorum was restored at 15:20 when V Collins joined the meeting."
    )
    # The period's two lines are kept together on one page.
    keep = {p.text[:30]: p.paragraph_format.keep_with_next for p in build.document.paragraphs}
    assert keep["The meeting became inquorate a"] is True
    assert not keep["Item 5 was taken for informati"]
    hcp6 = _section(texts, HCP6)
    assert "DEFERRED -" in hcp6 and "That the choice of pilot area be deferred" in hcp6
    # Nothing was decided while inquorate, so nothing is marked.
    assert not any("inquorate)" in text for _, text in texts)
    assert build.warnings == []
    # The attendance says the same as the period: Bradburn left, Collins came.
    present = _present(texts)
    assert "R Bradburn (left after item 4)" in present
    assert "V Collins (Director, Adult Services, Milton Keynes City Council; from item 7)" in (
        present
    )


def test_council_decision_taken_while_inquorate_to_the_close(
    snapshots: dict[str, MinutesSnapshot],
) -> None:
    # Nobody comes back: the meeting stays inquorate from item 5 to the close. The
    # RESOLVED points recorded at item 5 are marked as taken while inquorate (derived
    # from where they stand: nothing is stored, so nothing is warned of); those at
    # item 6 were recorded as Chair's action.
    snapshot = _room(snapshots["HCP"], HCP_FIVE, leaves=("bradburn", 4, "15:05"))
    snapshot = edit_decisions(snapshot, 6, chairs_action=True)
    build = render_council_minutes(snapshot)
    texts = [(p.style.name, p.text) for p in build.document.paragraphs]

    assert _section(texts, HCP5)[:2] == [
        "The meeting became inquorate at 15:05 when Councillor R Bradburn left the meeting.",
        "Item 5 was decided although the meeting was inquorate (the decisions are marked as "
        "such); item 6 was decided by Chair's action, to be reported to the next meeting; "
        "item 7 was taken for information only.",
    ]
    assert _section(texts, HCP7)[-1] == "The meeting remained inquorate until its close."
    hcp5 = _section(texts, HCP5)
    assert f"Noted, the content of the update report and its annexes {MARKED}" in hcp5
    assert (
        "Agreed, the recommendation of the Joint Leadership Team to select Bletchley as the "
        "area to pilot integrated neighbourhood working (taken by the Chair under Chair's "
        "action, to be reported to the next meeting)" in _section(texts, HCP6)
    )
    assert build.warnings == []


def test_council_a_quorate_ruling_stands_while_nobody_comes_or_goes(
    snapshots: dict[str, MinutesSnapshot],
) -> None:
    # Bradburn leaves after item 4: inquorate by the engine. At item 5, before its
    # business, the Chair rules the meeting quorate; nobody else comes or goes, so the
    # ruling stands to the close and nothing after it is marked.
    snapshot = _room(snapshots["HCP"], HCP_FIVE, leaves=("bradburn", 4, "15:05"))
    snapshot = rule(snapshot, 5, True, "Councillor Bradburn's seat was covered", "15:06")
    build = render_council_minutes(decided_now(snapshot, 5, 6))
    texts = [(p.style.name, p.text) for p in build.document.paragraphs]
    # The minute before the ruling: the quorum was lost, and no business was done.
    assert _section(texts, HCP4)[0] == (
        "The meeting became inquorate at 15:05 when Councillor R Bradburn left the meeting."
    )
    # The ruling says it in its own words: no second line "Quorum was restored".
    assert _section(texts, HCP5)[0] == (
        "The Chair ruled at 15:06 that the meeting was quorate: Councillor Bradburn's seat "
        "was covered."
    )
    flat = " ".join(text for _, text in texts)
    assert "Quorum was restored" not in flat
    assert "inquorate)" not in flat and "until its close" not in flat
    assert build.warnings == []


@pytest.mark.parametrize(
    ("ruling", "began", "back", "note"),
    [
        (
            Ruling.LEAVE,
            "M Bracey left for the item, having declared an interest",
            "M Bracey returned to the meeting",
            "and left the meeting for the item at 15:00, returning at 15:20.",
        ),
        (
            Ruling.NO_VOTE,
            "M Bracey, having declared an interest, could take no part",
            "M Bracey could take part again",
            "and remained in the meeting but took no part in the decision.",
        ),
    ],
)
def test_council_a_period_of_one_item_for_a_declared_interest(
    snapshots: dict[str, MinutesSnapshot], ruling: Ruling, began: str, back: str, note: str
) -> None:
    # M Bracey declares an interest in item 5 (at item 4) and is ruled out of it: four
    # members count for item 5, five again from item 6. The times are the items' start.
    declaration = Declaration(
        person="bracey",
        item=5,
        nature="Chief Executive of the council named in the plan",
        ruling=ruling,
    )
    snapshot = started(_room(snapshots["HCP"], HCP_FIVE), {5: "15:00", 6: "15:20"})
    build = render_council_minutes(declare(snapshot, declaration, at_item=4))
    texts = [(p.style.name, p.text) for p in build.document.paragraphs]
    hcp5 = _section(texts, HCP5)
    assert hcp5[:3] == [
        f"The meeting became inquorate at 15:00 when {began}.",
        "Item 5 was decided although the meeting was inquorate (the decisions are marked as such).",
        "M Bracey declared a financial interest in this item (Chief Executive of the council "
        f"named in the plan) {note}",
    ]
    assert f"Noted, the content of the update report and its annexes {MARKED}" in hcp5
    assert _section(texts, HCP6)[0] == f"Quorum was restored at 15:20 when {back}."
    assert not any(MARKED in text for text in _section(texts, HCP6))
    # Bracey was in the meeting throughout: the attendance notes no departure.
    assert "M Bracey (Chief Executive, Milton Keynes City Council)" in _present(texts)
    assert "M Bracey (Chief Executive, Milton Keynes City Council) (" not in _present(texts)


def test_council_departure_and_return_marked_live(
    snapshots: dict[str, MinutesSnapshot],
) -> None:
    """Finding 1: Councillor Bradburn leaves during item 4 (the meeting goes inquorate)
    and is back during item 5; a decision then recorded at item 4, the secretary
    catching up, stands where it was taken: in the period, and marked."""
    snapshot = _room(snapshots["HCP"], HCP_FIVE)
    snapshot = mark(snapshot, "bradburn", Mark.LEFT, 4, "15:05")
    snapshot = mark(snapshot, "bradburn", Mark.BACK, 5, "15:20")
    snapshot = decided_now(snapshot, 5, 6)  # items 5 and 6 decided after his return
    snapshot = decide(snapshot, 4, Decision(text="That the register of interests be published"))
    build = render_council_minutes(snapshot)
    texts = [(p.style.name, p.text) for p in build.document.paragraphs]
    assert _section(texts, HCP4) == [
        "The meeting became inquorate at 15:05 when Councillor R Bradburn left the meeting.",
        "Item 4 was decided although the meeting was inquorate (the decisions are marked as such).",
        "None.",
        "RESOLVED -",
        f"That the register of interests be published {MARKED}",
    ]
    hcp5 = _section(texts, HCP5)
    assert hcp5[0] == (
        "Quorum was restored at 15:20 when Councillor R Bradburn returned to the meeting."
    )
    assert not any("inquorate" in text for text in hcp5[1:])
    assert "R Bradburn (left during item 4 and returned during item 5)" in _present(texts)
    assert build.warnings == []


def test_council_the_chairs_ruling_stands_until_someone_comes(
    snapshots: dict[str, MinutesSnapshot],
) -> None:
    """Finding 3: the Chair rules the meeting inquorate at item 4. At item 5 nobody has
    come or gone, so the ruling stands and item 5's decisions are marked; V Collins
    joins during item 6, the ruling lapses (the engine finds six members, five needed)
    and the decisions recorded after that are not marked."""
    snapshot = _room(snapshots["HCP"], HCP_FIVE)
    snapshot = rule(
        snapshot, 4, False, "Councillor Darlington is not yet appointed to the Partnership", "14:50"
    )
    snapshot = mark(snapshot, "collins", Mark.PRESENT, 6, "15:30")
    build = render_council_minutes(decided_now(snapshot, 6))
    texts = [(p.style.name, p.text) for p in build.document.paragraphs]
    assert _section(texts, HCP4)[:2] == [
        "The Chair ruled at 14:50 that the meeting was inquorate: Councillor Darlington is "
        "not yet appointed to the Partnership.",
        "Item 4 was taken for information only; item 5 was decided although the meeting was "
        "inquorate (the decisions are marked as such).",
    ]
    hcp5 = _section(texts, HCP5)
    assert [
        point in hcp5
        for point in (
            "Having reviewed the Draft Joint Forward Plan the Partnership agreed that, subject to "
            f"reflecting local projections on the level of population and housing growth, the Plan "
            f"reflected MK's priorities {MARKED}",
            f"Noted, the content of the update report and its annexes {MARKED}",
        )
    ] == [True, True]
    hcp6 = _section(texts, HCP6)
    assert hcp6[0] == "Quorum was restored at 15:30 when V Collins joined the meeting."
    assert "Noted, the update report on the first six months of the MK Deal" in hcp6
    assert not any("inquorate" in text for text in hcp6)
    assert "V Collins (Director, Adult Services, Milton Keynes City Council; from item 6)" in (
        _present(texts)
    )


# -- NHS style -----------------------------------------------------------------------------

ICB_TEN = {
    "makarem",
    "cox",
    "blakeman",
    "borrett",
    "bracey",
    "church",
    "coiffait",
    "graves",
    "harrison",
    "calaminus",
}
# Item 8 minutes no decision of the Board (seed 003: "It was agreed that ..." inside
# its points); one recorded at it for the test.
LIAISE = Decision(
    verb=DecisionVerb.AGREED,
    text="That the ICB lead for this work will liaise with Maxine Taffetani to discuss the "
    "approach.",
)
COUNTED_NINE = "(members counted: 9 of 19, need 10 (1/2, floor))"


def _item_rows(snapshot: MinutesSnapshot) -> tuple[dict[str, list[str]], list[str]]:
    """Each item's paragraphs by its number ("6."), and the build's warnings."""
    build = render_nhs_minutes(snapshot)
    table = build.document.tables[-2]  # the items; the approval block comes last
    assert table.rows[0].cells[1].text == "Agenda Item"
    rows: dict[str, list[str]] = {}
    number = ""
    for row in table.rows[1:]:  # a row with a blank No. cell goes on with the item above
        number = row.cells[0].text or number
        rows.setdefault(number, []).extend(p.text for p in row.cells[1].paragraphs)
    return rows, build.warnings


def _members(snapshot: MinutesSnapshot) -> list[str]:
    table = render_nhs_minutes(snapshot).document.tables[0]
    return [row.cells[0].text for row in table.rows[1:]]


def test_nhs_minutes_the_period_in_the_item_rows(snapshots: dict[str, MinutesSnapshot]) -> None:
    # Joe Harrison leaves after item 5 (10 -> 9 voting members, need 10); Dr Kufeji
    # joins at item 8. Item 6 was decided by Chair's action; item 7's approvals were
    # recorded as they were, and are marked.
    snapshot = _room(
        snapshots["ICB"], ICB_TEN, leaves=("harrison", 5, "09:25"), arrives=("kufeji", 8, "09:32")
    )
    snapshot = edit_decisions(snapshot, 6, chairs_action=True)
    rows, warnings = _item_rows(snapshot)

    assert rows["6."][1:3] == [
        f"The meeting became inquorate at 09:25 when Joe Harrison left the meeting {COUNTED_NINE}.",
        "Item 6 was decided by Chair's action, to be reported to the next meeting; item 7 was "
        "decided although the meeting was inquorate (the decisions are marked as such).",
    ]
    assert rows["7."][1] == "The meeting remained inquorate for this item."
    assert rows["8."][1] == (
        "Quorum was restored at 09:32 when Dr Omotayo Kufeji joined the meeting."
    )
    assert (
        "(c) To approve The Standing Financial Instructions as described in the Governance "
        "Handbook (Chair's action, to be reported to the next meeting);" in rows["6."]
    )
    assert f"(i) Risk Management Framework {MARKED_NHS};" in rows["7."]
    assert warnings == []
    # Before and after the period, nothing is said of the quorum.
    for number in ("5.", "9."):
        assert not any("quorate" in text or "Quorum" in text for text in rows[number])
    members = _members(snapshot)
    assert "Joe Harrison (left after item 5)" in members
    assert "Dr Omotayo Kufeji (from item 8)" in members


def test_nhs_period_to_the_close_ends_when_the_meeting_ended(
    snapshots: dict[str, MinutesSnapshot],
) -> None:
    # Nobody comes back after Joe Harrison leaves: items 6 to 11 are taken inquorate,
    # and the meeting ended at 09:45 (recorded live; the seed's "The meeting ended at
    # 09.45").
    snapshot = _room(snapshots["ICB"], ICB_TEN, leaves=("harrison", 5, "09:25"))
    assert snapshot.record.meeting.ended_at == "09:45"
    rows, _ = _item_rows(snapshot)
    assert rows["6."][2] == (
        "Items 6 and 7 were decided although the meeting was inquorate (the decisions are "
        "marked as such); items 8 to 11 were taken for information only."
    )
    assert [rows[n][1] for n in ("7.", "8.", "9.", "10.")] == [
        "The meeting remained inquorate for this item."
    ] * 4
    assert rows["11."][1] == "The meeting remained inquorate until its close at 09:45."
    assert f"(i) Risk Management Framework {MARKED_NHS};" in rows["7."]


@pytest.mark.parametrize(
    ("ruling", "began", "back"),
    [
        (
            Ruling.LEAVE,
            "Ross Graves left for the item, having declared an interest",
            "Ross Graves returned to the meeting",
        ),
        (
            Ruling.NO_VOTE,
            "Ross Graves, having declared an interest, could take no part",
            "Ross Graves could take part again",
        ),
    ],
)
def test_nhs_period_of_one_item_for_a_declared_interest(
    snapshots: dict[str, MinutesSnapshot], ruling: Ruling, began: str, back: str
) -> None:
    # Ross Graves declares an interest in item 8 (under item 2, the declarations) and is
    # ruled out of it: nine count for item 8, ten again from item 9, when it was taken.
    declaration = Declaration(
        person="graves",
        item=8,
        nature="Chief Executive of a provider named in the plan",
        ruling=ruling,
    )
    snapshot = started(_room(snapshots["ICB"], ICB_TEN), {8: "09:36", 9: "09:41"})
    snapshot = decide(snapshot, 8, LIAISE)
    rows, warnings = _item_rows(declare(snapshot, declaration, at_item=2))
    assert rows["8."][1:3] == [
        f"The meeting became inquorate at 09:36 when {began} {COUNTED_NINE}.",
        "Item 8 was decided although the meeting was inquorate (the decisions are marked as such).",
    ]
    assert rows["9."][1] == f"Quorum was restored at 09:41 when {back}."
    assert any(
        text.startswith("Ross Graves declared a financial interest in item 8")
        for text in rows["2."]
    )
    assert (
        "The Board agreed that the ICB lead for this work will liaise with Maxine Taffetani "
        f"to discuss the approach {MARKED_NHS}." in rows["8."]
    )
    assert warnings == []


def test_nhs_a_quorate_ruling_stands_while_nobody_comes_or_goes(
    snapshots: dict[str, MinutesSnapshot],
) -> None:
    # At item 6, before its business, the Chair rules the Board quorate after Joe
    # Harrison left at the end of item 5; nobody else comes or goes to the close.
    snapshot = _room(snapshots["ICB"], ICB_TEN, leaves=("harrison", 5, "09:25"))
    snapshot = rule(snapshot, 6, True, "Joe Harrison's deputy was on the call", "09:26")
    rows, warnings = _item_rows(decided_now(snapshot, 6))
    assert rows["5."][1] == (
        f"The meeting became inquorate at 09:25 when Joe Harrison left the meeting {COUNTED_NINE}."
    )
    assert rows["6."][1] == (
        "The Chair ruled at 09:26 that the meeting was quorate: Joe Harrison's deputy was on "
        "the call."
    )
    text = " ".join(t for paragraphs in rows.values() for t in paragraphs)
    assert "Quorum was restored" not in text
    assert "inquorate;" not in text and "remained inquorate" not in text
    assert warnings == []


def test_nhs_departure_and_return_marked_live(snapshots: dict[str, MinutesSnapshot]) -> None:
    """Finding 1 in the NHS style: Joe Harrison leaves during item 6 and is back during
    item 7; a decision recorded at item 6 afterwards is in the period, and marked."""
    snapshot = _room(snapshots["ICB"], ICB_TEN)
    snapshot = mark(snapshot, "harrison", Mark.LEFT, 6, "09:25")
    snapshot = mark(snapshot, "harrison", Mark.BACK, 7, "09:31")
    snapshot = decided_now(snapshot, 7, 8)  # items 7 and 8 decided after his return
    late = Decision(text="That the scheme of delegation be adopted")
    rows, warnings = _item_rows(decide(snapshot, 6, late))
    assert rows["6."][1:3] == [
        f"The meeting became inquorate at 09:25 when Joe Harrison left the meeting {COUNTED_NINE}.",
        # The seeded decisions of item 6 were taken before he left: only its rest was not.
        "The rest of item 6 was decided although the meeting was inquorate (the decisions "
        "are marked as such).",
    ]
    assert f"The Board resolved that the scheme of delegation be adopted {MARKED_NHS}" in rows["6."]
    assert (
        rows["7."][1] == "Quorum was restored at 09:31 when Joe Harrison returned to the meeting."
    )
    assert not any("inquorate" in text for text in rows["7."] + rows["8."])
    assert "Joe Harrison (left during item 6 and returned during item 7)" in _members(snapshot)
    assert warnings == []


def test_nhs_departure_and_return_within_one_item(snapshots: dict[str, MinutesSnapshot]) -> None:
    """Out and back during the same item, nothing decided meanwhile: the period's start
    is minuted before its end."""
    snapshot = _room(snapshots["ICB"], ICB_TEN)
    snapshot = mark(snapshot, "harrison", Mark.LEFT, 6, "09:25")
    snapshot = mark(snapshot, "harrison", Mark.BACK, 6, "09:27")
    rows, _ = _item_rows(decided_now(snapshot, 6))
    assert rows["6."][1:3] == [
        f"The meeting became inquorate at 09:25 when Joe Harrison left the meeting {COUNTED_NINE}.",
        "Quorum was restored at 09:27 when Joe Harrison returned to the meeting.",
    ]
    assert not any("inquorate;" in text for text in rows["6."])


def test_nhs_the_chairs_ruling_stands_until_someone_comes(
    snapshots: dict[str, MinutesSnapshot],
) -> None:
    """Finding 3 in the NHS style: ruled not quorate at item 6; item 7's approvals,
    with nobody having come or gone, are marked; Dr Kufeji joins during item 8 and the
    decisions recorded after that are not."""
    snapshot = _room(snapshots["ICB"], ICB_TEN)  # Dr Kufeji is not in the room yet
    snapshot = rule(
        snapshot, 6, False, "Paul Calaminus may not count as David Carter's deputy", "09:24"
    )
    snapshot = mark(snapshot, "kufeji", Mark.PRESENT, 8, "09:33")
    rows, warnings = _item_rows(decided_now(snapshot, 6, 8))
    assert rows["6."][1:3] == [
        "The Chair ruled at 09:24 that the meeting was not quorate: Paul Calaminus may not "
        "count as David Carter's deputy.",
        "Items 6 and 7 were decided although the meeting was inquorate (the decisions are "
        "marked as such).",
    ]
    assert f"(i) Risk Management Framework {MARKED_NHS};" in rows["7."]
    assert (
        rows["8."][1] == "Quorum was restored at 09:33 when Dr Omotayo Kufeji joined the meeting."
    )
    assert not any("inquorate" in text for text in rows["8."][2:])
    assert warnings == []


# -- the lines on the quorum stand apart --------------------------------------------------------


def _italic(paragraph: Any) -> bool:
    return bool(paragraph.runs) and all(run.italic for run in paragraph.runs)


def test_quorum_lines_are_italic_in_both_styles(snapshots: dict[str, MinutesSnapshot]) -> None:
    """The inquorate period, the Chair's rulings and the return of the quorum are in
    italics; the narrative, decisions and actions are not."""
    council = _room(
        snapshots["HCP"], HCP_FIVE, leaves=("bradburn", 4, "15:05"), arrives=("collins", 7, "15:20")
    )
    council = edit_decisions(council, 5, verb=DecisionVerb.NOTED)
    council = edit_decisions(council, 6, verb=DecisionVerb.NOTED)
    council = rule(council, 6, False, "Two members left", "15:10")
    paragraphs = render_council_minutes(council).document.paragraphs
    quorum_words = ("inquorate", "Quorum was restored", "The Chair ruled", "information only")
    lines = [p for p in paragraphs if any(w in p.text for w in quorum_words)]
    assert [p.text[:30] for p in lines] == [
        "The meeting became inquorate a",
        "Items 5 and 6 were taken for i",
        "The Chair ruled at 15:10 that ",
        "Quorum was restored at 15:20 w",
    ]
    assert all(_italic(p) for p in lines)
    body = [p for p in paragraphs if p.style.name != "Heading 2" and p not in lines]
    assert not any(run.italic for p in body for run in p.runs)

    nhs = _room(
        snapshots["ICB"], ICB_TEN, leaves=("harrison", 5, "09:25"), arrives=("kufeji", 8, "09:32")
    )
    table = render_nhs_minutes(nhs).document.tables[-2]
    cells = {row.cells[0].text: row.cells[1].paragraphs for row in table.rows[1:]}
    assert [(p.text[:30], _italic(p)) for p in cells["6."][1:4]] == [
        ("The meeting became inquorate a", True),
        ("Items 6 and 7 were decided alt", True),
        ("This document, which is based ", False),
    ]
    assert _italic(cells["7."][1]) and _italic(cells["8."][1])
    assert not any(_italic(p) for p in cells["8."][2:])
    assert not any(_italic(p) for p in cells["5."])


# -- no attendance recorded ------------------------------------------------------------------


def _unstarted(snapshot: MinutesSnapshot) -> MinutesSnapshot:
    """The meeting before anyone is marked present: apologies at most, nothing minuted,
    nothing in its timeline."""
    apologies = tuple(
        row.model_copy(update={"status": AttendanceStatus.APOLOGIES})
        for row in snapshot.record.attendance[:2]
    )
    return change(snapshot, attendance=apologies, minutes=(), declarations=(), events=())


@pytest.mark.parametrize("code", ["HCP", "ICB"])
def test_no_quorum_is_minuted_before_attendance_is_taken(
    snapshots: dict[str, MinutesSnapshot], code: str
) -> None:
    render = render_council_minutes if code == "HCP" else render_nhs_minutes
    unstarted = _unstarted(snapshots[code])
    for snapshot in (unstarted, change(unstarted, attendance=())):
        build = render(snapshot)
        document = build.document
        text = " ".join(p.text for p in document.paragraphs)
        text += " ".join(c.text for t in document.tables for r in t.rows for c in r.cells)
        for claim in ("quorate", "Quorum", "adjourned", "not taken", "conflicts of interest"):
            assert claim not in text
        assert build.warnings == ["no attendance is recorded: the quorum is not minuted"]


# -- the words -----------------------------------------------------------------------------


def test_item_lists_and_notes() -> None:
    assert item_list([6]) == "item 6"
    assert item_list([6, 7]) == "items 6 and 7"
    assert item_list([6, 7, 8, 9]) == "items 6 to 9"
    assert item_list([3, 6, 7]) == "items 3, 6 and 7"
    assert with_note("Approve the policy;", "a note") == "Approve the policy (a note);"
    assert with_note("That the report be noted", "a note") == "That the report be noted (a note)"


def test_a_quorum_line_under_another_items_minute_says_its_item(demo_store: Store) -> None:
    """From a new user's trial: the quorum came back at item 5, which has no minute, so
    the line stands under item 6's and says it happened during item 5."""
    meeting_id = demo_store.meeting_on("HCP", date(2023, 9, 20)).id or 0
    capture = MeetingCapture(demo_store, meeting_id, lambda: datetime(2023, 9, 21, 10, 0))
    for person in ("marland", "hopkins", "bradburn", "darlington", "bracey"):
        capture.mark(person, Mark.PRESENT, 1)
    capture.write_narrative(4, "The report was presented.")
    capture.decide(4, "That the report be approved.")
    capture.mark("bracey", Mark.LEFT, 4)
    capture.decide(4, "That the risk register be approved.", handling="noted")
    capture.mark("bracey", Mark.BACK, 5)
    capture.write_narrative(6, "The Chair thanked members.")
    snapshot = demo_store.minutes_snapshot(meeting_id)
    text = [p.text for p in render_council_minutes(snapshot).document.paragraphs]
    heading = next(i for i, t in enumerate(text) if t.endswith("Health Inequalities Funding"))
    assert text[heading + 1] == (
        "During item 5, quorum was restored when M Bracey returned to the meeting."
    )
    assert "The meeting became inquorate when M Bracey left the meeting." in text
    # Item 4 was decided on before the quorum was lost: only its rest was inquorate.
    assert "The rest of item 4 was taken for information only." in text


def test_nhs_items_with_nothing_recorded_were_not_taken_and_say_nothing_of_the_quorum(
    snapshots: dict[str, MinutesSnapshot],
) -> None:
    # As above, Joe Harrison leaves and nobody comes back; items 9 and 10 hold no record
    # (no words, no decision, no number): they were not taken, and their rows say
    # nothing of the quorum.
    snapshot = _room(snapshots["ICB"], ICB_TEN, leaves=("harrison", 5, "09:25"))
    blank = {9, 10}
    minutes = tuple(
        m.model_copy(update={"narrative": "", "number": None}) if m.item in blank else m
        for m in snapshot.record.minutes
        if m.item not in blank or not m.decisions
    )
    rows, _ = _item_rows(change(snapshot, minutes=minutes))
    assert rows["6."][2] == (
        "Items 6 and 7 were decided although the meeting was inquorate (the decisions are "
        "marked as such); items 8 and 11 were taken for information only; items 9 and 10 "
        "were not taken."
    )
    assert rows["8."][1] == "The meeting remained inquorate for this item."
    for number in ("9.", "10."):
        assert not any("quorate" in text for text in rows.get(number, []))
