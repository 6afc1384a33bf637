"""The minute body in the app (Pilot): a body typed in live capture with a list, bold and
a table, a decision recorded with F3 with the cursor in the middle of it taking its
place there; the meeting screen's Minutes tab drawing it from the same tree as the Word
minutes, and the Word minutes exported from the meeting screen holding a real list, a
bold run, a table with a header row and the decision in its place; the committee's
details form choosing how its decisions are labelled."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn
from textual.pilot import Pilot
from textual.widgets import Select

from minutebook.domain.labels import DecisionLabels
from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.committee import CommitteeScreen
from minutebook.tui.screens.meeting import MeetingScreen
from minutebook.tui.widgets.form import FormScreen
from tests.tui.test_export_circulates import _export as export_as_filled
from tests.tui.test_live_story import (
    MEETING_DAY,
    NOW,
    SIZE,
    decisions_panel,
    go_to_item,
    live,
    make_app,
    record_decision,
    seed_room,
    type_text,
)

BODY = (
    "The Partnership received the **Better Care Fund** plan:\n"
    "- the pooled budget;\n"
    "- the schemes\n"
    "\n"
    "| Scheme | Lead |\n"
    "|---|---|\n"
    "| Discharge to assess | MKCC |\n"
    "\n"
    "Members asked about winter."
)


async def minutes_tab(app: MinutebookApp, pilot: Pilot[None], meeting_id: int) -> str:
    """The meeting screen opened on its Minutes tab (3): what the tab shows."""
    await pilot.pause()
    app.push_screen(MeetingScreen(meeting_id))
    await pilot.pause()
    await pilot.press("3")
    await pilot.pause()
    meeting = app.screen
    assert isinstance(meeting, MeetingScreen)
    return meeting.shown["minutes"]


async def test_a_body_typed_live_with_a_decision_placed_mid_text(
    demo_store: Store, tmp_path: Path
) -> None:
    meeting_id = demo_store.meeting_on("HCP", MEETING_DAY).id or 0
    seed_room(demo_store, meeting_id)
    app = make_app(demo_store, meeting_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await go_to_item(pilot, 8)
        screen = live(app)
        await type_text(pilot, BODY)
        # The cursor back to the end of the list's last point: the decision was taken
        # there, before the table was discussed.
        screen.editor.move_cursor((2, len("- the schemes")))
        await record_decision(pilot, "That the plan be approved.")
        assert screen.editor.text == BODY.replace(
            "- the schemes\n", "- the schemes\n[decision 1]\n\n", 1
        )
        assert screen.editor.cursor_location == (4, 0)  # typing goes on after its line
        assert "That the plan be approved.  [decision 1]" in decisions_panel(app)
    minute = demo_store.minute_for(meeting_id, 8)
    assert minute is not None and "- the schemes\n[decision 1]\n" in minute.narrative
    assert [(d.text, d.position) for d in minute.decisions] == [("That the plan be approved.", 1)]

    out = tmp_path / "exports"
    app = MinutebookApp(demo_store, clock=lambda: NOW)
    async with app.run_test(size=(100, 40)) as pilot:
        shown = await minutes_tab(app, pilot, meeting_id)
        section = shown[shown.index("The Better Care Fund") :]
        # Read as typed, decision in place: the tab says nothing of how it read it.
        assert "Read as" not in shown and "Check the typed text" not in shown
        assert "  • the pooled budget;" in section and "  • the schemes" in section
        assert "**" not in section and "|---" not in section
        order = [
            section.index(words)
            for words in (
                "the Better Care Fund plan:",
                "  • the schemes",
                "RESOLVED -",  # a lone point, as the Word minutes print it
                "That the plan be approved.",
                "Scheme | Lead",
                "Discharge to assess | MKCC",
                "Members asked about winter.",
            )
        ]
        assert order == sorted(order)

        await pilot.press("x")
        await pilot.pause()
        assert await export_as_filled(app, pilot, out) == ""
    (exported,) = out.glob("*.docx")
    document = docx.Document(str(exported))
    texts = [p.text for p in document.paragraphs]
    lead = texts.index("The Partnership received the Better Care Fund plan:")
    assert texts[lead + 1 : lead + 5] == [
        "the pooled budget;",
        "the schemes",
        "RESOLVED -",  # a lone point not numbered, as seed 001's HCP2
        "That the plan be approved.",
    ]
    paragraphs = document.paragraphs
    assert {paragraphs[lead + n].style.name for n in (1, 2)} == {"List Bullet"}
    assert [(r.text, bool(r.bold)) for r in paragraphs[lead].runs][1] == (
        "Better Care Fund",
        True,
    )
    (table,) = document.tables
    assert [c.text for c in table.rows[0].cells] == ["Scheme", "Lead"]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert [c.text for c in table.rows[1].cells] == ["Discharge to assess", "MKCC"]
    children = list(document.element.body.iterchildren())
    decision = paragraphs[lead + 4]._p
    assert children.index(decision) < children.index(table._tbl)  # before the table
    assert "Members asked about winter." in texts[lead + 4 :]


async def test_the_details_form_shows_and_changes_how_decisions_are_labelled(
    demo_store: Store,
) -> None:
    app = MinutebookApp(demo_store, clock=lambda: NOW)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.push_screen(CommitteeScreen("ICB"))
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        labels = form.query_one("#field-decision_labels", Select)
        assert labels.value == "lettered"  # the NHS style's, as seed 003 letters them
        labels.value = "numbered"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormScreen)
    assert demo_store.committee("ICB").decision_labels is DecisionLabels.NUMBERED
    assert demo_store.committee("HCP").decision_labels is DecisionLabels.NUMBERED
