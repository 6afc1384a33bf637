"""The store: Minutebook's single SQLite file, behind repository functions.

SQL lives only in this package. Everything it takes and returns is a domain model, or
for the first screen a light summary (see `database_file`). `Store` is loaded on first
use (PEP 562), because it brings the domain models and sqlite-utils with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from minutebook.store.database_file import DatabaseFile
from minutebook.store.errors import Conflict, NotFound, StoreError
from minutebook.store.paths import default_database, demo_database

if TYPE_CHECKING:
    from minutebook.store.store import Store

__all__ = [
    "Conflict",
    "DatabaseFile",
    "NotFound",
    "Store",
    "StoreError",
    "default_database",
    "demo_database",
]


def __getattr__(name: str) -> Any:
    if name == "Store":
        from minutebook.store.store import Store

        return Store
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
