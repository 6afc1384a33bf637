"""The minutes' lifecycle as the screens and the command line ask for it: circulate a
meeting's minutes, approve the previous minutes at a later meeting (with the defaults
the form offers), the lifecycle of each meeting, the audit trail (docs/lifecycle.md).

The rules are the domain's (`domain.lifecycle`); the store keeps the steps in one change
each and its database refuses any change to signed minutes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from pydantic import ValidationError

from minutebook.domain.audit import AuditEntry, AuditNames, AuditNote, audit_record
from minutebook.domain.base import Refused, error_lines, sentence
from minutebook.domain.dates import long_date
from minutebook.domain.lifecycle import (
    Approval,
    approval_problem,
    approval_words,
    chair_on,
    circulation_problem,
    correction_note,
    lifecycle_stage,
    lifecycle_words,
    minutes_item,
    previous_meeting,
)
from minutebook.domain.meeting import AgendaItem, Decision, Meeting
from minutebook.store.errors import StoreError

if TYPE_CHECKING:
    from minutebook.store import Store


@dataclass(frozen=True)
class ApprovalDefaults:
    """What the approval form offers at a meeting: the earlier meetings whose minutes
    may be approved there (the previous one first), the item, the Chair, the date."""

    candidates: tuple[Meeting, ...]
    item: AgendaItem | None
    chair: str | None
    signed_on: date


@dataclass(frozen=True)
class MeetingStage:
    """A meeting and where its minutes stand: the step with its date for a narrow
    column ("signed 20/09/2023"), every step in words ("signed 20/09/2023 (circulated
    26/06/2023, approved 20/09/2023)"), and how they were approved, once they were."""

    meeting: Meeting
    stage: str
    words: str
    approval: Approval | None
    approved_at: Meeting | None
    """The later meeting that approved the minutes."""


class MinutesLifecycle:
    """Circulation, approval, signature and audit of a committee's minutes."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def circulate(self, meeting_id: int, on: date) -> Meeting:
        """Mark the meeting's draft minutes circulated on `on`; Refused says why not."""
        try:
            return self.store.circulate_minutes(meeting_id, on)
        except StoreError as error:
            raise Refused(sentence(str(error))) from None

    def approval_defaults(self, meeting_id: int, today: date) -> ApprovalDefaults:
        """The form's defaults at the meeting `meeting_id`: the committee's previous
        meeting first among those whose minutes can be approved, its "minutes of the
        previous meeting" item, the committee's Chair, this meeting's date."""
        later = self.store.meeting(meeting_id)
        meetings = self.store.meetings(later.committee)
        previous = previous_meeting(meetings, later)
        open_ = [
            m
            for m in reversed(meetings)
            if m.id is not None
            and approval_problem(m, later, today=today, has_record=self.store.has_record(m.id))
            is None
        ]
        if previous in open_:
            open_.remove(previous)
            open_.insert(0, previous)
        chair = chair_on(self.store.membership(later.committee), later.date)
        return ApprovalDefaults(
            tuple(open_), minutes_item(self.store.agenda(meeting_id)), chair, later.date
        )

    def approve(
        self,
        meeting_id: int,
        earlier_id: int,
        *,
        item: int | None,
        amendment: str | None,
        chair: str,
        signed_on: date,
        today: date,
        recorded: str | None = None,
    ) -> Meeting:
        """Approve the minutes of `earlier_id` at `meeting_id`: minuted under `item` in
        the house style's words, the amendment kept as a correction of the earlier
        minutes, which are then signed and locked. Returns the earlier meeting, signed."""
        try:
            approval = Approval(
                meeting_id=earlier_id,
                at_meeting_id=meeting_id,
                item=item,
                amendment=amendment,
                chair=chair,
                signed_on=signed_on,
            )
        except ValidationError as error:
            raise Refused(f"The approval cannot be saved: {error_lines(error)[0]}") from None
        if item is None:
            raise Refused("choose the item under which the minutes are approved")
        try:
            earlier = self.store.meeting(earlier_id)
            committee = self.store.committee(earlier.committee)
            verb, text = approval_words(approval, earlier, committee)
            later = self.store.meeting(meeting_id)
            note = correction_note(approval, later) if approval.amendment else None
            return self.store.approve_minutes(
                approval,
                Decision(verb=verb, text=text),
                today=today,
                correction=note,
                recorded=recorded,
            )
        except StoreError as error:
            raise Refused(sentence(str(error))) from None

    def circulation_problem(self, meeting_id: int, on: date) -> str | None:
        """Why the meeting's minutes cannot be marked circulated on `on` (asked before
        an export that would circulate them, so that nothing is written); None if they
        can."""
        meeting = self.store.meeting(meeting_id)
        problem = circulation_problem(meeting, on, has_record=self.store.has_record(meeting_id))
        return sentence(problem) if problem else None

    def overview(self, code: str) -> list[MeetingStage]:
        """Each of the committee's meetings and where its minutes stand, oldest first:
        the one answer for the committee's meetings list and `minutebook meetings list`."""
        meetings = self.store.meetings(code)
        by_id = {m.id: m for m in meetings}
        approvals = self.store.approvals_of(code)  # one query, not one a meeting
        stages = []
        for meeting in meetings:
            approval = approvals.get(meeting.id or 0)
            approved_at = None
            if approval is not None:
                approved_at = by_id.get(approval.at_meeting_id) or self.store.meeting(
                    approval.at_meeting_id
                )
            stages.append(
                MeetingStage(
                    meeting,
                    lifecycle_stage(meeting),
                    lifecycle_words(meeting),
                    approval,
                    approved_at,
                )
            )
        return stages

    def audit_trail(self, meeting_id: int) -> list[AuditEntry]:
        return self.store.audit_trail(meeting_id)

    def audit_record(self, meeting_id: int) -> list[AuditNote]:
        """The audit trail in words, oldest first (`domain.audit.audit_record`): the
        meetings, people, seats, minutes and actions its rows refer to by id, named."""
        meeting = self.store.meeting(meeting_id)
        code = meeting.committee
        names = AuditNames(
            meetings={m.id: m.date for m in self.store.meetings(code) if m.id is not None},
            people={p.id: p.name for p in self.store.people()},
            seats={s.id: s.title for s in self.store.seats(code)},
            minutes={
                m.id: (m.number, m.item) for m in self.store.minutes(meeting_id) if m.id is not None
            },
            actions={
                a.id: a.number
                for a in self.store.actions(code)
                if a.id is not None and a.number is not None
            },
        )
        return audit_record(self.audit_trail(meeting_id), names)

    def describe(self, meeting: Meeting) -> str:
        """The meeting and where its minutes stand, for a screen's line."""
        return f"{long_date(meeting.date)}: minutes {lifecycle_words(meeting)}"
