"""The meeting screen's record tabs, drawn as text: the attendance with the quorum at
the opening (or the forecast before the meeting), and the minutes as recorded so far:
each minute's body as the Word minutes print it (`domain.minute_layout`, the one tree
the exporters read), its lists indented with their bullets, numbers or letters, bold
as bold, tables as aligned columns and the decisions where the body places them.

Each tab is one rich renderable in one `Static`, built the first time the tab is shown
and again when the record changes: a meeting of 25 minuted items drawn as a Markdown
widget per paragraph (about 700 widgets) took over a second to open. The Minutes tab is
one `Text` (a table in it a rich `Table`): rich's `Markdown` draws it in about the same
time but takes ten times as long to build, and reads more of a narrative as formatting
than the minutes do. The Attendance tab's lists are grids, so that a wrapped line hangs under
the name rather than under the bullet. What the pages say comes from the domain
(`MeetingQuorum`, `MeetingRecord.presence_notes`, the forecast); nothing is decided here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from minutebook.domain import (
    Action,
    Attendance,
    AttendanceStatus,
    Capacity,
    Committee,
    MeetingRecord,
    Mode,
    Organisation,
    Person,
    Seat,
    TermsOfReference,
)
from minutebook.domain.actions import action_mark
from minutebook.domain.forecast import forecast
from minutebook.domain.interests import INTEREST_LABELS
from minutebook.domain.labels import DecisionLabeller, verb_heading
from minutebook.domain.meeting import Decision, DecisionFlag
from minutebook.domain.meeting_quorum import MeetingQuorum
from minutebook.domain.minute_body import ListBlock, Paragraph, Runs, point_label, runs_text
from minutebook.domain.minute_body import Table as BodyTable
from minutebook.domain.minute_layout import Actions, Decisions, Part, lay_out
from minutebook.domain.quorum import Ruling
from minutebook.domain.reviews import ActionReview
from minutebook.domain.snapshot import arising_words, people_named
from minutebook.domain.votes import minute_sentences, vote_runs

if TYPE_CHECKING:
    from minutebook.store import Store

CAPACITY_HEADINGS = {
    Capacity.MEMBER: "Members",
    Capacity.PARTICIPANT: "Participants",
    Capacity.DEPUTY: "Deputies",
    Capacity.OFFICER: "In attendance",
    Capacity.OBSERVER: "Observers",
    Capacity.MINUTE_TAKER: "Minutes",
}


@dataclass
class RecordReading:
    """The meeting as read for one refresh of the record tabs (`reading_of`): one
    `meeting_record`, the people it names, the committee's seats, organisations and
    terms, the meeting's actions, and the actions it reviewed (matters arising)."""

    record: MeetingRecord
    people: dict[str, Person]
    seats: list[Seat]
    organisations: list[Organisation]
    terms: TermsOfReference | None
    actions: list[Action]
    committee: Committee
    reviewed: list[tuple[Action, ActionReview]] = field(default_factory=list)

    @cached_property
    def quorum(self) -> MeetingQuorum:
        """Built once per reading, when a tab first needs it."""
        return MeetingQuorum(self.record, self.terms, self.seats, self.organisations)

    def name(self, person: str) -> str:
        found = self.people.get(person)
        return found.display_name if found else person

    def is_planned(self, row: Attendance) -> bool:
        """Expected (marked present before the meeting) and not yet in the room."""
        return row.is_attending and not self.record.timeline.marks(row.person)


# -- the record tabs, drawn as text -------------------------------------------------------

BULLET = "  • "


class Page:
    """One record tab's content, built line by line into one rich renderable: runs of
    lines are one `Text`. With `hanging`, a list is a grid whose wrapped lines hang
    under their text rather than under the bullet (the Attendance tab's long titles);
    without, it is more lines of the same `Text`, which draws in about half the time (the
    Minutes tab, hundreds of lines). `plain` is the same content as plain text."""

    def __init__(self, hanging: bool) -> None:
        self.hanging = hanging
        self.parts: list[RenderableType] = []
        self._run: list[Text] = []
        self._plain: list[str] = []

    def line(self, *parts: str | tuple[str, str] | Text) -> None:
        text = Text.assemble(*parts)
        self._run.append(text)
        self._plain.append(text.plain)

    def blank(self) -> None:
        self.line()

    def items(self, entries: Sequence[Text | str], marks: Sequence[str] | None = None) -> None:
        """A list: `marks` before each entry (numbers), else bullets."""
        labels = list(marks) if marks is not None else [BULLET] * len(entries)
        if not self.hanging:
            for label, entry in zip(labels, entries, strict=True):
                self.line(label, entry)
            return
        if not entries:
            return
        self._flush()
        grid = Table.grid()
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1)
        for label, entry in zip(labels, entries, strict=True):
            grid.add_row(label, entry)
            self._plain.append(label + (entry.plain if isinstance(entry, Text) else entry))
        self.parts.append(grid)

    def table(self, table: BodyTable, indent: int = 0) -> None:
        """A table of the minute's body: its columns aligned, the header in bold, a
        long cell wrapped within its column."""
        self._flush()
        grid = Table(box=box.SIMPLE_HEAD, show_edge=False, header_style="bold", padding=(0, 1))
        for cell in table.header:
            grid.add_column(runs_text(cell))
        for row in table.rows:
            grid.add_row(*(runs_text(cell) for cell in row))
        self.parts.append(Padding(grid, (0, 0, 0, indent)) if indent else grid)
        for row in (table.header, *table.rows):
            self._plain.append(" | ".join(runs_text(cell) for cell in row))

    def _flush(self) -> None:
        if self._run:
            self.parts.append(Text("\n").join(self._run))
            self._run = []

    @property
    def plain(self) -> str:
        return "\n".join(self._plain).rstrip()

    def renderable(self) -> RenderableType:
        while self._run and not self._run[-1]:
            self._run.pop()
        self._flush()
        return self.parts[0] if len(self.parts) == 1 else Group(*self.parts)


def _outlook(page: Page, reading: RecordReading) -> None:
    """The opening verdict once people are marked present; before that, the forecast
    from the apologies received and the remote attendance planned (docs/quorum.md, and
    the secretary's day, story 1)."""
    record = reading.record
    if reading.terms is None:
        page.line(("Quorum:", "bold"), " no terms of reference in force on this date.")
        return
    quorum = reading.quorum
    if not quorum.unminuted:
        opening = quorum.opening()
        state = "quorate" if opening.quorate else "INQUORATE"
        counted = len(opening.verdict.counted) if opening.verdict else 0
        page.line(("Quorum at the opening:", "bold"), f" {state}, {counted} counted.")
        page.items([f.text for f in (opening.verdict.failed if opening.verdict else ())])
        return
    assert quorum.engine is not None  # there are terms
    outlook = forecast(quorum.engine, record.attendance)
    remote = [
        r.person for r in record.attendance if r.is_attending and r.mode is not Mode.IN_PERSON
    ]
    joining = f", {len(remote)} joining remotely" if remote else ""
    verdict = outlook.verdict
    page.line(
        ("Forecast", "bold"),
        f" (apologies from {len(outlook.sent_apologies)}{joining}; "
        "p records apologies, r a remote attendance): ",
        f"quorate if everyone else comes ({len(verdict.counted)} expected)."
        if verdict.quorate
        else "INQUORATE even if everyone else comes.",
    )
    page.items(
        [f.text for f in verdict.failed]
        + [
            f"Not counted: {reading.name(e.person)}, {e.reason}"
            for e in verdict.excluded
            if e.person in remote
        ]
    )
    if outlook.chase:
        page.line(("Chase:", "bold"), " " + ", ".join(reading.name(p) for p in outlook.chase))
    elif outlook.chase is None:
        page.line("Even with everyone who sent apologies it would not be quorate.")


def reading_of(store: Store, meeting_id: int) -> RecordReading:
    """The meeting as it stands, with the people it names read by id
    (`snapshot.people_named`), not every person the file keeps for its other
    committees."""
    record = store.meeting_record(meeting_id)
    meeting = record.meeting
    seats = store.seats(meeting.committee)
    actions = store.meeting_actions(meeting)
    reviewed = store.reviewed_at(meeting_id)
    named = people_named(record, actions, reviewed, seats)
    return RecordReading(
        record=record,
        people={p.id: p for p in store.people(named)},
        seats=seats,
        organisations=store.organisations(meeting.committee),
        terms=store.terms_in_force(meeting.committee, meeting.date),
        actions=actions,
        committee=store.committee(meeting.committee),
        reviewed=reviewed,
    )


def attendance_page(reading: RecordReading) -> Page:
    """The Attendance tab: the quorum, then who attended by capacity (with their late
    arrivals and departures), who is expected, apologies and absences."""
    record = reading.record
    seats = {s.id: s for s in reading.seats}

    def who(row: Attendance) -> str:
        extras = []
        if row.role:
            extras.append(row.role)
        elif row.seats and row.seats[0] in seats:
            extras.append(seats[row.seats[0]].title)
        if row.deputy_for:
            principals = [seats[s].holder for s in row.deputy_for if s in seats]
            names = [reading.name(p) for p in principals if p and p in reading.people]
            extras.append("deputising for " + ", ".join(names or list(row.deputy_for)))
        if row.is_attending and row.mode is not Mode.IN_PERSON:
            extras.append(row.mode.value.replace("_", " "))
        if row.note:
            extras.append(row.note)
        extras += record.presence_notes(row.person)
        return reading.name(row.person) + (f" ({'; '.join(extras)})" if extras else "")

    def section(heading: str, rows: Sequence[Attendance]) -> None:
        if rows:
            page.line((heading, "bold"))
            page.items([who(r) for r in rows])
            page.blank()

    page = Page(hanging=True)
    _outlook(page, reading)
    page.blank()
    if not record.attendance:
        page.line("No attendance recorded yet.")
    present = [r for r in record.attendance if record.attended(r)]
    for capacity, heading in CAPACITY_HEADINGS.items():
        section(heading, [r for r in present if r.capacity is capacity])
    section("Expected", [r for r in record.attendance if r.is_attending and not record.attended(r)])
    for status, heading in (
        (AttendanceStatus.APOLOGIES, "Apologies"),
        (AttendanceStatus.ABSENT, "Absent"),
    ):
        section(heading, [r for r in record.attendance if r.status is status])
    return page


def minutes_page(reading: RecordReading) -> Page:
    """The Minutes tab: the record as taken, item by item: declarations, the narrative
    as typed, decisions with their flag, and actions; rulings on the quorum first."""
    record = reading.record
    quorum = reading.quorum
    titles = {i.number: i.title for i in record.agenda}
    actions_by_item: dict[str, list[Action]] = {}
    for action in reading.actions:
        actions_by_item.setdefault(str(action.item or action.minute or ""), []).append(action)
    page = Page(hanging=False)
    page.line(
        (
            "The record as taken. The Word minutes (x) word the attendance, the "
            "declarations and the quorum in the committee's house style.",
            "italic",
        )
    )
    page.blank()
    declared: dict[int, list[tuple[str, str]]] = {}
    for declaration in record.declarations:
        name = reading.name(declaration.person) if declaration.person in reading.people else ""
        declared.setdefault(declaration.item, []).append(
            (
                f"{name}, {INTEREST_LABELS[declaration.category]} interest "
                f"({declaration.nature}); the Chair's ruling: ",
                RULING_WORDS[declaration.ruling],
            )
        )
    for ruling in record.quorum_rulings:
        where = f"item {ruling.item}" if ruling.item else "the opening"
        words = "quorate" if ruling.quorate else "inquorate"
        when = f" ({ruling.recorded_at})" if ruling.recorded_at else ""
        page.line(
            (f"The Chair ruled the meeting {words} at {where}{when}: {ruling.reason}", "italic")
        )
        page.blank()
    if not record.minutes:
        page.line("No minutes recorded yet.")
    labels = DecisionLabeller.of(reading.committee)  # as live capture and the Word minutes
    for minute in record.minutes:
        heading = minute.heading or titles.get(minute.item, "")
        page.line((f"{minute.number or ''} {heading}".strip(), "bold underline"))
        page.blank()
        for words, ruling_words in declared.get(minute.item, []):
            page.line(("Declared:", "italic"), " ", words, ruling_words)
            page.blank()
        layout = lay_out(minute, actions_by_item.get(str(minute.item), []))
        if layout.notes:  # only what was not printed as typed: the rest shows as it prints
            page.line((f"Check the typed text: {'; '.join(layout.notes)}.", "dim italic"))
            page.blank()
        labels.item(*layout.runs)

        def decided(points: Sequence[Decision], item: int = minute.item) -> None:
            """Decisions as the council minutes print them: under their verb, labelled
            as the committee labels them, with their flag; a vote before the heading
            of the point it decided (`votes.vote_runs`)."""
            for verb in dict.fromkeys(d.verb for d in points):
                # Labelled first (the labeller counts as it goes), then headed.
                mine = [(d, labels.label(d)) for d in points if d.verb is verb]
                for run in vote_runs(mine, lambda point: point[0].vote):
                    if run[0][0].vote is not None:
                        page.line(" ".join(minute_sentences(run[0][0].vote, reading.name)))
                    lone = len(run) == 1 and run[0][1] is None
                    page.line((verb_heading(verb.value, lone), "bold"))
                    for decision, label in run:
                        flag = _flag_words(quorum.flag(decision, item))
                        page.line(
                            f"  {label.text} " if label else "  ", decision.text, (flag, "italic")
                        )
                    page.blank()

        def raised(points: Sequence[Action]) -> None:
            """Actions as live capture shows them, with the mark the minutes print
            beside what raised them where it is not the owner's name."""
            for action in points:
                due = f", by {action.due:%d/%m/%Y}" if action.due else ""
                owner = reading.name(action.owner) if action.owner in reading.people else ""
                mark = action_mark(action, reading.people.get(action.owner), owner)
                label = f"Action {action.number}" + (f" ({mark})" if mark != owner else "")
                page.line((f"{label}:", "italic"), f" {action.description} ({owner}{due})")
                page.blank()

        _body(page, layout.parts, decided, raised)
        # Where the Word minutes say it: after the body, before the decisions after it.
        arising = arising_words(reading.reviewed, reading.committee.rag_palette, minute.item)
        if arising:
            page.line(arising)
            page.blank()
        decided(layout.unplaced)
        raised(layout.unplaced_actions)
    return page


def _runs(runs: Runs) -> Text:
    return Text.assemble(*((run.text, "bold" if run.bold else "") for run in runs))


def _body(
    page: Page,
    parts: Sequence[Part],
    decided: Callable[[Sequence[Decision]], None],
    raised: Callable[[Sequence[Action]], None],
) -> None:
    """A minute's body: its paragraphs, lists and tables, and the decisions and actions
    it places."""
    for part in parts:
        if isinstance(part, Decisions):
            decided(part.points)
            continue
        if isinstance(part, Actions):
            raised(part.points)
            continue
        if isinstance(part, Paragraph):
            page.line(_runs(part.runs))
        elif isinstance(part, ListBlock):
            _points(page, part)
        elif isinstance(part, BodyTable):
            page.table(part)
        else:  # a place the layout did not fill: its line, as the minutes print it
            page.line(part.marker)
        page.blank()


def _points(page: Page, block: ListBlock) -> None:
    """A list's points, indented by level, each with its bullet, number or letter."""
    pad = "  " * (block.level + 1)
    for n, item in enumerate(block.items):
        mark = point_label(block.kind, block.start + n, block.level) + " "
        page.line(pad + mark, _runs(item.runs))
        for inner in item.then:
            if isinstance(inner, Paragraph):
                page.line(pad + " " * len(mark), _runs(inner.runs))
            elif isinstance(inner, ListBlock):
                _points(page, inner)
            elif isinstance(inner, BodyTable):
                page.table(inner, indent=len(pad) + len(mark))


RULING_WORDS = {
    Ruling.REMAIN: "remained, no action needed",
    Ruling.NO_VOTE: "remained, taking no part in the decision",
    Ruling.LEAVE: "left the meeting for the item",
}


def _flag_words(flag: DecisionFlag | None) -> str:
    if flag is DecisionFlag.INQUORATE:
        return " (taken while the meeting was inquorate)"
    if flag is DecisionFlag.CHAIRS_ACTION:
        return " (Chair's action)"
    return ""
