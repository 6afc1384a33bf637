"""`minutebook search QUERY`: everything ever recorded that holds the words, as the
app's search screen finds it (`Store.search`, docs/search.md): each hit's committee,
meeting date, minute number (or item), what it was found in and a snippet, the matched
words in bold. Confidential business only with `--confidential`.

It answers like the other commands in `cli`: one line for a refusal, exit 2, never a
traceback; it only reads, so it works while the app has the file open.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING, Any

import click

from minutebook.tui.cli import _committee, _fail, _open_store, database_option, main, store_refusals
from minutebook.tui.cli_dates import DATE_FORMS, DAY

if TYPE_CHECKING:
    from minutebook.domain.search import Hit


@main.command()
@click.argument("query")
@click.option("--committee", "code", help="Only this committee's record, e.g. HCP.")
@click.option("--from", "since", type=DAY, help=f"Only from this date, {DATE_FORMS}.")
@click.option("--to", "until", type=DAY, help=f"Only up to this date, {DATE_FORMS}.")
@click.option(
    "--confidential", is_flag=True, help="Include confidential (Part II) business, marked."
)
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 1000))
@click.option("--json", "as_json", is_flag=True, help="Print the hits as JSON.")
@database_option
@click.pass_context
def search(
    ctx: click.Context,
    query: str,
    code: str | None,
    since: datetime | None,
    until: datetime | None,
    confidential: bool,
    limit: int,
    as_json: bool,
) -> None:
    """Search the minutes, decisions, actions and their updates, declarations, the
    register of interests and agenda items for QUERY: every word must be found, the last
    may be the start of a word ("quor" finds "quorate"). Common words list the newest
    first, rare ones the best match first."""
    from minutebook.domain.search import SHORTEST_QUERY, fts_query

    if fts_query(query) is None:
        _fail(f"search for at least {SHORTEST_QUERY} characters, letters or digits")
    if since and until and since > until:
        _fail(f"--from {since:%Y-%m-%d} is after --to {until:%Y-%m-%d}")
    with _open_store(ctx) as store, store_refusals():
        committee = _committee(store, code).code if code else None
        hits = store.search(
            query,
            committee=committee,
            since=since.date() if since else None,
            until=until.date() if until else None,
            confidential=confidential,
            limit=limit,
        )
    if as_json:
        data = {"query": query, "hits": [_as_data(hit) for hit in hits]}
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    if not hits:
        click.echo(f"Nothing found for {query!r}.")
        return
    for hit in hits:
        click.echo(_as_line(hit))


def _as_line(hit: Hit) -> str:
    """ "HCP  13/06/2023  HCP6      minute       …the meeting was **quorate**." (the
    matched words bold in a terminal); the person a hit is about named before its
    snippet ("Dr A Khan: …Calverton Pharmacy Ltd…")."""
    from minutebook.domain.search import KIND_WORDS, on_one_line, place_words, with_person

    day = f"{hit.day:%d/%m/%Y}" if hit.day else "          "
    kind = KIND_WORDS[hit.kind] + (" (confidential)" if hit.confidential else "")
    snippet = "".join(
        click.style(text, bold=True) if matched else text
        for text, matched in on_one_line(with_person(hit, hit.snippet))
    )
    return f"{hit.committee:<5} {day}  {place_words(hit):<9} {kind:<12} {snippet}"


def _as_data(hit: Hit) -> dict[str, Any]:
    from minutebook.domain.search import KIND_WORDS

    return {
        "committee": hit.committee,
        "date": hit.day.isoformat() if hit.day else None,
        "meeting_id": hit.meeting_id,
        "item": hit.item,
        "minute_number": hit.minute_number,
        "kind": hit.kind.value,
        "found_in": KIND_WORDS[hit.kind],
        "confidential": hit.confidential,
        "person": hit.person,
        "snippet": hit.snippet_text,
        "marked": [text for text, matched in hit.snippet if matched],
    }
