"""Matters arising: each meeting's review of the open actions from earlier meetings
(docs/actions.md). A review is part of the reviewing meeting's record (locked with it);
the action carries the result, and the review keeps what it replaced."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING, Any

from minutebook.domain import Action, Committee, Meeting, Person
from minutebook.domain.base import Refused
from minutebook.domain.rag import scheme_for
from minutebook.domain.reviews import (
    ActionReview,
    ReviewedState,
    apply_review,
    as_agreed,
    later_review,
    rags_so_far,
)
from minutebook.store.actions import committee_actions
from minutebook.store.base import StoreBase
from minutebook.store.errors import Conflict, NotFound, StoreError
from minutebook.store.rows import from_row, to_row

if TYPE_CHECKING:
    from minutebook.store.minutes import IssuedNumber

_REVIEW_COLUMNS = (
    'id, action_id, meeting_id, item, meeting_date, position AS "update", status, '
    "revised_due, rag, owner, before"
)


class ReviewRepository(StoreBase):
    """Reviews of actions at later meetings, and the list each meeting reviews."""

    if TYPE_CHECKING:  # from the other repositories that `Store` joins with this one

        def committee(self, code: str) -> Committee: ...
        def meeting(self, meeting_id: int) -> Meeting: ...
        def _unlocked(self, meeting_id: int) -> Meeting: ...
        def _actions_where(self, condition: str, params: list[Any]) -> list[Action]: ...
        def meeting_actions(self, meeting: Meeting, *, deleted: bool = False) -> list[Action]: ...
        def person(self, person_id: str) -> Person: ...
        def issue_minute_number(self, meeting_id: int, item: int) -> IssuedNumber: ...

    def matters_arising(self, meeting_id: int) -> list[Action]:
        """The actions a meeting reviews, oldest first: every action of the committee
        agreed at an earlier meeting and not closed before it (`reviews.is_reviewable_at`;
        one closed at this meeting stays, to show what it did)."""
        return self._actions_where(*self._arising(meeting_id))

    def _arising(self, meeting_id: int) -> tuple[str, list[Any]]:
        """`reviews.is_reviewable_at` as a condition on the actions table."""
        meeting = self.meeting(meeting_id)
        day = meeting.date.isoformat()
        return (
            "committee = ? AND meeting_date < ? AND (closed_on IS NULL OR closed_on >= ?)",
            [meeting.committee, day, day],
        )

    def reviews_at(self, meeting_id: int) -> list[ActionReview]:
        """The reviews recorded at a meeting, in the order of their actions."""
        rows = self._rows(
            f"SELECT {_REVIEW_COLUMNS} FROM action_reviews WHERE meeting_id = ? ORDER BY action_id",
            [meeting_id],
        )
        return [_review(row) for row in rows]

    def reviewed_at(self, meeting_id: int) -> list[tuple[Action, ActionReview]]:
        """The reviews recorded at a meeting, each with its action as it now stands."""
        actions = {
            a.id: a
            for a in self._actions_where(
                "id IN (SELECT action_id FROM action_reviews WHERE meeting_id = ?)", [meeting_id]
            )
        }
        return [
            (actions[r.action_id], r) for r in self.reviews_at(meeting_id) if r.action_id in actions
        ]

    def agreed_actions(self, meeting: Meeting) -> list[Action]:
        """The actions agreed at a meeting as its minutes record them: each as it stood
        before any later review (`reviews.as_agreed`)."""
        reviews = self._reviews_where("meeting_id = ?", [meeting.id])
        return [
            as_agreed(action, reviews.get(action.id or 0, ()))
            for action in self.meeting_actions(meeting)
        ]

    def reviews_of(self, code: str, *, open_only: bool = False) -> dict[int, list[ActionReview]]:
        """Every review of the committee's actions (or of its open ones), by action,
        oldest first (one query)."""
        return self._reviews_where(*committee_actions(code, open_only))

    def presentable_actions(
        self, code: str, day: date, since: date
    ) -> tuple[list[Action], dict[int, list[ActionReview]]]:
        """What a tracker presented to the committee's meeting on `day` may show, with
        every review of each: its actions agreed before `day` and not closed before
        `since` (the start of the tracker's year), not its whole history. Which it
        shows, each as it stood, is `tracker.presented`'s to say: an action closed
        before `since` was closed then by a review before `day`, and stays so."""
        condition = "committee = ? AND meeting_date < ? AND (closed_on IS NULL OR closed_on >= ?)"
        params = [code, day.isoformat(), since.isoformat()]
        return self._actions_where(condition, params), self._reviews_where(condition, params)

    def arising_reviews(self, meeting_id: int) -> dict[int, list[ActionReview]]:
        """Every review, at any meeting, of the actions a meeting reviews (those of
        `matters_arising`), by action, oldest first."""
        return self._reviews_where(*self._arising(meeting_id))

    def _reviews_where(self, condition: str, params: list[Any]) -> dict[int, list[ActionReview]]:
        found: defaultdict[int, list[ActionReview]] = defaultdict(list)
        for row in self._rows(
            f"SELECT {_REVIEW_COLUMNS} FROM action_reviews WHERE action_id IN "
            f"(SELECT id FROM actions WHERE {condition}) ORDER BY meeting_date, id",
            params,
        ):
            found[int(row["action_id"])].append(_review(row))
        return dict(found)

    def review_action(self, review: ActionReview) -> tuple[Action, ActionReview]:
        """Record a meeting's review of an action (replacing the one recorded at that
        meeting, if any): the action takes its result. Refused, with nothing changed,
        when the meeting's minutes are signed, when the review is not possible
        (`reviews.review_problems`) or when a later meeting has reviewed the action."""
        action_id, meeting_id = review.action_id, review.meeting_id
        if action_id is None or meeting_id is None:
            raise StoreError("a review needs its action and the meeting reviewing it")
        with self.transaction():
            meeting = self._unlocked(meeting_id)
            review = review.model_copy(update={"meeting_date": meeting.date})
            self._undo_review(action_id, meeting_id)
            action = self._action(action_id)
            if action.committee != meeting.committee:
                raise Conflict(
                    f"action {action.number} is the {action.committee}'s; this meeting is "
                    f"the {meeting.committee}'s"
                )
            if review.owner is not None:
                self.person(review.owner)
            earlier = self._reviews_of_action(action_id)
            problem = later_review(action, review, earlier)
            if problem:
                raise Conflict(problem)
            scheme = scheme_for(self.committee(action.committee).rag_palette)
            try:
                changed, stored = apply_review(action, review, scheme, rags_so_far(earlier))
            except Refused as refused:
                raise Conflict(str(refused)) from None
            self.db.execute(
                "INSERT INTO action_reviews (action_id, meeting_id, item, meeting_date, "
                "position, status, revised_due, rag, owner, before) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    review.action_id,
                    review.meeting_id,
                    stored.item,
                    stored.meeting_date.isoformat(),
                    stored.update,
                    stored.status.value,
                    stored.revised_due.isoformat() if stored.revised_due else None,
                    stored.rag,
                    stored.owner,
                    ReviewedState.of(action).model_dump_json(),
                ],
            )
            review_id = int(self.db.execute("SELECT last_insert_rowid()").fetchone()[0])
            if stored.item is not None:
                # The review is minuted under its item, as a decision is: the item takes
                # its minute number now if it has none.
                self.issue_minute_number(meeting_id, stored.item)
            self._write_state(action_id, ReviewedState.of(changed))
            if stored.update:
                self.db.execute(
                    "INSERT INTO action_updates (action_id, date, text, review_id) "
                    "VALUES (?, ?, ?, ?)",
                    [review.action_id, stored.meeting_date.isoformat(), stored.update, review_id],
                )
            return changed, stored.model_copy(update={"id": review_id})

    def undo_review(self, action_id: int, meeting_id: int) -> Action:
        """Take back the review a meeting recorded of an action (put right during the
        meeting): the action returns to what it was before. Refused once the meeting's
        minutes are signed, or when a later meeting has reviewed the action since."""
        with self.transaction():
            self._unlocked(meeting_id)
            if not self._undo_review(action_id, meeting_id):
                raise NotFound("this meeting has recorded no review of that action")
            return self._action(action_id)

    def _undo_review(self, action_id: int, meeting_id: int) -> bool:
        rows = self._rows(
            f"SELECT {_REVIEW_COLUMNS} FROM action_reviews WHERE action_id = ? AND meeting_id = ?",
            [action_id, meeting_id],
        )
        if not rows:
            return False
        review = _review(rows[0])
        action = self._action(action_id)
        problem = later_review(action, review, self._reviews_of_action(action_id))
        if problem:
            raise Conflict(problem)
        assert review.before is not None
        # The state goes back first: the database lets an action agreed at signed
        # minutes move only while a review of it is on record.
        self._write_state(action_id, review.before)
        self.db.execute("DELETE FROM action_updates WHERE review_id = ?", [review.id])
        self.db.execute("DELETE FROM action_reviews WHERE id = ?", [review.id])
        return True

    def _write_state(self, action_id: int, state: ReviewedState) -> None:
        values = to_row(state)
        if state.owner is None:  # a review recorded before owners could be reassigned
            values.pop("owner")
        self.db.table("actions").update(action_id, values)

    def _action(self, action_id: int) -> Action:
        found = self._actions_where("id = ?", [action_id])
        if not found:
            raise NotFound(f"there is no action {action_id}")
        return found[0]

    def _reviews_of_action(self, action_id: int) -> list[ActionReview]:
        rows = self._rows(
            f"SELECT {_REVIEW_COLUMNS} FROM action_reviews WHERE action_id = ? "
            "ORDER BY meeting_date, id",
            [action_id],
        )
        return [_review(row) for row in rows]


def _review(row: dict[str, Any]) -> ActionReview:
    before = row.pop("before")
    try:
        state = ReviewedState.model_validate_json(before)
    except ValueError:
        raise StoreError("a stored review is not valid: what it replaced cannot be read") from None
    return from_row(ActionReview, row, before=state)
