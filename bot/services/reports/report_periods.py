"""Which periods a channel can be reported on or exported: from the one holding its first goal or
check-in schedule up to the current one. Anything earlier or later would only be an empty digest
posted for everyone to see, or empty files."""

from datetime import date
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.services.reports.report_refusals import PeriodBeforeChannel, PeriodInFuture
from models.checkins import Schedule
from models.goals import Goal


def channel_first_day(session: Session, team_id: str, channel_id: str, zone: ZoneInfo) -> date | None:
    """The local date of the channel's first goal (archived ones too) or check-in schedule."""
    firsts = [
        session.scalar(
            select(func.min(Goal.created_at)).where(Goal.team_id == team_id, Goal.channel_id == channel_id)
        ),
        session.scalar(
            select(func.min(Schedule.created_at)).where(
                Schedule.team_id == team_id, Schedule.channel_id == channel_id
            )
        ),
    ]
    found = [first for first in firsts if first is not None]
    return min(found).astimezone(zone).date() if found else None


def check_period(
    sessions: sessionmaker[Session],
    team_id: str,
    channel_id: str,
    *,
    period: str,
    start: date,
    end: date,
    today: date,
    zone: ZoneInfo,
    export: bool = False,
) -> None:
    """Refuses a period (`start`..`end`, inclusive, named `period`) that has not started by
    `today` or ended before the channel's first day."""
    if start > today:
        raise PeriodInFuture(period, today, export=export)
    with sessions() as session:
        first = channel_first_day(session, team_id, channel_id, zone)
    if first is None or end < first:
        raise PeriodBeforeChannel(period, first, export=export)
