"""Pilot tests of a planned remote attendance on the meeting screen's Attendance tab (`r`):
recorded with a note before the meeting, counted by the quorum forecast only where the
terms of reference count remote attendance, withdrawn by choosing the member again, and
completed by live capture when the member joins. Asserted on the store."""

from __future__ import annotations

import re
from datetime import date, datetime

from textual.widgets import Footer, Input, Select
from textual.widgets._footer import FooterKey

from minutebook.application.capture import MeetingCapture
from minutebook.domain import AttendanceStatus, Mode, Person, Seat
from minutebook.domain.room import Mark
from minutebook.domain.timeline import EventKind
from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.meeting import MeetingScreen

SIZE = (80, 24)
NOTE = "joining by video from London"


async def open_attendance(pilot, meeting_id: int) -> MeetingScreen:  # type: ignore[no-untyped-def]
    await pilot.pause()
    pilot.app.push_screen(MeetingScreen(meeting_id))
    await pilot.pause()
    await pilot.press("2")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, MeetingScreen)
    return screen


async def choose(pilot, key: str, person: str, note: str | None = None) -> None:  # type: ignore[no-untyped-def]
    """Press `key` (p or r) on the Attendance tab, choose `person`, type `note`, save."""
    await pilot.press(key)
    await pilot.pause()
    pilot.app.screen.query_one("#field-person", Select).value = person
    if note is not None:
        pilot.app.screen.query_one("#field-note", Input).value = note
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(pilot.app.screen, MeetingScreen), "the form should have closed"


def expected_count(text: str) -> int:
    found = re.search(r"quorate if everyone else comes \((\d+) expected\)", text)
    assert found, text
    return int(found.group(1))


async def test_where_remote_counts_a_planned_remote_attendance_keeps_it_quorate(
    app: MinutebookApp, app_store: Store
) -> None:
    """The parish council (quorum three, remote attendance counts): Bob's apologies make
    it inquorate; his planned remote attendance replaces them and makes it quorate
    again; `r` on him again withdraws it."""
    app_store.add_member(
        "PAR",
        Seat(id="S3", title="Member", holder="cy-dee", org="PC"),
        Person(id="cy-dee", name="Cy Dee", honorific="Councillor"),
    )
    meeting_id = app_store.meetings("PAR")[0].id or 0
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_attendance(pilot, meeting_id)
        assert "quorate if everyone else comes (3 expected)" in screen.shown["attendance"]
        # The key is in the footer, on screen at 80 columns.
        keys = {k.key: k for k in screen.query_one(Footer).query(FooterKey)}
        assert "r" in keys and keys["r"].region.right <= SIZE[0]

        await choose(pilot, "p", "bob-roy")
        assert "INQUORATE even if everyone else comes" in screen.shown["attendance"]

        await choose(pilot, "r", "bob-roy", NOTE)
        (row,) = app_store.attendance(meeting_id)
        assert (row.person, row.status, row.mode, row.note) == (
            "bob-roy",
            AttendanceStatus.PRESENT,
            Mode.REMOTE,
            NOTE,
        )
        assert app_store.timeline(meeting_id) == []  # expected, not yet arrived
        text = screen.shown["attendance"]
        assert "1 joining remotely" in text
        assert "quorate if everyone else comes (3 expected)" in text
        assert "Not counted" not in text
        assert f"Expected\n  • Councillor Bob Roy (Member; remote; {NOTE})" in text

        await choose(pilot, "r", "bob-roy")
        assert app_store.attendance(meeting_id) == []
        text = screen.shown["attendance"]
        assert "joining remotely" not in text and "Expected" not in text
        assert "quorate if everyone else comes (3 expected)" in text


async def test_where_remote_does_not_count_the_forecast_says_so(demo_store: Store) -> None:
    """The HCP (remote attendance does not count): a member who will join remotely is
    expected but not counted, just as when they sent apologies; live capture then marks
    them present in the room and they count."""
    meeting = demo_store.meeting_on("HCP", date(2023, 9, 20))
    meeting_id = meeting.id or 0
    app = MinutebookApp(demo_store, clock=lambda: datetime(2023, 9, 18, 9, 0))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_attendance(pilot, meeting_id)
        everyone = expected_count(screen.shown["attendance"])

        await choose(pilot, "r", "hopkins", NOTE)
        (row,) = demo_store.attendance(meeting_id)
        assert (row.status, row.mode, row.note) == (AttendanceStatus.PRESENT, Mode.REMOTE, NOTE)
        text = screen.shown["attendance"]
        assert expected_count(text) == everyone - 1
        assert (
            "Not counted: Councillor David Hopkins, remote: does not count at this committee"
        ) in text
        assert f"Councillor David Hopkins (Vice-Chair; remote; {NOTE})" in text

        # Apologies instead (p), then the remote attendance again (r): the count is the
        # same either way, since a remote member does not count here.
        await choose(pilot, "p", "hopkins")
        (row,) = demo_store.attendance(meeting_id)
        assert row.status is AttendanceStatus.APOLOGIES and row.note is None
        assert expected_count(screen.shown["attendance"]) == everyone - 1
        await choose(pilot, "r", "hopkins", NOTE)
        assert expected_count(screen.shown["attendance"]) == everyone - 1
        assert demo_store.attendance(meeting_id)[0].mode is Mode.REMOTE

    # On the day he comes into the room after all: live capture marks his arrival on
    # the same row, in person.
    capture = MeetingCapture(demo_store, meeting_id, lambda: datetime(2023, 9, 20, 14, 0))
    capture.take_up(1)
    capture.mark("hopkins", Mark.PRESENT, 1)
    (row,) = demo_store.attendance(meeting_id)
    assert (row.status, row.mode) == (AttendanceStatus.PRESENT, Mode.IN_PERSON)
    (arrival,) = demo_store.timeline(meeting_id)
    assert (arrival.kind, arrival.person, arrival.item) == (EventKind.ARRIVED, "hopkins", 1)


async def test_a_member_in_the_meeting_is_left_to_live_capture(demo_store: Store) -> None:
    """`r` on someone already marked in the room changes nothing: live capture owns
    the room once the meeting is under way."""
    meeting_id = demo_store.meeting_on("HCP", date(2023, 9, 20)).id or 0
    capture = MeetingCapture(demo_store, meeting_id, lambda: datetime(2023, 9, 20, 14, 0))
    capture.take_up(1)
    capture.mark("hopkins", Mark.PRESENT, 1)
    before = demo_store.attendance(meeting_id)
    app = MinutebookApp(demo_store, clock=lambda: datetime(2023, 9, 20, 14, 5))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_attendance(pilot, meeting_id)
        assert "Quorum at the opening" in screen.shown["attendance"]
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one("#field-person", Select).value = "hopkins"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "recorded in the meeting" in str(app.screen.query_one("#form-errors").render())
    assert demo_store.attendance(meeting_id) == before
