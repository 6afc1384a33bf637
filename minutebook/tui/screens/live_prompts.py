"""Live capture's prompts from the register of interests (docs/register.md#prompts): a
line under the item's title naming the members whose registered interests may touch
the item taken up ("Possible interest: Mahesh Shah — Oasis PCN (F5 declare, Shift+F5
dismiss; 1 more)"). F5 opens the
declaration form filled in from the first prompt (who, the register's category and
wording; the Chair's ruling to choose); Shift+F5 dismisses it, for good. A declaration
made with F5 that is not in the register is offered to it.

The prompts are `MeetingPrompts`' (minutebook.application.interest_prompts); this
module only shows them and hands the keys on."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.widgets import Static

from minutebook.application.capture import MeetingCapture
from minutebook.application.interest_prompts import MeetingPrompts
from minutebook.domain.interests import interest_words
from minutebook.domain.meeting import Declaration
from minutebook.domain.prompts import Prompt
from minutebook.tui.screens.live_forms import LiveForms
from minutebook.tui.widgets.confirm import ConfirmScreen
from minutebook.tui.widgets.stored import stored


class PromptLine(Static):
    """The prompts' line: hidden when the item has none to answer."""

    DEFAULT_CSS = """
    PromptLine {
        display: none;
        height: auto;
        max-height: 3;
        padding: 0 1;
        color: $warning;
    }
    """


class LivePrompts:
    """The prompts of the item taken up, and the two keys that answer them."""

    def __init__(self, capture: MeetingCapture, forms: LiveForms, line: PromptLine) -> None:
        self.capture = capture
        self.forms = forms
        self.line = line
        self.prompts = MeetingPrompts(capture)
        self.shown: list[Prompt] = []

    def show(self, number: int | None, locked: bool) -> None:
        """Name the open prompts of item `number` (none once the minutes are signed)."""
        self.shown = [] if locked else self.prompts.open_at(number)
        self.line.display = bool(self.shown)
        if not self.shown:
            return
        # Live capture's right-hand column is about 50 characters at 80 columns: the
        # prompt the keys answer in full, then the keys and how many others wait (each
        # comes first in turn as the one before is answered).
        first, *others = self.shown
        text = Text("Possible interest: ", style="bold")
        text.append(f"{self.capture.name(first.person)} — {first.summary}")
        more = f"; {len(others)} more" if others else ""
        text.append(f" (F5 declare, Shift+F5 dismiss{more})", style="dim")
        self.line.update(text)

    def declare(self, number: int) -> None:
        """Open the declaration form, filled in from the first prompt if there is one."""
        first = self.shown[0] if self.shown else None
        start = self.prompts.declaration_values(number, first) if first else None
        self.forms.declaration(number, start, self.offer)

    def offer(self, declaration: Declaration) -> None:
        """Offer the register a declaration that is not in it (asked: Y adds it)."""
        interest = self.prompts.not_in_register(declaration)
        if interest is None:
            return
        name = self.capture.name(interest.person)

        def answered(yes: bool | None) -> None:
            # A store that cannot be written (a full disk) is said, and nothing added.
            screen = self.forms.app.screen
            if yes and stored(screen, lambda: self.prompts.add_to_register(interest)):
                self.forms.app.notify(f"Added to the register: {name}, {interest.description}")

        self.forms.app.push_screen(
            ConfirmScreen(
                f"{name}'s interest is not in the register of interests: add it, "
                f"{interest_words(interest.category)}, declared "
                f"{interest.declared_on:%d/%m/%Y}?\n\n{interest.description}"
            ),
            answered,
        )

    def dismiss(self, number: int | None, then: Callable[[], None]) -> None:
        """Dismiss the first prompt (kept in the meeting's timeline), then `then`."""
        if number is None or not self.shown:
            return
        prompt = self.shown[0]
        if not stored(self.forms.app.screen, lambda: self.prompts.dismiss(number, prompt)):
            return  # said why; the prompt stays, to dismiss again
        self.forms.app.notify(f"Dismissed: {self.capture.name(prompt.person)}, {prompt.summary}")
        then()
