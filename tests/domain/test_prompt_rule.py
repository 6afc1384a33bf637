"""The prompt rule (domain/prompts.py) on seed 003's agenda of 29 July 2022 against seed
003's register as it stood that day (tests/domain/seed003_register.py, every row: 43
interests shown on the day).

Figures, prompts per item (one prompt per interest met, or per member whose seat's
organisation is named), and my judgement of each:

- items 1-8: 0 prompts. Right: procedural items, reports, a strategy naming no one's
  interest.
- item 9, Next Steps for Integrating Primary Care: Fuller Stocktake: 4 prompts, all right
  (the stocktake is about PCNs, general practice and community pharmacy): Joe Harrison
  (Council Member, National Association of Primary Care), Dr Omotayo Kufeji (The Bridge
  PCN Clinical Director), Mahesh Shah (Community Pharmacy PCN Lead, Oasis PCN), Dr Sarah
  Whiteman (Stonedean Practice, sessional GP).
- item 10, MK Together Health and Care Partnership - MK "Deal": 1 prompt, right: Michael
  Bracey, whose seat's organisation, Milton Keynes Council, leads the item. Not Cllr
  Tracey Stock: the item's "Health and Care Partnership" is MK Together's (the item
  names it so), not the Bedfordshire, Luton and Milton Keynes one her seat is for;
  prompting her would be wrong, and the short name's rule (a short name not preceded
  by a name of the item's own) leaves her out.
- items 11-15: 0 prompts. Right.
- item 16, Committee Reports: a) Health and Care Partnership meeting ... draft minutes,
  led by "Chair, Health & Care Partnership": 1 prompt, right: Cllr Tracey Stock, who
  chairs it (her seat's organisation, "Bedfordshire, Luton and Milton Keynes Health and
  Care Partnership", named short: without the area, "&" read as "and").
- items 17-23: 0 prompts. Right.

6 prompts on 23 items, 6 judged right, none wrong, none missed (before the short names:
5 right, 0 wrong, 1 missed, item 16). The short names kept out what would be wrong: the
ICB's short name "Integrated Care Board" is in the committee's own name (items 12, 15
and 19 would otherwise prompt the 12 members who sit for the ICB), and item 10's
partnership is another's. Before tuning, the same
rule without the generic words, the area's names and the address rule gave prompts on
items 7 (Maria Wogan's "MK residents" meeting "Resident's Story"), 11 (the lead "Chief
Medical Officer" meeting Dr Whiteman's GMC role), 13 ("people"), 14 ("performance", twice),
16 and 22 ("meeting", "businesses") and 20 ("communications"): all wrong.
"""

from __future__ import annotations

from datetime import date

from minutebook.domain import AgendaItem, Organisation, Seat
from minutebook.domain.meeting import InterestCategory
from minutebook.domain.prompts import (
    PromptIndex,
    area_words,
    declaration_words,
    in_register,
    prompts,
    short_name,
    significant,
    stem,
    still_open,
)
from minutebook.domain.register import Interest, register_on
from minutebook.seeds.loader import read_seed_file
from tests.domain.seed003_register import seed003_interests, seed003_nil_returns

DAY = date(2022, 7, 29)


def _seed_prompts() -> dict[int, list[tuple[str, str]]]:
    seed = read_seed_file("icb.yaml")
    record = next(r for r in seed.meetings if r.meeting.date == DAY)
    code = seed.membership.committee.code
    shown, _ = register_on(seed003_interests(code), seed003_nil_returns(code), DAY)
    membership = seed.membership
    found = prompts(
        record.agenda,
        shown,
        membership.seats,
        membership.organisations,
        membership.committee.name,
    )
    return {n: [(p.person, p.summary) for p in ps] for n, ps in found.items()}


def test_seed_003_agenda_prompts_per_item() -> None:
    """The figures above: 4 prompts on item 9, 1 on item 10, 1 on item 16, none on the
    other 20."""
    found = _seed_prompts()
    assert len(found) == 23
    assert found[9] == [
        ("harrison", "National Association of Primary Care"),
        ("kufeji", "The Bridge PCN"),
        ("shah", "Oasis PCN"),
        ("whiteman", "Stonedean Practice"),
    ]
    assert found[10] == [("bracey", "Milton Keynes Council")]
    assert found[16] == [("stock", "Bedfordshire, Luton and Milton Keynes Health an…")]
    assert {n for n, ps in found.items() if ps} == {9, 10, 16}


def _interest(description: str, organisation: str | None = None, person: str = "p") -> Interest:
    return Interest(
        committee="ICB",
        person=person,
        category=InterestCategory.FINANCIAL,
        description=description,
        organisation=organisation,
        declared_on=DAY,
    )


def _item(title: str, description: str | None = None, lead: str | None = None) -> AgendaItem:
    return AgendaItem(number=1, title=title, description=description, lead=lead)


def test_plurals_are_stemmed_and_generic_words_do_not_count() -> None:
    assert stem("pharmacies") == "pharmacy"
    assert stem("businesses") == "business"
    assert stem("access") == "access"
    assert significant("Community Pharmacies Board Report update NHS ICB care") == {
        "community",
        "pharmacy",
    }
    index = PromptIndex([_interest("Owner of The Mall Pharmacy, community pharmacy")])
    (prompt,) = index.for_item(_item("Community pharmacies contract"))
    assert prompt.reason == ("community", "pharmacy")
    assert index.for_item(_item("NHS Board report: care update")) == []


def test_an_organisation_is_matched_as_a_phrase_and_a_lead_only_by_its_organisations() -> None:
    index = PromptIndex(
        [
            _interest("Chief Executive of the council", "Bedford Borough Council", "church"),
            _interest("GMC associate assessor of medical performance", None, "whiteman"),
        ]
    )
    assert [p.person for p in index.for_item(_item("Bedford Borough Council's plan"))] == ["church"]
    assert index.for_item(_item("Luton Borough Council's plan")) == []
    # A lead is a role: "Medical" in it prompts no one; an organisation in it does.
    assert index.for_item(_item("PCI review", lead="Chief Medical Officer")) == []
    found = index.for_item(_item("A deal", lead="Chief Executive, Bedford Borough Council"))
    assert [p.reason for p in found] == [("Bedford Borough Council",)]


def test_a_members_seat_organisation_named_in_an_item_prompts_them() -> None:
    organisations = [Organisation(id="MKC", name="Milton Keynes Council")]
    seats = [Seat(id="S1", title="Partner Member", holder="bracey", org="MKC")]
    index = PromptIndex([], seats, organisations)
    (prompt,) = index.for_item(_item("MK Deal", lead="Chief Executive, Milton Keynes Council"))
    assert (prompt.person, prompt.interest, prompt.summary) == (
        "bracey",
        None,
        "Milton Keynes Council",
    )


def test_the_committees_area_and_an_interests_address_do_not_prompt() -> None:
    organisations = [
        Organisation(id="A", name="Milton Keynes Council"),
        Organisation(id="B", name="Milton Keynes University Hospital"),
    ]
    assert {"milton", "keyne", "mk"} <= area_words(organisations)
    index = PromptIndex(
        [_interest("Member of a schools trust in MK. Address: Fairfields Primary School")],
        organisations=organisations,
    )
    assert index.for_item(_item("Integrating primary care in Milton Keynes (MK)")) == []
    assert len(index.for_item(_item("Schools and the trust's pupils"))) == 1


def test_a_declaration_is_in_the_register_when_an_interest_of_theirs_says_it() -> None:
    register = [_interest("Chair of Sue Ryder (non remunerated)", "Sue Ryder", "makarem")]
    assert in_register("makarem", "Chair of Sue Ryder (non remunerated)", register)
    assert in_register("makarem", "Chair of Sue…", register)  # a prompt's, cut short
    assert in_register("makarem", "Trustee of Sue Ryder", register)  # names its organisation
    assert not in_register("makarem", "Director of a bidding company", register)
    assert not in_register("cox", "Chair of Sue Ryder (non remunerated)", register)


def test_a_prompt_answered_or_of_someone_not_in_the_room_is_no_longer_open() -> None:
    church = _interest("Bedford Borough Council officer", "Bedford Borough Council", "church")
    cox = _interest("Pharmacist at Bedford Borough Council", None, "cox").model_copy(
        update={"id": 7}
    )
    found = PromptIndex([church, cox]).for_item(_item("Bedford Borough Council's plan"))
    assert [p.person for p in found] == ["church", "cox"]
    assert still_open(found, 1, [("church", 1)], []) == found[1:]  # declared on item 1
    assert still_open(found, 2, [("church", 1)], []) == found  # on another item
    assert still_open(found, 1, [], [(1, "cox", 7)]) == found[:1]  # dismissed
    assert still_open(found, 1, [], [], here=["cox"]) == found[1:]  # church not in the room
    assert still_open(found, 1, [], [], here=[]) == []  # no one recorded yet


def test_an_organisation_holding_three_seats_is_the_committees_own_body() -> None:
    """Milton Keynes City Council holds 8 of the Health and Care Partnership's 19 seats:
    an item naming it prompts none of them; a council holding two seats still prompts."""
    organisations = [
        Organisation(id="MKC", name="Milton Keynes City Council"),
        Organisation(id="LC", name="Luton Council"),
    ]
    seats = [
        Seat(id=f"S{n}", title="Member", holder=f"m{n}", org="MKC" if n < 3 else "LC")
        for n in range(5)
    ]
    index = PromptIndex([], seats, organisations)
    assert index.for_item(_item("MK Deal", "Milton Keynes City Council's update")) == []
    found = index.for_item(_item("Luton Council's budget"))
    assert [(p.person, p.reason) for p in found] == [
        ("m3", ("Luton Council",)),
        ("m4", ("Luton Council",)),
    ]


def test_a_prompts_declaration_takes_the_registers_category_and_words() -> None:
    long = _interest("Owner of a pharmacy " + "that dispenses medicines " * 20, None, "p")
    (prompt,) = PromptIndex([long]).for_item(_item("Pharmacy contract"))
    categories = (InterestCategory.FINANCIAL, InterestCategory.INDIRECT)
    category, nature = declaration_words(prompt, categories)
    assert category is InterestCategory.FINANCIAL
    assert len(nature) <= 300 and nature.endswith(" medicines…")
    council = (InterestCategory.DISCLOSABLE_PECUNIARY, InterestCategory.OTHER_REGISTRABLE)
    assert declaration_words(prompt, council)[0] is InterestCategory.DISCLOSABLE_PECUNIARY


def test_an_organisation_named_short_without_the_area_prompts_where_it_stands_alone() -> None:
    organisations = [
        Organisation(id="ICB", name="Northfield and Southwick Integrated Care Board"),
        Organisation(id="HCP", name="Northfield and Southwick Health and Care Partnership"),
        Organisation(id="NC", name="Northfield Council"),
        Organisation(id="SC", name="Southwick Council"),
    ]
    assert short_name(organisations[1].name, area_words(organisations)) == (
        "health and care partnership",
        "ns",
    )
    assert short_name("Northfield Council", area_words(organisations)) is None  # "council"
    seats = [
        Seat(id=f"S{n}", title="Member", holder=holder, org=org)
        for n, (holder, org) in enumerate((("stock", "HCP"), ("chair", "ICB"), ("cllr", "NC")))
    ]
    index = PromptIndex([], seats, organisations, "Board of the Northfield and Southwick ICB")
    board = PromptIndex([], seats, organisations, "Northfield and Southwick Integrated Care Board")

    def prompted(item: AgendaItem, on: PromptIndex = index) -> list[str]:
        return [p.person for p in on.for_item(item)]

    # Alone, after punctuation or a common word, "&" read as "and", or after the area's
    # initials: the partnership.
    assert prompted(_item("Reports", "a) Health and Care Partnership minutes")) == ["stock"]
    assert prompted(_item("Reports", lead="Chair, Health & Care Partnership")) == ["stock"]
    assert prompted(_item("The Health and Care Partnership's plan")) == ["stock"]
    assert prompted(_item("NS Health and Care Partnership")) == ["stock"]
    # Given a name of the item's own, it is another partnership.
    assert prompted(_item("Westley Together Health and Care Partnership")) == []
    # The short name of the committee's own body prompts none of those who sit for it;
    # a board of another name does.
    assert prompted(_item("Integrated Care Board finance plan"), board) == []
    assert prompted(_item("Integrated Care Board finance plan")) == ["chair"]
    # Two organisations with the same short name: neither is meant.
    twins = [
        *organisations,
        Organisation(id="E", name="Southwick Health and Care Partnership"),
    ]
    both = PromptIndex([], seats, twins)
    assert prompted(_item("Health and Care Partnership minutes"), both) == []
