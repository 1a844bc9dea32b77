"""The clock process (Procfile `clock: goalbot clock`): APScheduler 3 in UTC with a registry of jobs."""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.interval import IntervalTrigger
from slack_sdk import WebClient
from sqlalchemy.orm import Session, sessionmaker

from bot.services import housekeeping

logger = logging.getLogger(__name__)

Clock = Callable[[], datetime]
ClientForTeam = Callable[[str], WebClient]


@dataclass(frozen=True)
class JobContext:
    """What a job may use: the database, a Web API client per workspace, and the time it fired."""

    sessions: sessionmaker[Session]
    client_for_team: ClientForTeam
    now: datetime


@dataclass(frozen=True)
class Job:
    """A recurring task: `run(context)` fires on `trigger` (triggers are read in UTC)."""

    id: str
    trigger: BaseTrigger
    run: Callable[[JobContext], None]


# Slack retries a delivery for minutes, not days; a day keeps a wide margin.
PROCESSED_EVENTS_KEPT = timedelta(days=1)


def prune_processed_events(context: JobContext) -> None:
    removed = housekeeping.prune_processed_events(
        context.sessions, before=context.now - PROCESSED_EVENTS_KEPT
    )
    logger.info("pruned %d processed event id(s) older than %s", removed, PROCESSED_EVENTS_KEPT)


JOBS: tuple[Job, ...] = (
    Job("prune_processed_events", IntervalTrigger(hours=1, timezone=UTC), prune_processed_events),
)


def run_job(job: Job, sessions: sessionmaker[Session], client_for_team: ClientForTeam, clock: Clock) -> None:
    """One firing: `now` is read from the injected clock as the job starts."""
    job.run(JobContext(sessions=sessions, client_for_team=client_for_team, now=clock()))


def build_scheduler(
    *,
    sessions: sessionmaker[Session],
    client_for_team: ClientForTeam,
    clock: Clock,
    jobs: tuple[Job, ...] = JOBS,
) -> BlockingScheduler:
    scheduler = BlockingScheduler(timezone=UTC)
    for job in jobs:
        scheduler.add_job(
            run_job,
            job.trigger,
            args=(job, sessions, client_for_team, clock),
            id=job.id,
            name=job.id,
            # After downtime, run a missed job once rather than once per missed firing.
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
