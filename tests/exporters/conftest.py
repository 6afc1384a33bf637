"""Every kind of Word export, made from the demo database: for the tests that hold for
all of them (LibreOffice opens each, each numbers its pages)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from minutebook.application.exports import presented_tracker
from minutebook.exporters.agenda import render_agenda
from minutebook.exporters.common import Build
from minutebook.exporters.council import render_council_minutes
from minutebook.exporters.nhs import render_nhs_minutes
from minutebook.exporters.tracker import render_tracker
from minutebook.store import Store

EXPORT_KINDS = (
    "tracker-council",
    "tracker-nhs",
    "agenda-council",
    "agenda-nhs",
    "minutes-council-public",
    "minutes-council-confidential",
    "minutes-nhs-public",
    "minutes-nhs-confidential",
)


@pytest.fixture
def render_export(demo_reader: Store) -> Callable[[str, Path | None], Build]:
    """Renders an export of one kind ("minutes-nhs-public" …) with a template (or
    none), from the demo's committees: HCP (council style) and the ICB Board (NHS
    style), the minutes of their seeded meetings, the agendas of their next ones."""
    codes = {"council": ("HCP", date(2023, 6, 13)), "nhs": ("ICB", date(2022, 7, 1))}
    next_meetings = {"council": date(2023, 9, 20), "nhs": date(2022, 7, 29)}

    def render(kind: str, template: Path | None = None) -> Build:
        what, style, *version = kind.split("-")
        code, day = codes[style]
        if what == "tracker":
            # As `minutebook export tracker` makes it: the public tracker, presented to
            # the next meeting.
            tracker = presented_tracker(demo_reader, code, next_meetings[style], date.today())
            return render_tracker(tracker, template=template)
        if what == "agenda":
            meeting = demo_reader.meeting_on(code, next_meetings[style])
            agenda = demo_reader.agenda(meeting.id or 0)
            return render_agenda(demo_reader.committee(code), meeting, agenda, template=template)
        snapshot = demo_reader.minutes_snapshot(demo_reader.meeting_on(code, day).id or 0)
        minutes = render_council_minutes if style == "council" else render_nhs_minutes
        return minutes(snapshot, template=template, public=version == ["public"])

    return render


@pytest.fixture(params=EXPORT_KINDS)
def export_kind(request: pytest.FixtureRequest) -> str:
    """Each kind of export in turn."""
    kind: str = request.param
    return kind
