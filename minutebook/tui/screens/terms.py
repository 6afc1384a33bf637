"""Editing a committee's terms of reference: the quorum rule and its policies.

The secretary starts from a preset or the rule in force, edits the requirement tree as
YAML if the ToR needs something the presets do not say, and answers each question the
wording of a ToR often leaves open (what fractions are of, whether remote members and
deputies count, what a conflict does). A preview shows at every change what the rule
asks of today's membership. Saving adds a new version with its adoption date; versions
are never rewritten, so past meetings keep being judged by the rule they met under.
Escape (and Ctrl+Q) ask before throwing away anything changed since the screen opened.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Label, Select, Static, TextArea

from minutebook.domain import TermsOfReference
from minutebook.domain.base import error_lines, whole_number_bounds
from minutebook.domain.dates import parse_date, short_date
from minutebook.domain.presets import PRESETS, preset
from minutebook.domain.quorum import QuorumRule
from minutebook.domain.quorum_engine import QuorumEngine
from minutebook.interchange.reading import FileError, load_data
from minutebook.store import StoreError
from minutebook.tui.widgets.discard import DiscardGuard

if TYPE_CHECKING:
    from minutebook.tui.app import MinutebookApp

KEEP = "keep"
AS_WRITTEN = "as_written"
ROUNDING_CHOICES = (
    ("up (ceil): 2.5 → 3, 2.25 → 3", "ceil"),
    ("down (floor): 2.5 → 2", "floor"),
    ("to the nearest, halves up: 2.5 → 3, 2.25 → 2", "half_up"),
    ("as written in each clause of the rule", AS_WRITTEN),
)
ROUNDED_NODES = ("fraction", "org_coverage")


def _roundings(node: Any) -> set[str]:
    """Every rounding named in a requirement tree (a fraction's default is ceil)."""
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ROUNDED_NODES and isinstance(value, dict):
                found.add(str(value.get("rounding", "ceil")))
            found |= _roundings(value)
    elif isinstance(node, list):
        for part in node:
            found |= _roundings(part)
    return found


def _set_rounding(node: Any, rounding: str) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ROUNDED_NODES and isinstance(value, dict):
                value["rounding"] = rounding
            _set_rounding(value, rounding)
    elif isinstance(node, list):
        for part in node:
            _set_rounding(part, rounding)


# Each open question: (key, label, options as (words, value)). The value is a path into
# the policies mapping, "section.field", so the screen reads and writes them the same way.
QUESTIONS: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
    (
        "base",
        "Fractions are of",
        (("all voting seats, filled or vacant", "establishment"), ("members in post", "filled")),
    ),
    (
        "counting.who_counts",
        "Who counts",
        (("voting members only", "voting_members"), ("all members", "all_members")),
    ),
    (
        "counting.single_capacity",
        "One person, two roles",
        (("may fill both", "false"), ("fills only one", "true")),
    ),
    (
        "remote.counts",
        "Remote attendance",
        (
            ("counts", "true"),
            ("does not count", "false"),
            ("counts while more are in the room", "majority"),
        ),
    ),
    (
        "deputies.allowed",
        "Deputies",
        (("not allowed", "none"), ("named deputies only", "named"), ("any deputy", "any")),
    ),
    ("deputies.counts", "Deputies count", (("yes", "true"), ("no", "false"))),
    (
        "conflicts.effect",
        "A conflicted member",
        (
            ("no longer counts", "exclude"),
            ("is deemed present", "deemed_present"),
            ("conflicts are ignored", "ignore"),
        ),
    ),
    (
        "on_inquorate.at_start",
        "If inquorate at start",
        (
            ("adjourn", "adjourn"),
            ("proceed, no decisions", "proceed_no_decisions"),
            ("defer items", "defer_items"),
            ("Chair's action", "chairs_action"),
            ("refer to parent body", "refer_to_parent"),
        ),
    ),
    (
        "on_inquorate.mid_meeting",
        "If quorum is lost",
        (
            ("adjourn", "adjourn"),
            ("proceed, no decisions", "proceed_no_decisions"),
            ("defer items", "defer_items"),
            ("Chair's action", "chairs_action"),
            ("refer to parent body", "refer_to_parent"),
        ),
    ),
)


APPROVAL_CHOICES = (
    # The first follows the house style (every style's rule is the next meeting) and
    # changes with it; the second is set in this version: they must not read the same.
    ("house style's rule (at the next meeting)", "usual"),
    ("at the next meeting (set here)", "yes"),
    ("no rule (set here)", "no"),
)

FIELDS_NAMED = (
    ("Adopted on", "#adopted"),
    ("Meets at least", "#per-year"),
    ("Circulated within", "#circulate-within"),
    ("rule", "#requirement"),
    ("requirement", "#requirement"),
    ("text", "#wording"),
)
"""The field a refusal names at its start ("Adopted on: ..."), to move the cursor to."""


def field_named(message: str) -> str | None:
    """The selector of the field a refusal begins by naming, None if it names none."""
    return next((sel for name, sel in FIELDS_NAMED if message.startswith(name)), None)


def _compliance_rows(current: TermsOfReference | None) -> ComposeResult:
    """The ToR's number of meetings a year and its turnaround rule for minutes, from the
    version in force (docs/compliance.md); blank: not set (the house style's usual)."""

    def shown(value: int | None) -> str:
        return "" if value is None else str(value)

    per_year = current.meetings_per_year if current else None
    within = current.minutes_circulated_within if current else None
    at_next = current.minutes_approved_at_next if current else None
    with Horizontal(classes="terms-row"):
        yield Label("Meets at least (a year)")
        yield Input(
            shown(per_year), id="per-year", compact=True, placeholder="e.g. 4; blank: not set"
        )
    with Horizontal(classes="terms-row"):
        yield Label("Circulated within")
        yield Input(
            shown(within),
            id="circulate-within",
            compact=True,
            placeholder="working days; blank: the usual (NHS 10, council none); 0: no rule",
        )
    with Horizontal(classes="terms-row"):
        yield Label("Minutes approved")
        yield Select(
            list(APPROVAL_CHOICES),
            value={None: "usual", True: "yes", False: "no"}[at_next],
            allow_blank=False,
            id="approve-next",
            compact=True,
        )


def _whole(text: str, label: str, lowest: int, highest: int) -> int | None:
    """A whole number typed in a field, None for blank; ValueError naming the field."""
    text = text.strip()
    if not text:
        return None
    # isdecimal, not isdigit: "²" is a digit int() cannot read.
    if not text.isdecimal() or not lowest <= int(text) <= highest:
        raise ValueError(
            f"{label}: give a whole number from {lowest} to {highest}, or leave it blank"
        )
    return int(text)


def policy_value(policies: dict[str, Any], path: str) -> str:
    """The answer to one question, as the select shows it."""
    if path == "remote.counts" and policies.get("remote", {}).get("condition"):
        return "majority"
    value: Any = policies
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def set_policy(policies: dict[str, Any], path: str, answer: str) -> None:
    """Write one answer back into the policies mapping."""
    if path == "remote.counts":
        remote = policies.setdefault("remote", {})
        remote["counts"] = answer != "false"
        remote["condition"] = "in_person_majority" if answer == "majority" else None
        return
    value: Any = {"true": True, "false": False}.get(answer, answer)
    parts = path.split(".")
    target = policies
    for part in parts[:-1]:
        target = target.setdefault(part, {})
    target[parts[-1]] = value


class TermsScreen(Screen[bool]):
    """A new version of the committee's terms of reference."""

    HELP_TEXT = """## Terms of reference

Pick a **preset** close to your ToR, or edit the **rule** as YAML: each node is one key —
`all`, `any`, `at_least`, `count`, `fraction`, `role`, `org_coverage`,
`share_of_present`, `max`, `min` (see the README for every field). Then answer each
**question** the wording leaves open. The **preview** shows what the rule asks of today's
membership. `Ctrl+S` saves a new version adopted on the date given, which must be after
the latest version's; earlier versions are kept, and each meeting is judged by the
version in force on its date. What cannot be saved is said above the form, and the
cursor goes to the field it names. `Escape` leaves without saving; if you have changed
anything it asks first."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save version", priority=True, id="terms.save"),
        Binding("escape", "cancel", "Cancel", id="terms.cancel"),
    ]

    app: MinutebookApp

    def __init__(self, code: str) -> None:
        super().__init__()
        self.code = code
        self.discard_guard = DiscardGuard(self)

    def compose(self) -> ComposeResult:
        store = self.app.store
        versions = store.terms_of_reference(self.code)
        today = self.app.clock().date()
        current = store.terms_in_force(self.code, today) or (versions[-1] if versions else None)
        self.next_version = max((v.version for v in versions), default=0) + 1
        self.confirmed = current is not None and current.policies_confirmed
        if current is not None:
            rule = json.loads(current.quorum.model_dump_json())
        else:
            first = PRESETS[0]
            rule = {
                "text": first.wording,
                "requirement": first.requirement,
                "policies": first.policies,
            }
        self.policies: dict[str, Any] = json.loads(
            QuorumRule.model_validate(rule).policies.model_dump_json()
        )
        committee = store.committee(self.code)
        yield Header()
        yield Static(
            f"{committee.name}: terms of reference, new version {self.next_version}",
            classes="screen-title",
        )
        # Above the form, not under it: a refusal is in view whatever is scrolled to,
        # on an 80x24 screen too.
        yield Static("", id="terms-errors")
        with VerticalScroll(id="terms-form"):
            with Horizontal(classes="terms-row"):
                yield Label("Start from")
                yield Select(
                    [("the rule in force" if current else "(choose)", KEEP)]
                    + [(p.label, p.key) for p in PRESETS],
                    value=KEEP,
                    allow_blank=False,
                    id="preset",
                    compact=True,
                )
            with Horizontal(classes="terms-row"):
                yield Label("Adopted on")
                yield Input(short_date(today), id="adopted", compact=True, placeholder="dd/mm/yyyy")
            # How often it meets and its turnaround rule for minutes (docs/compliance.md).
            yield from _compliance_rows(current)
            yield Static("The ToR wording (verbatim)", classes="terms-heading")
            yield TextArea(rule.get("text", ""), id="wording", soft_wrap=True)
            yield Static("The rule (YAML; one key a node)", classes="terms-heading")
            yield TextArea(
                yaml.safe_dump(
                    rule["requirement"], sort_keys=False, width=70, default_flow_style=None
                ),
                id="requirement",
                soft_wrap=False,
            )
            yield Static(
                "What the wording leaves open"
                + ("" if self.confirmed else ": these are defaults, confirm each answer"),
                classes="terms-heading",
                id="questions-heading",
            )
            roundings = _roundings(rule["requirement"])
            with Horizontal(classes="terms-row"):
                yield Label("Round fractions")
                yield Select(
                    list(ROUNDING_CHOICES),
                    value=roundings.pop() if len(roundings) == 1 else AS_WRITTEN,
                    allow_blank=False,
                    id="rounding",
                    compact=True,
                )
            for key, label, options in QUESTIONS:
                with Horizontal(classes="terms-row"):
                    yield Label(label)
                    yield Select(
                        list(options),
                        value=policy_value(self.policies, key),
                        allow_blank=False,
                        id="q-" + key.replace(".", "-"),
                        compact=True,
                    )
            yield Static("", id="preview")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.update_preview()
        self.discard_guard.remember()
        # The cursor starts in the first field, not on the scrolling form around it, so
        # that Tab goes down the fields in the order they are shown.
        self.query_one("#preset").focus()

    # -- reading the form ------------------------------------------------------------

    def rule_from_form(self) -> QuorumRule:
        """The rule as the form stands; raises ValueError with readable lines."""
        text = self.query_one("#requirement", TextArea).text
        try:
            # The same careful reader as a ToR file's: no aliases, no runaway nesting.
            requirement = load_data(text, "rule")
        except FileError as error:
            raise ValueError(f"rule: {error.problems[0]}") from None
        policies = json.loads(json.dumps(self.policies))
        for key, _label, _options in QUESTIONS:
            select = self.query_one("#q-" + key.replace(".", "-"), Select)
            set_policy(policies, key, str(select.value))
        try:
            return QuorumRule.model_validate(
                {
                    "text": self.query_one("#wording", TextArea).text.strip(),
                    "requirement": requirement,
                    "policies": policies,
                }
            )
        except ValidationError as error:
            raise ValueError("\n".join(error_lines(error))) from None

    def compliance_from_form(self) -> dict[str, Any]:
        """The number of meetings a year and the turnaround rule as typed; ValueError
        with the field's name where one is not a whole number in range."""
        approve = str(self.query_one("#approve-next", Select).value)
        return {
            "meetings_per_year": _whole(
                self.query_one("#per-year", Input).value,
                "Meets at least (a year)",
                *whole_number_bounds(TermsOfReference, "meetings_per_year"),
            ),
            "minutes_circulated_within": _whole(
                self.query_one("#circulate-within", Input).value,
                "Circulated within",
                *whole_number_bounds(TermsOfReference, "minutes_circulated_within"),
            ),
            "minutes_approved_at_next": {"yes": True, "no": False}.get(approve),
        }

    def update_preview(self) -> None:
        preview = self.query_one("#preview", Static)
        errors = self.query_one("#terms-errors", Static)
        try:
            rule = self.rule_from_form()
        except ValueError as error:
            preview.update("")
            errors.update(Text(str(error)))
            return
        errors.update("")
        store = self.app.store
        today = self.app.clock().date()
        engine = QuorumEngine(rule, store.seats(self.code), store.organisations(self.code), today)
        lines = [f"Today ({short_date(today)}):", *(f"  • {line}" for line in engine.preview())]
        preview.update(Text("\n".join(lines)))

    @on(Select.Changed)
    def _select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "preset" and event.value not in (KEEP, Select.NULL):
            self.apply_preset(str(event.value))
        if event.select.id == "rounding" and event.value != AS_WRITTEN:
            self.apply_rounding(str(event.value))
        self.update_preview()

    def apply_rounding(self, rounding: str) -> None:
        """Use one rounding for every fraction in the rule, rewriting its YAML."""
        area = self.query_one("#requirement", TextArea)
        try:
            requirement = load_data(area.text, "rule")
        except FileError:
            return  # the preview already says the YAML is broken
        if _roundings(requirement) != {rounding}:
            _set_rounding(requirement, rounding)
            area.text = yaml.safe_dump(
                requirement, sort_keys=False, width=70, default_flow_style=None
            )

    def apply_preset(self, key: str) -> None:
        """Fill the wording, the rule and the answers from a preset."""
        chosen = preset(key)
        self.query_one("#requirement", TextArea).text = yaml.safe_dump(
            chosen.requirement, sort_keys=False, width=70, default_flow_style=None
        )
        self.query_one("#wording", TextArea).text = chosen.wording
        self.policies = json.loads(
            QuorumRule.model_validate(
                {"requirement": chosen.requirement, "policies": chosen.policies}
            ).policies.model_dump_json()
        )
        for question, _label, _options in QUESTIONS:
            select = self.query_one("#q-" + question.replace(".", "-"), Select)
            select.value = policy_value(self.policies, question)
        roundings = _roundings(chosen.requirement)
        self.query_one("#rounding", Select).value = (
            roundings.pop() if len(roundings) == 1 else AS_WRITTEN
        )

    @on(TextArea.Changed, "#requirement")
    def _rule_changed(self) -> None:
        self.update_preview()

    # -- saving ----------------------------------------------------------------------

    def action_save(self) -> None:
        errors = self.query_one("#terms-errors", Static)
        try:
            rule = self.rule_from_form()
            try:
                adopted = parse_date(self.query_one("#adopted", Input).value)
            except ValueError as error:
                raise ValueError(f"Adopted on: {error}") from None
            if adopted is None:
                raise ValueError("Adopted on: give the date the ToR was adopted (dd/mm/yyyy)")
            # Saving from this screen answers every question explicitly.
            version = TermsOfReference(
                version=self.next_version,
                adopted=adopted,
                quorum=rule,
                policies_confirmed=True,
                **self.compliance_from_form(),
            )
            self.app.store.add_terms_of_reference(self.code, version)
        except (ValueError, StoreError) as error:
            errors.update(Text(str(error)))
            self.app.bell()
            named = field_named(str(error))
            if named is not None:
                field = self.query_one(named)
                field.focus(scroll_visible=False)
                self.query_one("#terms-form").scroll_to_widget(field, animate=False)
            return
        self.notify(f"Saved terms of reference version {self.next_version}.")
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.discard_guard.leave(lambda: self.dismiss(False))
