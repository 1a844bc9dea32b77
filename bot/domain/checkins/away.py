"""Time off: who is away (until a date, inclusive) or on a workspace holiday, and "away 2w".

`away_until` is the last day away: `away until 2026-12-24` means not prompted on the 24th, back on
the 25th. `away 2w` starts today and covers 14 days (today … today+13). Someone who is off is not
prompted and not counted missing; they can still answer when they choose to.
"""

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta

MAX_AWAY = timedelta(days=366)
_LENGTH = re.compile(r"([0-9]{1,3})\s*(d|day|days|w|wk|wks|week|weeks)")


@dataclass(frozen=True)
class Member:
    """A person who may be asked: their IANA zone (already defaulted) and their time off."""

    user_id: str
    tz: str
    away_until: date | None = None


def is_off(member: Member, day: date, holidays: Collection[date] = ()) -> bool:
    """Off on `day` (the person's local date): away through it, or a workspace holiday."""
    return (member.away_until is not None and day <= member.away_until) or day in holidays


def parse_away_length(text: str) -> int | None:
    """Days in "3d", "2w", "1 week", "10 days"; None if it is not a length or is zero."""
    match = _LENGTH.fullmatch(text.strip().lower())
    if match is None:
        return None
    amount = int(match.group(1)) * (7 if match.group(2).startswith("w") else 1)
    return amount or None


def last_day_away(days: int, today: date) -> date:
    """`days` days starting today: 1 means today only."""
    return today + timedelta(days=days - 1)
