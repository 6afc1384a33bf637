"""Confidential business stays out of every public document (finding 8; DOMAIN.md 4.5):
what is recorded under a confidential item (its actions, declarations and decisions)
is in the confidential minutes and the confidential tracker only.

The demo meetings have no confidential items, so each test makes some on its own copy
of the demo database, through the store as the app does: at the 13 June 2023 HCP
meeting item 6 (the MK Deal, under which the seeded tracker's actions 1 and 2 were
agreed, citing "HCP05") and a new item 8 with nothing minuted; at the 1 July 2022 ICB
Board item 8 (the 100 Day Plan).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest

from minutebook.application.exports import presented_tracker
from minutebook.domain.actions import Action
from minutebook.domain.meeting import AgendaItem, Declaration
from minutebook.domain.quorum import Ruling
from minutebook.domain.snapshot import MinutesSnapshot
from minutebook.exporters.common import Build
from minutebook.exporters.council import CONFIDENTIAL_NOTE, render_council_minutes
from minutebook.exporters.nhs import render_nhs_minutes
from minutebook.exporters.tracker import render_tracker
from minutebook.store import Store
from tests.exporters.record import change, declare, ends_section, started, without

HCP_DAY = date(2023, 6, 13)
ICB_DAY = date(2022, 7, 1)
NEXT_HCP_DAY, NEXT_ICB_DAY = date(2023, 9, 20), date(2022, 7, 29)  # the trackers' meetings

SEEDED_1 = (
    "Agreed, the recommendation of the Joint Leadership Team to select Bletchley as the area "
    "to pilot integrated neighbourhood working"
)
SEEDED_2 = (
    "Agreed, that the Joint Leadership Team undertake background work to prepare for a "
    "potential start of the Bletchley pilot in September 2023"
)
PUBLIC_ACTION = "Circulate the tracker"
SECRET_ACTION = "Value the land at Bletchley before the bids"
BRACEY_INTEREST = "Chief Executive of the council selling the land"
HEATH_INTEREST = "A governor of a school in the pilot area"


def _make_confidential(store: Store, meeting_id: int, number: int) -> None:
    item = next(i for i in store.agenda(meeting_id) if i.number == number)
    store.update_agenda_item(item.model_copy(update={"confidential": True}))


@dataclass
class Hcp:
    store: Store
    meeting_id: int

    def snapshot(self) -> MinutesSnapshot:
        return self.store.minutes_snapshot(self.meeting_id)


@pytest.fixture
def hcp(demo_store: Store) -> Hcp:
    """HCP, 13 June 2023: item 6 made confidential, and a confidential item 8 added
    with nothing minuted; an action agreed at public item 3, one at item 8 citing
    "HCP05" (a minute of no meeting here); an interest declared on item 6 and one on
    item 5."""
    store = demo_store
    meeting_id = store.meeting_on("HCP", HCP_DAY).id or 0
    _make_confidential(store, meeting_id, 6)
    store.add_agenda_item(
        meeting_id, AgendaItem(number=1, title="Land at Bletchley", confidential=True)
    )
    for item, minute, text, owner in (
        (3, "HCP3", PUBLIC_ACTION, "clayton"),
        (8, "HCP05", SECRET_ACTION, "bracey"),
    ):
        store.add_action(
            Action(
                committee="HCP",
                meeting_date=HCP_DAY,
                meeting_id=meeting_id,
                item=item,
                minute=minute,
                description=text,
                owner=owner,
            )
        )
    for person, item, nature, ruling in (
        ("bracey", 6, BRACEY_INTEREST, Ruling.NO_VOTE),
        ("heath", 5, HEATH_INTEREST, Ruling.REMAIN),
    ):
        declaration = Declaration(person=person, item=item, nature=nature, ruling=ruling)
        store.add_declaration(meeting_id, declaration, declared_at=4)
    return Hcp(store, meeting_id)


# -- the tracker ---------------------------------------------------------------------------


def _tracked(build: Build) -> list[str]:
    """The actions of the tracker's tables: the NHS Action column; the council's
    decisions, numbered under their subject ("1. Circulate the tracker")."""
    found = []
    for table in build.document.tables:
        heading = table.rows[0].cells[0].text
        for row in table.rows[1:]:
            if heading == "Action No.":
                found.append(row.cells[3].text)
            elif heading == "Date of Meeting":
                number, _, text = row.cells[2].text.partition(". ")
                if number.isdigit():
                    found.append(text)
    return found


def _tracker(store: Store, code: str, day: date, *, public: bool = True) -> Build:
    """The tracker presented to the committee's meeting on `day`, as exported."""
    return render_tracker(presented_tracker(store, code, day, date.today()), public=public)


def _header(build: Build) -> str:
    return " ".join(p.text for s in build.document.sections for p in s.header.paragraphs)


def test_the_public_tracker_leaves_out_actions_agreed_under_confidential_items(
    hcp: Hcp,
) -> None:
    store = hcp.store
    assert store.confidential_items("HCP") == {(hcp.meeting_id, 6), (hcp.meeting_id, 8)}
    public = _tracker(store, "HCP", NEXT_HCP_DAY)
    assert _tracked(public) == [PUBLIC_ACTION]
    assert "CONFIDENTIAL" not in _header(public)

    confidential = _tracker(store, "HCP", NEXT_HCP_DAY, public=False)
    assert sorted(_tracked(confidential)) == sorted(
        [SEEDED_1, SEEDED_2, PUBLIC_ACTION, SECRET_ACTION]
    )
    assert _header(confidential) == "CONFIDENTIAL"


# -- council minutes -----------------------------------------------------------------------


def _council(snapshot: MinutesSnapshot, public: bool) -> list[tuple[str, str]]:
    document = render_council_minutes(snapshot, public=public).document
    return [(p.style.name, p.text) for p in document.paragraphs]


def _section(texts: list[tuple[str, str]], heading: str) -> list[str]:
    start = texts.index(("Heading 2", heading)) + 1
    end = next((i for i in range(start, len(texts)) if ends_section(*texts[i])), len(texts))
    return [text for _, text in texts[start:end]]


def _anywhere(texts: list[tuple[str, str]], words: str) -> bool:
    return any(words in text for _, text in texts)


def test_the_public_council_minutes_leave_out_confidential_business(hcp: Hcp) -> None:
    public = _council(hcp.snapshot(), public=True)
    # Item 6's minute is its heading and a note; nothing recorded under it is shown.
    assert _section(public, "HCP6 MK Deal Update") == [CONFIDENTIAL_NOTE]
    for secret in (SEEDED_1, SEEDED_2, SECRET_ACTION, BRACEY_INTEREST, "HCP05"):
        assert not _anywhere(public, secret), secret
    # The action at item 8 has no minute to go under, and its reference "HCP05" matches
    # none: it would be listed under "Actions Agreed", but it is confidential.
    assert ("Heading 2", "Actions Agreed") not in public
    # What is recorded under public items is there.
    assert _section(public, "HCP3 Decision Tracker")[-1] == (
        f"Action 3: {PUBLIC_ACTION} (A Clayton)"
    )
    assert _anywhere(public, HEATH_INTEREST)


def test_the_confidential_council_minutes_hold_it(hcp: Hcp) -> None:
    confidential = _council(hcp.snapshot(), public=False)
    hcp6 = _section(confidential, "HCP6 MK Deal Update")
    assert hcp6[0] == (
        f"M Bracey declared a financial interest in this item ({BRACEY_INTEREST}) and "
        "remained in the meeting but took no part in the decision."
    )
    assert SEEDED_1 in hcp6 and SEEDED_2 in hcp6  # the RESOLVED points
    assert hcp6[-2:] == [
        f"Action 1: {SEEDED_1} (M Bracey, by 20 September 2023)",
        f"Action 2: {SEEDED_2} (M Bracey, by 20 September 2023)",
    ]
    assert _section(confidential, "Actions Agreed") == [
        f"Action 4 (HCP05): {SECRET_ACTION} (M Bracey)"
    ]


def test_the_public_council_minutes_do_not_name_an_interest_through_the_quorum(
    demo_reader: Store,
) -> None:
    """The quorum lost at a confidential item because a member withdrew for an interest
    declared on it: its lines belong to that item's minute, so only the confidential
    minutes give them (as they give its rulings)."""
    snapshot = demo_reader.minutes_snapshot(demo_reader.meeting_on("HCP", HCP_DAY).id or 0)
    five = {"marland", "hopkins", "bradburn", "darlington", "bracey"}
    others = [
        row.person
        for row in snapshot.record.attendance
        if row.is_attending and (row.seats or row.deputy_for) and row.person not in five
    ]
    snapshot = without(snapshot, others)
    agenda = tuple(
        i.model_copy(update={"confidential": i.number == 6}) for i in snapshot.record.agenda
    )
    snapshot = started(change(snapshot, agenda=agenda), {6: "15:20", 7: "15:40"})
    withdrawal = Declaration(person="bracey", item=6, nature=BRACEY_INTEREST, ruling=Ruling.LEAVE)
    snapshot = declare(snapshot, withdrawal, at_item=4)
    withdrew = (
        "The meeting became inquorate at 15:20 when M Bracey left for the item, having "
        "declared an interest."
    )
    assert withdrew in _section(_council(snapshot, public=False), "HCP6 MK Deal Update")
    public = _council(snapshot, public=True)
    assert _section(public, "HCP6 MK Deal Update") == [CONFIDENTIAL_NOTE]
    assert not _anywhere(public, "declared an interest")
    # Nor does the return of the quorum at the next, public, item give it away.
    restored = "Quorum was restored at 15:40 when M Bracey returned to the meeting."
    assert _anywhere(_council(snapshot, public=False), restored)
    assert not _anywhere(public, "Quorum was restored")
    nhs_public = " ".join(
        t for paragraphs, _ in _nhs_rows(snapshot, public=True).values() for t in paragraphs
    )
    assert "inquorate" not in nhs_public and "Quorum was restored" not in nhs_public


# -- NHS minutes ---------------------------------------------------------------------------

GRAVES_INTEREST = "Chief Executive of a provider named in the plan"
SHAH_INTEREST = "A partner in a practice named in the appointments"
ICB_SECRET = "Brief the mental health collaborative in private"


@pytest.fixture
def icb(demo_store: Store) -> MinutesSnapshot:
    """The ICB Board, 1 July 2022: item 8 (the 100 Day Plan) made confidential; under it
    an action agreed live and an interest declared (at item 2); another on item 4."""
    store = demo_store
    meeting_id = store.meeting_on("ICB", ICB_DAY).id or 0
    _make_confidential(store, meeting_id, 8)
    store.add_action(
        Action(
            committee="ICB",
            meeting_date=ICB_DAY,
            meeting_id=meeting_id,
            item=8,
            minute="8",
            description=ICB_SECRET,
            owner="graves",
        )
    )
    for person, item, nature, ruling in (
        ("graves", 8, GRAVES_INTEREST, Ruling.NO_VOTE),
        ("shah", 4, SHAH_INTEREST, Ruling.REMAIN),
    ):
        declaration = Declaration(person=person, item=item, nature=nature, ruling=ruling)
        store.add_declaration(meeting_id, declaration, declared_at=2)
    return store.minutes_snapshot(meeting_id)


def _nhs_rows(snapshot: MinutesSnapshot, public: bool) -> dict[str, list[Any]]:
    """Each item row's cells as text (number, paragraphs of the item, action)."""
    table = render_nhs_minutes(snapshot, public=public).document.tables[-2]
    rows: dict[str, list[Any]] = {}
    number = ""
    for row in table.rows[1:]:
        paragraphs = [p.text for p in row.cells[1].paragraphs]
        if row.cells[0].text or paragraphs[0].startswith("Exclusion of the press"):
            number = row.cells[0].text
            rows[number] = [paragraphs, row.cells[2].text]
        else:  # a row with a blank No. cell goes on with the item above
            rows[number][0] += paragraphs
            rows[number][1] = " / ".join(m for m in (rows[number][1], row.cells[2].text) if m)
    return rows


def test_the_public_nhs_minutes_leave_out_confidential_business(icb: MinutesSnapshot) -> None:
    rows = _nhs_rows(icb, public=True)
    declarations = rows["2."][0]
    assert (
        f"Mahesh Shah declared a financial interest in item 4: {SHAH_INTEREST}. The Chair "
        "ruled that no action was needed." in declarations
    )
    assert not any("Ross Graves" in text or GRAVES_INTEREST in text for text in declarations)
    assert rows["8."] == [["100 Day Plan\n(Confidential: minuted separately.)"], ""]
    text = " ".join(t for paragraphs, _ in rows.values() for t in paragraphs)
    for secret in (ICB_SECRET, GRAVES_INTEREST, "liaise with Maxine Taffetani"):
        assert secret not in text, secret


def test_the_confidential_nhs_minutes_hold_it(icb: MinutesSnapshot) -> None:
    rows = _nhs_rows(icb, public=False)
    assert list(rows) == ["", "8."]  # the exclusion of the press and public, then item 8
    paragraphs, owners = rows["8."]
    # No declarations item here: the interest is minuted with the business it is on.
    assert (
        f"Ross Graves declared a financial interest in item 8: {GRAVES_INTEREST}. The Chair "
        "ruled that Ross Graves remain but take no part in the decision."
    ) in paragraphs
    assert (
        "The co-production training mentioned in the Plan is for ICB staff. It was agreed that "
        "the ICB lead for this work will liaise with Maxine Taffetani to discuss the approach."
    ) in paragraphs
    assert paragraphs[-1] == f"Action 4: {ICB_SECRET} (Ross Graves)"
    assert owners.endswith("RG")
    assert not any(SHAH_INTEREST in text for text in paragraphs)


def test_imported_actions_are_tied_to_the_item_their_reference_names(
    demo_store: Store,
) -> None:
    """The demo ICB tracker cites minutes "4", "6" and "8" (the Board numbers its minutes
    by item): each action is tied to that item, so making item 8 confidential keeps its
    action out of the public tracker."""
    meeting_id = demo_store.meeting_on("ICB", ICB_DAY).id or 0
    assert [(a.minute, a.item) for a in demo_store.actions("ICB")] == [
        ("4", 4),
        ("6", 6),
        ("8", 8),
    ]
    _make_confidential(demo_store, meeting_id, 8)
    public = _tracked(_tracker(demo_store, "ICB", NEXT_ICB_DAY))
    secret = next(a.description for a in demo_store.actions("ICB") if a.item == 8)
    assert not any(secret[:40] in text for text in public)
    private = _tracked(_tracker(demo_store, "ICB", NEXT_ICB_DAY, public=False))
    assert any(secret[:40] in text for text in private)
