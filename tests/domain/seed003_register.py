# ruff: noqa: E501 (the rows as the seed prints them, one a line)
"""Seed 003's register of interests ("ICB Register of Conflicts of Interest - Members &
Participants - 18.7.22", Appendix A of item 2 of the 29 July 2022 agenda), every row,
typed in as the register model holds it, for the prompt tests and the live capture test.

Kept as the seed prints it (its misspellings too: "Conferation", "pharcy", "Clnical").
A year alone is a year (`Y`), "Apr-22" a month (`M`), "01/06/21 on joining CCG" the
day. Andrew Blakeman's row says "No" with every tick N but describes a directorship:
kept as a financial interest (the register's own note: "requires no mitigation"). Tracey
Stock's row has no position and no "Yes": kept, indirect as ticked. People with "No"
and nothing else are nil returns (Geraint Davies is not in the demo's roster).
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from minutebook.domain.meeting import InterestCategory
from minutebook.domain.register import DatePrecision, Interest, NilReturn

F = InterestCategory.FINANCIAL
PRO = InterestCategory.NON_FINANCIAL_PROFESSIONAL
PER = InterestCategory.NON_FINANCIAL_PERSONAL
IND = InterestCategory.INDIRECT
D = date


class Given(NamedTuple):
    """A date given as a year or a month: its first day and its precision."""

    day: date
    precision: DatePrecision


def Y(year: int) -> Given:
    return Given(date(year, 1, 1), DatePrecision.YEAR)


def M(year: int, month: int) -> Given:
    return Given(date(year, month, 1), DatePrecision.MONTH)


def _given(value: date | Given | None) -> tuple[date | None, DatePrecision]:
    if isinstance(value, Given):
        return value.day, value.precision
    return value, DatePrecision.DAY


# person, category, description, organisation, from, to, mitigation, declared
ROWS: list[tuple[str, InterestCategory, str, str | None, date | Given | None, date | None, str | None, date]] = [
    ("alsop", F, "I am a non-shareholding director of FACT Solutions UK Ltd, which provides professional services, including PR, communications and marketing services to public and private sector clients. The company has a contract in Northamptonshire to provide mental health awareness programmes for children and young people. My partner is the 100% shareholding director of FACT Solutions UK Ltd", "FACT Solutions UK Ltd", Y(2014), None, None, D(2022, 6, 21)),
    ("alsop", PER, "I am a Non-Executive Director (Board Safeguarding Lead) for the Northamptonshire Football Association", "Northamptonshire Football Association", Y(2021), None, None, D(2022, 6, 21)),
    ("blakeman", F, "Director, STRYDE International Ltd, a subsidiary of BP plc, Chertsey Rd, Sunbury-on-Thames, TW16 7BP, and previous directorships within the BP Group", "STRYDE International Ltd", D(1996, 1, 1), None, "This is not a conflict of interest and requires no mitigation. However, most COI registers require all directorships of private companies to be declared.", D(2022, 6, 15)),
    ("carter", PRO, "Chief Executive of Bedfordshire Hospitals NHS Foundation Trust", "Bedfordshire Hospitals NHS Foundation Trust", D(2017, 5, 8), None, None, D(2022, 5, 18)),
    ("carter", IND, "Wife employed by NHS England Eastern Region", "NHS England", Y(2019), None, None, D(2022, 5, 18)),
    ("church", F, "Bedford Borough Council, Commissioner of Public Health and Social Care Functions", "Bedford Borough Council", D(2021, 10, 5), None, None, D(2022, 5, 27)),
    ("church", PRO, "East of England Local Government Association - Chief Executive lead on health inequalities", "East of England Local Government Association", D(2021, 12, 1), None, None, D(2022, 5, 27)),
    ("church", IND, "lan Turner (husband) provides consultancy services to businesses providing weighing and measuring equipment to the NHS", None, D(2021, 10, 5), None, None, D(2022, 5, 27)),
    ("coiffait", F, "I am the Chief Executive of Central Bedfordshire Council which is an may be commissioned to work on behalf of the ICB", "Central Bedfordshire Council", D(2020, 11, 1), None, None, D(2022, 5, 27)),
    ("cox", PRO, "I am a registered pharmacist with the GPC (General Pharmaceutical Council) and a member of the Royal Pharmaceutical Society", "General Pharmaceutical Council", D(1987, 8, 17), None, "I will excuse myself should an interest arise", D(2022, 6, 14)),
    ("harrison", PRO, "Interim Chair, University of Birmingham", "University of Birmingham", M(2022, 4), None, None, D(2022, 5, 16)),
    ("harrison", PRO, "Vice Chair NHS Employers Policy Board", "NHS Employers", Y(2021), None, None, D(2022, 5, 16)),
    ("harrison", PRO, "Trustee of NHS Conferation", "NHS Confederation", Y(2021), None, None, D(2022, 5, 16)),
    ("harrison", PRO, "Council Member - National Association of Primary Care", "National Association of Primary Care", Y(2020), None, None, D(2022, 5, 16)),
    ("harrison", F, "Keele University - Lecturer", "Keele University", Y(2016), None, None, D(2022, 5, 16)),
    ("harrison", F, "Advisor to Alphasights, MM3 Global Research, Silverlight and Stepcare", None, Y(2018), None, None, D(2022, 5, 16)),
    ("harrison", PRO, "Chair, CRN Thames Valley & South Midlands Partnership Group Meeting", "CRN Thames Valley & South Midlands", None, None, None, D(2022, 5, 16)),
    ("harrison", PRO, "Member, Oxford AHSN", "Oxford AHSN", None, None, None, D(2022, 5, 16)),
    ("harrison", IND, "Spouse, Samantha Jones, is the Permanent Secretary and COO for No 10 Downing Street", "No 10 Downing Street", M(2022, 3), None, None, D(2022, 5, 16)),
    ("kufeji", PRO, "Director of Clinical Transformation, BLMK CCG", "BLMK CCG", D(2020, 8, 4), D(2022, 8, 3), None, D(2022, 5, 11)),
    ("kufeji", PRO, "The Bridge PCN Clnical Director", "The Bridge PCN", D(2021, 4, 1), D(2023, 3, 31), None, D(2022, 5, 11)),
    ("makarem", PRO, "Chair of Sue Ryder (non remunerated)", "Sue Ryder", D(2021, 5, 1), None, None, D(2022, 6, 17)),
    ("makarem", F, "Chair of Queen Square Enterprises Ltd (remunerated)", "Queen Square Enterprises Ltd", D(2020, 11, 1), None, None, D(2022, 6, 17)),
    ("makarem", F, "Lay Member of General Pharmaceutical Council", "General Pharmaceutical Council", M(2019, 4), None, None, D(2022, 6, 17)),
    ("shah", F, "AP Sampson Ltd t/a The Mall Pharmacy, Unit 3, 46-48 George Street, Luton LU1 2AZ, co no 00435961, community pharmacy", "AP Sampson Ltd", M(1988, 11), None, None, D(2022, 5, 20)),
    ("shah", IND, "RightPharm Ltd, 60a Station Road, North Harrow, HA2 7SL, co no 08552235, community pharcy, son & sisters", "RightPharm Ltd", D(2014, 3, 28), None, None, D(2022, 5, 20)),
    ("shah", IND, "Calverton Pharmacy Ltd, 62 Calverton Rd, Luton LU3 2SZ, co no 07203442, community pharmacy, son & sisters", "Calverton Pharmacy Ltd", D(2018, 4, 3), None, None, D(2022, 5, 20)),
    ("shah", IND, "Gamlingay Pharmacy Ltd, 60a Sation road, North Harrow, HA2 7SL, no no 05467439, son & sisters", "Gamlingay Pharmacy Ltd", D(2021, 4, 1), None, None, D(2022, 5, 20)),
    ("shah", PRO, "Committee Member, Bedfordshire Local Pharmaceutical Committee", "Bedfordshire Local Pharmaceutical Committee", Y(1984), None, None, D(2022, 5, 20)),
    ("shah", PRO, "Community Pharmacy PCN Lead, Oasis PCN, Luton", "Oasis PCN", D(2020, 2, 6), None, None, D(2022, 5, 20)),
    ("stock", IND, "Member of the East London Foundation Trust (ELFT) Council of Governors", "East London Foundation Trust", D(2021, 12, 15), D(2023, 5, 1), None, D(2022, 7, 5)),
    ("westcott", IND, "Wife is Senior Mental Health Transformation Manager at West Essex CCB", "West Essex CCB", D(2021, 6, 1), None, 'Email 15/6/22 - "Should there be any Mental Health links with West Essex (unlikely)I would of course withdraw from any discussions/decision making', D(2022, 6, 14)),
    ("westcott", PRO, "Chair of Board of Trustees - Association of Chartered Certified Accountants Pension Scheme", "Association of Chartered Certified Accountants", D(2021, 6, 1), None, 'Email 15/6/22 - "The Acca interest is completely outside of the NHS and will finish at the year end in any event"', D(2022, 6, 14)),
    ("whiteman", IND, "Civil partner, Advanced Nurse Practitioner (Walnut Tree Health Centre, Milton Keynes)", "Walnut Tree Health Centre", Y(2010), None, "To be addressed as required", D(2022, 6, 14)),
    ("whiteman", PRO, "Stonedean, Practice - Former Partners and current sessional GP", "Stonedean Practice", D(2007, 6, 1), None, "To be addressed as required", D(2022, 6, 14)),
    ("whiteman", F, "GMC (General Medical Council – Associate – Assessor medical performance", "General Medical Council", Y(2012), None, "To be addressed as required", D(2022, 6, 14)),
    ("whiteman", F, "AKESO (coaching network) – coach – Executive and Performance Coach", "AKESO", D(2020, 2, 1), None, "To be addressed as required", D(2022, 6, 14)),
    ("whiteman", F, "NHSE – Appraiser (Summative & Formative discussions)", "NHS England", Y(2010), None, "To be addressed as required", D(2022, 6, 14)),
    ("wogan", F, "I am a Non-Executive Director and Deputy Chair of Northamptonshire Healthcare NHS Foundation Trust, St Mary's Hospital, London Road, Kettering NN15 7PW. NHFT provide prison health services to Yarlswood Immigration Removal Centre and Bedford Prison in BLMK. These services are not commissioned by BLMK ICB.", "Northamptonshire Healthcare NHS Foundation Trust", M(2018, 11), None, "Will be declared as relevant in meetings and will not be involved in any commissioning or procurement decisions related to NHFT", D(2022, 7, 14)),
    ("wogan", F, "I am Chair of Trustees for Arts for Health MK a registered charity that is responsible for the art collection at MK University Hospital NHS Trust and provides art on prescription for MK residents. Address MK University Hospital, Standing Way, Eaglestone, Milton Keynes MK6 5LD", "Arts for Health MK", Y(2010), D(2022, 9, 30), "Will be declared as relevant in meetings and will not be involved in any funding or other decisions where Arts for Health MK may be a beneficiary. Standing down from role by 30/09/22.", D(2022, 7, 14)),
    ("wogan", PER, "I am a member of Inspiring Futures Through Learning Multi-Academy Trust which covers schools in MK and Northamptonshire. Address: Fairfields Primary School, Apollo Avenues, Fairfields, Milton Keynes MK11 4BA", "Inspiring Futures Through Learning Multi-Academy Trust", Y(2016), None, "Will be declared in any relevant meetings.", D(2022, 7, 14)),
    ("wogan", F, "I am a Director of Netherby Network Limited which is a consultancy company that has provided services to MK CCG in the past. It does not currently provide any services for health or care clients. Address: 69 Midland Road, Olney, MK46 4BP", "Netherby Network Limited", None, None, "No actions required as the company is not trading.", D(2022, 7, 14)),
    ("wogan", IND, "Daughter, Éilis Humberstone, registered on the CNWL staff bank", "CNWL", D(2022, 7, 11), None, "No further action required. My daughter holds a temporary admin role for summer 2022", D(2022, 7, 14)),
]  # fmt: skip

NIL_ROWS: list[tuple[str, date]] = [
    ("borrett", D(2022, 6, 21)),
    ("bracey", D(2022, 5, 11)),
    ("cartwright", D(2022, 6, 22)),
    ("graves", D(2022, 5, 20)),
    ("head", D(2022, 6, 27)),
    ("murray", D(2022, 6, 22)),
    ("pointer", D(2022, 6, 15)),
    ("porter", D(2022, 5, 17)),
    ("poulain", D(2022, 6, 30)),
    ("roberts", D(2022, 7, 4)),
    ("taffetani", D(2022, 6, 22)),
]


def seed003_interests(committee: str = "ICB") -> list[Interest]:
    """Every interest row of seed 003's register."""
    interests = []
    for person, category, description, organisation, start, end, mitigation, declared in ROWS:
        date_from, from_precision = _given(start)
        interests.append(
            Interest(
                committee=committee,
                person=person,
                category=category,
                description=description,
                organisation=organisation,
                date_from=date_from,
                from_precision=from_precision,
                date_to=end,
                mitigation=mitigation,
                declared_on=declared,
            )
        )
    return interests


def seed003_nil_returns(committee: str = "ICB") -> list[NilReturn]:
    """Seed 003's nil returns ("No" and nothing else), of the people in the demo."""
    return [NilReturn(committee=committee, person=p, declared_on=d) for p, d in NIL_ROWS]
