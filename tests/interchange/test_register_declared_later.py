"""A register file's Date Declared after the day it is read is refused for its row, as
the register screen refuses it (`domain.register.declared_problem`): the register
records what has been declared, and such an entry would not show until then."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from minutebook.interchange.register_file import read_register
from minutebook.store import Store
from tests.interchange.registers import HEADINGS_003
from tests.interchange.test_register_file import row, write_csv

TODAY = date(2022, 7, 18)


def test_an_interest_or_nil_return_declared_after_today_is_refused(
    demo_reader: Store, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "r.csv",
        [
            HEADINGS_003,
            row(surname="Harrison", forename="Joe", answer="Yes", pro="Y",
                description="Member, Oxford AHSN", declared="16/05/2032"),
            row(surname="Church", forename="Laura", answer="No", declared="27/05/2032"),
            row(surname="Harrison", forename="Joe", answer="Yes", pro="Y",
                description="Trustee, a charity", declared="18/07/2022"),
        ],
    )  # fmt: skip
    ours = {p.id for p in demo_reader.membership("ICB").people}
    preview = read_register(
        path, demo_reader.committee("ICB"), demo_reader.people(), ours, today=TODAY
    )
    problems = {p.place: p.reason for p in preview.problems}
    assert "16/05/2032 is after today" in problems["row 2"]
    assert "27/05/2032 is after today" in problems["row 3"]
    assert not preview.nil_returns
    assert [r.interest.description for r in preview.interests] == ["Trustee, a charity"]
