"""Growing the GOST tree under a goal: objectives, strategies, tactics."""

from datetime import date, datetime

from sqlalchemy.orm import Session, sessionmaker

from bot.domain import limits
from bot.domain.achievable import direction_of
from bot.domain.drafts import ObjectiveDraft, TacticDraft
from bot.domain.enums import GoalStatus
from bot.domain.refs import RefKind, format_ref
from bot.domain.smart import checked_objective
from bot.services.actor import Actor
from bot.services.archived import gone
from bot.services.errors import (
    DueDateInPast,
    SmartIncomplete,
    StrategyNotFound,
    TacticNotFound,
    TitleMissing,
)
from bot.services.goal_tree import reload_tree
from bot.services.goal_writes import editable_goal
from bot.services.limits import check_due, check_objective_text, check_text
from bot.services.read_models import GoalTree
from models import queries
from models.goals import Objective, Strategy, Tactic


def add_objective(
    sessions: sessionmaker[Session],
    actor: Actor,
    goal_id: int,
    row: ObjectiveDraft,
    due: date,
    *,
    today: date,
) -> GoalTree:
    if due < today:
        raise DueDateInPast("objective", due, today)
    check_due(due, today=today)
    check_objective_text(row)
    with sessions.begin() as session:
        goal = editable_goal(session, actor, goal_id)
        checked = checked_objective(row)
        if isinstance(checked, list):
            raise SmartIncomplete(checked)
        goal.objectives.append(
            Objective(
                team_id=actor.team_id,
                metric=checked.metric,
                unit=checked.unit,
                baseline=checked.baseline,
                target=checked.target,
                direction=direction_of(checked.baseline, checked.target),
                due_date=due,
            )
        )
        session.flush()
        return reload_tree(session, actor.team_id, goal.id, today=today)


def add_strategy(sessions: sessionmaker[Session], actor: Actor, goal_id: int, title: str, *, today: date):
    check_text("title", title, limits.STRATEGY_TITLE)
    title = _required_title(title, "strategy")
    with sessions.begin() as session:
        goal = editable_goal(session, actor, goal_id)
        goal.strategies.append(Strategy(team_id=actor.team_id, title=title))
        session.flush()
        return reload_tree(session, actor.team_id, goal.id, today=today)


def add_tactic(
    sessions: sessionmaker[Session], actor: Actor, strategy_id: int, tactic: TacticDraft, *, today: date
) -> GoalTree:
    check_text("title", tactic.title, limits.TACTIC_TITLE)
    title = _required_title(tactic.title, "tactic")
    if tactic.due_date < today:
        raise DueDateInPast("tactic", tactic.due_date, today)
    check_due(tactic.due_date, today=today)
    with sessions.begin() as session:
        strategy = queries.get_strategy(session, actor.team_id, strategy_id)
        if strategy is None or strategy.goal.status == GoalStatus.ARCHIVED:
            ref = format_ref(RefKind.STRATEGY, strategy_id)
            raise gone(ref, strategy.goal if strategy else None, StrategyNotFound(ref))
        goal = editable_goal(session, actor, strategy.goal_id)
        strategy.tactics.append(
            Tactic(team_id=actor.team_id, title=title, owner_id=tactic.owner_id, due_date=tactic.due_date)
        )
        session.flush()
        return reload_tree(session, actor.team_id, goal.id, today=today)


def complete_tactic(
    sessions: sessionmaker[Session], actor: Actor, tactic_id: int, *, now: datetime, today: date
) -> GoalTree:
    """Who may tick it off is `Actor.may_complete_tactic`."""
    with sessions.begin() as session:
        tactic = _live_tactic(session, actor.team_id, tactic_id)
        goal = tactic.strategy.goal
        actor.require_tactic_completer(tactic.owner_id, goal.owner_id, format_ref(RefKind.TACTIC, tactic.id))
        if tactic.done_at is None:
            tactic.done_at = now
        session.flush()
        return reload_tree(session, actor.team_id, goal.id, today=today)


def tactic_owners(sessions: sessionmaker[Session], team_id: str, tactic_id: int) -> tuple[str, str]:
    """(tactic owner, goal owner), so a listener can skip asking Slack about admin rights."""
    with sessions() as session:
        tactic = _live_tactic(session, team_id, tactic_id)
        return tactic.owner_id, tactic.strategy.goal.owner_id


def _live_tactic(session: Session, team_id: str, tactic_id: int) -> Tactic:
    tactic = queries.get_tactic(session, team_id, tactic_id)
    if tactic is None or tactic.strategy.goal.status == GoalStatus.ARCHIVED:
        ref = format_ref(RefKind.TACTIC, tactic_id)
        raise gone(ref, tactic.strategy.goal if tactic else None, TacticNotFound(ref))
    return tactic


def _required_title(title: str | None, kind: str) -> str:
    cleaned = " ".join((title or "").split())
    if not cleaned:
        raise TitleMissing(kind)
    return cleaned[:200]
