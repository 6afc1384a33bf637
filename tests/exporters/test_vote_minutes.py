"""A vote on a decision minuted in both house styles as UK minutes word it, read back
from the .docx: proposer and seconder, "On being put to the vote the motion was carried,
7 for, 2 against, 1 abstention.", a named vote's list, before what it resolved."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from minutebook.domain.committee import Person
from minutebook.domain.meeting import Decision
from minutebook.domain.votes import Choice, MemberVote, Vote
from minutebook.exporters.common import name_of, save_document
from minutebook.exporters.council import display_name, render_council_minutes
from minutebook.exporters.nhs import render_nhs_minutes
from minutebook.store import Store
from tests.exporters.record import decide


@pytest.mark.parametrize(
    ("code", "day", "render", "form"),
    [
        # Each house style names people its own way: "Councillor Marland", "Andrew Blakeman".
        ("HCP", date(2023, 6, 13), render_council_minutes, display_name),
        ("ICB", date(2022, 7, 1), render_nhs_minutes, Person.display_name.fget),
    ],
)
def test_a_vote_is_minuted_before_what_it_decided(
    demo_reader: Store,
    tmp_path: Path,
    code: str,
    day: date,
    render: object,
    form: Callable[[Person], str],
) -> None:
    snapshot = demo_reader.minutes_snapshot(demo_reader.meeting_on(code, day).id or 0)
    a, b, c, d = (row.person for row in snapshot.record.attendance[:4])
    item = next(
        m.item
        for m in snapshot.record.minutes
        if m.decisions and not snapshot.is_confidential(m.item)
    )
    counted = Vote(in_favour=7, against=2, abstentions=1, proposer=a, seconder=b)
    named = Vote(
        named=(
            MemberVote(person=a, choice=Choice.FOR),
            MemberVote(person=b, choice=Choice.AGAINST),
            MemberVote(person=c, choice=Choice.AGAINST),
            MemberVote(person=d, choice=Choice.FOR),
        ),
        casting=Choice.AGAINST,
    )
    snapshot = decide(snapshot, item, Decision(text="That the scheme be approved.", vote=counted))
    snapshot = decide(snapshot, item, Decision(text="That the bid go ahead.", vote=named))
    path = tmp_path / "minutes.docx"
    save_document(render(snapshot, public=True), path)  # type: ignore[operator]
    body = docx.Document(str(path)).element.body
    # Every paragraph in document order, those in the NHS style's item table too.
    text = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p"))]

    def name(person: str) -> str:
        return name_of(snapshot, person, form)

    said = (
        f"Proposed by {name(a)}, seconded by {name(b)}. On being put to the vote the motion "
        "was carried, 7 for, 2 against, 1 abstention."
    )
    listed = (
        "On being put to the vote the motion was lost on the Chair's casting vote, 2 for, "
        f"2 against. For: {name(a)}, {name(d)}; Against: {name(b)}, {name(c)}."
    )
    assert said in text and listed in text
    decided = next(n for n, line in enumerate(text) if "the scheme be approved" in line)
    assert text.index(said) < decided
