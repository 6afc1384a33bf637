"""Live capture's prompts from the register of interests (docs/register.md#prompts): a
line under the item's title naming the members whose registered interests may touch
the item taken up. With one prompt ("Possible interest: Mahesh Shah — Oasis PCN (F5
declare, Shift+F5 dismiss)"), F5 opens the declaration form filled in from it (who, the
register's category and wording; the Chair's ruling to choose) and Shift+F5 asks
"Dismiss the prompt for Mahesh Shah — Oasis PCN?" and dismisses it (the list restores
it). Only people in the room at the item are named: a declaration is of someone
there. With several ("Possible interests: Joe Harrison — National Association of
Primary Care and 3 more (F5 choose)"), F5 or Shift+F5 opens the list of them
(live_prompt_list), where any one is declared, dismissed or, dismissed, restored. A
declaration made from a prompt that is not in the register is offered to it.

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
from minutebook.tui.screens.live_prompt_list import PromptListDialog, dismiss_question
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
        # first prompt in full, how many others wait, and the keys (with several, F5
        # opens the list of them, so the line need not name them all).
        first, *others = self.shown
        text = Text("Possible interests: " if others else "Possible interest: ", style="bold")
        text.append(f"{self.capture.name(first.person)} — {first.summary}")
        if others:
            text.append(f" and {len(others)} more")
        text.append(" (F5 choose)" if others else " (F5 declare, Shift+F5 dismiss)", style="dim")
        self.line.update(text)

    def choose(self, number: int) -> None:
        """The list of the item's open prompts, to declare or dismiss any of them."""
        self.forms.app.push_screen(
            PromptListDialog(
                number,
                lambda: (self.prompts.open_at(number), self.prompts.dismissed_at(number)),
                self.capture.name,
                lambda prompt: self._declare(number, prompt),
                lambda prompt: self._dismiss(number, prompt),
                lambda prompt: self._restore(number, prompt),
            )
        )

    def declare(self, number: int) -> None:
        """Open the declaration form, filled in from the prompt if there is one; with
        several, the list to choose from."""
        if len(self.shown) > 1:
            self.choose(number)
        else:
            self._declare(number, self.shown[0] if self.shown else None)

    def _declare(self, number: int, prompt: Prompt | None) -> None:
        start = self.prompts.declaration_values(number, prompt) if prompt else None
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
        """Dismiss the prompt once the secretary says yes (kept in the meeting's
        timeline), then `then`; with several, or none open but some dismissed (to
        restore), the list to choose from."""
        if number is None:
            return
        if len(self.shown) != 1:
            if self.shown or self.prompts.dismissed_at(number):
                self.choose(number)
            return
        prompt = self.shown[0]

        def answered(yes: bool | None) -> None:
            if yes and self._dismiss(number, prompt):
                then()

        label = f"{self.capture.name(prompt.person)} — {prompt.summary}"
        self.forms.app.push_screen(ConfirmScreen(dismiss_question(label)), answered)

    def _dismiss(self, number: int, prompt: Prompt) -> bool:
        """Dismiss one prompt and show the item without it; False (said why, a full
        disk) when it could not be kept: the prompt stays, to dismiss again."""
        if not stored(self.forms.app.screen, lambda: self.prompts.dismiss(number, prompt)):
            return False
        self.forms.app.notify(f"Dismissed: {self.capture.name(prompt.person)}, {prompt.summary}")
        self.forms.changed()
        return True

    def _restore(self, number: int, prompt: Prompt) -> bool:
        """Take a dismissal back: the prompt is open again (False, said why, when it
        could not be kept)."""
        if not stored(self.forms.app.screen, lambda: self.prompts.restore(number, prompt)):
            return False
        self.forms.app.notify(f"Restored: {self.capture.name(prompt.person)}, {prompt.summary}")
        self.forms.changed()
        return True
