"""Every kind of export opens in LibreOffice: each is converted to PDF with
``soffice --headless --convert-to pdf`` and must give a non-empty PDF, each page
numbered "Page N of M" (checked where pdftotext is installed).

Skipped only where LibreOffice is not installed; ``.ci/run`` installs it
(libreoffice-writer-nogui), so CI always runs this.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from minutebook.exporters.common import Build, save_document

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")  # poppler-utils, where installed: the page numbers
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


def test_libreoffice_converts(
    render_export: Callable[[str, Path | None], Build], tmp_path: Path, export_kind: str
) -> None:
    kind = export_kind
    source = save_document(render_export(kind, None), tmp_path / f"{kind}.docx")
    assert SOFFICE is not None
    # A private profile, so parallel or earlier LibreOffice runs cannot block this one.
    profile = (tmp_path / "profile").as_uri()
    result = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "HOME": str(tmp_path)},
        check=False,
    )
    pdf = tmp_path / f"{kind}.pdf"
    assert result.returncode == 0, result.stderr
    assert pdf.is_file(), f"no PDF: {result.stdout} {result.stderr}"
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000
    # The footer's PAGE and NUMPAGES fields are laid out: "Page 1 of 3" on page 1.
    if PDFTOTEXT is not None:
        text = subprocess.run(
            [PDFTOTEXT, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        pages = text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")
        for number, page in enumerate(pages, 1):
            assert f"Page {number} of {len(pages)}" in page, (kind, number)
