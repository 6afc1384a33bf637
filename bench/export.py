"""Benchmark: a meeting's Word exports, in-process, to in-memory .docx files.

Targets (issue 5, Word exporters): a realistic meeting of 30 agenda items, 60 attendees,
200 narrative paragraphs and 100 tracker rows exports its formal minutes and its tracker
in under 250 ms (each house style: council and NHS); the same with rich minute bodies
(issue 12: a bullet list, a numbered list, a lettered list, bold and a table of 6 rows
in every third item, and a decision placed in the body) too; a 1,000-row tracker in
under 500 ms. Rows are added by copying a prototype row; ``table.cell(r, c)`` in a loop
would take seconds.

Each figure is the median of several runs and is printed beside a bare python-docx
baseline measured in the same run (a plain document with as many paragraphs and table
cells, built the fast way), so the noise of the machine can be judged.
"""

from __future__ import annotations

import copy
import io
import statistics
import time
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from functools import partial

import docx
from docx.oxml.ns import qn

from minutebook.domain.actions import Action, ActionStatus, ActionUpdate
from minutebook.domain.committee import (
    Committee,
    HouseStyle,
    Membership,
    NumberingScheme,
    Organisation,
    Person,
    RagPalette,
    Seat,
)
from minutebook.domain.meeting import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Capacity,
    Decision,
    DecisionVerb,
    Declaration,
    Meeting,
    MeetingRecord,
    Minute,
    Mode,
    Purpose,
)
from minutebook.domain.minute_body import read_body
from minutebook.domain.quorum import QuorumRule, Ruling, TermsOfReference
from minutebook.domain.snapshot import MinutesSnapshot
from minutebook.domain.timeline import Event, span_events
from minutebook.domain.tracker import Tracker, leads
from minutebook.exporters.common import Build
from minutebook.exporters.council import render_council_minutes
from minutebook.exporters.nhs import render_nhs_minutes
from minutebook.exporters.tracker import render_tracker

RUNS = 7
MEETING_BUDGET_MS = 250.0
TRACKER_1000_MS = 500.0

ITEMS = 30
PARAGRAPHS = 200
TRACKER_ROWS = 100
MEETING_DAY = date(2024, 3, 13)


def actions(count: int) -> list[Action]:
    """`count` realistic actions: long texts, revised deadlines, updates, every RAG."""
    start = date(2023, 6, 13)
    statuses = list(ActionStatus)
    result = []
    for n in range(1, count + 1):
        status = statuses[n % len(statuses)]
        meeting = start + timedelta(days=7 * (n % 50))
        result.append(
            Action(
                committee="HCP",
                number=n,
                meeting_date=meeting,
                minute=f"HCP{n % 40 + 1}",
                item_title=f"Item {n % 30 + 1}: integrated neighbourhood working",
                description="Agreed, that the Joint Leadership Team undertake background "
                f"work to prepare for the pilot (action {n}). " * 2,
                owner=f"p{n % 20}",
                due=meeting + timedelta(days=60),
                past_deadlines=(meeting + timedelta(days=30),) if n % 3 == 0 else (),
                status=status,
                rag="RAGB"[n % 4],
                updates=(ActionUpdate(date=meeting + timedelta(days=20), text="Progress. " * 12),),
                closed_on=meeting + timedelta(days=50) if status is ActionStatus.CLOSED else None,
            )
        )
    return result


# -- a realistic meeting -------------------------------------------------------------------

MEMBERS = 24  # voting seats: 18 present, 4 apologies (3 of them deputised), 2 absent
PARTICIPANTS = 2
OFFICERS = 20
OBSERVERS = 10
SENTENCE = (
    "The Partnership received a report from the Director of Public Health on the "
    "progress of the integrated neighbourhood pilot, its funding and its risks. "
)


def _people() -> list[Person]:
    people = [
        Person(id=f"m{n}", name=f"Member Surname{n}", honorific="Councillor" if n < 8 else None)
        for n in range(MEMBERS)
    ]
    people += [Person(id=f"d{n}", name=f"Deputy Surname{n}") for n in range(3)]
    people += [Person(id=f"q{n}", name=f"Participant Surname{n}") for n in range(PARTICIPANTS)]
    people += [Person(id=f"o{n}", name=f"Officer Surname{n}") for n in range(OFFICERS)]
    people += [Person(id=f"v{n}", name=f"Observer Surname{n}") for n in range(OBSERVERS)]
    people += [Person(id="clerk", name="Clerk Minutes")]
    people += [Person(id=f"p{n}", name=f"Person Number{n}") for n in range(20)]
    return people


def _membership() -> Membership:
    organisations = tuple(
        Organisation(id=f"ORG{n}", name=f"Organisation number {n}", constituency="partner")
        for n in range(8)
    )
    seats = []
    for n in range(MEMBERS):
        tags: tuple[str, ...] = ("chair",) if n == 0 else ("vice_chair",) if n == 1 else ()
        seats.append(
            Seat(
                id=f"S{n}",
                title=f"Partner Member, Organisation number {n % 8}",
                holder=f"m{n}",
                org=f"ORG{n % 8}",
                tags=(*tags, "executive" if n % 2 else "non_executive"),
            )
        )
    seats += [
        Seat(id=f"P{n}", title="Participant", holder=f"q{n}", voting=False)
        for n in range(PARTICIPANTS)
    ]
    committee = Committee(
        code="HCP",
        name="Milton Keynes Health and Care Partnership",
        house_style=HouseStyle.COUNCIL,
        numbering=NumberingScheme(template="{prefix}{seq}", prefix="HCP"),
        rag_palette=RagPalette.COUNCIL,
    )
    return Membership(
        committee=committee,
        organisations=organisations,
        people=tuple(_people()),
        seats=tuple(seats),
    )


def _attendance() -> list[Attendance]:
    """60 rows: members (two remote), apologies with deputies, absences, participants,
    officers, observers and the minute taker. Who was in the room when is `_events`."""
    rows: list[Attendance] = []
    for n in range(MEMBERS):
        if n >= 22:
            rows.append(
                Attendance(person=f"m{n}", seats=(f"S{n}",), status=AttendanceStatus.ABSENT)
            )
        elif n >= 18:
            rows.append(
                Attendance(person=f"m{n}", seats=(f"S{n}",), status=AttendanceStatus.APOLOGIES)
            )
        else:
            rows.append(
                Attendance(
                    person=f"m{n}",
                    seats=(f"S{n}",),
                    mode=Mode.REMOTE if n in (6, 7) else Mode.IN_PERSON,
                )
            )
    rows += [
        Attendance(person=f"d{n}", capacity=Capacity.DEPUTY, deputy_for=(f"S{18 + n}",))
        for n in range(3)
    ]
    rows += [
        Attendance(person=f"q{n}", capacity=Capacity.PARTICIPANT, seats=(f"P{n}",))
        for n in range(PARTICIPANTS)
    ]
    rows += [
        Attendance(person=f"o{n}", capacity=Capacity.OFFICER, role=f"Head of Service {n}")
        for n in range(OFFICERS)
    ]
    rows += [Attendance(person=f"v{n}", capacity=Capacity.OBSERVER) for n in range(OBSERVERS)]
    rows.append(Attendance(person="clerk", capacity=Capacity.MINUTE_TAKER, role="Minutes"))
    return rows


def _events(rows: list[Attendance]) -> tuple[Event, ...]:
    """The timeline of the room: everyone attending is there from the start, but one
    member arrives at item 5 (14:40) and another leaves after item 20 (16:10)."""
    events: list[Event] = []
    for row in rows:
        if not row.is_attending:
            continue
        if row.person == "m10":
            events += span_events(row.person, 5, None, arrived_at="14:40")
        elif row.person == "m11":
            events += span_events(row.person, None, 20, left_at="16:10")
        else:
            events += span_events(row.person, None, None)
    return tuple(e.model_copy(update={"id": n}) for n, e in enumerate(events, start=1))


RICH = """The **recommendations** of the report were:

1. to agree the plan;
2. to note the risks
   - of the budget;
   - of the workforce;
3. to report back in March.

The Partnership agreed the following:
(a) the pilot areas;
(b) the timetable.

[decision 1]

| Scheme | Lead | Budget | Start | End |
|---|---|---|---|---|
""" + "\n".join(
    f"| Scheme {n} | Officer Surname{n} | £{n * 125},000 | 01/04/2024 | 31/03/2025 |"
    for n in range(1, 7)
)
"""What every third item's body holds besides its paragraphs in the rich meeting."""


def _minutes(rich: bool = False) -> list[Minute]:
    """200 paragraphs over 30 items (some bullets), RESOLVED points on two in three;
    with `rich`, every third item's body also has lists, bold, a table and a decision
    placed in it (`RICH`)."""
    minutes = []
    for item in range(1, ITEMS + 1):
        count = PARAGRAPHS // ITEMS + (1 if item <= PARAGRAPHS % ITEMS else 0)
        blocks = [
            f"- {SENTENCE}" if n % 4 == 3 else SENTENCE * 3 + f"(paragraph {n + 1})"
            for n in range(count)
        ]
        decisions: tuple[Decision, ...] = ()
        if item % 3:
            decisions = tuple(
                Decision(text=f"That the recommendation {point} of the report be agreed")
                for point in range(1, item % 3 + 2)
            )
        else:
            decisions = (Decision(verb=DecisionVerb.NOTED, text="That the update be noted"),)
        minutes.append(
            Minute(
                item=item,
                number=f"HCP{item}",
                heading=f"Agenda item {item}",
                narrative="\n\n".join([*blocks, RICH] if rich and item % 3 == 0 else blocks),
                decisions=decisions,
            )
        )
    return minutes


TRACKED = actions(TRACKER_ROWS)
"""The tracker exported with the meeting's minutes (the minutes' snapshot holds none)."""


def meeting_snapshot(rich: bool = False) -> MinutesSnapshot:
    """A realistic 30-item meeting, built from domain models (no database); with
    `rich`, its minute bodies hold lists and tables (`_minutes`)."""
    meeting = Meeting(id=1, committee="HCP", date=MEETING_DAY, time="14:00", venue="Civic Offices")
    agenda = tuple(
        AgendaItem(
            number=n,
            title=f"Agenda item {n}",
            lead=f"Officer Surname{n % OFFICERS}",
            purpose=Purpose.DECISION if n % 3 else Purpose.INFORMATION,
            planned_minutes=10,
        )
        for n in range(1, ITEMS + 1)
    )
    declarations = (
        Declaration(person="m3", item=12, nature="Employed by a provider", ruling=Ruling.LEAVE),
        Declaration(person="m4", item=15, nature="A relative works there", ruling=Ruling.NO_VOTE),
    )
    attendance = _attendance()
    record = MeetingRecord(
        meeting=meeting,
        agenda=agenda,
        attendance=tuple(attendance),
        declarations=declarations,
        minutes=tuple(_minutes(rich)),
        events=_events(attendance),
    )
    agreed = tuple(
        Action(
            committee="HCP",
            meeting_date=MEETING_DAY,
            meeting_id=1,
            item=n,
            minute=f"HCP{n}",
            description=f"Report back on recommendation {n}",
            owner=f"o{n % OFFICERS}",
            due=MEETING_DAY + timedelta(days=60),
        )
        for n in range(1, ITEMS + 1)
    )
    terms = TermsOfReference(
        version=1,
        adopted=date(2023, 5, 1),
        quorum=QuorumRule.model_validate(
            {"requirement": {"fraction": {"num": 1, "den": 4, "rounding": "ceil"}}}
        ),
    )
    return MinutesSnapshot(
        membership=_membership(),
        people=tuple(_people()),
        record=record,
        actions=agreed,
        terms=terms,
    )


# -- measuring -----------------------------------------------------------------------------


def median_ms(run: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        begin = time.perf_counter()
        run()
        times.append((time.perf_counter() - begin) * 1000)
    return statistics.median(times)


def _tracker(
    rows: Sequence[Action], committee: Committee, people: Sequence[Person], meeting: Meeting
) -> Tracker:
    """The tracker of these actions presented to `meeting` (the store's part, reading
    the actions and their reviews, is measured by bench/tracker_export.py)."""
    return Tracker(
        committee=committee,
        meeting=meeting,
        actions=tuple(rows),
        confidential=frozenset(),
        leads=leads(people, None, meeting.date),
    )


def _save(build: Build) -> None:
    build.document.save(io.BytesIO())


def bare_document(paragraphs: int, rows: int, columns: int) -> None:
    """The baseline: python-docx alone, `paragraphs` plain paragraphs and one table of
    `rows` x `columns` built the fast way (each row a copy of a filled prototype row,
    its texts set in place), saved to memory."""
    document = docx.Document()
    for n in range(paragraphs):
        document.add_paragraph(f"{SENTENCE} {n}")
    table = document.add_table(rows=1, cols=columns)
    for cell in table.rows[0].cells:
        cell.paragraphs[0].add_run("x")
    prototype = table.rows[0]._tr
    for row in range(rows):
        tr = copy.deepcopy(prototype)
        for column, text in enumerate(tr.iter(qn("w:t"))):
            text.text = f"{row}.{column}"
        table._tbl.append(tr)
    document.save(io.BytesIO())


def _line(what: str, ms: float, note: str = "") -> str:
    """One figure, in the format of the other benchmarks' lines."""
    return f"{what + ':':<48} {ms:7.1f} ms" + (f"  ({note})" if note else "")


def _against(ms: float, target: float, baseline: float) -> str:
    verdict = "ok" if ms < target else "OVER"
    return f"target < {target:.0f} ms: {verdict}; {ms / baseline:.1f}x the bare baseline"


def main() -> None:
    snapshot = meeting_snapshot()
    committee = snapshot.membership.committee
    people = [Person(id=f"p{i}", name=f"Person Number{i}") for i in range(20)]

    presented_to = Meeting(committee=committee.code, date=date(2024, 1, 10))

    def tracker(rows: list[Action]) -> None:
        _save(render_tracker(_tracker(rows, committee, people, presented_to)))

    def meeting_export(
        render: Callable[[MinutesSnapshot], Build], snapshot: MinutesSnapshot = snapshot
    ) -> None:
        # A fresh copy, as each export reads one: it derives its timeline and quorum again,
        # and reads its minute bodies again (not from the last run's).
        read_body.cache_clear()
        fresh = snapshot.model_copy(update={"record": snapshot.record.model_copy(update={})})
        _save(render(fresh))
        tracker = _tracker(TRACKED, committee, fresh.people, fresh.record.meeting)
        _save(render_tracker(tracker))

    # Warm up python-docx's imports and caches before any timing.
    meeting_export(render_council_minutes)
    meeting_export(render_nhs_minutes)
    bare_document(PARAGRAPHS, TRACKER_ROWS, 11)

    # Two documents (minutes and tracker) against two bare ones of the same size.
    baseline = 2 * median_ms(lambda: bare_document(PARAGRAPHS, TRACKER_ROWS, 11))
    print(_line(f"bare python-docx x2, {PARAGRAPHS} paragraphs + 100x11 table", baseline))
    rich = meeting_snapshot(rich=True)
    for style, render in (("council", render_council_minutes), ("nhs", render_nhs_minutes)):
        ms = median_ms(partial(meeting_export, render))
        what = f"meeting, {ITEMS} items, {style} minutes + tracker"
        print(_line(what, ms, _against(ms, MEETING_BUDGET_MS, baseline)))
        ms = median_ms(partial(meeting_export, render, rich))
        what = "  the same, rich bodies in every third item"
        print(_line(what, ms, _against(ms, MEETING_BUDGET_MS, baseline)))
    rows = actions(TRACKER_ROWS)
    ms = median_ms(lambda: tracker(rows))
    print(_line(f"tracker, {TRACKER_ROWS:5,} rows, render + save", ms))

    big_baseline = median_ms(lambda: bare_document(0, 1000, 11))
    print(_line("bare python-docx, 1,000x11 table", big_baseline))
    rows = actions(1000)
    ms = median_ms(lambda: tracker(rows))
    print(
        _line("tracker, 1,000 rows, render + save", ms, _against(ms, TRACKER_1000_MS, big_baseline))
    )


if __name__ == "__main__":
    main()
