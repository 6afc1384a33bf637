"""While the preload thread imports live capture's module (tui/app.py), the app's own
thread may ask whether live capture is open: a module half imported, its screen class
not yet defined, means no, rather than an AttributeError that stopped the app (seen as
an intermittent failure of the pilot tests)."""

from __future__ import annotations

import sys
import types

import pytest
from textual.screen import Screen

from minutebook.tui.app import _live_capture_open


def test_a_live_module_half_imported_means_live_capture_is_not_open(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    half = types.ModuleType("minutebook.tui.screens.live")  # no LiveMeetingScreen yet
    monkeypatch.setitem(sys.modules, "minutebook.tui.screens.live", half)
    assert _live_capture_open([Screen()]) is False
