"""Terms-of-reference files (minutebook/interchange/tor_file.py): reading, every problem
with its place, JSON as well as YAML, several versions, and writing a file back.

The example file shipped in examples/ is read as a secretary would use it; the other
files are small committees written out here so that each test shows the one thing it
is about.
"""

from __future__ import annotations

import json
import textwrap
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from minutebook.interchange.tor_file import FAR_PAST, FileError, read_terms, write_terms

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
EXAMPLE_TOR = EXAMPLES / "people-board-tor.yaml"


def small_tor(**changes: Any) -> dict[str, Any]:
    """A small valid ToR as data: three organisations, four seats, one rule."""
    data: dict[str, Any] = {
        "committee": {"code": "TB", "name": "Test Board"},
        "organisations": [
            {"id": "A", "name": "Alpha Council", "constituency": "council"},
            {"id": "B", "name": "Beta Trust", "constituency": "nhs"},
            {"id": "C", "name": "Gamma Trust", "constituency": "nhs"},
        ],
        "seats": [
            {"id": "S1", "title": "Chair", "holder": "Ann Lee", "org": "A", "tags": ["chair"]},
            {
                "id": "S2",
                "title": "Director",
                "holder": "Bob Roy",
                "org": "B",
                "named_deputies": ["Dee Fox"],
            },
            {"id": "S3", "title": "Director", "holder": "Cy Dean", "org": "C"},
            {"id": "S4", "title": "Lay member", "holder": None, "org": None},
        ],
        "version": 1,
        "adopted": "2022-07-01",
        "quorum": {
            "text": "Three members including the Chair.",
            "requirement": {
                "all": [
                    {"role": {"any_tags": ["chair"]}},
                    {"fraction": {"num": 1, "den": 2}},
                ]
            },
        },
    }
    data.update(changes)
    return data


def as_yaml(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, sort_keys=False)


def problems_of(text: str, source: str = "tor.yaml") -> list[str]:
    with pytest.raises(FileError) as caught:
        read_terms(text, source)
    assert caught.value.source == source
    return caught.value.problems


# -- the example file -----------------------------------------------------------------------


def test_reads_the_example_file() -> None:
    terms = read_terms(EXAMPLE_TOR.read_text(encoding="utf-8"), str(EXAMPLE_TOR))
    membership = terms.membership
    assert membership.committee.code == "PBX"
    assert membership.committee.name == "People Board (example)"
    assert [o.id for o in membership.organisations] == [
        "ICB",
        "BHT",
        "MKUH",
        "ELFT",
        "CNWL",
        "LBC",
        "BBC",
    ]
    assert [s.id for s in membership.seats] == [f"S{i}" for i in range(1, 8)]
    # People are given ids and the file's names are remembered for each id.
    chair = membership.seat("S1")
    assert chair is not None and chair.holder is not None
    assert terms.names[chair.holder] == "Ruth Adebayo"
    assert chair.tags == ("chair",)
    # Sam Reed is the named deputy of two seats and is one person.
    s3, s4 = membership.seat("S3"), membership.seat("S4")
    assert s3 is not None and s4 is not None
    assert s3.named_deputies == s4.named_deputies
    (sam,) = s3.named_deputies
    assert terms.names[sam] == "Sam Reed"
    assert sorted(terms.names.values()) == sorted(
        [
            "Ruth Adebayo",
            "Tom Hughes",
            "Priya Shah",
            "Sam Reed",
            "Gareth Lloyd",
            "Jo Park",
            "Ali Khan",
            "Mo Ahmed",
        ]
    )
    assert {p.id: p.name for p in membership.people} == terms.names
    (version,) = terms.versions
    assert (version.version, version.adopted) == (1, date(2022, 7, 1))
    assert version.quorum.text.startswith("5.5 For a meeting to be quorate")
    assert version.quorum.policies.deputies.allowed == "named"
    assert terms.in_force_on(date(2022, 9, 1)) == version
    assert terms.in_force_on(None) == version


def test_version_and_adoption_default_when_left_out() -> None:
    data = small_tor()
    del data["version"], data["adopted"]
    (version,) = read_terms(as_yaml(data)).versions
    assert version.version == 1
    assert version.adopted == FAR_PAST


# -- every problem, each with its place ------------------------------------------------------


def test_cross_reference_problems_are_reported_together() -> None:
    data = small_tor()
    data["seats"][2]["org"] = "ZZ"
    data["seats"].append({"id": "S2", "title": "Second S2", "holder": "Eve Ash", "org": "A"})
    data["organisations"].append({"id": "B", "name": "Beta again"})
    problems = problems_of(as_yaml(data))
    assert problems == [
        "seats[2].org: 'ZZ' is not one of the organisations",
        "seats[4].id: seat id 'S2' is used twice",
        "organisations[3].id: organisation id 'B' is used twice",
    ]


def test_every_problem_is_reported_in_one_error_with_its_place() -> None:
    """A bad rule, an unknown organisation and a repeated seat id: all three at once, so
    the secretary fixes the file in one go rather than one error per run."""
    data = small_tor()
    data["quorum"]["requirement"]["all"][1]["fraction"]["den"] = 0
    data["seats"][2]["org"] = "ZZ"
    data["seats"].append({"id": "S2", "title": "Second S2", "holder": "Eve Ash", "org": "A"})
    problems = problems_of(as_yaml(data))
    assert "quorum.requirement.all[1].fraction.den: must be > 0" in problems
    # Regression test: this once failed; see the docstring for the rule.
    assert "seats[2].org: 'ZZ' is not one of the organisations" in problems
    assert "seats[4].id: seat id 'S2' is used twice" in problems
    assert len(problems) == 3


def test_schema_problems_all_listed_with_places() -> None:
    data = small_tor()
    data["seats"][0]["id"] = "S 1"
    data["seats"][1]["title"] = ""
    data["seats"][2]["colour"] = "blue"
    data["adopted"] = "next Tuesday"
    problems = problems_of(as_yaml(data))
    assert "seats[0].id: may only hold letters, digits, '.', '_' or '-' (no spaces)" in problems
    assert "seats[1].title: must be filled in" in problems
    assert "seats[2].colour: is not a known key" in problems
    assert "adopted: must be a date" in problems


def test_invalid_yaml_gives_line_and_column() -> None:
    text = "committee: {code: TB, name: Test Board}\nseats:\n  - {id: S1, title: [Chair}\n"
    (problem,) = problems_of(text)
    assert problem.startswith("line 3, column ")
    assert "not valid YAML" in problem


def test_tab_indentation_gives_line_and_column() -> None:
    text = "committee:\n\tcode: TB\n"
    (problem,) = problems_of(text)
    assert problem.startswith("line 2, column 1: not valid YAML")


def test_a_comma_cut_flow_value_gets_the_quotes_hint() -> None:
    text = textwrap.dedent(
        """\
        committee: {code: TB, name: Test Board}
        organisations:
          - {id: A, name: Bedfordshire, Luton and Milton Keynes ICB}
        seats:
          - {id: S1, title: Chair, holder: Ann Lee, org: A, tags: [chair]}
        quorum:
          requirement: {count: {min: 1}}
        """
    )
    (problem,) = problems_of(text)
    assert problem.startswith("organisations[0].Luton and Milton Keynes ICB: ")
    assert "put that value in quotes" in problem


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "expected a mapping with committee:, seats: and quorum:"),
        ("- a\n- b\n", "expected a mapping with committee:, seats: and quorum:"),
        (
            "committee: {code: TB, name: T}\nseats: []\n",
            "the file needs a quorum: section (or versions:)",
        ),
    ],
)
def test_files_that_are_not_a_tor(text: str, message: str) -> None:
    assert problems_of(text) == [message]


def test_report_lists_each_problem_on_its_own_line() -> None:
    data = small_tor()
    data["seats"][0]["org"] = "X"
    data["seats"][1]["org"] = "Y"
    with pytest.raises(FileError) as caught:
        read_terms(as_yaml(data), "my-tor.yaml")
    assert caught.value.report().splitlines() == [
        "my-tor.yaml: 2 problem(s)",
        "  seats[0].org: 'X' is not one of the organisations",
        "  seats[1].org: 'Y' is not one of the organisations",
    ]


# -- JSON ------------------------------------------------------------------------------------


def test_json_with_the_same_structure_is_accepted() -> None:
    data = yaml.safe_load(EXAMPLE_TOR.read_text(encoding="utf-8"))
    from_yaml = read_terms(EXAMPLE_TOR.read_text(encoding="utf-8"))
    from_json = read_terms(json.dumps(data, default=str, indent=2), "tor.json")
    assert from_json == from_yaml


# -- versions ----------------------------------------------------------------------------------


def two_versions() -> dict[str, Any]:
    data = small_tor()
    first = data.pop("quorum")
    del data["version"], data["adopted"]
    data["versions"] = [
        # Deliberately out of order: the file's order must not matter.
        {
            "version": 2,
            "adopted": "2023-04-01",
            "note": "Quorum lowered",
            "quorum": {"text": "Two members.", "requirement": {"count": {"min": 2}}},
        },
        {"version": 1, "adopted": "2022-07-01", "quorum": first},
    ]
    return data


def test_versions_are_read_in_adoption_order() -> None:
    terms = read_terms(as_yaml(two_versions()))
    assert [(v.version, v.adopted) for v in terms.versions] == [
        (1, date(2022, 7, 1)),
        (2, date(2023, 4, 1)),
    ]
    assert terms.versions[1].note == "Quorum lowered"


@pytest.mark.parametrize(
    ("day", "version"),
    [
        (date(2022, 7, 1), 1),
        (date(2023, 3, 31), 1),
        (date(2023, 4, 1), 2),
        (date(2030, 1, 1), 2),
        (None, 2),
    ],
)
def test_in_force_on_picks_the_version_by_date(day: date | None, version: int) -> None:
    terms = read_terms(as_yaml(two_versions()))
    assert terms.in_force_on(day).version == version


def test_a_meeting_before_the_first_version_is_an_error() -> None:
    terms = read_terms(as_yaml(two_versions()))
    with pytest.raises(FileError) as caught:
        terms.in_force_on(date(2022, 6, 30))
    assert caught.value.problems == [
        "no version was in force on 2022-06-30 (first adopted 2022-07-01)"
    ]


def test_quorum_and_versions_together_are_refused() -> None:
    data = two_versions()
    data["quorum"] = {"requirement": {"count": {"min": 1}}}
    assert problems_of(as_yaml(data)) == ["give either quorum: or versions:, not both"]


def test_two_versions_with_one_number_are_refused() -> None:
    data = two_versions()
    data["versions"][0]["version"] = 1
    assert problems_of(as_yaml(data)) == ["versions: each version needs its own number"]


def test_a_problem_inside_a_version_has_its_place() -> None:
    data = two_versions()
    data["versions"][1]["quorum"]["requirement"]["all"][1]["fraction"]["num"] = 3
    assert problems_of(as_yaml(data)) == [
        "versions[1].quorum.requirement.all[1].fraction: num (3) must not exceed den (2)"
    ]


# -- writing a file back -----------------------------------------------------------------------


def test_write_then_read_round_trip_keeps_everything() -> None:
    data = two_versions()
    data["seats"][2]["term_from"] = "2022-09-12"
    data["committee"]["parent_body"] = "Alpha Council"
    terms = read_terms(as_yaml(data))
    text = write_terms(terms.membership, terms.versions, terms.names)
    again = read_terms(text)
    assert again.membership == terms.membership
    assert again.versions == terms.versions
    assert again.names == terms.names
    for before, after in zip(terms.versions, again.versions, strict=True):
        assert after.quorum == before.quorum
    assert again.in_force_on(date(2022, 8, 1)).quorum.requirement == (
        terms.versions[0].quorum.requirement
    )


def test_written_file_names_people_not_ids() -> None:
    terms = read_terms(as_yaml(small_tor()))
    written = yaml.safe_load(write_terms(terms.membership, terms.versions, terms.names))
    seats = {s["id"]: s for s in written["seats"]}
    assert seats["S1"]["holder"] == "Ann Lee"
    assert seats["S2"]["named_deputies"] == ["Dee Fox"]
    assert seats["S4"]["holder"] is None
    assert [o["id"] for o in written["organisations"]] == ["A", "B", "C"]
    # One version is written flat, as a secretary would write it by hand.
    assert "versions" not in written
    assert written["version"] == 1
    assert written["adopted"] == date(2022, 7, 1)
    assert written["quorum"]["text"] == "Three members including the Chair."


def test_example_round_trips() -> None:
    terms = read_terms(EXAMPLE_TOR.read_text(encoding="utf-8"))
    again = read_terms(write_terms(terms.membership, terms.versions, terms.names))
    assert again == terms
