import itertools
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.reports.local_time import local_instant
from bot.domain.reports.moments import Due
from bot.domain.reports.reminders import FocusState, ReminderSettings, due_reminders

BERLIN = ReminderSettings(channel_id="C1", zone="Europe/Berlin")
FOCUSED = FocusState(has_goals=True, focused_months=frozenset({"2027-03", "2027-04"}))
HOLIDAYS = {date(2027, 3, 1)}  # a Monday: March's first working day becomes the 2nd


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def kinds(due: Due) -> list[tuple[str, str]]:
    return [(m.kind, m.period) for m in due.send]


def test_a_quarter_of_hourly_ticks_sends_each_reminder_once_at_local_nine():
    start, end = utc(2027, 2, 28), utc(2027, 5, 1)
    sent = []
    tick = start
    while tick < end:
        sent.extend(due_reminders(BERLIN, FOCUSED, HOLIDAYS, tick, tick + timedelta(hours=1)).send)
        tick += timedelta(hours=1)
    by_key = {(m.kind, m.period): m.at for m in sent}
    assert len(by_key) == len(sent)
    assert by_key == {
        ("month_start", "2027-03"): utc(2027, 3, 2, 8),  # 09:00 CET, the 1st is a holiday
        ("mid_month", "2027-03"): utc(2027, 3, 15, 8),
        ("month_end", "2027-03"): utc(2027, 3, 31, 7),  # 09:00 CEST after the March change
        ("month_start", "2027-04"): utc(2027, 4, 1, 7),
        ("mid_month", "2027-04"): utc(2027, 4, 15, 7),
        ("month_end", "2027-04"): utc(2027, 4, 30, 7),
    }


def test_a_channel_with_goals_but_no_main_goal_gets_pick_one_only():
    focus = FocusState(has_goals=True)
    due = due_reminders(BERLIN, focus, HOLIDAYS, utc(2027, 3, 1), utc(2027, 3, 3))
    assert kinds(due) == [("pick_one", "2027-03")]
    rest = due_reminders(BERLIN, focus, HOLIDAYS, utc(2027, 3, 3), utc(2027, 4, 1))
    assert rest == Due()


def test_a_channel_without_goals_gets_nothing():
    due = due_reminders(BERLIN, FocusState(has_goals=False), HOLIDAYS, utc(2027, 3, 1), utc(2027, 4, 1))
    assert due == Due()


def test_reminders_off_silences_pick_one_too():
    off = ReminderSettings(channel_id="C1", zone="Europe/Berlin", enabled=False)
    assert due_reminders(off, FocusState(has_goals=True), HOLIDAYS, utc(2027, 3, 1), utc(2027, 4, 1)) == Due()


def test_the_channel_time_and_zone_are_used():
    tokyo = ReminderSettings(channel_id="C1", zone="Asia/Tokyo", at=time(7, 30))
    due = due_reminders(tokyo, FOCUSED, set(), utc(2027, 3, 1), utc(2027, 3, 2))
    # 07:30 in Tokyo on Monday 1 March is 22:30 UTC on 28 February: before the window.
    assert due == Due()
    due = due_reminders(tokyo, FOCUSED, set(), utc(2027, 2, 28), utc(2027, 3, 1))
    assert [(m.kind, m.at) for m in due.send] == [("month_start", utc(2027, 2, 28, 22, 30))]


def test_after_downtime_a_late_reminder_still_goes_until_the_next_stage():
    # Down from 28 Feb to 10 March: the month-start reminder is late but still useful.
    due = due_reminders(BERLIN, FOCUSED, HOLIDAYS, utc(2027, 2, 28), utc(2027, 3, 10))
    assert kinds(due) == [("month_start", "2027-03")]
    assert due.skip == ()


def test_after_long_downtime_stale_reminders_are_skipped_and_only_the_current_one_sent():
    due = due_reminders(BERLIN, FOCUSED, HOLIDAYS, utc(2027, 2, 28), utc(2027, 3, 20))
    assert kinds(due) == [("mid_month", "2027-03")]
    assert [(m.kind, m.period) for m in due.skip] == [("month_start", "2027-03")]


def test_month_end_is_useful_until_the_next_first_working_day():
    late = due_reminders(BERLIN, FOCUSED, HOLIDAYS, utc(2027, 3, 30), utc(2027, 4, 1, 6, 59))
    assert kinds(late) == [("month_end", "2027-03")]
    too_late = due_reminders(BERLIN, FOCUSED, HOLIDAYS, utc(2027, 3, 30), utc(2027, 4, 1, 7))
    assert kinds(too_late) == [("month_start", "2027-04")]
    assert [m.kind for m in too_late.skip] == ["month_end"]


def test_a_nonexistent_local_time_is_read_after_the_gap_and_a_repeated_one_once():
    # New York springs forward at 02:00 on 2027-03-14 and falls back at 02:00 on 2027-11-07.
    assert local_instant(date(2027, 3, 14), time(2, 30), "America/New_York") == utc(2027, 3, 14, 7, 30)
    assert local_instant(date(2027, 11, 7), time(1, 30), "America/New_York") == utc(2027, 11, 7, 5, 30)


def test_naive_or_reversed_windows_are_refused():
    with pytest.raises(ValueError, match="time zone"):
        due_reminders(BERLIN, FOCUSED, HOLIDAYS, datetime(2027, 3, 1), utc(2027, 3, 2))
    with pytest.raises(ValueError, match="after it ends"):
        due_reminders(BERLIN, FOCUSED, HOLIDAYS, utc(2027, 3, 2), utc(2027, 3, 1))


ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Pacific/Auckland", "America/St_Johns"]
START = utc(2026, 12, 20)


@settings(max_examples=60, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    at=st.times(),
    gaps=st.lists(st.integers(1, 60 * 24 * 20), min_size=1, max_size=30),
    holidays=st.frozensets(st.dates(date(2027, 1, 1), date(2027, 6, 30)), max_size=30),
    focused=st.frozensets(st.sampled_from(["2027-01", "2027-02", "2027-03", "2027-04"])),
)
def test_any_sequence_of_ticks_sees_each_moment_exactly_once(zone, at, gaps, holidays, focused):
    channel = ReminderSettings(channel_id="C9", zone=zone, at=at)
    focus = FocusState(has_goals=True, focused_months=focused)
    ticks = [START]
    for minutes in gaps:
        ticks.append(ticks[-1] + timedelta(minutes=minutes))
    seen = []
    for since, now in itertools.pairwise(ticks):
        due = due_reminders(channel, focus, holidays, since, now)
        assert all(since < m.at <= now for m in due.send + due.skip)
        assert all(now < m.useful_until for m in due.send)
        seen.extend(due.send + due.skip)
    whole = due_reminders(channel, focus, holidays, ticks[0], ticks[-1])
    keys = [m.key for m in seen]
    assert len(keys) == len(set(keys))
    assert sorted(keys) == sorted(m.key for m in whole.send + whole.skip)
    for moment in seen:
        local = moment.at.astimezone(ZoneInfo(zone))
        assert local.date().weekday() < 5 and local.date() not in holidays
