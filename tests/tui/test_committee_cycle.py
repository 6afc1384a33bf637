"""The committee's cycle over two meetings, played as a secretary plays it (issue: the
committee's cycle; docs/lifecycle.md, docs/actions.md, docs/agenda.md):

1. the 20 September 2023 HCP minutes, written up, are marked circulated;
2. the next meeting is created from the committee's standing items, carrying forward
   the item deferred in September;
3. at it, in live capture, the September minutes are approved subject to an amendment:
   the approval minuted, the amendment kept as a correction, the minutes signed and
   locked (by the database too);
4. under matters arising, action 1 is closed and action 2 reviewed with a revised
   deadline (the old one kept among the past deadlines);
6. the tracker screen shows each action's history;
7. the tracker presented to each meeting, and the approved minutes with their sign-off.

Asserted on the store after each step. Escalation after three red reviews is played in
tests/tui/test_matters_arising.py."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

import pytest
from textual.widgets import DataTable, Input, Select, Static

from minutebook.application.exports import Document, build_document, presented_tracker
from minutebook.domain import Decision, DecisionVerb, MinutesStatus
from minutebook.domain.actions import ActionStatus
from minutebook.domain.timeline import EventKind
from minutebook.store import Conflict, Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.committee import CommitteeScreen
from minutebook.tui.screens.live import LiveMeetingScreen
from minutebook.tui.screens.matters_arising import MattersArisingScreen
from minutebook.tui.screens.meeting import MeetingScreen
from minutebook.tui.screens.new_meeting import CarryForwardScreen
from minutebook.tui.screens.tracker import TrackerScreen
from minutebook.tui.widgets.form import FormScreen

SIZE = (80, 24)
SEPT, NOV = date(2023, 9, 20), date(2023, 11, 15)
AMENDMENT = "HCP8: for 'noted' read 'agreed'."


def _text(build: object) -> str:
    document = build.document  # type: ignore[attr-defined]
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    headers = [p.text for s in document.sections for p in s.header.paragraphs]
    return "\n".join(headers + [p.text for p in document.paragraphs] + cells)


async def test_two_meetings_of_the_committee_cycle(demo_store: Store) -> None:
    store = demo_store
    sept_id = store.meeting_on("HCP", SEPT).id or 0
    store.write_narrative(sept_id, 1, "The Chair welcomed members to the meeting.")
    store.add_decision(sept_id, 8, Decision(verb=DecisionVerb.DEFERRED, text="To November."))

    app = MinutebookApp(store, clock=lambda: datetime(2023, 9, 27, 10, 0))
    async with app.run_test(size=SIZE) as pilot:
        # 1. Circulated, from the September meeting's screen.
        app.push_screen(CommitteeScreen("HCP"))
        await pilot.pause()
        await pilot.press("4")
        table = app.screen.query_one("#meetings-table", DataTable)
        table.move_cursor(
            row=[str(table.get_row_at(r)[0]) for r in range(table.row_count)].index("20/09/2023")
        )
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        await pilot.press("c")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#field-circulated_on", Input).value == "27/09/2023"
        await pilot.press("ctrl+s")
        await pilot.pause()
        september = store.meeting(sept_id)
        assert september.status is MinutesStatus.CIRCULATED
        assert september.circulated_on == date(2023, 9, 27)

        # 2. The next meeting, from the standing items, the deferred item carried forward.
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CommitteeScreen)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-date", Input).value = "15/11/2023"
        form.query_one("#field-time", Input).value = "14:00"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CarryForwardScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
    nov_id = store.meeting_on("HCP", NOV).id or 0
    titles = [i.title for i in store.agenda(nov_id)]
    assert titles[:3] == ["Welcome, Introductions and Apologies", "Minutes", "Actions Arising"]
    assert "The Better Care Fund" in titles and titles[-1] == "Date of the Next Meeting"
    minutes_item, arising_item = 2, 3

    app = MinutebookApp(store, clock=lambda: datetime(2023, 11, 15, 14, 10), open_meeting=nov_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LiveMeetingScreen)
        # 3. Approved subject to an amendment, signed and locked.
        await pilot.press("f12")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#field-earlier", Select).value == str(sept_id)
        assert form.query_one("#field-item", Select).value == str(minutes_item)
        form.query_one("#field-outcome", Select).value = "amended"
        form.query_one("#field-amendment", Input).value = AMENDMENT
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LiveMeetingScreen)

        # 4. Matters arising: action 1 closed in one key, action 2 reviewed in full.
        await pilot.press("f11")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MattersArisingScreen)
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-update", Input).value = "Pilot in Bletchley under way"
        form.query_one("#field-status", Select).value = ActionStatus.IN_PROGRESS.value
        form.query_one("#field-revised_due", Input).value = "31/01/2024"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()

        # 6. The tracker screen: action 2's history.
        app.push_screen(TrackerScreen("HCP"))
        await pilot.pause()
        tracker = app.screen
        assert isinstance(tracker, TrackerScreen)
        rows = tracker.query_one("#tracker", DataTable)
        assert [str(rows.get_row_at(r)[0]) for r in range(rows.row_count)] == ["2"]
        detail = str(tracker.query_one("#tracker-detail", Static).render())
        assert "past deadlines 20/09/2023" in detail
        assert "15/11/2023 In progress (A) AMBER: Pilot in Bletchley under way" in detail

    # 3. The approval is minuted at November, the amendment kept, September locked.
    approval = store.approval(sept_id)
    assert approval is not None and approval.amendment == AMENDMENT
    assert (approval.at_meeting_id, approval.item) == (nov_id, minutes_item)
    minute = store.minute_for(nov_id, minutes_item)
    assert minute is not None and minute.number
    assert any(AMENDMENT in d.text for d in minute.decisions)
    assert any(e.kind is EventKind.AMENDED for e in store.timeline(sept_id)), (
        "the amendment is a recorded correction of the September minutes"
    )
    assert store.meeting(sept_id).status is MinutesStatus.SIGNED
    with pytest.raises(Conflict, match="signed and locked"):
        store.write_narrative(sept_id, 1, "Rewritten after signing.")
    with pytest.raises(sqlite3.DatabaseError, match="signed and locked"):
        store.db.execute("UPDATE minutes SET narrative = 'x' WHERE meeting_id = ?", [sept_id])
    with pytest.raises(sqlite3.DatabaseError, match="signed and locked"):
        store.db.execute(
            "INSERT INTO actions (committee, number, meeting_date, meeting_id, description, "
            "owner, past_deadlines, status) VALUES ('HCP', 99, '2023-09-20', ?, 'Added "
            "later', 'bracey', '[]', 'not_yet_due')",
            [sept_id],
        )
    assert store.audit_trail(sept_id), "changes after circulation are audited"

    # 4. Each review, the revised deadline, the past deadline and the closure.
    actions = {a.number: a for a in store.actions("HCP")}
    assert actions[1].status is ActionStatus.CLOSED and actions[1].closed_on == NOV
    assert actions[2].due == date(2024, 1, 31)
    assert actions[2].past_deadlines == (SEPT,)
    assert [(r.status, r.item) for r in store.reviews_at(nov_id)] == [
        (ActionStatus.CLOSED, arising_item),
        (ActionStatus.IN_PROGRESS, arising_item),
    ]

    # 7. The tracker presented to November shows the positions before its reviews;
    # presented to a later meeting, after them.
    to_nov = presented_tracker(store, "HCP", NOV, NOV)
    assert {a.number: a.due for a in to_nov.actions} == {1: SEPT, 2: SEPT}
    # The September minutes, approved, end with the Chair's signature, not DRAFT; the
    # November minutes say what matters arising did.
    sept_minutes = _text(
        build_document(Document.MINUTES, store.minutes_snapshot(sept_id), None, NOV)
    )
    assert "approved and signed by the chair as a correct record" in sept_minutes.lower()
    assert "DRAFT" not in sept_minutes
    assert "Date: 15 November 2023" in sept_minutes
    nov_minutes = _text(build_document(Document.MINUTES, store.minutes_snapshot(nov_id), None, NOV))
    assert "DRAFT" in nov_minutes
    assert "Action 1 was closed. The deadline for action 2 was revised to 31/01/2024." in (
        nov_minutes
    )
