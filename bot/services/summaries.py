"""Turns stored goals into read models, with pacing worked out for `today`."""

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Protocol

from sqlalchemy.orm import object_session

from bot.domain import pacing
from bot.domain.enums import Direction, GoalLevel, GoalStatus
from bot.domain.refs import RefKind, format_ref
from bot.services.read_models import (
    GoalSummary,
    ObjectiveSummary,
)
from models.goals import Goal
from models.measurement_queries import LatestValue, latest_values

Latest = Mapping[int, LatestValue]


class ObjectiveFacts(Protocol):
    """What a summary reads of an objective: an ORM Objective or list_queries.ObjectiveColumns."""

    @property
    def id(self) -> int: ...
    @property
    def goal_id(self) -> int: ...
    @property
    def metric(self) -> str: ...
    @property
    def unit(self) -> str | None: ...
    @property
    def baseline(self) -> float: ...
    @property
    def target(self) -> float: ...
    @property
    def direction(self) -> Direction: ...
    @property
    def due_date(self) -> date: ...
    @property
    def tracks_objective_id(self) -> int | None: ...


class GoalFacts(Protocol):
    """What a summary reads of a goal itself: an ORM Goal, or its columns (list_queries.GoalColumns)."""

    @property
    def id(self) -> int: ...
    @property
    def title(self) -> str: ...
    @property
    def why(self) -> str | None: ...
    @property
    def owner_id(self) -> str: ...
    @property
    def channel_id(self) -> str | None: ...
    @property
    def level(self) -> GoalLevel: ...
    @property
    def parent_id(self) -> int | None: ...
    @property
    def start_date(self) -> date: ...
    @property
    def due_date(self) -> date: ...
    @property
    def status(self) -> GoalStatus: ...


def summarize_objective(
    objective: ObjectiveFacts, *, start: date, today: date, latest: LatestValue | None
) -> ObjectiveSummary:
    """`latest` is the objective's entry from `latest_values` (None: never measured in its period)."""
    current = latest.value if latest else objective.baseline
    # Until someone measures, there is nothing to pace: the baseline is not news.
    progress = pacing.progress(objective.baseline, objective.target, current) if latest else None
    expected = pacing.expected_progress(start, objective.due_date, today)
    return ObjectiveSummary(
        id=objective.id,
        ref=format_ref(RefKind.OBJECTIVE, objective.id),
        goal_id=objective.goal_id,
        metric=objective.metric,
        unit=objective.unit,
        baseline=objective.baseline,
        target=objective.target,
        direction=objective.direction,
        due_date=objective.due_date,
        current=current,
        progress=progress,
        expected=expected,
        status=pacing.pace_status(progress, expected, today=today, due=objective.due_date),
        last_measured_at=latest.recorded_at if latest else None,
        measurement_count=latest.count if latest else 0,
        tracks_ref=format_ref(RefKind.OBJECTIVE, objective.tracks_objective_id)
        if objective.tracks_objective_id
        else None,
    )


def latest_for(goals: Sequence[Goal]) -> Latest:
    """One query for the latest values of every objective of these goals."""
    ids = [o.id for goal in goals for o in goal.objectives]
    session = object_session(goals[0]) if goals else None
    if session is None or not ids:
        return {}
    return latest_values(session, goals[0].team_id, ids)


def summarize_goals(
    goals: Sequence[Goal], *, today: date, focus_goal_ids: frozenset[int] = frozenset()
) -> list[GoalSummary]:
    latest = latest_for(goals)
    return [summarize_goal(g, today=today, focus_goal_ids=focus_goal_ids, latest=latest) for g in goals]


def summarize_goal(
    goal: Goal,
    *,
    today: date,
    focus_goal_ids: frozenset[int] = frozenset(),
    latest: Latest | None = None,
) -> GoalSummary:
    """`latest` from `latest_for` when summarizing many goals; looked up for this goal otherwise."""
    if latest is None:
        latest = latest_for([goal])
    objectives = tuple(
        summarize_objective(o, start=goal.start_date, today=today, latest=latest.get(o.id))
        for o in goal.objectives
    )
    parent = goal.parent
    return assemble_goal(
        goal, objectives, parent_title=parent.title if parent else None, is_focus=goal.id in focus_goal_ids
    )


def assemble_goal(
    goal: GoalFacts, objectives: tuple[ObjectiveSummary, ...], *, parent_title: str | None, is_focus: bool
) -> GoalSummary:
    """A goal's summary from its own columns and objectives already summarised: no relationship is read."""
    return GoalSummary(
        id=goal.id,
        ref=format_ref(RefKind.GOAL, goal.id),
        title=goal.title,
        why=goal.why,
        owner_id=goal.owner_id,
        channel_id=goal.channel_id,
        level=goal.level,
        parent_id=goal.parent_id,
        parent_ref=format_ref(RefKind.GOAL, goal.parent_id) if goal.parent_id is not None else None,
        parent_title=parent_title,
        start_date=goal.start_date,
        due_date=goal.due_date,
        status=goal.status,
        pace=pacing.weakest([o.status for o in objectives]),
        progress=pacing.mean_progress([o.progress for o in objectives]),
        objectives=objectives,
        is_focus=is_focus,
    )
