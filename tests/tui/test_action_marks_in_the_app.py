"""Actions in their place and their mark in the app (Pilot): F4 in live capture writes
the action's line [action N] into the minute where the cursor was, and takes the name
the Action column prints for it ("Ross Graves / COSACS"); the meeting screen's Minutes
tab shows the action there with its mark, and the NHS minutes exported from it print
the mark beside the paragraph that raised the action; the member form keeps a person's
own mark (docs/minutes.md, docs/actions.md)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
from textual.widgets import Input

from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.committee import CommitteeScreen
from minutebook.tui.widgets.form import FormScreen
from tests.tui.test_export_circulates import _export as export_as_filled
from tests.tui.test_live_story import (
    NOW,
    SIZE,
    decisions_panel,
    form,
    go_to_item,
    live,
    make_app,
    set_value,
    type_text,
)
from tests.tui.test_minute_body_in_the_app import minutes_tab

ICB_DAY = date(2022, 7, 29)
RAISED = "There should be milestones for the mental health collaborative in the plan."


async def test_f4_places_the_action_and_the_minutes_print_its_mark_beside_it(
    demo_store: Store, tmp_path: Path
) -> None:
    meeting_id = demo_store.meeting_on("ICB", ICB_DAY).id or 0
    app = make_app(demo_store, meeting_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await go_to_item(pilot, 6)
        screen = live(app)
        await type_text(pilot, f"The Chief Executive gave her report.\n\n{RAISED}")
        await pilot.press("f4")
        await pilot.pause()
        form(app)
        await set_value(pilot, "description", "Add mental health milestones to the plan")
        await set_value(pilot, "owner", "graves")
        await set_value(pilot, "due", "30/09/2022")
        await set_value(pilot, "mark", "Ross Graves / COSACS")
        await pilot.press("ctrl+s")
        await pilot.pause()
        (action,) = demo_store.meeting_actions(demo_store.meeting(meeting_id))
        marker = f"[action {action.number}]"
        assert screen.editor.text == (
            f"The Chief Executive gave her report.\n\n{RAISED}\n{marker}\n"
        )
        assert screen.editor.cursor_location == (4, 0)  # typing goes on after its line
        await type_text(pilot, "\nMembers noted the report.")
        assert marker in decisions_panel(app)
    assert action.mark == "Ross Graves / COSACS" and action.owner == "graves"
    minute = demo_store.minute_for(meeting_id, 6)
    assert minute is not None and f"{RAISED}\n{marker}\n" in minute.narrative

    out = tmp_path / "exports"
    app = MinutebookApp(demo_store, clock=lambda: NOW)
    async with app.run_test(size=(100, 40)) as pilot:
        shown = await minutes_tab(app, pilot, meeting_id)
        section = shown[shown.index("The Chief Executive gave her report.") :]
        order = [
            section.index(words)
            for words in (
                RAISED,
                f"Action {action.number} (Ross Graves / COSACS):",
                "Members noted the report.",
            )
        ]
        assert order == sorted(order)
        await pilot.press("x")
        await pilot.pause()
        assert await export_as_filled(app, pilot, out) == ""
    (exported,) = out.glob("*.docx")
    table = next(t for t in docx.Document(str(exported)).tables if t.rows[0].cells[0].text == "No.")
    rows = [[c.text for c in row.cells] for row in table.rows]
    at = next(n for n, row in enumerate(rows) if row[0] == "6.")
    assert rows[at : at + 3] == [
        ["6.", "Chief Executive's Report (verbal)\nThe Chief Executive gave her report.", ""],
        ["", RAISED, "Ross Graves / COSACS"],  # the paragraph that raised it, in its own row
        ["", "Members noted the report.", ""],
    ]


async def test_the_member_form_keeps_a_person_s_own_mark(demo_store: Store) -> None:
    seat = next(s for s in demo_store.seats("ICB") if s.holder == "wogan")
    app = MinutebookApp(demo_store, clock=lambda: NOW)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = CommitteeScreen("ICB")
        app.push_screen(screen)
        await pilot.pause()
        screen.edit_member(seat.id)
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        field = app.screen.query_one("#field-action_mark", Input)
        field.value = "COSACS"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormScreen)
    wogan = demo_store.person("wogan")
    assert (wogan.name, wogan.initials, wogan.action_mark) == ("Maria Wogan", "MW", "COSACS")
