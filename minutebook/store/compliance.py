"""What a committee's compliance over a period reads (docs/compliance.md): the whole record
of each meeting in the period, and of the few meetings after it (for the approval of
the last one's minutes at the next meeting), in one query per list, not one per
meeting; and the actions that can be overdue or escalated at the period's end.

The filters use the indexes the file already has: meetings on (committee, date), every
part of a meeting's record on its meeting, actions on their committee."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING, Any

from minutebook.domain.actions import Action
from minutebook.domain.meeting import (
    AgendaItem,
    Attendance,
    Declaration,
    Meeting,
    MeetingRecord,
    Minute,
    QuorumRuling,
)
from minutebook.domain.reviews import ActionReview
from minutebook.domain.timeline import Event
from minutebook.store.base import StoreBase
from minutebook.store.minutes import _decision, _minute_columns
from minutebook.store.rows import from_row

FOLLOWING = 3
"""How many meetings after the period are read: the next one held is among them unless
more than two in a row were cancelled or left unrecorded."""


class ComplianceRepository(StoreBase):
    """Reading the records of a committee's meetings over a period at once."""

    if TYPE_CHECKING:  # from the other repositories that `Store` joins with this one

        def _actions_where(self, condition: str, params: list[Any]) -> list[Action]: ...
        def _reviews_where(
            self, condition: str, params: list[Any]
        ) -> dict[int, list[ActionReview]]: ...

    def meeting_records(
        self, code: str, start: date, end: date, following: int = FOLLOWING
    ) -> list[MeetingRecord]:
        """The meetings of committee `code` from `start` to `end` (both included) and the
        `following` meetings after `end`, oldest first, each with its whole record as
        `meeting_record` reads it (agenda, attendance, declarations and rulings not
        deleted, minutes with their decisions, timeline)."""
        where = (
            "committee = ? AND ((date >= ? AND date <= ?) OR id IN (SELECT id FROM meetings "
            "WHERE committee = ? AND date > ? ORDER BY date, time, id LIMIT ?))"
        )
        params: list[Any] = [code, start.isoformat(), end.isoformat()]
        params += [code, end.isoformat(), following]
        of_meetings = f"meeting_id IN (SELECT id FROM meetings WHERE {where})"
        with self.transaction():
            meetings = self._rows(
                f"SELECT * FROM meetings WHERE {where} ORDER BY date, time, id", params
            )
            agenda = self._grouped(
                f"SELECT * FROM agenda_items WHERE {of_meetings} ORDER BY number", params
            )
            attendance = self._grouped(
                f"SELECT * FROM attendance WHERE {of_meetings} ORDER BY id", params
            )
            declarations = self._grouped(
                f"SELECT * FROM declarations WHERE {of_meetings} AND deleted_at IS NULL "
                "ORDER BY id",
                params,
            )
            rulings = self._grouped(
                f"SELECT * FROM quorum_rulings WHERE {of_meetings} AND deleted_at IS NULL "
                "ORDER BY id",
                params,
            )
            minutes = self._grouped(
                f"SELECT * FROM minutes WHERE {of_meetings} ORDER BY item", params
            )
            decisions: defaultdict[int, list[dict[str, Any]]] = defaultdict(list)
            for row in self._rows(
                "SELECT minute_id, id, verb, text, flag, position, vote FROM decisions "
                f"WHERE minute_id IN (SELECT id FROM minutes WHERE {of_meetings}) "
                "AND deleted_at IS NULL ORDER BY minute_id, position",
                params,
            ):
                decisions[row.pop("minute_id")].append(row)
            events: defaultdict[int, list[Event]] = defaultdict(list)
            for row in self._rows(
                "SELECT meeting_id, id, kind, item, phase, person, at, ref, note FROM timeline "
                f"WHERE {of_meetings} ORDER BY id",
                params,
            ):
                events[row.pop("meeting_id")].append(from_row(Event, row))
        return [
            MeetingRecord(
                meeting=from_row(Meeting, row),
                agenda=tuple(from_row(AgendaItem, r) for r in agenda[row["id"]]),
                attendance=tuple(from_row(Attendance, r) for r in attendance[row["id"]]),
                declarations=tuple(from_row(Declaration, r) for r in declarations[row["id"]]),
                minutes=tuple(
                    from_row(
                        Minute,
                        _minute_columns(r),
                        decisions=[_decision(d) for d in decisions[r["id"]]],
                    )
                    for r in minutes[row["id"]]
                ),
                quorum_rulings=tuple(from_row(QuorumRuling, r) for r in rulings[row["id"]]),
                events=tuple(events[row["id"]]),
            )
            for row in meetings
        ]

    def _grouped(self, sql: str, params: list[Any]) -> defaultdict[int, list[dict[str, Any]]]:
        grouped: defaultdict[int, list[dict[str, Any]]] = defaultdict(list)
        for row in self._rows(sql, params):
            grouped[row["meeting_id"]].append(row)
        return grouped

    def actions_standing(
        self, code: str, start: date, end: date
    ) -> tuple[list[Action], dict[int, list[ActionReview]]]:
        """The committee's actions that bear on a period's compliance, with every review
        of each: those agreed in it, and those agreed before it that were still open at
        its end (closed since, or not at all), not the closed history of earlier years;
        in three queries. How each stood at the period's end is the domain's to say
        (`reviews.as_presented`)."""
        condition = (
            "committee = ? AND meeting_date <= ? "
            "AND (meeting_date >= ? OR closed_on IS NULL OR closed_on > ?)"
        )
        params = [code, end.isoformat(), start.isoformat(), end.isoformat()]
        return self._actions_where(condition, params), self._reviews_where(condition, params)
