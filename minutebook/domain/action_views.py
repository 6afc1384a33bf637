"""The action tracker between meetings (docs/actions.md): which actions a view of the
tracker shows, and the list of what one owner must do before the next meeting, worded
to paste into an email.

Open and overdue are `actions.is_open` / `actions.is_overdue`; the filters combine them
with the owner, the status and the meeting that agreed the action."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from minutebook.domain.actions import Action, ActionStatus, is_open, is_overdue
from minutebook.domain.dates import long_date


@dataclass(frozen=True)
class ActionFilter:
    """What the tracker shows: every action, or those open, overdue on the day asked,
    of one owner, in one status, or agreed at one meeting (all that are given)."""

    open_only: bool = False
    overdue: bool = False
    owner: str | None = None
    status: ActionStatus | None = None
    meeting: date | None = None

    def matches(self, action: Action, day: date) -> bool:
        return (
            (not self.open_only or is_open(action))
            and (not self.overdue or is_overdue(action, day))
            and (self.owner is None or action.owner == self.owner)
            and (self.status is None or action.status is self.status)
            and (self.meeting is None or action.meeting_date == self.meeting)
        )

    def words(self, names: dict[str, str]) -> str:
        """The filter in a few words, for the screen's title ("open · overdue")."""
        parts = []
        if self.open_only:
            parts.append("open")
        if self.overdue:
            parts.append("overdue")
        if self.owner is not None:
            parts.append(names.get(self.owner, self.owner))
        if self.status is not None:
            parts.append(self.status.label.lower())
        if self.meeting is not None:
            parts.append(f"agreed {self.meeting:%d/%m/%Y}")
        return " · ".join(parts) or "all actions"


def owner_actions(actions: Sequence[Action], owner: str) -> list[Action]:
    """The owner's open actions, the earliest deadline first (none last)."""
    mine = [a for a in actions if a.owner == owner and is_open(a)]
    return sorted(mine, key=lambda a: (a.due is None, a.due or date.max, a.number or 0))


def owner_list_text(
    actions: Sequence[Action],
    owner_name: str,
    committee_name: str,
    next_meeting: date | None,
    today: date,
) -> str:
    """What one owner must do before the next meeting, as plain text for an email:
    each open action with its number, where it was agreed, its deadline (and whether it
    is overdue) and the last position recorded."""
    before = f" before the meeting on {long_date(next_meeting)}" if next_meeting else ""
    lines = [f"{committee_name}: actions for {owner_name}{before}", ""]
    if not actions:
        lines.append("No open actions.")
    for action in actions:
        minute = f", minute {action.minute}" if action.minute else ""
        lines.append(
            f"Action {action.number or action.id} (agreed {action.meeting_date:%d/%m/%Y}{minute})"
        )
        lines.append(f"  {action.description}")
        if action.due is None:
            due = "  No deadline set"
        else:
            due = f"  Due {action.due:%d/%m/%Y}"
            if is_overdue(action, today):
                due += " (overdue)"
        if action.status is ActionStatus.COMPLETE_PROPOSE_CLOSURE:
            due += "; reported complete, for closure at the next meeting"
        lines.append(due)
        if action.updates:
            last = action.updates[-1]
            lines.append(f"  Last position ({last.date:%d/%m/%Y}): {last.text}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
