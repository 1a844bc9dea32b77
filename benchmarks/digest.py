"""How long building the monthly digest takes, against a plain SQL aggregate over the same rows,
and how it grows with history (90 → 365 → 730 days of check-ins). Figures are printed, never asserted.

A workspace of 1,000 staff answering a daily check-in (1,000 answers and 1,000 prompts a day) and
50 goals with weekly measurements, in one channel. The digest is March's (the last month of the
history); a plain aggregate reads the same rows: the four months of prompts and answers the
participation trend covers, and the month's answers grouped by category. The answers' period
tallies (models/theme_tallies.py), which the check-in services keep with each answer, are loaded
with them (benchmarks/digest_tallies.py): the digest reads themes, counts by category and answers
given from those, not from the answers.

    .venv/bin/python -m benchmarks.digest                      # SQLite and PostgreSQL
    .venv/bin/python -m benchmarks.digest --databases sqlite

PostgreSQL is at BENCH_POSTGRES_URL, in a schema of its own that is dropped afterwards.
"""

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from sqlalchemy import Engine, func, select

from benchmarks.database import bench_database
from benchmarks.digest_seed import (
    CHANNEL,
    GOALS,
    LAST_DAY,
    NOW,
    STAFF,
    TEAM,
    analyze,
    seed_checkins,
    seed_goals_and_schedule,
)
from benchmarks.digest_tallies import seed_tallies
from bot.domain.reports.periods import parse_period_id, recent_periods
from bot.services.reports.digests import channel_digest
from bot.services.reports.theme_counts import period_themes
from models.answers import Answer
from models.checkins import Delivery
from models.db import make_engine, make_sessionmaker

MONTH = parse_period_id("2027-03")
HISTORY = (90, 365, 730)
RUNS = 3


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
        f"{'plain ms':>9} {'ratio':>6}"
    )
    for days in HISTORY:
        load = time.perf_counter()
        seed_checkins(
            engine,
            schedule_id,
            first=LAST_DAY - timedelta(days=days - 1),
            before=LAST_DAY - timedelta(days=loaded - 1) if loaded else LAST_DAY + timedelta(days=1),
        )
        seed_tallies(engine, schedule_id, first=LAST_DAY - timedelta(days=days - 1), last=LAST_DAY)
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
        themes_ms = timed(lambda: themes_only(sessions, schedule_id))
        print(
            f"{days:>8} {days * STAFF:>9,} {load:>7.1f} {digest_ms:>10.0f} {themes_ms:>10.0f} "
            f"{plain_ms:>9.0f} {digest_ms / plain_ms:>5.1f}x"
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
    """Themes alone: words and categories shared by three people or more, from the tallies."""
    with sessions() as session:
        period_themes(session, TEAM, schedule_id, MONTH, 3)


def plain_aggregate(engine: Engine, schedule_id: int) -> None:
    """The rows the digest covers, counted as plainly as SQL can: four months of prompts and of
    answers (participation's trend) and the month's answers by category."""
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


if __name__ == "__main__":
    main()
