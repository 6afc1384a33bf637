"""A lost vote in live capture at 80x24, on the demo ICB Board's meeting of 29 July 2022
(real temporary database) while inquorate at item 10 (Dr Rima Makarem and Alison
Borrett have left): F3's refusal of RESOLVED on a lost motion fits on the screen with
the form's title and the status line above it in view; the motion minuted as NOTED ends
its sentence with a full stop where none was typed; F9's correction leaves Abstentions
blank where none were given, and says "Corrected: ..." once saved."""

from __future__ import annotations

from datetime import date, datetime

from textual.widgets import DataTable, Input

from minutebook.application.capture import MeetingCapture
from minutebook.application.exports import Document, build_document
from minutebook.domain.room import Mark
from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.live import LiveMeetingScreen
from minutebook.tui.screens.live_dialogs import RecordsDialog
from tests.tui.settling import settled, whole
from tests.tui.test_live_story import form, form_errors, set_value

NOW = datetime(2022, 7, 29, 11, 5)
FELL = "That the motion to approve the integration plan fell"


def _inquorate_at_10(store: Store) -> int:
    meeting_id = store.meeting_on("ICB", date(2022, 7, 29)).id or 0
    capture = MeetingCapture(store, meeting_id, lambda: NOW)
    capture.take_up(1)
    capture.everyone_present(1)
    capture.take_up(10)
    for person in ("makarem", "borrett"):
        capture.mark(person, Mark.LEFT, 10)
    assert capture.quorum_at(10).inquorate
    return meeting_id


def _said(app: MinutebookApp) -> list[str]:
    return [n.message for n in app._notifications]


async def test_a_lost_vote_refused_corrected_and_minuted(demo_store: Store) -> None:
    meeting_id = _inquorate_at_10(demo_store)
    app = MinutebookApp(demo_store, clock=lambda: NOW, open_meeting=meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        live = app.screen
        assert isinstance(live, LiveMeetingScreen)
        live.go_to(10)
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        await set_value(pilot, "handling", "anyway")  # RESOLVED, the default verb
        await set_value(pilot, "in_favour", "2")
        await set_value(pilot, "against", "5")
        await set_value(pilot, "text", "That the integration plan be approved.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        shown = form(app)
        assert form_errors(app).startswith("Decision: the motion was lost (2 for, 5 against)")
        # The refusal, the title and the buttons all show, the form does not scroll, and
        # the live screen's status line above it stays in view.
        parts = ("#form-title", "#form-errors", "#form-buttons")
        assert await settled(pilot, lambda: all(whole(shown, part) for part in parts))
        box = shown.query_one("#form").region
        assert box.y >= 1 and box.bottom <= 23
        assert shown.query_one("#form").max_scroll_y == 0
        # Minuted as NOTED instead, typed without a full stop.
        await set_value(pilot, "handling", "noted")
        await set_value(pilot, "text", FELL)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is live
        (decision,) = demo_store.minute_for(meeting_id, 10).decisions  # type: ignore[union-attr]
        assert decision.text == f"{FELL}."
        assert decision.vote is not None and decision.vote.abstentions == 0
        # F9: the correction shows the numbers given, and no abstentions typed.
        await pilot.press("f9")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, RecordsDialog)
        lines = dialog._shown
        row = next(n for n, r in enumerate(lines) if r.kind == "decision" and r.item == 10)
        dialog.query_one("#deleted", DataTable).move_cursor(row=row)
        await pilot.press("e")
        await pilot.pause()
        fields = form(app)
        assert fields.query_one("#field-in_favour", Input).value == "2"
        assert fields.query_one("#field-against", Input).value == "5"
        assert fields.query_one("#field-abstentions", Input).value == ""
        await set_value(pilot, "against", "6")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog
        assert "Corrected: the decision at item 10." in _said(app)
        await pilot.press("escape")
        await pilot.pause()
    (decision,) = demo_store.minute_for(meeting_id, 10).decisions  # type: ignore[union-attr]
    assert decision.vote is not None and decision.vote.counts == (2, 6, 0)
    for style in ("council", "nhs"):
        snapshot = demo_store.minutes_snapshot(meeting_id)
        document = build_document(Document.MINUTES, snapshot, None, date(2022, 8, 1), style)
        words = [p.text for p in document.document.paragraphs]
        words += [
            p.text
            for table in document.document.tables
            for row in table.rows
            for cell in row.cells
            for p in cell.paragraphs
        ]
        said = " ".join(words)
        assert "integration plan fell." in said, style
        assert "integration plan fell " not in said and not said.endswith("plan fell"), style
