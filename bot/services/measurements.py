"""Recording progress. Any member of the workspace may do this."""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session, sessionmaker

from bot.domain import limits
from bot.domain.enums import GoalStatus
from bot.domain.numbers import format_number
from bot.domain.refs import RefKind, format_ref
from bot.services.errors import Ambiguous, NotFound
from bot.services.limits import check_text
from bot.services.read_models import ObjectiveSummary
from bot.services.summaries import latest_measurement, summarize_objective
from models import queries
from models.goals import Measurement, Objective

MAX_NOTE = limits.NOTE


@dataclass(frozen=True)
class Recorded:
    objective: ObjectiveSummary
    goal_title: str
    goal_ref: str
    previous: float


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
) -> Recorded:
    check_text("note", note, limits.NOTE)
    with sessions.begin() as session:
        objective = _resolve(session, team_id, channel_id, name, objective_id)
        latest = latest_measurement(objective)
        previous = latest.value if latest else objective.baseline
        measurement = Measurement(
            team_id=team_id,
            value=value,
            user_id=user_id,
            recorded_at=now,
            note=(note or "").strip()[:MAX_NOTE].rstrip() or None,
        )
        objective.measurements.append(measurement)
        session.flush()
        goal = objective.goal
        return Recorded(
            objective=summarize_objective(objective, start=goal.start_date, today=today),
            goal_title=goal.title,
            goal_ref=format_ref(RefKind.GOAL, goal.id),
            previous=previous,
        )


def _resolve(
    session: Session, team_id: str, channel_id: str | None, name: str, objective_id: int | None
) -> Objective:
    if objective_id is not None:
        objective = queries.get_objective(session, team_id, objective_id)
        if objective is None or objective.goal.status == GoalStatus.ARCHIVED:
            raise NotFound(
                f"I can't find objective {format_ref(RefKind.OBJECTIVE, objective_id)} here. "
                "Run `/goals list` to see the objective ids (they start with O)."
            )
        return objective
    # The channel's own objectives win; otherwise look across the workspace.
    matches = queries.objectives_named(session, team_id, name, channel_id) if channel_id else []
    if not matches:
        matches = queries.objectives_named(session, team_id, name, None)
    if not matches:
        raise NotFound(
            f"No objective is called “{name}”. Use its id instead, e.g. `/goals update O7 82`; "
            "`/goals list` shows the ids."
        )
    if len(matches) > 1:
        options = ", ".join(
            f"`{format_ref(RefKind.OBJECTIVE, o.id)}` {o.metric} (target {format_number(o.target)})"
            for o in matches[:10]
        )
        raise Ambiguous(
            f"“{name}” matches more than one objective: {options}. Use the id, e.g. "
            f"`/goals update {format_ref(RefKind.OBJECTIVE, matches[0].id)} <value>`."
        )
    return matches[0]
