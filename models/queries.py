"""Query helpers. Each takes the workspace's team_id: a row of another workspace is never found."""

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from bot.domain.enums import GoalStatus
from bot.domain.limits import MAX_ID
from models.goals import Goal, Measurement, MonthlyFocus, Objective, Strategy, Tactic

# Measurements are not loaded with goals: measurement_queries.latest_values reads them in one query.
_GOAL_LOADS = (
    selectinload(Goal.objectives),
    selectinload(Goal.parent),
)


def get_goal(session: Session, team_id: str, goal_id: int, *, full: bool = False) -> Goal | None:
    if not _storable(goal_id):
        return None
    query = select(Goal).where(Goal.team_id == team_id, Goal.id == goal_id)
    if full:
        query = query.options(
            *_GOAL_LOADS,
            selectinload(Goal.strategies).selectinload(Strategy.tactics),
            selectinload(Goal.children).selectinload(Goal.objectives),
        )
    return session.scalar(query)


def get_objective(session: Session, team_id: str, objective_id: int) -> Objective | None:
    if not _storable(objective_id):
        return None
    return session.scalar(select(Objective).where(Objective.team_id == team_id, Objective.id == objective_id))


def get_strategy(session: Session, team_id: str, strategy_id: int) -> Strategy | None:
    if not _storable(strategy_id):
        return None
    return session.scalar(select(Strategy).where(Strategy.team_id == team_id, Strategy.id == strategy_id))


def get_tactic(session: Session, team_id: str, tactic_id: int) -> Tactic | None:
    if not _storable(tactic_id):
        return None
    return session.scalar(select(Tactic).where(Tactic.team_id == team_id, Tactic.id == tactic_id))


def _storable(row_id: int) -> bool:
    """An id no database could hold (a pasted G10000000000000000000000) is simply not found."""
    return 0 < row_id <= MAX_ID


def active_goals(
    session: Session,
    team_id: str,
    *,
    channel_id: str | None = None,
    owner_id: str | None = None,
    goal_ids: Sequence[int] | None = None,
) -> list[Goal]:
    query = select(Goal).where(Goal.team_id == team_id, Goal.status == GoalStatus.ACTIVE)
    if channel_id is not None:
        query = query.where(Goal.channel_id == channel_id)
    if owner_id is not None:
        query = query.where(Goal.owner_id == owner_id)
    if goal_ids is not None:
        query = query.where(Goal.id.in_([i for i in goal_ids if _storable(i)]))
    return list(session.scalars(query.options(*_GOAL_LOADS).order_by(Goal.due_date, Goal.id)))


def objectives_named(session: Session, team_id: str, name: str, channel_id: str | None) -> list[Objective]:
    """Active root objectives whose metric is `name` (exact, else a part of it), ignoring case.

    Broken-down targets are left out: they track their root's metric, so "CSAT" is one objective,
    not the annual one and its twelve monthly copies. Matched in Python: SQLite's lower() and LIKE
    fold ASCII only, so "Übernachtungen" would be missed.
    """
    query = (
        select(Objective)
        .join(Goal)
        .where(
            Objective.team_id == team_id,
            Goal.status == GoalStatus.ACTIVE,
            Objective.tracks_objective_id.is_(None),
        )
        .order_by(Objective.id)
    )
    if channel_id is not None:
        query = query.where(Goal.channel_id == channel_id)
    wanted = " ".join(name.split()).casefold()
    candidates = list(session.scalars(query))
    exact = [o for o in candidates if " ".join(o.metric.split()).casefold() == wanted]
    return exact or [o for o in candidates if wanted in o.metric.casefold()]


def focus_for(session: Session, team_id: str, channel_id: str, month: date) -> MonthlyFocus | None:
    return session.scalar(
        select(MonthlyFocus).where(
            MonthlyFocus.team_id == team_id,
            MonthlyFocus.channel_id == channel_id,
            MonthlyFocus.month == month,
        )
    )


def focus_in_month(session: Session, team_id: str, month: date, channel_ids: Sequence[str] | None = None):
    query = select(MonthlyFocus).where(MonthlyFocus.team_id == team_id, MonthlyFocus.month == month)
    if channel_ids is not None:
        query = query.where(MonthlyFocus.channel_id.in_(channel_ids))
    return list(session.scalars(query.order_by(MonthlyFocus.channel_id)))


def channels_touched_by(session: Session, team_id: str, user_id: str) -> set[str]:
    """Channels where a person owns a goal or has recorded progress: a fallback for 'my channels'."""
    owned = select(Goal.channel_id).where(Goal.team_id == team_id, Goal.owner_id == user_id)
    measured = (
        select(Goal.channel_id)
        .join(Objective, Objective.goal_id == Goal.id)
        .join(Measurement, Measurement.objective_id == Objective.id)
        .where(Measurement.team_id == team_id, Measurement.user_id == user_id)
    )
    return {c for c in session.scalars(owned.union(measured)) if c}


def parent_links(session: Session, team_id: str) -> dict[int, int | None]:
    """goal id → parent id for every goal of the workspace, archived ones included."""
    rows = session.execute(select(Goal.id, Goal.parent_id).where(Goal.team_id == team_id))
    return {goal_id: parent_id for goal_id, parent_id in rows}
