"""The register of interests each committee keeps of its members (docs/register.md):
their interests and nil returns. Nothing is ever deleted: a correction is a new interest
replacing the old from its own date, so `register.register_on` can show the register as
it stood on any earlier day."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from minutebook.domain import Committee, Person
from minutebook.domain.register import Interest, NilReturn
from minutebook.store.base import StoreBase
from minutebook.store.errors import Conflict, NotFound
from minutebook.store.rows import from_row, to_row


class RegisterRepository(StoreBase):
    """Interests and nil returns, by committee."""

    if TYPE_CHECKING:  # from the other repositories that `Store` joins with this one

        def committee(self, code: str) -> Committee: ...
        def person(self, person_id: str) -> Person: ...

    def interests(self, code: str) -> list[Interest]:
        """Every interest recorded for the committee, replaced ones too, in the order
        they were recorded."""
        rows = self._rows("SELECT * FROM interests WHERE committee = ? ORDER BY id", [code])
        return [from_row(Interest, row) for row in rows]

    def nil_returns(self, code: str) -> list[NilReturn]:
        """Every nil return recorded for the committee, in the order recorded."""
        rows = self._rows("SELECT * FROM nil_returns WHERE committee = ? ORDER BY id", [code])
        return [from_row(NilReturn, row) for row in rows]

    def add_interest(self, interest: Interest) -> Interest:
        """Record an interest; returns it with its id. NotFound for an unknown committee
        or person."""
        with self.transaction():
            return self._insert_interest(interest)

    def add_nil_return(self, nil: NilReturn) -> NilReturn:
        """Record a nil return; returns it with its id."""
        with self.transaction():
            return self._insert_nil_return(nil)

    def replace_interest(self, old_id: int, interest: Interest) -> Interest:
        """Record a correction (or the end) of an interest: the new entry is in the
        register from its own date declared, and the old one is marked replaced on that
        date (it stays in the register of earlier days). Refused when the old one is
        already replaced, is another person's, or was declared after the correction."""
        with self.transaction():
            rows = self._rows("SELECT * FROM interests WHERE id = ?", [old_id])
            if not rows:
                raise NotFound(f"there is no interest {old_id}")
            old = from_row(Interest, rows[0])
            if old.replaced_on is not None:
                raise Conflict(f"that interest was already replaced on {old.replaced_on:%d/%m/%Y}")
            if (old.committee, old.person) != (interest.committee, interest.person):
                raise Conflict("a correction must be of the same person's interest")
            if interest.declared_on < old.declared_on:
                raise Conflict(
                    f"the correction must be dated on or after {old.declared_on:%d/%m/%Y}, "
                    "when the interest was declared"
                )
            self.db.execute(
                "UPDATE interests SET replaced_on = ? WHERE id = ?",
                [interest.declared_on.isoformat(), old_id],
            )
            return self._insert_interest(interest.model_copy(update={"replaced_on": None}))

    def add_register(
        self,
        interests: Sequence[Interest],
        nil_returns: Sequence[NilReturn],
        people: Sequence[Person] = (),
    ) -> tuple[list[Interest], list[NilReturn]]:
        """Record a whole register at once (an import): the people it names who are new
        to the store first, then its interests and nil returns, all or nothing."""
        with self.transaction() as db:
            for person in people:
                if not self._rows("SELECT 1 FROM people WHERE id = ?", [person.id]):
                    db.table("people").insert(to_row(person))
            return (
                [self._insert_interest(i) for i in interests],
                [self._insert_nil_return(n) for n in nil_returns],
            )

    def _insert_interest(self, interest: Interest) -> Interest:
        return interest.model_copy(update={"id": self._insert("interests", interest)})

    def _insert_nil_return(self, nil: NilReturn) -> NilReturn:
        return nil.model_copy(update={"id": self._insert("nil_returns", nil)})

    def _insert(self, table: str, entry: Interest | NilReturn) -> int | None:
        """Insert an entry of the register (inside the caller's transaction); its id."""
        self.committee(entry.committee)  # NotFound if unknown, in the secretary's words
        self.person(entry.person)
        row = to_row(entry, exclude={"id"})
        cursor = self.db.execute(
            f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
            list(row.values()),
        )
        return cursor.lastrowid
