"""`minutebook attendance`: the demo committees' attendance per member, as a table, as
JSON and as a .csv, and the six-month warning for the council's councillors only
(docs/attendance.md)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner, Result

from minutebook.domain.attendance_record import PASSED_WORDS
from minutebook.tui.cli import main


def _run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--db", str(db), *args])


def test_the_table_names_each_category(demo_file: Path) -> None:
    result = _run(demo_file, "attendance", "--committee", "HCP", "--as-of", "01/07/2023")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Milton Keynes Health and Care Partnership (HCP): attendance, all meetings"
    assert "Meetings counted: 13/06/2023" in lines
    assert "Not counted: 20/09/2023 (not held yet)" in lines
    marland = next(line for line in lines if line.startswith("Councillor Peter Marland"))
    assert marland.split()[-9:] == ["1", "1", "0", "0", "0", "0", "0", "0", "1/1"]
    alam = next(line for line in lines if line.startswith("Dr N Alam"))
    assert alam.split()[-9:] == ["1", "0", "0", "0", "0", "1", "0", "1", "1/0"]
    # Every councillor attended on 13 June: within six months on 1 July 2023.
    assert "  every councillor has attended within six months" in lines


def test_the_six_month_warning_is_dated(demo_file: Path) -> None:
    result = _run(demo_file, "attendance", "--committee", "HCP", "--as-of", "2023-11-20")
    assert result.exit_code == 0, result.output
    assert (
        "  Councillor Peter Marland last attended on 13/06/2023; six months end 13/12/2023 "
        "(approaching)" in result.output.splitlines()
    )
    later = _run(demo_file, "attendance", "--committee", "HCP", "--as-of", "2024-01-02")
    assert "six months ended 13/12/2023 (passed: the seat falls vacant" in later.output


def test_a_last_attendance_years_ago_is_read_and_dated(demo_file: Path) -> None:
    # Three years after the council's one meeting in the file, the warning gives the day
    # each councillor last attended, not a day a year back from today.
    result = _run(demo_file, "attendance", "--committee", "HCP", "--as-of", "2026-12-01")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "Six-month rule (Local Government Act 1972 s85), as at 01/12/2026:" in lines
    assert (
        "  Councillor Robin Bradburn last attended on 13/06/2023; six months ended 13/12/2023"
        + PASSED_WORDS
        in lines
    )
    # The record of a period over long ago is judged as at its end.
    past = _run(
        demo_file,
        "attendance",
        "--committee",
        "HCP",
        "--from",
        "2023-06-01",
        "--to",
        "2023-11-30",
        "--as-of",
        "2026-12-01",
    )
    assert "Six-month rule (Local Government Act 1972 s85), as at 30/11/2023:" in (
        past.output.splitlines()
    )
    assert "six months end 13/12/2023 (approaching)" in past.output
    data = json.loads(
        _run(demo_file, "attendance", "--committee", "HCP", "--to", "2023-11-30", "--json").output
    )
    assert data["six_month_rule_as_at"] == "2023-11-30"
    assert {s["state"] for s in data["six_month_rule"]} == {"approaching"}


def test_an_nhs_board_has_no_six_month_rule(demo_file: Path) -> None:
    result = _run(demo_file, "attendance", "--committee", "ICB", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["six_month_rule"] == []
    carter = next(m for m in data["members"] if m["person"] == "carter")
    assert (carter["apologies"], carter["deputy_attended"], carter["possible"]) == (1, 1, 1)
    calaminus = next(m for m in data["members"] if m["person"] == "calaminus")
    assert calaminus["present_as_substitute"] == 1 and calaminus["expected"] == 0
    assert data["not_counted"] == [{"date": "2022-07-29", "why": "no attendance recorded"}]


def test_the_period_is_chosen_and_checked(demo_file: Path) -> None:
    result = _run(demo_file, "attendance", "--committee", "HCP", "--from", "14/06/2023", "--json")
    data = json.loads(result.output)
    assert data["meetings"] == [] and data["from"] == "2023-06-14"
    backwards = _run(
        demo_file, "attendance", "--committee", "HCP", "--from", "2023-06-14", "--to", "2023-06-01"
    )
    assert backwards.exit_code == 2 and "--to: the period would end on" in backwards.output
    wrong = _run(demo_file, "attendance", "--committee", "HCP", "--from", "31/02/2023")
    assert wrong.exit_code == 2 and "not a real date" in wrong.output


def test_the_csv_has_a_line_per_person_and_a_column_per_meeting(
    demo_file: Path, tmp_path: Path
) -> None:
    target = tmp_path / "hcp.csv"
    result = _run(demo_file, "attendance", "--committee", "HCP", "--csv", str(target))
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert rows[0] == [
        "Name",
        "Role",
        "Expected",
        "Present",
        "Present virtually",
        "Present as substitute",
        "In attendance",
        "Apologies",
        "Absent",
        "Deputy attended",
        "Possible / actual",
        "13/06/2023",
    ]
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["Councillor Peter Marland"][1:] == [
        "Chair (Leader of the Council)",
        "1",
        "1",
        "0",
        "0",
        "0",
        "0",
        "0",
        "0",
        "1 / 1",
        "\u2713",
    ]
    assert by_name["Dr T Nguyen"][1] == "Deputy for Representative of Primary Care Networks"
    assert by_name["Dr T Nguyen"][-1] == "S"
    assert by_name["Joe Harrison"][-1] == "A/D"
    assert by_name["M Carr"][1:3] == [
        "Deputy Director Public Health, Milton Keynes City Council",
        "0",
    ]
    again = _run(demo_file, "attendance", "--committee", "HCP", "--csv", str(target))
    assert again.exit_code == 2 and "--force" in again.output


def test_export_attendance_writes_the_word_table(demo_file: Path, tmp_path: Path) -> None:
    from docx import Document

    target = tmp_path / "icb.docx"
    args = ["export", "attendance", "--committee", "ICB", "--to", "31/03/2023", "-o", str(target)]
    result = _run(demo_file, *args)
    assert result.exit_code == 0, result.output
    document = Document(str(target))
    assert document.paragraphs[0].text == "Cumulative record of attendance (possible / actual)"
    assert document.tables[0].rows[0].cells[2].text == "01/07/22"
    assert _run(demo_file, *args).exit_code == 2  # not over the file without --force
