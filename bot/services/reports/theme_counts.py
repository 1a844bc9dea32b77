"""A period's figures from the answer tallies (models/theme_tallies.py), which every answer and
edit keeps in step: themes, counts by category and how many answered. Reading them costs a few
rows per period, however many answers the period had.

Themes follow `themes.find_themes`: a category or word shared by `themes.MIN_PEOPLE` different
people or more, where each anonymous answer is a person of its own and anonymous answers count
only when the period met the schedule's anonymity minimum (`anonymity.py`); so do the counts by
category.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from bot.domain.reports.anonymity import anonymous_results_visible
from bot.domain.reports.confidence import PeriodConfidence, period_confidence
from bot.domain.reports.periods import Period
from bot.domain.reports.tally_marks import MarkKind
from bot.domain.reports.themes import MIN_PEOPLE, Theme, sort_themes
from models.theme_tallies import ThemeTally


@dataclass(frozen=True)
class _Tally:
    kind: str
    theme: str
    named_people: int
    named_answers: int
    anonymous_answers: int


def period_themes(
    session: Session, team_id: str, schedule_id: int, period: Period, minimum: int
) -> list[Theme]:
    tallies = _tallies(session, team_id, schedule_id, period, shared=True)
    shown = _anonymous_shown(tallies, minimum)
    themes = []
    for tally in tallies:
        if tally.kind not in (MarkKind.CATEGORY, MarkKind.WORD):
            continue
        people = tally.named_people + (tally.anonymous_answers if shown else 0)
        if people >= MIN_PEOPLE:
            themes.append(Theme(tally.theme, tally.kind == MarkKind.CATEGORY, people))
    return sort_themes(themes)


def category_counts(
    session: Session, team_id: str, schedule_id: int, period: Period, minimum: int
) -> dict[str, int]:
    """Answers per category; anonymous ones only when the period met the minimum."""
    tallies = _tallies(session, team_id, schedule_id, period, MarkKind.CATEGORY, MarkKind.ANSWER)
    shown = _anonymous_shown(tallies, minimum)
    counts = {
        t.theme: t.named_answers + (t.anonymous_answers if shown else 0)
        for t in tallies
        if t.kind == MarkKind.CATEGORY
    }
    return {category: n for category, n in counts.items() if n > 0}


def answered_by_period(
    session: Session, team_id: str, schedule_id: int, periods: Sequence[Period]
) -> dict[str, int]:
    """Answers given, named and anonymous, per period id."""
    rows = session.execute(
        select(ThemeTally.period, ThemeTally.named_answers + ThemeTally.anonymous_answers).where(
            ThemeTally.team_id == team_id,
            ThemeTally.schedule_id == schedule_id,
            ThemeTally.period.in_([p.id for p in periods]),
            ThemeTally.kind == MarkKind.ANSWER.value,
            ThemeTally.theme == "",
        )
    )
    return {period: int(n) for period, n in rows}


def confidence_by_period(
    session: Session, team_id: str, schedule_id: int, periods: Sequence[Period], minimum: int
) -> list[PeriodConfidence]:
    """Each period's confidences (counts per value, a handful of rows a period); anonymous ones
    only where the period met the minimum."""
    rows = session.execute(
        select(
            ThemeTally.period,
            ThemeTally.kind,
            ThemeTally.theme,
            ThemeTally.named_answers,
            ThemeTally.anonymous_answers,
        ).where(
            ThemeTally.team_id == team_id,
            ThemeTally.schedule_id == schedule_id,
            ThemeTally.period.in_([p.id for p in periods]),
            ThemeTally.kind.in_([MarkKind.ANSWER.value, MarkKind.CONFIDENCE.value]),
        )
    ).all()
    named: dict[str, dict[int, int]] = {p.id: {} for p in periods}
    anonymous: dict[str, dict[int, int]] = {p.id: {} for p in periods}
    answered: dict[str, int] = {}
    for period, kind, theme, named_answers, anonymous_answers in rows:
        if kind == MarkKind.ANSWER:
            answered[period] = anonymous_answers
        elif theme.isdigit():
            named[period][int(theme)] = named_answers
            anonymous[period][int(theme)] = anonymous_answers
    return [
        period_confidence(
            p.id, named[p.id], anonymous[p.id], anonymous_answered=answered.get(p.id, 0), minimum=minimum
        )
        for p in periods
    ]


def _tallies(
    session: Session, team_id: str, schedule_id: int, period: Period, *kinds: MarkKind, shared: bool = False
) -> list[_Tally]:
    """The period's tallies of `kinds` (all if none); `shared`: only marks that could be themes,
    and the row of answers given, which says whether anonymous answers count."""
    query = select(
        ThemeTally.kind,
        ThemeTally.theme,
        ThemeTally.named_people,
        ThemeTally.named_answers,
        ThemeTally.anonymous_answers,
    ).where(
        ThemeTally.team_id == team_id,
        ThemeTally.schedule_id == schedule_id,
        ThemeTally.period == period.id,
    )
    if kinds:
        query = query.where(ThemeTally.kind.in_([k.value for k in kinds]))
    if shared:
        query = query.where(
            or_(
                ThemeTally.kind == MarkKind.ANSWER.value,
                ThemeTally.named_people + ThemeTally.anonymous_answers >= MIN_PEOPLE,
            )
        )
    return [_Tally(*row) for row in session.execute(query)]


def _anonymous_shown(tallies: list[_Tally], minimum: int) -> bool:
    anonymous = sum(t.anonymous_answers for t in tallies if t.kind == MarkKind.ANSWER)
    return anonymous_results_visible(anonymous, minimum)
