"""A committee's annual report to its parent body (docs/exports.md, "The annual report"):
its year, the meetings held, the attendance, the decisions and recommendations made,
the register's returns and the compliance figures, each the one answer of its own rule.

**The year** is the committee's year that its action tracker's title gives
(`tracker.tracker_year`): a council's municipal year from 1 May, an NHS body's financial
year from 1 April, or the committee's own numbering year where that runs from April or
May. `--year 2023` is 2023/24.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from minutebook.domain.attendance_record import AttendanceReport
from minutebook.domain.committee import Committee, Person
from minutebook.domain.compliance import Compliance, DecisionTaken
from minutebook.domain.meeting import DecisionVerb
from minutebook.domain.register import Interest, NilReturn, without_return

MUNICIPAL_MONTH = 5


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
class AnnualReport:
    """Everything the annual report prints, decided: the exporter words it."""

    label: str
    """ "2023/24"."""
    compliance: Compliance
    attendance: AttendanceReport
    returns: RegisterReturns
    people: Mapping[str, Person]

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

    def name(self, person: str) -> str:
        known = self.people.get(person)
        return known.display_name if known is not None else person

    @property
    def public_decisions(self) -> tuple[DecisionTaken, ...]:
        """The decisions made in public business (not NOTED, RECEIVED, DEFERRED or
        REFERRED; not under a confidential item, docs/confidentiality.md), recommendations
        included, in the order of the meetings and their minutes."""
        return tuple(d for d in self.compliance.decisions if d.is_decision and not d.confidential)

    @property
    def recommendations(self) -> tuple[DecisionTaken, ...]:
        return tuple(
            d for d in self.public_decisions if d.decision.verb is DecisionVerb.RECOMMENDED
        )

    @property
    def private_decisions(self) -> int:
        """How many decisions were made in confidential business (counted, not shown)."""
        return sum(1 for d in self.compliance.decisions if d.is_decision and d.confidential)
