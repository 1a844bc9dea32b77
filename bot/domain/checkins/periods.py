"""A check-in period: when a person's answer is on time, late, or no longer accepted.

A period opens at a prompt's instant and closes at the person's next scheduled prompt or 24 hours
later, whichever comes first. Answers at or after `opens_at + window` are late; at or after
`closes_at` the period is over. Boundaries follow the schedule only, not the person's time off,
so someone who is away can still answer today's check-in with `/checkin`.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain.checkins.schedule_times import last_prompt_at_or_before, next_prompt_after
from bot.domain.checkins.spec import ScheduleSpec

MAX_PERIOD = timedelta(hours=24)


@dataclass(frozen=True)
class Period:
    local_date: date
    opens_at: datetime
    late_at: datetime
    closes_at: datetime

    def is_open(self, at: datetime) -> bool:
        return self.opens_at <= at < self.closes_at


def closes_at(spec: ScheduleSpec, tz: ZoneInfo, opened_at: datetime) -> datetime:
    """The earlier of the next prompt after `opened_at` and 24 hours after it."""
    following = next_prompt_after(spec, tz, opened_at)
    cap = opened_at + MAX_PERIOD
    return cap if following is None else min(following[1], cap)


def period_for(spec: ScheduleSpec, tz: ZoneInfo, at: datetime) -> Period | None:
    """The period open at `at` for someone in `tz`, or None between periods (nothing to answer)."""
    latest = last_prompt_at_or_before(spec, tz, at)
    if latest is None:
        return None
    day, opened = latest
    period = Period(day, opened, opened + spec.window, closes_at(spec, tz, opened))
    return period if period.is_open(at) else None


def is_late(period: Period, at: datetime) -> bool:
    """Answered after the response window (but, if the caller checked `is_open`, still accepted)."""
    return at >= period.late_at
