from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.checkins.away import Member, is_off, last_day_away, parse_away_length
from bot.domain.checkins.enums import Weekday
from bot.domain.checkins.weekdays import format_weekdays, parse_weekdays

W = Weekday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mon,wed,fri", {W.MON, W.WED, W.FRI}),
        ("Monday, Friday", {W.MON, W.FRI}),
        ("sun", {W.SUN}),
        ("mon-fri", {W.MON, W.TUE, W.WED, W.THU, W.FRI}),
        ("fri-mon", {W.FRI, W.SAT, W.SUN, W.MON}),
        ("mon,mon", {W.MON}),
    ],
)
def test_parse_weekdays(text, expected):
    assert parse_weekdays(text) == frozenset(expected)


@pytest.mark.parametrize("text", ["", ",", "mon,", "mo", "mon-", "-fri", "mon-xyz", "weekdays", "1,2"])
def test_parse_weekdays_refuses(text):
    assert parse_weekdays(text) is None


@given(st.frozensets(st.sampled_from(list(Weekday)), min_size=1))
def test_format_and_parse_round_trip(days):
    text = format_weekdays(days)
    assert parse_weekdays(text) == days
    assert text == ",".join(day.name.lower() for day in sorted(days))


@pytest.mark.parametrize(
    ("text", "days"), [("3d", 3), ("2w", 14), ("1 week", 7), ("10 days", 10), ("2W", 14)]
)
def test_away_lengths(text, days):
    assert parse_away_length(text) == days


@pytest.mark.parametrize("text", ["0d", "2", "w", "2 months", "-1d", "1.5w"])
def test_away_lengths_refused(text):
    assert parse_away_length(text) is None


def test_last_day_away_counts_today():
    assert last_day_away(1, date(2027, 3, 1)) == date(2027, 3, 1)
    assert last_day_away(14, date(2027, 3, 1)) == date(2027, 3, 14)


def test_is_off():
    away = Member("U1", "UTC", away_until=date(2027, 3, 3))
    present = Member("U2", "UTC")
    holidays = {date(2027, 3, 5)}
    assert is_off(away, date(2027, 3, 3), holidays) and not is_off(away, date(2027, 3, 4), holidays)
    assert is_off(present, date(2027, 3, 5), holidays) and not is_off(present, date(2027, 3, 3), holidays)
