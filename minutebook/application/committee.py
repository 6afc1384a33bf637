"""Setting up a committee: its members, organisations, meetings and details, as the
committee screen asks (docs/architecture.md).

The screen holds the forms and tables and no rule of its own. It hands `CommitteeSetup`
what the secretary typed, as typed, and shows the answer. `CommitteeSetup` reads the
form's words into domain models (dates written dd/mm/yyyy, tags and deputies separated
by commas, names matched to known people by `domain.committee.holder_named`), lets the
models and the domain's rules check them (`Seat`, `Meeting`, `meeting_date_problem`),
and has the store save them in one transaction.

Anything wrong is refused with `Refused`, whose message is what the form shows: one
problem a line, labelled with the form's own words ("Role: must be filled in"), and
nothing is stored. A meeting's form reports every problem at once (a wrong date and a
wrong time both).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from minutebook.domain.base import Refused, error_lines, sentence
from minutebook.domain.bodies import PRESETS, exclusion_wording
from minutebook.domain.committee import (
    KNOWN_TAGS,
    Committee,
    Organisation,
    Person,
    Seat,
    holder_named,
    name_key,
    people_by_name,
    unusual_tags,
)
from minutebook.domain.compliance import Turnaround, turnaround_for
from minutebook.domain.dates import meeting_date_problem, parse_date, short_date
from minutebook.domain.meeting import Meeting
from minutebook.domain.quorum import TermsOfReference
from minutebook.domain.quorum_engine import QuorumEngine
from minutebook.store.errors import StoreError

if TYPE_CHECKING:
    from minutebook.store import Store

Clock = Callable[[], dt.datetime]

# The forms' words for the models' fields, so that a refusal names what the secretary sees.
MEMBER_LABELS = {
    "name": "Name",
    "honorific": "Title",
    "initials": "Initials",
    "action_mark": "Action column",
    "title": "Role",
    "org": "Organisation",
    "tags": "Tags",
    "term_from": "Term from",
    "term_to": "Term to",
    "named_deputies": "Named deputies",
}
ORG_LABELS = {"id": "Short id", "name": "Name", "constituency": "Constituency"}
MEETING_LABELS = {
    "date": "Date",
    "time": "Time",
    "ended_at": "End time",
    "planned_end": "Planned end",
    "venue": "Venue",
    "session": "Session",
}
COMMITTEE_LABELS = {
    "code": "Code",
    "name": "Name",
    "parent_body": "Reports to",
    "house_style": "House style",
    "default_venue": "Usual venue",
    "numbering": "Minute numbers",
    "word_template": "Word template",
    "paper_size": "Paper size",
    "decision_labels": "Decisions",
    "agenda_subtitle": "Agenda subtitle",
    "enquiries": "Enquiries",
    "exclusion_on_agenda": "Exclusion at end",
    "body_type": "Kind of body",
    "exclusion_wording": "Exclusion wording",
}


@dataclass(frozen=True)
class MemberRow:
    """One line of the Members tab: a seat and its holder, in words."""

    key: str  # seat id
    name: str
    role: str
    org: str
    votes: str
    tags: str
    term: str
    deputies: str
    dim: bool  # retired or vacant


@dataclass(frozen=True)
class TermsInView:
    """What the Terms of reference tab shows: the version in force today (else the
    latest), every version, the current voting seats and what the rule asks of today's
    membership (`QuorumEngine.preview`)."""

    terms: TermsOfReference
    versions: list[TermsOfReference]
    today: dt.date
    voting_seats: int
    filled: int
    preview: list[str]
    turnaround: Turnaround | None = None
    """The version's rule for its minutes, with the house style's usual where it sets
    none (`compliance.turnaround_for`)."""


@dataclass(frozen=True)
class SavedMember:
    """A member as saved: the seat, its holder (None for a vacancy), and the tags on it
    that no quorum preset uses (saved, but worth a second look)."""

    seat: Seat
    holder: Person | None
    unusual_tags: tuple[str, ...] = ()

    @property
    def said(self) -> str:
        who = self.holder.display_name if self.holder else "vacant seat"
        return f"Saved {who} ({self.seat.title})."

    @property
    def warning(self) -> str:
        """What to say of the unusual tags; blank if there are none."""
        if not self.unusual_tags:
            return ""
        return (
            f"Tag {', '.join(self.unusual_tags)} is not one the quorum presets use "
            f"({', '.join(KNOWN_TAGS)}); check the spelling if a rule relies on it."
        )


class CommitteeSetup:
    """One committee's set-up, changed as the secretary asks."""

    def __init__(self, store: Store, code: str, clock: Clock) -> None:
        self.store = store
        self.code = code
        self.clock = clock

    def today(self) -> dt.date:
        return self.clock().date()

    # -- members ----------------------------------------------------------------------

    def members(self, show_retired: bool = False) -> list[MemberRow]:
        """The seats in order, with their holders; retired seats only if asked for."""
        seats = self.store.seats(self.code)
        people = self._people_of(seats)
        rows: list[MemberRow] = []
        for seat in seats:
            if not seat.is_current and not show_retired:
                continue
            holder = people.get(seat.holder) if seat.holder else None
            name = holder.display_name if holder else "(vacant)"
            if not seat.is_current:
                name += f" (retired {short_date(seat.retired_on)})"
            term = ""
            if seat.term_from or seat.term_to:
                term = f"{short_date(seat.term_from) or '…'}–{short_date(seat.term_to) or ''}"
            rows.append(
                MemberRow(
                    key=seat.id,
                    name=name,
                    role=seat.title,
                    org=seat.org or "",
                    votes="yes" if seat.voting else "no",
                    tags=", ".join(seat.tags),
                    term=term,
                    deputies=", ".join(
                        people[d].name if d in people else d for d in seat.named_deputies
                    ),
                    dim=not seat.is_current or holder is None,
                )
            )
        return rows

    def _people_of(self, seats: Sequence[Seat]) -> dict[str, Person]:
        """The holders and named deputies of these seats, by id: read by id, not every
        person the file keeps for its other committees."""
        named = {s.holder for s in seats if s.holder} | {d for s in seats for d in s.named_deputies}
        return {p.id: p for p in self.store.people(named)}

    def member_detail(self, seat_id: str | None) -> str:
        """The whole of one seat on a line ("Seat S1: Chair · Parish Council · voting ·
        tags: chair"); blank for no seat."""
        seat = next((s for s in self.store.seats(self.code) if s.id == seat_id), None)
        if seat is None:
            return ""
        org = next((o for o in self.store.organisations(self.code) if o.id == seat.org), None)
        parts = [seat.title]
        if org:
            parts.append(org.name)
        parts.append("voting" if seat.voting else "non-voting")
        if seat.tags:
            parts.append("tags: " + ", ".join(seat.tags))
        if seat.term_from or seat.term_to:
            parts.append(
                f"term {short_date(seat.term_from) or '…'} to {short_date(seat.term_to) or 'open'}"
            )
        if seat.named_deputies:
            people = self._people_of([seat])
            parts.append(
                "deputies: "
                + ", ".join(
                    people[d].display_name if d in people else d for d in seat.named_deputies
                )
            )
        return f"Seat {seat.id}: " + " · ".join(parts)

    def member_values(self, seat_id: str) -> tuple[Seat, dict[str, Any]]:
        """A seat, and the values its form opens with (the words `save_member` takes)."""
        seat = next(s for s in self.store.seats(self.code) if s.id == seat_id)
        people = self._people_of([seat])
        holder = people.get(seat.holder) if seat.holder else None
        return seat, {
            "name": holder.name if holder else "",
            "honorific": holder.honorific if holder else "",
            "initials": holder.initials if holder else "",
            "action_mark": holder.action_mark if holder else "",
            "title": seat.title,
            "org": seat.org,
            "voting": seat.voting,
            "tags": ", ".join(seat.tags),
            "term_from": short_date(seat.term_from),
            "term_to": short_date(seat.term_to),
            "deputies": ", ".join(
                people[d].name if d in people else d for d in seat.named_deputies
            ),
        }

    def save_member(
        self,
        existing: Seat | None = None,
        *,
        name: str | None = "",
        honorific: str | None = None,
        initials: str | None = None,
        action_mark: str | None = None,
        title: str | None = "",
        org: str | None = None,
        voting: bool = True,
        tags: str | None = "",
        term_from: str | None = "",
        term_to: str | None = "",
        deputies: str | None = "",
    ) -> SavedMember:
        """Add a seat (`existing` None) or change `existing`, with its holder and the
        deputies it names, in one transaction; a deputy not yet known to Minutebook is
        added as a new person. A blank name leaves the seat vacant.

        The holder is matched to the people already known by `holder_named`: a name other
        than the seat's current holder's is a new holder, not a rename."""
        store = self.store
        try:
            people = store.people()
            known = people_by_name(people)
            holder = self._holder(
                (name or "").strip(),
                next((p for p in people if existing and p.id == existing.holder), None),
                known,
                honorific,
                initials,
                action_mark,
            )
            named, new_people = self._deputies(_split(deputies), known)
            seat = Seat.model_validate(
                {
                    "id": existing.id if existing else store.new_seat_id(self.code),
                    "title": title,
                    "holder": holder.id if holder else None,
                    "org": org,
                    "tags": _split(tags),
                    "voting": voting,
                    "named_deputies": [d.id for d in named],
                    "term_from": _date(term_from, MEMBER_LABELS["term_from"]),
                    "term_to": _date(term_to, MEMBER_LABELS["term_to"]),
                    "retired_on": existing.retired_on if existing else None,
                }
            )
            if existing:
                store.save_member(self.code, seat, holder, new_people)
            else:
                store.add_member(self.code, seat, holder, new_people)
        except ValidationError as error:
            raise Refused("\n".join(error_lines(error, labels=MEMBER_LABELS))) from None
        except (ValueError, StoreError) as error:
            raise Refused(str(error)) from None
        return SavedMember(seat, holder, tuple(unusual_tags(seat.tags)))

    def _holder(
        self,
        name: str,
        current: Person | None,
        known: dict[str, Person],
        honorific: str | None,
        initials: str | None,
        action_mark: str | None = None,
    ) -> Person | None:
        """The seat's holder as typed: a known person (their email and printed name
        kept) or a new one; `action_mark`, how the minutes' Action column names them
        ("COSACS"; blank for the house style's usual form)."""
        if not name:
            return None
        match = holder_named(name, current, known)
        return Person.model_validate(
            {
                "id": match.id if match else self.store.new_person_id(name),
                "name": name,
                "honorific": honorific,
                "initials": initials,
                "action_mark": action_mark,
                "email": match.email if match else None,
                "printed_name": match.printed_name if match else None,
            }
        )

    def _deputies(
        self, names: list[str], known: dict[str, Person]
    ) -> tuple[list[Person], list[Person]]:
        """The named deputies, and those of them who are new to Minutebook (a name typed
        twice is one new person)."""
        deputies: list[Person] = []
        new_people: list[Person] = []
        for deputy_name in names:
            found = known.get(name_key(deputy_name))
            if found is None:
                found = Person(id=self.store.new_person_id(deputy_name), name=deputy_name)
                known[name_key(deputy_name)] = found
                new_people.append(found)
            deputies.append(found)
        return deputies, new_people

    def retire_member(self, seat_id: str, on: dt.date | None = None) -> dt.date:
        """Retire a seat from `on` (today if not given): past attendance and minutes keep
        it; it leaves the membership and no longer counts for the quorum."""
        day = on or self.today()
        self.store.retire_seat(self.code, seat_id, day)
        return day

    def reinstate_member(self, seat_id: str) -> None:
        self.store.retire_seat(self.code, seat_id, None)

    # -- organisations ----------------------------------------------------------------

    def save_organisation(
        self,
        existing: Organisation | None = None,
        *,
        id: str | None = "",
        name: str | None = "",
        constituency: str | None = None,
    ) -> Organisation:
        """Add an organisation (`existing` None) or change `existing`'s name or
        constituency; its id never changes (seats and past records refer to it)."""
        if existing and (id or "").strip() != existing.id:
            raise Refused(f"The id of an organisation cannot change (it stays {existing.id}).")
        try:
            organisation = Organisation.model_validate(
                {
                    "id": id,
                    "name": name,
                    "constituency": constituency,
                    "retired_on": existing.retired_on if existing else None,
                }
            )
            if existing:
                self.store.update_organisation(self.code, organisation)
            else:
                self.store.add_organisation(self.code, organisation)
        except ValidationError as error:
            raise Refused("\n".join(error_lines(error, labels=ORG_LABELS))) from None
        except StoreError as error:
            raise Refused(str(error)) from None
        return organisation

    def members_of(self, org_id: str) -> list[Seat]:
        """The current seats that belong to the organisation."""
        return [s for s in self.store.seats(self.code) if s.is_current and s.org == org_id]

    def retire_organisation(self, org_id: str, on: dt.date | None = None) -> dt.date:
        """Retire an organisation from `on` (today if not given); its seats stay until
        they are retired or moved."""
        day = on or self.today()
        self.store.retire_organisation(self.code, org_id, day)
        return day

    def reinstate_organisation(self, org_id: str) -> None:
        self.store.retire_organisation(self.code, org_id, None)

    # -- terms of reference -----------------------------------------------------------

    def terms_in_view(self) -> TermsInView | None:
        """The terms of reference to show: the version in force today, else the latest
        adopted; None if there are none."""
        store, today = self.store, self.today()
        versions = store.terms_of_reference(self.code)
        terms = store.terms_in_force(self.code, today) or (versions[-1] if versions else None)
        if terms is None:
            return None
        seats = store.seats(self.code)
        current = [s for s in seats if s.is_current]
        engine = QuorumEngine(terms.quorum, seats, store.organisations(self.code), today)
        return TermsInView(
            terms=terms,
            versions=versions,
            today=today,
            voting_seats=sum(1 for s in current if s.voting),
            filled=sum(1 for s in current if s.voting and s.holder),
            preview=engine.preview(),
            turnaround=turnaround_for(terms, store.committee(self.code).house_style),
        )

    # -- meetings ---------------------------------------------------------------------

    def add_meeting(
        self,
        *,
        date: str | None = "",
        time: str | None = "",
        venue: str | None = "",
        session: str | None = "public",
        planned_end: str | None = None,
    ) -> Meeting:
        """A new meeting of the committee, as typed: the date dd/mm/yyyy, the time as
        people write it (19:00, 1900, 7pm), and when it is planned to end if said."""
        meeting = self._meeting(None, date, time, venue, session, None, planned_end)
        try:
            return self.store.add_meeting(meeting)
        except StoreError as error:
            raise Refused(sentence(str(error))) from None

    def new_meeting(
        self,
        *,
        date: str | None = "",
        time: str | None = "",
        venue: str | None = "",
        session: str | None = "public",
        planned_end: str | None = None,
    ) -> Meeting:
        """The meeting the "New meeting" form describes, checked but not stored yet: its
        agenda is settled first (`application.standing`, docs/agenda.md)."""
        return self._meeting(None, date, time, venue, session, None, planned_end)

    @staticmethod
    def details_values(committee: Committee) -> dict[str, Any]:
        """The committee's details as its form shows them."""
        return {
            "code": committee.code,
            "name": committee.name,
            "parent_body": committee.parent_body or "",
            "house_style": committee.house_style.value,
            "decision_labels": committee.decision_labels.value,
            "default_venue": committee.default_venue or "",
            "word_template": committee.word_template or "",
            "paper_size": committee.paper_size.value,
            "agenda_subtitle": committee.agenda_subtitle or "",
            "enquiries": committee.enquiries or "",
            "exclusion_on_agenda": committee.exclusion_on_agenda,
            "body_type": committee.body_type.value,
            "exclusion_wording": exclusion_wording(
                committee.body_type, committee.exclusion_wording
            ),
        }

    @staticmethod
    def meeting_values(meeting: Meeting) -> dict[str, Any]:
        """The values a meeting's form opens with (the words `edit_meeting` takes)."""
        return {
            "date": short_date(meeting.date),
            "time": meeting.time or "",
            "ended_at": meeting.ended_at or "",
            "planned_end": meeting.planned_end or "",
            "venue": meeting.venue or "",
            "session": meeting.session.value,
        }

    def edit_meeting(
        self,
        meeting: Meeting,
        *,
        date: str | None = "",
        time: str | None = "",
        ended_at: str | None = "",
        venue: str | None = "",
        session: str | None = "public",
        planned_end: str | None = None,
    ) -> Meeting:
        """Correct `meeting`'s date, start and end times, venue or session, or when it is
        planned to end (None: as it was). A blank end time clears the one recorded live.
        The store refuses signed minutes, and a date that would put minute numbers
        already issued in another numbering period."""
        if planned_end is None:
            planned_end = meeting.planned_end
        changed = self._meeting(meeting, date, time, venue, session, ended_at, planned_end)
        try:
            return self.store.update_meeting(changed)
        except StoreError as error:
            raise Refused(sentence(str(error))) from None

    def delete_meeting(self, meeting_id: int) -> None:
        """Delete a meeting that holds nothing but its agenda; the store refuses one that
        holds anything else, and says what it holds."""
        try:
            self.store.delete_meeting(meeting_id)
        except StoreError as error:
            raise Refused(sentence(str(error))) from None

    def _meeting(
        self,
        current: Meeting | None,
        date: str | None,
        time: str | None,
        venue: str | None,
        session: str | None,
        ended_at: str | None,
        planned_end: str | None = None,
    ) -> Meeting:
        """The meeting the form describes, or every problem with it at once."""
        problems: list[str] = []
        day: dt.date | None = None
        try:
            day = _date(date, MEETING_LABELS["date"])
            if day is None:
                problems.append("Date: the meeting needs a date (dd/mm/yyyy)")
            elif problem := meeting_date_problem(day, self.today()):
                problems.append(f"Date: {problem}")
        except ValueError as error:
            problems.append(str(error))
        fields: dict[str, object] = {
            "committee": self.code,
            # A placeholder when the date is wrong, so that the other fields are checked.
            "date": day or (current.date if current else self.today()),
            "time": time,
            "venue": venue,
            "session": session or "public",
            "planned_end": planned_end,
        }
        if current is not None:
            fields = {**current.model_dump(), **fields, "ended_at": ended_at}
        try:
            meeting = Meeting.model_validate(fields)
        except ValidationError as error:
            # Beside the end time, the form calls the meeting's time its start time.
            labels = {**MEETING_LABELS, "time": "Start time"} if current else MEETING_LABELS
            problems += error_lines(error, labels=labels)
        if problems:
            raise Refused("\n".join(problems))
        return meeting

    # -- the committee's own details --------------------------------------------------

    def save_details(
        self,
        *,
        name: str | None = "",
        parent_body: str | None = None,
        house_style: str | None = None,
        decision_labels: str | None = None,
        default_venue: str | None = None,
        word_template: str | None = None,
        paper_size: str | None = None,
        agenda_subtitle: str | None = None,
        enquiries: str | None = None,
        exclusion_on_agenda: bool | None = None,
        body_type: str | None = None,
        exclusion_wording: str | None = None,
    ) -> Committee:
        """Change the committee's name, reporting line, house style, how its minutes label
        decisions (not given, unchanged), usual venue, Word template (a .docx or .dotx
        path, kept in full; blank for Minutebook's own), the paper its documents are laid
        out on (A4 unless it asks for US Letter), the kind of body it is, or its
        resolution excluding the press and public (blank, or a preset as the form shows
        it, for its body type's preset; not given, unchanged)."""
        current = self.store.committee(self.code)
        template = str(word_template or "").strip()
        if template:
            template = str(Path(template).expanduser().resolve())
        try:
            committee = Committee.model_validate(
                {
                    **current.model_dump(),
                    "name": name,
                    "parent_body": parent_body,
                    "house_style": house_style or current.house_style.value,
                    "decision_labels": decision_labels or current.decision_labels.value,
                    "default_venue": default_venue,
                    "word_template": template,
                    "paper_size": paper_size or current.paper_size.value,
                    # The agenda's front page (docs/agenda.md); not given, as it was.
                    "agenda_subtitle": current.agenda_subtitle
                    if agenda_subtitle is None
                    else agenda_subtitle,
                    "enquiries": current.enquiries if enquiries is None else enquiries,
                    "exclusion_on_agenda": current.exclusion_on_agenda
                    if exclusion_on_agenda is None
                    else exclusion_on_agenda,
                    "body_type": body_type or current.body_type.value,
                    "exclusion_wording": (
                        current.exclusion_wording
                        if exclusion_wording is None
                        else _own_wording(exclusion_wording)
                    ),
                }
            )
        except ValidationError as error:
            raise Refused("\n".join(error_lines(error, labels=COMMITTEE_LABELS))) from None
        if committee.word_template:
            # Refuse a template that would make every export fail, while the path is in
            # view. (Imported here, so that python-docx is loaded only to check one.)
            from minutebook.exporters.common import ExportError, new_document

            try:
                new_document(Path(committee.word_template))
            except ExportError as error:
                raise Refused(f"Word template: {error}") from None
        try:
            return self.store.update_committee(committee)
        except StoreError as error:
            raise Refused(str(error)) from None


def _own_wording(typed: str | None) -> str | None:
    """The exclusion wording a committee keeps as its own: None (its body type's preset,
    which follows a change of body type) when what the form holds is a preset as shown."""
    text = (typed or "").strip()
    if not text or text in {preset.wording for preset in PRESETS.values()}:
        return None
    return text


def _split(text: str | None) -> list[str]:
    """The parts of a comma-separated field, trimmed, blanks left out."""
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def _date(text: str | None, label: str) -> dt.date | None:
    """A date field as typed (blank is none), naming the field if it is not a date."""
    try:
        return parse_date(text or "")
    except ValueError as error:
        raise ValueError(f"{label}: {error}") from None
