"""Which business is confidential, decided once (docs/confidentiality.md).

An agenda item can be confidential (Part II, private session). Everything recorded under
it is confidential too: its minute, its decisions, the actions agreed under it and the
declarations made on it. Every public document (the public minutes, the action tracker)
asks these functions, and shows nothing they call confidential.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from minutebook.domain.actions import Action
from minutebook.domain.meeting import AgendaItem

ConfidentialItems = Collection[tuple[int, int]]
"""(meeting id, agenda number) of every confidential item of a committee."""


def confidential_items(meeting_id: int, agenda: Iterable[AgendaItem]) -> frozenset[tuple[int, int]]:
    return frozenset((meeting_id, item.number) for item in agenda if item.confidential)


def is_confidential(
    meeting_id: int | None, item: int | None, confidential: ConfidentialItems
) -> bool:
    """Whether business recorded at `item` of meeting `meeting_id` is confidential."""
    return meeting_id is not None and item is not None and (meeting_id, item) in confidential


def action_is_confidential(action: Action, confidential: ConfidentialItems) -> bool:
    return is_confidential(action.meeting_id, action.item, confidential)


def public_actions(actions: Sequence[Action], confidential: ConfidentialItems) -> list[Action]:
    """The actions a public document may show."""
    return [a for a in actions if not action_is_confidential(a, confidential)]
