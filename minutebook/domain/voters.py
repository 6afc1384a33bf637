"""Who may vote at an item of a meeting, and the refusal of a vote that more members
cast than may vote there (docs/minutes.md, "Votes").

Who may vote is the quorum engine's count run with the voting rules of the terms of
reference, not worked out again: present where the decision stands in the timeline
(`MeetingQuorum.present_at`), holding a voting seat, a deputy only where the ToR lets
deputies vote (and their principal is away), attending remotely only where remote
attendance counts; and never someone the Chair ruled must leave or take no part for an
interest declared on the item, even where the ToR deems them present for the quorum.

Only the Chair has a casting vote, as UK standing orders give it (Local Government Act
1972 Sch 12 para 39(2); NHS boards' model standing orders say the same): the person
presiding may vote once as a member, and on an equality of votes give a second, casting
vote. Who presides is the Chair when the Chair may vote at the item, else the
Vice-Chair (the Chair away, or out of the room for an interest).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from minutebook.domain.base import Refused
from minutebook.domain.committee import Organisation, Seat
from minutebook.domain.meeting import Capacity, MeetingRecord
from minutebook.domain.quorum import (
    ConflictEffect,
    ConflictPolicy,
    CountNode,
    CountSpec,
    Policies,
    QuorumRule,
    TermsOfReference,
    WhoCounts,
)
from minutebook.domain.quorum_engine import Exclusion, QuorumEngine
from minutebook.domain.votes import Vote, plural


@dataclass(frozen=True)
class Voters:
    """Who may vote at one point of a meeting, and why each other person present may not."""

    item: int
    entitled: tuple[str, ...]
    not_entitled: tuple[Exclusion, ...]
    chairs: tuple[str, ...] = ()
    """Who holds the Chair's seat, then the Vice-Chair's, whether here or not."""

    @property
    def presiding(self) -> str | None:
        """Who has the casting vote here: the Chair if they may vote at the item, else
        the Vice-Chair; None when neither may."""
        return next((p for p in self.chairs if p in self.entitled), None)

    def reason(self, person: str) -> str:
        """Why `person` may not vote here; "" if they may."""
        if person in self.entitled:
            return ""
        found = next((e.reason for e in self.not_entitled if e.person == person), None)
        return found or f"not present at item {self.item}"


def voting_policies(terms: TermsOfReference | None) -> Policies:
    """The ToR's policies as they bear on voting: only voting members; deputies only
    where they may vote; every conflict ruling that takes someone out of the decision
    excludes them, whether or not the quorum deems them present."""
    policies = terms.quorum.policies if terms is not None else Policies()
    deputies = policies.deputies.model_copy(update={"counts": policies.deputies.may_vote})
    return policies.model_copy(
        update={
            "counting": policies.counting.model_copy(
                update={"who_counts": WhoCounts.VOTING_MEMBERS}
            ),
            "deputies": deputies,
            "conflicts": ConflictPolicy(
                effect=ConflictEffect.EXCLUDE, trigger_rulings=("leave", "no_vote")
            ),
        }
    )


def voters_at(
    record: MeetingRecord,
    terms: TermsOfReference | None,
    seats: Sequence[Seat],
    organisations: Sequence[Organisation],
    item: int,
    present: frozenset[str],
) -> Voters:
    """Who may vote at `item`, among those `present` where the decision stands in its
    timeline (as `MeetingQuorum.present_at` gives them)."""
    rule = QuorumRule(
        requirement=CountNode(count=CountSpec(min=1)), policies=voting_policies(terms)
    )
    engine = QuorumEngine(rule, seats, organisations, record.meeting.date)
    rows = [a for a in record.attendance if a.person in present]
    declared = [d for d in record.declarations if d.item == item and d.person in present]
    verdict = engine.evaluate(rows, declared, item)
    return Voters(item, verdict.counted, verdict.excluded, chairs_of(record, seats))


CHAIR_TAGS = ("chair", "vice_chair")
"""The offices that preside, in order: a deputy never inherits them (`Deputies`)."""


def chairs_of(record: MeetingRecord, seats: Sequence[Seat]) -> tuple[str, ...]:
    """Who holds the Chair's seat, then the Vice-Chair's, at this meeting: a member's
    attendance row names the seats they hold; a holder not on the list is the seat's."""
    members = {a.person: a.seats for a in record.attendance if a.capacity is Capacity.MEMBER}
    found: list[str] = []
    for tag in CHAIR_TAGS:
        for seat in seats:
            if tag not in seat.tags:
                continue
            holders = [p for p, held in members.items() if seat.id in held]
            holders = holders or ([seat.holder] if seat.holder else [])
            found += [p for p in holders if p not in found]
    return tuple(found)


def check_vote(vote: Vote, voters: Voters, item_label: str, name: Callable[[str], str]) -> None:
    """Refuse a vote that more members cast than may vote, or that names someone who
    may not vote (or propose, or second) at the item; the message names the item and
    the numbers: "7 for, 3 against and 2 abstentions is 12 votes; only 10 members present
    at item 6 may vote"."""
    may = len(voters.entitled)
    if vote.votes > may:
        for_, against, abstaining = vote.totals
        raise Refused(
            f"{for_} for, {against} against and "
            f"{plural(abstaining, 'abstention', 'abstentions')} is {vote.votes} votes; "
            f"only {plural(may, 'member', 'members')} present at {item_label} may vote"
        )
    roles: list[tuple[str, str | None]] = [("vote", v.person) for v in vote.named]
    roles += [("propose the motion", vote.proposer), ("second the motion", vote.seconder)]
    for role, person in roles:
        if person is not None and (reason := voters.reason(person)):
            raise Refused(f"{name(person)} may not {role} at {item_label}: {reason}")
    if vote.casting is not None:
        check_casting(voters, item_label, name)


def check_casting(voters: Voters, item_label: str, name: Callable[[str], str]) -> None:
    """Refuse a casting vote where no Chair presides: neither the Chair nor the
    Vice-Chair may vote at the item. (The Chair's own vote as a member, in the numbers
    or the named vote, is counted like anyone's; the casting vote is a second vote,
    never added to the numbers, and given only on an equality: `Vote`.)"""
    if voters.presiding is not None:
        return
    if not voters.chairs:
        raise Refused(
            "Casting vote: only the Chair has one, and no seat of the committee is "
            "tagged chair (tag the Chair's seat on the member form)"
        )
    why = "; ".join(f"{name(p)}: {voters.reason(p)}" for p in voters.chairs)
    raise Refused(
        f"Casting vote: only the Chair has one, and no Chair or Vice-Chair may vote at "
        f"{item_label} ({why})"
    )
