"""update_goal flags a title that states numbers the edit changed, and lets the level follow the dates."""

from datetime import date

import pytest

from bot.domain.enums import GoalLevel
from bot.services import goal_reads, goal_writes
from bot.services.errors import SmartIncomplete
from tests.services.factories import TEAM, TODAY, actor, draft, make_goal, row


def update(sessions, goal_id, new_draft, objective_ids):
    return goal_writes.update_goal(
        sessions, actor(), goal_id, new_draft, objective_ids=objective_ids, today=TODAY
    )


def test_a_title_that_states_the_old_target_is_flagged_and_nothing_is_stored(sessions):
    goal = make_goal(sessions, row(baseline=78, target=85), title="Raise CSAT from 78 to 85")
    ids = [o.id for o in goal.objectives]

    with pytest.raises(SmartIncomplete) as refused:
        update(sessions, goal.id, draft(row(baseline=78, target=88), title="Raise CSAT from 78 to 85"), ids)

    assert [(p.field, p.hint) for p in refused.value.problems] == [
        ("title", "The title still says 85, but the target is now 88. Update the title to match.")
    ]
    assert goal_reads.goal_summary(sessions, TEAM, goal.id, today=TODAY).objectives[0].target == 85


def test_a_title_brought_up_to_date_saves(sessions):
    goal = make_goal(sessions, row(baseline=78, target=85), title="Raise CSAT from 78 to 85")
    ids = [o.id for o in goal.objectives]

    saved = update(
        sessions, goal.id, draft(row(baseline=78, target=88), title="Raise CSAT from 78 to 88"), ids
    )

    assert saved.objectives[0].target == 88


def test_a_level_that_followed_the_dates_follows_the_new_due_date(sessions):
    goal = make_goal(sessions, due=date(2027, 2, 15))  # six weeks from TODAY: monthly
    assert goal.level is GoalLevel.MONTHLY
    ids = [o.id for o in goal.objectives]

    later = update(sessions, goal.id, draft(due=date(2027, 12, 31), level=GoalLevel.MONTHLY), ids)

    assert later.level is GoalLevel.ANNUAL


def test_a_level_picked_by_hand_stays_when_the_dates_change(sessions):
    goal = make_goal(sessions, due=date(2027, 2, 15), level=GoalLevel.QUARTERLY)
    ids = [o.id for o in goal.objectives]

    later = update(sessions, goal.id, draft(due=date(2027, 12, 31), level=GoalLevel.QUARTERLY), ids)

    assert later.level is GoalLevel.QUARTERLY
