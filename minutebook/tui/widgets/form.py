"""A keyboard-first form dialog that keeps what was typed when it is rejected.

The caller describes the fields and gives a ``submit`` function that validates the
values (through the domain models) and saves them. If ``submit`` returns a message,
the dialog stays open with the message under the fields and every value as typed; if it
returns None the dialog closes with True. The message is brought into view, and the
cursor goes to the field it begins by naming ("Date: ..."). The message stays only while
the fields hold what was refused: changing any of them clears it (an old refusal beside
corrected fields reads as if the correction were refused too).

Escape (or Cancel) closes the dialog with False at once if every field still holds what
it opened with; if anything was typed or chosen, it first asks "Discard what you
typed?" (Y discards, N or Escape goes back to the form as it was). Ctrl+Q asks the same
through the app.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static

from minutebook.tui.sentences import sentence
from minutebook.tui.widgets.discard import DiscardGuard

Submit = Callable[[dict[str, Any]], "str | None"]


@dataclass(frozen=True)
class FormField:
    """One labelled field of a form."""

    key: str
    label: str
    kind: Literal["text", "select", "check", "lines"] = "text"
    """"lines" is text of several lines (an agenda item's wording, a list of questions):
    Enter starts a new line there, Ctrl+S saves."""
    options: Sequence[tuple[str, str]] = field(default_factory=tuple)
    placeholder: str = ""
    read_only: bool = False


class FormFields(VerticalScroll):
    """The form's fields, scrolling when they do not fit. When the box changes height (a
    refusal gives up rows to stay in view, or the terminal is resized) the field with the
    cursor is kept in view: scrolling to it before the new height is laid out would leave
    it a row below the box on a slow machine."""

    def on_resize(self) -> None:
        focused = self.screen.focused
        if focused is not None and self in focused.ancestors:
            self.scroll_to_widget(focused, animate=False, immediate=True)


class FormScreen(ModalScreen[bool]):
    """A modal form: Tab between fields, Ctrl+S (or Enter in a one-line field) saves,
    Escape cancels (asking first if anything was changed)."""

    DEFAULT_CSS = """
    FormScreen { align: center middle; }
    FormScreen > #form {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
        /* A long hint and refusal on a small screen scroll rather than cut off the end. */
        overflow-y: auto;
    }
    FormScreen #form-title { text-style: bold; padding-bottom: 1; }
    FormScreen #fields { height: auto; max-height: 14; }
    FormScreen .form-row { height: 1; }
    FormScreen .form-row.form-lines { height: 4; }
    FormScreen .form-row TextArea { width: 1fr; height: 4; }
    FormScreen #form-hint { margin-top: 1; }
    FormScreen .form-row Label { width: 18; color: $text-muted; }
    FormScreen .form-row Input, FormScreen .form-row Select { width: 1fr; }
    /* A short drop-down, so that the choice in view stays on an 80x24 screen. */
    FormScreen SelectOverlay { max-height: 8; }
    FormScreen #form-errors { color: $error; height: auto; }
    FormScreen #form-buttons { height: 1; align-horizontal: right; margin-top: 1; }
    FormScreen #form-buttons Button { margin-left: 2; }
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True, id="form.save"),
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
    ]

    def __init__(
        self,
        title: str,
        fields: Sequence[FormField],
        values: dict[str, Any],
        submit: Submit,
        hint: str = "",
        save_label: str = "Save",
        refused: str = "",
    ) -> None:
        super().__init__()
        self.form_title = title
        # A refusal that came after the form closed (a later step refused it), shown as
        # the form opens again with what was typed.
        self.refused = refused
        self.fields = list(fields)
        self.values = values
        self.submit = submit
        self.hint = hint
        self.save_label = save_label
        self.discard_guard = DiscardGuard(self)
        # The values the message under the fields refers to (None: no message shown).
        self._refused_values: dict[str, Any] | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="form"):
            yield Static(self.form_title, id="form-title")
            with FormFields(id="fields"):
                for spec in self.fields:
                    lines = " form-lines" if spec.kind == "lines" else ""
                    with Horizontal(classes="form-row" + lines):
                        yield Label(spec.label)
                        yield self._widget(spec)
            if self.hint:
                yield Static(self.hint, id="form-hint", classes="muted", markup=False)
            yield Static(Text(sentence(self.refused)) if self.refused else "", id="form-errors")
            with Horizontal(id="form-buttons"):
                yield Button(
                    f"{self.save_label} (Ctrl+S)", id="save", variant="primary", compact=True
                )
                yield Button("Cancel (Esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.discard_guard.remember()
        if self.refused:
            self._refused_values = self.collected()
        first = next((f for f in self.fields if not f.read_only), None)
        if first is not None:
            self.query_one(f"#field-{first.key}").focus()

    def _widget(self, spec: FormField) -> Widget:
        value = self.values.get(spec.key)
        widget_id = f"field-{spec.key}"
        if spec.kind == "lines":
            # Imported here: TextArea costs start-up time the first screen does not need.
            from textual.widgets import TextArea

            return TextArea(
                "" if value is None else str(value),
                id=widget_id,
                compact=True,
                placeholder=spec.placeholder,
                disabled=spec.read_only,
                highlight_cursor_line=False,
            )
        if spec.kind == "check":
            # A yes/no choice rather than a checkbox: its state is written out, and a
            # stray space typed into the wrong field cannot flip it unseen.
            return Select(
                [("Yes", True), ("No", False)],
                value=bool(value),
                id=widget_id,
                compact=True,
                allow_blank=False,
            )
        if spec.kind == "select":
            return Select(
                list(spec.options),
                value=value if value not in (None, "") else Select.NULL,
                id=widget_id,
                compact=True,
                allow_blank=True,
                prompt="(none)",
            )
        return Input(
            "" if value is None else str(value),
            placeholder=spec.placeholder,
            id=widget_id,
            compact=True,
            disabled=spec.read_only,
        )

    def collected(self) -> dict[str, Any]:
        """The values as they stand in the widgets."""
        result: dict[str, Any] = {}
        for spec in self.fields:
            widget = self.query_one(f"#field-{spec.key}")
            if isinstance(widget, Select):
                result[spec.key] = None if widget.value is Select.NULL else widget.value
            elif isinstance(widget, Input):
                result[spec.key] = widget.value
            elif spec.kind == "lines":
                result[spec.key] = getattr(widget, "text", "")
        return result

    def action_save(self) -> None:
        message = self.submit(self.collected())
        if message:
            errors = self.query_one("#form-errors", Static)
            errors.update(Text(sentence(message)))
            self._refused_values = self.collected()
            self.app.bell()
            self._show_refusal(errors, message)
        else:
            self.dismiss(True)

    def _show_refusal(self, errors: Static, message: str) -> None:
        """Bring the refusal into view and put the cursor in the field it names, so that
        Ctrl+S on a small screen does not look as if it did nothing."""
        named = self.field_named(message)
        if named is not None:
            widget = self.query_one(f"#field-{named.key}")
            widget.focus(scroll_visible=False)
            widget.scroll_visible(animate=False)
        # Last, so that where both cannot show, the refusal is the one in view.
        errors.scroll_visible(animate=False)
        self.call_after_refresh(self._fit_refusal, named)

    def _fit_refusal(self, named: FormField | None) -> None:
        """A refusal of several lines under a long hint (an inquorate item's decision on
        an 80x24 screen) makes the form taller than the screen: it would scroll its title
        off the top and cover the screen's status line. The fields' box gives up the rows
        instead (its fields scroll), so the whole form, refusal included, stays in view
        with a row free above and below it."""
        box = self.query_one("#form")
        fields = self.query_one("#fields")
        needed = box.virtual_size.height + box.gutter.height
        over = needed - (self.size.height - 2)
        if over <= 0:
            return
        fields.styles.max_height = max(3, fields.outer_size.height - over)
        self.call_after_refresh(self._refusal_in_view, named)

    def _refusal_in_view(self, named: FormField | None) -> None:
        if named is not None:
            self.query_one(f"#field-{named.key}").scroll_visible(animate=False)
        self.query_one("#form-errors").scroll_visible(animate=False)

    def field_named(self, message: str) -> FormField | None:
        """The field a refusal names: the one whose label (or key) it begins with, as in
        "Date: ..."; None if it names none. Only the start is read: a short label ("To")
        found inside a sentence would send the cursor to the wrong field."""
        words = message.casefold()
        for spec in self.fields:
            if spec.read_only:
                continue
            for name in (spec.label.casefold(), spec.key.casefold()):
                if name and words.startswith(name) and words[len(name) : len(name) + 1] in ":;,":
                    return spec
        return None

    def action_cancel(self) -> None:
        self.discard_guard.leave(lambda: self.dismiss(False))

    @on(Input.Changed)
    @on(Select.Changed)
    def _field_changed(self) -> None:
        """Clear the refusal once a field differs from what was refused."""
        if self._refused_values is not None and self.collected() != self._refused_values:
            self._refused_values = None
            self.query_one("#form-errors", Static).update("")

    def on_text_area_changed(self) -> None:
        # TextArea is imported only where a form has one ("lines"): matched by name.
        self._field_changed()

    @on(Input.Submitted)
    def _enter_saves(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
