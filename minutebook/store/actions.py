"""Actions: what a meeting asked someone to do, with their updates; actions are deleted
so they can be recovered."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from minutebook.domain import Action, Committee, Meeting, Person
from minutebook.domain.actions import cited_item
from minutebook.domain.base import error_lines
from minutebook.domain.timeline import Event, EventKind
from minutebook.store.base import StoreBase
from minutebook.store.errors import NotFound, StoreError
from minutebook.store.rows import from_row, to_row

_PLACE = ("committee", "number", "meeting_date", "meeting_id", "item")
"""What an edit of an action never changes: where it was agreed, and its number."""


def committee_actions(code: str, open_only: bool) -> tuple[str, list[Any]]:
    if open_only:
        return "committee = ? AND status <> 'closed'", [code]
    return "committee = ?", [code]


class ActionRepository(StoreBase):
    """A committee's actions and their updates."""

    if TYPE_CHECKING:  # from the other repositories that `Store` joins with this one

        def committee(self, code: str) -> Committee: ...
        def person(self, person_id: str) -> Person: ...
        def _unlocked(self, meeting_id: int) -> Meeting: ...

    def actions(self, code: str, *, open_only: bool = False) -> list[Action]:
        """The committee's actions, oldest first; `open_only`: those not closed
        (`actions.is_open`, read here as a condition so that ten years of closed
        actions are not read to show the open ones)."""
        return self._actions_where(*committee_actions(code, open_only))

    def _actions_where(self, condition: str, params: list[Any]) -> list[Action]:
        """The actions (not deleted) meeting `condition`, oldest first, with their
        updates: two queries, however many actions."""
        where = f"({condition}) AND deleted_at IS NULL"
        rows = self._rows(
            f"SELECT * FROM actions WHERE {where} ORDER BY meeting_date, number, id", params
        )
        updates: defaultdict[int, list[dict[str, Any]]] = defaultdict(list)
        for update in self._rows(
            "SELECT action_id, date, text FROM action_updates WHERE action_id IN "
            f"(SELECT id FROM actions WHERE {where}) ORDER BY action_id, date, id",
            params,
        ):
            updates[update.pop("action_id")].append(update)
        return [from_row(Action, row, updates=updates[row["id"]]) for row in rows]

    def action_numbers(self, code: str) -> set[int]:
        """Every number the committee's tracker has used, a deleted action's too (it
        can be brought back with it)."""
        rows = self._rows(
            "SELECT number FROM actions WHERE committee = ? AND number IS NOT NULL", [code]
        )
        return {int(row["number"]) for row in rows}

    def add_action(
        self, action: Action, at: str | None = None, recorded: str | None = None
    ) -> Action:
        """Add an action (it takes the committee's next number). One agreed at a meeting
        is tied to it (found by its date if not given) and placed in its timeline."""
        with self.transaction() as db:
            self.committee(action.committee)
            self.person(action.owner)
            if action.number is None:
                rows = self._rows(
                    "SELECT MAX(number) AS n FROM actions WHERE committee = ?", [action.committee]
                )
                action = action.model_copy(update={"number": int(rows[0]["n"] or 0) + 1})
            if action.meeting_id is None:
                found = self._rows(
                    "SELECT id FROM meetings WHERE committee = ? AND date = ? ORDER BY time, id",
                    [action.committee, action.meeting_date.isoformat()],
                )
                if found:
                    action = action.model_copy(update={"meeting_id": int(found[0]["id"])})
            if action.meeting_id is not None and action.item is None:
                action = action.model_copy(update={"item": self._cited_item(action)})
            table = db.table("actions")
            table.insert(to_row(action, exclude={"id", "updates"}))
            action_id = table.last_pk
            for update in action.updates:
                db.table("action_updates").insert({"action_id": action_id, **to_row(update)})
            if action.meeting_id is not None:
                self._add_events(
                    action.meeting_id,
                    [Event(kind=EventKind.ACTION, item=action.item, ref=action_id, at=at)],
                    recorded,
                )
            return action.model_copy(update={"id": action_id})

    def _cited_item(self, action: Action) -> int | None:
        """The item of its meeting an action's minute reference names (an imported
        tracker records the reference, not the item)."""
        numbers = {
            str(r["number"]): int(r["item"])
            for r in self._rows(
                "SELECT number, item FROM minutes WHERE meeting_id = ? AND number IS NOT NULL",
                [action.meeting_id],
            )
        }
        agenda = [
            int(r["number"])
            for r in self._rows(
                "SELECT number FROM agenda_items WHERE meeting_id = ?", [action.meeting_id]
            )
        ]
        return cited_item(action.minute, numbers, agenda)

    def edit_action(self, action: Action, recorded: str | None = None) -> Action:
        """Correct an action (what, who, by when); its number and its place stay, and what
        it said before is kept in its meeting's timeline."""
        if action.id is None:
            raise StoreError("the action has not been saved yet")
        with self.transaction() as db:
            rows = self._rows("SELECT * FROM actions WHERE id = ?", [action.id])
            if not rows:
                raise NotFound(f"there is no action {action.id}")
            before = from_row(Action, rows[0], updates=[])
            # Where it was agreed stays: its committee, number, meeting and item.
            place = {k: getattr(before, k) for k in _PLACE}
            try:
                checked = Action.model_validate(action.model_dump() | place)
            except ValidationError as error:
                raise StoreError("; ".join(error_lines(error))) from None
            self.person(checked.owner)
            if before.meeting_id is not None:
                self._unlocked(before.meeting_id)
            values = to_row(checked, exclude={"id", "updates", *_PLACE})
            db.table("actions").update(action.id, values)
            if before.meeting_id is not None:
                due = f", due {before.due:%d/%m/%Y}" if before.due else ""
                self._correct(
                    before.meeting_id,
                    EventKind.EDITED,
                    EventKind.ACTION,
                    action.id,
                    recorded,
                    note=f"was: {before.description} ({before.owner}{due})",
                )
        return checked

    def meeting_actions(self, meeting: Meeting, *, deleted: bool = False) -> list[Action]:
        """The actions agreed at this meeting (or those deleted from it)."""
        condition = "IS NOT NULL" if deleted else "IS NULL"
        rows = self._rows(
            f"SELECT * FROM actions WHERE meeting_id = ? AND deleted_at {condition} "
            "ORDER BY number, id",
            [meeting.id],
        )
        return [from_row(Action, row, updates=[]) for row in rows]

    def confidential_items(
        self, code: str, meetings: Collection[int] | None = None
    ) -> frozenset[tuple[int, int]]:
        """(meeting id, item) of every confidential agenda item of the committee (of
        these of its `meetings` only, when a document words the business of a few):
        what is recorded under them stays out of public documents
        (docs/confidentiality.md)."""
        if meetings is None:
            rows = self._rows(
                "SELECT agenda_items.meeting_id, agenda_items.number FROM agenda_items "
                "JOIN meetings ON meetings.id = agenda_items.meeting_id "
                "WHERE meetings.committee = ? AND agenda_items.confidential = 1",
                [code],
            )
        else:  # the committee's meetings named: their agendas alone, not all its meetings
            rows = self._rows_in(
                "SELECT meeting_id, number FROM agenda_items WHERE confidential = 1 "
                "AND meeting_id IN ({marks})",
                meetings,
            )
        return frozenset((int(r["meeting_id"]), int(r["number"])) for r in rows)

    def delete_action(self, action_id: int, at: str) -> None:
        """Delete an action so that it can still be recovered."""
        self._set_action_deleted(action_id, at)

    def restore_action(self, action_id: int, recorded: str | None = None) -> None:
        self._set_action_deleted(action_id, None, recorded)

    def _set_action_deleted(
        self, action_id: int, at: str | None, recorded: str | None = None
    ) -> None:
        with self.transaction():
            rows = self._rows("SELECT meeting_id FROM actions WHERE id = ?", [action_id])
            if not rows:
                raise NotFound(f"there is no action {action_id}")
            meeting_id = rows[0]["meeting_id"]
            if meeting_id is not None:
                self._unlocked(int(meeting_id))
            self.db.execute("UPDATE actions SET deleted_at = ? WHERE id = ?", [at, action_id])
            if meeting_id is not None:
                kind = EventKind.DELETED if at else EventKind.RESTORED
                self._correct(int(meeting_id), kind, EventKind.ACTION, action_id, at or recorded)
