"""Wall-clock times in a person's zone, turned into exact instants across DST changes.

The rule for the two awkward cases (decided once, here):
- a local time that does not exist (spring forward, e.g. 02:30 in New York on 2027-03-14) means the
  first valid instant after the gap: the moment of the change (03:00 local, 07:00 UTC);
- a local time that happens twice (fall back, e.g. 01:30 in New York on 2027-11-07) means its first
  occurrence (01:30 EDT, 05:30 UTC). It is one local date, so the prompt key makes it fire once anyway.
"""

from datetime import UTC, date, datetime, time
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.domain.zones import canonical_zone


@lru_cache(maxsize=1024)
def zone(name: str, fallback: str = "UTC") -> ZoneInfo:
    """The zone a stored name means (any case); an empty or unknown name (Slack sends odd ones)
    means `fallback`."""
    try:
        return ZoneInfo(canonical_zone(name) or canonical_zone(fallback) or fallback)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


# Ticks ask for the same few (day, time, zone) triples every minute, across schedules.
@lru_cache(maxsize=65536)
def local_instant(day: date, at: time, tz: ZoneInfo) -> datetime:
    """The aware UTC instant when it is `at` on `day` in `tz` (see the module's rule for DST)."""
    wall = datetime.combine(day, at.replace(tzinfo=None, fold=0))
    first = wall.replace(tzinfo=tz)  # fold=0: the earlier reading when the hour repeats
    instant = first.astimezone(UTC)
    if instant.astimezone(tz).replace(tzinfo=None) == wall:
        return instant
    return _end_of_gap(wall, tz)


def local_date(instant: datetime, tz: ZoneInfo) -> date:
    return instant.astimezone(tz).date()


def _end_of_gap(wall: datetime, tz: ZoneInfo) -> datetime:
    # Inside a gap zoneinfo reads the wall time with the offset before (fold=0, a later instant)
    # and after (fold=1, an earlier instant) the change; the change itself lies between the two.
    # Bisect on whole seconds (offsets change on whole seconds) for the first instant past it.
    readings = (wall.replace(tzinfo=tz, fold=1), wall.replace(tzinfo=tz, fold=0))
    low, high = sorted(int(reading.timestamp()) for reading in readings)
    after = datetime.fromtimestamp(high, tz).utcoffset()
    while high - low > 1:
        middle = (low + high) // 2
        if datetime.fromtimestamp(middle, tz).utcoffset() == after:
            high = middle
        else:
            low = middle
    return datetime.fromtimestamp(high, UTC)
