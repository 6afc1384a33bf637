"""The fields of the committee screen's forms: a member, an organisation, a meeting and
the committee's own details. What is typed into them is carried out, and checked, by
`minutebook.application.committee.CommitteeSetup`."""

from __future__ import annotations

from collections.abc import Sequence

from minutebook.domain.bodies import ITEMS, PARAGRAPHS, PRESETS, BodyType
from minutebook.domain.committee import Committee, Organisation, PaperSize
from minutebook.domain.labels import DecisionLabels
from minutebook.tui.screens.committees import HOUSE_STYLES
from minutebook.tui.widgets.form import FormField


def member_fields(organisations: Sequence[Organisation]) -> list[FormField]:
    orgs = [(f"{o.id} – {o.name}"[:60], o.id) for o in organisations if o.is_current]
    return [
        FormField("name", "Name", placeholder="forename surname; blank for a vacancy"),
        FormField("honorific", "Title", placeholder="Councillor, Dr, Professor …"),
        FormField("initials", "Initials", placeholder="as printed in NHS minutes"),
        FormField(
            "action_mark",
            "Action column",
            placeholder="as the minutes name them as an action's owner, e.g. COSACS",
        ),
        FormField("title", "Role", placeholder="e.g. Director of Public Health"),
        FormField("org", "Organisation", "select", options=orgs),
        FormField("voting", "Voting member", "check"),
        FormField("tags", "Tags", placeholder="e.g. chair, executive (comma separated)"),
        FormField("term_from", "Term from", placeholder="dd/mm/yyyy"),
        FormField("term_to", "Term to", placeholder="dd/mm/yyyy"),
        FormField("deputies", "Named deputies", placeholder="names, comma separated"),
    ]


def organisation_fields(editing: bool) -> list[FormField]:
    return [
        FormField("id", "Short id", placeholder="e.g. MKCC", read_only=editing),
        FormField("name", "Name", placeholder="e.g. Milton Keynes City Council"),
        FormField(
            "constituency",
            "Constituency",
            placeholder="grouping used by quorum rules, e.g. ics_org",
        ),
    ]


def meeting_fields(editing: bool) -> list[FormField]:
    fields = [
        FormField("date", "Date", placeholder="dd/mm/yyyy"),
        # "Start time" beside the end time; a new meeting has only the one time.
        FormField(
            "time", "Start time" if editing else "Time", placeholder="HH:MM, e.g. 14:00 or 7pm"
        ),
    ]
    # When it is planned to end, as the agenda prints it ("Time: 10:00 to 12:30").
    fields.append(
        FormField("planned_end", "Planned end", placeholder="HH:MM, for the agenda; or blank")
    )
    if editing:
        fields.append(FormField("ended_at", "End time", placeholder="HH:MM; blank if not recorded"))
    return [
        *fields,
        FormField("venue", "Venue"),
        FormField(
            "session", "Session", "select", options=[("Public", "public"), ("Private", "private")]
        ),
    ]


def details_fields() -> list[FormField]:
    """Name, reporting line, house style and how its minutes label decisions, usual
    venue, the Word template and its paper, the kind of body and its resolution
    excluding the press and public."""
    return [
        FormField("code", "Code", read_only=True),
        FormField("name", "Name"),
        FormField("parent_body", "Reports to"),
        FormField("house_style", "House style", "select", options=HOUSE_STYLES),
        FormField(
            "decision_labels",
            "Decisions",
            "select",
            options=[(labels.label, labels.value) for labels in DecisionLabels],
        ),
        FormField("default_venue", "Usual venue"),
        FormField(
            "word_template",
            "Word template",
            placeholder="path to a .docx or .dotx; blank for Minutebook's own",
        ),
        FormField(
            "paper_size",
            "Paper size",
            "select",
            options=[(size.label, size.value) for size in PaperSize],
        ),
        FormField(
            "body_type", "Kind of body", "select", options=[(b.label, b.value) for b in BodyType]
        ),
        FormField(
            "exclusion_wording",
            "Exclusion wording",
            placeholder="That ... {items} ... {paragraphs}; blank for the preset",
        ),
        FormField(
            "agenda_subtitle",
            "Agenda subtitle",
            placeholder="a line under the name on the agenda; blank for none",
        ),
        FormField(
            "enquiries",
            "Enquiries",
            placeholder="Please contact ... on ... or ...; blank for none",
        ),
        FormField("exclusion_on_agenda", "Exclusion at end", "check"),
    ]


def details_hint(committee: Committee) -> str:
    """Under the details form: the law the committee's exclusion resolution rests on,
    and what its placeholders become (docs/confidentiality.md)."""
    basis = PRESETS[committee.body_type].legal_basis
    return (
        f"Legal basis ({committee.body_type.label}): {basis}. In the wording, {ITEMS} "
        f"names the confidential items and {PARAGRAPHS} their Schedule 12A paragraphs; "
        "blank gives the preset of the kind of body chosen."
    )
