"""The demo's registers of interests (minutebook/seeds/data/icb.yaml, `register:`): the
ICB Board keeps seed 003's, every row as tests/domain/seed003_register.py types it in;
the council's Health and Care Partnership and the People Board keep none (their papers
print no register); and the prompts it gives on the Board's agenda of 29 July 2022."""

from __future__ import annotations

import shutil
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from minutebook.application.interest_prompts import agenda_prompts
from minutebook.domain.register import register_on
from minutebook.seeds import SeedError
from minutebook.seeds.loader import parse_committee
from minutebook.store import Store
from tests.domain.seed003_register import seed003_interests, seed003_nil_returns

DAY = date(2022, 7, 29)


def _icb_data() -> dict[str, Any]:
    text = resources.files("minutebook.seeds").joinpath("data", "icb.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def test_the_icb_keeps_seed_003s_register(demo_reader: Store) -> None:
    interests = demo_reader.interests("ICB")
    nil_returns = demo_reader.nil_returns("ICB")
    assert [i.model_copy(update={"id": None}) for i in interests] == seed003_interests("ICB")
    assert [n.model_copy(update={"id": None}) for n in nil_returns] == seed003_nil_returns("ICB")
    per_person: dict[str, int] = {}
    for interest in interests:
        per_person[interest.person] = per_person.get(interest.person, 0) + 1
    assert (per_person["harrison"], per_person["shah"], per_person["whiteman"]) == (9, 6, 5)
    assert len(interests) == 43
    # Everyone in the register is on the Board; Geraint Davies (an officer) is left out.
    members = {p.id for p in demo_reader.membership("ICB").people}
    assert {i.person for i in interests} | {n.person for n in nil_returns} <= members
    assert "Geraint Davies" not in {p.name for p in demo_reader.people()}
    (borrett,) = [n for n in nil_returns if n.person == "borrett"]
    assert borrett.declared_on == date(2022, 6, 21)
    (blakeman,) = [i for i in interests if i.person == "blakeman"]
    assert blakeman.mitigation and blakeman.mitigation.startswith("This is not a conflict")


def test_an_ended_interest_leaves_the_register_of_later_meetings(demo_reader: Store) -> None:
    interests, nil_returns = demo_reader.interests("ICB"), demo_reader.nil_returns("ICB")
    (ccg,) = [i for i in interests if i.organisation == "BLMK CCG"]
    assert (ccg.person, ccg.date_to) == ("kufeji", date(2022, 8, 3))
    then, _ = register_on(interests, nil_returns, DAY)
    autumn, _ = register_on(interests, nil_returns, date(2022, 9, 30))
    assert ccg in then and ccg not in autumn
    assert len(then) == 43
    assert {i.organisation for i in then} - {i.organisation for i in autumn} == {"BLMK CCG"}


def test_the_other_committees_keep_no_register(demo_reader: Store) -> None:
    """Seed 001 prints no register: HCP4 "Disclosures of Interest: None." is a meeting's
    answer, not a return, so the council's committee has none to show."""
    for code in ("HCP", "PB"):
        assert demo_reader.interests(code) == [], code
        assert demo_reader.nil_returns(code) == [], code


def test_the_board_of_29_july_2022_is_prompted_as_by_the_seed_register(
    demo_file: Path, demo_file_without_registers: Path, tmp_path: Path
) -> None:
    """The demo's prompts are the rule's on seed 003's register typed in by hand
    (tests/domain/test_prompt_rule.py): Harrison, Kufeji, Shah and Whiteman at item 9,
    the Fuller stocktake; Bracey at item 10, the MK Deal."""
    by_hand = shutil.copyfile(demo_file_without_registers, tmp_path / "by-hand.db")
    with Store.open(by_hand) as store:
        assert store.interests("ICB") == []
        for interest in seed003_interests("ICB"):
            store.add_interest(interest)
        meeting_id = store.meeting_on("ICB", DAY).id or 0
        expected = agenda_prompts(store, meeting_id)
    with Store.open(shutil.copyfile(demo_file, tmp_path / "demo.db")) as store:
        found = agenda_prompts(store, store.meeting_on("ICB", DAY).id or 0)
    assert found == expected
    assert [p.person for p in found[9]] == ["harrison", "kufeji", "shah", "whiteman"]
    assert [p.person for p in found[10]] == ["bracey"]


def test_a_register_entry_for_someone_not_on_the_committee_is_refused() -> None:
    data = _icb_data()
    data["register"].append({"person": "davies", "declared_on": date(2022, 6, 28)})
    at = len(data["register"]) - 1
    with pytest.raises(SeedError, match=rf"icb.yaml: register\[{at}\].person: 'davies'"):
        parse_committee(data, "icb.yaml")


def test_a_council_category_on_the_nhs_board_is_refused() -> None:
    data = _icb_data()
    data["register"][0]["interests"][1]["category"] = "disclosable_pecuniary"
    with pytest.raises(SeedError, match=r"register\[0\].interests\[1\].category: ICB does not"):
        parse_committee(data, "icb.yaml")


def test_an_unreadable_date_names_its_place() -> None:
    data = _icb_data()
    data["register"][0]["interests"][0]["date_from"] = "sometime"
    with pytest.raises(SeedError, match=r"register\[0\].interests\[0\]"):
        parse_committee(data, "icb.yaml")


def test_the_demo_keeps_each_date_as_far_as_the_seed_gave_it(demo_reader: Store) -> None:
    interests = demo_reader.interests("ICB")
    alsop = [i.date_from_given for i in interests if i.person == "alsop"]
    assert alsop == ["2014", "2021"]  # written 2014 and 2021 in seed 003
    harrison = [i.date_from_given for i in interests if i.person == "harrison"]
    assert (harrison[0], harrison[-1]) == ("Apr 2022", "Mar 2022")  # Apr-22, Mar-22
    blakeman = next(i for i in interests if i.person == "blakeman")
    assert blakeman.date_from_given == "01/01/1996"  # written as the day


@pytest.mark.parametrize("written", ["2022-13", "22-04", "April"])
def test_a_date_given_in_part_must_be_a_year_or_a_month(written: str) -> None:
    data = _icb_data()
    data["register"][0]["interests"][0]["date_from"] = written
    with pytest.raises(SeedError, match=r"register\[0\].interests\[0\].date_from: "):
        parse_committee(data, "icb.yaml")
