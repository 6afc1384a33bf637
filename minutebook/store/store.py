"""The Minutebook store: one SQLite file, reached only through these functions.

Every public method takes or returns domain models. Every logical change (a member with
their seat, an agenda reorder with the rows that refer to item numbers) is one
transaction, committed before the method returns, so nothing the secretary does waits
for a later save. The file runs in WAL mode with ``synchronous=NORMAL``: a commit is a
fraction of a millisecond and survives the app being killed; after a power cut, WAL
keeps the file consistent and loses at most the last moments.

`Store` joins one repository per aggregate: committees (with their members and terms of
reference), meetings, minutes, actions, the timeline of each meeting and the minutes'
lifecycle (approval, lock, audit), the reviews of actions at later meetings, each
committee's standing items and its register of interests, and the search over all of
it, each in its own module on `StoreBase`.
"""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from minutebook.store.actions import ActionRepository
from minutebook.store.approvals import LifecycleRepository
from minutebook.store.attendance_record import AttendanceRecordRepository
from minutebook.store.committees import CommitteeRepository
from minutebook.store.compliance import ComplianceRepository
from minutebook.store.database_file import DatabaseFile
from minutebook.store.meetings import MeetingRepository
from minutebook.store.migrations import migrations
from minutebook.store.minutes import MinuteRepository
from minutebook.store.register import RegisterRepository
from minutebook.store.reviews import ReviewRepository
from minutebook.store.search import SearchRepository
from minutebook.store.standing import StandingItemRepository
from minutebook.store.timeline import TimelineRepository


class Store(
    CommitteeRepository,
    MeetingRepository,
    MinuteRepository,
    ActionRepository,
    TimelineRepository,
    LifecycleRepository,
    ReviewRepository,
    StandingItemRepository,
    RegisterRepository,
    AttendanceRecordRepository,
    SearchRepository,
    ComplianceRepository,
):
    """The open database. Build it with `Store.open(path)` or `Store.in_memory()`, or
    from an already open `DatabaseFile` with `Store.on(file)`."""

    # -- opening and closing ---------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str) -> Store:
        """Open (creating if needed) the database at `path`, refusing unsafe files."""
        return DatabaseFile.open(path).store()

    @classmethod
    def in_memory(cls) -> Store:
        """A private database in memory, for tests and previews."""
        return DatabaseFile.in_memory().store()

    @classmethod
    def on(cls, file: DatabaseFile) -> Store:
        """The full store on an open file, its schema brought up to date."""
        store = cls(Database(file.conn, strict=True), file)
        if not file.read_only:  # a reader only opens a file that is up to date
            migrations.apply(store.db)
        return store

    def close(self) -> None:
        """Checkpoint the log into the main file and release the lock."""
        self.file.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
