"""The meeting's possible interests, before it is held (docs/register.md#prompts): the
meeting screen's `I` (and the palette's "Possible interests from the register") lists
each agenda item the register of interests prompts members on, with each member's name
and interest, one a line ("9. Next Steps for Integrating Primary Care: Fuller
Stocktake", then "  Joe Harrison — National Association of Primary Care", ...), then
who "declared: …" at the meeting and the prompts "dismissed: …". The agenda's "Int."
column counts them; this names them, so the secretary can brief the Chair. The prompts
are `application.interest_prompts.agenda_interests`' answer, the same live capture
shows item by item; this module only words them."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from minutebook.application.interest_prompts import ItemInterests, agenda_interests
from minutebook.domain.meeting import AgendaItem
from minutebook.domain.prompts import Prompt

if TYPE_CHECKING:
    from minutebook.tui.app import MinutebookApp

NONE_PROMPTED = (
    "The register of interests prompts no one on this agenda (or the committee keeps no "
    "register in Minutebook)."
)

HINT = (
    "In live capture (l), each item's open prompts are named as it is taken up: F5 "
    "declares one, Shift+F5 dismisses it. Esc closes."
)


def interest_lines(
    agenda: Sequence[AgendaItem],
    interests: Mapping[int, ItemInterests],
    name: Callable[[str], str],
) -> list[str]:
    """One paragraph per agenda item with prompts or declarations, in agenda order: its
    number and title, then each open prompt on its own line, "name — interest" (the
    organisation in full), then "declared: …" and "dismissed: …"."""
    paragraphs = []
    for item in agenda:
        found = interests.get(item.number)
        if found is None or not (found.open or found.declared or found.dismissed):
            continue
        lines = [f"{item.number}. {item.title}"]
        lines += [f"  {name(p.person)} — {_interest(p)}" for p in found.open]
        if found.declared:
            lines.append("  declared: " + ", ".join(name(p) for p in found.declared))
        if found.dismissed:
            lines.append(
                "  dismissed: "
                + "; ".join(f"{name(p.person)} — {_interest(p)}" for p in found.dismissed)
            )
        paragraphs.append("\n".join(lines))
    return paragraphs


def _interest(prompt: Prompt) -> str:
    """The interest a prompt names, whole (the dialog wraps it; `Prompt.summary` cuts)."""
    if prompt.interest is None:
        return prompt.reason[0] if prompt.reason else ""
    return prompt.interest.organisation or prompt.summary


class InterestsDialog(ModalScreen[None]):
    """The agenda's possible interests, one paragraph per item; Escape closes it."""

    DEFAULT_CSS = """
    InterestsDialog { align: center middle; }
    InterestsDialog > Vertical {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    InterestsDialog .dialog-title { text-style: bold; height: 1; }
    InterestsDialog VerticalScroll { height: auto; max-height: 18; }
    InterestsDialog #interests-text { height: auto; }
    InterestsDialog .dialog-keys { color: $text-muted; height: auto; }
    """
    BINDINGS = [Binding("escape,I", "close", "Close", id="interests.close")]

    def __init__(self, lines: Sequence[str]) -> None:
        super().__init__()
        self.lines = list(lines)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Possible interests from the register", classes="dialog-title")
            with VerticalScroll():
                text = "\n\n".join(self.lines) if self.lines else NONE_PROMPTED
                yield Static(Text(text), id="interests-text")
            yield Static(HINT, classes="dialog-keys")

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()  # the arrows scroll a long list

    def action_close(self) -> None:
        self.dismiss(None)


def show_interests(app: MinutebookApp, meeting_id: int) -> None:
    """Open the list of the meeting's possible interests."""
    store = app.store
    interests = agenda_interests(store, meeting_id)
    who = {d for i in interests.values() for d in i.declared}
    who |= {p.person for i in interests.values() for p in (*i.open, *i.dismissed)}
    people = {p.id: p for p in store.people(who)}

    def name(person: str) -> str:
        known = people.get(person)
        return known.display_name if known is not None else person

    app.push_screen(InterestsDialog(interest_lines(store.agenda(meeting_id), interests, name)))
