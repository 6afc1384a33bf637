"""The register's prompts in live capture (docs/register.md#prompts), on the demo ICB
Board's meeting of 29 July 2022 with seed 003's register stored: an item with one prompt
(item 10, the MK Deal) is declared with F5, another (item 16) dismissed with Shift+F5;
an item with several (item 9, the Fuller stocktake: four) opens a list at F5 or
Shift+F5 where any one is declared or dismissed, and what was answered stays answered
when live capture is opened again. The meeting screen's agenda counts the members each
item prompts. Asserted on the store."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList, Select

from minutebook.application.capture import MeetingCapture
from minutebook.application.interest_prompts import MeetingPrompts, agenda_prompts
from minutebook.domain.timeline import EventKind
from minutebook.store import Store
from minutebook.store.errors import WriteFailed
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.live import LiveMeetingScreen
from minutebook.tui.screens.live_prompt_list import PromptListDialog
from minutebook.tui.screens.meeting import MeetingScreen
from minutebook.tui.widgets.confirm import ConfirmScreen
from minutebook.tui.widgets.form import FormScreen

DAY = date(2022, 7, 29)
NOW = datetime(2022, 7, 29, 11, 5)


def _with_register(store: Store) -> int:
    """The meeting of 29 July 2022: the demo keeps seed 003's register for the ICB."""
    return store.meeting_on("ICB", DAY).id or 0


async def test_an_items_one_prompt_is_declared_with_f5_and_another_dismissed_with_shift_f5(
    demo_store: Store,
) -> None:
    meeting_id = _with_register(demo_store)
    app = MinutebookApp(demo_store, clock=lambda: NOW, open_meeting=meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LiveMeetingScreen)
        assert not screen.prompt_line.display  # item 1: no one's interest touches it
        for member in ("bracey", "stock"):
            assert screen.mark(member, "present") is None
        screen.go_to(10)  # the MK Deal, led by Milton Keynes Council
        await pilot.pause()
        assert str(screen.prompt_line.render()) == (
            "Possible interest: Michael Bracey — Milton Keynes Council "
            "(F5 declare, Shift+F5 dismiss)"
        )
        await pilot.press("f5")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#field-person", Select).value == "bracey"
        assert form.query_one("#field-category", Select).value == "non_financial_professional"
        assert form.query_one("#field-nature", Input).value == "Milton Keynes Council"
        form.query_one("#field-ruling", Select).value = "remain"
        await pilot.press("ctrl+s")
        await pilot.pause()
        errors = str(app.screen.query_one("#form-errors").render()) if app.screen is form else ""
        # His seat is not a registered interest of his: the register is offered it.
        assert isinstance(app.screen, ConfirmScreen), errors
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen
        assert not screen.prompt_line.display  # declared: nothing left to answer
        screen.go_to(16)  # the Health and Care Partnership's minutes
        await pilot.pause()
        assert str(screen.prompt_line.render()).startswith("Possible interest: Cllr Tracey Stock")
        await pilot.press("shift+f5")
        await pilot.pause()
        question = app.screen
        assert isinstance(question, ConfirmScreen)
        assert question.question.startswith("Dismiss the prompt for Cllr Tracey Stock — ")
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is screen and not screen.prompt_line.display

    (declared,) = demo_store.meeting_record(meeting_id).declarations
    assert (declared.person, declared.item, declared.category.value, declared.ruling.value) == (
        "bracey",
        10,
        "non_financial_professional",
        "remain",
    )
    (dismissed,) = [e for e in demo_store.timeline(meeting_id) if e.kind is EventKind.DISMISSED]
    assert (dismissed.item, dismissed.person, dismissed.ref) == (16, "stock", None)


async def _live_at(app: MinutebookApp, pilot: Pilot[None], number: int) -> LiveMeetingScreen:
    """Live capture, opened, at item `number`."""
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, LiveMeetingScreen)
    screen.go_to(number)
    await pilot.pause()
    return screen


def _options(dialog: PromptListDialog) -> list[str]:
    options = dialog.query_one("#prompt-list", OptionList)
    return [str(options.get_option_at_index(n).prompt) for n in range(options.option_count)]


async def test_several_prompts_are_chosen_from_a_list_to_declare_or_dismiss_any(
    demo_store: Store,
) -> None:
    """Item 9 prompts four members: F5 opens the list at 80x24; the second is declared,
    the third dismissed, and both stay answered when live capture is opened again."""
    meeting_id = _with_register(demo_store)
    app = MinutebookApp(demo_store, clock=lambda: NOW, open_meeting=meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LiveMeetingScreen)
        for member in ("harrison", "kufeji", "shah", "whiteman"):
            assert screen.mark(member, "present") is None
        screen.go_to(9)
        await pilot.pause()
        line = screen.prompt_line
        assert str(line.render()) == (
            "Possible interests: Joe Harrison — National Association of Primary Care "
            "and 3 more (F5 choose)"
        )
        # The line fits its column at 80 columns: its keys are not cut off.
        wrapped = Text(str(line.render())).wrap(app.console, line.content_region.width)
        assert len(wrapped) <= line.content_region.height <= 3
        assert str(wrapped[-1]).endswith("(F5 choose)")

        await pilot.press("f5")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PromptListDialog)
        assert _options(dialog) == [
            "Joe Harrison — National Association of Primary Care",
            "Dr Omotayo Kufeji — The Bridge PCN",
            "Mahesh Shah — Oasis PCN",
            "Dr Sarah Whiteman — Stonedean Practice",
        ]
        await pilot.press("down", "enter")  # the second
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#field-person", Select).value == "kufeji"
        form.query_one("#field-ruling", Select).value = "remain"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog  # back at the list, the declared one gone
        assert _options(dialog) == [
            "Joe Harrison — National Association of Primary Care",
            "Mahesh Shah — Oasis PCN",
            "Dr Sarah Whiteman — Stonedean Practice",
        ]
        # The rows changed under the cursor: it is back on the first, and d asks who.
        assert dialog.query_one("#prompt-list", OptionList).highlighted == 0
        await pilot.press("d")
        await pilot.pause()
        question = app.screen
        assert isinstance(question, ConfirmScreen)
        assert question.question == (
            "Dismiss the prompt for Joe Harrison — National Association of Primary Care?"
        )
        await pilot.press("n")  # not him: nothing dismissed
        await pilot.pause()
        assert app.screen is dialog and len(_options(dialog)) == 3
        await pilot.press("down", "d")
        await pilot.pause()
        assert app.screen.question == "Dismiss the prompt for Mahesh Shah — Oasis PCN?"
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is dialog
        assert _options(dialog) == [  # the dismissed one under the open ones, to restore
            "Joe Harrison — National Association of Primary Care",
            "Dr Sarah Whiteman — Stonedean Practice",
            "Mahesh Shah — Oasis PCN (dismissed)",
        ]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert str(line.render()).endswith("and 1 more (F5 choose)")
        await pilot.press("shift+f5")  # with several, the same list
        await pilot.pause()
        assert isinstance(app.screen, PromptListDialog)
        assert len(_options(app.screen)) == 3
        await pilot.press("escape")

    (declared,) = demo_store.meeting_record(meeting_id).declarations
    assert (declared.person, declared.item, declared.ruling.value) == ("kufeji", 9, "remain")
    assert declared.nature == "The Bridge PCN Clnical Director"  # the register's, as written
    shah = next(i for i in demo_store.interests("ICB") if i.organisation == "Oasis PCN")
    (dismissed,) = [e for e in demo_store.timeline(meeting_id) if e.kind is EventKind.DISMISSED]
    assert (dismissed.item, dismissed.person, dismissed.ref) == (9, "shah", shah.id)
    # Opened again (a restart): both stay answered.
    again = MeetingPrompts(MeetingCapture(demo_store, meeting_id, lambda: NOW))
    assert [p.person for p in again.open_at(9)] == ["harrison", "whiteman"]
    app = MinutebookApp(demo_store, clock=lambda: NOW, open_meeting=meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _live_at(app, pilot, 9)
        assert str(screen.prompt_line.render()).startswith(
            "Possible interests: Joe Harrison — National Association of Primary Care and 1 more"
        )


async def test_the_list_closes_when_its_last_prompt_is_declared_and_offered_to_the_register(
    demo_store: Store,
) -> None:
    """The last prompt declared from the list in words the register does not hold: the
    offer to the register stands over the list, and the list closes once it is answered."""
    meeting_id = _with_register(demo_store)
    app = MinutebookApp(demo_store, clock=lambda: NOW, open_meeting=meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _live_at(app, pilot, 9)
        for member in ("harrison", "whiteman"):
            assert screen.mark(member, "present") is None
        await pilot.press("f5", "d", "y")  # Joe Harrison's dismissed: Dr Whiteman left
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PromptListDialog)
        assert _options(dialog) == [
            "Dr Sarah Whiteman — Stonedean Practice",
            "Joe Harrison — National Association of Primary Care (dismissed)",
        ]
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-ruling", Select).value = "remain"
        form.query_one("#field-nature", Input).value = "Partner in a practice bidding to merge"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is screen and not screen.prompt_line.display
    (declared,) = demo_store.meeting_record(meeting_id).declarations
    assert (declared.person, declared.nature) == (
        "whiteman",
        "Partner in a practice bidding to merge",
    )
    dismissed = [e for e in demo_store.timeline(meeting_id) if e.kind is EventKind.DISMISSED]
    assert [e.person for e in dismissed] == ["harrison"]
    assert "Partner in a practice bidding to merge" in [
        i.description for i in demo_store.interests("ICB") if i.person == "whiteman"
    ]


async def test_the_agenda_before_the_meeting_counts_each_items_prompts(
    demo_store: Store,
) -> None:
    meeting_id = _with_register(demo_store)
    found = agenda_prompts(demo_store, meeting_id)
    assert {n: len(p) for n, p in found.items() if p} == {9: 4, 10: 1, 16: 1}
    app = MinutebookApp(demo_store, clock=lambda: datetime(2022, 7, 20, 9, 0))
    async with app.run_test(size=(120, 30)) as pilot:
        app.push_screen(MeetingScreen(meeting_id))
        await pilot.pause()
        table = app.screen.query_one("#agenda-table", DataTable)
        at = [str(c.label) for c in table.ordered_columns].index("Int.")
        column = [str(table.get_row_at(row)[at]) for row in range(table.row_count)]
        assert column[8:10] == ["4", "1"]
        assert column[15] == "1"  # the Health and Care Partnership's minutes: its chair
        assert set(column[:8] + column[10:15] + column[16:]) == {""}


async def test_a_declaration_not_in_the_register_is_offered_to_it(demo_store: Store) -> None:
    meeting_id = _with_register(demo_store)
    app = MinutebookApp(demo_store, clock=lambda: NOW, open_meeting=meeting_id)
    nature = "Clinical adviser to a cardiology service provider"
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LiveMeetingScreen)
        assert screen.mark("cox", "present") is None
        screen.go_to(11)  # Percutaneous Coronary Intervention: no prompts
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-person", Select).value = "cox"
        form.query_one("#field-category", Select).value = "financial"
        form.query_one("#field-nature", Input).value = nature
        form.query_one("#field-ruling", Select).value = "remain"  # chosen, never assumed
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "not in the register of interests" in app.screen.question
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is screen
    added = [i for i in demo_store.interests("ICB") if i.person == "cox"]
    assert [(i.description, i.category.value, i.declared_on) for i in added] == [
        (
            "I am a registered pharmacist with the GPC (General Pharmaceutical Council) and a "
            "member of the Royal Pharmaceutical Society",
            "non_financial_professional",
            date(2022, 6, 14),
        ),
        (nature, "financial", DAY),
    ]
    (declared,) = demo_store.meeting_record(meeting_id).declarations
    assert (declared.person, declared.item, declared.nature) == ("cox", 11, nature)


async def test_a_dismissal_the_store_cannot_write_is_said_and_the_prompt_stays(
    demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk while the meeting runs: live capture says why and carries on, and
    the prompt is still there to dismiss again (docs/saving.md)."""
    meeting_id = _with_register(demo_store)

    def full(*args: object) -> None:
        raise WriteFailed("the disk is full", "free some space, then save again")

    app = MinutebookApp(demo_store, clock=lambda: NOW, open_meeting=meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _live_at(app, pilot, 9)
        for member in ("harrison", "kufeji", "shah", "whiteman"):
            assert screen.mark(member, "present") is None
        await pilot.pause()
        before = str(screen.prompt_line.render())
        monkeypatch.setattr(demo_store, "dismiss_prompt", full)
        await pilot.press("shift+f5", "d", "y")
        await pilot.pause()
        dialog = app.screen
        assert app.is_running and isinstance(dialog, PromptListDialog)
        assert len(_options(dialog)) == 4  # the list keeps it, to dismiss again
        await pilot.press("escape")
        await pilot.pause()
        assert str(screen.prompt_line.render()) == before
        assert any("the disk is full" in str(n.message) for n in app._notifications)
    assert not [e for e in demo_store.timeline(meeting_id) if e.kind is EventKind.DISMISSED]


async def test_a_dismissed_prompt_is_restored_from_the_list_and_open_again(
    demo_store: Store,
) -> None:
    """Item 9's four prompts dismissed one by one (each asked): the list closes, and
    Shift+F5 opens it again on the dismissed ones; r restores Mahesh Shah's, a withdrawal
    of its dismissal in the timeline, and it is open when live capture opens again."""
    meeting_id = _with_register(demo_store)
    app = MinutebookApp(demo_store, clock=lambda: NOW, open_meeting=meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _live_at(app, pilot, 9)
        for member in ("harrison", "kufeji", "shah", "whiteman"):
            assert screen.mark(member, "present") is None
        await pilot.pause()
        await pilot.press("f5", *["d", "y"] * 4)
        await pilot.pause()
        assert app.screen is screen and not screen.prompt_line.display
        await pilot.press("shift+f5")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PromptListDialog)
        assert _options(dialog)[2] == "Mahesh Shah — Oasis PCN (dismissed)"
        await pilot.press("down", "down", "r")
        await pilot.pause()
        assert _options(dialog)[0] == "Mahesh Shah — Oasis PCN"
        await pilot.press("escape")
    events = demo_store.timeline(meeting_id)
    shah = next(e for e in events if e.kind is EventKind.DISMISSED and e.person == "shah")
    (withdrawn,) = [e for e in events if e.kind is EventKind.WITHDRAWN]
    assert withdrawn.ref == shah.id  # the dismissal taken back, both kept
    again = MeetingPrompts(MeetingCapture(demo_store, meeting_id, lambda: NOW))
    assert [p.person for p in again.open_at(9)] == ["shah"]
    app = MinutebookApp(demo_store, clock=lambda: NOW, open_meeting=meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _live_at(app, pilot, 9)
        assert str(screen.prompt_line.render()).startswith(
            "Possible interest: Mahesh Shah — Oasis PCN"
        )


async def test_prompts_name_only_the_people_in_the_room_at_the_item(demo_store: Store) -> None:
    """No attendance recorded at item 9: no prompt, so F5 opens an empty declaration
    form, not one for someone it cannot be saved for; Mahesh Shah marked present, his
    prompt, declared and stored; Joe Harrison's apologies keep his away."""
    meeting_id = _with_register(demo_store)
    app = MinutebookApp(demo_store, clock=lambda: NOW, open_meeting=meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _live_at(app, pilot, 9)
        assert not screen.prompt_line.display
        await pilot.press("f5")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#field-nature", Input).value == ""
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert screen.mark("shah", "present") is None
        assert screen.mark("harrison", "apologies") is None
        screen.go_to(9)
        await pilot.pause()
        assert str(screen.prompt_line.render()) == (
            "Possible interest: Mahesh Shah — Oasis PCN (F5 declare, Shift+F5 dismiss)"
        )
        await pilot.press("f5")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#field-person", Select).value == "shah"
        form.query_one("#field-ruling", Select).value = "remain"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormScreen)
    (declared,) = demo_store.meeting_record(meeting_id).declarations
    assert (declared.person, declared.item) == ("shah", 9)
