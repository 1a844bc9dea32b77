"""Scanning consecutive windows of any sizes finds each prompt key exactly once."""

from datetime import date, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.checkins.due import due_prompts
from bot.domain.checkins.enums import Weekday
from bot.domain.checkins.localtime import local_instant, zone

from .factories import ZONES, audience, member, spec, utc

START = utc(2027, 2, 25)  # a month with the US and EU spring changes in it
END = utc(2027, 4, 2)
AWKWARD_TIMES = [time(9, 0), time(2, 30), time(1, 30), time(0, 0), time(23, 59)]


@settings(max_examples=60, deadline=None)
@given(
    # Minutes anywhere, or half hours, so that window edges also fall exactly on prompt instants.
    steps=st.lists(
        st.one_of(st.integers(1, 3 * 24 * 60), st.integers(1, 6 * 48).map(lambda n: n * 30)),
        min_size=1,
        max_size=400,
    ),
    weekdays=st.frozensets(st.sampled_from(list(Weekday)), min_size=1),
    at=st.sampled_from(AWKWARD_TIMES),
    window_hours=st.integers(min_value=1, max_value=24),
)
def test_consecutive_windows_yield_each_key_once(steps, weekdays, at, window_hours):
    schedule = spec(weekdays, at, window=timedelta(hours=window_hours))
    people = audience(schedule, *(member(f"U{i}", name) for i, name in enumerate(ZONES)))

    seen = []
    since = START
    for minutes in steps:
        now = min(since + timedelta(minutes=minutes), END)
        scan = due_prompts([people], since, now)
        seen += [(prompt.key, "due") for prompt in scan.due] + [
            (prompt.key, "skipped") for prompt in scan.skipped
        ]
        for prompt in scan.due:
            assert since < prompt.scheduled_at <= now < prompt.window_closes_at
        if now == END:
            break
        since = now
    else:  # the steps ran out before the end: one last window
        rest = due_prompts([people], since, END)
        seen += [(prompt.key, "due") for prompt in rest.due] + [
            (prompt.key, "skipped") for prompt in rest.skipped
        ]

    keys = [key for key, _ in seen]
    assert len(keys) == len(set(keys))
    assert {(key.schedule_id, key.user_id, key.local_date) for key in keys} == _expected_keys(weekdays, at)


def _expected_keys(weekdays, at):
    # Counted independently: each zone's local dates whose prompt instant lies in (START, END].
    expected = set()
    for i, name in enumerate(ZONES):
        tz = zone(name)
        day = date(2027, 2, 20)
        while day <= date(2027, 4, 5):
            if Weekday(day.weekday()) in weekdays and START < local_instant(day, at, tz) <= END:
                expected.add((1, f"U{i}", day))
            day += timedelta(days=1)
    return expected
