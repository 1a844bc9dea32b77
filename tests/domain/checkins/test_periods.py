from datetime import UTC, date, datetime, time, timedelta

from bot.domain.checkins.enums import Weekday
from bot.domain.checkins.localtime import zone
from bot.domain.checkins.periods import (
    Period,
    answerable_period,
    closes_at,
    early_period,
    is_late,
    period_for,
    todays_period,
)

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


def test_todays_check_in_can_be_answered_before_its_prompt_and_counts_as_on_time():
    schedule = spec(MON_WED_FRI)
    seven = _at(MONDAY, 7)  # a shift starting at 07:00; the prompt is at 09:00
    today = Period(MONDAY, _at(MONDAY, 9), _at(MONDAY, 13), _at(MONDAY + timedelta(days=1), 9))
    assert period_for(schedule, BERLIN, seven) is None
    assert early_period(schedule, BERLIN, seven) == today == todays_period(schedule, BERLIN, seven)
    assert answerable_period(schedule, BERLIN, seven, MONDAY) == today and not is_late(today, seven)
    assert answerable_period(schedule, BERLIN, seven, None) is None  # a DM reply answers open periods only
    # Midnight in Berlin is still Sunday in New York: there, Monday's check-in is not today's yet.
    assert early_period(schedule, NEW_YORK, _at(MONDAY, 0, 30)) is None


def test_today_wins_over_yesterdays_still_open_period_but_yesterdays_prompt_still_answers_it():
    schedule = spec(EVERY_DAY)
    sunday, seven = MONDAY - timedelta(days=1), _at(MONDAY, 7)
    assert period_for(schedule, BERLIN, seven).local_date == sunday  # open until Monday's 09:00
    assert todays_period(schedule, BERLIN, seven).local_date == MONDAY
    assert answerable_period(schedule, BERLIN, seven, sunday).local_date == sunday
    assert answerable_period(schedule, BERLIN, seven, MONDAY).local_date == MONDAY
    assert answerable_period(schedule, BERLIN, seven, MONDAY + timedelta(days=1)) is None


def test_on_a_day_without_a_prompt_there_is_nothing_early_to_answer():
    schedule = spec(MON_WED_FRI)
    tuesday = MONDAY + timedelta(days=1)
    assert early_period(schedule, BERLIN, _at(tuesday, 7)) is None
    assert todays_period(schedule, BERLIN, _at(tuesday, 7)).local_date == MONDAY  # still open
    assert todays_period(schedule, BERLIN, _at(tuesday, 10)) is None
    assert answerable_period(schedule, BERLIN, _at(tuesday, 7), tuesday) is None
    after = _at(MONDAY, 10)  # today's prompt has gone: today's period is the open one
    assert early_period(schedule, BERLIN, after) is None
    assert todays_period(schedule, BERLIN, after) == period_for(schedule, BERLIN, after)
