"""Exporting a draft of the minutes from the meeting screen (`x`) offers to mark them
circulated, on today's date or another typed there, once the file is written
(docs/lifecycle.md). Minutes already circulated or approved are not offered it; a date
the domain refuses, or the offer taken with another document chosen, is said in the form
and nothing is written. Pilot, asserted on the stored meeting's circulated_on."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date, datetime
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from minutebook.domain import Attendance
from minutebook.domain.meeting import MinutesStatus
from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.meeting import MeetingScreen
from minutebook.tui.widgets.form import FormScreen
from tests.tui.test_export_from_tui import open_the_export_form

JULY = date(2022, 7, 29)  # the ICB's draft meeting in the demo
TODAY = datetime(2022, 8, 3, 9, 0)


def _draft_with_a_record(store: Store) -> int:
    meeting_id = store.meeting_on("ICB", JULY).id or 0
    store.add_attendance(meeting_id, Attendance(person="makarem"))
    return meeting_id


@asynccontextmanager
async def _export_form(
    store: Store, meeting_id: int
) -> AsyncIterator[tuple[MinutebookApp, Pilot[None]]]:
    """The meeting's screen at 80x24 on 3 August 2022, its export form open."""
    app = MinutebookApp(store, clock=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_the_export_form(app, pilot, meeting_id)
        yield app, pilot


async def _export(app: MinutebookApp, pilot: Pilot[None], out: Path, **fields: object) -> str:
    """Fill the export form and press Ctrl+S: the form's message, "" once it closed and
    the export ran."""
    for key, value in fields.items():
        widget = app.screen.query_one(f"#field-{key}")
        if isinstance(widget, Input):
            widget.value = str(value)
        elif isinstance(widget, Select):
            widget.value = value
    out.mkdir(exist_ok=True)
    app.screen.query_one("#field-folder", Input).value = str(out)
    await pilot.press("ctrl+s")
    await pilot.pause()
    if isinstance(app.screen, FormScreen):
        return str(app.screen.query_one("#form-errors", Static).render())
    await app.workers.wait_for_complete()
    await pilot.pause()
    return ""


async def test_exporting_the_draft_marks_it_circulated_on_the_date_given(
    demo_store: Store, tmp_path: Path
) -> None:
    meeting_id = _draft_with_a_record(demo_store)
    async with _export_form(demo_store, meeting_id) as (app, pilot):
        # Offered with today's date, not ticked: exporting a draft for the Chair to
        # read first does not circulate it.
        assert app.screen.query_one("#field-circulate", Select).value is False
        assert app.screen.query_one("#field-circulated_on", Input).value == "03/08/2022"
        assert (
            await _export(app, pilot, tmp_path / "out", circulate=True, circulated_on="02/08/2022")
            == ""
        )
        assert isinstance(app.screen, MeetingScreen)
        title = str(app.screen.query_one("#meeting-title", Static).render())
        assert "minutes circulated 02/08/2022" in title
    assert (tmp_path / "out" / "ICB minutes 2022-07-29 (draft).docx").is_file()
    marked = demo_store.meeting(meeting_id)
    assert (marked.status, marked.circulated_on) == (MinutesStatus.CIRCULATED, date(2022, 8, 2))


async def test_without_the_offer_taken_the_draft_stays_a_draft(
    demo_store: Store, tmp_path: Path
) -> None:
    meeting_id = _draft_with_a_record(demo_store)
    async with _export_form(demo_store, meeting_id) as (app, pilot):
        assert await _export(app, pilot, tmp_path / "out") == ""
    assert (tmp_path / "out" / "ICB minutes 2022-07-29 (draft).docx").is_file()
    assert demo_store.meeting(meeting_id).circulated_on is None


async def test_a_refused_circulation_is_said_in_the_form_and_nothing_is_written(
    demo_store: Store, tmp_path: Path
) -> None:
    meeting_id = _draft_with_a_record(demo_store)
    async with _export_form(demo_store, meeting_id) as (app, pilot):
        said = await _export(
            app, pilot, tmp_path / "out", circulate=True, circulated_on="28/07/2022"
        )
        assert "cannot be circulated on 28 July 2022, before the meeting took place" in said
        said = await _export(
            app, pilot, tmp_path / "out", circulated_on="03/08/2022", what="agenda"
        )
        assert said == "Only minutes are circulated: export the minutes, or choose No."
        said = await _export(app, pilot, tmp_path / "out", what="minutes", circulated_on="soon")
        assert said.startswith("Circulated on:")
    assert list((tmp_path / "out").iterdir()) == []
    assert demo_store.meeting(meeting_id).status is MinutesStatus.DRAFT


async def test_minutes_already_circulated_are_not_offered_it_again(
    demo_store: Store, tmp_path: Path
) -> None:
    circulated = demo_store.meeting_on("ICB", date(2022, 7, 1)).id or 0
    async with _export_form(demo_store, circulated) as (app, pilot):
        assert not app.screen.query("#field-circulate")
        assert await _export(app, pilot, tmp_path / "out") == ""
    assert (tmp_path / "out" / "ICB minutes 2022-07-01 (draft).docx").is_file()
