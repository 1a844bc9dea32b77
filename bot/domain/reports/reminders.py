"""The monthly main-goal reminders and when each is due.

For a channel with a main goal this month: `month_start` on the first working day, `mid_month`
on the 15th (or the next working day), `month_end` on the last working day; all at the channel's
local time. A channel that has goals but no main goal gets `pick_one` on the first working day
instead of `month_start`. Reminders off silences all four.

How late is still useful after downtime (then it is skipped, see moments.py):
- month_start / pick_one: until the mid-month check is due (after that it would contradict it);
- mid_month: until the month-end post is due;
- month_end: until the next month's first working day, when the new month's reminder takes over.
"""

import enum
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from bot.domain.reports.local_time import local_date, local_instant
from bot.domain.reports.moments import Due, Moment, MomentKey, check_window, in_window, useful_until
from bot.domain.reports.months import month_id, months_between, next_month
from bot.domain.reports.working_days import first_working_day, last_working_day, mid_month

DEFAULT_REMINDER_TIME = time(9, 0)


class ReminderKind(enum.StrEnum):
    MONTH_START = "month_start"
    MID_MONTH = "mid_month"
    MONTH_END = "month_end"
    PICK_ONE = "pick_one"


@dataclass(frozen=True)
class ReminderSettings:
    channel_id: str
    zone: str  # IANA name; the service fills in DEFAULT_TIMEZONE when the channel set none
    at: time = DEFAULT_REMINDER_TIME
    enabled: bool = True


@dataclass(frozen=True)
class FocusState:
    """What the database says about the channel's goals when the tick runs.

    `focused_months` holds the "YYYY-MM" ids of months that have a main goal, so a wide catch-up
    window spanning two months decides each month on its own facts.
    """

    has_goals: bool
    focused_months: frozenset[str] = field(default_factory=frozenset)


def due_reminders(
    settings: ReminderSettings,
    focus: FocusState,
    holidays: Collection[date],
    since: datetime,
    now: datetime,
) -> Due:
    """The reminders whose local moment fell in (since, now]; keys (channel, kind, YYYY-MM)."""
    check_window(since, now)
    if not settings.enabled:
        return Due()
    # A moment's local date lies in its month, so a day's margin either side covers every zone.
    first = local_date(since, settings.zone) - timedelta(days=1)
    last = local_date(now, settings.zone) + timedelta(days=1)
    moments = [
        moment
        for year, month in months_between(first, last)
        for moment in month_reminders(settings, focus, holidays, year, month)
    ]
    return in_window(moments, since, now)


def month_reminders(
    settings: ReminderSettings, focus: FocusState, holidays: Collection[date], year: int, month: int
) -> Iterator[Moment]:
    """All of a month's reminders for the channel, due or not."""
    period = month_id(year, month)
    start, middle, end = _stages(settings, holidays, year, month)
    following = _stages(settings, holidays, *next_month(year, month))[0]
    month_over = local_instant(date(*next_month(year, month), 1), time(0, 0), settings.zone)

    def moment(kind: ReminderKind, at: datetime | None, next_stage: datetime | None) -> Iterator[Moment]:
        if at is not None:
            key = MomentKey(settings.channel_id, kind.value, period)
            yield Moment(key, at, useful_until(at, next_stage, month_over))

    if period in focus.focused_months:
        yield from moment(ReminderKind.MONTH_START, start, middle or end)
        yield from moment(ReminderKind.MID_MONTH, middle, end)
        yield from moment(ReminderKind.MONTH_END, end, following or month_over + timedelta(days=28))
    elif focus.has_goals:
        yield from moment(ReminderKind.PICK_ONE, start, middle or end)


def _stages(
    settings: ReminderSettings, holidays: Collection[date], year: int, month: int
) -> tuple[datetime | None, datetime | None, datetime | None]:
    def at(day: date | None) -> datetime | None:
        return None if day is None else local_instant(day, settings.at, settings.zone)

    return (
        at(first_working_day(year, month, holidays)),
        at(mid_month(year, month, holidays)),
        at(last_working_day(year, month, holidays)),
    )
