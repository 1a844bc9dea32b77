"""Breaking an annual goal into editable quarterly and monthly targets.

Each target's objective tracks the annual objective's metric (`tracks_objective_id`): one
measurement counts for the year and for the quarter and month it falls in.
"""

from datetime import date, datetime

from sqlalchemy.orm import Session, sessionmaker

from bot.domain.achievable import direction_of
from bot.domain.breakdown import PeriodPlan, plan_breakdown
from bot.domain.drafts import ObjectiveDraft
from bot.domain.enums import GoalLevel, GoalStatus
from bot.domain.refs import RefKind, format_ref
from bot.services.actor import Actor
from bot.services.errors import AlreadyBrokenDown, BreakdownTooLarge, NoObjectivesToSplit, NotAnnual
from bot.services.goal_tree import reload_tree
from bot.services.goal_writes import editable_goal
from bot.services.read_models import GoalTree
from models.goals import Goal, Objective
from models.measurement_queries import root_of

# A break-down makes one goal per month and per quarter; three years of them is already a lot to
# check in on, and an unbounded span (a due date of 9999-12-30) once created 127,571 goals.
MAX_MONTHS = 36


def break_down(
    sessions: sessionmaker[Session], actor: Actor, goal_id: int, *, now: datetime, today: date
) -> GoalTree:
    with sessions.begin() as session:
        goal = editable_goal(session, actor, goal_id)
        ref = format_ref(RefKind.GOAL, goal.id)
        if goal.level != GoalLevel.ANNUAL:
            raise NotAnnual(ref, goal.level)
        if any(child.status != GoalStatus.ARCHIVED for child in goal.children):
            raise AlreadyBrokenDown(ref)
        rows = [ObjectiveDraft(o.metric, o.unit, o.baseline, o.target) for o in goal.objectives]
        # Every period's objectives come in the goal's order; each target tracks its root's metric.
        roots = [root_of(o) for o in goal.objectives]
        if not rows:
            raise NoObjectivesToSplit(ref)
        months = _months_spanned(goal.start_date, goal.due_date)
        if months > MAX_MONTHS:
            raise BreakdownTooLarge(goal_ref=ref, periods=_periods(months), limit=_periods(MAX_MONTHS))
        for quarter in plan_breakdown(goal.start_date, goal.due_date, rows):
            parent = _child(goal, quarter, goal, roots, now)
            session.add(parent)
            for month in quarter.months:
                session.add(_child(goal, month, parent, roots, now))
        session.flush()
        return reload_tree(session, actor.team_id, goal.id, today=today)


def _months_spanned(start: date, due: date) -> int:
    return max(0, (due.year - start.year) * 12 + due.month - start.month + 1)


def _periods(months: int) -> int:
    """Goals a break-down of `months` creates: one per month and one per (started) quarter."""
    return months + -(-months // 3)


def _child(root: Goal, period: PeriodPlan, parent: Goal, roots: list[int], now: datetime) -> Goal:
    child = Goal(
        team_id=root.team_id,
        title=f"{root.title} — {period.label}"[:200],
        why=f"Step towards {format_ref(RefKind.GOAL, root.id)}: {root.title}"[:2000],
        owner_id=root.owner_id,
        channel_id=root.channel_id,
        level=period.level,
        parent=parent,
        start_date=period.start,
        due_date=period.due,
        status=GoalStatus.ACTIVE,
        created_at=now,
    )
    child.objectives = [
        Objective(
            team_id=root.team_id,
            metric=o.metric,
            unit=o.unit,
            baseline=o.baseline,
            target=o.target,
            direction=direction_of(o.baseline, o.target),
            due_date=period.due,
            tracks_objective_id=tracks,
        )
        for o, tracks in zip(period.objectives, roots, strict=True)
    ]
    return child
