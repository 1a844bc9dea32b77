"""A goal's whole tree as `/goals show` and its buttons show it: summary, strategies with their
tactics, sub-goals, and the latest few measurements."""

from datetime import date

from sqlalchemy.orm import Session, object_session

from bot.domain.enums import GoalStatus
from bot.domain.refs import RefKind, format_ref
from bot.services.read_models import GoalTree, MeasurementSummary, StrategySummary, TacticSummary
from bot.services.summaries import latest_for, summarize_goal
from models import queries
from models.goals import Goal, Strategy
from models.measurement_queries import recent_measurements, root_of


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
    children = [child for child in goal.children if child.status != GoalStatus.ARCHIVED]
    latest = latest_for([goal, *children])
    return GoalTree(
        goal=summarize_goal(goal, today=today, focus_goal_ids=focus_goal_ids, latest=latest),
        strategies=tuple(summarize_strategy(s) for s in goal.strategies),
        children=tuple(
            summarize_goal(child, today=today, focus_goal_ids=focus_goal_ids, latest=latest)
            for child in children
        ),
        recent=recent_of(goal),
    )


RECENT_MEASUREMENTS = 5


def recent_of(goal: Goal) -> tuple[MeasurementSummary, ...]:
    """The last few measurements of the metrics this goal tracks, newest first."""
    session = object_session(goal)
    if session is None or not goal.objectives:
        return ()
    by_root = {root_of(o): o for o in goal.objectives}
    rows = recent_measurements(session, goal.team_id, list(by_root), limit=RECENT_MEASUREMENTS)
    return tuple(
        MeasurementSummary(
            id=m.id,
            objective_ref=format_ref(RefKind.OBJECTIVE, by_root[m.objective_id].id),
            metric=by_root[m.objective_id].metric,
            unit=by_root[m.objective_id].unit,
            value=m.value,
            user_id=m.user_id,
            recorded_at=m.recorded_at,
            note=m.note,
        )
        for m in rows
    )


def reload_tree(session: Session, team_id: str, goal_id: int, *, today: date) -> GoalTree:
    """The goal's tree as just written: stale relationships loaded before the change are dropped."""
    session.expire_all()
    goal = queries.get_goal(session, team_id, goal_id, full=True)
    if goal is None:  # callers hold the goal in this very transaction; only a bug gets here
        raise LookupError(f"goal {goal_id} vanished inside its own transaction")
    return build_tree(goal, today=today)
