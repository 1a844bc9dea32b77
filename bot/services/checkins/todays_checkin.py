"""What `/checkin` opens: today's check-in, also before its prompt time and while away (a shift
that starts at 07:00 answers the 09:00 check-in then). The answer is recorded as one to today's
prompt (bot/services/checkins/answers.py), which is then not sent."""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session, sessionmaker

from bot.domain.checkins.localtime import zone
from bot.domain.checkins.periods import todays_period
from bot.services.checkins.audience import person_of, schedules_asking
from bot.services.checkins.specs import spec_of


@dataclass(frozen=True)
class TodaysCheckin:
    channel_id: str
    local_date: date


def checkin_to_open(
    sessions: sessionmaker[Session],
    *,
    team_id: str,
    user_id: str,
    now: datetime,
    default_tz: str,
    prefer: str | None = None,
) -> TodaysCheckin | None:
    """What `/checkin` opens: today's check-in in `prefer` (where it was typed) if that channel
    asks the person, also before its prompt time and while they are away; else the latest of the
    others'; None when none has one today or open now."""
    with sessions.begin() as session:
        person = person_of(session, team_id, user_id)
        tz = zone(person.tz if person and person.tz else default_tz, default_tz)
        found = []
        for schedule in schedules_asking(session, team_id, user_id):
            period = todays_period(spec_of(schedule), tz, now)
            if period is not None:
                found.append((schedule.channel_id, period))
    if not found:
        return None
    channel_id, period = next(
        (f for f in found if f[0] == prefer), max(found, key=lambda f: (f[1].local_date, f[1].opens_at))
    )
    return TodaysCheckin(channel_id, period.local_date)
