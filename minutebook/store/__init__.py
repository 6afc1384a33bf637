"""The store: Minutebook's single SQLite file, behind repository functions.

SQL lives only in this package. Everything it takes and returns is a domain model.
"""

from __future__ import annotations

from minutebook.store.errors import Conflict, NotFound, StoreError
from minutebook.store.paths import default_database, demo_database
from minutebook.store.store import Store

__all__ = ["Conflict", "NotFound", "Store", "StoreError", "default_database", "demo_database"]
