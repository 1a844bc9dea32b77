"""Report periods: ISO weeks ("2027-W03") and calendar months ("2027-03").

`period_for` reads what a person typed after `/goals report`: "week" (this ISO week, Monday to
Sunday), "month" (this calendar month) or "YYYY-MM". It returns None for anything else, so the
handler can say what to type instead.
"""

import enum
import re
from dataclasses import dataclass
from datetime import date, timedelta

from bot.domain.dates import add_months, month_end, month_start

_MONTH_ID = re.compile(r"([0-9]{4})-([0-9]{2})")
_WEEK_ID = re.compile(r"([0-9]{4})-W([0-9]{2})")


class PeriodKind(enum.StrEnum):
    WEEK = "week"
    MONTH = "month"


@dataclass(frozen=True, order=True)
class Period:
    start: date
    end: date  # inclusive
    kind: PeriodKind

    @property
    def id(self) -> str:
        if self.kind is PeriodKind.WEEK:
            year, week, _ = self.start.isocalendar()
            return f"{year:04d}-W{week:02d}"
        return f"{self.start.year:04d}-{self.start.month:02d}"

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def previous(self) -> "Period":
        return self.shifted(-1)

    def shifted(self, steps: int) -> "Period":
        if self.kind is PeriodKind.WEEK:
            return week_of(self.start + timedelta(weeks=steps))
        return month_of(add_months(self.start, steps))


def week_of(day: date) -> Period:
    monday = day - timedelta(days=day.weekday())
    return Period(monday, monday + timedelta(days=6), PeriodKind.WEEK)


def month_of(day: date) -> Period:
    return Period(month_start(day), month_end(day), PeriodKind.MONTH)


def period_for(spec: str, today: date) -> Period | None:
    text = spec.strip().lower()
    if text in ("", "week"):
        return week_of(today) if text == "week" else None
    if text == "month":
        return month_of(today)
    return parse_period_id(text)


def parse_period_id(text: str) -> Period | None:
    """ "2027-03" or "2027-W03" (case-insensitive) back to its Period; None when not a real one."""
    text = text.strip().upper()
    if match := _MONTH_ID.fullmatch(text):
        year, month = int(match[1]), int(match[2])
        return month_of(date(year, month, 1)) if 1 <= month <= 12 and year >= 1 else None
    if match := _WEEK_ID.fullmatch(text):
        try:
            return week_of(date.fromisocalendar(int(match[1]), int(match[2]), 1))
        except ValueError:
            return None
    return None


def recent_periods(period: Period, count: int = 4) -> list[Period]:
    """The last `count` periods ending with `period`, oldest first (the participation trend)."""
    return [period.shifted(steps) for steps in range(1 - count, 1)]
