"""Turns stored goals into read models, with pacing worked out for `today`."""

from datetime import date

from sqlalchemy.orm import Session

from bot.domain import pacing
from bot.domain.enums import GoalStatus
from bot.domain.refs import RefKind, format_ref
from bot.services.read_models import (
    GoalSummary,
    GoalTree,
    ObjectiveSummary,
    StrategySummary,
    TacticSummary,
)
from models import queries
from models.goals import Goal, Measurement, Objective, Strategy


def summarize_objective(objective: Objective, *, start: date, today: date) -> ObjectiveSummary:
    return summarize_measured_objective(
        objective, latest_measurement(objective), len(objective.measurements), start=start, today=today
    )


def summarize_measured_objective(
    objective: Objective, latest: Measurement | None, measurement_count: int, *, start: date, today: date
) -> ObjectiveSummary:
    """An objective's summary from its latest measurement, loaded by whoever knows how best."""
    current = latest.value if latest else objective.baseline
    # Until someone measures, there is nothing to pace: the baseline is not news.
    progress = pacing.progress(objective.baseline, objective.target, current) if latest else None
    expected = pacing.expected_progress(start, objective.due_date, today)
    return ObjectiveSummary(
        id=objective.id,
        ref=format_ref(RefKind.OBJECTIVE, objective.id),
        goal_id=objective.goal_id,
        metric=objective.metric,
        unit=objective.unit,
        baseline=objective.baseline,
        target=objective.target,
        direction=objective.direction,
        due_date=objective.due_date,
        current=current,
        progress=progress,
        expected=expected,
        status=pacing.pace_status(progress, expected, today=today, due=objective.due_date),
        last_measured_at=latest.recorded_at if latest else None,
        measurement_count=measurement_count,
    )


def summarize_goal(goal: Goal, *, today: date, focus_goal_ids: frozenset[int] = frozenset()) -> GoalSummary:
    objectives = tuple(summarize_objective(o, start=goal.start_date, today=today) for o in goal.objectives)
    parent = goal.parent
    return assemble_goal(
        goal, objectives, parent_title=parent.title if parent else None, is_focus=goal.id in focus_goal_ids
    )


def assemble_goal(
    goal: Goal, objectives: tuple[ObjectiveSummary, ...], *, parent_title: str | None, is_focus: bool
) -> GoalSummary:
    """A goal's summary from its own columns and objectives already summarised: no relationship is read."""
    return GoalSummary(
        id=goal.id,
        ref=format_ref(RefKind.GOAL, goal.id),
        title=goal.title,
        why=goal.why,
        owner_id=goal.owner_id,
        channel_id=goal.channel_id,
        level=goal.level,
        parent_id=goal.parent_id,
        parent_ref=format_ref(RefKind.GOAL, goal.parent_id) if goal.parent_id is not None else None,
        parent_title=parent_title,
        start_date=goal.start_date,
        due_date=goal.due_date,
        status=goal.status,
        pace=pacing.weakest([o.status for o in objectives]),
        progress=pacing.mean_progress([o.progress for o in objectives]),
        objectives=objectives,
        is_focus=is_focus,
    )


def summarize_strategy(strategy: Strategy) -> StrategySummary:
    return StrategySummary(
        id=strategy.id,
        ref=format_ref(RefKind.STRATEGY, strategy.id),
        title=strategy.title,
        tactics=tuple(
            TacticSummary(
                id=t.id,
                ref=format_ref(RefKind.TACTIC, t.id),
                title=t.title,
                owner_id=t.owner_id,
                due_date=t.due_date,
                done=t.done_at is not None,
            )
            for t in strategy.tactics
        ),
    )


def build_tree(goal: Goal, *, today: date, focus_goal_ids: frozenset[int] = frozenset()) -> GoalTree:
    return GoalTree(
        goal=summarize_goal(goal, today=today, focus_goal_ids=focus_goal_ids),
        strategies=tuple(summarize_strategy(s) for s in goal.strategies),
        children=tuple(
            summarize_goal(child, today=today, focus_goal_ids=focus_goal_ids)
            for child in goal.children
            if child.status != GoalStatus.ARCHIVED
        ),
    )


def reload_tree(session: Session, team_id: str, goal_id: int, *, today: date) -> GoalTree:
    """The goal's tree as just written: stale relationships loaded before the change are dropped."""
    session.expire_all()
    return build_tree(queries.get_goal(session, team_id, goal_id, full=True), today=today)


def latest_measurement(objective: Objective) -> Measurement | None:
    # recorded_at can tie (two updates in one second); the later row wins.
    return max(objective.measurements, key=lambda m: (m.recorded_at, m.id), default=None)
