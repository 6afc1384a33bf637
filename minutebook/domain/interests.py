"""The categories of interest a committee's members declare, by the kind of body
(docs/declarations.md).

A council's members declare under its code of conduct: disclosable pecuniary interests
(Localism Act 2011, section 30, and the Relevant Authorities (Disclosable Pecuniary
Interests) Regulations 2012), other registrable interests and non-registrable interests
(the Local Government Association's model code of conduct, 2020; seed 001's agenda asks
for "disclosable pecuniary interests, other registerable interests, or non-registerable
interests"). An NHS body's register has seed 003's four: financial, non-financial
professional, non-financial personal and indirect (NHS England's guidance on managing
conflicts of interest), which any other body uses too.
"""

from __future__ import annotations

from minutebook.domain.bodies import BodyType
from minutebook.domain.meeting import InterestCategory

COUNCIL_CATEGORIES: tuple[InterestCategory, ...] = (
    InterestCategory.DISCLOSABLE_PECUNIARY,
    InterestCategory.OTHER_REGISTRABLE,
    InterestCategory.NON_REGISTRABLE,
)
REGISTER_CATEGORIES: tuple[InterestCategory, ...] = (
    InterestCategory.FINANCIAL,
    InterestCategory.NON_FINANCIAL_PROFESSIONAL,
    InterestCategory.NON_FINANCIAL_PERSONAL,
    InterestCategory.INDIRECT,
)

INTEREST_LABELS: dict[InterestCategory, str] = {
    InterestCategory.FINANCIAL: "financial",
    InterestCategory.NON_FINANCIAL_PROFESSIONAL: "non-financial professional",
    InterestCategory.NON_FINANCIAL_PERSONAL: "non-financial personal",
    InterestCategory.INDIRECT: "indirect",
    InterestCategory.DISCLOSABLE_PECUNIARY: "disclosable pecuniary",
    InterestCategory.OTHER_REGISTRABLE: "other registrable",
    InterestCategory.NON_REGISTRABLE: "non-registrable",
}
"""Each category as the app and the minutes name it ("a disclosable pecuniary interest")."""


def interest_categories(body_type: BodyType) -> tuple[InterestCategory, ...]:
    """The categories this kind of body's members declare, the usual one first."""
    if body_type in (BodyType.PRINCIPAL_COUNCIL, BodyType.PARISH_COUNCIL):
        return COUNCIL_CATEGORIES
    return REGISTER_CATEGORIES


def offered_categories(
    body_type: BodyType, kept: InterestCategory | None = None
) -> tuple[InterestCategory, ...]:
    """The categories a form offers: this body's, the usual one first, then `kept` (an
    entry's category recorded before the committee's body type changed), which a
    correction may keep (`category_problem`)."""
    categories = interest_categories(body_type)
    return categories if kept is None or kept in categories else (*categories, kept)


def interest_words(category: InterestCategory) -> str:
    """The category as the minutes word a declaration: "a financial interest", "an
    indirect interest", "an other registrable interest"."""
    label = INTEREST_LABELS[category]
    article = "an" if label[0] in "aeio" else "a"
    return f"{article} {label} interest"


def category_problem(
    category: InterestCategory, body_type: BodyType, kept: InterestCategory | None = None
) -> str | None:
    """Why a declaration cannot be recorded in this category: it is not one this body's
    members declare (`kept`, a corrected declaration's category as recorded before the
    committee's body type changed, stays allowed)."""
    allowed = interest_categories(body_type)
    if category in allowed or category == kept:
        return None
    names = [INTEREST_LABELS[c] for c in allowed]
    listed = f"{', '.join(names[:-1])} or {names[-1]}"
    return f"Interest: choose a {listed} interest, as declared to a body of this kind"
