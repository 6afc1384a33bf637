"""The list of an item's prompts from the register of interests, in live capture
(docs/register.md#prompts): when the item taken up has more than one, F5 (or Shift+F5)
opens it. One row per open prompt, "name — interest"; Enter opens the declaration form
filled in from the chosen one, d or Delete dismisses it, Esc closes. The rows are read
again whenever the list comes back to the front (after the declaration form) and after
each dismissal, and the list closes itself when none is left.

What a row does is the caller's (`LivePrompts`): this module only shows the rows and
hands the chosen prompt on."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from minutebook.domain.prompts import Prompt


class PromptListDialog(ModalScreen[None]):
    """An item's open prompts: Enter declares the chosen one, d or Delete dismisses it."""

    DEFAULT_CSS = """
    PromptListDialog { align: center middle; }
    PromptListDialog > Vertical {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    PromptListDialog .dialog-title { text-style: bold; height: 1; }
    PromptListDialog .dialog-keys { color: $text-muted; height: auto; }
    PromptListDialog OptionList { height: auto; max-height: 16; }
    """
    BINDINGS = [
        Binding("d,delete", "dismiss_prompt", "Dismiss", id="prompts.dismiss"),
        Binding("escape", "close", "Close", id="prompts.close"),
    ]

    def __init__(
        self,
        number: int,
        rows: Callable[[], list[Prompt]],
        name: Callable[[str], str],
        declare: Callable[[Prompt], None],
        dismiss: Callable[[Prompt], bool],
    ) -> None:
        """`rows` reads the item's open prompts; `declare` opens the declaration form for
        one; `dismiss` dismisses one (False when it could not be kept: it stays)."""
        super().__init__()
        self.number = number
        self._read_prompts = rows
        self._who = name
        self._declare_prompt = declare
        self._dismiss_prompt = dismiss
        self.shown: list[Prompt] = []
        self._list_closed = False

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"Possible interests at item {self.number}", classes="dialog-title")
            yield Static(
                "Enter declares the selected one · d or Delete dismisses it · Esc closes",
                classes="dialog-keys",
            )
            yield OptionList(id="prompt-list")

    def on_mount(self) -> None:
        self.refresh_rows()
        self.query_one("#prompt-list", OptionList).focus()

    def on_screen_resume(self) -> None:
        self.refresh_rows()  # the declaration form has closed: one may be answered

    def refresh_rows(self) -> None:
        """Read the open prompts again, keeping the cursor where it was; close the list
        once none is left."""
        options = self.query_one("#prompt-list", OptionList)
        keep = options.highlighted or 0
        self.shown = self._read_prompts()
        if not self.shown:
            # The form's offer to the register may already stand over the list: it is
            # closed when it comes to the front again, and only once.
            if self.is_active and not self._list_closed:
                self._list_closed = True
                self.dismiss(None)
            return
        options.clear_options()
        options.add_options(
            Option(f"{self._who(p.person)} — {p.summary}", id=str(n))
            for n, p in enumerate(self.shown)
        )
        options.highlighted = min(keep, len(self.shown) - 1)

    def _selected(self) -> Prompt | None:
        at = self.query_one("#prompt-list", OptionList).highlighted
        return self.shown[at] if at is not None and at < len(self.shown) else None

    @on(OptionList.OptionSelected, "#prompt-list")
    def _enter(self) -> None:
        prompt = self._selected()
        if prompt is not None:
            self._declare_prompt(prompt)

    def action_dismiss_prompt(self) -> None:
        prompt = self._selected()
        if prompt is not None and self._dismiss_prompt(prompt):
            self.refresh_rows()

    def action_close(self) -> None:
        if not self._list_closed:
            self._list_closed = True
            self.dismiss(None)
