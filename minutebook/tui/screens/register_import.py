"""Bringing a register of interests kept in Word, Excel or a .csv into the committee's
register from the register screen (`i`; docs/register.md#bringing-a-register-in), the
way the tracker screen brings a tracker in (`tracker_import.py`, whose file reading is
shared).

A form asks for the file; the preview then shows every interest and nil return the
import would store, the people not known (offered as new people: "Add them as new
people", yes or no), and every row that cannot be read with its place and reason. Enter
or Ctrl+S stores the whole file, Escape leaves with nothing stored. The two steps are
the command line's (`application.register_import.preview`, then `accept`): what blocks
the import, and its words, are decided there. Both run on the app's thread, which owns
the store's connection."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from minutebook.application.register_import import Imported, RegisterPreview, accept, preview
from minutebook.domain.committee import Person
from minutebook.tui.screens.import_preview import NEW, BringFileIn, ImportPreviewScreen
from minutebook.tui.screens.register import SHORT_TYPES
from minutebook.tui.widgets.cells import clipped, short_day


def stored_words(done: Imported, code: str) -> str:
    """The notice once an import is stored: how many entries, and the people added."""
    words = (
        f"Stored {len(done.interests)} interest(s) and {len(done.nil_returns)} nil "
        f"return(s) in {code}'s register."
    )
    if done.people:
        words += "\nAdded as new people: " + ", ".join(p.name for p in done.people)
    return words


class BringRegisterIn(BringFileIn[RegisterPreview, Imported]):
    """The form asking for the register's file, then the preview."""

    WHAT = "register"
    TITLE = "Bring a register into {code}'s register of interests"

    def read(self, path: Path) -> RegisterPreview:
        return preview(self.app.store, self.code, path, today=self.app.clock().date())

    def preview_screen(self, seen: RegisterPreview, names: dict[str, str]) -> RegisterImportScreen:
        return RegisterImportScreen(self.code, seen, names)


class RegisterImportScreen(ImportPreviewScreen[Imported]):
    """What a register file would add to a committee's register, and what stops it; the
    whole file is stored with Enter or Ctrl+S, or nothing with Escape."""

    BINDINGS = [
        Binding("ctrl+s", "accept", "Store them", priority=True, id="register_import.accept"),
        Binding("enter", "accept", "Store them", show=False, id="register_import.enter"),
        Binding("escape", "leave", "Leave, nothing stored", id="register_import.leave"),
    ]

    TABLE_ID = "import-entries"

    def __init__(self, code: str, seen: RegisterPreview, names: dict[str, str]) -> None:
        super().__init__()
        self.code = code
        self.seen = seen
        self.people_names = names

    def asks_people(self) -> bool:
        return bool(self.seen.unknown_people or self.seen.not_members)

    def nothing_read(self) -> str | None:
        seen = self.seen
        if not seen.interests and not seen.nil_returns and not seen.problems:
            if seen.already:
                return (
                    f"Nothing to store: every row of {Path(seen.source).name} is already "
                    f"in {self.code}'s register"
                )
            return f"Nothing to store: {Path(seen.source).name} holds no register"
        return None

    def store(self, add_people: bool) -> Imported:
        return accept(self.app.store, self.code, self.seen, add_people)

    def on_mount(self) -> None:
        table = self.query_one("#import-entries", DataTable)
        for label, width in (("Name", 16), ("Type", 12), ("Description", 30), ("Declared", 8)):
            table.add_column(label, width=width)
        for row in self.seen.interests:
            interest = row.interest
            table.add_row(
                clipped(self._who(row.new_person, interest.person), 16),
                SHORT_TYPES[interest.category],
                clipped(interest.description, 30),
                short_day(interest.declared_on),
            )
        for nil in self.seen.nil_returns:
            table.add_row(
                clipped(self._who(nil.new_person, nil.nil_return.person), 16),
                "",
                "no interests",
                short_day(nil.nil_return.declared_on),
            )
        self.focus_list()

    def _who(self, new: Person | None, person: str) -> str:
        return NEW + new.name if new is not None else self.people_names.get(person, person)

    def title_text(self) -> str:
        seen = self.seen
        read = f"{len(seen.interests)} interest(s), {len(seen.nil_returns)} nil return(s)"
        name = Path(seen.source).name
        if seen.problems:
            return f"{name}: {read} read, {len(seen.problems)} row(s) cannot be read"
        held = f" ({len(seen.already)} already there)" if seen.already else ""
        return f"{name}: {read} to store in {self.code}'s register{held}"

    def report(self) -> Text:
        seen = self.seen
        outside = ", ".join(seen.not_members)
        more = [f"Not on {self.code}: {outside}. Choose Yes below to take them in."]
        return self.report_text(
            seen.problems,
            seen.unknown_people,
            seen.notes,
            f"{self.code}'s register",
            more if seen.not_members else [],
        )
