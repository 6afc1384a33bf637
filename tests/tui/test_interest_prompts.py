"""The register's prompts in live capture (docs/register.md#prompts), on the demo ICB
Board's meeting of 29 July 2022 with seed 003's register stored: taking up item 9 (the
Fuller stocktake) names the members whose interests may touch it; F5 turns the first
into a declaration with the register's category and wording; Shift+F5 dismisses the
next, and it stays dismissed when live capture is opened again. The meeting screen's
agenda counts the members each item prompts. Asserted on the store."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from textual.widgets import DataTable, Input, Select

from minutebook.application.capture import MeetingCapture
from minutebook.application.interest_prompts import MeetingPrompts, agenda_prompts
from minutebook.domain.timeline import EventKind
from minutebook.store import Store
from minutebook.store.errors import WriteFailed
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.live import LiveMeetingScreen
from minutebook.tui.screens.meeting import MeetingScreen
from minutebook.tui.widgets.confirm import ConfirmScreen
from minutebook.tui.widgets.form import FormScreen

DAY = date(2022, 7, 29)
NOW = datetime(2022, 7, 29, 11, 5)


def _with_register(store: Store) -> int:
    """The meeting of 29 July 2022: the demo keeps seed 003's register for the ICB."""
    return store.meeting_on("ICB", DAY).id or 0


async def test_a_prompt_becomes_a_declaration_and_another_is_dismissed(
    demo_store: Store,
) -> None:
    meeting_id = _with_register(demo_store)
    app = MinutebookApp(demo_store, clock=lambda: NOW, open_meeting=meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LiveMeetingScreen)
        assert not screen.prompt_line.display  # item 1: no one's interest touches it
        for member in ("harrison", "kufeji", "shah", "whiteman"):
            assert screen.mark(member, "present") is None
        screen.go_to(9)
        await pilot.pause()
        line = str(screen.prompt_line.render())
        assert line == (
            "Possible interest: Joe Harrison — National Association of Primary Care "
            "(F5 declare, Shift+F5 dismiss; 3 more)"
        )
        await pilot.press("f5")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#field-person", Select).value == "harrison"
        assert form.query_one("#field-category", Select).value == "non_financial_professional"
        nature = form.query_one("#field-nature", Input).value
        assert nature == "Council Member - National Association of Primary Care"
        form.query_one("#field-ruling", Select).value = "remain"
        await pilot.press("ctrl+s")
        await pilot.pause()
        errors = str(app.screen.query_one("#form-errors").render()) if app.screen is form else ""
        assert app.screen is screen, errors
        # Declared: the prompt is answered, the next one is first.
        assert str(screen.prompt_line.render()).startswith(
            "Possible interest: Dr Omotayo Kufeji — The Bridge PCN "
            "(F5 declare, Shift+F5 dismiss; 2 more)"
        )
        await pilot.press("shift+f5")
        await pilot.pause()
        assert str(screen.prompt_line.render()).startswith(
            "Possible interest: Mahesh Shah — Oasis PCN (F5 declare, Shift+F5 dismiss; 1 more)"
        )

    (declared,) = demo_store.meeting_record(meeting_id).declarations
    assert (declared.person, declared.item, declared.category.value, declared.ruling.value) == (
        "harrison",
        9,
        "non_financial_professional",
        "remain",
    )
    assert declared.nature == "Council Member - National Association of Primary Care"
    (dismissed,) = [e for e in demo_store.timeline(meeting_id) if e.kind is EventKind.DISMISSED]
    assert (dismissed.item, dismissed.person) == (9, "kufeji")
    # Opened again (a restart): both stay answered.
    again = MeetingPrompts(MeetingCapture(demo_store, meeting_id, lambda: NOW))
    assert [p.person for p in again.open_at(9)] == ["shah", "whiteman"]


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
        column = [str(table.get_row_at(row)[-1]) for row in range(table.row_count)]
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
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LiveMeetingScreen)
        screen.go_to(9)
        await pilot.pause()
        before = str(screen.prompt_line.render())
        monkeypatch.setattr(demo_store, "dismiss_prompt", full)
        await pilot.press("shift+f5")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, LiveMeetingScreen)
        assert str(screen.prompt_line.render()) == before
        assert any("the disk is full" in str(n.message) for n in app._notifications)
    assert not [e for e in demo_store.timeline(meeting_id) if e.kind is EventKind.DISMISSED]
