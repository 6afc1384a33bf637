"""The ``quorum`` and ``tor`` commands: checking a meeting file against a ToR file,
forecasting a stored meeting, and exporting/importing terms of reference.

Commands that evaluate exit 0 whatever the verdict; a file or database problem exits 2
with the message on stderr and nothing on stdout. The Textual app is never started (a
stand-in module fails the test if it were).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from minutebook.domain.meeting import Attendance, AttendanceStatus
from minutebook.store import Store
from minutebook.store.paths import ENV_VAR
from minutebook.tui.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TOR = EXAMPLES / "people-board-tor.yaml"
MEETING = EXAMPLES / "people-board-meeting.yaml"
EXAMPLE_NAMES = {
    "Ruth Adebayo",
    "Tom Hughes",
    "Priya Shah",
    "Sam Reed",
    "Gareth Lloyd",
    "Jo Park",
    "Ali Khan",
    "Mo Ahmed",
    "Lee Grant",
}
ITEM_4_FAILURE = "ics_org organisations represented: 3 of 7, need 4"


@pytest.fixture
def demo(demo_path: Path) -> Path:
    return demo_path


def check(runner: CliRunner, *args: str | Path) -> Result:
    return runner.invoke(main, ["quorum", "check", *(str(a) for a in args)])


def assert_problem(result: Result, *fragments: str) -> None:
    """Exit 2, nothing on stdout, the message on stderr, no traceback."""
    assert result.exit_code == 2, (result.stdout, result.stderr, result.exception)
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in result.stderr


# -- quorum check ------------------------------------------------------------------------------


def test_check_table_shows_the_inquorate_item_and_why(runner: CliRunner) -> None:
    result = check(runner, TOR, MEETING)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "People Board (example): terms of reference version 1"
    opening = next(line for line in lines if line.startswith("Opening"))
    assert "quorate" in opening and "INQUORATE" not in opening
    # The opening is not item 1: it has no title of its own.
    # Regression test: this once failed; the opening showed item 1's title.
    assert opening.split() == ["Opening", "quorate", "4", "counted"]
    item1 = next(line for line in lines if line.startswith("Item 1"))
    assert item1.split()[2:] == ["quorate", "4", "counted", "Welcome", "and", "apologies"]
    item4 = next(line for line in lines if line.startswith("Item 4"))
    assert "INQUORATE" in item4 and "Staff bank contract" in item4
    assert sum("INQUORATE" in line for line in lines) == 1
    assert f"- {ITEM_4_FAILURE}" in result.stdout
    assert "not counted: Gareth Lloyd (conflicted on item 4: left the meeting)" in result.stdout
    assert "not counted: Lee Grant (officer in attendance: not a member)" in result.stdout
    assert result.stderr == ""


def test_check_json_has_the_documented_shape(runner: CliRunner) -> None:
    result = check(runner, TOR, MEETING, "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"opening", "items"}
    assert list(data["items"]) == ["1", "2", "3", "4", "5"]
    for verdict in [data["opening"], *data["items"].values()]:
        assert set(verdict) == {"verdict", "counted", "failed", "excluded"}
        assert verdict["verdict"] in ("quorate", "inquorate")
        assert set(verdict["counted"]) <= EXAMPLE_NAMES
        for failed in verdict["failed"]:
            assert set(failed) == {"clause", "have", "need", "text"}
        for excluded in verdict["excluded"]:
            assert set(excluded) == {"person", "reason"}
            assert excluded["person"] in EXAMPLE_NAMES
    assert data["opening"]["verdict"] == "quorate"
    assert data["opening"]["counted"] == ["Ali Khan", "Gareth Lloyd", "Jo Park", "Ruth Adebayo"]
    item4 = data["items"]["4"]
    assert item4["verdict"] == "inquorate"
    (failed,) = item4["failed"]
    assert (failed["have"], failed["need"], failed["text"]) == (3, 4, ITEM_4_FAILURE)
    assert failed["clause"].startswith("all[1]")
    assert {"person": "Gareth Lloyd", "reason": "conflicted on item 4: left the meeting"} in (
        item4["excluded"]
    )
    # Sam Reed, "from item 3 to item 3", is in the room for item 3 only; Tom Hughes
    # arrives for item 5.
    assert [n for n, v in data["items"].items() if "Sam Reed" in v["counted"]] == ["3"]
    assert [n for n, v in data["items"].items() if "Tom Hughes" in v["counted"]] == ["5"]
    assert "Sam Reed" not in data["opening"]["counted"]


def meeting_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "meeting.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_check_an_interest_on_the_first_item_leaves_the_opening_quorate(
    runner: CliRunner, tmp_path: Path
) -> None:
    """DOMAIN 2.3: the opening is checked without item conflicts. Gareth Lloyd leaves for
    item 1 (a declared interest): the meeting opens quorate, is inquorate for item 1
    and quorate again for item 2."""
    # Regression test: this once failed; see the docstring for the rule.
    path = meeting_file(
        tmp_path,
        """
        date: 2022-09-01
        agenda: [{item: 1, title: Staff bank contract}, {item: 2, title: Any other business}]
        attendance:
          - {person: Ruth Adebayo, seats: [S1]}
          - {person: Gareth Lloyd, seats: [S4]}
          - {person: Jo Park, seats: [S5]}
          - {person: Ali Khan, seats: [S6]}
        declarations:
          - {person: Gareth Lloyd, item: 1, nature: Director of a bidding company, ruling: leave}
        """,
    )
    result = check(runner, TOR, path, "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["opening"]["verdict"] == "quorate"
    assert "Gareth Lloyd" in data["opening"]["counted"]
    assert data["opening"]["excluded"] == []
    assert data["items"]["1"]["verdict"] == "inquorate"
    assert data["items"]["1"]["excluded"] == [
        {"person": "Gareth Lloyd", "reason": "conflicted on item 1: left the meeting"}
    ]
    assert data["items"]["2"]["verdict"] == "quorate"


def test_check_a_member_who_left_and_came_back(runner: CliRunner, tmp_path: Path) -> None:
    """Two rows for Gareth Lloyd (to item 2, from item 4): out of the count for item 3
    only, and one person in it otherwise."""
    path = meeting_file(
        tmp_path,
        """
        date: 2022-09-01
        agenda: [{item: 1}, {item: 2}, {item: 3}, {item: 4}]
        attendance:
          - {person: Ruth Adebayo, seats: [S1]}
          - {person: Gareth Lloyd, seats: [S4], to_item: 2}
          - {person: Gareth Lloyd, seats: [S4], from_item: 4}
          - {person: Jo Park, seats: [S5]}
          - {person: Ali Khan, seats: [S6]}
        """,
    )
    result = check(runner, TOR, path, "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    counted = {n: v["counted"] for n, v in data["items"].items()}
    assert [n for n, people in counted.items() if "Gareth Lloyd" in people] == ["1", "2", "4"]
    assert all(people.count("Gareth Lloyd") <= 1 for people in counted.values())
    assert data["items"]["3"]["verdict"] == "inquorate"
    assert data["items"]["4"]["verdict"] == "quorate"


def test_check_rows_of_one_person_that_overlap(runner: CliRunner, tmp_path: Path) -> None:
    path = meeting_file(
        tmp_path,
        """
        agenda: [{item: 1}, {item: 2}, {item: 3}]
        attendance:
          - {person: Ruth Adebayo, seats: [S1]}
          - {person: Gareth Lloyd, seats: [S4], to_item: 3}
          - {person: Gareth Lloyd, seats: [S4], from_item: 2}
        """,
    )
    assert_problem(
        check(runner, TOR, path),
        f"{path}: 1 problem(s)",
        "Gareth Lloyd is already in the meeting at item 2: they cannot arrive again "
        "without having left",
    )


def test_check_as_a_real_process(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in (ENV_VAR, "XDG_DATA_HOME")}
    env["HOME"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "minutebook", "quorum", "check", str(TOR), str(MEETING), "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["items"]["4"]["verdict"] == "inquorate"
    assert result.stderr == ""


def test_check_bad_tor_file(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad-tor.yaml"
    bad.write_text(TOR.read_text(encoding="utf-8").replace("org: ICB", "org: NOPE"), "utf-8")
    result = check(runner, bad, MEETING, "--json")
    assert_problem(
        result, f"{bad}: 1 problem(s)", "seats[0].org: 'NOPE' is not one of the organisations"
    )


def test_check_bad_meeting_file(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad-meeting.yaml"
    bad.write_text(MEETING.read_text(encoding="utf-8").replace("seats: [S5]", "seats: [S55]"))
    result = check(runner, TOR, bad)
    assert_problem(result, f"{bad}: 1 problem(s)", "attendance[2]", "'S55'")


def test_check_invalid_yaml(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "broken.yaml"
    bad.write_text("agenda: [{item: 1}\n", encoding="utf-8")
    assert_problem(check(runner, TOR, bad), str(bad), "line 2, column", "not valid YAML")


def test_check_a_file_that_is_not_text(runner: CliRunner, tmp_path: Path) -> None:
    binary = tmp_path / "minutes.docx"
    binary.write_bytes(b"PK\x03\x04\x14\x00\x06\x00\xff\xfe\x9c\x80")
    result = check(runner, binary, MEETING)
    assert_problem(result, f"{binary} is not a text file (YAML or JSON expected)")


def test_check_a_missing_file(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.yaml"
    result = check(runner, TOR, missing)
    assert_problem(result, "nowhere.yaml", "does not exist")


def test_check_a_meeting_before_the_terms_were_adopted(runner: CliRunner, tmp_path: Path) -> None:
    early = tmp_path / "early.yaml"
    early.write_text(MEETING.read_text(encoding="utf-8").replace("2022-09-01", "2022-06-01"))
    result = check(runner, TOR, early)
    assert_problem(result, "no version was in force on 2022-06-01 (first adopted 2022-07-01)")
    # Regression test: this once failed; see the docstring for the rule.
    assert result.stderr.startswith(f"{TOR}: ")


# -- quorum forecast ---------------------------------------------------------------------------


def forecast(runner: CliRunner, db: Path, code: str, day: str) -> Result:
    return runner.invoke(
        main, ["--db", str(db), "quorum", "forecast", "--committee", code, "--date", day]
    )


def test_forecast_with_no_apologies_is_quorate(runner: CliRunner, demo: Path) -> None:
    result = forecast(runner, demo, "HCP", "2023-09-20")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Milton Keynes Health and Care Partnership, 20 September 2023"
    assert "Apologies received from 0: none" in lines
    assert any(line.startswith("If everyone else comes: quorate") for line in lines)
    assert "To be quorate" not in result.stdout


def test_forecast_names_the_people_to_chase(runner: CliRunner, demo: Path) -> None:
    with Store.open(demo) as store:
        meeting = store.meeting_on("HCP", date(2023, 9, 20))
        seats = [s for s in store.seats("HCP") if s.holder]
        # One quarter of 19 voting seats, rounded up, is 5: with 15 apologies only 4 remain.
        sending = seats[:15]
        for seat in sending:
            store.add_attendance(
                meeting.id or 0,
                Attendance(
                    person=seat.holder or "",
                    status=AttendanceStatus.APOLOGIES,
                    seats=(seat.id,),
                ),
            )
        names = {p.id: p.display_name for p in store.people()}
    apologising = {names[s.holder or ""] for s in sending}
    result = forecast(runner, demo, "HCP", "2023-09-20")
    assert result.exit_code == 0, result.stderr
    assert "Apologies received from 15: " in result.stdout
    assert "If everyone else comes: INQUORATE (4 counted)" in result.stdout
    chase = next(line for line in result.stdout.splitlines() if line.startswith("To be quorate"))
    asked = chase.removeprefix("To be quorate, ask to attend: ").split(", ")
    assert len(asked) == 1
    assert asked[0] in apologising


def test_forecast_unknown_date(runner: CliRunner, demo: Path) -> None:
    result = forecast(runner, demo, "HCP", "2023-09-21")
    assert_problem(result, "HCP has no meeting on 21 September 2023")


def test_forecast_unknown_committee(runner: CliRunner, demo: Path) -> None:
    result = forecast(runner, demo, "ZZ", "2023-09-20")
    assert_problem(result, "ZZ")
    # Regression test: this once failed; see the docstring for the rule.
    assert "there is no committee with code 'ZZ'" in result.stderr


def test_forecast_takes_the_date_as_typed_and_refuses_a_bad_one(
    runner: CliRunner, demo: Path
) -> None:
    typed = forecast(runner, demo, "HCP", "20/09/2023")
    assert typed.exit_code == 0
    assert typed.stdout == forecast(runner, demo, "HCP", "2023-09-20").stdout
    result = forecast(runner, demo, "HCP", "20 Sept")
    assert result.exit_code == 2
    assert result.stdout == ""


# -- tor export / import -----------------------------------------------------------------------


def export(runner: CliRunner, db: Path, *extra: str) -> Result:
    return runner.invoke(main, ["--db", str(db), "tor", "export", "--committee", "PB", *extra])


def tor_import(runner: CliRunner, db: Path, path: Path) -> Result:
    return runner.invoke(main, ["--db", str(db), "tor", "import", str(path)])


def store_state(db: Path, code: str) -> dict[str, object]:
    with Store.open(db) as store:
        return {
            "committee": store.committee(code),
            "organisations": store.organisations(code),
            "seats": store.seats(code),
            "tor": store.terms_of_reference(code),
            "people": store.people(),
        }


def test_export_then_import_into_a_fresh_database(
    runner: CliRunner, demo: Path, tmp_path: Path
) -> None:
    exported = export(runner, demo)
    assert exported.exit_code == 0, exported.stderr
    data = yaml.safe_load(exported.stdout)
    assert data["committee"]["code"] == "PB"
    pb = tmp_path / "pb.yaml"
    pb.write_text(exported.stdout, encoding="utf-8")

    fresh = tmp_path / "fresh.db"
    result = tor_import(runner, fresh, pb)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == (
        "Imported PB: 23 seats, 17 organisations, 1 new terms of reference version(s)."
    )
    with Store.open(fresh) as store, Store.open(demo) as original:
        assert [c.code for c in store.committees()] == ["PB"]
        assert store.committee("PB").name == original.committee("PB").name
        assert store.organisations("PB") == original.organisations("PB")
        assert [s.id for s in store.seats("PB")] == [s.id for s in original.seats("PB")]
        assert store.terms_of_reference("PB") == original.terms_of_reference("PB")
        holders = {s.holder for s in original.seats("PB") if s.holder}
        assert sorted(p.name for p in store.people()) == sorted(
            original.person(h).name for h in holders
        )
    # The fresh database exports the same file.
    assert export(runner, fresh).stdout == exported.stdout

    again = tor_import(runner, fresh, pb)
    assert again.exit_code == 0, again.stderr
    assert "0 new terms of reference version(s)" in again.stdout


def test_import_of_a_different_version_1_is_refused_and_nothing_changes(
    runner: CliRunner, demo: Path, tmp_path: Path
) -> None:
    data = yaml.safe_load(export(runner, demo).stdout)
    data["quorum"]["requirement"] = {"count": {"min": 3}}
    data["seats"][0]["title"] = "Renamed chair"
    data["organisations"].append({"id": "NEW", "name": "A new organisation"})
    data["seats"].append({"id": "S99", "title": "New seat", "holder": "Nina New", "org": "NEW"})
    changed = tmp_path / "changed.yaml"
    changed.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    before = store_state(demo, "PB")
    result = tor_import(runner, demo, changed)
    assert_problem(
        result,
        "PB already has terms of reference version 1 with a different rule",
        "give the new one version 2",
    )
    assert store_state(demo, "PB") == before


def test_import_of_a_bad_file(runner: CliRunner, demo: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("committee: {code: PB, name: X}\nseats: []\n", encoding="utf-8")
    before = store_state(demo, "PB")
    assert_problem(tor_import(runner, demo, bad), str(bad), "needs a quorum: section")
    assert store_state(demo, "PB") == before


def test_export_unknown_committee(runner: CliRunner, demo: Path) -> None:
    result = runner.invoke(main, ["--db", str(demo), "tor", "export", "--committee", "ZZ"])
    assert_problem(result, "there is no committee with code 'ZZ'")


def test_export_refuses_to_overwrite_without_force(
    runner: CliRunner, demo: Path, tmp_path: Path
) -> None:
    target = tmp_path / "pb.yaml"
    target.write_text("keep me\n", encoding="utf-8")
    result = export(runner, demo, "-o", str(target))
    assert_problem(result, f"{target} exists; use --force to overwrite it")
    assert target.read_text(encoding="utf-8") == "keep me\n"


def test_export_to_a_new_file(runner: CliRunner, demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "pb.yaml"
    result = export(runner, demo, "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == f"Wrote {target}"
    assert target.read_text(encoding="utf-8") == export(runner, demo).stdout


def test_export_with_force_replaces_the_file_atomically(
    runner: CliRunner, demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "pb.yaml"
    target.write_text("old contents\n", encoding="utf-8")
    expected = export(runner, demo).stdout
    real_replace = os.replace
    seen: list[tuple[str, str, str]] = []

    def spy(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if Path(dst) == target:
            # At the moment of the rename the old file is still whole and the new text
            # is complete beside it, in the same folder.
            seen.append(
                (
                    target.read_text(encoding="utf-8"),
                    Path(src).read_text(encoding="utf-8"),
                    str(Path(src).parent),
                )
            )
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    result = export(runner, demo, "-o", str(target), "--force")
    assert result.exit_code == 0, result.stderr
    assert seen == [("old contents\n", expected, str(tmp_path))]
    assert target.read_text(encoding="utf-8") == expected
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_export_into_a_missing_folder_is_a_plain_error(
    runner: CliRunner, demo: Path, tmp_path: Path
) -> None:
    target = tmp_path / "no" / "such" / "pb.yaml"
    result = export(runner, demo, "-o", str(target))
    # Regression test: this once failed; see the docstring for the rule.
    assert not isinstance(result.exception, OSError), result.exception
    assert_problem(result, f"the folder {target.parent} does not exist")
    assert not target.exists()
