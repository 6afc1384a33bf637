"""PDF for publication (exporters/pdf.py): every kind of export made into a tagged PDF
by the LibreOffice installed here (``.ci/run`` installs it and poppler-utils, so CI runs
this rather than skipping it), one line when LibreOffice is missing, fails or hangs,
and the PDF put in place by the same rules as the .docx.

The conversions of every kind are made in one start of LibreOffice, as the module
does for several documents, to keep the tests quick. The failing and hanging programs
are small scripts standing in for LibreOffice (POSIX scripts: skipped on Windows)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from minutebook.exporters import pdf
from minutebook.exporters.common import Build, save_document
from minutebook.exporters.output import ExportError, TargetExists
from minutebook.exporters.pdf import (
    LibreOfficeMissing,
    PdfError,
    convert_to_pdf,
    find_libreoffice,
    pdf_beside,
)
from tests.exporters.conftest import EXPORT_KINDS

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFINFO = shutil.which("pdfinfo")  # poppler-utils
PS = shutil.which("ps")  # found before a test takes the PATH away
posix_script = pytest.mark.skipif(
    sys.platform == "win32", reason="the stand-in LibreOffice is a POSIX script"
)


def pdf_info(path: Path) -> dict[str, str]:
    """What ``pdfinfo`` says of a PDF, by name ("Tagged", "Pages", "Title" …)."""
    assert PDFINFO is not None
    out = subprocess.run([PDFINFO, str(path)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


@pytest.mark.skipif(SOFFICE is None or PDFINFO is None, reason="needs LibreOffice and pdfinfo")
def test_every_kind_of_export_becomes_a_tagged_pdf(
    render_export: Callable[[str, Path | None], Build], tmp_path: Path
) -> None:
    documents = [
        save_document(render_export(kind, None), tmp_path / f"{kind}.docx") for kind in EXPORT_KINDS
    ]
    converted = convert_to_pdf(documents)
    assert converted.written == [tmp_path / f"{kind}.pdf" for kind in EXPORT_KINDS]
    assert converted.warnings == []
    for document, written in zip(documents, converted.written, strict=True):
        info = pdf_info(written)
        assert info["Tagged"] == "yes", written.name
        assert int(info["Pages"]) >= 1
        # The document's title (the .docx's own) is the PDF's, shown by the viewer.
        assert info["Title"], written.name
        assert document.is_file()
    assert "minutes-council-public.pdf" in {p.name for p in tmp_path.iterdir()}
    assert not list(tmp_path.glob(".*.partial"))


def no_libreoffice(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """A PATH with no LibreOffice on it, and none where its installer would put it."""
    folder.mkdir(exist_ok=True)
    monkeypatch.setenv("PATH", str(folder))
    monkeypatch.setattr(pdf, "installed_places", lambda: [])


def test_without_libreoffice_one_line_names_the_program_and_the_docx(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = tmp_path / "HCP minutes 2023-06-13 (draft).docx"
    document.write_bytes(b"the minutes")
    no_libreoffice(monkeypatch, tmp_path / "bin")
    assert find_libreoffice() is None
    with pytest.raises(LibreOfficeMissing) as missing:
        convert_to_pdf([document])
    assert str(missing.value) == (
        "PDF needs LibreOffice (soffice), which is not installed: "
        f"the .docx was written to {document}"
    )
    assert document.read_bytes() == b"the minutes"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "HCP minutes 2023-06-13 (draft).docx",
        "bin",
    ]


def test_libreoffice_is_found_where_its_installer_puts_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not on the PATH (Windows and macOS by default): the installer's place."""
    no_libreoffice(monkeypatch, tmp_path / "bin")
    program = tmp_path / "LibreOffice" / "program" / "soffice.exe"
    program.parent.mkdir(parents=True)
    program.write_bytes(b"")
    monkeypatch.setattr(pdf, "installed_places", lambda: [tmp_path / "elsewhere", program])
    assert find_libreoffice() == program


def stand_in(folder: Path, body: str) -> Path:
    """A program called soffice that runs `body` (Python) with the arguments
    LibreOffice would get, `outdir` and `sources` worked out from them."""
    folder.mkdir(exist_ok=True)
    program = folder / "soffice"
    program.write_text(
        f"#!{sys.executable}\n"
        "import os, sys, time\n"
        "from pathlib import Path\n"
        "args = sys.argv[1:]\n"
        "outdir = Path(args[args.index('--outdir') + 1])\n"
        "sources = [Path(a) for a in args if a.endswith('.docx')]\n" + body,
        encoding="utf-8",
    )
    program.chmod(0o755)
    return program


MAKES_PDF = (
    "for source in sources:\n"
    "    (outdir / (source.stem + '.pdf')).write_bytes(b'%PDF-1.6 {tagged}')\n"
)


def a_document(folder: Path) -> Path:
    document = folder / "minutes.docx"
    document.write_bytes(b"the minutes")
    return document


def leftovers(folder: Path) -> list[str]:
    """Anything in `folder` besides the .docx and the stand-in's folder."""
    return sorted(p.name for p in folder.iterdir() if p.name not in ("minutes.docx", "bin"))


@posix_script
def test_a_failing_libreoffice_is_one_line_and_leaves_no_pdf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    no_libreoffice(monkeypatch, tmp_path / "bin")
    stand_in(
        tmp_path / "bin",
        "(outdir / '0.pdf').write_bytes(b'%PDF-1.6 half')\n"
        "print('Error: source file could not be loaded', file=sys.stderr)\n"
        "sys.exit(1)\n",
    )
    document = a_document(tmp_path)
    with pytest.raises(PdfError) as failed:
        convert_to_pdf([document])
    message = str(failed.value)
    assert message == (
        "LibreOffice could not make the PDF (exit 1: Error: source file could not be "
        f"loaded); no PDF was written, the .docx was written to {document}"
    )
    assert "\n" not in message
    assert leftovers(tmp_path) == []


@posix_script
def test_a_libreoffice_that_makes_nothing_is_a_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """LibreOffice says nothing and exits 0 when it cannot load a file."""
    no_libreoffice(monkeypatch, tmp_path / "bin")
    stand_in(tmp_path / "bin", "(outdir / '0.pdf').write_bytes(b'<html>')\n")
    with pytest.raises(PdfError, match=r"could not make the PDF \(no PDF made\)"):
        convert_to_pdf([a_document(tmp_path)])
    assert leftovers(tmp_path) == []


@posix_script
def test_a_libreoffice_that_hangs_is_stopped_with_what_it_started(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    no_libreoffice(monkeypatch, tmp_path / "bin")
    started = tmp_path / "bin" / "started"
    stand_in(
        tmp_path / "bin",
        "import subprocess\n"
        "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(300)'])\n"
        f"Path({str(started)!r}).write_text(str(child.pid))\n"
        "(outdir / '0.pdf').write_bytes(b'%PDF-1.6 half')\n"
        "time.sleep(300)\n",
    )
    document = a_document(tmp_path)
    with pytest.raises(PdfError) as stopped:
        convert_to_pdf([document], timeout=2)
    assert str(stopped.value) == (
        "LibreOffice took more than 2 s to make the PDF and was stopped; no PDF was "
        f"written, the .docx was written to {document}"
    )
    assert leftovers(tmp_path) == []
    # The program it started was stopped too (as LibreOffice's launcher starts soffice.bin).
    assert not running(int(started.read_text()))


def running(pid: int) -> bool:
    """Whether the process is alive (a zombie waiting to be reaped is not)."""
    assert PS is not None
    for _ in range(50):
        state = subprocess.run(
            [PS, "-o", "stat=", "-p", str(pid)], capture_output=True, text=True, check=False
        ).stdout.strip()
        if not state or state.startswith("Z"):
            return False
        time.sleep(0.1)  # the signal may still be on its way
    return True


@posix_script
def test_the_pdf_is_put_in_place_by_the_rules_of_every_export(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never over a file without replacing asked for, never over a link or a database;
    replaced when asked."""
    no_libreoffice(monkeypatch, tmp_path / "bin")
    stand_in(tmp_path / "bin", MAKES_PDF.replace("{tagged}", "/StructTreeRoot"))
    document = a_document(tmp_path)
    target = pdf_beside(document)
    target.write_bytes(b"last week's PDF")
    with pytest.raises(TargetExists):
        convert_to_pdf([document])
    assert target.read_bytes() == b"last week's PDF"
    assert convert_to_pdf([document], overwrite=True).written == [target]
    assert target.read_bytes() == b"%PDF-1.6 /StructTreeRoot"
    database = tmp_path / "minutebook.db"
    database.write_bytes(b"SQLite format 3\x00" + bytes(100))
    target.unlink()
    target.symlink_to(database)
    with pytest.raises(ExportError, match="symbolic link"):
        convert_to_pdf([document], overwrite=True)
    target.unlink()
    shutil.copyfile(database, target)
    with pytest.raises(ExportError, match="is a database"):
        convert_to_pdf([document], overwrite=True)
    assert target.read_bytes().startswith(b"SQLite format 3")
    assert leftovers(tmp_path) == ["minutebook.db", "minutes.pdf"]


@posix_script
def test_an_untagged_pdf_is_written_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A LibreOffice before 7.4 ignores the options asking for tags."""
    no_libreoffice(monkeypatch, tmp_path / "bin")
    stand_in(tmp_path / "bin", MAKES_PDF.replace("{tagged}", ""))
    converted = convert_to_pdf([a_document(tmp_path)])
    assert converted.written == [tmp_path / "minutes.pdf"]
    assert converted.warnings == [
        "minutes.pdf is not tagged for screen readers: this LibreOffice does not take the "
        "export options (LibreOffice 7.4 or later does)"
    ]


@posix_script
def test_libreoffice_gets_its_own_profile_and_the_tagged_options(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A profile of its own in a private folder (a LibreOffice already open, or its
    first-start dialog, cannot block it), headless, the JSON export options."""
    no_libreoffice(monkeypatch, tmp_path / "bin")
    seen = tmp_path / "bin" / "arguments"
    stand_in(
        tmp_path / "bin",
        f"Path({str(seen)!r}).write_text('\\n'.join(args))\n"
        + MAKES_PDF.replace("{tagged}", "/StructTreeRoot"),
    )
    convert_to_pdf([a_document(tmp_path)])
    arguments = seen.read_text().splitlines()
    profile = arguments[0].removeprefix("-env:UserInstallation=file://")
    assert arguments[0] != profile and "minutebook-pdf-" in profile
    assert not Path(profile).parent.exists()  # the private folder is gone afterwards
    assert "--headless" in arguments
    option = arguments[arguments.index("--convert-to") + 1]
    assert option.startswith(
        'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}'
    )
    assert '"PDFUACompliance":{"type":"boolean","value":"true"}' in option
    assert os.path.basename(arguments[-1]) == "0.docx"
