"""The terminal's keys as text, whatever the terminal sends (docs/files.md).

Textual reads a Linux or macOS terminal's input as bytes and decodes them strictly as
UTF-8. A terminal set to Latin-1 or Windows-1252 (an old PuTTY profile, a remote
session from an old laptop) sends "é" as the single byte 0xE9, and the strict decoder
raised inside Textual's input thread: the app ended, in the middle of the minutes.

Here the same driver decodes UTF-8 as before, and a byte that is not UTF-8 is read as
Windows-1252 (a superset of Latin-1's printable characters), so the secretary's "é" is
the record's "é"; the few bytes Windows-1252 leaves undefined become "�". On Windows
the console gives Textual the keys as text already, and nothing changes.
"""

from __future__ import annotations

import codecs
import functools
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.driver import Driver

LENIENT = "minutebook-windows-1252"
"""The codec error handler that reads bytes that are not UTF-8 as Windows-1252."""


def _as_windows_1252(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return bytes(bad).decode("cp1252", errors="replace"), error.end


codecs.register_error(LENIENT, _as_windows_1252)


def input_decoder() -> codecs.IncrementalDecoder:
    """The decoder for a terminal's input: UTF-8, and Windows-1252 where a byte is not."""
    return codecs.getincrementaldecoder("utf-8")(errors=LENIENT)


@functools.cache
def terminal_driver() -> type[Driver] | None:
    """The driver for the app: Textual's own on Windows (None: chosen by Textual), else
    Textual's Linux/macOS driver with the lenient decoder."""
    if sys.platform == "win32":
        return None
    from textual.drivers import linux_driver

    class LenientLinuxDriver(linux_driver.LinuxDriver):
        """Textual's driver; its input thread builds its decoder by the name
        `getincrementaldecoder` in its module, which is pointed at ours."""

        def run_input_thread(self) -> None:
            linux_driver.getincrementaldecoder = _lenient_decoder  # type: ignore[assignment]
            super().run_input_thread()

    return LenientLinuxDriver


def _lenient_decoder(encoding: str) -> functools.partial[codecs.IncrementalDecoder]:
    """Stands in for `codecs.getincrementaldecoder` in Textual's driver."""
    return functools.partial(codecs.getincrementaldecoder(encoding), errors=LENIENT)
