import subprocess
import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy import select

from bot.entrypoints.scheduler import JOBS, Job, build_scheduler, describe_jobs
from models.events import ProcessedEvent

NOW = datetime(2027, 1, 4, 12, tzinfo=UTC)


def never_called(team_id):
    raise AssertionError("no job needs Slack yet")


def test_scheduler_runs_in_utc_with_the_registered_jobs(sessions):
    scheduler = build_scheduler(sessions=sessions, client_for_team=never_called, clock=lambda: NOW)

    assert isinstance(scheduler, BlockingScheduler)
    assert scheduler.timezone.utcoffset(datetime(2026, 7, 1)) == timedelta(0)
    assert [job.id for job in scheduler.get_jobs()] == [job.id for job in JOBS]
    assert "prune_processed_events (interval[1:00:00])" in describe_jobs(scheduler)


def test_a_registered_job_gets_the_database_a_client_and_the_time(sessions):
    seen = []
    probe = Job(
        "probe",
        IntervalTrigger(minutes=5, timezone=UTC),
        lambda context: seen.append((context.sessions, context.client_for_team("T1"), context.now)),
    )

    scheduler = build_scheduler(
        sessions=sessions, client_for_team=lambda team: f"client of {team}", clock=lambda: NOW, jobs=(probe,)
    )

    [job] = scheduler.get_jobs()
    assert (job.id, job.coalesce, job.max_instances) == ("probe", True, 1)
    job.func(*job.args)
    assert seen == [(sessions, "client of T1", NOW)]


def test_the_clock_prunes_processed_events_against_the_database(sessions):
    with sessions.begin() as session:
        session.add(ProcessedEvent(team_id="T1", event_id="old", received_at=NOW - timedelta(days=2)))
        session.add(ProcessedEvent(team_id="T1", event_id="new", received_at=NOW - timedelta(hours=1)))
    # The real registered job, fired once, now, by a started scheduler.
    once = tuple(replace(job, trigger=DateTrigger(datetime.now(UTC), timezone=UTC)) for job in JOBS)
    scheduler = build_scheduler(sessions=sessions, client_for_team=never_called, clock=lambda: NOW, jobs=once)
    finished = threading.Event()
    outcomes = []

    def on_done(event):
        outcomes.append(event.exception)
        finished.set()

    scheduler.add_listener(on_done, EVENT_JOB_EXECUTED | EVENT_JOB_ERROR)
    runner = threading.Thread(target=scheduler.start, daemon=True)
    runner.start()
    try:
        assert finished.wait(30), "the scheduler never ran the job"
    finally:
        scheduler.shutdown(wait=True)
        runner.join(10)

    assert outcomes == [None]
    with sessions() as session:
        assert list(session.scalars(select(ProcessedEvent.event_id))) == ["new"]


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

    assert first_line.strip() == "goalbot clock: scheduled jobs: prune_processed_events (interval[1:00:00])"
    assert still_running
    assert (tmp_path / "goalbot.db").exists()  # it opened (and migrated) the database it prunes
