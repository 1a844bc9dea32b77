"""Creating, editing and archiving goals. Each function is one transaction."""

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime

from sqlalchemy.orm import Session, sessionmaker

from bot.domain.drafts import GoalDraft, ObjectiveDraft
from bot.domain.enums import GoalStatus
from bot.domain.parse import infer_level
from bot.domain.refs import RefKind, format_ref
from bot.domain.smart import check_smart, direction_of
from bot.services.actor import Actor
from bot.services.errors import InvalidInput, NotFound, SmartIncomplete
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
    problems = check_smart(draft, today)
    if problems:
        raise SmartIncomplete(problems)
    with sessions.begin() as session:
        _check_parent(session, actor.team_id, draft.parent_id, goal_id=None)
        start = draft.start_date or today
        goal = Goal(
            team_id=actor.team_id,
            title=draft.title.strip(),
            why=(draft.why or "").strip() or None,
            owner_id=actor.user_id,
            channel_id=channel_id,
            level=draft.level or infer_level(start, draft.due_date),
            parent_id=draft.parent_id,
            start_date=start,
            due_date=draft.due_date,
            status=GoalStatus.ACTIVE,
            created_at=now,
        )
        goal.objectives = [
            _new_objective(actor.team_id, o, draft.due_date) for o in draft.objectives if _filled(o)
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
            o.id: tuple((m.recorded_at.date(), m.value) for m in o.measurements) for o in goal.objectives
        }
        rows = [
            ObjectiveDraft(o.metric, o.unit, o.baseline, o.target, history.get(oid, ()))
            for oid, o in zip(objective_ids, draft.objectives, strict=False)
        ] + list(draft.objectives[len(objective_ids) :])
        checked = replace(draft, start_date=goal.start_date, objectives=tuple(rows))
        problems = check_smart(checked, today)
        if problems:
            raise SmartIncomplete(problems)
        _check_parent(session, actor.team_id, draft.parent_id, goal_id=goal.id)
        goal.title = draft.title.strip()
        goal.why = (draft.why or "").strip() or None
        goal.level = draft.level or goal.level
        goal.parent_id = draft.parent_id
        old_due, goal.due_date = goal.due_date, draft.due_date
        for objective in goal.objectives:
            # Objectives that simply followed the goal's date keep following it.
            if objective.due_date == old_due:
                objective.due_date = draft.due_date
        by_id = {o.id: o for o in goal.objectives}
        for objective_id, row in zip(objective_ids, draft.objectives, strict=False):
            objective = by_id.get(objective_id)
            if objective is None:
                raise InvalidInput("That form is out of date: an objective changed meanwhile. Open it again.")
            if _filled(row):  # a cleared row keeps its objective: measurements are never dropped from a form
                _apply_objective(objective, row, objective.due_date)
        for row in filter(_filled, draft.objectives[len(objective_ids) :]):
            goal.objectives.append(_new_objective(actor.team_id, row, draft.due_date))
        session.flush()
        return summarize_goal(goal, today=today)


def archive_goal(sessions: sessionmaker[Session], actor: Actor, goal_id: int, *, today: date) -> GoalSummary:
    with sessions.begin() as session:
        goal = editable_goal(session, actor, goal_id)
        goal.status = GoalStatus.ARCHIVED
        return summarize_goal(goal, today=today)


def goal_owner(sessions: sessionmaker[Session], team_id: str, goal_id: int) -> str:
    """The owner, so a listener can decide whether it must ask Slack if the person is an admin."""
    with sessions() as session:
        goal = queries.get_goal(session, team_id, goal_id)
        if goal is None:
            raise not_found(goal_id)
        return goal.owner_id


def not_found(goal_id: int) -> NotFound:
    ref = format_ref(RefKind.GOAL, goal_id)
    return NotFound(f"I can't find goal {ref} in this workspace. Run `/goals list` to see the ids.")


def editable_goal(session: Session, actor: Actor, goal_id: int) -> Goal:
    goal = queries.get_goal(session, actor.team_id, goal_id)
    if goal is None or goal.status == GoalStatus.ARCHIVED:
        raise not_found(goal_id)
    actor.require_editor(goal.owner_id, format_ref(RefKind.GOAL, goal.id))
    return goal


def _check_parent(session: Session, team_id: str, parent_id: int | None, *, goal_id: int | None) -> None:
    if parent_id is None:
        return
    parent = queries.get_goal(session, team_id, parent_id)
    if parent is None or parent.status == GoalStatus.ARCHIVED:
        raise NotFound(f"The parent goal {format_ref(RefKind.GOAL, parent_id)} does not exist here.")
    ancestor: Goal | None = parent
    while ancestor is not None:
        if ancestor.id == goal_id:
            raise InvalidInput("A goal cannot sit under itself or under one of its own targets.")
        ancestor = ancestor.parent


def _filled(row: ObjectiveDraft) -> bool:
    # check_smart has already refused rows with numbers but no metric, so the rest are blank.
    return bool(row.metric and row.metric.strip())


def _new_objective(team_id: str, row: ObjectiveDraft, due: date) -> Objective:
    objective = Objective(team_id=team_id)
    _apply_objective(objective, row, due)
    return objective


def _apply_objective(objective: Objective, row: ObjectiveDraft, due: date) -> None:
    objective.metric = (row.metric or "").strip()
    objective.unit = (row.unit or "").strip() or None
    objective.baseline = row.baseline
    objective.target = row.target
    objective.direction = direction_of(row.baseline, row.target)
    objective.due_date = due
