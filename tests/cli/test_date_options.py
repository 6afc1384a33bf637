"""Every command's date options take the same forms, dd/mm/yyyy as secretaries type
them and ISO (`tui.cli_dates.DAY`): `search --from 01/07/2023` was refused as "does not
match the format '%Y-%m-%d'" while `attendance --from` took it."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from minutebook.tui.cli import main


def _out(runner: CliRunner, db: Path, *args: str) -> str:
    result = runner.invoke(main, ["--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_search_takes_a_date_as_typed(runner: CliRunner, demo_path: Path) -> None:
    typed = _out(runner, demo_path, "search", "primary care", "--from", "01/07/2023", "--json")
    iso = _out(runner, demo_path, "search", "primary care", "--from", "2023-07-01", "--json")
    every = _out(runner, demo_path, "search", "primary care", "--json")
    assert typed == iso != every
    short = _out(runner, demo_path, "search", "primary care", "--to", "30/6/23", "--json")
    assert short == _out(
        runner, demo_path, "search", "primary care", "--to", "2023-06-30", "--json"
    )


def test_register_list_on_a_day_as_typed(runner: CliRunner, demo_path: Path) -> None:
    typed = _out(runner, demo_path, "register", "list", "--committee", "HCP", "--on", "13/06/2023")
    iso = _out(runner, demo_path, "register", "list", "--committee", "HCP", "--on", "2023-06-13")
    assert typed == iso


def test_a_wrong_date_is_refused_with_the_forms(runner: CliRunner, demo_path: Path) -> None:
    for args, said in (
        (["search", "care", "--from", "31/02/2023"], "--from: '31/02/2023' is not a real date"),
        (["register", "list", "--committee", "HCP", "--on", "June"], "--on: 'June' is not a date"),
        (["compliance", "--committee", "HCP", "--to", "31/02/2023"], "--to: '31/02/2023'"),
    ):
        result = runner.invoke(main, ["--db", str(demo_path), *args])
        assert result.exit_code == 2, args
        # One line naming the option, as every refusal of the command line: not
        # click's usage text, and not strptime's format.
        assert result.output.startswith(f"minutebook: {said}"), result.output
        assert len(result.output.splitlines()) == 1
        assert "Usage:" not in result.output and "%Y-%m-%d" not in result.output
