"""The hourly pruning with many clocks: whichever claims the hour prunes, once; a clock that died
holding the hour is taken over after the lease."""

import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import insert, select

from bot.entrypoints import scheduler
from bot.entrypoints.scheduler import JobContext
from bot.services import jobs
from models.events import ProcessedEvent
from models.installations import oauth_states
from models.jobs import JobClaim
from tests.handlers.checkins.delivery_setup import tick_context

NOW = datetime(2027, 1, 4, 12, tzinfo=UTC)
OLD = timedelta(days=2)


def add_event(sessions, event_id: str, received_at: datetime) -> None:
    with sessions.begin() as session:
        session.add(ProcessedEvent(team_id="T1", event_id=event_id, received_at=received_at))


def remaining(sessions) -> set[str]:
    with sessions() as session:
        return set(session.scalars(select(ProcessedEvent.event_id)))


def prune(sessions, slack_api, worker: str, now: datetime) -> None:
    scheduler.prune_processed_events(JobContext(tick_context(sessions, slack_api, worker=worker), now))


def test_two_clocks_in_the_same_hour_prune_once(sessions, slack_api):
    add_event(sessions, "first", NOW - OLD)
    prune(sessions, slack_api, "clock-a", NOW)
    add_event(sessions, "between", NOW - OLD)  # would go, if the second clock pruned too

    prune(sessions, slack_api, "clock-b", NOW)
    prune(sessions, slack_api, "clock-a", NOW + timedelta(minutes=59))
    assert remaining(sessions) == {"between"}

    prune(sessions, slack_api, "clock-b", NOW + timedelta(hours=1))
    assert remaining(sessions) == set()


def test_a_clock_that_died_holding_the_hour_is_taken_over_after_the_lease(sessions, slack_api):
    add_event(sessions, "old", NOW - OLD)
    assert jobs.claim_hour(sessions, job="prune_processed_events", worker="died", now=NOW)

    prune(sessions, slack_api, "clock-b", NOW + jobs.LEASE - timedelta(seconds=1))
    assert remaining(sessions) == {"old"}
    prune(sessions, slack_api, "clock-b", NOW + jobs.LEASE)
    assert remaining(sessions) == set()


def test_pruning_forgets_claims_a_day_past(sessions, slack_api):
    jobs.claim(sessions, job="refresh_person", team_id="T1", items=["U1"], worker="a", now=NOW - OLD)

    prune(sessions, slack_api, "clock-a", NOW)

    with sessions() as session:
        assert list(session.scalars(select(JobClaim.job))) == ["prune_processed_events"]


def test_the_hourly_pruning_forgets_expired_oauth_states(sessions, slack_api):
    with sessions.begin() as session:
        for state, expire_at in (("abandoned", NOW - OLD), ("pressing-allow", NOW + timedelta(minutes=5))):
            naive = expire_at.replace(tzinfo=None)  # slack_sdk's store keeps naive UTC
            session.execute(insert(oauth_states).values(state=state, expire_at=naive))

    prune(sessions, slack_api, "clock-a", NOW)

    with sessions() as session:
        assert list(session.scalars(select(oauth_states.c.state))) == ["pressing-allow"]


@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
def test_clocks_in_threads_on_postgres_prune_once(sessions, slack_api, monkeypatch):
    runs = []
    real = scheduler.housekeeping.prune_processed_events

    def counted(sessions, *, before):
        runs.append(before)
        return real(sessions, before=before)

    monkeypatch.setattr(scheduler.housekeeping, "prune_processed_events", counted)
    start = threading.Barrier(4)

    def clock(name: str) -> None:
        start.wait()
        prune(sessions, slack_api, name, NOW)

    threads = [threading.Thread(target=clock, args=(f"clock-{n}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert len(runs) == 1
