import itertools
from datetime import UTC, date, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.reports.digest_schedule import DigestCadence, DigestSettings, due_digests


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


NEW_YORK = DigestSettings(channel_id="C1", zone="America/New_York")


def test_the_default_sends_weekly_on_monday_and_monthly_on_the_first_working_day():
    due = due_digests(NEW_YORK, set(), utc(2027, 2, 28), utc(2027, 3, 1, 14))
    # 1 March 2027 is a Monday: both go out at 09:00 EST, each naming the period it covers.
    assert sorted((m.kind, m.period, m.at) for m in due.send) == [
        ("monthly_digest", "2027-02", utc(2027, 3, 1, 14)),
        ("weekly_digest", "2027-W08", utc(2027, 3, 1, 14)),
    ]


def test_a_monday_holiday_moves_the_weekly_digest_to_tuesday():
    due = due_digests(NEW_YORK, {date(2027, 1, 18)}, utc(2027, 1, 17), utc(2027, 1, 20))
    assert [(m.kind, m.period, m.at) for m in due.send] == [
        ("weekly_digest", "2027-W02", utc(2027, 1, 19, 14))
    ]


def test_cadence_chooses_which_go_out():
    window = (utc(2027, 2, 28), utc(2027, 3, 2))
    monthly = DigestSettings(channel_id="C1", zone="UTC", cadence=DigestCadence.MONTHLY)
    weekly = DigestSettings(channel_id="C1", zone="UTC", cadence=DigestCadence.WEEKLY)
    off = DigestSettings(channel_id="C1", zone="UTC", cadence=DigestCadence.OFF)
    assert [m.kind for m in due_digests(monthly, set(), *window).send] == ["monthly_digest"]
    assert [m.kind for m in due_digests(weekly, set(), *window).send] == ["weekly_digest"]
    assert due_digests(off, set(), *window).send == ()


def test_after_downtime_a_digest_comes_late_once_and_a_superseded_one_is_skipped():
    due = due_digests(NEW_YORK, set(), utc(2027, 1, 10), utc(2027, 1, 19))
    assert [m.period for m in due.send] == ["2027-W02"]
    assert [m.period for m in due.skip] == ["2027-W01"]
    again = due_digests(NEW_YORK, set(), utc(2027, 1, 19), utc(2027, 1, 20))
    assert again.send == again.skip == ()


@settings(max_examples=50, deadline=None)
@given(
    at=st.times(),
    zone=st.sampled_from(["UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe"]),
    gaps=st.lists(st.integers(1, 60 * 24 * 10), min_size=1, max_size=25),
    holidays=st.frozensets(st.dates(date(2027, 1, 1), date(2027, 5, 31)), max_size=30),
)
def test_digests_are_exactly_once_across_any_ticks(at, zone, gaps, holidays):
    channel = DigestSettings(channel_id="C1", zone=zone, at=at)
    ticks = [utc(2026, 12, 30)]
    for minutes in gaps:
        ticks.append(ticks[-1] + timedelta(minutes=minutes))
    seen = []
    for since, now in itertools.pairwise(ticks):
        due = due_digests(channel, holidays, since, now)
        seen.extend(m.key for m in due.send + due.skip)
    whole = due_digests(channel, holidays, ticks[0], ticks[-1])
    assert len(seen) == len(set(seen))
    assert sorted(seen) == sorted(m.key for m in whole.send + whole.skip)


def test_the_channel_time_is_honoured():
    early = DigestSettings(channel_id="C1", zone="UTC", at=time(7, 15), cadence=DigestCadence.WEEKLY)
    due = due_digests(early, set(), utc(2027, 1, 18), utc(2027, 1, 18, 8))
    assert [m.at for m in due.send] == [utc(2027, 1, 18, 7, 15)]
