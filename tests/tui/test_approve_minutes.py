"""Pilot test: the previous minutes approved in live capture at the next meeting, subject
to an amendment; the store then holds the approval minuted, the correction audited and
the earlier minutes signed and locked (docs/lifecycle.md)."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

import pytest
from textual.widgets import Input, Select

from minutebook.application.lifecycle import MinutesLifecycle
from minutebook.domain import AgendaItem, Meeting, MinutesStatus
from minutebook.domain.timeline import EventKind
from minutebook.store import Conflict, Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.live import LiveMeetingScreen
from minutebook.tui.widgets.form import FormScreen

SEPT = date(2023, 9, 20)
NOV = date(2023, 11, 15)
NOW = datetime(2023, 11, 15, 14, 5)
AMENDMENT = "HCP10: for 'noted' read 'agreed'."
WELCOME = " to the meeting of the Partnership at the Civic Offices."


async def test_previous_minutes_approved_subject_to_an_amendment(demo_store: Store) -> None:
    store = demo_store
    september = store.meeting_on("HCP", SEPT)
    sept_id = september.id or 0
    store.write_narrative(sept_id, 1, "The Chair welcomed members.")
    MinutesLifecycle(store).circulate(sept_id, date(2023, 9, 27))
    november = store.add_meeting(Meeting(committee="HCP", date=NOV))
    nov_id = november.id or 0
    for title in ("Welcome and Apologies", "Minutes", "Actions Arising"):
        store.add_agenda_item(nov_id, AgendaItem(number=1, title=title))
    app = MinutebookApp(store, clock=lambda: NOW, open_meeting=nov_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LiveMeetingScreen)
        await pilot.press("f12")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#field-earlier", Select).value == str(sept_id)
        assert form.query_one("#field-item", Select).value == "2"
        assert form.query_one("#field-chair", Input).value
        form.query_one("#field-outcome", Select).value = "amended"
        form.query_one("#field-amendment", Input).value = AMENDMENT
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        live = app.screen
        assert isinstance(live, LiveMeetingScreen)
        # The screen knows the approval at once: item 2 has its minute number, and
        # going to it shows the decision.
        approved = live.capture.minute(2)
        assert approved is not None and approved.number
        await pilot.press("f8")
        await pilot.pause()
        assert "approved and signed" in str(live.decisions.render())
    signed = store.meeting(sept_id)
    assert signed.status is MinutesStatus.SIGNED
    assert (signed.approved_on, signed.signed_on) == (NOV, NOV)
    [minute] = store.minutes(nov_id)
    assert minute.item == 2
    assert minute.number  # issued, as for any decision
    assert minute.decisions[0].text == (
        "That the Minutes of the meeting of the Milton Keynes Health and Care Partnership held on "
        f"20 September 2023 be approved and signed by the Chair as a correct record, "
        f"subject to the following amendment: {AMENDMENT}"
    )
    [amended] = [e for e in store.timeline(sept_id) if e.kind is EventKind.AMENDED]
    assert amended.note is not None and amended.note.endswith(AMENDMENT)
    trail = store.audit_trail(sept_id)
    assert any(e.table == "timeline" and AMENDMENT in (e.after or "") for e in trail)
    assert store.minutes(sept_id)[0].narrative == "The Chair welcomed members."
    with pytest.raises(Conflict, match="minutes of 20 September 2023 are signed and locked"):
        store.write_narrative(sept_id, 1, "Rewritten.")
    with pytest.raises(sqlite3.IntegrityError, match="signed and locked"):
        store.db.conn.execute("UPDATE minutes SET narrative = 'x' WHERE meeting_id = ?", [sept_id])
    if store.db.conn.in_transaction:
        store.db.conn.execute("ROLLBACK")


async def test_c_asks_the_circulation_date_and_t_shows_the_audit_trail_in_words(
    demo_store: Store,
) -> None:
    """On the meeting screen: `c` asks the date the minutes were circulated (today,
    editable); a change made after that is in the audit trail that `t` shows as a
    record: a heading per change, values in words, no ids."""
    from textual.widgets import Static

    from minutebook.tui.screens.lifecycle_forms import AuditScreen
    from minutebook.tui.screens.meeting import MeetingScreen

    store = demo_store
    sept_id = store.meeting_on("HCP", SEPT).id or 0
    store.write_narrative(sept_id, 1, f"The Chair welcomed members{WELCOME}")
    app = MinutebookApp(store, clock=lambda: datetime(2023, 9, 27, 9, 0))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(MeetingScreen(sept_id))
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        date_field = form.query_one("#field-circulated_on", Input)
        assert date_field.value == "27/09/2023"
        date_field.value = "19/09/2023"
        await pilot.press("ctrl+s")
        await pilot.pause()
        errors = str(form.query_one("#form-errors", Static).render())
        assert "cannot be circulated on 19 September 2023, before the meeting" in errors
        assert store.meeting(sept_id).status is MinutesStatus.DRAFT
        date_field.value = "26/09/2023"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormScreen)
        sent = store.meeting(sept_id)
        assert (sent.status, sent.circulated_on) == (MinutesStatus.CIRCULATED, date(2023, 9, 26))
        store.update_meeting(sent.model_copy(update={"venue": "Council Chamber"}))
        store.write_narrative(sept_id, 1, f"The Chair welcomed members and guests{WELCOME}")
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, AuditScreen)
        trail = app.screen.query_one("#audit-trail")
        shown = [str(s.render()) for s in trail.query(Static)]
    assert shown[0].endswith(" — Meeting details changed")
    assert shown[1] == f"Venue: {sent.venue} → Council Chamber"
    assert shown[2].endswith(" — The minute of item 1 changed")
    assert shown[3] == ("The minute's text: added ' and guests' after 'The Chair welcomed members'")
    assert not any("meeting_id" in line or "update minutes" in line for line in shown)
