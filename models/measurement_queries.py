"""Measurements as the views need them: one query for the latest value of many objectives.

A broken-down target (`tracks_objective_id` set) has no measurements of its own: it reads its
root objective's, recorded within its goal's period (start date to its due date, workspace dates).
A root objective reads all of its own. Undone measurements never count.
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from sqlalchemy import BindParameter, Select, and_, bindparam, func, or_, select
from sqlalchemy.orm import Session

from models.goals import Goal, Measurement, Objective


@dataclass(frozen=True)
class LatestValue:
    objective_id: int  # the objective asked about (a target, or a root)
    value: float
    recorded_at: datetime
    measurement_id: int
    count: int  # measurements that count for this objective


def root_of(objective: Objective) -> int:
    """The objective whose measurements this one reads."""
    return objective.tracks_objective_id or objective.id


def latest_values(session: Session, team_id: str, objective_ids: Collection[int]) -> dict[int, LatestValue]:
    """Latest counting measurement per objective id, tracked targets included; unmeasured ones absent."""
    if not objective_ids:
        return {}
    parameters = {"team_id": team_id, "objective_ids": sorted(set(objective_ids))}
    return {
        objective_id: LatestValue(objective_id, value, recorded_at, measurement_id, counted)
        for objective_id, value, recorded_at, measurement_id, counted in session.execute(
            _latest_values_query(), parameters
        )
    }


@cache
def _latest_values_query() -> Select:
    """Built once, on the tables' columns with bound parameters: building this statement (and the
    ORM's per-execution set-up) cost more than running it."""
    objectives, goals, measurements = Objective.__table__.c, Goal.__table__.c, Measurement.__table__.c
    team_id: BindParameter[str] = bindparam("team_id")
    objective_ids: BindParameter[list[int]] = bindparam("objective_ids", expanding=True)
    root = func.coalesce(objectives.tracks_objective_id, objectives.id)
    in_period = or_(
        objectives.tracks_objective_id.is_(None),
        and_(measurements.recorded_on >= goals.start_date, measurements.recorded_on <= objectives.due_date),
    )
    ranked = (
        select(
            objectives.id.label("objective_id"),
            measurements.value,
            measurements.recorded_at,
            measurements.id.label("measurement_id"),
            func.row_number()
            .over(
                partition_by=objectives.id,
                order_by=(measurements.recorded_at.desc(), measurements.id.desc()),
            )
            .label("position"),
            func.count().over(partition_by=objectives.id).label("counted"),
        )
        .select_from(Objective.__table__)
        .join(Goal.__table__, goals.id == objectives.goal_id)
        .join(
            Measurement.__table__,
            and_(
                measurements.objective_id == root,
                measurements.team_id == team_id,
                measurements.undone_at.is_(None),
                in_period,
            ),
        )
        .where(objectives.team_id == team_id, objectives.id.in_(objective_ids))
        .subquery()
    )
    return select(
        ranked.c.objective_id, ranked.c.value, ranked.c.recorded_at, ranked.c.measurement_id, ranked.c.counted
    ).where(ranked.c.position == 1)


def recent_measurements(
    session: Session, team_id: str, root_ids: Collection[int], *, limit: int
) -> list[Measurement]:
    """The newest counting measurements of these root objectives, newest first."""
    if not root_ids:
        return []
    query = (
        select(Measurement)
        .where(
            Measurement.team_id == team_id,
            Measurement.objective_id.in_(sorted(set(root_ids))),
            Measurement.undone_at.is_(None),
        )
        .order_by(Measurement.recorded_at.desc(), Measurement.id.desc())
        .limit(limit)
    )
    return list(session.scalars(query))
