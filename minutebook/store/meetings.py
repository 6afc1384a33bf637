"""Meetings and what is recorded of them beside the minutes: agenda items (with the
renumbering that every reference to an item follows), attendance, declarations of
interest, quorum rulings, and the whole record of a meeting read or stored at once."""

from __future__ import annotations

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
from minutebook.domain.snapshot import MinutesSnapshot
from minutebook.store.base import StoreBase
from minutebook.store.errors import Conflict, NotFound, StoreError
from minutebook.store.rows import M, from_row, to_row


class MeetingRepository(StoreBase):
    """A committee's meetings and everything recorded of each but its minutes."""

    if TYPE_CHECKING:  # from the other repositories that `Store` joins with this one

        def committee(self, code: str) -> Committee: ...
        def membership(self, code: str) -> Membership: ...
        def people(self) -> list[Person]: ...
        def terms_in_force(self, code: str, day: date) -> TermsOfReference | None: ...
        def minutes(self, meeting_id: int) -> list[Minute]: ...
        def _insert_minute(self, meeting_id: int, minute: Minute) -> Minute: ...
        def actions(self, code: str) -> list[Action]: ...
        def meeting_actions(self, meeting: Meeting, *, deleted: bool = False) -> list[Action]: ...

    # -- meetings and agendas ----------------------------------------------------------

    def meetings(self, code: str) -> list[Meeting]:
        rows = self._rows("SELECT * FROM meetings WHERE committee = ? ORDER BY date, time", [code])
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
            table = db.table("meetings")
            table.insert(to_row(meeting, exclude={"id"}))
            return meeting.model_copy(update={"id": table.last_pk})

    def update_meeting(self, meeting: Meeting) -> Meeting:
        if meeting.id is None:
            raise StoreError("the meeting has not been saved yet")
        with self.transaction() as db:
            current = self.meeting(meeting.id)
            if current.is_locked:
                raise Conflict("these minutes are signed and locked; record a correction instead")
            db.table("meetings").update(meeting.id, to_row(meeting, exclude={"id"}))
        return meeting

    def _unlocked(self, meeting_id: int) -> Meeting:
        meeting = self.meeting(meeting_id)
        if meeting.is_locked:
            raise Conflict("these minutes are signed and locked; record a correction instead")
        return meeting

    def agenda(self, meeting_id: int) -> list[AgendaItem]:
        rows = self._rows(
            "SELECT * FROM agenda_items WHERE meeting_id = ? ORDER BY number", [meeting_id]
        )
        return [from_row(AgendaItem, row) for row in rows]

    def add_agenda_item(self, meeting_id: int, item: AgendaItem) -> AgendaItem:
        """Append an item to the agenda; it takes the next number."""
        with self.transaction() as db:
            self._unlocked(meeting_id)
            rows = self._rows(
                "SELECT MAX(number) AS n FROM agenda_items WHERE meeting_id = ?", [meeting_id]
            )
            number = int(rows[0]["n"] or 0) + 1
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
                    f"item {item.number} already has minutes, a declaration or attendance "
                    "recorded against it; it cannot be removed"
                )
            db.table("agenda_items").delete(item_id)
            later = [i for i in self.agenda(meeting_id) if i.number > item.number]
            self._renumber(meeting_id, {i.number: i.number - 1 for i in later})

    def _item_is_referenced(self, meeting_id: int, number: int) -> bool:
        checks = (
            "SELECT 1 FROM minutes WHERE meeting_id = ? AND item = ?",
            "SELECT 1 FROM declarations WHERE meeting_id = ? AND item = ?",
            "SELECT 1 FROM attendance WHERE meeting_id = ? AND (from_item = ? OR to_item = ?)",
        )
        for sql in checks:
            params = [meeting_id, number] + ([number] if sql.count("?") == 3 else [])
            if self._rows(sql, params):
                return True
        return False

    def move_agenda_item(self, item_id: int, offset: int) -> list[AgendaItem]:
        """Move an item up (offset -1) or down (+1); everything that refers to items by
        number (minutes, declarations, arrivals and departures) follows it."""
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
        for table, columns in (
            ("agenda_items", ("number",)),
            ("minutes", ("item",)),
            ("declarations", ("item",)),
            ("attendance", ("from_item", "to_item")),
        ):
            sets = ", ".join(f"{col} = {case.format(col=col)}" for col in columns)
            self.db.execute(f"UPDATE {table} SET {sets} WHERE meeting_id = ?", [meeting_id])

    # -- attendance, declarations, quorum rulings --------------------------------------

    def attendance(self, meeting_id: int) -> list[Attendance]:
        rows = self._rows("SELECT * FROM attendance WHERE meeting_id = ? ORDER BY id", [meeting_id])
        return [from_row(Attendance, row) for row in rows]

    def add_attendance(self, meeting_id: int, row: Attendance) -> Attendance:
        return self._add_to_meeting("attendance", meeting_id, row)

    def update_attendance(self, row: Attendance) -> Attendance:
        """Change a person's attendance (arrived, left, remote, apologies ...)."""
        if row.id is None:
            raise StoreError("the attendance row has not been saved yet")
        with self.transaction() as db:
            self._check_row_unlocked("attendance", row.id, "attendance row")
            db.table("attendance").update(row.id, to_row(row, exclude={"id", "meeting_id"}))
        return row

    def remove_attendance(self, row_id: int) -> None:
        """Remove an attendance row (apologies withdrawn, a row entered by mistake)."""
        with self.transaction() as db:
            self._check_row_unlocked("attendance", row_id, "attendance row")
            db.table("attendance").delete(row_id)

    def declarations(self, meeting_id: int) -> list[Declaration]:
        rows = self._rows(
            "SELECT * FROM declarations WHERE meeting_id = ? ORDER BY id", [meeting_id]
        )
        return [from_row(Declaration, row) for row in rows]

    def add_declaration(self, meeting_id: int, declaration: Declaration) -> Declaration:
        return self._add_to_meeting("declarations", meeting_id, declaration)

    def update_declaration(self, declaration: Declaration) -> Declaration:
        """Change a declaration (the times the member left and returned, the ruling)."""
        if declaration.id is None:
            raise StoreError("the declaration has not been saved yet")
        with self.transaction() as db:
            self._check_row_unlocked("declarations", declaration.id, "declaration")
            db.table("declarations").update(
                declaration.id, to_row(declaration, exclude={"id", "meeting_id"})
            )
        return declaration

    def add_quorum_ruling(self, meeting_id: int, ruling: QuorumRuling) -> QuorumRuling:
        """Record the Chair's ruling on the quorum at the opening or at an item."""
        return self._add_to_meeting("quorum_rulings", meeting_id, ruling)

    def quorum_rulings(self, meeting_id: int) -> list[QuorumRuling]:
        rows = self._rows(
            "SELECT * FROM quorum_rulings WHERE meeting_id = ? ORDER BY id", [meeting_id]
        )
        return [from_row(QuorumRuling, row) for row in rows]

    def _add_to_meeting(self, table: str, meeting_id: int, model: M) -> M:
        """Insert a row recorded at a meeting that is not locked; returns it with its
        meeting and its new id."""
        with self.transaction() as db:
            self._unlocked(meeting_id)
            saved = model.model_copy(update={"meeting_id": meeting_id})
            target = db.table(table)
            target.insert(to_row(saved, exclude={"id"}))
            return saved.model_copy(update={"id": target.last_pk})

    def _check_row_unlocked(self, table: str, row_id: int, what: str) -> None:
        """Refuse to change a row that is not there, or whose meeting is locked."""
        rows = self._rows(f"SELECT meeting_id FROM {table} WHERE id = ?", [row_id])
        if not rows:
            raise NotFound(f"there is no {what} {row_id}")
        self._unlocked(int(rows[0]["meeting_id"]))

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
            meeting = self._unlocked(meeting_id).model_copy(update={"ended_at": at})
            # Through the model, so that "4.05pm" is stored as "16:05" and nonsense refused.
            try:
                checked = Meeting.model_validate(meeting.model_dump())
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
            )

    def add_meeting_record(self, record: MeetingRecord) -> Meeting:
        """Store a whole meeting as recorded elsewhere (demo data, an import), keeping its
        item numbers and status, in one transaction."""
        with self.transaction() as db:
            meeting = self.add_meeting(record.meeting.model_copy(update={"id": None}))
            meeting_id = meeting.id
            for item in record.agenda:
                db.table("agenda_items").insert(
                    to_row(item.model_copy(update={"meeting_id": meeting_id}), exclude={"id"})
                )
            for row in record.attendance:
                db.table("attendance").insert(
                    to_row(row.model_copy(update={"meeting_id": meeting_id}), exclude={"id"})
                )
            for declaration in record.declarations:
                db.table("declarations").insert(
                    to_row(
                        declaration.model_copy(update={"meeting_id": meeting_id}), exclude={"id"}
                    )
                )
            for minute in record.minutes:
                self._insert_minute(meeting_id or 0, minute.model_copy(update={"id": None}))
            return meeting

    def minutes_snapshot(self, meeting_id: int) -> MinutesSnapshot:
        """Everything an exporter needs for one meeting, read in one transaction."""
        with self.transaction():
            record = self.meeting_record(meeting_id)
            meeting = record.meeting
            code = meeting.committee
            membership = self.membership(code)
            later = [m for m in self.meetings(code) if m.date > meeting.date]
            return MinutesSnapshot(
                membership=membership,
                people=tuple(self.people()),
                record=record,
                actions=tuple(self.meeting_actions(meeting)),
                open_actions=tuple(self.actions(code)),
                terms=self.terms_in_force(code, meeting.date),
                next_meeting=later[0] if later else None,
            )
