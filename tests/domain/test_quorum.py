"""The quorum rule as data: tree validation, readable error paths, versions and descriptions."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

from minutebook.domain import QuorumRule, TermsOfReference, error_lines
from minutebook.domain.quorum import (
    AllNode,
    CountNode,
    DeputiesAllowed,
    FractionNode,
    describe_requirement,
    in_force_on,
)

_NODE_MESSAGE = (
    "each requirement node is a mapping with exactly one key, one of all, any, at_least, "
    "count, fraction, role, org_coverage, share_of_present, max, min"
)


def _rule_errors(requirement: Any) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        QuorumRule.model_validate({"requirement": requirement})
    return error_lines(caught.value, "quorum")


def test_zero_denominator_is_reported_at_its_path_in_the_file() -> None:
    lines = _rule_errors({"all": [{"count": {"min": 3}}, {"fraction": {"num": 1, "den": 0}}]})
    assert lines == ["quorum.requirement.all[1].fraction.den: must be > 0"]


def test_fraction_larger_than_one_is_refused() -> None:
    lines = _rule_errors({"fraction": {"num": 3, "den": 2}})
    assert lines == ["quorum.requirement.fraction: num (3) must not exceed den (2)"]


def test_requirement_node_with_two_keys_is_refused() -> None:
    lines = _rule_errors({"count": {"min": 3}, "role": {"any_tags": ["chair"]}})
    assert lines == [f"quorum.requirement: {_NODE_MESSAGE}"]


def test_requirement_node_with_unknown_key_is_refused() -> None:
    lines = _rule_errors({"any": [{"count": {"min": 2}}, {"headcount": 3}]})
    assert lines == [f"quorum.requirement.any[1]: {_NODE_MESSAGE}"]


def test_at_least_cannot_ask_for_more_clauses_than_it_lists() -> None:
    lines = _rule_errors({"at_least": {"k": 3, "of": [{"count": {"min": 2}}]}})
    assert lines == ["quorum.requirement.at_least: k (3) is more than the 1 clauses listed"]


def test_empty_all_is_refused() -> None:
    (line,) = _rule_errors({"all": []})
    assert line.startswith("quorum.requirement.all: Tuple should have at least 1 item")


def test_valid_tree_parses_into_nodes_with_default_policies() -> None:
    rule = QuorumRule.model_validate(
        {"requirement": {"all": [{"count": {"min": 3}}, {"fraction": {"num": 1, "den": 4}}]}}
    )
    assert isinstance(rule.requirement, AllNode)
    first, second = rule.requirement.all
    assert isinstance(first, CountNode) and first.count.min == 3
    assert isinstance(second, FractionNode)
    assert second.fraction.rounding == "ceil" and second.fraction.plus == 0
    assert rule.policies.base == "establishment"
    assert rule.policies.deputies.allowed is DeputiesAllowed.NONE
    assert rule.policies.deputies.excluded_tags == ("chair", "vice_chair")
    assert rule.policies.conflicts.trigger_rulings == ("leave", "no_vote")


def test_rule_survives_a_json_round_trip() -> None:
    rule = QuorumRule.model_validate(
        {
            "text": "One third, never less than three, including the Chair or Vice Chair",
            "requirement": {
                "all": [
                    {"max": [{"count": {"min": 3}}, {"fraction": {"num": 1, "den": 3}}]},
                    {"role": {"any_tags": ["Chair", "Vice Chair"]}},
                ]
            },
            "policies": {"deputies": {"allowed": "named"}, "remote": {"counts": False}},
        }
    )
    again = QuorumRule.model_validate(rule.model_dump(mode="json"))
    assert again == rule
    assert again.requirement.all[1].role.any_tags == ("chair", "vice_chair")  # type: ignore[union-attr]


def _tor(version: int, adopted: date) -> TermsOfReference:
    return TermsOfReference(
        version=version,
        adopted=adopted,
        quorum=QuorumRule.model_validate({"requirement": {"count": {"min": version + 2}}}),
    )


def test_in_force_on_picks_the_latest_version_adopted_on_or_before_the_day() -> None:
    v1, v2, v3 = _tor(1, date(2021, 4, 1)), _tor(2, date(2022, 7, 1)), _tor(3, date(2023, 5, 24))
    versions = [v3, v1, v2]  # order in the list must not matter
    assert in_force_on(versions, date(2021, 3, 31)) is None
    assert in_force_on(versions, date(2021, 4, 1)) == v1
    assert in_force_on(versions, date(2022, 6, 30)) == v1
    assert in_force_on(versions, date(2022, 7, 1)) == v2
    assert in_force_on(versions, date(2023, 6, 13)) == v3
    assert in_force_on([], date(2023, 6, 13)) is None


def test_in_force_on_same_day_prefers_the_higher_version() -> None:
    v1, v2 = _tor(1, date(2022, 7, 1)), _tor(2, date(2022, 7, 1))
    assert in_force_on([v2, v1], date(2022, 7, 1)) == v2


def _describe(requirement: dict[str, Any]) -> str:
    return describe_requirement(QuorumRule.model_validate({"requirement": requirement}).requirement)


def test_describe_fixed_count_and_role() -> None:
    assert _describe({"count": {"min": 3}}) == "3 members"
    assert _describe({"count": {"min": 2, "tags": ["councillor"]}}) == "2 councillor members"
    assert _describe({"role": {"any_tags": ["chair", "vice_chair"]}}) == "the chair or vice chair"


def test_describe_nested_tree() -> None:
    text = _describe(
        {
            "all": [
                {"fraction": {"num": 1, "den": 3, "min": 3}},
                {"any": [{"role": {"any_tags": ["executive"]}}, {"count": {"min": 5}}]},
            ]
        }
    )
    assert text == "1/3 of members (ceil), at least 3 and (the executive or 5 members)"


def test_describe_greater_of_and_at_least() -> None:
    assert (
        _describe({"max": [{"count": {"min": 3}}, {"fraction": {"num": 1, "den": 4, "plus": 1}}]})
        == "the greater of 3 members, 1/4 of members (ceil) plus 1"
    )
    assert (
        _describe(
            {
                "at_least": {
                    "k": 1,
                    "of": [
                        {"count": {"min": 4}},
                        {"share_of_present": {"num": 1, "den": 2, "any_tags": ["external"]}},
                    ],
                }
            }
        )
        == "at least 1 of: 4 members; at least 1/2 of those present external"
    )


def test_describe_org_coverage_with_constituency() -> None:
    text = _describe({"org_coverage": {"constituency": "ICS", "num": 1, "den": 2}})
    assert text == "1/2 of ICS organisations represented"


def test_describe_org_coverage_without_constituency() -> None:
    # Regression test: this once failed; see the docstring for the rule.
    text = _describe({"org_coverage": {"num": 1, "den": 2}})
    assert text == "1/2 of organisations represented"
