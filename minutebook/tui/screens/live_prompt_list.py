"""The list of an item's prompts from the register of interests, in live capture
(docs/register.md#prompts): when the item taken up has more than one, F5 (or Shift+F5)
opens it; Shift+F5 opens it too on an item whose prompts were all dismissed. One row per
open prompt, "name — interest", then the item's dismissed prompts, dimmed and marked
"dismissed". Enter opens the declaration form filled in from the chosen one; d or Delete
asks "Dismiss the prompt for Dr Sarah Whiteman — Stonedean Practice?" and dismisses it;
r restores a dismissed one (open again; on an open row it says "Only a dismissed
prompt can be restored"); Esc closes. The rows are read again whenever
the list comes back to the front (after the declaration form or the question) and after
each answer; when they change the cursor goes back to the first row, highlighted and
focused (so r acts at once on the row in view), so it never rests
on someone it did not rest on before without the secretary moving it. The list closes
itself once no prompt is left open.

What a row does is the caller's (`LivePrompts`): this module only shows the rows and
hands the chosen prompt on."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from minutebook.domain.prompts import Prompt
from minutebook.tui.widgets.confirm import ConfirmScreen

Rows = tuple[list[Prompt], list[Prompt]]
"""An item's prompts: the open ones, then the dismissed ones."""


class PromptListDialog(ModalScreen[None]):
    """An item's prompts: Enter declares the chosen one, d or Delete dismisses it (asked),
    r restores a dismissed one."""

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
        Binding("r", "restore_prompt", "Restore", id="prompts.restore"),
        Binding("escape", "close", "Close", id="prompts.close"),
    ]

    def __init__(
        self,
        number: int,
        rows: Callable[[], Rows],
        name: Callable[[str], str],
        declare: Callable[[Prompt], None],
        dismiss: Callable[[Prompt], bool],
        restore: Callable[[Prompt], bool],
    ) -> None:
        """`rows` reads the item's open and dismissed prompts; `declare` opens the
        declaration form for one; `dismiss` and `restore` answer one (False when it
        could not be kept: it stays as it was)."""
        super().__init__()
        self.number = number
        self._read_prompts = rows
        self._who = name
        self._declare_prompt = declare
        self._dismiss_prompt = dismiss
        self._restore_prompt = restore
        self.shown: list[Prompt] = []
        self.dismissed: list[Prompt] = []
        self._list_closed = False
        self._had_open = False

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"Possible interests at item {self.number}", classes="dialog-title")
            yield Static(
                "Enter declares the selected one · d or Delete dismisses it · r restores a "
                "dismissed one · Esc closes",
                classes="dialog-keys",
            )
            yield OptionList(id="prompt-list")

    def on_mount(self) -> None:
        self.refresh_rows()
        self.query_one("#prompt-list", OptionList).focus()

    def on_screen_resume(self) -> None:
        self.refresh_rows()  # the declaration form or a question has closed

    def label(self, prompt: Prompt) -> str:
        """A row's words: who, and the interest."""
        return f"{self._who(prompt.person)} — {prompt.summary}"

    def refresh_rows(self) -> None:
        """Read the prompts again; the cursor stays where it was when nothing changed,
        else goes to the first row. Close the list once none is left open."""
        options = self.query_one("#prompt-list", OptionList)
        before = (self.shown, self.dismissed)
        self.shown, self.dismissed = self._read_prompts()
        if not self.shown and (self._had_open or not self.dismissed):
            # The form's offer to the register may already stand over the list: it is
            # closed when it comes to the front again, and only once.
            if self.is_active and not self._list_closed:
                self._list_closed = True
                self.dismiss(None)
            return
        self._had_open = bool(self.shown)
        keep = options.highlighted if (self.shown, self.dismissed) == before else None
        options.clear_options()
        options.add_options(Option(self.label(p), id=f"open-{n}") for n, p in enumerate(self.shown))
        options.add_options(
            Option(Text(f"{self.label(p)} (dismissed)", style="dim"), id=f"dismissed-{n}")
            for n, p in enumerate(self.dismissed)
        )
        options.highlighted = keep if keep is not None and keep < options.option_count else 0
        # A question that closed over the list may hand focus back after this refresh,
        # or the highlight be drawn before the rows: put the cursor on a real row, shown,
        # once the screen has been drawn again, so r and Enter act on the row in view.
        self.call_after_refresh(self._show_cursor)

    def _show_cursor(self) -> None:
        options = self.query_one("#prompt-list", OptionList)
        if options.option_count and options.highlighted is None:
            options.highlighted = 0
        if self.is_active:
            options.focus()
        options.scroll_to_highlight()
        options.refresh()

    def _at(self) -> int | None:
        return self.query_one("#prompt-list", OptionList).highlighted

    def _selected(self) -> Prompt | None:
        at = self._at()
        return self.shown[at] if at is not None and at < len(self.shown) else None

    def _selected_dismissed(self) -> Prompt | None:
        at = self._at()
        if at is None or at < len(self.shown):
            return None
        at -= len(self.shown)
        return self.dismissed[at] if at < len(self.dismissed) else None

    @on(OptionList.OptionSelected, "#prompt-list")
    def _enter(self) -> None:
        prompt = self._selected()
        if prompt is not None:
            self._declare_prompt(prompt)
        elif self._selected_dismissed() is not None:
            self.notify("Dismissed: r restores it, to declare")

    def action_dismiss_prompt(self) -> None:
        prompt = self._selected()
        if prompt is None:
            return

        def answered(yes: bool | None) -> None:
            if yes and self._dismiss_prompt(prompt):
                self.refresh_rows()

        self.app.push_screen(ConfirmScreen(dismiss_question(self.label(prompt))), answered)

    def action_restore_prompt(self) -> None:
        prompt = self._selected_dismissed()
        if prompt is None:
            self.notify("Only a dismissed prompt can be restored")
            return
        if self._restore_prompt(prompt):
            self.refresh_rows()

    def action_close(self) -> None:
        if not self._list_closed:
            self._list_closed = True
            self.dismiss(None)


def dismiss_question(label: str) -> str:
    """The question before a prompt is dismissed, naming whose it is."""
    return f"Dismiss the prompt for {label}?"
