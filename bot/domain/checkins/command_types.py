"""What each `/checkin` subcommand carries, once parsed (bot/domain/checkins/commands.py)."""

from dataclasses import dataclass
from datetime import date, time

from bot.domain.checkins.enums import Weekday


@dataclass(frozen=True)
class OpenToday:
    """Bare `/checkin`: open today's check-in for the caller (also when away)."""


@dataclass(frozen=True)
class Help:
    pass


@dataclass(frozen=True)
class ScheduleForm:
    """`/checkin schedule`: open the schedule modal."""


@dataclass(frozen=True)
class ScheduleQuick:
    """`/checkin schedule mon,wed,fri 09:00`: every other setting at its default."""

    weekdays: frozenset[Weekday]
    local_time: time


@dataclass(frozen=True)
class ScheduleShow:
    pass


@dataclass(frozen=True)
class ScheduleOff:
    pass


@dataclass(frozen=True)
class Status:
    pass


@dataclass(frozen=True)
class Away:
    until: date  # the last day away, inclusive


@dataclass(frozen=True)
class Back:
    pass


@dataclass(frozen=True)
class HolidayAdd:
    day: date
    name: str


@dataclass(frozen=True)
class HolidayList:
    pass


@dataclass(frozen=True)
class HolidayRemove:
    day: date


@dataclass(frozen=True)
class Invalid:
    message: str


CheckinCommand = (
    OpenToday | Help | ScheduleForm | ScheduleQuick | ScheduleShow | ScheduleOff | Status | Away | Back
) | (HolidayAdd | HolidayList | HolidayRemove | Invalid)
