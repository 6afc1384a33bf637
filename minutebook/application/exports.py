"""The documents a secretary exports, named and built the same way from the app's
export form and from ``minutebook export``: which exporter makes each, and the file name
it is offered under ("HCP minutes 2023-06-13 (draft).docx"); the tracker as presented to
a meeting (`presented_tracker`), read from the store once for either."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from minutebook.domain import Committee, Meeting
from minutebook.domain.committee import RagPalette
from minutebook.domain.lifecycle import APPROVED_STATES
from minutebook.domain.reviews import tracker_name
from minutebook.domain.snapshot import MinutesSnapshot
from minutebook.domain.tracker import (
    Resolutions,
    Tracker,
    leads,
    meeting_for,
    presented,
    subject_numbers,
    tracker_year,
)
from minutebook.exporters.common import Build
from minutebook.exporters.output import ExportError

if TYPE_CHECKING:
    from minutebook.store import Store


class Document(StrEnum):
    """What can be exported."""

    MINUTES = "minutes"
    CONFIDENTIAL_MINUTES = "confidential"
    AGENDA = "agenda"
    TRACKER = "tracker"
    CONFIDENTIAL_TRACKER = "confidential_tracker"


TRACKERS = (Document.TRACKER, Document.CONFIDENTIAL_TRACKER)


def file_name(what: Document, committee: Committee, meeting: Meeting | None, today: date) -> str:
    """The name the document is offered under. Minutes are a draft until approved
    (circulated drafts too), as their header says; a tracker is dated by the meeting
    it is presented to, and a council's is its decision tracker (seed 001)."""
    if what in TRACKERS and meeting is None:
        raise ValueError("a tracker is presented to a meeting: name the meeting")
    day = meeting.date.isoformat() if meeting else today.isoformat()
    approved = meeting is not None and meeting.status in APPROVED_STATES
    state = "approved" if approved else "draft"
    tracker = tracker_name(committee.rag_palette).lower()
    return {
        Document.MINUTES: f"{committee.code} minutes {day} ({state}).docx",
        Document.CONFIDENTIAL_MINUTES: (
            f"{committee.code} confidential minutes {day} ({state}).docx"
        ),
        Document.AGENDA: f"{committee.code} agenda {day}.docx",
        Document.TRACKER: f"{committee.code} {tracker} {day}.docx",
        Document.CONFIDENTIAL_TRACKER: f"{committee.code} confidential {tracker} {day}.docx",
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


def presented_tracker(store: Store, code: str, day: date | None, today: date) -> Tracker:
    """The committee's tracker as presented to its meeting on `day` (by default its next
    meeting, `tracker.next_meeting`): the actions agreed before it, each as it stood
    before that meeting's reviews (`tracker.presented`), with whom they name and their
    numbers under their subjects. Refused (`Refused`) when the committee has no meeting
    on `day`, naming the nearest dates; a missing committee is the store's NotFound."""
    committee = store.committee(code)
    meeting = meeting_for(store.meetings(code), day, today, code)
    since = tracker_year(committee, meeting.date)
    # What it may show (not the committee's history), then what it shows, as it stood.
    candidates, reviews = store.presentable_actions(code, meeting.date, since)
    actions = presented(candidates, reviews, meeting.date, since)
    held = {a.meeting_id for a in actions if a.meeting_id}
    resolutions: Resolutions = {}
    if committee.rag_palette is RagPalette.COUNCIL:  # only the decision tracker numbers them
        resolutions = store.resolutions(held)
    membership = store.membership(code)
    named = {a.owner for a in actions} | {p.id for p in membership.people}
    named |= {r.owner for a in actions for r in reviews.get(a.id or 0, ()) if r.owner}
    return Tracker(
        committee=committee,
        meeting=meeting,
        actions=actions,
        confidential=store.confidential_items(code, held),
        leads=leads(store.people(named), membership, meeting.date),
        numbers=subject_numbers(actions, resolutions),
    )


def build_document(
    what: Document,
    snapshot: MinutesSnapshot | Tracker,
    template: Path | None,
    today: date,
    style: str | None = None,
) -> Build:
    """Build the document: minutes and agendas from a meeting's snapshot, a tracker from
    the tracker presented to a meeting (`presented_tracker`); `style` overrides the
    house style."""
    if isinstance(snapshot, Tracker):
        if what not in TRACKERS:
            raise TypeError(f"a tracker cannot be exported as {what.value}")
        from minutebook.exporters.tracker import render_tracker

        return render_tracker(snapshot, template, public=what is Document.TRACKER)
    if what in TRACKERS:
        raise TypeError("a tracker is built from the tracker presented to a meeting")
    committee = snapshot.membership.committee
    if what in (Document.MINUTES, Document.CONFIDENTIAL_MINUTES):
        render = minutes_renderer(style or committee.house_style.value)
        return render(snapshot, template=template, public=what is Document.MINUTES)
    from minutebook.exporters.agenda import render_agenda

    record = snapshot.record
    return render_agenda(committee, record.meeting, record.agenda, template)
