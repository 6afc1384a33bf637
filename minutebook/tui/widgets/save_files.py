"""Saving a screen's document as several files into a folder the secretary chooses (an
owner's list of actions, the register of interests): the form asks the folder; the
files' names are checked at once (a file of that name is never replaced: the form says
so and keeps the folder typed); what the files hold is read and built on the app's
thread, which owns the store's connection; a worker only writes them, off the keystroke
path, and a notice says where they went or why they could not be written."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.screen import Screen

from minutebook.exporters.output import ExportError, TargetExists, check_target, export_folder
from minutebook.tui.widgets.form import FormField, FormScreen

if TYPE_CHECKING:
    from minutebook.tui.app import MinutebookApp

Prepare = Callable[[list[Path]], Callable[[], None]]
"""Given the checked targets (one per suffix, in order), read and build on the app's
thread, and return what writes them (run in the worker); ExportError for the form."""


class SaveFiles:
    """The folder form over `screen`, then the files `stem` + each of `suffixes`."""

    def __init__(
        self, screen: Screen[Any], stem: str, suffixes: Sequence[str], prepare: Prepare
    ) -> None:
        self.screen = screen
        self.stem = stem
        self.suffixes = list(suffixes)
        self.prepare = prepare

    @property
    def app(self) -> MinutebookApp:
        return self.screen.app  # type: ignore[return-value]

    def ask(self, title: str) -> None:
        fields = [FormField("folder", "Into the folder")]
        values = {"folder": self.app.folder_to_offer()}
        self.app.push_screen(FormScreen(title, fields, values, self._save, save_label="Save"))

    def _save(self, values: dict[str, Any]) -> str | None:
        try:
            folder = export_folder(str(values.get("folder") or ""))
        except ExportError as error:
            return f"Into the folder: {error}"
        self.app.export_folder = folder
        database = self.app.database.path
        try:
            targets = [
                check_target(folder / f"{self.stem}{suffix}", overwrite=False, database=database)
                for suffix in self.suffixes
            ]
            write = self.prepare(targets)
        except TargetExists as exists:
            return f"{exists}; choose another folder"
        except ExportError as error:
            return str(error)
        self.screen.run_worker(
            lambda: self._write(write, targets), thread=True, exclusive=True, exit_on_error=False
        )
        return None

    def _write(self, write: Callable[[], None], targets: list[Path]) -> None:
        try:
            write()
        except (ExportError, OSError, ValueError) as error:
            self.app.call_from_thread(
                self.app.notify, f"Saving failed: {error}", severity="error", timeout=10
            )
            return
        names = " and ".join(target.name for target in targets)
        self.app.call_from_thread(self.app.notify, f"Saved {names}\nin {targets[0].parent}")
