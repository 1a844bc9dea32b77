"""What staff said in a channel's check-ins, aggregated in SQL: participation per period,
counts by category, a few quotable answers, themes (theme_counts.py: words stored with each
answer, counted by distinct person), follow-up counts. No answer text is read but the quotes'."""

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from bot.domain.checkins.enums import DeliveryKind, FollowUpStatus
from bot.domain.reports.anonymity import anonymous_results_visible
from bot.domain.reports.digest_inputs import FollowupCounts
from bot.domain.reports.participation import PeriodParticipation
from bot.domain.reports.periods import Period
from bot.domain.reports.quotes import QuoteCandidate
from bot.services.reports.theme_counts import period_themes as period_themes  # one place for figures
from models.answers import AnonymousAnswer, Answer
from models.checkins import Delivery, FollowUp, Schedule

QUOTE_CANDIDATES = 12


def channel_schedule(session: Session, team_id: str, channel_id: str) -> tuple[int, int] | None:
    """(schedule id, anonymity minimum) of the channel's check-in, if it has one."""
    row = session.execute(
        select(Schedule.id, Schedule.min_answers).where(
            Schedule.team_id == team_id, Schedule.channel_id == channel_id
        )
    ).first()
    return None if row is None else (row.id, row.min_answers)


def participation_by_period(
    session: Session, team_id: str, schedule_id: int, periods: Sequence[Period]
) -> list[PeriodParticipation]:
    """Counts per local date (an index-only scan of (schedule, date)), added up into each period."""
    first, last = periods[0].start, periods[-1].end
    asked = _per_day(
        session,
        Delivery.local_date,
        Delivery.schedule_id == schedule_id,
        Delivery.team_id == team_id,
        Delivery.kind == DeliveryKind.PROMPT,
        Delivery.local_date.between(first, last),
    )
    answered = _per_day(
        session,
        Answer.local_date,
        Answer.team_id == team_id,
        Answer.schedule_id == schedule_id,
        Answer.local_date.between(first, last),
    )
    anonymous = _per_day(
        session,
        AnonymousAnswer.local_date,
        AnonymousAnswer.team_id == team_id,
        AnonymousAnswer.schedule_id == schedule_id,
        AnonymousAnswer.local_date.between(first, last),
    )

    def total(counts: dict[date, int], period: Period) -> int:
        return sum(n for day, n in counts.items() if period.contains(day))

    return [
        PeriodParticipation(p.id, total(answered, p) + total(anonymous, p), total(asked, p)) for p in periods
    ]


def _per_day(session: Session, day_column, *where) -> dict[date, int]:
    rows = session.execute(select(day_column, func.count()).where(*where).group_by(day_column))
    return {day: int(count) for day, count in rows}


def category_counts(
    session: Session, team_id: str, schedule_id: int, period: Period, minimum: int
) -> dict[str, int]:
    counts: dict[str, int] = {}
    for table in (Answer, AnonymousAnswer):
        rows = session.execute(
            select(table.category, func.count())
            .where(
                table.team_id == team_id,
                table.schedule_id == schedule_id,
                table.local_date.between(period.start, period.end),
            )
            .group_by(table.category)
        ).all()
        if table is AnonymousAnswer and not anonymous_results_visible(sum(n for _, n in rows), minimum):
            continue  # too few answered to show even counts
        for category, count in rows:
            if category is not None:
                counts[str(category)] = counts.get(str(category), 0) + count
    return counts


def quote_candidates(
    session: Session, team_id: str, schedule_id: int, period: Period, minimum: int
) -> list[QuoteCandidate]:
    """The newest open-text answers of the period, named and anonymous; the domain decides which show."""
    text = func.coalesce(Answer.obstacles, Answer.expectations)
    named = session.execute(
        select(text, Answer.local_date, Answer.user_id)
        .where(
            Answer.team_id == team_id,
            Answer.schedule_id == schedule_id,
            Answer.local_date.between(period.start, period.end),
            text.is_not(None),
            text != "",
        )
        .order_by(Answer.local_date.desc(), Answer.id.desc())
        .limit(QUOTE_CANDIDATES)
    ).all()
    per_day = (
        select(AnonymousAnswer.local_date.label("day"), func.count().label("answered"))
        .where(
            AnonymousAnswer.team_id == team_id,
            AnonymousAnswer.schedule_id == schedule_id,
            AnonymousAnswer.local_date.between(period.start, period.end),
        )
        .group_by(AnonymousAnswer.local_date)
        .subquery()
    )
    anon_text = func.coalesce(AnonymousAnswer.obstacles, AnonymousAnswer.expectations)
    anonymous = session.execute(
        select(anon_text, AnonymousAnswer.local_date, per_day.c.answered)
        .join(per_day, per_day.c.day == AnonymousAnswer.local_date)
        .where(
            AnonymousAnswer.team_id == team_id,
            AnonymousAnswer.schedule_id == schedule_id,
            AnonymousAnswer.local_date.between(period.start, period.end),
            anon_text.is_not(None),
            anon_text != "",
        )
        .order_by(AnonymousAnswer.local_date.desc())
        .limit(QUOTE_CANDIDATES)
    ).all()
    found = [QuoteCandidate(t, d, False, 1, minimum, author_key=u) for t, d, u in named]
    found += [QuoteCandidate(t, d, True, int(n), minimum) for t, d, n in anonymous]
    return sorted(found, key=lambda q: q.answered_on, reverse=True)


def followup_counts(
    session: Session, team_id: str, channel_id: str, period: Period, start: datetime, end: datetime
) -> FollowupCounts:
    """Opened in the period (its local dates), resolved or closed in [start, end), open past due at `end`."""
    where = (FollowUp.team_id == team_id, FollowUp.channel_id == channel_id)
    closed = (FollowUpStatus.RESOLVED, FollowUpStatus.NOT_OURS)
    opened, resolved, overdue = session.execute(
        select(
            func.sum(case((FollowUp.local_date.between(period.start, period.end), 1), else_=0)),
            func.sum(
                case(
                    (
                        (FollowUp.status.in_(closed))
                        & (FollowUp.resolved_at >= start)
                        & (FollowUp.resolved_at < end),
                        1,
                    ),
                    else_=0,
                )
            ),
            func.sum(case(((FollowUp.status.not_in(closed)) & (FollowUp.due_at < end), 1), else_=0)),
        ).where(
            *where,
            or_(
                FollowUp.local_date >= period.start,
                FollowUp.status.not_in(closed),
                FollowUp.resolved_at >= start,
            ),
        )
    ).one()
    return FollowupCounts(int(opened or 0), int(resolved or 0), int(overdue or 0))
