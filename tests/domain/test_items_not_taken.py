"""Which items of an inquorate period were "not taken": only those with nothing recorded
at them. An item with a minute (words, a decision or a number issued), a declaration,
an action or any record in the timeline was taken, and the minutes say what became of
it; an item not taken gets no quorum sentence of its own (`Period.taken`)."""

from __future__ import annotations

from minutebook.domain.meeting import Minute
from minutebook.domain.meeting_quorum import Outcome
from minutebook.domain.quorum import Ruling
from minutebook.domain.timeline import Event, EventKind
from minutebook.exporters.inquorate import outcome_text
from tests.domain.builder import Builder


def test_items_with_any_record_were_taken_the_others_were_not() -> None:
    # Two of the three needed, from the start; the secretary goes straight to item 9,
    # but items 2 to 4 hold records made before.
    meeting = Builder(items=9)
    meeting.roll("p1", "p2")
    meeting.minutes[2] = Minute(item=2, number="23/41")  # a number issued, no words yet
    meeting.at(3).declare("p1", 3, Ruling.REMAIN)
    meeting.events.append(Event(id=99, kind=EventKind.ACTION, item=4, ref=7))
    meeting.at(9)
    (period,) = meeting.quorum().periods()
    assert period.from_start and period.items == tuple(range(1, 10))
    outcomes = dict(period.outcomes)
    assert [n for n, o in outcomes.items() if o is Outcome.NOT_TAKEN] == [1, 5, 6, 7, 8, 9]
    assert period.taken == (2, 3, 4)
    assert outcome_text(period, None) == (
        "Items 1 and 5 to 9 were not taken; items 2 to 4 were taken for information only."
    )


def test_an_item_with_nothing_recorded_is_not_taken_one_with_words_is() -> None:
    meeting = Builder(items=3)
    meeting.roll("p1", "p2")
    meeting.at(2).note("The Chair explained the position.")
    (period,) = meeting.quorum().periods()
    assert dict(period.outcomes) == {
        1: Outcome.NOT_TAKEN,
        2: Outcome.INFORMATION,
        3: Outcome.NOT_TAKEN,
    }
    assert period.taken == (2,)
