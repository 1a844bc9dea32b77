"""When a schedule prompts in one zone: its instants in a span, and the next one after an instant."""

from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain.checkins.enums import Weekday
from bot.domain.checkins.localtime import local_instant
from bot.domain.checkins.spec import ScheduleSpec

# The span's local dates, plus one day each side: a gap can push a date's local time past midnight.
_MARGIN = timedelta(days=1)


def prompts_between(
    spec: ScheduleSpec, tz: ZoneInfo, since: datetime, until: datetime
) -> Iterator[tuple[date, datetime]]:
    """(local date, UTC instant) of every prompt with `since < instant <= until`, in order.

    Prompts before `spec.starts_at` do not exist.
    """
    _require_aware(since, until)
    if not spec.weekdays or until <= since:
        return
    day = since.astimezone(tz).date() - _MARGIN
    last = until.astimezone(tz).date() + _MARGIN
    while day <= last:
        if Weekday(day.weekday()) in spec.weekdays:
            instant = local_instant(day, spec.local_time, tz)
            if since < instant <= until and (spec.starts_at is None or instant >= spec.starts_at):
                yield day, instant
        day += timedelta(days=1)


def last_prompt_at_or_before(spec: ScheduleSpec, tz: ZoneInfo, at: datetime) -> tuple[date, datetime] | None:
    """The latest prompt at or before `at`, looking back one week (every scheduled day recurs in it)."""
    prompts = list(prompts_between(spec, tz, at - timedelta(days=8), at))
    return prompts[-1] if prompts else None


def next_prompt_after(spec: ScheduleSpec, tz: ZoneInfo, at: datetime) -> tuple[date, datetime] | None:
    """The first prompt strictly after `at`, or None if the schedule has no days."""
    return next(iter(prompts_between(spec, tz, at, at + timedelta(days=8))), None)


def next_prompt_when_on(
    spec: ScheduleSpec, tz: ZoneInfo, at: datetime, is_off: Callable[[date], bool], horizon: timedelta
) -> tuple[date, datetime] | None:
    """The first prompt strictly after `at` on a day the person is not off (away, a holiday):
    the one they will get. None when every prompt within `horizon` falls on a day off."""
    return next((p for p in prompts_between(spec, tz, at, at + horizon) if not is_off(p[0])), None)


def _require_aware(*instants: datetime) -> None:
    if any(instant.tzinfo is None for instant in instants):
        raise ValueError("naive datetime: pass aware UTC instants")
