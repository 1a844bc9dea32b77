"""The clock process (Procfile `clock: goalbot clock`): APScheduler 3 in UTC with a registry of jobs.

Only this process schedules; web processes never start a scheduler. Every minute it runs a tick
(every registered pass, bot/entrypoints/tick.py) for the minute's instant. Any number of clock
processes may run at once: every job claims its own work, so N clocks share it instead of each
doing all of it. The tick's passes claim the messages they send; the hourly membership refresh
claims each audience and person (handlers/checkins/member_refresh.py); pruning claims the hour,
so one clock prunes once an hour (bot/services/jobs.py, models/jobs.py); the token job claims the
workspaces whose rotating tokens are due (bot/installations/refresh_job.py).
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy.orm import Session, sessionmaker

from bot.entrypoints.tick import DatabaseUnreachable, run_passes, summary_line
from bot.outbound.passes import TickContext
from bot.services import housekeeping, jobs
from handlers.checkins.member_refresh import refresh_members

logger = logging.getLogger(__name__)

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class JobContext:
    """What a job may use: the tick's context (database, paced sender, zone) and the time it fired."""

    tick: TickContext
    now: datetime

    @property
    def sessions(self) -> sessionmaker[Session]:
        return self.tick.sessions


@dataclass(frozen=True)
class Job:
    """A recurring task: `run(context)` fires on `trigger` (triggers are read in UTC)."""

    id: str
    trigger: BaseTrigger
    run: Callable[[JobContext], None]


# Slack retries a delivery for minutes, not days; a day keeps a wide margin.
PROCESSED_EVENTS_KEPT = timedelta(days=1)
# A claim is only needed while its work may be repeated: an hour, plus a wide margin.
JOB_CLAIMS_KEPT = timedelta(days=1)


def prune_processed_events(context: JobContext) -> None:
    """The hour's pruning, by whichever clock claims the hour first; the others skip it."""
    name, worker, now = "prune_processed_events", context.tick.worker, context.now
    hour = jobs.claim_hour(context.sessions, job=name, worker=worker, now=now)
    if hour is None:
        logger.info("pruning for %s: another clock has it or has done it", jobs.hour_of(now).isoformat())
        return
    removed = housekeeping.prune_processed_events(context.sessions, before=now - PROCESSED_EVENTS_KEPT)
    forgotten = jobs.prune_claims(context.sessions, before=now - JOB_CLAIMS_KEPT)
    expired = housekeeping.prune_oauth_states(context.sessions, now=now)
    jobs.finish(
        context.sessions,
        job=name,
        team_id=jobs.EVERY_WORKSPACE,
        items=[hour],
        worker=worker,
        now=now,
        quiet_until=jobs.hour_of(now) + timedelta(hours=1),
    )
    logger.info(
        "pruned %d processed event id(s) older than %s, %d job claim(s) and %d expired OAuth state(s)",
        removed,
        PROCESSED_EVENTS_KEPT,
        forgotten,
        expired,
    )


def tick(context: JobContext) -> None:
    """`goalbot tick` for this minute. A database that does not answer is tried again next minute."""
    try:
        summary = run_passes(context.tick, context.now)
    except DatabaseUnreachable as error:
        logger.error("tick %s skipped: the database is unreachable: %s", context.now.isoformat(), error)
        return
    logger.info("%s", summary_line(context.now, summary))


def refresh_memberships(context: JobContext) -> None:
    """Who is asked, from Slack: each audience and person is re-read once it is a day old, so an
    hourly job spreads the daily refresh instead of reading everything at midnight."""
    refreshed = refresh_members(context.tick, context.now)
    logger.info("membership refresh: %s", refreshed)


def refresh_tokens(context: JobContext) -> None:
    """Rotating bot tokens due within the margin are refreshed ahead of expiry (distributed mode
    only: SLACK_BOT_TOKEN does not rotate)."""
    from bot.installations.bot_tokens import InstalledBotTokens
    from bot.installations.refresh_job import refresh_due_tokens

    tokens = context.tick.sender.tokens
    if not isinstance(tokens, InstalledBotTokens):
        return
    done = refresh_due_tokens(tokens, context.sessions, worker=context.tick.worker, now=context.now)
    if done.due:
        logger.info("token refresh: %s", done)


JOBS: tuple[Job, ...] = (
    Job("tick", CronTrigger(second=0, timezone=UTC), tick),
    Job("refresh_tokens", IntervalTrigger(minutes=5, timezone=UTC), refresh_tokens),
    Job("refresh_memberships", IntervalTrigger(hours=1, timezone=UTC), refresh_memberships),
    Job("prune_processed_events", IntervalTrigger(hours=1, timezone=UTC), prune_processed_events),
)


def run_job(job: Job, tick_context: TickContext, clock: Clock) -> None:
    """One firing: `now` is read from the injected clock as the job starts."""
    job.run(JobContext(tick=tick_context, now=clock()))


def build_scheduler(*, tick: TickContext, clock: Clock, jobs: tuple[Job, ...] = JOBS) -> BlockingScheduler:
    scheduler = BlockingScheduler(timezone=UTC)
    for job in jobs:
        scheduler.add_job(
            run_job,
            job.trigger,
            args=(job, tick, clock),
            id=job.id,
            name=job.id,
            # After downtime, run a missed job once rather than once per missed firing; the tick's
            # planning catches up on what the missed minutes would have done.
            coalesce=True,
            max_instances=1,
            misfire_grace_time=15 * 60,
        )
    return scheduler


def describe_jobs(scheduler: BlockingScheduler) -> str:
    jobs = scheduler.get_jobs()
    if not jobs:
        return "no jobs are scheduled"
    return "scheduled jobs: " + ", ".join(f"{job.id} ({job.trigger})" for job in jobs)
