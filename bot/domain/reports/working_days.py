"""Working days: Monday to Friday, minus the workspace's holidays.

Every function takes the holidays as a set of dates, so the caller decides which workspace's
calendar applies. A month made entirely of holidays has no working day: those functions return
None rather than invent one, and the schedules built on them skip that month.
"""

import calendar
from collections.abc import Collection
from datetime import date, timedelta

SATURDAY = 5


def is_working_day(day: date, holidays: Collection[date]) -> bool:
    return day.weekday() < SATURDAY and day not in holidays


def working_days_in(year: int, month: int, holidays: Collection[date]) -> list[date]:
    last = calendar.monthrange(year, month)[1]
    days = (date(year, month, number) for number in range(1, last + 1))
    return [day for day in days if is_working_day(day, holidays)]


def first_working_day(year: int, month: int, holidays: Collection[date]) -> date | None:
    days = working_days_in(year, month, holidays)
    return days[0] if days else None


def last_working_day(year: int, month: int, holidays: Collection[date]) -> date | None:
    days = working_days_in(year, month, holidays)
    return days[-1] if days else None


MID_MONTH_DAY = 15


def mid_month(year: int, month: int, holidays: Collection[date]) -> date | None:
    """The 15th, or the next working day of the same month when the 15th is not one.

    It never spills into the next month: a pace check dated in April says nothing about March.
    """
    later = [day for day in working_days_in(year, month, holidays) if day.day >= MID_MONTH_DAY]
    return later[0] if later else None


def first_working_day_on_or_after(day: date, holidays: Collection[date], *, until: date) -> date | None:
    """The first working day in [day, until], for weekly schedules (Monday, or later if a holiday)."""
    while day <= until:
        if is_working_day(day, holidays):
            return day
        day += timedelta(days=1)
    return None
