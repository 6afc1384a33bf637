"""Pilot tests of live capture's forms at 80x24 on the demo ICB Board's meeting of
29 July 2022 (seed 003), as a new user met them: a declaration's Chair's ruling is
chosen, never assumed (F5 by hand and from a register prompt); the decision form's
examples are the Board's own, not the HCP's; a refusal under the fields goes once a
field is changed; the item's title does not repeat a minute number that is the item's
own. The HCP meeting of 20 September 2023 checks a council's examples. Asserted on the
store where something is saved."""

from __future__ import annotations

from datetime import date, datetime

from textual.widgets import Input, Select, Static

from minutebook.application.capture import MeetingCapture
from minutebook.domain.room import Mark
from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.live import LiveMeetingScreen
from minutebook.tui.widgets.form import FormScreen

SIZE = (80, 24)
DAY = date(2022, 7, 29)
NOW = datetime(2022, 7, 29, 11, 5)
REFUSED = "Chair's ruling: choose what the Chair ruled"


def _icb(store: Store, *, room: bool = True) -> int:
    """The ICB meeting, its voting members marked present at item 1."""
    meeting_id = store.meeting_on("ICB", DAY).id or 0
    if room:
        capture = MeetingCapture(store, meeting_id, lambda: NOW)
        capture.take_up(1)
        for seat in capture.seats:
            if seat.holder and seat.voting and seat.is_current:
                capture.mark(seat.holder, Mark.PRESENT, 1)
    return meeting_id


def _live(app: MinutebookApp) -> LiveMeetingScreen:
    assert isinstance(app.screen, LiveMeetingScreen), type(app.screen)
    return app.screen


def _form(app: MinutebookApp) -> FormScreen:
    assert isinstance(app.screen, FormScreen), type(app.screen)
    return app.screen


def _errors(app: MinutebookApp) -> str:
    return str(_form(app).query_one("#form-errors", Static).render())


async def test_a_declaration_by_hand_asks_for_the_ruling_and_stores_the_one_chosen(
    demo_store: Store,
) -> None:
    meeting_id = _icb(demo_store)
    app = MinutebookApp(demo_store, clock=lambda: NOW, open_meeting=meeting_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        _live(app).go_to(11)  # no prompt from the register here
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        form = _form(app)
        ruling = form.query_one("#field-ruling", Select)
        assert ruling.value is Select.NULL  # nothing chosen for the secretary
        form.query_one("#field-person", Select).value = "cox"
        form.query_one("#field-nature", Input).value = "Shares in a provider"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert _errors(app) == REFUSED
        assert demo_store.declarations(meeting_id) == []  # not saved as "leaves"
        ruling.value = "no_vote"
        await pilot.pause()
        assert _errors(app) == ""  # the refusal went with the correction
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormScreen), _errors(app)
    (declared,) = demo_store.declarations(meeting_id)
    assert (declared.person, declared.item, declared.ruling.value) == ("cox", 11, "no_vote")


async def test_a_declaration_from_a_register_prompt_asks_for_the_ruling(
    demo_store: Store,
) -> None:
    meeting_id = _icb(demo_store)
    app = MinutebookApp(demo_store, clock=lambda: NOW, open_meeting=meeting_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = _live(app)
        screen.go_to(10)  # the MK Deal: Michael Bracey's seat at Milton Keynes Council
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        form = _form(app)
        assert form.query_one("#field-person", Select).value == "bracey"
        assert form.query_one("#field-ruling", Select).value is Select.NULL
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert _errors(app) == REFUSED
    assert demo_store.declarations(meeting_id) == []


async def _examples(store: Store, meeting_id: int, now: datetime, item: int) -> tuple[str, str]:
    """The decision form's (F3) examples at `item`: of its text, and of a named vote."""
    app = MinutebookApp(store, clock=lambda: now, open_meeting=meeting_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        _live(app).go_to(item)
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        form = _form(app)
        return (
            form.query_one("#field-text", Input).placeholder,
            form.query_one("#field-named", Input).placeholder,
        )


async def test_the_decision_form_gives_the_boards_own_examples(demo_store: Store) -> None:
    # Seed 003 words what the Board resolves "To approve ..."; the first ICB seats are
    # held by Dr Rima Makarem, Andrew Blakeman and Alison Borrett.
    assert await _examples(demo_store, _icb(demo_store), NOW, 11) == (
        "To approve ... (or NOTED: ...)",
        "For: Makarem, Blakeman; Against: Borrett",
    )


async def test_a_councils_decision_form_gives_its_own_examples(demo_store: Store) -> None:
    day = datetime(2023, 9, 20, 14, 5)
    meeting_id = demo_store.meeting_on("HCP", day.date()).id or 0
    MeetingCapture(demo_store, meeting_id, lambda: day).take_up(1)
    assert await _examples(demo_store, meeting_id, day, 1) == (
        "That the Partnership ... (or NOTED: ...)",
        "For: Marland, Hopkins; Against: Bradburn",
    )


async def test_a_vote_refused_is_no_longer_said_once_a_field_is_corrected(
    demo_store: Store,
) -> None:
    meeting_id = _icb(demo_store)
    app = MinutebookApp(demo_store, clock=lambda: NOW, open_meeting=meeting_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        _live(app).go_to(11)
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        form = _form(app)
        form.query_one("#field-text", Input).value = "To approve the review"
        form.query_one("#field-in_favour", Input).value = "99"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "is 99 votes; only" in _errors(app)
        form.query_one("#field-in_favour", Input).value = "9"
        await pilot.pause()
        assert _errors(app) == ""
        assert demo_store.minute_for(meeting_id, 11) is None or not (
            demo_store.minute_for(meeting_id, 11).decisions  # type: ignore[union-attr]
        )
        await pilot.press("ctrl+s")
        await pilot.pause()
        _live(app)  # saved: the form has closed
    minute = demo_store.minute_for(meeting_id, 11)
    assert minute is not None
    (decision,) = minute.decisions
    assert decision.vote is not None and decision.vote.in_favour == 9


async def test_the_items_title_does_not_repeat_a_minute_number_that_is_its_own(
    demo_store: Store,
) -> None:
    meeting_id = _icb(demo_store)
    capture = MeetingCapture(demo_store, meeting_id, lambda: NOW)
    capture.take_up(11)
    capture.write_narrative(11, "The Chief Medical Officer presented the review.")
    minute = demo_store.minute_for(meeting_id, 11)
    assert minute is not None and minute.number == "11"  # the ICB numbers minutes by item
    app = MinutebookApp(demo_store, clock=lambda: NOW, open_meeting=meeting_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = _live(app)
        screen.go_to(11)
        await pilot.pause()
        title = str(screen.title_line.render())
    assert title.startswith("Item 11 · Commissioner Review of Percutaneous"), title
