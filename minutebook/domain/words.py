"""Small rules of wording shared by every layer, with no models: kept apart from
domain.base so that the app's first screen can use them before pydantic is loaded."""

from __future__ import annotations


def sentence(text: str) -> str:
    """`text` as a sentence on its own: its first letter a capital. Refusals are worded
    to follow a colon or a name ("row 3: the minutes of 13 June 2023 are signed and
    locked"); shown on their own they start a sentence."""
    return text[:1].upper() + text[1:]
