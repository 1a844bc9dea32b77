"""What report planning reads about workspaces, for many at once: one query per table for a group
of workspaces (not seven per workspace), grouped by team in Python.

`first` bounds the monthly focus read: months from a month before it (local dates differ from UTC
by under a day; a month's margin either side is plenty) to a month after `now`. A pass reads with
the earliest window start it may plan; months outside a workspace's own window are never asked.
"""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.domain.enums import GoalStatus
from bot.domain.reports.local_time import local_date
from bot.domain.reports.months import month_id
from models.checkins import Schedule
from models.goals import Goal, MonthlyFocus
from models.people import Holiday
from models.reports import ReportSettings


@dataclass
class TeamFacts:
    """One workspace's channels with reports, and what decides when they fall due."""

    goal_channels: set[str] = field(default_factory=set)  # channels with an active goal
    schedule_channels: set[str] = field(default_factory=set)  # channels with an active check-in
    started: dict[str, datetime] = field(default_factory=dict)  # first goal or check-in, per channel
    settings: dict[str, ReportSettings] = field(default_factory=dict)
    holidays: set[date] = field(default_factory=set)
    focused: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


def read_facts(
    session: Session, team_ids: Sequence[str], first: datetime, now: datetime
) -> dict[str, TeamFacts]:
    facts = {team_id: TeamFacts() for team_id in team_ids}
    teams = list(team_ids)
    active_goals = select(Goal.team_id, Goal.channel_id).where(
        Goal.team_id.in_(teams), Goal.channel_id.is_not(None), Goal.status == GoalStatus.ACTIVE
    )
    for team_id, goal_channel in session.execute(active_goals.distinct()):
        if goal_channel is not None:
            facts[team_id].goal_channels.add(goal_channel)
    schedules = select(Schedule.team_id, Schedule.channel_id).where(
        Schedule.team_id.in_(teams), Schedule.active.is_(True)
    )
    for team_id, channel_id in session.execute(schedules):
        facts[team_id].schedule_channels.add(channel_id)
    _read_started(session, teams, facts)
    for row in session.scalars(select(ReportSettings).where(ReportSettings.team_id.in_(teams))):
        facts[row.team_id].settings[row.channel_id] = row
    holidays = select(Holiday.team_id, Holiday.day).where(Holiday.team_id.in_(teams))
    for team_id, day in session.execute(holidays):
        facts[team_id].holidays.add(day)
    _read_focused(session, teams, facts, first, now)
    return facts


def _read_started(session: Session, teams: list[str], facts: dict[str, TeamFacts]) -> None:
    """When each channel got its first goal or check-in schedule (archived ones count too)."""
    goals = select(Goal.team_id, Goal.channel_id, func.min(Goal.created_at)).where(
        Goal.team_id.in_(teams), Goal.channel_id.is_not(None)
    )
    schedules = select(Schedule.team_id, Schedule.channel_id, func.min(Schedule.created_at)).where(
        Schedule.team_id.in_(teams)
    )
    for query in (
        goals.group_by(Goal.team_id, Goal.channel_id),
        schedules.group_by(Schedule.team_id, Schedule.channel_id),
    ):
        for team_id, channel_id, started in session.execute(query):
            if channel_id is not None and started is not None:
                known = facts[team_id].started
                known[channel_id] = min(started, known.get(channel_id, started))


def _read_focused(
    session: Session, teams: list[str], facts: dict[str, TeamFacts], first: datetime, now: datetime
) -> None:
    start = local_date(first, "UTC")
    query = select(MonthlyFocus.team_id, MonthlyFocus.channel_id, MonthlyFocus.month).where(
        MonthlyFocus.team_id.in_(teams),
        MonthlyFocus.month >= date(start.year, start.month, 1) - timedelta(days=31),
        MonthlyFocus.month <= local_date(now, "UTC") + timedelta(days=31),
    )
    for team_id, channel_id, month in session.execute(query):
        facts[team_id].focused[channel_id].add(month_id(month.year, month.month))
