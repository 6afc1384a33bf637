"""`minutebook compliance` and `minutebook export annual-report` (tui/cli_compliance.py,
docs/compliance.md, docs/exports.md): the figures on the demo committees, as lines and
as JSON, with a ToR that sets the number of meetings a year and the turnaround rule."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner, Result

from minutebook.store import Store
from minutebook.tui.cli import main


def _run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--db", str(db), *args])


def test_the_figures_for_the_nhs_boards_year(demo_file: Path) -> None:
    result = _run(
        demo_file, "compliance", "--committee", "ICB", "--from", "01/04/2022", "--to", "31/03/2023"
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == (
        "Board of the Bedfordshire, Luton and Milton Keynes Integrated Care Board (ICB): "
        "compliance from 01/04/2022 to 31/03/2023"
    )
    assert (
        "Quorum: quorate throughout at 1 of 1 meetings (100%); at every decision at 1 of 1" in lines
    )
    assert (
        "Decisions: 10 decisions made; none taken while inquorate; none by Chair's action" in lines
    )
    assert "  held 01/07/2022: quorate throughout" in lines
    assert "  not counted 29/07/2022: no attendance recorded" in lines


def test_the_terms_set_the_frequency_and_the_turnaround(demo_path: Path) -> None:
    with Store.open(demo_path) as store:
        first = store.terms_of_reference("ICB")[0]
        store.add_terms_of_reference(
            "ICB",
            first.model_copy(
                update={
                    "version": 2,
                    "adopted": date(2022, 7, 2),
                    "meetings_per_year": 6,
                    "minutes_circulated_within": 5,
                }
            ),
        )
    result = _run(
        demo_path,
        "compliance",
        "--committee",
        "ICB",
        "--from",
        "2022-04-01",
        "--to",
        "2023-03-31",
        "--json",
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert (data["meetings_per_year"], data["meetings_due"]) == (6, 6)
    assert data["turnaround"] == {
        "circulated_within_working_days": 5,
        "approved_at_next_meeting": True,
    }
    assert data["held"][0]["quorate_throughout"] is True
    assert data["not_held"] == [{"date": "2022-07-29", "why": "no attendance recorded"}]
    assert data["decisions_made"] == 10 and data["taken_while_inquorate"] == []
    assert [a["number"] for a in data["overdue"]] == []
    lines = _run(
        demo_path, "compliance", "--committee", "ICB", "--from", "2022-04-01", "--to", "2023-03-31"
    ).output.splitlines()
    assert (
        "Meetings: 1 meeting held; the terms of reference ask for at least 6 a year: 5 short"
        in lines
    )


def test_the_period_defaults_to_the_committees_year_and_is_checked(demo_file: Path) -> None:
    result = _run(demo_file, "compliance", "--committee", "HCP", "--to", "2024-04-30")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].endswith("compliance from 01/05/2023 to 30/04/2024")
    assert "  overdue: action 1 due 20/09/2023" in result.output
    refused = _run(
        demo_file, "compliance", "--committee", "HCP", "--from", "2024-01-01", "--to", "2023-01-01"
    )
    assert refused.exit_code == 2 and "--to: the period would end on" in refused.output
    unknown = _run(demo_file, "compliance", "--committee", "XX")
    assert unknown.exit_code == 2 and "no committee with code 'XX'" in unknown.output


def test_the_annual_report_is_written(
    demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.docx"
    result = _run(
        demo_file,
        "export",
        "annual-report",
        "--committee",
        "ICB",
        "--year",
        "2022",
        "-o",
        str(target),
    )
    assert result.exit_code == 0, result.output
    document = docx.Document(str(target))
    assert document.paragraphs[0].text == (
        "Board of the Bedfordshire, Luton and Milton Keynes Integrated Care Board: "
        "Annual Report 2022/23"
    )
    assert document.core_properties.title == document.paragraphs[0].text
    # Without -o: named for the committee and its year, in the current folder.
    monkeypatch.chdir(tmp_path)
    named = _run(demo_file, "export", "annual-report", "--committee", "HCP", "--year", "2023")
    assert named.exit_code == 0, named.output
    assert (tmp_path / "HCP annual report 2023-24.docx").is_file()


def test_decisions_taken_while_inquorate_are_listed(demo_path: Path) -> None:
    # A ToR adopted before 13 June 2023 asking for 18 members (14 came): the meeting was
    # inquorate throughout, and each of its seven resolutions is listed.
    with Store.open(demo_path) as store:
        first = store.terms_of_reference("HCP")[0]
        strict = first.quorum.model_copy(update={"requirement": {"count": {"min": 18}}})
        store.add_terms_of_reference(
            "HCP",
            first.model_copy(update={"version": 2, "adopted": date(2023, 6, 1), "quorum": strict}),
        )
    result = _run(demo_path, "compliance", "--committee", "HCP", "--to", "2024-04-30")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert (
        "Quorum: quorate throughout at 0 of 1 meetings (0%); at every decision at 0 of 1" in lines
    )
    assert "Decisions: 4 decisions made; 4 taken while inquorate; none by Chair's action" in lines
    assert "  held 13/06/2023: inquorate at some point" in lines
    assert any(
        line.startswith("  taken while inquorate, minute HCP2 of 13/06/2023: RESOLVED: That the")
        for line in lines
    )
    data = json.loads(
        _run(demo_path, "compliance", "--committee", "HCP", "--to", "2024-04-30", "--json").output
    )
    assert [d["minute"] for d in data["taken_while_inquorate"]][:2] == ["HCP2", "HCP5"]
