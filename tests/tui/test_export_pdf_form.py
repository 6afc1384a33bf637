"""The export form's "Also as PDF" (`x` on a meeting): the .docx and a tagged PDF beside
it, made in the worker with the LibreOffice installed here (as in CI); the notice names
both files, or the .docx and why there is no PDF. The PDF's name is checked with the
.docx's before anything is written."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date, datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Label, Select

from minutebook.exporters import pdf
from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.meeting import MeetingScreen
from tests.tui.test_export_circulates import _export
from tests.tui.test_export_from_tui import open_the_export_form

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFINFO = shutil.which("pdfinfo")
DOCX = "HCP minutes 2023-06-13 (draft).docx"
PDF = "HCP minutes 2023-06-13 (draft).pdf"


async def export_with_pdf(app: MinutebookApp, pilot: Pilot[None], out: Path) -> str:
    """Into `out`, Also as PDF: Yes (No unless asked), Ctrl+S; the form's message, or ""
    once the export ran."""
    assert app.screen.query_one("#field-pdf", Select).value is False
    return await _export(app, pilot, out, pdf=True)


def notices(app: MinutebookApp) -> list[str]:
    return [n.message for n in app._notifications]


@asynccontextmanager
async def june_export_form(store: Store) -> AsyncIterator[tuple[MinutebookApp, Pilot[None]]]:
    """HCP's meeting of 13 June 2023 at 80x24 a week later, its export form open."""
    meeting_id = store.meeting_on("HCP", date(2023, 6, 13)).id or 0
    app = MinutebookApp(store, clock=lambda: datetime(2023, 6, 20, 9, 0))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_the_export_form(app, pilot, meeting_id)
        yield app, pilot


@pytest.mark.skipif(SOFFICE is None or PDFINFO is None, reason="needs LibreOffice and pdfinfo")
async def test_also_as_pdf_writes_a_tagged_pdf_beside_the_docx(
    demo_store: Store, tmp_path: Path
) -> None:
    out = tmp_path / "exports"
    out.mkdir()
    async with june_export_form(demo_store) as (app, pilot):
        labels = [str(label.render()) for label in app.screen.query(Label)]
        assert "Also as PDF" in labels
        assert await export_with_pdf(app, pilot, out) == ""
        assert isinstance(app.screen, MeetingScreen)
        said = notices(app)
    assert f"Saved {DOCX} and {PDF}\nin {out} (open that folder to find it)" in said
    assert PDFINFO is not None
    info = subprocess.run(
        [PDFINFO, str(out / PDF)], capture_output=True, text=True, check=True
    ).stdout
    assert "Tagged:          yes" in info.splitlines()
    assert sorted(p.name for p in out.iterdir()) == [DOCX, PDF]


async def test_without_libreoffice_the_notice_says_why_there_is_no_pdf(
    demo_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.setattr(pdf, "installed_places", lambda: [])
    out = tmp_path / "exports"
    out.mkdir()
    async with june_export_form(demo_store) as (app, pilot):
        assert await export_with_pdf(app, pilot, out) == ""
        said = notices(app)
    assert (
        f"Saved {DOCX} in {out}, but no PDF: PDF needs LibreOffice (soffice), which is not "
        f"installed: the .docx was written to {out / DOCX}"
    ) in said
    assert [p.name for p in out.iterdir()] == [DOCX]


async def test_a_pdf_of_that_name_already_there_is_said_in_the_form(
    demo_store: Store, tmp_path: Path
) -> None:
    out = tmp_path / "exports"
    out.mkdir()
    (out / PDF).write_bytes(b"published last week")
    async with june_export_form(demo_store) as (app, pilot):
        message = await export_with_pdf(app, pilot, out)
    assert message == (
        f"{PDF} already exists in that folder; choose 'replace it' or another folder"
    )
    assert [p.name for p in out.iterdir()] == [PDF]
