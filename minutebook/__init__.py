"""Minutebook: the formal record of a committee meeting, captured offline in the terminal."""

from __future__ import annotations

__version__ = "0.1.0"
