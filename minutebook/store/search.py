"""Searching everything ever recorded (docs/search.md): one SQLite FTS5 index over the
minutes, decisions, actions and their updates, declarations of interest, the register
of interests and agenda items, kept by triggers on those tables so that every writer
(the app, the command line, any path through the store) keeps it current.

Each indexed text is a row of `search` whose rowid names its place: the source row's
id times 8 plus its kind's code (`_SOURCES`), so that a trigger finds its own entry by
rowid. The index holds only text; which committee, meeting, date and item a hit belongs
to is read from the record when searching, so a meeting moved to another day or an
agenda renumbered is found where it now is.

The triggers run after the change they index. The lock of signed minutes (the
`lock_*` triggers of `migrations.record_triggers`) refuses a change to signed minutes
before it is made, so nothing indexed of them changes; the index itself is not part of
any meeting's record, so the lock never stops it being built or read.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from typing import Any

from sqlite_utils import Database

from minutebook.domain.search import (
    COMMON_HITS,
    Hit,
    HitKind,
    Order,
    fts_query,
    hit_is_confidential,
    order_for,
    segments,
    with_snippet,
)
from minutebook.store.base import StoreBase

# What each kind indexes: its code in the rowid, its table, and its text from a row.
# A migration step calls `make_search_index`, so these are as step 0025_search made
# them: a later change to them is a new step that makes the index again.
_SOURCES: tuple[tuple[HitKind, int, str, str, tuple[str, ...]], ...] = (
    (HitKind.MINUTE, 1, "minutes", "coalesce({r}.heading || '. ', '') || {r}.narrative",
     ("heading", "narrative")),
    (HitKind.DECISION, 2, "decisions", "{r}.text", ("text",)),
    (HitKind.ACTION, 3, "actions", "{r}.description", ("description",)),
    (HitKind.UPDATE, 4, "action_updates", "{r}.text", ("text",)),
    (HitKind.DECLARATION, 5, "declarations", "{r}.nature", ("nature",)),
    (HitKind.REGISTER, 6, "interests",
     "{r}.description || coalesce('. ' || {r}.organisation, '') "
     "|| coalesce('. ' || {r}.mitigation, '')",
     ("description", "organisation", "mitigation")),
    (HitKind.AGENDA, 7, "agenda_items", "{r}.title || coalesce('. ' || {r}.description, '')",
     ("title", "description")),
)  # fmt: skip
_KINDS = {code: kind for kind, code, *_ in _SOURCES}

_START, _END = "\ue000", "\ue001"
"""FTS5's marks around a matched word in a snippet: private-use characters, never in
what a secretary types, turned into `Segment`s at once."""

SNIPPET_WORDS = 12

SCRATCH_FROM = 2000
"""Words found in more places than this have their snippets made in a scratch index
(`SearchRepository._with_snippets`)."""

_TOKENIZE = "tokenize = 'unicode61 remove_diacritics 2'"
_SHOWN = f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_shown USING fts5(text, {_TOKENIZE})"
"""The scratch index the shown hits' snippets are made in: this connection's own (in
its temporary schema, never in the file), with the tokenizer of `search`."""


def make_search_index(db: Database) -> None:
    """Make the index, its triggers, and index everything already recorded (signed
    minutes too)."""
    # Prefix indexes of two and three characters: the last word is always a prefix, and
    # results come from the third character typed, when "the" stands for every word
    # that starts so; without them each snippet read all their places again (2 ms each
    # on 100,000 texts, against 0.01 ms).
    db.execute(f"CREATE VIRTUAL TABLE search USING fts5(text, {_TOKENIZE}, prefix = '2 3')")
    for _kind, code, table, text, columns in _SOURCES:
        key = f"{{r}}.id * 8 + {code}"
        add = f"INSERT INTO search (rowid, text) VALUES ({key}, {text})"
        drop = f"DELETE FROM search WHERE rowid = {key}"
        new, old = add.format(r="NEW"), drop.format(r="OLD")
        db.execute(f"CREATE TRIGGER search_{table}_insert AFTER INSERT ON {table} BEGIN {new}; END")
        db.execute(
            f"CREATE TRIGGER search_{table}_update AFTER UPDATE OF {', '.join(columns)} "
            f"ON {table} BEGIN {old}; {new}; END"
        )
        db.execute(f"CREATE TRIGGER search_{table}_delete AFTER DELETE ON {table} BEGIN {old}; END")
        db.execute(
            f"INSERT INTO search (rowid, text) SELECT {key.format(r=table)}, "
            f"{text.format(r=table)} FROM {table}"
        )


# Where each kind of hit is in the record: its committee, meeting, date and item, (for
# an action's update) the second place it belongs to, and the person it is about (an
# action's owner, a declaration's member, a register entry's person). Soft-deleted rows and
# replaced register entries are not found.
_FOUND = """
WITH hits(key, score) AS MATERIALIZED (
    {hits}
), found AS (
    SELECT h.key, h.score, mt.committee, mt.id AS meeting_id, mt.date AS day, m.item,
        NULL AS own_number, NULL AS a_meeting, NULL AS a_item, NULL AS person
    FROM hits h JOIN minutes m ON m.id = h.key >> 3 JOIN meetings mt ON mt.id = m.meeting_id
    WHERE h.key & 7 = 1
    UNION ALL
    SELECT h.key, h.score, mt.committee, mt.id, mt.date, m.item, NULL, NULL, NULL, NULL
    FROM hits h JOIN decisions d ON d.id = h.key >> 3 JOIN minutes m ON m.id = d.minute_id
        JOIN meetings mt ON mt.id = m.meeting_id
    WHERE h.key & 7 = 2 AND d.deleted_at IS NULL
    UNION ALL
    SELECT h.key, h.score, a.committee, a.meeting_id, a.meeting_date, a.item, a.minute,
        NULL, NULL, a.owner
    FROM hits h JOIN actions a ON a.id = h.key >> 3
    WHERE h.key & 7 = 3 AND a.deleted_at IS NULL
    UNION ALL
    SELECT h.key, h.score, a.committee,
        CASE WHEN r.id IS NULL THEN a.meeting_id ELSE r.meeting_id END, u.date,
        CASE WHEN r.id IS NULL THEN a.item ELSE r.item END,
        CASE WHEN r.id IS NULL THEN a.minute END, a.meeting_id, a.item, a.owner
    FROM hits h JOIN action_updates u ON u.id = h.key >> 3 JOIN actions a ON a.id = u.action_id
        LEFT JOIN action_reviews r ON r.id = u.review_id
    WHERE h.key & 7 = 4 AND a.deleted_at IS NULL
    UNION ALL
    SELECT h.key, h.score, mt.committee, mt.id, mt.date, dc.item, NULL, NULL, NULL, dc.person
    FROM hits h JOIN declarations dc ON dc.id = h.key >> 3 JOIN meetings mt ON mt.id = dc.meeting_id
    WHERE h.key & 7 = 5 AND dc.deleted_at IS NULL
    UNION ALL
    SELECT h.key, h.score, i.committee, NULL, i.declared_on, NULL, NULL, NULL, NULL, i.person
    FROM hits h JOIN interests i ON i.id = h.key >> 3
    WHERE h.key & 7 = 6 AND i.replaced_on IS NULL
    UNION ALL
    SELECT h.key, h.score, mt.committee, mt.id, mt.date, ai.number, NULL, NULL, NULL, NULL
    FROM hits h JOIN agenda_items ai ON ai.id = h.key >> 3 JOIN meetings mt ON mt.id = ai.meeting_id
    WHERE h.key & 7 = 7
)
SELECT * FROM found
WHERE (:committee IS NULL OR committee = :committee)
    AND (:since IS NULL OR day >= :since) AND (:until IS NULL OR day <= :until)
"""
_MATCHED = "SELECT rowid, {score} FROM search WHERE search MATCH :query"
_LISTED = "SELECT value, 0 FROM json_each(:keys)"
"""The hits `_FOUND` places: every place the words are found, or (`_newest_walk`) the
ones listed, found already in one window of days."""

_IN_WINDOW = """
SELECT m.id * 8 + 1 FROM meetings mt JOIN minutes m ON m.meeting_id = mt.id
    WHERE {meeting} AND (:committee IS NULL OR mt.committee = :committee)
UNION ALL
SELECT d.id * 8 + 2 FROM meetings mt CROSS JOIN minutes m ON m.meeting_id = mt.id
    CROSS JOIN decisions d ON d.minute_id = m.id
    WHERE {meeting} AND (:committee IS NULL OR mt.committee = :committee)
UNION ALL
SELECT a.id * 8 + 3 FROM actions a
    WHERE {action} AND (:committee IS NULL OR a.committee = :committee)
UNION ALL
SELECT u.id * 8 + 4 FROM action_updates u CROSS JOIN actions a ON a.id = u.action_id
    WHERE {update} AND (:committee IS NULL OR a.committee = :committee)
UNION ALL
SELECT dc.id * 8 + 5 FROM meetings mt JOIN declarations dc ON dc.meeting_id = mt.id
    WHERE {meeting} AND (:committee IS NULL OR mt.committee = :committee)
UNION ALL
SELECT i.id * 8 + 6 FROM interests i
    WHERE {interest} AND (:committee IS NULL OR i.committee = :committee)
UNION ALL
SELECT ai.id * 8 + 7 FROM meetings mt JOIN agenda_items ai ON ai.meeting_id = mt.id
    WHERE {meeting} AND (:committee IS NULL OR mt.committee = :committee)
"""
"""The index keys of everything recorded in a window of days (`_newest_walk`): each
kind by the date `_FOUND` gives its hits."""

_DATE_COLUMNS = {
    "meeting": "mt.date",
    "action": "a.meeting_date",
    "update": "u.date",
    "interest": "i.declared_on",
}

_WALK_DAYS = 1
"""Meeting days in the first window `_newest_walk` looks in, doubled each window."""

_WALK_TEXTS = 10000
"""The most texts `_newest_walk` indexes afresh before leaving the search to `_FOUND`
over the word's every place: a word found in one text in a hundred is found quicker
so."""

_WINDOW = f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_window USING fts5(text, {_TOKENIZE})"
"""The scratch index a window's texts are searched in (`_newest_walk`): FTS5 reads a
word's every place afresh for each look-up by rowid in the whole index (8 ms for "the"
on 400,000 texts), and a window's texts are spread all over it. Whether a text matches
depends only on its text, the tokenizer and the query, so it matches here as there."""


_ORDER_BY = {
    Order.NEWEST: ("0", "ORDER BY day DESC, meeting_id, item, key"),
    Order.BEST: ("bm25(search)", "ORDER BY score, day DESC, key"),
}
"""`domain.search.Order` in SQL: the score each hit needs, and the order. bm25 (lower is
better) only where the best match comes first: working it out for each of a common
word's thousands of places took a third of the search. Newest first, a meeting's hits
come in the order of its items; an undated hit last."""


class SearchRepository(StoreBase):
    """Searching the whole record."""

    def search(
        self,
        query: str,
        committee: str | None = None,
        since: date | None = None,
        until: date | None = None,
        confidential: bool = False,
        limit: int = 50,
    ) -> list[Hit]:
        """The places the words of `query` are found, in the order to show them, each
        with its snippet: of one committee's record, between two dates (inclusive) if
        given, confidential business only when `confidential` is asked for. A query of
        fewer than three characters finds nothing (`domain.search.fts_query`)."""
        match = fts_query(query)
        if match is None or limit <= 0:
            return []
        # Only whether there are more than COMMON_HITS (and SCRATCH_FROM) matters:
        # counting all of a common word's places took 11 ms for "the" on 400,000 texts.
        matches = self.db.execute(
            "SELECT count(*) FROM (SELECT 1 FROM search WHERE search MATCH ? LIMIT ?)",
            [match, max(COMMON_HITS, SCRATCH_FROM) + 1],
        ).fetchone()[0]
        score, order_by = _ORDER_BY[order_for(matches)]
        parameters = {
            "query": match,
            "committee": committee,
            "since": since.isoformat() if since else None,
            "until": until.isoformat() if until else None,
        }
        secret: set[tuple[int, int]] = set()  # the confidential items of `read` meetings
        read: set[int | None] = {None}
        # The first `taken` in order, enough for `limit` unless many are confidential:
        # SQLite keeps only so many of a common word's thousands of places while sorting
        # them (a third of the search for "the"). The order is total (the key last), so
        # taking more again gives the same first ones.
        taken = 2 * limit
        while True:
            shown: list[Hit] = []
            walked = None
            if order_for(matches) is Order.NEWEST and matches > SCRATCH_FROM:
                walked = self._newest_walk(parameters, taken)
            if walked is not None:
                rows = walked
            else:
                cursor = self.db.execute(
                    _FOUND.format(hits=_MATCHED.format(score=score)) + order_by + " LIMIT :taken",
                    {**parameters, "taken": taken},
                )
                names = [c[0] for c in cursor.description]
                rows = [dict(zip(names, values, strict=True)) for values in cursor]
            found = 0
            for row in rows:  # in the order shown: only as many as are shown are made
                found += 1
                meetings = {row["meeting_id"], row["a_meeting"]} - read
                if meetings:
                    self._read_confidential(meetings, secret)
                    read |= meetings
                hit = _hit(row, secret)
                if confidential or not hit.confidential:
                    shown.append(hit)
                    if len(shown) == limit:
                        break
            if len(shown) == limit or found < taken:
                break
            taken *= 4
        return self._with_snippets(match, self._named(self._numbered(shown)), matches)

    def _newest_walk(self, parameters: dict[str, Any], taken: int) -> list[dict[str, Any]] | None:
        """The first `taken` of a common word's hits newest first, as `_FOUND` orders
        them, found by walking the record back from its newest meeting days in windows
        of days, each twice as many as the last: placing every one of "the"'s 250,000
        places before taking the newest took 160 ms. In each window, the texts recorded
        there (`_IN_WINDOW`) are searched in a scratch index (`_WINDOW`), and `_FOUND`
        places only what is found there; the undated come after every window, as they
        sort last. None once more than `_WALK_TEXTS` texts are read short of `taken`:
        the word is too rare in the newest record for walking to be quicker."""
        rows: list[dict[str, Any]] = []
        until: str | None = None  # the window's days are before this one
        days = _WALK_DAYS
        read = 0
        while len(rows) < taken:
            newest = self.db.execute(
                "SELECT DISTINCT date FROM meetings WHERE (:before IS NULL OR date < :before) "
                "AND (:committee IS NULL OR committee = :committee) "
                "AND (:since IS NULL OR date >= :since) AND (:until IS NULL OR date <= :until) "
                "ORDER BY date DESC LIMIT :days",
                {**parameters, "before": until, "days": days},
            ).fetchall()
            # The last window holds every day before the one before it: the other
            # kinds' days need not be meeting days.
            since = newest[-1][0] if len(newest) == days else None
            bounds = {"window_since": since, "window_until": until}
            window = " AND ".join(
                f"{{column}} {condition}"
                for condition, bound in (
                    (">= :window_since", since),
                    ("< :window_until", until),
                    (">= :since", parameters["since"]),
                    ("<= :until", parameters["until"]),
                )
                if bound is not None
            )
            found = self._found_in(
                window or "{column} IS NOT NULL",
                {**parameters, **bounds},
                taken - len(rows),
                _WALK_TEXTS - read,
            )
            if found is None:
                return None
            rows, read = rows + found[0], read + found[1]
            if since is None:
                break
            # Given up where, as many found in as many texts again, `taken` would
            # still be out of reach.
            if len(rows) < taken and read * taken > _WALK_TEXTS * max(len(rows), 1):
                return None
            until, days = since, days * 2
        if len(rows) < taken:
            undated = self._found_in(
                "{column} IS NULL", parameters, taken - len(rows), _WALK_TEXTS - read
            )
            if undated is None:
                return None
            rows += undated[0]
        return rows

    def _found_in(
        self, window: str, parameters: dict[str, Any], taken: int, room: int
    ) -> tuple[list[dict[str, Any]], int] | None:
        """The first `taken` hits, newest first, of those recorded in a window of days
        (`window`: a condition on a date `{column}`), and how many texts were read; None
        where more than `room` texts are recorded there."""
        recorded = [
            key
            for (key,) in self.db.execute(
                _IN_WINDOW.format(
                    **{kind: window.format(column=column) for kind, column in _DATE_COLUMNS.items()}
                ),
                parameters,
            )
        ]
        if len(recorded) > room:
            return None
        if not recorded:
            return [], 0
        self.db.execute(_WINDOW)
        self.db.execute("DELETE FROM temp.search_window")
        self.db.execute(
            "INSERT INTO temp.search_window (rowid, text) SELECT rowid, text FROM search "
            "WHERE rowid IN (SELECT value FROM json_each(?))",
            [json.dumps(recorded)],
        )
        keys = [
            key
            for (key,) in self.db.execute(
                "SELECT rowid FROM temp.search_window WHERE search_window MATCH ?",
                [parameters["query"]],
            )
        ]
        self.db.execute("DELETE FROM temp.search_window")
        if not keys:
            return [], len(recorded)
        day = window.format(column="day")
        cursor = self.db.execute(
            _FOUND.format(hits=_LISTED)
            + f" AND {day} "
            + _ORDER_BY[Order.NEWEST][1]
            + " LIMIT :taken",
            {**parameters, "keys": json.dumps(keys), "taken": taken},
        )
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, values, strict=True)) for values in cursor], len(recorded)

    def _named(self, hits: list[Hit]) -> list[Hit]:
        """The hits with the names of the people they are about (`_hit` left their ids
        there), read for the hits shown only."""
        ids = {hit.person for hit in hits if hit.person is not None}
        names = {
            row["id"]: row["name"]
            for row in self._rows_in("SELECT id, name FROM people WHERE id IN ({marks})", ids)
        }
        return [
            replace(hit, person=names.get(hit.person)) if hit.person is not None else hit
            for hit in hits
        ]

    def _numbered(self, hits: list[Hit]) -> list[Hit]:
        """The hits with the minute numbers of their items (read for the hits shown
        only); an action brought in keeps the minute reference it came with."""
        meetings = sorted({hit.meeting_id for hit in hits if hit.meeting_id is not None})
        if not meetings:
            return hits
        marks = ", ".join("?" for _ in meetings)
        numbers = {
            (meeting_id, item): number
            for meeting_id, item, number in self.db.execute(
                f"SELECT meeting_id, item, number FROM minutes WHERE meeting_id IN ({marks}) "
                "AND number IS NOT NULL",
                meetings,
            ).fetchall()
        }
        return [
            replace(hit, minute_number=numbers.get((hit.meeting_id, hit.item), hit.minute_number))
            for hit in hits
        ]

    def _read_confidential(self, meetings: set[int | None], secret: set[tuple[int, int]]) -> None:
        """Add the confidential items of these meetings to `secret`: read as the hits
        reach them, since a search shows the hits of few meetings."""
        for meeting_id in meetings - {None}:
            rows = self.db.execute(
                "SELECT number FROM agenda_items WHERE meeting_id = ? AND confidential = 1",
                [meeting_id],
            ).fetchall()
            secret.update((int(meeting_id or 0), int(number)) for (number,) in rows)

    def _with_snippets(self, match: str, hits: list[Hit], matches: int) -> list[Hit]:
        """Each hit with its snippet. FTS5's snippet() in the whole index reads all the
        words' places again (0.7 ms a hit for "budget", 8 ms for "the" on 400,000
        texts): past SCRATCH_FROM places, the snippets are made in a scratch index of
        the shown hits' texts alone (`_SHOWN`, 0.5 ms for all 50; 1 ms where the whole
        index takes 0.3). The snippet is FTS5's own either way: it depends only on the
        hit's text, the tokenizer and the query, never on the other texts."""
        if not hits:
            return hits
        keys = sorted({hit.key for hit in hits})
        marks = ", ".join("?" for _ in keys)
        made = f"snippet({{table}}, 0, ?, ?, '…', {SNIPPET_WORDS})"
        if matches <= SCRATCH_FROM:
            snippets = dict(
                self.db.execute(
                    f"SELECT rowid, {made.format(table='search')} FROM search "
                    f"WHERE search MATCH ? AND rowid IN ({marks})",
                    [_START, _END, match, *keys],
                ).fetchall()
            )
            return _snippeted(hits, snippets)
        self.db.execute(_SHOWN)
        self.db.execute("DELETE FROM temp.search_shown")
        self.db.execute(
            f"INSERT INTO temp.search_shown (rowid, text) "
            f"SELECT rowid, text FROM search WHERE rowid IN ({marks})",
            keys,
        )
        snippets = dict(
            self.db.execute(
                f"SELECT rowid, {made.format(table='search_shown')} "
                "FROM temp.search_shown WHERE search_shown MATCH ?",
                [_START, _END, match],
            ).fetchall()
        )
        self.db.execute("DELETE FROM temp.search_shown")
        return _snippeted(hits, snippets)


def _snippeted(hits: list[Hit], snippets: dict[int, str]) -> list[Hit]:
    return [with_snippet(hit, segments(snippets.get(hit.key, ""), _START, _END)) for hit in hits]


def _hit(row: dict[str, Any], secret: set[tuple[int, int]]) -> Hit:
    places = [(row["meeting_id"], row["item"]), (row["a_meeting"], row["a_item"])]
    kind = _KINDS[row["key"] & 7]
    return Hit(
        key=row["key"],
        kind=kind,
        committee=row["committee"],
        day=date.fromisoformat(row["day"][:10]) if row["day"] else None,
        score=row["score"],
        meeting_id=row["meeting_id"],
        item=row["item"],
        minute_number=row["own_number"],
        confidential=hit_is_confidential(places, secret),
        person=row["person"],  # the person's id: `SearchRepository._named` names them
        interest_id=row["key"] >> 3 if kind is HitKind.REGISTER else None,
    )
