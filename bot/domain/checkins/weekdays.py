"""Day lists as people type them ("mon,wed,fri", "mon-fri") and as they are stored ("mon,wed,fri")."""

from bot.domain.checkins.enums import Weekday

_NAMES = {day.short: day for day in Weekday}
_NAMES |= {
    name: day
    for day, name in zip(
        Weekday, ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"), strict=True
    )
}


def parse_weekdays(text: str) -> frozenset[Weekday] | None:
    """The days a comma-separated list names, or None if any item is not a day.

    Items are `mon`…`sun` (or full names), any case; `mon-fri` is a range and may wrap (`fri-mon`).
    """
    days: set[Weekday] = set()
    items = [item.strip().lower() for item in text.split(",")]
    if not items or any(not item for item in items):
        return None
    for item in items:
        first, dash, last = item.partition("-")
        if not dash:
            if first not in _NAMES:
                return None
            days.add(_NAMES[first])
            continue
        if first.strip() not in _NAMES or last.strip() not in _NAMES:
            return None
        start, end = _NAMES[first.strip()], _NAMES[last.strip()]
        span = (end - start) % 7
        days.update(Weekday((start + step) % 7) for step in range(span + 1))
    return frozenset(days)


def format_weekdays(days: frozenset[Weekday]) -> str:
    """Monday first: `mon,wed,fri`; what the schedules table stores and `parse_weekdays` reads back."""
    return ",".join(day.short for day in sorted(days))
