"""Storing a tracker import (application/tracker_import.py): all of it in one change or
nothing, on the demo database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from minutebook.application.tracker_import import accept, preview
from minutebook.domain import (
    Action,
    AgendaItem,
    Attendance,
    Decision,
    DecisionVerb,
    Meeting,
    Person,
)
from minutebook.domain.base import Refused
from minutebook.domain.lifecycle import Approval
from minutebook.store import Store, StoreError
from tests.interchange.trackers import HEADINGS_003, ROWS_003, renumbered, write_csv

TODAY = date(2023, 9, 20)


def tracker(tmp_path: Path, *rows: tuple[object, ...]) -> Path:
    return write_csv(tmp_path / "t.csv", [HEADINGS_003, *rows])


NEW_OWNER = (4, "01/07/2022", "Estates", "Estates review", "Jo Bloggs", "", "", "", "")
UNNUMBERED = ("", "01/07/2022", "Estates", "Estates costs", "Maria Wogan", "", "", "", "")


def counts(store: Store) -> tuple[int, int]:
    return len(store.actions("ICB")), len(store.people())


def test_unnumbered_actions_take_the_next_numbers_after_the_files_own(
    demo_store: Store, tmp_path: Path
) -> None:
    path = tracker(tmp_path, UNNUMBERED, *renumbered(ROWS_003, 7), UNNUMBERED)
    seen = preview(demo_store, "ICB", path, today=TODAY)
    assert [row.action.number for row in seen.actions] == [10, 7, 8, 9, 11]
    done = accept(demo_store, "ICB", seen, add_people=False)
    assert [a.number for a in done.actions] == [10, 7, 8, 9, 11]
    assert all(a.id is not None for a in done.actions)
    assert sorted(a.number or 0 for a in demo_store.actions("ICB")) == [1, 2, 3, 7, 8, 9, 10, 11]


def test_a_failing_store_step_leaves_nothing_stored(
    demo_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = counts(demo_store)
    seen = preview(demo_store, "ICB", tracker(tmp_path, NEW_OWNER, UNNUMBERED), today=TODAY)
    add = demo_store.add_action
    calls: list[Action] = []

    def second_fails(action: Action) -> Action:
        calls.append(action)
        if len(calls) == 2:
            raise StoreError("the disk is full")
        return add(action)

    monkeypatch.setattr(demo_store, "add_action", second_fails)
    with pytest.raises(Refused, match="row 3: the disk is full; nothing was stored"):
        accept(demo_store, "ICB", seen, add_people=True)
    assert counts(demo_store) == before  # neither the first action nor Jo Bloggs


def test_nothing_is_stored_from_a_preview_with_problems_or_unknown_owners(
    demo_store: Store, tmp_path: Path
) -> None:
    before = counts(demo_store)
    bad = preview(demo_store, "ICB", tracker(tmp_path, *ROWS_003), today=TODAY)  # 1 to 3 used
    with pytest.raises(Refused, match=r"3 row\(s\) of .* cannot be read; nothing was stored"):
        accept(demo_store, "ICB", bad, add_people=True)
    unknown = preview(demo_store, "ICB", tracker(tmp_path, NEW_OWNER), today=TODAY)
    with pytest.raises(Refused, match="not known to Minutebook: Jo Bloggs"):
        accept(demo_store, "ICB", unknown, add_people=False)
    with pytest.raises(Refused, match="this preview is of an import into ICB, not HCP"):
        accept(demo_store, "HCP", unknown, add_people=True)
    assert counts(demo_store) == before


def test_a_number_used_since_the_preview_is_refused_naming_it(
    demo_store: Store, tmp_path: Path
) -> None:
    seen = preview(demo_store, "ICB", tracker(tmp_path, *renumbered(ROWS_003, 4)), today=TODAY)
    assert seen.problems == ()
    demo_store.add_action(seen.actions[1].action)  # number 5, added meanwhile
    before = counts(demo_store)
    with pytest.raises(Refused, match=r"the action number\(s\) 5 are already used in ICB's"):
        accept(demo_store, "ICB", seen, add_people=False)
    assert counts(demo_store) == before


def test_an_unknown_committee_is_refused(demo_store: Store, tmp_path: Path) -> None:
    with pytest.raises(Refused, match="there is no committee with code 'XYZ'"):
        preview(demo_store, "XYZ", tracker(tmp_path, *ROWS_003), today=TODAY)


def test_an_action_of_signed_minutes_is_refused_naming_its_row(
    committee_store: Store, meeting: Meeting, tmp_path: Path
) -> None:
    store = committee_store
    store.save_person(Person(id="pete", name="Pete Marland"))
    store.add_agenda_item(meeting.id or 0, AgendaItem(number=1, title="Better Care Fund"))
    store.add_attendance(meeting.id or 0, Attendance(person="pete"))
    store.write_narrative(meeting.id or 0, 1, "The Partnership received the plan.")
    later = store.add_meeting(Meeting(committee="HCP", date=date(2023, 9, 20)))
    store.add_agenda_item(later.id or 0, AgendaItem(number=1, title="Minutes"))
    rows = [
        ("", "20/09/2023", "Minutes", "Send the signed minutes", "Pete Marland", "", "", "", ""),
        ("", "13/06/2023", "BCF", "Report on the plan", "Pete Marland", "", "", "", ""),
    ]
    path = tracker(tmp_path, *rows)
    seen = preview(store, "HCP", path, today=TODAY)
    assert seen.problems == ()
    # Meanwhile, 13 June 2023's minutes are approved and signed on 20 September: locked.
    approval = Approval(
        meeting_id=meeting.id or 0,
        at_meeting_id=later.id or 0,
        item=1,
        chair="Pete Marland",
        signed_on=date(2023, 9, 20),
    )
    decision = Decision(verb=DecisionVerb.RESOLVED, text="That the Minutes be approved.")
    store.approve_minutes(approval, decision, today=date(2023, 9, 20))
    with pytest.raises(Refused, match=r"^row 3: .*signed and locked.*; nothing was stored$"):
        accept(store, "HCP", seen, add_people=False)
    assert store.actions("HCP") == []
    # Previewed now, the row is named before anything is tried.
    assert [str(p) for p in preview(store, "HCP", path, today=TODAY).problems] == [
        "row 3: the minutes of 13 June 2023 are signed and locked: an action agreed there "
        "cannot be added"
    ]
