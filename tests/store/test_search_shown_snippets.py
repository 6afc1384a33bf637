"""A search makes snippets for the hits it shows only, in a scratch index of their texts
(`store.search._with_snippets`): the same snippets FTS5 makes in the whole index, and
nothing of the scratch index left in the file."""

from __future__ import annotations

from datetime import date

import pytest

from minutebook.domain import AgendaItem, Meeting
from minutebook.domain.search import fts_query, segments
from minutebook.store import Store
from minutebook.store import search as search_store
from minutebook.store.search import _END, _START, SNIPPET_WORDS


@pytest.fixture
def scratch(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every word's snippets made in the scratch index, as a common word's are in a
    large file (the demo's words are in fewer than SCRATCH_FROM places)."""
    monkeypatch.setattr(search_store, "SCRATCH_FROM", 0)


@pytest.mark.parametrize("in_scratch", [False, True])
@pytest.mark.parametrize("query", ["meeting", "quor", "the", "Stocktake", "primary car"])
def test_snippets_are_those_of_the_whole_index(
    demo_reader: Store, query: str, in_scratch: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if in_scratch:
        monkeypatch.setattr(search_store, "SCRATCH_FROM", 0)
    hits = demo_reader.search(query, confidential=True, limit=30)
    assert hits
    match = fts_query(query)
    for hit in hits:
        [(whole,)] = demo_reader.db.execute(
            f"SELECT snippet(search, 0, ?, ?, '…', {SNIPPET_WORDS}) FROM search "
            "WHERE search MATCH ? AND rowid = ?",
            [_START, _END, match, hit.key],
        ).fetchall()
        assert hit.snippet == segments(whole, _START, _END)
        assert any(matched for _, matched in hit.snippet)


@pytest.mark.usefixtures("scratch")
def test_the_scratch_index_is_the_connection_s_own_and_left_empty(demo_reader: Store) -> None:
    demo_reader.search("meeting")
    main = demo_reader.db.execute(
        "SELECT count(*) FROM sqlite_master WHERE name LIKE 'search_shown%'"
    ).fetchone()[0]
    assert main == 0
    assert demo_reader.db.execute("SELECT count(*) FROM temp.search_shown").fetchone()[0] == 0


@pytest.mark.usefixtures("scratch")
def test_a_common_word_reads_each_shown_text_once(demo_reader: Store) -> None:
    """One statement for the snippets of all the hits shown, however many: each
    snippet read in the whole index read all of a common word's places again."""
    statements: list[str] = []
    demo_reader.db.conn.set_trace_callback(statements.append)
    try:
        hits = demo_reader.search("meeting", limit=25)
    finally:
        demo_reader.db.conn.set_trace_callback(None)
    assert len(hits) == 25
    assert sum("snippet(" in s for s in statements) == 1
    assert not any("snippet(search," in s for s in statements)


def test_hits_behind_many_confidential_ones_are_still_shown(committee_store: Store) -> None:
    """The store takes the first hits in order a few more than it shows at a time
    (`SearchRepository.search`): where those are all confidential and the secretary
    did not ask for confidential material, it takes more, and the later hits show."""
    store = committee_store
    for month in range(1, 6):  # five meetings, each with a confidential item 2
        meeting = store.add_meeting(Meeting(committee="HCP", date=date(2023, month, 10)))
        meeting_id = meeting.id or 0
        for number in (1, 2):
            store.add_agenda_item(
                meeting_id, AgendaItem(number=1, title="Item", confidential=number == 2)
            )
        store.write_narrative(meeting_id, 2, "Kingfisher kingfisher contract.")
        if month == 1:
            store.write_narrative(meeting_id, 1, "The board noted the long kingfisher report.")
    hits = store.search("kingfisher", limit=1)
    assert [(hit.day, hit.item, hit.confidential) for hit in hits] == [
        (date(2023, 1, 10), 1, False)
    ]
    assert len(store.search("kingfisher", limit=1, confidential=True)) == 1
    assert len(store.search("kingfisher", limit=9, confidential=True)) == 6
