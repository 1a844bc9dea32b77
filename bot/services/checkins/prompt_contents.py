"""The objectives a check-in asks about, with their current values (the goal read models).

A schedule's `objective_ids` when it names some; otherwise every objective of the channel's active
goals. Archived goals' objectives are left out either way.
"""

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from bot.domain.enums import GoalStatus
from bot.services.read_models import ObjectiveSummary
from bot.services.summaries import summarize_objective
from models.checkins import Schedule
from models.goals import Goal, Objective
from models.measurement_queries import latest_values


def schedule_objectives(session: Session, schedule: Schedule) -> list[Objective]:
    query = (
        select(Objective)
        .join(Goal, Goal.id == Objective.goal_id)
        .where(Objective.team_id == schedule.team_id, Goal.status == GoalStatus.ACTIVE)
        .options(selectinload(Objective.measurements), selectinload(Objective.goal))
    )
    if schedule.objective_ids:
        query = query.where(Objective.id.in_(schedule.objective_ids))
        order = {objective_id: index for index, objective_id in enumerate(schedule.objective_ids)}
        return sorted(session.scalars(query), key=lambda o: order[o.id])
    query = query.where(Goal.channel_id == schedule.channel_id).order_by(Goal.due_date, Goal.id, Objective.id)
    return list(session.scalars(query))


def summarize_for(session: Session, schedule: Schedule, today: date) -> tuple[ObjectiveSummary, ...]:
    objectives = schedule_objectives(session, schedule)
    latest = latest_values(session, schedule.team_id, [o.id for o in objectives])
    return tuple(
        summarize_objective(o, start=o.goal.start_date, today=today, latest=latest.get(o.id))
        for o in objectives
    )


class ObjectiveCache:
    """One read per (schedule, day) while a sender's batch is built."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._seen: dict[tuple[int, date], tuple[ObjectiveSummary, ...]] = {}

    def for_schedule(self, schedule: Schedule, today: date) -> tuple[ObjectiveSummary, ...]:
        key = (schedule.id, today)
        if key not in self._seen:
            self._seen[key] = summarize_for(self._session, schedule, today)
        return self._seen[key]
