"""The minutes of a meeting that reviewed the open actions say what it did, under the
item where it did it, in both house styles (docs/actions.md, "What the minutes say")."""

from __future__ import annotations

from datetime import date

import pytest

from minutebook.application.exports import Document, build_document
from minutebook.application.matters import MattersArising
from minutebook.domain import AgendaItem, Meeting
from minutebook.domain.actions import ActionStatus
from minutebook.store import Store


def _text(store: Store, meeting_id: int) -> str:
    snapshot = store.minutes_snapshot(meeting_id)
    build = build_document(Document.MINUTES, snapshot, None, date(2024, 1, 1))
    paragraphs = [p.text for p in build.document.paragraphs]
    cells = [c.text for t in build.document.tables for row in t.rows for c in row.cells]
    return "\n".join(paragraphs + cells)


@pytest.mark.parametrize(
    ("code", "day", "tracker"),
    [("HCP", date(2023, 11, 15), "Decision Tracker"), ("ICB", date(2022, 9, 30), "Action Tracker")],
)
def test_the_review_is_minuted_under_its_item(
    demo_store: Store, code: str, day: date, tracker: str
) -> None:
    store = demo_store
    meeting = store.add_meeting(Meeting(committee=code, date=day))
    meeting_id = meeting.id or 0
    for title in ("Welcome", "Minutes of the previous meeting", "Matters arising"):
        store.add_agenda_item(meeting_id, AgendaItem(number=1, title=title))
    matters = MattersArising(store, meeting_id)
    first, second = (a.action.id or 0 for a in matters.actions()[:2])
    matters.record(first, ActionStatus.CLOSED, update="Done")
    matters.record(second, ActionStatus.IN_PROGRESS, revised_due=date(2024, 3, 31))
    text = _text(store, meeting_id)
    assert (
        f"The actions arising from previous meetings were reviewed and their positions noted "
        f"on the {tracker}. Action 1 was closed. The deadline for action 2 was revised to "
        "31/03/2024."
    ) in text
    # Under the matters arising item, which took its minute number for it.
    minute = store.minute_for(meeting_id, 3)
    assert minute is not None and (code == "ICB" or minute.number)
