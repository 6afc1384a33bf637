"""The life of a meeting's minutes: draft, circulated, approved at a later meeting, signed
by the Chair and locked (docs/lifecycle.md).

The approval is minuted at the later meeting under its "minutes of the previous meeting"
item, in the words of the committee's house style: seed 001 (council) "That the Minutes
of the meeting of the Health and Care Partnership held on 22 February 2023 be approved
and signed by the Chair as a correct record."; seed 003 (NHS) approves the draft minutes
"or makes amendments to them for finalisation" under "Approval of Minutes". An amendment
agreed there is kept as a recorded correction of the earlier minutes: their narrative is
never silently rewritten.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Sequence

from pydantic import Field, field_validator

from minutebook.domain.base import DomainModel, Name, Refused, blank_to_none
from minutebook.domain.committee import (
    Committee,
    HouseStyle,
    Membership,
    name_key,
    people_by_name,
)
from minutebook.domain.dates import long_date
from minutebook.domain.meeting import AgendaItem, DecisionVerb, ItemKind, Meeting, MinutesStatus

APPROVED_STATES = frozenset({MinutesStatus.APPROVED, MinutesStatus.SIGNED})

CORRECT_RECORD = "approved and signed by the Chair as a correct record"
"""Seed 001's words for minutes approved at a later meeting (minute HCP2, 13 June 2023),
in the resolution that approves them and at the foot of the minutes signed."""


class Approval(DomainModel):
    """The approval of one meeting's minutes at a later meeting of the committee."""

    id: int | None = None
    meeting_id: int
    """The meeting whose minutes are approved."""
    at_meeting_id: int
    """The later meeting at which they are approved."""
    item: int | None = Field(default=None, ge=1)
    """The later meeting's "minutes of the previous meeting" item (its agenda number)."""
    amendment: str | None = Field(default=None, max_length=5000)
    """None: approved as a correct record. Otherwise the amendment's wording: approved
    subject to it, and kept as a recorded correction of the earlier minutes."""
    chair: Name
    """Who signed them, as Chair."""
    signed_on: dt.date

    _blank = field_validator("amendment", mode="before")(blank_to_none)


def locked_message(meeting: Meeting) -> str:
    """What is said to anyone who tries to change signed minutes."""
    return (
        f"the minutes of {long_date(meeting.date)} are signed and locked: "
        "record a correction at a later meeting"
    )


def circulation_problem(meeting: Meeting, on: dt.date, *, has_record: bool) -> str | None:
    """Why the meeting's minutes cannot be marked circulated on `on`; None if they can.

    Refused: minutes with no record yet (nothing minuted, no attendance), minutes already
    circulated or approved, and a date before the meeting took place."""
    where = f"the meeting of {long_date(meeting.date)}"
    if meeting.status is not MinutesStatus.DRAFT:
        day = step_date(meeting, meeting.status)
        since = f" on {long_date(day)}" if day else ""
        return f"the minutes of {where} are already {meeting.status.value}{since}"
    if not has_record:
        return f"{where} has no minutes recorded yet: there is nothing to circulate"
    if on < meeting.date:
        return (
            f"the minutes of {where} cannot be circulated on {long_date(on)}, "
            "before the meeting took place"
        )
    return None


def circulated(meeting: Meeting, on: dt.date, *, has_record: bool) -> Meeting:
    """The meeting with its draft minutes circulated on `on`, or Refused with the reason
    (`circulation_problem`)."""
    problem = circulation_problem(meeting, on, has_record=has_record)
    if problem:
        raise Refused(problem)
    return meeting.model_copy(update={"status": MinutesStatus.CIRCULATED, "circulated_on": on})


def approval_problem(
    earlier: Meeting, later: Meeting, *, today: dt.date, has_record: bool
) -> str | None:
    """Why the minutes of `earlier` cannot be approved at `later`; None if they can.

    The earlier meeting must have happened, must be of the same committee and before the
    later one; its minutes must hold a record and not be approved already."""
    where = f"the meeting of {long_date(earlier.date)}"
    if earlier.committee != later.committee:
        return f"{where} is another committee's: its minutes are approved at its own meetings"
    if earlier.date > today:
        return f"{where} has not happened yet: its minutes cannot be approved"
    if later.date <= earlier.date:
        return (
            f"the minutes of {where} can only be approved at a later meeting, "
            f"not at the meeting of {long_date(later.date)}"
        )
    if earlier.status in APPROVED_STATES:
        when = f" on {long_date(earlier.approved_on)}" if earlier.approved_on else ""
        return f"the minutes of {where} were already approved{when}"
    if not has_record:
        return f"{where} has no minutes recorded: there is nothing to approve"
    if earlier.circulated_on is not None and later.date < earlier.circulated_on:
        # A meeting cannot approve what was sent out only after it was held.
        return (
            f"the minutes of {long_date(earlier.date)} were circulated on "
            f"{long_date(earlier.circulated_on)}, after the meeting of {long_date(later.date)}: "
            "they are approved at a meeting held after they were circulated"
        )
    return None


def approve(
    earlier: Meeting,
    later: Meeting,
    approval: Approval,
    *,
    today: dt.date,
    has_record: bool,
) -> Meeting:
    """The earlier meeting with its minutes approved at `later` and signed by the Chair
    (locked from then on), or Refused with the reason."""
    problem = approval_problem(earlier, later, today=today, has_record=has_record)
    if problem:
        raise Refused(problem)
    if approval.signed_on < later.date:
        raise Refused(
            f"the Chair cannot sign on {long_date(approval.signed_on)}, before the meeting "
            f"of {long_date(later.date)} approved the minutes"
        )
    return earlier.model_copy(
        update={
            "status": MinutesStatus.SIGNED,
            "approved_on": later.date,
            "signed_on": approval.signed_on,
        }
    )


def approval_words(
    approval: Approval, earlier: Meeting, committee: Committee
) -> tuple[DecisionVerb, str]:
    """The decision that minutes the approval at the later meeting, in the house style."""
    held = long_date(earlier.date)
    if committee.house_style is HouseStyle.NHS:
        verb = DecisionVerb.APPROVED
        text = f"The minutes of the meeting held on {held} were approved as a correct record"
    else:
        verb = DecisionVerb.RESOLVED
        text = (
            f"That the Minutes of the meeting of the {committee.name} held on {held} be "
            f"{CORRECT_RECORD}"
        )
    if approval.amendment:
        return verb, f"{text}, subject to the following amendment: {approval.amendment}"
    return verb, f"{text}."


class SignOff(DomainModel):
    """How a meeting's minutes end (docs/lifecycle.md): once approved, the Chair's
    signature, the date signed and the meeting that approved them (with the amendment
    agreed there); until then nobody and no date, left blank for the Chair to sign by
    hand when the minutes are approved."""

    approved: bool = False
    chair: str | None = None
    """The Chair's full name ("Rima Makarem"): as the committee knows them, where the
    name the approval records is one of its people's."""
    honorific: str | None = None
    """The Chair's honorific where the committee knows them by that name ("Councillor")."""
    role: str = "Chair"
    signed_on: dt.date | None = None
    approved_at: dt.date | None = None
    """The date of the meeting that approved the minutes."""
    amendment: str | None = None

    @property
    def signatory(self) -> str | None:
        """The Chair's name with their honorific: "Councillor Peter Marland"."""
        if self.chair and self.honorific and not self.chair.startswith(self.honorific):
            return f"{self.honorific} {self.chair}"
        return self.chair


def sign_off(
    meeting: Meeting,
    approval: Approval | None,
    approved_at: Meeting | None,
    membership: Membership,
) -> SignOff:
    """The sign-off of the meeting's minutes: from the approval where one is recorded
    (the Chair who signed, the date signed, the approving meeting, the amendment). Minutes
    marked approved without an approval record (brought in from elsewhere) are signed by
    the holder of the chair seat on the day they were approved, on the date recorded.
    Draft and circulated minutes have nobody and no date."""
    if meeting.status not in APPROVED_STATES:
        return SignOff()
    approved_on = approved_at.date if approved_at is not None else meeting.approved_on
    if approval is not None:
        chair: str | None = approval.chair
        signed_on: dt.date | None = approval.signed_on
    else:
        chair = chair_on(membership, approved_on or meeting.date)
        signed_on = meeting.signed_on or approved_on
    person = people_by_name(membership.people).get(name_key(chair)) if chair else None
    return SignOff(
        approved=True,
        chair=person.name if person else chair,
        honorific=person.honorific if person else None,
        signed_on=signed_on,
        approved_at=approved_on,
        amendment=approval.amendment if approval else None,
    )


def correct_record_words(signed: SignOff) -> str:
    """The foot of approved minutes in seed 001's words: "Approved and signed by the Chair
    as a correct record at the meeting held on 20 September 2023." (", subject to the
    following amendment: …" where one was agreed)."""
    text = CORRECT_RECORD[:1].upper() + CORRECT_RECORD[1:]
    if signed.approved_at is not None:
        text += f" at the meeting held on {long_date(signed.approved_at)}"
    if signed.amendment:
        return f"{text}, subject to the following amendment: {signed.amendment}"
    return f"{text}."


def amendment_words(signed: SignOff) -> str | None:
    """The amendment the minutes were approved subject to, for a style whose sign-off
    is a block of names and dates (seed 003): "Approved at the meeting held on 29 July
    2022 subject to the following amendment: …"; None for a correct record."""
    if not signed.amendment:
        return None
    held = f" at the meeting held on {long_date(signed.approved_at)}" if signed.approved_at else ""
    return f"Approved{held} subject to the following amendment: {signed.amendment}"


def following_meeting(meetings: Sequence[Meeting], meeting: Meeting) -> Meeting | None:
    """The committee's first meeting after this one: the next meeting its minutes name."""
    later = [m for m in meetings if m.committee == meeting.committee and m.date > meeting.date]
    return min(later, key=lambda m: (m.date, m.time or ""), default=None)


def held_words(meeting: Meeting) -> str:
    """When and where a meeting is held, as minutes print it: "15 November 2023 at 14:00
    at Civic Offices"."""
    words = long_date(meeting.date)
    if meeting.time:
        words += f" at {meeting.time}"
    if meeting.venue:
        words += f" at {meeting.venue}"
    return words


def next_meeting_words(following: Meeting) -> str:
    """The council style's closing paragraph: "The next meeting will be held on 15
    November 2023 at 14:00 at Civic Offices."."""
    return f"The next meeting will be held on {held_words(following)}."


def names_next_meeting(
    style: HouseStyle, headings: Iterable[str | None], kinds: Iterable[ItemKind | None] = ()
) -> bool:
    """Whether a meeting's minutes print their next meeting's date, time and venue
    (`next_meeting_words`): council style does, after the last minute, unless a minute
    of the meeting records the date of the next meeting itself: its heading as printed
    (its own, else its agenda item's title) says so, or it minutes the agenda's
    next-meeting item (`kinds`, ItemKind.NEXT_MEETING) whatever that is called. NHS
    style (seed 003) does not."""
    if style is not HouseStyle.COUNCIL or ItemKind.NEXT_MEETING in set(kinds):
        return False
    return not any("next meeting" in (heading or "").lower() for heading in headings)


def signed_mentions_problem(
    current: Meeting | None,
    changed: Meeting | None,
    meetings: Sequence[Meeting],
    approvals: Iterable[Approval],
    names_next: Collection[int],
) -> str | None:
    """Why changing the committee's meeting `current` to `changed` would change what
    signed minutes print of another meeting; None if it would not (docs/lifecycle.md).

    `current` None is a meeting added, `changed` None a meeting deleted. Signed minutes
    print their next meeting's date, time and venue (those of the meetings in
    `names_next`, `names_next_meeting`) and the date of the meeting that approved them
    (`correct_record_words`, and the date they were approved): none of these may change
    once they are signed, nor may another meeting come to stand between them and the
    next meeting they name. Minutes signed with no later meeting recorded name none: a
    meeting added after them is their next from then on."""
    before = list(meetings)
    after = [m for m in before if current is None or m.id != current.id]
    if changed is not None:
        after.append(changed)
    approving = {a.meeting_id: a.at_meeting_id for a in approvals}
    for signed in before:
        if not signed.is_locked:
            continue
        was = following_meeting(before, signed)
        now = following_meeting(after, signed)
        if signed.id in names_next and was is not None and _printed(was) != _printed(now):
            minutes = f"the signed minutes of {long_date(signed.date)}"
            if current is None or was.id != current.id:
                return (
                    f"{minutes} name the meeting of {long_date(was.date)} as the next: "
                    f"a meeting on {long_date((changed or was).date)} would come before it"
                )
            held = f"{minutes} name this meeting as held on {held_words(was)}"
            if changed is None:
                return f"{held}: it cannot be deleted"
            return f"{held}: its date, time and venue cannot be changed"
        moved = changed is None or (current is not None and changed.date != current.date)
        if current is not None and approving.get(signed.id or 0) == current.id and moved:
            return (
                f"the signed minutes of {long_date(signed.date)} were approved at this "
                f"meeting, held on {long_date(current.date)} as they say: its date "
                "cannot be changed"
            )
    return None


def _printed(meeting: Meeting | None) -> tuple[object, ...] | None:
    """What minutes print of their next meeting: which one, when and where."""
    if meeting is None:
        return None
    return (meeting.id, meeting.date, meeting.time, meeting.venue)


def correction_note(approval: Approval, later: Meeting) -> str:
    """The note of the recorded correction in the earlier meeting's timeline."""
    return f"amended on approval at the meeting of {long_date(later.date)}: {approval.amendment}"


def previous_meeting(meetings: Sequence[Meeting], meeting: Meeting) -> Meeting | None:
    """The committee's last meeting before this one (whose minutes it approves)."""
    earlier = [m for m in meetings if m.committee == meeting.committee and m.date < meeting.date]
    return max(earlier, key=lambda m: (m.date, m.time or ""), default=None)


def minutes_item(agenda: Sequence[AgendaItem]) -> AgendaItem | None:
    """The standing "minutes of the previous meeting" item: the one the committee's
    standing items mark so (docs/agenda.md); on an agenda made without them, the first
    whose title speaks of minutes ("Minutes", "Approval of Minutes and Matters Arising")."""
    marked = next((i for i in agenda if i.kind is ItemKind.MINUTES), None)
    return marked or next((i for i in agenda if "minute" in i.title.lower()), None)


def step_date(meeting: Meeting, status: MinutesStatus) -> dt.date | None:
    """The date the minutes reached `status`: the meeting's own date for the draft."""
    return {
        MinutesStatus.DRAFT: meeting.date,
        MinutesStatus.CIRCULATED: meeting.circulated_on,
        MinutesStatus.APPROVED: meeting.approved_on,
        MinutesStatus.SIGNED: meeting.signed_on,
    }[status]


def lifecycle_steps(meeting: Meeting) -> list[tuple[MinutesStatus, dt.date | None]]:
    """Each step the minutes have reached, with its date: drafted at the meeting, then
    circulated, approved and signed where they have been."""
    order = list(MinutesStatus)
    reached = order.index(meeting.status)
    return [(status, step_date(meeting, status)) for status in order[: reached + 1]]


def _dated(status: MinutesStatus, day: dt.date | None) -> str:
    return f"{status.value} {day:%d/%m/%Y}" if day else status.value


def lifecycle_stage(meeting: Meeting) -> str:
    """The step the minutes stand at, with its date, for a narrow column: "draft",
    "circulated 01/07/2023", "signed 20/09/2023"."""
    if meeting.status is MinutesStatus.DRAFT:
        return MinutesStatus.DRAFT.value
    return _dated(meeting.status, step_date(meeting, meeting.status))


def lifecycle_words(meeting: Meeting) -> str:
    """One line for lists: "signed 20/09/2023 (circulated 26/06/2023, approved 20/09/2023)"."""
    steps = lifecycle_steps(meeting)[1:]
    if not steps:
        return "draft"
    last, *before = reversed(steps)
    earlier = ", ".join(_dated(s, d) for s, d in reversed(before))
    return _dated(*last) + (f" ({earlier})" if earlier else "")


def chair_on(membership: Membership, day: dt.date) -> str | None:
    """Who signs as Chair by default: the holder of the committee's chair seat that day."""
    for seat in membership.seats:
        if "chair" in seat.tags and seat.holder and seat.in_post_on(day):
            person = membership.person(seat.holder)
            if person is not None:
                return person.name
    return None
