"""Minutes: an item's narrative (saved as typed), its decisions, and minute numbers,
issued by the committee's scheme; decisions are deleted so they can be recovered."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING

from minutebook.domain import Committee, Decision, Meeting, Minute
from minutebook.domain.base import clean_text
from minutebook.domain.numbering import format_minute_number, period_start
from minutebook.store.base import StoreBase
from minutebook.store.errors import NotFound
from minutebook.store.rows import from_row, to_row


class MinuteRepository(StoreBase):
    """The minutes of a meeting's items and their decisions."""

    if TYPE_CHECKING:  # from the other repositories that `Store` joins with this one

        def committee(self, code: str) -> Committee: ...
        def _unlocked(self, meeting_id: int) -> Meeting: ...

    def minutes(self, meeting_id: int) -> list[Minute]:
        rows = self._rows("SELECT * FROM minutes WHERE meeting_id = ? ORDER BY item", [meeting_id])
        # Every decision of the meeting in one query, not one query a minute.
        decisions: defaultdict[int, list[Decision]] = defaultdict(list)
        for d in self._rows(
            "SELECT minute_id, id, verb, text, flag FROM decisions "
            "WHERE minute_id IN (SELECT id FROM minutes WHERE meeting_id = ?) "
            "AND deleted_at IS NULL ORDER BY minute_id, position",
            [meeting_id],
        ):
            decisions[d.pop("minute_id")].append(Decision.model_validate(d))
        return [from_row(Minute, row, decisions=decisions[row["id"]]) for row in rows]

    def save_minute(self, meeting_id: int, minute: Minute) -> Minute:
        """Store an item's minute with its decisions (replacing the earlier text)."""
        with self.transaction():
            self._unlocked(meeting_id)
            return self._insert_minute(meeting_id, minute)

    def _insert_minute(self, meeting_id: int, minute: Minute) -> Minute:
        with self.transaction() as db:
            saved = minute.model_copy(update={"meeting_id": meeting_id})
            row = to_row(saved, exclude={"id", "decisions"})
            if saved.id is None:
                table = db.table("minutes")
                table.insert(row)
                saved = saved.model_copy(update={"id": table.last_pk})
            else:
                db.table("minutes").update(saved.id, row)
            db.execute("DELETE FROM decisions WHERE minute_id = ?", [saved.id])
            for position, decision in enumerate(saved.decisions, start=1):
                db.table("decisions").insert(
                    {
                        "minute_id": saved.id,
                        "position": position,
                        **to_row(decision, exclude={"id"}),
                    }
                )
        return saved

    # -- live capture ------------------------------------------------------------------
    #
    # These are called on every change the secretary makes during a meeting, so each is
    # one short transaction: the change is committed before the call returns.

    def minute_for(self, meeting_id: int, item: int) -> Minute | None:
        """The minute of one agenda item, if anything has been recorded for it."""
        return next((m for m in self.minutes(meeting_id) if m.item == item), None)

    def _minute_id(self, meeting_id: int, item: int) -> int:
        """The minute row of an item, made empty if there is none yet."""
        rows = self._rows(
            "SELECT id FROM minutes WHERE meeting_id = ? AND item = ?", [meeting_id, item]
        )
        if rows:
            return int(rows[0]["id"])
        cursor = self.db.execute(
            "INSERT INTO minutes (meeting_id, item, narrative) VALUES (?, ?, '')",
            [meeting_id, item],
        )
        return int(cursor.lastrowid or 0)

    def write_narrative(self, meeting_id: int, item: int, text: str) -> None:
        """Save the narrative of an item's minute as typed (the autosave path)."""
        with self.transaction():
            self._unlocked(meeting_id)
            exists = self._rows(
                "SELECT 1 FROM minutes WHERE meeting_id = ? AND item = ?", [meeting_id, item]
            )
            if not exists and not text:
                return  # nothing typed yet: no empty minute for an item not taken
            minute_id = self._minute_id(meeting_id, item)
            self.db.execute(
                "UPDATE minutes SET narrative = ? WHERE id = ?", [clean_text(text), minute_id]
            )

    def issue_minute_number(self, meeting_id: int, item: int) -> str:
        """The item's minute number, issued by the committee's scheme the first time the
        item is minuted and stable afterwards (DOMAIN.md 4.3)."""
        with self.transaction():
            meeting = self._unlocked(meeting_id)
            minute_id = self._minute_id(meeting_id, item)
            rows = self._rows("SELECT number FROM minutes WHERE id = ?", [minute_id])
            if rows and rows[0]["number"]:
                return str(rows[0]["number"])
            scheme = self.committee(meeting.committee).numbering
            start = period_start(scheme.reset, meeting.date)
            # Numbers already issued in the period, this meeting's earlier items included.
            issued = self._rows(
                "SELECT COUNT(*) AS n FROM minutes "
                "JOIN meetings ON meetings.id = minutes.meeting_id "
                "WHERE meetings.committee = ? AND minutes.number IS NOT NULL "
                "AND meetings.date >= ? AND meetings.date <= ?",
                [meeting.committee, (start or date.min).isoformat(), meeting.date.isoformat()],
            )
            seq = int(issued[0]["n"]) + 1
            number = format_minute_number(scheme, seq, meeting.date, item=item)
            self.db.execute("UPDATE minutes SET number = ? WHERE id = ?", [number, minute_id])
            return number

    def add_decision(self, meeting_id: int, item: int, decision: Decision) -> Decision:
        """Add a numbered point to the item's decisions (it takes the next number)."""
        with self.transaction():
            self._unlocked(meeting_id)
            minute_id = self._minute_id(meeting_id, item)
            rows = self._rows(
                "SELECT MAX(position) AS p FROM decisions WHERE minute_id = ?", [minute_id]
            )
            position = int(rows[0]["p"] or 0) + 1
            cursor = self.db.execute(
                "INSERT INTO decisions (minute_id, position, verb, text, flag) "
                "VALUES (?, ?, ?, ?, ?)",
                [
                    minute_id,
                    position,
                    decision.verb.value,
                    decision.text,
                    decision.flag.value if decision.flag else None,
                ],
            )
            return decision.model_copy(update={"id": cursor.lastrowid})

    def delete_decision(self, decision_id: int, at: str) -> None:
        """Delete a decision so that it can still be recovered."""
        self._set_decision_deleted(decision_id, at)

    def restore_decision(self, decision_id: int) -> None:
        self._set_decision_deleted(decision_id, None)

    def _set_decision_deleted(self, decision_id: int, at: str | None) -> None:
        with self.transaction():
            owner = self._rows(
                "SELECT minutes.meeting_id AS m FROM decisions "
                "JOIN minutes ON minutes.id = decisions.minute_id WHERE decisions.id = ?",
                [decision_id],
            )
            if not owner:
                raise NotFound(f"there is no decision {decision_id}")
            self._unlocked(int(owner[0]["m"]))
            self.db.execute("UPDATE decisions SET deleted_at = ? WHERE id = ?", [at, decision_id])

    def deleted_decisions(self, meeting_id: int) -> list[tuple[int, Decision]]:
        """Deleted decisions of a meeting with their item, newest first, to recover."""
        rows = self._rows(
            "SELECT decisions.id, decisions.verb, decisions.text, minutes.item FROM decisions "
            "JOIN minutes ON minutes.id = decisions.minute_id "
            "WHERE minutes.meeting_id = ? AND decisions.deleted_at IS NOT NULL "
            "ORDER BY decisions.deleted_at DESC",
            [meeting_id],
        )
        return [
            (int(r["item"]), Decision(id=r["id"], verb=r["verb"], text=r["text"])) for r in rows
        ]
