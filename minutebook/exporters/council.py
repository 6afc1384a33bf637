"""Formal minutes in the council house style (seed 001, minutes of 13 June 2023).

The structure is docs/minutes.md as seed 001 lays it out:

- the title block: the body's name (Heading 1), "Minutes of the meeting held on Tuesday
  13 June 2023 at 14:00", DRAFT in the header until the minutes are approved,
  CONFIDENTIAL in the header of the confidential version;
- the attendance as paragraphs: "Present: Councillors Marland (Chair), R Bradburn, ...",
  "Officers:", "Observers:", "Apologies:" with "(Dr T Nguyen deputising)";
- the Chair's ruling on the quorum at the opening, if one was recorded;
- an inquorate period under the minute where it began (the time, who left, what
  happened to the items it covered) and where the quorum returned (the time, who came);
- each minute as a heading "HCP1 Welcome, Introductions and Apologies" (Heading 2), the
  declarations and quorum rulings on the item, its body (paragraphs, Word lists, bold,
  tables: `minute_body`) with the decisions placed in it, then "RESOLVED:" with the
  points placed nowhere (numbered, or lettered, as the committee labels decisions), or
  "RESOLVED -" and a lone point not numbered (seed 001's HCP2), and the actions agreed;
- confidential items in the public version only as their heading and a note, after the
  resolution excluding the press and public in the words of the committee's kind of
  body, naming the items and their Schedule 12A paragraphs (`snapshot.exclusion`);
- the date of the next meeting if no minute records it, then the sign-off: once the
  minutes are approved, "Approved and signed by the Chair as a correct record at the
  meeting held on …" and "Signed: Councillor … (Chair)  Date: …" filled from the
  approval; until then "Signed: …………… Chair  Date: ……………" to be signed by hand.

Rendering is pure: it reads a `MinutesSnapshot` and returns a `Build`; saving is the
caller's (`common.save_document`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from docx.shared import Cm, Pt

from minutebook.domain.actions import Action, action_mark, agreed_under
from minutebook.domain.agenda import declarations_item
from minutebook.domain.base import clean_text
from minutebook.domain.committee import Person, Seat
from minutebook.domain.confidentiality import action_is_confidential
from minutebook.domain.dates import long_date, long_day
from minutebook.domain.interests import interest_words
from minutebook.domain.labels import DecisionLabeller, DecisionLabels, Label, verb_heading
from minutebook.domain.lifecycle import (
    correct_record_words,
    names_next_meeting,
    next_meeting_words,
)
from minutebook.domain.meeting import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Capacity,
    Decision,
    DecisionFlag,
    Declaration,
    Minute,
    Mode,
    QuorumRuling,
    Session,
)
from minutebook.domain.minute_body import ListKind
from minutebook.domain.minute_layout import lay_out
from minutebook.domain.quorum import Ruling
from minutebook.domain.snapshot import MinutesSnapshot
from minutebook.domain.votes import Vote, minute_sentences, vote_runs
from minutebook.exporters.common import (
    NO_CONFLICTS,
    Build,
    action_label,
    action_text,
    ended_text,
    find_person,
    is_approved,
    join,
    mark_pages,
    name_of,
    new_document,
    ruling_text,
    seats_of,
    set_properties,
    with_note,
)
from minutebook.exporters.inquorate import (
    began_text,
    outcome_text,
    restored_text,
)
from minutebook.exporters.minute_body import BodyWriter, WordLists, number_paragraph

CHAIR_MARK = "Chair"
VICE_CHAIR_MARK = "Vice-Chair"
ENDS_COUNCILLORS = ","
"""Seed 001 sets the Vice-Chair's mark off with a comma where the Vice-Chair ends the
councillors: "and D Hopkins, (Vice-Chair), M Bracey ..."; inside the group it is
"T Brown (Vice-Chair) and A Patel"."""

AND = " and "
OFFICERS_AND = ", and "
"""Seed 001's Officers line has a comma before its "and": "M Carr (...), and A Clayton"."""

COUNCILLOR = "Councillor"
MEMBER_CAPACITIES = (Capacity.MEMBER, Capacity.PARTICIPANT, Capacity.DEPUTY)
CONFIDENTIAL_NOTE = (
    "This item was considered in private session. Its minute is recorded in the "
    "confidential minutes, which are not published."
)

FLAG_NOTES: dict[DecisionFlag, str] = {
    DecisionFlag.INQUORATE: "taken while the meeting was inquorate",
    DecisionFlag.CHAIRS_ACTION: (
        "taken by the Chair under Chair's action, to be reported to the next meeting"
    ),
}

DOTS = "…" * 10
"""Where the Chair signs and dates minutes not yet approved, by hand."""

BODY = "Normal"
BULLET = "List Bullet"
POINT = "List Number"


def render_council_minutes(
    snapshot: MinutesSnapshot, template: Path | None = None, public: bool = True
) -> Build:
    """The meeting's formal minutes in the council house style.

    `public` gives the published version: confidential items appear only as their
    heading and a note. The confidential version has every item in full and says
    CONFIDENTIAL in the header of every page.
    """
    build = new_document(template, snapshot.membership.committee)
    writer = _Writer(build, snapshot, public)
    writer.write()
    return build


class _Writer:
    """Writes one meeting's minutes into a document, top to bottom."""

    def __init__(self, build: Build, snapshot: MinutesSnapshot, public: bool) -> None:
        self.build = build
        self.snapshot = snapshot
        self.public = public
        self.committee = snapshot.membership.committee
        self.record = snapshot.record
        self.meeting = snapshot.record.meeting
        self.agenda: dict[int, AgendaItem] = {item.number: item for item in self.record.agenda}
        # What an imported action's minute reference may name (`domain.actions.cited_item`).
        self._numbers = {m.number: m.item for m in self.record.minutes if m.number}
        self._held = sorted({*self.agenda, *(m.item for m in self.record.minutes)})
        self.quorum = snapshot.quorum
        if why := self.quorum.unminuted:
            build.warnings.append(why)
        self._quorum_notes: dict[int, list[str]] = {}
        self._closing_notes: list[str] = []
        self._inquorate_periods()
        self.lists = WordLists(build)
        self.labels = DecisionLabeller.of(self.committee)
        self.body = BodyWriter(
            build,
            self.lists,
            lambda part: self._decisions(part.points),
            "Table in the minutes",
            actions=lambda part: self._actions(part.points),
        )
        self._item = 0  # the item whose minute is being written

    # ------------------------------------------------------------------ the document

    def write(self) -> None:
        self._properties()
        mark_pages(self.build, public=self.public, approved=is_approved(self.meeting))
        self._title()
        self._attendance()
        for ruling in self._rulings(None):
            self._quorum_line(ruling_text(ruling, "the meeting", "inquorate"))
        self._quorum_until(0)
        self._minutes()
        self._quorum_until(None)
        self._unplaced_actions()
        self._next_meeting()
        if ended := ended_text(self.snapshot, public=self.public):
            self.build.paragraph(ended, BODY)
        self._sign_off()

    def _properties(self) -> None:
        day = long_date(self.meeting.date)
        kind = "Minutes" if self.public else "Confidential minutes"
        title = f"{kind} of the {self.committee.name}, {day}"
        if not is_approved(self.meeting):
            title += " (draft)"
        set_properties(self.build, title=title, subject=self.committee.name)

    def _title(self) -> None:
        self.build.heading(self.committee.name, 1)
        held = f"Minutes of the meeting held on {long_day(self.meeting.date)}"
        if self.meeting.time:
            held += f" at {self.meeting.time}"
        if self.meeting.venue:
            held += f" at {self.meeting.venue}"
        self.build.paragraph(held, BODY, bold=True)
        if self.meeting.session is Session.PRIVATE:
            self.build.paragraph("Private session", BODY, bold=True)
        if not self.public:
            self.build.paragraph(
                "CONFIDENTIAL: not for publication. These minutes include the items "
                "considered in private session.",
                BODY,
                bold=True,
            )

    # ------------------------------------------------------------------ attendance

    def _attendance(self) -> None:
        rows = self.record.attendance
        attended = [r for r in rows if self.record.attended(r)]
        present = [r for r in attended if r.capacity in MEMBER_CAPACITIES]
        officers = [r for r in attended if r.capacity in (Capacity.OFFICER, Capacity.MINUTE_TAKER)]
        observers = [r for r in attended if r.capacity is Capacity.OBSERVER]
        apologies = [r for r in rows if r.status is AttendanceStatus.APOLOGIES]
        absent = [r for r in rows if r.status is AttendanceStatus.ABSENT]
        for label, group, conjunction in (
            ("Present:", present, AND),
            ("Officers:", officers, OFFICERS_AND),
            ("Observers:", observers, AND),
            ("Apologies:", apologies, AND),
            ("Absent:", absent, AND),
        ):
            if group:
                self._labelled(label, attendance_list(self.snapshot, group, conjunction))

    def _labelled(self, label: str, text: str) -> None:
        paragraph = self.build.paragraph(label, BODY, bold=True)
        paragraph.add_run(" " + clean_text(text))

    # ------------------------------------------------------------------ minutes

    def _minutes(self) -> None:
        excluded = False
        for minute in sorted(self.record.minutes, key=lambda m: m.item):
            item = self.agenda.get(minute.item)
            confidential = item is not None and item.confidential
            if confidential and not excluded and self.meeting.session is Session.PUBLIC:
                self._exclusion()
                excluded = True
            self.build.heading(minute_heading(minute, item), 2)
            hidden = confidential and self.public
            for ruling in [] if hidden else self._rulings(minute.item):
                self._quorum_line(ruling_text(ruling, "the meeting", "inquorate"))
            # The quorum's lines at a confidential item are part of its minute: they can
            # name an interest declared on it. The public minutes leave them out, as
            # they leave out its rulings (and as the NHS minutes leave out the item).
            self._quorum_until(minute.item, shown=not hidden)
            if confidential and self.public:
                self.build.paragraph(CONFIDENTIAL_NOTE, BODY)
                continue
            self._declarations(minute)
            self._item = minute.item
            agreed = [a for a in self.snapshot.actions if self._placed(a, minute)]
            layout = lay_out(minute, agreed)
            self.build.warnings += [f"{minute.number or minute.item}: {n}" for n in layout.notes]
            self.labels.item(*layout.runs)
            self.body.write(layout.parts)
            arising = self.snapshot.arising_words(minute.item)
            if arising:
                self.build.paragraph(arising, BODY)
            self._decisions(layout.unplaced)
            self._actions(layout.unplaced_actions)

    def _inquorate_periods(self) -> None:
        """What is minuted of each inquorate period, by the agenda item it goes under:
        its start and what happened to its items under the first item it covers (at the
        opening, 0, if it began there); the return of the quorum under the item where it
        came back, or after the last minute if it lasted to the close. A line due under
        an item with no minute comes under the next one, and then says its item ("During
        item 5, quorum was restored ...")."""
        minuted = {m.item for m in self.record.minutes}
        for period in self.snapshot.periods(public=self.public):
            start = 0 if period.from_start else period.placed_item or 0
            began = _during(start, began_text(period, self._display, False), minuted)
            outcome = outcome_text(period, self.committee.parent_body)
            self._quorum_notes.setdefault(start, []).extend(t for t in (began, outcome) if t)
            restored = restored_text(period, self._display)
            if restored and period.restored_item is None:
                self._closing_notes.append(restored)
            elif restored and period.restored_item is not None:
                restored = _during(period.restored_item, restored, minuted)
                self._quorum_notes.setdefault(period.restored_item, []).append(restored)

    def _quorum_until(self, item: int | None, shown: bool = True) -> None:
        """The quorum notes due at or before agenda item `item`, or all that are left
        and the closing ones (None): a note due at an item with no minute comes at the
        next minute. Not `shown`: they are taken off without being written."""
        due = sorted(k for k in self._quorum_notes if item is None or k <= item)
        texts = [text for key in due for text in self._quorum_notes.pop(key)]
        if not shown:
            return
        if item is None:
            texts += self._closing_notes
        for n, text in enumerate(texts, start=1):
            # An inquorate period's lines read together: never split by a page break.
            self._quorum_line(text, keep_with_next=n < len(texts))

    def _quorum_line(self, text: str, keep_with_next: bool = False) -> None:
        """A line on the quorum (a ruling, an inquorate period, its end), in italics so
        that it stands apart from the narrative of the minute."""
        paragraph = self.build.paragraph(text, BODY, italic=True)
        if keep_with_next:
            paragraph.paragraph_format.keep_with_next = True

    def _exclusion(self) -> None:
        """The resolution excluding the press and public, in the words of the
        committee's kind of body, naming the confidential items and their Schedule 12A
        paragraphs (`snapshot.exclusion`); a paragraph not given is warned of."""
        passed = self.snapshot.exclusion
        if warning := passed.warning():
            self.build.warnings.append(warning)
        self.build.heading("Exclusion of the Press and Public", 2)
        self._verb_label("RESOLVED", lone=True)
        self.build.paragraph(passed.text, BODY)

    def _rulings(self, item: int | None) -> list[QuorumRuling]:
        return [r for r in self.record.quorum_rulings if r.item == item]

    def _declarations(self, minute: Minute) -> None:
        declarations = [d for d in self.record.declarations if d.item == minute.item]
        for declaration in declarations:
            self.build.paragraph(self._declaration_text(declaration), BODY)
        standing = declarations_item(self.record.agenda)
        here = standing is not None and standing.number == minute.item
        if here and not self.record.declarations and not minute.narrative.strip():
            self.build.paragraph(NO_CONFLICTS, BODY)

    def _declaration_text(self, declaration: Declaration) -> str:
        name = self._display(declaration.person)
        nature = inner(declaration.nature.rstrip(". "))
        text = f"{name} declared {interest_words(declaration.category)} in this item ({nature})"
        if declaration.ruling is Ruling.LEAVE:
            text += " and left the meeting for the item"
            left, returned = self.record.out_for_item(declaration)
            if left:
                text += f" at {left}"
            if returned:
                text += f", returning at {returned}"
        elif declaration.ruling is Ruling.NO_VOTE:
            text += " and remained in the meeting but took no part in the decision"
        else:
            text += "; no action was needed"
        return text + "."

    def _decisions(self, decisions: Sequence[Decision]) -> None:
        """Decisions printed together (at their place in the body, or after it): under
        each verb, "RESOLVED:" then its points, labelled as the committee labels them
        (`domain.labels`): a real Word list, numbered or lettered from the point's label;
        or "RESOLVED -" then a lone point not numbered. A vote goes before the heading of
        the point it decided, which stands under a heading of its own."""
        groups: dict[str, list[tuple[str, Label | None, Vote | None]]] = {}
        for decision in decisions:
            text = decision.text.strip()
            if not text:
                continue
            flag = self.quorum.flag(decision, self._item)
            if flag is not None:
                text = with_note(text, FLAG_NOTES[flag])
            point = (text, self.labels.label(decision), decision.vote)
            groups.setdefault(decision.verb.value, []).append(point)
        for verb, points in groups.items():
            # A vote goes just before the heading of what it resolved (`votes.vote_runs`).
            for run in vote_runs(points, lambda point: point[2]):
                if run[0][2] is not None:
                    words = " ".join(minute_sentences(run[0][2], self._display))
                    self.build.paragraph(words, BODY).paragraph_format.keep_with_next = True
                self._verb_label(verb, lone=len(run) == 1 and run[0][1] is None)
                self._points([(text, label) for text, label, _ in run])

    def _verb_label(self, verb: str, lone: bool) -> None:
        """ "RESOLVED -" before a lone point printed as a paragraph (seed 001's HCP2),
        "RESOLVED:" before a list of points (HCP5), in bold, kept on the page of its
        first point."""
        label = verb_heading(verb, lone)
        self.build.paragraph(label, BODY, bold=True).paragraph_format.keep_with_next = True

    def _points(self, points: Sequence[tuple[str, Label | None]]) -> None:
        """One verb's points: a lone point not numbered is a plain paragraph; the others
        are one list, each a new instance starting at its first point's label
        (otherwise each RESOLVED list would run on from the one before)."""
        if len(points) == 1 and points[0][1] is None:
            self.build.paragraph(points[0][0], BODY)
            return
        first = next((label for _, label in points if label is not None), None)
        kind = ListKind.NUMBERED
        if first is not None and first.scheme is DecisionLabels.LETTERED:
            kind = ListKind.LETTERED
        style = self.body.list_style(kind, 0)
        num_id, ilvl = self.lists.start(kind, 0, first.number if first else 1, style)
        for text, _ in points:
            number_paragraph(self.build.paragraph(text, style or POINT), num_id, ilvl)

    def _actions(self, actions: Sequence[Action]) -> None:
        """ "Action 3: Circulate the tracker (A Clayton, by 1 July 2023)", the label
        in bold, numbered as the tracker numbers it."""
        for action in actions:
            paragraph = self.build.paragraph(f"{action_label(action)}:", BODY, bold=True)
            paragraph.add_run(" " + clean_text(self._action_text(action)))

    def _action_text(self, action: Action) -> str:
        """The owner as the committee's minutes name people, or the mark given to the
        action or its owner (`domain.actions.action_mark`)."""
        owner = find_person(self.snapshot, action.owner)
        return action_text(action, action_mark(action, owner, self._display(action.owner)))

    def _placed(self, action: Action, minute: Minute) -> bool:
        """Whether an action goes under this minute (`domain.actions.agreed_under`)."""
        return agreed_under(action, minute.item, self._numbers, self._held)

    def _unplaced_actions(self) -> None:
        """Actions agreed at the meeting that no minute holds (one whose item was never
        minuted, or an imported one citing a minute by another number): listed, not
        lost; in the public minutes, only those not recorded under a confidential item."""
        unplaced = [
            a
            for a in self.snapshot.actions
            if not any(self._placed(a, m) for m in self.record.minutes)
        ]
        if self.public:
            unplaced = [
                a
                for a in unplaced
                if not action_is_confidential(a, self.snapshot.confidential)
                and not self.snapshot.is_confidential(a.item)
            ]
        if not unplaced:
            return
        self.build.heading("Actions Agreed", 2)
        for action in unplaced:
            # "Action 1 (HCP05 THE MK DEAL): ...", as much of it as is recorded.
            reference = " ".join(p for p in (action.minute, action.item_title) if p)
            if action.number:
                reference = action_label(action) + (f" ({reference})" if reference else "")
            text = self._action_text(action)
            self.build.paragraph(f"{reference}: {text}" if reference else text, BULLET)

    def _next_meeting(self) -> None:
        following = self.snapshot.next_meeting
        if following is None:
            return
        # The domain says whether these minutes print it: once they are signed, the
        # meeting named here can no longer be moved (docs/lifecycle.md).
        style = self.snapshot.membership.committee.house_style
        minuted = [(m, self.agenda.get(m.item)) for m in self.record.minutes]
        headings = (m.heading or (item.title if item else None) for m, item in minuted)
        if not names_next_meeting(style, headings, (item.kind for _, item in minuted if item)):
            return
        self.build.heading("Date of the Next Meeting", 2)
        self.build.paragraph(next_meeting_words(following), BODY)

    def _sign_off(self) -> None:
        """Seed 001's foot of approved minutes and the Chair's signature with its date,
        as the domain's sign-off gives them; dotted lines for a wet signature until then."""
        signed = self.snapshot.sign_off
        if signed.approved:
            record = self.build.paragraph(correct_record_words(signed), BODY)
            record.paragraph_format.keep_with_next = True
        who = f"{signed.signatory} ({signed.role})" if signed.chair else f"{DOTS} {signed.role}"
        day = long_date(signed.signed_on) if signed.signed_on else DOTS
        line = self.build.paragraph(f"Signed: {who}\tDate: {day}", BODY)
        line.paragraph_format.space_before = Pt(24)  # room to sign above the line
        line.paragraph_format.tab_stops.add_tab_stop(Cm(9))

    def _display(self, person_id: str) -> str:
        return name_of(self.snapshot, person_id, display_name)


# ---------------------------------------------------------------------- attendance


def attendance_list(
    snapshot: MinutesSnapshot, rows: Sequence[Attendance], conjunction: str = AND
) -> str:
    """One attendance paragraph's list: councillors first as one group ("Councillors
    Marland (Chair), R Bradburn and D Hopkins, (Vice-Chair)"), then everyone else in
    the order recorded, each with their role: "M Bracey (Chief Executive, ...)"."""
    councillors: list[tuple[Attendance, Person]] = []
    others: list[str] = []
    for row in rows:
        person = find_person(snapshot, row.person)
        if person is not None and _is_councillor(person):
            councillors.append((row, person))
        else:
            others.append(_entry(snapshot, row, person, in_group=False))
    entries: list[str] = []
    if councillors:
        names = [
            _entry(snapshot, row, person, in_group=True, ends_group=n == len(councillors))
            for n, (row, person) in enumerate(councillors, start=1)
        ]
        prefix = f"{COUNCILLOR}s" if len(councillors) > 1 else COUNCILLOR
        entries.append(f"{prefix} {join(names)}")
    entries.extend(others)
    if len(councillors) > 1 and len(others) == 1:
        # "Councillors G Blake and Z Marsh-O'Brien, and Mrs J Reeve": the councillors'
        # own "and" is not followed by a second one with nothing between them.
        conjunction = OFFICERS_AND
    return join(entries, conjunction)


def display_name(person: Person) -> str:
    """The name with its honorific as the minutes print it: "Dr T Nguyen"."""
    name = person.minutes_name
    if person.honorific and not name.startswith(person.honorific):
        return f"{person.honorific} {name}"
    return name


def _entry(
    snapshot: MinutesSnapshot,
    row: Attendance,
    person: Person | None,
    in_group: bool,
    ends_group: bool = False,
) -> str:
    """One person as an attendance paragraph lists them: the name, then in one pair of
    brackets the Chair's or Vice-Chair's mark, the role and the comings and goings
    ("M Bracey (Chief Executive; from item 3)"), then who deputised for them ("(Dr T
    Nguyen deputising)", a bracket of its own as seed 001 prints it). A bracket inside
    one of these is printed square, never nested."""
    if person is None:
        name = row.person
    else:
        name = person.minutes_name if in_group else display_name(person)
    seats = seats_of(snapshot, row.seats)
    notes: list[str] = []
    comma = ""
    if any("chair" in seat.tags for seat in seats):
        notes.append(CHAIR_MARK)
    elif any("vice_chair" in seat.tags for seat in seats):
        notes.append(VICE_CHAIR_MARK)
        comma = ENDS_COUNCILLORS if in_group and ends_group else ""
    role = _role(snapshot, row, person, seats, in_group)
    if role:
        notes.append(role)
    notes += _movements(snapshot, row)
    text = f"{name}{comma} ({'; '.join(inner(n) for n in notes)})" if notes else name
    if row.status is AttendanceStatus.APOLOGIES:
        text += "".join(f" ({inner(d)} deputising)" for d in _deputies(snapshot, row))
    return text


def inner(text: str) -> str:
    """Text that goes inside brackets, its own brackets made square ("Chair (Leader of
    the Council)" -> "Chair [Leader of the Council]"): brackets are not nested."""
    return text.replace("(", "[").replace(")", "]")


def _role(
    snapshot: MinutesSnapshot,
    row: Attendance,
    person: Person | None,
    seats: Sequence[Seat],
    in_group: bool,
) -> str:
    """The role printed in brackets: the role recorded at the meeting, else (not for
    councillors, whom the minutes list by name) the titles of the seats held."""
    role = row.role
    if role is None and not in_group:
        titles = [s.title for s in seats if not {"chair", "vice_chair"} & set(s.tags) and s.title]
        role = AND.join(dict.fromkeys(titles)) or None
        if role is None and row.deputy_for:
            principals = [
                name
                for seat in seats_of(snapshot, row.deputy_for)
                if seat.holder and (name := _name_of(snapshot, seat.holder))
            ]
            role = f"deputising for {join(principals)}" if principals else None
    if role is None:
        return ""
    redundant = {COUNCILLOR.lower()}
    if person is not None and person.honorific:
        redundant.add(person.honorific.lower())
    return "" if role.strip().lower() in redundant else role.strip()


def _movements(snapshot: MinutesSnapshot, row: Attendance) -> list[str]:
    """Remote attendance, and the comings and goings the timeline records: "(from item
    3)", "(left during item 4 and returned during item 5)". A late arrival is minuted
    by its item, never by the clock: formal minutes (the seeds) print no arrival times.
    The times stay in the record for the inquorate periods ("became inquorate at 15:05
    when ... left")."""
    notes: list[str] = []
    attended = snapshot.record.attended(row)
    if attended and row.mode is Mode.REMOTE:
        notes.append("attended remotely")
    elif attended and row.mode is Mode.TELEPHONE:
        notes.append("attended by telephone")
    return notes + snapshot.record.presence_notes(row.person)


def _deputies(snapshot: MinutesSnapshot, row: Attendance) -> list[str]:
    """Who deputised for this absent member's seats."""
    seats = set(row.seats)
    return [
        _name_of(snapshot, other.person)
        for other in snapshot.record.attendance
        if snapshot.record.attended(other) and seats & set(other.deputy_for)
    ]


def _is_councillor(person: Person) -> bool:
    return (person.honorific or "").strip().lower() == COUNCILLOR.lower()


def _name_of(snapshot: MinutesSnapshot, person_id: str) -> str:
    return name_of(snapshot, person_id, display_name)


# ---------------------------------------------------------------------- minutes


def minute_heading(minute: Minute, item: AgendaItem | None) -> str:
    """ "HCP1 Welcome, Introductions and Apologies"; the agenda title if the minute has
    no heading of its own, "Item 3" if neither."""
    title = minute.heading or (item.title if item else None) or f"Item {minute.item}"
    return f"{minute.number} {title}" if minute.number else title


def _during(item: int, text: str, minuted: set[int]) -> str:
    """ "During item 5, quorum was restored ...": a quorum line that will stand under
    another item's minute (its own item has none) says which item it happened at."""
    if not text or item == 0 or item in minuted:
        return text
    return f"During item {item}, {text[:1].lower()}{text[1:]}"
