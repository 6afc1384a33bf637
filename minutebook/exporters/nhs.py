"""Formal minutes in the NHS board house style (seed 003, Board of the BLMK ICB, 1 July 2022).

The layout, in the order of docs/minutes.md:

- the title block: "Minutes of the <body>", then Date, Time, Venue and the session;
- attendance tables (Name | Role | Initials) for Members, Participants, In attendance
  and Apologies, alphabetical by surname as the seed prints them; the Chair is marked
  "(Chair)", a deputy's role reads "Deputising for <principal>, <seat>", and what was
  recorded live is added to the name ("(from item 4)", "(left during item 6)", remote
  attendance when the meeting was not wholly virtual);
- the quorum statement, from the QuorumEngine on the terms in force, or the Chair's
  ruling where one was recorded (none, with a warning, where nobody is recorded
  present: a meeting not yet started is not "inquorate"); an inquorate period is
  minuted in the rows of its items (when and why it began, what happened to its items,
  when the quorum returned);
- the items in a "No. | Agenda Item | Action" table, the Action column naming who is
  to act beside the paragraph that raised the action: an item's cell is split into rows
  (the No. cell blank below the first, as seed 003 prints it) at each place "[action 3]"
  in its body, the paragraph, point or table above it in a row of its own
  (docs/minutes.md). The name is the action's own mark, else
  the owner's ("COSACS"), else the owner's initials where the attendance tables key
  them, else the name (`domain.actions.action_mark`); an action with no place is
  minuted after the body, its owner beside the item's last row, as always;
- the approval block (Name | Role | Date): the Chair's full name, "Chair" and the date
  signed once the minutes are approved, as in seed 003's minutes of 4 July 2022.

Public minutes carry a confidential item only as its heading, after the resolution
excluding the press and public in the words of the committee's kind of body
(`snapshot.exclusion`, seed 003's for an NHS body); the confidential minutes
(``public=False``) hold the confidential items in full and say CONFIDENTIAL in the
header of every page. Minutes not yet approved say DRAFT there. Rendering is pure: the
snapshot in, a Build out; nothing is read or written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from docx.table import _Cell

from minutebook.domain.actions import Action, action_mark, agreed_under
from minutebook.domain.agenda import declarations_item
from minutebook.domain.base import clean_text
from minutebook.domain.bodies import framed
from minutebook.domain.committee import Seat
from minutebook.domain.dates import long_date, short_date
from minutebook.domain.decision_wording import body_word, minuted_sentence
from minutebook.domain.interests import interest_words
from minutebook.domain.labels import DecisionLabeller, is_sentence, verb_groups
from minutebook.domain.lifecycle import amendment_words
from minutebook.domain.meeting import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Capacity,
    Decision,
    DecisionFlag,
    DecisionVerb,
    Declaration,
    Minute,
    Mode,
    Session,
)
from minutebook.domain.minute_body import Block, ListBlock, Paragraph, Run, read_body
from minutebook.domain.minute_layout import Actions, Decisions, MinuteLayout, lay_out
from minutebook.domain.quorum import Ruling
from minutebook.domain.snapshot import MinutesSnapshot
from minutebook.domain.votes import minute_sentences, vote_runs
from minutebook.exporters.common import (
    NO_CONFLICTS,
    Build,
    action_label,
    action_text,
    ended_text,
    find_person,
    is_approved,
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
from minutebook.exporters.minute_body import BodyWriter, WordLists
from minutebook.exporters.tables import CELL_STYLE, TableWriter, ensure_table_styles

ATTENDANCE_COLUMNS = ("Name", "Role", "Initials")
ATTENDANCE_WEIGHTS = (5.0, 9.0, 2.0)
ITEM_COLUMNS = ("No.", "Agenda Item", "Action")
ITEM_WEIGHTS = (1.2, 12.0, 2.8)
APPROVAL_COLUMNS = ("Name", "Role", "Date")
APPROVAL_WEIGHTS = (6.0, 6.0, 4.0)

QUORATE_STATEMENT = "It was confirmed that the meeting was quorate."

SECTIONS: tuple[tuple[str, frozenset[Capacity]], ...] = (
    ("Members", frozenset({Capacity.MEMBER})),
    ("Participants", frozenset({Capacity.PARTICIPANT})),
    (
        "In attendance",
        frozenset({Capacity.DEPUTY, Capacity.OFFICER, Capacity.OBSERVER, Capacity.MINUTE_TAKER}),
    ),
)
"""The attendance tables of those present, as seed 003 groups them: a deputy is listed
in attendance, "Deputising for" their principal."""


@dataclass(frozen=True)
class _Row:
    """One line of an attendance table."""

    surname: str
    name: str
    role: str
    initials: str


def render_nhs_minutes(
    snapshot: MinutesSnapshot, template: Path | None = None, public: bool = True
) -> Build:
    """The meeting's minutes in the NHS board style: public, or the confidential part."""
    build = new_document(template, snapshot.membership.committee)
    ensure_table_styles(build, size=10)
    record = snapshot.record
    meeting = record.meeting
    committee = snapshot.membership.committee
    approved = is_approved(meeting)

    mark_pages(build, public=public, approved=approved)
    kind = "Minutes" if public else "Confidential minutes"
    title = f"{kind} of the {committee.name}"
    set_properties(
        build,
        f"{title}, {long_date(meeting.date)}" + ("" if approved else " (DRAFT)"),
        subject="Public minutes" if public else "Confidential minutes: private session",
    )

    build.heading(title, 1)
    build.paragraph(f"Date: {long_date(meeting.date)}")
    if meeting.time:
        # Seed 003: "Time: 9.00 - 09.45 hrs", once the end was recorded.
        until = f" to {meeting.ended_at}" if meeting.ended_at else ""
        build.paragraph(f"Time: {meeting.time}{until}")
    if meeting.venue:
        build.paragraph(f"Venue: {meeting.venue}")
    if not public:
        build.paragraph("Private session: confidential minutes, not for publication.", bold=True)
    elif meeting.session is Session.PRIVATE:
        build.paragraph("Meeting held in private")

    _attendance(build, snapshot)
    statement = _quorum_statement(build, snapshot)
    narratives = " ".join(m.narrative for m in record.minutes)
    if statement and statement not in narratives:
        build.paragraph(statement)
    if statement != QUORATE_STATEMENT and QUORATE_STATEMENT in narratives:
        build.warnings.append(
            "the minutes say the meeting was quorate, but the quorum record does not: " + statement
        )
    _items(build, snapshot, public)
    if ended := ended_text(snapshot, public=public):
        build.paragraph(ended)
    _approval(build, snapshot)
    return build


# -- attendance ---------------------------------------------------------------------------


def _attendance(build: Build, snapshot: MinutesSnapshot) -> None:
    rows = snapshot.record.attendance
    present = [r for r in rows if snapshot.record.attended(r)]
    # Remote attendance is marked only where it is not everyone's (a virtual meeting).
    mark_remote = any(r.mode is Mode.IN_PERSON for r in present)
    for label, capacities in SECTIONS:
        chosen = [r for r in present if r.capacity in capacities]
        _attendance_table(build, snapshot, label, chosen, mark_remote)
    apologies = [r for r in rows if r.status is AttendanceStatus.APOLOGIES]
    _attendance_table(build, snapshot, "Apologies", apologies, False)
    absent = [r for r in rows if r.status is AttendanceStatus.ABSENT]
    _attendance_table(build, snapshot, "Absent", absent, False)


def _attendance_table(
    build: Build,
    snapshot: MinutesSnapshot,
    label: str,
    rows: Sequence[Attendance],
    mark_remote: bool,
) -> None:
    if not rows:
        return
    lines = sorted(
        (_attendance_row(snapshot, row, mark_remote) for row in rows),
        key=lambda line: (line.surname.casefold(), line.name.casefold()),
    )
    build.heading(label, 2)
    table = TableWriter(
        build, ATTENDANCE_COLUMNS, ATTENDANCE_WEIGHTS, f"{label}: {', '.join(ATTENDANCE_COLUMNS)}"
    )
    for line in lines:
        table.add_row((line.name, line.role, line.initials))


def _attendance_row(snapshot: MinutesSnapshot, row: Attendance, mark_remote: bool) -> _Row:
    person = find_person(snapshot, row.person)
    name = person.display_name if person else row.person
    surname = person.name.split()[-1] if person else row.person
    initials = person.derived_initials if person else ""
    seats = seats_of(snapshot, row.seats)
    if any("chair" in s.tags for s in seats):
        name += " (Chair)"
    elif any("vice_chair" in s.tags for s in seats):
        name += " (Vice Chair)"
    notes = snapshot.record.presence_notes(row.person)
    if mark_remote and snapshot.record.attended(row) and row.mode is not Mode.IN_PERSON:
        notes.append("by telephone" if row.mode is Mode.TELEPHONE else "attended remotely")
    if notes:
        name += f" ({'; '.join(notes)})"
    return _Row(surname, name, _role(snapshot, row, seats), initials)


def _role(snapshot: MinutesSnapshot, row: Attendance, seats: Sequence[Seat]) -> str:
    """The role as recorded, else the seats' titles; a deputy's names the principal."""
    if row.deputy_for:
        parts = []
        for seat_id in row.deputy_for:
            seat = snapshot.membership.seat(seat_id)
            if seat is None:
                continue
            holder = find_person(snapshot, seat.holder) if seat.holder else None
            parts.append(f"{holder.display_name}, {seat.title}" if holder else seat.title)
        deputising = f"Deputising for {' and '.join(parts)}" if parts else ""
        return f"{row.role} – {deputising}" if row.role and deputising else row.role or deputising
    if row.role:
        return row.role
    return "; ".join(dict.fromkeys(seat.title for seat in seats))


# -- the quorum ----------------------------------------------------------------------------


def _quorum_statement(build: Build, snapshot: MinutesSnapshot) -> str:
    """The opening statement: confirmed, the Chair's ruling, or the inquorate record."""
    opening_ruling = next((r for r in snapshot.record.quorum_rulings if r.item is None), None)
    if opening_ruling is not None:
        return ruling_text(opening_ruling, "the meeting", "not quorate")
    quorum = snapshot.quorum
    if quorum.unminuted:
        build.warnings.append(quorum.unminuted)
        return ""
    opening = quorum.opening()
    if opening.quorate:
        return QUORATE_STATEMENT
    failed = opening.verdict.failed if opening.verdict else ()
    reasons = "; ".join(f.text for f in failed) or "the quorum rule was not met"
    # What happened to the business is minuted at the items, from what was recorded
    # there, not from what the ToR says should have happened.
    return f"The meeting was not quorate at its start ({reasons})."


REMAINED_INQUORATE = "The meeting remained inquorate for this item."


def _item_quorum(snapshot: MinutesSnapshot, item: int, public: bool) -> list[str]:
    """The lines on the quorum at an item: the Chair's ruling on it; then, period by
    period in the order they happened, the start of an inquorate period and what
    happened to its items, that the meeting was still inquorate, and the return of the
    quorum (after its start, where both fell in this item) or that it lasted to the
    close."""
    lines = [
        ruling_text(ruling, "the meeting", "not quorate")
        for ruling in snapshot.record.quorum_rulings
        if ruling.item == item
    ]
    name = partial(name_of, snapshot)
    parent = snapshot.membership.committee.parent_body
    for period in snapshot.periods(public=public):
        placed = period.placed_item
        last = period.items[-1] if period.items else placed
        to_the_close = period.restored_item is None and item == last
        if item == placed:
            # An inquorate start is minuted in the quorum statement above the items.
            began = "" if period.from_start else began_text(period, name, with_reasons=True)
            lines += [text for text in (began, outcome_text(period, parent)) if text]
        elif item in period.taken and period.restored_item != item and not to_the_close:
            lines.append(REMAINED_INQUORATE)
        if period.restored_item == item or to_the_close:
            lines += [text for text in (restored_text(period, name),) if text]
    return lines


# -- the items -----------------------------------------------------------------------------


def _body(snapshot: MinutesSnapshot) -> str:
    """ "Board" for "Board of the ... ICB", else the last word (`domain.decision_wording`)."""
    return body_word(snapshot.membership.committee.name)


def _items(build: Build, snapshot: MinutesSnapshot, public: bool) -> None:
    record = snapshot.record
    minutes = {m.item: m for m in record.minutes}
    agenda = sorted(record.agenda, key=lambda item: item.number)
    known = {item.number for item in agenda}
    # A minute whose item is not on the agenda is still minuted, after the agenda.
    extra = [
        AgendaItem(number=m.item, title=m.heading or f"Item {m.item}")
        for m in record.minutes
        if m.item not in known
    ]
    items = agenda + sorted(extra, key=lambda item: item.number)
    # What an imported action's minute reference may name (`domain.actions.cited_item`).
    numbers = {m.number: m.item for m in record.minutes if m.number}
    held = [item.number for item in items]
    if not items:
        build.paragraph("No items were recorded for this meeting.")
        return
    confidential = [item for item in items if item.confidential]
    if not public and not confidential:
        build.heading("Confidential business", 2)
        build.paragraph("There was no confidential business at this meeting.")
        return

    people_in_tables = {r.person for r in record.attendance}
    body = _body(snapshot)
    labels = DecisionLabeller.of(snapshot.membership.committee)
    lists = WordLists(build)

    build.heading("Minutes" if public else "Confidential business", 2)
    table = TableWriter(build, ITEM_COLUMNS, ITEM_WEIGHTS, "Minutes: " + ", ".join(ITEM_COLUMNS))
    cell_style = build.paragraph_style_id(CELL_STYLE)
    excluded = False
    for item in items:
        if item.confidential and not excluded:
            excluded = True
            # The committee's resolution for its kind of body (`snapshot.exclusion`).
            passed = snapshot.exclusion
            if warning := passed.warning():
                build.warnings.append(warning)
            resolved = framed(f"The {body} resolved", passed.text)
            table.add_row(("", f"Exclusion of the press and public\n{resolved}", ""))
        if not public and not item.confidential:
            continue
        minute = minutes.get(item.number)
        number = f"{minute.number if minute and minute.number else item.number}."
        heading = (minute.heading if minute else None) or item.title
        if public and item.confidential:
            table.add_row((number, f"{heading}\n(Confidential: minuted separately.)", ""))
            continue
        actions = [a for a in snapshot.actions if agreed_under(a, item.number, numbers, held)]
        quorum_lines = _item_quorum(snapshot, item.number, public)
        layout = lay_out(minute, actions) if minute is not None else None
        if layout is not None:  # what the body was not read as typed
            build.warnings += [f"item {item.number}: {note}" for note in layout.notes]
        unplaced = layout.unplaced_actions if layout is not None else tuple(actions)
        pieces = _item_pieces(snapshot, item, minute, layout, unplaced, body, labels, public)
        if not pieces and not quorum_lines:
            pieces.append(NOTHING_MINUTED)
        marks = partial(_marks, snapshot, people_in_tables)
        for n, (row_pieces, raised) in enumerate(_rows_of(pieces, unplaced)):
            cells = table.add_row((number if n == 0 else "", "", marks(raised)))
            writer = BodyWriter(build, lists, None, f"Item {number}", cells[1], CELL_STYLE)
            if n == 0:
                _fill_item(cells[1], heading, quorum_lines, row_pieces, cell_style, writer)
            else:
                _fill_item(cells[1], None, (), row_pieces, cell_style, writer)


def _rows_of(
    pieces: Sequence[str | Block | Actions], unplaced: Sequence[Action]
) -> list[tuple[list[str | Block], Sequence[Action]]]:
    """The rows of an item, as seed 003 prints them: the paragraph, point or table that
    raised actions in a row of its own, who is to act beside it (a list split there goes
    on in the next row, its points counting on); what comes between in rows with an
    empty Action column; the last row with the actions placed nowhere (minuted at its
    end). What comes first stays in the item's first row, with its heading; a place at
    the very end makes no empty row after it."""
    rows: list[tuple[list[str | Block], Sequence[Action]]] = []
    current: list[str | Block] = []
    for piece in pieces:
        if not isinstance(piece, Actions):
            current.append(piece)
            continue
        before, raised = current[:-1], current[-1:]
        last = raised[0] if raised else None
        if isinstance(last, ListBlock) and len(last.items) > 1:
            *earlier, point = last.items
            before.append(replace(last, items=tuple(earlier)))
            raised = [replace(last, items=(point,), start=last.start + len(earlier))]
        if before:
            rows.append((before, ()))
        rows.append((raised, piece.points))
        current = []
    if current or unplaced or not rows:
        rows.append((current, unplaced))
    return rows


def _marks(snapshot: MinutesSnapshot, in_tables: set[str], actions: Sequence[Action]) -> str:
    """Who is to act, as the Action column names them (`domain.actions.action_mark`),
    each once: "COSACS", "Michelle Summers", "MW / COSACS"."""
    return " / ".join(
        dict.fromkeys(
            action_mark(
                a, find_person(snapshot, a.owner), _owner_mark(snapshot, a.owner, in_tables)
            )
            for a in actions
        )
    )


NOTHING_MINUTED = "There was nothing to minute."


def _fill_item(
    cell: _Cell,
    heading: str | None,
    quorum_lines: Sequence[str],
    pieces: Sequence[str | Block],
    style_id: str | None,
    writer: BodyWriter,
) -> None:
    """The item's heading in bold, the lines on the quorum in italics (so they stand
    apart from the narrative), then one paragraph per piece of the minute (the style
    set by its id: a lookup by name walks every style, per paragraph), the body's lists
    and tables as Word lists and tables in the cell (`minute_body`). A row after the
    item's first (`heading` None) starts with its first piece, not a blank line."""
    first = cell.paragraphs[0]
    if heading is not None:
        first.add_run(clean_text(heading)).bold = True
    for italic, texts in ((True, quorum_lines), (False, pieces)):
        for text in texts:
            if not isinstance(text, str):
                writer.block(text)
                continue
            paragraph = cell.add_paragraph()
            paragraph.add_run(clean_text(text)).italic = italic or None
            if style_id is not None:
                paragraph._p.get_or_add_pPr().style = style_id
    if heading is None and not first.text and first._p.getnext() is not None:
        cell._tc.remove(first._p)


def _item_pieces(
    snapshot: MinutesSnapshot,
    item: AgendaItem,
    minute: Minute | None,
    layout: MinuteLayout | None,
    actions: Sequence[Action],
    body: str,
    labels: DecisionLabeller,
    public: bool,
) -> list[str | Block | Actions]:
    """The minute of one item, after its lines on the quorum: the body with the
    decisions and the places of actions in it (`domain.minute_layout`), the
    declarations, the decisions placed nowhere and `actions`, those placed nowhere."""
    out: list[str | Block | Actions] = []
    narrative = minute.narrative if minute else ""
    runs = [p.points for p in layout.parts if isinstance(p, Decisions)] if layout else []
    unplaced = layout.unplaced if layout else ()
    labels.item(*runs, unplaced)
    led: set[DecisionVerb] = set()  # verbs whose lead-in the body has printed
    for part in layout.parts if layout else ():
        if isinstance(part, Decisions):
            out += _decision_paragraphs(snapshot, item.number, part.points, body, labels, led)
        else:
            out.append(part)
    arising = snapshot.arising_words(item.number)
    if arising:
        out.append(arising)
    declarations = snapshot.record.declarations
    standing = declarations_item(snapshot.record.agenda)
    if standing is not None and standing.number == item.number:
        # The public minutes never name an interest declared on confidential business.
        shown = [d for d in declarations if not (public and snapshot.is_confidential(d.item))]
        if shown:
            out += [_declaration_text(snapshot, d) for d in shown]
        elif not declarations and minute is not None and "conflict" not in narrative.lower():
            # Only once the item was taken: an agenda not yet met declares nothing.
            out.append(NO_CONFLICTS)
    if not public and snapshot.is_confidential(item.number):
        # The confidential minutes have no declarations item, and the public one never
        # names an interest declared on confidential business: it is minuted here.
        out += [_declaration_text(snapshot, d) for d in declarations if d.item == item.number]
    out += [
        _left_for_item(snapshot, d)
        for d in declarations
        if d.item == item.number and d.ruling is Ruling.LEAVE
    ]
    out += _decision_paragraphs(snapshot, item.number, unplaced, body, labels)
    for action in actions:
        who = name_of(snapshot, action.owner)
        out.append(f"{action_label(action)}: {action_text(action, who)}")
    return out


def _declaration_text(snapshot: MinutesSnapshot, declaration: Declaration) -> str:
    """Who, which item, the nature of the interest and the Chair's decision
    (docs/declarations.md)."""
    who = name_of(snapshot, declaration.person)
    text = (
        f"{who} declared {interest_words(declaration.category)} in item {declaration.item}: "
        f"{declaration.nature.rstrip('.')}."
    )
    match declaration.ruling:
        case Ruling.LEAVE:
            return text + f" The Chair ruled that {who} should leave the meeting for the item."
        case Ruling.NO_VOTE:
            return text + f" The Chair ruled that {who} remain but take no part in the decision."
    return text + " The Chair ruled that no action was needed."


def _left_for_item(snapshot: MinutesSnapshot, declaration: Declaration) -> str:
    who = name_of(snapshot, declaration.person)
    left_at, back_at = snapshot.record.out_for_item(declaration)
    left = f" at {left_at}" if left_at else ""
    back = f" at {back_at}" if back_at else ""
    return (
        f"{who} left the meeting{left} for this item, having declared an interest, "
        f"and returned{back}."
    )


NOTING_VERBS = frozenset({DecisionVerb.NOTED, DecisionVerb.RECEIVED})
"""Verbs minuted as sentences ("The Board noted that ..."); the others are labelled
decisions, (a), (b) … through the meeting as seed 003 letters them, or numbered within
the item, as the committee labels them (`domain.labels`)."""


def _decision_paragraphs(
    snapshot: MinutesSnapshot,
    item: int,
    decisions: Sequence[Decision],
    body: str,
    labels: DecisionLabeller,
    led: set[DecisionVerb] | None = None,
) -> list[str | Block]:
    """ "The Board agreed the following:" with labelled points, one group per verb;
    what was noted or received as plain sentences. A verb in `led` (the item's body
    has led its points in already) is not led in again: seed 003's item 6 agrees (a)
    and (b), lists the committees, then goes on with (c) under the one lead-in. Bold
    typed in a decision (``**appoint**``) is printed bold."""
    out: list[str | Block] = []
    led = set() if led is None else led

    def flagged(text: str, decision: Decision) -> str:
        flag = snapshot.quorum.flag(decision, item)
        return text if flag is None else with_note(text, FLAG_NOTES[flag])

    def voted(decision: Decision) -> list[str | Block]:
        """The vote, if one was recorded, said before what it decided."""
        if decision.vote is None:
            return []
        return [" ".join(minute_sentences(decision.vote, lambda p: name_of(snapshot, p)))]

    for group in verb_groups(decisions):
        verb = _verb(group[0].verb)
        if is_sentence(group):  # "The Board noted ...": no label (`domain.labels`)
            for d in group:
                said = minuted_sentence(body, verb, d.text, resolves=d.verb not in NOTING_VERBS)
                out += [*voted(d), flagged(said, d)]
            continue
        # A vote goes just before the lead-in of what it decided (`votes.vote_runs`),
        # as the council minutes put it before "RESOLVED:"; lettering runs on.
        for n, run in enumerate(vote_runs(group, lambda d: d.vote)):
            out += voted(run[0])
            if n or group[0].verb not in led:
                out.append(f"The {body} {verb} the following:")
            for decision in run:
                label = labels.label(decision)
                text = flagged(decision.text, decision)
                out.append(_with_bold(f"{label.text} " if label else "", text))
        led.add(group[0].verb)
    return out


def _with_bold(label: str, text: str) -> str | Block:
    """A labelled point, its ``**bold**`` words bold (read as the minute body reads
    them, the label kept out so that "(b)" is not read as a lettered point)."""
    if "**" not in text:
        return label + text
    blocks = read_body(text).blocks
    if len(blocks) != 1 or not isinstance(blocks[0], Paragraph):
        return label + text
    return Paragraph((Run(label), *blocks[0].runs)) if label else blocks[0]


def _verb(verb: DecisionVerb) -> str:
    return verb.value.lower()


FLAG_NOTES: dict[DecisionFlag, str] = {
    DecisionFlag.INQUORATE: "taken while the meeting was inquorate; to be ratified",
    DecisionFlag.CHAIRS_ACTION: "Chair's action, to be reported to the next meeting",
}


def _owner_mark(snapshot: MinutesSnapshot, owner: str, in_tables: set[str]) -> str:
    """The owner's initials where the attendance tables key them, else the name."""
    person = find_person(snapshot, owner)
    if person is None:
        return owner
    return person.derived_initials if owner in in_tables else person.name


# -- approval -------------------------------------------------------------------------------


def _approval(build: Build, snapshot: MinutesSnapshot) -> None:
    """Name, Role, Date as seed 003 prints it ("Rima Makarem | Chair | 08/07/2022"),
    filled from the domain's sign-off once the minutes are approved; the name and date
    blank until then. An amendment the approval was subject to is said above it."""
    signed = snapshot.sign_off
    build.heading("Approval of Minutes", 2)
    if amended := amendment_words(signed):
        build.paragraph(amended)
    table = TableWriter(build, APPROVAL_COLUMNS, APPROVAL_WEIGHTS, "Approval of Minutes")
    table.add_row((signed.chair or "", signed.role, short_date(signed.signed_on)))
