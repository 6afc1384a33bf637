"""Pilot tests of the committee's cycle as the app shows it (docs/actions.md,
docs/lifecycle.md): what the minutes say of the actions reviewed, on the meeting screen
and in live capture; signed minutes that say why nothing can be typed into them; the
matters-arising window's review column, detail and form; refusals that start a
sentence; the meeting screen's palette offering the approval and matters arising."""

from __future__ import annotations

from datetime import date, datetime

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList, Select, Static

from minutebook.application.lifecycle import MinutesLifecycle
from minutebook.application.matters import MattersArising
from minutebook.domain import AgendaItem, Meeting
from minutebook.domain.actions import ActionStatus
from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.live import LiveMeetingScreen
from minutebook.tui.screens.live_dialogs import RecordsDialog
from minutebook.tui.screens.matters_arising import MattersArisingScreen
from minutebook.tui.screens.meeting import MeetingScreen
from minutebook.tui.widgets.form import FormScreen

SEPT = date(2023, 9, 20)
NOV = date(2023, 11, 15)
SIGNED = (
    "The minutes of 20 September 2023 are signed and locked: record a correction at a later meeting"
)


def _meeting_on(store: Store, code: str, day: date) -> int:
    return next(m.id or 0 for m in store.meetings(code) if m.date == day)


def _reviewed_in_september(store: Store) -> int:
    """The HCP's meeting of 20 September 2023 closes action 1 and revises action 2."""
    sept = _meeting_on(store, "HCP", SEPT)
    matters = MattersArising(store, sept)
    first, second = (line.action.id or 0 for line in matters.actions())
    matters.record(first, ActionStatus.CLOSED, update="Bletchley chosen")
    matters.record(
        second, ActionStatus.IN_PROGRESS, update="Pilot under way", revised_due=date(2024, 1, 31)
    )
    return sept


def _next_meeting(store: Store, code: str, day: date) -> int:
    meeting_id = store.add_meeting(Meeting(committee=code, date=day)).id or 0
    for title in ("Welcome and Apologies", "Minutes", "Matters Arising", "Any other business"):
        store.add_agenda_item(meeting_id, AgendaItem(number=1, title=title))
    return meeting_id


def _approve(store: Store, earlier: int, at: int, day: date) -> None:
    lifecycle = MinutesLifecycle(store)
    chair = lifecycle.approval_defaults(at, day).chair or ""
    lifecycle.approve(at, earlier, item=2, amendment=None, chair=chair, signed_on=day, today=day)


def _minuted_in_september(store: Store) -> int:
    """20 September approves the minutes of 13 June (its record), and is circulated."""
    sept = _meeting_on(store, "HCP", SEPT)
    _approve(store, _meeting_on(store, "HCP", date(2023, 6, 13)), sept, SEPT)
    MinutesLifecycle(store).circulate(sept, date(2023, 9, 27))
    return sept


def _signed_in_november(store: Store) -> int:
    """20 September's minutes approved and signed at 15 November."""
    sept = _minuted_in_september(store)
    _approve(store, sept, _next_meeting(store, "HCP", NOV), NOV)
    return sept


def _said(app: MinutebookApp) -> list[str]:
    return [n.message for n in app._notifications]


async def _meeting_screen(pilot: Pilot[None], meeting_id: int) -> MeetingScreen:
    await pilot.pause()
    pilot.app.push_screen(MeetingScreen(meeting_id))
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, MeetingScreen)
    return screen


async def _arising(pilot: Pilot[None]) -> MattersArisingScreen:
    """F11 from live capture."""
    await pilot.pause()
    await pilot.press("f11")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, MattersArisingScreen)
    return screen


async def test_the_minutes_say_what_the_meeting_did_with_the_actions(demo_store: Store) -> None:
    sept = _minuted_in_september(demo_store)
    _reviewed_in_september(demo_store)
    words = demo_store.minutes_snapshot(sept).arising_words(2)  # the Word minutes' words
    assert words.startswith("The actions arising from previous meetings were reviewed")
    assert "Action 1 was closed." in words
    assert "The deadline for action 2 was revised to 31/01/2024." in words
    app = MinutebookApp(demo_store, clock=lambda: datetime(2023, 9, 20, 15, 0))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _meeting_screen(pilot, sept)
        await pilot.press("3")
        await pilot.pause()
        minutes = " ".join(screen.shown["minutes"].split())
        # Under its item, before its decisions, as the council minutes print it.
        heading = minutes.index("(a) Minutes; (b) Actions Arising")
        assert heading < minutes.index(words) < minutes.index("RESOLVED -")
    app = MinutebookApp(demo_store, clock=lambda: datetime(2023, 9, 20, 15, 0), open_meeting=sept)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        live = app.screen
        assert isinstance(live, LiveMeetingScreen)
        live.go_to(2)
        await pilot.pause()
        shown = " ".join(str(live.query_one("#live-decisions", Static).render()).split())
        assert words in shown
        live.go_to(4)  # an item where nothing was reviewed says nothing of the actions
        await pilot.pause()
        assert "actions arising" not in str(live.query_one("#live-decisions", Static).render())


async def test_signed_minutes_say_why_nothing_is_typed_into_them(demo_store: Store) -> None:
    sept = _signed_in_november(demo_store)
    before = demo_store.minute_for(sept, 2)
    app = MinutebookApp(demo_store, clock=lambda: datetime(2023, 11, 20, 10, 0), open_meeting=sept)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        live = app.screen
        assert isinstance(live, LiveMeetingScreen)
        added: list[str] = []
        keep = app._notifications.add
        app._notifications.add = lambda n: (added.append(n.message), keep(n))[1]  # type: ignore[method-assign]
        # The keys that would record something are greyed in the footer ...
        for key in ("f3", "f4", "f5", "f11", "f12"):
            assert live.active_bindings[key].enabled is False, key
        assert live.active_bindings["f8"].enabled
        # ... and a key or a word typed says why, in the database's words, once.
        await pilot.press(*"Typed into signed minutes")
        for key in ("f3", "f4", "f5", "ctrl+r", "f12"):
            await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, LiveMeetingScreen)  # no form opened
        assert set(added) == {SIGNED}
        assert len(added) < 3  # not one per keystroke (once more if the first expired)
        # The item's title line no longer offers F11 and F12.
        live.go_to(2)
        await pilot.pause()
        title = str(live.query_one("#live-item-title", Static).render())
        assert "F12" not in title and "F11" not in title
        # F9: deleting a decision is refused with the same words, as a sentence.
        app.clear_notifications()
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, RecordsDialog)
        await pilot.press("d")
        await pilot.pause()
        assert _said(app) == [SIGNED]
    assert demo_store.minute_for(sept, 2) == before


async def test_the_review_column_detail_and_form_say_this_meeting(demo_store: Store) -> None:
    sept = _reviewed_in_september(demo_store)
    app = MinutebookApp(demo_store, clock=lambda: datetime(2023, 9, 20, 15, 0), open_meeting=sept)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _arising(pilot)
        table = screen.query_one("#arising", DataTable)
        # The RAG agreed and the status recorded, within 80 columns.
        assert [str(table.get_row_at(r)[5]) for r in range(2)] == [
            "BLACK closed",
            "AMBER in progress",
        ]
        assert table.virtual_size.width <= table.size.width <= 80
        await pilot.press("down")
        await pilot.pause()
        detail = " ".join(str(screen.query_one("#arising-detail", Static).render()).split())
        assert (
            "This meeting: In progress, (A) AMBER: Pilot under way; deadline revised to "
            "31/01/2024" in detail
        )
        # The form's proposal follows the deadline typed: past due is red, revised amber.
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        hint = form.query_one("#form-hint", Static)
        form.query_one("#field-revised_due", Input).value = "01/08/2023"
        await pilot.pause()
        assert "Proposed RAG: (R) RED (deadline 01/08/2023" in str(hint.render())
        form.query_one("#field-revised_due", Input).value = "31/03/2024"
        await pilot.pause()
        assert "Proposed RAG: (A) AMBER (deadline 31/03/2024" in str(hint.render())
        form.query_one("#field-status", Select).value = ActionStatus.COMPLETE_PROPOSE_CLOSURE.value
        await pilot.pause()
        assert "Proposed RAG: (G) GREEN" in str(hint.render())


async def test_an_action_without_a_deadline_says_so(demo_store: Store) -> None:
    later = _next_meeting(demo_store, "ICB", date(2022, 9, 30))
    app = MinutebookApp(demo_store, clock=lambda: datetime(2022, 9, 30, 10, 0), open_meeting=later)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _arising(pilot)
        assert str(screen.query_one("#arising", DataTable).get_row_at(0)[0]) == "1"
        detail = str(screen.query_one("#arising-detail", Static).render())
        assert "No deadline" in detail and "no date" not in detail
        assert "Not reviewed at this meeting yet" in detail


async def test_the_meeting_screen_offers_the_approval_and_matters_arising(
    demo_store: Store,
) -> None:
    sept = _minuted_in_september(demo_store)
    nov = _next_meeting(demo_store, "HCP", NOV)
    app = MinutebookApp(demo_store, clock=lambda: datetime(2023, 11, 15, 16, 0))
    async with app.run_test(size=(80, 24)) as pilot:
        await _meeting_screen(pilot, nov)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"approv")
        found = app.screen.query_one(OptionList)
        for _ in range(200):  # the palette searches in the background
            if found.option_count and "Approve" in str(found.get_option_at_index(0).prompt):
                break
            await pilot.pause(0.05)
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.form_title == "Approve the previous minutes"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        titles = [title for title, _, _ in app.screen.palette_commands()]
        assert "Matters arising: review the action tracker" in titles
        assert "Mark the minutes circulated (c)" in titles and "Audit trail (t)" in titles
    assert demo_store.meeting(sept).is_locked
