"""Quiet hours in a person's zone: is an instant quiet, and when does the quiet end."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain.checkins.localtime import local_instant
from bot.domain.checkins.spec import QuietHours


def is_quiet(quiet: QuietHours | None, tz: ZoneInfo, at: datetime) -> bool:
    return quiet is not None and quiet.contains(at.astimezone(tz).time())


def quiet_ends_after(quiet: QuietHours, tz: ZoneInfo, at: datetime) -> datetime:
    """The first instant after `at` when the local clock reads `quiet.end` (DST-resolved)."""
    today = at.astimezone(tz).date()
    for offset in range(3):
        candidate = local_instant(today + timedelta(days=offset), quiet.end, tz)
        if candidate > at:
            return candidate
    raise AssertionError("a local time recurs within three days")  # pragma: no cover
