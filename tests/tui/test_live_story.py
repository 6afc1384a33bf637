"""Pilot tests that play the live-capture story on the demo HCP meeting.

The app runs against a real temporary copy of the demo database with the clock fixed,
opened straight into live capture of the Health and Care Partnership meeting of
20 September 2023 (agenda items 1-9, nobody marked yet; HCP1-HCP7 were issued at the
June meeting of the same municipal year, so the next minute number is HCP8). Every test
asserts on the store, not only on the screen. The HCP quorum is one quarter of 19 voting
seats, i.e. 5 members in the room; remote members do not count.

The rules themselves (who may leave, when a decision is taken while inquorate, what a
Chair's ruling reaches) are tested where they live, in tests/domain and
tests/application; these tests check that each key reaches them and that the screen
shows what they answer.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Select, Static, TextArea

from minutebook.application.capture import MeetingCapture
from minutebook.domain import AttendanceStatus, Capacity, DecisionVerb, Mode
from minutebook.domain.meeting import DecisionFlag
from minutebook.domain.room import Mark
from minutebook.domain.timeline import EventKind
from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.live import LiveMeetingScreen
from minutebook.tui.screens.live_dialogs import AttendanceDialog, QuorumDialog, RecordsDialog
from minutebook.tui.widgets.confirm import ConfirmScreen
from minutebook.tui.widgets.form import FormScreen

SIZE = (80, 24)
NOW = datetime(2023, 9, 20, 14, 5)
MEETING_DAY = date(2023, 9, 20)

# The voting members of the HCP by seat, in the order the attendance view lists them.
SEAT_HOLDERS = [
    "marland",  # S1 Chair
    "hopkins",  # S2 Vice-Chair
    "bradburn",  # S3
    "darlington",  # S4
    "bracey",  # S5
    "collins",  # S6
    "heath",  # S7
    "head",  # S8
    "makarem",  # S9
    "cox",  # S10
    "hannon",  # S11
    "harrison",  # S12 (named deputy: blakesley)
    "alam",  # S13 (named deputy: nguyen)
    "thelwell",  # S14
    "begley",  # S15
    "taffetani",  # S16
    "baillie",  # S17
    "wilkinson",  # S18
    "held",  # S19
]

# The room of the story, one key of the attendance view per seat holder: most present,
# one remote, two apologies, Harrison absent, and Alam not marked yet (he arrives late).
ROOM_KEYS = {"makarem": "a", "cox": "a", "harrison": "x", "alam": None, "wilkinson": "r"}
IN_PERSON_MEMBERS = [
    p for p in SEAT_HOLDERS if p not in ("makarem", "cox", "harrison", "alam", "wilkinson")
]
KEY_MARKS = {"p": Mark.PRESENT, "r": Mark.REMOTE, "a": Mark.APOLOGIES, "x": Mark.ABSENT}


@pytest.fixture
def meeting_id(demo_store: Store) -> int:
    """The HCP meeting of 20 September 2023."""
    return demo_store.meeting_on("HCP", MEETING_DAY).id or 0


def make_app(store: Store, meeting_id: int) -> MinutebookApp:
    return MinutebookApp(store, clock=lambda: NOW, open_meeting=meeting_id)


def seed_room(store: Store, meeting_id: int, *, late: bool = True) -> None:
    """The story's room, taken at the roll through the capture service (for the tests
    about later steps). With `late`, Alam is left unmarked (he arrives at item 3)."""
    capture = MeetingCapture(store, meeting_id, lambda: NOW)
    capture.take_up(1)
    for person in SEAT_HOLDERS:
        key = ROOM_KEYS.get(person, "p")
        if person == "alam" and not late:
            key = "p"
        if key is not None:
            capture.mark(person, KEY_MARKS[key], 1)
    capture.add_to_room("J Blakesley", "deputy", 1, deputy_for="S12")
    capture.add_to_room("M Carr", "officer", 1, role="Public Health")


def live(app: MinutebookApp) -> LiveMeetingScreen:
    screen = app.screen
    assert isinstance(screen, LiveMeetingScreen), type(screen)
    return screen


def form(app: MinutebookApp) -> FormScreen:
    screen = app.screen
    assert isinstance(screen, FormScreen), type(screen)
    return screen


def form_errors(app: MinutebookApp) -> str:
    return str(form(app).query_one("#form-errors", Static).render())


def status_line(app: MinutebookApp) -> str:
    return str(live(app).query_one("#live-status", Static).render())


def decisions_panel(app: MinutebookApp) -> str:
    return str(live(app).query_one("#live-decisions", Static).render())


async def type_text(pilot: Pilot[Any], text: str) -> None:
    """Type `text` into whatever has focus: its first and last keys pressed, the rest
    inserted at the cursor as the editor's own typing does (Pilot takes ~80 ms a key,
    which would make these tests slow for nothing; keystrokes have their own test)."""
    focused = pilot.app.focused
    if isinstance(focused, TextArea) and len(text) > 2:
        await pilot.press(text[0])
        focused.insert(text[1:-1])
        await pilot.press("enter" if text[-1] == "\n" else text[-1])
    else:
        await pilot.press(*["enter" if ch == "\n" else ch for ch in text])
    await pilot.pause(0.05)  # longer than the 10 ms autosave delay


async def set_value(pilot: Pilot[Any], field: str, value: Any) -> None:
    widget = pilot.app.screen.query_one(f"#field-{field}")
    assert isinstance(widget, Input | Select)
    widget.value = value
    await pilot.pause()


async def go_to_item(pilot: Pilot[Any], number: int) -> None:
    """Move with F7 / F8 to agenda item `number`."""
    screen = live(pilot.app)  # type: ignore[arg-type]
    while screen.current != number:
        await pilot.press("f8" if (screen.current or 0) < number else "f7")
        await pilot.pause()


async def cursor_to(pilot: Pilot[Any], person: str) -> None:
    """Move the attendance view's cursor to `person` with the arrow keys."""
    table = pilot.app.screen.query_one("#room", DataTable)
    target = table.get_row_index(person)
    while table.cursor_row != target:
        await pilot.press("down" if table.cursor_row < target else "up")
    await pilot.pause()


async def mark(pilot: Pilot[Any], person: str, key: str, times: int = 1) -> None:
    """Open the attendance view, press `key` on `person` (`times` times: apologies or
    absent for someone recorded present is asked twice), close it again."""
    await pilot.press("f2")
    await pilot.pause()
    assert isinstance(pilot.app.screen, AttendanceDialog)
    await cursor_to(pilot, person)
    for _ in range(times):
        await pilot.press(key)
        await pilot.pause()
    await pilot.press("escape")
    await pilot.pause()


async def record_decision(pilot: Pilot[Any], text: str, **values: Any) -> None:
    await pilot.press("f3")
    await pilot.pause()
    form(pilot.app)  # type: ignore[arg-type]
    for key, value in values.items():
        await set_value(pilot, key, value)
    await set_value(pilot, "text", text)
    await pilot.press("ctrl+s")
    await pilot.pause()


async def record_action(pilot: Pilot[Any], description: str, owner: str | None, due: str) -> None:
    await pilot.press("f4")
    await pilot.pause()
    form(pilot.app)  # type: ignore[arg-type]
    await set_value(pilot, "description", description)
    if owner is not None:
        await set_value(pilot, "owner", owner)
    await set_value(pilot, "due", due)
    await pilot.press("ctrl+s")
    await pilot.pause()


# -- the room ---------------------------------------------------------------------------------


async def test_the_roll_through_f2_with_a_deputy_officers_and_an_observer(
    demo_store: Store, meeting_id: int
) -> None:
    """Most present, one remote, two apologies, a deputy for an absent member, an
    officer and an observer, all with single keys and the 'o' form."""
    app = make_app(demo_store, meeting_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "nobody marked yet" in status_line(app)
        await pilot.press("f2")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AttendanceDialog)
        table = dialog.query_one("#room", DataTable)
        assert [str(k.value) for k in table.rows] == SEAT_HOLDERS
        for person in SEAT_HOLDERS:
            key = ROOM_KEYS.get(person, "p")
            await cursor_to(pilot, person)
            if key is not None:
                await pilot.press(key)
                await pilot.pause()
        assert "quorate" in str(dialog.query_one("#attendance-summary", Static).render())
        for name, capacity, role, deputy_for in (
            ("J Blakesley", "deputy", "Deputy Chief Executive, MKUH", "S12"),
            ("M Carr", "officer", "Deputy Director Public Health", None),
            ("Long", "observer", "Councillor", None),
        ):
            await pilot.press("o")
            await pilot.pause()
            await set_value(pilot, "name", name)
            await set_value(pilot, "capacity", capacity)
            await set_value(pilot, "role", role)
            if deputy_for:
                await set_value(pilot, "deputy_for", deputy_for)
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen is dialog
        assert {"blakesley", "carr", "long"} <= {str(k.value) for k in table.rows}
        await pilot.press("escape")
        await pilot.pause()
        # 14 members in the room plus the deputy; the remote member is not counted.
        assert "QUORATE (15)" in status_line(app)

    record = demo_store.meeting_record(meeting_id)
    rows = {r.person: r for r in record.attendance}
    for person in IN_PERSON_MEMBERS:
        assert rows[person].status is AttendanceStatus.PRESENT, person
        assert record.attended(rows[person]) and record.presence_notes(person) == [], person
    assert rows["wilkinson"].mode is Mode.REMOTE
    assert rows["makarem"].status is AttendanceStatus.APOLOGIES
    assert rows["harrison"].status is AttendanceStatus.ABSENT
    assert "alam" not in rows
    assert rows["blakesley"].capacity is Capacity.DEPUTY and rows["blakesley"].deputy_for == (
        "S12",
    )
    assert rows["carr"].capacity is Capacity.OFFICER  # found by name, not created again
    assert rows["long"].capacity is Capacity.OBSERVER


async def test_left_at_item_four_and_back_at_item_five_keeps_both(
    demo_store: Store, meeting_id: int
) -> None:
    """Finding 1 through the keys: `b` at item 5 used to erase the departure at item 4,
    and item 4 showed QUORATE again."""
    capture = MeetingCapture(demo_store, meeting_id, lambda: NOW)
    capture.take_up(1)
    for person in ("marland", "hopkins", "bradburn", "darlington", "bracey"):
        capture.mark(person, Mark.PRESENT, 1)
    app = make_app(demo_store, meeting_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await go_to_item(pilot, 4)
        assert "QUORATE (5)" in status_line(app)
        await mark(pilot, "darlington", "l")
        assert "INQUORATE" in status_line(app)
        await go_to_item(pilot, 5)
        await mark(pilot, "darlington", "b")
        assert "QUORATE (5)" in status_line(app)
        await go_to_item(pilot, 4)
        assert "INQUORATE" in status_line(app)  # item 4 is still as it was
        await record_decision(pilot, "That the report be approved.", handling="anyway")
        assert "[taken while inquorate]" in decisions_panel(app)
    record = demo_store.meeting_record(meeting_id)
    assert [(m.kind, m.item) for m in record.timeline.marks("darlington")] == [
        (EventKind.ARRIVED, 1),
        (EventKind.LEFT, 4),
        (EventKind.ARRIVED, 5),
    ]
    assert record.presence_notes("darlington") == ["left during item 4 and returned during item 5"]


async def test_a_mark_made_by_mistake_is_undone_and_apologies_are_asked_twice(
    demo_store: Store, meeting_id: int
) -> None:
    seed_room(demo_store, meeting_id)
    app = make_app(demo_store, meeting_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await go_to_item(pilot, 3)
        await pilot.press("f2")
        await pilot.pause()
        await cursor_to(pilot, "heath")
        await pilot.press("l")
        await pilot.pause()
        await cursor_to(pilot, "heath")
        await pilot.press("u")
        await pilot.pause()
        await cursor_to(pilot, "bracey")
        await pilot.press("a")
        await pilot.pause()
        # Asked, not done: the same key again confirms.
        row = demo_store.meeting_record(meeting_id).row_of("bracey")
        assert row is not None and row.status is AttendanceStatus.PRESENT
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    record = demo_store.meeting_record(meeting_id)
    assert [m.kind for m in record.timeline.marks("heath")] == [EventKind.ARRIVED]
    assert any(e.kind is EventKind.LEFT and e.person == "heath" for e in record.events)
    assert record.row_of("bracey").status is AttendanceStatus.APOLOGIES  # type: ignore[union-attr]


async def test_quorum_detail_is_one_key_away_when_inquorate(
    demo_store: Store, meeting_id: int
) -> None:
    capture = MeetingCapture(demo_store, meeting_id, lambda: NOW)
    for person in ("marland", "hopkins", "bradburn"):
        capture.mark(person, Mark.PRESENT, 1)
    capture.mark("head", Mark.REMOTE, 1)
    app = make_app(demo_store, meeting_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        line = status_line(app)
        assert "INQUORATE" in line and "(F6)" in line
        await pilot.press("f6")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, QuorumDialog)
        text = dialog._text()
        assert "INQUORATE" in text and "Counted (3)" in text
        assert "Vicky Head" in text  # remote: named among those not counted
        await pilot.press("escape")
        await pilot.pause()
        live(app)


# -- the minute of an item ----------------------------------------------------------------------


async def test_item_one_discussion_and_numbered_decisions(
    demo_store: Store, meeting_id: int
) -> None:
    seed_room(demo_store, meeting_id)
    discussion = "The Chair welcomed everyone.\nApologies were received."
    app = make_app(demo_store, meeting_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = live(app)
        assert screen.current == 1
        editor = screen.query_one("#live-narrative", TextArea)
        assert editor.has_focus
        await type_text(pilot, discussion)
        minute = demo_store.minute_for(meeting_id, 1)
        assert minute is not None and minute.narrative == discussion
        assert minute.number == "HCP8"
        assert "saved" in status_line(app)
        await pilot.press("f3")
        await pilot.pause()
        assert form(app).query_one("#field-verb", Select).value == "RESOLVED"
        await type_text(pilot, "NOTED: the apologies.")  # the verb can lead the text
        await pilot.press("ctrl+s")
        await pilot.pause()
        await record_decision(pilot, "That the membership changes be approved.")
        shown = decisions_panel(app)
        # One point of each verb: not numbered, as the minutes print it (seed 001).
        assert "NOTED -\n  the apologies.  [decision 1]" in shown
        assert "RESOLVED -\n  That the membership changes be approved." in shown
        # Each takes its place in the minute where the cursor was (docs/minutes.md).
        placed = discussion + "\n[decision 1]\n[decision 2]\n"
        assert editor.text == placed and editor.has_focus
        await pilot.press("f8")
        await pilot.pause()
        assert screen.current == 2 and editor.text == ""
        assert demo_store.minute_for(meeting_id, 2) is None
        await type_text(pilot, "Agreed.")
        assert demo_store.minute_for(meeting_id, 2).number == "HCP9"  # type: ignore[union-attr]
        await pilot.press("f7")
        await pilot.pause()
        assert editor.text == placed
        assert editor.cursor_location == editor.document.end  # to add to it
    minute = demo_store.minute_for(meeting_id, 1)
    assert minute is not None
    assert [(d.verb, d.text) for d in minute.decisions] == [
        (DecisionVerb.NOTED, "the apologies."),
        (DecisionVerb.RESOLVED, "That the membership changes be approved."),
    ]
    assert demo_store.item_start_times(meeting_id) == {1: "14:05:00", 2: "14:05:00"}


async def test_decision_while_inquorate_must_be_handled(demo_store: Store, meeting_id: int) -> None:
    """Finding 4: the handling cannot be left empty; the flag follows from the room."""
    capture = MeetingCapture(demo_store, meeting_id, lambda: NOW)
    for person in ("marland", "hopkins"):
        capture.mark(person, Mark.PRESENT, 1)
    app = make_app(demo_store, meeting_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await go_to_item(pilot, 8)
        await pilot.press("f3")
        await pilot.pause()
        dialog = form(app)
        assert "INQUORATE" in str(dialog.query_one("#form-hint", Static).render())
        assert dialog.query_one("#field-handling", Select).value == "noted"
        await set_value(pilot, "handling", Select.NULL)
        await set_value(pilot, "text", "That the plan be approved.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Because inquorate: choose" in form_errors(app)
        await set_value(pilot, "handling", "noted")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await record_decision(pilot, "That the return be submitted.", handling="chairs_action")
        await record_decision(pilot, "That the plan be endorsed.", handling="anyway")
        shown = decisions_panel(app)
        assert "[taken while inquorate]" in shown and "[Chair's action]" in shown
    capture.refresh()
    minute = capture.minute(8)
    assert minute is not None
    assert [(d.verb, d.text, capture.flag(d, 8)) for d in minute.decisions] == [
        (DecisionVerb.NOTED, "That the plan be approved.", None),
        (DecisionVerb.RESOLVED, "That the return be submitted.", DecisionFlag.CHAIRS_ACTION),
        (DecisionVerb.RESOLVED, "That the plan be endorsed.", DecisionFlag.INQUORATE),
    ]


async def test_actions_are_captured_without_leaving_the_text(
    demo_store: Store, meeting_id: int
) -> None:
    seed_room(demo_store, meeting_id)
    app = make_app(demo_store, meeting_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await go_to_item(pilot, 4)
        editor = live(app).query_one("#live-narrative", TextArea)
        await type_text(pilot, "Felicity Cox presented the report. ")
        await record_action(pilot, "Circulate the ICB report", "head", "04/10/2023")
        await type_text(pilot, "Members asked about waiting times.")
        await record_action(pilot, "Report back on waiting times", "cox", "13/12/2023")
        await record_action(pilot, "Write to the ICB", None, "19/09/2023")
        errors = form_errors(app)
        assert "Owner: every action needs an owner" in errors
        assert "Due: 19/09/2023 is before the meeting (20/09/2023)" in errors
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")  # discard what was typed
        await pilot.pause()
        # Each action's line where it was agreed, after what raised it (docs/minutes.md).
        assert editor.text == (
            "Felicity Cox presented the report. \n[action 3]\n"
            "Members asked about waiting times.\n[action 4]\n"
        )
        shown = decisions_panel(app)
        assert "Circulate the ICB report (Vicky Head, by 04/10/2023)" in shown
    actions = demo_store.meeting_actions(demo_store.meeting(meeting_id))
    assert [(a.item, a.minute, a.description, a.owner) for a in actions] == [
        (4, "HCP8", "Circulate the ICB report", "head"),
        (4, "HCP8", "Report back on waiting times", "cox"),
    ]


async def test_a_declaration_takes_the_member_out_for_its_item_and_is_refused_twice(
    demo_store: Store, meeting_id: int
) -> None:
    seed_room(demo_store, meeting_id)
    app = make_app(demo_store, meeting_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await go_to_item(pilot, 2)
        for _ in range(2):
            await pilot.press("f5")
            await pilot.pause()
            await set_value(pilot, "person", "bracey")
            await set_value(pilot, "item", "4")
            await set_value(pilot, "nature", "Director of a bidding company")
            await set_value(pilot, "ruling", "leave")  # chosen: no ruling is assumed
            await pilot.press("ctrl+s")
            await pilot.pause()
        assert "already declared" in form_errors(app)  # finding 9: not saved twice
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        await go_to_item(pilot, 4)
        await pilot.press("f2")
        await pilot.pause()
        table = app.screen.query_one("#room", DataTable)
        assert table.get_row("bracey")[2] == "out"
        await pilot.press("escape")
        await pilot.pause()
    (declaration,) = demo_store.declarations(meeting_id)
    assert (declaration.person, declaration.item) == ("bracey", 4)


async def test_f9_corrects_deletes_and_brings_back(demo_store: Store, meeting_id: int) -> None:
    """Decisions, actions and declarations are corrected after saving (finding 9 and
    the issue's "edited after saving"), and nothing deleted is lost."""
    seed_room(demo_store, meeting_id)
    capture = MeetingCapture(demo_store, meeting_id, lambda: NOW)
    capture.decide(1, "That the apologies be notd.")
    capture.declare("bracey", 4, "disclosable_pecuniary", "Director", "leave", 1)
    app = make_app(demo_store, meeting_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f9")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, RecordsDialog)
        table = dialog.query_one("#deleted", DataTable)
        assert table.cursor_row == 0  # the decision
        await pilot.press("enter")
        await pilot.pause()
        await set_value(pilot, "text", "That the apologies be noted.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog
        await pilot.press("down")
        await pilot.press("d")  # the declaration
        await pilot.pause()
        assert demo_store.declarations(meeting_id) == []
        while table.cursor_row != table.row_count - 1:
            await pilot.press("down")
        await pilot.press("enter")  # on a deleted one: brings it back
        await pilot.pause()
        assert len(demo_store.declarations(meeting_id)) == 1
        await pilot.press("escape")
        await pilot.pause()
        assert "That the apologies be noted." in decisions_panel(app)
    minute = demo_store.minute_for(meeting_id, 1)
    assert minute is not None and [d.text for d in minute.decisions] == [
        "That the apologies be noted."
    ]
    kinds = [e.kind for e in demo_store.timeline(meeting_id)]
    assert {EventKind.EDITED, EventKind.DELETED, EventKind.RESTORED} <= set(kinds)


async def test_pasted_control_characters_emoji_and_huge_text_are_stored(
    demo_store: Store, meeting_id: int
) -> None:
    dirty = "Bell\x07 and escape\x1b[31m and NUL\x00 gone; tab\tkept 🎉👩‍⚕️ مرحبا بالعالم"
    clean = "Bell and escape[31m and NUL gone; tab\tkept 🎉👩‍⚕️ مرحبا بالعالم"
    huge = "\n".join(f"Line {n} of the pasted report." for n in range(1, 10_001))
    app = make_app(demo_store, meeting_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        editor = live(app).query_one("#live-narrative", TextArea)
        app.post_message(events.Paste(dirty))  # as the terminal driver sends it
        await pilot.pause(0.1)
        assert demo_store.minute_for(meeting_id, 1).narrative == clean  # type: ignore[union-attr]
        await pilot.press("f8")
        await pilot.pause()
        app.post_message(events.Paste(huge))
        await pilot.pause(0.2)
        assert editor.document.line_count == 10_000
        assert demo_store.minute_for(meeting_id, 2).narrative == huge  # type: ignore[union-attr]
        await type_text(pilot, "!")
        assert demo_store.minute_for(meeting_id, 2).narrative == huge + "!"  # type: ignore[union-attr]


# -- leaving and coming back --------------------------------------------------------------------


async def test_quitting_straight_after_typing_keeps_the_words(
    demo_store: Store, meeting_id: int
) -> None:
    """Finding 7: Ctrl+Q pressed with no pause after typing crashed (NoMatches in
    save_now) and lost the last words."""
    app = make_app(demo_store, meeting_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"The last words")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code in (0, None)
    minute = demo_store.minute_for(meeting_id, 1)
    assert minute is not None and minute.narrative == "The last words"
    # Quitting before the editor has even told the screen of the last keys (as a quick
    # Ctrl+Q in a real terminal does): the words are still saved.
    again = make_app(demo_store, meeting_id)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        editor = live(again).query_one("#live-narrative", TextArea)
        editor.insert(" and more")  # its Changed message is still queued ...
        again.exit()  # ... when the app quits
    minute = demo_store.minute_for(meeting_id, 1)
    assert minute is not None and minute.narrative == "The last words and more"


async def test_close_and_reopen_everything_is_there_exactly_as_typed(
    demo_store: Store, meeting_id: int
) -> None:
    seed_room(demo_store, meeting_id)
    app = make_app(demo_store, meeting_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_text(pilot, "Item one as typed.")
        await go_to_item(pilot, 3)
        await type_text(pilot, "Item three as typed.")
        await record_decision(pilot, "That item three be noted.", verb="NOTED")
    again = make_app(demo_store, meeting_id)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = live(again)
        assert screen.current == 3  # resumes where the meeting had got to
        typed = screen.query_one("#live-narrative", TextArea).text
        assert typed == "Item three as typed.\n[decision 1]\n"
        assert "That item three be noted." in decisions_panel(again)
        await go_to_item(pilot, 1)
        assert screen.query_one("#live-narrative", TextArea).text == "Item one as typed."


async def test_leaving_live_capture_asks_whether_the_meeting_has_ended(
    demo_store: Store, meeting_id: int
) -> None:
    app = make_app(demo_store, meeting_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")  # stay
        await pilot.pause()
        live(app)
        await pilot.press("escape")  # Escape leaves live capture as F10 does
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("Y")  # the question says "Y", so a capital answers it too
        await pilot.pause()
        assert not isinstance(app.screen, LiveMeetingScreen)
    assert demo_store.meeting(meeting_id).ended_at == "14:05"


async def test_a_meeting_minuted_on_another_day_is_recorded_without_clock_times(
    demo_store: Store, meeting_id: int
) -> None:
    """Typing up a past meeting (or trying the demo) today: marks, decisions and rulings
    go in at their item, but today's clock is not when they happened."""
    later = datetime(2023, 9, 21, 10, 0)
    app = MinutebookApp(demo_store, clock=lambda: later, open_meeting=meeting_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await mark(pilot, "marland", "p")
        await go_to_item(pilot, 4)
        await record_decision(pilot, "That the report be noted.", verb="NOTED")
        await pilot.press("f10")  # nothing to ask: now is not when it ended
        await pilot.pause()
        assert not isinstance(app.screen, (LiveMeetingScreen, ConfirmScreen))
    record = demo_store.meeting_record(meeting_id)
    assert all(event.at is None for event in record.events)
    assert all(item.started_at is None for item in record.agenda)
    assert record.meeting.ended_at is None
    minute = demo_store.minute_for(meeting_id, 4)
    assert minute is not None and [d.text for d in minute.decisions] == [
        "That the report be noted."
    ]
