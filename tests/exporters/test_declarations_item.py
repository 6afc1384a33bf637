"""Which agenda item the minutes record declarations of interest under
(`domain.agenda.declarations_item`): the item marked so, else the first whose title
speaks of declaring or disclosing interests, never any item about interests."""

from __future__ import annotations

from datetime import date

import pytest

from minutebook.domain.agenda import declarations_item
from minutebook.domain.meeting import AgendaItem, Declaration, ItemKind
from minutebook.domain.quorum import Ruling
from minutebook.domain.snapshot import MinutesSnapshot
from minutebook.exporters.nhs import render_nhs_minutes
from minutebook.store import Store
from tests.exporters.record import change, declare


def _item(number: int, title: str, kind: ItemKind = ItemKind.OTHER) -> AgendaItem:
    return AgendaItem(number=number, title=title, kind=kind)


def test_the_marked_item_then_the_title_that_declares() -> None:
    policy = _item(2, "Conflicts of Interest Policy")
    disclosures = _item(3, "Disclosures of Interest")
    assert declarations_item([policy, disclosures]) == disclosures
    marked = _item(4, "Standing business", ItemKind.DECLARATIONS)
    assert declarations_item([policy, disclosures, marked]) == marked
    assert declarations_item([policy, _item(5, "Declaration of a Climate Emergency")]) is None


@pytest.fixture(scope="module")
def icb(demo_reader: Store) -> MinutesSnapshot:
    return demo_reader.minutes_snapshot(demo_reader.meeting_on("ICB", date(2022, 7, 1)).id or 0)


def test_an_item_about_interests_does_not_repeat_the_declarations(icb: MinutesSnapshot) -> None:
    agenda = tuple(
        item.model_copy(update={"title": "Conflicts of Interest Policy"})
        if item.number == 7
        else item
        for item in icb.record.agenda
    )
    declaration = Declaration(
        person="harrison", item=8, nature="Chief Executive of a provider", ruling=Ruling.REMAIN
    )
    declared = declare(change(icb, agenda=agenda), declaration, at_item=2)
    document = render_nhs_minutes(declared).document
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "No.")
    said = "Joe Harrison declared a financial interest in item 8"
    rows: dict[str, str] = {}
    number = ""
    for row in table.rows[1:]:  # an item's cell is split into rows where an action is
        number = row.cells[0].text or number
        rows[number] = rows.get(number, "") + row.cells[1].text
    assert said in rows["2."]
    assert said not in rows["7."]
