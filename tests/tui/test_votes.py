"""Pilot tests of votes in live capture (F3) on the demo HCP meeting of 20 September
2023: a vote larger than the members entitled to vote at the item is refused, naming the
item and the numbers, with nothing stored; the same decision with a vote that fits is
stored with it. At item 2, 16 members may vote (15 voting members in the room and J
Blakesley deputising for Harrison; Wilkinson is remote, which does not count at the
HCP; M Carr is an officer); Bracey declared an interest and left for the item: 15."""

from __future__ import annotations

from textual.widgets import Input, Select

from minutebook.application.capture import MeetingCapture
from minutebook.domain.votes import Vote
from minutebook.store import Store
from minutebook.tui.screens.live_dialogs import RecordsDialog
from tests.tui.test_live_story import (
    NOW,
    SIZE,
    decisions_panel,
    form,
    form_errors,
    go_to_item,
    live,
    make_app,
    meeting_id,  # noqa: F401 (a fixture)
    record_decision,
    seed_room,
    set_value,
)
from tests.tui.test_minute_body_in_the_app import minutes_tab


async def test_a_vote_larger_than_those_entitled_is_refused_and_one_that_fits_stored(
    demo_store: Store,
    meeting_id: int,  # noqa: F811
) -> None:
    seed_room(demo_store, meeting_id, late=False)
    capture = MeetingCapture(demo_store, meeting_id, lambda: NOW)
    capture.declare("bracey", 2, None, "Director of a bidder", "leave", at_item=1)
    app = make_app(demo_store, meeting_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await go_to_item(pilot, 2)
        text = "That the bid be supported."
        await record_decision(pilot, text, in_favour="10", against="5", abstentions="1")
        assert form_errors(app) == (
            "10 for, 5 against and 1 abstention is 16 votes; only 15 members present at "
            "item 2 may vote"
        )
        assert demo_store.minute_for(meeting_id, 2) is None  # nothing stored
        await set_value(pilot, "against", "4")
        await set_value(pilot, "proposer", "marland")
        # Only those who may vote at the item are offered: not Bracey, out of the room.
        (seconder,) = [f for f in form(app).fields if f.key == "seconder"]
        offered = [value for _, value in seconder.options]
        assert "hopkins" in offered and "bracey" not in offered and len(offered) == 15
        await set_value(pilot, "seconder", "hopkins")
        assert form(app).query_one("#field-seconder").region.bottom <= SIZE[1]
        await pilot.press("ctrl+s")
        await pilot.pause()
        live(app)  # the form has closed
    minute = demo_store.minute_for(meeting_id, 2)
    assert minute is not None
    (decision,) = minute.decisions
    assert decision.text == text
    assert decision.vote == Vote(
        in_favour=10, against=4, abstentions=1, proposer="marland", seconder="hopkins"
    )


async def test_f9_corrects_a_decision_s_vote_refusing_more_than_those_entitled(
    demo_store: Store,
    meeting_id: int,  # noqa: F811
) -> None:
    """The correction shows the vote's fields filled with the stored vote; a change that
    more members cast than may vote at the item is refused in the form, naming the item
    and the numbers, with nothing changed; one that fits is stored. The record panel
    shows each decision's vote in the minutes' words."""
    seed_room(demo_store, meeting_id, late=False)
    capture = MeetingCapture(demo_store, meeting_id, lambda: NOW)
    capture.declare("bracey", 2, None, "Director of a bidder", "leave", at_item=1)
    capture.take_up(2)
    taken = {"in_favour": "10", "against": "4", "proposer": "marland", "seconder": "hopkins"}
    capture.decide(2, "That the bid be supported.", vote=taken)
    app = make_app(demo_store, meeting_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await go_to_item(pilot, 2)
        panel = decisions_panel(app)
        assert "RESOLVED -\n  That the bid be supported." in panel  # one point: no number
        assert "On being put to the vote the motion was carried, 10 for, 4 against." in panel
        assert f"Proposed by {capture.name('marland')}, seconded by" in panel
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, RecordsDialog)
        await pilot.press("enter")  # the decision, the first line
        await pilot.pause()
        shown = form(app).query_one("#field-in_favour", Input).value
        assert shown == "10" and form(app).query_one("#field-proposer", Select).value == "marland"
        await set_value(pilot, "against", "6")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert form_errors(app) == (
            "10 for, 6 against and 0 abstentions is 16 votes; only 15 members present at "
            "item 2 may vote"
        )
        (kept,) = demo_store.minute_for(meeting_id, 2).decisions  # type: ignore[union-attr]
        assert kept.vote == Vote(in_favour=10, against=4, proposer="marland", seconder="hopkins")
        await set_value(pilot, "against", "5")
        await set_value(pilot, "named", "")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RecordsDialog)  # the form has closed
        await pilot.press("escape")
        await pilot.pause()
        assert "carried, 10 for, 5 against." in decisions_panel(app)
    (changed,) = demo_store.minute_for(meeting_id, 2).decisions  # type: ignore[union-attr]
    assert changed.vote == Vote(in_favour=10, against=5, proposer="marland", seconder="hopkins")


async def test_the_meeting_screen_s_minutes_tab_shows_a_vote_with_its_resolution(
    demo_store: Store,
    meeting_id: int,  # noqa: F811
) -> None:
    """The Minutes tab lays votes out as the council minutes do: the vote just before
    the heading of the resolution it decided, which stands under a heading of its own."""
    seed_room(demo_store, meeting_id, late=False)
    capture = MeetingCapture(demo_store, meeting_id, lambda: NOW)
    capture.take_up(2)
    capture.decide(2, "That the report be noted.")
    capture.decide(2, "That the bid be supported.", vote={"in_favour": "9", "against": "3"})
    app = make_app(demo_store, meeting_id)
    async with app.run_test(size=SIZE) as pilot:
        lines = (await minutes_tab(app, pilot, meeting_id)).splitlines()
    at = lines.index("  1. That the report be noted.")
    assert lines[at - 1 : at + 5] == [
        "RESOLVED:",
        "  1. That the report be noted.",
        "",
        "On being put to the vote the motion was carried, 9 for, 3 against.",
        "RESOLVED:",
        "  2. That the bid be supported.",
    ]


async def test_f3_refuses_a_lost_vote_minuted_as_resolved_and_takes_it_as_noted(
    demo_store: Store,
    meeting_id: int,  # noqa: F811
) -> None:
    seed_room(demo_store, meeting_id, late=False)
    app = make_app(demo_store, meeting_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await go_to_item(pilot, 2)
        text = "That the motion to support the bid fell."
        await record_decision(pilot, text, in_favour="5", against="9")
        assert form_errors(app).startswith(
            "Decision: the motion was lost (5 for, 9 against), and a lost motion resolves "
            "nothing, so it cannot be minuted as RESOLVED: record it as NOTED"
        )
        assert demo_store.minute_for(meeting_id, 2) is None  # nothing stored
        await set_value(pilot, "verb", "NOTED")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "On being put to the vote the motion was lost, 5 for, 9 against." in (
            decisions_panel(app)
        )
    minute = demo_store.minute_for(meeting_id, 2)
    assert minute is not None and [d.verb.value for d in minute.decisions] == ["NOTED"]
