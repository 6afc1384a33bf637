"""Saving the register of interests from its screen (`s`): the register as shown, on
its day, as a Word document in seed 003's layout and as an Excel sheet, into a folder
the secretary chooses, with the same names and builders as `minutebook export
register` (exporters/register.py). The targets are checked first; the Word document is
built on the app's thread and both files are written in a worker (widgets/save_files.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.screen import Screen

from minutebook.application.register import RegisterView, for_export
from minutebook.tui.widgets.save_files import SaveFiles

if TYPE_CHECKING:
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
        committee = self.view.committee
        stem = f"{committee.code} register of interests {self.view.day.isoformat()}"
        title = f"Save the register of {self.view.day:%d/%m/%Y} as Word and Excel"
        SaveFiles(self.screen, stem, [".docx", ".xlsx"], self._prepare).ask(title)

    def _prepare(self, targets: list[Path]) -> Callable[[], None]:
        from minutebook.exporters.common import committee_template, save_document
        from minutebook.exporters.output import write_output
        from minutebook.exporters.register import render_register, write_register_sheet

        view, database = self.view, self.app.database.path
        document, sheet = targets
        template = committee_template(view.committee)
        people = for_export(view)
        build = render_register(view.committee, view.day, people, template)

        def write() -> None:
            save_document(build, document, overwrite=False, database=database)
            write_output(
                sheet,
                lambda handle: write_register_sheet(view.committee, view.day, people, handle),
                database=database,
            )

        return write
