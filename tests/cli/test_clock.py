import subprocess
import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy import select

from bot.entrypoints.scheduler import JOBS, Job, build_scheduler, describe_jobs
from models.events import ProcessedEvent
from tests.handlers.checkins.delivery_setup import add_channel, dms, tick_context
from tests.services.checkins.helpers import MADE_AT, MON_0900_UTC

NOW = datetime(2027, 1, 4, 12, tzinfo=UTC)


@pytest.fixture
def ctx(sessions, slack_api):
    return tick_context(sessions, slack_api)


def test_scheduler_runs_in_utc_with_the_registered_jobs(ctx):
    scheduler = build_scheduler(tick=ctx, clock=lambda: NOW)

    assert isinstance(scheduler, BlockingScheduler)
    assert scheduler.timezone.utcoffset(datetime(2026, 7, 1)) == timedelta(0)
    assert [job.id for job in scheduler.get_jobs()] == [job.id for job in JOBS]
    described = describe_jobs(scheduler)
    assert "tick (cron[second='0'])" in described  # every minute, on the minute
    assert "refresh_memberships (interval[1:00:00])" in described
    assert "prune_processed_events (interval[1:00:00])" in described


def test_a_registered_job_gets_the_tick_context_and_the_time(ctx):
    seen = []
    probe = Job(
        "probe",
        IntervalTrigger(minutes=5, timezone=UTC),
        lambda context: seen.append((context.sessions, context.tick, context.now)),
    )

    scheduler = build_scheduler(tick=ctx, clock=lambda: NOW, jobs=(probe,))

    [job] = scheduler.get_jobs()
    assert (job.id, job.coalesce, job.max_instances) == ("probe", True, 1)
    job.func(*job.args)
    assert seen == [(ctx.sessions, ctx, NOW)]


def fire_once(scheduler_jobs, ctx, now):
    """The real registered jobs, fired once each by a started scheduler; their exceptions."""
    # DateTrigger() fires at the scheduler's own "now": APScheduler runs by the wall clock; the
    # jobs are still handed `now`.
    once = tuple(replace(job, trigger=DateTrigger(timezone=UTC)) for job in scheduler_jobs)
    scheduler = build_scheduler(tick=ctx, clock=lambda: now, jobs=once)
    finished = threading.Event()
    outcomes = []

    def on_done(event):
        outcomes.append(event.exception)
        if len(outcomes) == len(once):
            finished.set()

    scheduler.add_listener(on_done, EVENT_JOB_EXECUTED | EVENT_JOB_ERROR)
    runner = threading.Thread(target=scheduler.start, daemon=True)
    runner.start()
    try:
        assert finished.wait(30), "the scheduler never ran the jobs"
    finally:
        scheduler.shutdown(wait=True)
        runner.join(10)
    return outcomes


def test_the_clock_ticks_check_ins_are_delivered(ctx, sessions, slack_api):
    people = {"U001": None, "U002": "America/New_York"}
    add_channel(sessions, slack_api, "C0SHOP", people, made_at=MADE_AT)

    outcomes = fire_once([job for job in JOBS if job.id == "tick"], ctx, MON_0900_UTC)

    assert outcomes == [None]
    assert dms(slack_api, people) == {"U001": 1, "U002": 0}  # 09:00 UTC is 04:00 in New York


def test_the_clock_prunes_processed_events_against_the_database(ctx, sessions):
    with sessions.begin() as session:
        session.add(ProcessedEvent(team_id="T1", event_id="old", received_at=NOW - timedelta(days=2)))
        session.add(ProcessedEvent(team_id="T1", event_id="new", received_at=NOW - timedelta(hours=1)))
    outcomes = fire_once([job for job in JOBS if job.id == "prune_processed_events"], ctx, NOW)
    assert outcomes == [None]
    with sessions() as session:
        assert list(session.scalars(select(ProcessedEvent.event_id))) == ["new"]


def test_goalbot_clock_says_what_is_scheduled_and_keeps_running(goalbot_script, http_env, tmp_path):
    process = subprocess.Popen(
        [goalbot_script, "clock"],
        env=http_env,
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

    assert first_line.strip() == (
        "goalbot clock: scheduled jobs: tick (cron[second='0']), refresh_tokens (interval[0:05:00]), "
        "refresh_memberships (interval[1:00:00]), "
        "prune_processed_events (interval[1:00:00])"
    )
    assert still_running
    assert (tmp_path / "goalbot.db").exists()  # it opened (and migrated) the database it works on


def test_goalbot_clock_needs_the_bot_token_it_sends_with(run_goalbot, goalbot_env):
    result = run_goalbot("clock", env=goalbot_env)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert "SLACK_BOT_TOKEN" in result.stderr
