"""429 and 500 storms from the stand-in: later ticks finish the job, nothing is lost or doubled
(counted per person at the stand-in, where the DMs are)."""

from datetime import UTC, datetime, timedelta

from bot.domain.checkins.spec import ReminderPolicy
from tests.handlers.checkins.delivery_setup import add_channel, dms, states

MADE_AT = datetime(2027, 1, 3, 12, tzinfo=UTC)
NINE = datetime(2027, 3, 1, 9, tzinfo=UTC)
PEOPLE = {f"U{i:03d}": None for i in range(40)}


def test_a_storm_of_server_errors_and_rate_limits_loses_and_doubles_nothing(ticks, sessions, slack_api):
    add_channel(sessions, slack_api, "C0SHOP", PEOPLE, made_at=MADE_AT, reminders=ReminderPolicy(count=0))
    slack_api.fail_next("chat.postMessage", status=500, times=60)
    slack_api.fail_next("chat.postMessage", status=503, times=20)
    slack_api.rate_limit_next("chat.postMessage", retry_after=1, times=12)

    first = ticks.tick(NINE)
    ticks.every(NINE + timedelta(minutes=1), NINE + timedelta(minutes=30), timedelta(minutes=1))

    assert first.startswith("tick 2027-03-01T09:00:00Z: due 40, ")
    assert "retried 0" not in first  # the storm outlasted some messages' four attempts
    assert dms(slack_api, PEOPLE) == dict.fromkeys(PEOPLE, 1)
    assert states(sessions) == {"sent": 40}
    refused = [c for c in slack_api.calls("chat.postMessage") if c.answer.get("ok") is not True]
    assert len(refused) == 60 + 20 + 12  # every fault was met, and still one message each
