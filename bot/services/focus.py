"""A channel's one main goal for the month. A second one replaces the first only when confirmed."""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.domain.dates import add_months, month_start
from bot.domain.enums import GoalStatus
from bot.domain.refs import RefKind, format_ref
from bot.services.errors import FocusMonthOver, FocusNeedsChannel, GoalInOtherChannel
from bot.services.goal_writes import not_found
from bot.services.read_models import GoalSummary
from bot.services.summaries import summarize_goal
from models import queries
from models.goals import MonthlyFocus


@dataclass(frozen=True)
class FocusOutcome:
    goal: GoalSummary
    month: date
    channel_id: str  # the channel whose main goal it is
    # Set when another goal already holds the month and nothing was changed yet.
    needs_confirmation_over: GoalSummary | None = None


def next_month(today: date) -> date:
    """The first day of the month after today's: what a month-end nudge and `focus … next` set."""
    return add_months(month_start(today), 1)


def set_focus(
    sessions: sessionmaker[Session],
    *,
    team_id: str,
    user_id: str,
    channel_id: str | None,
    goal_id: int,
    replace: bool,
    now: datetime,
    today: date,
    month: date | None = None,
) -> FocusOutcome:
    """`month` (its first day) defaults to today's; `next_month(today)` is `/goals focus G1 next`."""
    if not channel_id:
        raise FocusNeedsChannel()
    month = month_start(today) if month is None else month_start(month)
    if month < month_start(today):
        raise FocusMonthOver(month, today)
    try:
        with sessions.begin() as session:
            return _set(session, team_id, user_id, channel_id, goal_id, replace, now, today, month)
    except IntegrityError:
        # Someone else set the month's goal at the same moment; ask this person to confirm over it.
        with sessions.begin() as session:
            return _set(session, team_id, user_id, channel_id, goal_id, False, now, today, month)


def _set(session, team_id, user_id, channel_id, goal_id, replace, now, today, month) -> FocusOutcome:
    goal = queries.get_goal(session, team_id, goal_id)
    if goal is None or goal.status == GoalStatus.ARCHIVED:
        raise not_found(goal_id, goal)
    if goal.channel_id and goal.channel_id != channel_id:
        raise GoalInOtherChannel(format_ref(RefKind.GOAL, goal.id), goal.channel_id)
    focused = frozenset({goal.id})
    current = queries.focus_for(session, team_id, channel_id, month)
    if current is None:
        session.add(
            MonthlyFocus(
                team_id=team_id,
                channel_id=channel_id,
                month=month,
                goal_id=goal.id,
                set_by=user_id,
                set_at=now,
            )
        )
        session.flush()
    elif current.goal_id != goal.id:
        if not replace:
            return FocusOutcome(
                goal=summarize_goal(goal, today=today),
                month=month,
                channel_id=channel_id,
                needs_confirmation_over=summarize_goal(
                    current.goal, today=today, focus_goal_ids=frozenset({current.goal_id})
                ),
            )
        current.goal_id, current.set_by, current.set_at = goal.id, user_id, now
    return FocusOutcome(
        goal=summarize_goal(goal, today=today, focus_goal_ids=focused), month=month, channel_id=channel_id
    )
