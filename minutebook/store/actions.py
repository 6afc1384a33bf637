"""Actions: what a meeting asked someone to do, with their updates; actions are deleted
so they can be recovered."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from minutebook.domain import Action, Committee, Meeting, Person
from minutebook.store.base import StoreBase
from minutebook.store.errors import NotFound
from minutebook.store.rows import from_row, to_row


class ActionRepository(StoreBase):
    """A committee's actions and their updates."""

    if TYPE_CHECKING:  # from the other repositories that `Store` joins with this one

        def committee(self, code: str) -> Committee: ...
        def person(self, person_id: str) -> Person: ...

    def actions(self, code: str) -> list[Action]:
        rows = self._rows(
            "SELECT * FROM actions WHERE committee = ? AND deleted_at IS NULL "
            "ORDER BY meeting_date, number, id",
            [code],
        )
        # Every update of those actions in one query, not one query an action.
        updates: defaultdict[int, list[dict[str, Any]]] = defaultdict(list)
        for update in self._rows(
            "SELECT action_id, date, text FROM action_updates WHERE action_id IN "
            "(SELECT id FROM actions WHERE committee = ? AND deleted_at IS NULL) "
            "ORDER BY action_id, date, id",
            [code],
        ):
            updates[update.pop("action_id")].append(update)
        return [from_row(Action, row, updates=updates[row["id"]]) for row in rows]

    def add_action(self, action: Action) -> Action:
        with self.transaction() as db:
            self.committee(action.committee)
            self.person(action.owner)
            if action.number is None:
                rows = self._rows(
                    "SELECT MAX(number) AS n FROM actions WHERE committee = ?", [action.committee]
                )
                action = action.model_copy(update={"number": int(rows[0]["n"] or 0) + 1})
            table = db.table("actions")
            table.insert(to_row(action, exclude={"id", "updates"}))
            action_id = table.last_pk
            for update in action.updates:
                db.table("action_updates").insert({"action_id": action_id, **to_row(update)})
            return action.model_copy(update={"id": action_id})

    def meeting_actions(self, meeting: Meeting, *, deleted: bool = False) -> list[Action]:
        """The actions agreed at this meeting (or those deleted from it)."""
        condition = "IS NOT NULL" if deleted else "IS NULL"
        rows = self._rows(
            f"SELECT * FROM actions WHERE committee = ? AND meeting_date = ? "
            f"AND deleted_at {condition} ORDER BY number, id",
            [meeting.committee, meeting.date.isoformat()],
        )
        return [from_row(Action, row, updates=[]) for row in rows]

    def delete_action(self, action_id: int, at: str) -> None:
        """Delete an action so that it can still be recovered."""
        self._set_action_deleted(action_id, at)

    def restore_action(self, action_id: int) -> None:
        self._set_action_deleted(action_id, None)

    def _set_action_deleted(self, action_id: int, at: str | None) -> None:
        with self.transaction():
            if not self._rows("SELECT 1 FROM actions WHERE id = ?", [action_id]):
                raise NotFound(f"there is no action {action_id}")
            self.db.execute("UPDATE actions SET deleted_at = ? WHERE id = ?", [at, action_id])
