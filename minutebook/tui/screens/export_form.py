"""The export form of the meeting screen (``x``): which document, for which meeting,
into which folder. Minutes and the agenda are this meeting's; the action tracker is
presented to a meeting (docs/actions.md), by default the committee's next one, so the
form asks which. Exporting a draft of the minutes offers to mark them circulated, on
today's date or another typed there, once the file is written (docs/lifecycle.md).
"Also as PDF" puts a tagged PDF beside the .docx, made with LibreOffice
(exporters/pdf.py). The targets are checked at once; the document is built, saved and
converted in a worker, off the keystroke path, with the same names and builders as
``minutebook export`` (application/exports.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from minutebook.application.exports import (
    TRACKERS,
    Document,
    build_document,
    file_name,
    presented_tracker,
)
from minutebook.domain.base import Refused
from minutebook.domain.dates import long_date
from minutebook.domain.snapshot import MinutesSnapshot
from minutebook.domain.tracker import Tracker, next_meeting
from minutebook.exporters.output import ExportError, TargetExists, check_target, export_folder
from minutebook.exporters.pdf import pdf_beside
from minutebook.store import StoreError
from minutebook.tui.screens.lifecycle_forms import (
    circulate_fields,
    circulate_minutes,
    circulation_asked,
)
from minutebook.tui.widgets.form import FormField, FormScreen

if TYPE_CHECKING:
    from textual.screen import Screen

    from minutebook.tui.app import MinutebookApp

WHAT = [
    ("formal minutes (public)", Document.MINUTES.value),
    ("confidential minutes", Document.CONFIDENTIAL_MINUTES.value),
    ("agenda", Document.AGENDA.value),
    ("action tracker (public)", Document.TRACKER.value),
    ("confidential action tracker", Document.CONFIDENTIAL_TRACKER.value),
]


class ExportForm:
    """The export form for one meeting, opened over `screen`."""

    def __init__(self, screen: Screen[Any], meeting_id: int) -> None:
        self.screen = screen
        self.meeting_id = meeting_id

    @property
    def app(self) -> MinutebookApp:
        app: MinutebookApp = self.screen.app  # type: ignore[assignment]
        return app

    def open(self) -> None:
        store = self.app.store
        meeting = store.meeting(self.meeting_id)
        meetings = sorted(store.meetings(meeting.committee), key=lambda m: m.date)
        upcoming = next_meeting(meetings, self.app.clock().date()) or meeting
        fields = [
            FormField("what", "Export", "select", options=WHAT),
            FormField(
                "for_meeting",
                "Tracker for",
                "select",
                options=[(long_date(m.date), m.date.isoformat()) for m in meetings],
            ),
            FormField("folder", "Into the folder"),
            FormField(
                "replace",
                "If it exists",
                "select",
                options=[("stop and say so", "no"), ("replace it", "yes")],
            ),
            FormField("pdf", "Also as PDF", "check"),
        ]
        values = {
            "what": Document.MINUTES.value,
            "for_meeting": upcoming.date.isoformat(),
            "folder": self.app.folder_to_offer(),
            "replace": "no",
            "pdf": False,
        }
        hint = (
            "A tracker is presented to a meeting: its date, year and positions are that "
            "meeting's (default: the next meeting). Also as PDF: a tagged PDF for "
            "publication beside it, made with LibreOffice."
        )
        # A draft of the minutes is offered to be marked circulated once it is written.
        offer, offered = circulate_fields(self.app, meeting)
        fields += offer
        values |= offered
        if offer:
            hint += " Mark circulated: once written, the draft is recorded as circulated that day."
        self.app.push_screen(
            FormScreen(
                "Export a Word document", fields, values, self.submit, hint, save_label="Export"
            )
        )

    def submit(self, values: dict[str, Any]) -> str | None:
        """Check the target at once; build and save in a worker."""
        try:
            folder = export_folder(str(values.get("folder") or ""))
        except ExportError as error:
            return f"Into the folder: {error}"
        self.app.export_folder = folder
        store = self.app.store
        today = self.app.clock().date()
        what = Document(str(values.get("what") or Document.MINUTES.value))
        meeting = store.meeting(self.meeting_id)
        minutes = what in (Document.MINUTES, Document.CONFIDENTIAL_MINUTES)
        circulate_on, refused = circulation_asked(
            self.app, self.meeting_id, values, minutes=minutes
        )
        if refused:
            return refused
        source: MinutesSnapshot | Tracker
        if what in TRACKERS:
            day = date.fromisoformat(str(values.get("for_meeting") or meeting.date.isoformat()))
            try:
                source = presented_tracker(store, meeting.committee, day, today)
            except (Refused, StoreError) as error:
                return f"Tracker for: {error}"
            name = file_name(what, source.committee, source.meeting, today)
        else:
            name = file_name(what, store.committee(meeting.committee), meeting, today)
        replace = values.get("replace") == "yes"
        pdf = bool(values.get("pdf"))
        database = self.app.database.path
        try:
            target = check_target(folder / name, overwrite=replace, database=database)
            if pdf:
                check_target(pdf_beside(target), overwrite=replace, database=database)
        except TargetExists as exists:
            return (
                f"{exists.path.name} already exists in that folder; "
                "choose 'replace it' or another folder"
            )
        except ExportError as error:
            return str(error)
        if what not in TRACKERS:
            # Read here, on the app's thread; the worker only renders and saves.
            source = store.minutes_snapshot(self.meeting_id)
        self.screen.run_worker(
            lambda: self._build_and_save(what, source, target, replace, today, circulate_on, pdf),
            name="export",
            group="export",
            thread=True,
            exclusive=True,
            exit_on_error=False,
        )
        self.screen.notify(f"Exporting {name} …")
        return None

    def _build_and_save(
        self,
        what: Document,
        source: MinutesSnapshot | Tracker,
        target: Path,
        replace: bool,
        today: date,
        circulate_on: date | None = None,
        pdf: bool = False,
    ) -> None:
        from minutebook.exporters.common import committee_template, save_document

        committee = source.committee if isinstance(source, Tracker) else source.membership.committee
        try:
            template = committee_template(committee)
            build = build_document(what, source, template, today)
            # Checked again as it is put in place: a file of that name made meanwhile
            # (another export) is replaced only if the secretary said so.
            save_document(build, target, overwrite=replace, database=self.app.database.path)
        except (ExportError, OSError, ValueError) as error:
            self.app.call_from_thread(
                self.screen.notify, f"Export failed: {error}", severity="error", timeout=10
            )
            return
        warnings = list(build.warnings)
        saved = target.name
        if pdf:
            from minutebook.exporters.pdf import convert_to_pdf

            try:
                converted = convert_to_pdf(
                    [target], overwrite=replace, database=self.app.database.path
                )
            except ExportError as error:
                # The .docx stays; the minutes are not marked circulated, as on the
                # command line: export again with "replace it" once the PDF can be made.
                unmarked = (
                    "" if circulate_on is None else "\nThe minutes were not marked circulated."
                )
                self.app.call_from_thread(
                    self.screen.notify,
                    f"Saved {target.name} in {target.parent}, but no PDF: {error}{unmarked}",
                    title="Exported without the PDF",
                    severity="warning",
                    timeout=15,
                )
                return
            saved = f"{target.name} and {converted.written[0].name}"
            warnings += converted.warnings
        said = "".join(f"\nWarning: {w}" for w in warnings)
        self.app.call_from_thread(
            self.screen.notify,
            f"Saved {saved}\nin {target.parent} (open that folder to find it){said}",
            title="Exported",
            timeout=12,
        )
        if circulate_on is not None:
            # Only once the file is written; on the app's thread, like every change.
            refresh = getattr(self.screen, "refresh_record", lambda: None)
            self.app.call_from_thread(
                circulate_minutes, self.app, self.meeting_id, refresh, circulate_on
            )
