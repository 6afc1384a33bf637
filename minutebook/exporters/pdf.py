"""PDF for publication: a saved Word export converted by LibreOffice into a tagged PDF
(docs/files.md#pdf-for-publication). Councils publish PDFs, and a public body's PDFs
must be accessible, so the PDF is tagged (its headings, lists and tables marked for a
screen reader) and declared PDF/UA, with the document's title shown.

- LibreOffice is found on the PATH (``soffice``, ``libreoffice``), else where its
  installer puts it on Windows and macOS. When it is not there the caller says so in one
  line; the .docx already written is kept.
- It runs headless with a user profile of its own in a private temporary folder, so a
  LibreOffice the secretary has open, or its first-start dialog, cannot block it; it is
  stopped (with whatever it started) after a timeout. It makes no network requests.
- The PDF is made in that folder and only then put beside the .docx (same name,
  ``.pdf``) by ``output.write_output``: the same rules as the .docx (never over a device,
  a link or a database; an existing file only when replacing was asked for), so a
  failed or stopped conversion leaves no PDF, and never half of one.

The export options are LibreOffice's JSON filter options (LibreOffice 7.4 and later;
the older ``UseTaggedPDF=true`` form is ignored by ``--convert-to``). An older
LibreOffice ignores them too and makes an untagged PDF: that is said as a warning.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from minutebook.exporters.output import ExportError, write_output

TIMEOUT = 120.0
"""Seconds LibreOffice is given to start with a new profile and convert; a few seconds
is usual, a slow machine's first start takes longer."""

EXPORT_OPTIONS = {
    "UseTaggedPDF": True,  # headings, lists, tables and reading order for screen readers
    "PDFUACompliance": True,  # PDF/UA: tagged, with the language and title declared
    "DisplayPDFDocumentTitle": True,  # the viewer shows the title, not the file name
    "ExportBookmarks": True,  # the headings as the PDF's outline
}
"""writer_pdf_Export's options (LibreOffice's names)."""

PROGRAM_NAMES = ("soffice", "libreoffice")

MISSING = "PDF needs LibreOffice (soffice), which is not installed"


class PdfError(ExportError):
    """No PDF was made; the message says why in one line, and where the .docx is."""


class LibreOfficeMissing(PdfError):
    """LibreOffice is not installed (or not where it can be found)."""


@dataclass
class Converted:
    """The PDFs written, and what to tell the secretary about them."""

    written: list[Path]
    warnings: list[str] = field(default_factory=list)


def pdf_beside(document: Path) -> Path:
    """The PDF of a Word export: beside it, the same name ending ``.pdf``."""
    return Path(document).with_suffix(".pdf")


def installed_places() -> list[Path]:
    """Where LibreOffice's own installer puts the program, on this system, when it is
    not on the PATH (it is not, by default, on Windows and macOS)."""
    if sys.platform == "win32":
        folders = {
            os.environ.get("PROGRAMFILES", r"C:\Program Files"),
            os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"),
            r"C:\Program Files",
        }
        return [Path(f, "LibreOffice", "program", "soffice.exe") for f in sorted(folders)]
    if sys.platform == "darwin":
        app = Path("LibreOffice.app", "Contents", "MacOS", "soffice")
        return [Path("/Applications") / app, Path.home() / "Applications" / app]
    return []


def find_libreoffice() -> Path | None:
    """LibreOffice's program: on the PATH, else where its installer puts it; None if
    it is in neither place."""
    for name in PROGRAM_NAMES:
        found = shutil.which(name)
        if found:
            return Path(found)
    return next((place for place in installed_places() if place.is_file()), None)


def convert_option() -> str:
    """The ``--convert-to`` argument: PDF through Writer's export, tagged."""
    options = {
        name: {"type": "boolean", "value": "true" if value else "false"}
        for name, value in EXPORT_OPTIONS.items()
    }
    return "pdf:writer_pdf_Export:" + json.dumps(options, separators=(",", ":"))


def convert_to_pdf(
    documents: Sequence[Path],
    *,
    overwrite: bool = False,
    database: Path | None = None,
    timeout: float = TIMEOUT,
    soffice: Path | None = None,
) -> Converted:
    """Convert each saved Word document to a PDF beside it (`pdf_beside`), all in one
    start of LibreOffice. Returns the PDFs written and any warning (an untagged PDF);
    raises LibreOfficeMissing or PdfError (one line) when none could be made, and
    ExportError when a PDF may not be written where it would go (`output`)."""
    documents = [Path(d) for d in documents]
    kept = _kept(documents)
    program = soffice or find_libreoffice()
    if program is None:
        raise LibreOfficeMissing(f"{MISSING}: {kept}")
    with _private_folder() as folder:
        made = _run_libreoffice(program, documents, folder, timeout, kept)
        warnings = [
            f"{pdf_beside(document).name} is not tagged for screen readers: this "
            "LibreOffice does not take the export options (LibreOffice 7.4 or later does)"
            for document, source in zip(documents, made, strict=True)
            if not _looks_tagged(source)
        ]
        written = [
            write_output(
                pdf_beside(document),
                functools.partial(_copy, source),
                overwrite=overwrite,
                database=database,
            )
            for document, source in zip(documents, made, strict=True)
        ]
    return Converted(written, warnings)


def _kept(documents: Sequence[Path]) -> str:
    """What the one-line messages say of the Word documents, which are kept."""
    if len(documents) == 1:
        return f"the .docx was written to {documents[0]}"
    return "the .docx files were written to " + ", ".join(str(d) for d in documents)


@contextlib.contextmanager
def _private_folder() -> Iterator[Path]:
    """A new folder only this user can read (``mkdtemp``), removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="minutebook-pdf-"))
    try:
        yield folder
    finally:
        # On Windows a LibreOffice just stopped may still hold a file for a moment.
        shutil.rmtree(folder, ignore_errors=True)


def _run_libreoffice(
    program: Path, documents: Sequence[Path], folder: Path, timeout: float, kept: str
) -> list[Path]:
    """Run LibreOffice once on copies of `documents` in `folder`; the PDFs it made, in
    order. The copies have plain numbered names, so that two documents of the same name
    cannot make one PDF and no name can be read as an option."""
    sources, out = folder / "in", folder / "out"
    sources.mkdir()
    out.mkdir()
    copies = []
    for number, document in enumerate(documents):
        copy = sources / f"{number}.docx"
        try:
            shutil.copyfile(document, copy)
        except OSError as error:
            raise PdfError(f"cannot read {document} to make its PDF: {error.strerror}") from None
        copies.append(copy)
    command = [
        str(program),
        f"-env:UserInstallation={(folder / 'profile').as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        convert_option(),
        "--outdir",
        str(out),
        *(str(c) for c in copies),
    ]
    log = folder / "libreoffice.log"
    returncode = _run(command, log, timeout, kept)
    made = [out / f"{number}.pdf" for number in range(len(documents))]
    missing = [d for d, pdf in zip(documents, made, strict=True) if not _is_pdf(pdf)]
    if returncode != 0 or missing:
        said = _last_line(log)
        reason = f"exit {returncode}" if returncode != 0 else "no PDF made"
        which = f" of {missing[0].name}" if missing and len(documents) > 1 else ""
        raise PdfError(
            f"LibreOffice could not make the PDF{which} ({reason}"
            f"{': ' + said if said else ''}); no PDF was written, {kept}"
        )
    return made


def _run(command: list[str], log: Path, timeout: float, kept: str) -> int:
    """Run `command` with its output to `log`, not a pipe (a program it leaves behind
    would hold a pipe open); stop it and everything it started after `timeout`."""
    with log.open("wb") as output:
        try:
            # In a group of its own, so that it can be stopped with what it starts.
            if sys.platform == "win32":
                process = subprocess.Popen(
                    command,
                    stdin=subprocess.DEVNULL,
                    stdout=output,
                    stderr=output,
                    creationflags=subprocess.CREATE_NEW_PROCESS_GROUP,
                )
            else:
                process = subprocess.Popen(
                    command,
                    stdin=subprocess.DEVNULL,
                    stdout=output,
                    stderr=output,
                    start_new_session=True,
                )
        except OSError as error:
            raise PdfError(
                f"LibreOffice ({command[0]}) could not be started: {error.strerror or error}; "
                f"no PDF was written, {kept}"
            ) from None
        try:
            return process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            _stop(process)
            raise PdfError(
                f"LibreOffice took more than {timeout:g} s to make the PDF and was stopped; "
                f"no PDF was written, {kept}"
            ) from None


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop LibreOffice and the programs it started (its launcher starts another)."""
    if sys.platform == "win32":
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            subprocess.run(
                ["taskkill", "/F", "/T", "/PID", str(process.pid)],
                capture_output=True,
                timeout=30,
                check=False,
            )
    else:
        with contextlib.suppress(OSError):
            os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(OSError):
        process.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=30)


def _is_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(5) == b"%PDF-"
    except OSError:
        return False


def _looks_tagged(path: Path) -> bool:
    """Whether the PDF has a structure tree (a tagged PDF). In a PDF that packs its
    objects in compressed streams the tree cannot be seen this way: taken as tagged."""
    data = path.read_bytes()
    return b"/StructTreeRoot" in data or b"/ObjStm" in data


def _last_line(log: Path) -> str:
    """LibreOffice's last words (an "Error: …" line), without its noise about Java."""
    try:
        lines = log.read_text("utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    said = [line.strip() for line in lines if line.strip() and "javaldx" not in line]
    return said[-1][:200] if said else ""


def _copy(source: Path, handle: BinaryIO) -> None:
    with source.open("rb") as pdf:
        shutil.copyfileobj(pdf, handle)
