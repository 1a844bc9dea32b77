"""The console's clock (`:at` parsing, forward moves) and which instants a jump ticks at."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.entrypoints.console.clock import ConsoleClock, parse_console_time
from bot.entrypoints.console.ticking import MOST_STEPS, STEP, ticks_between

LONDON = ZoneInfo("Europe/London")


def test_a_local_time_is_read_in_the_consoles_zone():
    # 1 July: London is on summer time, an hour ahead of UTC.
    assert parse_console_time("2027-07-01 09:00", LONDON) == datetime(2027, 7, 1, 8, 0, tzinfo=UTC)
    assert parse_console_time("2027-03-01 9:05", LONDON) == datetime(2027, 3, 1, 9, 5, tzinfo=UTC)
    assert parse_console_time("2027-07-01T09:00", LONDON) == datetime(2027, 7, 1, 8, 0, tzinfo=UTC)


def test_an_iso_instant_keeps_its_own_offset():
    expected = datetime(2027, 3, 1, 7, 0, tzinfo=UTC)
    assert parse_console_time("2027-03-01T08:00+01:00", LONDON) == expected
    assert parse_console_time("2027-03-01T07:00Z", LONDON) == expected


@pytest.mark.parametrize("text", ["", "tomorrow", "2027-03-01", "2027-02-30 09:00", "09:00 2027-03-01"])
def test_anything_else_says_what_to_type(text):
    with pytest.raises(ValueError, match=r"YYYY-MM-DD HH:MM|not a date"):
        parse_console_time(text, LONDON)


def test_the_clock_moves_to_an_instant_and_keeps_running_from_there():
    wall = [datetime(2026, 1, 5, 9, 0, tzinfo=UTC)]
    clock = ConsoleClock(lambda: wall[0])
    target = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)

    clock.move_to(target)
    wall[0] += timedelta(minutes=3)

    assert clock.now() == target + timedelta(minutes=3)


def test_a_short_jump_is_one_tick_at_the_target():
    start = datetime(2027, 3, 1, 8, 0, tzinfo=UTC)
    assert ticks_between(start, start + timedelta(hours=23), LONDON) == [start + timedelta(hours=23)]


def test_a_jump_of_days_ticks_once_a_day_at_the_targets_time():
    start, target = datetime(2027, 3, 1, 8, 0, tzinfo=UTC), datetime(2027, 3, 4, 9, 30, tzinfo=UTC)
    assert ticks_between(start, target, LONDON) == [
        target - 3 * STEP,
        target - 2 * STEP,
        target - STEP,
        target,
    ]


def test_a_jump_of_months_ticks_daily_only_over_its_last_week():
    start, target = datetime(2026, 11, 24, 8, 0, tzinfo=UTC), datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
    instants = ticks_between(start, target, LONDON)
    assert instants == [target - n * STEP for n in range(MOST_STEPS, -1, -1)]


def test_days_skipped_across_a_dst_change_tick_at_the_same_local_time():
    # London moves to summer time on Sunday 2027-03-28: 09:30 local is 09:30 UTC before, 08:30 after.
    start = datetime(2027, 3, 25, 12, 0, tzinfo=UTC)
    target = parse_console_time("2027-03-30 09:30", LONDON)

    instants = ticks_between(start, target, LONDON)

    assert [i.astimezone(LONDON).strftime("%m-%d %H:%M") for i in instants] == [
        "03-26 09:30",
        "03-27 09:30",
        "03-28 09:30",
        "03-29 09:30",
        "03-30 09:30",
    ]
    assert instants[0] == datetime(2027, 3, 26, 9, 30, tzinfo=UTC)
    assert instants[-1] == datetime(2027, 3, 30, 8, 30, tzinfo=UTC)
