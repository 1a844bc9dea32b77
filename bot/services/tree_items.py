"""Growing the GOST tree under a goal: objectives, strategies, tactics."""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session, sessionmaker

from bot.domain import limits
from bot.domain.drafts import ObjectiveDraft
from bot.domain.enums import GoalStatus
from bot.domain.refs import RefKind, format_ref
from bot.domain.smart import check_objective, direction_of
from bot.services.actor import Actor
from bot.services.errors import InvalidInput, NotAllowed, NotFound, SmartIncomplete
from bot.services.goal_writes import editable_goal
from bot.services.limits import check_due, check_objective_text, check_text
from bot.services.read_models import GoalTree
from bot.services.summaries import reload_tree
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
        raise InvalidInput("The objective's due date is in the past; pick today or a later day.")
    check_due(due, today=today)
    check_objective_text(row)
    with sessions.begin() as session:
        goal = editable_goal(session, actor, goal_id)
        problems = check_objective(row)
        if problems:
            raise SmartIncomplete(problems)
        goal.objectives.append(
            Objective(
                team_id=actor.team_id,
                metric=row.metric.strip(),
                unit=(row.unit or "").strip() or None,
                baseline=row.baseline,
                target=row.target,
                direction=direction_of(row.baseline, row.target),
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


@dataclass(frozen=True)
class TacticInput:
    title: str
    owner_id: str
    due_date: date


def add_tactic(
    sessions: sessionmaker[Session], actor: Actor, strategy_id: int, tactic: TacticInput, *, today: date
) -> GoalTree:
    check_text("title", tactic.title, limits.TACTIC_TITLE)
    title = _required_title(tactic.title, "tactic")
    if tactic.due_date < today:
        raise InvalidInput("The tactic's due date is in the past; pick today or a later day.")
    check_due(tactic.due_date, today=today)
    with sessions.begin() as session:
        strategy = queries.get_strategy(session, actor.team_id, strategy_id)
        if strategy is None:
            raise NotFound(f"I can't find strategy {format_ref(RefKind.STRATEGY, strategy_id)} here.")
        goal = editable_goal(session, actor, strategy.goal_id)
        strategy.tactics.append(
            Tactic(team_id=actor.team_id, title=title, owner_id=tactic.owner_id, due_date=tactic.due_date)
        )
        session.flush()
        return reload_tree(session, actor.team_id, goal.id, today=today)


def complete_tactic(
    sessions: sessionmaker[Session], actor: Actor, tactic_id: int, *, now: datetime, today: date
) -> GoalTree:
    """The tactic's own owner may tick it off, as may whoever may edit the goal."""
    with sessions.begin() as session:
        tactic = _live_tactic(session, actor.team_id, tactic_id)
        goal = tactic.strategy.goal
        if actor.user_id != tactic.owner_id and not actor.may_edit(goal.owner_id):
            raise NotAllowed(
                f"Only <@{tactic.owner_id}> (its owner), <@{goal.owner_id}> or an admin can tick it off."
            )
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
        raise NotFound(f"I can't find tactic {format_ref(RefKind.TACTIC, tactic_id)} here.")
    return tactic


def _required_title(title: str | None, kind: str) -> str:
    cleaned = " ".join((title or "").split())
    if not cleaned:
        raise InvalidInput(
            f"Give the {kind} a short title, e.g. “Follow up every 1-star review within a day”."
        )
    return cleaned[:200]
