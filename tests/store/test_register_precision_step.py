"""Migration 0028_register_date_precision (docs/register.md, "Dates"): a file at the step
before it, whose interests' dates were all kept as days, opens and steps forward with
each of them a day still (date from and date to), shown as the day it was."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlite_utils import Database

from minutebook.domain.register import DatePrecision
from minutebook.store import Store
from minutebook.store.migrations import migrations
from minutebook.store.opening import KNOWN_STEPS
from tests.store.test_migrations import _applied

STEP = "0028_register_date_precision"


def _file_at_the_step_before(path: Path) -> None:
    db = Database(path)
    migrations.apply(db, stop_before=STEP)
    db.execute(
        "INSERT INTO committees (code, name, house_style, numbering_template, "
        "numbering_prefix, numbering_reset, rag_palette, body_type) VALUES ('ICB', "
        "'Integrated Care Board', 'nhs', '{prefix}{seq}', 'ICB', 'annual', 'nhs', 'nhs_body')"
    )
    db.execute("INSERT INTO people (id, name) VALUES ('wogan', 'Maria Wogan')")
    db.execute(
        "INSERT INTO interests (committee, person, category, description, date_from, "
        "date_to, declared_on) VALUES ('ICB', 'wogan', 'financial', "
        "'Chair of Trustees, Arts for Health MK', '2010-01-01', '2022-09-30', '2022-07-14')"
    )
    db.conn.commit()
    db.close()
    assert STEP not in _applied(path)


def test_interests_stored_before_the_step_keep_their_dates_as_days(tmp_path: Path) -> None:
    path = tmp_path / "before.db"
    _file_at_the_step_before(path)
    with Store.open(path) as store:
        (interest,) = store.interests("ICB")
    assert (interest.from_precision, interest.to_precision) == (DatePrecision.DAY,) * 2
    assert (interest.date_from, interest.ends_on) == (date(2010, 1, 1), date(2022, 9, 30))
    assert interest.date_from_given == "01/01/2010"
    assert set(_applied(path)) == set(KNOWN_STEPS)
