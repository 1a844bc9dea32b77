"""break_down: an annual goal becomes 4 quarterly and 12 monthly goals with evenly split targets."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from bot.domain.enums import GoalLevel, PaceStatus
from bot.services import breakdown, goal_reads, goal_writes
from bot.services.errors import AlreadyBrokenDown, NoObjectivesToSplit, NotAnnual, NotEditor
from models.goals import Goal, Measurement
from tests.services.factories import (
    CHANNEL,
    OWNER,
    TEAM,
    TEAMMATE,
    actor,
    bare_goal,
    count,
    make_goal,
    measure,
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


def tracked_targets(sessions, root_goal_id):
    """(level, start, due, tracks) of every target objective, in date order."""
    with sessions() as session:
        goals = session.scalars(
            select(Goal).where(Goal.id != root_goal_id).order_by(Goal.start_date, Goal.level)
        )
        return [(g.id, g.level, g.objectives[0].id, g.objectives[0].tracks_objective_id) for g in goals]


def test_every_target_tracks_the_annual_objective(sessions):
    goal = annual(sessions)

    split(sessions, goal.id)

    root = goal.objectives[0].id
    assert {tracks for *_, tracks in tracked_targets(sessions, goal.id)} == {root}


def test_one_measurement_counts_for_the_year_its_quarter_and_its_month(sessions):
    goal = annual(sessions)
    split(sessions, goal.id)
    targets = tracked_targets(sessions, goal.id)
    q1 = next(t for t in targets if t[1] is GoalLevel.QUARTERLY)
    feb = [t for t in targets if t[1] is GoalLevel.MONTHLY][1]

    measure(sessions, None, 80, name="CSAT", at=datetime(2027, 2, 10, 9, tzinfo=UTC))

    with sessions() as session:
        assert [m.objective_id for m in session.scalars(select(Measurement))] == [goal.objectives[0].id]
    in_feb = date(2027, 2, 11)
    tree = goal_reads.goal_tree(sessions, TEAM, goal.id, today=in_feb)
    assert tree.goal.objectives[0].current == 80
    assert [c.objectives[0].current for c in tree.children] == [80, 81, 84, 87]  # Q2–Q4: baseline
    assert [c.objectives[0].measurement_count for c in tree.children] == [1, 0, 0, 0]
    feb_tree = goal_reads.goal_tree(sessions, TEAM, feb[0], today=in_feb)
    feb_csat = feb_tree.goal.objectives[0]
    assert (feb_csat.current, feb_csat.progress, feb_csat.status) == (80, 1, PaceStatus.ACHIEVED)
    assert feb_tree.goal.pace is PaceStatus.ACHIEVED
    q1_tree = goal_reads.goal_tree(sessions, TEAM, q1[0], today=in_feb)
    assert [m.objectives[0].measurement_count for m in q1_tree.children] == [0, 1, 0]


def test_updating_a_target_by_id_records_on_the_root(sessions):
    goal = annual(sessions)
    split(sessions, goal.id)
    jan = next(t for t in tracked_targets(sessions, goal.id) if t[1] is GoalLevel.MONTHLY)

    recorded = measure(sessions, jan[2], 79.5, at=datetime(2027, 1, 20, 9, tzinfo=UTC))

    assert (recorded.objective.id, recorded.objective.current, recorded.previous) == (jan[2], 79.5, 78)
    assert recorded.objective.progress == pytest.approx(1.5)
    with sessions() as session:
        assert session.scalars(select(Measurement.objective_id)).all() == [goal.objectives[0].id]


def test_the_metric_name_is_one_objective_after_a_break_down(sessions):
    goal = annual(sessions)
    split(sessions, goal.id)

    recorded = measure(sessions, None, 80, name="csat", at=datetime(2027, 1, 20, 9, tzinfo=UTC))

    assert recorded.objective.id == goal.objectives[0].id
