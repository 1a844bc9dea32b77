"""When the scheduled digests are due.

- weekly: on the week's first working day (Monday, or the next working day when Monday is a
  holiday) at the channel's local time; it covers the previous ISO week, and its key's period is
  that week's id ("2027-W02" for the digest sent on Monday 2027-01-18).
- monthly: on the month's first working day; it covers the previous month ("2027-02" is sent on
  2027-03-01).
The default cadence sends both (the issue asks for weekly and monthly by default); a channel can
choose `weekly`, `monthly` or `off`. A late digest is useful until the next one of the same kind
is due; after that it is skipped (its numbers are in the next one).
"""

import enum
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bot.domain.reports.local_time import local_date, local_instant
from bot.domain.reports.moments import Due, Moment, MomentKey, check_window, in_window, useful_until
from bot.domain.reports.periods import Period, month_of, week_of
from bot.domain.reports.reminders import DEFAULT_REMINDER_TIME
from bot.domain.reports.working_days import first_working_day_on_or_after


class DigestCadence(enum.StrEnum):
    WEEKLY_AND_MONTHLY = "weekly and monthly"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    OFF = "off"


class DigestKind(enum.StrEnum):
    WEEKLY = "weekly_digest"
    MONTHLY = "monthly_digest"


@dataclass(frozen=True)
class DigestSettings:
    channel_id: str
    zone: str
    cadence: DigestCadence = DigestCadence.WEEKLY_AND_MONTHLY
    at: time = DEFAULT_REMINDER_TIME

    @property
    def kinds(self) -> tuple[DigestKind, ...]:
        return {
            DigestCadence.WEEKLY_AND_MONTHLY: (DigestKind.WEEKLY, DigestKind.MONTHLY),
            DigestCadence.WEEKLY: (DigestKind.WEEKLY,),
            DigestCadence.MONTHLY: (DigestKind.MONTHLY,),
            DigestCadence.OFF: (),
        }[self.cadence]


def due_digests(settings: DigestSettings, holidays: Collection[date], since: datetime, now: datetime) -> Due:
    """Digests whose moment fell in (since, now]; key (channel, kind, covered period id)."""
    check_window(since, now)
    first = local_date(since, settings.zone) - timedelta(days=1)
    last = local_date(now, settings.zone) + timedelta(days=1)
    moments: list[Moment] = []
    for kind in settings.kinds:
        moments.extend(_digests(settings, holidays, kind, first, last))
    return in_window(moments, since, now)


def covered_period(sent_in: Period) -> Period:
    """The period a digest sent during `sent_in` reports on: the one before."""
    return sent_in.previous()


def _digests(
    settings: DigestSettings, holidays: Collection[date], kind: DigestKind, first: date, last: date
) -> Iterator[Moment]:
    period = week_of(first) if kind is DigestKind.WEEKLY else month_of(first)
    while period.start <= last:
        at = _send_time(settings, holidays, period)
        if at is not None:
            after = period.shifted(1)
            next_at = _send_time(settings, holidays, after)
            fallback = local_instant(after.end + timedelta(days=1), time(0, 0), settings.zone)
            key = MomentKey(settings.channel_id, kind.value, covered_period(period).id)
            yield Moment(key, at, useful_until(at, next_at, fallback))
        period = period.shifted(1)


def _send_time(settings: DigestSettings, holidays: Collection[date], period: Period) -> datetime | None:
    day = first_working_day_on_or_after(period.start, holidays, until=period.end)
    return None if day is None else local_instant(day, settings.at, settings.zone)
