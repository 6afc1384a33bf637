"""Pilot tests of creating a meeting and building its agenda, asserted on the store."""

from __future__ import annotations

from datetime import date

from textual.widgets import DataTable, Input, Select, Static

from minutebook.domain import Minute, Purpose
from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.meeting import MeetingScreen
from minutebook.tui.widgets.form import FormScreen

SIZE = (80, 24)


async def fill(pilot, field: str, text: str) -> None:  # type: ignore[no-untyped-def]
    pilot.app.screen.query_one(f"#field-{field}", Input).value = text
    await pilot.pause()


async def open_first_meeting(pilot) -> MeetingScreen:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.press("enter")  # the committee
    await pilot.pause()
    await pilot.press("4")  # meetings tab
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, MeetingScreen)
    return screen


async def test_new_meeting_with_agenda(app: MinutebookApp, app_store: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter", "4")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        # The usual venue is offered.
        assert app.screen.query_one("#field-venue", Input).value == "Village Hall"
        await fill(pilot, "date", "14/01/2027")
        await fill(pilot, "time", "1900")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        await pilot.press("a")
        await pilot.pause()
        await fill(pilot, "title", "Budget 2027/28")
        await fill(pilot, "lead", "Clerk")
        app.screen.query_one("#field-purpose", Select).value = "decision"
        await fill(pilot, "planned_minutes", "20")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await fill(pilot, "title", "Staffing matter")
        await pilot.press("tab", "tab", "tab", "tab")  # to the confidential box
        await pilot.pause()
        app.screen.query_one("#field-confidential").value = True  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()

    meetings = app_store.meetings("PAR")
    new = next(m for m in meetings if m.date == date(2027, 1, 14))
    assert new.time == "19:00"
    assert new.venue == "Village Hall"
    # The agenda starts from the standing items; items added go before the closing one.
    agenda = app_store.agenda(new.id or 0)
    assert [(i.number, i.title) for i in agenda] == [
        (1, "Welcome, Introductions and Apologies"),
        (2, "Minutes"),
        (3, "Actions Arising"),
        (4, "Disclosures of Interest"),
        (5, "Budget 2027/28"),
        (6, "Staffing matter"),
        (7, "Any Other Business"),
        (8, "Date of the Next Meeting"),
    ]
    assert agenda[4].purpose is Purpose.DECISION
    assert agenda[4].planned_minutes == 20
    assert agenda[4].lead == "Clerk"
    assert agenda[5].confidential is True


async def test_bad_meeting_date_is_refused(app: MinutebookApp, app_store: Store) -> None:
    before = app_store.meetings("PAR")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter", "4")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await fill(pilot, "date", "next tuesday")
        await fill(pilot, "time", "after tea")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        # Both problems are reported at once, each naming its field.
        message = str(app.screen.query_one("#form-errors", Static).render())
        assert "Date: 'next tuesday' is not a date; write it as dd/mm/yyyy" in message
        assert "Time: 'after tea' is not a time of day" in message
        await fill(pilot, "date", "14/01/2027")
        await pilot.press("ctrl+s")
        await pilot.pause()
        message = str(app.screen.query_one("#form-errors", Static).render())
        assert "Date" not in message and "not a time of day" in message
    assert app_store.meetings("PAR") == before


async def test_reorder_agenda_moves_minutes_with_items(
    app: MinutebookApp, app_store: Store
) -> None:
    meeting = app_store.meetings("PAR")[0]
    meeting_id = meeting.id or 0
    app_store.save_minute(meeting_id, Minute(item=3, number="P1", narrative="Planning noted."))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first_meeting(pilot)
        table = screen.query_one("#agenda-table", DataTable)
        await pilot.press("down", "down")  # Planning, item 3
        await pilot.press("shift+up")
        await pilot.pause()
        assert table.cursor_row == 1  # the cursor follows the item
        await pilot.press("shift+up")
        await pilot.pause()
    agenda = app_store.agenda(meeting_id)
    assert [i.title for i in agenda] == ["Planning", "Apologies", "Minutes of the last meeting"]
    (minute,) = app_store.minutes(meeting_id)
    assert minute.item == 1  # the minute went with its item


async def test_remove_item_asks_and_refuses_a_minuted_item(
    app: MinutebookApp, app_store: Store
) -> None:
    meeting_id = app_store.meetings("PAR")[0].id or 0
    app_store.save_minute(meeting_id, Minute(item=1, narrative="Apologies were received."))
    async with app.run_test(size=SIZE) as pilot:
        await open_first_meeting(pilot)
        await pilot.press("down", "delete")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("up", "delete")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    agenda = app_store.agenda(meeting_id)
    # Item 2 went and item 3 moved up; item 1 has a minute and stayed.
    assert [(i.number, i.title) for i in agenda] == [(1, "Apologies"), (2, "Planning")]


async def test_apologies_update_the_forecast_and_name_whom_to_chase(
    app: MinutebookApp, app_store: Store
) -> None:
    """Story 1: apologies arrive by email; the secretary sees at once whom to chase."""
    from minutebook.domain import Person, Seat

    app_store.add_member(
        "PAR",
        Seat(id="S3", title="Member", holder="cy-dee", org="PC"),
        Person(id="cy-dee", name="Cy Dee", honorific="Councillor"),
    )
    meeting_id = app_store.meetings("PAR")[0].id or 0
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first_meeting(pilot)
        await pilot.press("tab", "right")  # to the Attendance tab
        await pilot.pause()
        text = screen.shown["attendance"]
        assert "quorate if everyone else comes (3 expected)" in text
        await pilot.press("p")
        await pilot.pause()
        app.screen.query_one("#field-person", Select).value = "bob-roy"
        await pilot.press("ctrl+s")
        await pilot.pause()
        text = screen.shown["attendance"]
        assert "INQUORATE even if everyone else comes" in text
        assert "members counted: 2 of 3, need 3" in text
        assert "Chase: Councillor Bob Roy" in text
        # Choosing Bob again withdraws the apologies.
        await pilot.press("p")
        await pilot.pause()
        app.screen.query_one("#field-person", Select).value = "bob-roy"
        await pilot.press("ctrl+s")
        await pilot.pause()
        text = screen.shown["attendance"]
        assert "quorate if everyone else comes" in text
    assert app_store.attendance(meeting_id) == []
