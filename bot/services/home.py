"""What App Home shows a person beyond their goals: the work they are responsible for.

Responsibility, as Home shows it: a goal's owner is responsible for its objectives (objectives
have no owner of their own), and a tactic's `owner_id` for that tactic, whoever owns its goal.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, sessionmaker

from bot.domain.enums import GoalStatus
from bot.domain.refs import RefKind, format_ref
from bot.services.read_models import ObjectiveSummary, TacticSummary
from bot.services.summaries import summarize_objective
from models import queries
from models.goals import Goal, Strategy, Tactic
from models.measurement_queries import latest_values

# Home shows at most this many; the view says how many more there are.
MAX_TACTICS = 50


@dataclass(frozen=True)
class AssignedTactic:
    tactic: TacticSummary
    goal_ref: str
    goal_title: str


@dataclass(frozen=True)
class ObjectiveToUpdate:
    objective: ObjectiveSummary
    goal_ref: str
    goal_title: str


def open_tactics(sessions: sessionmaker[Session], team_id: str, user_id: str) -> list[AssignedTactic]:
    """Tactics the person owns that are not ticked off yet, on active goals, soonest due first."""
    query = (
        select(Tactic)
        .join(Tactic.strategy)
        .join(Strategy.goal)
        .where(
            Tactic.team_id == team_id,
            Tactic.owner_id == user_id,
            Tactic.done_at.is_(None),
            Goal.status == GoalStatus.ACTIVE,
        )
        .options(joinedload(Tactic.strategy).joinedload(Strategy.goal))
        .order_by(Tactic.due_date, Tactic.id)
        .limit(MAX_TACTICS + 1)
    )
    with sessions() as session:
        return [_assigned(tactic) for tactic in session.scalars(query)]


def objective_to_update(
    sessions: sessionmaker[Session], team_id: str, objective_id: int, *, today: date
) -> ObjectiveToUpdate | None:
    """The objective as the "Update" form shows it, or None when it is gone or its goal archived."""
    with sessions() as session:
        objective = queries.get_objective(session, team_id, objective_id)
        if objective is None or objective.goal.status is not GoalStatus.ACTIVE:
            return None
        goal = objective.goal
        return ObjectiveToUpdate(
            summarize_objective(
                objective,
                start=goal.start_date,
                today=today,
                latest=latest_values(session, team_id, [objective.id]).get(objective.id),
            ),
            format_ref(RefKind.GOAL, goal.id),
            goal.title,
        )


def _assigned(tactic: Tactic) -> AssignedTactic:
    goal = tactic.strategy.goal
    summary = TacticSummary(
        id=tactic.id,
        ref=format_ref(RefKind.TACTIC, tactic.id),
        title=tactic.title,
        owner_id=tactic.owner_id,
        due_date=tactic.due_date,
        done=tactic.done_at is not None,
    )
    return AssignedTactic(summary, format_ref(RefKind.GOAL, goal.id), goal.title)
