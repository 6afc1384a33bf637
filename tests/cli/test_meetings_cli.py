"""`minutebook meetings list`: each meeting of a committee with where its minutes stand
(draft / circulated / approved / signed) and the date of each step, the same answer as
the committee's meetings list in the app (`MinutesLifecycle.overview`); and
`minutebook export minutes --circulate`, which marks the draft circulated today once it
is written, and refuses minutes already circulated or approved before writing anything.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from click.testing import CliRunner, Result

from minutebook.application.lifecycle import MinutesLifecycle
from minutebook.domain import Attendance
from minutebook.domain.meeting import MinutesStatus
from minutebook.store import Store
from minutebook.tui.cli import main

JUNE, SEPTEMBER = date(2023, 6, 13), date(2023, 9, 20)


def _run(runner: CliRunner, db: Path, *args: str) -> Result:
    return runner.invoke(main, ["--db", str(db), *args])


def circulated_and_signed(store: Store) -> None:
    """The demo's HCP as the secretary leaves it after the September meeting: June's
    minutes (circulated, the demo does not say when) approved there and signed by the
    Chair on 22 September; September's own minutes circulated on 2 October."""
    lifecycle = MinutesLifecycle(store)
    june = store.meeting_on("HCP", JUNE).id or 0
    september = store.meeting_on("HCP", SEPTEMBER).id or 0
    lifecycle.approve(
        september,
        june,
        item=2,
        amendment=None,
        chair="Peter Marland",
        signed_on=date(2023, 9, 22),
        today=SEPTEMBER,
    )
    store.add_attendance(september, Attendance(person="marland"))
    lifecycle.circulate(september, date(2023, 10, 2))


def _circulated_and_signed(db: Path) -> None:
    with Store.open(db) as store:
        circulated_and_signed(store)


def test_each_meeting_with_its_minutes_stage_and_dates(runner: CliRunner, demo_path: Path) -> None:
    _circulated_and_signed(demo_path)
    result = _run(runner, demo_path, "meetings", "list", "--committee", "HCP")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "Milton Keynes Health and Care Partnership (HCP): 2 meetings",
        "13/06/2023  14:00  minutes signed 22/09/2023 (circulated, approved 20/09/2023), "
        "signed by Peter Marland",
        "20/09/2023  14:00  minutes circulated 02/10/2023",
    ]


def test_the_json_gives_each_step_with_its_date_and_the_approving_meeting(
    runner: CliRunner, demo_path: Path
) -> None:
    _circulated_and_signed(demo_path)
    result = _run(runner, demo_path, "meetings", "list", "--committee", "HCP", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["committee"] == "HCP"
    june, september = data["meetings"]
    assert june == {
        "date": "2023-06-13",
        "time": "14:00",
        "title": "Meeting of the Milton Keynes Health and Care Partnership, 13 June 2023",
        "venue": june["venue"],
        "session": "public",
        "status": "signed",
        "stage": "signed 22/09/2023 (circulated, approved 20/09/2023)",
        "circulated_on": None,
        "approved_on": "2023-09-20",
        "approved_at": {"date": "2023-09-20", "time": "14:00", "item": 2},
        "amendment": None,
        "signed_on": "2023-09-22",
        "signed_by": "Peter Marland",
    }
    assert (september["status"], september["circulated_on"]) == ("circulated", "2023-10-02")
    assert september["approved_at"] is None and september["signed_on"] is None


def test_a_draft_and_an_unknown_committee(runner: CliRunner, demo_path: Path) -> None:
    result = _run(runner, demo_path, "meetings", "list", "--committee", "ICB", "--json")
    assert [m["status"] for m in json.loads(result.output)["meetings"]] == [
        "circulated",
        "draft",
    ]
    result = _run(runner, demo_path, "meetings", "list", "--committee", "NOPE")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "NOPE" in result.stderr


def _export(runner: CliRunner, db: Path, day: date, *extra: str) -> Result:
    return _run(
        runner,
        db,
        "export",
        "minutes",
        "--committee",
        "HCP",
        "--date",
        day.isoformat(),
        "--circulate",
        *extra,
    )


def test_export_circulate_marks_the_draft_circulated_today(
    runner: CliRunner, demo_path: Path, tmp_path: Path
) -> None:
    with Store.open(demo_path) as store:
        september = store.meeting_on("HCP", SEPTEMBER)
        store.add_attendance(september.id or 0, Attendance(person="marland"))
        assert september.circulated_on is None

    result = _export(runner, demo_path, SEPTEMBER, "-o", str(tmp_path / "draft.docx"))

    assert result.exit_code == 0, result.output
    assert (tmp_path / "draft.docx").is_file()
    with Store.open(demo_path) as store:
        marked = store.meeting_on("HCP", SEPTEMBER)
    assert marked.status is MinutesStatus.CIRCULATED
    assert marked.circulated_on == date.today()
    assert "circulated on" in result.stdout


def test_export_circulate_refuses_approved_minutes_and_writes_nothing(
    runner: CliRunner, demo_path: Path, tmp_path: Path
) -> None:
    _circulated_and_signed(demo_path)
    target = tmp_path / "signed.docx"

    result = _export(runner, demo_path, JUNE, "-o", str(target))

    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "minutebook: The minutes of the meeting of 13 June 2023 are already signed on "
        "22 September 2023: nothing was exported"
    )
    assert not target.exists()
    with Store.open(demo_path) as store:
        assert store.meeting_on("HCP", JUNE).status is MinutesStatus.SIGNED


def test_export_circulate_refuses_minutes_with_nothing_recorded(
    runner: CliRunner, demo_path: Path, tmp_path: Path
) -> None:
    result = _export(runner, demo_path, SEPTEMBER, "-o", str(tmp_path / "empty.docx"))
    assert result.exit_code == 2
    assert "has no minutes recorded yet" in result.stderr
    assert not (tmp_path / "empty.docx").exists()
    with Store.open(demo_path) as store:
        assert store.meeting_on("HCP", SEPTEMBER).status is MinutesStatus.DRAFT
