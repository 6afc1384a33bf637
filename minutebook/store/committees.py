"""Committees and who sits on them: organisations, people, seats, the membership that
joins them, and the terms of reference with their import from a file."""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Sequence
from datetime import date
from typing import Any

from pydantic import ValidationError

from minutebook.domain import Committee, Membership, Organisation, Person, Seat, TermsOfReference
from minutebook.domain.base import error_lines, slug
from minutebook.domain.quorum import in_force_on, version_refused
from minutebook.domain.standing_items import StandingItem, default_standing_items
from minutebook.store.base import StoreBase
from minutebook.store.errors import Conflict, NotFound, StoreError
from minutebook.store.rows import from_row, to_row
from minutebook.store.standing import write_standing


class CommitteeRepository(StoreBase):
    """Committees, their organisations, seats and terms of reference, and people."""

    # -- committees ------------------------------------------------------------------

    @staticmethod
    def _committee_row(committee: Committee) -> dict[str, Any]:
        row = to_row(committee, exclude={"numbering"})
        row["numbering_template"] = committee.numbering.template
        row["numbering_prefix"] = committee.numbering.prefix
        row["numbering_reset"] = committee.numbering.reset.value
        return row

    @staticmethod
    def _committee_from(row: dict[str, Any]) -> Committee:
        numbering = {
            "template": row.pop("numbering_template"),
            "prefix": row.pop("numbering_prefix"),
            "reset": row.pop("numbering_reset"),
        }
        return Committee.model_validate({**row, "numbering": numbering})

    def committees(self) -> list[Committee]:
        rows = self._rows("SELECT * FROM committees ORDER BY name")
        return [self._committee_from(row) for row in rows]

    def committee(self, code: str) -> Committee:
        rows = self._rows("SELECT * FROM committees WHERE code = ?", [code])
        if not rows:
            raise NotFound(f"there is no committee with code {code!r}")
        return self._committee_from(rows[0])

    def add_committee(self, committee: Committee) -> Committee:
        with self.transaction() as db:
            # Codes differing only in case would read as the same committee to anyone.
            clash = self._rows(
                "SELECT code FROM committees WHERE lower(code) = lower(?)", [committee.code]
            )
            if clash:
                raise Conflict(f"a committee with code {clash[0]['code']} already exists")
            db.table("committees").insert(self._committee_row(committee))
            write_standing(db, committee.code, default_standing_items(committee.house_style))
        return committee

    def update_committee(self, committee: Committee) -> Committee:
        with self.transaction() as db:
            self.committee(committee.code)
            db.table("committees").update(committee.code, self._committee_row(committee))
        return committee

    # -- organisations ---------------------------------------------------------------

    def organisations(self, code: str) -> list[Organisation]:
        rows = self._rows(
            "SELECT * FROM organisations WHERE committee = ? ORDER BY position", [code]
        )
        return [from_row(Organisation, row) for row in rows]

    def add_organisation(self, code: str, organisation: Organisation) -> Organisation:
        with self.transaction() as db:
            self.committee(code)
            clash = self._rows(
                "SELECT id FROM organisations WHERE committee = ? AND lower(id) = lower(?)",
                [code, organisation.id],
            )
            if clash:
                raise Conflict(f"organisation id {clash[0]['id']} is already used")
            position = self._next_position("organisations", code)
            db.table("organisations").insert(
                {"committee": code, **to_row(organisation), "position": position}
            )
        return organisation

    def update_organisation(self, code: str, organisation: Organisation) -> Organisation:
        with self.transaction() as db:
            if not self._rows(
                "SELECT 1 FROM organisations WHERE committee = ? AND id = ?",
                [code, organisation.id],
            ):
                raise NotFound(f"organisation {organisation.id} is not on committee {code}")
            db.table("organisations").update((code, organisation.id), to_row(organisation))
        return organisation

    def retire_organisation(self, code: str, org_id: str, on: date | None) -> None:
        """Retire an organisation from the committee (its history stays); `on` None
        reinstates it."""
        with self.transaction() as db:
            if not self._rows(
                "SELECT 1 FROM organisations WHERE committee = ? AND id = ?", [code, org_id]
            ):
                raise NotFound(f"organisation {org_id} is not on committee {code}")
            db.table("organisations").update(
                (code, org_id), {"retired_on": on.isoformat() if on else None}
            )

    def _next_position(self, table: str, code: str) -> int:
        rows = self._rows(f"SELECT MAX(position) AS p FROM {table} WHERE committee = ?", [code])
        return int(rows[0]["p"] or 0) + 1

    # -- people and seats ------------------------------------------------------------

    def people(self, ids: Collection[str] | None = None) -> list[Person]:
        """Everyone in the file, by name; given `ids`, only the people with those ids.

        A file keeps every committee's people, so a screen or a document that names a
        committee's few dozen asks for them by id rather than read and check them all."""
        if ids is None:
            rows = self._rows("SELECT * FROM people ORDER BY name, id")
        else:
            rows = self._rows_in("SELECT * FROM people WHERE id IN ({marks})", ids)
            rows.sort(key=lambda row: (row["name"], row["id"]))  # as SQLite orders text
        return [from_row(Person, row) for row in rows]

    def person(self, person_id: str) -> Person:
        rows = self._rows("SELECT * FROM people WHERE id = ?", [person_id])
        if not rows:
            raise NotFound(f"there is no person with id {person_id!r}")
        return from_row(Person, rows[0])

    def save_person(self, person: Person) -> Person:
        """Add a person, or update the one with the same id."""
        with self.transaction() as db:
            db.table("people").upsert(to_row(person), pk="id")
        return person

    def new_person_id(self, name: str, reserved: Collection[str] = ()) -> str:
        """An unused person id made from their name, other than those `reserved` (ids
        given to people not stored yet, such as an import's, stored all at once)."""
        base = slug(name)
        taken = {
            row["id"] for row in self._rows("SELECT id FROM people WHERE id LIKE ?", [base + "%"])
        } | set(reserved)
        candidate, n = base, 2
        while candidate in taken:
            candidate, n = f"{base}-{n}", n + 1
        return candidate

    def _known_people(self, ids: Sequence[str]) -> set[str]:
        """Which of these person ids are in the store, in one query."""
        if not ids:
            return set()
        marks = ", ".join("?" * len(ids))
        rows = self._rows(f"SELECT id FROM people WHERE id IN ({marks})", list(ids))
        return {row["id"] for row in rows}

    def seats(self, code: str) -> list[Seat]:
        rows = self._rows("SELECT * FROM seats WHERE committee = ? ORDER BY position", [code])
        return [from_row(Seat, row) for row in rows]

    def new_seat_id(self, code: str) -> str:
        """The next free seat id of the form S<n>."""
        numbers = [
            int(row["id"][1:])
            for row in self._rows("SELECT id FROM seats WHERE committee = ?", [code])
            if re.fullmatch(r"S\d+", row["id"])
        ]
        return f"S{max(numbers, default=0) + 1}"

    def _check_seat(self, code: str, seat: Seat) -> None:
        problems = []
        if seat.org is not None and not self._rows(
            "SELECT 1 FROM organisations WHERE committee = ? AND id = ?", [code, seat.org]
        ):
            problems.append(f"organisation {seat.org!r} is not on this committee")
        named = [who for who in (seat.holder, *seat.named_deputies) if who is not None]
        known = self._known_people(named)
        problems.extend(f"{who!r} is not a known person" for who in named if who not in known)
        if problems:
            raise StoreError("; ".join(problems))

    def save_member(
        self, code: str, seat: Seat, holder: Person | None = None, others: Sequence[Person] = ()
    ) -> Seat:
        """Add a seat (or update the one with the same id) together with its holder and
        any people it names as deputies who are new to the store."""
        with self.transaction() as db:
            self.committee(code)
            for person in (*([holder] if holder else []), *others):
                db.table("people").upsert(to_row(person), pk="id")
            self._check_seat(code, seat)
            existing = self._rows(
                "SELECT position FROM seats WHERE committee = ? AND id = ?", [code, seat.id]
            )
            if existing:
                db.table("seats").update((code, seat.id), to_row(seat))
            else:
                position = self._next_position("seats", code)
                db.table("seats").insert({"committee": code, **to_row(seat), "position": position})
        return seat

    def add_member(
        self, code: str, seat: Seat, holder: Person | None = None, others: Sequence[Person] = ()
    ) -> Seat:
        """Add a new seat; refuses a seat id already in use."""
        with self.transaction():
            clash = self._rows(
                "SELECT id FROM seats WHERE committee = ? AND lower(id) = lower(?)", [code, seat.id]
            )
            if clash:
                raise Conflict(f"seat id {clash[0]['id']} is already used on {code}")
            return self.save_member(code, seat, holder, others)

    def retire_seat(self, code: str, seat_id: str, on: date | None) -> None:
        """Retire a member's seat (past attendance and minutes keep referring to it);
        `on` None reinstates it."""
        with self.transaction() as db:
            if not self._rows(
                "SELECT 1 FROM seats WHERE committee = ? AND id = ?", [code, seat_id]
            ):
                raise NotFound(f"seat {seat_id} is not on committee {code}")
            db.table("seats").update(
                (code, seat_id), {"retired_on": on.isoformat() if on else None}
            )

    def membership(self, code: str) -> Membership:
        """The committee with its organisations, seats and the people they name."""
        committee = self.committee(code)
        seats = self.seats(code)
        wanted = {s.holder for s in seats if s.holder} | {
            d for s in seats for d in s.named_deputies
        }
        people = self.people(wanted)
        return Membership(
            committee=committee,
            organisations=tuple(self.organisations(code)),
            people=tuple(people),
            seats=tuple(seats),
        )

    # -- terms of reference ------------------------------------------------------------

    def terms_of_reference(self, code: str) -> list[TermsOfReference]:
        rows = self._rows(
            "SELECT * FROM terms_of_reference WHERE committee = ? ORDER BY version", [code]
        )
        return [from_row(TermsOfReference, row) for row in rows]

    def add_terms_of_reference(self, code: str, tor: TermsOfReference) -> TermsOfReference:
        with self.transaction() as db:
            self.committee(code)
            if self._rows(
                "SELECT 1 FROM terms_of_reference WHERE committee = ? AND version = ?",
                [code, tor.version],
            ):
                raise Conflict(f"{code} already has terms of reference version {tor.version}")
            refused = version_refused(self.terms_of_reference(code), tor)
            if refused is not None:
                raise Conflict(refused)
            row = to_row(tor, exclude={"quorum"})
            row["quorum"] = json.dumps(tor.quorum.model_dump(mode="json"), ensure_ascii=False)
            db.table("terms_of_reference").insert({"committee": code, **row})
        return tor

    def terms_in_force(self, code: str, day: date) -> TermsOfReference | None:
        """The version a meeting on `day` is judged by (docs/quorum.md)."""
        return in_force_on(self.terms_of_reference(code), day)

    def import_terms(
        self,
        membership: Membership,
        versions: Sequence[TermsOfReference],
        standing: Sequence[StandingItem] | None = None,
        settings: Collection[str] = (),
    ) -> int:
        """Bring a committee's set-up and ToR versions in from a file, all or nothing.

        People are matched to those already known by name; organisations and seats are
        added or updated by id; a version already stored is skipped if identical and
        refused if different (versions are never silently rewritten); the standing items,
        where the file gives them, replace the committee's; so do the committee's
        `settings` the file gives (its kind of body, its exclusion wording). Returns how
        many versions were added.
        """
        committee = membership.committee
        code = committee.code
        with self.transaction() as db:
            try:
                current = self.committee(code)
                given = {key: getattr(committee, key) for key in settings}
                try:
                    updated = current.model_copy(
                        update={
                            "name": committee.name,
                            "parent_body": committee.parent_body,
                            **given,
                        }
                    )
                except ValidationError as error:
                    raise StoreError(f"{code}: {error_lines(error)[0]}") from None
                db.table("committees").update(code, self._committee_row(updated))
            except NotFound:
                current = self.add_committee(committee)
            known = {p.name.casefold(): p.id for p in self.people()}
            ids: dict[str, str] = {}
            for person in membership.people:
                found = known.get(person.name.casefold())
                if found is None:
                    found = self.new_person_id(person.name)
                    self.save_person(person.model_copy(update={"id": found}))
                    known[person.name.casefold()] = found
                ids[person.id] = found
            existing_orgs = {o.id for o in self.organisations(code)}
            for org in membership.organisations:
                if org.id in existing_orgs:
                    self.update_organisation(code, org)
                else:
                    self.add_organisation(code, org)
            for seat in membership.seats:
                self.save_member(
                    code,
                    seat.model_copy(
                        update={
                            "holder": ids.get(seat.holder, seat.holder) if seat.holder else None,
                            "named_deputies": tuple(ids.get(d, d) for d in seat.named_deputies),
                        }
                    ),
                )
            stored = {v.version: v for v in self.terms_of_reference(code)}
            added = 0
            # In number order: each is judged against those before it (version_refused).
            for version in sorted(versions, key=lambda v: v.version):
                same = stored.get(version.version)
                if same is None:
                    self.add_terms_of_reference(code, version)
                    added += 1
                elif same != version:
                    raise Conflict(
                        f"{current.code} already has terms of reference version "
                        f"{version.version} with a different rule; give the new one "
                        f"version {max(stored) + 1}"
                    )
            if standing is not None:
                write_standing(db, code, standing)
            return added
