"""A decision's label is the same wherever it is shown (`domain.labels`): in live
capture's record panel, on the meeting screen's Minutes tab and in the Word minutes. On
the demo ICB meeting of 29 July 2022 (lettered through the meeting, seed 003) a
resolution at item 3 is (a), what is noted at item 8 is a sentence with no letter, and
item 11's two resolutions are (b) and (c); a resolution typed "That the Board approves
..." is the sentence "The Board resolved to approve ...", with no letter. On the HCP
meeting of 20 September 2023 (numbered within each item, seed 001) item 2's two are
1. and 2., and item 3's one is not numbered."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import docx
from docx.oxml.ns import qn
from textual.widgets import Static

from minutebook.application.capture import MeetingCapture
from minutebook.domain.room import Mark
from minutebook.exporters.common import save_document
from minutebook.exporters.nhs import render_nhs_minutes
from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.live import LiveMeetingScreen
from tests.tui.test_minute_body_in_the_app import minutes_tab

SIZE = (100, 30)


def _held(store: Store, code: str, now: datetime) -> tuple[int, MeetingCapture]:
    meeting_id = store.meeting_on(code, now.date()).id or 0
    capture = MeetingCapture(store, meeting_id, lambda: now)
    capture.take_up(1)
    for seat in capture.seats:
        if seat.holder and seat.voting and seat.is_current:
            capture.mark(seat.holder, Mark.PRESENT, 1)
    return meeting_id, capture


async def _shown(
    store: Store, meeting_id: int, now: datetime, *items: int
) -> tuple[list[str], str]:
    """The record panel at each of `items`, and the Minutes tab."""
    app = MinutebookApp(store, clock=lambda: now, open_meeting=meeting_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LiveMeetingScreen)
        panels = []
        for item in items:
            screen.go_to(item)
            await pilot.pause()
            panels.append(str(screen.query_one("#live-decisions", Static).render()))
        tab = await minutes_tab(app, pilot, meeting_id)
    return panels, tab


async def test_the_icb_letters_its_decisions_alike_everywhere(
    demo_store: Store, tmp_path: Path
) -> None:
    now = datetime(2022, 7, 29, 11, 5)
    meeting_id, capture = _held(demo_store, "ICB", now)
    for item in (3, 8, 11):
        capture.take_up(item)
    capture.decide(3, "To approve the minutes of 1 July 2022.")
    capture.decide(8, "NOTED: the interim strategy.")
    capture.decide(11, "To approve the review.")
    capture.decide(11, "To ask for a report in September.")
    capture.take_up(12)
    capture.decide(12, "That the Board approves the commissioner review.")
    (panel,), tab = await _shown(demo_store, meeting_id, now, 11)
    assert "  (b) To approve the review.  [decision 1]" in panel.splitlines()
    assert "  (c) To ask for a report in September.  [decision 2]" in panel.splitlines()
    lines = tab.splitlines()
    for shown in (
        "  (a) To approve the minutes of 1 July 2022.",
        "  the interim strategy.",
        "  (b) To approve the review.",
        "  (c) To ask for a report in September.",
        "  That the Board approves the commissioner review.",
    ):
        assert shown in lines, shown
    path = tmp_path / "minutes.docx"
    save_document(render_nhs_minutes(demo_store.minutes_snapshot(meeting_id), public=True), path)
    body = docx.Document(str(path)).element.body
    text = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p"))]
    for printed in (
        "(a) To approve the minutes of 1 July 2022.",
        "The Board noted the interim strategy.",
        "(b) To approve the review.",
        "(c) To ask for a report in September.",
        "The Board resolved to approve the commissioner review.",
    ):
        assert printed in text, printed
    assert not [line for line in text if "resolved that the Board" in line]


async def test_the_hcp_numbers_its_decisions_alike_in_live_capture_and_the_minutes_tab(
    demo_store: Store,
) -> None:
    now = datetime(2023, 9, 20, 14, 5)
    meeting_id, capture = _held(demo_store, "HCP", now)
    for item in (2, 3):
        capture.take_up(item)
    capture.decide(2, "That the report be noted.")
    capture.decide(2, "That the bid be supported.")
    capture.decide(3, "That the plan be approved.")
    (panel, lone), tab = await _shown(demo_store, meeting_id, now, 2, 3)
    assert panel.splitlines()[:3] == [
        "RESOLVED:",
        "  1. That the report be noted.  [decision 1]",
        "  2. That the bid be supported.  [decision 2]",
    ]
    assert lone.splitlines() == ["RESOLVED -", "  That the plan be approved.  [decision 1]"]
    lines = tab.splitlines()
    at = lines.index("  1. That the report be noted.")
    assert lines[at + 1] == "  2. That the bid be supported."
    at = lines.index("  That the plan be approved.")
    assert lines[at - 1] == "RESOLVED -"
