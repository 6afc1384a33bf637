"""The agenda item form's fields for the section an item opens (docs/agenda.md): its
title and times, as seed 003 prints them above its items ("Opening Actions – 10.00 –
10.25"). The meeting screen (`tui/screens/meeting.py`) puts them under its other fields
and reads them back into the item, where the domain checks them."""

from __future__ import annotations

from typing import Any

from minutebook.domain.meeting import AgendaItem
from minutebook.tui.widgets.form import FormField

SECTION_LABELS = {
    "section": "Opens section",
    "section_starts": "Section from",
    "section_ends": "Section until",
}
"""The fields' names, for the form's messages."""

SECTION_FIELDS = [
    FormField("section", SECTION_LABELS["section"], placeholder="e.g. Strategy; blank if none"),
    FormField("section_starts", SECTION_LABELS["section_starts"], placeholder="HH:MM, e.g. 10:25"),
    FormField("section_ends", SECTION_LABELS["section_ends"], placeholder="HH:MM, e.g. 11:50"),
]


def section_values(item: AgendaItem) -> dict[str, Any]:
    """The section fields as the form opens them for `item`."""
    return {key: getattr(item, key) or "" for key in SECTION_LABELS}


def section_of(values: dict[str, Any]) -> dict[str, Any]:
    """The section as typed, for the item's model (blank is none)."""
    return {key: values.get(key) for key in SECTION_LABELS}
