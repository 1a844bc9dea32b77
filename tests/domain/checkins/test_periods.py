from datetime import UTC, date, datetime, time, timedelta

from bot.domain.checkins.enums import Weekday
from bot.domain.checkins.localtime import zone
from bot.domain.checkins.periods import Period, closes_at, is_late, period_for

from .factories import EVERY_DAY, MON_WED_FRI, spec, utc

BERLIN = zone("Europe/Berlin")
NEW_YORK = zone("America/New_York")
MONDAY = date(2027, 3, 1)


def _at(day: date, hour: int, minute: int = 0, tz=BERLIN) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=tz).astimezone(UTC)


def test_a_period_opens_at_the_prompt_and_is_late_after_the_window():
    schedule = spec(MON_WED_FRI)
    period = period_for(schedule, BERLIN, _at(MONDAY, 10))
    assert period == Period(MONDAY, _at(MONDAY, 9), _at(MONDAY, 13), _at(MONDAY + timedelta(days=1), 9))
    assert not is_late(period, _at(MONDAY, 12, 59))
    assert is_late(period, _at(MONDAY, 13))
    assert period_for(schedule, BERLIN, _at(MONDAY, 8, 59)) is None  # Friday's closed 24 h after opening


def test_with_gaps_between_days_the_period_closes_after_24_hours():
    schedule = spec(MON_WED_FRI)
    assert period_for(schedule, BERLIN, _at(MONDAY + timedelta(days=1), 8, 59)).local_date == MONDAY
    assert period_for(schedule, BERLIN, _at(MONDAY + timedelta(days=1), 9)) is None  # Tuesday: nothing open
    assert period_for(schedule, BERLIN, _at(MONDAY + timedelta(days=2), 9)).local_date == MONDAY + timedelta(
        days=2
    )


def test_a_daily_schedule_closes_at_the_next_prompt_even_when_that_is_23_hours_away():
    schedule = spec(EVERY_DAY)
    saturday = date(2027, 3, 13)  # New York springs forward overnight: Saturday 09:00 → Sunday 09:00 is 23 h
    opened = _at(saturday, 9, tz=NEW_YORK)
    assert closes_at(schedule, NEW_YORK, opened) == _at(saturday + timedelta(days=1), 9, tz=NEW_YORK)
    assert closes_at(schedule, NEW_YORK, opened) - opened == timedelta(hours=23)


def test_no_period_before_the_schedule_starts():
    schedule = spec(EVERY_DAY, starts_at=_at(MONDAY, 10))
    assert period_for(schedule, BERLIN, _at(MONDAY, 11)) is None
    assert period_for(
        schedule, BERLIN, _at(MONDAY + timedelta(days=1), 9, 30)
    ).local_date == MONDAY + timedelta(days=1)


def test_the_period_follows_the_persons_zone():
    schedule = spec(frozenset({Weekday.MON}))
    sydney = zone("Australia/Sydney")
    at = utc(2027, 2, 28, 23)  # Monday 10:00 in Sydney, still Sunday in UTC
    period = period_for(schedule, sydney, at)
    assert period is not None and period.local_date == MONDAY
    assert period_for(schedule, BERLIN, at) is None  # Sunday night in Berlin
