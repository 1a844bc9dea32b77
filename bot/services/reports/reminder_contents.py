"""What a monthly reminder says, as data: the main goal, each objective's target for the month,
where it stands against the pace line, and (month end, pick one) the goals one could focus next."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.domain.enums import Direction, GoalLevel, GoalStatus, PaceStatus
from bot.domain.pacing import expected_progress, pace_status, progress, weakest
from bot.domain.refs import RefKind, format_ref
from bot.domain.reports.periods import Period, parse_period_id
from bot.domain.reports.reminders import ReminderKind
from bot.domain.reports.targets import expected_value, monthly_target
from models import queries
from models.goals import Goal, Objective
from models.measurement_queries import latest_values

MAX_CHOICES = 5


@dataclass(frozen=True)
class ObjectiveMonth:
    ref: str
    name: str
    unit: str | None
    current: float | None
    month_target: float
    expected_now: float  # where the pace line stands today
    final_target: float
    status: PaceStatus
    met: bool | None  # the month's target reached (month end); None without a measurement


@dataclass(frozen=True)
class GoalChoice:
    goal_id: int
    ref: str
    title: str


@dataclass(frozen=True)
class ReminderContents:
    kind: ReminderKind
    month: Period
    next_month: Period
    today: date
    goal: GoalChoice | None  # the main goal; None for pick_one (or when it went away)
    objectives: tuple[ObjectiveMonth, ...] = ()
    status: PaceStatus = PaceStatus.NO_DATA
    choices: tuple[GoalChoice, ...] = ()
    more_choices: int = 0
    next_goal: GoalChoice | None = None  # next month's main goal, when already picked (month end)


def reminder_contents(
    sessions: sessionmaker[Session],
    *,
    team_id: str,
    channel_id: str,
    kind: ReminderKind,
    period: str,
    today: date,
) -> ReminderContents | None:
    """None when there is nothing left to say (the focus was removed, the goals archived)."""
    month = parse_period_id(period)
    if month is None:
        return None
    with sessions() as session:
        choices, more = channel_goals(session, team_id, channel_id)
        if kind is ReminderKind.PICK_ONE:
            focused = queries.focus_for(session, team_id, channel_id, month.start)
            if focused is not None or not choices:
                return None
            return ReminderContents(
                kind, month, month.shifted(1), today, None, choices=choices, more_choices=more
            )
        focus = queries.focus_for(session, team_id, channel_id, month.start)
        if focus is None or focus.goal.status == GoalStatus.ARCHIVED:
            return None
        goal = focus.goal
        picked = queries.focus_for(session, team_id, channel_id, month.shifted(1).start)
        next_goal = (
            _choice(picked.goal)
            if kind is ReminderKind.MONTH_END and picked and picked.goal.status != GoalStatus.ARCHIVED
            else None
        )
        objectives = tuple(_objective_month(session, team_id, o, goal, month, today) for o in goal.objectives)
        return ReminderContents(
            kind=kind,
            month=month,
            next_month=month.shifted(1),
            today=today,
            goal=_choice(goal),
            objectives=objectives,
            status=weakest(o.status for o in objectives),
            choices=choices if kind is ReminderKind.MONTH_END else (),
            more_choices=more if kind is ReminderKind.MONTH_END else 0,
            next_goal=next_goal,
        )


def _choice(goal: Goal) -> GoalChoice:
    return GoalChoice(goal.id, format_ref(RefKind.GOAL, goal.id), goal.title)


def channel_goals(session: Session, team_id: str, channel_id: str) -> tuple[tuple[GoalChoice, ...], int]:
    """The channel's active goals, annual first, then by due date: MAX_CHOICES and how many more."""
    where = (Goal.team_id == team_id, Goal.channel_id == channel_id, Goal.status == GoalStatus.ACTIVE)
    total = session.scalar(select(func.count()).select_from(Goal).where(*where)) or 0
    order = (Goal.level != GoalLevel.ANNUAL, Goal.level != GoalLevel.QUARTERLY, Goal.due_date, Goal.id)
    rows = session.execute(select(Goal.id, Goal.title).where(*where).order_by(*order).limit(MAX_CHOICES))
    shown = tuple(GoalChoice(r.id, format_ref(RefKind.GOAL, r.id), r.title) for r in rows)
    return shown, max(0, total - len(shown))


def planned_target(session: Session, team_id: str, objective: Objective, month: Period) -> float | None:
    """The break-down's target for the month: a monthly goal's objective tracking this one's root."""
    root = objective.tracks_objective_id or objective.id
    query = (
        select(Objective.target)
        .join(Goal, Goal.id == Objective.goal_id)
        .where(
            Objective.team_id == team_id,
            Objective.tracks_objective_id == root,
            Goal.level == GoalLevel.MONTHLY,
            Goal.status != GoalStatus.ARCHIVED,
            Goal.start_date <= month.end,
            Goal.due_date >= month.start,
        )
        .order_by(Goal.due_date)
        .limit(1)
    )
    return session.scalar(query)


def _objective_month(
    session: Session, team_id: str, objective: Objective, goal: Goal, month: Period, today: date
) -> ObjectiveMonth:
    latest = latest_values(session, team_id, [objective.id]).get(objective.id)
    current = None if latest is None else latest.value
    planned = planned_target(session, team_id, objective, month)
    target = monthly_target(
        objective.baseline, objective.target, goal.start_date, objective.due_date, month, planned
    )
    as_of = min(today, month.end)
    made = (
        None
        if current is None
        else progress(objective.baseline, objective.target, current, direction=objective.direction)
    )
    status = pace_status(
        made,
        expected_progress(goal.start_date, objective.due_date, as_of),
        today=as_of,
        due=objective.due_date,
    )
    met = None
    if current is not None:
        met = current >= target if objective.direction is Direction.UP else current <= target
    return ObjectiveMonth(
        ref=format_ref(RefKind.OBJECTIVE, objective.id),
        name=objective.metric,
        unit=objective.unit,
        current=current,
        month_target=target,
        expected_now=expected_value(
            objective.baseline, objective.target, goal.start_date, objective.due_date, as_of
        ),
        final_target=objective.target,
        status=status,
        met=met,
    )
