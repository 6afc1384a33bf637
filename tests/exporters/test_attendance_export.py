"""The "Cumulative record of attendance (possible / actual)" as a Word table
(exporters/attendance.py, docs/attendance.md): a row per person with their role, a mark
at each meeting and possible / actual; counts in place of marks over many meetings."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from minutebook.application.attendance import attendance_report
from minutebook.domain.attendance_record import MARK_KEY, Category, MemberAttendance
from minutebook.exporters.attendance import HEADINGS, MOST_DATES, TITLE, render_attendance
from minutebook.store import Store


def _rows(build: object) -> list[list[str]]:
    table = build.document.tables[0]  # type: ignore[attr-defined]
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_the_nhs_board_record_as_printed(demo_reader: Store) -> None:
    report = attendance_report(demo_reader, "ICB", date(2026, 12, 1))
    build = render_attendance(report)
    texts = [p.text for p in build.document.paragraphs]
    assert texts[:2] == [
        TITLE,
        "Board of the Bedfordshire, Luton and Milton Keynes Integrated Care Board, all meetings",
    ]
    rows = _rows(build)
    assert rows[0] == ["Name", "Role", "01/07/22", "Possible / actual"]
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["Dr Rima Makarem"][2:] == ["V", "1 / 1"]
    carter = next(row for name, row in by_name.items() if name.endswith("David Carter"))
    assert carter[2:] == ["A/D", "1 / 0"]
    calaminus = next(row for name, row in by_name.items() if name.endswith("Calaminus"))
    assert calaminus[2:] == ["S", "\u2013"]
    assert f"Key: {MARK_KEY}." in texts
    assert "Not counted: 29 July 2022 (no attendance recorded)." in texts
    # An NHS board: no six-month rule.
    assert not any("Six-month" in text for text in texts)
    assert build.document.core_properties.title.startswith(TITLE)


def test_a_council_committee_adds_the_six_month_rule(demo_reader: Store) -> None:
    build = render_attendance(attendance_report(demo_reader, "HCP", date(2023, 11, 20)))
    texts = [p.text for p in build.document.paragraphs]
    assert "Six-month rule (Local Government Act 1972 s85), as at 20/11/2023" in texts
    assert (
        "Councillor Peter Marland last attended on 13/06/2023; six months end 13/12/2023 "
        "(approaching)."
        in texts
    )


def test_a_past_periods_record_gives_the_rule_as_at_its_end(demo_reader: Store) -> None:
    # Saved in 2026, the record of June to November 2023 says where the councillors
    # stood on 30 November 2023, not three years on.
    report = attendance_report(
        demo_reader, "HCP", date(2026, 12, 1), date(2023, 6, 1), date(2023, 11, 30)
    )
    texts = [p.text for p in render_attendance(report).document.paragraphs]
    assert "Six-month rule (Local Government Act 1972 s85), as at 30/11/2023" in texts
    assert (
        "Councillor Peter Marland last attended on 13/06/2023; six months end 13/12/2023 "
        "(approaching)."
        in texts
    )


def test_many_meetings_give_counts_not_marks(demo_reader: Store) -> None:
    report = attendance_report(demo_reader, "HCP", date(2026, 12, 1))
    many = MOST_DATES + 1
    first = report.record.meetings[0]
    meetings = tuple(
        first.model_copy(update={"date": first.date + timedelta(weeks=n)}) for n in range(many)
    )
    marland = MemberAttendance("marland", (Category.PRESENT,) * many, (False,) * many)
    record = replace(report.record, meetings=meetings, members=(marland,))
    rows = _rows(render_attendance(replace(report, record=record)))
    assert rows[0] == ["Name", "Role", *HEADINGS, "Possible / actual"]
    assert rows[1] == [
        "Councillor Peter Marland",
        "Chair (Leader of the Council)",
        str(many),
        str(many),
        "0",
        "0",
        "0",
        "0",
        "0",
        "0",
        f"{many} / {many}",
    ]
