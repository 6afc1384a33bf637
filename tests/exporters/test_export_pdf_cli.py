"""``minutebook export … --pdf``: the .docx and, beside it, its tagged PDF (made by the
LibreOffice installed here, as in CI); without LibreOffice one line naming it and the
.docx kept, exit 2; the PDF's name checked with the .docx's before anything is
written."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from minutebook.domain import Attendance
from minutebook.domain.meeting import MinutesStatus
from minutebook.exporters import pdf
from minutebook.store import Store
from minutebook.tui.cli import main

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFINFO = shutil.which("pdfinfo")
JULY = date(2022, 7, 29)


def export(runner: CliRunner, db: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(main, ["--db", str(db), "export", *args])
    return result.exit_code, result.stdout, result.stderr


def without_libreoffice(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A PATH with no LibreOffice on it, and none where its installer would put it."""
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.setattr(pdf, "installed_places", lambda: [])


@pytest.mark.skipif(SOFFICE is None or PDFINFO is None, reason="needs LibreOffice and pdfinfo")
def test_export_agenda_pdf_writes_the_docx_and_a_tagged_pdf_beside_it(
    runner: CliRunner, demo_file: Path, tmp_path: Path
) -> None:
    status, out, err = export(
        runner, demo_file, "agenda", "--committee", "ICB", "--date", "2022-07-29", "--pdf"
    )
    assert (status, err) == (0, "")
    assert out.splitlines() == [
        "Wrote ICB agenda 2022-07-29.docx",
        "Wrote ICB agenda 2022-07-29.pdf",
    ]
    assert PDFINFO is not None
    info = subprocess.run(
        [PDFINFO, str(tmp_path / "ICB agenda 2022-07-29.pdf")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Tagged:          yes" in info.splitlines()
    # Again: both names are taken; --force replaces both.
    status, _, err = export(
        runner, demo_file, "agenda", "--committee", "ICB", "--date", "2022-07-29", "--pdf"
    )
    assert status == 2 and "ICB agenda 2022-07-29.docx exists; use --force" in err
    status, out, err = export(
        runner,
        demo_file,
        "agenda",
        "--committee",
        "ICB",
        "--date",
        "2022-07-29",
        "--pdf",
        "--force",
    )
    assert (status, err) == (0, "")
    assert not list(tmp_path.glob(".*.partial"))


def test_without_libreoffice_one_line_says_so_and_the_docx_is_kept(
    runner: CliRunner, demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    without_libreoffice(monkeypatch, tmp_path)
    status, out, err = export(
        runner, demo_file, "tracker", "--committee", "HCP", "--pdf", "-o", "tracker.docx"
    )
    assert status == 2
    assert out == "Wrote tracker.docx\n"
    assert err == (
        "minutebook: PDF needs LibreOffice (soffice), which is not installed: the .docx "
        "was written to tracker.docx\n"
    )
    assert (tmp_path / "tracker.docx").is_file()
    assert not (tmp_path / "tracker.pdf").exists()


def test_minutes_are_not_marked_circulated_when_their_pdf_is_not_made(
    runner: CliRunner, demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The command stops at the first thing it could not do: run again with --force
    once LibreOffice is installed, and the minutes are circulated then."""
    with Store.open(demo_path) as store:
        july = store.meeting_on("ICB", JULY)  # the ICB's draft in the demo
        store.add_attendance(july.id or 0, Attendance(person="makarem"))
    without_libreoffice(monkeypatch, tmp_path)
    status, out, err = export(
        runner,
        demo_path,
        "minutes",
        "--committee",
        "ICB",
        "--date",
        JULY.isoformat(),
        "--circulate",
        "--pdf",
        "-o",
        "july.docx",
    )
    assert (status, out) == (2, "Wrote july.docx\n")
    assert "PDF needs LibreOffice (soffice)" in err
    assert (tmp_path / "july.docx").is_file()
    with Store.open(demo_path) as store:
        assert store.meeting_on("ICB", JULY).status is MinutesStatus.DRAFT


def test_a_pdf_name_that_may_not_be_written_stops_the_export_before_the_docx(
    runner: CliRunner, demo_file: Path, tmp_path: Path
) -> None:
    (tmp_path / "agenda.pdf").mkdir()
    args = ("agenda", "--committee", "HCP", "--date", "2023-09-20", "--pdf")
    status, out, err = export(runner, demo_file, *args, "-o", "agenda.docx", "--force")
    assert (status, out) == (2, "")
    assert err == "minutebook: agenda.pdf is a folder, not a file; choose a file name\n"
    (tmp_path / "agenda.pdf").rmdir()
    (tmp_path / "agenda.pdf").write_bytes(b"published last week")
    status, out, err = export(runner, demo_file, *args, "-o", "agenda.docx")
    assert (status, out) == (2, "")
    assert err == "minutebook: agenda.pdf exists; use --force to overwrite it\n"
    # Asked to write the Word document under the PDF's own name.
    status, out, err = export(runner, demo_file, *args, "-o", "agenda.pdf", "--force")
    assert (status, out) == (2, "")
    assert err == ("minutebook: agenda.pdf would be both the .docx and the PDF; name it .docx\n")
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".docx", ".pdf")) == [
        "agenda.pdf"
    ]
    assert (tmp_path / "agenda.pdf").read_bytes() == b"published last week"
