"""A channel's goals and objectives as the digest needs them: values as of the period's end (one
windowed query), the last digest's values, and the chart's daily points within the period (one
grouped query) with each objective's value as the period began (the same windowed query)."""

from collections import defaultdict
from datetime import date, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from bot.domain.enums import GoalStatus
from bot.domain.refs import RefKind, format_ref
from bot.domain.reports.digest_inputs import GoalFigures, ObjectiveFigures
from bot.domain.reports.series import ProgressSeries
from models.goals import Goal, Measurement, Objective
from models.reports import DigestSnapshot


def channel_goal_figures(
    session: Session, team_id: str, channel_id: str, since: date, as_of: date, kind: str
) -> tuple[list[GoalFigures], list[ProgressSeries]]:
    """`since` is the period's first day (the chart's), `kind` the digest's ("weekly_digest",
    "monthly_digest"): change is measured against the last digest of that kind."""
    goals = list(
        session.scalars(
            select(Goal)
            .where(Goal.team_id == team_id, Goal.channel_id == channel_id, Goal.status == GoalStatus.ACTIVE)
            .order_by(Goal.start_date, Goal.id)
        )
    )
    ids = {g.id for g in goals}
    objectives = list(
        session.scalars(
            select(Objective)
            .where(Objective.team_id == team_id, Objective.goal_id.in_(ids))
            .order_by(Objective.id)
        )
    )
    by_goal: dict[int, list[Objective]] = defaultdict(list)
    for objective in objectives:
        by_goal[objective.goal_id].append(objective)
    current = values_as_of(session, team_id, [o.id for o in objectives], as_of)
    previous = last_digest_values(session, team_id, channel_id, kind)
    children: dict[int | None, list[Goal]] = defaultdict(list)
    for goal in goals:
        children[goal.parent_id if goal.parent_id in ids else None].append(goal)

    def figures(goal: Goal) -> GoalFigures:
        return GoalFigures(
            goal_id=goal.id,
            title=f"{format_ref(RefKind.GOAL, goal.id)} · {goal.title}",
            objectives=tuple(
                ObjectiveFigures(
                    objective_id=o.id,
                    name=f"{format_ref(RefKind.OBJECTIVE, o.id)} · {o.metric}",
                    baseline=o.baseline,
                    target=o.target,
                    current=current.get(o.id),
                    previous=previous.get(o.id),
                    start=goal.start_date,
                    due=o.due_date,
                    unit=o.unit,
                    direction=o.direction,
                )
                for o in by_goal[goal.id]
            ),
            children=tuple(figures(child) for child in children[goal.id]),
        )

    roots = [o for o in objectives if o.tracks_objective_id is None]
    starts = {g.id: g.start_date for g in goals}
    root_ids = [o.id for o in roots]
    points = daily_points(session, team_id, root_ids, since, as_of)
    opening = values_as_of(session, team_id, root_ids, since - timedelta(days=1))
    series = [
        ProgressSeries(
            label=f"{format_ref(RefKind.OBJECTIVE, o.id)} · {o.metric}",
            start=starts[o.goal_id],
            due=o.due_date,
            baseline=o.baseline,
            target=o.target,
            points=tuple(points.get(o.id, ())),
            unit=o.unit,
            direction=o.direction,
            opening=opening.get(o.id),
        )
        for o in roots
    ]
    return [figures(goal) for goal in children[None]], series


def values_as_of(session: Session, team_id: str, objective_ids: list[int], as_of: date) -> dict[int, float]:
    """Latest counting value per objective on or before `as_of` (tracked targets within their span)."""
    if not objective_ids:
        return {}
    root = func.coalesce(Objective.tracks_objective_id, Objective.id)
    in_span = or_(
        Objective.tracks_objective_id.is_(None),
        and_(Measurement.recorded_on >= Goal.start_date, Measurement.recorded_on <= Objective.due_date),
    )
    ranked = (
        select(
            Objective.id.label("objective_id"),
            Measurement.value,
            func.row_number()
            .over(partition_by=Objective.id, order_by=(Measurement.recorded_at.desc(), Measurement.id.desc()))
            .label("position"),
        )
        .join(Goal, Goal.id == Objective.goal_id)
        .join(
            Measurement,
            and_(
                Measurement.objective_id == root,
                Measurement.team_id == team_id,
                Measurement.undone_at.is_(None),
                Measurement.recorded_on <= as_of,
                in_span,
            ),
        )
        .where(Objective.team_id == team_id, Objective.id.in_(sorted(set(objective_ids))))
        .subquery()
    )
    return {
        row.objective_id: row.value for row in session.execute(select(ranked).where(ranked.c.position == 1))
    }


def last_digest_values(session: Session, team_id: str, channel_id: str, kind: str) -> dict[int, float]:
    query = select(DigestSnapshot.objective_id, DigestSnapshot.value).where(
        DigestSnapshot.team_id == team_id,
        DigestSnapshot.channel_id == channel_id,
        DigestSnapshot.kind == kind,
    )
    return {row.objective_id: row.value for row in session.execute(query)}


def daily_points(
    session: Session, team_id: str, root_ids: list[int], since: date, as_of: date
) -> dict[int, list[tuple[date, float]]]:
    """One point per objective and day (the day's mean), from `since` to `as_of`: a chart has no
    room for more."""
    if not root_ids:
        return {}
    query = (
        select(Measurement.objective_id, Measurement.recorded_on, func.avg(Measurement.value))
        .where(
            Measurement.team_id == team_id,
            Measurement.objective_id.in_(root_ids),
            Measurement.undone_at.is_(None),
            Measurement.recorded_on.between(since, as_of),
        )
        .group_by(Measurement.objective_id, Measurement.recorded_on)
    )
    points: dict[int, list[tuple[date, float]]] = defaultdict(list)
    for objective_id, day, value in session.execute(query):
        points[objective_id].append((day, float(value)))
    return points
