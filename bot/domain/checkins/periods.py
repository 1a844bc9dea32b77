"""A check-in period: when a person's answer is on time, late, or no longer accepted.

A period opens at a prompt's instant and closes at the person's next scheduled prompt or 24 hours
later, whichever comes first. Answers at or after `opens_at + window` are late; at or after
`closes_at` the period is over. Boundaries follow the schedule only, not the person's time off,
so someone who is away can still answer today's check-in with `/checkin`. Today's period can be
answered before it opens (`early_period`: a shift that starts before the prompt); such an answer
counts exactly as one given at the prompt, which then is not sent.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain.checkins.localtime import local_instant
from bot.domain.checkins.schedule_times import last_prompt_at_or_before, next_prompt_after
from bot.domain.checkins.spec import ScheduleSpec

MAX_PERIOD = timedelta(hours=24)
# The last zone to reach any wall time (UTC-12): a day's period has closed for everyone once it
# has closed there. Anonymous answers keep only their local date, not their zone.
LAST_ZONE = ZoneInfo("Etc/GMT+12")


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


def early_period(spec: ScheduleSpec, tz: ZoneInfo, at: datetime) -> Period | None:
    """Today's period before its prompt has gone out (today: the local date of `at` in `tz`), so
    someone starting work early can answer it; None when today has no prompt still to come."""
    following = next_prompt_after(spec, tz, at)
    if following is None or following[0] != at.astimezone(tz).date():
        return None
    day, opens = following
    return Period(day, opens, opens + spec.window, closes_at(spec, tz, opens))


def todays_period(spec: ScheduleSpec, tz: ZoneInfo, at: datetime) -> Period | None:
    """What `/checkin` opens: today's check-in, also before its prompt time; else the period open
    now (yesterday's, on a day without a prompt); else None."""
    return early_period(spec, tz, at) or period_for(spec, tz, at)


def answerable_period(spec: ScheduleSpec, tz: ZoneInfo, at: datetime, for_date: date | None) -> Period | None:
    """The period an answer at `at` goes to. Without `for_date` (a DM reply) only the open one;
    with it (a form, a prompt's button), that date's period if it is open now or is today's
    still to come; None otherwise (it has closed: an old prompt never answers a newer period)."""
    open_now = period_for(spec, tz, at)
    if for_date is None or (open_now is not None and open_now.local_date == for_date):
        return open_now
    early = early_period(spec, tz, at)
    return early if early is not None and early.local_date == for_date else None


def is_late(period: Period, at: datetime) -> bool:
    """Answered after the response window (but, if the caller checked `is_open`, still accepted)."""
    return at >= period.late_at


def closed_everywhere(spec: ScheduleSpec, local_date: date) -> datetime:
    """When the period of `local_date` has closed in every zone: nobody can still answer it."""
    opened = local_instant(local_date, spec.local_time, LAST_ZONE)
    return closes_at(spec, LAST_ZONE, opened)
