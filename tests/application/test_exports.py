"""The documents' names and builders, shared by the app's export form and the CLI."""

from __future__ import annotations

from datetime import date

import pytest

from minutebook.application.exports import Document, file_name, minutes_renderer
from minutebook.domain import Committee, Meeting
from minutebook.domain.committee import RagPalette
from minutebook.exporters.output import ExportError

TODAY = date(2026, 12, 1)


def test_names_say_draft_until_approved_and_date_trackers_by_their_meeting() -> None:
    council = Committee(code="HCP", name="Partnership", rag_palette=RagPalette.COUNCIL)
    meeting = Meeting(committee="HCP", date=date(2023, 6, 13))
    assert file_name(Document.MINUTES, council, meeting, TODAY) == (
        "HCP minutes 2023-06-13 (draft).docx"
    )
    approved = meeting.model_copy(update={"status": "approved"})
    assert file_name(Document.CONFIDENTIAL_MINUTES, council, approved, TODAY) == (
        "HCP confidential minutes 2023-06-13 (approved).docx"
    )
    assert file_name(Document.AGENDA, council, meeting, TODAY) == "HCP agenda 2023-06-13.docx"
    # A tracker is presented to a meeting: named by it, never by the day it is made.
    assert file_name(Document.TRACKER, council, meeting, TODAY) == (
        "HCP decision tracker 2023-06-13.docx"
    )
    board = Committee(code="ICB", name="Board", rag_palette=RagPalette.NHS)
    assert file_name(Document.CONFIDENTIAL_TRACKER, board, meeting, TODAY) == (
        "ICB confidential action tracker 2023-06-13.docx"
    )
    with pytest.raises(ValueError, match="presented to a meeting"):
        file_name(Document.TRACKER, council, None, TODAY)


def test_an_unknown_house_style_is_an_export_error() -> None:
    assert minutes_renderer("council").__name__ == "render_council_minutes"
    with pytest.raises(ExportError, match="not available"):
        minutes_renderer("gothic")
