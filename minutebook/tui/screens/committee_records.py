"""The committee screen's keys to the committee's records over the years: its action
tracker (`t`), register of interests (`g`), attendance (`n`), compliance with its terms
of reference (`c`) and annual report (`y`), and their lines in the palette. Kept apart
from `committee.py` (a screen near its size limit); each screen is imported when opened,
so that the committee screen's first frame does not wait for them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

from minutebook.tui.commands import PaletteCommand

if TYPE_CHECKING:
    from minutebook.tui.app import MinutebookApp


class CommitteeRecords(Screen[None]):
    """A screen of one committee (`code`) that opens its records."""

    app: MinutebookApp
    code: str

    def action_tracker(self) -> None:
        from minutebook.tui.screens.tracker import TrackerScreen

        self.app.push_screen(TrackerScreen(self.code))

    def action_register(self) -> None:
        from minutebook.tui.screens.register import RegisterScreen

        self.app.push_screen(RegisterScreen(self.code))

    def action_attendance(self) -> None:
        from minutebook.tui.screens.attendance import AttendanceScreen

        self.app.push_screen(AttendanceScreen(self.code))

    def action_compliance(self) -> None:
        from minutebook.tui.screens.compliance import ComplianceScreen

        self.app.push_screen(ComplianceScreen(self.code))

    def action_annual_report(self) -> None:
        from minutebook.tui.screens.annual_report import ask_annual_report

        ask_annual_report(self, self.code)

    def records_commands(self) -> list[PaletteCommand]:
        return [
            ("Action tracker (t)", "Every action, its reviews; owners' lists", self.action_tracker),
            ("Register of interests (g)", "Members' interests, nil returns", self.action_register),
            ("Attendance (n)", "Each member's attendance; six months", self.action_attendance),
            (
                "Compliance (c)",
                "Meetings held, quorum, late minutes, overdue actions against the ToR",
                self.action_compliance,
            ),
            ("Annual report (y)", "The year's report, with compliance", self.action_annual_report),
        ]
