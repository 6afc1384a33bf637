"""The Minutebook app: built by injection from a store and a clock.

``MinutebookApp(store, clock)`` is made the same way by the command line and by the
tests, and opens nothing by itself. Screens orchestrate; the store does every write the
moment the secretary confirms it. Ctrl+Q quits at once, unless a form holds typed input
that would be lost: then it asks first.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterable
from contextlib import suppress
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from minutebook import __version__
from minutebook.store.database_file import DatabaseFile
from minutebook.store.errors import StoreError
from minutebook.store.paths import data_folder
from minutebook.tui.backup_keeper import BackupKeeper
from minutebook.tui.screens.committees import CommitteesScreen
from minutebook.tui.sentences import sentence
from minutebook.tui.terminal import terminal_driver
from minutebook.tui.widgets.confirm import ConfirmScreen
from minutebook.tui.widgets.discard import QUIT_KEYS, QUIT_QUESTION, typed_input_in

if TYPE_CHECKING:
    from minutebook.store import Store

Clock = Callable[[], datetime]

KEYMAP_ENV = "MINUTEBOOK_KEYS"

CHECKPOINT_EVERY = 2.0
"""Seconds between checkpoints of the database's log while changes are made: every
change is on the disk, safe against a power cut, within this time (docs/saving.md)."""


def keymap_file() -> Path:
    """Where a secretary remaps keys: ``keys.yaml`` beside the database, or
    ``$MINUTEBOOK_KEYS``. Each line maps a binding id to keys, e.g. ``live.decision: f3,ctrl+d``
    (the ids are listed in the help screen)."""
    override = os.environ.get(KEYMAP_ENV, "").strip()
    return Path(override).expanduser() if override else data_folder() / "keys.yaml"


def load_keymap() -> dict[str, str]:
    """The secretary's remapped keys; a broken file is ignored rather than fatal."""
    path = keymap_file()
    if not path.is_file():
        return {}
    # Only when there is a keymap to read (YAML costs start-up time); the careful reader
    # of every secretary's file: no aliases, no runaway nesting, nothing huge.
    from minutebook.interchange.reading import FileError, load_data, read_file

    try:
        data = load_data(read_file(path), str(path))
    except FileError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): str(v) for k, v in data.items() if isinstance(v, str | int)}


def _load_the_rest() -> None:
    """Import the domain, the full store and the other screens while the secretary reads
    the first one, so that opening a committee does not wait for them. Only imports
    happen here, in a thread: the database is used from the app's own thread."""
    import minutebook.store.store
    import minutebook.tui.screens.committee
    import minutebook.tui.screens.live  # noqa: F401


def _live_capture_open(stack: Iterable[Screen[object]]) -> bool:
    # By name of its module, not by import: the first screen must not wait for it.
    # The preload thread may be importing it this moment: a class not yet defined has
    # no screen open.
    live = getattr(sys.modules.get("minutebook.tui.screens.live"), "LiveMeetingScreen", None)
    return live is not None and any(isinstance(s, live) for s in stack)


def _collect_and_freeze() -> None:
    gc.collect()
    gc.freeze()


def _collect_everything_and_freeze() -> None:
    gc.unfreeze()
    gc.collect()
    gc.freeze()


SEARCH_TITLE = "Search (find, look up)"
"""The palette's search command."""


class MinutebookApp(App[None]):
    """The secretary's workspace: committees, members, terms of reference, meetings."""

    TITLE = "Minutebook"
    SUB_TITLE = f"v{__version__}"
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("f1", "help", "Help", id="app.help", priority=True),
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True),
        Binding("ctrl+f", "search", "Search", id="app.search", priority=True, show=False),
    ]

    def __init__(
        self,
        database: DatabaseFile | Store,
        clock: Clock = datetime.now,
        open_meeting: int | None = None,
    ) -> None:
        # A byte that is not UTF-8 from the terminal is read, not fatal (tui/terminal.py).
        super().__init__(driver_class=terminal_driver())
        self.database = database if isinstance(database, DatabaseFile) else database.file
        self.clock = clock
        self.open_meeting = open_meeting
        self._quit_question: ConfirmScreen | None = None
        self._typing_heap_frozen = False
        self.backups = BackupKeeper(self, self.database, self.refresh_backup_status)
        # The folder the last document was saved into, offered for the next (the
        # secretary saves the minutes, the tracker and the register together after a
        # meeting); kept for the session only: no file is written to remember it.
        self.export_folder: Path | None = None

    def folder_to_offer(self) -> str:
        """The folder an export form opens with: the last one saved into this session,
        else the secretary's Documents folder."""
        from platformdirs import user_documents_path

        return str(self.export_folder or user_documents_path())

    @property
    def store(self) -> Store:
        """The full store, built on the open file the first time a screen needs it."""
        return self.database.store()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        if severity != "information":
            # A refusal is often the store's or the domain's words, in lower case; and
            # the same refusal, still on screen, is not stacked again: a key held or
            # typed on (into signed minutes) says why once, not once per keystroke.
            message = sentence(message)
            if any(shown.message == message for shown in self._notifications):
                return
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def on_mount(self) -> None:
        keymap = load_keymap()
        if keymap:
            self.set_keymap(keymap)
        self.refresh_backup_status()
        self.screen_change_signal.subscribe(self, self._screen_changed)
        if self.open_meeting is not None:
            # Straight into the meeting: the committees list is built only on the way out.
            from minutebook.tui.screens.live import LiveMeetingScreen

            self.push_screen(
                LiveMeetingScreen(self.open_meeting),
                lambda _: self.push_screen(CommitteesScreen()),
            )
        else:
            self.push_screen(CommitteesScreen())
        self.call_after_refresh(self._settle)
        self.set_interval(CHECKPOINT_EVERY, self.make_durable)

    def make_durable(self) -> None:
        """Every change, whichever screen made it (members, terms of reference, agenda,
        apologies, minutes), is on the disk within `CHECKPOINT_EVERY` seconds: the log is
        checkpointed when anything was committed since the last time (docs/saving.md).
        A disk that cannot be written is said where the change was made; here it is
        simply tried again next time."""
        if self.database.read_only or self.database.conn.total_changes == 0:
            return  # nothing written this session: the full store need not be built
        with suppress(StoreError):
            self.store.checkpoint()

    def _settle(self) -> None:
        """Once the first screen is up, load the rest of Minutebook beside it, and start
        the backups (tui.backup_keeper). Not when the first screen is live capture: the
        secretary types at once there, and the import thread, holding the interpreter,
        made the first key wait 45-110 ms for its save (the keys after it 13 ms)."""
        if self.open_meeting is None:
            self.run_worker(_load_the_rest, name="preload", thread=True, exit_on_error=False)
        self.backups.start()

    def refresh_backup_status(self) -> None:
        """The header's subtitle: the version, the demo, and when the last backup was made."""
        parts = [f"v{__version__}"]
        if self.database.is_demo:
            parts.append("demo database")
        if self.backups.status():
            parts.append(self.backups.status())
        self.sub_title = " · ".join(parts)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.name == "preload" and event.state is WorkerState.SUCCESS:
            # Move everything made while starting out of the garbage collector's reach:
            # a full collection over it could stall the keys for 100 ms, longer than the
            # app may take to save what was typed.
            gc.freeze()

    def _screen_changed(self, screen: Screen[object]) -> None:
        """Keep full garbage collections off the typing path of live capture.

        Measured (bench/live.py: a minuted 25-item meeting opened on the meeting screen,
        then live capture): with only the start-up freeze, typing 300 keys set off 9 full
        collections of 16-22 ms each, and after 20 such openings in one session they took
        up to 155 ms. So once live capture has drawn its first frame, what the way there
        left behind is collected and the rest (the meeting, the screens) frozen: the full
        collections made while typing then look only at what typing makes (3-4 ms, and
        at most 8 ms after 20 openings). Freezing at every screen change instead kept
        270 MB of dead screens over 20 openings; collecting everything at every screen
        change paused each one for 160-220 ms. Half a second after leaving live capture,
        when its screen is gone, everything is unfrozen and collected once (170-200 ms,
        once per meeting), or what was frozen with it would be kept: 230 MB over 20."""
        live = _live_capture_open(self.screen_stack)
        if live and not self._typing_heap_frozen:
            self._typing_heap_frozen = True
            self.call_after_refresh(_collect_and_freeze)
        elif not live and self._typing_heap_frozen:
            self._typing_heap_frozen = False
            self.set_timer(0.5, _collect_everything_and_freeze)

    async def action_quit(self) -> None:
        """Quit, asking first if a form holds typed input that quitting would lose.
        Live capture needs no question: it saves its own text as it closes."""
        if self._quit_question is not None and self.screen is self._quit_question:
            self.exit()  # Ctrl+Q again, over its own question: quit
            return
        if typed_input_in(self.screen_stack) is None:
            await super().action_quit()
            return

        def answered(confirmed: bool | None) -> None:
            self._quit_question = None
            if confirmed:
                self.exit()

        self._quit_question = ConfirmScreen(QUIT_QUESTION, QUIT_KEYS)
        self.push_screen(self._quit_question, answered)

    def action_help(self) -> None:
        from minutebook.tui.screens.help import HelpScreen  # Markdown is slow to import

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_search(self) -> None:
        from minutebook.tui.screens.search import SearchScreen

        if isinstance(self.screen, SearchScreen):
            # Ctrl+F again: the query chosen, so that what is typed next replaces it.
            self.screen.select_query()
        else:
            self.push_screen(SearchScreen())

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield SystemCommand("Help", "Keys and how Minutebook works (F1)", self.action_help)
        # The palette matches titles only: the title carries the words a secretary
        # types for it ("find", "look up"), not "Search" alone.
        yield SystemCommand(
            SEARCH_TITLE,
            "Find words anywhere in the record: minutes, decisions, actions, the register (Ctrl+F)",
            self.action_search,
        )
        # Each screen offers its own commands, so that everything it can do is findable.
        here = getattr(screen, "palette_commands", None)
        if callable(here):
            for title, help_text, callback in here():
                yield SystemCommand(title, help_text, callback)
        for committee in self.store.committees():
            yield SystemCommand(
                f"Open committee: {committee.name} ({committee.code})",
                "Members, organisations, terms of reference and meetings",
                partial(self.open_committee, committee.code),
            )
        yield from super().get_system_commands(screen)

    def open_committee(self, code: str) -> None:
        from minutebook.tui.screens.committee import CommitteeScreen

        while len(self.screen_stack) > 2:
            self.pop_screen()
        self.push_screen(CommitteeScreen(code))
