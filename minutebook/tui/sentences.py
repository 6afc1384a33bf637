"""Messages as the screens show them. The store's and the domain's refusals are worded to
follow a colon or a name ("row 3: the minutes of 13 June 2023 are signed and locked");
shown on their own, in a notice or under a form's fields, they start a sentence."""

from __future__ import annotations

from minutebook.domain.words import sentence  # not domain.base: no pydantic at start-up

__all__ = ["MARK_HINT", "sentence"]

MARK_HINT = "blank: the owner's own; or e.g. Ross Graves / COSACS"
"""What an action form's "Action column" field takes: how the minutes name who is to act
on this action alone (docs/actions.md)."""
