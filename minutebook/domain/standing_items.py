"""A committee's standing items and the agenda of its next meeting (docs/agenda.md).

Every meeting of a committee opens and closes with the same items: welcome and
apologies, declarations of interest, the minutes of the previous meeting, matters
arising or the action tracker; any other business and the date of the next meeting.
Each committee keeps its own list (title, wording, purpose, lead, and whether it opens
or closes the meeting), starting from its house style's, taken from the seed papers:
seed 001's agenda of 20 September 2023 (council) and seed 003's Board agenda of 29 July
2022 (NHS).

A new meeting's agenda is the opening items, then the items deferred at the last
meeting that the secretary carries forward, then the closing items, numbered from 1.
A wording's "{previous}" is the previous meeting's date ("the Minutes of the meeting
held on 13 June 2023").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pydantic import Field, field_validator

from minutebook.domain.base import DomainModel, Name, OptionalName, Refused, blank_to_none
from minutebook.domain.committee import HouseStyle
from minutebook.domain.dates import long_date
from minutebook.domain.meeting import (
    AgendaItem,
    DecisionVerb,
    ItemKind,
    ItemPlace,
    Meeting,
    MeetingRecord,
    Purpose,
)

PREVIOUS = "{previous}"
"""The placeholder a wording may hold for the previous meeting's date."""

NO_PREVIOUS = "[the date of the previous meeting]"
"""What stands for that date when the committee has no earlier meeting in Minutebook
(its earlier minutes were kept elsewhere): left for the secretary to fill in."""

ONE_EACH = (ItemKind.MINUTES, ItemKind.MATTERS_ARISING)
"""Kinds a committee has at most one of: live capture offers the approval of the
previous minutes, and the review of open actions, at that one item."""

COUNCIL_URGENT_BUSINESS = (
    "To consider any other business which the Chair is of the opinion should be "
    "considered as a matter of urgency."
)
"""The council list's any other business: a council committee takes business not on
its published agenda only when the Chair rules it urgent, for special circumstances
the minutes record (Local Government Act 1972, s100B(4)(b))."""

_PLACEHOLDER = re.compile(r"\{[^{}]*\}")

KIND_WORDS: dict[ItemKind, str] = {
    ItemKind.WELCOME: "welcome and apologies",
    ItemKind.DECLARATIONS: "declarations of interest",
    ItemKind.MINUTES: "minutes of the previous meeting",
    ItemKind.MATTERS_ARISING: "matters arising / action tracker",
    ItemKind.ANY_OTHER_BUSINESS: "any other business",
    ItemKind.NEXT_MEETING: "date of next meeting",
    ItemKind.OTHER: "other",
}
"""Each kind as forms and lists name it."""


class StandingItem(DomainModel):
    """One item the committee takes at every meeting."""

    title: Name
    description: str | None = Field(default=None, max_length=2000)
    """The wording under the title on the agenda; "{previous}" is filled in with the
    previous meeting's date."""
    kind: ItemKind = ItemKind.OTHER
    place: ItemPlace = ItemPlace.OPENING
    purpose: Purpose = Purpose.INFORMATION
    lead: OptionalName = None

    _blank = field_validator("description", "lead", mode="before")(blank_to_none)

    @field_validator("description")
    @classmethod
    def _known_placeholders(cls, value: str | None) -> str | None:
        # A misspelt placeholder ("{previos}") would be printed on the agenda as typed.
        for found in _PLACEHOLDER.findall(value or ""):
            if found != PREVIOUS:
                raise ValueError(
                    f"{found} is not something Minutebook fills in; write {PREVIOUS} for "
                    "the previous meeting's date"
                )
        return value

    def agenda_item(self, previous: Meeting | None) -> AgendaItem:
        """This item on the agenda of the meeting after `previous` (numbered later)."""
        held = long_date(previous.date) if previous is not None else NO_PREVIOUS
        description = self.description.replace(PREVIOUS, held) if self.description else None
        return AgendaItem(
            number=1,
            title=self.title,
            lead=self.lead,
            purpose=self.purpose,
            kind=self.kind,
            place=self.place,
            description=description,
        )


def checked(items: Sequence[StandingItem]) -> tuple[StandingItem, ...]:
    """A committee's list in agenda order (opening items, then closing ones, each in the
    order given), or Refused: two items of a kind it can have only one of."""
    for kind in ONE_EACH:
        titles = [item.title for item in items if item.kind is kind]
        if len(titles) > 1:
            raise Refused(
                f"{titles[0]!r} and {titles[1]!r} are both the {KIND_WORDS[kind]} item; "
                "a committee has one (choose another kind for the other)"
            )
    return tuple(item for place in ItemPlace for item in items if item.place is place)


def default_standing_items(style: HouseStyle) -> tuple[StandingItem, ...]:
    """The standing items a committee of this house style starts with: seed 001's
    agenda of 20 September 2023 for the council style, seed 003's Board agenda of
    29 July 2022 for the NHS style, in their words.

    Both close with any other business before the date of the next meeting. Seed 001's
    agenda has no such item (a council committee takes only the business on its
    published agenda), so the council one is worded for the only other business it may
    take: what the Chair admits as urgent, under s100B(4)(b) of the Local Government
    Act 1972. A committee that never takes any removes it from its list."""
    if style is HouseStyle.NHS:
        return (
            StandingItem(
                title="Welcome, Introductions and Apologies",
                kind=ItemKind.WELCOME,
                lead="Chair",
            ),
            StandingItem(
                title="Declarations of Interest",
                description="To declare any relevant interests relating to matters on the agenda.",
                kind=ItemKind.DECLARATIONS,
                purpose=Purpose.DECISION,
                lead="Chair",
            ),
            StandingItem(
                title="Approval of Minutes and Matters Arising",
                description="To review the Draft Minutes from the meeting held on "
                f"{PREVIOUS} with a view to their approval.",
                kind=ItemKind.MINUTES,
                purpose=Purpose.DECISION,
                lead="Chair",
            ),
            StandingItem(
                title="Review of Action Tracker",
                description="To review the Action Tracker by updating actions with progress "
                "and to agree closure of proposed completed actions.",
                kind=ItemKind.MATTERS_ARISING,
                purpose=Purpose.DECISION,
            ),
            StandingItem(
                title="Any Other Business",
                kind=ItemKind.ANY_OTHER_BUSINESS,
                place=ItemPlace.CLOSING,
                lead="Chair",
            ),
            StandingItem(
                title="Date and time of next meeting",
                kind=ItemKind.NEXT_MEETING,
                place=ItemPlace.CLOSING,
                lead="Chair",
            ),
        )
    return (
        StandingItem(
            title="Welcome, Introductions and Apologies", kind=ItemKind.WELCOME, lead="Chair"
        ),
        StandingItem(
            title="Minutes",
            description="To approve, and the Chair to sign as a correct record, the Minutes "
            f"of the meeting held on {PREVIOUS}.",
            kind=ItemKind.MINUTES,
            purpose=Purpose.DECISION,
            lead="Chair",
        ),
        StandingItem(
            title="Actions Arising",
            description="To consider the Decision Tracker and information regarding actions "
            "agreed at previous meetings.",
            kind=ItemKind.MATTERS_ARISING,
        ),
        StandingItem(
            title="Disclosures of Interest",
            description="Councillors to declare any disclosable pecuniary interests, other "
            "registerable interests, or non-registerable interests (including other "
            "pecuniary interests) they may have in the business to be transacted, and "
            "officers to declare any interests they may have in any contract to be "
            "considered.",
            kind=ItemKind.DECLARATIONS,
            lead="Chair",
        ),
        StandingItem(
            title="Any Other Business",
            description=COUNCIL_URGENT_BUSINESS,
            kind=ItemKind.ANY_OTHER_BUSINESS,
            place=ItemPlace.CLOSING,
            lead="Chair",
        ),
        StandingItem(
            title="Date of the Next Meeting",
            kind=ItemKind.NEXT_MEETING,
            place=ItemPlace.CLOSING,
            lead="Chair",
        ),
    )


def deferred_items(
    record: MeetingRecord, standing: Sequence[StandingItem] = ()
) -> list[AgendaItem]:
    """The items deferred at a meeting, to offer to its next: each item whose minute
    records a decision DEFERRED (chosen when recording, or when the meeting was
    inquorate), in agenda order. A standing item is not among them (the next agenda
    has its own), nor an item titled as one of the committee's standing items."""
    deferred = {
        minute.item
        for minute in record.minutes
        if any(decision.verb is DecisionVerb.DEFERRED for decision in minute.decisions)
    }
    titles = {item.title.casefold() for item in standing}
    return [
        item
        for item in record.agenda
        if item.number in deferred and item.place is None and item.title.casefold() not in titles
    ]


def carried_forward(item: AgendaItem) -> AgendaItem:
    """An item deferred at the last meeting, as it stands on the next agenda: its
    title, lead, purpose, wording, timing and confidentiality; not the paper reference,
    which named pages of the earlier meeting's papers."""
    return AgendaItem(
        number=1,
        title=item.title,
        lead=item.lead,
        purpose=item.purpose,
        planned_minutes=item.planned_minutes,
        confidential=item.confidential,
        description=item.description,
    )


def next_agenda(
    standing: Sequence[StandingItem],
    carried: Sequence[AgendaItem],
    previous: Meeting | None,
) -> tuple[AgendaItem, ...]:
    """The agenda a new meeting starts with: the standing opening items, the items
    carried forward from the last meeting, the standing closing items, numbered from 1;
    each wording's "{previous}" filled with the date of `previous`."""
    ordered = checked(standing)
    items = [
        *(s.agenda_item(previous) for s in ordered if s.place is ItemPlace.OPENING),
        *(carried_forward(item) for item in carried),
        *(s.agenda_item(previous) for s in ordered if s.place is ItemPlace.CLOSING),
    ]
    return tuple(item.model_copy(update={"number": n}) for n, item in enumerate(items, 1))


def new_item_number(agenda: Sequence[AgendaItem]) -> int:
    """Where an item added to an agenda goes: before the standing closing items at its
    end (any other business, the date of the next meeting), else at the end."""
    ordered = sorted(agenda, key=lambda item: item.number)
    number = (ordered[-1].number + 1) if ordered else 1
    for item in reversed(ordered):
        if item.place is not ItemPlace.CLOSING:
            break
        number = item.number
    return number
