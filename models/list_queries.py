"""The goal list's queries (`/goals list`): one page of goals and their objectives, two statements.

Each takes the workspace's team_id: a row of another workspace is never found.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import BindParameter, ColumnElement, FromClause, Select, bindparam, func, select
from sqlalchemy.orm import Session

from bot.domain.enums import Direction, GoalLevel, GoalStatus
from models.goals import Goal, MonthlyFocus, Objective


def count_goals(session: Session, team_id: str, *, channel_id: str | None, status: GoalStatus) -> int:
    query = select(func.count()).select_from(Goal).where(Goal.team_id == team_id, Goal.status == status)
    if channel_id is not None:
        query = query.where(Goal.channel_id == channel_id)
    return session.scalar(query) or 0


class GoalColumns(NamedTuple):
    """A goal's own columns, as the list shows them: a plain row, no ORM object to build or track."""

    id: int
    title: str
    why: str | None
    owner_id: str
    channel_id: str | None
    level: GoalLevel
    parent_id: int | None
    start_date: date
    due_date: date
    status: GoalStatus


class ObjectiveColumns(NamedTuple):
    id: int
    goal_id: int
    metric: str
    unit: str | None
    baseline: float
    target: float
    direction: Direction
    due_date: date
    tracks_objective_id: int | None


@dataclass(frozen=True)
class GoalRow:
    goal: GoalColumns
    parent_title: str | None
    total: int  # goals matching the filter, on every page
    is_focus: bool  # the channel's main goal in `month`


def goal_page(
    session: Session,
    team_id: str,
    *,
    channel_id: str | None,
    status: GoalStatus,
    month: date,
    offset: int,
    limit: int,
) -> list[GoalRow]:
    """One page of goals (soonest due first) in one query: each with its parent's title, whether it
    is the month's focus, and the count of all matching goals (a window, taken before LIMIT).
    """
    parameters = {"team_id": team_id, "status": status, "month": month, "offset": offset, "limit": limit}
    if channel_id is not None:
        parameters["channel_id"] = channel_id
    rows = session.execute(_goal_page_query(channel_id is not None), parameters)
    width = len(GoalColumns._fields)
    return [
        GoalRow(GoalColumns._make(row[:width]), parent_title, total, focus_id is not None)
        for row in rows
        for parent_title, total, focus_id in [row[width:]]
    ]


def objectives_of_goals(session: Session, team_id: str, goal_ids: Sequence[int]) -> list[ObjectiveColumns]:
    """The goals' objectives (their columns), in one query."""
    if not goal_ids:
        return []
    rows = session.execute(_objectives_query(), {"team_id": team_id, "goal_ids": list(goal_ids)})
    return [ObjectiveColumns._make(row) for row in rows]


# The list's statements are built once, with bound parameters, on the tables' columns (Core, not
# ORM entities): building a statement with aliases and windows, and the ORM's per-row work, cost
# more than running it. Session.execute still autoflushes Core statements (SQLAlchemy 2.0.x).


def _columns(table: FromClause, names: Sequence[str]) -> list[ColumnElement[Any]]:
    return [table.c[name] for name in names]


@cache
def _goal_page_query(in_channel: bool) -> Select:
    goals, focus_table = Goal.__table__, MonthlyFocus.__table__
    team_id: BindParameter[str] = bindparam("team_id")
    # The page is picked first, so the joins below touch its rows only, whatever the planner guesses.
    page = (
        select(goals.c.id, func.count().over().label("total"))
        .where(goals.c.team_id == team_id, goals.c.status == bindparam("status"))
        .order_by(goals.c.due_date, goals.c.id)
        .offset(bindparam("offset"))
        .limit(bindparam("limit"))
    )
    if in_channel:
        page = page.where(goals.c.channel_id == bindparam("channel_id"))
    shown = page.subquery()
    parent = goals.alias("parent")
    focus = focus_table.alias("focus")
    return (
        select(*_columns(goals, GoalColumns._fields), parent.c.title, shown.c.total, focus.c.id)
        .select_from(goals)
        .join(shown, shown.c.id == goals.c.id)
        .outerjoin(parent, (parent.c.id == goals.c.parent_id) & (parent.c.team_id == team_id))
        .outerjoin(
            focus,
            (focus.c.goal_id == goals.c.id)
            & (focus.c.team_id == team_id)
            & (focus.c.channel_id == goals.c.channel_id)
            & (focus.c.month == bindparam("month")),
        )
        .order_by(goals.c.due_date, goals.c.id)
    )


@cache
def _objectives_query() -> Select:
    objectives = Objective.__table__
    goal_ids: BindParameter[list[int]] = bindparam("goal_ids", expanding=True)
    return (
        select(*_columns(objectives, ObjectiveColumns._fields))
        .where(objectives.c.team_id == bindparam("team_id"), objectives.c.goal_id.in_(goal_ids))
        .order_by(objectives.c.id)
    )
