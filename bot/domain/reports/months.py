"""Walking calendar months: (year, month) pairs and their "YYYY-MM" ids."""

from collections.abc import Iterator
from datetime import date

YearMonth = tuple[int, int]


def month_id(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def next_month(year: int, month: int) -> YearMonth:
    return (year + 1, 1) if month == 12 else (year, month + 1)


def previous_month(year: int, month: int) -> YearMonth:
    return (year - 1, 12) if month == 1 else (year, month - 1)


def months_between(first: date, last: date) -> Iterator[YearMonth]:
    """Every month from first's to last's, both included."""
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        yield year, month
        year, month = next_month(year, month)
