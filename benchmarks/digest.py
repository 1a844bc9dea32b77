"""How long building the monthly digest takes, against a plain SQL aggregate over the same rows,
and how it grows with history (90 → 365 → 730 days of check-ins). Figures are printed, never asserted.

A workspace of 1,000 staff answering a daily check-in (1,000 answers and 1,000 prompts a day) and
50 goals with weekly measurements, in one channel. The digest is March's (the last month of the
history); a plain aggregate reads the same rows: the four months of prompts and answers the
participation trend covers, and the month's answers grouped by category ("+words" also groups the
month's answer words, which themes read). Each answer's theme words
are loaded with it (as the check-in services store them), so themes are a GROUP BY like the rest.

    .venv/bin/python -m benchmarks.digest                      # SQLite and PostgreSQL
    .venv/bin/python -m benchmarks.digest --databases sqlite

PostgreSQL is at BENCH_POSTGRES_URL, in a schema of its own that is dropped afterwards.
"""

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, func, insert, select

from benchmarks.database import bench_database
from bot.domain.enums import Direction, GoalLevel, GoalStatus
from bot.domain.reports.periods import parse_period_id, recent_periods
from bot.domain.reports.themes import answer_words
from bot.services.reports.answer_figures import period_themes
from bot.services.reports.digests import channel_digest
from models.answers import Answer
from models.checkins import Delivery, Schedule
from models.db import make_engine, make_sessionmaker
from models.goals import Goal, Measurement, Objective
from models.reports import AnswerWord

TEAM, CHANNEL = "T1", "C1"
STAFF = 1_000
GOALS = 50
LAST_DAY = date(2027, 3, 31)
MONTH = parse_period_id("2027-03")
NOW = datetime(2027, 4, 1, 9, 0, tzinfo=UTC)
HISTORY = (90, 365, 730)
RUNS = 3
PHRASES = (
    "the till was slow again at lunch",
    "stock of oat milk ran out before noon",
    "customers asked about the loyalty card",
    "printer jammed during the rush",
    "great feedback on the new pastries",
    "queue at the door after school pickup",
)
CATEGORIES = ("quality", "service", "responsiveness", "communication", "other", None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--databases", default="sqlite,postgresql")
    args = parser.parse_args()
    started = time.perf_counter()
    for kind in args.databases.split(","):
        with tempfile.TemporaryDirectory() as folder, bench_database(kind.strip(), Path(folder)) as url:
            run(kind.strip(), url)
    print(f"total run: {time.perf_counter() - started:.0f} s")


def run(kind: str, url: str) -> None:
    engine = make_engine(url)
    sessions = make_sessionmaker(engine)
    schedule_id = seed_goals_and_schedule(engine)
    loaded = 0
    print(f"\n{kind}: 1,000 staff x days of daily check-ins, {GOALS} goals, monthly digest for {MONTH.id}")
    print(
        f"{'history':>8} {'answers':>9} {'load s':>7} {'digest ms':>10} {'themes ms':>10} "
        f"{'plain ms':>9} {'ratio':>6} {'w/o themes':>11} {'+words ms':>10} {'ratio':>6}"
    )
    for days in HISTORY:
        load = time.perf_counter()
        seed_checkins(
            engine,
            schedule_id,
            first=LAST_DAY - timedelta(days=days - 1),
            before=LAST_DAY - timedelta(days=loaded - 1) if loaded else LAST_DAY + timedelta(days=1),
        )
        analyze(engine)
        load = time.perf_counter() - load
        loaded = days
        digest_ms = timed(
            lambda: channel_digest(
                sessions,
                team_id=TEAM,
                channel_id=CHANNEL,
                period=MONTH,
                today=NOW.date(),
                zone="UTC",
                now=NOW,
            )
        )
        plain_ms = timed(lambda: plain_aggregate(engine, schedule_id))
        words_ms = timed(lambda: plain_aggregate(engine, schedule_id, with_words=True))
        themes_ms = timed(lambda: themes_only(sessions, schedule_id))
        rest = (digest_ms - themes_ms) / plain_ms
        print(
            f"{days:>8} {days * STAFF:>9,} {load:>7.1f} {digest_ms:>10.0f} {themes_ms:>10.0f} "
            f"{plain_ms:>9.0f} "
            f"{digest_ms / plain_ms:>5.1f}x {rest:>10.1f}x {words_ms:>10.0f} {digest_ms / words_ms:>5.1f}x"
        )
    engine.dispose()


def timed(work: Callable[[], object]) -> float:
    work()  # warm: caches, prepared plans
    samples = []
    for _ in range(RUNS):
        start = time.perf_counter()
        work()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def themes_only(sessions, schedule_id: int) -> None:
    """Themes alone: words and categories counted by distinct person in SQL."""
    with sessions() as session:
        period_themes(session, TEAM, schedule_id, MONTH, 3)


def plain_aggregate(engine: Engine, schedule_id: int, *, with_words: bool = False) -> None:
    """The same rows the digest reads, counted as plainly as SQL can; `with_words` adds the month's
    answer words grouped by word (rows themes read that the answers-only baseline does not)."""
    periods = recent_periods(MONTH, 4)
    first, last = periods[0].start, periods[-1].end
    with engine.connect() as connection:
        connection.execute(
            select(func.count()).where(
                Delivery.schedule_id == schedule_id,
                Delivery.team_id == TEAM,
                Delivery.local_date.between(first, last),
            )
        ).all()
        connection.execute(
            select(func.count()).where(
                Answer.team_id == TEAM,
                Answer.schedule_id == schedule_id,
                Answer.local_date.between(first, last),
            )
        ).all()
        connection.execute(
            select(Answer.category, func.count())
            .where(
                Answer.team_id == TEAM,
                Answer.schedule_id == schedule_id,
                Answer.local_date.between(MONTH.start, MONTH.end),
            )
            .group_by(Answer.category)
        ).all()
        if with_words:
            connection.execute(
                select(AnswerWord.word, func.count())
                .where(
                    AnswerWord.team_id == TEAM,
                    AnswerWord.schedule_id == schedule_id,
                    AnswerWord.local_date.between(MONTH.start, MONTH.end),
                )
                .group_by(AnswerWord.word)
            ).all()


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
    rng = random.Random(7)
    days = [first + timedelta(days=n) for n in range((before - first).days)]
    prompts = (
        (TEAM, schedule_id, f"U{p:04d}", day, "prompt", 0, "sent", NOW, 1, False)
        for day in days
        for p in range(STAFF)
    )
    chosen = [(day, p, rng.choice(PHRASES), rng.choice(CATEGORIES)) for day in days for p in range(STAFF)]
    answers = ((TEAM, schedule_id, f"U{p:04d}", day, NOW, False, text, c) for day, p, text, c in chosen)
    phrase_words = {text: sorted(answer_words(None, text)) for text in PHRASES}
    words = (
        (TEAM, schedule_id, day, f"U{p:04d}", word, False)
        for day, p, text, _ in chosen
        for word in phrase_words[text]
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
    word_columns = ("team_id", "schedule_id", "local_date", "person_key", "word", "anonymous")
    if engine.dialect.name == "postgresql":
        _copy(engine, "checkin_deliveries", prompt_columns, prompts)
        _copy(engine, "checkin_answers", answer_columns, answers)
        _copy(engine, "answer_words", word_columns, words)
    else:
        _executemany(engine, "checkin_deliveries", prompt_columns, prompts)
        _executemany(engine, "checkin_answers", answer_columns, answers)
        _executemany(engine, "answer_words", word_columns, words)


def _copy(engine: Engine, table: str, columns: tuple[str, ...], rows) -> None:
    raw = engine.raw_connection()
    try:
        with raw.cursor() as cursor, cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:  # type: ignore[attr-defined]
            for row in rows:
                copy.write_row(row)
        raw.commit()
    finally:
        raw.close()


def _executemany(engine: Engine, table: str, columns: tuple[str, ...], rows) -> None:
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


if __name__ == "__main__":
    main()
