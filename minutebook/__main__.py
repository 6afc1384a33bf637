"""``python -m minutebook`` runs the same command as ``minutebook``."""

from __future__ import annotations

from minutebook.tui.cli import main

main()
