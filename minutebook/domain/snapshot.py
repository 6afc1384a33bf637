"""Everything the exporters need for one meeting, gathered once from the store.

Exporters never open the database: they receive this immutable snapshot (DOMAIN.md,
ARCHITECTURE.md) and turn it into Word documents.
"""

from __future__ import annotations

from pydantic import Field

from minutebook.domain.actions import Action
from minutebook.domain.base import DomainModel
from minutebook.domain.committee import Membership, Person
from minutebook.domain.meeting import Meeting, MeetingRecord
from minutebook.domain.quorum import TermsOfReference


class MinutesSnapshot(DomainModel):
    """A meeting with its committee, everyone it names, its actions and its ToR."""

    membership: Membership
    people: tuple[Person, ...] = ()  # everyone the record names, officers included
    record: MeetingRecord
    actions: tuple[Action, ...] = ()  # the actions agreed at this meeting
    open_actions: tuple[Action, ...] = Field(default=())  # the committee's tracker
    terms: TermsOfReference | None = None  # the version in force on the meeting's date
    next_meeting: Meeting | None = None

    def person(self, person_id: str) -> Person | None:
        return next((p for p in self.people if p.id == person_id), None)
