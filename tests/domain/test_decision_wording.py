"""How a committee words its decisions (`domain.decision_wording`, docs/minutes.md): the
NHS minutes' sentence for a resolution typed "That the Board ..." names the Board once,
as seed 003 words what the Board resolves; a form's examples are the committee's own."""

from __future__ import annotations

import pytest

from minutebook.domain.bodies import BodyType
from minutebook.domain.committee import Person
from minutebook.domain.decision_wording import (
    body_word,
    decision_example,
    minuted_sentence,
    named_vote_example,
)

ICB = "Board of the Bedfordshire, Luton and Milton Keynes Integrated Care Board"


@pytest.mark.parametrize(
    ("verb", "text", "said"),
    [
        ("resolved", "That the Board approves the commissioner review.",
         "The Board resolved to approve the commissioner review."),
        ("resolved", "That the Board approve the review.",
         "The Board resolved to approve the review."),
        ("agreed", "That the board ratifies the policy.", "The Board agreed to ratify the policy."),
        ("resolved", "That the Board establishes a group.",
         "The Board resolved to establish a group."),
        ("resolved", "That the Board focuses on access.",
         "The Board resolved to focus on access."),
        ("resolved", "That the Board prioritizes urgent care.",
         "The Board resolved to prioritize urgent care."),
        ("resolved", "That the Board authorises the Chair.",
         "The Board resolved to authorise the Chair."),
        ("resolved", "That the Board discusses the risk.",
         "The Board resolved to discuss the risk."),
        ("resolved", "That the Board approaches the Trust.",
         "The Board resolved to approach the Trust."),
        ("resolved", "That the Board undergoes a review.",
         "The Board resolved to undergo a review."),
        ("resolved", "That the Board uses the reserve.",
         "The Board resolved to use the reserve."),
        ("resolved", "That the Board is assured of progress.",
         "The Board resolved that it is assured of progress."),
        ("resolved", "That the report be noted.", "The Board resolved that the report be noted."),
        ("noted", "That the Board notes the update.", "The Board noted the update."),
        ("noted", "The update on winter.", "The Board noted the update on winter."),
        ("resolved", "ICB members attend.", "The Board resolved ICB members attend."),
    ],
)  # fmt: skip
def test_the_nhs_sentence_names_the_board_once(verb: str, text: str, said: str) -> None:
    resolves = verb != "noted"
    assert minuted_sentence(body_word(ICB), verb, text, resolves=resolves) == said


def test_the_examples_are_the_committees_own() -> None:
    assert body_word(ICB) == "Board"
    assert body_word("Health and Care Partnership") == "Partnership"
    assert decision_example(ICB, BodyType.NHS_BODY) == "To approve ... (or NOTED: ...)"
    assert decision_example("Planning Committee", BodyType.PARISH_COUNCIL) == (
        "That the Committee ... (or NOTED: ...)"
    )
    people = [Person(id=n.lower(), name=f"A {n}") for n in ("Makarem", "Blakeman", "Borrett")]
    assert named_vote_example(people) == "For: Makarem, Blakeman; Against: Borrett"
    assert named_vote_example(people[:1]) == "For: Makarem; Against: name"
