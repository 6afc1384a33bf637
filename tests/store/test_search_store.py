"""Searching the whole record (docs/search.md): what is found, where it is placed, its
snippet, the order, confidential business only when asked for, signed minutes, and a
changed minute found by its new words."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minutebook.domain import (
    Action,
    AgendaItem,
    Attendance,
    Decision,
    DecisionVerb,
    Declaration,
    Meeting,
    MinutesStatus,
    Person,
)
from minutebook.domain.actions import ActionUpdate
from minutebook.domain.interests import InterestCategory
from minutebook.domain.lifecycle import Approval
from minutebook.domain.register import Interest
from minutebook.domain.search import COMMON_HITS, HitKind
from minutebook.store import Store
from tests.fuzzing import fuzz

JUNE, SEPT = date(2023, 6, 13), date(2023, 9, 20)


def _meeting(store: Store, day: date, titles: list[str], confidential: int = 0) -> int:
    meeting = store.add_meeting(Meeting(committee="HCP", date=day))
    meeting_id = meeting.id or 0
    for number, title in enumerate(titles, start=1):
        store.add_agenda_item(
            meeting_id,
            AgendaItem(number=1, title=title, confidential=number == confidential),
        )
    return meeting_id


@pytest.fixture
def june(committee_store: Store) -> int:
    committee_store.save_person(Person(id="pete", name="Pete Marland"))
    return _meeting(
        committee_store, JUNE, ["Welcome", "Better Care Fund", "Kingfisher contract"], 3
    )


def test_a_minute_is_found_with_its_place_number_and_marked_snippet(
    committee_store: Store, june: int
) -> None:
    store = committee_store
    store.write_narrative(june, 2, "The Partnership noted the plan. The meeting was quorate.")
    store.issue_minute_number(june, 2)
    [hit] = store.search("quorate")
    assert (hit.kind, hit.committee, hit.meeting_id, hit.day) == (
        HitKind.MINUTE, "HCP", june, JUNE,
    )  # fmt: skip
    assert (hit.item, hit.minute_number, hit.confidential) == (2, "HCP1", False)
    assert ("quorate", True) in hit.snippet
    assert hit.snippet_text == "The Partnership noted the plan. The meeting was quorate."


def test_the_last_word_is_a_prefix_and_short_or_odd_queries_are_safe(
    committee_store: Store, june: int
) -> None:
    store = committee_store
    store.write_narrative(june, 2, "The meeting was quorate throughout.")
    assert [h.kind for h in store.search("quor")] == [HitKind.MINUTE]
    assert [h.kind for h in store.search("meeting quor")] == [HitKind.MINUTE]
    assert store.search("quorum") == []  # every word must be found
    assert store.search("qu") == [] and store.search("  q ") == []
    for odd in ('quorate"', "quorate AND", "NEAR(quorate", "text:quorate", "quorate*", "(-)"):
        store.search(odd)  # never an FTS5 syntax error
    assert [h.kind for h in store.search('"quorate" OR')] == []  # OR is a word here


def test_every_kind_of_record_is_found(committee_store: Store, june: int) -> None:
    store = committee_store
    store.add_decision(
        june, 2, Decision(verb=DecisionVerb.RESOLVED, text="That the Osprey plan be agreed.")
    )
    store.add_action(
        Action(
            committee="HCP",
            meeting_date=JUNE,
            item=2,
            description="Circulate the Osprey plan.",
            owner="pete",
            updates=(ActionUpdate(date=SEPT, text="Osprey plan circulated."),),
        )
    )
    store.add_declaration(
        june, Declaration(person="pete", item=2, nature="Trustee of the Osprey Trust")
    )
    store.add_interest(
        Interest(
            committee="HCP",
            person="pete",
            category=InterestCategory.FINANCIAL,
            description="Director",
            organisation="Osprey Homes Ltd",
            declared_on=JUNE,
        )
    )
    store.add_agenda_item(june, AgendaItem(number=1, title="Osprey review"))
    hits = store.search("osprey")
    assert sorted(h.kind.value for h in hits) == [
        "action", "agenda", "decision", "declaration", "register", "update",
    ]  # fmt: skip
    places = {h.kind: (h.meeting_id, h.item, h.day) for h in hits}
    assert places[HitKind.DECISION] == (june, 2, JUNE)
    assert places[HitKind.ACTION] == (june, 2, JUNE)
    assert places[HitKind.UPDATE] == (june, 2, SEPT)  # the update's own date
    assert places[HitKind.REGISTER] == (None, None, JUNE)
    # the person each is about, by name: an action's owner, a declaration's member
    people = {h.kind: h.person for h in hits}
    assert people == {
        HitKind.DECISION: None, HitKind.AGENDA: None, HitKind.ACTION: "Pete Marland",
        HitKind.UPDATE: "Pete Marland", HitKind.DECLARATION: "Pete Marland",
        HitKind.REGISTER: "Pete Marland",
    }  # fmt: skip
    [register] = [h for h in hits if h.kind is HitKind.REGISTER]
    assert register.interest_id == store.interests("HCP")[0].id


def test_confidential_business_is_found_only_when_asked_for(
    committee_store: Store, june: int
) -> None:
    store = committee_store
    store.write_narrative(june, 3, "The Heron tender was discussed.")
    store.add_decision(
        june, 3, Decision(verb=DecisionVerb.RESOLVED, text="That Heron be appointed.")
    )
    store.add_action(
        Action(committee="HCP", meeting_date=JUNE, item=3, description="Tell Heron.", owner="pete")
    )
    store.write_narrative(june, 2, "Heron was mentioned in public.")
    public = store.search("heron")
    assert [(h.kind, h.item) for h in public] == [(HitKind.MINUTE, 2)]
    private = store.search("heron", confidential=True)
    assert {(h.kind, h.item, h.confidential) for h in private} == {
        (HitKind.MINUTE, 2, False),
        (HitKind.MINUTE, 3, True),
        (HitKind.DECISION, 3, True),
        (HitKind.ACTION, 3, True),
    }


def test_a_changed_minute_is_found_by_its_new_words_not_its_old(
    committee_store: Store, june: int
) -> None:
    store = committee_store
    store.write_narrative(june, 2, "The Partnership received the plan.")
    store.write_narrative(june, 2, "The Partnership endorsed the plan.")
    assert store.search("received") == []
    assert [h.item for h in store.search("endorsed")] == [2]
    store.write_narrative(june, 2, "")
    assert store.search("endorsed") == []


def sign(store: Store, meeting_id: int, at_meeting: int) -> None:
    """Circulate the meeting's minutes, then approve and sign them at item 1 of a later
    meeting, on 20 September 2023."""
    store.circulate_minutes(meeting_id, date(2023, 6, 20))
    signed = store.approve_minutes(
        Approval(
            meeting_id=meeting_id,
            at_meeting_id=at_meeting,
            item=1,
            chair="Pete Marland",
            signed_on=SEPT,
        ),
        Decision(verb=DecisionVerb.RESOLVED, text="That the Minutes be approved."),
        today=SEPT,
        recorded="2023-09-20T14:05:00",
    )
    assert signed.status is MinutesStatus.SIGNED


def test_signed_minutes_are_found(committee_store: Store, june: int) -> None:
    store = committee_store
    store.add_attendance(june, Attendance(person="pete"))
    store.write_narrative(june, 2, "The Partnership received the Bittern plan.")
    later = _meeting(store, SEPT, ["Minutes"])
    sign(store, june, later)
    [hit] = store.search("bittern")
    assert (hit.meeting_id, hit.item) == (june, 2)


def test_filters_by_committee_and_dates(committee_store: Store, june: int) -> None:
    store = committee_store
    later = _meeting(store, SEPT, ["Egret update"])
    store.write_narrative(june, 2, "Egret first raised.")
    assert [h.day for h in store.search("egret")] == [SEPT, JUNE]
    assert [h.day for h in store.search("egret", since=date(2023, 7, 1))] == [SEPT]
    assert [h.day for h in store.search("egret", until=JUNE)] == [JUNE]
    assert store.search("egret", committee="ICB") == []
    assert len(store.search("egret", committee="HCP", limit=1)) == 1
    assert later


def test_rare_words_best_match_first_common_words_newest_first(
    committee_store: Store, june: int
) -> None:
    store = committee_store
    # A rare word: the minute where it matters most comes first, though older.
    store.write_narrative(june, 2, "Curlew. Curlew curlew: the Curlew scheme.")
    autumn = _meeting(store, SEPT, ["Other business"])
    store.write_narrative(
        autumn, 1, "Among many other things of the evening, curlew was once mentioned " * 3
    )
    assert [h.day for h in store.search("curlew")] == [JUNE, SEPT]
    # A common word: the newest first, though the older ones match it better.
    for week in range(COMMON_HITS + 1):
        title = " ".join(["Budget"] * (COMMON_HITS + 1 - week))
        _meeting(store, date(2024, 1, 1) + timedelta(weeks=week), [title])
    days = [h.day for h in store.search("budget", limit=100)]
    assert len(days) == COMMON_HITS + 1
    assert days == sorted(days, reverse=True)


@fuzz(150)
@given(text=st.text(max_size=40))
def test_whatever_is_typed_searches_without_an_error(demo_reader: Store, text: str) -> None:
    for hit in demo_reader.search(text, confidential=True, limit=5):
        assert hit.snippet_text  # every hit shows words


def test_every_writer_keeps_the_index_current(committee_store: Store, june: int) -> None:
    store = committee_store
    saved = store.add_decision(
        june, 1, Decision(verb=DecisionVerb.RESOLVED, text="That the Avocet plan be agreed.")
    )
    store.edit_decision(saved.model_copy(update={"text": "That the Plover plan be agreed."}))
    assert store.search("avocet") == []
    assert [h.kind for h in store.search("plover")] == [HitKind.DECISION]
    store.delete_decision(saved.id or 0, "14:30")
    assert store.search("plover") == []  # a deleted decision is not found
    store.restore_decision(saved.id or 0)
    assert [h.item for h in store.search("plover")] == [1]
    # An item moved up is found at its new number, its minute with it (item 2 has no
    # minute: swapping two minuted items is refused by the store, a fault of its own).
    [kingfisher] = [i for i in store.agenda(june) if i.title == "Kingfisher contract"]
    store.write_narrative(june, 3, "The Kingfisher contract was let.")
    store.move_agenda_item(kingfisher.id or 0, -1)
    assert {(h.kind, h.item) for h in store.search("kingfisher", confidential=True)} == {
        (HitKind.AGENDA, 2),
        (HitKind.MINUTE, 2),
    }
    visit = store.add_agenda_item(june, AgendaItem(number=1, title="Kingfisher site visit"))
    assert [h.item for h in store.search("kingfisher visit")] == [visit.number]
    store.delete_agenda_item(visit.id or 0)
    assert store.search("kingfisher visit") == []
