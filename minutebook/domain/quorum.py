"""Terms of reference and the quorum rule, as data (docs/quorum.md).

The quorum requirement is a tree. In files each node is a mapping with exactly one key
naming its kind (``all``, ``any``, ``at_least``, ``count``, ``fraction``, ``role``,
``org_coverage``, ``share_of_present``, ``max``, ``min``), and the models below keep that
shape so that a terms-of-reference file and the stored rule read the same. The policies
are the questions a ToR's wording often leaves open; each has the default docs/quorum.md gives.

Evaluating the tree against an attendance is the quorum engine's job; this module only
holds and validates the rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag, field_validator, model_validator

from minutebook.domain.base import DomainModel, OptionalName
from minutebook.domain.base import Tag as SeatTag
from minutebook.domain.dates import short_date


class Rounding(StrEnum):
    CEIL = "ceil"
    FLOOR = "floor"
    HALF_UP = "half_up"


class _Fractional(DomainModel):
    """Shared validation for the parts of a rule that are fractions."""

    num: int = Field(ge=0)
    den: int

    @field_validator("den")
    @classmethod
    def _positive_den(cls, value: int) -> int:
        if value <= 0:
            raise ValueError("must be > 0")
        return value

    @model_validator(mode="after")
    def _proper_fraction(self) -> Any:
        if self.num > self.den:
            raise ValueError(f"num ({self.num}) must not exceed den ({self.den})")
        return self


class CountSpec(DomainModel):
    """A fixed headcount, optionally only of seats with given tags: "three members"."""

    min: int = Field(ge=1)
    tags: tuple[SeatTag, ...] = ()


class FractionSpec(_Fractional):
    """A share of the membership: "one quarter of the whole number of members"."""

    rounding: Rounding = Rounding.CEIL
    plus: int = Field(default=0, ge=0)
    min: int | None = Field(default=None, ge=1)
    tags: tuple[SeatTag, ...] = ()


class RoleSpec(DomainModel):
    """People holding one of the tags: "the Chair or Vice Chair"."""

    any_tags: tuple[SeatTag, ...] = Field(min_length=1)
    min: int = Field(default=1, ge=1)


class OrgCoverageSpec(_Fractional):
    """Distinct organisations present: "50% of ICS organisations are represented"."""

    constituency: OptionalName = None
    orgs: tuple[str, ...] = ()
    rounding: Rounding = Rounding.CEIL


class ShareOfPresentSpec(_Fractional):
    """Composition of those counted: "not less than half ... shall be external members"."""

    any_tags: tuple[SeatTag, ...] = Field(min_length=1)


class AtLeastSpec(DomainModel):
    k: int = Field(ge=1)
    of: tuple[Requirement, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _k_fits(self) -> AtLeastSpec:
        if self.k > len(self.of):
            raise ValueError(f"k ({self.k}) is more than the {len(self.of)} clauses listed")
        return self


class AllNode(DomainModel):
    all: tuple[Requirement, ...] = Field(min_length=1)


class AnyNode(DomainModel):
    any: tuple[Requirement, ...] = Field(min_length=1)


class AtLeastNode(DomainModel):
    at_least: AtLeastSpec


class CountNode(DomainModel):
    count: CountSpec


class FractionNode(DomainModel):
    fraction: FractionSpec


class RoleNode(DomainModel):
    role: RoleSpec


class OrgCoverageNode(DomainModel):
    org_coverage: OrgCoverageSpec


class ShareOfPresentNode(DomainModel):
    share_of_present: ShareOfPresentSpec


class MaxNode(DomainModel):
    """The greater of several thresholds: "one third, or three, whichever is greater"."""

    max: tuple[Requirement, ...] = Field(min_length=1)


class MinNode(DomainModel):
    min: tuple[Requirement, ...] = Field(min_length=1)


NODE_KINDS: tuple[str, ...] = (
    "all",
    "any",
    "at_least",
    "count",
    "fraction",
    "role",
    "org_coverage",
    "share_of_present",
    "max",
    "min",
)


def _node_kind(value: Any) -> str | None:
    """The single key of a requirement node, which names its kind."""
    if isinstance(value, dict):
        keys = list(value)
        if len(keys) == 1 and keys[0] in NODE_KINDS:
            return str(keys[0])
        return None
    for kind in NODE_KINDS:
        if isinstance(value, DomainModel) and kind in type(value).model_fields:
            return kind
    return None


Requirement = Annotated[
    Annotated[AllNode, Tag("all")]
    | Annotated[AnyNode, Tag("any")]
    | Annotated[AtLeastNode, Tag("at_least")]
    | Annotated[CountNode, Tag("count")]
    | Annotated[FractionNode, Tag("fraction")]
    | Annotated[RoleNode, Tag("role")]
    | Annotated[OrgCoverageNode, Tag("org_coverage")]
    | Annotated[ShareOfPresentNode, Tag("share_of_present")]
    | Annotated[MaxNode, Tag("max")]
    | Annotated[MinNode, Tag("min")],
    Discriminator(
        _node_kind,
        custom_error_type="requirement_node",
        custom_error_message="each requirement node is a mapping with exactly one key, one of "
        + ", ".join(NODE_KINDS),
    ),
]


class Base(StrEnum):
    ESTABLISHMENT = "establishment"  # all voting seats, filled or vacant
    FILLED = "filled"  # members in post


class WhoCounts(StrEnum):
    VOTING_MEMBERS = "voting_members"
    ALL_MEMBERS = "all_members"


class DeputiesAllowed(StrEnum):
    NONE = "none"
    NAMED = "named"
    ANY = "any"


class ConflictEffect(StrEnum):
    EXCLUDE = "exclude"
    DEEMED_PRESENT = "deemed_present"
    IGNORE = "ignore"


class Ruling(StrEnum):
    """The Chair's decision on a declared interest (docs/declarations.md)."""

    REMAIN = "remain"  # no action needed
    NO_VOTE = "no_vote"  # stay but take no part in the decision
    LEAVE = "leave"  # leave the meeting for the item


class InquorateAction(StrEnum):
    ADJOURN = "adjourn"
    PROCEED_NO_DECISIONS = "proceed_no_decisions"
    DEFER_ITEMS = "defer_items"
    CHAIRS_ACTION = "chairs_action"
    REFER_TO_PARENT = "refer_to_parent"


class Counting(DomainModel):
    who_counts: WhoCounts = WhoCounts.VOTING_MEMBERS
    single_capacity: bool = False


class DeputyPolicy(DomainModel):
    allowed: DeputiesAllowed = DeputiesAllowed.NONE
    counts: bool = True
    may_vote: bool = True
    scope_tags: tuple[SeatTag, ...] = ()
    excluded_tags: tuple[SeatTag, ...] = ("chair", "vice_chair")
    max_principals: int = Field(default=1, ge=1)


class RemotePolicy(DomainModel):
    counts: bool = True
    condition: Literal["in_person_majority"] | None = None


class ConflictPolicy(DomainModel):
    effect: ConflictEffect = ConflictEffect.EXCLUDE
    trigger_rulings: tuple[Literal["leave", "no_vote"], ...] = ("leave", "no_vote")


class OnInquorate(DomainModel):
    at_start: InquorateAction = InquorateAction.ADJOURN
    mid_meeting: InquorateAction = InquorateAction.ADJOURN
    conflict_item: InquorateAction = InquorateAction.DEFER_ITEMS


class Policies(DomainModel):
    """The answers to what a ToR's wording leaves open; defaults from docs/quorum.md."""

    base: Base = Base.ESTABLISHMENT
    counting: Counting = Field(default_factory=Counting)
    deputies: DeputyPolicy = Field(default_factory=DeputyPolicy)
    remote: RemotePolicy = Field(default_factory=RemotePolicy)
    conflicts: ConflictPolicy = Field(default_factory=ConflictPolicy)
    on_inquorate: OnInquorate = Field(default_factory=OnInquorate)


class QuorumRule(DomainModel):
    """The ToR's quorum wording, the requirement tree it means, and the policies."""

    text: str = ""
    requirement: Requirement
    policies: Policies = Field(default_factory=Policies)


class TermsOfReference(DomainModel):
    """One adopted version of a committee's terms of reference."""

    version: int = Field(ge=1)
    adopted: date
    illustrative: bool = False
    note: OptionalName = None
    meetings_per_year: int | None = Field(default=None, ge=1, le=366)
    """The committee meets at least this many times a year (quarterly: 4, every two
    months: 6); None: the ToR sets no number (docs/compliance.md)."""
    quorum: QuorumRule
    policies_confirmed: bool = False
    """Whether the secretary has answered every policy question for this version; a
    ToR's wording often leaves them open, and defaults are only a starting point."""
    minutes_circulated_within: int | None = Field(default=None, ge=0, le=60)
    """Draft minutes are circulated within this many working days of the meeting; 0: no
    such rule; None: the house style's usual (docs/compliance.md, `domain.turnaround`)."""
    minutes_approved_at_next: bool | None = None
    """The minutes are approved at the committee's next meeting; None: the house style's
    usual (every house style's: True)."""


POLICY_SECTIONS: tuple[str, ...] = (
    "base",
    "counting",
    "deputies",
    "remote",
    "conflicts",
    "on_inquorate",
)
"""The policy questions a ToR file must answer for its policies to count as confirmed."""


def in_force_on(versions: list[TermsOfReference], day: date) -> TermsOfReference | None:
    """The version adopted most recently on or before `day` (a meeting is judged by it)."""
    adopted = [v for v in versions if v.adopted <= day]
    return max(adopted, key=lambda v: (v.adopted, v.version), default=None)


def version_refused(versions: Sequence[TermsOfReference], new: TermsOfReference) -> str | None:
    """Why `new` cannot join `versions`, or None. A new version replaces the one before
    it from its adoption day, so each version is adopted after every earlier-numbered one
    (and before every later one, for a file brought in out of order): a version dated on
    or before the one it would replace would be in force, if at all, only until that
    older one's date, and never after (docs/quorum.md, "Versions")."""
    for older in sorted(versions, key=lambda v: v.version):
        if older.version < new.version and new.adopted <= older.adopted:
            when = (
                f"the day version {older.version} was adopted"
                if new.adopted == older.adopted
                else f"before version {older.version} (adopted {short_date(older.adopted)})"
            )
            return (
                f"Adopted on: {short_date(new.adopted)} is {when}; a new version takes effect "
                "after the one it replaces"
            )
        if older.version > new.version and new.adopted >= older.adopted:
            return (
                f"Adopted on: version {new.version} ({short_date(new.adopted)}) must be "
                f"adopted before version {older.version} ({short_date(older.adopted)})"
            )
    return None


def describe_requirement(node: Requirement) -> str:
    """A one-line reading of a requirement tree, for lists and previews."""
    match node:
        case AllNode(all=parts):
            return " and ".join(_wrap(describe_requirement(p)) for p in parts)
        case AnyNode(any=parts):
            return " or ".join(_wrap(describe_requirement(p)) for p in parts)
        case AtLeastNode(at_least=spec):
            inner = "; ".join(describe_requirement(p) for p in spec.of)
            return f"at least {spec.k} of: {inner}"
        case CountNode(count=spec):
            return f"{spec.min} {_of_tags(spec.tags)}"
        case FractionNode(fraction=spec):
            text = f"{spec.num}/{spec.den} of {_of_tags(spec.tags)} ({spec.rounding.value})"
            if spec.plus:
                text += f" plus {spec.plus}"
            if spec.min:
                text += f", at least {spec.min}"
            return text
        case RoleNode(role=spec):
            roles = " or ".join(t.replace("_", " ") for t in spec.any_tags)
            return f"{spec.min} {roles}" if spec.min > 1 else f"the {roles}"
        case OrgCoverageNode(org_coverage=spec):
            which = f"{spec.constituency} organisations" if spec.constituency else "organisations"
            return f"{spec.num}/{spec.den} of {which} represented"
        case ShareOfPresentNode(share_of_present=spec):
            tags = " or ".join(t.replace("_", " ") for t in spec.any_tags)
            return f"at least {spec.num}/{spec.den} of those present {tags}"
        case MaxNode(max=parts):
            return "the greater of " + ", ".join(describe_requirement(p) for p in parts)
        case MinNode(min=parts):
            return "the lesser of " + ", ".join(describe_requirement(p) for p in parts)
    raise TypeError(f"not a requirement node: {node!r}")


def _wrap(text: str) -> str:
    return f"({text})" if " and " in text or " or " in text else text


def _of_tags(tags: tuple[str, ...]) -> str:
    if not tags:
        return "members"
    return " or ".join(t.replace("_", " ") for t in tags) + " members"


AtLeastSpec.model_rebuild()
AllNode.model_rebuild()
AnyNode.model_rebuild()
MaxNode.model_rebuild()
MinNode.model_rebuild()
QuorumRule.model_rebuild()
TermsOfReference.model_rebuild()
