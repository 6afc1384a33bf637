"""What the attendance over a period reads (docs/attendance.md, "Over a period"): the
meetings of some committees between two dates with their attendance rows and the
comings and goings of their timelines, in one query per list, not one per meeting.

The filters use the indexes the file already has: meetings on (committee, date),
attendance and timeline on their meeting."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from minutebook.domain.committee import Person
from minutebook.domain.meeting import Attendance, Meeting, MeetingRecord
from minutebook.domain.timeline import Event, EventKind
from minutebook.store.base import StoreBase
from minutebook.store.rows import from_row

PRESENCE_KINDS = (EventKind.ARRIVED.value, EventKind.LEFT.value, EventKind.WITHDRAWN.value)
"""The events that say who was in the meeting: arrivals, departures, and the marks
withdrawn as made by mistake."""


class AttendanceRecordRepository(StoreBase):
    """Reading the attendance of many meetings at once."""

    def attendance_records(
        self, codes: Sequence[str], start: date | None = None, end: date | None = None
    ) -> list[MeetingRecord]:
        """The meetings of the committees `codes` from `start` to `end` (both included;
        None: open), oldest first, each with its attendance rows and the presence events
        of its timeline (no agenda, minutes or declarations: the attendance needs none)."""
        if not codes:
            return []
        where, params = self._meetings_where(codes, start, end)
        with self.transaction():
            meetings = self._rows(
                f"SELECT * FROM meetings WHERE {where} ORDER BY date, time, id", params
            )
            rows = self._rows(
                "SELECT * FROM attendance WHERE meeting_id IN "
                f"(SELECT id FROM meetings WHERE {where}) ORDER BY id",
                params,
            )
            events = self._rows(
                "SELECT meeting_id, id, kind, item, phase, person, at, ref, note FROM timeline "
                f"WHERE meeting_id IN (SELECT id FROM meetings WHERE {where}) "
                f"AND kind IN ({', '.join('?' * len(PRESENCE_KINDS))}) ORDER BY id",
                [*params, *PRESENCE_KINDS],
            )
        attendance: dict[int, list[Attendance]] = {}
        for row in rows:
            attendance.setdefault(row["meeting_id"], []).append(from_row(Attendance, row))
        timeline: dict[int, list[Event]] = {}
        for row in events:
            meeting_id = row.pop("meeting_id")
            timeline.setdefault(meeting_id, []).append(from_row(Event, row))
        return [
            MeetingRecord(
                meeting=from_row(Meeting, row),
                attendance=tuple(attendance.get(row["id"], ())),
                events=tuple(timeline.get(row["id"], ())),
            )
            for row in meetings
        ]

    def people_among(self, ids: Iterable[str]) -> dict[str, Person]:
        """The people with these ids, in one query (not every person in the file)."""
        wanted = sorted(set(ids))
        found: dict[str, Person] = {}
        # SQLite allows 32,766 parameters a statement; a committee's people are far fewer,
        # but a decade of officers need not be.
        for start in range(0, len(wanted), 900):
            chunk = wanted[start : start + 900]
            rows = self._rows(
                f"SELECT * FROM people WHERE id IN ({', '.join('?' * len(chunk))})", chunk
            )
            found.update((row["id"], from_row(Person, row)) for row in rows)
        return found

    @staticmethod
    def _meetings_where(
        codes: Sequence[str], start: date | None, end: date | None
    ) -> tuple[str, list[Any]]:
        where = f"committee IN ({', '.join('?' * len(codes))})"
        params: list[Any] = list(codes)
        if start is not None:
            where += " AND date >= ?"
            params.append(start.isoformat())
        if end is not None:
            where += " AND date <= ?"
            params.append(end.isoformat())
        return where, params
