"""Snapshot tests of the live-capture screen at 80x24 and at 160x48.

The app runs on a temporary copy of the demo database, opened straight into the HCP
meeting of 20 September 2023 with the clock fixed at 14:12. The meeting is seeded
deterministically: a few attendance rows, item 1 started at 14:00 with a narrative and
two RESOLVED decisions (minute HCP8). Regenerate the SVGs under ``__snapshots__/`` with
``pytest tests/tui/test_live_snapshots.py --snapshot-update`` and look at them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from minutebook.application.capture import MeetingCapture
from minutebook.domain import Action
from minutebook.domain.room import Mark
from minutebook.store import Store
from minutebook.tui.app import MinutebookApp

NOW = datetime(2023, 9, 20, 14, 12)

NARRATIVE = (
    "The Chair welcomed everyone to the meeting of the Health and Care Partnership and "
    "introductions were made around the table.\n"
    "Apologies were received from Dr Rima Makarem and Felicity Cox; J Blakesley attended "
    "as deputy for Joe Harrison."
)


@pytest.fixture
def seeded_store(demo_path: Path) -> Iterator[tuple[Store, int]]:
    """The demo database with the 20 September 2023 meeting part-minuted."""
    store = Store.open(demo_path)
    meeting_id = store.meeting_on("HCP", date(2023, 9, 20)).id or 0
    capture = MeetingCapture(store, meeting_id, lambda: datetime(2023, 9, 20, 14, 0))
    capture.take_up(1)
    for person in ("marland", "hopkins", "bradburn", "bracey", "head"):
        capture.mark(person, Mark.PRESENT, 1)
    capture.mark("wilkinson", Mark.REMOTE, 1)
    for person in ("makarem", "cox"):
        capture.mark(person, Mark.APOLOGIES, 1)
    capture.add_to_room("J Blakesley", "deputy", 1, deputy_for="S12")
    capture.add_to_room("M Carr", "officer", 1, role="Deputy Director Public Health")
    capture.write_narrative(1, NARRATIVE)
    capture.decide(1, "That the apologies and the deputy be noted.")
    capture.decide(1, "That Councillor Long be welcomed as an observer to the Partnership.")
    try:
        yield store, meeting_id
    finally:
        store.close()


def make_app(seeded: tuple[Store, int]) -> MinutebookApp:
    store, meeting_id = seeded
    return MinutebookApp(store, clock=lambda: NOW, open_meeting=meeting_id)


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.pause(0.1)


async def open_room(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.press("f2")
    await pilot.pause()


def test_live_screen_80x24(seeded_store: tuple[Store, int], snap_compare: Any) -> None:
    assert snap_compare(make_app(seeded_store), terminal_size=(80, 24), run_before=settle)


def test_live_screen_160x48(seeded_store: tuple[Store, int], snap_compare: Any) -> None:
    assert snap_compare(make_app(seeded_store), terminal_size=(160, 48), run_before=settle)


def test_attendance_view_80x24(seeded_store: tuple[Store, int], snap_compare: Any) -> None:
    assert snap_compare(make_app(seeded_store), terminal_size=(80, 24), run_before=open_room)


def test_live_screen_inquorate_80x24(seeded_store: tuple[Store, int], snap_compare: Any) -> None:
    """With only four counted (one quarter of 19 is 5) the status line says why."""
    store, meeting_id = seeded_store
    capture = MeetingCapture(store, meeting_id, lambda: NOW)
    capture.mark("head", Mark.APOLOGIES, 1)
    capture.mark("blakesley", Mark.ABSENT, 1)
    assert snap_compare(make_app(seeded_store), terminal_size=(80, 24), run_before=settle)


def test_live_screen_with_three_actions_80x24(
    seeded_store: tuple[Store, int], snap_compare: Any
) -> None:
    """Two decisions and three actions: the panel under the editor at its fullest."""
    store, meeting_id = seeded_store
    for description, owner, due in (
        ("Circulate the updated membership list to all partners", "head", date(2023, 10, 4)),
        ("Write to Councillor Long confirming observer status", "marland", date(2023, 9, 27)),
        ("Add the deputies' register to the next agenda", "carr", date(2023, 12, 13)),
    ):
        store.add_action(
            Action(
                committee="HCP",
                meeting_date=date(2023, 9, 20),
                meeting_id=meeting_id,
                item=1,
                minute="HCP8",
                item_title="Welcome, Introductions and Apologies",
                description=description,
                owner=owner,
                due=due,
                number=100 + len(store.meeting_actions(store.meeting(meeting_id))),
            )
        )
    assert snap_compare(make_app(seeded_store), terminal_size=(80, 24), run_before=settle)
