"""Saving a committee's annual report from the app (docs/exports.md, "The annual report"):
`y` on the committee screen, or "Annual report" in its palette, asks the year (the
committee's last whole year at first, or the last year it met in where it did not meet
in that one: a council's municipal year from May, an NHS body's financial year from
April), then the folder; the report is read and built with
the same functions as `minutebook export annual-report`, and written by a worker."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from minutebook.application.annual_report import annual_report
from minutebook.application.compliance import report_year_to_offer
from minutebook.domain.dates import YEAR_WORDS, report_year
from minutebook.tui.widgets.form import FormField, FormScreen
from minutebook.tui.widgets.save_files import SaveFiles

if TYPE_CHECKING:
    from textual.screen import Screen

    from minutebook.tui.app import MinutebookApp

def ask_annual_report(screen: Screen[Any], code: str) -> None:
    """The year form over `screen`, then the folder form, then the report written."""
    app: MinutebookApp = screen.app  # type: ignore[assignment]
    committee = app.store.committee(code)
    today = app.clock().date()
    chosen: dict[str, int] = {}

    def choose(values: dict[str, Any]) -> str | None:
        try:
            chosen["year"] = report_year(str(values.get("year") or ""))
        except ValueError as error:
            return f"Year: {error}"
        return None

    def save(done: Any) -> None:
        if not done or "year" not in chosen:
            return
        report = annual_report(app.store, code, chosen["year"], today)

        def prepare(targets: list[Path]) -> Callable[[], None]:
            from minutebook.exporters.annual_report import render_annual_report
            from minutebook.exporters.common import committee_template, save_document

            build = render_annual_report(report, committee_template(committee))
            database = app.database.path

            def write() -> None:
                save_document(build, targets[0], overwrite=False, database=database)

            return write

        from minutebook.exporters.annual_report import report_file_name

        stem = report_file_name(report).removesuffix(".docx")
        SaveFiles(screen, stem, [".docx"], prepare).ask(f"Save the annual report {report.label}")

    offered = report_year_to_offer(app.store, committee, today)
    app.push_screen(
        FormScreen(
            f"Annual report of the {committee.code}",
            [FormField("year", "Year starting in", placeholder=YEAR_WORDS)],
            {"year": str(offered)},
            choose,
            save_label="Next",
        ),
        save,
    )
