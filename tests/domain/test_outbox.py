"""The outbox's one retry policy and its "too late" rule."""

from datetime import UTC, datetime, timedelta

from bot.domain.outbox import RETRY_FIRST, RETRY_MOST, retry_delay, too_late

NINE = datetime(2027, 3, 1, 9, tzinfo=UTC)


def test_retry_delay_doubles_from_thirty_seconds_up_to_fifteen_minutes():
    assert (timedelta(seconds=30), timedelta(minutes=15)) == (RETRY_FIRST, RETRY_MOST)
    assert [retry_delay(n) for n in (1, 2, 3, 4, 5)] == [RETRY_FIRST * k for k in (1, 2, 4, 8, 16)]
    assert retry_delay(6) == RETRY_MOST  # 16 minutes would be more than the cap
    assert retry_delay(10_000) == RETRY_MOST  # never overflows however often it failed
    assert retry_delay(0) == RETRY_FIRST


def test_too_late_only_when_nothing_is_out_and_its_moment_has_passed():
    assert too_late(NINE, NINE, started=False)
    assert not too_late(NINE, NINE - timedelta(seconds=1), started=False)
    assert not too_late(NINE, NINE + timedelta(days=1), started=True)  # a digest's parent is out: finish it
    assert not too_late(None, NINE + timedelta(days=365), started=False)  # always worth sending
