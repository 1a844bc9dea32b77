"""The clock process (Procfile `clock: goalbot clock`): APScheduler 3 in UTC with a registry of jobs."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.base import BaseTrigger

from bot.settings import Settings

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class Job:
    """A recurring task: `run(settings, clock)` fires on `trigger` (triggers are read in UTC)."""

    id: str
    trigger: BaseTrigger
    run: Callable[[Settings, Clock], None]


# Recurring work is registered here by the issues that add it; there is none yet.
JOBS: tuple[Job, ...] = ()


def build_scheduler(settings: Settings, *, clock: Clock, jobs: tuple[Job, ...] = JOBS) -> BlockingScheduler:
    scheduler = BlockingScheduler(timezone=UTC)
    for job in jobs:
        scheduler.add_job(
            job.run,
            job.trigger,
            args=(settings, clock),
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
        return "no jobs are scheduled (none are registered in bot/entrypoints/scheduler.py yet)"
    return "scheduled jobs: " + ", ".join(f"{job.id} ({job.trigger})" for job in jobs)
