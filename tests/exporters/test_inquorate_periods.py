"""An inquorate period in the minutes, in both house styles: the time the meeting lost
its quorum and who left, what happened to the items taken while inquorate, the time the
quorum came back and who arrived; the Chair's ruling standing for the engine's verdict.

The seeded meetings are quorate throughout, so each test thins the room until one
departure loses the quorum: at the 13 June 2023 HCP meeting (one quarter of 19 seats,
so 5 members) and at the 1 July 2022 ICB Board (a majority of 19 voting seats, 10).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from minutebook.domain.meeting import (
    AttendanceStatus,
    Capacity,
    Decision,
    DecisionFlag,
    DecisionVerb,
    Declaration,
    QuorumRuling,
)
from minutebook.domain.quorum import Ruling
from minutebook.domain.snapshot import MinutesSnapshot
from minutebook.exporters.common import with_note
from minutebook.exporters.council import render_council_minutes
from minutebook.exporters.inquorate import item_list
from minutebook.exporters.nhs import render_nhs_minutes
from minutebook.store import Store

HCP5 = "HCP5 Integrated Care Partnership (ICP) and Board (ICB) update"
HCP6 = "HCP6 MK Deal Update"
HCP7 = "HCP7 Date of the Next Meeting"


@pytest.fixture(scope="module")
def snapshots(demo_reader: Store) -> dict[str, MinutesSnapshot]:
    return {
        code: demo_reader.minutes_snapshot(demo_reader.meeting_on(code, day).id or 0)
        for code, day in (("HCP", date(2023, 6, 13)), ("ICB", date(2022, 7, 1)))
    }


def _change(snapshot: MinutesSnapshot, **record: Any) -> MinutesSnapshot:
    return snapshot.model_copy(update={"record": snapshot.record.model_copy(update=record)})


def _room(
    snapshot: MinutesSnapshot,
    members: set[str],
    leaves: tuple[str, int, str] | None = None,
    arrives: tuple[str, int, str] | None = None,
) -> MinutesSnapshot:
    """Only `members` of the members and deputies present; one leaves after an item
    at a time, one arrives at an item at a time."""
    rows = []
    for row in snapshot.record.attendance:
        is_member = row.capacity in (Capacity.MEMBER, Capacity.DEPUTY)
        arriving = arrives is not None and row.person == arrives[0]
        if is_member and row.is_present and row.person not in members and not arriving:
            continue
        if leaves is not None and row.person == leaves[0]:
            row = row.model_copy(update={"to_item": leaves[1], "left_at": leaves[2]})
        if arrives is not None and arriving:
            row = row.model_copy(update={"from_item": arrives[1], "arrived_at": arrives[2]})
        rows.append(row)
    return _change(snapshot, attendance=tuple(rows))


def _decisions(snapshot: MinutesSnapshot, item: int, **update: Any) -> MinutesSnapshot:
    """Every decision at `item` changed (its verb, or its flag)."""
    minutes = tuple(
        m.model_copy(update={"decisions": tuple(d.model_copy(update=update) for d in m.decisions)})
        if m.item == item
        else m
        for m in snapshot.record.minutes
    )
    return _change(snapshot, minutes=minutes)


# -- council style -------------------------------------------------------------------------

HCP_FIVE = {"marland", "hopkins", "bradburn", "darlington", "bracey"}


def _texts(snapshot: MinutesSnapshot) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in render_council_minutes(snapshot).document.paragraphs]


def _section(texts: list[tuple[str, str]], heading: str) -> list[str]:
    start = texts.index(("Heading 2", heading)) + 1
    end = next(
        (i for i in range(start, len(texts)) if texts[i][0].startswith("Heading")), len(texts)
    )
    return [text for _, text in texts[start:end]]


def test_council_minutes_the_period_where_it_happened(
    snapshots: dict[str, MinutesSnapshot],
) -> None:
    # Councillor Bradburn leaves after item 4 (5 -> 4 members, need 5): items 5 and 6
    # are taken inquorate; V Collins arrives at item 7 and the quorum is back.
    snapshot = _room(
        snapshots["HCP"], HCP_FIVE, leaves=("bradburn", 4, "15:05"), arrives=("collins", 7, "15:20")
    )
    snapshot = _decisions(snapshot, 5, verb=DecisionVerb.NOTED)
    deferred = Decision(
        verb=DecisionVerb.DEFERRED, text="That the choice of pilot area be deferred"
    )
    minutes = tuple(
        m.model_copy(update={"decisions": (deferred,)}) if m.item == 6 else m
        for m in snapshot.record.minutes
    )
    build = render_council_minutes(_change(snapshot, minutes=minutes))
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
    assert "DEFERRED:" in hcp6 and "That the choice of pilot area be deferred" in hcp6
    # Nothing was decided while inquorate, so nothing is flagged.
    assert not any("inquorate)" in text for _, text in texts)
    assert build.warnings == []
    # The attendance says the same as the period: Bradburn left, Collins came.
    present = next(text for _, text in texts if text.startswith("Present:"))
    assert "R Bradburn (left after item 4)" in present
    assert "V Collins (Director, Adult Services, Milton Keynes City Council) (from item 7)" in (
        present
    )


def test_council_decision_taken_while_inquorate_to_the_close(
    snapshots: dict[str, MinutesSnapshot],
) -> None:
    # Nobody comes back: the meeting stays inquorate from item 5 to the close, and the
    # RESOLVED points recorded at items 5 and 6 (without a flag) are marked as such.
    snapshot = _room(snapshots["HCP"], HCP_FIVE, leaves=("bradburn", 4, "15:05"))
    snapshot = _decisions(snapshot, 6, flag=DecisionFlag.CHAIRS_ACTION)
    build = render_council_minutes(snapshot)
    texts = [(p.style.name, p.text) for p in build.document.paragraphs]

    assert _section(texts, HCP5)[1] == (
        "Item 5 was decided although the meeting was inquorate (the decisions are marked as "
        "such); item 6 was decided by Chair's action, to be reported to the next meeting; "
        "item 7 was taken for information only."
    )
    assert _section(texts, HCP7)[-1] == "The meeting remained inquorate until its close."
    hcp5 = _section(texts, HCP5)
    assert (
        "Noted, the content of the update report and its annexes (taken while the meeting "
        "was inquorate)" in hcp5
    )
    assert (
        "Agreed, the recommendation of the Joint Leadership Team to select Bletchley as the "
        "area to pilot integrated neighbourhood working (taken by the Chair under Chair's "
        "action, to be reported to the next meeting)" in _section(texts, HCP6)
    )
    assert build.warnings == [
        "item 5: a decision recorded while the meeting was inquorate has no flag; it is "
        "minuted as taken while inquorate"
    ]


def test_council_follows_the_chairs_ruling_that_the_meeting_stays_quorate(
    snapshots: dict[str, MinutesSnapshot],
) -> None:
    ruling = QuorumRuling(
        item=5, quorate=True, reason="Councillor Bradburn's seat was covered", recorded_at="15:06"
    )
    snapshot = _room(snapshots["HCP"], HCP_FIVE, leaves=("bradburn", 4, "15:05"))
    texts = _texts(_change(snapshot, quorum_rulings=(ruling,)))
    assert _section(texts, HCP5)[0] == (
        "The Chair ruled at 15:06 that the meeting was quorate for this item: Councillor "
        "Bradburn's seat was covered."
    )
    # The ruling holds for the later items too: nobody else came or went.
    flat = " ".join(text for _, text in texts)
    assert "inquorate" not in flat
    assert "Quorum was restored" not in flat


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


def _item_rows(snapshot: MinutesSnapshot) -> tuple[dict[str, list[str]], list[str]]:
    """Each item's paragraphs by its number ("6."), and the build's warnings."""
    build = render_nhs_minutes(snapshot)
    table = build.document.tables[-2]  # the items; the approval block comes last
    assert table.rows[0].cells[1].text == "Agenda Item"
    rows = {row.cells[0].text: [p.text for p in row.cells[1].paragraphs] for row in table.rows[1:]}
    return rows, build.warnings


def test_nhs_minutes_the_period_in_the_item_rows(snapshots: dict[str, MinutesSnapshot]) -> None:
    # Joe Harrison leaves after item 5 (10 -> 9 voting members, need 10); Dr Kufeji
    # joins at item 8. Item 6 was decided by Chair's action; item 7's approvals were
    # recorded without a flag.
    snapshot = _room(
        snapshots["ICB"], ICB_TEN, leaves=("harrison", 5, "09:25"), arrives=("kufeji", 8, "09:32")
    )
    snapshot = _decisions(snapshot, 6, flag=DecisionFlag.CHAIRS_ACTION)
    rows, warnings = _item_rows(snapshot)

    assert rows["6."][1:3] == [
        "The meeting became inquorate at 09:25 when Joe Harrison left the meeting "
        "(members counted: 9 of 19, need 10 (1/2, floor)).",
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
    assert (
        "(i) Risk Management Framework (taken while the meeting was inquorate; to be "
        "ratified);" in rows["7."]
    )
    assert warnings == [
        "item 7: a decision recorded while the meeting was inquorate has no flag; it is "
        "minuted as taken while inquorate"
    ]
    # Before and after the period, nothing is said of the quorum.
    for number in ("5.", "9."):
        assert not any("quorate" in text or "Quorum" in text for text in rows[number])


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
        "Items 6 to 8 were decided although the meeting was inquorate (the decisions are "
        "marked as such); items 9 to 11 were taken for information only."
    )
    assert [rows[n][1] for n in ("7.", "8.", "9.", "10.")] == [
        "The meeting remained inquorate for this item."
    ] * 4
    assert rows["11."][1] == "The meeting remained inquorate until its close at 09:45."


def test_nhs_period_of_one_item_for_a_declared_interest(
    snapshots: dict[str, MinutesSnapshot],
) -> None:
    declaration = Declaration(
        person="graves",
        item=8,
        nature="Chief Executive of a provider named in the plan",
        ruling=Ruling.LEAVE,
        left_at="09:36",
        returned_at="09:41",
    )
    snapshot = _change(_room(snapshots["ICB"], ICB_TEN), declarations=(declaration,))
    rows, _ = _item_rows(snapshot)
    assert rows["8."][1:3] == [
        "The meeting became inquorate at 09:36 when Ross Graves left for the item, having "
        "declared an interest (members counted: 9 of 19, need 10 (1/2, floor)).",
        "Item 8 was decided although the meeting was inquorate (the decisions are marked as such).",
    ]
    assert rows["9."][1] == "Quorum was restored at 09:41 when Ross Graves returned to the meeting."


def test_nhs_follows_the_chairs_ruling(snapshots: dict[str, MinutesSnapshot]) -> None:
    ruling = QuorumRuling(
        item=6, quorate=True, reason="Joe Harrison's deputy was on the call", recorded_at="09:26"
    )
    snapshot = _room(snapshots["ICB"], ICB_TEN, leaves=("harrison", 5, "09:25"))
    rows, warnings = _item_rows(_change(snapshot, quorum_rulings=(ruling,)))
    assert rows["6."][1] == (
        "The Chair ruled at 09:26 that the meeting for this item was quorate: Joe Harrison's "
        "deputy was on the call."
    )
    text = " ".join(t for paragraphs in rows.values() for t in paragraphs)
    assert "inquorate" not in text
    assert warnings == []


# -- the lines on the quorum stand apart --------------------------------------------------------


def _italic(paragraph: Any) -> bool:
    return bool(paragraph.runs) and all(run.italic for run in paragraph.runs)


def test_quorum_lines_are_italic_in_both_styles(snapshots: dict[str, MinutesSnapshot]) -> None:
    """The inquorate period, the Chair's rulings and the return of the quorum are in
    italics; the narrative, decisions and actions are not."""
    ruling = QuorumRuling(item=6, quorate=False, reason="Two members left", recorded_at="15:10")
    council = _room(
        snapshots["HCP"], HCP_FIVE, leaves=("bradburn", 4, "15:05"), arrives=("collins", 7, "15:20")
    )
    council = _decisions(council, 5, verb=DecisionVerb.NOTED)
    council = _decisions(council, 6, verb=DecisionVerb.NOTED)
    paragraphs = render_council_minutes(
        _change(council, quorum_rulings=(ruling,))
    ).document.paragraphs
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
    """The meeting before anyone is marked present: apologies at most, nothing minuted."""
    apologies = tuple(
        row.model_copy(update={"status": AttendanceStatus.APOLOGIES})
        for row in snapshot.record.attendance[:2]
    )
    return _change(snapshot, attendance=apologies, minutes=(), declarations=())


@pytest.mark.parametrize("code", ["HCP", "ICB"])
def test_no_quorum_is_minuted_before_attendance_is_taken(
    snapshots: dict[str, MinutesSnapshot], code: str
) -> None:
    render = render_council_minutes if code == "HCP" else render_nhs_minutes
    unstarted = _unstarted(snapshots[code])
    for snapshot in (unstarted, _change(unstarted, attendance=())):
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
