"""The annual report (exporters/annual_report.py, docs/exports.md "The annual report") of
the demo committees in their house styles: the year, the meetings held and their
quorum, the decisions in public business, the compliance figures, the register's
returns, and the attendance appendix made by the attendance export's own table."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from minutebook.application.annual_report import annual_report
from minutebook.application.attendance import attendance_report
from minutebook.domain.annual_report import as_reported, number_words, times
from minutebook.domain.meeting import DecisionFlag, DecisionVerb
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
    assert texts[:4] == [
        "Milton Keynes Health and Care Partnership: Annual Report 2023/24",
        "Municipal year 2023/24: 1 May 2023 to 30 April 2024",
        "Report of the Democratic Services Officer, 1 December 2026",
        "Please contact Andrew Clayton on 01908 252046 or andrew.clayton@milton-keynes.gov.uk",
    ]
    # The opening summary: to whom it reports, how often it met, the headline figures;
    # the noted business ("RESOLVED – Noted, ...") counted apart from the decisions.
    assert (
        "1.1\tThe Partnership reports to Milton Keynes City Council. It met once in the "
        "municipal year 2023/24, made four decisions in public business and noted three "
        "reports. It agreed two actions; two were overdue on 30 April 2024."
    ) in texts
    assert any(
        t.startswith(
            "1.2\tThis report to Milton Keynes City Council sets out the work of the Milton "
            "Keynes Health and Care Partnership in the municipal year 2023/24, from 1 May 2023"
        )
        for t in texts
    )
    # Council style: numbered paragraphs throughout, no bullets.
    assert "2.1\tThe Partnership met once in 2023/24, on 13 June 2023." in texts
    assert not any(p.style.name == "List Bullet" for p in build.document.paragraphs)
    # A past meeting with nothing recorded: said only in a report marked DRAFT.
    assert report.is_draft
    assert "2.2\tThe meeting of 20 September 2023 is not yet recorded." in texts
    header = build.document.sections[0].header.paragraphs
    assert any(p.text == "DRAFT" for p in header)
    assert (
        "3.1\tIn 2023/24 the Partnership made four decisions in public business and noted "
        "three reports. The decisions are listed below."
    ) in texts
    assert (
        "3.4\tMinute HCP6, MK Deal Update (13 June 2023): RESOLVED – Agreed, the "
        "recommendation of the Joint Leadership Team to select Bletchley as the area to "
        "pilot integrated neighbourhood working."
    ) in texts
    assert not any("Noted, the update report" in t for t in texts)
    assert (
        "4.1\tThe Partnership met once in 2023/24; its terms of reference do not set how "
        "often it meets."
    ) in texts
    assert "4.2\tThe meeting was quorate throughout." in texts
    # The next meeting (20 September 2023) has come and is not yet recorded: the
    # approval is not recorded, rather than still to come.
    assert "4.4\tThe approval of the minutes of 13 June 2023 is not yet recorded." in texts
    assert (
        "4.5\tThe Partnership agreed two actions in the year. Two were overdue on 30 April "
        "2024, as listed below."
    ) in texts
    # The overdue actions named: their words, owner and deadline.
    assert _table(build, 0) == [
        ["No.", "Action", "Owner", "Deadline"],
        [
            "1",
            "Agreed, the recommendation of the Joint Leadership Team to select Bletchley as "
            "the area to pilot integrated neighbourhood working.",
            "Michael Bracey",
            "20/09/2023",
        ],
        [
            "2",
            "Agreed, that the Joint Leadership Team undertake background work to prepare for "
            "a potential start of the Bletchley pilot in September 2023.",
            "Michael Bracey",
            "20/09/2023",
        ],
    ]
    # A council committee keeping no register here points to the council's own.
    assert (
        "5.1\tMembers' interests are recorded in Milton Keynes City Council's register of "
        "members' interests."
    ) in texts
    assert not any("RAG key" in t or "this record" in t or "none late" in t for t in texts)


def test_the_nhs_boards_financial_year_in_tables(demo_reader: Store) -> None:
    report = annual_report(demo_reader, "ICB", 2022, TODAY)
    build = render_annual_report(report)
    texts = _texts(build)
    assert texts[1:3] == [
        "Financial year 2022/23: 1 April 2022 to 31 March 2023",
        "Prepared by the secretariat, 1 December 2026",
    ]
    assert (
        "The Board met once in the financial year 2022/23, made ten decisions in public "
        "business and noted one report. It agreed three actions."
    ) in texts
    assert "The Board met once in 2022/23." in texts
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
    # A point whose details follow it in the minute ("... and set out below:") is not
    # left hanging; a list's semicolon ends as a sentence.
    assert decisions[2][3].endswith("detailed in Appendix B, as set out in the minutes.")
    assert decisions[1][3].endswith("as described in the Governance Handbook.")
    assert not any(row[3].endswith((":", ";")) for row in decisions[1:])
    compliance = dict((row[0], row[1]) for row in _table(build, 2)[1:])
    # Brought in as circulated with no date: not said to be on time; and 29 July
    # 2022, not yet recorded, has come since.
    assert compliance["Minutes"] == (
        "The date the minutes of 1 July 2022 were circulated is not recorded. The approval "
        "of the minutes of 1 July 2022 is not yet recorded."
    )
    assert compliance["Actions"] == (
        "The Board agreed three actions in the year. None was overdue on 31 March 2023. "
        "No actions were escalated."
    )
    assert compliance["Decisions"] == "No decision was taken while inquorate or by Chair's action."
    # Seed 003's register: every member returned in 2022/23.
    assert "Every member made a return to the register of interests for 2022/23." in texts
    assert any(t.startswith("Interests were declared by Dr Rima Makarem, ") for t in texts)
    assert not any(t.startswith("No return was made") for t in texts)


def test_the_register_returns_are_the_years(demo_reader: Store) -> None:
    # 2023/24: seed 003's returns were made in 2022, so none was made in the year and
    # every member then in post is asked for one.
    report = annual_report(demo_reader, "ICB", 2023, TODAY)
    returns = report.returns
    assert returns.kept and not returns.interests and not returns.nil
    assert "makarem" in returns.missing and len(returns.missing) == 24
    texts = _texts(render_annual_report(report))
    assert "No member made a return to the register of interests for 2023/24." in texts
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
        "In 2022/23 the Board made nine decisions in public business and noted one report. "
        "One further decision, made in confidential business, is not listed. The "
        "decisions are listed below."
    ) in texts
    shown = " ".join(row[3] for row in _table(build, 1))
    assert "Conflicts of Interest Management" not in shown
    figures = dict((row[0], row[1]) for row in _table(build, 2)[1:])
    assert figures["Decisions"] == (
        "A decision under minute 6 of 1 July 2022 was taken while the meeting was "
        "inquorate: To establish the seven Committees of the Board of the Integrated Care "
        "Board as described in the Governance Handbook. A decision under minute 7 of 1 July "
        "2022, in confidential business, was taken by Chair's action."
    )


def test_a_meeting_short_of_its_terms_and_inquorate_for_a_while(demo_reader: Store) -> None:
    report = annual_report(demo_reader, "ICB", 2022, TODAY)
    compliance = report.compliance
    held = replace(compliance.held[0], inquorate_periods=1)
    changed = replace(
        report, compliance=replace(compliance, per_year=6, due=6, held=(held,), not_held=())
    )
    assert not changed.is_draft  # the year is over and every meeting recorded
    texts = _texts(render_annual_report(changed))
    assert (
        "The Board met once in 2022/23. Its terms of reference ask it to meet at least six "
        "times a year."
    ) in texts
    assert not any("short" in t or "not yet recorded" in t for t in texts)
    figures = dict((row[0], row[1]) for row in _table(render_annual_report(changed), 2)[1:])
    assert figures["Quorum"] == (
        "The meeting of 1 July 2022 was inquorate for part of the business; no decisions "
        "were taken while inquorate."
    )


def test_what_a_decision_does_and_how_a_report_quotes_it(demo_reader: Store) -> None:
    # Seed 001 minutes what was noted as "RESOLVED – Noted, ...": noted, not decided.
    report = annual_report(demo_reader, "HCP", 2023, TODAY)
    kinds = [(d.decision.verb, d.substance, d.decides) for d in report.compliance.decisions]
    assert kinds.count((DecisionVerb.RESOLVED, DecisionVerb.NOTED, False)) == 3
    assert (DecisionVerb.RESOLVED, DecisionVerb.AGREED, True) in kinds
    assert (len(report.public_decisions), report.noted) == (4, 3)
    assert as_reported(
        "To **appoint** the Chairs, as detailed in Appendix B and set out below:"
    ) == ("To appoint the Chairs, as detailed in Appendix B, as set out in the minutes.")
    assert as_reported("Risk Management Framework;") == "Risk Management Framework."
    assert as_reported("The following were agreed:") == "The following were agreed."
    assert (number_words(7), number_words(11), times(1), times(2), times(6)) == (
        "seven",
        "11",
        "once",
        "twice",
        "six times",
    )


def test_a_year_without_meetings_and_a_parent_board(demo_reader: Store) -> None:
    # The People Board reports to the ICB Board; it has no meeting in 2023/24 and keeps
    # no register here (an NHS body: the section is left out).
    report = annual_report(demo_reader, "PB", 2023, TODAY)
    build = render_annual_report(report)
    texts = _texts(build)
    assert (
        "The Board reports to the Board of the Bedfordshire, Luton and Milton Keynes "
        "Integrated Care Board. It did not meet in the financial year 2023/24."
    ) in texts
    assert (
        "The Board did not meet in 2023/24. Its terms of reference ask it to meet at least "
        "six times a year."
    ) in texts
    assert not any("Register of interests" in t or "in the appendix" in t for t in texts)
    figures = dict((row[0], row[1]) for row in _table(build, 0)[1:])
    assert "Decisions" not in figures
    assert figures["Meetings"] == (
        "The Board did not meet in 2023/24; its terms of reference ask it to meet at least "
        "six times a year."
    )


def test_late_minutes_say_whose_rule_it_is_with_the_reports_dates(demo_reader: Store) -> None:
    """The NHS house style's ten working days is the Board's usual rule, not something its
    terms of reference ask, unless they set it; the dates read as the report's do."""
    from minutebook.domain.compliance import Turnaround

    report = annual_report(demo_reader, "ICB", 2022, TODAY)
    compliance = report.compliance
    meeting = compliance.held[0].meeting
    late_words = "not approved at the next meeting (29/07/2022)"
    held = replace(compliance.held[0], late_minutes=(late_words,))
    usual = replace(report, compliance=replace(compliance, held=(held,)))
    assert not usual.compliance.turnaround.from_terms  # the demo's ToR sets no rule
    minutes = dict((row[0], row[1]) for row in _table(render_annual_report(usual), 2)[1:])
    assert minutes["Minutes"] == (
        "Its usual rule asks for draft minutes to be circulated within ten working days and "
        "approved at the next meeting. The minutes of 1 July 2022 were late: not approved at "
        "the next meeting (29 July 2022)."
    )
    assert meeting.date == date(2022, 7, 1)
    set_by_terms = replace(
        usual, compliance=replace(usual.compliance, turnaround=Turnaround(5, True, True))
    )
    minutes = dict((row[0], row[1]) for row in _table(render_annual_report(set_by_terms), 2)[1:])
    assert minutes["Minutes"].startswith(
        "Its terms of reference ask for draft minutes to be circulated within five working days"
    )


def test_minutes_circulated_in_time_are_said_so_only_with_a_date(demo_reader: Store) -> None:
    report = annual_report(demo_reader, "ICB", 2022, TODAY)
    compliance = report.compliance
    first = compliance.held[0]
    on_time = replace(
        first,
        meeting=first.meeting.model_copy(update={"circulated_on": date(2022, 7, 8)}),
        circulation_undated=False,
    )
    # No later meeting known: the approval is still to come.
    changed = replace(report, compliance=replace(compliance, held=(on_time,), not_held=()))
    figures = dict((row[0], row[1]) for row in _table(render_annual_report(changed), 2)[1:])
    assert figures["Minutes"] == (
        "The draft minutes of every meeting were circulated within ten working days. The "
        "minutes of 1 July 2022 are to be approved at its next meeting."
    )
