"""The kind of body a committee is: the law its exclusion resolution cites, filled from
the meeting's confidential items, and the interests its members declare
(docs/confidentiality.md, docs/declarations.md)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from minutebook.domain.bodies import (
    PRESETS,
    SCHEDULE_12A,
    BodyType,
    exclusion_wording,
    framed,
    read_paragraphs,
    resolution,
    wording_problems,
)
from minutebook.domain.committee import Committee, HouseStyle
from minutebook.domain.interests import (
    category_problem,
    interest_categories,
    interest_words,
)
from minutebook.domain.meeting import AgendaItem, InterestCategory


def _item(number: int, *paragraphs: int) -> AgendaItem:
    return AgendaItem(
        number=number, title=f"Item {number}", confidential=True, exempt_paragraphs=paragraphs
    )


# ---------------------------------------------------------------------- the body type


def test_a_committee_is_by_default_the_body_its_house_style_usually_is() -> None:
    assert Committee(code="HCP", name="HCP").body_type is BodyType.PRINCIPAL_COUNCIL
    nhs = Committee(code="ICB", name="ICB", house_style=HouseStyle.NHS)
    assert nhs.body_type is BodyType.NHS_BODY
    parish = Committee(code="PC", name="Parish", body_type=BodyType.PARISH_COUNCIL)
    assert parish.body_type is BodyType.PARISH_COUNCIL
    # Once chosen, the body type stays when the house style changes.
    assert parish.model_copy(update={"house_style": HouseStyle.NHS}).body_type is (
        BodyType.PARISH_COUNCIL
    )


def test_the_presets_cite_the_act_each_kind_of_body_meets_under() -> None:
    council = PRESETS[BodyType.PRINCIPAL_COUNCIL]
    assert "Section 100A(4) of the Local Government Act 1972" in council.wording
    assert "{paragraphs} of Part 1 of Schedule 12A" in council.wording
    for body in (BodyType.PARISH_COUNCIL, BodyType.NHS_BODY):
        preset = PRESETS[body]
        assert "Public Bodies (Admission to Meetings) Act 1960" in preset.wording
        assert "100A" not in preset.wording and "12A" not in preset.wording
        assert preset.legal_basis == "Public Bodies (Admission to Meetings) Act 1960, section 1(2)"
    assert "Act" not in PRESETS[BodyType.OTHER].wording
    assert len(SCHEDULE_12A) == 7


def test_an_nhs_body_passes_seed_003s_resolution_word_for_word() -> None:
    text = framed(
        "The Board of the Integrated Care Board resolves", PRESETS[BodyType.NHS_BODY].wording
    )
    assert text == (
        "The Board of the Integrated Care Board resolves that representatives of the press, "
        "and other members of the public, be excluded from the remainder of this meeting "
        "having regard to the confidential nature of the business to be transacted, "
        "publicity on which would be prejudicial to the public interest, Section 1(2), "
        "Public Bodies (Admission to Meetings) Act 1960."
    )


def test_a_committees_own_wording_replaces_the_preset() -> None:
    own = "That the public be excluded for {items} under paragraph {paragraphs}."
    committee = Committee(code="X", name="X", exclusion_wording=own)
    assert exclusion_wording(committee.body_type, committee.exclusion_wording) == own
    blank = Committee(code="X", name="X", exclusion_wording="  ")
    assert blank.exclusion_wording is None
    assert exclusion_wording(blank.body_type, None) == PRESETS[BodyType.PRINCIPAL_COUNCIL].wording


@pytest.mark.parametrize(
    ("body", "wording", "says"),
    [
        (BodyType.OTHER, "The public be excluded.", 'start it with "That"'),
        (BodyType.OTHER, "That the public be excluded for {item}.", "{item} is not known"),
        (
            BodyType.PRINCIPAL_COUNCIL,
            "That the public be excluded for {items}.",
            "keep {paragraphs} in it",
        ),
    ],
)
def test_a_wording_that_cannot_be_a_resolution_is_refused(
    body: BodyType, wording: str, says: str
) -> None:
    assert any(says in problem for problem in wording_problems(body, wording))
    with pytest.raises(ValidationError, match="the exclusion wording"):
        Committee(code="X", name="X", body_type=body, exclusion_wording=wording)


def test_a_parish_councils_wording_need_not_name_paragraphs() -> None:
    wording = "That the press and public be excluded for {items}."
    assert wording_problems(BodyType.PARISH_COUNCIL, wording) == []


# ---------------------------------------------------------------------- filled from the items


def test_the_resolution_names_the_item_and_its_paragraph() -> None:
    council = PRESETS[BodyType.PRINCIPAL_COUNCIL].wording
    passed = resolution(council, [_item(9, 3)])
    assert passed.text == (
        "That, under Section 100A(4) of the Local Government Act 1972, the press and public "
        "be excluded from the meeting for item 9 on the grounds that it involves the likely "
        "disclosure of exempt information as defined in paragraph 3 of Part 1 of Schedule "
        "12A to the Act."
    )
    assert "(s)" not in passed.text and "relevant" not in passed.text
    assert passed.missing == () and passed.warning() is None


def test_items_sharing_paragraphs_are_named_together() -> None:
    council = PRESETS[BodyType.PRINCIPAL_COUNCIL].wording
    passed = resolution(council, [_item(9, 1, 3), _item(10, 3, 1)])
    assert "for items 9 and 10 on the grounds" in passed.text
    assert "as defined in paragraphs 1 and 3 of Part 1" in passed.text


def test_each_item_with_its_own_paragraphs() -> None:
    council = PRESETS[BodyType.PRINCIPAL_COUNCIL].wording
    passed = resolution(council, [_item(9, 3), _item(10, 1, 2), _item(11, 3)])
    assert "for items 9, 10 and 11 on the grounds" in passed.text
    assert (
        "as defined in paragraph 3 (items 9 and 11) and paragraphs 1 and 2 (item 10) of Part 1"
        in passed.text
    )


def test_the_minutes_name_the_items_by_their_minute_numbers() -> None:
    council = PRESETS[BodyType.PRINCIPAL_COUNCIL].wording
    passed = resolution(council, [_item(9, 3), _item(10, 3)], {9: "HCP8", 10: "HCP9"})
    assert "for minutes HCP8 and HCP9 on the grounds" in passed.text


def test_a_missing_paragraph_is_shown_and_warned_of() -> None:
    council = PRESETS[BodyType.PRINCIPAL_COUNCIL].wording
    passed = resolution(council, [_item(9, 3), _item(10)])
    assert "paragraph 3 (item 9) and paragraph [not given] (item 10)" in passed.text
    assert passed.missing == (10,)
    assert passed.warning() is not None and "item 10" in (passed.warning() or "")


def test_a_wording_without_paragraphs_needs_none() -> None:
    parish = PRESETS[BodyType.PARISH_COUNCIL].wording
    passed = resolution(parish, [_item(4)])
    assert passed.missing == ()
    assert (
        "Public Bodies (Admission to Meetings) Act 1960, the press and public be excluded "
        "from the meeting for item 4, as publicity" in passed.text
    )


def test_a_resolution_naming_no_item_yet() -> None:
    # An agenda that ends with the resolution whatever its business (seed 003).
    passed = resolution(PRESETS[BodyType.PRINCIPAL_COUNCIL].wording, [])
    assert "for the following business on the grounds" in passed.text
    assert "as defined in the relevant paragraphs of Part 1" in passed.text
    assert passed.missing == ()


def test_framing_puts_the_resolution_after_its_lead() -> None:
    assert framed("To resolve", "That, under the Act, x.") == "To resolve that, under the Act, x."
    assert framed("RESOLVED", "Exclude x.") == "RESOLVED: Exclude x."


# ---------------------------------------------------------------------- Schedule 12A paragraphs


@pytest.mark.parametrize(
    ("typed", "read"),
    [("3", (3,)), ("1, 3", (1, 3)), ("3 and 1", (1, 3)), ("para 3", (3,)), ("", ()), (None, ())],
)
def test_paragraphs_as_typed(typed: str | None, read: tuple[int, ...]) -> None:
    assert read_paragraphs(typed) == read


@pytest.mark.parametrize("typed", ["8", "0", "three", "12A"])
def test_a_paragraph_not_in_part_1_is_refused(typed: str) -> None:
    with pytest.raises(ValueError, match="not a paragraph of Part 1 of Schedule 12A"):
        read_paragraphs(typed)


def test_only_a_confidential_item_has_paragraphs() -> None:
    with pytest.raises(ValidationError, match="only a confidential item"):
        AgendaItem(number=1, title="Budget", exempt_paragraphs=(3,))
    with pytest.raises(ValidationError, match="not a paragraph of Part 1"):
        AgendaItem(number=1, title="Budget", confidential=True, exempt_paragraphs=(9,))
    item = AgendaItem(number=1, title="Budget", confidential=True, exempt_paragraphs=(3, 1, 3))
    assert item.exempt_paragraphs == (1, 3)


# ---------------------------------------------------------------------- declarations


def test_councils_declare_under_their_code_of_conduct() -> None:
    for body in (BodyType.PRINCIPAL_COUNCIL, BodyType.PARISH_COUNCIL):
        assert interest_categories(body) == (
            InterestCategory.DISCLOSABLE_PECUNIARY,
            InterestCategory.OTHER_REGISTRABLE,
            InterestCategory.NON_REGISTRABLE,
        )
    for body in (BodyType.NHS_BODY, BodyType.OTHER):
        assert interest_categories(body) == (
            InterestCategory.FINANCIAL,
            InterestCategory.NON_FINANCIAL_PROFESSIONAL,
            InterestCategory.NON_FINANCIAL_PERSONAL,
            InterestCategory.INDIRECT,
        )


def test_the_minutes_word_each_category() -> None:
    assert interest_words(InterestCategory.DISCLOSABLE_PECUNIARY) == (
        "a disclosable pecuniary interest"
    )
    assert interest_words(InterestCategory.OTHER_REGISTRABLE) == "an other registrable interest"
    assert interest_words(InterestCategory.NON_REGISTRABLE) == "a non-registrable interest"
    assert interest_words(InterestCategory.INDIRECT) == "an indirect interest"
    assert interest_words(InterestCategory.NON_FINANCIAL_PERSONAL) == (
        "a non-financial personal interest"
    )


def test_a_category_the_body_does_not_use_is_refused_unless_already_recorded() -> None:
    council = BodyType.PRINCIPAL_COUNCIL
    problem = category_problem(InterestCategory.FINANCIAL, council)
    assert problem is not None and "disclosable pecuniary" in problem
    assert category_problem(InterestCategory.DISCLOSABLE_PECUNIARY, council) is None
    kept = InterestCategory.FINANCIAL
    assert category_problem(InterestCategory.FINANCIAL, council, kept=kept) is None
