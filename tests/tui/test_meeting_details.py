"""Pilot tests of correcting and deleting a meeting from the committee's Meetings tab:
`e` edits its date, times, venue and session, `Delete` deletes one that holds nothing
but its agenda. Asserted on the store."""

from __future__ import annotations

from datetime import date, datetime

from textual.widgets import DataTable, Footer, Input, Static
from textual.widgets._footer import FooterKey

from minutebook.application.lifecycle import MinutesLifecycle
from minutebook.domain import AgendaItem, Meeting, MinutesStatus, Session
from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.committee import CommitteeScreen
from minutebook.tui.screens.meeting import MeetingScreen
from minutebook.tui.widgets.confirm import ConfirmScreen
from minutebook.tui.widgets.form import FormScreen

SIZE = (80, 24)
DEMO_NOW = datetime(2026, 11, 25, 10, 0)


async def meetings_tab(pilot, code: str = "PAR") -> CommitteeScreen:  # type: ignore[no-untyped-def]
    """From the committees list, open `code` and show its meetings."""
    await pilot.pause()
    committees = pilot.app.screen.query_one("#committees", DataTable)
    for _ in range(committees.get_row_index(code)):
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("4")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, CommitteeScreen) and screen.code == code
    return screen


async def select_meeting(pilot, screen: CommitteeScreen, meeting_id: int) -> None:  # type: ignore[no-untyped-def]
    table = screen.query_one("#meetings-table", DataTable)
    for _ in range(table.get_row_index(str(meeting_id)) - table.cursor_row):
        await pilot.press("down")
    await pilot.pause()


async def fill(pilot, field: str, text: str) -> None:  # type: ignore[no-untyped-def]
    pilot.app.screen.query_one(f"#field-{field}", Input).value = text
    await pilot.pause()


async def save(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+s")
    await pilot.pause()


def form_errors(app: MinutebookApp) -> str:
    assert isinstance(app.screen, FormScreen), "the form should still be open"
    return str(app.screen.query_one("#form-errors", Static).render())


async def discard(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("escape")
    await pilot.pause()
    await pilot.press("y")  # throw away what was typed
    await pilot.pause()
    assert isinstance(pilot.app.screen, CommitteeScreen)


def notifications(app: MinutebookApp) -> list[str]:
    return [n.message for n in app._notifications]


def agenda_rows(store: Store, meeting_id: int) -> int:
    row = store.db.execute(
        "SELECT COUNT(*) FROM agenda_items WHERE meeting_id = ?", [meeting_id]
    ).fetchone()
    return int(row[0])


# -- editing ----------------------------------------------------------------------------


async def test_e_edits_date_times_venue_and_session(app: MinutebookApp, app_store: Store) -> None:
    (meeting,) = app_store.meetings("PAR")
    app_store.end_meeting(meeting.id or 0, "20:40")
    async with app.run_test(size=SIZE) as pilot:
        screen = await meetings_tab(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        # The form opens on the meeting as it stands, the end time recorded live included.
        assert app.screen.query_one("#field-date", Input).value == "10/12/2026"
        assert app.screen.query_one("#field-time", Input).value == "19:00"
        assert app.screen.query_one("#field-ended_at", Input).value == "20:40"
        await fill(pilot, "date", "17/12/2026")
        await fill(pilot, "time", "7.30pm")
        await fill(pilot, "ended_at", "21:15")
        await fill(pilot, "venue", "School Room")
        app.screen.query_one("#field-session").value = "private"  # type: ignore[attr-defined]
        await save(pilot)
        assert app.screen is screen
        table = screen.query_one("#meetings-table", DataTable)
        assert [str(c) for c in table.get_row_at(0)[:4]] == [
            "17/12/2026",
            "19:30",
            "School Room",
            "private",
        ]
    saved = app_store.meeting(meeting.id or 0)
    assert saved.date == date(2026, 12, 17)
    assert saved.time == "19:30"
    assert saved.ended_at == "21:15"
    assert saved.venue == "School Room"
    assert saved.session is Session.PRIVATE
    assert [i.title for i in app_store.agenda(meeting.id or 0)] == [
        "Apologies",
        "Minutes of the last meeting",
        "Planning",
    ]


async def test_a_blank_end_time_clears_the_one_recorded_live(
    app: MinutebookApp, app_store: Store
) -> None:
    (meeting,) = app_store.meetings("PAR")
    app_store.end_meeting(meeting.id or 0, "20:40")
    async with app.run_test(size=SIZE) as pilot:
        await meetings_tab(pilot)
        await pilot.press("e")
        await pilot.pause()
        await fill(pilot, "ended_at", "")
        await save(pilot)
        assert isinstance(app.screen, CommitteeScreen)
    saved = app_store.meeting(meeting.id or 0)
    assert saved.ended_at is None
    assert (saved.date, saved.time) == (date(2026, 12, 10), "19:00")


async def test_enter_still_opens_the_meeting(app: MinutebookApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await meetings_tab(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)


async def test_edit_refuses_a_date_in_1066_and_nonsense_times_and_changes_nothing(
    app: MinutebookApp, app_store: Store
) -> None:
    before = app_store.meetings("PAR")
    async with app.run_test(size=SIZE) as pilot:
        await meetings_tab(pilot)
        await pilot.press("e")
        await pilot.pause()
        await fill(pilot, "date", "01/01/1066")
        await fill(pilot, "time", "sevenish")
        await fill(pilot, "ended_at", "half nine")
        await save(pilot)
        message = form_errors(app)
        # Every problem at once, in the domain's words.
        assert "Date: 01/01/1066 is before 1900; check the year" in message
        assert "Start time: 'sevenish' is not a time of day; use HH:MM" in message
        assert "End time: 'half nine' is not a time of day; use HH:MM" in message
        # The date alone still wrong is still refused.
        await fill(pilot, "time", "7pm")
        await fill(pilot, "ended_at", "")
        await save(pilot)
        assert form_errors(app) == "Date: 01/01/1066 is before 1900; check the year"
        # What was typed is kept, to be corrected.
        assert app.screen.query_one("#field-date", Input).value == "01/01/1066"
        await discard(pilot)
    assert app_store.meetings("PAR") == before


async def test_edit_is_refused_with_the_stores_reason_when_numbers_would_move_period(
    demo_store: Store,
) -> None:
    """Minute HCP1 issued to 20 September 2023 (municipal year 2023/24): moving the
    meeting into June 2024 would put it in the next municipal year."""
    meeting = demo_store.meeting_on("HCP", date(2023, 9, 20))
    meeting_id = meeting.id or 0
    issued = demo_store.issue_minute_number(meeting_id, 1)
    app = MinutebookApp(demo_store, clock=lambda: DEMO_NOW)
    async with app.run_test(size=SIZE) as pilot:
        screen = await meetings_tab(pilot, "HCP")
        await select_meeting(pilot, screen, meeting_id)
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#field-date", Input).value == "20/09/2023"
        await fill(pilot, "date", "20/06/2024")
        await fill(pilot, "venue", "Elsewhere")
        await save(pilot)
        message = form_errors(app)
        assert f"The minutes of this meeting are already numbered {issued.number}" in message
        assert "20 June 2024 falls in another period" in message
        await discard(pilot)
    after = demo_store.meeting(meeting_id)
    assert after == meeting


async def test_the_meeting_that_approved_signed_minutes_keeps_what_they_print(
    demo_store: Store,
) -> None:
    """The 20 September 2023 minutes approved and signed at 15 November 2023 print that
    meeting as their next ("The next meeting will be held on 15 November 2023 at 14:00
    at Civic Offices.") and as the one that approved them: the form says so."""
    september = demo_store.meeting_on("HCP", date(2023, 9, 20))
    demo_store.write_narrative(september.id or 0, 1, "The Chair welcomed members.")
    november = demo_store.add_meeting(
        Meeting(committee="HCP", date=date(2023, 11, 15), time="14:00", venue="Civic Offices")
    )
    demo_store.add_agenda_item(november.id or 0, AgendaItem(number=1, title="Minutes"))
    MinutesLifecycle(demo_store).approve(
        november.id or 0,
        september.id or 0,
        item=1,
        amendment=None,
        chair="Peter Marland",
        signed_on=november.date,
        today=DEMO_NOW.date(),
    )
    app = MinutebookApp(demo_store, clock=lambda: DEMO_NOW)
    async with app.run_test(size=SIZE) as pilot:
        screen = await meetings_tab(pilot, "HCP")
        await select_meeting(pilot, screen, november.id or 0)
        await pilot.press("e")
        await pilot.pause()
        await fill(pilot, "date", "16/11/2023")
        await fill(pilot, "venue", "Council Chamber")
        await save(pilot)
        assert form_errors(app) == (
            "The signed minutes of 20 September 2023 name this meeting as held on 15 "
            "November 2023 at 14:00 at Civic Offices: its date, time and venue cannot be "
            "changed"
        )
        await discard(pilot)
    assert demo_store.meeting(november.id or 0) == november
    snapshot = demo_store.minutes_snapshot(september.id or 0)
    assert snapshot.next_meeting == november == snapshot.approved_at


# -- new meetings -------------------------------------------------------------------------


async def test_new_meeting_stores_7pm_as_1900(app: MinutebookApp, app_store: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await meetings_tab(pilot)
        await pilot.press("a")
        await pilot.pause()
        await fill(pilot, "date", "14/01/2027")
        await fill(pilot, "time", "7pm")
        await save(pilot)
        assert isinstance(app.screen, MeetingScreen)
    added = app_store.meeting_on("PAR", date(2027, 1, 14))
    assert added.time == "19:00"


async def test_new_meeting_refuses_1066_six_years_ahead_and_nonsense_times(
    app: MinutebookApp, app_store: Store
) -> None:
    before = app_store.meetings("PAR")
    async with app.run_test(size=SIZE) as pilot:
        await meetings_tab(pilot)
        await pilot.press("a")
        await pilot.pause()
        await fill(pilot, "date", "01/01/1066")
        await fill(pilot, "time", "7pm")
        await save(pilot)
        assert "Date: 01/01/1066 is before 1900; check the year" in form_errors(app)
        # Six years after the app's today (25 November 2026).
        await fill(pilot, "date", "25/11/2032")
        await save(pilot)
        assert "Date: 25/11/2032 is more than 5 years ahead; check the year" in form_errors(app)
        await fill(pilot, "date", "14/01/2027")
        await fill(pilot, "time", "teatime")
        await save(pilot)
        message = form_errors(app)
        assert "Time: 'teatime' is not a time of day" in message
        assert "Date" not in message
        await discard(pilot)
    assert app_store.meetings("PAR") == before


# -- deleting -----------------------------------------------------------------------------


async def test_delete_asks_then_deletes_a_meeting_and_its_agenda(
    app: MinutebookApp, app_store: Store
) -> None:
    (meeting,) = app_store.meetings("PAR")
    meeting_id = meeting.id or 0
    assert agenda_rows(app_store, meeting_id) == 3
    async with app.run_test(size=SIZE) as pilot:
        screen = await meetings_tab(pilot)
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        question = str(app.screen.query_one("#confirm-question", Static).render())
        assert question == "Delete the meeting of 10 December 2026 and its agenda of 3 items?"
        await pilot.press("n")  # a change of mind deletes nothing
        await pilot.pause()
        assert app_store.meetings("PAR") == [meeting]
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert screen.query_one("#meetings-table", DataTable).row_count == 0
        assert "Deleted the meeting of 10 December 2026." in notifications(app)
    assert app_store.meetings("PAR") == []
    assert agenda_rows(app_store, meeting_id) == 0


async def test_delete_is_refused_for_a_meeting_with_minutes(demo_store: Store) -> None:
    meeting = demo_store.meeting_on("HCP", date(2023, 6, 13))
    meeting_id = meeting.id or 0
    items = len(demo_store.agenda(meeting_id))
    app = MinutebookApp(demo_store, clock=lambda: DEMO_NOW)
    async with app.run_test(size=SIZE) as pilot:
        screen = await meetings_tab(pilot, "HCP")
        await select_meeting(pilot, screen, meeting_id)
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is screen
        assert (
            "The meeting of 13 June 2023 holds minutes; a meeting is deleted only while it "
            "holds nothing but its agenda" in notifications(app)
        )
        assert screen.query_one("#meetings-table", DataTable).row_count == 2
    assert demo_store.meeting(meeting_id) == meeting
    assert len(demo_store.agenda(meeting_id)) == items
    assert demo_store.minutes(meeting_id)


# -- keys ---------------------------------------------------------------------------------


async def test_edit_and_delete_are_in_the_footer_help_and_palette(app: MinutebookApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await meetings_tab(pilot)
        # Both keys are in the footer, within 80 columns.
        footer = {
            key.description: key.region.right for key in screen.query_one(Footer).query(FooterKey)
        }
        assert "Edit" in footer and "Delete" in footer
        assert max(footer.values()) <= SIZE[0]
        titles = [title for title, _, _ in screen.palette_commands()]
        assert "Edit meeting (e)" in titles and "Delete meeting (Del)" in titles
        await pilot.press("1")  # members: nothing to delete there
        await pilot.pause()
        assert "Delete" not in [k.description for k in screen.query_one(Footer).query(FooterKey)]
        await pilot.press("f1")
        await pilot.pause()
        source = app.screen.query_one("Markdown").source  # type: ignore[attr-defined]
        assert "`Delete` deletes a meeting" in source
        assert "| `delete` | Delete | committee.delete |" in source


async def test_a_signed_meeting_is_neither_edited_nor_deleted(
    app: MinutebookApp, app_store: Store
) -> None:
    (meeting,) = app_store.meetings("PAR")
    signed = app_store.update_meeting(meeting.model_copy(update={"status": MinutesStatus.SIGNED}))
    async with app.run_test(size=SIZE) as pilot:
        screen = await meetings_tab(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert app.screen is screen  # no form to type into and then lose
        assert (
            "The minutes of the meeting of 10 December 2026 are signed and locked; its "
            "details cannot be changed." in notifications(app)
        )
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert (
            "The minutes of 10 December 2026 are signed and locked: record a correction at a "
            "later meeting" in notifications(app)
        )
    assert app_store.meetings("PAR") == [signed]
    assert agenda_rows(app_store, meeting.id or 0) == 3
