"""break_down: an annual goal becomes 4 quarterly and 12 monthly goals with evenly split targets."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from bot.domain.enums import GoalLevel
from bot.services import breakdown, goal_writes
from bot.services.errors import AlreadyBrokenDown, NoObjectivesToSplit, NotAnnual, NotEditor
from models.goals import Goal
from tests.services.factories import (
    CHANNEL,
    OWNER,
    TEAM,
    TEAMMATE,
    actor,
    bare_goal,
    count,
    make_goal,
    row,
)

CREATED = date(2026, 12, 15)
NOW = datetime(2026, 12, 20, 10, tzinfo=UTC)


def annual(sessions):
    return make_goal(
        sessions, row("CSAT", 78, 90), start=date(2027, 1, 1), due=date(2027, 12, 31), today=CREATED
    )


def split(sessions, goal_id, who=None):
    return breakdown.break_down(sessions, who or actor(), goal_id, now=NOW, today=NOW.date())


def children_by_level(sessions, root_id):
    """Every goal under the root, per level, in date order, as plain tuples."""
    with sessions() as session:
        goals = session.scalars(select(Goal).where(Goal.id != root_id).order_by(Goal.start_date, Goal.level))
        rows = {}
        for g in goals:
            (o,) = g.objectives
            rows.setdefault(g.level, []).append(
                dict(
                    id=g.id,
                    parent_id=g.parent_id,
                    start=g.start_date,
                    due=g.due_date,
                    where=(g.team_id, g.channel_id, g.owner_id, g.created_at),
                    numbers=(o.metric, o.unit, o.baseline, o.target, o.due_date),
                )
            )
        return rows


def test_an_annual_goal_breaks_into_quarters_and_months(sessions):
    goal = annual(sessions)

    tree = split(sessions, goal.id)

    assert [(c.level, c.title) for c in tree.children] == [
        (GoalLevel.QUARTERLY, f"{goal.title} — Q{q} 2027") for q in (1, 2, 3, 4)
    ]
    levels = children_by_level(sessions, goal.id)
    quarters, months = levels[GoalLevel.QUARTERLY], levels[GoalLevel.MONTHLY]
    assert (len(quarters), len(months), set(levels)) == (4, 12, {GoalLevel.QUARTERLY, GoalLevel.MONTHLY})
    assert {q["parent_id"] for q in quarters} == {goal.id}
    assert [m["parent_id"] for m in months] == [q["id"] for q in quarters for _ in range(3)]
    assert {c["where"] for c in quarters + months} == {(TEAM, CHANNEL, OWNER, NOW)}


def test_targets_are_an_even_split_from_baseline_to_target(sessions):
    goal = annual(sessions)

    split(sessions, goal.id)

    levels = children_by_level(sessions, goal.id)
    quarters, months = levels[GoalLevel.QUARTERLY], levels[GoalLevel.MONTHLY]
    assert [q["numbers"][2:4] for q in quarters] == [(78, 81), (81, 84), (84, 87), (87, 90)]
    assert months[0]["numbers"] == ("CSAT", "%", 78, 79, date(2027, 1, 31))
    assert months[-1]["numbers"] == ("CSAT", "%", 89, 90, date(2027, 12, 31))
    assert [m["numbers"][3] for m in months] == pytest.approx([79 + k for k in range(12)])
    assert [(m["start"], m["due"]) for m in months[1:2]] == [(date(2027, 2, 1), date(2027, 2, 28))]
    assert quarters[0]["numbers"][4] == date(2027, 3, 31)


def test_a_second_break_down_is_refused(sessions):
    goal = annual(sessions)
    split(sessions, goal.id)

    with pytest.raises(AlreadyBrokenDown) as refused:
        split(sessions, goal.id)

    assert refused.value.ref == f"G{goal.id}"
    assert count(sessions, Goal) == 17


def test_archiving_the_quarters_allows_breaking_down_again(sessions):
    goal = annual(sessions)
    for quarter in split(sessions, goal.id).children:
        goal_writes.archive_goal(sessions, actor(), quarter.id, today=NOW.date())

    assert len(split(sessions, goal.id).children) == 4


def test_a_goal_that_is_not_annual_is_refused(sessions):
    quarterly = make_goal(sessions, start=date(2027, 1, 1), due=date(2027, 3, 31), today=CREATED)
    assert quarterly.level is GoalLevel.QUARTERLY

    with pytest.raises(NotAnnual) as refused:
        split(sessions, quarterly.id)

    assert (refused.value.ref, refused.value.level) == (f"G{quarterly.id}", GoalLevel.QUARTERLY)
    assert count(sessions, Goal) == 1


def test_a_goal_without_objectives_is_refused(sessions):
    goal_id = bare_goal(sessions)

    with pytest.raises(NoObjectivesToSplit) as refused:
        split(sessions, goal_id)

    assert refused.value.ref == f"G{goal_id}"
    assert count(sessions, Goal) == 1


def test_only_the_owner_or_an_admin_may_break_down(sessions):
    goal = annual(sessions)

    with pytest.raises(NotEditor):
        split(sessions, goal.id, who=actor(TEAMMATE))
    assert count(sessions, Goal) == 1
