"""The Minutebook store: one SQLite file, reached only through these functions.

Every public method takes or returns domain models. Every logical change (a member with
their seat, an agenda reorder with the rows that refer to item numbers) is one
transaction, committed before the method returns, so nothing the secretary does waits
for a later save. The file runs in WAL mode with ``synchronous=NORMAL``: a commit is a
fraction of a millisecond and survives the app being killed; after a power cut, WAL
keeps the file consistent and loses at most the last moments.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from sqlite_utils import Database

from minutebook.domain import (
    Action,
    AgendaItem,
    Attendance,
    Committee,
    Decision,
    Declaration,
    Meeting,
    MeetingRecord,
    Membership,
    Minute,
    Organisation,
    Person,
    QuorumRuling,
    Seat,
    TermsOfReference,
)
from minutebook.domain.base import clean_text, error_lines, slug
from minutebook.domain.numbering import format_minute_number, period_start
from minutebook.domain.quorum import in_force_on
from minutebook.domain.snapshot import MinutesSnapshot
from minutebook.store.database_file import DatabaseFile
from minutebook.store.errors import Conflict, NotFound, StoreError
from minutebook.store.migrations import migrations

M = TypeVar("M", bound=BaseModel)

_JSON_COLUMNS = {"tags", "named_deputies", "seats", "deputy_for", "past_deadlines", "quorum"}


def _to_row(model: BaseModel, *, exclude: set[str] | None = None) -> dict[str, Any]:
    row = model.model_dump(mode="json", exclude=exclude)
    for key, value in row.items():
        if key in _JSON_COLUMNS:
            row[key] = json.dumps(value, ensure_ascii=False)
        elif isinstance(value, bool):
            row[key] = int(value)
    return row


def _from_row(cls: type[M], row: dict[str, Any], **extra: Any) -> M:
    data = {
        k: (json.loads(v) if k in _JSON_COLUMNS and isinstance(v, str) else v)
        for k, v in row.items()
    }
    # Columns that place a row (its committee, its position in a list) but are not part
    # of the model itself.
    for column in ("position", "committee", "minute_id", "action_id", "deleted_at", "started_at"):
        if column not in cls.model_fields:
            data.pop(column, None)
    data.update(extra)
    try:
        return cls.model_validate(data)
    except ValidationError as error:  # a hand-edited or damaged row: say which
        raise StoreError(
            f"a stored {cls.__name__} is not valid: {error_lines(error)[0]}"
        ) from error


class Store:
    """The open database. Build it with `Store.open(path)` or `Store.in_memory()`, or
    from an already open `DatabaseFile` with `Store.on(file)`."""

    def __init__(self, db: Database, file: DatabaseFile):
        self.db = db
        self.file = file
        self.path = file.path

    # -- opening and closing ---------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str) -> Store:
        """Open (creating if needed) the database at `path`, refusing unsafe files."""
        return DatabaseFile.open(path).store()

    @classmethod
    def in_memory(cls) -> Store:
        """A private database in memory, for tests and previews."""
        return DatabaseFile.in_memory().store()

    @classmethod
    def on(cls, file: DatabaseFile) -> Store:
        """The full store on an open file, its schema brought up to date."""
        store = cls(Database(file.conn, strict=True), file)
        if not file.read_only:  # a reader only opens a file that is up to date
            migrations.apply(store.db)
        return store

    def close(self) -> None:
        """Checkpoint the log into the main file and release the lock."""
        self.file.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """One logical change: all of it is committed, or none of it.

        The outer transaction begins IMMEDIATE so that a read followed by a write never
        fails half way under WAL; nested calls become savepoints.
        """
        conn = self.db.conn
        if conn.in_transaction:
            with self.db.atomic():
                yield self.db
            return
        # A reader's transaction is a plain one: it must never hold the write lock that
        # a Minutebook window with the same file open needs for its next keystroke.
        conn.execute("BEGIN" if self.file.read_only else "BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        else:
            conn.execute("COMMIT")

    def _rows(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[dict[str, Any]]:
        cursor = self.db.execute(sql, params)
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

    # -- settings --------------------------------------------------------------------

    def setting(self, key: str) -> str | None:
        return self.file.setting(key)

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction() as db:
            db.table("settings").upsert({"key": key, "value": value}, pk="key")

    @property
    def is_demo(self) -> bool:
        return self.file.is_demo

    def is_empty(self) -> bool:
        return not self._rows("SELECT 1 FROM committees LIMIT 1")

    # -- committees ------------------------------------------------------------------

    @staticmethod
    def _committee_row(committee: Committee) -> dict[str, Any]:
        row = _to_row(committee, exclude={"numbering"})
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
        return [_from_row(Organisation, row) for row in rows]

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
                {"committee": code, **_to_row(organisation), "position": position}
            )
        return organisation

    def update_organisation(self, code: str, organisation: Organisation) -> Organisation:
        with self.transaction() as db:
            if not self._rows(
                "SELECT 1 FROM organisations WHERE committee = ? AND id = ?",
                [code, organisation.id],
            ):
                raise NotFound(f"organisation {organisation.id} is not on committee {code}")
            db.table("organisations").update((code, organisation.id), _to_row(organisation))
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

    def people(self) -> list[Person]:
        return [_from_row(Person, row) for row in self._rows("SELECT * FROM people ORDER BY name")]

    def person(self, person_id: str) -> Person:
        rows = self._rows("SELECT * FROM people WHERE id = ?", [person_id])
        if not rows:
            raise NotFound(f"there is no person with id {person_id!r}")
        return _from_row(Person, rows[0])

    def save_person(self, person: Person) -> Person:
        """Add a person, or update the one with the same id."""
        with self.transaction() as db:
            db.table("people").upsert(_to_row(person), pk="id")
        return person

    def new_person_id(self, name: str) -> str:
        """An unused person id made from their name."""
        base = slug(name)
        taken = {
            row["id"] for row in self._rows("SELECT id FROM people WHERE id LIKE ?", [base + "%"])
        }
        candidate, n = base, 2
        while candidate in taken:
            candidate, n = f"{base}-{n}", n + 1
        return candidate

    def seats(self, code: str) -> list[Seat]:
        rows = self._rows("SELECT * FROM seats WHERE committee = ? ORDER BY position", [code])
        return [_from_row(Seat, row) for row in rows]

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
        for who in (seat.holder, *seat.named_deputies):
            if who is not None and not self._rows("SELECT 1 FROM people WHERE id = ?", [who]):
                problems.append(f"{who!r} is not a known person")
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
                db.table("people").upsert(_to_row(person), pk="id")
            self._check_seat(code, seat)
            existing = self._rows(
                "SELECT position FROM seats WHERE committee = ? AND id = ?", [code, seat.id]
            )
            if existing:
                db.table("seats").update((code, seat.id), _to_row(seat))
            else:
                position = self._next_position("seats", code)
                db.table("seats").insert({"committee": code, **_to_row(seat), "position": position})
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
        people = [p for p in self.people() if p.id in wanted]
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
        return [_from_row(TermsOfReference, row) for row in rows]

    def add_terms_of_reference(self, code: str, tor: TermsOfReference) -> TermsOfReference:
        with self.transaction() as db:
            self.committee(code)
            if self._rows(
                "SELECT 1 FROM terms_of_reference WHERE committee = ? AND version = ?",
                [code, tor.version],
            ):
                raise Conflict(f"{code} already has terms of reference version {tor.version}")
            row = _to_row(tor, exclude={"quorum"})
            row["quorum"] = json.dumps(tor.quorum.model_dump(mode="json"), ensure_ascii=False)
            db.table("terms_of_reference").insert({"committee": code, **row})
        return tor

    def terms_in_force(self, code: str, day: date) -> TermsOfReference | None:
        """The version a meeting on `day` is judged by (DOMAIN.md 2.3)."""
        return in_force_on(self.terms_of_reference(code), day)

    def import_terms(self, membership: Membership, versions: Sequence[TermsOfReference]) -> int:
        """Bring a committee's set-up and ToR versions in from a file, all or nothing.

        People are matched to those already known by name; organisations and seats are
        added or updated by id; a version already stored is skipped if identical and
        refused if different (versions are never silently rewritten). Returns how many
        versions were added.
        """
        committee = membership.committee
        code = committee.code
        with self.transaction() as db:
            try:
                current = self.committee(code)
                db.table("committees").update(
                    code, {"name": committee.name, "parent_body": committee.parent_body}
                )
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
            for version in versions:
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
            return added

    # -- meetings and agendas ----------------------------------------------------------

    def meetings(self, code: str) -> list[Meeting]:
        rows = self._rows("SELECT * FROM meetings WHERE committee = ? ORDER BY date, time", [code])
        return [_from_row(Meeting, row) for row in rows]

    def meeting(self, meeting_id: int) -> Meeting:
        rows = self._rows("SELECT * FROM meetings WHERE id = ?", [meeting_id])
        if not rows:
            raise NotFound(f"there is no meeting {meeting_id}")
        return _from_row(Meeting, rows[0])

    def meeting_on(self, code: str, day: date) -> Meeting:
        rows = self._rows(
            "SELECT * FROM meetings WHERE committee = ? AND date = ? ORDER BY time",
            [code, day.isoformat()],
        )
        if not rows:
            raise NotFound(f"{code} has no meeting on {day:%d %B %Y}")
        return _from_row(Meeting, rows[0])

    def add_meeting(self, meeting: Meeting) -> Meeting:
        with self.transaction() as db:
            self.committee(meeting.committee)
            table = db.table("meetings")
            table.insert(_to_row(meeting, exclude={"id"}))
            return meeting.model_copy(update={"id": table.last_pk})

    def update_meeting(self, meeting: Meeting) -> Meeting:
        if meeting.id is None:
            raise StoreError("the meeting has not been saved yet")
        with self.transaction() as db:
            current = self.meeting(meeting.id)
            if current.is_locked:
                raise Conflict("these minutes are signed and locked; record a correction instead")
            db.table("meetings").update(meeting.id, _to_row(meeting, exclude={"id"}))
        return meeting

    def _unlocked(self, meeting_id: int) -> Meeting:
        meeting = self.meeting(meeting_id)
        if meeting.is_locked:
            raise Conflict("these minutes are signed and locked; record a correction instead")
        return meeting

    def agenda(self, meeting_id: int) -> list[AgendaItem]:
        rows = self._rows(
            "SELECT * FROM agenda_items WHERE meeting_id = ? ORDER BY number", [meeting_id]
        )
        return [_from_row(AgendaItem, row) for row in rows]

    def add_agenda_item(self, meeting_id: int, item: AgendaItem) -> AgendaItem:
        """Append an item to the agenda; it takes the next number."""
        with self.transaction() as db:
            self._unlocked(meeting_id)
            rows = self._rows(
                "SELECT MAX(number) AS n FROM agenda_items WHERE meeting_id = ?", [meeting_id]
            )
            number = int(rows[0]["n"] or 0) + 1
            saved = item.model_copy(update={"meeting_id": meeting_id, "number": number})
            table = db.table("agenda_items")
            table.insert(_to_row(saved, exclude={"id"}))
            return saved.model_copy(update={"id": table.last_pk})

    def update_agenda_item(self, item: AgendaItem) -> AgendaItem:
        """Change an item's title, lead, purpose, timing or flags (not its number)."""
        if item.id is None:
            raise StoreError("the agenda item has not been saved yet")
        with self.transaction() as db:
            current = self._agenda_item(item.id)
            self._unlocked(current.meeting_id or 0)
            db.table("agenda_items").update(
                item.id, _to_row(item, exclude={"id", "meeting_id", "number"})
            )
        return item.model_copy(update={"number": current.number, "meeting_id": current.meeting_id})

    def _agenda_item(self, item_id: int) -> AgendaItem:
        rows = self._rows("SELECT * FROM agenda_items WHERE id = ?", [item_id])
        if not rows:
            raise NotFound(f"there is no agenda item {item_id}")
        return _from_row(AgendaItem, rows[0])

    def delete_agenda_item(self, item_id: int) -> None:
        """Remove an item that nothing refers to yet; later items move up."""
        with self.transaction() as db:
            item = self._agenda_item(item_id)
            meeting_id = item.meeting_id or 0
            self._unlocked(meeting_id)
            if self._item_is_referenced(meeting_id, item.number):
                raise Conflict(
                    f"item {item.number} already has minutes, a declaration or attendance "
                    "recorded against it; it cannot be removed"
                )
            db.table("agenda_items").delete(item_id)
            later = [i for i in self.agenda(meeting_id) if i.number > item.number]
            self._renumber(meeting_id, {i.number: i.number - 1 for i in later})

    def _item_is_referenced(self, meeting_id: int, number: int) -> bool:
        checks = (
            "SELECT 1 FROM minutes WHERE meeting_id = ? AND item = ?",
            "SELECT 1 FROM declarations WHERE meeting_id = ? AND item = ?",
            "SELECT 1 FROM attendance WHERE meeting_id = ? AND (from_item = ? OR to_item = ?)",
        )
        for sql in checks:
            params = [meeting_id, number] + ([number] if sql.count("?") == 3 else [])
            if self._rows(sql, params):
                return True
        return False

    def move_agenda_item(self, item_id: int, offset: int) -> list[AgendaItem]:
        """Move an item up (offset -1) or down (+1); everything that refers to items by
        number (minutes, declarations, arrivals and departures) follows it."""
        with self.transaction():
            item = self._agenda_item(item_id)
            meeting_id = item.meeting_id or 0
            self._unlocked(meeting_id)
            agenda = self.agenda(meeting_id)
            numbers = [i.number for i in agenda]
            index = numbers.index(item.number)
            target = index + offset
            if offset == 0 or not 0 <= target < len(agenda):
                return agenda
            order = [i.number for i in agenda]
            order.insert(target, order.pop(index))
            mapping = {old: position for position, old in enumerate(order, start=1)}
            self._renumber(meeting_id, mapping)
            return self.agenda(meeting_id)

    def _renumber(self, meeting_id: int, mapping: dict[int, int]) -> None:
        """Give items new numbers in one go, with every reference to them."""
        mapping = {old: new for old, new in mapping.items() if old != new}
        if not mapping:
            return
        case = "CASE {col} " + " ".join(f"WHEN {int(o)} THEN {int(n)}" for o, n in mapping.items())
        case += " ELSE {col} END"
        for table, columns in (
            ("agenda_items", ("number",)),
            ("minutes", ("item",)),
            ("declarations", ("item",)),
            ("attendance", ("from_item", "to_item")),
        ):
            sets = ", ".join(f"{col} = {case.format(col=col)}" for col in columns)
            self.db.execute(f"UPDATE {table} SET {sets} WHERE meeting_id = ?", [meeting_id])

    # -- attendance, declarations, minutes ---------------------------------------------

    def attendance(self, meeting_id: int) -> list[Attendance]:
        rows = self._rows("SELECT * FROM attendance WHERE meeting_id = ? ORDER BY id", [meeting_id])
        return [_from_row(Attendance, row) for row in rows]

    def add_attendance(self, meeting_id: int, row: Attendance) -> Attendance:
        with self.transaction() as db:
            self._unlocked(meeting_id)
            saved = row.model_copy(update={"meeting_id": meeting_id})
            table = db.table("attendance")
            table.insert(_to_row(saved, exclude={"id"}))
            return saved.model_copy(update={"id": table.last_pk})

    def remove_attendance(self, row_id: int) -> None:
        """Remove an attendance row (apologies withdrawn, a row entered by mistake)."""
        with self.transaction() as db:
            rows = self._rows("SELECT meeting_id FROM attendance WHERE id = ?", [row_id])
            if not rows:
                raise NotFound(f"there is no attendance row {row_id}")
            self._unlocked(rows[0]["meeting_id"])
            db.table("attendance").delete(row_id)

    def declarations(self, meeting_id: int) -> list[Declaration]:
        rows = self._rows(
            "SELECT * FROM declarations WHERE meeting_id = ? ORDER BY id", [meeting_id]
        )
        return [_from_row(Declaration, row) for row in rows]

    def add_declaration(self, meeting_id: int, declaration: Declaration) -> Declaration:
        with self.transaction() as db:
            self._unlocked(meeting_id)
            saved = declaration.model_copy(update={"meeting_id": meeting_id})
            table = db.table("declarations")
            table.insert(_to_row(saved, exclude={"id"}))
            return saved.model_copy(update={"id": table.last_pk})

    def update_declaration(self, declaration: Declaration) -> Declaration:
        """Change a declaration (the times the member left and returned, the ruling)."""
        if declaration.id is None:
            raise StoreError("the declaration has not been saved yet")
        with self.transaction() as db:
            rows = self._rows("SELECT meeting_id FROM declarations WHERE id = ?", [declaration.id])
            if not rows:
                raise NotFound(f"there is no declaration {declaration.id}")
            self._unlocked(int(rows[0]["meeting_id"]))
            db.table("declarations").update(
                declaration.id, _to_row(declaration, exclude={"id", "meeting_id"})
            )
        return declaration

    def minutes(self, meeting_id: int) -> list[Minute]:
        rows = self._rows("SELECT * FROM minutes WHERE meeting_id = ? ORDER BY item", [meeting_id])
        result = []
        for row in rows:
            decisions = self._rows(
                "SELECT id, verb, text, flag FROM decisions "
                "WHERE minute_id = ? AND deleted_at IS NULL ORDER BY position",
                [row["id"]],
            )
            result.append(
                _from_row(Minute, row, decisions=[Decision.model_validate(d) for d in decisions])
            )
        return result

    def save_minute(self, meeting_id: int, minute: Minute) -> Minute:
        """Store an item's minute with its decisions (replacing the earlier text)."""
        with self.transaction():
            self._unlocked(meeting_id)
            return self._insert_minute(meeting_id, minute)

    def _insert_minute(self, meeting_id: int, minute: Minute) -> Minute:
        with self.transaction() as db:
            saved = minute.model_copy(update={"meeting_id": meeting_id})
            row = _to_row(saved, exclude={"id", "decisions"})
            if saved.id is None:
                table = db.table("minutes")
                table.insert(row)
                saved = saved.model_copy(update={"id": table.last_pk})
            else:
                db.table("minutes").update(saved.id, row)
            db.execute("DELETE FROM decisions WHERE minute_id = ?", [saved.id])
            for position, decision in enumerate(saved.decisions, start=1):
                db.table("decisions").insert(
                    {
                        "minute_id": saved.id,
                        "position": position,
                        **_to_row(decision, exclude={"id"}),
                    }
                )
        return saved

    def meeting_record(self, meeting_id: int) -> MeetingRecord:
        """A consistent snapshot of everything recorded of a meeting (for exporters)."""
        with self.transaction():
            return MeetingRecord(
                meeting=self.meeting(meeting_id),
                agenda=tuple(self.agenda(meeting_id)),
                attendance=tuple(self.attendance(meeting_id)),
                declarations=tuple(self.declarations(meeting_id)),
                minutes=tuple(self.minutes(meeting_id)),
                quorum_rulings=tuple(self.quorum_rulings(meeting_id)),
            )

    def add_meeting_record(self, record: MeetingRecord) -> Meeting:
        """Store a whole meeting as recorded elsewhere (demo data, an import), keeping its
        item numbers and status, in one transaction."""
        with self.transaction() as db:
            meeting = self.add_meeting(record.meeting.model_copy(update={"id": None}))
            meeting_id = meeting.id
            for item in record.agenda:
                db.table("agenda_items").insert(
                    _to_row(item.model_copy(update={"meeting_id": meeting_id}), exclude={"id"})
                )
            for row in record.attendance:
                db.table("attendance").insert(
                    _to_row(row.model_copy(update={"meeting_id": meeting_id}), exclude={"id"})
                )
            for declaration in record.declarations:
                db.table("declarations").insert(
                    _to_row(
                        declaration.model_copy(update={"meeting_id": meeting_id}), exclude={"id"}
                    )
                )
            for minute in record.minutes:
                self._insert_minute(meeting_id or 0, minute.model_copy(update={"id": None}))
            return meeting

    # -- actions -----------------------------------------------------------------------

    def actions(self, code: str) -> list[Action]:
        rows = self._rows(
            "SELECT * FROM actions WHERE committee = ? AND deleted_at IS NULL "
            "ORDER BY meeting_date, number, id",
            [code],
        )
        result = []
        for row in rows:
            updates = self._rows(
                "SELECT date, text FROM action_updates WHERE action_id = ? ORDER BY date, id",
                [row["id"]],
            )
            result.append(_from_row(Action, row, updates=updates))
        return result

    def add_action(self, action: Action) -> Action:
        with self.transaction() as db:
            self.committee(action.committee)
            self.person(action.owner)
            if action.number is None:
                rows = self._rows(
                    "SELECT MAX(number) AS n FROM actions WHERE committee = ?", [action.committee]
                )
                action = action.model_copy(update={"number": int(rows[0]["n"] or 0) + 1})
            table = db.table("actions")
            table.insert(_to_row(action, exclude={"id", "updates"}))
            action_id = table.last_pk
            for update in action.updates:
                db.table("action_updates").insert({"action_id": action_id, **_to_row(update)})
            return action.model_copy(update={"id": action_id})

    # -- live capture ------------------------------------------------------------------
    #
    # These are called on every change the secretary makes during a meeting, so each is
    # one short transaction: the change is committed before the call returns.

    def minute_for(self, meeting_id: int, item: int) -> Minute | None:
        """The minute of one agenda item, if anything has been recorded for it."""
        return next((m for m in self.minutes(meeting_id) if m.item == item), None)

    def _minute_id(self, meeting_id: int, item: int) -> int:
        """The minute row of an item, made empty if there is none yet."""
        rows = self._rows(
            "SELECT id FROM minutes WHERE meeting_id = ? AND item = ?", [meeting_id, item]
        )
        if rows:
            return int(rows[0]["id"])
        cursor = self.db.execute(
            "INSERT INTO minutes (meeting_id, item, narrative) VALUES (?, ?, '')",
            [meeting_id, item],
        )
        return int(cursor.lastrowid or 0)

    def write_narrative(self, meeting_id: int, item: int, text: str) -> None:
        """Save the narrative of an item's minute as typed (the autosave path)."""
        with self.transaction():
            self._unlocked(meeting_id)
            exists = self._rows(
                "SELECT 1 FROM minutes WHERE meeting_id = ? AND item = ?", [meeting_id, item]
            )
            if not exists and not text:
                return  # nothing typed yet: no empty minute for an item not taken
            minute_id = self._minute_id(meeting_id, item)
            self.db.execute(
                "UPDATE minutes SET narrative = ? WHERE id = ?", [clean_text(text), minute_id]
            )

    def issue_minute_number(self, meeting_id: int, item: int) -> str:
        """The item's minute number, issued by the committee's scheme the first time the
        item is minuted and stable afterwards (DOMAIN.md 4.3)."""
        with self.transaction():
            meeting = self._unlocked(meeting_id)
            minute_id = self._minute_id(meeting_id, item)
            rows = self._rows("SELECT number FROM minutes WHERE id = ?", [minute_id])
            if rows and rows[0]["number"]:
                return str(rows[0]["number"])
            scheme = self.committee(meeting.committee).numbering
            start = period_start(scheme.reset, meeting.date)
            # Numbers already issued in the period, this meeting's earlier items included.
            issued = self._rows(
                "SELECT COUNT(*) AS n FROM minutes "
                "JOIN meetings ON meetings.id = minutes.meeting_id "
                "WHERE meetings.committee = ? AND minutes.number IS NOT NULL "
                "AND meetings.date >= ? AND meetings.date <= ?",
                [meeting.committee, (start or date.min).isoformat(), meeting.date.isoformat()],
            )
            seq = int(issued[0]["n"]) + 1
            number = format_minute_number(scheme, seq, meeting.date, item=item)
            self.db.execute("UPDATE minutes SET number = ? WHERE id = ?", [number, minute_id])
            return number

    def start_item(self, item_id: int, at: str) -> None:
        """Record when an item was first taken (its elapsed time runs from then)."""
        with self.transaction():
            self.db.execute(
                "UPDATE agenda_items SET started_at = ? WHERE id = ? AND started_at IS NULL",
                [at, item_id],
            )

    def end_meeting(self, meeting_id: int, at: str | None) -> Meeting:
        """Record the clock time ("HH:MM") the meeting ended; None reopens it."""
        with self.transaction():
            meeting = self._unlocked(meeting_id).model_copy(update={"ended_at": at})
            # Through the model, so that "4.05pm" is stored as "16:05" and nonsense refused.
            try:
                checked = Meeting.model_validate(meeting.model_dump())
            except ValidationError as error:
                raise StoreError("; ".join(error_lines(error))) from None
            self.db.execute(
                "UPDATE meetings SET ended_at = ? WHERE id = ?", [checked.ended_at, meeting_id]
            )
        return checked

    def item_start_times(self, meeting_id: int) -> dict[int, str]:
        rows = self._rows(
            "SELECT number, started_at FROM agenda_items WHERE meeting_id = ? "
            "AND started_at IS NOT NULL",
            [meeting_id],
        )
        return {int(r["number"]): str(r["started_at"]) for r in rows}

    def add_decision(self, meeting_id: int, item: int, decision: Decision) -> Decision:
        """Add a numbered point to the item's decisions (it takes the next number)."""
        with self.transaction():
            self._unlocked(meeting_id)
            minute_id = self._minute_id(meeting_id, item)
            rows = self._rows(
                "SELECT MAX(position) AS p FROM decisions WHERE minute_id = ?", [minute_id]
            )
            position = int(rows[0]["p"] or 0) + 1
            cursor = self.db.execute(
                "INSERT INTO decisions (minute_id, position, verb, text, flag) "
                "VALUES (?, ?, ?, ?, ?)",
                [
                    minute_id,
                    position,
                    decision.verb.value,
                    decision.text,
                    decision.flag.value if decision.flag else None,
                ],
            )
            return decision.model_copy(update={"id": cursor.lastrowid})

    def delete_decision(self, decision_id: int, at: str) -> None:
        """Delete a decision so that it can still be recovered."""
        self._set_deleted("decisions", decision_id, at)

    def restore_decision(self, decision_id: int) -> None:
        self._set_deleted("decisions", decision_id, None)

    def delete_action(self, action_id: int, at: str) -> None:
        """Delete an action so that it can still be recovered."""
        self._set_deleted("actions", action_id, at)

    def restore_action(self, action_id: int) -> None:
        self._set_deleted("actions", action_id, None)

    def _set_deleted(self, table: str, row_id: int, at: str | None) -> None:
        with self.transaction():
            if table == "decisions":
                owner = self._rows(
                    "SELECT minutes.meeting_id AS m FROM decisions "
                    "JOIN minutes ON minutes.id = decisions.minute_id WHERE decisions.id = ?",
                    [row_id],
                )
                if not owner:
                    raise NotFound(f"there is no decision {row_id}")
                self._unlocked(int(owner[0]["m"]))
            elif not self._rows("SELECT 1 FROM actions WHERE id = ?", [row_id]):
                raise NotFound(f"there is no action {row_id}")
            self.db.execute(f"UPDATE {table} SET deleted_at = ? WHERE id = ?", [at, row_id])

    def deleted_decisions(self, meeting_id: int) -> list[tuple[int, Decision]]:
        """Deleted decisions of a meeting with their item, newest first, to recover."""
        rows = self._rows(
            "SELECT decisions.id, decisions.verb, decisions.text, minutes.item FROM decisions "
            "JOIN minutes ON minutes.id = decisions.minute_id "
            "WHERE minutes.meeting_id = ? AND decisions.deleted_at IS NOT NULL "
            "ORDER BY decisions.deleted_at DESC",
            [meeting_id],
        )
        return [
            (int(r["item"]), Decision(id=r["id"], verb=r["verb"], text=r["text"])) for r in rows
        ]

    def meeting_actions(self, meeting: Meeting, *, deleted: bool = False) -> list[Action]:
        """The actions agreed at this meeting (or those deleted from it)."""
        condition = "IS NOT NULL" if deleted else "IS NULL"
        rows = self._rows(
            f"SELECT * FROM actions WHERE committee = ? AND meeting_date = ? "
            f"AND deleted_at {condition} ORDER BY number, id",
            [meeting.committee, meeting.date.isoformat()],
        )
        return [_from_row(Action, row, updates=[]) for row in rows]

    def update_attendance(self, row: Attendance) -> Attendance:
        """Change a person's attendance (arrived, left, remote, apologies ...)."""
        if row.id is None:
            raise StoreError("the attendance row has not been saved yet")
        with self.transaction() as db:
            current = self._rows("SELECT meeting_id FROM attendance WHERE id = ?", [row.id])
            if not current:
                raise NotFound(f"there is no attendance row {row.id}")
            self._unlocked(int(current[0]["meeting_id"]))
            db.table("attendance").update(row.id, _to_row(row, exclude={"id", "meeting_id"}))
        return row

    def add_quorum_ruling(self, meeting_id: int, ruling: QuorumRuling) -> QuorumRuling:
        """Record the Chair's ruling on the quorum at the opening or at an item."""
        with self.transaction() as db:
            self._unlocked(meeting_id)
            saved = ruling.model_copy(update={"meeting_id": meeting_id})
            table = db.table("quorum_rulings")
            table.insert(_to_row(saved, exclude={"id"}))
            return saved.model_copy(update={"id": table.last_pk})

    def quorum_rulings(self, meeting_id: int) -> list[QuorumRuling]:
        rows = self._rows(
            "SELECT * FROM quorum_rulings WHERE meeting_id = ? ORDER BY id", [meeting_id]
        )
        return [_from_row(QuorumRuling, row) for row in rows]

    def checkpoint(self) -> None:
        """Make everything committed so far safe on disk against a power cut.

        Commits are written to the WAL without waiting for the disk (synchronous=NORMAL),
        which survives the app being killed; a checkpoint flushes the log. Called every
        few seconds and at each item change during a meeting, off the keystroke path.
        """
        if self.path is not None:
            self.db.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")

    def minutes_snapshot(self, meeting_id: int) -> MinutesSnapshot:
        """Everything an exporter needs for one meeting, read in one transaction."""
        with self.transaction():
            record = self.meeting_record(meeting_id)
            meeting = record.meeting
            code = meeting.committee
            membership = self.membership(code)
            later = [m for m in self.meetings(code) if m.date > meeting.date]
            return MinutesSnapshot(
                membership=membership,
                people=tuple(self.people()),
                record=record,
                actions=tuple(self.meeting_actions(meeting)),
                open_actions=tuple(self.actions(code)),
                terms=self.terms_in_force(code, meeting.date),
                next_meeting=later[0] if later else None,
            )
