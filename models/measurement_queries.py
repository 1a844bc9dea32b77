"""Measurements as the views need them: one query for the latest value of many objectives.

A broken-down target (`tracks_objective_id` set) has no measurements of its own: it reads its
root objective's, recorded within its goal's period (start date to its due date, workspace dates).
A root objective reads all of its own. Undone measurements never count.
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, func, or_, select
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
    root = func.coalesce(Objective.tracks_objective_id, Objective.id)
    in_period = or_(
        Objective.tracks_objective_id.is_(None),
        and_(Measurement.recorded_on >= Goal.start_date, Measurement.recorded_on <= Objective.due_date),
    )
    ranked = (
        select(
            Objective.id.label("objective_id"),
            Measurement.value,
            Measurement.recorded_at,
            Measurement.id.label("measurement_id"),
            func.row_number()
            .over(partition_by=Objective.id, order_by=(Measurement.recorded_at.desc(), Measurement.id.desc()))
            .label("position"),
            func.count().over(partition_by=Objective.id).label("counted"),
        )
        .join(Goal, Goal.id == Objective.goal_id)
        .join(
            Measurement,
            and_(
                Measurement.objective_id == root,
                Measurement.team_id == team_id,
                Measurement.undone_at.is_(None),
                in_period,
            ),
        )
        .where(Objective.team_id == team_id, Objective.id.in_(sorted(set(objective_ids))))
        .subquery()
    )
    rows = session.execute(select(ranked).where(ranked.c.position == 1))
    return {
        row.objective_id: LatestValue(
            objective_id=row.objective_id,
            value=row.value,
            recorded_at=row.recorded_at,
            measurement_id=row.measurement_id,
            count=row.counted,
        )
        for row in rows
    }


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
