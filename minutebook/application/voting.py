"""The vote on a decision as the live decision form gives it: the numbers typed, the
proposer, seconder and Chair's casting vote chosen, read into a `Vote` and checked
against who may vote at the item (`domain.voters`) before anything is stored."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from minutebook.domain.base import Refused, error_lines
from minutebook.domain.meeting import Decision
from minutebook.domain.register import filed_name, surname_forename
from minutebook.domain.voters import Voters, check_vote, voters_at
from minutebook.domain.votes import Choice, MemberVote, Vote, minute_sentences

if TYPE_CHECKING:
    from minutebook.application.capture import MeetingCapture

COUNT_FIELDS = (
    ("in_favour", "Votes for"),
    ("against", "Votes against"),
    ("abstentions", "Abstentions"),
)
"""The form's number fields, and the labels a message names them by."""

NAMED_LABELS = {
    "for": Choice.FOR,
    "against": Choice.AGAINST,
    "abstained": Choice.ABSTAIN,
    "abstain": Choice.ABSTAIN,
    "abstentions": Choice.ABSTAIN,
    "abstaining": Choice.ABSTAIN,
}
"""How a named vote's groups are headed, as the minutes print them ("For: A, B; Against:
C; Abstained: D") and as secretaries type them."""

CASTING_CHOICES = [
    ("for the motion", Choice.FOR.value),
    ("against the motion", Choice.AGAINST.value),
]


def voters(capture: MeetingCapture, item: int, decision: Decision | None = None) -> Voters:
    """Who may vote at `item`: where `decision` stands in the timeline (one being
    corrected), else where a decision recorded there next would stand."""
    quorum = capture.quorum
    at = (
        quorum.decision_position(decision, item)
        if decision is not None
        else quorum.timeline.now_at(item)
    )
    organisations = capture.store.organisations(capture.meeting.committee)
    present = quorum.present_at(at)
    return voters_at(capture.record, capture.terms, capture.seats, organisations, item, present)


def voter_choices(
    capture: MeetingCapture, item: int, decision: Decision | None = None
) -> list[tuple[str, str]]:
    """Those who may propose or second a motion at `item` (where `decision` stands),
    by surname as the register files people ("Dr Omotayo Kufeji" under K, not D)."""

    def filed(person: str) -> tuple[str, str]:
        found = capture.people.get(person)
        return (filed_name(found.name, found.honorific) if found else person).casefold(), person

    entitled = sorted(voters(capture, item, decision).entitled, key=filed)
    return [(capture.name(p), p) for p in entitled]


def form_values(capture: MeetingCapture, vote: Vote | None) -> dict[str, str]:
    """A stored vote as the form shows it, to be corrected: the numbers given, the
    proposer, seconder and casting vote, and a named vote typed as the minutes print it
    ("For: Ann Lee, Bob Hart; Against: Cy Dunn"), each by the full name `named_vote`
    reads back."""
    if vote is None:
        return {}
    values = {key: str(getattr(vote, key)) for key, _ in COUNT_FIELDS if vote.counted}
    values |= {"proposer": vote.proposer or "", "seconder": vote.seconder or ""}
    values["casting"] = vote.casting.value if vote.casting else ""

    def full(person: str) -> str:
        found = capture.people.get(person)
        return found.name if found else person

    if vote.named:  # the minutes' own line, which `named_vote` reads back
        values["named"] = minute_sentences(Vote(named=vote.named), full)[-1]
    return values


def vote_from(
    capture: MeetingCapture,
    item: int,
    values: Mapping[str, Any],
    decision: Decision | None = None,
) -> Vote | None:
    """The vote the form gives, checked against who may vote at `item` (where
    `decision`, one being corrected, stands); None when none of its fields was filled
    in. `Refused`, naming the field or the item and the numbers, when it cannot stand."""
    counts: dict[str, int] = {}
    for key, label in COUNT_FIELDS:
        typed = str(values.get(key) or "").strip()
        if not typed:
            continue
        if not typed.isdecimal():
            raise Refused(f"{label}: a number of votes, such as 7 (not {typed!r})")
        counts[key] = int(typed)
    people = {key: values.get(key) or None for key in ("proposer", "seconder", "casting")}
    typed = str(values.get("named") or "").strip()
    if not counts and not any(people.values()) and not typed:
        return None
    entitled = voters(capture, item, decision)
    named = named_vote(capture, typed, entitled, item) if typed else ()
    try:
        vote = Vote.model_validate(counts | people | {"named": named})
    except ValidationError as error:
        raise Refused("; ".join(error_lines(error))) from None
    check_vote(vote, entitled, f"item {item}", capture.name)
    return vote


def named_vote(
    capture: MeetingCapture, typed: str, entitled: Voters, item: int
) -> tuple[MemberVote, ...]:
    """A named vote as typed, "For: Marland, Hopkins; Against: Bradburn.", each name
    found among those who may vote at the item (by full name, the name the minutes
    print, or surname alone where only one has it: `register.surname_forename`'s, so
    "Smith" for "Tony Smith OBE" and "van der Berg", as the form's example gives them)."""
    found: list[MemberVote] = []
    # The minutes end the line with a full stop (`votes.minute_sentences`): a line
    # copied from them is read as typed without it.
    typed = typed.strip().removesuffix(".")
    for group in (g.strip() for g in typed.replace("\n", ";").split(";")):
        if not group:
            continue
        head, colon, names = group.partition(":")
        choice = NAMED_LABELS.get(head.strip().lower())
        if not colon or choice is None:
            raise Refused(
                f"Named vote: {group!r} should start For:, Against: or Abstained: "
                "(For: Marland, Hopkins; Against: Bradburn)"
            )
        for typed_name in (n.strip() for n in names.split(",")):
            if typed_name:
                person = _voter(capture, typed_name, entitled, item)
                found.append(MemberVote(person=person, choice=choice))
    return tuple(found)


def _voter(capture: MeetingCapture, typed: str, entitled: Voters, item: int) -> str:
    wanted = " ".join(typed.lower().split())
    matches = []
    for key in entitled.entitled:
        person = capture.people.get(key)
        names = {key.lower()}
        if person is not None:
            names |= {person.name.lower(), person.minutes_name.lower()}
            surname = surname_forename(person.name, person.honorific)[0]
            names |= {person.display_name.lower(), surname.lower()}
            names.add(person.name.split()[-1].lower())  # the last word, as before
        if wanted in names:
            matches.append(key)
    if len(matches) == 1:
        return matches[0]
    if matches:
        who = ", ".join(capture.name(p) for p in matches)
        raise Refused(f"Named vote: {typed!r} could be {who}: give the full name")
    raise Refused(f"Named vote: no one who may vote at item {item} is called {typed!r}")
