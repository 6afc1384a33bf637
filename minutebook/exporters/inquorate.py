"""The words for an inquorate period, the same in both house styles (docs/quorum.md).

When the meeting lost its quorum, who left and when, what became of the items taken
while it was inquorate, and when the quorum came back are decided by the domain
(`domain.meeting_quorum.MeetingQuorum.periods`); this module only words them:
"The meeting became inquorate at 15:05 when Councillor R Bradburn left the meeting.",
"Items 6 and 7 were taken for information only.", "Quorum was restored at 15:20 when
V Collins joined the meeting."
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from minutebook.domain.meeting_quorum import Outcome, Period
from minutebook.exporters.common import join

OUTCOME_WORDS: dict[Outcome, str] = {
    Outcome.DECIDED: "decided although the meeting was inquorate (the decisions are "
    "marked as such)",
    Outcome.CHAIRS_ACTION: "decided by Chair's action, to be reported to the next meeting",
    Outcome.REFERRED: "referred to {parent}",
    Outcome.DEFERRED: "deferred",
    Outcome.INFORMATION: "taken for information only",
    Outcome.NOT_TAKEN: "not taken",
}


# -- the words -------------------------------------------------------------------------------


def item_list(numbers: Sequence[int]) -> str:
    """ "item 6", "items 6 and 7", "items 6 to 9", "items 3, 6 and 7"."""
    groups: list[list[int]] = []
    for number in numbers:
        if groups and number == groups[-1][-1] + 1:
            groups[-1].append(number)
        else:
            groups.append([number])
    parts: list[str] = []
    for group in groups:
        parts += [f"{group[0]} to {group[-1]}"] if len(group) > 2 else [str(n) for n in group]
    return f"{'items' if len(numbers) > 1 else 'item'} {join(parts)}"


def _at(time: str | None) -> str:
    return f" at {time}" if time else ""


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


def began_text(period: Period, name: Callable[[str], str], with_reasons: bool) -> str:
    """ "The meeting became inquorate at 15:05 when Councillor R Bradburn left the
    meeting." ("" where the Chair's ruling at the item already says so)."""
    if period.ruled:
        return ""
    reasons = f" ({'; '.join(period.reasons)})" if with_reasons and period.reasons else ""
    if period.from_start:
        return f"The meeting was inquorate from its start{reasons}."
    causes = []
    if period.left:
        causes.append(f"{join([name(p) for p in period.left])} left the meeting")
    if period.withdrew:
        who = join([name(p) for p in period.withdrew])
        causes.append(f"{who} left for the item, having declared an interest")
    if period.no_part:
        who = join([name(p) for p in period.no_part])
        causes.append(f"{who}, having declared an interest, could take no part")
    when = f" when {' and '.join(causes)}" if causes else ""
    return f"The meeting became inquorate{_at(period.began_at)}{when}{reasons}."


def outcome_text(period: Period, parent: str | None) -> str:
    """ "Items 6 and 7 were taken for information only; item 8 was deferred." ("" when
    no item's business was done while inquorate.) An item decided on before the quorum
    was lost is "the rest of item 4"."""
    if not period.outcomes:
        return ""
    if period.adjourned:
        verb = "were" if len(period.items) > 1 else "was"
        return _sentence(f"the meeting was adjourned; {item_list(period.items)} {verb} not taken")
    grouped: dict[Outcome, list[int]] = {}
    for number, result in period.outcomes:
        grouped.setdefault(result, []).append(number)
    clauses = []
    for result, numbers in grouped.items():
        words = OUTCOME_WORDS[result].format(parent=parent or "the parent body")
        parts: list[str] = []
        run: list[int] = []
        for number in numbers:
            if number in period.rest_of:
                parts += [item_list(run)] if run else []
                parts.append(f"the rest of item {number}")
                run = []
            else:
                run.append(number)
        parts += [item_list(run)] if run else []
        verb = "were" if len(numbers) > 1 else "was"
        clauses.append(f"{join(parts)} {verb} {words}")
    return _sentence("; ".join(clauses))


NAMED_AT_MOST = 3
"""Those who restored the quorum together are named up to three ("when A, B and C
joined the meeting"); more are "members" (a roll of ten is no sentence)."""


def _who(people: Sequence[str], name: Callable[[str], str]) -> str:
    return join([name(p) for p in people]) if len(people) <= NAMED_AT_MOST else "members"


def restored_text(period: Period, name: Callable[[str], str]) -> str:
    """ "Quorum was restored at 15:20 when Councillor D Hopkins joined the meeting.",
    everyone whose arrival in one change restored it named, "when members joined the
    meeting" beyond three (`NAMED_AT_MOST`);
    "... when M Bracey could take part again", for someone who stayed in the room but
    took no part in the item before, having declared an interest in it."""
    if period.ruled_back:
        return ""  # the Chair's ruling that it was quorate, minuted where it was made
    if period.restored_item is None:
        if period.adjourned:
            return ""
        return f"The meeting remained inquorate until its close{_at(period.closed_at)}."
    causes = []
    if period.arrived:
        causes.append(f"{_who(period.arrived, name)} joined the meeting")
    if period.returned:
        causes.append(f"{_who(period.returned, name)} returned to the meeting")
    if period.took_part:
        # They stayed in the room for the item before: they did not "return".
        causes.append(f"{_who(period.took_part, name)} could take part again")
    when = f" when {' and '.join(causes)}" if causes else ""
    return f"Quorum was restored{_at(period.restored_at)}{when}."
