"""A common word's newest places found by walking the record back in windows of days
(`SearchRepository._newest_walk`, docs/search.md) are the ones, in the order, that
placing every one of its places and taking the newest gives (the oracle)."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

import pytest

from minutebook.domain import (
    Action,
    AgendaItem,
    Committee,
    Decision,
    DecisionVerb,
    Declaration,
    Meeting,
    Person,
)
from minutebook.domain.actions import ActionUpdate
from minutebook.domain.interests import InterestCategory
from minutebook.domain.register import Interest
from minutebook.domain.search import Hit
from minutebook.store import Store
from minutebook.store import search as store_search

WORDS = ("the", "budget", "report", "thematic", "safeguarding", "noted", "plan", "care")


def _text(rng: random.Random) -> str:
    return " ".join(rng.choices(WORDS, k=6)).capitalize() + "."


def _record(store: Store) -> None:
    """Two committees' meetings on shuffled days (an old one recorded after newer ones,
    as imported history is), with confidential items, deleted decisions and actions,
    updates on their own days, actions brought in and a replaced register entry."""
    rng = random.Random(7)
    store.add_committee(Committee(code="ICB", name="Integrated Care Board"))
    store.save_person(Person(id="pete", name="Pete Marland"))
    days = [date(2021, 1, 4) + timedelta(days=9 * n) for n in range(24)]
    days.append(date(2019, 5, 1))  # imported history, recorded last
    days.insert(3, days[5])  # two meetings on one day
    for n, day in enumerate(days):
        committee = "HCP" if n % 3 else "ICB"
        meeting_id = store.add_meeting(Meeting(committee=committee, date=day)).id or 0
        for item in range(1, 4):
            store.add_agenda_item(
                meeting_id,
                AgendaItem(number=1, title=_text(rng), confidential=(n + item) % 5 == 0),
            )
            store.write_narrative(meeting_id, item, _text(rng))
            decision = store.add_decision(
                meeting_id, item, Decision(verb=DecisionVerb.RESOLVED, text=_text(rng))
            )
            if (n + item) % 4 == 0:
                store.delete_decision(decision.id or 0, "14:30")
            action = store.add_action(
                Action(
                    committee=committee,
                    meeting_date=day,
                    meeting_id=meeting_id,
                    item=item,
                    description=_text(rng),
                    owner="pete",
                    updates=(ActionUpdate(date=day + timedelta(days=20), text=_text(rng)),),
                )
            )
            if (n + item) % 7 == 0:
                store.delete_action(action.id or 0, "14:30")
        if n % 4 == 0:
            store.add_declaration(meeting_id, Declaration(person="pete", item=2, nature=_text(rng)))
    for n in range(3):  # brought in from before the book, with no meeting
        store.add_action(
            Action(
                committee="HCP",
                meeting_date=date(2020, 2, 1 + n),
                description=_text(rng),
                owner="pete",
            )
        )
    old = store.add_interest(_interest("The budget holder", date(2021, 3, 1)))
    store.replace_interest(old.id or 0, _interest("The budget holder, ended", date(2021, 6, 1)))


def _interest(description: str, declared_on: date) -> Interest:
    return Interest(
        committee="HCP",
        person="pete",
        category=InterestCategory.FINANCIAL,
        description=description,
        organisation="Thematic Care Ltd",
        declared_on=declared_on,
    )


def _places(hits: list[Hit]) -> list[tuple[Any, ...]]:
    return [
        (h.key, h.kind, h.committee, h.day, h.meeting_id, h.item, h.confidential, h.snippet)
        for h in hits
    ]


SEARCHES: list[dict[str, Any]] = [
    {},
    {"limit": 7},
    {"limit": 200},
    {"confidential": True, "limit": 9},
    {"committee": "HCP", "limit": 11},
    {"committee": "ICB"},
    {"since": date(2021, 3, 1), "until": date(2021, 9, 30), "limit": 13},
    {"committee": "HCP", "since": date(2019, 1, 1), "until": date(2021, 2, 1)},
    {"until": date(2020, 1, 1)},
]


@pytest.mark.parametrize("query", ["the", "budget", "thema", "care plan", "saf"])
@pytest.mark.parametrize("texts", [4000, 30])
def test_walking_back_finds_what_the_whole_index_finds_in_the_same_order(
    committee_store: Store, monkeypatch: pytest.MonkeyPatch, query: str, texts: int
) -> None:
    store = committee_store
    _record(store)
    walks: list[bool] = []
    walk = store_search.SearchRepository._newest_walk

    def spied(self: Any, parameters: dict[str, Any], taken: int) -> Any:
        rows = walk(self, parameters, taken)
        walks.append(rows is not None)
        return rows

    monkeypatch.setattr(store_search.SearchRepository, "_newest_walk", spied)
    monkeypatch.setattr(store_search, "_WALK_TEXTS", texts)  # 30: given up half-way too
    for search in SEARCHES:
        monkeypatch.setattr(store_search, "SCRATCH_FROM", 10**9)
        expected = store.search(query, **search)
        assert not walks
        monkeypatch.setattr(store_search, "SCRATCH_FROM", 5)
        found = store.search(query, **search)
        assert walks, "the walk was not taken"
        assert all(walks) or texts < 4000, "the walk gave up"
        assert _places(found) == _places(expected), search
        walks.clear()


def test_the_walk_reaches_imported_history_and_keeps_days_newest_first(
    committee_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = committee_store
    _record(store)
    monkeypatch.setattr(store_search, "SCRATCH_FROM", 5)
    hits = store.search("the", limit=1000, confidential=True)
    assert date(2019, 5, 1) in {h.day for h in hits}
    days = [h.day for h in hits if h.day is not None]
    assert days == sorted(days, reverse=True)
