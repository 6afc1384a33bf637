"""``minutebook export``: tracker, agenda and minutes for the demo committees, default
file names, never overwriting without --force, and one-line errors with exit 2."""

from __future__ import annotations

import sys
import types
from datetime import date
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from minutebook.domain.actions import Action
from minutebook.store import Store
from minutebook.tui.cli import main


@pytest.fixture
def demo_db(demo_file: Path) -> Path:
    """Exports only read: the run's one demo database serves them all."""
    return demo_file


def _run(runner: CliRunner, db: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(main, ["--db", str(db), "export", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("code", "kind", "heading"),
    [
        ("HCP", "decision tracker", "DECISION TRACKER"),
        ("ICB", "action tracker", "Meeting of the Board"),
    ],
)
def test_export_tracker_default_name(
    runner: CliRunner, demo_db: Path, tmp_path: Path, code: str, kind: str, heading: str
) -> None:
    """Presented by default to the committee's next meeting: every demo meeting is past,
    so its latest; the file is named by that meeting's date."""
    store = Store.open(demo_db)
    try:
        latest = max(m.date for m in store.meetings(code))
    finally:
        store.close()
    assert latest < date.today()
    status, out, err = _run(runner, demo_db, "tracker", "--committee", code)
    expected = tmp_path / f"{code} {kind} {latest.isoformat()}.docx"
    assert (status, err) == (0, "")
    assert out.strip() == f"Wrote {expected.name}"
    document = docx.Document(str(expected))
    assert document.paragraphs[0].text.startswith(heading)


def test_export_tracker_leaves_confidential_actions_out_unless_asked(
    runner: CliRunner, demo_path: Path, tmp_path: Path
) -> None:
    """The tracker is public by default: the actions agreed under a confidential item
    (here the MK Deal, item 6 of 13 June 2023, made confidential) are left out;
    --confidential gives them all, in a file named as such, CONFIDENTIAL on each page."""
    store = Store.open(demo_path)
    try:
        meeting_id = store.meeting_on("HCP", date(2023, 6, 13)).id or 0
        item = next(i for i in store.agenda(meeting_id) if i.number == 6)
        store.update_agenda_item(item.model_copy(update={"confidential": True}))
        store.add_action(
            Action(
                committee="HCP",
                meeting_date=date(2023, 6, 13),
                meeting_id=meeting_id,
                item=3,
                minute="HCP3",
                description="Circulate the tracker",
                owner="clayton",
            )
        )
    finally:
        store.close()

    def actions(path: Path) -> tuple[list[str], str]:
        """The Subject and Decision column (the council tracker's key is not a table)."""
        document = docx.Document(str(path))
        rows = [row.cells[2].text for t in document.tables for row in t.rows[1:]]
        header = " ".join(p.text for s in document.sections for p in s.header.paragraphs)
        return rows, header

    for_meeting = ("--for-meeting", "2023-09-20")
    status, out, err = _run(runner, demo_path, "tracker", "--committee", "HCP", *for_meeting)
    public = tmp_path / "HCP decision tracker 2023-09-20.docx"
    assert (status, err, out.strip()) == (0, "", f"Wrote {public.name}")
    assert actions(public) == (["1. Circulate the tracker"], "")

    status, out, err = _run(
        runner, demo_path, "tracker", "--committee", "HCP", *for_meeting, "--confidential"
    )
    private = tmp_path / "HCP confidential decision tracker 2023-09-20.docx"
    assert (status, err, out.strip()) == (0, "", f"Wrote {private.name}")
    rows, header = actions(private)
    assert rows[0] == "THE MK DEAL" and "1. Circulate the tracker" in rows
    assert sum(row[3:].startswith("Agreed, ") for row in rows) == 2  # actions 1 and 2 (HCP05)
    assert header == "CONFIDENTIAL"


@pytest.mark.parametrize(
    ("code", "day", "first_item"),
    [("HCP", "2023-09-20", "1. Welcome"), ("ICB", "2022-07-29", "Welcome")],
)
def test_export_agenda(
    runner: CliRunner, demo_db: Path, tmp_path: Path, code: str, day: str, first_item: str
) -> None:
    status, out, err = _run(runner, demo_db, "agenda", "--committee", code, "--date", day)
    assert (status, err) == (0, "")
    path = tmp_path / f"{code} agenda {day}.docx"
    assert out.strip() == f"Wrote {path.name}"
    document = docx.Document(str(path))
    text = [p.text for p in document.paragraphs]
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert any(t.startswith(first_item) for t in [*text, *cells])


def test_never_overwrites_without_force(runner: CliRunner, demo_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "tracker.docx"
    target.write_bytes(b"the secretary's own edits")
    status, out, err = _run(runner, demo_db, "tracker", "--committee", "HCP", "-o", str(target))
    assert status == 2 and out == ""
    assert err == f"minutebook: {target} exists; use --force to overwrite it\n"
    assert target.read_bytes() == b"the secretary's own edits"
    status, out, err = _run(
        runner, demo_db, "tracker", "--committee", "HCP", "-o", str(target), "--force"
    )
    assert (status, err) == (0, "")
    assert docx.Document(str(target)).tables  # a real document now
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["agenda", "--committee", "ICB", "--date", "2022-07-29", "-o", "no/such/a.docx"],
            "the folder no/such does not exist",
        ),
        (["tracker", "--committee", "XX"], "there is no committee with code 'XX'"),
        (["agenda", "--committee", "ICB", "--date", "2001-01-01"], "ICB has no meeting on"),
        (
            ["tracker", "--committee", "HCP", "--for-meeting", "2023-07-01"],
            "the HCP has no meeting on 01/07/2023; the nearest are 13/06/2023 and 20/09/2023",
        ),
        (
            ["tracker", "--committee", "HCP", "--for-meeting", "2024-01-10"],
            "the HCP has no meeting on 10/01/2024; the nearest is 20/09/2023",
        ),
        (["tracker", "--committee", "PB"], "the PB has no meetings yet: a tracker is presented"),
        (
            ["tracker", "--committee", "HCP", "--template", "missing.docx"],
            "the template missing.docx does not exist",
        ),
    ],
)
def test_one_line_errors(
    runner: CliRunner, demo_db: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    status, out, err = _run(runner, demo_db, *args)
    assert status == 2 and out == ""
    assert err.startswith(f"minutebook: {message}")
    assert err.count("\n") == 1
    assert list(tmp_path.glob("*.docx")) == []


def test_template_not_a_docx(runner: CliRunner, demo_db: Path, tmp_path: Path) -> None:
    (tmp_path / "t.docx").write_text("not a zip")
    status, _, err = _run(runner, demo_db, "tracker", "--committee", "HCP", "--template", "t.docx")
    assert status == 2 and err == "minutebook: the template t.docx is not a .docx file\n"


def test_template_warnings_go_to_stderr(runner: CliRunner, demo_db: Path, tmp_path: Path) -> None:
    bare = docx.Document()
    bare.styles["Table Grid"].delete()
    bare.save(str(tmp_path / "bare.docx"))
    status, out, err = _run(
        runner, demo_db, "tracker", "--committee", "HCP", "--template", "bare.docx", "-o", "t.docx"
    )
    assert status == 0 and out.strip() == "Wrote t.docx"
    assert err == (
        # python-docx's own template: its blue headings 2 and 3 read at 4.0:1.
        "minutebook: warning: the template's Heading 2 and Heading 3 read at 4.0:1 on white, "
        "under 4.5:1; made darker in the same colour\n"
        "minutebook: warning: the template has no table style 'Table Grid'; drew plain borders\n"
    )
    borders = docx.Document(str(tmp_path / "t.docx")).tables[0]._tbl.tblPr.xpath("w:tblBorders")
    assert len(borders) == 1


def test_minutes_style_not_available(
    runner: CliRunner, demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Hide the style's module, whether or not it has been written yet.
    monkeypatch.setitem(sys.modules, "minutebook.exporters.nhs", None)
    status, out, err = _run(
        runner, demo_db, "minutes", "--committee", "HCP", "--date", "2023-06-13", "--style", "nhs"
    )
    assert (status, out) == (2, "")
    assert err == "minutebook: minutes export in this style is not available yet\n"


def test_minutes_calls_the_house_style(
    runner: CliRunner, demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from minutebook.exporters.common import new_document

    calls: list[tuple[str, object, bool]] = []

    def render(snapshot: object, template: object = None, public: bool = True) -> object:
        calls.append((type(snapshot).__name__, template, public))
        build = new_document()
        build.paragraph("Minutes")
        build.warnings.append("a test warning")
        return build

    fake = types.ModuleType("minutebook.exporters.council")
    fake.render_council_minutes = render  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "minutebook.exporters.council", fake)
    args = ["minutes", "--committee", "HCP", "--date", "2023-06-13"]
    status, out, err = _run(runner, demo_db, *args)
    assert status == 0 and err == "minutebook: warning: a test warning\n"
    assert out.strip() == "Wrote HCP minutes 2023-06-13 (draft).docx"
    status, out, _ = _run(runner, demo_db, *args, "--confidential")
    assert out.strip() == "Wrote HCP confidential minutes 2023-06-13 (draft).docx"
    assert calls == [("MinutesSnapshot", None, True), ("MinutesSnapshot", None, False)]


def test_exports_while_the_app_has_the_database_open(
    runner: CliRunner, demo_store: Store, demo_path: Path, tmp_path: Path
) -> None:
    """The secretary keeps the meeting open in the app (`demo_store` holds the lock, as
    the app does) and exports from another window."""
    args = ["minutes", "--committee", "HCP", "--date", "2023-06-13", "-o", "m.docx"]
    status, out, err = _run(runner, demo_path, *args)
    assert (status, err, out.strip()) == (0, "", "Wrote m.docx"), err
    assert demo_store.committee("HCP").code == "HCP"  # the app's store carries on
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "m.docx")).paragraphs)
    assert "HCP1 Welcome, Introductions and Apologies" in text
