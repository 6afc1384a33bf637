"""A yes/no question: Y or Enter confirms, N declines, Escape declines too, or, where
the question offers it, stays where the secretary was (a third answer, None)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static


class ConfirmScreen(ModalScreen[bool | None]):
    """Ask before a change the secretary may not have meant (retiring a member), or
    whether something has happened (has the meeting ended?)."""

    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    ConfirmScreen > Vertical {
        width: 64; max-width: 100%; height: auto; border: thick $warning;
        background: $surface; padding: 1 2;
    }
    ConfirmScreen #confirm-keys { color: $text-muted; margin-top: 1; }
    """

    BINDINGS = [
        # Capitals too: the question says "Y / N", and that is what people press.
        Binding("y,Y,enter", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,N", "answer(False)", "No", id="confirm.no"),
        Binding("escape", "escape", "Back", id="confirm.escape"),
    ]

    def __init__(self, question: str, keys: str = "", *, can_stay: bool = False) -> None:
        """`keys` explains the answers (default: yes / no); with `can_stay`, Escape
        answers None, "neither: stay where I was"."""
        super().__init__()
        self.question = question
        self.keys = keys or "Y / Enter: yes    N / Esc: no"
        self.can_stay = can_stay

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, id="confirm-question")
            yield Static(self.keys, id="confirm-keys")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    def action_escape(self) -> None:
        self.dismiss(None if self.can_stay else False)
