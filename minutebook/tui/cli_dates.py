"""The one type of every command's date option (`--date`, `--from`, `--to`, `--on`,
`--as-of`, `--for-meeting`): a date as secretaries type it, 13/06/2023 (or 13/6/23), or
ISO 2023-06-13, read by `domain.dates.parse_date` as the app's forms read dates, so that
no command takes a form another refuses.

It gives a `datetime` at midnight, as click's own `DateTime` did, so that a command
reads `.date()` of it whichever option it came from. A date it cannot read is refused in
one line naming the option ("minutebook: --from: '31/02/2023' is not a real date",
exit 2), as every other refusal of the command line is, not with click's usage text.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import click

from minutebook.domain.dates import parse_date

DATE_FORMS = "dd/mm/yyyy or YYYY-MM-DD"
"""How a date option's help names the forms it takes."""


class DateRefused(click.ClickException):
    """A date option that cannot be read: one line, as `cli._fail` words a refusal."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        click.echo(f"minutebook: {self.message}", err=True)


class Day(click.ParamType):
    """A day typed as dd/mm/yyyy or YYYY-MM-DD; a wrong one is refused in one line."""

    name = "date"

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:
        return "DATE"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> datetime:
        if isinstance(value, datetime):
            return value
        try:
            day = parse_date(str(value))
        except ValueError as error:
            raise DateRefused(_named(param, str(error))) from None
        if day is None:
            raise DateRefused(_named(param, "a date is needed (dd/mm/yyyy)"))
        return datetime(day.year, day.month, day.day)


def _named(param: click.Parameter | None, message: str) -> str:
    opts = param.opts if param is not None else []
    return f"{opts[0]}: {message}" if opts else message


DAY = Day()
