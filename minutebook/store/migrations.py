"""The schema, as named migrations (sqlite-utils' built-in ``Migrations``).

Steps are only ever added, never edited, so a database made by any earlier version of
Minutebook opens in every later one. A database whose applied steps include a name this
version does not know was made by a newer Minutebook and is refused, not modified.

Lists (seat tags, deputies, past deadlines) and the quorum rule are stored as JSON text:
they are always read and written whole with their row.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

from minutebook.store.opening import KNOWN_STEPS, MIGRATION_SET

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
    """Whether the secretary has confirmed a ToR version's policies (DOMAIN.md 2.2:
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
    """A decision recorded while the meeting was inquorate is flagged (DOMAIN.md 2.3),
    as is one taken by Chair's action instead."""
    db.execute("ALTER TABLE decisions ADD COLUMN flag TEXT")


@migrations(name="0006_quorum_rulings")
def quorum_rulings(db: Database) -> None:
    """The Chair's rulings on an ambiguous quorum, with the reason (DOMAIN.md 2.3)."""
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


if tuple(m.name for m in migrations._migrations) != KNOWN_STEPS:
    # A step added here but not named in `opening` would let a file from a newer
    # version be opened as if it were current.
    raise RuntimeError("the migration steps and opening.KNOWN_STEPS disagree")
