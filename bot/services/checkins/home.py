"""The App Home's check-in part: my next check-in, the ones open now, and whether I am away."""

from collections.abc import Callable
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.domain.checkins.away import MAX_AWAY, Member, is_off
from bot.domain.checkins.enums import DeliveryKind
from bot.domain.checkins.localtime import zone
from bot.domain.checkins.periods import period_for
from bot.domain.checkins.schedule_times import next_prompt_when_on
from bot.services.checkins.audience import holidays_between, person_of, schedules_asking
from bot.services.checkins.outbox import prompt_query
from bot.services.checkins.read_models import HomeCheckins, NextCheckin, OpenCheckin
from bot.services.checkins.specs import spec_of
from models.checkins import Delivery

# Time off is at most MAX_AWAY; a week past it finds every weekday once more.
_HORIZON = MAX_AWAY + timedelta(days=8)


def home_checkins(
    sessions: sessionmaker[Session], *, team_id: str, user_id: str, now: datetime, default_tz: str
) -> HomeCheckins:
    """`open` lists periods open now (also while away: they can still be answered); `next` is the
    soonest prompt after now across my channels that I will get: after my time off and holidays."""
    with sessions.begin() as session:
        person = person_of(session, team_id, user_id)
        tz = zone(person.tz if person and person.tz else default_tz, default_tz)
        today = now.astimezone(tz).date()
        me = Member(user_id, tz.key, person.away_until if person else None)
        holidays = holidays_between(session, team_id, today, today + _HORIZON)
        next_checkin: NextCheckin | None = None
        open_now = []
        for schedule in schedules_asking(session, team_id, user_id):
            spec = spec_of(schedule)
            not_sent = holidays | _answered_early(session, schedule.id, user_id, today)
            following = next_prompt_when_on(spec, tz, now, _off_for(me, not_sent), _HORIZON)
            if following is not None and (next_checkin is None or following[1] < next_checkin.at):
                next_checkin = NextCheckin(schedule.channel_id, following[1])
            period = period_for(spec, tz, now)
            if period is None:
                continue
            prompt = session.scalar(prompt_query(schedule.id, user_id, period.local_date))
            open_now.append(
                OpenCheckin(
                    schedule_id=schedule.id,
                    channel_id=schedule.channel_id,
                    local_date=period.local_date,
                    anonymous=schedule.anonymous,
                    late_at=period.late_at,
                    closes_at=period.closes_at,
                    answered=prompt is not None and prompt.answered,
                    delivery_id=prompt.id if prompt is not None and prompt.message_ts else None,
                )
            )
        return HomeCheckins(person.away_until if person else None, next_checkin, tuple(open_now), tz.key)


def _off_for(me: Member, not_sent: frozenset[date]) -> Callable[[date], bool]:
    """Days with no prompt for me: time off, holidays and days answered already."""
    return lambda day: is_off(me, day, not_sent)


def _answered_early(session: Session, schedule_id: int, user_id: str, today: date) -> frozenset[date]:
    """Days from today whose prompt is answered already (`/checkin` before its time): not sent."""
    query = select(Delivery.local_date).where(
        Delivery.schedule_id == schedule_id,
        Delivery.user_id == user_id,
        Delivery.kind == DeliveryKind.PROMPT,
        Delivery.sequence == 0,
        Delivery.answered.is_(True),
        Delivery.local_date >= today,
    )
    return frozenset(session.scalars(query))
