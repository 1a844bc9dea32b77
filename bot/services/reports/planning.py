"""Planning: what reminders and digests fell due since the last pass, written to the outbox once.

Per workspace, a pass plans `(max(cursor, now - LOOKBACK), now]` and moves the cursor to `now`
(the row is held FOR UPDATE, so two ticks take turns). Moments come from the pure rules
(`due_reminders`, `due_digests`); each becomes a `report_posts` row keyed (team, channel, kind,
period) with INSERT … ON CONFLICT DO NOTHING, so repeating a window records nothing twice.
Moments found past their usefulness (after downtime) are stored `skipped`.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.domain.enums import GoalStatus
from bot.domain.reports.digest_schedule import DigestSettings, due_digests
from bot.domain.reports.local_time import local_date
from bot.domain.reports.moments import Due, Moment
from bot.domain.reports.months import month_id
from bot.domain.reports.reminders import FocusState, ReminderSettings, due_reminders
from bot.services.reports.settings import ChannelReportSettings, settings_view
from bot.services.workspaces_zones import default_zones
from models.checkins import Schedule
from models.dialect import insert_ignoring
from models.goals import Goal, MonthlyFocus
from models.people import Holiday
from models.reports import ReportCursor, ReportPost, ReportSettings

# How far back a pass looks after downtime (or on a workspace's first pass). A monthly moment
# stays useful for at most about a month, so five weeks finds everything still worth sending.
LOOKBACK = timedelta(days=35)
PENDING, SENDING, SENT, SKIPPED, FAILED = "pending", "sending", "sent", "skipped", "failed"
_POSTS = cast(Table, ReportPost.__table__)
_CURSORS = cast(Table, ReportCursor.__table__)


@dataclass(frozen=True)
class PlanSummary:
    due: int = 0
    skipped: int = 0


def plan_reports(sessions: sessionmaker[Session], *, now: datetime, default_tz: str) -> PlanSummary:
    """Plans every workspace's reminders and digests; a channel with no zone of its own follows
    its workspace's default zone, else `default_tz` (DEFAULT_TIMEZONE)."""
    due = skipped = 0
    teams = _teams(sessions)
    with sessions() as session:
        zones = default_zones(session, teams, default_tz)
    for team_id in teams:
        with sessions.begin() as session:
            cursor = _lock_cursor(session, team_id, now - LOOKBACK)
            since = max(cursor.planned_until, now - LOOKBACK)
            if since < now:
                found = _due_in_team(session, team_id, since, now, zones[team_id])
                due += _record(session, team_id, found.send, PENDING)
                skipped += _record(session, team_id, found.skip, SKIPPED)
                cursor.planned_until = now
    return PlanSummary(due, skipped)


def _teams(sessions: sessionmaker[Session]) -> list[str]:
    with sessions() as session:
        goals = select(Goal.team_id).where(Goal.channel_id.is_not(None), Goal.status == GoalStatus.ACTIVE)
        schedules = select(Schedule.team_id).where(Schedule.active.is_(True))
        return sorted(set(session.scalars(goals.distinct())) | set(session.scalars(schedules.distinct())))


def _due_in_team(session: Session, team_id: str, since: datetime, now: datetime, default_tz: str) -> Due:
    goal_channels = set(
        session.scalars(
            select(Goal.channel_id)
            .where(Goal.team_id == team_id, Goal.channel_id.is_not(None), Goal.status == GoalStatus.ACTIVE)
            .distinct()
        )
    )
    started = _started(session, team_id)
    schedule_channels = set(
        session.scalars(
            select(Schedule.channel_id).where(Schedule.team_id == team_id, Schedule.active.is_(True))
        )
    )
    rows = {
        row.channel_id: row
        for row in session.scalars(select(ReportSettings).where(ReportSettings.team_id == team_id))
    }
    holidays = set(session.scalars(select(Holiday.day).where(Holiday.team_id == team_id)))
    focused = _focused_months(session, team_id, since, now)
    found = Due()
    for channel_id in sorted(cast(set[str], goal_channels) | schedule_channels):
        # Nothing was missed before the channel had a goal or a check-in: a new channel's first
        # tick must not post last month's digest.
        channel_since = max(since, started.get(channel_id, since))
        if channel_since >= now:
            continue
        settings = settings_view(rows.get(channel_id), channel_id, default_tz)
        if channel_id in goal_channels:
            focus = FocusState(has_goals=True, focused_months=frozenset(focused[channel_id]))
            found += due_reminders(_reminder_settings(settings), focus, holidays, channel_since, now)
        digests = DigestSettings(channel_id, settings.zone, settings.cadence, settings.at)
        found += due_digests(digests, holidays, channel_since, now)
    return found


def _started(session: Session, team_id: str) -> dict[str, datetime]:
    """When each channel got its first goal or check-in schedule (archived ones count too)."""
    goals = select(Goal.channel_id, func.min(Goal.created_at)).where(
        Goal.team_id == team_id, Goal.channel_id.is_not(None)
    )
    schedules = select(Schedule.channel_id, func.min(Schedule.created_at)).where(Schedule.team_id == team_id)
    started: dict[str, datetime] = {}
    for query in (goals.group_by(Goal.channel_id), schedules.group_by(Schedule.channel_id)):
        for channel_id, first in session.execute(query):
            if channel_id is not None and first is not None:
                started[channel_id] = min(first, started.get(channel_id, first))
    return started


def _reminder_settings(settings: ChannelReportSettings) -> ReminderSettings:
    return ReminderSettings(settings.channel_id, settings.zone, settings.at, settings.reminders_enabled)


def _focused_months(session: Session, team_id: str, since: datetime, now: datetime) -> dict[str, set[str]]:
    # Local dates differ from UTC by under a day; a month's margin either side is plenty.
    first = date(local_date(since, "UTC").year, local_date(since, "UTC").month, 1) - timedelta(days=31)
    last = local_date(now, "UTC") + timedelta(days=31)
    query = select(MonthlyFocus.channel_id, MonthlyFocus.month).where(
        MonthlyFocus.team_id == team_id, MonthlyFocus.month >= first, MonthlyFocus.month <= last
    )
    months: dict[str, set[str]] = defaultdict(set)
    for channel_id, month in session.execute(query):
        months[channel_id].add(month_id(month.year, month.month))
    return months


def _record(session: Session, team_id: str, moments: tuple[Moment, ...], state: str) -> int:
    if not moments:
        return 0
    rows: list[dict[str, Any]] = [
        {
            "team_id": team_id,
            "channel_id": m.key.channel_id,
            "kind": m.kind,
            "period": m.period,
            "state": state,
            "due_at": m.at,
            "useful_until": m.useful_until,
            "attempts": 0,
        }
        for m in moments
    ]
    statement = insert_ignoring(session, _POSTS, ["team_id", "channel_id", "kind", "period"])
    created = session.execute(statement.returning(_POSTS.c.id), rows).all()
    return len(created)


def _lock_cursor(session: Session, team_id: str, initial: datetime) -> ReportCursor:
    session.execute(
        insert_ignoring(session, _CURSORS, ["team_id"]).values(team_id=team_id, planned_until=initial)
    )
    query = select(ReportCursor).where(ReportCursor.team_id == team_id).with_for_update()
    return session.scalars(query.execution_options(populate_existing=True)).one()
