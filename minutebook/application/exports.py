"""The documents a secretary exports, named and built the same way from the app's
export form and from ``minutebook export``: which exporter makes each, and the file name
it is offered under ("HCP minutes 2023-06-13 (draft).docx")."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from pathlib import Path

from minutebook.domain import Committee, Meeting
from minutebook.domain.committee import RagPalette
from minutebook.domain.snapshot import MinutesSnapshot
from minutebook.exporters.common import Build
from minutebook.exporters.output import ExportError


class Document(StrEnum):
    """What can be exported."""

    MINUTES = "minutes"
    CONFIDENTIAL_MINUTES = "confidential"
    AGENDA = "agenda"
    TRACKER = "tracker"
    CONFIDENTIAL_TRACKER = "confidential_tracker"


def file_name(what: Document, committee: Committee, meeting: Meeting | None, today: date) -> str:
    """The name the document is offered under. Minutes are a draft until approved
    (circulated drafts too), as their header says; a tracker (of no one meeting) is
    dated the day it is made, and a council's is its decision tracker (seed 001)."""
    day = meeting.date.isoformat() if meeting else today.isoformat()
    approved = meeting is not None and meeting.status.value in ("approved", "signed")
    state = "approved" if approved else "draft"
    council = committee.rag_palette is RagPalette.COUNCIL
    tracker = "decision tracker" if council else "action tracker"
    return {
        Document.MINUTES: f"{committee.code} minutes {day} ({state}).docx",
        Document.CONFIDENTIAL_MINUTES: (
            f"{committee.code} confidential minutes {day} ({state}).docx"
        ),
        Document.AGENDA: f"{committee.code} agenda {day}.docx",
        Document.TRACKER: f"{committee.code} {tracker} {today.isoformat()}.docx",
        Document.CONFIDENTIAL_TRACKER: (
            f"{committee.code} confidential {tracker} {today.isoformat()}.docx"
        ),
    }[what]


def minutes_renderer(style: str) -> Callable[..., Build]:
    """The house style's minutes exporter, imported only when it is needed."""
    module_name = f"minutebook.exporters.{style}"
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name != module_name:
            raise
        module = None
    render: Callable[..., Build] | None = getattr(module, f"render_{style}_minutes", None)
    if render is None:
        raise ExportError("minutes export in this style is not available yet")
    return render


def build_document(
    what: Document,
    snapshot: MinutesSnapshot,
    template: Path | None,
    today: date,
    style: str | None = None,
) -> Build:
    """Build the document from a meeting's snapshot (the tracker from it too, so that it
    knows which business is confidential); `style` overrides the house style."""
    committee = snapshot.membership.committee
    if what in (Document.MINUTES, Document.CONFIDENTIAL_MINUTES):
        render = minutes_renderer(style or committee.house_style.value)
        return render(snapshot, template=template, public=what is Document.MINUTES)
    if what is Document.AGENDA:
        from minutebook.exporters.agenda import render_agenda

        record = snapshot.record
        return render_agenda(committee, record.meeting, record.agenda, template)
    from minutebook.exporters.tracker import render_tracker

    return render_tracker(snapshot, template=template, as_of=today, public=what is Document.TRACKER)
