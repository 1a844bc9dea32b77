"""Workspaces for the check-in benchmarks, written with bulk inserts (the services would take
minutes for 100,000 people): people in zones, one channel's memberships, and its schedule."""

import os
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, time
from pathlib import Path

from sqlalchemy import insert
from sqlalchemy.orm import Session, sessionmaker

from benchmarks.database import bench_database
from bot.domain.checkins.enums import Weekday
from bot.domain.checkins.spec import ReminderPolicy, ScheduleSpec
from bot.services.actor import Actor
from bot.services.checkins import schedules
from models.checkins import CheckinPlan
from models.db import make_engine, make_sessionmaker
from models.people import Membership, Person

TEAM = "T0BENCH"
CHANNEL = "C0BENCH"
MADE_AT = datetime(2027, 1, 3, 12, tzinfo=UTC)
NINE_UTC = datetime(2027, 3, 1, 9, tzinfo=UTC)  # a Monday
_CHUNK = 5000


@contextmanager
def database(kind: str, folder: Path) -> Iterator[str]:
    """A migrated, empty database: a SQLite file in `folder`, or a fresh schema in TEST_DATABASE_URL."""
    admin_url = os.environ.get("TEST_DATABASE_URL")
    if kind != "sqlite" and not admin_url:
        raise SystemExit("postgres: set TEST_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/test")
    name = f"bench-{uuid.uuid4().hex[:8]}.db"
    with bench_database(kind, folder, postgres_url=admin_url or "", sqlite_name=name) as url:
        yield url


def sessions_for(url: str) -> sessionmaker[Session]:
    return make_sessionmaker(make_engine(url))


def add_people(
    sessions: sessionmaker[Session], zones: Sequence[str | None], *, prefix: str = "U"
) -> list[str]:
    """One person per entry of `zones`, all members of CHANNEL; returns their ids."""
    ids = [f"{prefix}{n:07d}" for n in range(len(zones))]
    with sessions.begin() as session:
        for start in range(0, len(ids), _CHUNK):
            chunk = list(zip(ids[start : start + _CHUNK], zones[start : start + _CHUNK], strict=True))
            session.execute(
                insert(Person),
                [{"team_id": TEAM, "user_id": u, "tz": tz, "refreshed_at": MADE_AT} for u, tz in chunk],
            )
            session.execute(
                insert(Membership),
                [
                    {"team_id": TEAM, "group_id": CHANNEL, "user_id": u, "synced_at": MADE_AT}
                    for u, _ in chunk
                ],
            )
    return ids


def add_schedule(sessions: sessionmaker[Session], at: time = time(9)) -> None:
    """Mon–Fri at `at`, no reminders (a benchmark of prompts)."""
    spec = ScheduleSpec(
        schedule_id=0,
        weekdays=frozenset({Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI}),
        local_time=at,
        reminders=ReminderPolicy(count=0),
    )
    owner = Actor(team_id=TEAM, user_id="U0WNER", is_admin=True)
    schedules.set_schedule(sessions, owner, channel_id=CHANNEL, spec=spec, now=MADE_AT)


def set_cursor(sessions: sessionmaker[Session], planned_until: datetime) -> None:
    """As a clock that has been ticking leaves it: planned up to `planned_until`."""
    with sessions.begin() as session:
        session.add(CheckinPlan(team_id=TEAM, planned_until=planned_until))
