"""A wall-clock time on a local date, in an IANA zone, as an exact UTC instant.

DST is handled on purpose, the same way for every schedule in reports:
- a local time that does not exist (spring forward, e.g. 02:30 in New York on 2027-03-14) is
  read with the offset in force before the change, which lands it just after the gap (03:30);
- a local time that happens twice (fall back) is the first of the two (fold=0), so it fires once.
Both are what `zoneinfo` does with fold=0; this module exists so that rule has one home and a test.
"""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.domain.zones import canonical_zone


def zone(name: str) -> ZoneInfo:
    """The zone for an IANA name in any case (`europe/berlin`); raises ValueError (not a zoneinfo
    internals error) when unknown."""
    try:
        return ZoneInfo(canonical_zone(name) or name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValueError(f"unknown time zone {name!r}") from error


def local_instant(day: date, at: time, zone_name: str) -> datetime:
    wall = datetime.combine(day, at.replace(tzinfo=None, fold=0), tzinfo=zone(zone_name))
    return wall.astimezone(UTC)


def local_date(instant: datetime, zone_name: str) -> date:
    return require_aware(instant).astimezone(zone(zone_name)).date()


def require_aware(instant: datetime) -> datetime:
    """Naive datetimes are refused: guessing their zone is how reminders end up an hour off."""
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError(f"{instant!r} has no time zone; pass an aware UTC datetime")
    return instant
