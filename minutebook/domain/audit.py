"""The audit trail of a meeting's record, and how it reads to a secretary
(docs/lifecycle.md).

Once minutes are circulated the database keeps every change to the meeting's record: the
table and row, the row before and after, and when. `AuditEntry` is one such change as
stored; `audit_record` words each one as a record reads: a heading saying what changed in
words ("16/11/2023 13:30 — Meeting details changed", "Minute HCP3 (item 3) changed",
"Minutes approved at the meeting of 15/11/2023"), then each value changed under its name
in words ("Venue: Civic Offices → Council Chamber"), dates as dd/mm/yyyy, people by name.
A long text shows only the part changed, with some words around it. Ids and the links
between rows are the database's, not the record's: they are not shown.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence

from pydantic import Field

from minutebook.domain.base import DomainModel
from minutebook.domain.votes import Vote, minute_sentences


class AuditEntry(DomainModel):
    """One change made to a meeting's record after its minutes were circulated: which
    table and row, what it was before and after (as the database held it), and when."""

    id: int | None = None
    meeting_id: int
    table: str
    row: int | None = None
    change: str  # insert, update or delete
    before: str | None = None
    after: str | None = None
    at: str

    def differences(self) -> list[tuple[str, object, object]]:
        """(column, before, after) for what the change altered: for an update only the
        columns that differ; for an insert or a delete every column that holds a value."""
        before = _row_image(self.before)
        after = _row_image(self.after)
        columns = [c for c in (after or before) if c != "id"]
        return [
            (column, before.get(column), after.get(column))
            for column in columns
            if before.get(column) != after.get(column)
        ]

    def image(self) -> dict[str, object]:
        """The row as the change left it (as it was, for a deletion)."""
        return _row_image(self.after) or _row_image(self.before)


def _row_image(text: str | None) -> dict[str, object]:
    """A row as the audit holds it (a JSON object), or nothing."""
    if not text:
        return {}
    try:
        image = json.loads(text)
    except ValueError:
        return {"row": text}
    return image if isinstance(image, dict) else {"row": image}


class AuditNames(DomainModel):
    """What the audit's rows refer to by id, to be named in words: the committee's
    meetings (their dates), its people and seats, the meeting's minutes (number and
    item) and the committee's actions (their numbers)."""

    meetings: dict[int, dt.date] = Field(default_factory=dict)
    people: dict[str, str] = Field(default_factory=dict)
    seats: dict[str, str] = Field(default_factory=dict)
    minutes: dict[int, tuple[str | None, int]] = Field(default_factory=dict)
    actions: dict[int, int] = Field(default_factory=dict)


class AuditNote(DomainModel):
    """One change of the audit trail in words: when, what, and each value changed."""

    at: str
    """When, as dd/mm/yyyy hh:mm."""
    heading: str
    lines: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        """ "16/11/2023 13:30 — Meeting details changed"."""
        return f"{self.at} — {self.heading}"


LONG = 60
"""A text longer than this is shown as the part an edit changed, not whole twice."""

CONTEXT = 30
"""Characters shown either side of what an edit of a long text changed."""

HIDDEN = frozenset(
    {
        "meeting_id",
        "at_meeting_id",
        "minute_id",
        "action_id",
        "ref",
        "phase",
        "position",
        "committee",
        "period",
        "seq",
        "meeting_date",
        "before",
    }
)
"""Columns that link rows or order them for the database: not part of the record."""

LABELS: dict[str, str] = {
    "date": "Date",
    "time": "Start time",
    "venue": "Venue",
    "session": "Session",
    "status": "Status",
    "circulated_on": "Circulated on",
    "approved_on": "Approved on",
    "signed_on": "Signed on",
    "ended_at": "Ended at",
    "planned_end": "Planned end",
    "number": "Number",
    "title": "Title",
    "lead": "Lead",
    "purpose": "Purpose",
    "planned_minutes": "Minutes planned",
    "confidential": "Confidential",
    "paper": "Paper",
    "started_at": "Started at",
    "kind": "Kind",
    "place": "Place",
    "description": "Wording",
    "section": "Opens section",
    "section_starts": "Section starts",
    "section_ends": "Section ends",
    "person": "Person",
    "capacity": "Capacity",
    "mode": "Attending",
    "seats": "Seat",
    "deputy_for": "Deputising for",
    "role": "Role",
    "note": "Note",
    "item": "Item",
    "category": "Category",
    "nature": "Nature of the interest",
    "ruling": "Ruling",
    "deleted_at": "Deleted",
    "heading": "Heading",
    "narrative": "The minute's text",
    "verb": "Decided as",
    "text": "The decision's text",
    "flag": "Flag",
    "vote": "Vote",
    "quorate": "Ruled",
    "reason": "Reason",
    "recorded_at": "Recorded at",
    "at": "At",
    "recorded": "Recorded",
    "amendment": "Amendment",
    "chair": "Signed by",
    "revised_due": "Revised deadline",
    "rag": "RAG",
    "owner": "Owner",
    "update": "Update",
}
"""Each column in words, wherever it is."""

TABLE_LABELS: dict[tuple[str, str], str] = {
    ("meetings", "status"): "Minutes",
    ("agenda_items", "number"): "Item number",
    ("minutes", "number"): "Minute number",
    ("approvals", "item"): "Minuted under item",
}
"""A column whose words depend on its table."""

EVENTS: dict[str, str] = {
    "arrived": "{person} arrived",
    "left": "{person} left",
    "declared": "Declaration of interest placed in the timeline",
    "ruled": "The Chair's ruling placed in the timeline",
    "decided": "Decision placed in the timeline",
    "action": "Action placed in the timeline",
    "edited": "Correction recorded",
    "deleted": "Deletion recorded",
    "restored": "Restoration recorded",
    "withdrawn": "A mark withdrawn",
    "amended": "Amendment recorded on approval",
    "dismissed": "A prompt of the register of interests dismissed",
}
"""An event of the meeting's timeline in words (`timeline.EventKind`)."""

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?$")


def audit_record(entries: Sequence[AuditEntry], names: AuditNames) -> list[AuditNote]:
    """The audit trail in words, oldest first (module docstring)."""
    minutes = dict(names.minutes)
    for entry in entries:  # a minute added after circulation is named by its own row
        if entry.table == "minutes" and entry.row is not None:
            image = entry.image()
            item = image.get("item")
            if isinstance(item, int):
                number = image.get("number")
                minutes.setdefault(entry.row, (number if isinstance(number, str) else None, item))
    known = names.model_copy(update={"minutes": minutes})
    return [_note(entry, known) for entry in entries]


def _note(entry: AuditEntry, names: AuditNames) -> AuditNote:
    lines = tuple(
        _line(entry, column, before, after, names)
        for column, before, after in entry.differences()
        if column not in HIDDEN and not (entry.table == "timeline" and column == "kind")
    )
    return AuditNote(at=_when(entry.at), heading=_heading(entry, names), lines=lines)


def _heading(entry: AuditEntry, names: AuditNames) -> str:
    """What changed, in words."""
    image = entry.image()
    changes = {column: after for column, _, after in entry.differences()}
    deleted = changes.get("deleted_at")
    done = {"insert": "recorded", "update": "changed", "delete": "removed"}[entry.change]
    if entry.change == "update" and "deleted_at" in changes:
        done = "restored" if deleted is None else "deleted"
    table = entry.table
    if table == "meetings":
        if entry.change == "update" and "status" in changes:
            return f"Minutes {_words(changes['status'])}"
        return f"Meeting details {done}"
    if table == "agenda_items":
        added = {"recorded": "added to the agenda", "removed": "removed from the agenda"}
        return f"Agenda item {_before_or_now(entry, 'number')} {added.get(done, done)}"
    if table == "attendance":
        return f"Attendance of {_person(image.get('person'), names)} {done}"
    if table == "declarations":
        who = _person(image.get("person"), names)
        return f"Declaration of interest by {who}{_at_item(image)} {done}"
    if table == "minutes":
        row = entry.row
        minute = names.minutes.get(row) if row is not None else None
        return f"{_minute(minute) if minute else 'A minute'} {done}"
    if table == "decisions":
        minute_id = image.get("minute_id")
        minute = names.minutes.get(minute_id) if isinstance(minute_id, int) else None
        under = f" under {_minute(minute, capital=False)}" if minute else ""
        return f"Decision{under} {done}"
    if table == "quorum_rulings":
        where = _at_item(image) or " at the opening"
        return f"The Chair's ruling on the quorum{where} {done}"
    if table == "timeline":
        if entry.change != "insert":
            return f"Timeline entry {done}"
        words = EVENTS.get(str(image.get("kind")), "Timeline entry recorded")
        return words.format(person=_person(image.get("person"), names)) + _at_item(image)
    if table == "approvals":
        at = image.get("at_meeting_id")
        day = names.meetings.get(at) if isinstance(at, int) else None
        held = f" at the meeting of {day:%d/%m/%Y}" if day else ""
        if entry.change == "insert":
            return f"Minutes approved{held}"
        return f"Approval{held} {done}"
    if table == "action_reviews":
        action = image.get("action_id")
        number = names.actions.get(action) if isinstance(action, int) else None
        which = f"action {number}" if number else "an action"
        return f"Review of {which}{_at_item(image)} {done}"
    return f"{table.replace('_', ' ').capitalize()} {done}"


def _line(entry: AuditEntry, column: str, before: object, after: object, names: AuditNames) -> str:
    """One value changed: "Venue: Civic Offices → Council Chamber"; a long text as the
    part changed; for something recorded or removed, the value it held."""
    label = TABLE_LABELS.get((entry.table, column)) or LABELS.get(
        column, column.replace("_", " ").capitalize()
    )
    was, now = _value(column, before, names), _value(column, after, names)
    if entry.change == "insert":
        return f"{label}: {now}"
    if entry.change == "delete":
        return f"{label}: {was}"
    if isinstance(before, str) and isinstance(after, str) and max(len(before), len(after)) > LONG:
        return f"{label}: {edited_part(before, after)}"
    return f"{label}: {was} → {now}"


def _value(column: str, value: object, names: AuditNames) -> str:
    """A stored value as a secretary writes it."""
    if value is None or value == "" or value == []:
        return "(none)"
    if column in ("confidential", "quorate") and value in (0, 1):
        if column == "quorate":
            return "quorate" if value else "inquorate"
        return "yes" if value else "no"
    if column in ("person", "owner"):
        return _person(value, names)
    if column == "vote" and isinstance(value, str):
        # A decision's vote is kept as JSON; the audit words it as the minutes do.
        try:
            vote = Vote.model_validate_json(value)
        except ValueError:
            return value
        return " ".join(minute_sentences(vote, lambda p: _person(p, names))) or "(none)"
    if column in ("seats", "deputy_for") and isinstance(value, str):
        try:
            ids = json.loads(value)
        except ValueError:
            ids = [value]
        if not ids:
            return "(none)"
        lookup = names.seats if column == "seats" else names.people
        return ", ".join(lookup.get(str(i), str(i)) for i in ids)
    if isinstance(value, str):
        if _DATE.match(value):
            return f"{value[8:10]}/{value[5:7]}/{value[:4]}"
        if _DATETIME.match(value):
            return _when(value)
        if column in ("status", "capacity", "mode", "session", "purpose", "kind", "place"):
            return _words(value)
    return str(value)


def edited_part(before: str, after: str) -> str:
    """What an edit of a long text changed and where, not the whole text twice:
    "added ' Typo fixed.' after '…Council Year. He explained.'"."""
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end = 0
    while end < min(len(before), len(after)) - start and before[-1 - end] == after[-1 - end]:
        end += 1
    # Whole words: "'received' → 'noted'", not "'receiv' → 'not'".
    while start > 0 and before[start - 1].isalnum() and _word_at(before, after, start):
        start -= 1
    while end > 0 and before[-end].isalnum() and _word_at(before, after, -end - 1):
        end -= 1
    was, now = before[start : len(before) - end], after[start : len(after) - end]
    # Words added or removed take the space before them, not the one after.
    while start > 0 and not (was and now) and (was or now)[-1:] == before[start - 1] == " ":
        start, end = start - 1, end + 1
        was, now = before[start : len(before) - end], after[start : len(after) - end]
    lead = before[max(0, start - CONTEXT) : start]
    where = f"after '{'…' if start > CONTEXT else ''}{lead}'" if start else "at the start"
    if not was:
        return f"added {now!r} {where}"
    if not now:
        return f"removed {was!r} {where}"
    return f"{was!r} → {now!r} {where}"


def _word_at(before: str, after: str, index: int) -> bool:
    """Whether either text has a letter or digit at `index` (counted from the end when
    negative): the changed part would otherwise begin or end inside a word."""
    return any(-len(t) <= index < len(t) and t[index].isalnum() for t in (before, after))


def _when(stamp: str) -> str:
    """ "2026-12-01T13:30:08" as "01/12/2026 13:30"."""
    if _DATETIME.match(stamp):
        return f"{stamp[8:10]}/{stamp[5:7]}/{stamp[:4]} {stamp[11:16]}"
    return stamp


def _words(value: object) -> str:
    return str(value).replace("_", " ")


def _person(value: object, names: AuditNames) -> str:
    return names.people.get(str(value), str(value)) if value else "someone"


def _at_item(image: Mapping[str, object]) -> str:
    item = image.get("item")
    return f" (item {item})" if isinstance(item, int) else ""


def _before_or_now(entry: AuditEntry, column: str) -> object:
    """A column as it was before the change, where it was there (an item renumbered is
    named by the number it had)."""
    return _row_image(entry.before).get(column) or _row_image(entry.after).get(column)


def _minute(minute: tuple[str | None, int], *, capital: bool = True) -> str:
    """ "Minute HCP3 (item 3)"; "the minute of item 3" before it has its number."""
    number, item = minute
    if number:
        return f"{'M' if capital else 'm'}inute {number} (item {item})"
    return f"{'T' if capital else 't'}he minute of item {item}"
