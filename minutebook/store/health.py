"""`minutebook check`: is the database whole, up to date and consistent?

Each finding is one line a secretary (or whoever supports them) can act on. The checks
read only, through the reader's connection, so they run beside an open window.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from minutebook.store.opening import KNOWN_STEPS, MIGRATION_SET

_REPEATED_NUMBERS = """
SELECT committee, number, count(*) FROM minutes
WHERE number IS NOT NULL
GROUP BY committee, period, number HAVING count(*) > 1
"""

_MINUTES_OFF_THE_AGENDA = """
SELECT meetings.committee, meetings.date, minutes.item FROM minutes
JOIN meetings ON meetings.id = minutes.meeting_id
WHERE NOT EXISTS (
    SELECT 1 FROM agenda_items a
    WHERE a.meeting_id = minutes.meeting_id AND a.number = minutes.item
)
"""


@dataclass
class Health:
    """What `check_health` found: `facts` say what was checked, `problems` what is wrong."""

    facts: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_health(conn: sqlite3.Connection) -> Health:
    """Integrity, schema version, rows pointing at nothing, repeated minute numbers and
    minutes of items no longer on their agenda."""
    health = Health()
    verdicts = [row[0] for row in conn.execute("PRAGMA integrity_check(20)")]
    if verdicts == ["ok"]:
        health.facts.append("integrity: ok")
    else:
        health.problems.extend(f"integrity: {verdict}" for verdict in verdicts)
        return health  # the rest would read damaged pages
    steps = tuple(
        row[0]
        for row in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
            [MIGRATION_SET],
        )
    )
    if steps == KNOWN_STEPS:
        health.facts.append(f"schema: up to date ({steps[-1]})")
    else:
        health.problems.append(
            f"schema: {steps[-1] if steps else 'none'}, expected {KNOWN_STEPS[-1]}"
        )
    orphans = conn.execute("PRAGMA foreign_key_check").fetchall()
    for table, rowid, parent, _ in orphans[:20]:
        health.problems.append(f"orphan row: {table} row {rowid} points to a missing {parent}")
    if len(orphans) > 20:
        health.problems.append(f"… and {len(orphans) - 20} more orphan rows")
    if not orphans:
        health.facts.append("references: every row points to something that exists")
    repeated = conn.execute(_REPEATED_NUMBERS).fetchall()
    for committee, number, count in repeated:
        health.problems.append(f"minute number {number} of {committee} is issued {count} times")
    if not repeated:
        health.facts.append("minute numbers: each issued once")
    stray = conn.execute(_MINUTES_OFF_THE_AGENDA).fetchall()
    for committee, day, item in stray:
        health.problems.append(
            f"{committee} {day}: a minute of item {item}, which is not on the agenda"
        )
    counts = conn.execute(
        "SELECT (SELECT count(*) FROM committees), (SELECT count(*) FROM meetings), "
        "(SELECT count(*) FROM minutes), (SELECT count(*) FROM actions)"
    ).fetchone()
    health.facts.append("holds {} committees, {} meetings, {} minutes, {} actions".format(*counts))
    return health
