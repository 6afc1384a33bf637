"""The database of a secretariat ten years on (issue 14), for the scale benchmarks.

The demo's three committees and, beside them, `COMMITTEES` committees of 25 members
and 3 officers, each `YEARS` years old: ten meetings a year of 25 agenda items, every
item minuted (a paragraph of 60-odd words, a resolution and a noting) with two actions
agreed under it; the roll at each meeting (20 present, two of them remotely, 3
apologies, 2 absent, the officers in attendance), two declarations of interest, and
every action reviewed at the next meeting under its item 2 (all but one in fifty
closed there, so about a hundred stay open), and the minutes circulated a week after
the meeting, approved at the next meeting under its item 1 and so signed (the latest
meeting's minutes stay a draft); each committee's register holds ten interests.
Twenty committees ten years old: 2,000 meetings, 50,000 minutes, 100,000 actions and
their reviews (166 MiB).

Everything is written through the store, one meeting's record at a time
(`Store.add_meeting_record`, the store's one batched write), so every row is valid.
Building it takes minutes, so the file is kept in the temporary folder under a name
that carries `VERSION` (change it whenever what is built changes) and built once:
`built(...)` answers the kept file, building it first if it is not there. A kept file
is brought up to the current schema when it is opened, like any user's file.

Run alone to build it (or see that it is there): ``python -m bench.bigfile``.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from filelock import FileLock

from bench.search import FILLER, TOPICS
from minutebook.domain import (
    Action,
    AgendaItem,
    Committee,
    Decision,
    DecisionVerb,
    Meeting,
    Minute,
    Person,
    Seat,
    TermsOfReference,
)
from minutebook.domain.actions import ActionStatus
from minutebook.domain.committee import HouseStyle, NumberingScheme, RagPalette
from minutebook.domain.lifecycle import Approval
from minutebook.domain.meeting import (
    Attendance,
    AttendanceStatus,
    Capacity,
    Declaration,
    InterestCategory,
    MeetingRecord,
    Mode,
)
from minutebook.domain.register import Interest
from minutebook.domain.reviews import ActionReview
from minutebook.domain.timeline import span_events
from minutebook.seeds import build_demo_database
from minutebook.store import Store

VERSION = 3
"""Changes whenever what `build` writes changes, so a kept file is built again."""

COMMITTEES = 20
YEARS = 10
MEETINGS_A_YEAR = 10
ITEMS = 25
ACTIONS_AN_ITEM = 2
MEMBERS = 25
OFFICERS = 3
INTERESTS = 10
FIRST = date(2014, 1, 15)
RARE_WORD = "kingfisher"
"""In three minutes of the first committee only: the rare word searched for."""


def committee_code(n: int) -> str:
    return f"C{n + 1:02d}"


def meeting_day(n: int) -> date:
    """The n-th meeting's date: about every five weeks, ten a year."""
    return FIRST + timedelta(days=36 * n + n // MEETINGS_A_YEAR * 5)


def _members(code: str) -> list[str]:
    return [f"{code.lower()}m{n}" for n in range(MEMBERS)]


def _officers(code: str) -> list[str]:
    return [f"{code.lower()}o{n}" for n in range(OFFICERS)]


def add_committee(store: Store, n: int) -> None:
    """The committee, its members and officers, terms of reference and register."""
    code = committee_code(n)
    nhs = n % 2 == 1
    store.add_committee(
        Committee(
            code=code,
            name=f"Committee number {n + 1} of the Partnership",
            house_style=HouseStyle.NHS if nhs else HouseStyle.COUNCIL,
            rag_palette=RagPalette.NHS if nhs else RagPalette.COUNCIL,
            numbering=NumberingScheme(template="{prefix}{seq}", prefix=code),
        )
    )
    for k, person in enumerate(_members(code)):
        tags = ("chair",) if k == 0 else ("vice_chair",) if k == 1 else ()
        store.add_member(
            code,
            Seat(id=f"S{k}", title=f"Member {k}", holder=person, tags=tags),
            Person(id=person, name=f"Member Surname{k} {code}"),
        )
    for k, person in enumerate(_officers(code)):
        store.save_person(Person(id=person, name=f"Officer Surname{k} {code}"))
    store.add_terms_of_reference(
        code,
        TermsOfReference(
            version=1,
            adopted=FIRST - timedelta(days=30),
            quorum={
                "text": "A third of the members, including the Chair or Vice-Chair.",
                "requirement": {"fraction": {"num": 1, "den": 3, "rounding": "ceil"}},
            },
        ),
    )
    store.add_register(
        [
            Interest(
                committee=code,
                person=person,
                category=InterestCategory.FINANCIAL,
                description=f"Director of Provider number {k} Limited",
                organisation=f"Provider number {k} Limited",
                date_from=FIRST - timedelta(days=365),
                declared_on=FIRST - timedelta(days=60),
            )
            for k, person in enumerate(_members(code)[:INTERESTS])
        ],
        [],
    )


def _record(code: str, number: int, rng: random.Random) -> tuple[MeetingRecord, list[Action]]:
    """The n-th meeting of the committee as recorded, with the actions agreed at it."""
    day = meeting_day(number)
    members, officers = _members(code), _officers(code)
    attendance = []
    for k, person in enumerate(members):
        status = (
            AttendanceStatus.PRESENT
            if k < 20
            else AttendanceStatus.APOLOGIES
            if k < 23
            else AttendanceStatus.ABSENT
        )
        mode = Mode.REMOTE if k in (6, 7) else Mode.IN_PERSON
        attendance.append(Attendance(person=person, seats=(f"S{k}",), status=status, mode=mode))
    attendance += [
        Attendance(person=person, capacity=Capacity.OFFICER, role=f"Head of Service {k}")
        for k, person in enumerate(officers)
    ]
    events = [
        event
        for row in attendance
        if row.is_attending
        for event in span_events(row.person, None, None)
    ]
    agenda, minutes, actions = [], [], []
    for item in range(1, ITEMS + 1):
        topic = TOPICS[(number + item) % len(TOPICS)]
        title = {1: "Minutes of the previous meeting", 2: "Action log"}.get(
            item, f"{topic.capitalize()} report"
        )
        agenda.append(AgendaItem(number=item, title=title))
        words = rng.choices(FILLER, k=55) + rng.choices(TOPICS, k=8)
        if code == committee_code(0) and number * ITEMS + item in (17, 1234, 2401):
            words.append(RARE_WORD)
        rng.shuffle(words)
        minute_number = f"{code}{number * ITEMS + item}"
        minutes.append(
            Minute(
                item=item,
                number=minute_number,
                heading=title,
                narrative=" ".join(words).capitalize() + ".",
                decisions=(
                    Decision(verb=DecisionVerb.RESOLVED, text=f"That the {topic} plan be agreed"),
                    Decision(verb=DecisionVerb.NOTED, text="That the risks be noted"),
                ),
            )
        )
        for a in range(ACTIONS_AN_ITEM):
            owner = (members + officers)[(item * ACTIONS_AN_ITEM + a) % (MEMBERS + OFFICERS)]
            actions.append(
                Action(
                    committee=code,
                    meeting_date=day,
                    item=item,
                    minute=minute_number,
                    description=f"To bring part {a + 1} of the {topic} plan back by the "
                    f"meeting after next (agreed on {day:%d/%m/%Y}).",
                    owner=owner,
                    due=day + timedelta(days=70),
                )
            )
    declarations = (
        Declaration(person=members[3 + number % 5], item=5, nature="Director of a provider"),
        Declaration(person=members[9], item=14, nature="A relative works for the trust"),
    )
    record = MeetingRecord(
        meeting=Meeting(committee=code, date=day, time="10:00", venue="Civic Offices"),
        agenda=tuple(agenda),
        attendance=tuple(attendance),
        declarations=declarations,
        minutes=tuple(minutes),
        events=tuple(events),
    )
    return record, actions


def build_committee(store: Store, n: int, years: int = YEARS) -> None:
    """One committee `years` old, each meeting in its own transaction."""
    code = committee_code(n)
    rng = random.Random(14 + n)
    add_committee(store, n)
    earlier: Meeting | None = None
    for number in range(years * MEETINGS_A_YEAR):
        record, agreed = _record(code, number, rng)
        with store.transaction():
            meeting = store.add_meeting_record(record, agreed)
            if earlier is not None:
                for k, action in enumerate(store.meeting_actions(earlier)):
                    closed = k % 50 != 0
                    store.review_action(
                        ActionReview(
                            action_id=action.id,
                            meeting_id=meeting.id,
                            meeting_date=meeting.date,
                            item=2,
                            update="Complete" if closed else "Work under way",
                            status=ActionStatus.CLOSED if closed else ActionStatus.IN_PROGRESS,
                            revised_due=None if closed else meeting.date + timedelta(days=90),
                        )
                    )
                store.circulate_minutes(earlier.id or 0, earlier.date + timedelta(days=7))
                store.approve_minutes(
                    Approval(
                        meeting_id=earlier.id or 0,
                        at_meeting_id=meeting.id or 0,
                        item=1,
                        chair=f"Member Surname0 {code}",
                        signed_on=meeting.date,
                    ),
                    Decision(
                        verb=DecisionVerb.RESOLVED,
                        text="That the minutes of the previous meeting be approved as a "
                        "correct record",
                    ),
                    today=meeting.date,
                )
        earlier = meeting


def build(path: Path, committees: int = COMMITTEES, years: int = YEARS,
          progress: Callable[[str], None] | None = None) -> None:  # fmt: skip
    """The demo and `committees` committees `years` old, at `path` (replaced)."""
    build_demo_database(path, force=True)
    with Store.open(path) as store:
        for n in range(committees):
            started = time.perf_counter()
            build_committee(store, n, years)
            if progress is not None:
                progress(
                    f"committee {n + 1} of {committees} in {time.perf_counter() - started:.0f} s"
                )


def kept_path(committees: int = COMMITTEES, years: int = YEARS) -> Path:
    folder = Path(tempfile.gettempdir()) / "minutebook-bench"
    return folder / f"scale-v{VERSION}-{committees}x{years}.db"


def built(committees: int = COMMITTEES, years: int = YEARS, quiet: bool = False) -> Path:
    """The kept file of `committees` committees `years` old, built first if missing
    (saying how long building took). Two runs at once build it once (a file lock)."""
    path = kept_path(committees, years)
    path.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(path) + ".build-lock"):  # not ".lock": the store's own
        if path.exists():
            # Brought up to the current schema once, here, not in every copy measured.
            Store.open(path).close()
            return path
        say = (lambda text: None) if quiet else (lambda text: print(f"  {text}", flush=True))
        partial = path.with_suffix(".building")
        for stale in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            stale.unlink(missing_ok=True)
        started = time.perf_counter()
        if not quiet:
            print(f"building {path.name}: the demo and {committees} committees x {years} years")
        build(partial, committees, years, say)
        partial.replace(path)
        minutes = (time.perf_counter() - started) / 60
        if not quiet:
            size = path.stat().st_size / 2**20
            print(f"built {path} in {minutes:.1f} minutes ({size:.0f} MiB)", flush=True)
    return path


if __name__ == "__main__":
    arguments = [int(a) for a in sys.argv[1:3]]
    print(built(*arguments[:1], *arguments[1:2]))
