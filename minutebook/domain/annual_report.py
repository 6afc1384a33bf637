"""A committee's annual report to its parent body (docs/exports.md, "The annual report"):
its year, the meetings held, the attendance, the decisions and recommendations made,
the register's returns and the compliance figures, each the one answer of its own rule.

**The year** is the committee's year that its action tracker's title gives
(`tracker.tracker_year`): a council's municipal year from 1 May, an NHS body's financial
year from 1 April, or the committee's own numbering year where that runs from April or
May. `--year 2023` is 2023/24.

**The words** are decided here too, as a committee's report to its parent body words
them (seed 001's council reports, seed 003's board papers): full sentences, numbers up
to ten in words, no arithmetic in prose ("The Board met once in 2022/23. Its terms of
reference ask it to meet at least six times a year."), the business noted counted apart
from the decisions (`DecisionTaken.decides`), the overdue actions named. What the record
lacks (a past meeting with nothing recorded) is not the parent body's business: it makes
the report a draft (`AnnualReport.is_draft`), which says so, until the secretary records
it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from minutebook.domain.actions import Action
from minutebook.domain.attendance_record import NOT_HELD, AttendanceReport
from minutebook.domain.bodies import BodyType
from minutebook.domain.committee import Committee, HouseStyle, Person
from minutebook.domain.compliance import Compliance, DecisionTaken, HeldMeeting
from minutebook.domain.dates import long_date
from minutebook.domain.decision_wording import body_word
from minutebook.domain.meeting import DecisionVerb, Meeting, MinutesStatus
from minutebook.domain.register import Interest, NilReturn, without_return

MUNICIPAL_MONTH = 5

NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
"""Numbers up to ten are written as words, as UK reports write them; above, figures."""


def _long_dates(text: str) -> str:
    """The compliance's words with their dates as the report writes dates ("not approved
    at the next meeting (29 July 2022)", not "(29/07/2022)")."""

    def written(found: re.Match[str]) -> str:
        day, month, year = (int(part) for part in found.groups())
        return long_date(date(year, month, day))

    return re.sub(r"\b(\d{2})/(\d{2})/(\d{4})\b", written, text)


def number_words(n: int) -> str:
    """3 -> "three", 12 -> "12"."""
    return NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else str(n)


def counted(n: int, one: str, many: str | None = None) -> str:
    """ "one decision", "four decisions", "no reports"."""
    return f"{number_words(n)} {one if n == 1 else many or one + 's'}"


def times(n: int) -> str:
    """ "once", "twice", "three times", "12 times"."""
    return {1: "once", 2: "twice"}.get(n) or f"{number_words(n)} times"


def listed(entries: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    if len(entries) < 2:
        return "".join(entries)
    return f"{', '.join(entries[:-1])} and {entries[-1]}"


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


_SET_OUT_BELOW = re.compile(
    r"[\s,]*(?:and\s+)?(?:as\s+)?(?:set\s+out|listed|detailed|shown)\s+below\s*:\s*$", re.I
)


def as_reported(text: str) -> str:
    """A decision's words as a report quotes them: bold's ``**`` dropped, one sentence
    ended by a full stop. Its minute may list points after it ("... and set out
    below:"), held only in the minute's prose: the report does not repeat the minutes,
    so the dangling "set out below:" becomes "as set out in the minutes." and any other
    closing colon or semicolon (a list's) a full stop."""
    plain = " ".join(text.replace("**", "").split())
    trimmed = _SET_OUT_BELOW.sub("", plain)
    if trimmed != plain:
        return f"{trimmed.rstrip(' ,;:')}, as set out in the minutes."
    plain = plain.rstrip(" ,;:")
    return plain if plain.endswith((".", "?", "!")) else plain + "."


@dataclass(frozen=True)
class RegisterReturns:
    """Who made a return to the register of interests in the year (an interest declared
    or a nil return, dated in it), and which members made none (`register.without_return`)."""

    kept: bool
    """Whether the committee keeps a register here at all (any entry or nil return)."""
    interests: tuple[str, ...]
    """Members who declared an interest in the year."""
    nil: tuple[str, ...]
    """Members whose return in the year was a nil return, and who declared nothing."""
    missing: tuple[str, ...]


def register_returns(
    members: Sequence[str],
    interests: Sequence[Interest],
    nil_returns: Sequence[NilReturn],
    start: date,
    end: date,
) -> RegisterReturns:
    """The year's returns of `members` (in the order given): returns dated after the year
    are left out, so a past year's report says what had been returned by its end."""
    by_end = [i for i in interests if i.declared_on <= end]
    nils_by_end = [n for n in nil_returns if n.declared_on <= end]
    missing = without_return(members, by_end, nils_by_end, start)
    declared = {i.person for i in by_end if i.declared_on >= start}
    nil = {n.person for n in nils_by_end if n.declared_on >= start}
    return RegisterReturns(
        kept=bool(interests or nil_returns),
        interests=tuple(m for m in members if m in declared),
        nil=tuple(m for m in members if m in nil and m not in declared),
        missing=tuple(missing),
    )


@dataclass(frozen=True)
class OverdueAction:
    """An action overdue at the year's end as the report names it: its number, its
    words (None under a confidential item: the report is public), owner and deadline."""

    number: str
    words: str | None
    owner: str
    due: date | None


@dataclass(frozen=True)
class AnnualReport:
    """Everything the annual report prints, decided and worded: the exporter lays it out."""

    label: str
    """ "2023/24"."""
    compliance: Compliance
    attendance: AttendanceReport
    returns: RegisterReturns
    people: Mapping[str, Person]
    prepared_on: date | None = None
    """The day the report is made (its author line); None: the day it is as at."""
    confidential_items: frozenset[tuple[int, int]] = field(default_factory=frozenset)
    """(meeting id, item) of the confidential items the year's actions were agreed under."""

    @property
    def committee(self) -> Committee:
        return self.compliance.committee

    @property
    def start(self) -> date:
        return self.compliance.start

    @property
    def end(self) -> date:
        return self.compliance.end

    @property
    def year_words(self) -> str:
        """ "municipal year 2023/24" (from May) or "financial year 2022/23" (from April)."""
        kind = "municipal" if self.start.month == MUNICIPAL_MONTH else "financial"
        return f"{kind} year {self.label}"

    @property
    def body(self) -> str:
        """ "the Board", "the Partnership": how the report names the committee."""
        return f"the {body_word(self.committee.name)}"

    @property
    def parent(self) -> str:
        """The parent body as a sentence names it: "Milton Keynes City Council", "the
        Board of the ... Integrated Care Board" (a name that opens with a common noun
        takes "the"), or "its parent body" where none is set."""
        name = self.committee.parent_body
        if not name:
            return "its parent body"
        first = name.split()[0]
        return f"the {name}" if first in _COMMON_NOUNS else name

    def name(self, person: str) -> str:
        known = self.people.get(person)
        return known.display_name if known is not None else person

    # -- what it counts -----------------------------------------------------------------

    @property
    def public_decisions(self) -> tuple[DecisionTaken, ...]:
        """The decisions that decide something (`DecisionTaken.decides`: not what was
        noted, received, deferred or referred, whatever its verb) made in public business
        (not under a confidential item, docs/confidentiality.md), recommendations
        included, in the order of the meetings and their minutes."""
        return tuple(d for d in self.compliance.decisions if d.decides and not d.confidential)

    @property
    def noted(self) -> int:
        """How much public business was noted or received (counted, not listed)."""
        return sum(
            1
            for d in self.compliance.decisions
            if not d.decides and not d.confidential and d.substance in _NOTING
        )

    @property
    def recommendations(self) -> tuple[DecisionTaken, ...]:
        return tuple(
            d for d in self.public_decisions if d.decision.verb is DecisionVerb.RECOMMENDED
        )

    @property
    def private_decisions(self) -> int:
        """How many decisions were made in confidential business (counted, not shown)."""
        return sum(1 for d in self.compliance.decisions if d.decides and d.confidential)

    @property
    def unrecorded(self) -> tuple[Meeting, ...]:
        """The year's meetings already past with nothing recorded: a gap in the record
        for the secretary to fill, not the parent body's business."""
        return tuple(m for m, why in self.compliance.not_held if why != NOT_HELD)

    @property
    def to_come(self) -> tuple[Meeting, ...]:
        return tuple(m for m, why in self.compliance.not_held if why == NOT_HELD)

    @property
    def is_draft(self) -> bool:
        """A draft while its year is not over or a past meeting of it is not recorded:
        marked DRAFT on every page, and saying what is missing."""
        return bool(self.to_come or self.unrecorded) or self.compliance.as_at < self.end

    @property
    def overdue(self) -> tuple[OverdueAction, ...]:
        return tuple(self._named(a) for a in self.compliance.overdue)

    def _named(self, action: Action) -> OverdueAction:
        secret = (action.meeting_id or 0, action.item or 0) in self.confidential_items
        return OverdueAction(
            str(action.number or "–"),
            None if secret else as_reported(action.description),
            self.name(action.owner),
            action.due,
        )

    # -- its words ----------------------------------------------------------------------

    @property
    def title_line(self) -> str:
        """ "Municipal year 2023/24: 1 May 2023 to 30 April 2024"."""
        return f"{capital(self.year_words)}: {long_date(self.start)} to {long_date(self.end)}"

    @property
    def author(self) -> str:
        """The report's author and date, as the house style's papers give them: a
        council's "Report of the Democratic Services Officer", an NHS board's secretariat."""
        day = long_date(self.prepared_on or self.compliance.as_at)
        if self.committee.house_style is HouseStyle.COUNCIL:
            return f"Report of the Democratic Services Officer, {day}"
        return f"Prepared by the secretariat, {day}"

    @property
    def contact(self) -> str | None:
        """The committee's own contact line from its settings ("Please contact ...")."""
        return self.committee.enquiries

    @property
    def summary(self) -> str:
        """The opening paragraph: to whom it reports, how often it met, the headline figures."""
        c = self.compliance
        body = capital(self.body)
        to = f" reports to {self.parent}" if self.committee.parent_body else ""
        said = [f"{body}{to}." if to else ""]
        decided = len(self.public_decisions)
        met = f"met {times(len(c.held))}" if c.held else "did not meet"
        work = f"{'It' if to else body} {met} in the {self.year_words}"
        if c.held:
            work += f", made {counted(decided, 'decision')} in public business"
            if self.noted:
                work += f" and noted {counted(self.noted, 'report')}"
        said.append(work + ".")
        if self.recommendations:
            said.append(
                f"{capital(counted(len(self.recommendations), 'recommendation'))} went to "
                f"{self.parent}."
            )
        overdue = len(c.overdue)
        if c.actions_agreed or overdue:
            line = f"It agreed {counted(c.actions_agreed, 'action')}"
            if overdue:
                verb = "was" if overdue == 1 else "were"
                line += f"; {number_words(overdue)} {verb} overdue on {long_date(c.as_at)}"
            said.append(line + ".")
        return " ".join(s for s in said if s)

    @property
    def introduction(self) -> str:
        """What the report covers, and for whom."""
        to = f" to {self.parent}" if self.committee.parent_body else ""
        return (
            f"This report{to} sets out the work of the {self.committee.name} in the "
            f"{self.year_words}, from {long_date(self.start)} to {long_date(self.end)}: the "
            "meetings it held and who attended them, the decisions and recommendations it "
            "made, and how it met its terms of reference."
        )

    @property
    def meetings_words(self) -> list[str]:
        """ "The Board met once in 2022/23. Its terms of reference ask it to meet at
        least six times a year."; then, in a draft, the meetings still to come or to record."""
        c = self.compliance
        body = capital(self.body)
        if not c.held:
            first = f"{body} did not meet in {self.label}."
        elif self.committee.house_style is HouseStyle.COUNCIL:
            # The NHS style's table dates the meetings; the council's prose does.
            dates = listed([long_date(m.meeting.date) for m in c.held])
            first = f"{body} met {times(len(c.held))} in {self.label}, on {dates}."
        else:
            first = f"{body} met {times(len(c.held))} in {self.label}."
        if c.per_year is not None:
            first += f" Its terms of reference ask it to meet at least {times(c.per_year)} a year."
        said = [first]
        if self.to_come:
            dates = listed([long_date(m.date) for m in self.to_come])
            said.append(f"It is due to meet again on {dates}.")
        said += [
            f"The meeting of {long_date(m.date)} is not yet recorded." for m in self.unrecorded
        ]
        return said

    @property
    def quorum_words(self) -> list[str]:
        """Whether its meetings were quorate, each meeting inquorate for a while named."""
        c = self.compliance
        known = [m for m in c.held if m.quorate_at_opening is not None]
        if not known:
            return []
        whole = [m for m in known if m.quorate_throughout]
        if len(whole) == len(c.held):
            first = (
                "The meeting was quorate throughout."
                if len(c.held) == 1
                else "Every meeting was quorate throughout."
            )
            return [first]
        said = []
        if whole:
            said.append(
                f"{capital(number_words(len(whole)))} of its {number_words(len(c.held))} "
                "meetings were quorate throughout."
            )
        said += [self._inquorate(m) for m in known if not m.quorate_throughout]
        return said

    def _inquorate(self, held: HeldMeeting) -> str:
        day = long_date(held.meeting.date)
        taken = sum(1 for d in self.compliance.inquorate if d.meeting.id == held.meeting.id)
        if held.quorate_at_opening:
            said = f"The meeting of {day} was inquorate for part of the business"
        else:
            said = f"The meeting of {day} was not quorate"
        if taken:
            was = "was" if taken == 1 else "were"
            return f"{said}; {counted(taken, 'decision')} {was} taken while it was inquorate."
        return f"{said}; no decisions were taken while inquorate."

    @staticmethod
    def quorum_state(held: HeldMeeting) -> str:
        """The meetings table's Quorate column."""
        return {
            True: "Quorate throughout",
            False: "Not quorate throughout",
            None: "Not recorded",
        }[held.quorate_throughout]

    def minutes_state(self, held: HeldMeeting) -> str:
        """ "Circulated", "Approved 12 September 2023", "Draft": the minutes' step."""
        meeting = held.meeting
        day = {
            MinutesStatus.CIRCULATED: meeting.circulated_on,
            MinutesStatus.APPROVED: meeting.approved_on,
            MinutesStatus.SIGNED: meeting.signed_on,
        }.get(meeting.status)
        return capital(meeting.status.value) + (f" {long_date(day)}" if day else "")

    @property
    def decisions_words(self) -> str:
        """ "In 2023/24 the Partnership made four decisions in public business and noted
        three reports." with the recommendations and the confidential business counted."""
        made = len(self.public_decisions)
        said = f"In {self.label} {self.body} made {counted(made, 'decision')} in public business"
        if self.noted:
            said += f" and noted {counted(self.noted, 'report')}"
        said += "."
        if self.recommendations:
            n = len(self.recommendations)
            were = "was a recommendation" if n == 1 else "were recommendations"
            said += f" {capital(counted(n, 'decision'))} {were} to {self.parent}."
        if self.private_decisions:
            n = self.private_decisions
            said += (
                f" {capital(counted(n, 'further decision'))}, made in confidential business, "
                f"{'is' if n == 1 else 'are'} not listed."
            )
        if made:
            # Named, not "They": after "and noted three reports" the reader would look
            # for the reports too, which are counted, not listed.
            said += (
                " The decisions are listed below."
                if made > 1
                else " The decision is set out below."
            )
        return said

    @property
    def compliance_words(self) -> list[tuple[str, str]]:
        """The compliance with the terms of reference: each measure ("Meetings",
        "Quorum", "Decisions", "Actions", "Minutes") in a sentence or two."""
        c = self.compliance
        met = f"met {times(len(c.held))}" if c.held else "did not meet"
        often = (
            f"ask it to meet at least {times(c.per_year)} a year"
            if c.per_year is not None
            else "do not set how often it meets"
        )
        rows = [
            (
                "Meetings",
                f"{capital(self.body)} {met} in {self.label}; its terms of reference {often}.",
            )
        ]
        if self.quorum_words:
            rows.append(("Quorum", " ".join(self.quorum_words)))
        flagged = [
            *((d, "while the meeting was inquorate") for d in c.inquorate),
            *((d, "by Chair's action") for d in c.chairs_action),
        ]
        decided = [
            f"A decision under minute {d.minute or d.item} of {long_date(d.meeting.date)}"
            + (
                f", in confidential business, was taken {how}."
                if d.confidential
                else f" was taken {how}: {as_reported(d.decision.text)}"
            )
            for d, how in flagged
        ]
        if decided or c.held:  # a committee that did not meet decided nothing at all
            none = "No decision was taken while inquorate or by Chair's action."
            rows.append(("Decisions", " ".join(decided) or none))
        minutes = self._minutes_words()
        if minutes:
            rows.append(("Minutes", " ".join(minutes)))
        # Last: the overdue actions' table follows it.
        rows.append(("Actions", self._actions_words()))
        return rows

    def _actions_words(self) -> str:
        c = self.compliance
        said = f"{capital(self.body)} agreed {counted(c.actions_agreed, 'action')} in the year."
        on = long_date(c.as_at)
        n = len(c.overdue)
        if n:
            said += f" {capital(number_words(n))} {'was' if n == 1 else 'were'} overdue on {on}"
            said += ", as listed below."
        else:
            said += f" None was overdue on {on}."
        if c.escalation_kept:
            e = len(c.escalated)
            said += (
                " No actions were escalated."
                if not e
                else f" {capital(counted(e, 'action'))} {'was' if e == 1 else 'were'} escalated."
            )
        return said

    def _minutes_words(self) -> list[str]:
        c = self.compliance
        rule = c.turnaround
        within = (
            f"circulated within {number_words(rule.circulate_within)} working days"
            if rule.circulate_within
            else ""
        )
        late = c.late_minutes
        if late:
            asks = " and ".join(
                p for p in (within, rule.approve_at_next and "approved at the next meeting") if p
            )
            # The house style's usual rule is not put in the terms of reference's mouth.
            whose = "Its terms of reference ask" if rule.from_terms else "Its usual rule asks"
            return [
                f"{whose} for draft minutes to be {asks}.",
                *(
                    f"The minutes of {long_date(m.date)} were late: {_long_dates(words)}."
                    for m, words in late
                ),
            ]
        if not c.held:
            return []
        waiting = [m.meeting for m in c.held if m.meeting.approved_on is None]
        done = len(waiting) < len(c.held)
        undated = c.circulation_undated
        dated = [m.meeting for m in c.held if not m.circulation_undated]
        parts = []
        # Circulated in time is said only of minutes whose circulation has a date.
        if within and dated:
            which = "every meeting" if not undated else listed([long_date(m.date) for m in dated])
            parts.append(f"The draft minutes of {which} were {within}")
        if rule.approve_at_next and done:
            every = "and " if parts else "The minutes of every meeting were "
            parts.append(
                f"{every}approved at the next meeting" + (" that followed" if waiting else "")
            )
        said = [" ".join(parts) + "."] if parts else []
        if undated:
            dates = listed([long_date(m.date) for m in undated])
            said.append(f"The date the minutes of {dates} were circulated is not recorded.")
        if rule.approve_at_next and waiting:
            # A later meeting already come (held, or not yet recorded): the approval is
            # not recorded, rather than still to come.
            known = [*(h.meeting for h in c.held), *(m for m, _ in c.not_held)]
            passed = [m for m in waiting if any(m.date < k.date <= c.as_at for k in known)]
            coming = [m for m in waiting if m not in passed]
            if passed:
                dates = listed([long_date(m.date) for m in passed])
                said.append(f"The approval of the minutes of {dates} is not yet recorded.")
            if coming:
                dates = listed([long_date(m.date) for m in coming])
                said.append(f"The minutes of {dates} are to be approved at its next meeting.")
        return said

    @property
    def register_words(self) -> list[str] | None:
        """The register's returns in sentences; None: the section is left out (the
        committee keeps no register here). A council's members' interests are in the
        council's own register, which the report says instead."""
        returns = self.returns
        if not returns.kept:
            if self.committee.body_type in (BodyType.PRINCIPAL_COUNCIL, BodyType.PARISH_COUNCIL):
                council = self.committee.parent_body or "the Council"
                return [
                    f"Members' interests are recorded in {_possessive(council)} register of "
                    "members' interests."
                ]
            return None
        names = [self.name(p) for p in (*returns.interests, *returns.nil, *returns.missing)]
        total = len(names)
        made = len(returns.interests) + len(returns.nil)
        if not total:
            return None
        if made == total:
            said = [f"Every member made a return to the register of interests for {self.label}."]
        elif not made:
            said = [f"No member made a return to the register of interests for {self.label}."]
        else:
            said = [
                f"{capital(number_words(made))} of the {number_words(total)} members made a "
                f"return to the register of interests for {self.label}."
            ]
        if returns.interests:
            said.append(
                f"Interests were declared by {listed([self.name(p) for p in returns.interests])}."
            )
        if returns.nil:
            said.append(f"Nil returns were made by {listed([self.name(p) for p in returns.nil])}.")
        if returns.missing and made:
            said.append(f"No return was made by {listed([self.name(p) for p in returns.missing])}.")
        return said


_NOTING = frozenset({DecisionVerb.NOTED, DecisionVerb.RECEIVED})

_COMMON_NOUNS = frozenset({"Board", "Committee", "Council", "Governing", "Joint", "Cabinet"})
"""First words of a body's name that make it "the Board of ...", not a proper name."""


def _possessive(name: str) -> str:
    """ "Milton Keynes City Council" -> "Milton Keynes City Council's"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"
