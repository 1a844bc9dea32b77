"""What staff said in a channel's check-ins, aggregated in SQL: participation per period,
counts by category and themes (theme_counts.py: from the period tallies each answer keeps), a
few quotable answers, follow-up counts. No answer text is read but the quotes'."""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import Session

from bot.domain.checkins.enums import DeliveryKind, FollowUpStatus
from bot.domain.reports.anonymity import ANONYMITY_FLOOR
from bot.domain.reports.digest_inputs import FollowupCounts
from bot.domain.reports.participation import PeriodParticipation
from bot.domain.reports.periods import Period
from bot.domain.reports.quotes import QuoteCandidate
from bot.services.followups.read_models import shown_to_people
from bot.services.reports.theme_counts import answered_by_period
from models.answers import AnonymousAnswer, Answer
from models.checkins import Delivery, Schedule
from models.followups import FollowUp

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
    """Prompts counted per local date (an index-only scan of (schedule, date)) and added up into
    each period; answers read from the period tallies."""
    first, last = periods[0].start, periods[-1].end
    rows = session.execute(
        select(Delivery.local_date, func.count())
        .where(
            Delivery.schedule_id == schedule_id,
            Delivery.team_id == team_id,
            Delivery.kind == DeliveryKind.PROMPT,
            Delivery.local_date.between(first, last),
        )
        .group_by(Delivery.local_date)
    )
    asked = {day: int(count) for day, count in rows}
    answered = answered_by_period(session, team_id, schedule_id, periods)
    return [
        PeriodParticipation(p.id, answered.get(p.id, 0), sum(n for d, n in asked.items() if p.contains(d)))
        for p in periods
    ]


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
    """Opened in the period (its local dates), resolved or closed in [start, end), open past due at
    `end`. An anonymous one counts only once its post is out of the hold (`shown_to_people`), and
    only when its day had the minimum answers (below it, no anonymous figure is shown)."""
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
            shown_to_people(),
            _named_or_enough_answered(),
            or_(
                FollowUp.local_date >= period.start,
                FollowUp.status.not_in(closed),
                FollowUp.resolved_at >= start,
            ),
        )
    ).one()
    return FollowupCounts(int(opened or 0), int(resolved or 0), int(overdue or 0))


def _named_or_enough_answered() -> ColumnElement[bool]:
    answered = (
        select(func.count())
        .where(
            AnonymousAnswer.team_id == FollowUp.team_id,
            AnonymousAnswer.schedule_id == FollowUp.schedule_id,
            AnonymousAnswer.local_date == FollowUp.local_date,
        )
        .scalar_subquery()
    )
    minimum = select(Schedule.min_answers).where(Schedule.id == FollowUp.schedule_id).scalar_subquery()
    return or_(FollowUp.author_id.is_not(None), and_(answered >= minimum, answered >= ANONYMITY_FLOOR))
