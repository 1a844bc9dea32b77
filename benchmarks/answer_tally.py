"""What keeping the period tallies costs each answer: writing an answer's row, alone (the
baseline) and with its tallies moved in the same transaction, for new answers and for edits.
Figures are printed, never asserted.

Runs on a digest-sized month (1,000 staff, 30 days already tallied) so upserts land on rows
that exist, as they do in production.

    .venv/bin/python -m benchmarks.answer_tally [--databases sqlite,postgresql]
"""

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from benchmarks.database import bench_database
from benchmarks.digest_seed import LAST_DAY, PHRASES, TEAM, analyze, seed_checkins, seed_goals_and_schedule
from benchmarks.digest_tallies import seed_tallies
from bot.domain.reports.tally_marks import answer_marks
from bot.services.reports.tally_writes import retally_answer
from models.answers import Answer
from models.db import make_engine, make_sessionmaker

ANSWERS = 300
AT = datetime(2027, 4, 1, 9, tzinfo=UTC)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--databases", default="sqlite,postgresql")
    args = parser.parse_args()
    print(f"{'database':>10} {'write':>6} {'row ms':>7} {'row+tallies ms':>15} {'ratio':>6}")
    for kind in args.databases.split(","):
        with tempfile.TemporaryDirectory() as folder, bench_database(kind.strip(), Path(folder)) as url:
            run(kind.strip(), url)


def run(kind: str, url: str) -> None:
    engine = make_engine(url)
    sessions = make_sessionmaker(engine)
    schedule_id = seed_goals_and_schedule(engine)
    first = LAST_DAY - timedelta(days=29)
    seed_checkins(engine, schedule_id, first=first, before=LAST_DAY)  # the last day stays free
    seed_tallies(engine, schedule_id, first=first, last=LAST_DAY)
    analyze(engine)
    people = iter(range(10_000, 10_000 + 4 * ANSWERS))

    def new_answer(tallies: bool) -> Callable[[], None]:
        def write() -> None:
            with sessions.begin() as session:
                row = _answer(session, schedule_id, f"U{next(people)}", LAST_DAY, PHRASES[0])
                if tallies:
                    _retally(session, row, frozenset())

        return write

    def edit(tallies: bool) -> Callable[[], None]:
        def write() -> None:
            with sessions.begin() as session:
                row = _answer(session, schedule_id, f"U{next(people)}", LAST_DAY, PHRASES[1])
                before = answer_marks(None, None, PHRASES[1])
                row.obstacles = PHRASES[2]
                if tallies:
                    _retally(session, row, before)

        return write

    for label, write in (("new", new_answer), ("edit", edit)):
        plain, tallied = _median_ms(write(False)), _median_ms(write(True))
        print(f"{kind:>10} {label:>6} {plain:>7.2f} {tallied:>15.2f} {tallied / plain:>5.1f}x")
    engine.dispose()


def _answer(session: Session, schedule_id: int, user: str, day: date, text: str) -> Answer:
    row = Answer(
        team_id=TEAM, schedule_id=schedule_id, user_id=user, local_date=day, answered_at=AT, obstacles=text
    )
    session.add(row)
    session.flush()
    return row


def _retally(session: Session, row: Answer, before: frozenset) -> None:
    retally_answer(
        session,
        team_id=TEAM,
        schedule_id=row.schedule_id,
        local_date=row.local_date,
        person_key=row.user_id,
        before=before,
        after=answer_marks(row.category, row.expectations, row.obstacles),
    )


def _median_ms(write: Callable[[], None]) -> float:
    for _ in range(20):
        write()  # warm
    samples = []
    for _ in range(ANSWERS // 2):
        start = time.perf_counter()
        write()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


if __name__ == "__main__":
    main()
