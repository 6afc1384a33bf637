"""A vote on a decision minuted in both house styles as UK minutes word it, read back
from the .docx: proposer and seconder, "On being put to the vote the motion was carried,
7 for, 2 against, 1 abstention.", a named vote's list, before what it resolved."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from minutebook.domain.committee import Person
from minutebook.domain.meeting import Decision
from minutebook.domain.snapshot import MinutesSnapshot
from minutebook.domain.votes import Choice, MemberVote, Vote
from minutebook.exporters.common import name_of, save_document
from minutebook.exporters.council import display_name, render_council_minutes
from minutebook.exporters.nhs import render_nhs_minutes
from minutebook.store import Store
from tests.exporters.record import change, decide


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


def _one_item(snapshot: MinutesSnapshot, decisions: Sequence[Decision]) -> MinutesSnapshot:
    """The first public minute with decisions, its body plain and its decisions these."""
    item = next(
        m.item
        for m in snapshot.record.minutes
        if m.decisions and not snapshot.is_confidential(m.item)
    )
    minutes = tuple(
        m.model_copy(update={"narrative": "Members discussed the bid.", "decisions": decisions})
        if m.item == item
        else m
        for m in snapshot.record.minutes
    )
    return change(snapshot, minutes=minutes)


VOTED = Vote(in_favour=7, against=2)
SAID = "On being put to the vote the motion was carried, 7 for, 2 against."


def test_council_minutes_print_a_vote_with_the_resolution_it_decided(
    demo_reader: Store, tmp_path: Path
) -> None:
    """Three resolutions, the second voted on: the vote goes just before the heading of
    that resolution alone, not before the whole RESOLVED list; the points either side
    stand under headings of their own, numbered on (1., 2., 3.)."""
    snapshot = demo_reader.minutes_snapshot(
        demo_reader.meeting_on("HCP", date(2023, 6, 13)).id or 0
    )
    snapshot = _one_item(
        snapshot,
        (
            Decision(id=901, text="That the report be noted."),
            Decision(id=902, text="That the bid be supported.", vote=VOTED),
            Decision(id=903, text="That a further report come in March."),
        ),
    )
    path = tmp_path / "minutes.docx"
    save_document(render_council_minutes(snapshot, public=True), path)
    document = docx.Document(str(path))
    paragraphs = document.paragraphs
    texts = [p.text for p in paragraphs]
    at = texts.index("That the report be noted.")
    assert texts[at - 1 : at + 6] == [
        "RESOLVED:",
        "That the report be noted.",
        SAID,
        "RESOLVED:",
        "That the bid be supported.",
        "RESOLVED:",
        "That a further report come in March.",
    ]
    assert paragraphs[at + 1].paragraph_format.keep_with_next  # the vote with its heading
    numbering = document.part.numbering_part.element
    starts = []
    for offset in (0, 3, 5):
        num_id = int(paragraphs[at + offset]._p.pPr.numPr.numId.val)
        override = numbering.num_having_numId(num_id).find(qn("w:lvlOverride"))
        starts.append(override.find(qn("w:startOverride")).get(qn("w:val")))
    assert starts == ["1", "2", "3"]


def test_a_lone_voted_resolution_reads_vote_then_resolved_and_nhs_leads_in_again(
    demo_reader: Store, tmp_path: Path
) -> None:
    """One resolution with its vote: "On being put to the vote ... RESOLVED - That ...".
    The NHS style keeps to the same rule: a voted point has its own lead-in after its
    vote, and the points after it a lead-in again, lettered on."""
    council = demo_reader.minutes_snapshot(demo_reader.meeting_on("HCP", date(2023, 6, 13)).id or 0)
    council = _one_item(council, (Decision(id=901, text="That the bid be supported.", vote=VOTED),))
    text = _texts(render_council_minutes(council, public=True), tmp_path / "hcp.docx")
    at = text.index(SAID)
    assert text[at + 1 : at + 3] == ["RESOLVED -", "That the bid be supported."]
    nhs = demo_reader.minutes_snapshot(demo_reader.meeting_on("ICB", date(2022, 7, 1)).id or 0)
    nhs = _one_item(
        nhs,
        (
            Decision(id=901, text="Support the bid.", vote=VOTED),
            Decision(id=902, text="Ask for a further report."),
        ),
    )
    text = _texts(render_nhs_minutes(nhs, public=True), tmp_path / "icb.docx")
    at = text.index(SAID)
    lead_in = text[at + 1]
    assert lead_in.endswith("resolved the following:")
    assert text[at + 2].endswith("Support the bid.")
    assert text[at + 3] == lead_in and text[at + 4].endswith("Ask for a further report.")
    label = text[at + 4].removesuffix("Ask for a further report.")
    assert label != text[at + 2].removesuffix("Support the bid.")  # lettered on


def _texts(rendered: object, path: Path) -> list[str]:
    save_document(rendered, path)  # type: ignore[arg-type]
    body = docx.Document(str(path)).element.body
    paragraphs = body.iter(qn("w:p"))
    return ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in paragraphs]
