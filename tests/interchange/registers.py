"""Seed 003's register of interests ("Appendix A – Register of Interests", ICB Register
of Conflicts of Interest - Members & Participants - 18.7.22), every row as printed, page
by page, with the garbled "Type of Interest" line above each page's heading row; and
the register built from it as a .docx (a table a page), an .xlsx and a .csv."""

from __future__ import annotations

import csv
from pathlib import Path

import docx
import openpyxl

# ruff: noqa: E501 (the seed's rows as printed, one a line)
TITLE_003 = "ICB Register of Conflicts of Interest - Members & Participants - 18.7.22"

SEED_003 = """\
				Τy	pe of	Inter	rest
Surname	Forename	Position within, or relationship with the ICB	Interests to Declare	Financial Interest	Non-Financial Professional	Non-Financial Personal	Indirect	Description of Interest	Date From	Date To	Actions to be taken to mitigate risk	Date Declared
Alsop	Richard	Interim Chief Transformation Officer	Yes	Y				I am a non-shareholding director of FACT Solutions UK Ltd, which provides professional services, including PR, communications and marketing services to public and private sector clients. The company has a contract in Northamptonshire to provide mental health awareness programmes for children and young people. My partner is the 100% shareholding director of FACT Solutions UK Ltd	2014	Ongoing		21/06/2022
Alsop	Richard	Interim Chief Transformation Officer	Yes			Υ		I am a Non-Executive Director (Board Safeguarding Lead) for the Northamptonshire Football Association	2021	Ongoing		21/06/2022
Blakeman	Andrew	Non Executive Member, Chair Audit & Risk Assurance Committee	No	N	N	N	N	Director, STRYDE International Ltd, a subsidiary of BP plc, Chertsey Rd, Sunbury-on-Thames, TW16 7BP, and previous directorships within the BP Group	01/01/1996	Ongoing	This is not a conflict of interest and requires no mitigation. However, most COI registers require all directorships of private companies to be declared.	15/06/2022
Borrett	Alison	Non Executive Member	No									21/06/2022
Bracey	Michael	Chief Executive, Milton Keynes Council	No									11/05/2022
Carter	David	Chief Executive, Bedfordshire Hospitals Foundation Trust	Yes		Υ			Chief Executive of Bedfordshire Hospitals NHS Foundation Trust	08/05/2017	Ongoing		18/05/2022
Carter	David	Chief Executive, Bedfordshire Hospitals Foundation Trust	Yes				Y	Wife employed by NHS England Eastern Region	2019	ongoing		18/05/2022
Cartwright	Sally	Public Health Representative, Luton	No									22/06/2022
Church	Laura	Chief Executive, Bedford Borough Council	Yes	Y				Bedford Borough Council, Commissioner of Public Health and Social Care Functions	05/10/2021	Ongoing		27/05/2022
Church	Laura	Chief Executive, Bedford Borough Council	Yes		Υ			East of England Local Government Association - Chief Executive lead on health inequalities	01/12/2021	Ongoing		27/05/2022
				Ту	pe of	Inter	est
Surname	Forename	Position within, or relationship with the ICB	Interests to Declare	Financial Interest	Non-Financial Professional	Non-Financial Personal	Indirect	Description of Interest	Date From	Date To	Actions to be taken to mitigate risk	Date Declared
Church	Laura	Chief Executive, Bedford Borough Council	Yes				Y	lan Turner (husband) provides consultancy services to businesses providing weighing and measuring equipment to the NHS	05/10/2021	Ongoing		27/05/2022
Coiffait	Marcel	Chief Executive, Central Bedfordshire Council	Yes	Υ				I am the Chief Executive of Central Bedfordshire Council which is an may be commissioned to work on behalf of the ICB	01/11/2020	Ongoing		27/05/2022
Cox	Felicity	Chief Executive	Yes		Y			I am a registered pharmacist with the GPC (General Pharmaceutical Council) and a member of the Royal Pharmaceutical Society	17/08/1987	Ongoing	I will excuse myself should an interest arise	14/06/2022
Davies	Geraint	Interim Chief of System Assurance & Corporate Services	No									28/06/2022
Graves	Stuart Ross	Exec Director CNWL	No									20/05/2022
Harrison	Joe	Chief Executive, Milton Keynes University Hospital	Yes		Υ			Interim Chair, University of Birmingham	Apr-22	Ongoing		16/05/2022
Harrison	Joe	Chief Executive, Milton Keynes University Hospital	Yes		Υ			Vice Chair NHS Employers Policy Board	2021	Ongoing		16/05/2022
Harrison	Joe	Chief Executive, Milton Keynes University Hospital	Yes		Υ			Trustee of NHS Conferation	2021	Ongoing		16/05/2022
Harrison	Joe	Chief Executive, Milton Keynes University Hospital	Yes		Υ			Council Member - National Association of Primary Care	2020	Ongoing		16/05/2022
Harrison	Joe	Chief Executive, Milton Keynes University Hospital	Yes	Υ				Keele University - Lecturer	2016	Ongoing		16/05/2022
Harrison	Joe	Chief Executive, Milton Keynes University Hospital	Yes	Υ				Advisor to Alphasights, MM3 Global Research, Silverlight and Stepcare	2018	Ongoing		16/05/2022
Harrison	Joe	Chief Executive, Milton Keynes University Hospital	Yes		Υ			Chair, CRN Thames Valley & South Midlands Partnership Group Meeting		Ongoing		16/05/2022
Harrison	Joe	Chief Executive, Milton Keynes University Hospital	Yes		Υ			Member, Oxford AHSN		Ongoing		16/05/2022
Harrison	Joe	Chief Executive, Milton Keynes University Hospital	Yes				Υ	Spouse, Samantha Jones, is the Permanent Secretary and COO for No 10 Downing Street	Mar-22	Ongoing		16/05/2022
Head	Vicky	Director of Public Health, Bedford Borough, Central Bedfordshire and Milton Keynes	No									27/06/2022
Kufeji	Omotayo	GP, Primary Services Partner Member	Yes		Υ			Director of Clinical Transformation, BLMK CCG	04/08/2020	03/08/2022		11/05/2022
				Ту	pe of	Inte	est	1
Surname	Forename	Position within, or relationship with the ICB	Interests to Declare	Financial Interest	Non-Financial Professional	Non-Financial Personal	Indirect	Description of Interest	Date From	Date To	Actions to be taken to mitigate risk	Date Declared
Kufeji	Omotayo	GP, Primary Services Partner Member	Yes		Υ			The Bridge PCN Clnical Director	01/04/2021	31/03/2023		11/05/2022
Makarem	Rima	Chair	Yes		Υ			Chair of Sue Ryder (non remunerated)	01/05/2021	Ongoing		17/06/2022
Makarem	Rima	Chair	Yes	Υ				Chair of Queen Square Enterprises Ltd (remunerated)	01/11/2020	Ongoing		17/06/2022
Makarem	Rima	Chair	Yes	Υ				Lay Member of General Pharmaceutical Council	Apr-19	Ongoing		17/06/2022
Murray	Anne	Interim Chief Nursing Officer	No									22/06/2022
Pointer	Shirley	Non-Executive Member, Chair Remuneration Committee	No									15/06/2022
Porter	Robin	Chief Executive, Luton Borough Council	No									17/05/2022
Poulain	Nicky	Chief Primary Care Officer	No									30/06/2022
Roberts	Martha	Interim Chief People Officer	No									04/07/2022
Shah	Mahesh	Partner Member	Yes	Υ				AP Sampson Ltd t/a The Mall Pharmacy, Unit 3, 46-48 George Street, Luton LU1 2AZ, co no 00435961, community pharmacy	Nov-88	Ongoing		20/05/2022
Shah	Mahesh	Partner Member	Yes				Υ	RightPharm Ltd, 60a Station Road, North Harrow, HA2 7SL, co no 08552235, community pharcy, son & sisters	28/03/2014	Ongoing		20/05/2022
Shah	Mahesh	Partner Member	Yes				Υ	Calverton Pharmacy Ltd, 62 Calverton Rd, Luton LU3 2SZ, co no 07203442, community pharmacy, son & sisters	03/04/2018	Ongoing		20/05/2022
Shah	Mahesh	Partner Member	Yes				Υ	Gamlingay Pharmacy Ltd, 60a Sation road, North Harrow, HA2 7SL, no no 05467439, son & sisters	01/04/2021	Ongoing		20/05/2022
Shah	Mahesh	Partner Member	Yes		Υ			Committee Member, Bedfordshire Local Pharmaceutical Committee	1984	Ongoing		20/05/2022
Shah	Mahesh	Partner Member	Yes		Υ			Community Pharmacy PCN Lead, Oasis PCN, Luton	06/02/2020	Ongoing		20/05/2022
Stock	Tracey						Υ	Member of the East London Foundation Trust (ELFT) Council of Governors	15/12/2021	01/05/2023		05/07/2022
_				Ту	pe of	Inter	est
Surname	Forename	Position within, or relationship with the ICB	Interests to Declare	Financial Interest	Non-Financial Professional	Non-Financial Personal	Indirect	Description of Interest	Date From	Date To	Actions to be taken to mitigate risk	Date Declared
Taffetani	Maxine	Healthwatch Representative for Bedfordshire, Luton and Milton Keynes	No									22/06/2022
Westcott	Dean	Chief Financial Officer	Yes				Υ	Wife is Senior Mental Health Transformation Manager at West Essex CCB	01/06/21 on joining CCG	Ongoing	Email 15/6/22 - "Should there be any Mental Health links with West Essex (unlikely)I would of course withdraw from any discussions/decision making	14/06/2022
Westcott	Dean	Chief Financial Officer	Yes		Y			Chair of Board of Trustees - Association of Chartered Certified Accountants Pension Scheme	01/06/2021 on joining CCG	Ongoing	Email 15/6/22 - "The Acca interest is completely outside of the NHS and will finish at the year end in any event"	14/06/2022
Whiteman	Sarah	Chief Medical Director	Yes				Υ	Civil partner, Advanced Nurse Practitioner (Walnut Tree Health Centre, Milton Keynes)	2010	Ongoing	To be addressed as required	14/06/2022
Whiteman	Sarah	Chief Medical Director	Yes		Υ			Stonedean, Practice - Former Partners and current sessional GP	01/06/2007	Ongoing	To be addressed as required	14/06/2022
Whiteman	Sarah	Chief Medical Director	Yes	Υ				GMC (General Medical Council – Associate – Assessor medical performance	2012	Ongoing	To be addressed as required	14/06/2022
Whiteman	Sarah	Chief Medical Director	Yes	Υ				AKESO (coaching network) – coach – Executive and Performance Coach	01/02/2020	Ongoing	To be addressed as required	14/06/2022
Whiteman	Sarah	Chief Medical Director	Yes	Υ				NHSE – Appraiser (Summative & Formative discussions)	2010	Ongoing	To be addressed as required	14/06/2022
Wogan	Maria	Chief of System Assurance & Corporate Services	Yes	Y				I am a Non-Executive Director and Deputy Chair of Northamptonshire Healthcare NHS Foundation Trust, St Mary's Hospital, London Road, Kettering NN15 7PW. NHFT provide prison health services to Yarlswood Immigration Removal Centre and Bedford Prison in BLMK. These services are not commissioned by BLMK ICB.	Nov-18	Ongoing	Will be declared as relevant in meetings and will not be involved in any commissioning or procurement decisions related to NHFT	14/07/2022
Wogan	Maria	Chief of System Assurance & Corporate Services	Yes	Υ				I am Chair of Trustees for Arts for Health MK a registered charity that is responsible for the art collection at MK University Hospital NHS Trust and provides art on prescription for MK residents. Address MK University Hospital, Standing Way, Eaglestone, Milton Keynes MK6 5LD	2010	30/09/2022	Will be declared as relevant in meetings and will not be involved in any funding or other decisions where Arts for Health MK may be a beneficiary. Standing down from role by 30/09/22.	14/07/2022
				Ty	pe of	Inter	est
Surname	Forename	Position within, or relationship with the ICB	Interests to Declare	Financial Interest	Non-Financial Professional	Non-Financial Personal	Indirect	Description of Interest	Date From	Date To	Actions to be taken to mitigate risk	Date Declared
Wogan	Maria	Chief of System Assurance & Corporate Services	Yes			Υ		I am a member of Inspiring Futures Through Learning Multi-Academy Trust which covers schools in MK and Northamptonshire. Address: Fairfields Primary School, Apollo Avenues, Fairfields, Milton Keynes MK11 4BA	2016	Ongoing		14/07/2022
											Will be declared in any relevant meetings.
Wogan	Maria	Chief of System Assurance & Corporate Services	Yes	Y				I am a Director of Netherby Network Limited which is a consultancy company that has provided services to MK CCG in the past. It does not currently provide any services for health or care clients. Address: 69 Midland Road, Olney, MK46 4BP		Ongoing	No actions required as the company is not trading.	14/07/2022
Wogan	Maria	Chief of System Assurance & Corporate Services	Yes				Υ	Daughter, Éilis Humberstone, registered on the CNWL staff bank	11/07/2022	Ongoing	No further action required. My daughter holds a temporary admin role for summer 2022	14/07/2022
"""
"""The register below its title as seed 003 prints it, cells between tabs: each page's
garbled "Type of Interest" line, its heading row, its rows."""


def _pages() -> tuple[tuple[str, ...], list[tuple[str, ...]], list[list[tuple[str, ...]]]]:
    """The heading row, each page's garbled title line, each page's rows (13 cells)."""
    heading: tuple[str, ...] = ()
    titles: list[tuple[str, ...]] = []
    pages: list[list[tuple[str, ...]]] = []
    for line in SEED_003.splitlines():
        cells = tuple((line.split("\t") + [""] * 13)[:13])
        if cells[0] == "Surname":
            heading = cells
        elif "pe of" in line:
            titles.append(cells)
            pages.append([])
        else:
            pages[-1].append(cells)
    return heading, titles, pages


HEADINGS_003, PAGE_TITLES_003, PAGES_003 = _pages()
ROWS_003 = [row for page in PAGES_003 for row in page]


def _sheet_rows() -> list[tuple[str, ...]]:
    """The register as one sheet: the title, then each page's garbled line, heading row
    and rows, as a register pasted from its Word pages is."""
    rows: list[tuple[str, ...]] = [(TITLE_003,)]
    for title, page in zip(PAGE_TITLES_003, PAGES_003, strict=True):
        rows += [title, HEADINGS_003, *page]
    return rows


def write_register_docx(path: Path) -> Path:
    """Seed 003's register as Word keeps it: a title, then a table a page, each with the
    garbled line and the heading row again."""
    document = docx.Document()
    document.add_paragraph(TITLE_003)
    for number, (title, page) in enumerate(zip(PAGE_TITLES_003, PAGES_003, strict=True)):
        if number:
            document.add_page_break()
        table = document.add_table(rows=0, cols=len(HEADINGS_003))
        for row in (title, HEADINGS_003, *page):
            cells = table.add_row().cells
            for cell, text in zip(cells, row, strict=True):
                cell.text = text
    document.save(str(path))
    return path


def write_register_xlsx(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Register"
    for row in _sheet_rows():
        sheet.append([text or None for text in row])
    book.save(str(path))
    return path


def write_register_csv(path: Path) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        csv.writer(file).writerows(_sheet_rows())
    return path


WRITERS = {
    ".docx": write_register_docx,
    ".xlsx": write_register_xlsx,
    ".csv": write_register_csv,
}
