import subprocess
import threading
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot.clock import utc_now
from bot.entrypoints.scheduler import JOBS, Job, build_scheduler, describe_jobs
from bot.settings import load_settings


def test_scheduler_runs_in_utc_with_the_registered_jobs():
    scheduler = build_scheduler(load_settings(), clock=utc_now)

    assert isinstance(scheduler, BlockingScheduler)
    assert scheduler.timezone.utcoffset(datetime(2026, 7, 1)) == timedelta(0)
    assert [job.id for job in scheduler.get_jobs()] == [job.id for job in JOBS]


def test_a_registered_job_gets_settings_and_clock():
    seen = []
    settings = load_settings()
    probe = Job("probe", IntervalTrigger(minutes=5, timezone=UTC), lambda s, c: seen.append((s, c())))

    scheduler = build_scheduler(settings, clock=lambda: datetime(2027, 1, 1, tzinfo=UTC), jobs=(probe,))

    [job] = scheduler.get_jobs()
    assert (job.id, job.coalesce, job.max_instances) == ("probe", True, 1)
    job.func(*job.args)
    assert seen == [(settings, datetime(2027, 1, 1, tzinfo=UTC))]
    assert describe_jobs(scheduler).startswith("scheduled jobs: probe (interval")


def test_goalbot_clock_says_what_is_scheduled_and_keeps_running(goalbot_script, goalbot_env, tmp_path):
    process = subprocess.Popen(
        [goalbot_script, "clock"],
        env=goalbot_env,
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    watchdog = threading.Timer(30, process.kill)  # readline must not wait forever
    watchdog.start()
    try:
        first_line = process.stdout.readline()
        still_running = process.poll() is None
    finally:
        watchdog.cancel()
        process.terminate()
        process.wait(timeout=15)
        process.stdout.close()
        process.stderr.close()

    expected = describe_jobs(build_scheduler(load_settings(), clock=utc_now))
    assert first_line.strip() == f"goalbot clock: {expected}"
    assert still_running
