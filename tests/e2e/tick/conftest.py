"""Drives `goalbot tick --at …` in-process (cli.main, the real verb with its settings from the
environment) against the stand-in, and remembers which tick delivered which DM."""

import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.entrypoints import cli
from bot.slack.standin import SlackStandIn
from models.checkins import Delivery
from tests.cli.environment import clean_env
from tests.handlers.checkins.delivery_setup import TOKEN, checkin_messages


@dataclass(frozen=True)
class Got:
    """One check-in message at the stand-in: the tick that sent it and the row it came from."""

    tick: datetime
    kind: str  # "prompt" or "reminder"
    scheduled_at: datetime
    local_date: object


class TickDriver:
    def __init__(
        self, sessions: sessionmaker[Session], slack: SlackStandIn, capsys: pytest.CaptureFixture[str]
    ) -> None:
        self.sessions, self.slack, self._capsys = sessions, slack, capsys
        self.people: set[str] = set()
        self.got: dict[str, list[Got]] = defaultdict(list)
        self.lines: list[str] = []
        self._seen: set[str] = set()

    def watch(self, user_ids: Iterable[str]) -> None:
        self.people |= set(user_ids)

    def tick(self, at: datetime) -> str:
        """One `goalbot tick --at at`; returns its summary line."""
        self._capsys.readouterr()
        code = cli.main(["tick", "--at", at.isoformat()])
        out = self._capsys.readouterr().out.strip().splitlines()
        assert code == 0, out
        self.lines.append(out[-1])
        self._collect(at)
        return out[-1]

    def every(self, start: datetime, end: datetime, step: timedelta) -> None:
        """Ticks at start, start+step, … up to and including end."""
        for at in instants(start, end, step):
            self.tick(at)

    def prompts(self, user_id: str) -> list[Got]:
        return [g for g in self.got[user_id] if g.kind == "prompt"]

    def reminders(self, user_id: str) -> list[Got]:
        return [g for g in self.got[user_id] if g.kind == "reminder"]

    def _collect(self, at: datetime) -> None:
        new = []
        for user_id in sorted(self.people):
            for message in checkin_messages(self.slack, user_id):
                if message["ts"] not in self._seen:
                    self._seen.add(message["ts"])
                    new.append((user_id, message["metadata"]["event_payload"]["delivery"]))
        with self.sessions() as session:
            rows = {
                d.id: d for d in session.scalars(select(Delivery).where(Delivery.id.in_([i for _, i in new])))
            }
            for user_id, delivery_id in new:
                row = rows[delivery_id]
                self.got[user_id].append(Got(at, row.kind.value, row.scheduled_at, row.local_date))


def instants(start: datetime, end: datetime, step: timedelta) -> Iterator[datetime]:
    at = start
    while at <= end:
        yield at
        at += step


@pytest.fixture
def ticks(database_url, engine, sessions, slack_api, capsys, monkeypatch) -> TickDriver:
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("SLACK_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("SLACK_API_BASE_URL", slack_api.base_url)
    monkeypatch.setenv("DEFAULT_TIMEZONE", "UTC")
    return TickDriver(sessions, slack_api, capsys)


@pytest.fixture(scope="session")
def goalbot_script() -> str:
    script = Path(sys.executable).with_name("goalbot")
    if not script.exists():
        pytest.fail(f"{script} is missing; install the project first: pip install -e '.[dev]'")
    return str(script)


@pytest.fixture
def tick_env(database_url, engine, slack_api, tmp_path) -> dict[str, str]:
    """The environment of a real `goalbot tick` process: our database, the stand-in, a bot token."""
    env = clean_env(tmp_path)
    return env | {
        "DATABASE_URL": database_url,
        "SLACK_BOT_TOKEN": TOKEN,
        "SLACK_API_BASE_URL": slack_api.base_url,
        "DEFAULT_TIMEZONE": "UTC",
    }
