"""Everything the exporters need for one meeting, gathered once from the store.

Exporters never open the database: they receive this immutable snapshot
(docs/architecture.md) and turn it into Word documents.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cached_property

from minutebook.domain.actions import Action
from minutebook.domain.base import DerivingModel
from minutebook.domain.bodies import Resolution, exclusion_wording, resolution
from minutebook.domain.committee import Membership, Person, RagPalette, Seat
from minutebook.domain.confidentiality import is_confidential
from minutebook.domain.lifecycle import Approval, SignOff, sign_off
from minutebook.domain.meeting import Meeting, MeetingRecord
from minutebook.domain.meeting_quorum import MeetingQuorum, Period
from minutebook.domain.quorum import TermsOfReference
from minutebook.domain.rag import scheme_for
from minutebook.domain.reviews import ActionReview, matters_arising_words, tracker_name


class MinutesSnapshot(DerivingModel):
    """A meeting with its committee, everyone it names, its actions, its ToR and, once
    its minutes are approved, their approval."""

    membership: Membership
    people: tuple[Person, ...] = ()  # everyone the record names, officers included
    record: MeetingRecord
    actions: tuple[Action, ...] = ()  # the actions agreed at this meeting
    confidential: frozenset[tuple[int, int]] = frozenset()
    """(meeting id, item) of the committee's confidential items: what is recorded under
    them stays out of public documents (`domain.confidentiality`)."""
    terms: TermsOfReference | None = None  # the version in force on the meeting's date
    next_meeting: Meeting | None = None
    approval: Approval | None = None  # how the minutes were approved, once they are
    approved_at: Meeting | None = None  # the later meeting that approved them
    reviewed: tuple[tuple[Action, ActionReview], ...] = ()
    """This meeting's reviews of actions from earlier meetings (matters arising), each
    with the action as it stands after the review."""

    def arising_words(self, item: int) -> str:
        """What the minute of `item` says of the actions reviewed under it ("" if none
        were): `arising_words`, below."""
        return arising_words(self.reviewed, self.membership.committee.rag_palette, item)

    @cached_property
    def sign_off(self) -> SignOff:
        """How the minutes end: the Chair's signature once approved, blank until then
        (`domain.lifecycle.sign_off`)."""
        return sign_off(self.record.meeting, self.approval, self.approved_at, self.membership)

    @cached_property
    def exclusion(self) -> Resolution:
        """The resolution excluding the press and public that the minutes print before
        the first confidential item (docs/confidentiality.md): the committee's wording for
        its kind of body (`domain.bodies`), naming the meeting's confidential items (by
        their minute numbers where every one has one) and their Schedule 12A paragraphs."""
        committee = self.membership.committee
        items = [item for item in self.record.agenda if item.confidential]
        numbers = {m.item: m.number for m in self.record.minutes if m.number}
        if not all(item.number in numbers for item in items):
            numbers = {}
        wording = exclusion_wording(committee.body_type, committee.exclusion_wording)
        return resolution(wording, sorted(items, key=lambda i: i.number), numbers)

    def person(self, person_id: str) -> Person | None:
        return next((p for p in self.people if p.id == person_id), None)

    @cached_property
    def quorum(self) -> MeetingQuorum:
        """The quorum through the meeting: the one answer every exporter words."""
        return MeetingQuorum(
            self.record, self.terms, self.membership.seats, self.membership.organisations
        )

    def periods(self, *, public: bool) -> tuple[Period, ...]:
        """The inquorate periods a document may word: a public one leaves out a period
        that began under confidential business (docs/confidentiality.md); its start,
        its end and what became of its items are in the confidential minutes."""
        periods = self.quorum.periods()
        if not public:
            return periods
        return tuple(p for p in periods if not self.is_confidential(p.placed_item))

    def is_confidential(self, item: int | None) -> bool:
        """Whether business at this item of the meeting is confidential."""
        found = self.record.item(item) if item is not None else None
        return (found is not None and found.confidential) or is_confidential(
            self.record.meeting.id, item, self.confidential
        )


def arising_words(
    reviewed: Sequence[tuple[Action, ActionReview]], palette: RagPalette, item: int | None
) -> str:
    """What the minute of `item` says of a meeting's reviews of the actions taken under
    it ("" if none were; every review when `item` is None): `reviews.matters_arising_words`
    in the committee's key. The one answer for the Word minutes, the meeting screen's
    Minutes tab and live capture's item (`MattersArising.minutes_words`)."""
    here = [(a, r) for a, r in reviewed if item is None or r.item == item]
    return matters_arising_words(here, scheme_for(palette), tracker_name(palette))


def people_named(
    record: MeetingRecord,
    actions: Iterable[Action] = (),
    reviewed: Iterable[tuple[Action, ActionReview]] = (),
    seats: Iterable[Seat] = (),
) -> set[str]:
    """The ids of everyone a meeting's record names: who attended, came and went,
    declared, voted, proposed or seconded, who owns the `actions` agreed and the actions
    `reviewed` at it (before and after a reassignment), and who holds the `seats` or is
    named as their deputy. A screen or an export of the meeting reads these people, not
    the whole file's."""
    named = {s.holder for s in seats if s.holder} | {d for s in seats for d in s.named_deputies}
    named |= {row.person for row in record.attendance}
    named |= {d.person for d in record.declarations}
    named |= {e.person for e in record.events if e.person}
    for minute in record.minutes:
        for decision in minute.decisions:
            vote = decision.vote
            if vote is not None:
                named |= {v.person for v in vote.named}
                named |= {p for p in (vote.proposer, vote.seconder) if p}
    named |= {a.owner for a in actions}
    for action, review in reviewed:
        named.add(action.owner)
        if review.owner:
            named.add(review.owner)
        if review.before is not None and review.before.owner:
            named.add(review.before.owner)
    return named
