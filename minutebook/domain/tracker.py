"""The action tracker presented to a meeting (docs/actions.md, "The tracker presented to a
meeting").

A tracker is always presented *to a meeting*, never dated by the day it happens to be
printed: its year, its date and every position in it are as at that meeting.

- **Which meeting**: the one asked for, which must be one of the committee's meetings;
  by default the committee's next meeting (the first dated today or later, else its
  latest).
- **Which actions**: those agreed at earlier meetings, each as it stood before that
  meeting's reviews, with the positions reported before that day
  (`reviews.as_presented`); actions closed before the tracker's year began are left off.
- **Its year**: a council's municipal year (from May), an NHS body's financial year
  (from April), or the committee's own numbering year where that runs from April or May.
- **Under each subject** (seed 001's Decision Tracker) an action that carries out one of
  its minute's resolutions keeps that resolution's number ("2. Agreed, the
  recommendation ..."); the others are numbered on from there.
- **The lead officer** is named with their post on the committee, without their
  organisation's name ("Michael Bracey", "Chief Executive").
- **The RAG shown** is `rag.shown_rag`'s, except that an action with no deadline, no
  RAG agreed and nothing reported (the status it is agreed with, not yet due) shows none:
  without a deadline "not yet due" says nothing (seed 003's action 1).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from minutebook.domain.actions import Action, ActionStatus
from minutebook.domain.base import Refused
from minutebook.domain.committee import (
    Committee,
    Membership,
    NumberingReset,
    Person,
    RagPalette,
)
from minutebook.domain.meeting import Meeting
from minutebook.domain.numbering import period_start
from minutebook.domain.rag import RagScheme, ShownRag, scheme_for, shown_rag
from minutebook.domain.reviews import ActionReview, as_presented, tracker_name

Resolutions = Mapping[tuple[int, int], Sequence[str]]
"""(meeting id, agenda number) -> the texts of the resolutions minuted there, in order."""


@dataclass(frozen=True)
class Lead:
    """Whom the tracker names for an action: the person's full name and their post."""

    name: str
    post: str | None = None


@dataclass(frozen=True)
class Tracker:
    """A committee's tracker as presented to one of its meetings: what an exporter
    words, every question already answered."""

    committee: Committee
    meeting: Meeting
    actions: tuple[Action, ...]
    """Agreed before the meeting, as presented to it (`presented`), oldest first."""
    confidential: frozenset[tuple[int, int]]
    """The committee's confidential items (no default: left out, a public tracker would
    show every action)."""
    leads: Mapping[str, Lead] = field(default_factory=dict)
    numbers: Mapping[int, int] = field(default_factory=dict)
    """Action id -> its number under its subject (`subject_numbers`)."""

    @property
    def scheme(self) -> RagScheme:
        return scheme_for(self.committee.rag_palette)

    @property
    def name(self) -> str:
        """What the committee calls it, Decision or Action Tracker (`reviews.tracker_name`)."""
        return tracker_name(self.committee.rag_palette)

    @property
    def year(self) -> str:
        """The year in the title, "2023/24" (`tracker_year`)."""
        return year_label(tracker_year(self.committee, self.meeting.date))

    def lead(self, person_id: str) -> Lead:
        return self.leads.get(person_id) or Lead(person_id)


def tracker_year(committee: Committee, day: date) -> date:
    """The first day of the year a tracker presented on `day` belongs to: the
    committee's numbering year where it runs from April or May, else a council's
    municipal year (from May) or an NHS body's financial year (from April)."""
    reset = committee.numbering.reset
    if reset not in (NumberingReset.FINANCIAL_YEAR, NumberingReset.MUNICIPAL_YEAR):
        council = committee.rag_palette is RagPalette.COUNCIL
        reset = NumberingReset.MUNICIPAL_YEAR if council else NumberingReset.FINANCIAL_YEAR
    start = period_start(reset, day)
    assert start is not None  # a financial or municipal year always has a start
    return start


def year_label(start: date) -> str:
    return f"{start.year}/{(start.year + 1) % 100:02d}"


def presented(
    actions: Iterable[Action], reviews: Mapping[int, Sequence[ActionReview]], day: date, since: date
) -> tuple[Action, ...]:
    """The actions of a tracker presented to a meeting on `day`: those agreed at an
    earlier meeting, each as it stood before that meeting's reviews
    (`reviews.as_presented`), leaving out those closed before `since` (the start of the
    tracker's year); oldest first."""
    shown = []
    for action in actions:
        if action.meeting_date >= day:
            continue
        action = as_presented(action, reviews.get(action.id or 0, ()), day)
        if action.closed_on is not None and action.closed_on < since:
            continue
        shown.append(action)
    return tuple(sorted(shown, key=lambda a: (a.meeting_date, a.number or 0, a.id or 0)))


def coming_meeting(meetings: Sequence[Meeting], today: date) -> Meeting | None:
    """The committee's next meeting from `today`: the first dated today or later (None:
    none is arranged)."""
    return next((m for m in sorted(meetings, key=lambda m: m.date) if m.date >= today), None)


def next_meeting(meetings: Sequence[Meeting], today: date) -> Meeting | None:
    """The meeting a tracker is for unless another is named: the coming meeting
    (`coming_meeting`), else the latest (None: the committee has no meetings)."""
    latest = max(meetings, key=lambda m: m.date, default=None)
    return coming_meeting(meetings, today) or latest


def meeting_for(meetings: Sequence[Meeting], day: date | None, today: date, code: str) -> Meeting:
    """The meeting a tracker is presented to: the one on `day`, else the next meeting
    (`next_meeting`). Refused, naming the nearest dates, when the committee has no
    meeting that day."""
    if not meetings:
        raise Refused(
            f"the {code} has no meetings yet: a tracker is presented to a meeting, so add "
            "that meeting first"
        )
    if day is None:
        found = next_meeting(meetings, today)
        assert found is not None  # there are meetings
        return found
    match = next((m for m in meetings if m.date == day), None)
    if match is not None:
        return match
    dates = sorted({m.date for m in meetings})
    at = bisect_left(dates, day)
    nearest = " and ".join(f"{d:%d/%m/%Y}" for d in dates[max(at - 1, 0) : at + 1])
    verb = "are" if " and " in nearest else "is"
    raise Refused(f"the {code} has no meeting on {day:%d/%m/%Y}; the nearest {verb} {nearest}")


def subject_numbers(actions: Sequence[Action], resolutions: Resolutions) -> dict[int, int]:
    """Each action's number under its subject (seed 001's Decision Tracker: "2. Agreed,
    the recommendation ..."): an action whose words are one of its minute's resolutions
    keeps that resolution's number; the others of the subject are numbered on after the
    highest number used. Actions without an id are left out."""
    numbers: dict[int, int] = {}
    for group in subjects(actions):
        used: set[int] = set()
        unmatched = []
        for action in group:
            texts = resolutions.get((action.meeting_id or 0, action.item or 0), ())
            number = _resolution_number(action.description, texts, used)
            if number is None:
                unmatched.append(action)
            else:
                used.add(number)
                if action.id is not None:
                    numbers[action.id] = number
        following = max(used, default=0)
        for action in unmatched:
            following += 1
            if action.id is not None:
                numbers[action.id] = following
    return numbers


def _resolution_number(text: str, resolutions: Sequence[str], used: set[int]) -> int | None:
    wanted = " ".join(text.split()).casefold()
    for number, resolution in enumerate(resolutions, start=1):
        if number not in used and " ".join(resolution.split()).casefold() == wanted:
            return number
    return None


def subject_key(action: Action) -> tuple[date, str, str]:
    """Actions under one subject: agreed at one meeting, under one minute and title."""
    return (action.meeting_date, action.minute or "", (action.item_title or "").casefold())


def subjects(actions: Sequence[Action]) -> list[list[Action]]:
    """The actions (in the order given) in runs under one subject (`subject_key`)."""
    groups: list[list[Action]] = []
    for action in actions:
        if groups and subject_key(groups[-1][-1]) == subject_key(action):
            groups[-1].append(action)
        else:
            groups.append([action])
    return groups


def leads(people: Iterable[Person], membership: Membership | None, day: date) -> dict[str, Lead]:
    """Each person's name and post as a tracker presented on `day` names them: the
    title of the seat they hold on the committee that day, without their organisation's
    name ("Chief Executive, Milton Keynes City Council" -> "Chief Executive")."""
    posts: dict[str, str] = {}
    if membership is not None:
        for seat in membership.seats:
            if seat.holder is None or seat.holder in posts or not seat.in_post_on(day):
                continue
            organisation = membership.organisation(seat.org) if seat.org else None
            posts[seat.holder] = _without(seat.title, organisation.name if organisation else "")
    return {p.id: Lead(p.name, posts.get(p.id)) for p in people}


def _without(title: str, organisation: str) -> str:
    if organisation:
        for joint in (", ", " of ", " - "):
            if title.endswith(joint + organisation):
                return title[: -len(joint + organisation)].strip() or title
            if title.startswith(organisation + joint):
                return title[len(organisation + joint) :].strip() or title
    return title


def tracker_rag(scheme: RagScheme, action: Action, label: str) -> ShownRag | None:
    """The RAG a tracker shows for an action: `rag.shown_rag`, but nothing at all (None)
    for an action with no deadline, no RAG agreed and nothing reported (seed 003's
    action 1)."""
    if action.due is None and action.rag is None and action.status is ActionStatus.NOT_YET_DUE:
        return None
    return shown_rag(scheme, action.status, action.rag, label)
