"""Several `goalbot tick --at` processes at once on PostgreSQL, over many workspaces, against one
stand-in playing them all: each prompt is posted exactly once even when one process is killed
mid-send; no workspace receives more than SEND_RATE_PER_WORKSPACE messages a second whatever the
number of processes; and one workspace's 429 storm holds no other workspace back.

Each process speaks with a token of its own (the stand-in attributes calls to workspaces by the
person or channel they name), which is how a test picks the process to kill."""

import signal
import time
from datetime import timedelta

import pytest

from bot.slack.standin import Call
from tests.e2e.multiclock.conftest import AT, finish
from tests.e2e.multiclock.workspaces import everyone, make_workspaces, prompts_posted, seed

# real_clock: libfaketime 0.9.10 refuses the child processes' time.sleep (see tests/e2e/tick).
pytestmark = [
    pytest.mark.real_clock,
    pytest.mark.postgres,
    pytest.mark.parametrize("database_url", ["postgres"], indirect=True),
]

SLACK_LIMIT = {"chat.postMessage": 20.0}  # Slack's per-workspace special limit, as the issue has it
RESTART_AFTER = timedelta(minutes=10)  # past a claim's lease (2 simulated minutes), inside the window


def token_of(call: Call) -> str:
    return call.headers.get("authorization", "").removeprefix("Bearer ")


def tick_until_everyone_is_prompted(run, slack, workspaces, start, *, within: float = 100.0) -> None:
    """A restarted clock: a tick a simulated minute from `start`, until everyone has a prompt or
    `within` seconds have passed. Work the killed process held (its claims, its workspaces'
    pacing leases, which expire in wall-clock time) is taken over once its time runs out."""
    people = len(everyone(workspaces))
    deadline, at = time.monotonic() + within, start
    while True:
        finish(run.start(at, "xoxb-clock-restarted"))
        prompted = {user_id for user_id, _ in prompts_posted(slack, workspaces)}
        if len(prompted) >= people or time.monotonic() > deadline:
            return
        time.sleep(5)  # a clock's next minute, shortened; fewer start-ups on a shared machine
        at += timedelta(minutes=1)


def assert_each_prompt_posted_once(slack, workspaces) -> None:
    posted = prompts_posted(slack, workspaces)
    doubled = {key: n for key, n in posted.items() if n > 1}
    assert not doubled, f"posted more than once: {doubled}"
    people = everyone(workspaces)
    missing = set(people) - {user_id for user_id, _ in posted}
    assert not missing, f"{len(missing)} never prompted: {sorted(missing)[:10]}"
    assert len(posted) == len(people)  # one prompt (one delivery id) per person


def test_three_clocks_one_killed_mid_send_then_restarted_post_each_prompt_once(standin, ticks, sessions):
    slack = standin(rate_limits_per_workspace=SLACK_LIMIT)
    workspaces = make_workspaces(30, people=4)
    seed(sessions, slack, workspaces, AT)
    run = ticks(slack)

    clocks = {token: run.start(AT, token) for token in ("xoxb-clock-1", "xoxb-clock-2", "xoxb-clock-3")}
    # The first process to post is sending; from now on its calls are held before Slack answers
    # them, and it is killed while one is held: that post lands, its answer never does.
    victim = token_of(slack.wait_for_arrival("chat.postMessage", timeout=45)[0])
    slack.stall_token(victim, 3.0)
    held_from = time.monotonic()
    [held, *_] = slack.wait_for_arrival(
        "chat.postMessage", where=lambda c: token_of(c) == victim and c.at >= held_from, timeout=20
    )
    assert held.answer == {}  # in flight when the process dies
    clocks[victim].send_signal(signal.SIGKILL)
    clocks[victim].communicate(timeout=30)
    assert clocks[victim].returncode == -signal.SIGKILL
    for token, process in clocks.items():
        if token != victim:
            finish(process)
    slack.settle(timeout=10)  # the held posts land

    tick_until_everyone_is_prompted(run, slack, workspaces, AT + RESTART_AFTER)

    assert_each_prompt_posted_once(slack, workspaces)


RATE = 5  # SEND_RATE_PER_WORKSPACE for this test: low, so that going over it shows


def test_the_per_workspace_rate_holds_across_processes(standin, ticks, sessions):
    slack = standin()  # no limit of Slack's: this measures what the senders let out
    # Workspaces bigger than any one process's share, so that every process sends to the same ones.
    workspaces = make_workspaces(4, people=40)
    seed(sessions, slack, workspaces, AT)
    run = ticks(slack)

    clocks = [run.start(AT, f"xoxb-clock-{n}", SEND_RATE_PER_WORKSPACE=str(RATE)) for n in (1, 2, 3)]
    for process in clocks:
        finish(process)

    rates = {ws.team_id: slack.max_rate(ws.team_id, "chat.postMessage") for ws in workspaces}
    assert all(rate <= RATE for rate in rates.values()), (
        f"most chat.postMessage in any one second, per workspace: {rates}; allowed {RATE}"
    )
    assert_each_prompt_posted_once(slack, workspaces)


def test_a_workspace_in_a_429_storm_delays_no_other(standin, ticks, sessions):
    slack = standin(rate_limits_per_workspace=SLACK_LIMIT)
    workspaces = make_workspaces(10, people=4)
    stormy, calm = workspaces[0], workspaces[1:]  # the first workspace: served first if one at a time
    seed(sessions, slack, workspaces, AT)
    run = ticks(slack)

    storm_ends = slack.storm(stormy.team_id, seconds=20, retry_after=5)
    clocks = [run.start(AT, f"xoxb-clock-{n}") for n in (1, 2)]
    for process in clocks:
        finish(process)

    posted = prompts_posted(slack, calm)
    assert {user_id for user_id, _ in posted} == set(everyone(calm))
    late = {}
    for ws in calm:
        posts = [c.at for c in slack.calls("chat.postMessage", team_id=ws.team_id) if c.answer.get("ok")]
        if max(posts) >= storm_ends:
            late[ws.team_id] = round(max(posts) - storm_ends, 1)
    assert not late, f"seconds after the storm ended that each calm workspace's last prompt went out: {late}"

    # After the storm, later ticks post what it held back, once.
    tick_until_everyone_is_prompted(run, slack, workspaces, AT + timedelta(minutes=30), within=60)
    assert_each_prompt_posted_once(slack, workspaces)
