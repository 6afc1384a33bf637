"""Each committee's standing items: the list its new meetings' agendas start from
(docs/agenda.md), one row per item in agenda order. A committee is given its house
style's list when it is added; the secretary's changes replace the whole list at once."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlite_utils import Database

from minutebook.domain.base import Refused
from minutebook.domain.standing_items import StandingItem, checked
from minutebook.store.base import StoreBase
from minutebook.store.errors import Conflict
from minutebook.store.rows import from_row, to_row

if TYPE_CHECKING:
    from minutebook.domain import Committee


def write_standing(db: Database, code: str, items: Sequence[StandingItem]) -> list[StandingItem]:
    """Replace the committee's standing items with `items` in agenda order (inside the
    caller's transaction); Conflict, nothing written, when the list has two items of a
    kind a committee has only one of."""
    try:
        ordered = checked(items)
    except Refused as refused:
        raise Conflict(str(refused)) from None
    db.execute("DELETE FROM standing_items WHERE committee = ?", [code])
    db.table("standing_items").insert_all(
        {"committee": code, "position": position, **to_row(item)}
        for position, item in enumerate(ordered, start=1)
    )
    return list(ordered)


class StandingItemRepository(StoreBase):
    """The standing items of each committee."""

    if TYPE_CHECKING:  # from the other repositories that `Store` joins with this one

        def committee(self, code: str) -> Committee: ...

    def standing_items(self, code: str) -> list[StandingItem]:
        """The committee's standing items in agenda order: opening items, then closing."""
        rows = self._rows(
            "SELECT * FROM standing_items WHERE committee = ? ORDER BY position", [code]
        )
        return [from_row(StandingItem, row) for row in rows]

    def save_standing_items(self, code: str, items: Sequence[StandingItem]) -> list[StandingItem]:
        """Keep `items` as the committee's standing items, in agenda order; refused (and
        nothing changed) when the list has two items of a kind it can have only one of."""
        with self.transaction() as db:
            self.committee(code)
            return write_standing(db, code, items)
