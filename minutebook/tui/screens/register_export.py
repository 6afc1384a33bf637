"""Saving the register of interests from its screen (`s`): the register as shown, on
its day, as a Word document in seed 003's layout and as an Excel sheet, into a folder
the secretary chooses, with the same names and builders as `minutebook export
register` (exporters/register.py). The targets are checked first; the Word document is
built on the app's thread and both files are written in a worker."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from platformdirs import user_documents_path
from textual.screen import Screen

from minutebook.application.register import RegisterView, for_export
from minutebook.exporters.output import ExportError, TargetExists, check_target, export_folder
from minutebook.tui.widgets.form import FormField, FormScreen

if TYPE_CHECKING:
    from minutebook.exporters.common import Build
    from minutebook.exporters.register import RegisterPerson
    from minutebook.tui.app import MinutebookApp


class SaveRegister:
    """The folder form, then the two files, for the register `view` shown on `screen`."""

    def __init__(self, screen: Screen[Any], view: RegisterView) -> None:
        self.screen = screen
        self.view = view

    @property
    def app(self) -> MinutebookApp:
        return self.screen.app  # type: ignore[return-value]

    def ask(self) -> None:
        fields = [FormField("folder", "Into the folder")]
        values = {"folder": str(user_documents_path())}
        title = f"Save the register of {self.view.day:%d/%m/%Y} as Word and Excel"
        self.app.push_screen(FormScreen(title, fields, values, self._save, save_label="Save"))

    def _save(self, values: dict[str, Any]) -> str | None:
        from minutebook.exporters.common import committee_template
        from minutebook.exporters.register import render_register

        try:
            folder = export_folder(str(values.get("folder") or ""))
        except ExportError as error:
            return f"Into the folder: {error}"
        committee = self.view.committee
        stem = f"{committee.code} register of interests {self.view.day.isoformat()}"
        database = self.app.database.path
        try:
            document = check_target(folder / f"{stem}.docx", overwrite=False, database=database)
            sheet = check_target(folder / f"{stem}.xlsx", overwrite=False, database=database)
            template = committee_template(committee)
        except TargetExists as exists:
            return f"{exists}; choose another folder"
        except ExportError as error:
            return str(error)
        people = for_export(self.view)
        build = render_register(committee, self.view.day, people, template)
        self.screen.run_worker(
            lambda: self._write(document, sheet, build, people),
            thread=True,
            exclusive=True,
            exit_on_error=False,
        )
        return None

    def _write(
        self, document: Path, sheet: Path, build: Build, people: list[RegisterPerson]
    ) -> None:
        from minutebook.exporters.common import save_document
        from minutebook.exporters.output import write_output
        from minutebook.exporters.register import write_register_sheet

        view, database = self.view, self.app.database.path
        try:
            save_document(build, document, overwrite=False, database=database)
            write_output(
                sheet,
                lambda handle: write_register_sheet(view.committee, view.day, people, handle),
                database=database,
            )
        except (ExportError, OSError, ValueError) as error:
            self.app.call_from_thread(
                self.app.notify, f"Saving failed: {error}", severity="error", timeout=10
            )
            return
        self.app.call_from_thread(
            self.app.notify, f"Saved {document.name} and {sheet.name}\nin {document.parent}"
        )
