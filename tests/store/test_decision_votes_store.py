"""What the store keeps of a vote on a decision (migration 0023_decision_votes): the
numbers, the named vote, proposer, seconder and casting vote, read back whole, corrected
with the decision, and copied by the audit once the minutes are circulated."""

from __future__ import annotations

import json
from datetime import date

from minutebook.domain import AgendaItem, Decision, Meeting
from minutebook.domain.votes import Choice, MemberVote, Vote
from minutebook.store import Store


def test_a_decisions_vote_is_kept_corrected_and_audited(
    committee_store: Store, meeting: Meeting
) -> None:
    meeting_id = meeting.id or 0
    committee_store.add_agenda_item(meeting_id, AgendaItem(number=1, title="Item 1"))
    vote = Vote(
        named=(
            MemberVote(person="ann", choice=Choice.FOR),
            MemberVote(person="bob", choice=Choice.AGAINST),
        ),
        proposer="ann",
        seconder="cat",
        casting=Choice.FOR,
    )
    saved = committee_store.add_decision(meeting_id, 1, Decision(text="Agreed.", vote=vote))
    plain = committee_store.add_decision(meeting_id, 1, Decision(text="Noted."))
    minute = committee_store.minute_for(meeting_id, 1)
    assert minute is not None
    assert [d.vote for d in minute.decisions] == [vote, None]
    assert minute.decisions[0].vote and minute.decisions[0].vote.outcome == (
        "carried on the Chair's casting vote"
    )

    committee_store.circulate_minutes(meeting_id, date(2023, 6, 20))
    counted = Vote(in_favour=7, against=2, abstentions=1)
    committee_store.edit_decision(saved.model_copy(update={"vote": counted}))
    minute = committee_store.minute_for(meeting_id, 1)
    assert minute is not None and minute.decisions[0].vote == counted
    assert minute.decisions[1].id == plain.id and minute.decisions[1].vote is None
    (after,) = [
        row[0]
        for row in committee_store.db.execute(
            "SELECT after FROM audit WHERE \"table\" = 'decisions' AND change = 'update'"
        ).fetchall()
    ]
    assert json.loads(json.loads(after)["vote"]) == {
        "in_favour": 7,
        "against": 2,
        "abstentions": 1,
    }
