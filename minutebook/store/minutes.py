"""Minutes: an item's narrative (saved as typed), its decisions, and minute numbers,
issued by the committee's scheme; decisions are deleted so they can be recovered."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from minutebook.domain import Committee, Decision, Meeting, Minute
from minutebook.domain.base import clean_text, error_lines
from minutebook.domain.dates import long_date
from minutebook.domain.numbering import format_minute_number, period_key, sequence_of
from minutebook.domain.timeline import Event, EventKind
from minutebook.domain.votes import Vote
from minutebook.store.base import StoreBase
from minutebook.store.errors import Conflict, NotFound, StoreError
from minutebook.store.rows import from_row, to_row


@dataclass(frozen=True)
class IssuedNumber:
    """A minute number, and (when it is the first of its meeting issued after a later
    meeting's) the later meeting it comes after, for the secretary to be told."""

    number: str
    after_later_meeting: str = ""


def _decision(row: dict[str, Any]) -> Decision:
    return Decision(
        id=row["id"],
        verb=row["verb"],
        text=row["text"],
        chairs_action=row.get("flag") == "chairs_action",
        position=row.get("position"),
        vote=Vote.model_validate_json(row["vote"]) if row.get("vote") else None,
    )


def _decision_values(decision: Decision) -> dict[str, Any]:
    return {
        "verb": decision.verb.value,
        "text": decision.text,
        "flag": "chairs_action" if decision.chairs_action else None,
        "vote": decision.vote.model_dump_json(exclude_defaults=True) if decision.vote else None,
    }


class MinuteRepository(StoreBase):
    """The minutes of a meeting's items and their decisions."""

    if TYPE_CHECKING:  # from the other repositories that `Store` joins with this one

        def committee(self, code: str) -> Committee: ...
        def meeting(self, meeting_id: int) -> Meeting: ...
        def _unlocked(self, meeting_id: int) -> Meeting: ...

    def minutes(self, meeting_id: int) -> list[Minute]:
        return self._minutes_where("meeting_id = ?", [meeting_id])

    def _minutes_where(self, where: str, params: list[Any]) -> list[Minute]:
        """The minutes meeting `where`, by item, with their decisions."""
        rows = self._rows(f"SELECT * FROM minutes WHERE {where} ORDER BY item", params)
        # Every decision of the minutes in one query, not one query a minute.
        decisions: defaultdict[int, list[Decision]] = defaultdict(list)
        for d in self._rows(
            "SELECT minute_id, id, verb, text, flag, position, vote FROM decisions "
            f"WHERE minute_id IN (SELECT id FROM minutes WHERE {where}) "
            "AND deleted_at IS NULL ORDER BY minute_id, position",
            params,
        ):
            decisions[d.pop("minute_id")].append(_decision(d))
        return [
            from_row(Minute, _minute_columns(row), decisions=decisions[row["id"]]) for row in rows
        ]

    def resolutions(self, meeting_ids: Collection[int]) -> dict[tuple[int, int], list[str]]:
        """The texts of the decisions minuted at each item of these meetings, in order,
        by (meeting id, item): one query, however many meetings."""
        found: defaultdict[tuple[int, int], list[str]] = defaultdict(list)
        for row in self._rows_in(
            "SELECT minutes.meeting_id, minutes.item, decisions.text FROM decisions "
            "JOIN minutes ON minutes.id = decisions.minute_id "
            "WHERE minutes.meeting_id IN ({marks}) AND decisions.deleted_at IS NULL "
            "ORDER BY minutes.meeting_id, minutes.item, decisions.position",
            meeting_ids,
        ):
            found[(int(row["meeting_id"]), int(row["item"]))].append(str(row["text"]))
        return dict(found)

    def save_minute(self, meeting_id: int, minute: Minute) -> Minute:
        """Store an item's minute with its decisions (replacing the earlier text)."""
        with self.transaction():
            self._unlocked(meeting_id)
            return self._insert_minute(meeting_id, minute)

    def _insert_minute(self, meeting_id: int, minute: Minute) -> Minute:
        """Store a minute with its decisions (they get new ids); a number it already
        has is kept, in its place in the numbering period."""
        with self.transaction() as db:
            saved = minute.model_copy(update={"meeting_id": meeting_id})
            row = to_row(saved, exclude={"id", "decisions"})
            if saved.number:
                row |= self._numbering(meeting_id, saved.number, saved.item)
                self._refuse_repeated_number(row)
            if saved.id is None:
                table = db.table("minutes")
                table.insert(row)
                saved = saved.model_copy(update={"id": table.last_pk})
            else:
                db.table("minutes").update(saved.id, row)
            db.execute("DELETE FROM decisions WHERE minute_id = ?", [saved.id])
            decisions = []
            for position, decision in enumerate(saved.decisions, start=1):
                cursor = db.execute(
                    "INSERT INTO decisions (minute_id, position, verb, text, flag, vote) "
                    "VALUES (:minute_id, :position, :verb, :text, :flag, :vote)",
                    {"minute_id": saved.id, "position": position} | _decision_values(decision),
                )
                decisions.append(
                    decision.model_copy(update={"id": cursor.lastrowid, "position": position})
                )
        return saved.model_copy(update={"decisions": tuple(decisions)})

    def _refuse_repeated_number(self, row: dict[str, Any]) -> None:
        """A minute number already issued in the committee's period is refused with a
        message (the schema would refuse it too, without one)."""
        clash = self._rows(
            "SELECT meetings.date FROM minutes JOIN meetings ON meetings.id = minutes.meeting_id "
            "WHERE minutes.committee = ? AND minutes.period = ? AND minutes.number = ? "
            "AND NOT (minutes.meeting_id = ? AND minutes.item = ?)",
            [row["committee"], row["period"], row["number"], row["meeting_id"], row["item"]],
        )
        if clash:
            raise Conflict(
                f"minute number {row['number']} is already used by the meeting of "
                f"{long_date(date.fromisoformat(clash[0]['date']))}: numbers never repeat "
                "within a numbering period"
            )

    def _numbering(self, meeting_id: int, number: str, item: int) -> dict[str, Any]:
        """The columns that keep a minute number unique in its committee's period."""
        meeting = self.meeting(meeting_id)
        scheme = self.committee(meeting.committee).numbering
        return {
            "committee": meeting.committee,
            "period": period_key(scheme.reset, meeting.date, meeting_id),
            "seq": sequence_of(scheme, number, meeting.date, item),
        }

    # -- live capture ------------------------------------------------------------------
    #
    # These are called on every change the secretary makes during a meeting, so each is
    # one short transaction: the change is committed before the call returns.

    def minute_for(self, meeting_id: int, item: int) -> Minute | None:
        """The minute of one agenda item, if anything has been recorded for it (read
        alone, not with the meeting's every minute)."""
        found = self._minutes_where("meeting_id = ? AND item = ?", [meeting_id, item])
        return found[0] if found else None

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

    def issue_minute_number(self, meeting_id: int, item: int) -> IssuedNumber:
        """The item's minute number, issued by the committee's scheme the first time the
        item is minuted and stable afterwards (docs/minutes.md).

        Numbers never repeat within a committee's numbering period (the schema holds
        them unique): each takes the place after the last one issued in the period. So
        a meeting minuted after a later one in the same period follows on from that
        later meeting's numbers, and the secretary is told."""
        with self.transaction():
            meeting = self._unlocked(meeting_id)
            minute_id = self._minute_id(meeting_id, item)
            rows = self._rows("SELECT number FROM minutes WHERE id = ?", [minute_id])
            if rows and rows[0]["number"]:
                return IssuedNumber(str(rows[0]["number"]))
            scheme = self.committee(meeting.committee).numbering
            period = period_key(scheme.reset, meeting.date, meeting_id)
            issued = self._rows(
                "SELECT minutes.number, minutes.seq, meetings.date FROM minutes "
                "JOIN meetings ON meetings.id = minutes.meeting_id "
                "WHERE minutes.committee = ? AND minutes.period = ? AND minutes.number IS NOT NULL",
                [meeting.committee, period],
            )
            taken = {str(r["number"]) for r in issued}
            seq = max((int(r["seq"] or 0) for r in issued), default=0) + 1
            number = format_minute_number(scheme, seq, meeting.date, item=item)
            if number in taken:
                raise Conflict(
                    f"the numbering scheme {scheme.template!r} gives {number} again in this "
                    "numbering period; give it {seq} or number per meeting (committee details)"
                )
            self.db.execute(
                "UPDATE minutes SET number = ?, committee = ?, period = ?, seq = ? WHERE id = ?",
                [number, meeting.committee, period, seq, minute_id],
            )
            mine = self._rows(
                "SELECT 1 FROM minutes WHERE meeting_id = ? AND number IS NOT NULL AND id != ?",
                [meeting_id, minute_id],
            )
            later = sorted(
                str(r["date"]) for r in issued if str(r["date"]) > meeting.date.isoformat()
            )
            after = ""
            if later and not mine:
                after = long_date(date.fromisoformat(later[-1]))
            return IssuedNumber(number, after)

    def add_decision(
        self,
        meeting_id: int,
        item: int,
        decision: Decision,
        at: str | None = None,
        recorded: str | None = None,
    ) -> Decision:
        """Add a numbered point to the item's decisions (it takes the next number), in
        its place in the timeline: recorded now, at `item`."""
        with self.transaction():
            self._unlocked(meeting_id)
            minute_id = self._minute_id(meeting_id, item)
            rows = self._rows(
                "SELECT MAX(position) AS p FROM decisions WHERE minute_id = ?", [minute_id]
            )
            position = int(rows[0]["p"] or 0) + 1
            cursor = self.db.execute(
                "INSERT INTO decisions (minute_id, position, verb, text, flag, vote) "
                "VALUES (:minute_id, :position, :verb, :text, :flag, :vote)",
                {"minute_id": minute_id, "position": position} | _decision_values(decision),
            )
            saved = decision.model_copy(update={"id": cursor.lastrowid, "position": position})
            self._add_events(
                meeting_id,
                [Event(kind=EventKind.DECIDED, item=item, ref=saved.id, at=at)],
                recorded,
            )
            return saved

    def edit_decision(self, decision: Decision, recorded: str | None = None) -> Decision:
        """Correct a decision's verb, text or Chair's action; it keeps its number and
        its place in the timeline, where what it said before is kept."""
        if decision.id is None:
            raise StoreError("the decision has not been saved yet")
        try:
            checked = Decision.model_validate(decision.model_dump())
        except ValidationError as error:
            raise StoreError("; ".join(error_lines(error))) from None
        with self.transaction():
            meeting_id, before = self._decision_owner(decision.id)
            self.db.execute(
                "UPDATE decisions SET verb = :verb, text = :text, flag = :flag, vote = :vote "
                "WHERE id = :id",
                _decision_values(checked) | {"id": decision.id},
            )
            self._correct(
                meeting_id,
                EventKind.EDITED,
                EventKind.DECIDED,
                decision.id,
                recorded,
                note=f"was: {before.verb.value}: {before.text}"
                + (" (Chair's action)" if before.chairs_action else ""),
            )
        return checked

    def _decision_owner(self, decision_id: int) -> tuple[int, Decision]:
        rows = self._rows(
            "SELECT minutes.meeting_id AS m, decisions.id, decisions.verb, decisions.text, "
            "decisions.flag, decisions.position, decisions.vote "
            "FROM decisions JOIN minutes ON minutes.id = decisions.minute_id "
            "WHERE decisions.id = ?",
            [decision_id],
        )
        if not rows:
            raise NotFound(f"there is no decision {decision_id}")
        meeting_id = int(rows[0].pop("m"))
        self._unlocked(meeting_id)
        return meeting_id, _decision(rows[0])

    def delete_decision(self, decision_id: int, at: str) -> None:
        """Delete a decision so that it can still be recovered."""
        self._set_decision_deleted(decision_id, at)

    def restore_decision(self, decision_id: int) -> None:
        self._set_decision_deleted(decision_id, None)

    def _set_decision_deleted(self, decision_id: int, at: str | None) -> None:
        with self.transaction():
            meeting_id, _ = self._decision_owner(decision_id)
            self.db.execute("UPDATE decisions SET deleted_at = ? WHERE id = ?", [at, decision_id])
            kind = EventKind.DELETED if at else EventKind.RESTORED
            self._correct(meeting_id, kind, EventKind.DECIDED, decision_id, at)

    def deleted_decisions(self, meeting_id: int) -> list[tuple[int, Decision]]:
        """Deleted decisions of a meeting with their item, newest first, to recover."""
        rows = self._rows(
            "SELECT decisions.id, decisions.verb, decisions.text, decisions.flag, "
            "decisions.position, decisions.vote, minutes.item "
            "FROM decisions "
            "JOIN minutes ON minutes.id = decisions.minute_id "
            "WHERE minutes.meeting_id = ? AND decisions.deleted_at IS NOT NULL "
            "ORDER BY decisions.deleted_at DESC",
            [meeting_id],
        )
        return [(int(r.pop("item")), _decision(r)) for r in rows]


def _minute_columns(row: dict[str, Any]) -> dict[str, Any]:
    """A minutes row without the columns that keep its number unique (not the model's)."""
    return {k: v for k, v in row.items() if k not in ("committee", "period", "seq")}
