"""Creating, editing and archiving goals. Each function is one transaction."""

import math
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime

from sqlalchemy.orm import Session, sessionmaker

from bot.domain.achievable import direction_of
from bot.domain.drafts import CheckedObjective, GoalDraft, ObjectiveDraft, SmartGoal, SmartProblem
from bot.domain.enums import GoalLevel, GoalStatus
from bot.domain.parse import infer_level
from bot.domain.refs import RefKind, format_ref
from bot.domain.smart import smart_goal
from bot.domain.title_numbers import stale_title
from bot.services.actor import Actor
from bot.services.archived import gone
from bot.services.errors import (
    DueAfterParent,
    GoalNotFound,
    ParentIsDescendant,
    ParentNotFound,
    ServiceError,
    SmartIncomplete,
    StaleForm,
)
from bot.services.limits import check_draft_text
from bot.services.read_models import GoalSummary
from bot.services.summaries import summarize_goal
from models import queries
from models.goals import Goal, Objective


def create_goal(
    sessions: sessionmaker[Session],
    actor: Actor,
    draft: GoalDraft,
    *,
    channel_id: str | None,
    now: datetime,
    today: date,
) -> GoalSummary:
    """Stores a SMART-complete draft; anything less raises SmartIncomplete and stores nothing."""
    check_draft_text(draft)
    smart = _require_smart(draft, today)
    with sessions.begin() as session:
        _check_parent(session, actor.team_id, smart.parent_id, goal_id=None, due=smart.due_date)
        start = smart.start_date or today
        goal = Goal(
            team_id=actor.team_id,
            title=smart.title,
            why=smart.why,
            owner_id=actor.user_id,
            channel_id=channel_id,
            level=smart.level or infer_level(start, smart.due_date),
            parent_id=smart.parent_id,
            start_date=start,
            due_date=smart.due_date,
            status=GoalStatus.ACTIVE,
            created_at=now,
        )
        goal.objectives = [
            _new_objective(actor.team_id, row, smart.due_date) for row in smart.filled_objectives
        ]
        session.add(goal)
        session.flush()
        return summarize_goal(goal, today=today)


def update_goal(
    sessions: sessionmaker[Session],
    actor: Actor,
    goal_id: int,
    draft: GoalDraft,
    *,
    objective_ids: Sequence[int],
    today: date,
) -> GoalSummary:
    """Rewrites the goal's definition; rows 0..len(objective_ids)-1 of the draft edit those objectives."""
    check_draft_text(draft)
    with sessions.begin() as session:
        goal = editable_goal(session, actor, goal_id)
        history = {
            o.id: tuple((m.recorded_on, m.value) for m in o.measurements if m.undone_at is None)
            for o in goal.objectives
        }
        rows = [
            ObjectiveDraft(o.metric, o.unit, o.baseline, o.target, history.get(oid, ()))
            for oid, o in zip(objective_ids, draft.objectives, strict=False)
        ] + list(draft.objectives[len(objective_ids) :])
        stored = {o.id: (o.baseline, o.target) for o in goal.objectives}
        before = [stored.get(oid, (math.nan, math.nan)) for oid in objective_ids]
        smart = _require_smart(
            replace(draft, start_date=goal.start_date, objectives=tuple(rows)),
            today,
            also=stale_title(draft.title, before, draft.objectives),
        )
        _check_parent(session, actor.team_id, smart.parent_id, goal_id=goal.id, due=smart.due_date)
        goal.title = smart.title
        goal.why = smart.why
        goal.level = _level_after_edit(goal, smart)
        goal.parent_id = smart.parent_id
        old_due, goal.due_date = goal.due_date, smart.due_date
        for objective in goal.objectives:
            # Objectives that simply followed the goal's date keep following it.
            if objective.due_date == old_due:
                objective.due_date = smart.due_date
        by_id = {o.id: o for o in goal.objectives}
        for objective_id, row in zip(objective_ids, smart.objectives, strict=False):
            existing = by_id.get(objective_id)
            if existing is None:
                raise StaleForm()
            # A cleared row keeps its objective: measurements are never dropped from a form.
            if row is not None:
                _apply_objective(existing, row, existing.due_date)
        for new_row in smart.objectives[len(objective_ids) :]:
            if new_row is not None:
                goal.objectives.append(_new_objective(actor.team_id, new_row, smart.due_date))
        session.flush()
        return summarize_goal(goal, today=today)


def archive_goal(sessions: sessionmaker[Session], actor: Actor, goal_id: int, *, today: date) -> GoalSummary:
    """Archives the goal with its targets; `archiving.archive_goal` can keep the targets instead."""
    from bot.services import archiving  # archiving builds on editable_goal below

    return archiving.archive_goal(sessions, actor, goal_id, today=today).goal


def goal_owner(sessions: sessionmaker[Session], team_id: str, goal_id: int) -> str:
    """The owner, so a listener can decide whether it must ask Slack if the person is an admin."""
    with sessions() as session:
        goal = queries.get_goal(session, team_id, goal_id)
        if goal is None:
            raise not_found(goal_id)
        return goal.owner_id


def not_found(goal_id: int, goal: Goal | None = None) -> ServiceError:
    """GoalNotFound, or GoalArchived when `goal` is archived (so the refusal says how to restore it)."""
    ref = format_ref(RefKind.GOAL, goal_id)
    return gone(ref, goal, GoalNotFound(ref))


def editable_goal(session: Session, actor: Actor, goal_id: int) -> Goal:
    goal = queries.get_goal(session, actor.team_id, goal_id)
    if goal is None or goal.status == GoalStatus.ARCHIVED:
        raise not_found(goal_id, goal)
    actor.require_editor(goal.owner_id, format_ref(RefKind.GOAL, goal.id))
    return goal


def _check_parent(
    session: Session, team_id: str, parent_id: int | None, *, goal_id: int | None, due: date
) -> None:
    if parent_id is None:
        return
    parent = queries.get_goal(session, team_id, parent_id)
    if parent is None or parent.status == GoalStatus.ARCHIVED:
        ref = format_ref(RefKind.GOAL, parent_id)
        raise gone(ref, parent, ParentNotFound(ref))
    ancestor: Goal | None = parent
    while ancestor is not None:
        if goal_id is not None and ancestor.id == goal_id:
            raise ParentIsDescendant(format_ref(RefKind.GOAL, goal_id), format_ref(RefKind.GOAL, parent_id))
        ancestor = ancestor.parent
    if due > parent.due_date:
        raise DueAfterParent(format_ref(RefKind.GOAL, parent.id), parent.due_date, due)


def _require_smart(draft: GoalDraft, today: date, *, also: Sequence[SmartProblem] = ()) -> SmartGoal:
    """The checked goal, or SmartIncomplete with its problems and `also` (e.g. a stale title)."""
    checked = smart_goal(draft, today)
    problems = [*(checked if isinstance(checked, list) else []), *also]
    if problems:
        raise SmartIncomplete(problems)
    assert not isinstance(checked, list)
    return checked


def _level_after_edit(goal: Goal, edited: SmartGoal) -> GoalLevel:
    """A level that only followed the old dates follows the new ones; one picked by hand stays."""
    level = edited.level or goal.level
    followed_dates = level == goal.level == infer_level(goal.start_date, goal.due_date)
    if followed_dates and edited.due_date != goal.due_date:
        return infer_level(goal.start_date, edited.due_date)
    return level


def _new_objective(team_id: str, row: CheckedObjective, due: date) -> Objective:
    objective = Objective(team_id=team_id)
    _apply_objective(objective, row, due)
    return objective


def _apply_objective(objective: Objective, row: CheckedObjective, due: date) -> None:
    objective.metric = row.metric
    objective.unit = row.unit
    objective.baseline = row.baseline
    objective.target = row.target
    objective.direction = direction_of(row.baseline, row.target)
    objective.due_date = due
