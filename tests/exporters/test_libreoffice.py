"""Every kind of export opens in LibreOffice: each is converted to PDF with
``soffice --headless --convert-to pdf`` and must give a non-empty PDF.

Skipped only where LibreOffice is not installed; ``.ci/run`` installs it
(libreoffice-writer-nogui), so CI always runs this.
"""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from minutebook.domain.snapshot import MinutesSnapshot
from minutebook.exporters.agenda import render_agenda
from minutebook.exporters.common import Build, save_document
from minutebook.exporters.tracker import render_tracker
from minutebook.seeds import build_demo_database
from minutebook.store import Store

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    build_demo_database(path)
    with Store.open(path) as store:
        yield store


def _snapshot(store: Store, code: str, day: date) -> MinutesSnapshot:
    return store.minutes_snapshot(store.meeting_on(code, day).id or 0)


def _minutes(style: str, public: bool) -> Callable[[Store], Build]:
    def build(store: Store) -> Build:
        try:
            module = importlib.import_module(f"minutebook.exporters.{style}")
        except ModuleNotFoundError as error:
            if error.name != f"minutebook.exporters.{style}":
                raise
            pytest.skip(f"the {style} minutes exporter is not written yet")
        code, day = ("HCP", date(2023, 6, 13)) if style == "council" else ("ICB", date(2022, 7, 1))
        render = getattr(module, f"render_{style}_minutes")
        result: Build = render(_snapshot(store, code, day), public=public)
        return result

    return build


def _tracker(code: str) -> Callable[[Store], Build]:
    return lambda store: render_tracker(store.actions(code), store.committee(code), store.people())


def _agenda(code: str, day: date) -> Callable[[Store], Build]:
    def build(store: Store) -> Build:
        meeting = store.meeting_on(code, day)
        return render_agenda(store.committee(code), meeting, store.agenda(meeting.id or 0))

    return build


EXPORTS: dict[str, Callable[[Store], Build]] = {
    "tracker-council": _tracker("HCP"),
    "tracker-nhs": _tracker("ICB"),
    "agenda-council": _agenda("HCP", date(2023, 9, 20)),
    "agenda-nhs": _agenda("ICB", date(2022, 7, 29)),
    "minutes-council-public": _minutes("council", True),
    "minutes-council-confidential": _minutes("council", False),
    "minutes-nhs-public": _minutes("nhs", True),
    "minutes-nhs-confidential": _minutes("nhs", False),
}


@pytest.mark.parametrize("kind", EXPORTS)
def test_libreoffice_converts(demo: Store, tmp_path: Path, kind: str) -> None:
    source = save_document(EXPORTS[kind](demo), tmp_path / f"{kind}.docx")
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
