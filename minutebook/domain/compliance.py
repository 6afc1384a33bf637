"""A committee's compliance with its terms of reference over a period (docs/compliance.md):
whether it met as often as they require, whether its meetings were quorate, the
decisions taken while inquorate or by Chair's action, the actions overdue and escalated,
and the minutes circulated or approved later than its turnaround rule.

Every figure is read from the rule that decides it elsewhere, never worked out again:
which meetings were held is the attendance record's (`attendance_record.why_not_counted`),
the quorum and each decision's flag are `MeetingQuorum`'s (as live capture and the minutes
show them), an action's being overdue is `actions.is_overdue`, its being escalated is the
committee's RAG key's (`rag.scheme_for`), each judged on the action as it stood at the
period's end (`reviews.as_presented`, as a tracker presented then showed it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from minutebook.domain.actions import Action, is_open, is_overdue
from minutebook.domain.attendance_record import why_not_counted
from minutebook.domain.committee import Committee, HouseStyle, Organisation, Seat
from minutebook.domain.confidentiality import confidential_items
from minutebook.domain.dates import short_date
from minutebook.domain.meeting import (
    Decision,
    DecisionFlag,
    DecisionVerb,
    Meeting,
    MeetingRecord,
    MinutesStatus,
)
from minutebook.domain.meeting_quorum import NOT_DECISIONS, MeetingQuorum
from minutebook.domain.quorum import TermsOfReference, in_force_on
from minutebook.domain.rag import scheme_for
from minutebook.domain.reviews import ActionReview, as_presented

USUAL_CIRCULATION: dict[HouseStyle, int | None] = {HouseStyle.NHS: 10, HouseStyle.COUNCIL: None}
"""Working days within which draft minutes are circulated where the ToR does not say:
ten for an NHS body (the usual wording of NHS committees' terms of reference); none for
a council's committee, whose standing orders ask only that the minutes be approved at
the next ordinary meeting."""


@dataclass(frozen=True)
class Turnaround:
    """The committee's rule for its minutes: circulated in draft within so many working
    days of the meeting (None: no such rule), and approved at the next meeting."""

    circulate_within: int | None
    approve_at_next: bool
    from_terms: bool = False
    """Whether the terms of reference set it (either part), not only the house style's
    usual rule: a report says "its terms of reference ask" only then."""

    @property
    def words(self) -> str:
        parts = []
        if self.circulate_within:
            parts.append(f"draft circulated within {self.circulate_within} working days")
        if self.approve_at_next:
            parts.append("approved at the next meeting")
        return "; ".join(parts) or "no turnaround rule"


def turnaround_for(terms: TermsOfReference | None, style: HouseStyle) -> Turnaround:
    """The turnaround rule of a ToR version, each part it leaves unset the house style's
    usual one (`USUAL_CIRCULATION`; every style approves at the next meeting)."""
    within = terms.minutes_circulated_within if terms is not None else None
    at_next = terms.minutes_approved_at_next if terms is not None else None
    from_terms = within is not None or at_next is not None
    if within is None:
        within = USUAL_CIRCULATION[style]
    return Turnaround(within or None, True if at_next is None else at_next, from_terms)


def working_day_after(day: date, days: int) -> date:
    """The `days`-th working day (Monday to Friday) after `day`. Bank holidays are not
    known: a deadline across one is a day early, so a late circulation is never missed."""
    found = day
    while days > 0:
        found += timedelta(days=1)
        if found.weekday() < 5:
            days -= 1
    return found


def meetings_due(per_year: int, start: date, end: date) -> int:
    """How many meetings "at least `per_year` a year" asks for from `start` to `end`
    (both included): in proportion to the period's length in days over 365, rounded to
    the nearest (halves up), so a whole year (365 or 366 days) asks for `per_year`."""
    days = (end - start).days + 1
    due = Decimal(per_year * days) / Decimal(365)
    return int(due.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class DecisionTaken:
    """A decision of a meeting held in the period, with where it stands in the minutes
    and the flag the minutes give it (`MeetingQuorum.flag`)."""

    meeting: Meeting
    item: int
    item_title: str
    minute: str | None
    decision: Decision
    flag: DecisionFlag | None
    confidential: bool

    @property
    def substance(self) -> DecisionVerb:
        """What the decision does, in the verbs of `DecisionVerb`: its own verb, except a
        resolution whose words open with another of the verbs ("RESOLVED – Noted, the
        update report", as seed 001's council minutes write what was noted), which does
        what that verb says."""
        if self.decision.verb is not DecisionVerb.RESOLVED:
            return self.decision.verb
        first = self.decision.text.replace("**", "").split(maxsplit=1)
        opening = first[0].strip(",.:;–-").upper() if first else ""
        return DecisionVerb.__members__.get(opening, self.decision.verb)

    @property
    def decides(self) -> bool:
        """A decision that decides something (resolved, agreed, approved, recommended,
        ratified, endorsed): not one whose substance is noting, receiving, deferring or
        referring (`substance`), which an annual report counts apart as business noted."""
        return self.substance not in NOT_DECISIONS

    @property
    def words(self) -> str:
        """ "RESOLVED: That the report be noted." in plain words (bold's ``**`` dropped)."""
        text = " ".join(self.decision.text.replace("**", "").split())
        return f"{self.decision.verb.value}: {text}"

    @property
    def place(self) -> str:
        """ "minute HCP3 of 13/06/2023", or "item 3 of 13/06/2023"."""
        where = f"minute {self.minute}" if self.minute else f"item {self.item}"
        return f"{where} of {short_date(self.meeting.date)}"


@dataclass(frozen=True)
class HeldMeeting:
    """A meeting held in the period, as the quorum and the turnaround rule judge it."""

    meeting: Meeting
    quorate_at_opening: bool | None
    """None: no answer (no ToR in force, or nobody recorded in the meeting)."""
    inquorate_periods: int
    late_minutes: tuple[str, ...]
    """What the turnaround rule finds late, in words ("circulated 30/06/2023, due 27/06/2023")."""
    circulation_undated: bool = False
    """Past the draft with no date of circulation (brought in from elsewhere), where the
    rule sets a time to circulate: neither late nor on time, as far as the record says."""

    @property
    def quorate_throughout(self) -> bool | None:
        """Quorate at the opening and never inquorate after it."""
        if self.quorate_at_opening is None:
            return None
        return self.quorate_at_opening and self.inquorate_periods == 0

    @property
    def quorum_words(self) -> str:
        """"quorate throughout", "inquorate at some point" or "quorum not known"."""
        said = {True: "quorate throughout", False: "inquorate at some point", None: ""}
        return said[self.quorate_throughout] or "quorum not known"


@dataclass(frozen=True)
class Compliance:
    """The committee's compliance over a period, as at a day."""

    committee: Committee
    start: date
    end: date
    as_at: date
    per_year: int | None
    """The ToR's "at least so many meetings a year" in force at the period's end (or,
    where none was then, the first in force during it); None: none set."""
    due: int | None
    held: tuple[HeldMeeting, ...]
    not_held: tuple[tuple[Meeting, str], ...]
    decisions: tuple[DecisionTaken, ...]
    turnaround: Turnaround
    actions_agreed: int
    overdue: tuple[Action, ...]
    escalated: tuple[Action, ...]
    escalation_kept: bool
    """Whether the committee's RAG key escalates (NHS); a council's key does not."""

    @property
    def meets_often_enough(self) -> bool | None:
        return None if self.due is None else len(self.held) >= self.due

    @property
    def quorate_throughout(self) -> int:
        return sum(1 for m in self.held if m.quorate_throughout)

    @property
    def quorum_known(self) -> int:
        return sum(1 for m in self.held if m.quorate_at_opening is not None)

    @property
    def inquorate(self) -> tuple[DecisionTaken, ...]:
        """Decisions that decide, taken while inquorate (business noted under a
        resolution's verb is counted apart, as the annual report counts it: `decides`)."""
        return tuple(d for d in self.decisions if d.flag is DecisionFlag.INQUORATE and d.decides)

    @property
    def chairs_action(self) -> tuple[DecisionTaken, ...]:
        return tuple(d for d in self.decisions if d.flag is DecisionFlag.CHAIRS_ACTION)

    @property
    def late_minutes(self) -> tuple[tuple[Meeting, str], ...]:
        return tuple((m.meeting, words) for m in self.held for words in m.late_minutes)

    @property
    def circulation_undated(self) -> tuple[Meeting, ...]:
        """The meetings held whose minutes' circulation the rule cannot judge (no date)."""
        return tuple(m.meeting for m in self.held if m.circulation_undated)

    @property
    def frequency_words(self) -> str:
        """ "4 meetings held; the terms of reference ask for at least 6 a year (6 in the
        period): 2 short"."""
        held = len(self.held)
        said = f"{held} meeting{'s' if held != 1 else ''} held"
        if self.per_year is None or self.due is None:
            return f"{said}; the terms of reference set no number of meetings a year"
        said += f"; the terms of reference ask for at least {self.per_year} a year"
        if self.due != self.per_year:
            said += f" ({self.due} in the period)"
        short = self.due - held
        return said + (f": {short} short" if short > 0 else ": met")

    @property
    def quorate_at_decisions(self) -> int:
        """The meetings held, quorum known, at which no decision was taken while
        inquorate (a meeting inquorate for a while may have decided nothing then)."""
        flagged = {d.meeting.id for d in self.inquorate}
        return sum(
            1 for m in self.held if m.quorate_at_opening is not None and m.meeting.id not in flagged
        )

    @property
    def quorate_words(self) -> str:
        """ "quorate throughout at 3 of 4 meetings (75%); at every decision at 4 of 4"."""
        known = self.quorum_known
        if not self.held:
            return "no meeting held to judge"
        if not known:
            return "quorum not known at any meeting held"
        rate = round(100 * self.quorate_throughout / known)
        words = f"quorate throughout at {self.quorate_throughout} of {known} meetings ({rate}%)"
        words += f"; at every decision at {self.quorate_at_decisions} of {known}"
        unknown = len(self.held) - known
        if unknown:
            words += f"; not known at {unknown}"
        return words


def period_terms(versions: Sequence[TermsOfReference], end: date) -> TermsOfReference | None:
    """The ToR version that sets the period's rules: the one in force at its end (a
    version adopted during the period replaces the one before it for the whole period)."""
    return in_force_on(list(versions), end)


def _late_minutes(
    meeting: Meeting, following: Meeting | None, rule: Turnaround, as_at: date
) -> list[str]:
    """What of a held meeting's minutes the rule finds late, as at `as_at`."""
    late: list[str] = []
    if rule.circulate_within:
        due = working_day_after(meeting.date, rule.circulate_within)
        if meeting.circulated_on is not None and meeting.circulated_on > due:
            late.append(f"circulated {short_date(meeting.circulated_on)}, due by {short_date(due)}")
        elif meeting.status is MinutesStatus.DRAFT and as_at > due:
            # Minutes past the draft with no date of circulation (brought in from
            # elsewhere) were circulated on a day not known: not judged.
            late.append(f"not circulated, due by {short_date(due)}")
    if rule.approve_at_next and following is not None and following.date <= as_at:
        approved = meeting.approved_on
        if approved is not None and approved > following.date:
            late.append(
                f"approved {short_date(approved)}, not at the next meeting "
                f"({short_date(following.date)})"
            )
        elif approved is None:
            late.append(f"not approved at the next meeting ({short_date(following.date)})")
    return late


def compliance_over(
    committee: Committee,
    versions: Sequence[TermsOfReference],
    seats: Sequence[Seat],
    organisations: Sequence[Organisation],
    records: Iterable[MeetingRecord],
    actions: Iterable[Action],
    reviews: Mapping[int, Sequence[ActionReview]],
    start: date,
    end: date,
    today: date,
) -> Compliance:
    """The committee's compliance from `start` to `end` (both included) as at `today`.

    `records` are the meetings of the period with their whole record, and may hold the
    meetings after it (for the approval of the last one's minutes at the next meeting);
    `actions` those agreed by the period's end that matter (any read beyond are left),
    with their `reviews` by action: each action is judged as it stood at the end of the
    period (or today, for a period not over), not as later meetings left it."""
    as_at = min(end, today)
    ordered = sorted(records, key=lambda r: (r.meeting.date, r.meeting.time or ""))
    held_records = [r for r in ordered if why_not_counted(r, today) is None]
    terms = period_terms(versions, end)
    rule = turnaround_for(terms, committee.house_style)
    held: list[HeldMeeting] = []
    not_held: list[tuple[Meeting, str]] = []
    decisions: list[DecisionTaken] = []
    for record in ordered:
        meeting = record.meeting
        if not start <= meeting.date <= end:
            continue
        reason = why_not_counted(record, today)
        if reason is not None:
            not_held.append((meeting, reason))
            continue
        quorum = MeetingQuorum(
            record, in_force_on(list(versions), meeting.date), seats, organisations
        )
        following = next((r.meeting for r in held_records if r.meeting.date > meeting.date), None)
        held.append(
            HeldMeeting(
                meeting,
                quorum.opening().quorate,
                len(quorum.periods()),
                tuple(_late_minutes(meeting, following, rule, today)),
                circulation_undated=bool(rule.circulate_within)
                and meeting.circulated_on is None
                and meeting.status is not MinutesStatus.DRAFT,
            )
        )
        secret = confidential_items(meeting.id or 0, record.agenda)
        for minute in record.minutes:
            item = record.item(minute.item)
            for decision in minute.decisions:
                decisions.append(
                    DecisionTaken(
                        meeting,
                        minute.item,
                        item.title if item is not None else "",
                        minute.number,
                        decision,
                        quorum.flag(decision, minute.item),
                        (meeting.id or 0, minute.item) in secret,
                    )
                )
    per_year = terms.meetings_per_year if terms is not None else None
    scheme = scheme_for(committee.rag_palette)
    # As the reviews up to that day left it: closed since, or given a new deadline or
    # RAG since, it still counts as it was then (`reviews.as_presented`).
    after_as_at = as_at + timedelta(days=1)
    standing = [
        as_presented(a, reviews.get(a.id or 0, ()), after_as_at)
        for a in actions
        if a.meeting_date <= end
    ]
    still_open = [a for a in standing if is_open(a)]
    black = scheme.level(scheme.escalated)
    escalated = [a for a in still_open if black is not None and scheme.level(a.rag) is black]
    return Compliance(
        committee=committee,
        start=start,
        end=end,
        as_at=as_at,
        per_year=per_year,
        due=meetings_due(per_year, start, end) if per_year is not None else None,
        held=tuple(held),
        not_held=tuple(not_held),
        decisions=tuple(decisions),
        turnaround=rule,
        actions_agreed=sum(1 for a in standing if a.meeting_date >= start),
        overdue=tuple(a for a in still_open if is_overdue(a, as_at)),
        escalated=tuple(escalated),
        escalation_kept=scheme.escalate_after is not None,
    )


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


def figures(report: Compliance) -> list[tuple[str, str]]:
    """The compliance figures as a heading and a line each, as the command line prints
    them (the annual report words the same figures in sentences: domain.annual_report);
    decisions are counted as the report counts them (`DecisionTaken.decides`)."""
    inquorate, chairs = report.inquorate, report.chairs_action
    made = sum(1 for d in report.decisions if d.decides)
    on = short_date(report.as_at)
    if not report.escalation_kept:
        escalated = "the committee's RAG key does not escalate"
    else:
        escalated = f"{len(report.escalated) or 'none'} escalated"
    late = report.late_minutes
    rule = report.turnaround
    # Whose rule it is: the house style's usual one is not the terms of reference's.
    whose = "" if rule.from_terms else " (the house style's usual: the ToR sets none)"
    kept = f"late for {_count(len({m.id for m, _ in late}), 'meeting')}" if late else "none late"
    if undated := report.circulation_undated:
        kept += f"; circulation not dated for {_count(len(undated), 'meeting')}"
    return [
        ("Meetings", report.frequency_words),
        ("Quorum", report.quorate_words),
        (
            "Decisions",
            f"{_count(made, 'decision')} made; {len(inquorate) or 'none'} taken while "
            f"inquorate; {len(chairs) or 'none'} by Chair's action",
        ),
        (
            "Actions",
            f"{_count(report.actions_agreed, 'action')} agreed in the period; "
            f"{len(report.overdue) or 'none'} overdue on {on}; {escalated}",
        ),
        # The rule, then how the period kept it: "…: 2 late" read as the rule met.
        ("Minutes", f"rule{whose}: {rule.words}; {kept}"),
    ]
