"""`/checkin status`: this period's response rate for a channel, and who is still missing.

"This period" is each person's latest prompt at or before now, in their zone. People off that day
(away, holiday) are neither asked nor missing. For an anonymous check-in only the counts come back:
`answered` comes from the prompt rows' flag, never from the answers. Owner and admins only.
"""

from datetime import date, datetime, timedelta

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session, sessionmaker

from bot.domain.checkins.away import is_off
from bot.domain.checkins.enums import DeliveryKind
from bot.domain.checkins.localtime import zone
from bot.domain.checkins.schedule_times import last_prompt_at_or_before
from bot.services.actor import Actor
from bot.services.checkins.audience import asked_members, holidays_between
from bot.services.checkins.read_models import CheckinStatus
from bot.services.checkins.refusals import NoSchedule, NotScheduleOwner
from bot.services.checkins.schedules import find_schedule
from bot.services.checkins.specs import spec_of
from models.answers import Answer
from models.checkins import Delivery


def checkin_status(
    sessions: sessionmaker[Session], actor: Actor, *, channel_id: str, now: datetime, default_tz: str
) -> CheckinStatus:
    with sessions.begin() as session:
        schedule = find_schedule(session, actor.team_id, channel_id)
        if schedule is None or not schedule.active:
            raise NoSchedule(channel_id)
        if not actor.may_edit(schedule.owner_id):
            raise NotScheduleOwner(channel_id, schedule.owner_id)
        spec = spec_of(schedule)
        holidays = holidays_between(
            session, actor.team_id, (now - timedelta(days=9)).date(), (now + timedelta(days=1)).date()
        )
        due = {}
        for member in asked_members(session, schedule, default_tz):
            latest = last_prompt_at_or_before(spec, zone(member.tz, default_tz), now)
            if latest is not None and not is_off(member, latest[0], holidays):
                due[member.user_id] = latest[0]
        answered = _answered(session, schedule.id, schedule.anonymous, due)
        missing = () if schedule.anonymous else tuple(sorted(due.keys() - answered))
        return CheckinStatus(channel_id, schedule.anonymous, len(answered), len(due), missing)


def _answered(session: Session, schedule_id: int, anonymous: bool, due: dict[str, date]) -> set[str]:
    if not due:
        return set()
    keys = sorted(due.items())
    if anonymous:
        query = select(Delivery.user_id).where(
            Delivery.schedule_id == schedule_id,
            Delivery.kind == DeliveryKind.PROMPT,
            Delivery.sequence == 0,
            Delivery.answered.is_(True),
            tuple_(Delivery.user_id, Delivery.local_date).in_(keys),
        )
    else:
        query = select(Answer.user_id).where(
            Answer.schedule_id == schedule_id, tuple_(Answer.user_id, Answer.local_date).in_(keys)
        )
    return set(session.scalars(query))
