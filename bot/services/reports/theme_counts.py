"""A period's themes, counted in SQL: words from `answer_words` (stored with each answer by the
check-in services, by `themes.answer_words`) and categories from the answers, each counted by
distinct person key and kept at `themes.MIN_PEOPLE` or more. The same rule as
`themes.find_themes`, without reading a single answer's text.

People are counted as DISTINCT (word, person) pairs, then grouped: PostgreSQL hashes that, where
COUNT(DISTINCT …) per group sorts (2-3x slower in benchmarks/digest.py). Anonymous answers are their
own person keys (their random ids), and count only when the period
met the schedule's anonymity minimum.
"""

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.domain.reports.anonymity import anonymous_results_visible
from bot.domain.reports.periods import Period
from bot.domain.reports.themes import MIN_PEOPLE, Theme, sort_themes
from models.answers import AnonymousAnswer, Answer
from models.reports import AnswerWord


def period_themes(
    session: Session, team_id: str, schedule_id: int, period: Period, minimum: int
) -> list[Theme]:
    anonymous = _anonymous_categories(session, team_id, schedule_id, period)
    anonymous_shown = anonymous_results_visible(sum(anonymous.values()), minimum)
    people = _named_categories(session, team_id, schedule_id, period)
    if anonymous_shown:
        for category, count in anonymous.items():
            if category is not None:
                people[category] = people.get(category, 0) + count  # their keys never overlap
    themes = [Theme(c, True, n) for c, n in people.items() if n >= MIN_PEOPLE]
    themes += _word_themes(session, team_id, schedule_id, period, anonymous_shown)
    return sort_themes(themes)


def _word_themes(
    session: Session, team_id: str, schedule_id: int, period: Period, anonymous_shown: bool
) -> list[Theme]:
    where = [
        AnswerWord.team_id == team_id,
        AnswerWord.schedule_id == schedule_id,
        AnswerWord.local_date.between(period.start, period.end),
    ]
    if not anonymous_shown:
        where.append(AnswerWord.anonymous.is_(False))
    pairs = select(AnswerWord.word, AnswerWord.person_key).where(*where).distinct().subquery()
    rows = session.execute(
        select(pairs.c.word, func.count()).group_by(pairs.c.word).having(func.count() >= MIN_PEOPLE)
    )
    return [Theme(word, False, int(n)) for word, n in rows]


def _named_categories(session: Session, team_id: str, schedule_id: int, period: Period) -> dict[str, int]:
    pairs = (
        select(Answer.category, Answer.user_id)
        .where(
            Answer.team_id == team_id,
            Answer.schedule_id == schedule_id,
            Answer.local_date.between(period.start, period.end),
            Answer.category.is_not(None),
        )
        .distinct()
        .subquery()
    )
    rows = session.execute(select(pairs.c.category, func.count()).group_by(pairs.c.category))
    return {str(category): int(n) for category, n in rows}


def _anonymous_categories(
    session: Session, team_id: str, schedule_id: int, period: Period
) -> dict[str | None, int]:
    """Anonymous answers per category (None: no category); their sum is the period's count."""
    rows = session.execute(
        select(AnonymousAnswer.category, func.count())
        .where(
            AnonymousAnswer.team_id == team_id,
            AnonymousAnswer.schedule_id == schedule_id,
            AnonymousAnswer.local_date.between(period.start, period.end),
        )
        .group_by(AnonymousAnswer.category)
    )
    return {None if category is None else str(category): int(n) for category, n in rows}
