"""The help screen: how Minutebook works, and every key of the screen it was opened from."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Markdown

GENERAL = """\
# Minutebook help

Minutebook keeps a committee's formal record: members and their seats, the terms of
reference with the quorum rule, meetings with their agendas, and — captured live — the
attendance, the quorum at every item, the minutes, declarations, decisions and actions,
exported afterwards as Word documents. **Everything is saved as you type** — there is no
Save menu and nothing to lose if the laptop dies.

**Everywhere:** `F1` this help · `Ctrl+P` command palette (search every command) ·
`Ctrl+F` search the whole record (minutes, decisions, actions, the register) ·
`Escape` back · `Ctrl+Q` quit · `Tab` next field or panel · arrows move in tables.

**In a form:** `Tab` / `Shift+Tab` between fields, `Enter` or `Ctrl+S` saves, `Escape`
cancels — if you have typed anything, `Escape` and `Ctrl+Q` ask before throwing it away.
Dates are dd/mm/yyyy. If something is wrong the form says what, and keeps what you
typed.
"""


def _key_name(key: str) -> str:
    return " / ".join(
        part.replace("ctrl+", "Ctrl+").replace("shift+", "Shift+") for part in key.split(",")
    )


class HelpScreen(ModalScreen[None]):
    """General help plus the keys of the screen underneath."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 90%; height: 90%; border: thick $primary; background: $surface; padding: 0 1;
    }
    """

    BINDINGS = [Binding("escape,f1,q", "dismiss", "Close help", id="help.close")]

    def __init__(self, under: Screen[object]) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        text = GENERAL
        screen_help = getattr(self.under, "HELP_TEXT", "")
        if screen_help:
            text += "\n" + screen_help + "\n"
        keys = self._keys(getattr(type(self.under), "BINDINGS", []))
        if keys:
            text += (
                "\n## Keys on this screen\n\n| Key | What it does | Id (for keys.yaml) |\n"
                "|---|---|---|\n" + keys
            )
        text += (
            "\n\n**Remapping keys:** put a file `keys.yaml` beside your database (or point "
            "`MINUTEBOOK_KEYS` at one) with lines such as `live.decision: f3,ctrl+d` — an id "
            "from the tables above, then the keys.\n"
        )
        with VerticalScroll():
            yield Markdown(text)

    @staticmethod
    def _keys(bindings: list[BindingType]) -> str:
        rows = []
        for binding in bindings:
            if isinstance(binding, Binding) and binding.description:
                rows.append(
                    f"| `{_key_name(binding.key)}` | {binding.description} | {binding.id or ''} |"
                )
        return "\n".join(rows)
