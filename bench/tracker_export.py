"""Benchmark: the tracker export of 1,000 open actions, through the store.

Target (issue: the committee's cycle): `minutebook export tracker` of a committee with
1,000 open actions takes under 500 ms, from reading the store to the saved .docx: the
tracker as presented to a meeting (`presented_tracker`: the committee, its meetings, its
actions and their reviews, the resolutions each decision is numbered by, who the owners
are), rendered and saved. Measured in each layout: the council's Decision Tracker (a
row for each subject and each decision, cells merged down) and the NHS Action Tracker.

The committee is built through the store (every row valid): twenty meetings, fifty
actions agreed at each, every other one reviewed at the next meeting, all still open,
the tracker presented to the twenty-first meeting. Each figure is the median of several
runs, printed beside a bare baseline measured in the same run: python-docx alone, one
table of as many rows and columns built the fast way, saved to memory.
"""

from __future__ import annotations

import io
import tempfile
from datetime import date, timedelta
from pathlib import Path

from bench.export import _against, _line, bare_document, median_ms
from minutebook.application.exports import Document, build_document, presented_tracker
from minutebook.domain import Action, AgendaItem, Committee, Decision, Meeting, Minute
from minutebook.domain.actions import ActionStatus
from minutebook.domain.committee import NumberingReset, NumberingScheme, Person, RagPalette, Seat
from minutebook.domain.reviews import ActionReview
from minutebook.store import Store

TARGET_MS = 500.0
MEETINGS = 20
ACTIONS_A_MEETING = 50
ITEMS = 10
OWNERS = 20
FIRST = date(2021, 6, 9)
TODAY = date(2024, 1, 1)


def _meeting_day(n: int) -> date:
    return FIRST + timedelta(days=42 * n)


def _point(point: int, item: int) -> str:
    return f"Agreed, that the officers take forward point {point} of item {item}"


def build_committee(store: Store, code: str, palette: RagPalette) -> date:
    """The committee, its members, 21 meetings with minuted resolutions, and 1,000 open
    actions (every other one reviewed at the next meeting); the date of the meeting the
    tracker is presented to."""
    numbering = NumberingScheme(
        template="{prefix}{seq}", prefix=code, reset=NumberingReset.MUNICIPAL_YEAR
    )
    store.add_committee(
        Committee(code=code, name=f"{code} Partnership", numbering=numbering, rag_palette=palette)
    )
    owners = [f"{code.lower()}{n}" for n in range(OWNERS)]
    for n, person in enumerate(owners):
        store.add_member(
            code,
            Seat(id=f"S{n}", title=f"Director {n}, Milton Keynes City Council", holder=person),
            Person(id=person, name=f"Officer Surname{n}"),
        )
    with store.transaction():
        meetings = []
        for n in range(MEETINGS + 1):
            meeting = store.add_meeting(Meeting(committee=code, date=_meeting_day(n)))
            meetings.append(meeting)
            for item in range(1, ITEMS + 1):
                agenda_item = AgendaItem(number=item, title=f"Item {item}")
                store.add_agenda_item(meeting.id or 0, agenda_item)
        for n, meeting in enumerate(meetings[:-1]):
            for item in range(1, ITEMS + 1):
                decisions = tuple(Decision(text=_point(p, item)) for p in range(1, 6))
                store.save_minute(
                    meeting.id or 0,
                    Minute(item=item, number=f"{code}{n * ITEMS + item}", heading=f"Item {item}",
                           decisions=decisions),
                )  # fmt: skip
            for a in range(ACTIONS_A_MEETING):
                item, point = a % ITEMS + 1, a // ITEMS + 1
                action = store.add_action(
                    Action(
                        committee=code,
                        meeting_date=meeting.date,
                        meeting_id=meeting.id,
                        item=item,
                        minute=f"{code}{n * ITEMS + item}",
                        item_title=f"ITEM {item}",
                        description=_point(point, item),
                        owner=owners[a % OWNERS],
                        due=_meeting_day(MEETINGS + 2),
                        status=ActionStatus.IN_PROGRESS,
                    )
                )
                if a % 2 == 0 and n + 1 < MEETINGS:
                    following = meetings[n + 1]
                    store.review_action(
                        ActionReview(
                            action_id=action.id,
                            meeting_id=following.id,
                            meeting_date=following.date,
                            update="Progress reported: the work is in hand. " * 4,
                            status=ActionStatus.IN_PROGRESS,
                        )
                    )
    return meetings[-1].date


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "trackers.db")
        try:
            days = {
                "HCP": build_committee(store, "HCP", RagPalette.COUNCIL),
                "ICB": build_committee(store, "ICB", RagPalette.NHS),
            }

            def export(code: str) -> int:
                tracker = presented_tracker(store, code, days[code], TODAY)
                build = build_document(Document.TRACKER, tracker, None, TODAY)
                build.document.save(io.BytesIO())
                return len(tracker.actions)

            assert export("HCP") == export("ICB") == MEETINGS * ACTIONS_A_MEETING
            for code, layout, rows, columns in (
                ("HCP", "council", 1000 + 200, 6),  # a row per subject and per decision
                ("ICB", "NHS", 1000, 9),
            ):
                baseline = median_ms(lambda: bare_document(0, rows, columns))  # noqa: B023
                read = median_ms(lambda: presented_tracker(store, code, days[code], TODAY))  # noqa: B023
                ms = median_ms(lambda: export(code))  # noqa: B023
                print(_line(f"bare python-docx, {rows:,}x{columns} table", baseline))
                print(_line(f"tracker, 1,000 open actions, {layout}: read", read))
                what = f"tracker, 1,000 open actions, {layout}: export"
                print(_line(what, ms, _against(ms, TARGET_MS, baseline)))
        finally:
            store.close()


if __name__ == "__main__":
    main()
