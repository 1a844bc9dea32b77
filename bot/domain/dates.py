"""Calendar arithmetic and the due-date phrases people write ("end of June", "Q2", "in 6 weeks")."""

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}
_MONTHS["sept"] = 9
_MONTH = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + ")"
_DAY = r"(?:[0-9]{1,2})(?:st|nd|rd|th)?"
_YEAR = r"[0-9]{4}"

_ISO = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_END_OF_MONTH_NAME = re.compile(rf"end of ({_MONTH})(?:,? ({_YEAR}))?")
_MONTH_DAY = re.compile(rf"({_MONTH})\.? ({_DAY})(?:,? ({_YEAR}))?")
_DAY_MONTH = re.compile(rf"({_DAY}) (?:of )?({_MONTH})\.?(?:,? ({_YEAR}))?")
_QUARTER = re.compile(rf"(?:end of )?q([1-4])(?:,? ({_YEAR}))?")
_END_OF_PERIOD = re.compile(
    r"(?:end of (?:(this|the|next) )?(month|quarter|year))|(this|next) (month|quarter|year)"
)
_IN_AMOUNT = re.compile(r"(?:in|within) ([0-9]{1,6}|an?|one|two|three|four|five|six) (day|week|month|year)s?")
_SMALL_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def month_start(d: date) -> date:
    return d.replace(day=1)


def month_end(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def add_months(d: date, n: int) -> date:
    """Move by whole months, clamping the day (Jan 31 + 1 month is Feb 28 or 29)."""
    year, month_index = divmod(d.year * 12 + d.month - 1 + n, 12)
    day = min(d.day, calendar.monthrange(year, month_index + 1)[1])
    return date(year, month_index + 1, day)


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def quarter_end(year: int, quarter: int) -> date:
    if not 1 <= quarter <= 4:
        raise ValueError(f"quarter must be 1-4, got {quarter}")
    return month_end(date(year, quarter * 3, 1))


def parse_due(text: str, today: date) -> date | None:
    """The date a phrase names, or None; a phrase without a year means the next such date."""
    phrase = " ".join(text.lower().split()).strip(" .,!")
    phrase = re.sub(r"^(?:by|on|before|until|due) ", "", phrase)
    phrase = re.sub(r"\bthe (end|q[1-4])\b", r"\1", phrase)
    try:
        return _parse_phrase(phrase, today)
    except (ValueError, OverflowError):
        # Impossible dates ("June 31") and arithmetic past year 9999 both mean "no date".
        return None


def _parse_phrase(phrase: str, today: date) -> date | None:
    if match := _ISO.fullmatch(phrase):
        return date(int(match[1]), int(match[2]), int(match[3]))
    if match := _END_OF_MONTH_NAME.fullmatch(phrase):
        month = _MONTHS[match[1]]
        return _next_on_or_after(today, match[2], lambda year: month_end(date(year, month, 1)))
    if match := _MONTH_DAY.fullmatch(phrase):
        return _day_of_month(today, _MONTHS[match[1]], match[2], match[3])
    if match := _DAY_MONTH.fullmatch(phrase):
        return _day_of_month(today, _MONTHS[match[2]], match[1], match[3])
    if match := _QUARTER.fullmatch(phrase):
        quarter = int(match[1])
        return _next_on_or_after(today, match[2], lambda year: quarter_end(year, quarter))
    if match := _END_OF_PERIOD.fullmatch(phrase):
        step = 1 if "next" in (match[1], match[3]) else 0
        return _end_of_period(today, match[2] or match[4], step)
    if match := _IN_AMOUNT.fullmatch(phrase):
        amount = _SMALL_NUMBERS.get(match[1]) or int(match[1])
        return _after(today, amount, match[2])
    return None


def _day_of_month(today: date, month: int, day_text: str, year_text: str | None) -> date | None:
    day = int(day_text.rstrip("stndrh"))
    # Feb 29 exists in 2000 (leap), so this rejects "June 31" without rejecting "Feb 29".
    if day > calendar.monthrange(2000, month)[1]:
        return None
    if year_text is not None:
        return date(int(year_text), month, day)
    # Without a year, Feb 29 means the next leap year's; eight years always contain one.
    for year in range(today.year, today.year + 9):
        if calendar.isleap(year) or (month, day) != (2, 29):
            candidate = date(year, month, day)
            if candidate >= today:
                return candidate
    return None


def _next_on_or_after(today: date, year_text: str | None, end_in_year: Callable[[int], date]) -> date:
    if year_text is not None:
        return end_in_year(int(year_text))
    this_year = end_in_year(today.year)
    return this_year if this_year >= today else end_in_year(today.year + 1)


def _end_of_period(today: date, period: str, step: int) -> date:
    if period == "month":
        return month_end(add_months(today, step))
    if period == "quarter":
        return month_end(add_months(quarter_end(today.year, quarter_of(today)), 3 * step))
    return date(today.year + step, 12, 31)


def _after(today: date, amount: int, unit: str) -> date:
    if unit == "day":
        return today + timedelta(days=amount)
    if unit == "week":
        return today + timedelta(weeks=amount)
    if unit == "month":
        return add_months(today, amount)
    return add_months(today, 12 * amount)
