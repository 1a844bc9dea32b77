"""A real `goalbot tick` killed with SIGKILL in the middle of a fan-out to 200 people, then run again
after the lease: exactly one prompt per person at the stand-in (which lives in this process, so it
outlives the kill). And two ticks at once on PostgreSQL: the same.

Slack stamps messages with its own clock and the reconcile reads the DM's history from shortly
before the prompt's time, so the stand-in's clock reads the instant the ticks are given."""

import signal
import subprocess
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from bot.domain.checkins.enums import Weekday
from bot.domain.checkins.spec import ReminderPolicy
from bot.domain.outbox import LEASE
from bot.slack.standin import SlackStandIn
from models.checkins import Delivery
from models.pacing import WorkspaceLease
from tests.handlers.checkins.delivery_setup import add_channel, dms

# real_clock: `goalbot tick` runs in a child process, where libfaketime 0.9.10 refuses the time.sleep
# that paces its posts (EINVAL after the first one; tests/faketime_sleep.py mends only this process).
pytestmark = pytest.mark.real_clock

PEOPLE = {f"U{i:04d}": None for i in range(200)}
AT = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)  # a Monday; every day is a check-in day here


@pytest.fixture
def slack_api(clock):
    # Slack's limit, just above the tick's own pacing (20 a second): 200 prompts take ~10 s.
    clock.now = AT
    with SlackStandIn(rate_limits={"chat.postMessage": 25.0}, clock=clock) as standin:
        yield standin


def schedule_prompts(sessions, slack_api) -> datetime:
    at = AT
    add_channel(
        sessions,
        slack_api,
        "C0SHOP",
        PEOPLE,
        made_at=at - timedelta(days=2),
        weekdays=frozenset(Weekday),
        local_time=at.time(),
        reminders=ReminderPolicy(count=0),
    )
    return at


def start_tick(script: str, env: dict[str, str], at: datetime) -> subprocess.Popen:
    return subprocess.Popen(
        [script, "tick", "--at", at.isoformat()],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen) -> str:
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err[-2000:]
    return out.strip()


def test_a_tick_killed_mid_fan_out_then_run_again_sends_each_prompt_once(
    goalbot_script, tick_env, sessions, slack_api
):
    at = schedule_prompts(sessions, slack_api)

    killed = start_tick(goalbot_script, tick_env, at)
    try:
        slack_api.wait_for("chat.postMessage", count=40, timeout=60)
    finally:
        killed.send_signal(signal.SIGKILL)
        killed.communicate(timeout=30)
    assert killed.returncode == -signal.SIGKILL
    got_before = sum(dms(slack_api, PEOPLE).values())
    with sessions() as session:
        left = Counter(d.state.value for d in session.scalars(select(Delivery)))
    assert 0 < got_before < len(PEOPLE) and left["sending"] > 0  # it really died in the middle

    # The killed tick still holds the workspace's pacing lease (wall-clock, 60 s after its last
    # renewal), so another process would leave the workspace alone until then: let it run out.
    with sessions.begin() as session:
        session.execute(update(WorkspaceLease).values(expires_at=datetime(2000, 1, 1, tzinfo=UTC)))
    again = at + LEASE + timedelta(minutes=1)
    line = finish(start_tick(goalbot_script, tick_env, again))

    assert dms(slack_api, PEOPLE) == dict.fromkeys(PEOPLE, 1)
    unrecorded = len(PEOPLE) - left["sent"]
    assert (
        line == f"tick {again:%Y-%m-%dT%H:%M:%SZ}: due {unrecorded}, sent {unrecorded}, retried 0, skipped 0"
    )
    assert len(slack_api.calls("conversations.history")) >= left["sending"]  # it looked before posting
    with sessions() as session:
        assert {d.state.value for d in session.scalars(select(Delivery))} == {"sent"}


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
def test_two_ticks_at_once_on_postgres_send_each_prompt_once(goalbot_script, tick_env, sessions, slack_api):
    at = schedule_prompts(sessions, slack_api)

    both = [start_tick(goalbot_script, tick_env, at) for _ in range(2)]
    lines = [finish(process) for process in both]

    assert dms(slack_api, PEOPLE) == dict.fromkeys(PEOPLE, 1)
    sent = [int(line.split("sent ")[1].split(",")[0]) for line in lines]
    assert sum(sent) == len(PEOPLE)
    with sessions() as session:
        assert {d.state.value for d in session.scalars(select(Delivery))} == {"sent"}
