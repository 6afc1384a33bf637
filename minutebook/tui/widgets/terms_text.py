"""The Terms of reference tab of a committee, in words: the quorum rule in force, what it
asks of today's membership, the policies the wording leaves open, and the versions."""

from __future__ import annotations

from textual.widgets import Markdown

from minutebook.application.committee import TermsInView
from minutebook.domain import Policies
from minutebook.domain.dates import long_date, short_date
from minutebook.domain.quorum import describe_requirement


class TermsText(Markdown):
    """The terms of reference as `CommitteeSetup.terms_in_view` gives them."""

    def show(self, view: TermsInView | None) -> None:
        self.update(terms_markdown(view))


def terms_markdown(view: TermsInView | None) -> str:
    if view is None:
        return "No terms of reference recorded yet for this committee."
    terms = view.terms
    lines = [
        f"## Terms of reference, version {terms.version} (adopted {long_date(terms.adopted)})",
        "",
    ]
    if not terms.policies_confirmed:
        lines += [
            "> **Policies not yet confirmed.** The ToR wording leaves some of these "
            "questions open and defaults fill them; press `e` to review and confirm "
            "each answer.",
            "",
        ]
    if terms.illustrative:
        lines += [f"> **Illustrative:** {terms.note or 'not taken from a published ToR.'}", ""]
    elif terms.note:
        lines += [f"> {terms.note}", ""]
    lines += [
        f"**Quorum rule:** {describe_requirement(terms.quorum.requirement)}",
        "",
        f"**Voting seats:** {view.voting_seats} ({view.filled} filled)",
        "",
        f"**Today ({short_date(view.today)}):**",
        "",
        *(f"- {line}" for line in view.preview),
        "",
        "**Policies** (what the wording leaves open):",
        "",
        *(f"- {name}: **{setting}**" for name, setting in _policy_rows(terms.quorum.policies)),
    ]
    if terms.meetings_per_year:
        lines.append(f"- Meetings a year: **{terms.meetings_per_year}**")
    lines += _turnaround_rows(view)
    if terms.quorum.text:
        lines += ["", "### The wording", "", terms.quorum.text]
    if len(view.versions) > 1:
        lines += ["", "### Versions", ""] + [
            f"- version {v.version}, adopted {long_date(v.adopted)}" for v in view.versions
        ]
    return "\n".join(lines)


def _turnaround_rows(view: TermsInView) -> list[str]:
    """The minutes' circulation and approval rule, saying which the version sets and
    which are the house style's usual (docs/compliance.md)."""
    rule, terms = view.turnaround, view.terms
    if rule is None:
        return []
    usual = " (the house style's usual)"
    within = f"within {rule.circulate_within} working days" if rule.circulate_within else "no rule"
    approved = "at the next meeting" if rule.approve_at_next else "no rule"
    return [
        f"- Draft minutes circulated: **{within}**"
        + (usual if terms.minutes_circulated_within is None else ""),
        f"- Minutes approved: **{approved}**"
        + (usual if terms.minutes_approved_at_next is None else ""),
    ]


def _words(value: str) -> str:
    return value.replace("_", " ")


def _policy_rows(policies: Policies) -> list[tuple[str, str]]:
    """The quorum policies as the secretary would read them out."""
    deputies = policies.deputies
    deputy_text = _words(deputies.allowed.value)
    if deputies.allowed.value != "none":
        deputy_text += f"; they {'count' if deputies.counts else 'do not count'} for quorum"
    return [
        ("Fractions are of", f"{_words(policies.base.value)} seats"),
        ("Who counts", _words(policies.counting.who_counts.value)),
        ("Deputies", deputy_text),
        ("Remote attendance counts", "yes" if policies.remote.counts else "no"),
        ("Conflicted members", _words(policies.conflicts.effect.value)),
        ("If inquorate at the start", _words(policies.on_inquorate.at_start.value)),
        ("If quorum is lost", _words(policies.on_inquorate.mid_meeting.value)),
    ]
