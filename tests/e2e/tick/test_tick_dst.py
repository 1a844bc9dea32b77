"""Local time is exact across both 2027 DST changes in America/New_York and Europe/Berlin: 09:00
stays 09:00 local; 02:30 that does not exist (spring forward) fires once at the change; 01:30 or
02:30 that happens twice (fall back) fires once, at the first occurrence. Ticks run every 30
minutes of each local night and morning (every 3 hours besides) through the three days around
each change."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.domain.checkins.enums import Weekday
from bot.domain.checkins.spec import ReminderPolicy
from tests.handlers.checkins.delivery_setup import add_channel

EVERY_DAY = frozenset(Weekday)
NO_REMINDERS = ReminderPolicy(count=0)
MADE_AT = datetime(2027, 1, 3, 12, tzinfo=UTC)


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


# (first day, person → zone, local time, expected UTC prompt instants over the three days)
CHANGES = {
    "new-york-spring": (
        date(2027, 3, 13),
        {"U0NY9": ("America/New_York", time(9)), "U0NY230": ("America/New_York", time(2, 30))},
        {
            "U0NY9": [utc(2027, 3, 13, 14), utc(2027, 3, 14, 13), utc(2027, 3, 15, 13)],
            # 02:30 on the 14th does not exist: once, at the change (03:00 EDT).
            "U0NY230": [utc(2027, 3, 13, 7, 30), utc(2027, 3, 14, 7), utc(2027, 3, 15, 6, 30)],
        },
    ),
    "berlin-spring": (
        date(2027, 3, 27),
        {"U0BE9": ("Europe/Berlin", time(9)), "U0BE230": ("Europe/Berlin", time(2, 30))},
        {
            "U0BE9": [utc(2027, 3, 27, 8), utc(2027, 3, 28, 7), utc(2027, 3, 29, 7)],
            "U0BE230": [utc(2027, 3, 27, 1, 30), utc(2027, 3, 28, 1), utc(2027, 3, 29, 0, 30)],
        },
    ),
    "berlin-fall": (
        date(2027, 10, 30),
        {"U0BE9": ("Europe/Berlin", time(9)), "U0BE230": ("Europe/Berlin", time(2, 30))},
        {
            "U0BE9": [utc(2027, 10, 30, 7), utc(2027, 10, 31, 8), utc(2027, 11, 1, 8)],
            # 02:30 happens twice on the 31st: once, at the first (CEST, 00:30 UTC), not at 01:30 UTC.
            "U0BE230": [utc(2027, 10, 30, 0, 30), utc(2027, 10, 31, 0, 30), utc(2027, 11, 1, 1, 30)],
        },
    ),
    "new-york-fall": (
        date(2027, 11, 6),
        {"U0NY9": ("America/New_York", time(9)), "U0NY130": ("America/New_York", time(1, 30))},
        {
            "U0NY9": [utc(2027, 11, 6, 13), utc(2027, 11, 7, 14), utc(2027, 11, 8, 14)],
            "U0NY130": [utc(2027, 11, 6, 5, 30), utc(2027, 11, 7, 5, 30), utc(2027, 11, 8, 6, 30)],
        },
    ),
}


@pytest.mark.parametrize("change", CHANGES)
def test_prompts_across_a_dst_change_come_once_a_day_at_the_local_time(change, ticks, sessions, slack_api):
    first_day, people, expected = CHANGES[change]
    for n, (user_id, (tz, at)) in enumerate(people.items()):
        add_channel(
            sessions,
            slack_api,
            f"C{n}DST",
            {user_id: tz},
            made_at=MADE_AT,
            weekdays=EVERY_DAY,
            local_time=at,
            reminders=NO_REMINDERS,
        )
    ticks.watch(people)
    start = datetime.combine(first_day, time(), UTC)

    zone = ZoneInfo(next(iter(people.values()))[0])
    at = start - timedelta(hours=6)
    while at < start + timedelta(days=3):
        # Every half hour of the local night and morning (each prompt, the skipped and the repeated
        # hour), every 3 hours besides: a prompt due at another time is still seen, and its tick
        # then differs from its scheduled_at.
        if at.astimezone(zone).hour < 10 or (at.hour % 3 == 0 and at.minute == 0):
            ticks.tick(at)
        at += timedelta(minutes=30)

    assert {user: [g.tick for g in ticks.got[user]] for user in people} == expected
    # Each went out the moment it was due, and its row says when that was.
    assert all(g.tick == g.scheduled_at for user in people for g in ticks.got[user])
