"""The meeting's possible interests, before it is held (docs/register.md#prompts): the
meeting screen's `I` (and the palette's "Possible interests from the register") lists
each agenda item the register of interests prompts members on, with each member's name
and interest: "9. Next Steps for Integrating Primary Care: Fuller Stocktake: Joe
Harrison — National Association of Primary Care; Dr Omotayo Kufeji — The Bridge PCN".
The agenda's "Int." column counts them; this names them, so the secretary can brief the
Chair. The prompts are `application.interest_prompts.agenda_prompts`' answer, the same
live capture shows item by item; this module only words them."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from minutebook.application.interest_prompts import agenda_prompts
from minutebook.domain.meeting import AgendaItem
from minutebook.domain.prompts import Prompt

if TYPE_CHECKING:
    from minutebook.tui.app import MinutebookApp

NONE_PROMPTED = (
    "The register of interests prompts no one on this agenda (or the committee keeps no "
    "register in Minutebook)."
)


def interest_lines(
    agenda: Sequence[AgendaItem],
    prompts: Mapping[int, Sequence[Prompt]],
    name: Callable[[str], str],
) -> list[str]:
    """One line per agenda item with prompts, in agenda order: its number and title,
    then each prompt as "name — interest", apart by "; "."""
    lines = []
    for item in agenda:
        found = prompts.get(item.number) or ()
        if found:
            named = "; ".join(f"{name(p.person)} — {p.summary}" for p in found)
            lines.append(f"{item.number}. {item.title}: {named}")
    return lines


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
            yield Static(
                "Declared at the meeting: live capture (l) prompts each item as it is "
                "taken up (F5). Esc closes.",
                classes="dialog-keys",
            )

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()  # the arrows scroll a long list

    def action_close(self) -> None:
        self.dismiss(None)


def show_interests(app: MinutebookApp, meeting_id: int) -> None:
    """Open the list of the meeting's possible interests."""
    store = app.store
    prompts = agenda_prompts(store, meeting_id)
    people = {p.id: p for p in store.people({p.person for ps in prompts.values() for p in ps})}

    def name(person: str) -> str:
        known = people.get(person)
        return known.display_name if known is not None else person

    app.push_screen(InterestsDialog(interest_lines(store.agenda(meeting_id), prompts, name)))
