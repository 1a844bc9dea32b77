"""The period tallies of the digest benchmark's answers, counted from scratch in Python for every
month and ISO week the history touches, period by period (so memory stays with one period), and
bulk-loaded. The check-in services keep the same tallies answer by answer; this is the same count
done at once, as migration 0007 does for answers already stored (tests/services/reports/
test_theme_counts.py checks the two ways agree)."""

from collections import Counter
from datetime import date, timedelta

from sqlalchemy import Engine, delete

from benchmarks.digest_seed import TEAM, copy_rows, day_answers, insert_rows
from bot.domain.reports.periods import Period, month_of, week_of
from bot.domain.reports.tally_marks import Mark, answer_marks
from models.theme_tallies import ThemePerson, ThemeTally

KEY_COLUMNS = ("team_id", "schedule_id", "period")
TALLY_COLUMNS = (*KEY_COLUMNS, "kind", "theme", "named_people", "named_answers", "anonymous_answers")
PEOPLE_COLUMNS = (*KEY_COLUMNS, "person_key", "kind", "theme", "uses")


def seed_tallies(engine: Engine, schedule_id: int, *, first: date, last: date) -> None:
    """All tallies of the answers on [first, last], replacing any counted before."""
    with engine.begin() as connection:
        for table in (ThemeTally, ThemePerson):
            connection.execute(delete(table).where(table.schedule_id == schedule_id))
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    periods = sorted({p for day in days for p in (month_of(day), week_of(day))})
    load = copy_rows if engine.dialect.name == "postgresql" else insert_rows
    for period in periods:
        answers, uses = _counts(period, first, last)
        people = Counter(mark for _, mark in uses)
        tallies = [
            (TEAM, schedule_id, period.id, mark.kind.value, mark.theme, people[mark], n, 0)
            for mark, n in answers.items()
        ]
        load(engine, "theme_tallies", TALLY_COLUMNS, tallies)
        load(
            engine,
            "theme_people",
            PEOPLE_COLUMNS,
            [(TEAM, schedule_id, period.id, user, m.kind.value, m.theme, n) for (user, m), n in uses.items()],
        )


def _counts(period: Period, first: date, last: date) -> tuple[Counter[Mark], Counter[tuple[str, Mark]]]:
    marks: dict[tuple[str, str | None], frozenset[Mark]] = {}
    answers: Counter[Mark] = Counter()
    uses: Counter[tuple[str, Mark]] = Counter()
    day = max(period.start, first)
    while day <= min(period.end, last):
        for user, text, category in day_answers(day):
            if (text, category) not in marks:
                marks[(text, category)] = answer_marks(category, None, text)
            for mark in marks[(text, category)]:
                answers[mark] += 1
                uses[(user, mark)] += 1
        day += timedelta(days=1)
    return answers, uses
