"""Pilot tests of matters arising in live capture (docs/actions.md): every open action
from earlier meetings listed oldest first; one key records a review with the RAG
proposed, Enter the whole review (position, revised deadline, RAG agreed); the store then
holds each review, the revised deadline with the old one among the past deadlines, the
closure, and the escalation after three red reviews (seed 003's key)."""

from __future__ import annotations

from datetime import date, datetime

from textual.widgets import DataTable, Input, Select

from minutebook.application.matters import MattersArising
from minutebook.domain import AgendaItem, Meeting
from minutebook.domain.actions import ActionStatus
from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.live import LiveMeetingScreen
from minutebook.tui.screens.matters_arising import MattersArisingScreen
from minutebook.tui.widgets.form import FormScreen

NOV = date(2023, 11, 15)


def _next_meeting(store: Store, code: str, day: date) -> int:
    meeting = store.add_meeting(Meeting(committee=code, date=day))
    meeting_id = meeting.id or 0
    for title in ("Welcome and Apologies", "Minutes", "Matters Arising", "Any other business"):
        store.add_agenda_item(meeting_id, AgendaItem(number=1, title=title))
    return meeting_id


def _actions(store: Store, code: str) -> dict[int, object]:
    return {a.number or 0: a for a in store.actions(code)}


async def test_matters_arising_reviews_close_and_revise(demo_store: Store) -> None:
    store = demo_store
    nov_id = _next_meeting(store, "HCP", NOV)
    app = MinutebookApp(store, clock=lambda: datetime(2023, 11, 15, 14, 20), open_meeting=nov_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LiveMeetingScreen)
        await pilot.press("f11")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MattersArisingScreen)
        table = screen.query_one("#arising", DataTable)
        # The HCP's two open actions of 13 June 2023, oldest first.
        assert [str(table.get_row_at(r)[0]) for r in range(table.row_count)] == ["1", "2"]
        await pilot.press("x")  # action 1 closed by the committee, in one key
        await pilot.pause()
        assert table.cursor_row == 1  # on to the next
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-update", Input).value = "Pilot in Bletchley under way"
        form.query_one("#field-status", Select).value = ActionStatus.IN_PROGRESS.value
        form.query_one("#field-revised_due", Input).value = "31/01/2024"
        form.query_one("#field-owner", Select).value = "marland"  # reassigned
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MattersArisingScreen)
        assert str(table.get_row_at(1)[5]) == "AMBER in progress"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LiveMeetingScreen)

    actions = _actions(store, "HCP")
    first, second = actions[1], actions[2]
    assert first.status is ActionStatus.CLOSED and first.closed_on == NOV  # type: ignore[attr-defined]
    assert second.due == date(2024, 1, 31)  # type: ignore[attr-defined]
    assert second.past_deadlines == (date(2023, 9, 20),)  # type: ignore[attr-defined]
    assert second.updates[-1].text == "Pilot in Bletchley under way"  # type: ignore[attr-defined]
    assert second.rag == "A"  # type: ignore[attr-defined]  # in hand, council key
    assert second.owner == "marland"  # type: ignore[attr-defined]
    # The June minutes still name the owner they agreed.
    june = store.meeting_on("HCP", date(2023, 6, 13))
    minuted = {a.number: a for a in store.minutes_snapshot(june.id or 0).actions}
    assert minuted[2].owner == "bracey" and minuted[2].due == date(2023, 9, 20)
    reviews = store.reviews_at(nov_id)
    assert [(r.status, r.item) for r in reviews] == [
        (ActionStatus.CLOSED, 3),
        (ActionStatus.IN_PROGRESS, 3),
    ]
    words = MattersArising(store, nov_id).minutes_words()
    assert "noted on the Decision Tracker. Action 1 was closed." in words
    assert "The deadline for action 2 was revised to 31/01/2024." in words


async def test_red_at_the_third_successive_review_is_escalated(demo_store: Store) -> None:
    store = demo_store
    # Action 1 of the ICB (due 29/07/2022) was reported outstanding at two meetings ...
    for day in (date(2022, 9, 30), date(2022, 11, 25)):
        meeting_id = _next_meeting(store, "ICB", day)
        action_id = _actions(store, "ICB")[1].id  # type: ignore[attr-defined]
        MattersArising(store, meeting_id).record(action_id, ActionStatus.OUTSTANDING)
    third = _next_meeting(store, "ICB", date(2023, 1, 27))
    app = MinutebookApp(store, clock=lambda: datetime(2023, 1, 27, 10, 30), open_meeting=third)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f11")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MattersArisingScreen)
        table = screen.query_one("#arising", DataTable)
        assert str(table.get_row_at(0)[0]) == "1"
        await pilot.press("o")  # ... and at a third: escalated, as the key says
        await pilot.pause()
        assert str(table.get_row_at(0)[5]).startswith("ESCALATED outst")
    escalated = _actions(store, "ICB")[1]
    assert escalated.rag == "black"  # type: ignore[attr-defined]
    assert [r.rag for r in store.reviews_of("ICB")[escalated.id]] == ["red", "red", "black"]  # type: ignore[attr-defined]
