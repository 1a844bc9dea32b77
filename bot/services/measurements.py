"""Recording progress. Any member of the workspace may do this.

A measurement is stored once, on the root objective whose metric it measures: recording on a
broken-down target (`/goals update O<target> 80`) stores on its root, and counts for the root and
for every target whose period it falls in.
"""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session, sessionmaker

from bot.domain import limits
from bot.domain.enums import GoalStatus
from bot.domain.numbers import MAX_MEASUREMENT, is_storable
from bot.domain.pacing import is_implausible
from bot.domain.refs import RefKind, format_ref
from bot.services.archived import gone
from bot.services.errors import (
    AmbiguousObjective,
    MeasurementOutOfRange,
    NoObjectiveNamed,
    ObjectiveCandidate,
    ObjectiveNotFound,
)
from bot.services.limits import check_text
from bot.services.read_models import ObjectiveSummary
from bot.services.summaries import summarize_objective
from models import queries
from models.goals import Measurement, Objective
from models.measurement_queries import latest_values, root_of

MAX_NOTE = limits.NOTE
# Enough candidates to recognise the right one; the rest are found by id.
MAX_CANDIDATES = 10


@dataclass(frozen=True)
class Recorded:
    objective: ObjectiveSummary  # the objective the person named, as it reads now
    goal_title: str
    goal_ref: str
    previous: float
    measurement_id: int


@dataclass(frozen=True)
class NeedsConfirmation:
    """Nothing stored: the value is far outside the objective's range (likely a typo)."""

    objective_id: int
    objective_ref: str
    metric: str
    unit: str | None
    baseline: float
    target: float
    value: float
    note: str | None


def record_measurement(
    sessions: sessionmaker[Session],
    *,
    team_id: str,
    user_id: str,
    channel_id: str | None,
    name: str,
    objective_id: int | None,
    value: float,
    note: str | None,
    now: datetime,
    today: date,
    confirmed: bool = False,
) -> Recorded | NeedsConfirmation:
    """Stores `value` unless it is implausible and not `confirmed`; refuses non-storable values
    and over-long notes (nothing is cut silently)."""
    if not is_storable(value):
        raise MeasurementOutOfRange(value=value, limit=MAX_MEASUREMENT, field="value")
    check_text("note", note, limits.NOTE)
    note = (note or "").strip() or None
    with sessions.begin() as session:
        objective = _resolve(session, team_id, channel_id, name, objective_id)
        if not confirmed and is_implausible(objective.baseline, objective.target, value):
            return NeedsConfirmation(
                objective_id=objective.id,
                objective_ref=format_ref(RefKind.OBJECTIVE, objective.id),
                metric=objective.metric,
                unit=objective.unit,
                baseline=objective.baseline,
                target=objective.target,
                value=value,
                note=note,
            )
        before = latest_values(session, team_id, [objective.id]).get(objective.id)
        measurement = Measurement(
            team_id=team_id,
            objective_id=root_of(objective),
            value=value,
            user_id=user_id,
            recorded_at=now,
            recorded_on=today,
            note=note,
        )
        session.add(measurement)
        session.flush()
        goal = objective.goal
        after = latest_values(session, team_id, [objective.id]).get(objective.id)
        return Recorded(
            objective=summarize_objective(objective, start=goal.start_date, today=today, latest=after),
            goal_title=goal.title,
            goal_ref=format_ref(RefKind.GOAL, goal.id),
            previous=before.value if before else objective.baseline,
            measurement_id=measurement.id,
        )


def resolve_objective(
    session: Session, team_id: str, channel_id: str | None, name: str, objective_id: int | None
) -> Objective:
    """The active objective a person means, by id or by metric name."""
    return _resolve(session, team_id, channel_id, name, objective_id)


def _resolve(
    session: Session, team_id: str, channel_id: str | None, name: str, objective_id: int | None
) -> Objective:
    if objective_id is not None:
        objective = queries.get_objective(session, team_id, objective_id)
        if objective is None or objective.goal.status == GoalStatus.ARCHIVED:
            ref = format_ref(RefKind.OBJECTIVE, objective_id)
            raise gone(ref, objective.goal if objective else None, ObjectiveNotFound(ref))
        return objective
    # The channel's own objectives win; otherwise look across the workspace.
    matches = queries.objectives_named(session, team_id, name, channel_id) if channel_id else []
    if not matches:
        matches = queries.objectives_named(session, team_id, name, None)
    if not matches:
        raise NoObjectiveNamed(name)
    if len(matches) > 1:
        candidates = [
            ObjectiveCandidate(format_ref(RefKind.OBJECTIVE, o.id), o.metric, o.target)
            for o in matches[:MAX_CANDIDATES]
        ]
        raise AmbiguousObjective(name, candidates)
    return matches[0]
