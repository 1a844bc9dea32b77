"""A database of the benchmark's own (a SQLite file, or a PostgreSQL schema dropped after), seeded
with goals, objectives and measurements written straight into the tables."""

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import make_url

from bot.domain.enums import Direction, GoalLevel, GoalStatus
from models.db import make_engine, make_sessionmaker
from models.goals import Goal, Measurement, Objective
from models.migrate import upgrade

POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
TEAM = "T1"
OBJECTIVES_PER_GOAL = 2
MEASUREMENTS_PER_OBJECTIVE = 3


@contextmanager
def bench_database(
    kind: str, folder: Path, *, postgres_url: str = POSTGRES_URL, sqlite_name: str = "bench.db"
) -> Iterator[str]:
    """Yields the URL of an empty, migrated database; a PostgreSQL schema is dropped afterwards."""
    if kind == "sqlite":
        url = f"sqlite:///{folder / sqlite_name}"
        _migrate(url)
        yield url
        return
    admin = make_engine(postgres_url)
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    with admin.begin() as connection:
        connection.exec_driver_sql(f"CREATE SCHEMA {schema}")
    # libpq's `options` puts the schema first on every connection's search_path.
    url = make_url(postgres_url).update_query_dict({"options": f"-csearch_path={schema}"})
    rendered = url.render_as_string(hide_password=False)
    try:
        _migrate(rendered)
        yield rendered
    finally:
        with admin.begin() as connection:
            connection.exec_driver_sql("SET LOCAL lock_timeout = '10s'")
            connection.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


def _migrate(url: str) -> None:
    engine = make_engine(url)
    try:
        upgrade(engine)
    finally:
        engine.dispose()


def seed_goals(url: str, channel_id: str, count: int, *, today: date) -> None:
    """`count` active goals in the channel, each with objectives that have been measured."""
    engine = make_engine(url)
    now = datetime.now(UTC)
    try:
        with make_sessionmaker(engine).begin() as session:
            for n in range(count):
                goal = Goal(
                    team_id=TEAM,
                    title=f"Raise metric {n} from 10 to 90 because the benchmark needs many goals",
                    why="because the benchmark needs many goals",
                    owner_id="U1",
                    channel_id=channel_id,
                    level=GoalLevel.ANNUAL,
                    start_date=today - timedelta(days=60),
                    due_date=today + timedelta(days=300 + n % 30),
                    status=GoalStatus.ACTIVE,
                    created_at=now,
                )
                goal.objectives = [_objective(goal, k, now) for k in range(OBJECTIVES_PER_GOAL)]
                session.add(goal)
        with engine.begin() as connection:
            # As autovacuum would soon after: plans are then chosen on real row counts.
            connection.exec_driver_sql("ANALYZE")
    finally:
        engine.dispose()


def _objective(goal: Goal, k: int, now: datetime) -> Objective:
    objective = Objective(
        team_id=TEAM,
        metric=f"Metric {k}",
        unit="%",
        baseline=10.0,
        target=90.0,
        direction=Direction.UP,
        due_date=goal.due_date,
    )
    objective.measurements = [
        Measurement(
            team_id=TEAM,
            value=10.0 + 5 * m,
            user_id="U1",
            recorded_at=now - timedelta(days=m),
            recorded_on=(now - timedelta(days=m)).date(),
        )
        for m in range(MEASUREMENTS_PER_OBJECTIVE)
    ]
    return objective
