"""Real `goalbot tick --at` processes, several at once, on PostgreSQL, against one stand-in that
plays many workspaces (it lives in the test's process, so it outlives a killed tick)."""

import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.slack.standin import SlackStandIn
from tests.cli.environment import clean_env

AT = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)  # a Monday; every day is a check-in day here


@pytest.fixture
def standin(clock) -> Iterator[Callable[..., SlackStandIn]]:
    """Starts the stand-in with the test's limits; Slack's clock reads AT, the ticks' instant
    (Slack stamps `ts`, and a reconcile reads a DM's history from shortly before the prompt)."""
    clock.now = AT
    started: list[SlackStandIn] = []

    def start(**options: object) -> SlackStandIn:
        started.append(SlackStandIn(clock=clock, **options).start())
        return started[-1]

    yield start
    for one in started:
        one.close()


@pytest.fixture(scope="session")
def goalbot_script() -> str:
    script = Path(sys.executable).with_name("goalbot")
    if not script.exists():
        pytest.fail(f"{script} is missing; install the project first: pip install -e '.[dev]'")
    return str(script)


class Ticks:
    """Starts `goalbot tick --at` processes, each with a bot token of its own (the stand-in accepts
    any xoxb- token and still attributes every call to the workspace it names), so a test can
    tell the processes' calls apart."""

    def __init__(self, script: str, env: dict[str, str]) -> None:
        self.script, self.env = script, env
        self.started: list[subprocess.Popen[str]] = []

    def start(self, at: datetime, token: str, **env: str) -> subprocess.Popen[str]:
        self.started.append(self._popen(at, token, env))
        return self.started[-1]

    def stop_all(self) -> None:
        """Whatever a failed test left running is killed (each by its own process id)."""
        for process in self.started:
            if process.poll() is None:
                process.kill()
            process.communicate()

    def _popen(self, at: datetime, token: str, env: dict[str, str]) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [self.script, "tick", "--at", at.isoformat()],
            env=self.env | {"SLACK_BOT_TOKEN": token} | env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )


def finish(process: subprocess.Popen[str], timeout: float = 60) -> str:
    out, err = process.communicate(timeout=timeout)
    assert process.returncode == 0, err[-2000:]
    return out.strip()


@pytest.fixture
def ticks(goalbot_script, database_url, engine, tmp_path) -> Iterator[Callable[[SlackStandIn], Ticks]]:
    made: list[Ticks] = []

    def on(slack: SlackStandIn) -> Ticks:
        env = clean_env(tmp_path) | {
            "DATABASE_URL": database_url,
            "SLACK_API_BASE_URL": slack.base_url,
            "DEFAULT_TIMEZONE": "UTC",
        }
        made.append(Ticks(goalbot_script, env))
        return made[-1]

    yield on
    for one in made:
        one.stop_all()
