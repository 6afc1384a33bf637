"""Errors the store reports in words a secretary can act on."""

from __future__ import annotations


class StoreError(Exception):
    """The database cannot be used as asked; the message says why in one line."""


class NotFound(StoreError):
    """A committee, meeting or row that was asked for is not in the database."""


class Conflict(StoreError):
    """The change would contradict what is stored (a duplicate id, a locked meeting)."""
