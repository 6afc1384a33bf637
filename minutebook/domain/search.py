"""Searching everything ever recorded: what a query means, which hits may be shown, and
in what order (docs/search.md).

The store finds the hits (SQLite FTS5); these rules decide the rest, so that the app,
the command line and the tests agree:

- a query is the secretary's words, each matched as written (quoted, so that no word is
  read as FTS5 syntax), the last one as the start of a word ("quor" finds "quorate");
  fewer than three characters find nothing;
- a hit recorded under a confidential item is shown only where confidential material
  was asked for (`domain.confidentiality`, never worked out again here);
- common words list the newest first, rare ones the best match first (`order_for`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from minutebook.domain.confidentiality import ConfidentialItems, is_confidential

SHORTEST_QUERY = 3
"""A query of fewer characters finds nothing: one or two letters match most of the
record, and results are shown as the secretary types from the third character."""

COMMON_HITS = 20
"""More hits than this and the words are common: the hits are listed newest first."""

_WORD = re.compile(r"\w", re.UNICODE)
_SPACES = re.compile(r"\s+")
_LIST_MARK = re.compile(r"\n[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+")
"""A list item's marker at the start of a line of a minute's text ("- ", "2. "); only
after a line break: a piece of a snippet may start mid-line ("costs - about £2m")."""
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class HitKind(StrEnum):
    """What a hit was found in."""

    MINUTE = "minute"
    DECISION = "decision"
    ACTION = "action"
    UPDATE = "update"  # an action's update, or its position recorded at a review
    DECLARATION = "declaration"
    REGISTER = "register"  # an entry of the register of interests
    AGENDA = "agenda"  # an agenda item's title and description


KIND_WORDS: dict[HitKind, str] = {
    HitKind.MINUTE: "minute",
    HitKind.DECISION: "decision",
    HitKind.ACTION: "action",
    HitKind.UPDATE: "action update",
    HitKind.DECLARATION: "declaration",
    HitKind.REGISTER: "register",
    HitKind.AGENDA: "agenda item",
}
"""What a hit was found in, as a list of hits names it."""

Segment = tuple[str, bool]
"""A piece of a snippet and whether it is one of the words searched for."""


@dataclass(frozen=True)
class Hit:
    """One place the words were found. `score` is FTS5's bm25 rank (lower is a better
    match); `key` is the store's own name for the place, to fetch its snippet; `day` is
    the meeting's date (an update's own date, a register entry's date declared)."""

    key: int
    kind: HitKind
    committee: str
    day: date | None
    score: float
    meeting_id: int | None = None
    item: int | None = None
    minute_number: str | None = None
    confidential: bool = False
    snippet: tuple[Segment, ...] = ()
    person: str | None = None
    """The name of the person the hit is about: a register entry's person, an action's
    owner (and its updates'), a declaration's member; None for the other kinds."""
    interest_id: int | None = None
    """A register hit's interest, so that the register opens at it."""

    @property
    def snippet_text(self) -> str:
        return "".join(text for text, _ in self.snippet)


def place_words(hit: Hit) -> str:
    """Where in its meeting a hit is, as every list of hits shows it (the app's Minute
    column, the command line's): the minute number as the minutes print it, else the
    item ("item 4"); nothing only where there is no item (a register entry, an action
    brought in with no minute reference)."""
    number = (hit.minute_number or "").strip()
    if number:
        return number
    return f"item {hit.item}" if hit.item is not None else ""


def with_person(hit: Hit, snippet: Sequence[Segment]) -> tuple[Segment, ...]:
    """The snippet as a list shows it, after the name of the person the hit is about
    ("Dr A Khan: …Calverton Pharmacy Ltd…"): a register entry's words seldom name
    them."""
    lead: tuple[Segment, ...] = ((f"{hit.person}: ", False),) if hit.person else ()
    return lead + tuple(snippet)


def around_match(snippet: Sequence[Segment], width: int, keep: int = 0) -> tuple[Segment, ...]:
    """A one-line snippet cut to `width` characters around its first matched word, so
    that the word shows whole rather than cut at the edge ("angiopl…"): the first `keep`
    characters (a person's name) stay, the rest is centred on the match, "…" marking
    what is left out."""
    pieces = on_one_line(snippet)
    chars = [(c, matched) for part, matched in pieces for c in part]
    if width <= 0 or len(chars) <= width:
        return pieces
    keep = min(keep, width // 2)
    at = next((n for n, (_, m) in enumerate(chars) if m and n >= keep), keep)
    length = next((n for n in range(at, len(chars)) if not chars[n][1]), len(chars)) - at
    room = width - keep - 2  # an ellipsis either side
    start = max(keep, min(at + length // 2 - room // 2, len(chars) - room))
    start = min(start, at)  # a word longer than the room: its start shows
    end = min(len(chars), start + room + (0 if start > keep else 1))
    # Cut at spaces where that leaves the match whole: whole words either side.
    text = "".join(c for c, _ in chars)
    mid_word = start > keep and text[start - 1] != " "
    if mid_word and (space := text.find(" ", start, at)) >= 0:
        start = space + 1
    mid_word = end < len(text) and text[end] != " "
    if mid_word and (space := text.rfind(" ", at + length, end)) > 0:
        end = space
    shown = chars[:keep] + ([("…", False)] if start > keep else []) + chars[start:end]
    if end < len(chars):
        shown.append(("…", False))
    joined: list[Segment] = []
    for char, matched in shown:
        if joined and joined[-1][1] == matched:
            joined[-1] = (joined[-1][0] + char, matched)
        else:
            joined.append((char, matched))
    return tuple(joined)


def fts_query(text: str) -> str | None:
    """The FTS5 query for what the secretary typed, or None when it should find nothing
    (fewer than three characters, or no letter or digit at all).

    Each word is quoted, so that quotes, brackets, AND, OR, NEAR, stars and colons are
    searched for as words rather than read as the query language; every word must be
    found (FTS5 joins them with AND); the last one is a prefix, as it may still be
    being typed."""
    # A control character (NUL above all) ends FTS5's reading of a quoted word.
    text = _CONTROL.sub(" ", text)
    if len(text.strip()) < SHORTEST_QUERY:
        return None
    words = [w for w in text.split() if _WORD.search(w)]
    if not words:
        return None
    quoted = ['"' + w.replace('"', '""') + '"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def hit_is_confidential(
    places: Iterable[tuple[int | None, int | None]], confidential: ConfidentialItems
) -> bool:
    """Whether a hit is confidential business: it is recorded at any place (meeting id,
    item) that `domain.confidentiality` calls confidential. An action's update is at
    two places, the review that recorded it and the item the action was agreed under."""
    return any(is_confidential(meeting, item, confidential) for meeting, item in places)


class Order(StrEnum):
    """The order hits are listed in."""

    NEWEST = "newest first"  # by date, the newest first; equal dates the best match first
    BEST = "best match first"  # by bm25, the best first; equal matches the newest first


def order_for(matches: int) -> Order:
    """The order for a query whose words are found in `matches` places of the whole
    record: the newest first when there are more than `COMMON_HITS`, the best match
    first otherwise (docs/search.md#order).

    A common word ("budget", "quorate") is found all through the record, every place
    matching about as well; the secretary asking for it wants the latest. A rare word (a
    provider's name, a scheme) is found in a few places, and the one where it matters
    most (bm25: the word often, in a short text) is the one being looked for, however
    old. The store sorts by the order named here (in SQL, so that a common word's
    thousands of places are not each made a `Hit` only to be left out)."""
    return Order.NEWEST if matches > COMMON_HITS else Order.BEST


def segments(raw: str, start: str, end: str) -> tuple[Segment, ...]:
    """A snippet marked by FTS5 (`start` and `end` around each matched word) as its
    pieces, the matched ones flagged."""
    pieces: list[Segment] = []
    for n, part in enumerate(raw.split(start)):
        if n == 0:
            if part:
                pieces.append((part, False))
            continue
        matched, _, rest = part.partition(end)
        if matched:
            pieces.append((matched, True))
        if rest:
            pieces.append((rest, False))
    return tuple(pieces)


def on_one_line(snippet: Sequence[Segment]) -> tuple[Segment, ...]:
    """A snippet for a one-line list: every run of spaces and line breaks one space, a
    list item's marker a "•" and bold's "**" dropped, so that the minute's text reads as
    the minutes print it, not as it is typed ("community. - The" was shown)."""
    return tuple(
        (_SPACES.sub(" ", _LIST_MARK.sub("\n• ", text).replace("**", "")), matched)
        for text, matched in snippet
    )


def with_snippet(hit: Hit, snippet: tuple[Segment, ...]) -> Hit:
    return replace(hit, snippet=snippet)
