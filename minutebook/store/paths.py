"""Where Minutebook keeps its database, and how the secretary can point it elsewhere.

The live file belongs in the platform's user data folder (never a synced folder: sync
clients and SQLite's write-ahead log do not mix). ``--db PATH`` or the environment
variable ``MINUTEBOOK_DB`` choose another file; the demo has a file of its own so that
trying Minutebook never touches real minutes.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

ENV_VAR = "MINUTEBOOK_DB"
APP_NAME = "minutebook"


def data_folder() -> Path:
    """The per-user folder for Minutebook's files (created on first use)."""
    return user_data_path(APP_NAME, appauthor=False)


def default_database() -> Path:
    """The secretary's real database: ``$MINUTEBOOK_DB`` or the data folder's file."""
    override = os.environ.get(ENV_VAR, "").strip()
    if override:
        return Path(override).expanduser()
    return data_folder() / "minutebook.db"


def demo_database() -> Path:
    """The demo's own database, kept apart from the real one."""
    return data_folder() / "demo.db"
