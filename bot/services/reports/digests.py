"""A channel's digest for a period: aggregates from SQL into `build_digest`, plus the chart's data;
and remembering what a scheduled digest showed, for the next one of its kind's "change since the
last" (weekly against weekly, monthly against monthly: both go out in the same tick)."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import Table, delete
from sqlalchemy.orm import Session, sessionmaker

from bot.domain.reports.chart import ProgressChart, progress_chart
from bot.domain.reports.digest import Digest, build_digest
from bot.domain.reports.digest_inputs import DigestInputs, DigestLimits
from bot.domain.reports.local_time import local_instant
from bot.domain.reports.periods import Period, recent_periods
from bot.services.reports import answer_figures, theme_counts
from bot.services.reports.progress_figures import channel_goal_figures
from models.reports import DigestSnapshot

TREND_PERIODS = 4
DEFAULT_LIMITS = DigestLimits()


@dataclass(frozen=True)
class ChannelDigest:
    channel_id: str
    digest: Digest
    chart: ProgressChart
    has_checkins: bool


def channel_digest(
    sessions: sessionmaker[Session],
    *,
    team_id: str,
    channel_id: str,
    period: Period,
    today: date,
    zone: str,
    now: datetime,
    limits: DigestLimits = DEFAULT_LIMITS,
) -> ChannelDigest:
    as_of = min(today, period.end)
    start = local_instant(period.start, time(0, 0), zone)
    end = min(now, local_instant(period.end + timedelta(days=1), time(0, 0), zone))
    with sessions() as session:
        goals, series = channel_goal_figures(
            session, team_id, channel_id, period.start, as_of, period.kind.value
        )
        schedule = answer_figures.channel_schedule(session, team_id, channel_id)
        inputs = DigestInputs(period=period, today=today, goals=goals)
        if schedule is not None:
            schedule_id, minimum = schedule
            recent = recent_periods(period, TREND_PERIODS)
            inputs = DigestInputs(
                period=period,
                today=today,
                goals=goals,
                participation=answer_figures.participation_by_period(session, team_id, schedule_id, recent),
                confidence=theme_counts.confidence_by_period(session, team_id, schedule_id, recent, minimum),
                categories=theme_counts.category_counts(session, team_id, schedule_id, period, minimum),
                quotes=answer_figures.quote_candidates(session, team_id, schedule_id, period, minimum),
                themes=theme_counts.period_themes(session, team_id, schedule_id, period, minimum),
                followups=answer_figures.followup_counts(session, team_id, channel_id, period, start, end),
            )
        else:
            inputs = DigestInputs(
                period=period,
                today=today,
                goals=goals,
                followups=answer_figures.followup_counts(session, team_id, channel_id, period, start, end),
            )
    chart = progress_chart(series, period, today)
    return ChannelDigest(channel_id, build_digest(inputs, limits), chart, schedule is not None)


def remember_digest(
    sessions: sessionmaker[Session], *, team_id: str, channel_id: str, digest: Digest, now: datetime
) -> None:
    """The values this digest showed become the "before" of the next digest of its kind."""
    kind = digest.period.kind.value
    shown = {
        row.item_id: row.current for row in digest.rows.shown if not row.is_goal and row.current is not None
    }
    with sessions.begin() as session:
        table: Table = DigestSnapshot.__table__  # type: ignore[assignment]
        session.execute(
            delete(table).where(
                table.c.team_id == team_id, table.c.channel_id == channel_id, table.c.kind == kind
            )
        )
        session.add_all(
            DigestSnapshot(
                team_id=team_id,
                channel_id=channel_id,
                kind=kind,
                objective_id=objective_id,
                value=value,
                period=digest.period.id,
                recorded_at=now,
            )
            for objective_id, value in shown.items()
        )
