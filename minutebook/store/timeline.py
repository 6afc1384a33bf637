"""The timeline of each meeting: its events, written as they happen and never rewritten
(docs/timeline.md). A correction is one more event; the event it corrects stays."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from minutebook.domain.base import error_lines
from minutebook.domain.meeting import Attendance, Meeting
from minutebook.domain.room import RoomChange
from minutebook.domain.timeline import Event, EventKind, Phase
from minutebook.store.base import StoreBase
from minutebook.store.errors import Conflict, StoreError
from minutebook.store.rows import from_row, to_row


class TimelineRepository(StoreBase):
    """Reading a meeting's events, and adding to them inside the change they record."""

    if TYPE_CHECKING:  # from the other repositories that `Store` joins with this one

        def _unlocked(self, meeting_id: int) -> Meeting: ...

    def timeline(self, meeting_id: int) -> list[Event]:
        """Every event of the meeting, corrections included, in the order recorded."""
        rows = self._rows(
            "SELECT id, kind, item, phase, person, at, ref, note FROM timeline "
            "WHERE meeting_id = ? ORDER BY id",
            [meeting_id],
        )
        return [from_row(Event, row) for row in rows]

    def dismiss_prompt(
        self,
        meeting_id: int,
        item: int,
        person: str,
        interest_id: int | None,
        recorded: str | None = None,
    ) -> Event:
        """Keep that the secretary dismissed the prompt that `person`'s interest (None:
        their seat's organisation) may touch `item` (docs/register.md#prompts)."""
        with self.transaction():
            self._unlocked(meeting_id)
            event = Event(kind=EventKind.DISMISSED, item=item, person=person, ref=interest_id)
            return self._add_events(meeting_id, [event], recorded)[0]

    def restore_prompt(self, meeting_id: int, dismissal: int, recorded: str | None = None) -> Event:
        """Take back the prompt's dismissal event `dismissal`: one more event withdrawing
        it, so the prompt is open again and both stay in the audit trail."""
        with self.transaction():
            self._unlocked(meeting_id)
            event = Event(kind=EventKind.WITHDRAWN, ref=dismissal, note="prompt restored")
            return self._add_events(meeting_id, [event], recorded)[0]

    def apply_room_change(
        self, meeting_id: int, change: RoomChange, recorded: str | None = None
    ) -> Attendance | None:
        """Store one mark of the room in one transaction: the person's attendance row,
        the events it adds and the marks it withdraws. Returns the row as stored."""
        if change.needs_answer:
            raise StoreError("the mark has a question to answer first")
        with self.transaction():
            self._unlocked(meeting_id)
            row = self._store_row(meeting_id, change)
            self._add_events(meeting_id, change.add, recorded)
            self._add_events(
                meeting_id,
                [Event(kind=EventKind.WITHDRAWN, ref=ref) for ref in change.withdraw],
                recorded,
            )
            return row

    def _store_row(self, meeting_id: int, change: RoomChange) -> Attendance | None:
        existing = self._rows(
            "SELECT id FROM attendance WHERE meeting_id = ? AND person = ?",
            [meeting_id, change.person],
        )
        if change.remove_row:
            if existing:
                self.db.execute("DELETE FROM attendance WHERE id = ?", [existing[0]["id"]])
            return None
        if change.row is None:
            return None
        try:  # the row placed in its meeting, validated as every change of a model is
            row = change.row.model_copy(update={"meeting_id": meeting_id})
        except ValidationError as error:
            raise StoreError("; ".join(error_lines(error))) from None
        values: dict[str, Any] = to_row(row, exclude={"id"})
        if existing:
            self.db.table("attendance").update(existing[0]["id"], values)
            return row.model_copy(update={"id": existing[0]["id"]})
        cursor = self.db.table("attendance").insert(values)
        return row.model_copy(update={"id": cursor.last_pk})

    def add_to_room(
        self, meeting_id: int, row: Attendance, arrival: Event, recorded: str | None = None
    ) -> Attendance:
        """Someone new in the room (an officer, an observer, a deputy): their row and
        their arrival, together."""
        with self.transaction():
            self._unlocked(meeting_id)
            if self._rows(
                "SELECT 1 FROM attendance WHERE meeting_id = ? AND person = ?",
                [meeting_id, row.person],
            ):
                raise Conflict("they are already recorded at this meeting")
            saved = self._store_row(meeting_id, RoomChange(person=row.person, row=row))
            self._add_events(meeting_id, [arrival], recorded)
            assert saved is not None
            return saved


__all__ = ["Phase", "TimelineRepository"]
