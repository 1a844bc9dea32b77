"""break_down is bounded: a goal stored with a far-away due date is refused, not split into thousands."""

from datetime import date

import pytest
from sqlalchemy import update

from bot.services import breakdown
from bot.services.errors import BreakdownTooLarge
from models.goals import Goal
from tests.services.factories import count, make_goal, row
from tests.services.test_breakdown import CREATED, split


def goal_due(sessions, due: date) -> int:
    """An annual goal whose due date is then moved (as a goal stored before due dates were bounded)."""
    goal = make_goal(
        sessions, row("CSAT", 78, 90), start=date(2027, 1, 1), due=date(2027, 12, 31), today=CREATED
    )
    with sessions.begin() as session:
        session.execute(update(Goal).where(Goal.id == goal.id).values(due_date=due))
    return goal.id


def test_a_goal_due_in_year_9999_is_refused_and_nothing_is_created(sessions):
    goal_id = goal_due(sessions, date(9999, 12, 30))

    with pytest.raises(BreakdownTooLarge) as refused:
        split(sessions, goal_id)

    assert refused.value.periods > refused.value.limit
    assert refused.value.goal_ref == f"G{goal_id}"
    assert count(sessions, Goal) == 1


def test_the_longest_span_allowed_still_breaks_down(sessions):
    months = breakdown.MAX_MONTHS
    goal_id = goal_due(sessions, date(2027 + months // 12 - 1, 12, 31))

    tree = split(sessions, goal_id)

    assert len(tree.children) == months // 3
    assert count(sessions, Goal) == 1 + months + months // 3


def test_one_month_more_is_refused(sessions):
    goal_id = goal_due(sessions, date(2027 + breakdown.MAX_MONTHS // 12, 1, 31))

    with pytest.raises(BreakdownTooLarge):
        split(sessions, goal_id)
    assert count(sessions, Goal) == 1
