"""What the attendance over a period reads (docs/attendance.md, "Over a period"): the
meetings of some committees between two dates with their attendance rows and the
comings and goings of their timelines, in one query per list, not one per meeting.

The filters use the indexes the file already has: meetings on (committee, date),
attendance and timeline on their meeting."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from minutebook.domain.attendance_record import KEEPS_SEAT_CAPACITIES, KEEPS_SEAT_MODE
from minutebook.domain.committee import Person
from minutebook.domain.meeting import Attendance, AttendanceStatus, Meeting, MeetingRecord
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

    def last_attended_as_member(
        self, codes: Sequence[str], until: date
    ) -> tuple[dict[str, date], date | None]:
        """Each person's last meeting of the committees `codes` on or before `until` at
        which they attended as a member (`domain.attendance_record.attended_as_member`:
        a member's or deputy's row, in person, with an arrival not withdrawn), however
        long ago, in one grouped query; and the first meeting of those committees (the
        day the file's record of them begins), None where there is none."""
        if not codes:
            return {}, None
        where, params = self._meetings_where(codes, None, until)
        capacities = sorted(c.value for c in KEEPS_SEAT_CAPACITIES)
        with self.transaction():
            rows = self._rows(
                "SELECT a.person AS person, MAX(m.date) AS last FROM attendance a "
                "JOIN meetings m ON m.id = a.meeting_id "
                f"WHERE m.committee IN ({', '.join('?' * len(codes))}) AND m.date <= ? "
                f"AND a.capacity IN ({', '.join('?' * len(capacities))}) "
                "AND a.mode = ? AND a.status = ? "
                "AND EXISTS (SELECT 1 FROM timeline t WHERE t.meeting_id = a.meeting_id "
                "AND t.person = a.person AND t.kind = ? AND NOT EXISTS "
                "(SELECT 1 FROM timeline w WHERE w.meeting_id = t.meeting_id "
                "AND w.kind = ? AND w.ref = t.id)) "
                "GROUP BY a.person",
                [
                    *params,
                    *capacities,
                    KEEPS_SEAT_MODE.value,
                    AttendanceStatus.PRESENT.value,
                    EventKind.ARRIVED.value,
                    EventKind.WITHDRAWN.value,
                ],
            )
            first = self._rows(f"SELECT MIN(date) AS first FROM meetings WHERE {where}", params)
        day = first[0]["first"] if first else None
        return (
            {row["person"]: date.fromisoformat(row["last"]) for row in rows},
            date.fromisoformat(day) if day else None,
        )

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
