"""The schema, as named migrations (sqlite-utils' built-in ``Migrations``).

Steps are only ever added, never edited, so a database made by any earlier version of
Minutebook opens in every later one. A database whose applied steps include a name this
version does not know was made by a newer Minutebook and is refused, not modified.

Lists (seat tags, deputies, past deadlines) and the quorum rule are stored as JSON text:
they are always read and written whole with their row.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlite_utils import Database, Migrations

from minutebook.domain.committee import HouseStyle
from minutebook.domain.standing_items import default_standing_items
from minutebook.store.errors import LOCK_MESSAGE
from minutebook.store.opening import KNOWN_STEPS, MIGRATION_SET
from minutebook.store.search import make_search_index

migrations = Migrations(MIGRATION_SET)

_INITIAL_TABLES = [
    """CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) STRICT""",
    """CREATE TABLE committees (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        parent_body TEXT,
        house_style TEXT NOT NULL,
        numbering_template TEXT NOT NULL,
        numbering_prefix TEXT NOT NULL,
        numbering_reset TEXT NOT NULL,
        rag_palette TEXT NOT NULL,
        default_venue TEXT
    ) STRICT""",
    """CREATE TABLE organisations (
        committee TEXT NOT NULL REFERENCES committees(code),
        id TEXT NOT NULL,
        name TEXT NOT NULL,
        constituency TEXT,
        retired_on TEXT,
        position INTEGER NOT NULL,
        PRIMARY KEY (committee, id)
    ) STRICT""",
    """CREATE TABLE people (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        honorific TEXT,
        initials TEXT,
        email TEXT
    ) STRICT""",
    """CREATE TABLE seats (
        committee TEXT NOT NULL REFERENCES committees(code),
        id TEXT NOT NULL,
        title TEXT NOT NULL,
        holder TEXT REFERENCES people(id),
        org TEXT,
        tags TEXT NOT NULL,
        voting INTEGER NOT NULL,
        named_deputies TEXT NOT NULL,
        term_from TEXT,
        term_to TEXT,
        retired_on TEXT,
        position INTEGER NOT NULL,
        PRIMARY KEY (committee, id)
    ) STRICT""",
    """CREATE TABLE terms_of_reference (
        committee TEXT NOT NULL REFERENCES committees(code),
        version INTEGER NOT NULL,
        adopted TEXT NOT NULL,
        illustrative INTEGER NOT NULL,
        note TEXT,
        meetings_per_year INTEGER,
        quorum TEXT NOT NULL,
        PRIMARY KEY (committee, version)
    ) STRICT""",
    """CREATE TABLE meetings (
        id INTEGER PRIMARY KEY,
        committee TEXT NOT NULL REFERENCES committees(code),
        date TEXT NOT NULL,
        time TEXT,
        venue TEXT,
        session TEXT NOT NULL,
        status TEXT NOT NULL,
        approved_on TEXT
    ) STRICT""",
    """CREATE TABLE agenda_items (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id),
        number INTEGER NOT NULL,
        title TEXT NOT NULL,
        lead TEXT,
        purpose TEXT NOT NULL,
        planned_minutes INTEGER,
        confidential INTEGER NOT NULL,
        paper TEXT
    ) STRICT""",
    """CREATE TABLE attendance (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id),
        person TEXT NOT NULL REFERENCES people(id),
        capacity TEXT NOT NULL,
        status TEXT NOT NULL,
        mode TEXT NOT NULL,
        seats TEXT NOT NULL,
        deputy_for TEXT NOT NULL,
        role TEXT,
        from_item INTEGER,
        to_item INTEGER,
        arrived_at TEXT,
        left_at TEXT,
        note TEXT
    ) STRICT""",
    """CREATE TABLE declarations (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id),
        person TEXT NOT NULL REFERENCES people(id),
        item INTEGER NOT NULL,
        category TEXT NOT NULL,
        nature TEXT NOT NULL,
        ruling TEXT NOT NULL,
        left_at TEXT,
        returned_at TEXT
    ) STRICT""",
    """CREATE TABLE minutes (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id),
        item INTEGER NOT NULL,
        number TEXT,
        heading TEXT,
        narrative TEXT NOT NULL
    ) STRICT""",
    """CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        minute_id INTEGER NOT NULL REFERENCES minutes(id),
        position INTEGER NOT NULL,
        verb TEXT NOT NULL,
        text TEXT NOT NULL
    ) STRICT""",
    """CREATE TABLE actions (
        id INTEGER PRIMARY KEY,
        committee TEXT NOT NULL REFERENCES committees(code),
        number INTEGER,
        meeting_date TEXT NOT NULL,
        minute TEXT,
        item_title TEXT,
        description TEXT NOT NULL,
        owner TEXT NOT NULL REFERENCES people(id),
        due TEXT,
        past_deadlines TEXT NOT NULL,
        status TEXT NOT NULL,
        rag TEXT,
        closed_on TEXT
    ) STRICT""",
    """CREATE TABLE action_updates (
        id INTEGER PRIMARY KEY,
        action_id INTEGER NOT NULL REFERENCES actions(id),
        date TEXT NOT NULL,
        text TEXT NOT NULL
    ) STRICT""",
]


@migrations(name="0001_initial")
def initial(db: Database) -> None:
    """Every table of the first release."""
    for statement in _INITIAL_TABLES:
        db.execute(statement)


@migrations(name="0002_lookup_indexes")
def lookup_indexes(db: Database) -> None:
    """Indexes for the look-ups every screen makes (a meeting's rows, an item's minute),
    so that years of meetings stay instant."""
    for table, column in (
        ("meetings", "committee, date"),
        ("agenda_items", "meeting_id, number"),
        ("attendance", "meeting_id"),
        ("declarations", "meeting_id"),
        ("minutes", "meeting_id, item"),
        ("decisions", "minute_id, position"),
        ("actions", "committee"),
        ("action_updates", "action_id"),
    ):
        name = f"idx_{table}_{column.split(',')[0]}"
        db.execute(f"CREATE INDEX {name} ON {table} ({column})")


@migrations(name="0003_policies_confirmed")
def policies_confirmed(db: Database) -> None:
    """Whether the secretary has confirmed a ToR version's policies (docs/quorum.md:
    defaults fill what the wording leaves open, and the secretary confirms them)."""
    db.execute(
        "ALTER TABLE terms_of_reference ADD COLUMN policies_confirmed INTEGER NOT NULL DEFAULT 0"
    )


@migrations(name="0004_live_capture")
def live_capture(db: Database) -> None:
    """What live capture needs: when each item was taken, and decisions and actions
    that can be deleted and recovered (deleted_at set, never removed)."""
    db.execute("ALTER TABLE agenda_items ADD COLUMN started_at TEXT")
    db.execute("ALTER TABLE decisions ADD COLUMN deleted_at TEXT")
    db.execute("ALTER TABLE actions ADD COLUMN deleted_at TEXT")
    db.execute("CREATE UNIQUE INDEX idx_minutes_one_per_item ON minutes (meeting_id, item)")


@migrations(name="0005_decision_flags")
def decision_flags(db: Database) -> None:
    """A decision recorded while the meeting was inquorate is flagged (docs/quorum.md),
    as is one taken by Chair's action instead."""
    db.execute("ALTER TABLE decisions ADD COLUMN flag TEXT")


@migrations(name="0006_quorum_rulings")
def quorum_rulings(db: Database) -> None:
    """The Chair's rulings on an ambiguous quorum, with the reason (docs/quorum.md)."""
    db.execute(
        """CREATE TABLE quorum_rulings (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id),
            item INTEGER,
            quorate INTEGER NOT NULL,
            reason TEXT NOT NULL,
            recorded_at TEXT
        ) STRICT"""
    )
    db.execute("CREATE INDEX idx_quorum_rulings_meeting ON quorum_rulings (meeting_id)")


@migrations(name="0007_printed_names")
def printed_names(db: Database) -> None:
    """How a body's minutes print each person's name (seed 001: "M Bracey", "Marland")."""
    db.execute("ALTER TABLE people ADD COLUMN printed_name TEXT")


@migrations(name="0008_meeting_ended")
def meeting_ended(db: Database) -> None:
    """When the meeting ended, as the Chair closed it ("The meeting ended at 09.45")."""
    db.execute("ALTER TABLE meetings ADD COLUMN ended_at TEXT")


@migrations(name="0009_word_templates")
def word_templates(db: Database) -> None:
    """Each committee may point to its own Word template for its documents."""
    db.execute("ALTER TABLE committees ADD COLUMN word_template TEXT")


@migrations(name="0010_timeline")
def timeline(db: Database) -> None:
    """The meeting as a timeline (docs/timeline.md).

    Presence was kept as one from_item/to_item pair per attendance row, so a departure
    and a return could not both be kept. Every meeting's record becomes events: each
    attendance row's span an arrival at the start of its first item and a departure
    at the end of its last (the words the minutes printed, "from item 3", "left after
    item 6"); a person recorded in two rows (left and came back) keeps one row and both
    stretches. Declarations, quorum rulings, decisions and actions get the event that
    places them, at their item; deleted ones an event saying so. The times of a member
    leaving for a declared interest are the item's start and the next item's, so they
    are no longer kept twice. A decision's "inquorate" flag is dropped: it follows from
    where the decision stands. Actions are tied to their meeting and item, so that
    confidential business is known by its item. Minute numbers are made unique per
    committee and numbering period by the schema; a number issued twice by earlier
    versions goes to the minute issued first, and the later one takes the next free
    number.
    """
    db.execute(
        """CREATE TABLE timeline (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id),
            kind TEXT NOT NULL,
            item INTEGER,
            phase INTEGER NOT NULL,
            person TEXT,
            at TEXT,
            ref INTEGER,
            note TEXT,
            recorded TEXT
        ) STRICT"""
    )
    db.execute("CREATE INDEX idx_timeline_meeting ON timeline (meeting_id)")
    db.execute("ALTER TABLE actions ADD COLUMN meeting_id INTEGER REFERENCES meetings(id)")
    db.execute("ALTER TABLE actions ADD COLUMN item INTEGER")
    db.execute("ALTER TABLE declarations ADD COLUMN deleted_at TEXT")
    db.execute("ALTER TABLE quorum_rulings ADD COLUMN deleted_at TEXT")
    db.execute("ALTER TABLE minutes ADD COLUMN committee TEXT")
    db.execute("ALTER TABLE minutes ADD COLUMN period TEXT")
    db.execute("ALTER TABLE minutes ADD COLUMN seq INTEGER")
    db.execute("UPDATE decisions SET flag = NULL WHERE flag = 'inquorate'")
    conn = db.conn
    meetings = conn.execute("SELECT id, committee, date FROM meetings ORDER BY id").fetchall()
    for meeting_id, committee, day in meetings:
        _link_actions(conn, meeting_id, committee, day)
        _meeting_events(conn, meeting_id)
    _number_periods(conn)
    for table, columns in (
        ("attendance", ("from_item", "to_item", "arrived_at", "left_at")),
        ("declarations", ("left_at", "returned_at")),
    ):
        for column in columns:
            db.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    db.execute("CREATE UNIQUE INDEX idx_attendance_person ON attendance (meeting_id, person)")
    db.execute(
        "CREATE UNIQUE INDEX idx_minutes_number ON minutes (committee, period, number) "
        "WHERE number IS NOT NULL"
    )
    db.execute("CREATE INDEX idx_actions_meeting ON actions (meeting_id, item)")


_RECORD_TABLES: dict[str, str] = {
    "meetings": "{row}.id",
    "agenda_items": "{row}.meeting_id",
    "attendance": "{row}.meeting_id",
    "declarations": "{row}.meeting_id",
    "minutes": "{row}.meeting_id",
    "decisions": "(SELECT meeting_id FROM minutes WHERE id = {row}.minute_id)",
    "quorum_rulings": "{row}.meeting_id",
    "timeline": "{row}.meeting_id",
    "approvals": "{row}.meeting_id",
    "action_reviews": "{row}.meeting_id",
}
"""Every table that holds a meeting's record, and how a row names its meeting. Actions
are not here: they are reviewed, revised and closed at later meetings."""

_RENUMBERED: dict[str, tuple[str, str]] = {"approvals": ("item", "{row}.at_meeting_id")}
"""A row of a signed meeting's record that names an item of another meeting: that column
follows the other meeting's agenda as it is renumbered, until the other meeting's minutes
are signed too (an approval is minuted under an item of the approving meeting)."""


@migrations(name="0011_minutes_approval")
def minutes_approval(db: Database) -> None:
    """Minutes approved at a later meeting, signed and locked (docs/lifecycle.md).

    Each step of the lifecycle is dated on the meeting. An approval names the meeting
    approved, the meeting approving it, its item there, the amendment if any, the Chair
    who signed and when. The lock is the database's: triggers refuse every insert,
    update or delete touching the record of a meeting whose minutes are signed, whoever
    asks. Every change to the record of a meeting whose minutes are circulated (or
    approved, not yet signed) is kept in `audit` by triggers too, with the row before
    and after as JSON; the audit is never changed or deleted.
    """
    db.execute("ALTER TABLE meetings ADD COLUMN circulated_on TEXT")
    db.execute("ALTER TABLE meetings ADD COLUMN signed_on TEXT")
    db.execute(
        """CREATE TABLE approvals (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL UNIQUE REFERENCES meetings(id),
            at_meeting_id INTEGER NOT NULL REFERENCES meetings(id),
            item INTEGER,
            amendment TEXT,
            chair TEXT NOT NULL,
            signed_on TEXT NOT NULL
        ) STRICT"""
    )
    db.execute(
        """CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL,
            "table" TEXT NOT NULL,
            row INTEGER,
            change TEXT NOT NULL,
            before TEXT,
            after TEXT,
            at TEXT NOT NULL
        ) STRICT"""
    )
    db.execute("CREATE INDEX idx_audit_meeting ON audit (meeting_id)")
    for verb in ("UPDATE", "DELETE"):
        db.execute(
            f"CREATE TRIGGER audit_kept_{verb.lower()} BEFORE {verb} ON audit "
            "BEGIN SELECT RAISE(ABORT, 'the audit trail is never changed'); END"
        )
    record_triggers(db)


def _status_of(meeting: str) -> str:
    return f"(SELECT status FROM meetings WHERE id = {meeting})"


def record_triggers(db: Database) -> None:
    """(Re)make the lock and audit triggers of every record table. The audit copies each
    row's columns as they are now: a later step that adds a column to one of these
    tables calls this again."""
    for table, meeting in _RECORD_TABLES.items():
        columns = [row[1] for row in db.execute(f"PRAGMA table_info({table})").fetchall()]
        if not columns:
            continue  # made by a later step, which makes its triggers then
        for verb, rows in (("INSERT", ("NEW",)), ("UPDATE", ("OLD", "NEW")), ("DELETE", ("OLD",))):
            name = f"{table}_{verb.lower()}"
            db.execute(f"DROP TRIGGER IF EXISTS lock_{name}")
            db.execute(f"DROP TRIGGER IF EXISTS audit_{name}")
            if table == "meetings" and verb == "INSERT":
                continue  # a new meeting's minutes are not yet written, let alone signed
            ids = [meeting.format(row=r) for r in rows]
            signed = " OR ".join(f"{_status_of(i)} = 'signed'" for i in ids)
            if verb == "UPDATE" and table in _RENUMBERED:
                # The item may follow its meeting's agenda being renumbered while that
                # meeting's own minutes are not signed; nothing else may change.
                column, approving = _RENUMBERED[table]
                others = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns if c != column)
                signed = (
                    f"({signed}) AND ({others}) "
                    f"OR {_status_of(approving.format(row='OLD'))} = 'signed'"
                )
            db.execute(
                f"CREATE TRIGGER lock_{name} BEFORE {verb} ON {table} WHEN {signed} "
                f"BEGIN SELECT RAISE(ABORT, '{LOCK_MESSAGE}'); END"
            )
            subject = ids[-1]
            # The status the meeting had before this change: signing it is audited, and
            # circulating it is the first change that is not.
            status = "OLD.status" if table == "meetings" else _status_of(ids[0])
            audited = f"{status} IN ('circulated', 'approved')"

            def image(row: str, columns: list[str] = columns) -> str:
                pairs = ", ".join(f"'{c}', {row}.{c}" for c in columns)
                return f"json_object({pairs})"

            before = image("OLD") if "OLD" in rows else "NULL"
            after = image("NEW") if "NEW" in rows else "NULL"
            row_id = f"{rows[-1]}.id"
            insert = (
                f'INSERT INTO audit (meeting_id, "table", row, change, before, after, at) '
                f"SELECT {subject}, '{table}', {row_id}, '{verb.lower()}', {before}, {after}, "
                f"{_NOW}"
            )
            if verb != "UPDATE":
                body = f"{insert};"
            else:
                # A burst of changes to one row (a minute typed, saved at every pause) is
                # one entry: its before, and its after as the burst left it.
                burst = (
                    f"id = (SELECT max(id) FROM audit WHERE meeting_id = {subject}) "
                    f"AND \"table\" = '{table}' AND row = {row_id} AND change = 'update' "
                    f"AND at >= {_BURST_START}"
                )
                body = (
                    f"UPDATE audit SET after = {after}, at = {_NOW} WHERE {burst}; "
                    f"{insert} WHERE NOT EXISTS (SELECT 1 FROM audit WHERE {burst});"
                )
            db.execute(
                f"CREATE TRIGGER audit_{name} AFTER {verb} ON {table} WHEN {audited} "
                f"BEGIN {body} END"
            )


_NOW = "strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')"
_BURST_START = "strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime', '-5 minutes')"
"""Changes to one row within five minutes of each other, nothing else changed between,
are one entry of the audit trail."""


@migrations(name="0012_audit_bursts")
def audit_bursts(db: Database) -> None:
    """One audit entry per burst of changes to a row (docs/lifecycle.md): typing into
    circulated minutes wrote a whole before-and-after copy of the minute at every save,
    so a long minute corrected after circulation grew the file by megabytes. The audit
    is still never deleted, and of an entry only the newest of its meeting may have its
    after and time extended, by the burst it records."""
    db.execute("DROP TRIGGER IF EXISTS audit_kept_update")
    db.execute(
        "CREATE TRIGGER audit_kept_update BEFORE UPDATE ON audit WHEN "
        'OLD.id IS NOT NEW.id OR OLD.meeting_id IS NOT NEW.meeting_id OR OLD."table" IS NOT '
        'NEW."table" OR OLD.row IS NOT NEW.row OR OLD.change IS NOT NEW.change '
        "OR OLD.before IS NOT NEW.before OR OLD.change <> 'update' "
        "OR OLD.id <> (SELECT max(id) FROM audit WHERE meeting_id = OLD.meeting_id) "
        "BEGIN SELECT RAISE(ABORT, 'the audit trail is never changed'); END"
    )
    record_triggers(db)


def _link_actions(conn: Any, meeting_id: int, committee: str, day: str) -> None:
    """Tie each action agreed at the meeting to it, and to its item where its minute
    reference names one of the meeting's minutes, or (a bare "4") one of its items."""
    numbers = {
        str(number).casefold(): item
        for item, number in conn.execute(
            "SELECT item, number FROM minutes WHERE meeting_id = ? AND number IS NOT NULL",
            [meeting_id],
        )
    }
    rows = conn.execute(
        "SELECT id, minute FROM actions WHERE committee = ? AND meeting_date = ? "
        "AND meeting_id IS NULL",
        [committee, day],
    ).fetchall()
    agenda = {
        int(number)
        for (number,) in conn.execute(
            "SELECT number FROM agenda_items WHERE meeting_id = ?", [meeting_id]
        )
    }
    for action_id, minute in rows:
        reference = str(minute or "").strip().rstrip(".").casefold()
        item = numbers.get(reference)
        if item is None and reference.isdecimal() and int(reference) in agenda:
            item = int(reference)
        conn.execute(
            "UPDATE actions SET meeting_id = ?, item = ? WHERE id = ?",
            [meeting_id, item, action_id],
        )


_CLOSE = 1 << 30


def _meeting_events(conn: Any, meeting_id: int) -> None:
    """One meeting's record as timeline events, in an order that keeps each in its place."""
    events: list[tuple[str, int | None, int, str | None, str | None, int | None, str | None]] = []
    # kind, item, phase, person, at, ref, note; phase 0 start, 1 during, 2 end.
    rows = conn.execute(
        "SELECT id, person, status, from_item, to_item, arrived_at, left_at FROM attendance "
        "WHERE meeting_id = ? ORDER BY id",
        [meeting_id],
    ).fetchall()
    kept: dict[str, int] = {}
    spans: dict[str, list[tuple[int, int, int | None, int | None, str | None, str | None]]] = {}
    for row_id, person, status, from_item, to_item, arrived_at, left_at in rows:
        if person in kept:
            conn.execute("DELETE FROM attendance WHERE id = ?", [row_id])
        else:
            kept[person] = row_id
        if status == "present":
            first = 0 if from_item is None else int(from_item)
            last = _CLOSE if to_item is None else int(to_item)
            spans.setdefault(person, []).append(
                (first, last, from_item, to_item, arrived_at, left_at)
            )
    for person, stretches in spans.items():
        # Rows that overlap are one stretch of presence; rows apart are a departure
        # and a return.
        merged: list[list[Any]] = []
        for stretch in sorted(stretches, key=lambda s: (s[0], s[1])):
            if merged and stretch[0] <= merged[-1][1]:
                if stretch[1] > merged[-1][1]:
                    merged[-1][1], merged[-1][3], merged[-1][5] = stretch[1], stretch[3], stretch[5]
            else:
                merged.append(list(stretch))
        for _, _, from_item, to_item, arrived_at, left_at in merged:
            events.append(("arrived", from_item, 0, person, arrived_at, None, None))
            if to_item is not None:
                events.append(("left", to_item, 2, person, left_at, None, None))
    for declaration_id, item, person in conn.execute(
        "SELECT id, item, person FROM declarations WHERE meeting_id = ? ORDER BY id",
        [meeting_id],
    ):
        events.append(("declared", item, 1, person, None, declaration_id, None))
    for ruling_id, item, recorded_at in conn.execute(
        "SELECT id, item, recorded_at FROM quorum_rulings WHERE meeting_id = ? ORDER BY id",
        [meeting_id],
    ):
        events.append(("ruled", item, 1, None, recorded_at, ruling_id, None))
    for decision_id, item, deleted_at in conn.execute(
        "SELECT decisions.id, minutes.item, decisions.deleted_at FROM decisions "
        "JOIN minutes ON minutes.id = decisions.minute_id WHERE minutes.meeting_id = ? "
        "ORDER BY minutes.item, decisions.position, decisions.id",
        [meeting_id],
    ):
        events.append(("decided", item, 1, None, None, decision_id, deleted_at))
    for action_id, item, deleted_at in conn.execute(
        "SELECT id, item, deleted_at FROM actions WHERE meeting_id = ? ORDER BY number, id",
        [meeting_id],
    ):
        events.append(("action", item, 1, None, None, action_id, deleted_at))
    for kind, item, phase, person, at, ref, deleted_at in events:
        cursor = conn.execute(
            "INSERT INTO timeline (meeting_id, kind, item, phase, person, at, ref) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [meeting_id, kind, item, phase, person, at, ref],
        )
        if kind in ("decided", "action") and deleted_at:
            conn.execute(
                "INSERT INTO timeline (meeting_id, kind, item, phase, ref, note, recorded) "
                "VALUES (?, 'deleted', ?, 1, ?, NULL, ?)",
                [meeting_id, item, cursor.lastrowid, deleted_at],
            )


def _number_periods(conn: Any) -> None:
    """Each issued minute number's committee, numbering period and place in it, so that
    the schema can keep every number unique in its period (docs/minutes.md)."""
    schemes = {
        code: (template, prefix, reset)
        for code, template, prefix, reset in conn.execute(
            "SELECT code, numbering_template, numbering_prefix, numbering_reset FROM committees"
        )
    }
    rows = conn.execute(
        "SELECT minutes.id, minutes.number, minutes.item, meetings.id, meetings.committee, "
        "meetings.date FROM minutes JOIN meetings ON meetings.id = minutes.meeting_id "
        "WHERE minutes.number IS NOT NULL ORDER BY minutes.id"
    ).fetchall()
    taken: dict[tuple[str, str], dict[str, int | None]] = {}
    # The actions citing each meeting's minute numbers, as they were before any changes.
    cited: dict[tuple[int, str], list[int]] = {}
    for action_id, meeting_id, minute in conn.execute(
        "SELECT id, meeting_id, minute FROM actions WHERE meeting_id IS NOT NULL "
        "AND minute IS NOT NULL"
    ):
        cited.setdefault((meeting_id, str(minute).casefold()), []).append(action_id)
    for minute_id, number, item, meeting_id, committee, day in rows:
        template, prefix, reset = schemes[committee]
        period = _period_key(reset, date.fromisoformat(day), meeting_id)
        issued = taken.setdefault((committee, period), {})
        seq = _seq_of(template, prefix, number, item, day, reset, len(issued) + 200)
        if number in issued:
            # Issued twice by an earlier version: the later minute takes the next free
            # number (this is the only time a number changes), and the actions that
            # cite it follow it.
            free = _next_free(template, prefix, issued, item, day, reset)
            if free is None:
                # The template has no place in the period to move on ("{item}" with a
                # yearly reset): the number stays as printed, unique within its meeting.
                period = f"meeting {meeting_id}"
                issued = taken.setdefault((committee, period), {})
            else:
                seq, renumbered = free
                for action_id in cited.get((meeting_id, str(number).casefold()), []):
                    conn.execute(
                        "UPDATE actions SET minute = ? WHERE id = ?", [renumbered, action_id]
                    )
                number = renumbered
        issued[number] = seq
        conn.execute(
            "UPDATE minutes SET committee = ?, period = ?, seq = ?, number = ? WHERE id = ?",
            [committee, period, seq, number, minute_id],
        )


def _next_free(
    template: str, prefix: str, issued: dict[str, int | None], item: int, day: str, reset: str
) -> tuple[int, str] | None:
    """The next place in the period after every issued one whose number is not issued
    yet, with that number; None if the template writes no other number."""
    first = max((s or 0 for s in issued.values()), default=0) + 1
    for seq in range(first, first + len(issued) + 1):
        number = _format(template, prefix, seq, item, day, reset)
        if number and number not in issued:
            return seq, number
    return None


def _period_key(reset: str, day: date, meeting_id: int) -> str:
    """The numbering period a meeting falls in, as stored beside each minute number."""
    if reset == "never":
        return "always"
    if reset == "per_meeting":
        return f"meeting {meeting_id}"
    if reset == "calendar_year":
        return date(day.year, 1, 1).isoformat()
    first_month = 4 if reset == "financial_year" else 5
    year = day.year if day.month >= first_month else day.year - 1
    return date(year, first_month, 1).isoformat()


def _format(template: str, prefix: str, seq: int, item: int, day: str, reset: str) -> str:
    start = (
        date.fromisoformat(_period_key(reset, date.fromisoformat(day), 0))
        if reset
        in (
            "calendar_year",
            "financial_year",
            "municipal_year",
        )
        else date.fromisoformat(day)
    )
    try:
        return str(
            template.format(prefix=prefix, seq=seq, yy=f"{start.year % 100:02d}", item=item, para=1)
        )
    except (KeyError, IndexError, ValueError):
        return ""


def _seq_of(
    template: str, prefix: str, number: str, item: int, day: str, reset: str, limit: int
) -> int | None:
    """Which place in its period an issued number has (None: the template has no place)."""
    if "{seq" not in template:
        return None
    for seq in range(1, limit + 1):
        if _format(template, prefix, seq, item, day, reset) == number:
            return seq
    return None


@migrations(name="0013_action_reviews")
def action_reviews(db: Database) -> None:
    """Each meeting's review of the open actions under matters arising (docs/actions.md).

    A review names the action, the meeting reviewing it and the item it was taken under,
    and holds what the meeting recorded: the position, the status, a revised deadline
    and the RAG agreed. The action itself carries the result (its status, deadline and
    past deadlines, RAG, date closed); `before` keeps what the review replaced, so that
    the tracker as presented to any meeting can be shown and a review can be put right
    during its meeting. A position recorded at a review is the action's update with that
    review's id. Reviews are part of the reviewing meeting's record: locked with it and
    audited once its minutes are circulated.
    """
    db.execute(
        """CREATE TABLE action_reviews (
            id INTEGER PRIMARY KEY,
            action_id INTEGER NOT NULL REFERENCES actions(id),
            meeting_id INTEGER NOT NULL REFERENCES meetings(id),
            item INTEGER,
            meeting_date TEXT NOT NULL,
            position TEXT,
            status TEXT NOT NULL,
            revised_due TEXT,
            rag TEXT,
            before TEXT NOT NULL,
            UNIQUE (action_id, meeting_id)
        ) STRICT"""
    )
    db.execute("CREATE INDEX idx_action_reviews_meeting ON action_reviews (meeting_id)")
    db.execute(
        "ALTER TABLE action_updates ADD COLUMN review_id INTEGER REFERENCES action_reviews(id)"
    )
    # Matters arising reads the committee's actions agreed before a date.
    db.execute("DROP INDEX idx_actions_committee")
    db.execute("CREATE INDEX idx_actions_committee ON actions (committee, meeting_date)")
    record_triggers(db)


@migrations(name="0014_standing_items")
def standing_items(db: Database) -> None:
    """Each committee's standing items, and what an agenda item owes to them
    (docs/agenda.md).

    A committee's standing items are the list a new meeting's agenda starts from: each
    one's title, wording, kind (minutes of the previous meeting, matters arising ...),
    place (opening or closing the meeting), purpose and lead, in order. Every committee
    already stored is given its house style's list. An agenda item keeps the kind, place
    and wording of the standing item it came from, so that live capture finds the
    minutes item and the matters arising item by their kind whatever they are called.
    """
    db.execute(
        """CREATE TABLE standing_items (
            committee TEXT NOT NULL REFERENCES committees(code),
            position INTEGER NOT NULL,
            title TEXT NOT NULL,
            description TEXT,
            kind TEXT NOT NULL,
            place TEXT NOT NULL,
            purpose TEXT NOT NULL,
            lead TEXT,
            PRIMARY KEY (committee, position)
        ) STRICT"""
    )
    # The columns are named here, not taken from the model: a later version's model may
    # have more fields than this step's table.
    styles = {style.value: style for style in HouseStyle}
    for code, style in db.execute("SELECT code, house_style FROM committees").fetchall():
        defaults = default_standing_items(styles.get(style, HouseStyle.COUNCIL))
        for position, item in enumerate(defaults, start=1):
            db.execute(
                "INSERT INTO standing_items (committee, position, title, description, kind, "
                "place, purpose, lead) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    code,
                    position,
                    item.title,
                    item.description,
                    item.kind.value,
                    item.place.value,
                    item.purpose.value,
                    item.lead,
                ],
            )
    for column in ("kind", "place", "description"):
        db.execute(f"ALTER TABLE agenda_items ADD COLUMN {column} TEXT")
    record_triggers(db)  # the audit copies the new columns of agenda items too


@migrations(name="0015_approval_item_follows")
def approval_item_follows(db: Database) -> None:
    """An approval's item follows the approving meeting's agenda when its items are moved
    (the approved minutes are signed, and their lock refused it): the lock triggers are
    made again with that one exception (`_RENUMBERED`)."""
    record_triggers(db)


_AGREED = (
    "committee", "number", "meeting_date", "meeting_id", "item", "minute", "item_title",
    "description", "deleted_at",
)  # fmt: skip
"""What an action's minutes record of it: never changed once they are signed."""
_MOVING = ("owner", "due", "past_deadlines", "status", "rag", "closed_on")
"""What later meetings' reviews move on (the tracker), the minutes keeping the first."""


@migrations(name="0016_agreed_actions_locked")
def agreed_actions_locked(db: Database) -> None:
    """The database locks the actions of signed minutes as it locks the rest of their
    record (docs/lifecycle.md): none added, deleted or reworded. Their owner, deadline,
    status and RAG move on only through a review at a later meeting, which keeps what it
    replaced (`action_reviews.before`, the first of which is the action as agreed), so
    the signed minutes still print the action as agreed; a review may now reassign the
    action (`action_reviews.owner`)."""
    db.execute("ALTER TABLE action_reviews ADD COLUMN owner TEXT REFERENCES people(id)")
    record_triggers(db)
    for verb, row in (("INSERT", "NEW"), ("DELETE", "OLD")):
        db.execute(
            f"CREATE TRIGGER lock_actions_{verb.lower()} BEFORE {verb} ON actions "
            f"WHEN {_status_of(f'{row}.meeting_id')} = 'signed' "
            f"BEGIN SELECT RAISE(ABORT, '{LOCK_MESSAGE}'); END"
        )
    _lock_action_updates(db, _AGREED)


def _lock_action_updates(db: Database, agreed_columns: tuple[str, ...]) -> None:
    """(Re)make the trigger refusing a change to what signed minutes record of an
    action (`agreed_columns`), or to what moves on, except through a review."""
    agreed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in agreed_columns)
    moving = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in _MOVING)
    reviewed = "EXISTS (SELECT 1 FROM action_reviews WHERE action_id = OLD.id)"
    signed = " OR ".join(f"{_status_of(f'{r}.meeting_id')} = 'signed'" for r in ("OLD", "NEW"))
    db.execute("DROP TRIGGER IF EXISTS lock_actions_update")
    db.execute(
        "CREATE TRIGGER lock_actions_update BEFORE UPDATE ON actions "
        f"WHEN ({signed}) AND ({agreed} OR (({moving}) AND NOT {reviewed})) "
        f"BEGIN SELECT RAISE(ABORT, '{LOCK_MESSAGE}'); END"
    )


@migrations(name="0017_paper_size")
def paper_size(db: Database) -> None:
    """The paper each committee's Word documents are laid out on: A4 unless it asks for
    US Letter (domain.committee.PaperSize); every committee until now gets A4."""
    db.execute("ALTER TABLE committees ADD COLUMN paper_size TEXT NOT NULL DEFAULT 'a4'")


@migrations(name="0018_body_type")
def body_type(db: Database) -> None:
    """The kind of body each committee is, and its own exclusion wording if it keeps one
    (docs/confidentiality.md): a committee in the NHS house style is an NHS body, any
    other a principal council's, until the secretary says otherwise; none has its own
    wording yet (its body type's preset). A confidential agenda item names the
    paragraphs of Schedule 12A that make it exempt (JSON list, none until given)."""
    db.execute(
        "ALTER TABLE committees ADD COLUMN body_type TEXT NOT NULL DEFAULT 'principal_council'"
    )
    db.execute(
        "UPDATE committees SET body_type = CASE house_style WHEN 'nhs' THEN 'nhs_body' "
        "ELSE 'principal_council' END"
    )
    db.execute("ALTER TABLE committees ADD COLUMN exclusion_wording TEXT")
    db.execute("ALTER TABLE agenda_items ADD COLUMN exempt_paragraphs TEXT NOT NULL DEFAULT '[]'")
    record_triggers(db)  # the audit copies the new column of agenda items too


@migrations(name="0019_agenda_sections")
def agenda_sections(db: Database) -> None:
    """An agenda's sections and its front page (docs/agenda.md): an item may open a
    section, with a title and its times ("Opening Actions", 10:00 to 10:25, seed 003);
    a meeting may say when it is planned to end ("Time: 10:00 to 12:30"); a committee
    may print a line under its name and an enquiries contact on its agenda (seed 001),
    and end every agenda with the resolution to exclude the press and public (seed
    003). None of this is said of what is stored already, until the secretary says it."""
    for column in ("section", "section_starts", "section_ends"):
        db.execute(f"ALTER TABLE agenda_items ADD COLUMN {column} TEXT")
    db.execute("ALTER TABLE meetings ADD COLUMN planned_end TEXT")
    db.execute("ALTER TABLE committees ADD COLUMN agenda_subtitle TEXT")
    db.execute("ALTER TABLE committees ADD COLUMN enquiries TEXT")
    db.execute("ALTER TABLE committees ADD COLUMN exclusion_on_agenda INTEGER NOT NULL DEFAULT 0")
    record_triggers(db)  # the audit copies the new columns of agenda items too


@migrations(name="0020_decision_labels")
def decision_labels(db: Database) -> None:
    """How each committee labels decisions in its minutes (docs/minutes.md): numbered
    within each item, or lettered through the meeting; every committee keeps what its
    house style printed until now (lettered in the NHS style, numbered otherwise)."""
    db.execute(
        "ALTER TABLE committees ADD COLUMN decision_labels TEXT NOT NULL DEFAULT 'numbered'"
    )
    db.execute("UPDATE committees SET decision_labels = 'lettered' WHERE house_style = 'nhs'")


@migrations(name="0021_action_marks")
def action_marks(db: Database) -> None:
    """How the minutes' Action column names an action's owner (docs/actions.md): a
    person may have a mark of their own ("COSACS"), an action one for itself alone ("Ross
    Graves / COSACS"); none is given until the secretary gives it, so every minutes
    print what their committee's usual form prints. An action's mark is part of what
    signed minutes record of it, locked with the rest."""
    db.execute("ALTER TABLE people ADD COLUMN action_mark TEXT")
    db.execute("ALTER TABLE actions ADD COLUMN mark TEXT")
    _lock_action_updates(db, (*_AGREED, "mark"))


@migrations(name="0022_register_of_interests")
def register_of_interests(db: Database) -> None:
    """The register of interests each committee keeps of its members (docs/register.md):
    each person's interests with seed 003's columns, and their nil returns. A correction
    is a new row; the one it replaces keeps its text and the date it was replaced, so the
    register as it stood on any earlier day can still be shown."""
    db.execute(
        """CREATE TABLE interests (
            id INTEGER PRIMARY KEY,
            committee TEXT NOT NULL REFERENCES committees(code),
            person TEXT NOT NULL REFERENCES people(id),
            category TEXT NOT NULL,
            description TEXT NOT NULL,
            organisation TEXT,
            date_from TEXT,
            date_to TEXT,
            mitigation TEXT,
            declared_on TEXT NOT NULL,
            replaced_on TEXT
        ) STRICT"""
    )
    db.execute(
        """CREATE TABLE nil_returns (
            id INTEGER PRIMARY KEY,
            committee TEXT NOT NULL REFERENCES committees(code),
            person TEXT NOT NULL REFERENCES people(id),
            declared_on TEXT NOT NULL
        ) STRICT"""
    )
    db.execute("CREATE INDEX idx_interests_committee ON interests (committee, person)")
    db.execute("CREATE INDEX idx_nil_returns_committee ON nil_returns (committee, person)")


@migrations(name="0023_decision_votes")
def decision_votes(db: Database) -> None:
    """The vote on a decision (docs/minutes.md, "Votes"): the numbers, a named vote, the
    proposer and seconder and the Chair's casting vote, kept as one JSON value because
    they are read and written together, always with their decision; none is said of a
    decision stored until now."""
    db.execute("ALTER TABLE decisions ADD COLUMN vote TEXT")
    record_triggers(db)  # the lock and the audit copy the new column of decisions too


@migrations(name="0024_prompt_dismissals")
def prompt_dismissals(db: Database) -> None:
    """A prompt of the register dismissed in live capture (docs/register.md#prompts) is
    a timeline event of a kind, `dismissed`, that a Minutebook before this step does
    not know. The table needs no change: the step is here so that its name, recorded
    in the file, has an older Minutebook refuse the file as made by a newer version
    rather than open it and meet an event it cannot read."""
    del db  # nothing to change


@migrations(name="0025_search")
def search(db: Database) -> None:
    """Search over everything recorded (docs/search.md): an FTS5 index of the minutes,
    decisions, actions and their updates, declarations, the register of interests and
    agenda items, kept current by triggers on those tables, with everything already
    recorded (signed minutes too) indexed now."""
    make_search_index(db)


@migrations(name="0026_compliance_settings")
def compliance_settings(db: Database) -> None:
    """The turnaround rule of a ToR version for its minutes (docs/compliance.md): circulated
    in draft within so many working days of the meeting, and approved at the next
    meeting. Versions stored until now say neither, so take the house style's usual rule
    (`domain.compliance.turnaround_for`). How often the committee meets is the version's
    `meetings_per_year`, kept since the first step."""
    db.execute("ALTER TABLE terms_of_reference ADD COLUMN minutes_circulated_within INTEGER")
    db.execute("ALTER TABLE terms_of_reference ADD COLUMN minutes_approved_at_next INTEGER")


@migrations(name="0028_register_date_precision")
def register_date_precision(db: Database) -> None:
    """An interest's Date From and Date To keep the precision the member gave them
    (docs/register.md, "Dates"): a year ("2014") or a month ("Apr-22") is kept as its
    first day with the precision beside it, and shown as given. Interests stored until
    now were kept as days, and say so. The interests are not a meeting's record, so
    no lock or audit trigger copies their columns (`record_triggers`)."""
    for column in ("from_precision", "to_precision"):
        db.execute(f"ALTER TABLE interests ADD COLUMN {column} TEXT NOT NULL DEFAULT 'day'")


@migrations(name="0029_search_dates")
def search_dates(db: Database) -> None:
    """Indexes on the dates a search walks back through, newest first, to find a common
    word's newest places (docs/search.md, `SearchRepository._newest_walk`): meetings of
    any committee, actions by their meeting's date, updates and register entries by
    their own."""
    for table, column in (
        ("meetings", "date"),
        ("actions", "meeting_date"),
        ("action_updates", "date"),
        ("interests", "declared_on"),
    ):
        db.execute(f"CREATE INDEX IF NOT EXISTS idx_{table}_{column} ON {table} ({column})")


if tuple(m.name for m in migrations._migrations) != KNOWN_STEPS:
    # A step added here but not named in `opening` would let a file from a newer
    # version be opened as if it were current.
    raise RuntimeError("the migration steps and opening.KNOWN_STEPS disagree")
