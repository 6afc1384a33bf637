"""Screens and exports read what they show, not the committee's history (issue 14).

Each test builds a committee with a short history and with a long one and compares what
the same read costs in each: the SQL statements it makes (a trace callback) and the
steps SQLite takes to answer them (a progress handler called at every step of its
virtual machine). A read that walks the history takes more steps the longer it is; one
that reads only what it shows takes about as many. No clock is read."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from minutebook.application.capture import MeetingCapture
from minutebook.application.committee import CommitteeSetup
from minutebook.application.exports import presented_tracker
from minutebook.application.lifecycle import MinutesLifecycle
from minutebook.application.matters import MattersArising
from minutebook.application.tracker import ActionTracker
from minutebook.domain import (
    Action,
    AgendaItem,
    Committee,
    Decision,
    Meeting,
    Minute,
    Person,
    Seat,
)
from minutebook.domain.action_views import ActionFilter
from minutebook.domain.actions import ActionStatus
from minutebook.domain.lifecycle import Approval
from minutebook.domain.meeting import Attendance, Capacity
from minutebook.domain.reviews import ActionReview
from minutebook.domain.tracker import presented, tracker_year
from minutebook.store import Store
from minutebook.store import base as store_base
from minutebook.tui.screens.meeting_pages import reading_of

FIRST = date(2020, 1, 15)
ACTIONS = 20
SHORT, LONG = 1, 12
"""Earlier meetings in the short history and in the long one."""
OTHERS = 100
"""People of other committees in the long history's file."""


@dataclass
class Reads:
    """What a read cost: its statements and the steps of SQLite's machine."""

    statements: list[str] = field(default_factory=list)
    steps: int = 0


@contextmanager
def reading(store: Store) -> Iterator[Reads]:
    found = Reads()

    def step() -> int:
        found.steps += 1
        return 0  # go on

    conn = store.db.conn
    conn.set_trace_callback(found.statements.append)
    conn.set_progress_handler(step, 1)
    try:
        yield found
    finally:
        conn.set_trace_callback(None)
        conn.set_progress_handler(None, 1)


def cost(store: Store, read: Callable[[], object]) -> Reads:
    with reading(store) as found:
        read()
    return found


def committee(store: Store, code: str, earlier: int) -> Meeting:
    """A committee of four members and an officer with `earlier` meetings, each with
    an item minuted and `ACTIONS` actions agreed, every one reviewed and closed at the
    next meeting, where its minutes are approved (and so signed); then its latest
    meeting, the officer in attendance, two actions agreed. Returns the latest
    meeting."""
    store.add_committee(Committee(code=code, name=f"{code} Committee"))
    members = [f"{code.lower()}{n}" for n in range(4)]
    for n, person in enumerate(members):
        seat = Seat(id=f"S{n}", title=f"Member {n}", holder=person)
        store.add_member(code, seat, Person(id=person, name=f"Member Surname{n} {code}"))
    officer = f"{code.lower()}officer"
    store.save_person(Person(id=officer, name=f"Officer Surname {code}"))
    meetings: list[Meeting] = []
    with store.transaction():
        for n in range(earlier + 1):
            meeting = store.add_meeting(
                Meeting(committee=code, date=FIRST + timedelta(days=40 * n), time="10:00")
            )
            meeting_id = meeting.id or 0
            for item in (1, 2):
                store.add_agenda_item(meeting_id, AgendaItem(number=item, title=f"Item {item}"))
            store.save_minute(
                meeting_id,
                Minute(item=2, narrative="The report was received.",
                       decisions=(Decision(text="That the report be noted"),)),
            )  # fmt: skip
            store.add_attendance(
                meeting_id, Attendance(person=officer, capacity=Capacity.OFFICER, role="Officer")
            )
            for person in members:
                store.add_attendance(meeting_id, Attendance(person=person, seats=()))
            count = 2 if n == earlier else ACTIONS
            for k in range(count):
                store.add_action(
                    Action(committee=code, meeting_date=meeting.date, meeting_id=meeting_id,
                           item=2, description=f"To report on part {k}", owner=officer)
                )  # fmt: skip
            if meetings:
                previous = meetings[-1]
                for action in store.meeting_actions(previous):
                    store.review_action(
                        ActionReview(action_id=action.id, meeting_id=meeting_id,
                                     meeting_date=meeting.date, item=1, update="Done",
                                     status=ActionStatus.CLOSED)
                    )  # fmt: skip
                store.circulate_minutes(previous.id or 0, previous.date + timedelta(days=7))
                store.approve_minutes(
                    Approval(meeting_id=previous.id or 0, at_meeting_id=meeting_id, item=1,
                             chair="Member Surname0", signed_on=meeting.date),
                    Decision(text="That the minutes be approved as a correct record"),
                    today=meeting.date,
                )  # fmt: skip
            meetings.append(meeting)
    return meetings[-1]


@pytest.fixture
def short(tmp_path: Path) -> Iterator[tuple[Store, Meeting]]:
    with Store.open(tmp_path / "short.db") as store:
        yield store, committee(store, "BIG", SHORT)


@pytest.fixture
def long(tmp_path: Path) -> Iterator[tuple[Store, Meeting]]:
    with Store.open(tmp_path / "long.db") as store:
        committee(store, "OTHER", 2)  # and a second committee in the same file,
        for n in range(OTHERS):  # with many more people
            store.save_person(Person(id=f"other-person{n}", name=f"Other Person{n}"))
        yield store, committee(store, "BIG", LONG)


def test_the_minutes_read_the_meeting_not_the_tracker(
    short: tuple[Store, Meeting], long: tuple[Store, Meeting]
) -> None:
    (small, first), (large, latest) = short, long
    before = cost(small, lambda: small.minutes_snapshot(first.id or 0))
    after = cost(large, lambda: large.minutes_snapshot(latest.id or 0))
    # Twelve meetings of history, 240 actions and their reviews, read no more.
    assert after.steps < 1.2 * before.steps, (before.steps, after.steps)
    assert len(after.statements) == len(before.statements)
    snapshot = large.minutes_snapshot(latest.id or 0)
    assert len(snapshot.actions) == 2
    assert len(snapshot.reviewed) == ACTIONS  # the previous meeting's, reviewed here


def test_the_minutes_name_the_people_of_the_meeting_only(long: tuple[Store, Meeting]) -> None:
    store, latest = long
    snapshot = store.minutes_snapshot(latest.id or 0)
    names = {p.id for p in snapshot.people}
    assert "bigofficer" in names  # in attendance, and owns the actions
    assert not [p for p in names if p.startswith("other")]
    assert {p.id for p in snapshot.membership.people} == {f"big{n}" for n in range(4)}


def test_people_by_id(long: tuple[Store, Meeting]) -> None:
    store, _ = long
    assert [p.id for p in store.people(["big2", "otherofficer", "nobody"])] == [
        "big2",
        "otherofficer",
    ]  # by name: Member Surname2, Officer Surname
    assert store.people([]) == []
    assert len(store.people()) == 10 + OTHERS


def test_many_ids_are_read_in_batches(
    long: tuple[Store, Meeting], monkeypatch: pytest.MonkeyPatch
) -> None:
    store, latest = long
    monkeypatch.setattr(store_base, "IN_BATCH", 7)  # as older SQLite builds need, smaller
    everyone = store.people()
    with reading(store) as found:
        assert store.people([p.id for p in everyone]) == everyone  # in the same order
    assert len([s for s in found.statements if "FROM people" in s]) == -(-len(everyone) // 7)
    resolutions = store.resolutions([m.id or 0 for m in store.meetings("BIG")])
    assert resolutions[(latest.id or 0, 2)] == ["That the report be noted"]


def test_the_meetings_list_reads_no_agenda_and_one_approval_query(
    short: tuple[Store, Meeting], long: tuple[Store, Meeting]
) -> None:
    (small, _), (large, _) = short, long

    def meetings_list(store: Store) -> Callable[[], object]:
        # What the committee screen's Meetings tab reads (tui/screens/meeting_list.py).
        return lambda: (MinutesLifecycle(store).overview("BIG"), store.agenda_counts("BIG"))

    before, after = cost(small, meetings_list(small)), cost(large, meetings_list(large))
    assert len(after.statements) == len(before.statements) == 3
    stages = MinutesLifecycle(large).overview("BIG")
    assert [(s.approval, s.approved_at) for s in stages] == [
        large.approved_at(s.meeting.id or 0) for s in stages
    ]
    assert sum(s.approval is not None for s in stages) == LONG
    counts = large.agenda_counts("BIG")
    assert counts == {s.meeting.id: len(large.agenda(s.meeting.id or 0)) for s in stages}
    assert set(counts.values()) == {2}


def test_the_members_tab_reads_the_committee_s_people_only(
    short: tuple[Store, Meeting], long: tuple[Store, Meeting]
) -> None:
    (small, _), (large, _) = short, long

    def members(store: Store) -> Callable[[], object]:
        return CommitteeSetup(store, "BIG", lambda: datetime(2021, 6, 1, 10, 0)).members

    before, after = cost(small, members(small)), cost(large, members(large))
    assert after.steps < 1.2 * before.steps, (before.steps, after.steps)  # 100 more people
    rows = members(large)()
    assert isinstance(rows, list)
    assert [row.name for row in rows] == [f"Member Surname{n} BIG" for n in range(4)]


def test_an_item_taken_up_reads_the_meeting_s_people_only(
    short: tuple[Store, Meeting], long: tuple[Store, Meeting]
) -> None:
    (small, first), (large, latest) = short, long

    def take_up(store: Store, meeting: Meeting) -> Reads:
        clock = datetime.combine(meeting.date, time(11, 0))
        capture = MeetingCapture(store, meeting.id or 0, lambda: clock)
        capture.take_up(1)
        return cost(store, lambda: capture.take_up(2))  # live: timed, then read again

    before, after = take_up(small, first), take_up(large, latest)
    assert after.steps < 1.2 * before.steps, (before.steps, after.steps)  # 100 more people
    assert len(after.statements) == len(before.statements)


def test_live_capture_still_knows_everyone(long: tuple[Store, Meeting]) -> None:
    store, latest = long
    capture = MeetingCapture(store, latest.id or 0, lambda: datetime(2021, 5, 9, 11, 0))
    assert capture.name("bigofficer") == "Officer Surname BIG"  # owns the actions
    assert capture.name("other-person7") == "Other Person7"  # another committee's, read alone
    assert capture.name("nobody") == "nobody"
    # A name typed for someone arriving is matched against everyone the file knows.
    capture.add_to_room("Other Person5", "officer", 1, role="Adviser")
    assert capture.record.row_of("other-person5") is not None
    assert "other-person5" in dict((p, n) for n, p in capture.declarers())


def test_the_tracker_reads_the_actions_it_may_show(
    short: tuple[Store, Meeting], long: tuple[Store, Meeting], monkeypatch: pytest.MonkeyPatch
) -> None:
    (small, first), (large, latest) = short, long
    read: list[int] = []
    actions_where = Store._actions_where

    def counting(self: Store, condition: str, params: list[Any]) -> list[Action]:
        found = actions_where(self, condition, params)
        read.append(len(found))
        return found

    monkeypatch.setattr(Store, "_actions_where", counting)
    today = latest.date + timedelta(days=1)
    tracker = presented_tracker(large, "BIG", latest.date, today)
    since = tracker_year(tracker.committee, latest.date)
    # The rule, applied to every action the committee ever agreed: the same tracker.
    everything = presented(large.actions("BIG"), large.reviews_of("BIG"), latest.date, since)
    assert tracker.actions == everything
    assert len(tracker.actions) == ACTIONS  # the last meeting's, open when presented
    assert read[0] == len(tracker.actions)  # and no more read (of 242)
    before = cost(small, lambda: presented_tracker(small, "BIG", first.date, today))
    after = cost(large, lambda: presented_tracker(large, "BIG", latest.date, today))
    assert len(after.statements) == len(before.statements)


def test_one_minute_is_read_alone(committee_store: Store, meeting: Meeting) -> None:
    meeting_id = meeting.id or 0
    for item in range(1, 26):
        committee_store.add_agenda_item(meeting_id, AgendaItem(number=item, title=f"Item {item}"))
        committee_store.save_minute(
            meeting_id,
            Minute(item=item, narrative=f"The report on {item} was received.",
                   decisions=(Decision(text=f"That report {item} be noted"),
                              Decision(text=f"That report {item} be published"))),
        )  # fmt: skip
    every = cost(committee_store, lambda: committee_store.minutes(meeting_id))
    one = cost(committee_store, lambda: committee_store.minute_for(meeting_id, 7))
    assert one.steps < every.steps / 5, (one.steps, every.steps)
    assert committee_store.minute_for(meeting_id, 7) == committee_store.minutes(meeting_id)[6]
    assert committee_store.minute_for(meeting_id, 26) is None


def test_the_meeting_screen_reads_the_meeting_s_people_only(
    short: tuple[Store, Meeting], long: tuple[Store, Meeting]
) -> None:
    (small, first), (large, latest) = short, long
    before = cost(small, lambda: reading_of(small, first.id or 0))
    after = cost(large, lambda: reading_of(large, latest.id or 0))
    assert after.steps < 1.2 * before.steps, (before.steps, after.steps)  # 100 more people
    reading = reading_of(large, latest.id or 0)
    assert set(reading.people) == {"bigofficer", *(f"big{n}" for n in range(4))}
    assert reading.name("bigofficer") == "Officer Surname BIG"


def test_matters_arising_and_the_tracker_read_their_owners_only(
    long: tuple[Store, Meeting], monkeypatch: pytest.MonkeyPatch
) -> None:
    store, latest = long
    people: list[int] = []
    read_people = Store.people

    def counting(self: Store, ids: Collection[str] | None = None) -> list[Person]:
        found = read_people(self, ids)
        people.append(len(found))
        return found

    monkeypatch.setattr(Store, "people", counting)
    arising = MattersArising(store, latest.id or 0).actions()
    assert [line.owner for line in arising] == ["Officer Surname BIG"] * ACTIONS
    assert people == [1]  # of 110 in the file
    people.clear()
    lines = ActionTracker(store, "BIG").lines(ActionFilter(), latest.date)
    assert len(lines) == LONG * ACTIONS + 2
    assert {line.owner for line in lines} == {"Officer Surname BIG"}
    assert people == [1]
