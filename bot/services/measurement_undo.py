"""Taking a measurement back: its author, the goal's owner or a workspace admin may.

An undone measurement stays in the table (undone_at, undone_by) and counts for nothing, so
undoing it a second time finds it already undone and changes nothing.
"""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.domain.enums import GoalStatus
from bot.domain.refs import RefKind, format_ref
from bot.services.actor import Actor
from bot.services.errors import MeasurementNotFound, NothingToUndo, UndoNotAllowed
from bot.services.measurements import resolve_objective
from bot.services.read_models import ObjectiveSummary
from bot.services.summaries import summarize_objective
from models.goals import Measurement, Objective
from models.measurement_queries import latest_values, root_of


@dataclass(frozen=True)
class UndoTarget:
    """Which measurement an undo would take back, and who may take it back."""

    measurement_id: int
    author_id: str | None  # None for a number from an anonymous check-in
    owner_id: str


@dataclass(frozen=True)
class Undone:
    objective: ObjectiveSummary  # the measured objective as it reads now
    value: float  # the value taken back
    already: bool  # it had been undone before: nothing changed this time


def undo_target(
    sessions: sessionmaker[Session],
    team_id: str,
    *,
    measurement_id: int | None = None,
    channel_id: str | None = None,
    name: str = "",
    objective_id: int | None = None,
) -> UndoTarget:
    """By id (a reply's Undo button), or the newest measurement of an objective (`… undo`).

    The newest one even if already undone: a repeated `undo` then says so instead of
    quietly taking back the measurement before it.
    """
    with sessions() as session:
        if measurement_id is not None:
            measurement = _measurement(session, team_id, measurement_id)
        else:
            objective = resolve_objective(session, team_id, channel_id, name, objective_id)
            newest = session.scalar(
                select(Measurement)
                .where(Measurement.team_id == team_id, Measurement.objective_id == root_of(objective))
                .order_by(Measurement.recorded_at.desc(), Measurement.id.desc())
                .limit(1)
            )
            if newest is None:
                raise NothingToUndo(objective_ref=format_ref(RefKind.OBJECTIVE, objective.id))
            measurement = newest
        return UndoTarget(measurement.id, measurement.user_id, measurement.objective.goal.owner_id)


def undo_measurement(
    sessions: sessionmaker[Session], actor: Actor, measurement_id: int, *, now: datetime, today: date
) -> Undone:
    with sessions.begin() as session:
        measurement = _measurement(session, actor.team_id, measurement_id)
        objective: Objective = measurement.objective
        owner_id = objective.goal.owner_id
        if actor.user_id != measurement.user_id and not actor.may_edit(owner_id):
            raise UndoNotAllowed(
                objective_ref=format_ref(RefKind.OBJECTIVE, objective.id),
                author_id=measurement.user_id,
                owner_id=owner_id,
            )
        already = measurement.undone_at is not None
        if not already:
            measurement.undone_at, measurement.undone_by = now, actor.user_id
            session.flush()
        latest = latest_values(session, actor.team_id, [objective.id]).get(objective.id)
        summary = summarize_objective(objective, start=objective.goal.start_date, today=today, latest=latest)
        return Undone(objective=summary, value=measurement.value, already=already)


def _measurement(session: Session, team_id: str, measurement_id: int) -> Measurement:
    measurement = session.scalar(
        select(Measurement).where(Measurement.team_id == team_id, Measurement.id == measurement_id)
    )
    if measurement is None or measurement.objective.goal.status == GoalStatus.ARCHIVED:
        raise MeasurementNotFound(measurement_id=measurement_id)
    return measurement
