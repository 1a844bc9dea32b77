"""Planning: what reminders and digests fell due since the last pass, written to the outbox once.

Per workspace, a pass plans `(max(cursor, now - LOOKBACK), now]` and moves the cursor to `now`
(the row is held FOR UPDATE SKIP LOCKED: a clock ticking at the same time leaves the workspace to
the pass that holds it, and one that comes after finds its cursor at `now` and reads nothing).
Moments come from the pure rules (`due_reminders`, `due_digests`); each becomes a `report_posts`
row keyed (team, channel, kind, period) with INSERT … ON CONFLICT DO NOTHING, so repeating a window
records nothing twice.
Moments found past their usefulness (after downtime) are stored `skipped`.

Cost: a pass plans up to 500 workspaces in one transaction: their cursors locked (plan_cursors, in
team order), then what decides what falls due read for all of them (planning_reads: one query per
table, not seven per workspace) and worked out in Python; most passes find nothing due.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session, sessionmaker

from bot.domain.enums import GoalStatus
from bot.domain.reports.digest_schedule import DigestSettings, due_digests
from bot.domain.reports.moments import Due, Moment
from bot.domain.reports.reminders import FocusState, ReminderSettings, due_reminders
from bot.services.plan_cursors import chunks, lock_cursors, move_cursors
from bot.services.reports.planning_reads import TeamFacts, read_facts
from bot.services.reports.settings import ChannelReportSettings, settings_view
from bot.services.workspaces_zones import default_zones
from models.checkins import Schedule
from models.dialect import insert_ignoring
from models.goals import Goal
from models.reports import ReportCursor, ReportPost

# How far back a pass looks after downtime (or on a workspace's first pass). A monthly moment
# stays useful for at most about a month, so five weeks finds everything still worth sending.
LOOKBACK = timedelta(days=35)
PENDING, SENDING, SENT, SKIPPED, FAILED = "pending", "sending", "sent", "skipped", "failed"
_POSTS = cast(Table, ReportPost.__table__)


@dataclass(frozen=True)
class PlanSummary:
    due: int = 0
    skipped: int = 0


def plan_reports(sessions: sessionmaker[Session], *, now: datetime, default_tz: str) -> PlanSummary:
    """Plans every workspace's reminders and digests; a channel with no zone of its own follows
    its workspace's default zone, else `default_tz` (DEFAULT_TIMEZONE)."""
    due = skipped = 0
    for teams in chunks(_teams(sessions)):
        with sessions.begin() as session:
            cursors = lock_cursors(session, ReportCursor, teams, now - LOOKBACK, skip_locked=True, behind=now)
            starts = {team_id: max(cursor, now - LOOKBACK) for team_id, cursor in cursors.items()}
            if not starts:
                continue
            zones = default_zones(session, list(starts), default_tz)
            facts = read_facts(session, list(starts), min(starts.values(), default=now), now)
            for team_id, since in starts.items():
                found = _due(facts[team_id], since, now, zones[team_id])
                due += _record(session, team_id, found.send, PENDING)
                skipped += _record(session, team_id, found.skip, SKIPPED)
            move_cursors(session, ReportCursor, list(starts), now)
    return PlanSummary(due, skipped)


def _teams(sessions: sessionmaker[Session]) -> list[str]:
    with sessions() as session:
        goals = select(Goal.team_id).where(Goal.channel_id.is_not(None), Goal.status == GoalStatus.ACTIVE)
        schedules = select(Schedule.team_id).where(Schedule.active.is_(True))
        return sorted(set(session.scalars(goals.distinct())) | set(session.scalars(schedules.distinct())))


def _due(team: TeamFacts, since: datetime, now: datetime, default_tz: str) -> Due:
    found = Due()
    for channel_id in sorted(team.goal_channels | team.schedule_channels):
        # Nothing was missed before the channel had a goal or a check-in: a new channel's first
        # tick must not post last month's digest.
        channel_since = max(since, team.started.get(channel_id, since))
        if channel_since >= now:
            continue
        settings = settings_view(team.settings.get(channel_id), channel_id, default_tz)
        if channel_id in team.goal_channels:
            focus = FocusState(has_goals=True, focused_months=frozenset(team.focused[channel_id]))
            found += due_reminders(_reminder_settings(settings), focus, team.holidays, channel_since, now)
        digests = DigestSettings(channel_id, settings.zone, settings.cadence, settings.at)
        found += due_digests(digests, team.holidays, channel_since, now)
    return found


def _reminder_settings(settings: ChannelReportSettings) -> ReminderSettings:
    return ReminderSettings(settings.channel_id, settings.zone, settings.at, settings.reminders_enabled)


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
