"""Fuzzing the files a secretary gives Minutebook: terms of reference, meeting files and
``keys.yaml``. Whatever they hold, reading them ends in data or in problems with their
place (FileError), never in another exception or a hang (tests/fuzzing.py).

Two kinds of input: text built from YAML's syntax and the files' own words (mostly
broken), and the example files with a few values changed, dropped or added (mostly
well-formed, wrong in their content), written as YAML or as JSON.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import example, given
from hypothesis import strategies as st

from minutebook.domain.meeting_quorum import MeetingQuorum
from minutebook.interchange.meeting_file import read_meeting
from minutebook.interchange.reading import FileError, load_data, read_file
from minutebook.interchange.tor_file import TermsFile, read_terms, write_terms
from tests.fuzzing import edits, fuzz, mutate, no_hang, yaml_text

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TOR_TEXT = (EXAMPLES / "people-board-tor.yaml").read_text(encoding="utf-8")
MEETING_TEXT = (EXAMPLES / "people-board-meeting.yaml").read_text(encoding="utf-8")
TOR_DATA = load_data(TOR_TEXT, "tor")
MEETING_DATA = load_data(MEETING_TEXT, "meeting")
TERMS = read_terms(TOR_TEXT)


def as_text(data: Any, as_json: bool) -> str:
    if as_json:
        return json.dumps(data, default=str)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def read_tor(text: str) -> TermsFile | None:
    """The file read, or None for a FileError: any other exception fails the test."""
    with no_hang():
        try:
            return read_terms(text, "tor.yaml")
        except FileError as error:
            assert error.problems and all(isinstance(p, str) and p for p in error.problems)
            return None


def check_meeting(text: str, terms: TermsFile) -> None:
    """Read a meeting file against `terms` and, if it reads, judge its quorum throughout,
    as ``quorum check`` does."""
    with no_hang():
        try:
            meeting = read_meeting(text, terms, "meeting.yaml")
            version = terms.in_force_on(meeting.date)
        except FileError as error:
            assert error.problems
            return
        record = meeting.record(terms.membership.committee.code, meeting.date or version.adopted)
        membership = terms.membership
        quorum = MeetingQuorum(record, version, membership.seats, membership.organisations)
        quorum.opening()
        for item in record.agenda:
            quorum.at_item(item.number)


@fuzz(examples=150)
@given(yaml_text)
@example("adopted: 2023-02-30")
@example("[" * 5000)
@example("a: &a [1, 1]\nb: [*a, *a]")
@example("a: !!int " + "9" * 5000)
@example("!!int ")
def test_any_text_as_a_tor_file(text: str) -> None:
    read_tor(text)


@fuzz(examples=150)
@given(edits, st.booleans())
def test_a_tor_file_with_a_few_values_changed(changes: list[Any], as_json: bool) -> None:
    data = mutate(copy.deepcopy(TOR_DATA), changes)
    terms = read_tor(as_text(data, as_json))
    if terms is not None:
        # What reads also writes back and reads again (tor export, then tor import).
        written = write_terms(terms.membership, terms.versions, terms.names)
        assert read_tor(written) is not None
        check_meeting(MEETING_TEXT, terms)


@fuzz(examples=100)
@given(yaml_text)
@example("date: 2022-02-30")
@example("attendance: " + "[" * 3000)
def test_any_text_as_a_meeting_file(text: str) -> None:
    check_meeting(text, TERMS)


@fuzz(examples=150)
@given(edits, st.booleans())
def test_a_meeting_file_with_a_few_values_changed(changes: list[Any], as_json: bool) -> None:
    check_meeting(as_text(mutate(copy.deepcopy(MEETING_DATA), changes), as_json), TERMS)


@fuzz(examples=60)
@given(st.binary(max_size=200) | yaml_text.map(lambda text: text.encode("utf-8")))
def test_any_bytes_as_a_file(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("bytes") / "file.yaml"
    path.write_bytes(data)
    with no_hang():
        try:
            read_terms(read_file(path), str(path))
        except FileError as error:
            assert error.problems


@fuzz(examples=80)
@given(yaml_text | st.binary(max_size=100).map(lambda data: data.decode("latin-1")))
@example("live.decision: f3,ctrl+d\napp.help: [*a]")
@example("a: &a [x]\nb: [*a, *a, *a]")
def test_any_keys_yaml_gives_a_keymap_of_text_or_none(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    from minutebook.tui.app import KEYMAP_ENV, load_keymap

    keys = tmp_path_factory.mktemp("keys") / "keys.yaml"
    keys.write_text(text, encoding="utf-8")
    monkeypatch.setenv(KEYMAP_ENV, str(keys))
    with no_hang():
        keymap = load_keymap()
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in keymap.items())


@fuzz(examples=5)
@given(
    st.dictionaries(
        st.sampled_from(["app.help", "app.quit", "committees.new", "committees.open"]),
        st.text(max_size=12) | st.sampled_from(["", ",", "ctrl+", "+", "f1,f1", "é", "q"]),
        max_size=3,
    )
)
@example({"app.help": "", "committees.new": "ctrl+"})
def test_the_app_starts_with_any_keymap(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    keymap: dict[str, str],
) -> None:
    """Whatever keys.yaml maps, the app opens, and its help and keys work."""
    import asyncio

    from minutebook.store import Store
    from minutebook.tui.app import KEYMAP_ENV, MinutebookApp

    folder = tmp_path_factory.mktemp("keymap")
    keys = folder / "keys.yaml"
    keys.write_text(yaml.safe_dump(keymap, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv(KEYMAP_ENV, str(keys))
    store = Store.open(folder / "minutes.db")

    async def use_the_app() -> None:
        app = MinutebookApp(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("f1", "escape", "n", "escape", "q")
            await pilot.pause()

    try:
        with no_hang():
            asyncio.run(use_the_app())
    finally:
        store.close()
