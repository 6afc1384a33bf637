"""The minutes' lifecycle as stored: circulating them, approving them at a later meeting
(the approval minuted there, an amendment kept as a recorded correction), signing and
locking them, and the audit trail of changes made after circulation (docs/lifecycle.md).

The lock and the audit are the database's own (triggers of migration
0011_minutes_approval): these methods only take the steps; no path can change signed
minutes, and no change after circulation goes unrecorded."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from minutebook.domain import Committee, Decision, Meeting
from minutebook.domain.audit import AuditEntry
from minutebook.domain.base import Refused
from minutebook.domain.lifecycle import (
    Approval,
    approve,
    circulated,
    names_next_meeting,
    signed_mentions_problem,
)
from minutebook.domain.meeting import ItemKind
from minutebook.domain.timeline import Event, EventKind, Phase
from minutebook.store.base import StoreBase
from minutebook.store.errors import Conflict

if TYPE_CHECKING:
    from minutebook.store.minutes import IssuedNumber
from minutebook.store.rows import from_row, to_row


class LifecycleRepository(StoreBase):
    """Circulation, approval and signature of a meeting's minutes; their audit trail."""

    if TYPE_CHECKING:  # from the other repositories that `Store` joins with this one

        def committee(self, code: str) -> Committee: ...
        def meeting(self, meeting_id: int) -> Meeting: ...
        def meetings(self, code: str) -> list[Meeting]: ...
        def add_decision(
            self,
            meeting_id: int,
            item: int,
            decision: Decision,
            at: str | None = None,
            recorded: str | None = None,
        ) -> Decision: ...
        def issue_minute_number(self, meeting_id: int, item: int) -> IssuedNumber: ...

    def has_record(self, meeting_id: int) -> bool:
        """Whether anything of the meeting is recorded: minutes, attendance, events."""
        return any(
            self._rows(f"SELECT 1 FROM {table} WHERE meeting_id = ? LIMIT 1", [meeting_id])
            for table in ("minutes", "attendance", "timeline")
        )

    def circulate_minutes(self, meeting_id: int, on: date) -> Meeting:
        """Mark the meeting's draft minutes circulated on `on`; from then on every change
        to its record is kept in the audit trail."""
        with self.transaction():
            meeting = self.meeting(meeting_id)
            try:
                sent = circulated(meeting, on, has_record=self.has_record(meeting_id))
            except Refused as refused:
                raise Conflict(str(refused)) from None
            self._set_lifecycle(sent)
            return sent

    def approve_minutes(
        self,
        approval: Approval,
        decision: Decision,
        *,
        today: date,
        correction: str | None = None,
        recorded: str | None = None,
    ) -> Meeting:
        """Approve the minutes of `approval.meeting_id` at `approval.at_meeting_id`, in
        one change: the approval kept, `decision` minuted under the later meeting's item,
        the amendment (`correction`, the timeline's note) added to the earlier meeting's
        timeline as a recorded correction, then the earlier minutes signed, and so locked.
        Returns the earlier meeting as signed."""
        with self.transaction() as db:
            earlier = self.meeting(approval.meeting_id)
            later = self.meeting(approval.at_meeting_id)
            try:
                signed = approve(
                    earlier,
                    later,
                    approval,
                    today=today,
                    has_record=self.has_record(approval.meeting_id),
                )
            except Refused as refused:
                raise Conflict(str(refused)) from None
            if approval.item is None:
                raise Conflict(
                    "choose the item of the meeting under which the minutes are approved"
                )
            db.table("approvals").insert(to_row(approval, exclude={"id"}))
            self.add_decision(later.id or 0, approval.item, decision, recorded=recorded)
            # Minuted like any decision: the item takes its minute number now.
            self.issue_minute_number(later.id or 0, approval.item)
            if correction:
                at = recorded[11:16] if recorded and len(recorded) >= 16 else None
                self._add_events(
                    earlier.id or 0,
                    [Event(kind=EventKind.AMENDED, phase=Phase.END, note=correction, at=at)],
                    recorded,
                )
            self._set_lifecycle(signed)
            return signed

    def check_signed_mentions(self, current: Meeting | None, changed: Meeting | None) -> None:
        """Refuse a change to the committee's meetings (`current` changed to `changed`;
        None for a meeting added or deleted) that would change what signed minutes print
        of another meeting: their next meeting, the meeting that approved them
        (`lifecycle.signed_mentions_problem`). Called inside the change's transaction."""
        subject = changed or current
        if subject is None:
            return
        code = subject.committee
        meetings = self.meetings(code)
        headings: dict[int, list[str | None]] = {}
        kinds: dict[int, list[ItemKind | None]] = {}
        # Each minute's heading as printed (its own, else its item's title) and the kind
        # of the item it minutes: what `names_next_meeting` reads, as the minutes do.
        for row in self._rows(
            "SELECT n.meeting_id, COALESCE(n.heading, a.title) AS heading, a.kind "
            "FROM minutes n JOIN meetings m ON m.id = n.meeting_id "
            "LEFT JOIN agenda_items a ON a.meeting_id = n.meeting_id AND a.number = n.item "
            "WHERE m.committee = ? AND m.status = 'signed'",
            [code],
        ):
            headings.setdefault(row["meeting_id"], []).append(row["heading"])
            kind = ItemKind(row["kind"]) if row["kind"] in set(ItemKind) else None
            kinds.setdefault(row["meeting_id"], []).append(kind)
        style = self.committee(code).house_style
        names_next = {
            m.id
            for m in meetings
            if m.id is not None
            and m.is_locked
            and names_next_meeting(style, headings.get(m.id, []), kinds.get(m.id, []))
        }
        approvals = [
            from_row(Approval, row)
            for row in self._rows(
                "SELECT a.* FROM approvals a JOIN meetings m ON m.id = a.meeting_id "
                "WHERE m.committee = ?",
                [code],
            )
        ]
        problem = signed_mentions_problem(current, changed, meetings, approvals, names_next)
        if problem:
            raise Conflict(problem)

    def approval(self, meeting_id: int) -> Approval | None:
        """How the meeting's minutes were approved, if they were."""
        rows = self._rows("SELECT * FROM approvals WHERE meeting_id = ?", [meeting_id])
        return from_row(Approval, rows[0]) if rows else None

    def approvals_of(self, code: str) -> dict[int, Approval]:
        """How each of the committee's approved minutes were approved, by the id of
        their meeting (one query, for the list of its meetings)."""
        rows = self._rows(
            "SELECT approvals.* FROM approvals JOIN meetings ON meetings.id = approvals.meeting_id "
            "WHERE meetings.committee = ?",
            [code],
        )
        return {int(row["meeting_id"]): from_row(Approval, row) for row in rows}

    def approved_at(self, meeting_id: int) -> tuple[Approval | None, Meeting | None]:
        """How the meeting's minutes were approved and the later meeting that approved
        them; (None, None) until they are."""
        approval = self.approval(meeting_id)
        if approval is None:
            return None, None
        return approval, self.meeting(approval.at_meeting_id)

    def audit_trail(self, meeting_id: int) -> list[AuditEntry]:
        """Every change made to the meeting's record after its minutes were circulated,
        oldest first."""
        rows = self._rows(
            'SELECT id, meeting_id, "table", row, change, before, after, at FROM audit '
            "WHERE meeting_id = ? ORDER BY id",
            [meeting_id],
        )
        return [AuditEntry.model_validate(row) for row in rows]

    def _set_lifecycle(self, meeting: Meeting) -> None:
        values = to_row(meeting, exclude={"id"})
        self.db.execute(
            "UPDATE meetings SET status = ?, circulated_on = ?, approved_on = ?, signed_on = ? "
            "WHERE id = ?",
            [
                values["status"],
                values["circulated_on"],
                values["approved_on"],
                values["signed_on"],
                meeting.id,
            ],
        )
