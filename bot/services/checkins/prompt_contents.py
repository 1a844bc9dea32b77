"""The objectives a check-in asks about, with their current values (the goal read models).

A schedule's `objective_ids` when it names some; otherwise every objective of the channel's active
goals. Archived goals' objectives are left out either way.
"""

from collections.abc import Sequence
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from bot.domain.enums import GoalStatus
from bot.services.read_models import ObjectiveSummary
from bot.services.summaries import summarize_objective
from models.checkins import Schedule
from models.goals import Goal, Objective
from models.measurement_queries import latest_values


def schedule_objectives(session: Session, schedule: Schedule) -> list[Objective]:
    return objectives_of_schedules(session, [schedule])[schedule.id]


def objectives_of_schedules(session: Session, schedules: Sequence[Schedule]) -> dict[int, list[Objective]]:
    """Each schedule's objectives, in the order it asks about them, for many schedules in one read:
    the candidates of every schedule at once (its named objectives, or its channel's active goals'),
    then each schedule's own picked out."""
    if not schedules:
        return {}
    named = {objective_id for schedule in schedules for objective_id in schedule.objective_ids or ()}
    channels = {(s.team_id, s.channel_id) for s in schedules if not s.objective_ids}
    query = (
        select(Objective)
        .join(Goal, Goal.id == Objective.goal_id)
        .where(
            Objective.team_id.in_({s.team_id for s in schedules}),
            Goal.status == GoalStatus.ACTIVE,
            or_(Objective.id.in_(named), Goal.channel_id.in_({channel for _, channel in channels})),
        )
        .options(selectinload(Objective.measurements), selectinload(Objective.goal))
    )
    found = list(session.scalars(query))
    by_id = {o.id: o for o in found}
    on_channel = sorted(found, key=lambda o: (o.goal.due_date, o.goal_id, o.id))
    picked: dict[int, list[Objective]] = {}
    for schedule in schedules:
        if schedule.objective_ids:
            named_here = [by_id.get(objective_id) for objective_id in schedule.objective_ids]
            picked[schedule.id] = [o for o in named_here if o is not None and o.team_id == schedule.team_id]
        else:
            picked[schedule.id] = [
                o
                for o in on_channel
                if (o.team_id, o.goal.channel_id) == (schedule.team_id, schedule.channel_id)
            ]
    return picked


def summarize_for(session: Session, schedule: Schedule, today: date) -> tuple[ObjectiveSummary, ...]:
    return _summaries(session, schedule, schedule_objectives(session, schedule), today)


def _summaries(
    session: Session, schedule: Schedule, objectives: list[Objective], today: date
) -> tuple[ObjectiveSummary, ...]:
    latest = latest_values(session, schedule.team_id, [o.id for o in objectives])
    return tuple(
        summarize_objective(o, start=o.goal.start_date, today=today, latest=latest.get(o.id))
        for o in objectives
    )


class ObjectiveCache:
    """One read per (schedule, day) while a claimed batch is built; `read_ahead` reads the
    objectives of many schedules at once."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._seen: dict[tuple[int, date], tuple[ObjectiveSummary, ...]] = {}
        self._objectives: dict[int, list[Objective]] = {}

    def read_ahead(self, schedules: Sequence[Schedule]) -> None:
        self._objectives.update(objectives_of_schedules(self._session, schedules))

    def for_schedule(self, schedule: Schedule, today: date) -> tuple[ObjectiveSummary, ...]:
        key = (schedule.id, today)
        if key not in self._seen:
            if schedule.id not in self._objectives:
                self.read_ahead([schedule])
            self._seen[key] = _summaries(self._session, schedule, self._objectives[schedule.id], today)
        return self._seen[key]
