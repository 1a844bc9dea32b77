"""The console's clock: the real (or a test's) clock, moved forward by `:at`.

The app reads it for every request (`now`, `today`), and `:at` ticks at it, so a check-in answered
after `:at 2027-03-01 09:00` is answered on that day. Once moved, it keeps running from there.
"""

import re
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain.zones import canonical_zone

_LOCAL = re.compile(r"(\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2})")


class ConsoleClock:
    def __init__(self, base: Callable[[], datetime]) -> None:
        self._base = base
        self._offset = timedelta()
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            return self._base() + self._offset

    def move_to(self, instant: datetime) -> None:
        with self._lock:
            self._offset = instant - self._base()


def parse_console_time(text: str, zone: ZoneInfo) -> datetime:
    """ "2027-03-01 09:00" in `zone`, or an ISO instant with an offset ("2027-03-01T08:00Z"), as
    an aware UTC datetime. ValueError says what to type instead."""
    text = text.strip()
    if match := _LOCAL.fullmatch(text):
        try:
            local = datetime.fromisoformat(f"{match.group(1)}T{match.group(2).zfill(5)}")
        except ValueError:
            raise ValueError(f"{text} is not a date and time on the calendar.") from None
        return local.replace(tzinfo=zone).astimezone(UTC)
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        parsed = None
    if parsed is None or parsed.tzinfo is None:
        raise ValueError(
            f"Use :at YYYY-MM-DD HH:MM (in {zone.key}) or an ISO instant with an offset, "
            "e.g. :at 2027-03-01 09:00 or :at 2027-03-01T08:00Z."
        )
    return parsed.astimezone(UTC)


def zone_named(text: str) -> str | None:
    """The IANA zone `text` names, in any case ("europe/berlin" is Europe/Berlin), or None."""
    return canonical_zone(text)  # the one zone parser (bot/domain/zones.py)
