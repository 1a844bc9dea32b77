"""Seeding for the digest benchmark: 50 goals, one check-in schedule and a year or two of
1,000 staff's answers, bulk-loaded (COPY on PostgreSQL, executemany on SQLite) so setup is quick;
their period tallies are in digest_tallies.py."""

import random
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import Engine, insert, select

from bot.domain.enums import Direction, GoalLevel, GoalStatus
from models.checkins import Schedule
from models.db import make_sessionmaker
from models.goals import Goal, Measurement, Objective

TEAM, CHANNEL = "T1", "C1"
NOW = datetime(2027, 4, 1, 9, 0, tzinfo=UTC)
STAFF = 1_000
GOALS = 50
LAST_DAY = date(2027, 3, 31)
PHRASES = (
    "the till was slow again at lunch",
    "stock of oat milk ran out before noon",
    "customers asked about the loyalty card",
    "printer jammed during the rush",
    "great feedback on the new pastries",
    "queue at the door after school pickup",
)
CATEGORIES = ("quality", "service", "responsiveness", "communication", "other", None)


def seed_goals_and_schedule(engine: Engine) -> int:
    start = date(2026, 1, 1)
    with make_sessionmaker(engine).begin() as session:
        schedule = Schedule(
            team_id=TEAM,
            channel_id=CHANNEL,
            owner_id="U0",
            audience_id=CHANNEL,
            weekdays="mon,tue,wed,thu,fri,sat,sun",
            local_time=datetime.min.time().replace(hour=9),
            created_at=NOW,
            starts_at=NOW,
        )
        session.add(schedule)
        for n in range(GOALS):
            goal = Goal(
                team_id=TEAM,
                title=f"Raise metric {n}",
                owner_id="U0",
                channel_id=CHANNEL,
                level=GoalLevel.ANNUAL,
                start_date=start,
                due_date=date(2027, 12, 31),
                status=GoalStatus.ACTIVE,
                created_at=NOW,
            )
            goal.objectives = [
                Objective(
                    team_id=TEAM,
                    metric=f"metric {n}",
                    unit="%",
                    baseline=10,
                    target=90,
                    direction=Direction.UP,
                    due_date=date(2027, 12, 31),
                )
            ]
            session.add(goal)
        session.flush()
        objective_ids = list(session.scalars(select(Objective.id)))
        schedule_id = schedule.id
    rows = [
        {
            "team_id": TEAM,
            "objective_id": o,
            "value": 10 + week * 0.5,
            "user_id": "U0",
            "note": None,
            "recorded_at": datetime.combine(start + timedelta(weeks=week), datetime.min.time(), UTC),
            "recorded_on": start + timedelta(weeks=week),
        }
        for o in objective_ids
        for week in range(65)
    ]
    with engine.begin() as connection:
        connection.execute(insert(Measurement), rows)
    return schedule_id


def seed_checkins(engine: Engine, schedule_id: int, *, first: date, before: date) -> None:
    """Prompts and answers for every staff member on each day in [first, before)."""
    days = [first + timedelta(days=n) for n in range((before - first).days)]
    prompts = (
        (TEAM, schedule_id, f"U{p:04d}", day, "prompt", 0, "sent", NOW, 1, False)
        for day in days
        for p in range(STAFF)
    )
    answers = (
        (TEAM, schedule_id, user, day, NOW, False, text, c)
        for day in days
        for user, text, c in day_answers(day)
    )
    prompt_columns = (
        "team_id",
        "schedule_id",
        "user_id",
        "local_date",
        "kind",
        "sequence",
        "state",
        "scheduled_at",
        "attempts",
        "answered",
    )
    answer_columns = (
        "team_id",
        "schedule_id",
        "user_id",
        "local_date",
        "answered_at",
        "late",
        "obstacles",
        "category",
    )
    if engine.dialect.name == "postgresql":
        copy_rows(engine, "checkin_deliveries", prompt_columns, prompts)
        copy_rows(engine, "checkin_answers", answer_columns, answers)
    else:
        insert_rows(engine, "checkin_deliveries", prompt_columns, prompts)
        insert_rows(engine, "checkin_answers", answer_columns, answers)


def day_answers(day: date) -> list[tuple[str, str, str | None]]:
    """(user, text, category) of each staff member's answer on `day`: the same on every call, so
    the tallies can be counted again for any period without reading the answers back."""
    rng = random.Random(day.toordinal())
    return [(f"U{p:04d}", rng.choice(PHRASES), rng.choice(CATEGORIES)) for p in range(STAFF)]


def copy_rows(engine: Engine, table: str, columns: tuple[str, ...], rows) -> None:
    raw = engine.raw_connection()
    try:
        with raw.cursor() as cursor, cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:  # type: ignore[attr-defined]
            for row in rows:
                copy.write_row(row)
        raw.commit()
    finally:
        raw.close()


def insert_rows(engine: Engine, table: str, columns: tuple[str, ...], rows) -> None:
    placeholders = ", ".join("?" for _ in columns)
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})",
            (tuple(_sqlite_value(v) for v in r) for r in rows),
        )
        raw.commit()
    finally:
        raw.close()


def _sqlite_value(value):
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    return value.isoformat() if isinstance(value, date) else value


def analyze(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")
