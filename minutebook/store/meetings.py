"""Meetings and what is recorded of them beside the minutes: agenda items (with the
renumbering that every reference to an item follows), attendance, declarations of
interest, quorum rulings, and the whole record of a meeting read or stored at once."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from typing import TYPE_CHECKING

from pydantic import ValidationError

from minutebook.domain import (
    Action,
    AgendaItem,
    Attendance,
    Committee,
    Declaration,
    Meeting,
    MeetingRecord,
    Membership,
    Minute,
    Person,
    QuorumRuling,
    TermsOfReference,
)
from minutebook.domain.base import error_lines
from minutebook.domain.dates import long_date
from minutebook.domain.lifecycle import Approval, following_meeting, locked_message
from minutebook.domain.meeting import MinutesStatus
from minutebook.domain.numbering import period_key
from minutebook.domain.reviews import ActionReview
from minutebook.domain.snapshot import MinutesSnapshot, people_named
from minutebook.domain.standing_items import new_item_number
from minutebook.domain.timeline import Event, EventKind, Phase
from minutebook.store.base import StoreBase
from minutebook.store.errors import Conflict, NotFound, StoreError
from minutebook.store.rows import M, from_row, to_row


class MeetingRepository(StoreBase):
    """A committee's meetings and everything recorded of each but its minutes."""

    if TYPE_CHECKING:  # from the other repositories that `Store` joins with this one

        def committee(self, code: str) -> Committee: ...
        def membership(self, code: str) -> Membership: ...
        def people(self, ids: Collection[str] | None = None) -> list[Person]: ...
        def terms_in_force(self, code: str, day: date) -> TermsOfReference | None: ...
        def minutes(self, meeting_id: int) -> list[Minute]: ...
        def _insert_minute(self, meeting_id: int, minute: Minute) -> Minute: ...
        def actions(self, code: str, *, open_only: bool = False) -> list[Action]: ...
        def meeting_actions(self, meeting: Meeting, *, deleted: bool = False) -> list[Action]: ...
        def timeline(self, meeting_id: int) -> list[Event]: ...
        def confidential_items(
            self, code: str, meetings: Collection[int] | None = None
        ) -> frozenset[tuple[int, int]]: ...
        def approved_at(self, meeting_id: int) -> tuple[Approval | None, Meeting | None]: ...
        def check_signed_mentions(
            self, current: Meeting | None, changed: Meeting | None
        ) -> None: ...
        def reviewed_at(self, meeting_id: int) -> list[tuple[Action, ActionReview]]: ...
        def agreed_actions(self, meeting: Meeting) -> list[Action]: ...
        def add_action(
            self, action: Action, at: str | None = None, recorded: str | None = None
        ) -> Action: ...

    # -- meetings and agendas ----------------------------------------------------------

    def meetings(self, code: str, *, after: date | None = None) -> list[Meeting]:
        """The committee's meetings by date; `after`: only those held after that day."""
        if after is None:
            rows = self._rows(
                "SELECT * FROM meetings WHERE committee = ? ORDER BY date, time", [code]
            )
        else:
            rows = self._rows(
                "SELECT * FROM meetings WHERE committee = ? AND date > ? ORDER BY date, time",
                [code, after.isoformat()],
            )
        return [from_row(Meeting, row) for row in rows]

    def meeting(self, meeting_id: int) -> Meeting:
        rows = self._rows("SELECT * FROM meetings WHERE id = ?", [meeting_id])
        if not rows:
            raise NotFound(f"there is no meeting {meeting_id}")
        return from_row(Meeting, rows[0])

    def meeting_on(self, code: str, day: date) -> Meeting:
        rows = self._rows(
            "SELECT * FROM meetings WHERE committee = ? AND date = ? ORDER BY time",
            [code, day.isoformat()],
        )
        if not rows:
            raise NotFound(f"{code} has no meeting on {day:%d %B %Y}")
        return from_row(Meeting, rows[0])

    def add_meeting(self, meeting: Meeting) -> Meeting:
        with self.transaction() as db:
            self.committee(meeting.committee)
            # Not between signed minutes and the next meeting they name.
            self.check_signed_mentions(None, meeting)
            table = db.table("meetings")
            table.insert(to_row(meeting, exclude={"id"}))
            return meeting.model_copy(update={"id": table.last_pk})

    def update_meeting(self, meeting: Meeting) -> Meeting:
        if meeting.id is None:
            raise StoreError("the meeting has not been saved yet")
        with self.transaction() as db:
            current = self.meeting(meeting.id)
            if current.is_locked:
                raise Conflict(locked_message(current))
            if meeting.date != current.date:
                self._check_numbering_period(current, meeting.date)
            # Through the model again: a meeting changed with model_copy is not validated.
            checked = _validated(Meeting, meeting)
            # Signed minutes print this meeting's date, time and venue if it is their
            # next meeting, and its date if it approved them.
            self.check_signed_mentions(current, checked)
            db.table("meetings").update(meeting.id, to_row(checked, exclude={"id"}))
            if meeting.date != current.date:
                self._move_actions(meeting.id, meeting.date)
        return checked

    def _move_actions(self, meeting_id: int, day: date) -> None:
        """The actions agreed at a meeting carry its date (the tracker prints it), so
        they follow a new date; one due before it is refused (due before agreed)."""
        early = self._rows(
            "SELECT number, due FROM actions WHERE meeting_id = ? AND due < ? ORDER BY due, number",
            [meeting_id, day.isoformat()],
        )
        if early:
            raise Conflict(
                f"action {early[0]['number']} agreed at this meeting is due on "
                f"{long_date(date.fromisoformat(early[0]['due']))}, before "
                f"{long_date(day)}; change its due date first"
            )
        self.db.execute(
            "UPDATE actions SET meeting_date = ? WHERE meeting_id = ?",
            [day.isoformat(), meeting_id],
        )

    def _check_numbering_period(self, meeting: Meeting, day: date) -> None:
        """Refuse a new date that would put the minute numbers already issued to this
        meeting in another numbering period (they would repeat there)."""
        issued = self._rows(
            "SELECT number, period FROM minutes WHERE meeting_id = ? AND number IS NOT NULL "
            "ORDER BY seq, item",
            [meeting.id],
        )
        if not issued:
            return
        scheme = self.committee(meeting.committee).numbering
        if period_key(scheme.reset, day, meeting.id or 0) == issued[0]["period"]:
            return
        numbers = [str(r["number"]) for r in issued]
        shown = numbers[0] if len(numbers) == 1 else f"{numbers[0]}–{numbers[-1]}"
        raise Conflict(
            f"the minutes of this meeting are already numbered {shown} in the numbering "
            f"period of {long_date(meeting.date)}; {long_date(day)} falls in another "
            "period, where those numbers would repeat. Keep the date in the same period, "
            "or record the meeting again under its right date"
        )

    def delete_meeting(self, meeting_id: int) -> None:
        """Delete a meeting that holds nothing but its agenda; one that holds minutes,
        attendance, declarations, decisions, actions or anything in its timeline is
        refused with the reason."""
        with self.transaction() as db:
            meeting = self._unlocked(meeting_id)
            for table, what in (
                ("minutes", "minutes"),
                ("attendance", "attendance or apologies"),
                ("declarations", "declarations of interest"),
                ("quorum_rulings", "rulings on the quorum"),
                ("actions", "actions"),
                ("timeline", "a record of what happened at it"),
            ):
                if self._rows(f"SELECT 1 FROM {table} WHERE meeting_id = ? LIMIT 1", [meeting_id]):
                    raise Conflict(
                        f"the meeting of {long_date(meeting.date)} holds {what}; "
                        "a meeting is deleted only while it holds nothing but its agenda"
                    )
            self.check_signed_mentions(meeting, None)
            db.execute("DELETE FROM agenda_items WHERE meeting_id = ?", [meeting_id])
            db.execute("DELETE FROM meetings WHERE id = ?", [meeting_id])

    def _unlocked(self, meeting_id: int) -> Meeting:
        meeting = self.meeting(meeting_id)
        if meeting.is_locked:
            raise Conflict(locked_message(meeting))
        return meeting

    def agenda(self, meeting_id: int) -> list[AgendaItem]:
        rows = self._rows(
            "SELECT * FROM agenda_items WHERE meeting_id = ? ORDER BY number", [meeting_id]
        )
        return [from_row(AgendaItem, row) for row in rows]

    def agenda_counts(self, code: str) -> dict[int, int]:
        """How many items each of the committee's meetings has on its agenda, by meeting
        id (one grouped query: the list of meetings shows the number, not the items)."""
        rows = self._rows(
            "SELECT meetings.id AS id, count(agenda_items.id) AS items FROM meetings "
            "LEFT JOIN agenda_items ON agenda_items.meeting_id = meetings.id "
            "WHERE meetings.committee = ? GROUP BY meetings.id",
            [code],
        )
        return {int(row["id"]): int(row["items"]) for row in rows}

    def add_agenda_item(self, meeting_id: int, item: AgendaItem) -> AgendaItem:
        """Add an item to the agenda, before the standing items that close the meeting
        (any other business, the date of the next meeting; `new_item_number`), else at
        the end. The closing items move down, with everything that refers to them."""
        with self.transaction() as db:
            self._unlocked(meeting_id)
            agenda = self.agenda(meeting_id)
            number = new_item_number(agenda)
            later = [i for i in agenda if i.number >= number]
            self._renumber(meeting_id, {i.number: i.number + 1 for i in later})
            saved = item.model_copy(update={"meeting_id": meeting_id, "number": number})
            table = db.table("agenda_items")
            table.insert(to_row(saved, exclude={"id"}))
            return saved.model_copy(update={"id": table.last_pk})

    def update_agenda_item(self, item: AgendaItem) -> AgendaItem:
        """Change an item's title, lead, purpose, timing or flags (not its number)."""
        if item.id is None:
            raise StoreError("the agenda item has not been saved yet")
        with self.transaction() as db:
            current = self._agenda_item(item.id)
            self._unlocked(current.meeting_id or 0)
            db.table("agenda_items").update(
                item.id, to_row(item, exclude={"id", "meeting_id", "number"})
            )
        return item.model_copy(update={"number": current.number, "meeting_id": current.meeting_id})

    def _agenda_item(self, item_id: int) -> AgendaItem:
        rows = self._rows("SELECT * FROM agenda_items WHERE id = ?", [item_id])
        if not rows:
            raise NotFound(f"there is no agenda item {item_id}")
        return from_row(AgendaItem, rows[0])

    def delete_agenda_item(self, item_id: int) -> None:
        """Remove an item that nothing refers to yet; later items move up."""
        with self.transaction() as db:
            item = self._agenda_item(item_id)
            meeting_id = item.meeting_id or 0
            self._unlocked(meeting_id)
            if self._item_is_referenced(meeting_id, item.number):
                raise Conflict(
                    f"item {item.number} already has minutes, a declaration, an action or "
                    "something in its timeline recorded against it; it cannot be removed"
                )
            db.table("agenda_items").delete(item_id)
            later = [i for i in self.agenda(meeting_id) if i.number > item.number]
            self._renumber(meeting_id, {i.number: i.number - 1 for i in later})

    def _item_is_referenced(self, meeting_id: int, number: int) -> bool:
        return any(
            self._rows(sql, [meeting_id, number])
            for sql in (
                "SELECT 1 FROM minutes WHERE meeting_id = ? AND item = ?",
                "SELECT 1 FROM declarations WHERE meeting_id = ? AND item = ?",
                "SELECT 1 FROM timeline WHERE meeting_id = ? AND item = ?",
                "SELECT 1 FROM actions WHERE meeting_id = ? AND item = ?",
            )
        )

    def move_agenda_item(self, item_id: int, offset: int) -> list[AgendaItem]:
        """Move an item up (offset -1) or down (+1); everything that refers to items by
        number (minutes, declarations, actions, its timeline) follows it: the agenda's
        order is the order the items were taken (docs/timeline.md)."""
        with self.transaction():
            item = self._agenda_item(item_id)
            meeting_id = item.meeting_id or 0
            self._unlocked(meeting_id)
            agenda = self.agenda(meeting_id)
            numbers = [i.number for i in agenda]
            index = numbers.index(item.number)
            target = index + offset
            if offset == 0 or not 0 <= target < len(agenda):
                return agenda
            order = [i.number for i in agenda]
            order.insert(target, order.pop(index))
            mapping = {old: position for position, old in enumerate(order, start=1)}
            self._renumber(meeting_id, mapping)
            return self.agenda(meeting_id)

    def _renumber(self, meeting_id: int, mapping: dict[int, int]) -> None:
        """Give items new numbers in one go, with every reference to them."""
        mapping = {old: new for old, new in mapping.items() if old != new}
        if not mapping:
            return
        case = "CASE {col} " + " ".join(f"WHEN {int(o)} THEN {int(n)}" for o, n in mapping.items())
        case += " ELSE {col} END"
        # SQLite checks a unique index row by row within one UPDATE, so two minutes
        # trading numbers (an item moved past another, or one added above items already
        # minuted) would collide half way; the index is set aside for the update and
        # rebuilt after it, inside the same transaction (a failure restores it).
        self.db.execute("DROP INDEX idx_minutes_one_per_item")
        for table, columns in (
            ("agenda_items", ("number",)),
            ("minutes", ("item",)),
            ("declarations", ("item",)),
            ("quorum_rulings", ("item",)),
            ("timeline", ("item",)),
            ("actions", ("item",)),
            ("action_reviews", ("item",)),
        ):
            sets = ", ".join(f"{col} = {case.format(col=col)}" for col in columns)
            self.db.execute(f"UPDATE {table} SET {sets} WHERE meeting_id = ?", [meeting_id])
        # An approval names the item of the approving meeting it was minuted under.
        self.db.execute(
            f"UPDATE approvals SET item = {case.format(col='item')} WHERE at_meeting_id = ?",
            [meeting_id],
        )
        self.db.execute(
            "CREATE UNIQUE INDEX idx_minutes_one_per_item ON minutes (meeting_id, item)"
        )

    # -- attendance, declarations, quorum rulings --------------------------------------

    def attendance(self, meeting_id: int) -> list[Attendance]:
        rows = self._rows("SELECT * FROM attendance WHERE meeting_id = ? ORDER BY id", [meeting_id])
        return [from_row(Attendance, row) for row in rows]

    def add_attendance(self, meeting_id: int, row: Attendance) -> Attendance:
        """Add someone's place at the meeting (apologies, or someone expected); when
        they come is the timeline's (`apply_room_change`, `add_to_room`)."""
        with self.transaction():
            if self._rows(
                "SELECT 1 FROM attendance WHERE meeting_id = ? AND person = ?",
                [meeting_id, row.person],
            ):
                raise Conflict("they are already recorded at this meeting")
            return self._add_to_meeting("attendance", meeting_id, row)

    def update_attendance(self, row: Attendance) -> Attendance:
        """Change a person's place at the meeting (capacity, mode, role, a note)."""
        if row.id is None:
            raise StoreError("the attendance row has not been saved yet")
        with self.transaction() as db:
            self._check_row_unlocked("attendance", row.id, "attendance row")
            # Through the model again: a row changed with model_copy is not validated.
            checked = _validated(Attendance, row)
            db.table("attendance").update(row.id, to_row(checked, exclude={"id", "meeting_id"}))
        return checked

    def remove_attendance(self, row_id: int) -> None:
        """Remove an attendance row (apologies withdrawn, a row entered by mistake) of
        someone with nothing in the timeline."""
        with self.transaction() as db:
            rows = self._rows("SELECT meeting_id, person FROM attendance WHERE id = ?", [row_id])
            self._check_row_unlocked("attendance", row_id, "attendance row")
            if self._rows(
                "SELECT 1 FROM timeline WHERE meeting_id = ? AND person = ? LIMIT 1",
                [rows[0]["meeting_id"], rows[0]["person"]],
            ):
                raise Conflict("their arrivals and departures are recorded; correct those instead")
            db.table("attendance").delete(row_id)

    def declarations(self, meeting_id: int, *, deleted: bool = False) -> list[Declaration]:
        """The meeting's declarations of interest (or those deleted from it)."""
        condition = "IS NOT NULL" if deleted else "IS NULL"
        rows = self._rows(
            f"SELECT * FROM declarations WHERE meeting_id = ? AND deleted_at {condition} "
            "ORDER BY id",
            [meeting_id],
        )
        return [from_row(Declaration, row) for row in rows]

    def add_declaration(
        self,
        meeting_id: int,
        declaration: Declaration,
        declared_at: int | None = None,
        at: str | None = None,
        recorded: str | None = None,
    ) -> Declaration:
        """Record a declaration made at item `declared_at` (its event's place; the item
        declared on if not given) at clock time `at`. The same interest declared twice
        by the same person on the same item is refused: it would be minuted twice."""
        with self.transaction():
            self._refuse_repeat(meeting_id, declaration)
            saved = self._add_to_meeting("declarations", meeting_id, declaration)
            where = declaration.item if declared_at is None else declared_at
            self._add_events(
                meeting_id,
                [
                    Event(
                        kind=EventKind.DECLARED,
                        item=where,
                        person=declaration.person,
                        ref=saved.id,
                        at=at,
                    )
                ],
                recorded,
            )
            return saved

    def _refuse_repeat(self, meeting_id: int, declaration: Declaration) -> None:
        for other in self.declarations(meeting_id):
            if (
                other.id != declaration.id
                and other.person == declaration.person
                and other.item == declaration.item
                and other.nature.casefold().strip(". ") == declaration.nature.casefold().strip(". ")
            ):
                raise Conflict(
                    f"that interest is already declared on item {declaration.item}; "
                    "correct the declaration there (F9) rather than declare it again"
                )

    def update_declaration(
        self, declaration: Declaration, recorded: str | None = None
    ) -> Declaration:
        """Correct a declaration (who, the item, the interest, the Chair's ruling); what
        it said before is kept in the timeline."""
        if declaration.id is None:
            raise StoreError("the declaration has not been saved yet")
        with self.transaction() as db:
            meeting_id = self._check_row_unlocked("declarations", declaration.id, "declaration")
            before = next(
                (d for d in self.declarations(meeting_id) if d.id == declaration.id), None
            )
            if before is None:
                raise NotFound("that declaration has been deleted")
            checked = _validated(Declaration, declaration)
            self._refuse_repeat(meeting_id, checked)
            db.table("declarations").update(
                declaration.id, to_row(checked, exclude={"id", "meeting_id"})
            )
            self._correct(
                meeting_id,
                EventKind.EDITED,
                EventKind.DECLARED,
                declaration.id,
                recorded,
                note=f"was: {before.person}, item {before.item}, {before.category.value}, "
                f"{before.nature}, ruling {before.ruling.value}",
            )
        return checked

    def delete_declaration(self, declaration_id: int, recorded: str) -> None:
        """Delete a declaration made by mistake; it can be brought back."""
        self._set_deleted("declarations", EventKind.DECLARED, declaration_id, recorded)

    def restore_declaration(self, declaration_id: int, recorded: str | None = None) -> None:
        """Bring back a deleted declaration, unless the same interest has been declared
        again since (it would be minuted twice)."""
        with self.transaction():
            rows = self._rows("SELECT * FROM declarations WHERE id = ?", [declaration_id])
            if rows:
                self._refuse_repeat(int(rows[0]["meeting_id"]), from_row(Declaration, rows[0]))
            self._set_deleted("declarations", EventKind.DECLARED, declaration_id, None, recorded)

    def add_quorum_ruling(
        self, meeting_id: int, ruling: QuorumRuling, recorded: str | None = None
    ) -> QuorumRuling:
        """Record the Chair's ruling on the quorum at an item (None: at the opening), in
        its place in the timeline."""
        with self.transaction():
            saved = self._add_to_meeting("quorum_rulings", meeting_id, ruling)
            self._add_events(
                meeting_id,
                [
                    Event(
                        kind=EventKind.RULED, item=ruling.item, ref=saved.id, at=ruling.recorded_at
                    )
                ],
                recorded,
            )
            return saved

    def quorum_rulings(self, meeting_id: int, *, deleted: bool = False) -> list[QuorumRuling]:
        condition = "IS NOT NULL" if deleted else "IS NULL"
        rows = self._rows(
            f"SELECT * FROM quorum_rulings WHERE meeting_id = ? AND deleted_at {condition} "
            "ORDER BY id",
            [meeting_id],
        )
        return [from_row(QuorumRuling, row) for row in rows]

    def delete_quorum_ruling(self, ruling_id: int, recorded: str) -> None:
        """Delete a ruling recorded by mistake; it can be brought back."""
        self._set_deleted("quorum_rulings", EventKind.RULED, ruling_id, recorded)

    def restore_quorum_ruling(self, ruling_id: int, recorded: str | None = None) -> None:
        self._set_deleted("quorum_rulings", EventKind.RULED, ruling_id, None, recorded)

    def _set_deleted(
        self,
        table: str,
        record: EventKind,
        row_id: int,
        deleted_at: str | None,
        recorded: str | None = None,
    ) -> None:
        """Delete (or bring back) a row recorded at a meeting, saying so in its timeline."""
        with self.transaction():
            what = {"declarations": "declaration", "quorum_rulings": "ruling"}.get(table, table)
            meeting_id = self._check_row_unlocked(table, row_id, what)
            self.db.execute(f"UPDATE {table} SET deleted_at = ? WHERE id = ?", [deleted_at, row_id])
            kind = EventKind.DELETED if deleted_at else EventKind.RESTORED
            self._correct(meeting_id, kind, record, row_id, deleted_at or recorded)

    def _add_to_meeting(self, table: str, meeting_id: int, model: M) -> M:
        """Insert a row recorded at a meeting that is not locked; returns it with its
        meeting and its new id."""
        with self.transaction() as db:
            self._unlocked(meeting_id)
            saved = model.model_copy(update={"meeting_id": meeting_id})
            target = db.table(table)
            target.insert(to_row(saved, exclude={"id"}))
            return saved.model_copy(update={"id": target.last_pk})

    def _check_row_unlocked(self, table: str, row_id: int, what: str) -> int:
        """Refuse to change a row that is not there, or whose meeting is locked; returns
        its meeting."""
        rows = self._rows(f"SELECT meeting_id FROM {table} WHERE id = ?", [row_id])
        if not rows:
            raise NotFound(f"there is no {what} {row_id}")
        meeting_id = int(rows[0]["meeting_id"])
        self._unlocked(meeting_id)
        return meeting_id

    # -- live capture ------------------------------------------------------------------
    #
    # These are called on every change the secretary makes during a meeting, so each is
    # one short transaction: the change is committed before the call returns.

    def start_item(self, item_id: int, at: str) -> None:
        """Record when an item was first taken (its elapsed time runs from then)."""
        with self.transaction():
            self.db.execute(
                "UPDATE agenda_items SET started_at = ? WHERE id = ? AND started_at IS NULL",
                [at, item_id],
            )

    def end_meeting(self, meeting_id: int, at: str | None) -> Meeting:
        """Record the clock time ("HH:MM") the meeting ended; None reopens it."""
        with self.transaction():
            # Through the model, so that "4.05pm" is stored as "16:05" and nonsense refused.
            try:
                checked = self._unlocked(meeting_id).model_copy(update={"ended_at": at})
            except ValidationError as error:
                raise StoreError("; ".join(error_lines(error))) from None
            self.db.execute(
                "UPDATE meetings SET ended_at = ? WHERE id = ?", [checked.ended_at, meeting_id]
            )
        return checked

    def item_start_times(self, meeting_id: int) -> dict[int, str]:
        rows = self._rows(
            "SELECT number, started_at FROM agenda_items WHERE meeting_id = ? "
            "AND started_at IS NOT NULL",
            [meeting_id],
        )
        return {int(r["number"]): str(r["started_at"]) for r in rows}

    # -- the whole record of a meeting -------------------------------------------------

    def meeting_record(self, meeting_id: int) -> MeetingRecord:
        """A consistent snapshot of everything recorded of a meeting (for exporters)."""
        with self.transaction():
            return MeetingRecord(
                meeting=self.meeting(meeting_id),
                agenda=tuple(self.agenda(meeting_id)),
                attendance=tuple(self.attendance(meeting_id)),
                declarations=tuple(self.declarations(meeting_id)),
                minutes=tuple(self.minutes(meeting_id)),
                quorum_rulings=tuple(self.quorum_rulings(meeting_id)),
                events=tuple(self.timeline(meeting_id)),
            )

    def add_meeting_record(self, record: MeetingRecord, actions: Sequence[Action] = ()) -> Meeting:
        """Store a whole meeting as recorded elsewhere (demo data, an import), keeping its
        item numbers, status and every part of it, with the `actions` agreed at it, in
        one transaction.

        The record's arrivals and departures are stored as they are; its declarations,
        the Chair's rulings and its decisions each get the event that places them, at
        their item (a record kept elsewhere says at which item, not when within it)."""
        lifecycle = ("status", "circulated_on", "approved_on", "signed_on")
        with self.transaction() as db:
            # Stored as a draft, its record added, then given the stage its minutes had
            # reached: building the record is not a change after circulation (nothing to
            # audit) nor a change to signed minutes (which the database refuses).
            draft = {"id": None, "status": MinutesStatus.DRAFT, **dict.fromkeys(lifecycle[1:])}
            meeting = self.add_meeting(record.meeting.model_copy(update=draft))
            meeting_id = meeting.id or 0
            for item in record.agenda:
                db.table("agenda_items").insert(
                    to_row(item.model_copy(update={"meeting_id": meeting_id}), exclude={"id"})
                )
            for row in record.attendance:
                db.table("attendance").insert(
                    to_row(row.model_copy(update={"meeting_id": meeting_id}), exclude={"id"})
                )
            # The marks as they stand: one withdrawn in the record (made by mistake) is
            # not copied, or it would count again without its withdrawal.
            withdrawn = record.timeline.withdrawn
            marks = [
                e.model_copy(update={"id": None})
                for e in record.events
                if e.person
                and e.kind in (EventKind.ARRIVED, EventKind.LEFT)
                and (e.id is None or e.id not in withdrawn)
            ]
            self._add_events(meeting_id, marks)
            for declaration in record.declarations:
                saved = self._add_to_meeting(
                    "declarations", meeting_id, declaration.model_copy(update={"id": None})
                )
                self._add_events(
                    meeting_id,
                    [
                        Event(
                            kind=EventKind.DECLARED,
                            item=saved.item,
                            person=saved.person,
                            ref=saved.id,
                        )
                    ],
                )
            for ruling in record.quorum_rulings:
                saved_ruling = self._add_to_meeting(
                    "quorum_rulings", meeting_id, ruling.model_copy(update={"id": None})
                )
                self._add_events(
                    meeting_id,
                    [
                        Event(
                            kind=EventKind.RULED,
                            item=ruling.item,
                            phase=Phase.DURING,
                            ref=saved_ruling.id,
                            at=ruling.recorded_at,
                        )
                    ],
                )
            for minute in record.minutes:
                stored = self._insert_minute(meeting_id, minute.model_copy(update={"id": None}))
                self._add_events(
                    meeting_id,
                    [
                        Event(kind=EventKind.DECIDED, item=stored.item, ref=decision.id)
                        for decision in stored.decisions
                    ],
                )
            for action in actions:
                self.add_action(action.model_copy(update={"meeting_id": meeting_id}))
            stage = to_row(record.meeting, exclude={"id"})
            db.table("meetings").update(meeting_id, {key: stage[key] for key in lifecycle})
            return self.meeting(meeting_id)

    def minutes_snapshot(self, meeting_id: int) -> MinutesSnapshot:
        """Everything an exporter needs for one meeting, read in one transaction: what
        its minutes show, not the committee's history (neither its tracker nor every
        person in the file)."""
        with self.transaction():
            record = self.meeting_record(meeting_id)
            meeting = record.meeting
            code = meeting.committee
            membership = self.membership(code)
            approval, approved_at = self.approved_at(meeting_id)
            agreed = self.agreed_actions(meeting)
            reviewed = self.reviewed_at(meeting_id)
            return MinutesSnapshot(
                membership=membership,
                people=tuple(self.people(people_named(record, agreed, reviewed))),
                record=record,
                actions=tuple(agreed),
                # Only the meetings whose business the minutes word: this one, and
                # those where the actions it reviewed were agreed.
                confidential=self.confidential_items(
                    code, {meeting_id} | {a.meeting_id for a, _ in reviewed if a.meeting_id}
                ),
                terms=self.terms_in_force(code, meeting.date),
                next_meeting=following_meeting(self.meetings(code, after=meeting.date), meeting),
                approval=approval,
                approved_at=approved_at,
                reviewed=tuple(reviewed),
            )


def _validated(cls: type[M], model: M) -> M:
    """A model as the store is given it, validated again before it is stored (one built
    with ``model_construct``, or read from an older file, may not have been)."""
    try:
        return cls.model_validate(model.model_dump())
    except ValidationError as error:
        raise StoreError("; ".join(error_lines(error))) from None
