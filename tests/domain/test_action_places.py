"""Actions in their place in the minute body (domain/minute_body.py, minute_layout.py)
and how the minutes' Action column names who is to act (domain/actions.py,
`action_mark`): docs/minutes.md "Actions in their place", docs/actions.md."""

from __future__ import annotations

from datetime import date

from minutebook.domain.actions import Action, action_mark
from minutebook.domain.committee import Person
from minutebook.domain.meeting import Decision, Minute
from minutebook.domain.minute_body import (
    ActionPlace,
    DecisionPlace,
    ListBlock,
    Paragraph,
    Run,
    action_marker,
    read_body,
)
from minutebook.domain.minute_layout import Actions, Decisions, lay_out

DAY = date(2022, 7, 1)


def _action(number: int, owner: str = "wogan", mark: str | None = None) -> Action:
    return Action(
        committee="ICB",
        number=number,
        meeting_date=DAY,
        item=8,
        description=f"Action {number}",
        owner=owner,
        mark=mark,
    )


def test_a_line_action_n_is_a_place_of_its_own_any_case_spaces_allowed() -> None:
    body = read_body("The plan was shared.\n[action 3]\n  [ Action  12 ]  \n[decision 1]")
    assert body.blocks[1:] == (
        ActionPlace(3, "[action 3]"),
        ActionPlace(12, "[ Action  12 ]"),
        DecisionPlace(1, "[decision 1]"),
    )
    assert [p.number for p in body.places] == [1]  # the decisions' places only
    assert action_marker(3) == "[action 3]"
    # Not on a line of its own: text as typed.
    assert read_body("See [action 3] below.").blocks == (
        Paragraph((Run("See [action 3] below."),)),
    )


def test_actions_follow_the_paragraph_or_point_that_raised_them() -> None:
    minute = Minute(
        item=8,
        narrative=(
            "There was a general discussion on the Plan:\n\n"
            "- It was felt that this could give the impression of a fresh start;\n"
            "[action 3]\n"
            "- There is good collaboration across the system;\n"
            "[action 4]\n\n"
            "The members noted that the plan would be shared."
        ),
    )
    three, four, five = _action(3, "summers"), _action(4), _action(5)
    layout = lay_out(minute, (three, four, five))
    kinds = [type(p).__name__ for p in layout.parts]
    assert kinds == ["Paragraph", "ListBlock", "Actions", "ListBlock", "Actions", "Paragraph"]
    first_point, second_point = layout.parts[1], layout.parts[3]
    assert isinstance(first_point, ListBlock) and isinstance(second_point, ListBlock)
    assert first_point.items[0].text.startswith("It was felt")
    assert second_point.items[0].text.startswith("There is good collaboration")
    assert layout.parts[2] == Actions((three,))
    assert layout.parts[4] == Actions((four,))
    assert layout.placed_actions == (three, four)
    assert layout.unplaced_actions == (five,)  # printed as it always was
    assert layout.summary() == ("2 paragraphs, 2 lists (2 points); actions 3 and 4 in place")


def test_places_one_after_another_hold_their_actions_and_decisions_apart() -> None:
    minute = Minute(
        item=6,
        narrative="Engagement with partners.\n[action 2]\n[action 1]\n[decision 1]",
        decisions=(Decision(text="To establish the committees", position=1),),
    )
    one, two = _action(1), _action(2)
    layout = lay_out(minute, (one, two))
    assert layout.parts[1:] == (Actions((two, one)), Decisions(minute.decisions))
    assert layout.unplaced_actions == () and layout.unplaced == ()


def test_a_place_naming_no_action_of_the_item_or_placed_twice_is_printed_as_typed() -> None:
    minute = Minute(item=4, narrative="[action 9]\nText\n[action 1]\n[action 1]")
    layout = lay_out(minute, (_action(1),))
    assert layout.parts[0] == Paragraph((Run("[action 9]"),))
    assert layout.parts[-1] == Paragraph((Run("[action 1]"),))
    assert layout.notes == (
        "[action 9] names no action of the item: printed as typed",
        "[action 1] is placed twice: printed as typed",
    )
    # Without the item's actions (a reader that does not give them), nothing is lost.
    bare = lay_out(Minute(item=4, narrative="Text\n[action 1]"))
    assert bare.parts[-1] == Paragraph((Run("[action 1]"),))


def test_the_action_column_names_the_action_s_mark_else_the_owner_s_else_the_usual() -> None:
    wogan = Person(id="wogan", name="Maria Wogan", initials="MW", action_mark="COSACS")
    summers = Person(id="summers", name="Michelle Summers")
    assert action_mark(_action(1), wogan, "MW") == "COSACS"
    assert action_mark(_action(3, "summers"), summers, "Michelle Summers") == "Michelle Summers"
    both = _action(4, "graves", mark="Ross Graves / COSACS")
    assert action_mark(both, wogan, "MW") == "Ross Graves / COSACS"
    assert action_mark(_action(5, "ghost"), None, "ghost") == "ghost"
    assert Person(id="x", name="X Y", action_mark="  ").action_mark is None
