from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.checkins.localtime import local_instant, zone

from .factories import ZONES, utc

NEW_YORK = zone("America/New_York")
BERLIN = zone("Europe/Berlin")


@pytest.mark.parametrize(
    ("day", "tz", "expected"),
    [
        # 09:00 is exact on both sides of each 2027 change: EST/EDT are UTC-5/-4, CET/CEST UTC+1/+2.
        (date(2027, 3, 13), NEW_YORK, utc(2027, 3, 13, 14)),
        (date(2027, 3, 14), NEW_YORK, utc(2027, 3, 14, 13)),
        (date(2027, 11, 6), NEW_YORK, utc(2027, 11, 6, 13)),
        (date(2027, 11, 7), NEW_YORK, utc(2027, 11, 7, 14)),
        (date(2027, 3, 27), BERLIN, utc(2027, 3, 27, 8)),
        (date(2027, 3, 28), BERLIN, utc(2027, 3, 28, 7)),
        (date(2027, 10, 30), BERLIN, utc(2027, 10, 30, 7)),
        (date(2027, 10, 31), BERLIN, utc(2027, 10, 31, 8)),
    ],
)
def test_nine_oclock_is_nine_oclock_across_dst(day, tz, expected):
    assert local_instant(day, time(9, 0), tz) == expected


@pytest.mark.parametrize(
    ("day", "at", "tz", "expected"),
    [
        # Spring forward: 02:00–03:00 does not exist; anything in it means the change itself (03:00).
        (date(2027, 3, 14), time(2, 30), NEW_YORK, utc(2027, 3, 14, 7)),
        (date(2027, 3, 14), time(2, 0), NEW_YORK, utc(2027, 3, 14, 7)),
        (date(2027, 3, 14), time(2, 59), NEW_YORK, utc(2027, 3, 14, 7)),
        (date(2027, 3, 28), time(2, 30), BERLIN, utc(2027, 3, 28, 1)),
        # Fall back: 01:00–02:00 (New York) and 02:00–03:00 (Berlin) happen twice; the first counts.
        (date(2027, 11, 7), time(1, 30), NEW_YORK, utc(2027, 11, 7, 5, 30)),
        (date(2027, 10, 31), time(2, 30), BERLIN, utc(2027, 10, 31, 0, 30)),
    ],
)
def test_missing_and_repeated_local_times(day, at, tz, expected):
    assert local_instant(day, at, tz) == expected


def test_a_missing_time_lands_on_the_first_valid_instant_after_the_gap():
    instant = local_instant(date(2027, 3, 14), time(2, 30), NEW_YORK)
    assert instant.astimezone(NEW_YORK).time() == time(3, 0)
    one_second_before = instant - timedelta(seconds=1)
    assert one_second_before.astimezone(NEW_YORK).time() == time(1, 59, 59)


def test_a_thirty_minute_gap_is_handled_too():
    lord_howe = zone("Australia/Lord_Howe")  # moves by 30 minutes, on 2027-10-03 at 02:00
    instant = local_instant(date(2027, 10, 3), time(2, 15), lord_howe)
    assert instant.astimezone(lord_howe).time() == time(2, 30)
    assert (instant - timedelta(seconds=1)).astimezone(lord_howe).time() == time(1, 59, 59)


@pytest.mark.parametrize("name", ["", "Mars/Olympus_Mons", "../etc/passwd"])
def test_an_unknown_zone_name_falls_back(name):
    assert zone(name) == zone("UTC")
    assert zone(name, "Europe/Berlin") == BERLIN


@given(
    st.sampled_from((*ZONES, "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Chatham")),
    st.dates(date(2026, 1, 1), date(2028, 12, 31)),
    st.times(),
)
def test_the_instant_reads_back_as_the_wall_time_unless_that_time_does_not_exist(name, day, at):
    tz = zone(name)
    at = at.replace(microsecond=0)
    instant = local_instant(day, at, tz)
    assert instant.tzinfo is UTC
    wall = instant.astimezone(tz).replace(tzinfo=None)
    asked = datetime.combine(day, at)
    if wall != asked:
        # Only a gap moves it, forward, and to an instant whose second before is before the gap.
        assert asked < wall <= asked + timedelta(hours=2)
        before = (instant - timedelta(seconds=1)).astimezone(tz).replace(tzinfo=None)
        assert before < asked
    else:
        # It is the first of the (at most two) instants with that wall time.
        assert instant.astimezone(tz).fold == 0
