"""The annual report (exporters/annual_report.py, docs/exports.md "The annual report") of
the demo committees in their house styles: the year, the meetings held and their
quorum, the decisions in public business, the compliance figures, the register's
returns, and the attendance appendix made by the attendance export's own table."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from minutebook.application.annual_report import annual_report
from minutebook.application.attendance import attendance_report
from minutebook.domain.meeting import DecisionFlag
from minutebook.exporters.annual_report import render_annual_report, report_file_name
from minutebook.exporters.attendance import render_attendance
from minutebook.store import Store

TODAY = date(2026, 12, 1)


def _texts(build: object) -> list[str]:
    return [p.text for p in build.document.paragraphs]  # type: ignore[attr-defined]


def _table(build: object, index: int) -> list[list[str]]:
    table = build.document.tables[index]  # type: ignore[attr-defined]
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_the_council_partnerships_municipal_year(demo_reader: Store) -> None:
    report = annual_report(demo_reader, "HCP", 2023, TODAY)
    assert (report.start, report.end, report.label) == (
        date(2023, 5, 1),
        date(2024, 4, 30),
        "2023/24",
    )
    assert report_file_name(report) == "HCP annual report 2023-24.docx"
    build = render_annual_report(report)
    texts = _texts(build)
    assert texts[:2] == [
        "Milton Keynes Health and Care Partnership: Annual Report 2023/24",
        "Municipal year 2023/24: 1 May 2023 to 30 April 2024",
    ]
    # Council style: numbered paragraphs, decisions under their minute number.
    assert "2.1\t1 meeting held; the terms of reference set no number of meetings a year." in texts
    assert "13 June 2023: quorate throughout; minutes circulated" in texts
    assert "2.2\tNot counted as held: 20 September 2023 (no attendance recorded)." in texts
    assert "HCP6 MK Deal Update (13 June 2023)" in texts
    assert (
        "RESOLVED – Agreed, the recommendation of the Joint Leadership Team to select "
        "Bletchley as the area to pilot integrated neighbourhood working"
    ) in texts
    assert (
        "4.2\tQuorum: quorate throughout at 1 of 1 meetings (100%); at every decision at 1 of 1."
        in texts
    )
    assert "4.5\tMinutes: approved at the next meeting: none late." in texts
    assert "Overdue on 30 April 2024: actions 1 and 2" in texts
    assert (
        "5.1\tThe Milton Keynes Health and Care Partnership keeps no register of interests "
        "in this record."
    ) in texts


def test_the_nhs_boards_financial_year_in_tables(demo_reader: Store) -> None:
    report = annual_report(demo_reader, "ICB", 2022, TODAY)
    build = render_annual_report(report)
    texts = _texts(build)
    assert texts[1] == "Financial year 2022/23: 1 April 2022 to 31 March 2023"
    assert _table(build, 0) == [
        ["Date", "Quorate", "Minutes"],
        ["1 July 2022", "Quorate throughout", "Circulated"],
    ]
    decisions = _table(build, 1)
    assert decisions[0] == ["Date", "No.", "Item", "Decision"]
    # Ten decisions (item 5's NOTED is not one), the item given once, blank below.
    assert len(decisions) == 11
    assert decisions[1][:3] == ["01/07/2022", "6", "Integrated Care Board Governance Handbook"]
    assert decisions[2][:3] == ["", "", ""]
    assert decisions[8][:3] == ["01/07/2022", "7", "Integrated Care Board Policies"]
    assert "NOTED" not in " ".join(row[3] for row in decisions)
    compliance = dict((row[0], row[1]) for row in _table(build, 2)[1:])
    assert compliance["Minutes"] == (
        "Draft circulated within 10 working days; approved at the next meeting: none late"
    )
    assert compliance["Actions"].startswith("3 actions agreed in the period; none overdue")
    # Seed 003's register: every member returned in 2022/23.
    assert "25 of 25 members made a return to the register in the year." in texts
    assert "No return made: none" in texts
    assert any(t.startswith("Interests declared: Dr Rima Makarem") for t in texts)


def test_the_register_returns_are_the_years(demo_reader: Store) -> None:
    # 2023/24: seed 003's returns were made in 2022, so none was made in the year and
    # every member then in post is asked for one.
    report = annual_report(demo_reader, "ICB", 2023, TODAY)
    returns = report.returns
    assert returns.kept and not returns.interests and not returns.nil
    assert "makarem" in returns.missing and len(returns.missing) == 24
    texts = _texts(render_annual_report(report))
    assert "0 of 24 members made a return to the register in the year." in texts
    # 2021/22: nobody held a seat yet (the Board began on 1 July 2022).
    assert annual_report(demo_reader, "ICB", 2021, TODAY).returns.missing == ()


def test_the_appendix_is_the_attendance_exports_table(demo_reader: Store) -> None:
    report = annual_report(demo_reader, "ICB", 2022, TODAY)
    appendix = _table(render_annual_report(report), -1)
    alone = attendance_report(demo_reader, "ICB", TODAY, date(2022, 4, 1), date(2023, 3, 31))
    assert appendix == _table(render_attendance(alone), 0)
    assert appendix[0] == ["Name", "Role", "01/07/22", "Possible / actual"]


def test_flagged_and_confidential_decisions_as_a_public_report_shows_them(
    demo_reader: Store,
) -> None:
    report = annual_report(demo_reader, "ICB", 2022, TODAY)
    decisions = list(report.compliance.decisions)
    # One of item 6's decisions taken while inquorate; item 7's first by Chair's action
    # under a confidential item.
    decisions[1] = replace(decisions[1], flag=DecisionFlag.INQUORATE)
    decisions[8] = replace(decisions[8], flag=DecisionFlag.CHAIRS_ACTION, confidential=True)
    changed = replace(report, compliance=replace(report.compliance, decisions=tuple(decisions)))
    build = render_annual_report(changed)
    texts = _texts(build)
    assert (
        "In the year it made 9 decisions in public business. 1 made in confidential "
        "business is not listed."
    ) in texts
    assert any(
        t.startswith(
            "Taken while inquorate: minute 6 of 01/07/2022, AGREED: To establish the seven"
        )
        for t in texts
    )
    assert "By Chair's action: minute 7 of 01/07/2022 (confidential business)" in texts
    shown = " ".join(row[3] for row in _table(build, 1))
    assert "Conflicts of Interest Management" not in shown
    figures = dict((row[0], row[1]) for row in _table(build, 2)[1:])
    assert figures["Decisions"] == (
        "10 decisions made; 1 taken while inquorate; 1 by Chair's action"
    )
