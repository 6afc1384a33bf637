"""Fixtures for driving the app with Pilot against a real temporary database."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from minutebook.domain import (
    AgendaItem,
    Committee,
    Meeting,
    Organisation,
    Person,
    Seat,
    TermsOfReference,
)
from minutebook.store import Store
from minutebook.tui.app import MinutebookApp

FIXED_NOW = datetime(2026, 11, 25, 10, 0)


@pytest.fixture(autouse=True)
def no_personal_keymap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never read the developer's own keys.yaml."""
    monkeypatch.setenv("MINUTEBOOK_KEYS", str(tmp_path / "no-keys.yaml"))


@pytest.fixture
def app_store(tmp_path: Path) -> Iterator[Store]:
    """A store on a temporary file holding one small committee with one meeting."""
    store = Store.open(tmp_path / "app.db")
    store.add_committee(Committee(code="PAR", name="Parish Council", default_venue="Village Hall"))
    store.add_organisation("PAR", Organisation(id="PC", name="Parish Council"))
    store.add_member(
        "PAR",
        Seat(id="S1", title="Chair", holder="ann-lee", org="PC", tags=("chair",)),
        Person(id="ann-lee", name="Ann Lee", honorific="Councillor"),
    )
    store.add_member(
        "PAR",
        Seat(id="S2", title="Member", holder="bob-roy", org="PC"),
        Person(id="bob-roy", name="Bob Roy", honorific="Councillor"),
    )
    store.add_terms_of_reference(
        "PAR",
        TermsOfReference(
            version=1,
            adopted=date(2020, 5, 1),
            quorum={
                "text": "One third of the members, but never fewer than three.",
                "requirement": {"fraction": {"num": 1, "den": 3, "min": 3}},
            },
        ),
    )
    meeting = store.add_meeting(Meeting(committee="PAR", date=date(2026, 12, 10), time="19:00"))
    for title in ("Apologies", "Minutes of the last meeting", "Planning"):
        store.add_agenda_item(meeting.id or 0, AgendaItem(number=1, title=title))
    try:
        yield store
    finally:
        store.close()


@pytest.fixture
def app(app_store: Store) -> MinutebookApp:
    """The app over that store, with the clock fixed."""
    return MinutebookApp(app_store, clock=lambda: FIXED_NOW)
