"""Pilot tests of a new meeting's agenda (docs/agenda.md): created from the committee's
standing items, offering to carry forward the items deferred at the last meeting (a
checklist, all ticked), and the standing items edited on their own screen. Asserted on
the store."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from textual.widgets import DataTable, Input, SelectionList, Static, TextArea

from minutebook.domain import Decision, DecisionVerb
from minutebook.domain.meeting import ItemKind, ItemPlace
from minutebook.domain.standing_items import StandingItem
from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.committee import CommitteeScreen
from minutebook.tui.screens.meeting import MeetingScreen
from minutebook.tui.screens.new_meeting import CarryForwardScreen
from minutebook.tui.screens.standing_items import StandingItemsScreen
from minutebook.tui.widgets.form import FormScreen

SIZE = (80, 24)
NOW = datetime(2026, 11, 25, 10, 0)


async def meetings_tab(pilot, code: str) -> CommitteeScreen:  # type: ignore[no-untyped-def]
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


async def new_meeting(pilot, day: str, time: str = "14:00") -> None:  # type: ignore[no-untyped-def]
    """Press a on the Meetings tab and save the form with `day` and `time`."""
    await pilot.press("a")
    await pilot.pause()
    assert isinstance(pilot.app.screen, FormScreen)
    pilot.app.screen.query_one("#field-date", Input).value = day
    pilot.app.screen.query_one("#field-time", Input).value = time
    await pilot.press("ctrl+s")
    await pilot.pause()


def _meeting_on(store: Store, code: str, day: date) -> int:
    return store.meeting_on(code, day).id or 0


def _defer(store: Store, meeting_id: int, item: int) -> None:
    store.add_decision(
        meeting_id, item, Decision(verb=DecisionVerb.DEFERRED, text="to the next meeting")
    )


async def test_the_next_hcp_meeting_starts_from_the_council_standing_items(
    demo_store: Store,
) -> None:
    app = MinutebookApp(demo_store, clock=lambda: NOW)
    async with app.run_test(size=SIZE) as pilot:
        await meetings_tab(pilot, "HCP")
        await new_meeting(pilot, "08/11/2023")
        # The 20 September 2023 meeting deferred nothing: no question, the meeting opens.
        assert isinstance(app.screen, MeetingScreen)
    agenda = demo_store.agenda(_meeting_on(demo_store, "HCP", date(2023, 11, 8)))
    assert [(i.number, i.title) for i in agenda] == [
        (1, "Welcome, Introductions and Apologies"),
        (2, "Minutes"),
        (3, "Actions Arising"),
        (4, "Disclosures of Interest"),
        (5, "Any Other Business"),
        (6, "Date of the Next Meeting"),
    ]
    assert agenda[1].kind is ItemKind.MINUTES
    assert agenda[1].description == (
        "To approve, and the Chair to sign as a correct record, the Minutes of the "
        "meeting held on 20 September 2023."
    )
    assert agenda[2].kind is ItemKind.MATTERS_ARISING


async def test_items_deferred_at_the_last_meeting_are_offered_all_ticked(
    app: MinutebookApp, app_store: Store
) -> None:
    december = _meeting_on(app_store, "PAR", date(2026, 12, 10))
    _defer(app_store, december, 3)  # "Planning"
    async with app.run_test(size=SIZE) as pilot:
        await meetings_tab(pilot, "PAR")
        await new_meeting(pilot, "14/01/2027", "19:00")
        assert isinstance(app.screen, CarryForwardScreen)
        question = str(app.screen.query_one("#carry-question", Static).render())
        assert "deferred at the meeting of 10 December 2026" in question
        assert app.screen.query_one(SelectionList).selected == [3]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
    agenda = app_store.agenda(_meeting_on(app_store, "PAR", date(2027, 1, 14)))
    assert [i.title for i in agenda] == [
        "Welcome, Introductions and Apologies",
        "Minutes",
        "Actions Arising",
        "Disclosures of Interest",
        "Planning",
        "Any Other Business",
        "Date of the Next Meeting",
    ]
    assert agenda[4].kind is None and agenda[4].place is None
    assert "10 December 2026" in (agenda[1].description or "")


async def test_an_item_unticked_is_not_carried_and_escape_goes_back_to_the_form(
    app: MinutebookApp, app_store: Store
) -> None:
    december = _meeting_on(app_store, "PAR", date(2026, 12, 10))
    _defer(app_store, december, 2)
    _defer(app_store, december, 3)
    async with app.run_test(size=SIZE) as pilot:
        await meetings_tab(pilot, "PAR")
        await new_meeting(pilot, "14/01/2027", "19:00")
        assert isinstance(app.screen, CarryForwardScreen)
        await pilot.press("escape")
        await pilot.pause()
        # Back to the form as typed; nothing stored.
        assert isinstance(app.screen, FormScreen)
        assert app.screen.query_one("#field-date", Input).value == "14/01/2027"
        assert [m.date for m in app_store.meetings("PAR")] == [date(2026, 12, 10)]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CarryForwardScreen)
        assert app.screen.query_one(SelectionList).selected == [2, 3]
        await pilot.press("space")  # unticks the first: "Minutes of the last meeting"
        await pilot.press("enter")
        await pilot.pause()
    agenda = app_store.agenda(_meeting_on(app_store, "PAR", date(2027, 1, 14)))
    titles = [i.title for i in agenda]
    assert "Planning" in titles and "Minutes of the last meeting" not in titles


async def test_standing_items_are_edited_on_their_screen_and_used_next(
    app: MinutebookApp, app_store: Store
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await meetings_tab(pilot, "PAR")
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, StandingItemsScreen)
        table = app.screen.query_one("#standing-table", DataTable)
        assert table.row_count == 6
        # Add the exclusion of the press and public, closing the meeting.
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-title", Input).value = "Exclusion of the Press and Public"
        form.query_one("#field-place").value = "closing"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, StandingItemsScreen)
        # A second "minutes of the previous meeting" item is refused in the form.
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-title", Input).value = "Approval of minutes"
        form.query_one("#field-kind").value = "minutes"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        errors = str(app.screen.query_one("#form-errors", Static).render())
        assert "both the minutes of the previous meeting item" in errors
        await pilot.press("escape")
        await pilot.pause()
        if not isinstance(app.screen, StandingItemsScreen):  # "discard what you typed?"
            await pilot.press("y")
            await pilot.pause()
        assert isinstance(app.screen, StandingItemsScreen)
        # Remove the welcome (the first row), after the question.
        await pilot.press("home", "delete")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    items = app_store.standing_items("PAR")
    assert [(i.title, i.place) for i in items] == [
        ("Minutes", ItemPlace.OPENING),
        ("Actions Arising", ItemPlace.OPENING),
        ("Disclosures of Interest", ItemPlace.OPENING),
        ("Any Other Business", ItemPlace.CLOSING),
        ("Date of the Next Meeting", ItemPlace.CLOSING),
        ("Exclusion of the Press and Public", ItemPlace.CLOSING),
    ]
    assert items[-1] == StandingItem(
        title="Exclusion of the Press and Public",
        kind=ItemKind.OTHER,
        place=ItemPlace.CLOSING,
    )


async def test_moving_a_standing_item_keeps_it_among_its_place(
    app: MinutebookApp, app_store: Store
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await meetings_tab(pilot, "PAR")
        await pilot.press("s")
        await pilot.pause()
        # Disclosures of interest up to second, as seed 003 takes declarations.
        await pilot.press("down", "down", "down", "shift+up", "shift+up")
        await pilot.pause()
        # The first closing item cannot move up among the opening ones.
        await pilot.press("end", "up", "shift+up")
        await pilot.pause()
    assert [i.title for i in app_store.standing_items("PAR")] == [
        "Welcome, Introductions and Apologies",
        "Disclosures of Interest",
        "Minutes",
        "Actions Arising",
        "Any Other Business",
        "Date of the Next Meeting",
    ]


async def test_editing_a_standing_item_on_the_agenda_keeps_its_kind(
    app: MinutebookApp, app_store: Store
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await meetings_tab(pilot, "PAR")
        await new_meeting(pilot, "14/01/2027", "19:00")
        assert isinstance(app.screen, MeetingScreen)
        await pilot.press("down", "e")  # item 2, the minutes
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        wording = form.query_one("#field-description", TextArea)  # of several lines
        assert wording.text.endswith("held on 10 December 2026.")
        form.query_one("#field-title", Input).value = "Minutes of the last meeting"
        wording.text = "To approve the minutes of 10 December 2026."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
    meeting = app_store.meeting_on("PAR", date(2027, 1, 14))
    item = app_store.agenda(meeting.id or 0)[1]
    assert item.title == "Minutes of the last meeting"
    assert item.description == "To approve the minutes of 10 December 2026."
    assert (item.kind, item.place) == (ItemKind.MINUTES, ItemPlace.OPENING)


async def test_a_refusal_after_the_carry_forward_goes_back_to_the_form_as_typed(
    app: MinutebookApp, app_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The store cannot keep the meeting (a full disk, say): its words say what was typed
    is kept, so the form comes back with it and the message, and nothing is stored."""
    from minutebook.store.errors import WriteFailed

    december = _meeting_on(app_store, "PAR", date(2026, 12, 10))
    _defer(app_store, december, 3)

    def full(record: object) -> None:
        raise WriteFailed("the disk is full", "free some space, then save again")

    async with app.run_test(size=SIZE) as pilot:
        await meetings_tab(pilot, "PAR")
        await new_meeting(pilot, "14/01/2027", "19:00")
        assert isinstance(app.screen, CarryForwardScreen)
        monkeypatch.setattr(app_store, "add_meeting_record", full)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert app.screen.query_one("#field-date", Input).value == "14/01/2027"
        assert app.screen.query_one("#field-time", Input).value == "19:00"
        message = str(app.screen.query_one("#form-errors", Static).render())
        assert "the disk is full" in message
    assert [m.date for m in app_store.meetings("PAR")] == [date(2026, 12, 10)]
