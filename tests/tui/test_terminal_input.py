"""A byte that is not UTF-8 typed at the terminal (minutebook/tui/terminal.py).

A terminal set to Latin-1 sends "é" as the single byte 0xE9. Textual's strict UTF-8
decoder raised on it inside the input thread and the app ended mid-meeting. The app's
driver now reads such a byte as Windows-1252: the decoding is tested on its own, then
in the real app on a pseudo-terminal, typing "Société" from a Latin-1 terminal into a
minute and finding it saved.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import sys
import time
from pathlib import Path

import pytest

from minutebook.tui.terminal import input_decoder, terminal_driver

LATIN_1 = "Société générale, 3 × 4 €".encode("cp1252")


def decode_in_chunks(data: bytes, size: int) -> str:
    decoder = input_decoder()
    chunks = [data[i : i + size] for i in range(0, len(data), size)]
    return "".join(decoder.decode(chunk) for chunk in chunks) + decoder.decode(b"", final=True)


@pytest.mark.parametrize("size", [1, 2, 4096])
def test_bytes_that_are_not_utf8_are_read_as_windows_1252(size: int) -> None:
    assert decode_in_chunks(LATIN_1, size) == "Société générale, 3 × 4 €"


@pytest.mark.parametrize("size", [1, 2, 4096])
def test_utf8_is_read_as_before_even_split_between_reads(size: int) -> None:
    text = "Société – 会議 🙂"
    assert decode_in_chunks(text.encode("utf-8"), size) == text


def test_bytes_windows_1252_leaves_undefined_become_the_replacement_character() -> None:
    assert decode_in_chunks(b"a\x81b", 1) == "a\ufffdb"


@pytest.mark.skipif(sys.platform == "win32", reason="Windows keeps Textual's own driver")
def test_the_app_uses_the_lenient_driver_on_linux_and_macos() -> None:
    from minutebook.store import DatabaseFile
    from minutebook.tui.app import MinutebookApp

    driver = terminal_driver()
    assert driver is not None and driver.__name__ == "LenientLinuxDriver"
    assert MinutebookApp(DatabaseFile.in_memory()).driver_class is driver


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_typing_from_a_latin_1_terminal_is_saved_not_fatal(demo_file: Path, tmp_path: Path) -> None:
    from bench.soak import COMMITTEE, DAY, NARRATIVE_SQL, STARTUP_TIMEOUT, Terminal

    db = tmp_path / "minutes.db"
    shutil.copyfile(demo_file, db)
    terminal = Terminal(db)
    saved = ""
    try:
        assert terminal.drawn.wait(STARTUP_TIMEOUT), terminal.screen()
        # "Soci", é, "t", é: the first é is followed by a byte that makes it invalid
        # UTF-8, which is what ended the app.
        os.write(terminal.master, b"Soci\xe9t\xe9 ok")
        reader = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1.0)
        try:
            meeting = reader.execute(
                "SELECT id FROM meetings WHERE committee = ? AND date = ?", (COMMITTEE, DAY)
            ).fetchone()[0]
            # Waits for the save (or the app's end), however slow the machine is.
            deadline = time.monotonic() + STARTUP_TIMEOUT
            while time.monotonic() < deadline and terminal.process.poll() is None:
                with contextlib.suppress(sqlite3.OperationalError):
                    row = reader.execute(NARRATIVE_SQL, (meeting, 1)).fetchone()
                    saved = str(row[0] or "") if row else ""
                if saved == "Société ok":
                    break
                time.sleep(0.02)
        finally:
            reader.close()
        running = terminal.process.poll() is None
    finally:
        terminal.kill()
    assert running, terminal.screen()
    assert saved == "Société ok"
